// How many decimal places to show per commodity: the most common number of places written for it
// (beancount's display context does the same), never fewer than a value actually has.
import type { LedgerEntry } from "../core/data.js";
import type { Decimal } from "../core/number.js";
import { hasNumber } from "../core/amount.js";

export type DisplayScales = ReadonlyMap<string, number>;

export function displayScales(entries: readonly LedgerEntry[]): DisplayScales {
  const counts = new Map<string, Map<number, number>>();
  const count = (currency: string, scale: number) => {
    let byScale = counts.get(currency);
    if (byScale === undefined) counts.set(currency, (byScale = new Map()));
    byScale.set(scale, (byScale.get(scale) ?? 0) + 1);
  };
  for (const entry of entries) {
    if (entry.type === "transaction") {
      for (const posting of entry.postings) {
        const units = posting.units;
        if (units !== null && units.currency !== null && hasNumber(units)) count(units.currency, units.scale);
      }
    } else if (entry.type === "balance") count(entry.amount.currency, entry.amount.scale);
  }
  const scales = new Map<string, number>();
  for (const [currency, byScale] of counts) {
    let best = 0;
    let bestCount = -1;
    for (const [scale, n] of byScale) if (n > bestCount || (n === bestCount && scale > best)) { best = scale; bestCount = n; }
    scales.set(currency, best);
  }
  return scales;
}

/** Plain decimal text (no grouping) with at least the commodity's usual places. */
export function plainAmount(value: Decimal, currency: string, scales: DisplayScales): string {
  const scale = Math.max(value.decimalPlaces(), scales.get(currency) ?? 0);
  return value.toFixed(scale);
}
