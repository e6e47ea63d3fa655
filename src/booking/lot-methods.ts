// How each booking method picks the lots a reducing posting takes units from, once the lots
// matching its cost spec are known (beancount's parser/booking_method.py; STRICT_WITH_SIZE and
// HIFO as beancount v3 has them).
import type { Amount, BookingMethod, Cost } from "../core/data.js";
import type { ScaledNumber } from "../core/number.js";
import { ZERO } from "../core/number.js";
import { absolute, minimum, subtract } from "../core/scaled.js";
import type { Position } from "./inventory.js";

/** One reduction of one lot: the units taken from it (signed like the posting) and its cost. */
export interface LotReduction {
  readonly units: Amount;
  readonly cost: Cost;
}

export type LotMethodResult =
  | { readonly kind: "booked"; readonly reductions: readonly LotReduction[] }
  /** Several lots match and the method may not choose. */
  | { readonly kind: "ambiguous" }
  /** The matching lots hold fewer units than the posting reduces; reductions is what was found. */
  | { readonly kind: "insufficient" }
  | { readonly kind: "unsupported" };

function scaledUnits(units: Amount): ScaledNumber {
  return { value: units.number, scale: units.scale };
}

function signed(number: ScaledNumber, negative: boolean, currency: string): Amount {
  return { number: negative ? number.value.neg() : number.value, scale: number.scale, currency };
}

/** Take the whole of every match, or the posting's size from a single match. */
function strict(units: Amount, matches: readonly Position[]): LotMethodResult {
  if (matches.length > 1) {
    // Several matches are fine when the reduction takes all of them exactly.
    let sum = ZERO;
    for (const match of matches) sum = sum.plus(match.units.number);
    if (!sum.eq(units.number.neg())) return { kind: "ambiguous" };
    const reductions: LotReduction[] = [];
    for (const match of matches) {
      reductions.push({
        units: { number: match.units.number.neg(), scale: match.units.scale, currency: match.units.currency },
        cost: match.cost!,
      });
    }
    return { kind: "booked", reductions };
  }
  const match = matches[0]!;
  const negative = units.number.isNegative();
  const size = minimum(absolute(scaledUnits(match.units)), absolute(scaledUnits(units)));
  const taken = signed(size, negative, match.units.currency);
  if (!taken.number.eq(units.number)) return { kind: "insufficient" };
  return { kind: "booked", reductions: [{ units: taken, cost: match.cost! }] };
}

/** STRICT, but an ambiguous match is settled by the oldest lot of exactly the posting's size. */
function strictWithSize(units: Amount, matches: readonly Position[]): LotMethodResult {
  const result = strict(units, matches);
  if (result.kind !== "ambiguous") return result;
  const wanted = units.number.neg();
  let chosen: Position | null = null;
  for (const match of matches) {
    if (!match.units.number.eq(wanted)) continue;
    if (chosen === null || match.cost!.date < chosen.cost!.date) chosen = match;
  }
  if (chosen === null) return result;
  return {
    kind: "booked",
    reductions: [{
      units: { number: chosen.units.number.neg(), scale: chosen.units.scale, currency: chosen.units.currency },
      cost: chosen.cost!,
    }],
  };
}

type LotOrder = "FIFO" | "LIFO" | "HIFO";

/** Stable order of the matches: by lot date (FIFO, LIFO reversed) or by cost (HIFO, highest first). */
function orderMatches(matches: readonly Position[], order: LotOrder): Position[] {
  const indexed = matches.map((match, index) => ({ match, index }));
  indexed.sort((a, b) => {
    let comparison: number;
    if (order === "HIFO") comparison = b.match.cost!.number.cmp(a.match.cost!.number);
    else {
      const dateA = a.match.cost!.date;
      const dateB = b.match.cost!.date;
      comparison = dateA < dateB ? -1 : dateA > dateB ? 1 : 0;
      if (order === "LIFO") comparison = -comparison;
    }
    // Python's sort is stable even when reversed: ties keep the inventory's order.
    return comparison !== 0 ? comparison : a.index - b.index;
  });
  return indexed.map((entry) => entry.match);
}

/** Take from the lots in order until the posting's size is reached. */
function inOrder(units: Amount, matches: readonly Position[], order: LotOrder): LotMethodResult {
  const negative = units.number.isNegative();
  let remaining = absolute(scaledUnits(units));
  const reductions: LotReduction[] = [];
  for (const match of orderMatches(matches, order)) {
    if (remaining.value.lte(0)) break;
    // Skip a lot on the same side as the posting (an inventory with mixed signs).
    if (!match.units.number.isZero() && match.units.number.isNegative() === negative) continue;
    const size = minimum(absolute(scaledUnits(match.units)), remaining);
    reductions.push({ units: signed(size, negative, match.units.currency), cost: match.cost! });
    remaining = subtract(remaining, size);
  }
  if (remaining.value.gt(0)) return { kind: "insufficient" };
  return { kind: "booked", reductions };
}

/** Choose the lots to reduce among `matches` (all held at cost, all matching the spec). */
export function chooseLots(method: BookingMethod, units: Amount, matches: readonly Position[]): LotMethodResult {
  switch (method) {
    case "STRICT": return strict(units, matches);
    case "STRICT_WITH_SIZE": return strictWithSize(units, matches);
    case "FIFO": return inOrder(units, matches, "FIFO");
    case "LIFO": return inOrder(units, matches, "LIFO");
    case "HIFO": return inOrder(units, matches, "HIFO");
    case "AVERAGE": return { kind: "unsupported" };
    case "NONE": return { kind: "booked", reductions: [] };
  }
}
