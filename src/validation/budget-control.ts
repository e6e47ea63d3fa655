// The "budget-control" check (预算控制) over Fava's own budgets,
//   2026-01-01 custom "budget" ACCOUNT "monthly" 20000.00 CNY
//     action: "warn"|"block"        (default warn)
// A posted claim that takes the actual of the budget's subtree, for the budget period containing
// the claim's date, over the budgeted amount (prorated by day as Fava does) breaks the budget. The
// actual counts every transaction of the books (claims and others) up to and including the claim,
// in ledger order. Under `warn` a breach is said once, at the claim that crosses the line (or the
// first claim after a transaction that did), not again on every later claim of that period; once
// the actual is back within the budget, the next crossing is said again. Under `block` every claim
// over the line is named, as each one breaks the rule. A claim in progress is checked as it would
// be posted: the period's actual in the books plus this claim; when that crosses the line (under
// `block`: is over it), it gets a warning saying that posting it would exceed the budget (or be
// refused, under a block).
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { addDays, addMonths } from "../core/dates.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { budgetFor, readBudget, type Budget, type BudgetPeriod } from "../budgets/budgets.js";
import { claimId, isPostedClaim } from "../claims/claim.js";
import { activeClaims } from "../claims/pending.js";
import { breachConsequence, breachSeverity, money, readAction, totalsUnder } from "../claims/control.js";
import type { DomainCheck } from "./domain-check.js";
import { message } from "../i18n/message.js";
import { nonTransactions } from "../core/non-transactions.js";

interface Period { readonly start: string; readonly end: string; readonly label: string }

/** The budget period (of the given kind) that contains `date`. */
export function periodContaining(period: BudgetPeriod, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (period) {
    case "daily": return { start: date, end: addDays(date, 1), label: date };
    case "weekly": {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const start = addDays(date, -((weekday + 6) % 7));
      return { start, end: addDays(start, 7), label: `the week of ${start}` };
    }
    case "monthly": return { start: `${date.slice(0, 7)}-01`, end: addMonths(date, 1), label: date.slice(0, 7) };
    case "quarterly": {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      const start = `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
      return { start, end: addMonths(start, 3), label: `${year}-Q${(first + 2) / 3}` };
    }
    case "yearly": return { start: `${date.slice(0, 4)}-01-01`, end: addMonths(`${date.slice(0, 4)}-01-01`, 12), label: String(year) };
  }
}

/**
 * The budget of `account` for a period, prorated by day; rounded to 10 places, so that a month's
 * thirty-one shares of 100/31 make 100 again and a total of exactly the budget is not over it.
 */
function periodBudget(budgets: readonly Budget[], account: string, currency: string, period: Period): Decimal {
  return (budgetFor(budgets, account, period.start, period.end, true).get(currency) ?? new Decimal(0)).toDecimalPlaces(10);
}

export function checkBudgets(entries: readonly LedgerEntry[], pending: readonly BookedTransaction[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const budgets: Budget[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "custom" || entry.customType !== "budget") continue;
    // A `custom "budget"` not in Fava's form (an account first) is someone else's: never an error.
    if (entry.values[0]?.type !== "account") continue;
    const budget = readBudget(entry);
    const action = readAction(entry.meta);
    if ("problem" in budget) diagnostics.push(error("budget-malformed", budget.problem, entry.span));
    else if (typeof action !== "string") diagnostics.push(error("budget-malformed", action.problem, entry.span));
    else budgets.push(budget);
  }
  if (budgets.length === 0) return diagnostics;
  const accounts = [...new Set(budgets.map((budget) => budget.account))];
  /** The budget of exactly `account` in `currency` in force on `date`. */
  const inForce = (account: string, currency: string, date: string): Budget | null => {
    let found: Budget | null = null;
    for (const budget of budgets) {
      if (budget.start > date) break;
      if (budget.account === account && budget.currency === currency) found = budget;
    }
    return found;
  };
  const actual = new Map<string, Decimal>();
  const budgeted = new Map<string, Decimal>();
  /** Periods (keys) whose breach under `warn` has been said, while the actual stays over. */
  const said = new Set<string>();
  /** A `budget-exceeded` when `total` is over the period's budget: for a posted claim, or one that posting would take over. */
  const breach = (claim: LedgerEntry, budget: Budget, account: string, currency: string, period: Period, key: string, total: Decimal, posted: boolean) => {
    let limit = budgeted.get(key);
    if (limit === undefined) budgeted.set(key, (limit = periodBudget(budgets, account, currency, period)));
    if (!total.greaterThan(limit)) {
      said.delete(key);
      return;
    }
    const action = readAction(budget.meta) as "warn" | "block";
    if (action === "warn" && said.has(key)) return;
    if (posted) said.add(key);
    const text = message("budget-exceeded", {
      id: String(claimId(claim)), posted, account, total: money(total, currency, 2), period: period.label, budgetPeriod: budget.period,
      budget: money(limit.toDecimalPlaces(2), currency, 2), consequence: breachConsequence(action, posted),
    });
    diagnostics.push(breachSeverity(action, posted) === "error" ? error("budget-exceeded", text, claim.span) : warning("budget-exceeded", text, claim.span));
  };

  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") continue;
    for (const account of accounts) {
      const totals = totalsUnder(entry, account);
      for (const [currency, amount] of totals) {
        const budget = inForce(account, currency, entry.date);
        if (budget === null) continue;
        const period = periodContaining(budget.period, entry.date);
        const key = `${account}\u0000${currency}\u0000${period.start}`;
        const total = (actual.get(key) ?? new Decimal(0)).plus(amount);
        actual.set(key, total);
        if (!isPostedClaim(entry) || !amount.greaterThan(0)) {
          // Spending back within the budget: the next crossing is said again.
          if (!total.greaterThan(budgeted.get(key) ?? total)) said.delete(key);
          continue;
        }
        breach(entry, budget, account, currency, period, key, total, true);
      }
    }
  }
  for (const claim of pending) {
    for (const account of accounts) {
      for (const [currency, amount] of totalsUnder(claim, account)) {
        const budget = inForce(account, currency, claim.date);
        if (budget === null || !amount.greaterThan(0)) continue;
        const period = periodContaining(budget.period, claim.date);
        const key = `${account}\u0000${currency}\u0000${period.start}`;
        breach(claim, budget, account, currency, period, key, (actual.get(key) ?? new Decimal(0)).plus(amount), false);
      }
    }
  }
  return diagnostics;
}

// The books, and the claims in progress as they would be posted.
export const BUDGET_CONTROL_CHECK: DomainCheck = { name: "budget-control", run: (ledger) => checkBudgets(ledger.entries, activeClaims(ledger)) };
