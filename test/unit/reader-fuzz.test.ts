// Property-based: random and mutated text never crashes the reader, and every problem it reports
// has a location inside the text.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parser/parse.js";
import { loadLedger } from "../../src/loader/load.js";
import { runCli, diagnosticLines } from "../helpers/cli.js";

const VALID = [
  'option "title" "Fuzz"',
  'option "operating_currency" "CNY"',
  "2026-01-01 open Assets:1002-银行存款 CNY",
  '2026-01-01 open Expenses:6602-管理费用:01-客户拜访 "FIFO"',
  "2026-01-01 open Liabilities:2241-其他应付款:E01-王伟",
  "2026-01-01 open Assets:Stock",
  "2026-01-01 open Equity:Opening",
  "2026-01-02 pad Assets:1002-银行存款 Equity:Opening",
  "2026-01-03 balance Assets:1002-银行存款  1,000.00 CNY",
  '2026-01-05 ! "王伟" "拜访客户" #visit ^EC-1',
  '  claim: "EC-1"',
  "  Expenses:6602-管理费用:01-客户拜访   (100/3) CNY",
  '    invoice: "26442000000123456789"',
  "  Liabilities:2241-其他应付款:E01-王伟",
  "",
  "2026-01-06 * \"buy\"",
  "  Assets:Stock  10 ABC {5.00 USD, \"lot\"} @ 6 USD",
  "  Equity:Opening",
  "2026-01-07 custom \"budget\" Expenses:6602-管理费用 \"monthly\" 20000.00 CNY",
  "pushtag #t",
  "2026-01-08 note Assets:1002-银行存款 \"hello\"",
  "poptag #t",
].join("\n");

const FRAGMENTS = [
  "2026-01-01", " ", "  ", "\t", "\n", "\r\n", "open", "close", "balance", "pad", "txn", "*", "!", "\"", "\"x\"",
  "Assets:A", "Expenses:费用:01-客户", "CNY", "USD", "1,234.56", "-", "+", "(", ")", "/", "{", "}", "{{", "}}", "@", "@@",
  "#tag", "^link", "key:", "TRUE", "NULL", ";", "include", "option", "pushtag", "poptag", "custom", "~", ",", "\ufeff",
  "中", "::", "1/0", "9999999999999999999999999999999999", ".5", "5.", "2026-13-40", "P", "M",
];

function mutate(text: string, edits: { at: number; kind: number; fragment: string }[]): string {
  let result = text;
  for (const edit of edits) {
    const at = edit.at % (result.length + 1);
    if (edit.kind === 0) result = result.slice(0, at) + result.slice(at + 1);
    else if (edit.kind === 1) result = result.slice(0, at) + edit.fragment + result.slice(at);
    else result = result.slice(0, at) + result.slice(at, at + 20) + result.slice(at);
  }
  return result;
}

function assertLocated(text: string): void {
  const parsed = parseSource(text, "fuzz.beancount");
  for (const diagnostic of parsed.diagnostics) {
    expect(diagnostic.span).not.toBeNull();
    expect(diagnostic.span!.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.span!.end).toBeLessThanOrEqual(text.length);
    expect(diagnostic.span!.start).toBeLessThanOrEqual(diagnostic.span!.end);
  }
}

const editArb = fc.array(fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 2 }), fragment: fc.constantFrom(...FRAGMENTS) }), { minLength: 1, maxLength: 8 });

describe("the reader never crashes", () => {
  it("on random sequences of journal fragments", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (parts) => assertLocated(parts.join(""))), { numRuns: 400 });
  });

  it("on arbitrary unicode strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => assertLocated(text)), { numRuns: 300 });
  });

  it("on mutations of a valid ledger, through the whole loader and the check command", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-fuzz-"));
    let run = 0;
    fc.assert(fc.property(editArb, (edits) => {
      const text = mutate(VALID, edits);
      assertLocated(text);
      const file = join(dir, `m${run++}.beancount`);
      writeFileSync(file, text);
      expect(() => loadLedger(file)).not.toThrow();
      const result = runCli(["check", file]);
      expect([0, 1]).toContain(result.code);
      expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
      const problems = diagnosticLines(result.stderr);
      if (result.code === 1) expect(problems.some((p) => p.severity === "error")).toBe(true);
      for (const problem of problems) expect(problem.line).toBeGreaterThan(0);
    }), { numRuns: 150 });
  });
});
