// Issue #11, item 4: years near 9999. The exclusive end of a range through 9999-12-31 used to be
// the string "10000-01-01", which sorts before "2026": trend, budget and tax found no transactions
// in 9999, a trend over 0001..9999 stopped at 1000, and `-p 2026..9999` was called empty. JavaScript's
// Date also read the years 0001-0099 as 1901-1999 when adding days.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { END_OF_TIME, addDays, addMonths } from "../../src/core/dates.js";
import { runCli } from "../helpers/cli.js";

const JOURNAL = `option "operating_currency" "CNY"
0001-01-01 open Assets:Bank CNY
0001-01-01 open Expenses:Fees:Travel CNY
0001-01-01 open Expenses:Fees:Meals CNY
  tax: "entertainment"
0001-01-01 open Income:Sales CNY
  tax: "revenue"
0001-01-01 custom "budget" Expenses:Fees "monthly" 1000.00 CNY

0001-03-05 * "old"
  Expenses:Fees:Travel  10.00 CNY
  Assets:Bank

2026-03-05 * "now"
  Expenses:Fees:Travel  20.00 CNY
  Assets:Bank

9999-06-05 * "far"
  Expenses:Fees:Travel  30.00 CNY
  Expenses:Fees:Meals  5.00 CNY
  Assets:Bank

9999-12-31 * "sale on the last day"
  Income:Sales  -3000.00 CNY
  Assets:Bank
`;

function journal(): string {
  const file = join(mkdtempSync(join(tmpdir(), "feeledger-numbers-dates-")), "far.beancount");
  writeFileSync(file, JOURNAL);
  return file;
}

/** The JSON a report writes, and its exit status with nothing on stderr. */
function json(args: string[]): { [key: string]: unknown; rows: Record<string, unknown>[]; totals: Record<string, unknown>[] } {
  const result = runCli([...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("dates near 9999 in reports", () => {
  it("trend: a transaction in 9999 appears, and a trend over 0001..9999 shows 0001, 2026 and 9999", () => {
    const file = journal();
    const yearly = json(["report", "trend", file, "-Y", "-p", "0001..9999"]);
    expect(yearly.totals[0]).toMatchObject({ "0001": "10.00", "2026": "20.00", "9999": "35.00", total: "65.00" });
    expect(yearly).toMatchObject({ begin: "0001-01-01", end: "10000-01-01", latest: "9999", omitted_years: ["0002..2025", "2027..9998"] });
    const monthly = json(["report", "trend", file, "-M", "-b", "0001-01-01", "-e", "9999-12-31"]);
    expect(monthly.totals[0]).toMatchObject({ "0001-03": "10.00", "2026-03": "20.00", "9999-06": "35.00", total: "65.00" });
    // The caption gives the range asked for, and which years were left out.
    const table = runCli(["report", "trend", file, "-Y", "-p", "0001..9999", "--no-color"]);
    expect(table.stdout).toContain("0001-01-01..9999-12-31");
    expect(table.stdout).toContain("years without data left out: 0002..2025, 2027..9998");
  });

  it("budget: spending in 9999 is counted against the budget", () => {
    const budget = json(["report", "budget", "-p", "9999", journal()]);
    expect(budget.rows.find((row) => row.period === "9999-06")).toMatchObject({ budget: "1000.00", actual: "35.00" });
    expect(budget.totals[0]).toMatchObject({ budget: "12000.00", actual: "35.00" });
  });

  it("tax: the year 9999 is tested, revenue on its last day included", () => {
    const tax = json(["report", "tax", "-p", "9999", journal()]);
    expect(tax.rows).toEqual([expect.objectContaining({ year: "9999", entertainment: "5.00", revenue: "3000.00", revenue_cap: "15.00", deductible: "3.00" })]);
  });

  it("-p 2026..9999 is a range up to the last date, not an empty one, in every report", () => {
    const file = journal();
    expect(json(["report", "trend", file, "-Y", "-p", "2026..9999"]).totals[0]).toMatchObject({ "2026": "20.00", "9999": "35.00" });
    expect(json(["report", "structure", file, "-p", "2026..9999"]).totals[0]).toMatchObject({ amount: "55.00", count: 3 });
    expect(json(["reg", file, "Sales", "-p", "2026..9999"]).rows.map((row) => row.date)).toEqual(["9999-12-31"]);
    expect(json(["is", file, "-p", "2026..9999"]).totals.map((row) => row.amount)).toEqual(["3000.00", "55.00", "2945.00"]);
    const balanceSheet = runCli(["bs", file, "-p", "9999-12-31", "--no-color"]);
    expect(balanceSheet.code).toBe(0);
    expect(balanceSheet.stdout).toContain("at the latest entry");
    expect(balanceSheet.stdout).not.toContain("9999-12-32");
    expect(json(["report", "tax", file, "-p", "9999-12-31"]).rows[0]).toMatchObject({ revenue: "3000.00" });
  });
});

describe("calendar arithmetic at the ends of the calendar", () => {
  it("the day after 9999-12-31 is END_OF_TIME, which sorts after every date and reads back", () => {
    expect(addDays("9999-12-31", 1)).toBe(END_OF_TIME);
    expect(addMonths("9999-12-01", 1)).toBe(END_OF_TIME);
    expect(addMonths("9999-01-01", 12)).toBe(END_OF_TIME);
    expect(END_OF_TIME > "9999-12-31").toBe(true);
    expect(addDays(END_OF_TIME, -1)).toBe("9999-12-31");
    expect(addMonths(END_OF_TIME, -1)).toBe("9999-12-01");
  });

  it("years 0001-0099 are not read as 1901-1999", () => {
    expect(addDays("0001-03-05", 1)).toBe("0001-03-06");
    expect(addDays("0004-02-28", 1)).toBe("0004-02-29");
    expect(addDays("0100-02-28", 1)).toBe("0100-03-01");
    expect(addDays("0001-01-01", -1)).toBe("0000-12-31");
  });

  it("addDays agrees with the calendar for every day of 1900..2200", () => {
    let date = "1900-01-01";
    for (let time = Date.UTC(1900, 0, 1); time < Date.UTC(2200, 0, 1); time += 86_400_000) {
      if (date !== new Date(time).toISOString().slice(0, 10)) expect(date).toBe(new Date(time).toISOString().slice(0, 10));
      date = addDays(date, 1);
    }
    expect(date).toBe("2200-01-01");
  });
});
