// Exact allocation: an amount split by weights into parts at the amount's decimal places that add
// up to the amount to the last cent. Each part is first cut towards zero at those places; what the
// cuts leave (the remainder, less than one cent per part) goes whole to the largest part (the
// largest weight; ties to the name first in code-point order).
import { Decimal } from "../core/number.js";
import type { Share } from "./rules.js";

export interface Part {
  readonly name: string;
  readonly amount: Decimal;
}

/** `amount` split by `shares` (weights above zero) at `scale` places; the parts sum to `amount` exactly. */
export function splitExact(amount: Decimal, scale: number, shares: readonly Share[]): Part[] {
  const total = shares.reduce((sum, share) => sum.plus(share.weight), new Decimal(0));
  if (shares.length === 0 || !total.greaterThan(0)) throw new Error("splitExact needs weights above zero");
  const parts = shares.map((share) => ({
    name: share.name,
    amount: amount.times(share.weight).dividedBy(total).toDecimalPlaces(scale, Decimal.ROUND_DOWN),
  }));
  const remainder = parts.reduce((left, part) => left.minus(part.amount), amount);
  let largest = 0;
  for (let index = 1; index < shares.length; index++) {
    const byWeight = shares[index]!.weight.comparedTo(shares[largest]!.weight);
    if (byWeight > 0 || (byWeight === 0 && shares[index]!.name < shares[largest]!.name)) largest = index;
  }
  parts[largest] = { name: parts[largest]!.name, amount: parts[largest]!.amount.plus(remainder) };
  return parts;
}
