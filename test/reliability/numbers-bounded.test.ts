// Issue #11, item 5: a report's time and memory follow the data, not the range asked for.
// `report trend -M -b 0001-01-01 -e 9999-12-31` ran out of heap (120,000 monthly columns), and
// `report budget -M` over that range iterated every day of 8,000 years (4.5 GB). Now the periods
// shown are those of the calendar years that hold data; runs of two or more empty years are left
// out (and named in the caption), a single empty year is shown.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/journals.js";
import { runCli } from "../helpers/cli.js";

const JOURNAL = `0001-01-01 open Assets:Bank CNY
0001-01-01 open Expenses:Fees:Travel CNY
  tax: "entertainment"
0001-01-01 open Income:Sales CNY
  tax: "revenue"
2026-01-01 custom "budget" Expenses:Fees "monthly" 1000.00 CNY
2026-01-01 custom "budget" Expenses:Fees:Travel "daily" 10.00 CNY

2026-03-05 * "now"
  Expenses:Fees:Travel  20.00 CNY
  Assets:Bank

2026-04-05 * "sale"
  Income:Sales  -500.00 CNY
  Assets:Bank

9999-06-05 * "far"
  Expenses:Fees:Travel  30.00 CNY
  Assets:Bank
`;

function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "feeledger-numbers-bounded-")), name);
  writeFileSync(file, text);
  return file;
}

/** bin/feeledger in a real process with a 256 MB heap; killed after 30 s. */
function runBounded(args: string[]): { stdout: string; stderr: string; status: number | null; signal: string | null } {
  const run = spawnSync(process.execPath, ["--max-old-space-size=256", join(root, "bin/feeledger"), ...args], {
    encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status, signal: run.signal };
}

describe("reports over 0001-01-01..9999-12-31 stay small (a real process, 256 MB of heap)", () => {
  const file = write("sparse.beancount", JOURNAL);
  const range = ["-b", "0001-01-01", "-e", "9999-12-31", "--format", "json"];

  it("report trend -M shows the months of 2026 and 9999 only", () => {
    const run = runBounded(["report", "trend", "-M", file, ...range]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const trend = JSON.parse(run.stdout);
    const months = Object.keys(trend.totals[0]).filter((key) => /^\d{4}-\d{2}$/.test(key));
    expect(months).toHaveLength(24);
    expect(months[0]).toBe("2026-01");
    expect(months[23]).toBe("9999-12");
    expect(trend.totals[0]).toMatchObject({ "2026-03": "20.00", "9999-06": "30.00", total: "50.00" });
    expect(trend.omitted_years).toEqual(["0001..2025", "2027..9998"]);
  });

  it("report budget -M (a daily budget too) shows the budget in the years with data", () => {
    const run = runBounded(["report", "budget", "-M", file, ...range]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const budget = JSON.parse(run.stdout);
    // 24 months of each budget; a month of 9999 with no spending still has its budget.
    expect(budget.rows.filter((row: { account: string }) => row.account === "Expenses:Fees")).toHaveLength(24);
    expect(budget.rows).toContainEqual(expect.objectContaining({ account: "Expenses:Fees", period: "9999-01", budget: "1000.00", actual: "0.00" }));
    expect(budget.rows).toContainEqual(expect.objectContaining({ account: "Expenses:Fees:Travel", period: "9999-06", budget: "300.00", actual: "30.00" }));
    // (-e is exclusive: 9999-12-31 is left out, 30 of December's 31 days.)
    expect(budget.totals).toContainEqual(expect.objectContaining({ account: "Expenses:Fees", budget: "23967.74", actual: "50.00" }));
    expect(budget.totals).toContainEqual(expect.objectContaining({ account: "Expenses:Fees:Travel", budget: "7290.00", actual: "50.00" }));
  });

  for (const command of [["report", "tax"], ["report", "structure"], ["reg"], ["is"], ["bs"], ["report", "trend", "-Q"], ["report", "budget", "-Y"]]) {
    it(`${command.join(" ")} finishes`, () => {
      const run = runBounded([...command, file, ...range]);
      expect(run.signal).toBeNull();
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("CNY");
    });
  }
});

describe("which years a report shows", () => {
  const journal = (years: string[]) => write("years.beancount", [
    "2000-01-01 open Assets:Bank CNY",
    "2000-01-01 open Expenses:Fees CNY",
    ...years.map((year) => `${year}-05-05 * "fee"\n  Expenses:Fees  1.00 CNY\n  Assets:Bank\n`),
  ].join("\n"));
  const yearColumns = (args: string[]): string[] => {
    const result = runCli([...args, "--format", "json"]);
    expect(result.stderr).toBe("");
    return Object.keys(JSON.parse(result.stdout).totals[0]).filter((key) => /^\d{4}$/.test(key));
  };

  it("a single year without data between or at the end of the range is shown", () => {
    expect(yearColumns(["report", "trend", "-Y", "-p", "2024..2026", journal(["2024", "2026"])])).toEqual(["2024", "2025", "2026"]);
    expect(yearColumns(["report", "trend", "-Y", "-p", "2025..2027", journal(["2026"])])).toEqual(["2025", "2026", "2027"]);
  });

  it("two or more years in a row without data are left out", () => {
    expect(yearColumns(["report", "trend", "-Y", "-p", "2020..2026", journal(["2020", "2023", "2026"])])).toEqual(["2020", "2023", "2026"]);
    expect(yearColumns(["report", "trend", "-Y", "-p", "2020..2030", journal(["2026"])])).toEqual(["2026"]);
  });

  it("a range with no data at all has nothing to report", () => {
    const result = runCli(["report", "trend", "-Y", "-p", "3000..3999", journal(["2026"])]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("nothing to report");
  });
});
