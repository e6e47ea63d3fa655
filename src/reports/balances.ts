// The balance report: sums of posting units (or cost) per account and commodity.
import type { LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import { chartOrder } from "../core/chart-order.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { DEFAULT_OPTIONS, type AccountRoots } from "../core/options.js";

export interface BalanceQuery {
  /** Case-insensitive regular expressions; an account matches if any matches (all accounts when empty). */
  readonly patterns: readonly RegExp[];
  /** Inclusive start date (YYYY-MM-DD) or null. */
  readonly begin: string | null;
  /** Exclusive end date or null. */
  readonly end: string | null;
  /** Roll subaccounts up into their parents. */
  readonly tree: boolean;
  /** Aggregate accounts deeper than this into their ancestor at this depth. */
  readonly depth: number | null;
  /** Value positions held at cost at their cost. */
  readonly atCost: boolean;
  /**
   * Value positions held at cost at this rate of their commodity in their cost currency (beancount's
   * value(position)); a position with no rate, or not held at cost, stays in its commodity.
   */
  readonly atValue?: ((commodity: string, costCurrency: string) => Decimal | null) | null;
}

export interface BalanceRow {
  readonly account: string;
  /** Nesting level in tree mode (0 for top level), 0 in flat mode. */
  readonly level: number;
  readonly commodity: string;
  readonly amount: Decimal;
}

export interface BalanceReport {
  readonly rows: readonly BalanceRow[];
  /** Grand total per commodity over the accounts shown (top-level accounts in tree mode). */
  readonly totals: readonly { commodity: string; amount: Decimal }[];
}

/** account -> commodity -> sum */
type Sums = Map<string, Map<string, Decimal>>;

function addTo(sums: Sums, account: string, commodity: string, amount: Decimal): void {
  let byCommodity = sums.get(account);
  if (byCommodity === undefined) sums.set(account, (byCommodity = new Map()));
  const previous = byCommodity.get(commodity);
  byCommodity.set(commodity, previous === undefined ? amount : previous.plus(amount));
}

/** The running sum of `account` in `commodity` (posting amounts are summed without a Decimal each). */
function sumOf(sums: Map<string, Map<string, DecimalSum>>, account: string, commodity: string): DecimalSum {
  let byCommodity = sums.get(account);
  if (byCommodity === undefined) sums.set(account, (byCommodity = new Map()));
  let sum = byCommodity.get(commodity);
  if (sum === undefined) byCommodity.set(commodity, (sum = new DecimalSum()));
  return sum;
}

function truncate(account: string, depth: number | null): string {
  if (depth === null) return account;
  const parts = account.split(":");
  return parts.length <= depth ? account : parts.slice(0, depth).join(":");
}

export function balanceReport(entries: readonly LedgerEntry[], query: BalanceQuery, roots: AccountRoots = DEFAULT_OPTIONS.accountRoots): BalanceReport {
  // account -> commodity -> sum
  const running = new Map<string, Map<string, DecimalSum>>();
  // Each account matched once.
  const matched = new Map<string, boolean>();
  const matches = (account: string): boolean => {
    let match = matched.get(account);
    if (match === undefined) matched.set(account, (match = query.patterns.length === 0 || query.patterns.some((p) => p.test(account))));
    return match;
  };
  // A compact transaction booked as its postings (no cost, no price) is read in place: its booked
  // postings made as objects cost more than the sums.
  const addPlain: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    if (!matches(account)) return;
    sumOf(running, account, currency).addUnits(scaled, scale, decimal);
  };
  const atValue = query.atValue ?? null;
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    if (query.begin !== null && entry.date < query.begin) continue;
    if (query.end !== null && entry.date >= query.end) continue;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      forEachPosting(entry, addPlain);
      continue;
    }
    for (const posting of entry.booked) {
      if (!matches(posting.account)) continue;
      if (atValue !== null && posting.cost !== null) {
        const rate = atValue(posting.units.currency, posting.cost.currency);
        if (rate !== null) {
          sumOf(running, posting.account, posting.cost.currency).addDecimal(posting.units.number.times(rate));
          continue;
        }
      }
      if (query.atCost && posting.cost !== null) sumOf(running, posting.account, posting.cost.currency).addDecimal(posting.units.number.times(posting.cost.number));
      else sumOf(running, posting.account, posting.units.currency).add(posting.units);
    }
  }
  const sums: Sums = new Map();
  for (const [account, byCommodity] of running) {
    for (const [commodity, sum] of byCommodity) addTo(sums, account, commodity, sum.value);
  }

  const rolled: Sums = new Map();
  const addRolled = (account: string, commodity: string, amount: Decimal) => addTo(rolled, account, commodity, amount);
  for (const [account, byCommodity] of sums) {
    for (const [commodity, amount] of byCommodity) {
      if (query.tree) {
        const parts = account.split(":");
        const limit = query.depth === null ? parts.length : Math.min(parts.length, query.depth);
        for (let i = 1; i <= limit; i++) addRolled(parts.slice(0, i).join(":"), commodity, amount);
      } else {
        addRolled(truncate(account, query.depth), commodity, amount);
      }
    }
  }

  const rows: BalanceRow[] = [];
  const totals = new Map<string, Decimal>();
  for (const account of [...rolled.keys()].sort(chartOrder(roots))) {
    const level = query.tree ? account.split(":").length - 1 : 0;
    const byCommodity = rolled.get(account)!;
    const hasNonZero = [...byCommodity.values()].some((a) => !a.isZero());
    if (!hasNonZero && !query.tree) continue;
    for (const commodity of [...byCommodity.keys()].sort()) {
      const amount = byCommodity.get(commodity)!;
      if (amount.isZero()) continue;
      rows.push({ account, level, commodity, amount });
      if (level === 0) totals.set(commodity, (totals.get(commodity) ?? new Decimal(0)).plus(amount));
    }
  }
  return {
    rows,
    totals: [...totals.keys()].sort().map((commodity) => ({ commodity, amount: totals.get(commodity)! })),
  };
}
