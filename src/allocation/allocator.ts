// Applying allocation rules to postings: a pooled posting (its customer or department is the rule's
// pool) under a rule's account is split by the rule in force at its date. `revenue` weighs each
// name by its revenue in the posting's month, else in its year; `headcount` by the event's
// attendees (`attendees: "ACME:12, 星河零售:8"` on the posting or its transaction); `equal` and
// `ratio` by the rule's shares (`equal` without shares: every name with revenue in the year).
// A posting no rule covers, or whose weights are all missing, stays pooled. Once `allocate` has
// written a posting's allocation into the books (an entry with `allocation-of: "KEY"`, moving the
// amount from the pool to the parts), the posting and that entry's pool posting both stay pooled
// and cancel out, and the parts are the entry's own postings: a report reads the same before and after.
import { createHash } from "node:crypto";
import type { BookedPosting, BookedTransaction, LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { entryMetaText, metaText } from "../claims/claim.js";
import { DecimalSum } from "../core/amount.js";
import { allocationRules, parseShares, type AllocationKey, type AllocationRule, type Share } from "./rules.js";
import { splitExact, type Part } from "./split.js";

export const ALLOCATION_OF = "allocation-of";

/** How one pooled posting splits. */
export interface AllocationPlan {
  readonly rule: AllocationRule;
  readonly parts: readonly Part[];
  /** Names the posting in the `allocation-of` metadata of the entry that books the split. */
  readonly key: string;
}

export interface Allocator {
  readonly key: AllocationKey;
  /** How the posting `index` of `transaction`, valued `group`, splits; null when it stays pooled. */
  planFor(transaction: BookedTransaction, index: number, group: string): AllocationPlan | null;
  /** The parts a report counts for the posting: its plan's, unless the books already hold the split. */
  partsOf(transaction: BookedTransaction, index: number, group: string): readonly Part[] | null;
}

/** A stable name for a posting: a digest of its transaction's date, payee, narration and its own place, account and amount. */
export function allocationKey(transaction: BookedTransaction, index: number): string {
  const posting = transaction.booked[index]!;
  const text = [transaction.date, transaction.payee ?? "", transaction.narration, String(index), posting.account, posting.units.number.toFixed(), posting.units.currency].join("\u0000");
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** The keys of the postings whose allocation the books already hold. */
export function writtenAllocations(entries: readonly LedgerEntry[]): Set<string> {
  const written = new Set<string>();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    const key = entryMetaText(entry, ALLOCATION_OF);
    if (key !== null) written.add(key);
  }
  return written;
}

/** The value of `key` on a posting: its own metadata, else its transaction's. */
export function postingValue(transaction: BookedTransaction, posting: BookedPosting, key: string): string | null {
  return metaText(posting.source.meta, key) ?? entryMetaText(transaction, key);
}

/**
 * Revenue per name by month and by year: income postings (under `incomeRoot`) naming the key on
 * the posting or its transaction, or booked to an account opened with that key; as a positive figure.
 */
export function revenueWeights(entries: readonly LedgerEntry[], incomeRoot: string, key: AllocationKey, pool: ReadonlySet<string>): {
  month: Map<string, Map<string, Decimal>>; year: Map<string, Map<string, Decimal>>;
} {
  const accountValue = accountValues(entries, key);
  const month = new Map<string, Map<string, DecimalSum>>();
  const year = new Map<string, Map<string, DecimalSum>>();
  const add = (table: Map<string, Map<string, DecimalSum>>, period: string, name: string, posting: BookedPosting) => {
    let byName = table.get(period);
    if (byName === undefined) table.set(period, (byName = new Map()));
    let sum = byName.get(name);
    if (sum === undefined) byName.set(name, (sum = new DecimalSum()));
    sum.add(posting.units);
  };
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      if (!isUnder(posting.account, incomeRoot)) continue;
      const name = postingValue(entry, posting, key) ?? accountValue.get(posting.account) ?? null;
      if (name === null || pool.has(name)) continue;
      add(month, entry.date.slice(0, 7), name, posting);
      add(year, entry.date.slice(0, 4), name, posting);
    }
  }
  const settle = (table: Map<string, Map<string, DecimalSum>>) =>
    new Map([...table].map(([period, byName]) => [period, new Map([...byName].map(([name, sum]) => [name, sum.value.neg()]))]));
  return { month: settle(month), year: settle(year) };
}

