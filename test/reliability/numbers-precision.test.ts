// Issue #11, item 8: a number written with more significant digits than feeledger computes with
// (28, beancount's Decimal context) is kept as written (print shows it) but rounded in every sum
// (bal), and nothing said so. Now `check` warns at the number, code `amount-precision`.
// (bean-check 2.3.5 has no message for it: it rounds silently, reports the rounded amounts as
// "does not balance", or stops with a Python traceback when it must fill in an elided amount.)
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { diagnosticLines, runCli } from "../helpers/cli.js";

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "feeledger-numbers-precision-")), "books.beancount");
  writeFileSync(file, text);
  return file;
}

const FORTY_DIGITS = "1.234567890123456789012345678901234567891";

const JOURNAL = `2026-01-01 open Assets:Bank CNY
2026-01-01 open Expenses:Fees CNY

2026-01-05 * "written with 28 significant digits: exact"
  Expenses:Fees  1234567890123456789.012345678 CNY
  Assets:Bank

2026-01-06 * "written with 40"
  Expenses:Fees  ${FORTY_DIGITS} CNY
  Assets:Bank   -${FORTY_DIGITS} CNY

2026-01-07 * "with a price, read by the grammar"
  Expenses:Fees  1 CNY @ 1.00000000000000000000000000001 CNY
  Assets:Bank   -1 CNY
`;

describe("numbers past the 28 significant digits sums keep", () => {
  it("check warns at each such number, with its digits, and exits 0", () => {
    const file = write(JOURNAL);
    const check = runCli(["check", file]);
    expect(check.code).toBe(0);
    const warnings = diagnosticLines(check.stderr);
    expect(warnings.map((d) => [d.severity, d.line, d.column])).toEqual([["warning", 9, 18], ["warning", 10, 18], ["warning", 13, 26]]);
    expect(warnings[0]!.message).toBe("this number has 40 significant digits; feeledger computes with 28 (as beancount does), so totals that include it are rounded");
    expect(warnings[2]!.message).toContain("has 30 significant digits");
  });

  it("the warning's code is amount-precision, and print still keeps every digit", () => {
    const file = write(JOURNAL);
    const codes = loadLedger(file).diagnostics.map((d) => `${d.code} ${d.severity}`);
    expect(codes).toEqual(["amount-precision warning", "amount-precision warning", "amount-precision warning"]);
    expect(runCli(["print", file]).stdout).toContain(FORTY_DIGITS);
  });

  it("up to 28 significant digits, and zeros that are not significant, say nothing", () => {
    const file = write(`2026-01-01 open Assets:Bank CNY
2026-01-01 open Expenses:Fees CNY
2026-01-05 * "28 digits, zeros around them"
  Expenses:Fees  000001234567890123456789.0123456780000000 CNY
  Assets:Bank
2026-01-06 * "one significant digit, 40 written"
  Expenses:Fees  1000000000000000000000000000000000000000 CNY
  Assets:Bank
`);
    const check = runCli(["check", file]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
  });
});
