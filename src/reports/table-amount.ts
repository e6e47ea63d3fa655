// An amount as a terminal table shows it, made at once from a scaled integer: a register or a
// subsidiary ledger writes two or three amounts a line, and writing each as plain text
// (amountPlainText), then checking its places (tableAmount), then grouping it (groupedNumber), made
// and copied a handful of strings per amount. report vouchers' byte writer (vouchers-table.ts)
// measures and writes its amounts with the same rules (amountShape, then its digits from `shape`).
import type { Amount } from "../core/data.js";
import { ScaledAmount } from "../core/amount.js";
import { tableAmount } from "../render/sheet.js";
import { groupedLength, groupedNumber } from "../render/table.js";
import { amountPlainText, type DisplayScales } from "./display.js";

/** groupedNumber(tableAmount(amountPlainText(amount, scales))): the amount as a terminal table shows it. */
export function amountTableText(amount: Amount, scales: DisplayScales): string {
  if (amount instanceof ScaledAmount) {
    // (tableAmount rounds half away from zero: a negative amount is its magnitude's text after a minus.)
    const scaled = amount.scaled;
    const places = scales.get(amount.currency) ?? 0;
    return scaled < 0 ? `-${amountCell(-scaled, amount.scale, places)}` : amountCell(scaled, amount.scale, places);
  }
  return groupedNumber(tableAmount(amountPlainText(amount, scales)));
}

/** 10^0 to 10^22 (exact in floating point). */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, n) => 10 ** n);

/** How many decimal digits a non-negative safe integer has (0 has one). */
function digitCount(value: number): number {
  let count = 1;
  while (count < 16 && value >= POWERS_OF_TEN[count]!) count++;
  return count;
}


/** `value` (a non-negative safe integer) divided by 10^places, rounded down (exactly: no floating-point quotient). */
function integerPart(value: number, places: number): number {
  if (places === 0) return value;
  const unit = POWERS_OF_TEN[places]!;
  return (value - (value % unit)) / unit;
}

/** What amountShape found last: the integer part, the fraction (as an integer) and its places. */
export const shape = { whole: 0, fraction: 0, places: 0 };

/**
 * The length of amountCell(scaled, scale, commodityPlaces), its parts left in shape.whole,
 * shape.fraction and shape.places for a writer (writeShapedAmount); -1 when they cannot hold it (a residue
 * below a cent shown at too many places for an integer: amountCell's text then).
 */
export function amountShape(scaled: number, scale: number, commodityPlaces: number): number {
  if (scale <= commodityPlaces && commodityPlaces <= 2) {
    // (The commonest: no more places than the commodity's, at most two. The zeros the loop below
    // drops come back as the commodity's places: the parts are read at `scale` directly.)
    const whole = integerPart(scaled, scale);
    shape.whole = whole;
    shape.fraction = (scaled - whole * POWERS_OF_TEN[scale]!) * POWERS_OF_TEN[commodityPlaces - scale]!;
    shape.places = commodityPlaces;
    return groupedLength(digitCount(whole)) + (commodityPlaces === 0 ? 0 : commodityPlaces + 1);
  }
  let digits = scaled;
  let places = scale;
  while (places > 0 && digits % 10 === 0) {
    digits /= 10;
    places -= 1;
  }
  const shown = places > commodityPlaces ? places : commodityPlaces;
  if (shown > 2) {
    if (places > 2) {
      const unit = POWERS_OF_TEN[places - 2]!;
      const rest = digits % unit;
      let cents = (digits - rest) / unit;
      if (rest * 2 >= unit) cents += 1;
      if (cents === 0) {
        if (shown > 15) return -1;
        shape.whole = 0;
        shape.fraction = digits * POWERS_OF_TEN[shown - places]!;
        shape.places = shown;
        return 2 + shown;
      }
      shape.whole = integerPart(cents, 2);
      shape.fraction = cents - shape.whole * 100;
      shape.places = 2;
      return groupedLength(digitCount(shape.whole)) + 3;
    }
    shape.whole = integerPart(digits, places);
    shape.fraction = (digits - shape.whole * POWERS_OF_TEN[places]!) * POWERS_OF_TEN[2 - places]!;
    shape.places = 2;
    return groupedLength(digitCount(shape.whole)) + 3;
  }
  shape.whole = integerPart(digits, places);
  shape.fraction = (digits - shape.whole * POWERS_OF_TEN[places]!) * POWERS_OF_TEN[shown - places]!;
  shape.places = shown;
  return groupedLength(digitCount(shape.whole)) + (shown === 0 ? 0 : shown + 1);
}

