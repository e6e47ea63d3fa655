// Exact decimal arithmetic, configured the way beancount's Python Decimal context is:
// 28 significant digits, banker's rounding. decimal.js drops trailing zeros, so wherever the
// number of digits written matters (tolerances, display) we carry a `scale` next to the value.
import { Decimal as DecimalJs } from "decimal.js";

/** Significant digits of every computed result (beancount's Decimal context: 28). */
export const PRECISION = 28;

export const Decimal = DecimalJs.clone({ precision: PRECISION, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO: Decimal = new Decimal(0);

/** A number and the count of digits after its decimal point as written (Python's -exponent). */
export interface ScaledNumber {
  readonly value: Decimal;
  readonly scale: number;
}

/** Parse a beancount number literal ("1,234.50") into value and written scale. */
export function parseNumberLiteral(text: string): ScaledNumber {
  const plain = text.includes(",") ? text.replace(/,/g, "") : text;
  const dot = plain.indexOf(".");
  // decimal.js grows the digit array of a parsed number by push, leaving room for 17 words; a
  // copy has the exact size. Numbers live as long as the ledger: 120 bytes saved per amount.
  return { value: new Decimal(new Decimal(plain)), scale: dot < 0 ? 0 : plain.length - dot - 1 };
}

/** Render a number with at least `scale` digits after the point, never in exponent form. */
export function formatNumber(value: Decimal, scale = 0): string {
  const natural = value.decimalPlaces();
  return value.toFixed(Math.max(natural, scale));
}
