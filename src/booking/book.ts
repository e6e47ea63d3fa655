// The booking stage: complete every transaction's postings (beancount's parser/booking.py and
// booking_full.py). Per transaction: group postings by currency, book reductions against the
// running lots of each account, fill in the elided number of each group, then add the booked
// postings to the running balances.
//
// As in beancount, a transaction whose postings cannot be grouped by currency is dropped; a
// group whose reduction or interpolation fails loses its postings but the transaction stays.
// Whether each transaction balances is checked later (checkTransactionBalances), after pads and
// balance assertions, where beancount's validation checks it.
import type { BookedPosting, BookedTransaction, BookingMethod, Directive, LedgerEntry, Transaction } from "../core/data.js";
import type { LedgerOptions } from "../core/options.js";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { categorizeByCurrency } from "./categorize.js";
import { draftPostings, toleranceSource } from "./draft.js";
import { interpolateGroup } from "./interpolate.js";
import { Inventory } from "./inventory.js";
import { bookReductions, type BookingMethods } from "./reduce.js";
import { ToleranceRules, type ToleranceSource } from "./tolerance.js";

/** Each account's booking method from its open directive (the last one naming a method wins). */
export function bookingMethods(entries: readonly Directive[], options: LedgerOptions): BookingMethods {
  const byAccount = new Map<string, BookingMethod>();
  for (const entry of entries) {
    if (entry.type === "open" && entry.booking !== null) byAccount.set(entry.account, entry.booking);
  }
  return { byAccount, fallback: options.bookingMethod };
}

/** Book every transaction of `entries` (sorted as the loader sorts them); other entries pass through. */
export function bookEntries(entries: readonly Directive[], options: LedgerOptions): Result<LedgerEntry[]> {
  const methods = bookingMethods(entries, options);
  const rules = new ToleranceRules(options);
  const balances = new Map<string, Inventory>();
  const diagnostics: Diagnostic[] = [];
  const booked: LedgerEntry[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction") {
      booked.push(entry);
      continue;
    }
    const transaction = bookTransaction(entry, balances, methods, rules, diagnostics);
    if (transaction === null) continue;
    booked.push(transaction);
    for (const posting of transaction.booked) {
      let balance = balances.get(posting.account);
      if (balance === undefined) {
        balance = new Inventory();
        balances.set(posting.account, balance);
      }
      balance.add(posting.units, posting.cost);
    }
  }
  return { value: booked, diagnostics };
}

/** Book one transaction against the running balances (not updated here); null when dropped. */
export function bookTransaction(
  transaction: Transaction,
  balances: ReadonlyMap<string, Inventory>,
  methods: BookingMethods,
  rules: ToleranceRules,
  diagnostics: Diagnostic[],
): BookedTransaction | null {
  const drafts = draftPostings(transaction, diagnostics);
  const groups = categorizeByCurrency(transaction, drafts, balances, diagnostics);
  if (groups === null) return null;
  const sources: ToleranceSource[] = [];
  for (const draft of drafts) sources.push(toleranceSource(draft));
  const tolerances = rules.infer(sources);

  const postings: BookedPosting[] = [];
  for (const group of groups) {
    const reduced = bookReductions(transaction, group, balances, methods, diagnostics);
    if (reduced === null) continue;
    for (const posting of interpolateGroup(transaction, reduced, group.currency, tolerances, diagnostics)) postings.push(posting);
  }
  return { ...transaction, booked: postings };
}
