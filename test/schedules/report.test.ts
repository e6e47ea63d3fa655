// `feeledger report schedules`: each schedule's total, months, installments written, amount
// remaining and next date, as a table, CSV or JSON.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { ACCOUNTS, CRM, PREPAID, journal, prepaid, samplesCopy } from "./journal.js";

describe("report schedules", () => {
  it("lists the samples' four schedules before any installment", () => {
    const run = runCli(["report", "schedules", "samples/customer-fees-2026.beancount", "--format", "csv"]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(["schedule", "date", "account", "amortize", "drawdown", "commodity", "total", "months", "monthly", "first", "last", "written", "written_amount", "remaining", "next"]);
    expect(rows.slice(1).map((row) => [row[0], row[6], row[7], row[8], row[9], row[10], row[11], row[13], row[14]])).toEqual([
      ["2026-01-05-CRM系统", "12000.00", "12", "1000.00", "2026-01", "2026-12", "0", "12000.00", "2026-01-31"],
      ["2026-03-20-CRM实施", "50000.00", "24", "2083.33", "2026-03", "2028-02", "0", "50000.00", "2026-03-31"],
      ["2026-04-13-01-客户体验中心装修", "100000.00", "36", "2777.78", "2026-05", "2029-04", "0", "100000.00", "2026-05-31"],
      ["2026-07-02-C01-ACME", "-30000.00", "6", "-5000.00", "2026-07", "2026-12", "0", "-30000.00", "2026-07-31"],
    ]);
    expect(rows[2]![4]).toBe("Assets:1702-累计摊销:CRM实施");
    expect(rows[4]![3]).toBe("Income:6051-其他业务收入");
  });

  it("shows what was written, what remains and the next date", () => {
    const file = join(samplesCopy(), "customer-fees-2026.beancount");
    expect(runCli(["amortize", file, "--through", "2026-12"]).code).toBe(0);
    const json = runCli(["report", "schedules", file, "--format", "json"]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { schedule: string; written: number; writtenAmount: string; remaining: string; next: string | null }[];
    expect(rows.map((row) => [row.schedule, row.written, row.writtenAmount, row.remaining, row.next])).toEqual([
      ["2026-01-05-CRM系统", 12, "12000.00", "0.00", null],
      ["2026-03-20-CRM实施", 10, "20833.30", "29166.70", "2027-01-31"],
      ["2026-04-13-01-客户体验中心装修", 8, "22222.24", "77777.76", "2027-01-31"],
      ["2026-07-02-C01-ACME", 6, "-30000.00", "0.00", null],
    ]);
    const table = runCli(["report", "schedules", file], { COLUMNS: "200" });
    expect(table.code).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines[0]).toMatch(/^ Schedule +Account +Total +Commodity +Months +Monthly +Written +Remaining +Next/);
    expect(lines.find((line) => line.includes("2026-03-20-CRM实施"))).toMatch(/50,000\.00 +CNY +24 +2,083\.33 +10\/24 +29,166\.70 +2027-01-31/);
    expect(lines.find((line) => line.includes("2026-01-05-CRM系统"))).toMatch(/12\/12 +0\.00 +done/);
  });

  it("counts installments written by hand", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "10000.00", 3)}\n2026-01-31 * "手工摊销"\n  ${CRM}  3333.33 CNY\n  ${PREPAID}  -3333.33 CNY\n`);
    const rows = parseCsv(runCli(["report", "schedules", file, "--format", "csv"]).stdout);
    expect([rows[1]![11], rows[1]![12], rows[1]![13], rows[1]![14]]).toEqual(["1", "3333.33", "6666.67", "2026-02-28"]);
  });

  it("refuses a journal whose schedules have errors", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "1200.00", 0)}`);
    const run = runCli(["report", "schedules", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error: A schedule needs 'months: N'");
  });
});
