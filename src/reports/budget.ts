// The budget execution report (预算执行): for each budgeted account and period, the budget (Fava's
// `custom "budget"` entries, prorated by day as Fava does), the actual spending of the account and
// its subaccounts, what remains, and the execution rate (预算执行率). A budget is the account's
// own: a budget on a subaccount is a limit inside it, not added to it.
//
// Year to date (the default range), the budget counted is that of the months elapsed, the current
// one included, whole (1月至本月累计预算): a month's budget is allotted on its first day, and a
// claim of the 3rd may spend it; counting only the days elapsed would call a month on track that
// has spent its allotment early, and counting the whole year would put months to come against no
// spending. With `--full-year` the whole year's budget is counted (the share of the annual budget
// used). A range asked for (-p, -b, -e) counts the budget of exactly its days, as Fava does.
import { chartOrder } from "../core/chart-order.js";
import { DEFAULT_OPTIONS } from "../core/options.js";
import type { LedgerEntry } from "../core/data.js";
import { addDays, addMonths, exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import { budgetFor, collectBudgets } from "../budgets/budgets.js";
import type { DisplayScales } from "./display.js";
import { isUnder } from "../core/accounts.js";
import { periodIndex, reportPeriods, yearsOf, type Interval, type Period } from "./periods.js";
import { DecimalSum } from "../core/amount.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import {
  TOTAL, amountText, intervalCaption, omittedCaption, omittedFacts, percentOf, percentText, periodCaption,
  type Cell, type Localized, type Sheet, type SheetColumn, type SheetRow,
} from "./sheet.js";
import { phrase } from "../i18n/phrase.js";

export interface BudgetQuery {
  readonly begin: string;
  /** Spending counts up to this day (exclusive). */
  readonly end: string;
  readonly interval: Interval;
  /** Budgets count up to this day (exclusive), `end` or later; `end` when not given. */
  readonly budgetEnd?: string;
}

/**
 * Up to which day (exclusive) budgets count: the end of the year of the range's last day for
 * `fullYear`; for the default year-to-date range (nothing asked, ending after `today`), the end of
 * today's month; else the range's own end.
 */
export function budgetEndOf(asked: { readonly begin: string | null; readonly end: string | null }, range: { readonly end: string }, today: string, fullYear: boolean): string {
  if (fullYear) return addMonths(`${addDays(range.end, -1).slice(0, 4)}-01-01`, 12);
  if (asked.begin === null && asked.end === null && range.end === addDays(today, 1)) return addMonths(`${today.slice(0, 7)}-01`, 1);
  return range.end;
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
  /** Runs of years in the range without data, left out. */
  readonly omitted: readonly string[];
  readonly rows: readonly BudgetRow[];
  /** Per account and commodity, over the whole range. */
  readonly totals: readonly BudgetRow[];
}

/** Adds the year of each transaction's date to `years` (yearsOf's numbers), reading each date once. */
function addTransactionYears(entries: readonly LedgerEntry[], years: Set<number>): void {
  // A journal's dates come in runs of one year: a date of the last year added is passed over.
  let prefix = "";
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    const date = entry.date;
    if (prefix !== "" && date.startsWith(prefix)) continue;
    prefix = date.slice(0, 5);
    years.add(Number(date.slice(0, 4)));
  }
}

/** The index of the first of `entries` (in date order) from `from` on dated `date` or later; their length when none. */
function firstFrom(entries: readonly LedgerEntry[], from: number, date: string): number {
  let low = from;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.date < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * addTransactionYears for entries in date order: from each transaction found, a search for the
 * first entry of a later year, so that a year of transactions costs a few dates read, not one each.
 */
function addSortedTransactionYears(entries: readonly LedgerEntry[], years: Set<number>): void {
  let at = 0;
  while (at < entries.length) {
    const entry = entries[at]!;
    if (entry.type !== "transaction") {
      at++;
      continue;
    }
    const year = Number(entry.date.slice(0, 4));
    years.add(year);
    if (year >= 9999) return;
    at = firstFrom(entries, at + 1, `${String(year + 1).padStart(4, "0")}-01-01`);
  }
}

/**
 * account -> commodity -> spending per period (a sum for each period spent in) of the postings to
 * each of `accounts` and its subaccounts dated before `end`, in one pass over the entries; the
 * postings are read in place (forEachPosting), their amounts summed as scaled integers.
 */
function spendingOf(entries: readonly LedgerEntry[], sorted: boolean, accounts: readonly string[], periods: readonly Period[], end: string): Map<string, Map<string, (DecimalSum | undefined)[]>> {
  const spending = new Map<string, Map<string, (DecimalSum | undefined)[]>>();
  if (accounts.length === 0 || periods.length === 0) return spending;
  // A posting's account -> the budgeted accounts it lies under (most lie under none).
  const under = new Map<string, readonly string[]>();
  let index = -1;
  const visit: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    let budgeted = under.get(account);
    if (budgeted === undefined) under.set(account, (budgeted = accounts.filter((parent) => isUnder(account, parent))));
    for (const parent of budgeted) {
      let byCommodity = spending.get(parent);
      if (byCommodity === undefined) spending.set(parent, (byCommodity = new Map()));
      let sums = byCommodity.get(currency);
      if (sums === undefined) byCommodity.set(currency, (sums = new Array<DecimalSum | undefined>(periods.length).fill(undefined)));
      (sums[index] ??= new DecimalSum()).addUnits(scaled, scale, decimal);
    }
  };
  const first = periods[0]!.begin;
  for (let at = sorted ? firstFrom(entries, 0, first) : 0; at < entries.length; at++) {
    const entry = entries[at]!;
    if (entry.type !== "transaction") continue;
    const date = entry.date;
    if (date >= end) {
      if (sorted) break;
      continue;
    }
    if (date < first) continue;
    const period = periods[index];
    if (period === undefined || date < period.begin || date >= period.end) {
      index = periodIndex(periods, date);
      if (index < 0) continue;
    }
    forEachPosting(entry, visit);
  }
  return spending;
}

