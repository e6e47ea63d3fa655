// Amounts held as scaled integers. Almost every amount in a journal is a short decimal such as
// 2513.35 CNY: kept as the integer 251335 with scale 2 it costs one small object instead of a
// decimal.js object and its digit array, and sums of such amounts are integer additions. The
// decimal.js value is made on first use of `number`, so the rest of the program sees an ordinary
// Amount; code on hot paths (booking, inventories, balance checks) uses `scaled` directly.
import type { Amount, IncompleteAmount } from "./data.js";
import { Decimal } from "./number.js";

/** Scales a scaled amount may have: 10^scale stays exact in a double. */
export const MAX_SCALE = 15;

/** 10^0 .. 10^MAX_SCALE. */
export const POWERS_OF_TEN: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, index) => 10 ** index);

/** The decimal value of `scaled` × 10^-scale (scale ≥ 0; scaled a safe integer, never -0). */
export function decimalOf(scaled: number, scale: number): Decimal {
  if (scale === 0) return new Decimal(scaled);
  return new Decimal(scaledText(scaled, scale));
}

/**
 * `scaled` × 10^-scale as plain decimal text with exactly `scale` places (`-0.05`, `2513.35`, `7`):
 * what formatNumber makes of its decimalOf at that scale, without the Decimal.
 */
export function scaledText(scaled: number, scale: number): string {
  if (scale === 0) return String(scaled);
  const negative = scaled < 0;
  let digits = String(negative ? -scaled : scaled);
  if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
  const point = digits.length - scale;
  return (negative ? "-" : "") + digits.slice(0, point) + "." + digits.slice(point);
}

/** `value` × 10^scale when that is a safe integer and the scale is kept exactly; null otherwise. */
export function scaledOf(value: Decimal, scale: number): number | null {
  if (scale < 0 || scale > MAX_SCALE) return null;
  const shifted = value.times(POWERS_OF_TEN[scale]!);
  if (!shifted.isInteger()) return null;
  const result = shifted.toNumber();
  if (!Number.isSafeInteger(result)) return null;
  // Python keeps the sign of a negative zero; a scaled integer cannot, so such a value stays a Decimal.
  return result === 0 && value.isNegative() ? null : result;
}

/** An amount whose number is the integer `scaled` × 10^-scale. */
export class ScaledAmount implements Amount {
  #number: Decimal | null = null;

  constructor(
    /** The number × 10^scale: a safe integer, never -0. */
    readonly scaled: number,
    /** Digits after the point, 0..MAX_SCALE. */
    readonly scale: number,
    readonly currency: string,
  ) {}

  get number(): Decimal {
    return (this.#number ??= decimalOf(this.scaled, this.scale));
  }
}

/** An amount of `currency`: a ScaledAmount when the number fits one, else a plain Amount. */
export function amountOf(number: Decimal, scale: number, currency: string): Amount {
  const scaled = scaledOf(number, scale);
  return scaled === null ? { number, scale, currency } : new ScaledAmount(scaled, scale, currency);
}

/**
 * x × 10^-xScale + y × 10^-yScale as an integer at the larger scale, or NaN when a step leaves the
 * safe integers (the caller then adds decimals).
 */
export function sumAtScale(x: number, xScale: number, y: number, yScale: number): number {
  if (xScale < yScale) x *= POWERS_OF_TEN[yScale - xScale]!;
  else if (yScale < xScale) y *= POWERS_OF_TEN[xScale - yScale]!;
  const sum = x + y;
  return Number.isSafeInteger(x) && Number.isSafeInteger(y) && Number.isSafeInteger(sum) ? sum : Number.NaN;
}

/** a.scaled + b.scaled at the larger scale, when both are scaled amounts and the sum is safe; else null. */
export function addScaled(a: Amount, b: Amount): ScaledAmount | null {
  if (!(a instanceof ScaledAmount) || !(b instanceof ScaledAmount)) return null;
  const sum = sumAtScale(a.scaled, a.scale, b.scaled, b.scale);
  return Number.isNaN(sum) ? null : new ScaledAmount(sum, Math.max(a.scale, b.scale), a.currency);
}

/** Whether units as written have a number, without making its Decimal. */
export function hasNumber(units: IncompleteAmount): boolean {
  return units instanceof ScaledAmount || units.number !== null;
}

/** Whether an amount is zero, without making its Decimal. */
export function isZeroAmount(amount: Amount): boolean {
  return amount instanceof ScaledAmount ? amount.scaled === 0 : amount.number.isZero();
}

/**
 * A running total of numbers: integer additions while every amount added is a ScaledAmount, then
 * decimal.js (exact either way: a safe integer has at most 16 digits, within the 28 kept).
 * Reports sum hundreds of thousands of postings; this makes no Decimal per posting.
 */
export class DecimalSum {
  #scaled = 0;
  #scale = 0;
  #decimal: Decimal | null = null;

  add(amount: Amount): this {
    if (this.#decimal === null && amount instanceof ScaledAmount) {
      const sum = sumAtScale(this.#scaled, this.#scale, amount.scaled, amount.scale);
      if (!Number.isNaN(sum)) {
        this.#scaled = sum;
        this.#scale = Math.max(this.#scale, amount.scale);
        return this;
      }
    }
    return this.addDecimal(amount.number);
  }

  /** Add `scaled` × 10^-scale (a safe integer at a scale 0..MAX_SCALE), as read in place from a compact transaction. */
  addScaled(scaled: number, scale: number): this {
    if (this.#decimal === null) {
      const sum = sumAtScale(this.#scaled, this.#scale, scaled, scale);
      if (!Number.isNaN(sum)) {
        this.#scaled = sum;
        this.#scale = Math.max(this.#scale, scale);
        return this;
      }
    }
    return this.addDecimal(decimalOf(scaled, scale));
  }

  /**
   * Add a posting's units as forEachPosting (books/postings.ts) gives them: `scaled` × 10^-scale,
   * or `decimal` when it is not null (units too long for a scaled integer).
   */
  addUnits(scaled: number, scale: number, decimal: Decimal | null): this {
    return decimal === null ? this.addScaled(scaled, scale) : this.addDecimal(decimal);
  }

  addDecimal(value: Decimal): this {
    this.#decimal = this.value.plus(value);
    return this;
  }

  get value(): Decimal {
    return this.#decimal ?? decimalOf(this.#scaled, this.#scale);
  }

  /** The total as an amount of `currency`: a ScaledAmount while it is a scaled integer (no Decimal made). */
  amountIn(currency: string): Amount {
    return this.#decimal === null ? new ScaledAmount(this.#scaled, this.#scale, currency) : { number: this.#decimal, scale: this.#decimal.decimalPlaces(), currency };
  }

  /** Back to zero (a sum reused for each of many transactions). */
  reset(): this {
    this.#scaled = 0;
    this.#scale = 0;
    this.#decimal = null;
    return this;
  }

  /** Whether the total is zero (without making a Decimal while it is an integer). */
  isZero(): boolean {
    return this.#decimal === null ? this.#scaled === 0 : this.#decimal.isZero();
  }
}
