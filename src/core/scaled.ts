// Arithmetic on numbers that carry their scale the way Python's Decimal carries its exponent.
// beancount prints numbers with the digits its Decimal arithmetic keeps (1.00 + 2 is "3.00",
// 100.00 / 3 is 28 significant digits), and infers tolerances from them, so every computed
// number keeps the scale Python would give it: `scale` is minus Python's exponent (it may be
// negative, e.g. 3E+2 has scale -2).
import { Decimal, type ScaledNumber } from "./number.js";

/** Significant digits of Python's default decimal context (decimal.js is configured alike). */
const PRECISION = 28;

/** A context wide enough to check a 28-digit quotient exactly. */
const WideDecimal = Decimal.clone({ precision: 200 });

/**
 * The scale Python keeps for a nonzero result whose exact scale would be `idealScale`:
 * more than 28 significant digits are rounded away.
 */
function fitScale(value: Decimal, idealScale: number): number {
  if (value.isZero()) return idealScale;
  const mostSignificant = value.e; // exponent of the leading digit
  const limit = PRECISION - 1 - mostSignificant;
  return idealScale < limit ? idealScale : limit;
}

export function scaled(value: Decimal, scale: number): ScaledNumber {
  return { value, scale };
}

export function add(a: ScaledNumber, b: ScaledNumber): ScaledNumber {
  const value = a.value.plus(b.value);
  return { value, scale: fitScale(value, a.scale > b.scale ? a.scale : b.scale) };
}

export function subtract(a: ScaledNumber, b: ScaledNumber): ScaledNumber {
  const value = a.value.minus(b.value);
  return { value, scale: fitScale(value, a.scale > b.scale ? a.scale : b.scale) };
}

export function multiply(a: ScaledNumber, b: ScaledNumber): ScaledNumber {
  const value = a.value.times(b.value);
  return { value, scale: fitScale(value, a.scale + b.scale) };
}

/** Digits after the point of an exact number in its shortest form (negative for trailing zeros). */
function minimalScale(value: Decimal): number {
  const places = value.decimalPlaces();
  if (places > 0 || value.isZero()) return places;
  const digits = value.abs().toFixed(0);
  let zeros = 0;
  for (let index = digits.length - 1; index > 0 && digits.charCodeAt(index) === 48; index--) zeros++;
  return -zeros;
}

/** Python's Decimal division: an exact quotient keeps the ideal scale if it can, else 28 digits. */
export function divide(a: ScaledNumber, b: ScaledNumber): ScaledNumber {
  const value = a.value.div(b.value);
  const idealScale = a.scale - b.scale;
  if (value.isZero()) return { value, scale: idealScale };
  const limit = PRECISION - 1 - value.e;
  const exact = new WideDecimal(value).times(new WideDecimal(b.value)).eq(new WideDecimal(a.value));
  if (!exact) return { value, scale: limit };
  const shortest = minimalScale(value);
  const preferred = idealScale > shortest ? idealScale : shortest;
  return { value, scale: preferred < limit ? preferred : limit };
}

/** Python's unary minus: the negation of a zero is a positive zero. */
export function negate(a: ScaledNumber): ScaledNumber {
  return { value: a.value.isZero() ? a.value.abs() : a.value.neg(), scale: a.scale };
}

export function absolute(a: ScaledNumber): ScaledNumber {
  return a.value.isNegative() ? { value: a.value.neg(), scale: a.scale } : a;
}

/** Python's min(a, b): the first argument unless the second is strictly smaller. */
export function minimum(a: ScaledNumber, b: ScaledNumber): ScaledNumber {
  return b.value.lt(a.value) ? b : a;
}

/** Python's Decimal.quantize to a given scale, rounding half to even. */
export function quantize(a: ScaledNumber, scale: number): ScaledNumber {
  if (scale >= 0) return { value: a.value.toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN), scale };
  const unit = new Decimal(10).pow(-scale);
  return { value: a.value.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).times(unit), scale };
}

/** Python's str(Decimal): fixed notation, or scientific for tiny numbers and positive exponents. */
export function pythonString(a: ScaledNumber): string {
  const exponent = -a.scale;
  const negative = a.value.isNegative();
  const coefficient = exponent <= 0
    ? a.value.abs().times(new Decimal(10).pow(a.scale)).toFixed(0)
    : a.value.abs().div(new Decimal(10).pow(exponent)).toFixed(0);
  const adjusted = exponent + coefficient.length - 1;
  const sign = negative ? "-" : "";
  if (exponent <= 0 && adjusted >= -6) {
    if (exponent === 0) return sign + coefficient;
    const places = -exponent;
    const padded = coefficient.length <= places ? "0".repeat(places - coefficient.length + 1) + coefficient : coefficient;
    return sign + padded.slice(0, padded.length - places) + "." + padded.slice(padded.length - places);
  }
  const mantissa = coefficient.length > 1 ? coefficient[0] + "." + coefficient.slice(1) : coefficient;
  return sign + mantissa + "E" + (adjusted >= 0 ? "+" : "") + adjusted;
}
