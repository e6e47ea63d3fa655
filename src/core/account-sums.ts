// Sums of postings per account and commodity, kept with the most decimals written, as several
// reports and checks need them (what a transaction nets per account, a month's movement).
import type { Decimal } from "./number.js";

export interface AccountSum {
  readonly account: string;
  readonly currency: string;
  amount: Decimal;
  /** The most decimal places among the amounts added. */
  scale: number;
}

/** Add a posting's units to its (account, commodity) sum, made on first use (first-seen order). */
export function addToAccountSums(sums: Map<string, AccountSum>, posting: { readonly account: string; readonly units: { readonly number: Decimal; readonly currency: string; readonly scale: number } }): void {
  const key = `${posting.account}\u0000${posting.units.currency}`;
  const sum = sums.get(key);
  if (sum === undefined) sums.set(key, { account: posting.account, currency: posting.units.currency, amount: posting.units.number, scale: posting.units.scale });
  else {
    sum.amount = sum.amount.plus(posting.units.number);
    sum.scale = Math.max(sum.scale, posting.units.scale);
  }
}
