// The budget execution report (预算执行): for each budgeted account and period, the budget (Fava's
// `custom "budget"` entries, prorated by day as Fava does), the actual spending of the account and
// its subaccounts, what remains, and the execution rate (预算执行率). A budget is the account's
// own: a budget on a subaccount is a limit inside it, not added to it.
import type { LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { budgetFor, collectBudgets } from "../budgets/budgets.js";
import type { DisplayScales } from "./display.js";
import { isUnder } from "../core/accounts.js";
import { inRange, splitRange, type Interval, type Period } from "./periods.js";
import {
  TOTAL, amountText, intervalCaption, localized, percentOf, percentText, periodCaption,
  type Cell, type Sheet, type SheetColumn, type SheetRow,
} from "./sheet.js";

export interface BudgetQuery {
  readonly begin: string;
  readonly end: string;
  readonly interval: Interval;
}

export interface BudgetRow {
  readonly account: string;
  /** The period's heading, or null on an account's total row. */
  readonly period: string | null;
  readonly commodity: string;
  /** Prorated budget, exact (28 digits). */
  readonly budget: Decimal;
  readonly actual: Decimal;
}

export interface BudgetReport {
  readonly query: BudgetQuery;
  readonly rows: readonly BudgetRow[];
  /** Per account and commodity, over the whole range. */
  readonly totals: readonly BudgetRow[];
}

function actualSpending(entries: readonly LedgerEntry[], query: BudgetQuery, account: string, commodity: string, period: Period): Decimal {
  let sum = new Decimal(0);
  for (const entry of entries) {
    if (entry.type !== "transaction" || !inRange(entry.date, period)) continue;
    for (const posting of entry.booked) {
      if (posting.units.currency === commodity && isUnder(posting.account, account)) sum = sum.plus(posting.units.number);
    }
  }
  return sum;
}

export function budgetReport(entries: readonly LedgerEntry[], query: BudgetQuery): BudgetReport {
  const budgets = collectBudgets(entries);
  const periods = splitRange(query.begin, query.end, query.interval);
  const accounts = [...new Set(budgets.map((b) => b.account))].sort();
  const rows: BudgetRow[] = [];
  const totals: BudgetRow[] = [];
  for (const account of accounts) {
    const commodities = [...new Set(budgets.filter((b) => b.account === account).map((b) => b.currency))].sort();
    for (const commodity of commodities) {
      let budgetTotal = new Decimal(0);
      let actualTotal = new Decimal(0);
      for (const period of periods) {
        const budget = budgetFor(budgets, account, period.begin, period.end, true).get(commodity) ?? new Decimal(0);
        const actual = actualSpending(entries, query, account, commodity, period);
        budgetTotal = budgetTotal.plus(budget);
        actualTotal = actualTotal.plus(actual);
        if (budget.isZero() && actual.isZero()) continue;
        rows.push({ account, period: period.label, commodity, budget, actual });
      }
      totals.push({ account, period: null, commodity, budget: budgetTotal, actual: actualTotal });
    }
  }
  return { query, rows, totals };
}

/** Spending above the budget. */
export function isOverBudget(row: BudgetRow): boolean {
  return row.actual.gt(row.budget);
}

export function budgetSheet(report: BudgetReport, scales: DisplayScales): Sheet {
  const columns: SheetColumn[] = [
    { key: "account", header: localized("Account", "科目"), kind: "text", heading: true },
    { key: "period", header: localized("Period", "期间"), kind: "text", label: true },
    { key: "commodity", header: localized("Commodity", "币种"), kind: "text" },
    { key: "budget", header: localized("Budget", "预算"), kind: "amount" },
    { key: "actual", header: localized("Actual", "实际"), kind: "amount" },
    { key: "remaining", header: localized("Remaining", "剩余"), kind: "amount" },
    { key: "rate", header: localized("Rate", "执行率"), kind: "percent" },
    { key: "status", header: localized("Status", "状态"), kind: "text" },
  ];
  const toRow = (row: BudgetRow, period: Cell): SheetRow => {
    const over = isOverBudget(row);
    return {
      alert: over,
      cells: {
        account: row.account,
        period,
        commodity: row.commodity,
        budget: amountText(row.budget, row.commodity, scales, true),
        actual: amountText(row.actual, row.commodity, scales),
        remaining: amountText(row.budget.minus(row.actual), row.commodity, scales, true),
        rate: percentText(percentOf(row.actual, row.budget)),
        status: over ? localized("over", "超支") : localized("ok", "正常"),
      },
    };
  };
  const { query } = report;
  return {
    report: "budget",
    caption: [localized("Budget execution", "预算执行情况"), intervalCaption(query.interval), periodCaption(query.begin, query.end)],
    facts: { interval: query.interval, begin: query.begin, end: query.end },
    columns,
    rows: report.rows.map((row) => toRow(row, row.period)),
    totals: report.totals.map((row) => toRow(row, TOTAL)),
  };
}
