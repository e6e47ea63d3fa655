// The booking stage: complete every transaction's postings (beancount's parser/booking.py and
// booking_full.py). Per transaction: group postings by currency, book reductions against the
// running lots of each account, fill in the elided number of each group, then add the booked
// postings to the running balances.
//
// As in beancount, a transaction whose postings cannot be grouped by currency is dropped; a
// group whose reduction or interpolation fails loses its postings but the transaction stays.
// Whether each transaction balances is checked later (checkTransactionBalances), after pads and
// balance assertions, where beancount's validation checks it.
import { PlainTransaction } from "../core/plain-transaction.js";
import { PlainPosting, UNBOOKED, type Amount, type BookedPosting, type BookedTransaction, type BookingMethod, type Directive, type LedgerEntry, type Posting, type Transaction } from "../core/data.js";
import type { Decimal, ScaledNumber } from "../core/number.js";
import { absolute, add, divide, multiply, negate, quantize } from "../core/scaled.js";
import { amountOf, decimalOf, hasNumber, MAX_SCALE, POWERS_OF_TEN, ScaledAmount, scaledOf, sumAtScale } from "../core/amount.js";
import { ZERO } from "../core/number.js";
import type { LedgerOptions } from "../core/options.js";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { categorizeByCurrency } from "./categorize.js";
import { draftPostings, toleranceSource } from "./draft.js";
import { interpolateGroup } from "./interpolate.js";
import { Inventory, type Balances } from "./inventory.js";
import { bookReductions, type BookingMethods } from "./reduce.js";
import { ToleranceRules, quantizeToTolerance, roundingScale, type ToleranceSource } from "./tolerance.js";
import { nonTransactions } from "../core/non-transactions.js";

/** Each account's booking method from its open directive (the last one naming a method wins). */
export function bookingMethods(entries: readonly Directive[], options: LedgerOptions): BookingMethods {
  const byAccount = new Map<string, BookingMethod>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "open" && entry.booking !== null) byAccount.set(entry.account, entry.booking);
  }
  return { byAccount, fallback: options.bookingMethod };
}

/**
 * The running balance of every account, brought up to date only when booking asks for one: plain
 * transactions are booked without balances, so a journal of them never sums its inventories here.
 */
class RunningBalances {
  private readonly inventories = new Map<string, Inventory>();
  /** Booked transactions not yet added to the inventories. */
  private readonly pending: BookedTransaction[] = [];

  add(transaction: BookedTransaction): void {
    this.pending.push(transaction);
  }

  get(account: string): Inventory | undefined {
    if (this.pending.length > 0) {
      for (const transaction of this.pending) {
        for (const posting of transaction.booked) {
          let inventory = this.inventories.get(posting.account);
          if (inventory === undefined) {
            inventory = new Inventory();
            this.inventories.set(posting.account, inventory);
          }
          inventory.add(posting.units, posting.cost);
        }
      }
      this.pending.length = 0;
    }
    return this.inventories.get(account);
  }
}

/** Book every transaction of `entries` (sorted as the loader sorts them); other entries pass through. */
export function bookEntries(entries: readonly Directive[], options: LedgerOptions): Result<LedgerEntry[]> {
  return bookAll(entries, bookingMethods(entries, options), new ToleranceRules(options), new RunningBalances());
}

/** No balances at all: what a transaction booked on its own reduces against. */
const NO_BALANCES: Balances = { get: () => undefined };

/**
 * Book each transaction of `entries` on its own, as `bookEntries([entry], options)` would for each
 * (no lots of another reduced, no booking method from an open directive); other entries pass
 * through. One set of tolerance rules serves them all (each `bookEntries` call would make its
 * own, and work out every tolerance again).
 */
export function bookEachAlone(entries: readonly Directive[], options: LedgerOptions): Result<LedgerEntry[]> {
  return bookAll(entries, { byAccount: new Map(), fallback: options.bookingMethod }, new ToleranceRules(options), null);
}

