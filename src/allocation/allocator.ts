// Applying allocation rules to postings: a pooled posting (its customer or department is the rule's
// pool) under a rule's account is split by the rule in force at its date. `revenue` weighs each
// name by its revenue in the posting's month, else in its year; `headcount` by the event's
// attendees (`attendees: "ACME:12, 星河零售:8"` on the posting or its transaction); `equal` and
// `ratio` by the rule's shares (`equal` without shares: every name with revenue in the year).
// A posting no rule covers, or whose weights are all missing, stays pooled.
import type { BookedPosting, BookedTransaction, LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { entryMetaText, metaText } from "../claims/claim.js";
import { DecimalSum } from "../core/amount.js";
import { allocationRules, parseShares, type AllocationKey, type AllocationRule, type Share } from "./rules.js";
import { splitExact, type Part } from "./split.js";

export interface Allocator {
  readonly key: AllocationKey;
  /** The rule that covers a posting with value `group` under `account` on `date`, or null. */
  ruleFor(date: string, account: string, group: string): AllocationRule | null;
  /** The posting's parts by the rule, or null when it stays pooled (no weights). */
  split(rule: AllocationRule, transaction: BookedTransaction, posting: BookedPosting): Part[] | null;
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
  return {
    key,
    ruleFor(date, account, group) {
      let found: AllocationRule | null = null;
      for (const rule of rules) {
        if (rule.start > date || rule.pool !== group || !isUnder(account, rule.account)) continue;
        // The deepest account wins; for the same account, the latest rule.
        if (found === null || rule.account.length > found.account.length || (rule.account === found.account && rule.start >= found.start)) found = rule;
      }
      return found;
    },
    split(rule, transaction, posting) {
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
    },
  };
}
