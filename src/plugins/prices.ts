// The latest price of each commodity in each currency, from the Price entries, as beancount's price
// map gives it (prices.build_price_map and get_price without a date): the last of the latest day,
// and the inverse of a rate known only the other way round.
import type { LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";

export interface LatestPrice {
  readonly date: string;
  readonly number: Decimal;
}

/** By `${commodity}\u0000${currency}`. */
export function latestPrices(entries: readonly LedgerEntry[]): Map<string, LatestPrice> {
  const direct = new Map<string, LatestPrice>();
  for (const entry of entries) {
    if (entry.type !== "price" || entry.amount.number.isZero()) continue;
    const key = `${entry.currency}\u0000${entry.amount.currency}`;
    const previous = direct.get(key);
    if (previous === undefined || previous.date <= entry.date) direct.set(key, { date: entry.date, number: entry.amount.number });
  }
  const result = new Map(direct);
  for (const [key, price] of direct) {
    const [base, quote] = key.split("\u0000");
    const inverse = `${quote}\u0000${base}`;
    if (!direct.has(inverse)) result.set(inverse, { date: price.date, number: new Decimal(1).div(price.number) });
  }
  return result;
}