/**
 * The budget report over the periods of the range in years with data (transactions or budgets;
 * see reportPeriods), so a range of thousands of years costs what its data costs; null when there
 * are none. `sorted`: the entries are in date order (the ledger's own are; --pending adds the
 * claims after them), so that the years and the spending are found without reading every entry.
 */
export function budgetReport(entries: readonly LedgerEntry[], query: BudgetQuery, sorted = false): BudgetReport | null {
  const budgets = collectBudgets(entries);
  const dataYears = yearsOf(budgets.map((budget) => budget.start));
  if (sorted) addSortedTransactionYears(entries, dataYears);
  else addTransactionYears(entries, dataYears);
  const budgetEnd = query.budgetEnd ?? query.end;
  const { periods, omitted } = reportPeriods(query.begin, budgetEnd, query.interval, dataYears);
  if (periods.length === 0) return null;
  const accounts = [...new Set(budgets.map((b) => b.account))].sort(chartOrder(DEFAULT_OPTIONS.accountRoots));
  const spending = spendingOf(entries, sorted, accounts, periods, query.end);

  const rows: BudgetRow[] = [];
  const totals: BudgetRow[] = [];
  for (const account of accounts) {
    const commodities = [...new Set(budgets.filter((b) => b.account === account).map((b) => b.currency))].sort();
    for (const commodity of commodities) {
      let budgetTotal = new Decimal(0);
      let actualTotal = new Decimal(0);
      const sums = spending.get(account)?.get(commodity);
      periods.forEach((period, index) => {
        const budget = budgetFor(budgets, account, period.begin, period.end, true).get(commodity) ?? new Decimal(0);
        const actual = sums?.[index]?.value ?? new Decimal(0);
        budgetTotal = budgetTotal.plus(budget);
        actualTotal = actualTotal.plus(actual);
        if (budget.isZero() && actual.isZero()) return;
        rows.push({ account, period: period.label, commodity, budget, actual });
      });
      totals.push({ account, period: null, commodity, budget: budgetTotal, actual: actualTotal });
    }
  }
  return { query, omitted, rows, totals };
}

/** Spending above the budget. */
export function isOverBudget(row: BudgetRow): boolean {
  return row.actual.gt(row.budget);
}

/** The caption's note that budgets count past the spending's range: `budget to 2026-12-31`. */
function budgetEndCaption(query: BudgetQuery): Localized[] {
  if (query.budgetEnd === undefined || query.budgetEnd === query.end) return [];
  const last = addDays(query.budgetEnd, -1);
  return [phrase("budget to", { date: last })];
}

export function budgetSheet(report: BudgetReport, scales: DisplayScales): Sheet {
  const columns: SheetColumn[] = [
    { key: "account", header: phrase("column account", {}), kind: "text", heading: true },
    { key: "period", header: phrase("budget Period", {}), kind: "text", label: true },
    { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
    { key: "budget", header: phrase("budget Budget", {}), kind: "amount" },
    { key: "actual", header: phrase("budget Actual", {}), kind: "amount" },
    { key: "remaining", header: phrase("budget Remaining", {}), kind: "amount" },
    { key: "rate", header: phrase("budget Rate", {}), kind: "percent" },
    { key: "status", header: phrase("budget Status", {}), kind: "text" },
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
        status: over ? phrase("budget over", {}) : phrase("budget ok", {}),
      },
    };
  };
  const { query } = report;
  return {
    report: "budget",
    caption: [
      phrase("budget Budget execution", {}), intervalCaption(query.interval), periodCaption(query.begin, query.end),
      ...budgetEndCaption(query), ...omittedCaption(report.omitted),
    ],
    facts: {
      interval: query.interval, begin: query.begin, end: exclusiveEndText(query.end),
      ...(query.budgetEnd === undefined || query.budgetEnd === query.end ? {} : { budget_end: exclusiveEndText(query.budgetEnd) }),
      ...omittedFacts(report.omitted),
    },
    columns,
    rows: report.rows.map((row) => toRow(row, row.period)),
    totals: report.totals.map((row) => toRow(row, TOTAL)),
    chart: { kind: "budget", label: ["account", "period"], budget: "budget", actual: "actual" },
  };
}
