// Faulty ledgers: `check` must exit 1 and name every line bean-check names (frozen in
// test/fixtures/errors/<case>/expected.json by running bean-check 2.3.5 on each case).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCliIn } from "../helpers/cli.js";

const root = new URL("../fixtures/errors/", import.meta.url).pathname;

interface Expected { file: string; line: number; message: string }

/** Cases where feeledger deliberately differs from beancount 2.3.5, and why. */
const DELIBERATE: Record<string, string> = {
  "syntax-bad-account-cjk": "feeledger accepts CJK account components (beancount#161); `check --beancount` warns instead",
  "syntax-bad-tag": "feeledger accepts Unicode letters in tags and links; `check --beancount` warns instead",
  "syntax-utf8-bom": "feeledger accepts a UTF-8 byte order mark (files saved by Windows editors)",
  "syntax-error-drops-previous-directive": "beancount silently drops a valid directive that precedes a line starting with a bad token; feeledger keeps it and reports only the bad line",
};

const cases = existsSync(root)
  ? readdirSync(root).filter((name) => existsSync(join(root, name, "main.beancount"))).sort()
  : [];

describe("faulty ledgers: check names the lines beancount names", () => {
  it("has a corpus", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  for (const name of cases) {
    const dir = join(root, name);
    const expected: Expected[] = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    const beancountExit = Number(readFileSync(join(dir, "exit-code.txt"), "utf8").trim());
    it(`${name}`, () => {
      const run = runCliIn(dir, ["check", "main.beancount"]);
      const errors = diagnosticLines(run.stderr).filter((d) => d.severity === "error");
      if (DELIBERATE[name] !== undefined) {
        // Where feeledger is deliberately more lenient, every error it does report is still located.
        for (const error of errors) expect(error.line).toBeGreaterThan(0);
        return;
      }
      if (beancountExit === 0) {
        expect(errors).toEqual([]);
        expect(run.code).toBe(0);
        return;
      }
      expect(run.code).toBe(1);
      for (const want of expected) {
        if (want.line === 0) continue; // beancount's "<load>:0:" errors have no line; any error will do
        // beancount reports "unexpected EOL" on the line after the fault; feeledger on the faulty line.
        const lines = /unexpected EOL/.test(want.message) ? [want.line, want.line - 1] : [want.line];
        const named = errors.some((d) => d.file.endsWith(want.file) && lines.includes(d.line));
        expect(named, `beancount names ${want.file}:${want.line} (${want.message}); feeledger said:\n${run.stderr}`).toBe(true);
      }
    });
  }
});