/** Accounts opened with `customer:` (or `department:`) metadata, and that value. */
export function accountValues(entries: readonly LedgerEntry[], key: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of entries) {
    if (entry.type !== "open") continue;
    const value = metaText(entry.meta, key);
    if (value !== null) values.set(entry.account, value);
  }
  return values;
}

function positive(weights: ReadonlyMap<string, Decimal> | undefined): Share[] {
  if (weights === undefined) return [];
  return [...weights].filter(([, weight]) => weight.greaterThan(0)).map(([name, weight]) => ({ name, weight })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** An allocator for grouping by `key`, or null when the journal has no rule for it. */
export function allocatorFor(entries: readonly LedgerEntry[], key: string, incomeRoot: string): Allocator | null {
  if (key !== "customer" && key !== "department") return null;
  const rules = allocationRules(entries).rules.filter((rule) => rule.by === key);
  if (rules.length === 0) return null;
  let revenue: ReturnType<typeof revenueWeights> | null = null;
  const revenueOf = () => (revenue ??= revenueWeights(entries, incomeRoot, key, new Set(rules.map((rule) => rule.pool))));
  const ruleFor = (date: string, account: string, group: string): AllocationRule | null => {
    let found: AllocationRule | null = null;
    for (const rule of rules) {
      if (rule.start > date || rule.pool !== group || !isUnder(account, rule.account)) continue;
      // The deepest account wins; for the same account, the latest rule.
      if (found === null || rule.account.length > found.account.length || (rule.account === found.account && rule.start >= found.start)) found = rule;
    }
    return found;
  };
  const split = (rule: AllocationRule, transaction: BookedTransaction, posting: BookedPosting): Part[] | null => {
      let shares: Share[];
      switch (rule.method) {
        case "ratio":
          shares = [...rule.shares];
          break;
        case "equal":
          shares = rule.shares.length > 0 ? [...rule.shares]
            : positive(revenueOf().year.get(transaction.date.slice(0, 4))).map((share) => ({ name: share.name, weight: new Decimal(1) }));
          break;
        case "revenue": {
          const table = revenueOf();
          shares = positive(table.month.get(transaction.date.slice(0, 7)));
          if (shares.length === 0) shares = positive(table.year.get(transaction.date.slice(0, 4)));
          break;
        }
        case "headcount": {
          const text = postingValue(transaction, posting, "attendees");
          const parsed = text === null ? null : parseShares(text, true);
          shares = parsed === null || "problem" in parsed ? [] : parsed;
          break;
        }
      }
      if (shares.length === 0) return null;
      return splitExact(posting.units.number, posting.units.scale, shares);
  };
  let written: Set<string> | null = null;
  const planFor = (transaction: BookedTransaction, index: number, group: string): AllocationPlan | null => {
    const posting = transaction.booked[index]!;
    const rule = ruleFor(transaction.date, posting.account, group);
    if (rule === null || entryMetaText(transaction, ALLOCATION_OF) !== null) return null;
    const parts = split(rule, transaction, posting);
    return parts === null ? null : { rule, parts, key: allocationKey(transaction, index) };
  };
  return {
    key,
    planFor,
    partsOf(transaction, index, group) {
      const plan = planFor(transaction, index, group);
      if (plan === null) return null;
      written ??= writtenAllocations(entries);
      return written.has(plan.key) ? null : plan.parts;
    },
  };
}
