// report customers and the allocation rules, on inline journals with figures worked by hand, and
// golden runs on samples/customers-2026.beancount.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, diagnosticLines } from "../helpers/cli.js";
import { expectGolden } from "../reports/samples.js";
import { OPENS, writeJournal } from "./journal.js";

const root = new URL("../../", import.meta.url).pathname;
export const CUSTOMERS_SAMPLE = join(root, "samples", "customers-2026.beancount");

function csvRows(stdout: string): Record<string, string>[] {
  const [header, ...lines] = stdout.trim().split(/\r?\n/);
  const keys = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, index) => [keys[index]!, cell])));
}

const BOOKS = `${OPENS}
2026-03-02 * "ACME" "回款"
  customer: "ACME"
  Assets:Bank      600.00 CNY
  Income:Sales    -600.00 CNY

2026-03-03 * "Beta" "回款"
  customer: "Beta"
  Assets:Bank      300.00 CNY
  Income:Sales    -300.00 CNY

2026-03-05 * "拜访 ACME"
  Expenses:Fees:Visits   100.00 CNY
    customer: "ACME"
  Liabilities:Payable

2026-03-06 * "拜访 Gamma（尚无收入）"
  customer: "Gamma"
  Expenses:Fees:Visits    50.00 CNY
  Liabilities:Payable

2026-03-10 * "客户答谢会"
  customer: "多客户"
  Expenses:Fees:Events   100.00 CNY
  Liabilities:Payable
`;