/**
 * Book the transactions of `entries` in order, each against `balances` (which then takes it in), or
 * against no balances at all when null; other entries pass through.
 */
function bookAll(entries: readonly Directive[], methods: BookingMethods, rules: ToleranceRules, balances: RunningBalances | null): Result<LedgerEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const booked: LedgerEntry[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") {
      booked.push(entry);
      continue;
    }
    const transaction = bookTransaction(entry, balances ?? NO_BALANCES, methods, rules, diagnostics);
    if (transaction === null) continue;
    booked.push(transaction);
    balances?.add(transaction);
  }
  return { value: booked, diagnostics };
}

/** Book one transaction against the running balances (not updated here); null when dropped. */
export function bookTransaction(
  transaction: Transaction,
  balances: Balances,
  methods: BookingMethods,
  rules: ToleranceRules,
  diagnostics: Diagnostic[],
): BookedTransaction | null {
  if (transaction instanceof PlainTransaction && transaction.booked === UNBOOKED && bookPlainTransaction(transaction, rules)) {
    return transaction as unknown as BookedTransaction;
  }
  const simple = bookSimpleTransaction(transaction, rules) ?? bookPricedTransaction(transaction, rules);
  if (simple !== null) return simple;
  const drafts = draftPostings(transaction, diagnostics);
  const groups = categorizeByCurrency(transaction, drafts, balances, diagnostics);
  if (groups === null) return null;
  const sources: ToleranceSource[] = [];
  for (const draft of drafts) sources.push(toleranceSource(draft));
  const tolerances = rules.infer(sources);

  const postings: BookedPosting[] = [];
  for (const group of groups) {
    const reduced = bookReductions(transaction, group, balances, methods, diagnostics);
    if (reduced === null) continue;
    for (const posting of interpolateGroup(transaction, reduced, group.currency, tolerances, diagnostics)) postings.push(posting);
  }
  return withBooked(transaction, postings);
}

/**
 * The common case, booked without the general machinery: no costs, no prices, every amount
 * with its currency, at most one auto-posting. Gives exactly what the general path gives
 * (postings grouped by currency in order of first appearance, the auto-posting absorbing each
 * group's residual, rounded to the group's tolerance, and dropped where the residual is zero);
 * null when the transaction is not that simple.
 */
function bookSimpleTransaction(transaction: Transaction, rules: ToleranceRules): BookedTransaction | null {
  const postings = transaction.postings;
  let auto: Posting | null = null;
  let autoIndex = -1;
  let firstCurrency: string | null = null;
  let mixed = false;
  for (let index = 0; index < postings.length; index++) {
    const posting = postings[index]!;
    if (posting.costSpec !== null || posting.price !== null) return null;
    const units = posting.units;
    if (units === null) {
      if (auto !== null) return null;
      auto = posting;
      autoIndex = index;
      continue;
    }
    if (units.currency === null || !hasNumber(units)) return null;
    if (firstCurrency === null) firstCurrency = units.currency;
    else if (units.currency !== firstCurrency) mixed = true;
  }
  if (firstCurrency === null) return withBooked(transaction, []);
  if (!mixed) {
    const booked = bookScaled(postings, auto, autoIndex, firstCurrency, rules);
    if (booked !== null) return withBooked(transaction, booked);
  }

  const currencies: string[] = [firstCurrency];
  if (mixed) {
    for (const posting of postings) {
      const currency = posting.units?.currency;
      if (currency != null && !currencies.includes(currency)) currencies.push(currency);
    }
  }
  const booked: BookedPosting[] = [];
  for (const currency of currencies) {
    // The group's residual, summed as an inventory sums it: a zero sum starts afresh.
    let residual: ScaledNumber | null = null;
    let written = 0;
    for (let index = 0; index < postings.length; index++) {
      const posting = postings[index]!;
      const units = posting.units;
      if (index === autoIndex) {
        written = booked.length;
        booked.push(null as unknown as BookedPosting); // the auto-posting's place, filled below
        continue;
      }
      if (units === null || units.currency !== currency) continue;
      const amount = units as Amount;
      booked.push({ source: posting, account: posting.account, units: amount, cost: null, price: null, interpolated: false });
      const number: ScaledNumber = { value: amount.number, scale: amount.scale };
      residual = residual === null ? number : add(residual, number);
      if (residual.value.isZero()) residual = null;
    }
    if (auto === null) continue;
    if (residual === null) {
      booked.splice(written, 1);
      continue;
    }
    const number = quantizeToTolerance(rules.unitsTolerance(currency, smallestScale(postings, currency)), negate(residual));
    const units: Amount = { number: number.value, scale: number.scale, currency };
    booked[written] = { source: auto, account: auto.account, units, cost: null, price: null, interpolated: true };
  }
  return withBooked(transaction, booked);
}

