// Account codes (科目代码), names (科目名称), sides and chart order; finding the account a user names;
// what `check` says about codes.
import { afterAll, describe, expect, it } from "vitest";
import { ChartOfAccounts, findAccount, splitComponent } from "../../src/books/accounts.js";
import { loadLedger } from "../../src/loader/load.js";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { removeJournals, writeJournal } from "./helpers.js";

afterAll(removeJournals);

function chartOf(text: string): ChartOfAccounts {
  const ledger = loadLedger(writeJournal(text));
  expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
}

const OPENS = `
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Assets:1123-预付账款:CRM系统
2026-01-01 open Assets:Bank
  code: "1009"
  name: "其他货币资金"
2026-01-01 open Assets:Bank:01-支付宝
2026-01-01 open Liabilities:2241-其他应付款:E01-王伟
2026-01-01 open Equity:4001-实收资本
2026-01-01 open Income:6001-主营业务收入
2026-01-01 open Expenses:6602-管理费用:01-客户管理费:01-客户拜访
2026-01-01 open Expenses:Misc
2026-01-01 open Assets:Petty
`;

describe("account codes and names", () => {
  it("splits a component at its first dash when a run of ASCII letters and digits leads it", () => {
    expect(splitComponent("6602-管理费用")).toEqual({ code: "6602", name: "管理费用" });
    expect(splitComponent("E01-王伟")).toEqual({ code: "E01", name: "王伟" });
    expect(splitComponent("01-客户-拜访")).toEqual({ code: "01", name: "客户-拜访" });
    expect(splitComponent("CRM系统")).toEqual({ code: "", name: "CRM系统" });
    expect(splitComponent("管理-费用")).toEqual({ code: "", name: "管理-费用" });
    // A code has a digit: English words joined by a dash are a name.
    expect(splitComponent("Opening-Balances")).toEqual({ code: "", name: "Opening-Balances" });
    expect(splitComponent("A1-甲")).toEqual({ code: "A1", name: "甲" });
  });

  it("joins the leading codes and the names without them (the issue's example)", () => {
    const chart = chartOf(OPENS);
    const visit = chart.account("Expenses:6602-管理费用:01-客户管理费:01-客户拜访");
    expect(visit.code).toBe("66020101");
    expect(visit.name).toBe("管理费用-客户管理费-客户拜访");
    expect(visit.shortName).toBe("客户拜访");
    expect(visit.level).toBe(3);
    expect(visit.parent).toBe("Expenses:6602-管理费用:01-客户管理费");
    expect(chart.account("Liabilities:2241-其他应付款:E01-王伟")).toMatchObject({ code: "2241E01", name: "其他应付款-王伟", side: "credit", kind: "liabilities" });
  });

  it("gives a parent that is never opened its own code and name", () => {
    const chart = chartOf(OPENS);
    expect(chart.account("Expenses:6602-管理费用")).toMatchObject({ code: "6602", name: "管理费用", level: 1, parent: null, open: null });
    expect(chart.account("Expenses:6602-管理费用:01-客户管理费")).toMatchObject({ code: "660201", name: "管理费用-客户管理费", level: 2 });
  });

  it("takes code: and name: from the open, and builds the subaccounts on them", () => {
    const chart = chartOf(OPENS);
    expect(chart.account("Assets:Bank")).toMatchObject({ code: "1009", name: "其他货币资金", shortName: "其他货币资金" });
    expect(chart.account("Assets:Bank:01-支付宝")).toMatchObject({ code: "100901", name: "其他货币资金-支付宝" });
  });

  it("has no code for an account without one, and a component without a code adds none", () => {
    const chart = chartOf(OPENS);
    expect(chart.account("Expenses:Misc")).toMatchObject({ code: null, name: "Misc" });
    expect(chart.account("Assets:1123-预付账款:CRM系统")).toMatchObject({ code: "1123", name: "预付账款-CRM系统" });
  });

  it("gives each root's side: assets and expenses debit, liabilities, equity and income credit", () => {
    const chart = chartOf(OPENS);
    expect(chart.account("Assets:1002-银行存款:01-工商银行").side).toBe("debit");
    expect(chart.account("Expenses:Misc").side).toBe("debit");
    expect(chart.account("Liabilities:2241-其他应付款").side).toBe("credit");
    expect(chart.account("Equity:4001-实收资本").side).toBe("credit");
    expect(chart.account("Income:6001-主营业务收入").side).toBe("credit");
  });

  it("follows the roots the options name", () => {
    const chart = chartOf(`option "name_assets" "资产"\noption "name_income" "收入"\n2026-01-01 open 资产:1001-库存现金\n2026-01-01 open 收入:6001-主营业务收入\n`);
    expect(chart.account("资产:1001-库存现金")).toMatchObject({ code: "1001", kind: "assets", side: "debit" });
    expect(chart.account("收入:6001-主营业务收入")).toMatchObject({ code: "6001", kind: "income", side: "credit" });
  });

  it("orders the chart by code, each parent before its subaccounts, accounts without a code last by kind", () => {
    const chart = chartOf(OPENS);
    const order = chart.treeOrder(chart.opened).map((account) => `${account.code ?? "-"} ${account.account}`);
    expect(order).toEqual([
      "1002 Assets:1002-银行存款",
      "100201 Assets:1002-银行存款:01-工商银行",
      "1009 Assets:Bank",
      "100901 Assets:Bank:01-支付宝",
      "1123 Assets:1123-预付账款",
      "1123 Assets:1123-预付账款:CRM系统",
      "2241 Liabilities:2241-其他应付款",
      "2241E01 Liabilities:2241-其他应付款:E01-王伟",
      "4001 Equity:4001-实收资本",
      "6001 Income:6001-主营业务收入",
      "6602 Expenses:6602-管理费用",
      "660201 Expenses:6602-管理费用:01-客户管理费",
      "66020101 Expenses:6602-管理费用:01-客户管理费:01-客户拜访",
      "- Assets:Petty",
      "- Expenses:Misc",
    ]);
  });

  it("finds an account by its name, its code or its Chinese name; a shared code names the highest", () => {
    const chart = chartOf(OPENS);
    const accounts = chart.opened;
    expect(findAccount(chart, accounts, "Assets:1002-银行存款")).toEqual({ account: "Assets:1002-银行存款" });
    expect(findAccount(chart, accounts, "660201")).toEqual({ account: "Expenses:6602-管理费用:01-客户管理费" });
    expect(findAccount(chart, accounts, "管理费用-客户管理费-客户拜访")).toEqual({ account: "Expenses:6602-管理费用:01-客户管理费:01-客户拜访" });
    expect(findAccount(chart, accounts, "1123")).toEqual({ account: "Assets:1123-预付账款" });
    expect(findAccount(chart, accounts, "9999")).toBeNull();
    const shared = chartOf("2026-01-01 open Assets:1001-现金\n2026-01-01 open Assets:Cash\n  code: \"1001\"\n");
    expect(findAccount(shared, shared.opened, "1001")).toEqual({ candidates: ["Assets:1001-现金", "Assets:Cash"] });
  });
});