describe("report customers", () => {
  it("without rules: revenue, costs, share, ratio, contribution and rank per customer", () => {
    const file = writeJournal(BOOKS);
    const result = runCli(["report", "customers", file, "-p", "2026", "--format", "csv"]);
    expect(result.stderr).toBe("");
    // ACME: revenue 600, visits 100: contribution 500, cost/revenue 100/600 = 16.67%.
    // Beta: revenue 300, no cost: 300.  Gamma: no revenue, cost 50: -50.  多客户: -100 (no rule).
    // Cost shares of 250: 100 -> 40.00, 0, 50 -> 20.00, 100 -> 40.00.
    expect(csvRows(result.stdout).map((row) => [row.rank, row.customer, row.revenue, row.cost, row.cost_share, row.cost_ratio, row.contribution])).toEqual([
      ["1", "ACME", "600.00", "100.00", "40.00", "16.67", "500.00"],
      ["2", "Beta", "300.00", "0.00", "0.00", "0.00", "300.00"],
      ["3", "Gamma", "0.00", "50.00", "20.00", "", "-50.00"],
      ["4", "多客户", "0.00", "100.00", "40.00", "", "-100.00"],
      ["", "", "900.00", "250.00", "100.00", "27.78", "650.00"],
    ]);
  });

  it("splits the pool by revenue in the month: ACME 600 : Beta 300", () => {
    const file = writeJournal(`${BOOKS}\n2026-01-01 custom "allocation" Expenses:Fees "revenue"\n`);
    const result = runCli(["report", "customers", file, "-p", "2026", "--format", "csv"]);
    // 100.00 × 600/900 = 66.666.. -> 66.66, × 300/900 = 33.33; 0.01 left to ACME: 66.67 + 33.33.
    // ACME cost 100 + 66.67 = 166.67, contribution 433.33; Beta 33.33, 266.67.
    const rows = csvRows(result.stdout);
    expect(rows.map((row) => [row.customer, row["cost:Events"], row.cost, row.contribution])).toEqual([
      ["ACME", "66.67", "166.67", "433.33"],
      ["Beta", "33.33", "33.33", "266.67"],
      ["Gamma", "0.00", "50.00", "-50.00"],
      ["", "100.00", "250.00", "650.00"],
    ]);
  });

  it("splits by ratio, equal and headcount; a rule covers its account's subtree from its date", () => {
    const headcount = `${OPENS}
2026-01-01 custom "allocation" Expenses:Fees:Events "headcount"
2026-01-01 custom "allocation" Expenses:Fees:Gifts "ratio"
  shares: "ACME 3, Beta 1"
2026-06-01 custom "allocation" Expenses:Fees:Gifts "equal"
  shares: "ACME, Beta, Gamma"

2026-03-10 * "答谢会"
  customer: "多客户"
  attendees: "ACME:12, Beta:8"
  Expenses:Fees:Events   1000.00 CNY
  Expenses:Fees:Gifts     100.00 CNY
  Liabilities:Payable

2026-07-10 * "中秋礼品"
  customer: "多客户"
  Expenses:Fees:Gifts     100.00 CNY
  Liabilities:Payable
`;
    const result = runCli(["report", "customers", writeJournal(headcount), "-p", "2026", "--format", "csv"]);
    // Events 1000 by 12:8 -> 600.00 / 400.00.  Gifts in March 100 by 3:1 -> 75.00 / 25.00.
    // Gifts in July, equal thirds: 33.33 each, 0.01 to "ACME" (ties by name): 33.34 / 33.33 / 33.33.
    const rows = csvRows(result.stdout);
    expect(rows.map((row) => [row.customer, row["cost:Events"], row["cost:Gifts"], row.cost])).toEqual([
      ["Gamma", "0.00", "33.33", "33.33"],
      ["Beta", "400.00", "58.33", "458.33"],
      ["ACME", "600.00", "108.34", "708.34"],
      ["", "1000.00", "200.00", "1200.00"],
    ]);
  });

  it("reads revenue from accounts opened with customer: metadata, and groups by department", () => {
    const journal = `${OPENS}
2026-01-01 open Income:Sales:Delta CNY
  customer: "Delta"
2026-02-01 * "回款"
  department: "华东"
  Assets:Bank            500.00 CNY
  Income:Sales:Delta    -500.00 CNY
2026-02-02 * "拜访"
  customer: "Delta"
  department: "华东"
  Expenses:Fees:Visits    20.00 CNY
  Liabilities:Payable
`;
    const file = writeJournal(journal);
    const byCustomer = csvRows(runCli(["report", "customers", file, "-p", "2026", "--format", "csv"]).stdout);
    expect(byCustomer[0]).toMatchObject({ customer: "Delta", revenue: "500.00", cost: "20.00", contribution: "480.00", cost_ratio: "4.00" });
    const byDepartment = csvRows(runCli(["report", "customers", file, "-p", "2026", "--by", "department", "--format", "csv"]).stdout);
    expect(byDepartment[0]).toMatchObject({ department: "华东", revenue: "500.00", cost: "20.00" });
  });

  it("check reports a malformed rule at its line", () => {
    const file = writeJournal(`${OPENS}\n2026-01-01 custom "allocation" Expenses:Fees "ratio"\n2026-01-01 custom "allocation" Expenses:Fees "weekly"\n`);
    const result = runCli(["check", file]);
    expect(result.code).toBe(1);
    expect(diagnosticLines(result.stderr).filter((d) => d.severity === "error").map((d) => [d.line, d.message])).toEqual([
      [11, 'ratio needs shares: "NAME WEIGHT, NAME WEIGHT"'],
      [12, "allocation method must be equal, ratio, revenue or headcount: custom \"allocation\" ACCOUNT \"equal\"|\"ratio\"|\"revenue\"|\"headcount\""],
    ]);
  });

  it("--compare sets the other period's revenue, cost and contribution beside, and the change", () => {
    const file = writeJournal(`${BOOKS}
2026-02-10 * "ACME" "二月回款"
  customer: "ACME"
  Assets:Bank      100.00 CNY
  Income:Sales    -100.00 CNY
2026-02-11 * "拜访 Delta（仅二月）"
  customer: "Delta"
  Expenses:Fees:Visits    30.00 CNY
  Liabilities:Payable
`);
    const rows = csvRows(runCli(["report", "customers", file, "-p", "2026-03", "--compare", "2026-02", "--format", "csv"]).stdout);
    // ACME: March 600 − 100 = 500; February 100 − 0 = 100; change 400. Delta: only February, −30; change +30.
    expect(rows.map((row) => [row.customer, row.contribution, row.compare_revenue, row.compare_cost, row.compare_contribution, row.change])).toEqual([
      ["ACME", "500.00", "100.00", "0.00", "100.00", "400.00"],
      ["Beta", "300.00", "0.00", "0.00", "0.00", "300.00"],
      ["Delta", "0.00", "0.00", "30.00", "-30.00", "30.00"],
      ["Gamma", "-50.00", "0.00", "0.00", "0.00", "-50.00"],
      ["多客户", "-100.00", "0.00", "0.00", "0.00", "-100.00"],
      ["", "650.00", "100.00", "30.00", "70.00", "580.00"],
    ]);
  });

  it("structure --by customer splits the pool too", () => {
    const file = writeJournal(`${BOOKS}\n2026-01-01 custom "allocation" Expenses:Fees "ratio"\n  shares: "ACME 1, Beta 1"\n`);
    const rows = csvRows(runCli(["report", "structure", file, "-p", "2026", "--by", "customer", "--format", "csv"]).stdout);
    expect(rows.map((row) => [row.group, row.amount])).toEqual([["ACME", "150.00"], ["Beta", "50.00"], ["Gamma", "50.00"], ["", "250.00"]]);
  });
});

describe("report customers golden files (samples/customers-2026.beancount)", () => {
  const cases: [string, string[]][] = [
    ["customers.txt", ["--no-color"]],
    ["customers.csv", ["--format", "csv"]],
    ["customers.json", ["--format", "json"]],
    ["customers-by-department-top3.csv", ["--by", "department", "--top", "3", "--format", "csv"]],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const result = runCli(["report", "customers", CUSTOMERS_SAMPLE, ...args]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expectGolden(name, result.stdout);
    });
  }
});