/**
 * bookScaled for a compact plain transaction, read without making its postings: one currency,
 * every amount a scaled integer, at most one posting without units, which absorbs a residual
 * that is not zero. Books the transaction in place and returns true; false when the transaction
 * is not that simple (bookSimpleTransaction and the general path then take over).
 */
function bookPlainTransaction(transaction: PlainTransaction, rules: ToleranceRules): boolean {
  let auto = false;
  let currency: string | null = null;
  let smallest: number | null = null;
  // (One residual for every compact transaction: a hundred thousand of them made none.)
  const residual = plainResidual.reset();
  for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
    if (transaction.isAutoAt(at)) {
      if (auto) return false;
      auto = true;
      continue;
    }
    const scaled = transaction.scaledAt(at);
    if (Number.isNaN(scaled) || (currency !== null && transaction.currencyAt(at) !== currency)) return false;
    currency = transaction.currencyAt(at);
    const scale = transaction.scaleAt(at);
    if (scale > 0 && (smallest === null || scale < smallest)) smallest = scale;
    if (!residual.add(scaled, scale)) return false;
  }
  // No units at all, or an auto-posting with nothing to absorb (it is dropped): not this simple.
  if (currency === null || (auto && residual.scale < 0)) return false;
  transaction.bookAsPostings(auto ? interpolatedScaled(-residual.value, residual.scale, currency, rules.unitsTolerance(currency, smallest)) : null);
  return true;
}

/** A residual summed with integers as an inventory sums it: a zero sum starts afresh. */
class ScaledResidual {
  value = 0;
  /** -1: no residual. */
  scale = -1;

  /** Start again from no residual; returns this. */
  reset(): this {
    this.value = 0;
    this.scale = -1;
    return this;
  }

  /** Add scaled × 10^-scale; false when the sum leaves the safe integers. */
  add(scaled: number, scale: number): boolean {
    if (this.scale < 0) {
      this.value = scaled;
      this.scale = scale;
    } else {
      this.value = sumAtScale(this.value, this.scale, scaled, scale);
      if (Number.isNaN(this.value)) return false;
      this.scale = Math.max(this.scale, scale);
    }
    if (this.value === 0) this.scale = -1;
    return true;
  }
}

/** The residual bookPlainTransaction sums with (it is done with it before it returns). */
const plainResidual = new ScaledResidual();

/**
 * bookSimpleTransaction for one currency whose amounts are all scaled integers (the common case):
 * the same result computed with integer additions. Null when a number does not fit (the general
 * arithmetic then takes over).
 */
function bookScaled(postings: readonly Posting[], auto: Posting | null, autoIndex: number, currency: string, rules: ToleranceRules): BookedPosting[] | null {
  const residual = new ScaledResidual();
  for (let index = 0; index < postings.length; index++) {
    if (index === autoIndex) continue;
    const units = postings[index]!.units;
    if (!(units instanceof ScaledAmount) || !residual.add(units.scaled, units.scale)) return null;
  }
  const booked: BookedPosting[] = [];
  for (let index = 0; index < postings.length; index++) {
    const posting = postings[index]!;
    if (index !== autoIndex) {
      // A plain posting with complete units is its own booked posting.
      booked.push(posting instanceof PlainPosting
        ? posting as unknown as BookedPosting
        : { source: posting, account: posting.account, units: posting.units as ScaledAmount, cost: null, price: null, interpolated: false });
    } else if (residual.scale >= 0) {
      const units = interpolatedScaled(-residual.value, residual.scale, currency, rules.unitsTolerance(currency, smallestScale(postings, currency)));
      booked.push({ source: auto!, account: auto!.account, units, cost: null, price: null, interpolated: true });
    }
  }
  return booked;
}

