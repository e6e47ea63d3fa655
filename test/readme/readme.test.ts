// Keep the README true: its console blocks are one tour, run top to bottom in one shell session, as
// a reader would run them (the tour starts with `cp -r samples /tmp/tour && cd /tmp/tour`, and its
// first lines set the date, the language and the width it shows). Each command's output, its
// standard error included, must be what the README shows; a line "..." in the shown output stands
// for any number of lines.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const readme = readFileSync(join(root, "README.md"), "utf8");

interface Step { command: string; expected: string[] }
interface Block { line: number; steps: Step[] }

function consoleBlocks(markdown: string): Block[] {
  const blocks = [];
  const pattern = /^```console\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match !== null; match = pattern.exec(markdown)) {
    const line = markdown.slice(0, match.index).split("\n").length;
    const steps: Step[] = [];
    for (const text of match[1]!.replace(/\n$/, "").split("\n")) {
      if (text.startsWith("$ ")) steps.push({ command: text.slice(2), expected: [] });
      else steps[steps.length - 1]?.expected.push(text);
    }
    blocks.push({ line, steps });
  }
  return blocks;
}

function matches(actual: string[], expected: string[]): boolean {
  const go = (a: number, e: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e] === "...") {
      for (let skip = a; skip <= actual.length; skip++) if (go(skip, e + 1)) return true;
      return false;
    }
    return a < actual.length && actual[a] === expected[e] && go(a + 1, e + 1);
  };
  return go(0, 0);
}

function normalise(output: string): string[] {
  const lines = output.replace(/\r\n/g, "\n").split("\n").map((line) => line.replace(/\s+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Runs the commands in one bash session in `cwd` and returns what each printed (stdout and stderr
 * together). Between two commands the script prints a marker line and restores `$?`, so that a
 * command sees the status of the one before it, as in a terminal. The tour's /tmp/tour is a
 * directory of this run's own.
 */
function runSession(commands: readonly string[], cwd: string, tour: string): Promise<string[]> {
  const marker = `--- feeledger readme step ${process.pid} ---`;
  const script = commands
    .map((command) => `{ ${command.replaceAll("/tmp/tour", tour)}\n} 2>&1\n__status=$?; printf '\\n%s\\n' '${marker}'; (exit $__status)\n`)
    .join("");
  writeFileSync(join(cwd, "tour.sh"), script);
  // A neutral environment: no colour, no locale, no feeledger settings but those the tour exports.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: cwd, NO_COLOR: "1", LANG: "C", TZ: process.env.TZ ?? "UTC" };
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["tour.sh"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", () => {
      const outputs = Buffer.concat(chunks).toString("utf8").split(`\n${marker}\n`);
      resolve(outputs.slice(0, commands.length));
    });
  });
}

const blocks = consoleBlocks(readme);
const steps = blocks.flatMap((block) => block.steps);
let outputs: string[] = [];

/** With UPDATE_README=1 the blocks are rewritten with what the commands print (review the diff). */
const updates = new Map<number, string>();

describe("README.md, its tour in one shell session", () => {
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), "feeledger-readme-"));
    cpSync(join(root, "samples"), join(work, "samples"), { recursive: true });
    symlinkSync(join(root, "bin"), join(work, "bin"));
    outputs = await runSession(steps.map((step) => step.command), work, join(work, "tour"));
  }, 600_000);

  if (process.env.UPDATE_README) {
    afterAll(() => {
      const lines = readme.split("\n");
      for (const [line, body] of [...updates.entries()].sort((a, b) => b[0] - a[0])) {
        let end = line;
        while (lines[end] !== "```") end++;
        lines.splice(line, end - line, ...body.split("\n"));
      }
      writeFileSync(join(root, "README.md"), lines.join("\n"));
    });
  }

  it("has a tour", () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(steps[0]?.command).toMatch(/^export /);
    expect(steps.slice(0, 3).map((step) => step.command)).toContain("cp -r samples /tmp/tour && cd /tmp/tour && git init -q && git add -A");
  });

  let index = 0;
  for (const block of blocks) {
    const first = index;
    index += block.steps.length;
    it(`the console block at README.md line ${block.line} shows what its commands print`, () => {
      expect(outputs.length, "every command of the tour ran").toBe(steps.length);
      const shown: string[] = [];
      const failures: string[] = [];
      block.steps.forEach((step, offset) => {
        const actual = normalise(outputs[first + offset]!);
        const same = matches(actual, step.expected);
        shown.push(`$ ${step.command}`, ...(same ? step.expected : actual));
        if (!same) failures.push(`$ ${step.command}\n--- README shows:\n${step.expected.join("\n")}\n--- got:\n${actual.join("\n")}`);
      });
      updates.set(block.line, shown.join("\n"));
      if (!process.env.UPDATE_README) expect(failures, failures.join("\n\n")).toEqual([]);
    });
  }
});
