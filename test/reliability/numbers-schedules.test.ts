// Issue #11, item 6: a schedule whose amount has 17 or more significant digits was silently
// ignored (left out of `report schedules`, half the installments written by `amortize`, nothing
// from `check`). Such an amount is not a scaled integer, so booking makes booked postings that name
// their source posting; a compact transaction makes its posting objects anew once another's were
// read, and the schedule's posting was looked up by object identity. Now it is found by where it is
// written. Also: a schedule that would run past 9999-12 is an error at its line, not wrong months.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "feeledger-numbers-schedules-")), "books.beancount");
  writeFileSync(file, text);
  return file;
}

const LARGE = `2026-01-01 open Assets:Bank CNY
2026-01-01 open Assets:Prepaid CNY
2026-01-01 open Expenses:Software CNY

2026-01-05 * "license, amounts written out"
  Assets:Prepaid  12345678901234567 CNY
    amortize: Expenses:Software
    months: 12
  Assets:Bank  -12345678901234567 CNY

2026-01-06 * "between"
  Assets:Prepaid  1.00 CNY
  Assets:Bank

2026-01-07 * "license, the bank amount elided"
  Assets:Prepaid  1234567890123456.78 CNY
    amortize: Expenses:Software
    months: 12
  Assets:Bank

2026-01-08 * "after"
  Assets:Prepaid  1.00 CNY
  Assets:Bank

2026-03-31 * "end of the quarter"
  Assets:Prepaid  1.00 CNY
  Assets:Bank
`;

describe("schedules with amounts of 17 or more significant digits", () => {
  it("report schedules lists them", () => {
    const result = runCli(["report", "schedules", write(LARGE), "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => row.total)).toEqual(["12345678901234567.00", "1234567890123456.78"]);
  });

  it("amortize writes every installment of both, and they add up to the totals", () => {
    const file = write(LARGE);
    const run = runCli(["amortize", file, "--through", "2026-12"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Wrote 24 installments");
    const written = readFileSync(file, "utf8");
    expect(written.match(/^ {2}schedule: /gm)).toHaveLength(24);
    const check = runCli(["check", file], { FEELEDGER_TODAY: "2027-01-15" });
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    const report = JSON.parse(runCli(["report", "schedules", file, "--format", "json"]).stdout) as Record<string, unknown>[];
    expect(report.map((row) => [row.written, row.remaining])).toEqual([[12, "0.00"], [12, "0.00"]]);
  });

  it("check warns of the installments overdue for both", () => {
    const check = runCli(["check", write(LARGE)], { FEELEDGER_TODAY: "2026-04-15" });
    expect(check.code).toBe(0);
    const warnings = diagnosticLines(check.stderr).filter((d) => d.severity === "warning");
    expect(warnings.map((d) => d.line)).toEqual([6, 16]);
  });
});

describe("schedules at the end of the calendar", () => {
  it("a schedule that would run past 9999-12 is an error at its months line", () => {
    const file = write(`9999-01-01 open Assets:Bank CNY
9999-01-01 open Assets:Prepaid CNY
9999-01-01 open Expenses:Software CNY
9999-06-05 * "license"
  Assets:Prepaid  1200 CNY
    amortize: Expenses:Software
    months: 12
  Assets:Bank
9999-12-05 * "license"
  Assets:Prepaid  1200 CNY
    amortize: Expenses:Software
    months: 1
    start: "next-month"
  Assets:Bank
9999-12-06 * "license"
  Assets:Prepaid  1200 CNY
    amortize: Expenses:Software
    months: 1
  Assets:Bank
`);
    const check = runCli(["check", file]);
    expect(check.code).toBe(1);
    const errors = diagnosticLines(check.stderr).filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.line, d.message])).toEqual([
      [7, "12 months from 9999-06 run past 9999-12, the last month a date can have"],
      [13, "'start: \"next-month\"' has no month after 9999-12 to start in"],
    ]);
  });
});
