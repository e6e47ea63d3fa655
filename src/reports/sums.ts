// Running sums of the register and the subsidiary ledger, one value a row: a ScaledAmount (an
// integer and its scale, no Decimal) while every amount added is one and the sum stays a safe
// integer, else decimal.js as before. Both are exact (a safe integer has at most 16 digits, within
// the 28 decimal.js keeps), so the Decimal a sum falls back to is the one the old Decimal sum had.
import type { Amount } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { ScaledAmount, addScaled } from "../core/amount.js";

/** Zero of `currency`. */
export function zeroOf(currency: string): Amount {
  return new ScaledAmount(0, 0, currency);
}

/** a + b (b's currency is a's). */
export function plus(a: Amount, b: Amount): Amount {
  return addScaled(a, b) ?? { number: a.number.plus(b.number), scale: Math.max(a.scale, b.scale), currency: a.currency };
}

/** -a. */
export function negated(a: Amount): Amount {
  return a instanceof ScaledAmount ? new ScaledAmount(-a.scaled || 0, a.scale, a.currency) : { number: a.number.neg(), scale: a.scale, currency: a.currency };
}

/** |a|. */
export function absolute(a: Amount): Amount {
  return a instanceof ScaledAmount ? (a.scaled < 0 ? negated(a) : a) : { number: a.number.abs(), scale: a.scale, currency: a.currency };
}

/** Whether a > 0. */
export function isAbove(a: Amount): boolean {
  return a instanceof ScaledAmount ? a.scaled > 0 : a.number.isPositive() && !a.number.isZero();
}

/** Whether a < 0. */
export function isBelow(a: Amount): boolean {
  return a instanceof ScaledAmount ? a.scaled < 0 : a.number.isNegative() && !a.number.isZero();
}

/** Whether a is zero (either sign). */
export function isNil(a: Amount): boolean {
  return a instanceof ScaledAmount ? a.scaled === 0 : a.number.isZero();
}

/** An amount of `currency` from a Decimal (units too long for a scaled integer). */
export function decimalAmount(number: Decimal, currency: string): Amount {
  return { number, scale: Math.max(0, number.decimalPlaces()), currency };
}
