// budgetReport reads the postings in place (forEachPosting) and sums them as scaled integers,
// once per posting account, and finds the years with data and the spending of the ledger's entries
// (in date order) by searching them: the same rows and totals as the report it replaced, which
// made every booked posting and added it as a Decimal to each budgeted account above it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import type { LedgerEntry } from "../../src/core/data.js";
import { Decimal } from "../../src/core/number.js";
import { isUnder } from "../../src/core/accounts.js";
import { chartOrder } from "../../src/core/chart-order.js";
import { DEFAULT_OPTIONS } from "../../src/core/options.js";
import { budgetFor, collectBudgets } from "../../src/budgets/budgets.js";
import { budgetReport, type BudgetQuery } from "../../src/reports/budget.js";
import { defaultedRange, journalYears, periodIndex, reportPeriods, yearsOf } from "../../src/reports/periods.js";

/** The report as it was written before (posting objects, Decimal sums, every account tried). */
function reportBefore(entries: readonly LedgerEntry[], query: BudgetQuery) {
  const budgets = collectBudgets(entries);
  const dataDates = budgets.map((budget) => budget.start);
  for (const entry of entries) if (entry.type === "transaction") dataDates.push(entry.date);
  const { periods, omitted } = reportPeriods(query.begin, query.budgetEnd ?? query.end, query.interval, yearsOf(dataDates));
  if (periods.length === 0) return null;
  const accounts = [...new Set(budgets.map((b) => b.account))].sort(chartOrder(DEFAULT_OPTIONS.accountRoots));
  const spending = new Map<string, Map<string, Decimal[]>>();
  for (const entry of entries) {
    if (entry.type !== "transaction" || entry.date >= query.end) continue;
    const index = periodIndex(periods, entry.date);
    if (index < 0) continue;
    for (const posting of entry.booked) {
      for (const account of accounts) {
        if (!isUnder(posting.account, account)) continue;
        let byCommodity = spending.get(account);
        if (byCommodity === undefined) spending.set(account, (byCommodity = new Map()));
        let amounts = byCommodity.get(posting.units.currency);
        if (amounts === undefined) byCommodity.set(posting.units.currency, (amounts = periods.map(() => new Decimal(0))));
        amounts[index] = amounts[index]!.plus(posting.units.number);
      }
    }
  }
  const rows: unknown[] = [];
  const totals: unknown[] = [];
  for (const account of accounts) {
    const commodities = [...new Set(budgets.filter((b) => b.account === account).map((b) => b.currency))].sort();
    for (const commodity of commodities) {
      let budgetTotal = new Decimal(0);
      let actualTotal = new Decimal(0);
      periods.forEach((period, index) => {
        const budget = budgetFor(budgets, account, period.begin, period.end, true).get(commodity) ?? new Decimal(0);
        const actual = spending.get(account)?.get(commodity)?.[index] ?? new Decimal(0);
        budgetTotal = budgetTotal.plus(budget);
        actualTotal = actualTotal.plus(actual);
        if (budget.isZero() && actual.isZero()) return;
        rows.push({ account, period: period.label, commodity, budget: budget.toString(), actual: actual.toString() });
      });
      totals.push({ account, period: null, commodity, budget: budgetTotal.toString(), actual: actualTotal.toString() });
    }
  }
  return { omitted, rows, totals };
}

function reportNow(entries: readonly LedgerEntry[], query: BudgetQuery, sorted: boolean) {
  const report = budgetReport(entries, query, sorted);
  if (report === null) return null;
  const text = (row: (typeof report.rows)[number]) => ({ ...row, budget: row.budget.toString(), actual: row.actual.toString() });
  return { omitted: report.omitted, rows: report.rows.map(text), totals: report.totals.map(text) };
}

const ACCOUNTS = ["Expenses:Fees", "Expenses:Fees:Gifts", "Expenses:Fees:Gifts:Big", "Expenses:Feesx", "Expenses:Travel", "Assets:Bank"];
const date = fc.tuple(fc.oneof(fc.integer({ min: 2017, max: 2023 }), fc.constantFrom(1999, 2030, 9998, 9999)), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const number = fc.oneof(
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 3 })).map(([n, scale]) => new Decimal(n).dividedBy(10 ** scale).toFixed(scale)),
  // Too long for a scaled integer, or summing past one.
  fc.constantFrom("98765432109876543.21", "-9007199254740991", "0.000000000000000000000000001", "-0.00", "123456789012345678901234567.5"),
);
const budget = fc.tuple(date, fc.constantFrom(...ACCOUNTS.slice(0, 5)), fc.constantFrom("monthly", "quarterly", "yearly", "weekly"), fc.integer({ min: 1, max: 50000 }), fc.constantFrom("CNY", "USD"));
const transaction = fc.tuple(date, fc.constantFrom(...ACCOUNTS), number, fc.constantFrom("CNY", "USD"));
const query = fc.tuple(
  fc.constantFrom<[string | null, string | null]>(["2019-01-01", "2021-01-01"], ["2020-03-01", "2020-04-01"], ["0001-01-01", "9999-01-01"], [null, null], ["2018-02-10", null]),
  fc.constantFrom("month" as const, "quarter" as const, "year" as const),
  fc.boolean(),
);

describe("budgetReport", () => {
  it("sums the spending as the report did with posting objects and Decimals", () => {
    const dir = mkdtempSync(join(tmpdir(), "budget-spending-"));
    fc.assert(fc.property(fc.array(budget, { maxLength: 6 }), fc.array(transaction, { maxLength: 40 }), query, (budgets, transactions, [asked, interval, later]) => {
      const text = ACCOUNTS.map((account) => `2000-01-01 open ${account}`);
      for (const [day, account, period, amount, currency] of budgets) text.push(`${day} custom "budget" ${account} "${period}" ${amount}.00 ${currency}`);
      transactions.forEach(([day, account, units, currency], index) => {
        text.push(`${day} * "t${index}"`, `  ${account}  ${units} ${currency}`, "  Assets:Bank");
      });
      const file = join(dir, "journal.beancount");
      writeFileSync(file, text.join("\n") + "\n");
      const entries = loadLedger(file).entries;
      const range = defaultedRange({ begin: asked[0], end: asked[1] }, entries, "2020-06-15");
      // Both ends given, the range is as asked without the pass over the journal's years.
      if (asked[0] !== null && asked[1] !== null) {
        const years = journalYears(entries);
        const begin = asked[0] ?? years?.begin ?? null;
        const end = asked[1] ?? years?.end ?? null;
        expect(range).toEqual(begin === null || end === null || begin >= end ? null : { begin, end });
      }
      if (range === null) return;
      const q: BudgetQuery = { ...range, interval, ...(later && range.end < "2024-01-01" ? { budgetEnd: "2024-01-01" } : {}) };
      const before = reportBefore(entries, q);
      // The ledger's entries are in date order: read by searches, or one by one.
      expect(reportNow(entries, q, true)).toEqual(before);
      expect(reportNow(entries, q, false)).toEqual(before);
      // Out of order (as with --pending, the claims after the books): read one by one.
      const reversed = [...entries].reverse();
      expect(reportNow(reversed, q, false)).toEqual(reportBefore(reversed, q));
    }), { numRuns: 120 });
  });
});