/**
 * The common transaction with price annotations (foreign-currency expenses: `257.00 USD @ 7.19
 * CNY`), booked with integers as the general path books it: no costs, every posting's units a
 * scaled integer with its currency, every price a scaled integer with its currency, every weight
 * (price × units, or the units) in one currency, at most one posting without units. All postings
 * are then one currency group in written order: the auto-posting absorbs the residual of the
 * weights (summed as an inventory sums them), rounded to that currency's tolerance (inferred from
 * units only: not with infer_tolerance_from_cost), and is dropped where it is zero. A `@@` total
 * becomes the per-unit price total / |units| (zero for zero units) with decimal.js, as draftPostings
 * divides it. Null when the transaction is not that simple, or a number does not fit.
 */
function bookPricedTransaction(transaction: Transaction, rules: ToleranceRules): BookedTransaction | null {
  if (rules.fromCost) return null;
  const postings = transaction.postings;
  let autoIndex = -1;
  let currency: string | null = null;
  const residual = pricedResidual.reset();
  const prices = pricedPrices;
  prices.length = 0;
  for (let index = 0; index < postings.length; index++) {
    const posting = postings[index]!;
    if (posting.costSpec !== null || posting.costIsTotal) return null;
    const units = posting.units;
    const written = posting.price;
    if (units === null) {
      if (autoIndex >= 0 || written !== null) return null;
      autoIndex = index;
      prices.push(null);
      continue;
    }
    if (!(units instanceof ScaledAmount)) return null;
    let weight: number;
    let weightScale: number;
    let weightCurrency: string;
    if (written === null) {
      prices.push(null);
      weight = units.scaled;
      weightScale = units.scale;
      weightCurrency = units.currency;
    } else {
      if (!(written instanceof ScaledAmount) || written.scaled < 0) return null;
      let price: Amount = written;
      if (posting.priceIsTotal) {
        // As draftPostings makes it: total / |units|, zero for zero units.
        const perUnit = units.scaled === 0 ? { value: ZERO, scale: 0 }
          : divide({ value: written.number, scale: written.scale }, absolute({ value: units.number, scale: units.scale }));
        price = { number: perUnit.value, scale: perUnit.scale, currency: written.currency };
        const product = multiply({ value: perUnit.value, scale: perUnit.scale }, { value: units.number, scale: units.scale });
        const scaled = scaledOf(product.value, product.scale);
        if (scaled === null) return null;
        weight = scaled;
        weightScale = product.scale;
      } else {
        weight = written.scaled * units.scaled;
        weightScale = written.scale + units.scale;
        // (A safe product of two safe integers is exact; its scale fits Python's 28 digits.)
        if (!Number.isSafeInteger(weight) || weightScale > MAX_SCALE) return null;
        if (weight === 0) weight = 0; // no negative zero
      }
      prices.push(price);
      weightCurrency = written.currency;
    }
    if (currency === null) currency = weightCurrency;
    else if (weightCurrency !== currency) return null;
    if (!residual.add(weight, weightScale)) return null;
  }
  if (currency === null) return null;
  const booked: BookedPosting[] = [];
  for (let index = 0; index < postings.length; index++) {
    const posting = postings[index]!;
    if (index !== autoIndex) {
      const price = prices[index]!;
      booked.push(price === null && posting instanceof PlainPosting
        ? posting as unknown as BookedPosting
        : { source: posting, account: posting.account, units: posting.units as ScaledAmount, cost: null, price, interpolated: false });
    } else if (residual.scale >= 0) {
      const units = interpolatedScaled(-residual.value, residual.scale, currency, rules.unitsTolerance(currency, smallestScale(postings, currency)));
      booked.push({ source: posting, account: posting.account, units, cost: null, price: null, interpolated: true });
    }
  }
  return withBooked(transaction, booked);
}

