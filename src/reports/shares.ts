// Shares of a total as percents with two decimals that add up to exactly 100.00, by the
// largest-remainder method: each share is first cut down to a hundredth of a percent, then the
// hundredths still missing go, one each, to the shares that lost the most in the cut (ties to the
// earlier row).
import { Decimal } from "../core/number.js";

/** Each amount's share of their sum, in percent with two decimals; null for all when the sum is zero. */
export function sharesOfTotal(amounts: readonly Decimal[]): (Decimal | null)[] {
  const total = amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
  if (total.isZero()) return amounts.map(() => null);
  // Work in hundredths of a percent: exact shares add up to 10000.
  const exact = amounts.map((amount) => amount.times(10000).dividedBy(total));
  const floors = exact.map((value) => value.floor());
  const missing = floors.reduce((left, floor) => left.minus(floor), new Decimal(10000)).toNumber();
  const order = exact
    .map((value, index) => ({ index, remainder: value.minus(floors[index]!) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (let i = 0; i < missing && i < order.length; i++) {
    const index = order[i]!.index;
    floors[index] = floors[index]!.plus(1);
  }
  return floors.map((hundredths) => hundredths.dividedBy(100));
}
