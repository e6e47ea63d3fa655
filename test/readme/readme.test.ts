// Keep the README true: every ```console block in README.md is run (each block on a fresh copy of
// samples/, commands of one block in order) and its output must be what the README shows.
// A line "..." in the shown output stands for any number of lines.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const readme = readFileSync(join(root, "README.md"), "utf8");

interface Step { command: string; expected: string[] }

function consoleBlocks(markdown: string): { line: number; steps: Step[] }[] {
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

/** With UPDATE_README=1 the blocks are rewritten with what the commands print (review the diff). */
const updates = new Map<number, string>();

describe("README.md examples", () => {
  const blocks = consoleBlocks(readme);
  if (process.env.UPDATE_README) {
    afterAll(() => {
      let text = readme;
      const ordered = [...updates.entries()].sort((a, b) => b[0] - a[0]);
      const lines = text.split("\n");
      for (const [line, body] of ordered) {
        let end = line;
        while (lines[end] !== "```") end++;
        lines.splice(line, end - line, ...body.split("\n"));
      }
      text = lines.join("\n");
      writeFileSync(join(root, "README.md"), text);
    });
  }
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThan(5);
  });
  for (const block of blocks) {
    it(`the console block at README.md line ${block.line} shows what the commands print`, () => {
      const work = mkdtempSync(join(tmpdir(), "feeledger-readme-"));
      cpSync(join(root, "samples"), join(work, "samples"), { recursive: true });
      writeFileSync(join(work, "bad.beancount"), BAD_JOURNAL);
      symlinkSync(join(root, "bin"), join(work, "bin"));
      const shown: string[] = [];
      for (const step of block.steps) {
        let output: string;
        try {
          output = execFileSync("bash", ["-c", `${step.command} 2>&1`], {
            cwd: work,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1", LANG: "C", LC_ALL: "", FEELEDGER_TODAY: "2027-01-15", COLUMNS: "100" },
          });
        } catch (thrown) {
          output = String((thrown as { stdout?: string }).stdout ?? "");
        }
        const actual = normalise(output);
        shown.push(`$ ${step.command}`, ...(matches(actual, step.expected) ? step.expected : actual));
        if (process.env.UPDATE_README) continue;
        expect(matches(actual, step.expected), `$ ${step.command}\n--- README shows:\n${step.expected.join("\n")}\n--- got:\n${actual.join("\n")}`).toBe(true);
      }
      updates.set(block.line, shown.join("\n"));
    });
  }
});

/** The faulty journal the README's check example uses (also shown there with `cat`). */
const BAD_JOURNAL = `2026-01-01 open Assets:1002-银行存款 CNY
2026-01-01 open Expenses:6602-管理费用:01-客户拜访

2026-01-05 * "王伟" "拜访客户"
  Expenses:6602-管理费用:01-客户拜访   553.00 CNY
  Assets:1002-银行存款                -550.00 CNY

2026-01-06 balance Assets:1002-银行存款  -553.00 CNY
`;
