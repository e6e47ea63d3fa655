// beancount.plugins.implicit_prices: a Price for every posting's price, and for every cost of a
// posting that does not reduce a position; one per day, commodity, number and currency.
import type { LedgerEntry, Price } from "../core/data.js";
import type { Decimal } from "../core/number.js";
import type { PluginFunction } from "./plugin.js";
import { lotKey } from "./entries.js";

export const implicitPrices: PluginFunction = (entries) => {
  const result: LedgerEntry[] = [];
  const made = new Set<string>();
  /** Positions held at cost, by account and lot (only those decide whether a posting reduces). */
  const positions = new Map<string, Map<string, Decimal>>();
  for (const entry of entries) {
    result.push(entry);
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const { units, cost, price } = posting;
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
      const key = `${entry.date} ${units.currency} ${amount.number.toString()} ${amount.currency}`;
      if (made.has(key)) continue;
      made.add(key);
      const generated: Price = { type: "price", date: entry.date, span: entry.span, meta: [], currency: units.currency, amount };
      result.push(generated);
    }
  }
  return { entries: result, errors: [] };
};
