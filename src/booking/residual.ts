// Whether each transaction balances: the weights of its booked postings (cost if held at cost,
// else price times units, else units) must sum to zero within the transaction's tolerances
// (beancount's validate_check_transaction_balances in ops/validation.py). Tolerances are inferred
// again from the booked postings, leaving out the ones interpolation filled in.
import { message } from "../i18n/message.js";
import type { BookedPosting, LedgerEntry } from "../core/data.js";
import { DecimalSum, MAX_SCALE, ScaledAmount, sumAtScale } from "../core/amount.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { LedgerOptions } from "../core/options.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { postingWeight } from "./interpolate.js";
import { Inventory } from "./inventory.js";
import { ToleranceRules, toleranceFor, type Tolerances } from "./tolerance.js";

/** The sum of the postings' weights, one position per currency (zero sums drop out). */
export function transactionResidual(postings: readonly BookedPosting[]): Inventory {
  const residual = new Inventory();
  for (const posting of postings) residual.add(postingWeight(posting.units, posting.cost, posting.price), null);
  return residual;
}

/** Whether every position of the residual is within its currency's tolerance. */
export function isSmall(residual: Inventory, tolerances: Tolerances): boolean {
  for (const position of residual) {
    if (position.units.number.abs().gt(toleranceFor(tolerances, position.units.currency))) return false;
  }
  return true;
}

/** "Transaction does not balance: (-0.02 USD)" for each transaction whose residual is too large. */
export function checkTransactionBalances(entries: readonly LedgerEntry[], options: LedgerOptions): Diagnostic[] {
  const rules = new ToleranceRules(options);
  const diagnostics: Diagnostic[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") continue;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings && plainSumsToZero(entry)) continue;
    if (sumsToZeroInOneCurrency(entry.booked) || weightsSumToZero(entry.booked)) continue;
    const residual = transactionResidual(entry.booked);
    if (residual.isEmpty()) continue;
    if (isSmall(residual, rules.inferFromBooked(entry.booked))) continue;
    diagnostics.push(error("unbalanced", message("unbalanced", { residual: residual.toString() }), entry.span));
  }
  return diagnostics;
}

/** sumsToZeroInOneCurrency for a plain transaction booked as its postings, with integers and no objects (false: not known). */
function plainSumsToZero(transaction: PlainTransaction): boolean {
  let currency: string | null = null;
  let sum = 0;
  let scale = 0;
  for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
    const scaled = transaction.bookedScaledAt(at);
    const postingCurrency = transaction.bookedCurrencyAt(at);
    if (Number.isNaN(scaled) || (currency !== null && postingCurrency !== currency)) return false;
    currency = postingCurrency;
    const postingScale = transaction.bookedScaleAt(at);
    sum = sumAtScale(sum, scale, scaled, postingScale);
    if (Number.isNaN(sum)) return false;
    scale = Math.max(scale, postingScale);
  }
  return sum === 0;
}

/** A quick answer for the common case: units only, one currency, summing to exactly zero. */
function sumsToZeroInOneCurrency(postings: readonly BookedPosting[]): boolean {
  if (postings.length === 0) return true;
  const currency = postings[0]!.units.currency;
  const sum = new DecimalSum();
  for (const posting of postings) {
    if (posting.cost !== null || posting.price !== null || posting.units.currency !== currency) return false;
    sum.add(posting.units);
  }
  return sum.isZero();
}

/**
 * Whether the weights of booked postings without costs (units, or price × units) are all in one
 * currency and sum to exactly zero, with integers (false: not known): the common transaction with
 * price annotations, whose residual is then empty.
 */
function weightsSumToZero(postings: readonly BookedPosting[]): boolean {
  let currency: string | null = null;
  let sum = 0;
  let scale = 0;
  for (let index = 0; index < postings.length; index++) {
    const posting = postings[index]!;
    const units = posting.units;
    const price = posting.price;
    if (posting.cost !== null || !(units instanceof ScaledAmount)) return false;
    let weight = units.scaled;
    let weightScale = units.scale;
    let weightCurrency = units.currency;
    if (price !== null) {
      if (!(price instanceof ScaledAmount)) return false;
      weight = price.scaled * units.scaled;
      weightScale = price.scale + units.scale;
      weightCurrency = price.currency;
      if (!Number.isSafeInteger(weight) || weightScale > MAX_SCALE) return false;
    }
    if (currency !== null && weightCurrency !== currency) return false;
    currency = weightCurrency;
    sum = sumAtScale(sum, scale, weight, weightScale);
    if (Number.isNaN(sum)) return false;
    scale = Math.max(scale, weightScale);
  }
  return sum === 0;
}