/** The residual bookPricedTransaction sums with, and its per-posting prices (scratch). */
const pricedResidual = new ScaledResidual();
const pricedPrices: (Amount | null)[] = [];

/** The amount `scaled` × 10^-scale rounded to the tolerance as quantizeToTolerance rounds it. */
function interpolatedScaled(scaled: number, scale: number, currency: string, tolerance: Decimal): Amount {
  const rounding = roundingScale(tolerance);
  if (rounding === null) return new ScaledAmount(scaled, scale, currency);
  if (rounding >= scale && rounding <= MAX_SCALE) {
    const widened = scaled * POWERS_OF_TEN[rounding - scale]!;
    if (Number.isSafeInteger(widened)) return new ScaledAmount(widened, rounding, currency);
  } else if (rounding >= 0 && rounding < scale) {
    // (A residual of prices × units has more places than the units: 1847.8300 CNY rounds to 1847.83.)
    const rounded = roundedScaled(scaled, scale, rounding);
    if (!Number.isNaN(rounded)) return new ScaledAmount(rounded, rounding, currency);
  }
  const number = quantize({ value: decimalOf(scaled, scale), scale }, rounding);
  return amountOf(number.value, number.scale, currency);
}

/**
 * `scaled` × 10^-scale rounded half to even to `rounding` places (0 <= rounding < scale), as a
 * scaled integer at `rounding`: what quantize gives, with integers. NaN when that is a negative
 * zero (which a scaled integer cannot hold).
 */
export function roundedScaled(scaled: number, scale: number, rounding: number): number {
  const divisor = POWERS_OF_TEN[scale - rounding]!;
  // (% is exact on integers, and so is dividing the exact multiple that is left.)
  const remainder = scaled % divisor;
  let quotient = (scaled - remainder) / divisor;
  const twice = 2 * Math.abs(remainder);
  if (twice > divisor || (twice === divisor && quotient % 2 !== 0)) quotient += scaled < 0 ? -1 : 1;
  if (quotient === 0) return scaled < 0 ? Number.NaN : 0;
  return quotient;
}

/** The smallest positive number of decimals written in `currency`, or null (integers only). */
function smallestScale(postings: readonly Posting[], currency: string): number | null {
  let smallest: number | null = null;
  for (const posting of postings) {
    const units = posting.units;
    if (units === null || units.currency !== currency || units.scale <= 0) continue;
    if (smallest === null || units.scale < smallest) smallest = units.scale;
  }
  return smallest;
}

/**
 * The transaction with its booked postings. A transaction as the readers make it has its `booked`
 * slot set to UNBOOKED and is completed in place (the loader owns it, and a copy is 112 bytes more
 * per transaction for the whole run); any other is copied (fields listed: much faster than a
 * spread here).
 */
function withBooked(transaction: Transaction, booked: readonly BookedPosting[]): BookedTransaction {
  // An array grown by push keeps spare room; an exact copy saves memory kept for the whole run.
  if (transaction instanceof PlainTransaction && transaction.booked === UNBOOKED) {
    transaction.complete(booked);
    return transaction as unknown as BookedTransaction;
  }
  const exact = booked.slice();
  const slot = transaction as { booked?: readonly BookedPosting[] };
  if (slot.booked === UNBOOKED) {
    slot.booked = exact;
    return transaction as BookedTransaction;
  }
  return {
    type: "transaction",
    date: transaction.date,
    span: transaction.span,
    meta: transaction.meta,
    flag: transaction.flag,
    payee: transaction.payee,
    narration: transaction.narration,
    tags: transaction.tags,
    links: transaction.links,
    postings: transaction.postings,
    booked: exact,
  };
}
