// How many decimal places to show per commodity: the most common number of places written for it
// (beancount's display context does the same), never fewer than a value actually has.
import type { Amount, IncompleteAmount, LedgerEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Decimal } from "../core/number.js";
import { ScaledAmount, hasNumber, scaledText } from "../core/amount.js";

export type DisplayScales = ReadonlyMap<string, number>;

export function displayScales(entries: readonly LedgerEntry[]): DisplayScales {
  // Counts by scale per currency, each an array indexed by the scale (a map's look-up and update
  // for every posting cost more); the last currency's are kept at hand (a journal is mostly one).
  const counts = new Map<string, number[]>();
  let lastCurrency: string | null = null;
  let lastCounts: number[] = [];
  const count = (currency: string, scale: number) => {
    if (currency !== lastCurrency) {
      let byScale = counts.get(currency);
      if (byScale === undefined) counts.set(currency, (byScale = []));
      lastCurrency = currency;
      lastCounts = byScale;
    }
    lastCounts[scale] = (lastCounts[scale] ?? 0) + 1;
  };
  const countUnits = (units: IncompleteAmount | null) => {
    if (units !== null && units.currency !== null && hasNumber(units)) count(units.currency, units.scale);
  };
  // (An index loop: for-of made an iterator result per entry until V8 optimized the loop, some
  // megabytes for a long journal: 31 -> 27 ms on the 100k bench journal, first call.)
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry instanceof PlainTransaction) {
      // Read in place: making every transaction's postings as objects cost 30-60 ms a report.
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        if (Number.isNaN(entry.scaledAt(at))) countUnits(entry.unitsAt(at));
        else count(entry.currencyAt(at), entry.scaleAt(at));
      }
    } else if (entry.type === "transaction") {
      for (const posting of entry.postings) countUnits(posting.units);
    } else if (entry.type === "balance") count(entry.amount.currency, entry.amount.scale);
  }
  return commonestScales(counts);
}

/**
 * Each currency's commonest number of places (the larger of two as common), from counts per
 * currency indexed by places (places never counted left empty).
 */
export function commonestScales(counts: ReadonlyMap<string, readonly number[]>): Map<string, number> {
  const scales = new Map<string, number>();
  for (const [currency, byScale] of counts) {
    let best = 0;
    let bestCount = -1;
    // (forEach passes over the places never counted.)
    byScale.forEach((n, scale) => { if (n > bestCount || (n === bestCount && scale > best)) { best = scale; bestCount = n; } });
    scales.set(currency, best);
  }
  return scales;
}

/** Plain decimal text (no grouping) with at least the commodity's usual places. */
export function plainAmount(value: Decimal, currency: string, scales: DisplayScales): string {
  const scale = Math.max(value.decimalPlaces(), scales.get(currency) ?? 0);
  return value.toFixed(scale);
}

/**
 * plainAmount of an amount; a scaled one is written from its integer, without a Decimal (a
 * register writes two amounts a row).
 */
export function amountPlainText(amount: Amount, scales: DisplayScales): string {
  if (!(amount instanceof ScaledAmount)) return plainAmount(amount.number, amount.currency, scales);
  return scaledPlainText(amount.scaled, amount.scale, amount.currency, scales);
}

/** amountPlainText of the ScaledAmount (scaled, scale, currency), without making it. */
export function scaledPlainText(scaledGiven: number, scale: number, currency: string, scales: DisplayScales): string {
  // The places the Decimal would have (its trailing zeros dropped), then at least the usual ones.
  let scaled = scaledGiven;
  let places = scale;
  while (places > 0 && scaled % 10 === 0) {
    scaled /= 10;
    places -= 1;
  }
  const shown = Math.max(places, scales.get(currency) ?? 0);
  const text = scaledText(scaled, places);
  if (shown === places) return text;
  return (places === 0 ? `${text}.` : text) + zeros(shown - places);
}

/** Runs of zeros, each made once. */
const ZEROS: string[] = [];
const zeros = (count: number): string => (ZEROS[count] ??= "0".repeat(count));
