// Market value, as beancount's value(position) and Fava's "At Market Value" give it: a position held
// at cost is worth its units at the latest rate of its commodity in its cost currency.
import type { LedgerEntry } from "../core/data.js";
import { addDays } from "../core/dates.js";
import type { Decimal } from "../core/number.js";
import { buildPriceDatabase } from "./price-database.js";

/**
 * The rate to value a commodity in a cost currency: the latest price on or before the last day
 * before `end` (exclusive), or the latest of all without an end (beancount's value(position)).
 * The price database is built here, only when a report asks for values.
 */
export function marketValue(entries: readonly LedgerEntry[], end: string | null): (commodity: string, costCurrency: string) => Decimal | null {
  const database = buildPriceDatabase(entries);
  const date = end === null ? null : addDays(end, -1);
  const rates = new Map<string, Decimal | null>();
  return (commodity, costCurrency) => {
    const key = `${commodity}\u0000${costCurrency}`;
    let rate = rates.get(key);
    if (rate === undefined) rates.set(key, (rate = database.rate(commodity, costCurrency, date)?.number ?? null));
    return rate;
  };
}
