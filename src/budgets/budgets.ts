// Budgets in Fava's own form, so Fava shows them too:
//   2026-01-01 custom "budget" Expenses:Fees "monthly" 20000.00 CNY
// A budget holds from its date until a later one for the same account and currency. For a range of
// days each day adds number / (days in the week, month, quarter or year containing it), computed in
// 28-digit decimals as Fava's Python does; a parent's budget sums the budgets of accounts whose
// names start with it.
import type { Custom, LedgerEntry, MetaEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { Span } from "../core/span.js";
import { addDays, daysInMonth, daysInYear } from "../core/dates.js";
import { message, type Message } from "../i18n/message.js";

export type BudgetPeriod = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

export interface Budget {
  readonly account: string;
  readonly period: BudgetPeriod;
  readonly number: Decimal;
  readonly currency: string;
  /** First day the budget holds (YYYY-MM-DD). */
  readonly start: string;
  readonly meta: readonly MetaEntry[];
  readonly span: Span;
}

const PERIOD_NAMES: Record<string, BudgetPeriod> = {
  daily: "daily", day: "daily", weekly: "weekly", week: "weekly", monthly: "monthly", month: "monthly",
  quarterly: "quarterly", quarter: "quarterly", yearly: "yearly", year: "yearly",
};

/** A budget directive's content, or a reason it is malformed. */
export function readBudget(entry: Custom): Budget | { problem: Message } {
  const [account, period, amount] = entry.values;
  if (account?.type !== "account") return { problem: message("budget-no-account", {}) };
  if (period?.type !== "string" || PERIOD_NAMES[period.value.toLowerCase()] === undefined) {
    return { problem: message("budget-period", {}) };
  }
  if (amount?.type !== "amount") return { problem: message("budget-no-amount", {}) };
  return {
    account: account.value, period: PERIOD_NAMES[period.value.toLowerCase()]!, number: amount.value.number,
    currency: amount.value.currency, start: entry.date, meta: entry.meta, span: entry.span,
  };
}

/** Every well-formed budget, in date order. */
export function collectBudgets(entries: readonly LedgerEntry[]): Budget[] {
  const budgets: Budget[] = [];
  for (const entry of entries) {
    if (entry.type !== "custom" || entry.customType !== "budget") continue;
    const budget = readBudget(entry);
    if (!("problem" in budget)) budgets.push(budget);
  }
  return budgets.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Days in the budget period that contains `date`. */
export function daysInPeriod(period: BudgetPeriod, date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (period) {
    case "daily": return 1;
    case "weekly": return 7;
    case "monthly": return daysInMonth(year, month);
    case "quarterly": {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return daysInMonth(year, first) + daysInMonth(year, first + 1) + daysInMonth(year, first + 2);
    }
    case "yearly": return daysInYear(year);
  }
}

/** The budgets of exactly `account` in force on `date`, one per currency. */
function activeBudgets(budgets: readonly Budget[], date: string): Map<string, Budget> {
  const active = new Map<string, Budget>();
  for (const budget of budgets) {
    if (budget.start <= date) active.set(budget.currency, budget);
    else break;
  }
  return active;
}

/**
 * Budgeted amount per currency for accounts whose name starts with `account` (Fava's children
 * rule; pass the exact account and `exact` to exclude them), from `begin` to `end` (exclusive).
 */
export function budgetFor(budgets: readonly Budget[], account: string, begin: string, end: string, exact = false): Map<string, Decimal> {
  const byAccount = new Map<string, Budget[]>();
  for (const budget of budgets) {
    if (exact ? budget.account !== account : !budget.account.startsWith(account)) continue;
    const list = byAccount.get(budget.account);
    if (list) list.push(budget);
    else byAccount.set(budget.account, [budget]);
  }
  const totals = new Map<string, Decimal>();
  for (const accountBudgets of byAccount.values()) {
    for (let day = begin; day < end; day = addDays(day, 1)) {
      for (const budget of activeBudgets(accountBudgets, day).values()) {
        const share = budget.number.dividedBy(daysInPeriod(budget.period, day));
        totals.set(budget.currency, (totals.get(budget.currency) ?? new Decimal(0)).plus(share));
      }
    }
  }
  return totals;
}
