// The price database, as beancount 2.3.5 builds it (core/prices.py, build_price_map) from the Price
// entries of a ledger (written ones and those plugins such as implicit_prices make), and looks a
// rate up in it (get_price): the latest rate on or before a date, or the latest of all.
import type { LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";

export interface DatedRate {
  /** YYYY-MM-DD, or null for a commodity priced in itself. */
  readonly date: string | null;
  readonly number: Decimal;
}

export interface PriceDatabase {
  /**
   * The rate of one `base` in `quote` on `date` (the latest on or before it; the latest of all when
   * `date` is null), or null when none is known. A rate known only the other way round is inverted.
   */
  rate(base: string, quote: string, date: string | null): DatedRate | null;
}

interface Point {
  readonly date: string;
  readonly number: Decimal;
}

const ONE = new Decimal(1);
const pairKey = (base: string, quote: string): string => `${base}\u0000${quote}`;

/**
 * beancount's build_price_map: the prices of each (commodity, currency) pair; where both directions
 * are written, the one with fewer prices is inverted into the other (the one seen first wins a tie);
 * one price a day, the last written (an inverted one after the written ones); then every pair's
 * inverse, leaving out zero rates.
 */
export function buildPriceDatabase(entries: readonly LedgerEntry[]): PriceDatabase {
  // Insertion order matters (it decides ties), as in beancount's dict.
  const written = new Map<string, Point[]>();
  for (const entry of entries) {
    if (entry.type !== "price") continue;
    const key = pairKey(entry.currency, entry.amount.currency);
    let points = written.get(key);
    if (points === undefined) written.set(key, (points = []));
    points.push({ date: entry.date, number: entry.amount.number });
  }
  for (const key of [...written.keys()]) {
    const [base, quote] = key.split("\u0000") as [string, string];
    const forward = written.get(key);
    const backward = written.get(pairKey(quote, base));
    if (forward === undefined || backward === undefined) continue;
    const [removed, kept, keptKey] = forward.length < backward.length ? [forward, backward, pairKey(quote, base)] : [backward, forward, key];
    written.delete(keptKey === key ? pairKey(quote, base) : key);
    for (const point of removed) if (!point.number.isZero()) kept.push({ date: point.date, number: ONE.div(point.number) });
  }
  const table = new Map<string, Point[]>();
  for (const [key, points] of written) table.set(key, lastOfEachDay(points));
  for (const [key, points] of [...table]) {
    const [base, quote] = key.split("\u0000") as [string, string];
    table.set(pairKey(quote, base), points.filter((point) => !point.number.isZero()).map((point) => ({ date: point.date, number: ONE.div(point.number) })));
  }
  return {
    rate(base, quote, date) {
      if (base === quote) return { date: null, number: ONE };
      let points = table.get(pairKey(base, quote));
      // beancount falls back on the reverse pair's list as it is (never reached once every inverse is made).
      if (points === undefined) {
        const reverse = table.get(pairKey(quote, base));
        if (reverse === undefined || reverse.length === 0) return null;
        points = reverse;
      }
      if (date === null) return points.length === 0 ? null : points[points.length - 1]!;
      const at = lastOnOrBefore(points, date);
      return at < 0 ? null : points[at]!;
    },
  };
}

/** Sorted by date (stable), one point a day: the last of the day. */
function lastOfEachDay(points: readonly Point[]): Point[] {
  const sorted = points.map((point, index) => ({ point, index })).sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index));
  const result: Point[] = [];
  for (const { point } of sorted) {
    if (result.length > 0 && result[result.length - 1]!.date === point.date) result[result.length - 1] = point;
    else result.push(point);
  }
  return result;
}

/** The index of the last point dated on or before `date`, or -1. */
function lastOnOrBefore(points: readonly Point[], date: string): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle]!.date <= date) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
