// Random journals of cost postings for the property tests that hold a report's in-place sums to
// costPostings' posting objects (test/reports/structure-sums.test.ts, trend-sums.test.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { LedgerEntry } from "../../src/core/data.js";
import { loadLedger } from "../../src/loader/load.js";

const ACCOUNTS = ["Expenses", "Expenses:Fees", "Expenses:Fees:Gifts", "Expenses:Fees:Gifts:Big", "Expenses:Feesx:A", "Expenses:Travel:Air:Long", "Assets:Bank"];

/** A date of `firstYear` to 2021. */
export const dateFrom = (firstYear: number) => fc.tuple(fc.integer({ min: firstYear, max: 2021 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

// Amounts of up to three places, and some too long for a scaled integer, one-part-in-10^27, -0.00.
const number = fc.oneof(
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 3 })).map(([n, scale]) => (n / 10 ** scale).toFixed(scale)),
  fc.constantFrom("98765432109876543.21", "-9007199254740991", "0.000000000000000000000000001", "-0.00"),
);
const posting = fc.tuple(fc.constantFrom(...ACCOUNTS), number, fc.constantFrom("CNY", "USD"), fc.boolean());

/** Up to 30 transactions dated from `firstYear`, each of 1-3 postings (some priced) and the bank. */
export const costTransactions = (firstYear: number) =>
  fc.array(fc.tuple(dateFrom(firstYear), fc.array(posting, { minLength: 1, maxLength: 3 }), fc.boolean()), { maxLength: 30 });

/** The roots the reports are asked about. */
export const costRoots = fc.constantFrom("Expenses", "Expenses:Fees", "Expenses:Travel");

type Transactions = readonly (readonly [string, readonly (readonly [string, string, string, boolean])[], boolean])[];

/** The entries of a journal of `transactions` (written to `dir`/journal.beancount and loaded). */
export function loadCostJournal(dir: string, transactions: Transactions): LedgerEntry[] {
  const text = ACCOUNTS.map((account) => `2000-01-01 open ${account}`);
  transactions.forEach(([day, postings, priced], index) => {
    text.push(`${day} * "t${index}"`);
    for (const [account, units, currency, cost] of postings) text.push(`  ${account}  ${units} ${currency}${priced && cost ? " @ 2 EUR" : ""}`);
    text.push("  Assets:Bank");
  });
  const file = join(dir, "journal.beancount");
  writeFileSync(file, text.join("\n") + "\n");
  return loadLedger(file).entries as LedgerEntry[];
}
