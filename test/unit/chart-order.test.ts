// Chart order of accounts, and the period a report covers when none is given.
import { describe, expect, it } from "vitest";
import { chartOrder } from "../../src/core/chart-order.js";
import { DEFAULT_OPTIONS } from "../../src/core/options.js";
import { defaultedRange } from "../../src/reports/periods.js";
import type { LedgerEntry } from "../../src/core/data.js";

describe("chartOrder", () => {
  it("puts English roots in the order of a balance sheet, then income and expenses", () => {
    const accounts = ["Expenses:Food", "Income:Sales", "Equity:Opening", "Liabilities:Card", "Assets:Cash", "Zzz:Other"];
    expect([...accounts].sort(chartOrder(DEFAULT_OPTIONS.accountRoots))).toEqual([
      "Assets:Cash", "Liabilities:Card", "Equity:Opening", "Income:Sales", "Expenses:Food", "Zzz:Other",
    ]);
  });

  it("follows the journal's own root names (option name_assets ...)", () => {
    const roots = { assets: "资产", liabilities: "负债", equity: "权益", income: "收入", expenses: "费用" };
    const accounts = ["收入:主营业务收入", "权益:实收资本", "负债:应付账款", "费用:管理费用", "资产:银行存款"];
    expect([...accounts].sort(chartOrder(roots))).toEqual(["资产:银行存款", "负债:应付账款", "权益:实收资本", "收入:主营业务收入", "费用:管理费用"]);
  });

  it("orders components by their code as a number, coded before uncoded, a parent before its children", () => {
    const accounts = [
      "Expenses:6602-管理费用:10-其他",
      "Expenses:6602-管理费用:CRM",
      "Expenses:6602-管理费用:02-客户活动",
      "Expenses:6602-管理费用",
      "Expenses:6602-管理费用:01-客户拜访:差旅",
      "Expenses:6602-管理费用:01-客户拜访",
      "Expenses:660-Short",
    ];
    expect([...accounts].sort(chartOrder(DEFAULT_OPTIONS.accountRoots))).toEqual([
      "Expenses:660-Short",
      "Expenses:6602-管理费用",
      "Expenses:6602-管理费用:01-客户拜访",
      "Expenses:6602-管理费用:01-客户拜访:差旅",
      "Expenses:6602-管理费用:02-客户活动",
      "Expenses:6602-管理费用:10-其他",
      "Expenses:6602-管理费用:CRM",
    ]);
  });

  it("compares codes longer than a double holds exactly", () => {
    const compare = chartOrder(DEFAULT_OPTIONS.accountRoots);
    expect(compare("Assets:90071992547409931-A", "Assets:90071992547409930-B")).toBeGreaterThan(0);
  });
});

describe("defaultedRange", () => {
  const transactionOn = (date: string) => ({ type: "transaction", date }) as unknown as LedgerEntry;

  it("keeps a range asked for", () => {
    expect(defaultedRange({ begin: "2026-03-01", end: "2026-04-01" }, [transactionOn("2026-01-05")], "2026-12-05")).toEqual({ begin: "2026-03-01", end: "2026-04-01" });
  });

  it("is the year to date when this year has transactions up to today", () => {
    expect(defaultedRange({ begin: null, end: null }, [transactionOn("2025-06-01"), transactionOn("2026-02-01")], "2026-12-05")).toEqual({ begin: "2026-01-01", end: "2026-12-06" });
  });

  it("is the last year with transactions when this year has none yet", () => {
    expect(defaultedRange({ begin: null, end: null }, [transactionOn("2024-06-01"), transactionOn("2026-02-01")], "2027-01-15")).toEqual({ begin: "2026-01-01", end: "2027-01-01" });
  });
});
