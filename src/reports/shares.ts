// Shares of a total as percents with two decimals that add up to exactly 100.00, by the
// largest-remainder method: each share is first cut down to a hundredth of a percent, then the
// hundredths still missing go, one each, to the shares that lost the most in the cut (ties to the
// earlier row).
import { Decimal } from "../core/number.js";

/** Each amount's share of their sum, in percent with two decimals; null for all when the sum is zero. */
export function sharesOfTotal(amounts: readonly Decimal[]): (Decimal | null)[] {
  // The amounts as integers at one scale (their exact digits), in BigInt: each share in hundredths
  // of a percent, amount × 10000 / total, is then its floor and what the floor cut off (`rest` /
  // total) by one integer division and its remainder, exact at any size. (decimal.js dividing to
  // 28 digits, flooring and subtracting cost some 60 ms for a report of two thousand customers;
  // this a few.)
  const texts = amounts.map((amount) => amount.toFixed());
  let scale = 0;
  for (const text of texts) {
    const point = text.indexOf(".");
    if (point >= 0) scale = Math.max(scale, text.length - point - 1);
  }
  const integers = texts.map((text) => scaledInteger(text, scale));
  const total = integers.reduce((sum, integer) => sum + integer, 0n);
  if (total === 0n) return amounts.map(() => null);
  const negative = total < 0n;
  const floors: bigint[] = new Array(integers.length);
  const cut: { index: number; rest: bigint }[] = new Array(integers.length);
  let missing = 10000n;
  for (let index = 0; index < integers.length; index++) {
    const hundredths = integers[index]! * 10000n;
    // (BigInt division truncates toward zero: a negative quotient with a remainder is one more than its floor.)
    let floor = hundredths / total;
    let rest = hundredths - floor * total;
    if (rest !== 0n && rest < 0n !== negative) {
      floor -= 1n;
      rest += total;
    }
    floors[index] = floor;
    // rest has the sign of total: rest / total, what was cut off, orders as |rest| does.
    cut[index] = { index, rest: rest < 0n ? -rest : rest };
    missing -= floor;
  }
  cut.sort((a, b) => (a.rest < b.rest ? 1 : a.rest > b.rest ? -1 : a.index - b.index));
  for (let i = 0; i < missing && i < cut.length; i++) floors[cut[i]!.index]! += 1n;
  return floors.map(percentOfHundredths);
}

/** The digits of `text` (a decimal written without exponent) as an integer at `scale` places. */
function scaledInteger(text: string, scale: number): bigint {
  const point = text.indexOf(".");
  const places = point < 0 ? 0 : text.length - point - 1;
  const digits = point < 0 ? text : text.slice(0, point) + text.slice(point + 1);
  return BigInt(digits + "0".repeat(scale - places));
}

/** Hundredths of a percent as the percent, a Decimal of two places (its digits written out and read: exact). */
function percentOfHundredths(hundredths: bigint): Decimal {
  const negative = hundredths < 0n;
  const digits = (negative ? -hundredths : hundredths).toString().padStart(3, "0");
  return new Decimal(`${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}