/**
 * The cell a terminal table shows for the positive amount `scaled` × 10^-scale of a commodity shown
 * at `commodityPlaces`: scaledPlainText's text, as tableAmount rounds it (two places when it has
 * more, but a residue below a cent) and groupedNumber groups it.
 */
export function amountCell(scaled: number, scale: number, commodityPlaces: number): string {
  if (amountShape(scaled, scale, commodityPlaces) < 0) {
    // A residue below a cent at more places than a safe integer holds: written from its digits.
    let digits = scaled;
    let places = scale;
    while (places > 0 && digits % 10 === 0) {
      digits /= 10;
      places -= 1;
    }
    return "0." + String(digits).padStart(places, "0") + "0".repeat(Math.max(0, commodityPlaces - places));
  }
  const head = groupedInteger(shape.whole);
  if (shape.places === 2) return head + CENTS[shape.fraction]!;
  return shape.places === 0 ? head : head + "." + String(shape.fraction).padStart(shape.places, "0");
}

/** "0" to "999". */
const UNDER_A_THOUSAND: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n));
/** ",000" to ",999". */
const THOUSANDS: readonly string[] = Array.from({ length: 1000 }, (_, n) => `,${String(n).padStart(3, "0")}`);
/** ".00" to ".99". */
const CENTS: readonly string[] = Array.from({ length: 100 }, (_, n) => `.${String(n).padStart(2, "0")}`);

/**
 * groupThousands(String(value)) for a non-negative safe integer, made from ready-made groups of
 * three digits (a register writes two amounts a line, twice).
 */
export function groupedInteger(value: number): string {
  if (value < 1000) return UNDER_A_THOUSAND[value]!;
  const low = value % 1000;
  return groupedInteger((value - low) / 1000) + THOUSANDS[low]!;
}

/**
 * The amount amountShape measured last (at `length` characters, after a minus when `negative`) as
 * ASCII into `buffer` at `at`; where it ends: amountCell's text, written by the tables drawn as
 * bytes (report vouchers, reg, report ledger). (In 32-bit integer arithmetic only: an integer part
 * of ten digits or more split once into its last nine and the rest, where a digit at a time in
 * floating point cost a division and a remainder of doubles each. A register's running balance has
 * twelve.)
 */
export function writeShapedAmount(buffer: Uint8Array, at: number, length: number, negative = false): number {
  if (negative) buffer[at++] = 45;
  const end = at + length;
  let position = end;
  const places = shape.places;
  if (places > 0) {
    let fraction = shape.fraction;
    let place = 0;
    for (; place < places && fraction > 0x7fffffff; place++) {
      const digit = fraction % 10;
      buffer[--position] = 48 + digit;
      fraction = (fraction - digit) / 10;
    }
    let small = fraction | 0;
    for (; place < places; place++) {
      const next = (small / 10) | 0;
      buffer[--position] = 48 + small - next * 10;
      small = next;
    }
    buffer[--position] = 46;
  }
  let whole = shape.whole;
  // Digits written since the last comma.
  let group = 0;
  if (whole > 0x7fffffff) {
    const low = whole % 1e9;
    whole = (whole - low) / 1e9;
    let small = low | 0;
    for (let digit = 0; digit < 9; digit++) {
      if (group === 3) {
        buffer[--position] = 44;
        group = 0;
      }
      const next = (small / 10) | 0;
      buffer[--position] = 48 + small - next * 10;
      small = next;
      group++;
    }
  }
  // (What is left is below 2^53 / 10^9, an int32.)
  let small = whole | 0;
  do {
    if (group === 3) {
      buffer[--position] = 44;
      group = 0;
    }
    const next = (small / 10) | 0;
    buffer[--position] = 48 + small - next * 10;
    small = next;
    group++;
  } while (small > 0);
  return end;
}