describe("check: account codes", () => {
  it("warns where two accounts of different lines share a code, not where a subaccount shares its parent's", () => {
    const file = writeJournal(`${OPENS}2026-01-01 open Assets:Cash\n  code: "1002"\n`);
    const run = runCli(["check", file]);
    const lines = diagnosticLines(run.stderr);
    expect(lines).toEqual([
      expect.objectContaining({ line: 14, severity: "warning", message: expect.stringContaining("account code 1002 is shared by Assets:1002-银行存款, Assets:Cash") }),
    ]);
    expect(run.stderr).toContain('give each its own with code: "..." on its open');
    expect(run.code).toBe(0);
  });

  it("refuses a code: or name: that is not quoted text, is empty, or a code with spaces", () => {
    const file = writeJournal([
      "2026-01-01 open Assets:Cash",
      "  code: 1001",
      "2026-01-01 open Assets:Bank",
      '  name: ""',
      "2026-01-01 open Assets:Other",
      '  code: "10 01"',
      "",
    ].join("\n"));
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, "error", 'code: of Assets:Cash must be quoted text, e.g. code: "660201"'],
      [4, "error", "name: of Assets:Bank is empty"],
      [6, "error", 'code: of Assets:Other has spaces: "10 01"'],
    ]);
  });

  it("finds nothing to say about the samples' codes", () => {
    const root = new URL("../../", import.meta.url).pathname;
    for (const sample of ["samples/customer-fees-2026.beancount", "samples/english.beancount"]) {
      const run = runCli(["check", `${root}${sample}`]);
      expect(run.stderr).not.toMatch(/account code|code: of|dimension/);
    }
  });
});
