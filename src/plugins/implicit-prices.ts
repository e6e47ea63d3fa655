// beancount.plugins.implicit_prices: a Price for every posting's price, and for every cost of a
// posting that does not reduce a position; one per day, commodity, number and currency.
import type { Amount, LedgerEntry, Price } from "../core/data.js";
import { ScaledAmount, scaledText } from "../core/amount.js";
import type { Decimal } from "../core/number.js";
import type { PluginFunction } from "./plugin.js";
import { lotKey } from "./entries.js";
import { PlainTransaction } from "../core/plain-transaction.js";

export const implicitPrices: PluginFunction = (entries) => {
  const result: LedgerEntry[] = [];
  const made = new Set<string>();
  /** Positions held at cost, by account and lot (only those decide whether a posting reduces). */
  const positions = new Map<string, Map<string, Decimal>>();
  // The last price made or found made, as its parts: the next posting with the same date, units
  // currency and price (the same scaled integer and scale) has the same key, and is skipped without
  // making it (a journal's priced postings of a day mostly share their rate).
  let lastDate = "";
  let lastCurrency = "";
  let lastPrice: ScaledAmount | null = null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    result.push(entry);
    // A compact transaction's postings have no price and no cost: nothing to read (nor objects to make).
    if (entry instanceof PlainTransaction || entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const { units, cost, price } = posting;
      if (cost === null) {
        if (price === null) continue;
        if (lastPrice !== null && price instanceof ScaledAmount && price.scaled === lastPrice.scaled && price.scale === lastPrice.scale
          && price.currency === lastPrice.currency && units.currency === lastCurrency && entry.date === lastDate) continue;
      }
      let reduced = false;
      if (cost !== null) {
        let lots = positions.get(posting.account);
        if (lots === undefined) positions.set(posting.account, (lots = new Map()));
        const key = lotKey(units.currency, cost);
        const held = lots.get(key);
        if (held !== undefined) {
          reduced = held.gte(0) !== units.number.gte(0);
          const sum = held.plus(units.number);
          if (sum.isZero()) lots.delete(key);
          else lots.set(key, sum);
        } else if (!units.number.isZero()) lots.set(key, units.number);
      }
      let amount = null;
      if (price !== null) amount = price;
      else if (cost !== null && !reduced) amount = { number: cost.number, scale: cost.scale, currency: cost.currency };
      if (amount === null) continue;
      const key = `${entry.date} ${units.currency} ${numberKey(amount)} ${amount.currency}`;
      if (amount instanceof ScaledAmount) {
        lastDate = entry.date;
        lastCurrency = units.currency;
        lastPrice = amount;
      } else lastPrice = null;
      if (made.has(key)) continue;
      made.add(key);
      const generated: Price = { type: "price", date: entry.date, span: entry.span, meta: [], currency: units.currency, amount };
      result.push(generated);
    }
  }
  return { entries: result, errors: [] };
};

/**
 * The number of `amount` as its Decimal's toString writes it (no trailing zeros: 7.10 is "7.1"),
 * without making the Decimal of a scaled integer.
 */
export function numberKey(amount: Amount): string {
  if (!(amount instanceof ScaledAmount)) return amount.number.toString();
  let scaled = amount.scaled;
  let scale = amount.scale;
  while (scale > 0 && scaled % 10 === 0) {
    scaled /= 10;
    scale--;
  }
  return scaledText(scaled, scale);
}
