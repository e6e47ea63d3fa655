// Reading the books' postings for the official reports without making objects per posting: a
// compact transaction is read in place (src/core/plain-transaction.ts), its amounts kept as scaled
// integers; debit and credit sums of them are integer additions.
import type { BookedTransaction } from "../core/data.js";
import { DecimalSum, ScaledAmount, decimalOf } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { PlainTransaction } from "../core/plain-transaction.js";

/**
 * A posting's units: `scaled` × 10^-scale when `decimal` is null, else `decimal` (units too long
 * for a scaled integer).
 */
export type PostingVisitor = (account: string, currency: string, scaled: number, scale: number, decimal: Decimal | null) => void;

/**
 * Each booked posting of the transaction, in order; with `wanted`, only those to an account it
 * accepts (a compact transaction's other postings then have no units read).
 */
export function forEachPosting(transaction: BookedTransaction, visit: PostingVisitor, wanted?: (account: string) => boolean): void {
  if (transaction instanceof PlainTransaction && transaction.bookedAsPostings) {
    for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
      const account = transaction.accountAt(at);
      if (wanted !== undefined && !wanted(account)) continue;
      const scaled = transaction.bookedScaledAt(at);
      if (Number.isNaN(scaled)) {
        const units = transaction.bookedUnitsAt(at);
        visit(account, units.currency, 0, 0, units.number);
      } else {
        visit(account, transaction.bookedCurrencyAt(at), scaled, transaction.bookedScaleAt(at), null);
      }
    }
    return;
  }
  for (const posting of transaction.booked) {
    if (wanted !== undefined && !wanted(posting.account)) continue;
    const units = posting.units;
    if (units instanceof ScaledAmount) visit(posting.account, units.currency, units.scaled, units.scale, null);
    else visit(posting.account, units.currency, 0, 0, units.number);
  }
}

/**
 * Whether the transaction converts between currencies: a posting at a cost or a price, or postings
 * in more than one currency. Its units then do not sum to zero per currency (its weights do).
 */
export function convertsCurrencies(transaction: BookedTransaction): boolean {
  if (transaction instanceof PlainTransaction && transaction.bookedAsPostings) {
    let first: string | null = null;
    for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
      const currency = transaction.bookedCurrencyAt(at);
      if (first === null) first = currency;
      else if (currency !== first) return true;
    }
    return false;
  }
  let first: string | null = null;
  for (const posting of transaction.booked) {
    if (posting.cost !== null || posting.price !== null) return true;
    if (first === null) first = posting.units.currency;
    else if (posting.units.currency !== first) return true;
  }
  return false;
}

/** Signed balance and the gross debits and credits (as positive sums) of some postings. */
export class Movements {
  /** Before the period (signed). */
  readonly opening = new DecimalSum();
  readonly debit = new DecimalSum();
  readonly credit = new DecimalSum();

  addOpening(scaled: number, scale: number, decimal: Decimal | null): void {
    this.opening.addUnits(scaled, scale, decimal);
  }

  /** A posting in the period: a debit when positive, a credit when negative. */
  addMovement(scaled: number, scale: number, decimal: Decimal | null): void {
    if (decimal === null) {
      if (scaled > 0) this.debit.addScaled(scaled, scale);
      else if (scaled < 0) this.credit.addScaled(-scaled, scale);
    } else if (decimal.isPositive() && !decimal.isZero()) this.debit.addDecimal(decimal);
    else if (decimal.isNegative() && !decimal.isZero()) this.credit.addDecimal(decimal.neg());
  }
}

/** Amount as a Decimal from the visitor's arguments. */
export function visitedAmount(scaled: number, scale: number, decimal: Decimal | null): Decimal {
  return decimal ?? decimalOf(scaled, scale);
}
