// Sane defaults on a day inside the journal's year: budget execution counts the budget of the
// months to date (the current one whole) unless asked for the whole year (--full-year); a range
// asked for counts the budget of its days, as Fava does; trend never compares a period that has not
// started (when nothing is dated after today). Budget figures are the sample's budget directives summed by hand:
//   客户管理费 monthly 20,000.00 from January, 24,000.00 from July;
//   客户礼品 quarterly 25,000.00, 45,000.00 in Q3, 25,000.00 again from Q4;
//   业务招待费 yearly 80,000.00, prorated by day (365 days in 2026).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const SAMPLE = new URL("../../samples/customer-fees-2026.beancount", import.meta.url).pathname;
const FEES = "Expenses:6602-管理费用:01-客户管理费";
const GIFTS = "Expenses:6602-管理费用:01-客户管理费:03-客户礼品";
const ENTERTAINMENT = "Expenses:6602-管理费用:02-业务招待费";

interface Json { readonly [key: string]: unknown; readonly rows: Record<string, string | null>[]; readonly totals: Record<string, string | null>[] }

function report(today: string, ...args: string[]): Json {
  const run = runCli(["report", ...args, SAMPLE, "--format", "json"], { FEELEDGER_TODAY: today });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

/** Budget, actual and rate of each account's total row. */
function totals(json: Json): Record<string, [string | null, string | null, string | null]> {
  return Object.fromEntries(json.totals.map((row) => [row.account as string, [row.budget!, row.actual!, row.rate!]]));
}

describe("report budget, year to date", () => {
  it("counts the budget of the months to date, the current one whole, against the spending to today", () => {
    const json = report("2026-09-15", "budget", "-Y");
    expect(json).toMatchObject({ begin: "2026-01-01", end: "2026-09-16", budget_end: "2026-10-01" });
    // The spending to today is what a range of exactly those days holds.
    const days = totals(report("2026-09-15", "budget", "-Y", "-b", "2026-01-01", "-e", "2026-09-16"));
    const ytd = totals(json);
    expect(ytd[FEES]).toEqual(["192000.00", days[FEES]![1], "95.66"]); // 6 x 20,000 + 3 x 24,000
    expect(ytd[FEES]![1]).toBe("183662.00");
    expect(ytd[GIFTS]).toEqual(["95000.00", days[GIFTS]![1], "73.96"]); // 25,000 + 25,000 + 45,000
    // 80,000 x 273 / 365 (January to September).
    expect(ytd[ENTERTAINMENT]).toEqual(["59835.62", days[ENTERTAINMENT]![1], "75.21"]);
  });

  it("with --full-year counts the whole year's budget against the same spending", () => {
    const json = report("2026-09-15", "budget", "-Y", "--full-year");
    expect(json).toMatchObject({ end: "2026-09-16", budget_end: "2027-01-01" });
    const full = totals(json);
    expect(full[FEES]).toEqual(["264000.00", "183662.00", "69.57"]); // 6 x 20,000 + 6 x 24,000
    expect(full[GIFTS]).toEqual(["120000.00", "70266.00", "58.55"]);
    expect(full[ENTERTAINMENT]).toEqual(["80000.00", "45000.00", "56.25"]);
  });

  it("in December, by month: December's whole budget, and no month after it", () => {
    const json = report("2026-12-05", "budget", "-M");
    const december = json.rows.filter((row) => row.period === "2026-12");
    expect(december.map((row) => [row.account, row.budget])).toEqual([
      [FEES, "24000.00"], [GIFTS, "8423.91"], [ENTERTAINMENT, "6794.52"], // 25,000 x 31/92, 80,000 x 31/365
    ]);
    expect(json.rows.some((row) => (row.period as string) > "2026-12")).toBe(false);
    expect(totals(json)[FEES]).toEqual(["264000.00", "210147.00", "79.60"]);
  });

  it("a range asked for counts the budget of its days (Fava's proration), and says no budget_end", () => {
    const json = report("2026-12-05", "budget", "-Y", "-b", "2026-12-01", "-e", "2026-12-06");
    expect(json.budget_end).toBeUndefined();
    expect(totals(json)[FEES]![0]).toBe("3870.97"); // 24,000 x 5 / 31
  });

  it("shows where the budget ends in the table's caption", () => {
    const run = runCli(["report", "budget", SAMPLE, "-Y"], { FEELEDGER_TODAY: "2026-09-15" });
    expect(run.stdout.split("\n")[0]).toBe("Budget execution  yearly  2026-01-01..2026-09-15  budget to 2026-09-30");
    const chinese = runCli(["report", "budget", SAMPLE, "-Y", "--lang", "zh"], { FEELEDGER_TODAY: "2026-09-15" });
    expect(chinese.stdout.split("\n")[0]).toContain("预算截至 2026-09-30");
  });
});

describe("report trend never compares a period that has not started", () => {
  it("a range past today leaves out the periods to come: the latest is the one under way", () => {
    // Costs of every month to today's (2026-11-10), none after: December is not compared.
    const dir = mkdtempSync(join(tmpdir(), "feeledger-trend-"));
    const file = join(dir, "main.beancount");
    const months = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"];
    writeFileSync(file, "2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:Fees CNY\n"
      + months.map((month, index) => `\n2026-${month}-10 * "fee"\n  Expenses:Fees  ${index + 1}00.00 CNY\n  Assets:Bank\n`).join(""));
    const run = runCli(["report", "trend", "-p", "2026", file, "--format", "json"], { FEELEDGER_TODAY: "2026-11-15" });
    const json = JSON.parse(run.stdout) as Json;
    expect(json).toMatchObject({ begin: "2026-01-01", end: "2026-12-01", latest: "2026-11", previous: "2026-10", year_ago: "2025-11" });
    expect(Object.keys(json.totals[0]!)).not.toContain("2026-12");
    expect(json.totals[0]).toMatchObject({ "2026-11": "1100.00", previous: "1000.00", change_previous: "100.00" });
  });

  it("a range that has ended is as asked; costs dated after today are shown", () => {
    expect(report("2026-11-15", "trend", "-p", "2026-06")).toMatchObject({ begin: "2026-06-01", end: "2026-07-01", latest: "2026-06" });
    // The sample has costs to the end of December: today in June, they are shown.
    expect(report("2026-06-15", "trend", "-p", "2026")).toMatchObject({ end: "2027-01-01", latest: "2026-12" });
  });
});
