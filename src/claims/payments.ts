// Which posted claims are paid, and what is still owed on each.
//
// A posted claim owes what it credits to liability accounts (its payable, e.g.
// `Liabilities:2241-其他应付款:E01-王伟`): per account and commodity, the net credit of its postings
// there. A claim that credits no liability (paid from cash when it was posted) owes nothing.
//
// A claim is paid by entries in the books that link its id (`^EC-2026-031`) and debit its payable:
// `pay` writes such entries, and hand-written ones (a bank's 网银批量代付 with one link per claim)
// count the same. One payment often settles several claims of one employee with a single debit;
// that debit is shared out over the linked claims owed on that account in claim date order (then
// journal order), each taking what it still owes, until the debit is used up. Payments are taken in
// journal (date) order, whatever their date relative to the claim's: the link says what they pay.
// A debit beyond what the linked claims owe pays nothing more (the account's balance shows it).
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { DecimalSum, MAX_SCALE, POWERS_OF_TEN, ScaledAmount, decimalOf } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { claimId, entryMetaText } from "./claim.js";
import { IdTable } from "./id-table.js";

/** A payment's share that went to one debt. */
export interface DebtPayment {
  readonly entry: BookedTransaction;
  readonly amount: Decimal;
}

/** What a claim owes on one account in one commodity. */
export interface Debt {
  readonly account: string;
  readonly currency: string;
  /** The claim's net credit to the account (positive). */
  readonly amount: Decimal;
  /** Digits the claim's own postings use for the commodity. */
  readonly scale: number;
  /** Paid so far by linked entries (never more than `amount`). */
  readonly paid: Decimal;
  readonly payments: readonly DebtPayment[];
}

export interface ClaimBalance {
  readonly id: string;
  readonly claim: BookedTransaction;
  /** The `posted-on` date, else the claim's own date. */
  readonly postedOn: string;
  /** Empty when the claim credits no liability. */
  readonly debts: readonly Debt[];
}

export type PaidState = "paid" | "partly" | "unpaid";

const ZERO = new Decimal(0);

export function owedOn(debt: Debt): Decimal {
  // (Most debts are not paid at all: no Decimal made for them.)
  return debt.paid.isZero() ? debt.amount : debt.amount.minus(debt.paid);
}

/** Whether nothing is owed on the debt (a debt of claimBalances not paid at all: without a Decimal). */
function settled(debt: Debt): boolean {
  return debt instanceof OpenDebt && debt.paid.isZero() ? debt.owesNothing() : owedOn(debt).isZero();
}

/** Paid: nothing owed (also a claim that never owed anything); unpaid: nothing paid yet. */
export function paidState(balance: ClaimBalance): PaidState {
  if (balance.debts.every(settled)) return "paid";
  return balance.debts.every((debt) => debt.paid.isZero()) ? "unpaid" : "partly";
}

/** What the claim still owes, per commodity (zero amounts left out). */
export function owedByCurrency(balance: ClaimBalance): Map<string, Decimal> {
  const owed = new Map<string, Decimal>();
  for (const debt of balance.debts) {
    const left = owedOn(debt);
    if (!left.isZero()) owed.set(debt.currency, (owed.get(debt.currency) ?? new Decimal(0)).plus(left));
  }
  return owed;
}

export interface PaymentQuery {
  /** The liabilities root (`Liabilities`, or as the journal's options name it). */
  readonly liabilitiesRoot: string;
  /** Exclusive: only claims and payments dated before it count; null for all. */
  readonly end: string | null;
}

/**
 * A debt while payments are shared out. Its amount is made a Decimal when first asked for: most
 * claims of a long journal are never paid here, and the list reads only whether they are.
 */
export class OpenDebt implements Debt {
  paid: Decimal = ZERO;
  /** The payments, an array made for the first (most debts have none). */
  #payments: DebtPayment[] | null = null;
  /** The amount owed × 10^#owedScale, a safe integer, while #decimal is null. */
  readonly #scaled: number;
  readonly #owedScale: number;
  #decimal: Decimal | null;

  constructor(readonly account: string, readonly currency: string, scaled: number, owedScale: number, decimal: Decimal | null, readonly scale: number) {
    this.#scaled = scaled;
    this.#owedScale = owedScale;
    this.#decimal = decimal;
  }

  get amount(): Decimal {
    return (this.#decimal ??= decimalOf(this.#scaled, this.#owedScale));
  }

  get payments(): readonly DebtPayment[] {
    return this.#payments ?? NO_PAYMENTS;
  }

  addPayment(payment: DebtPayment): void {
    (this.#payments ??= []).push(payment);
  }

  /** Whether the amount is zero (read from the scaled integer while it is one). */
  owesNothing(): boolean {
    return this.#decimal === null ? this.#scaled === 0 : this.#decimal.isZero();
  }

  /**
   * The amount × 10^`scale` as a safe integer, read from the scaled integer the debt was made from
   * (without a Decimal); NaN when it was made from a Decimal or that is not such an integer.
   */
  amountScaledAt(scale: number): number {
    return this.#decimal === null ? rescaled(this.#scaled, this.#owedScale, scale) : Number.NaN;
  }
}

/** `scaled` × 10^-`from` as a safe integer × 10^-`to`, or NaN when it is not one (places lost, or too large). */
export function rescaled(scaled: number, from: number, to: number): number {
  if (from === to) return scaled;
  if (to > from) {
    if (to > MAX_SCALE) return Number.NaN;
    const result = scaled * POWERS_OF_TEN[to - from]!;
    return Number.isSafeInteger(result) ? result : Number.NaN;
  }
  if (from - to > MAX_SCALE) return Number.NaN;
  const power = POWERS_OF_TEN[from - to]!;
  return scaled % power === 0 ? scaled / power : Number.NaN;
}

const NO_PAYMENTS: readonly DebtPayment[] = Object.freeze([]);
/** The debts of every claim that owes nothing: never added to (see claimBalances). */
const NO_DEBTS: OpenDebt[] = [];

/**
 * A claim's balance while payments are shared out, and then the balance returned: one object and
 * one map for a hundred thousand claims, not a working one and a copy (fresh memory is dear).
 */
interface Working extends ClaimBalance {
  /** Where the claim is in the entries: journal order, the same with `only` as without. */
  readonly order: number;
  readonly debts: OpenDebt[];
}

/** The balance of the claim `claim` (id `id`, at `order` in the entries) owing `debts`. */
function workingOf(id: string, claim: BookedTransaction, order: number, debts: OpenDebt[]): Working {
  return { id, claim, postedOn: postedOnOf(claim), order, debts };
}

/** A claim's ClaimBalance.postedOn: its `posted-on` date, else its own date. */
export function postedOnOf(claim: BookedTransaction): string {
  const postedOn = entryMetaText(claim, "posted-on");
  return postedOn !== null && /^\d{4}-\d{2}-\d{2}$/.test(postedOn) ? postedOn : claim.date;
}

/** What a transaction nets on one (account, commodity), with the most decimal places written. */
interface Net {
  readonly account: string;
  readonly currency: string;
  readonly sum: DecimalSum;
  scale: number;
}

/** The sum of the (account, commodity) net, made on first use (first-seen order), its scale raised to `scale`. */
function netSum(nets: Net[], account: string, currency: string, scale: number): DecimalSum {
  // (A transaction has a posting or two under the root: a list searched beats a map keyed by text.)
  for (const net of nets) {
    if (net.account !== account || net.currency !== currency) continue;
    net.scale = Math.max(net.scale, scale);
    return net.sum;
  }
  const sum = new DecimalSum();
  nets.push({ account, currency, sum, scale });
  return sum;
}

/**
 * The net of each (account, commodity) a transaction posts to under `root`, in first-seen order:
 * a compact transaction's postings read in place, their units added as scaled integers (a hundred
 * thousand claims would otherwise make their postings and a Decimal per posting).
 */
function netUnder(entry: BookedTransaction, root: string): Net[] {
  const nets: Net[] = [];
  if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
    for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
      const account = entry.accountAt(at);
      if (!isUnder(account, root)) continue;
      const scaled = entry.bookedScaledAt(at);
      if (Number.isNaN(scaled)) {
        const units = entry.bookedUnitsAt(at);
        netSum(nets, account, units.currency, units.scale).addDecimal(units.number);
      } else {
        const scale = entry.bookedScaleAt(at);
        netSum(nets, account, entry.bookedCurrencyAt(at), scale).addScaled(scaled, scale);
      }
    }
    return nets;
  }
  for (const { account, units } of entry.booked) {
    if (isUnder(account, root)) netSum(nets, account, units.currency, units.scale).add(units);
  }
  return nets;
}

/** lonePosting's answer for a claim it does not read. */
const NOT_LONE = -3;

/**
 * For a compact claim with at most one posting under `root`, its units a scaled integer (most
 * claims: one payable, or none when paid from cash): where that posting is when it credits the
 * root (the claim's lone debt, netUnder's net as it would give it, without the nets), else
 * OWES_NOTHING, or NO_LIABILITY when no posting is under the root; NOT_LONE for any other claim.
 */
function lonePosting(entry: BookedTransaction, root: string): number {
  if (!(entry instanceof PlainTransaction && entry.bookedAsPostings)) return NOT_LONE;
  let found = -1;
  for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
    if (!isUnder(entry.accountAt(at), root)) continue;
    if (found >= 0 || Number.isNaN(entry.bookedScaledAt(at))) return NOT_LONE;
    found = at;
  }
  if (found < 0) return NO_LIABILITY;
  return entry.bookedScaledAt(found) < 0 ? found : OWES_NOTHING;
}

/**
 * Whether a transaction is one that can pay claims: it links ids and is not a claim itself, posted
 * or pending (a pending claim has claim metadata too; its id is read once, before the links: a
 * compact transaction makes its list of links when asked for).
 */
function paysClaims(entry: LedgerEntry): entry is BookedTransaction {
  return entry.type === "transaction" && claimId(entry) === null && entry.links.length > 0;
}

/**
 * The ids `ids` and every id tied to them through the payments in range: a payment linking one
 * links all of its ids together. What is paid of a claim depends only on the payments linking it
 * and, through their shared debits, on the claims they link: on the claims of this set.
 */
function tiedIds(entries: readonly LedgerEntry[], ids: ReadonlySet<string>, inRange: (date: string) => boolean): Set<string> {
  const byLink = new Map<string, (readonly string[])[]>();
  for (const entry of entries) {
    if (!paysClaims(entry) || !inRange(entry.date)) continue;
    for (const link of entry.links) {
      const list = byLink.get(link);
      if (list === undefined) byLink.set(link, [entry.links]);
      else list.push(entry.links);
    }
  }
  const tied = new Set(ids);
  const waiting = [...ids];
  for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) {
    for (const links of byLink.get(id) ?? []) {
      for (const link of links) if (!tied.has(link)) { tied.add(link); waiting.push(link); }
    }
  }
  return tied;
}

/**
 * The posted claims' ids, numbered in the order added: an IdTable made only when an id is looked
 * up, or added out of order. Claim ids mostly come in ascending order (EC-2026-001, EC-2026-002,
 * ...): an id above every one before it is new, known without a look-up; a journal with no
 * payment then never hashes its hundred thousand ids (two look-ups each in a table of a megabyte,
 * most of them a cache miss).
 */
export class ClaimIds {
  /**
   * The ids by number (made at its size at once: no copies as it grows); null when `textOf` reads
   * them from where they came from (claimBalanceList: from the claims, instead of an array of a
   * hundred thousand slots in fresh memory).
   */
  readonly #texts: string[] | null;
  readonly #textOf: ((index: number) => string) | null;
  #size = 0;
  #table: IdTable | null = null;
  /** The greatest id so far while every id came in ascending order; null once one did not. */
  #last: string | null = "";

  /** `textOf`: the id numbered `index` (added before), when the caller can tell it: the ids are then not kept. */
  constructor(readonly capacity: number, textOf?: (index: number) => string) {
    this.#textOf = textOf ?? null;
    this.#texts = textOf === undefined ? new Array<string>(Math.max(0, capacity)) : null;
  }

  get size(): number {
    return this.#size;
  }

  /** Whether `text` is not among the ids yet. */
  isNew(text: string): boolean {
    if (this.#last !== null && text > this.#last) return true;
    return this.indexOf(text) < 0;
  }

  /** The number of `text`, or -1. */
  indexOf(text: string): number {
    return this.#lookup().indexOf(text);
  }

  textAt(index: number): string {
    return this.#texts === null ? this.#textOf!(index) : this.#texts[index]!;
  }

  /** Adds `text` (new: see isNew) and returns its number. */
  add(text: string): number {
    if (this.#size >= this.capacity) throw new Error("ClaimIds is full");
    const index = this.#size++;
    if (this.#texts !== null) this.#texts[index] = text;
    if (this.#last !== null && text > this.#last) this.#last = text;
    else this.#last = null;
    if (this.#table !== null || this.#last === null) this.#lookup();
    if (this.#table !== null && this.#table.size === index) this.#table.add(text);
    return index;
  }

  /** The table of the ids, made (with every id so far) when first needed. */
  #lookup(): IdTable {
    if (this.#table === null) {
      this.#table = new IdTable(this.capacity);
      for (let index = 0; index < this.#size; index++) this.#table.add(this.textAt(index));
    }
    return this.#table;
  }
}

/** In ClaimBalanceList's #lone: the claim owes nothing (no debt). */
const OWES_NOTHING = -1;
/**
 * In ClaimBalanceList's #lone: the claim owes nothing, and it has no posting under the root at all
 * (a compact claim read in place: paid from cash when it was posted). Read as OWES_NOTHING.
 */
export const NO_LIABILITY = -4;
/** In ClaimBalanceList's #lone: the claim's balance is kept as an object (#kept). */
const KEPT = -2;

/**
 * The posted claims (the first one of each id) in journal order, numbered from 0, with a look-up
 * by id (no Map made), and their balances: every claim's, or with `owingOnly` (see
 * claimBalanceList) only those of the claims that owe something. Most claims owe one lone debt
 * (addLoneDebt) that no payment touched: such a balance is not kept as objects but made when asked
 * for, from where its liability posting is in the claim (a balance, its debts array and its debt
 * kept for each of a hundred thousand claims were some 18 MB that the garbage collector copied
 * and then marked again: fresh memory is dear). A balance that payments touched, or that is not a
 * lone debt, is kept.
 */
export class ClaimBalanceList {
  readonly #table: ClaimIds;
  /** The entries the claims are among (each claim read there, at its order: no array of the claims kept). */
  readonly #entries: readonly LedgerEntry[];
  readonly #size: number;
  /** Per claim: where its lone debt's posting is in it, OWES_NOTHING (or NO_LIABILITY) or KEPT. */
  readonly #lone: Int32Array;
  /** Per claim: where it is in the entries. */
  readonly #orders: Int32Array;
  /** The balances kept (KEPT in #lone), by claim number; null while there are none. */
  #kept: (Working | undefined)[] | null = null;
  readonly #owingOnly: boolean;

  constructor(table: ClaimIds, entries: readonly LedgerEntry[], lone: Int32Array, orders: Int32Array, owingOnly: boolean) {
    this.#table = table;
    this.#entries = entries;
    this.#size = orders.length;
    this.#lone = lone;
    this.#orders = orders;
    this.#owingOnly = owingOnly;
  }

  /** How many claims. */
  get size(): number {
    return this.#size;
  }

  /** The number of the claim with this id, or -1. */
  indexOf(id: string): number {
    return this.#table.indexOf(id);
  }

  claimAt(index: number): BookedTransaction {
    return this.#entries[this.#orders[index]!] as BookedTransaction;
  }

  /** What the claim owes (empty when it owes nothing). */
  debtsAt(index: number): readonly Debt[] {
    return this.balanceAt(index, false)?.debts ?? NO_DEBTS;
  }

  /** paidState of the claim's balance (a claim that owes nothing is paid). */
  paidStateAt(index: number): PaidState {
    const lone = this.#lone[index]!;
    // (A lone debt no payment touched: unpaid, as paidState finds it, its amount more than zero.)
    if (lone >= 0) return "unpaid";
    if (lone === OWES_NOTHING || lone === NO_LIABILITY) return "paid";
    const balance = this.#kept![index];
    return balance === undefined ? "paid" : paidState(balance);
  }

  /** The id of the claim numbered `index`. */
  idAt(index: number): string {
    return this.#table.textAt(index);
  }

  /** Where the claim numbered `index` is in the entries. */
  orderAt(index: number): number {
    return this.#orders[index]!;
  }

  /**
   * What the claim's postings under the root are, as far as the list knows without reading them
   * again: where its only one is when it owes a lone debt no payment touched (0 or more: the
   * posting forEachBalance gives); NO_LIABILITY when it has none; any other negative number when
   * not known.
   */
  liabilityPostingAt(index: number): number {
    return this.#lone[index]!;
  }

  /**
   * What balances() gives, without making the balance of a claim owing a lone debt no payment
   * touched (most claims): `lone` is given the claim's number, the claim and where its liability
   * posting is in it (the debt: that posting's account, currency and units negated, at its scale);
   * `kept`, any other balance. In journal order.
   */
  forEachBalance(lone: (index: number, claim: PlainTransaction, at: number) => void, kept: (balance: ClaimBalance) => void): void {
    for (let index = 0; index < this.#size; index++) {
      const at = this.#lone[index]!;
      if (at >= 0) lone(index, this.claimAt(index) as PlainTransaction, at);
      // (A claim that owes nothing has no balance here: balanceAt's undefined, without the call.)
      else if ((at === OWES_NOTHING || at === NO_LIABILITY) && this.#owingOnly) continue;
      else {
        const balance = this.balanceAt(index, false);
        if (balance !== undefined) kept(balance);
      }
    }
  }

  /** The balances kept (every claim's, or with `owingOnly` those of the claims that owe), in journal order. */
  *balances(): IterableIterator<ClaimBalance> {
    for (let index = 0; index < this.#size; index++) {
      const balance = this.balanceAt(index, false);
      if (balance !== undefined) yield balance;
    }
  }

  /**
   * The claim's balance (undefined for a claim that owes nothing, with `owingOnly`), made from its
   * lone debt unless kept; with `keep`, kept from now on (payments are about to change it).
   */
  balanceAt(index: number, keep: boolean): Working | undefined {
    const lone = this.#lone[index]!;
    if (lone === KEPT) return this.#kept![index];
    if ((lone === OWES_NOTHING || lone === NO_LIABILITY) && this.#owingOnly) return undefined;
    const claim = this.claimAt(index);
    let debts = NO_DEBTS;
    if (lone >= 0) {
      const entry = claim as PlainTransaction;
      const scale = entry.bookedScaleAt(lone);
      debts = [new OpenDebt(entry.accountAt(lone), entry.bookedCurrencyAt(lone), -entry.bookedScaledAt(lone), scale, null, scale)];
    }
    const balance = workingOf(this.#table.textAt(index), claim, this.#orders[index]!, debts);
    if (keep) this.keep(index, balance);
    return balance;
  }

  /** Keeps `balance` as the claim's. */
  keep(index: number, balance: Working | undefined): void {
    (this.#kept ??= new Array<Working | undefined>(this.#size))[index] = balance;
    this.#lone[index] = KEPT;
  }

  /** Whether the claim owes something (a payment may pay it). */
  owesAt(index: number): boolean {
    const lone = this.#lone[index]!;
    return lone >= 0 || (lone === KEPT && (this.#kept![index]?.debts.length ?? 0) > 0);
  }
}

/**
 * Every posted claim (the first one of each id) with what it owes and what linked entries paid,
 * keyed by claim id, in journal order. With `only`, the claims of those ids and of the ids tied to
 * them by payments (see tiedIds): each with the same balance as without `only`, the others left out.
 */
export function claimBalances(entries: readonly LedgerEntry[], query: PaymentQuery, only?: ReadonlySet<string>): Map<string, ClaimBalance> {
  const list = claimBalanceList(entries, query, only);
  return new Map(Array.from(list.balances(), (balance) => [balance.id, balance]));
}

/**
 * claimBalances as a ClaimBalanceList: the same claims and balances, in the same order; with
 * `owingOnly`, without the balances of the claims that owe nothing.
 */
export function claimBalanceList(entries: readonly LedgerEntry[], query: PaymentQuery, only?: ReadonlySet<string>, owingOnly = false): ClaimBalanceList {
  // (Made at the most they can hold, their lengths set at the end: no copies as they grow. A claim
  // and its id are read from the entries where `orders` says it is: neither kept in an array of
  // their own, two arrays of a hundred thousand slots in fresh memory.)
  const lone = new Int32Array(entries.length);
  const orders = new Int32Array(entries.length);
  const ids = new ClaimIds(entries.length, (index) => claimId(entries[orders[index]!]!)!);
  const kept: [number, Working | undefined][] = [];
  const inRange = (date: string) => query.end === null || date < query.end;
  // Where the entries that may pay claims are (paysClaims, in range), found by the first pass: the
  // second reads them only, not every entry again (a hundred thousand claims for a few payments).
  const payers: number[] = [];
  const wanted = only === undefined ? null : tiedIds(entries, only, inRange);
  /** The debts of the claim being read (a fresh array once a claim kept this one; a claim without debts keeps NO_DEBTS). */
  let debts: OpenDebt[] = [];
  let owing = 0;
  for (let order = 0; order < entries.length; order++) {
    const entry = entries[order]!;
    // (A posted claim: claim metadata and a flag other than `!`, as isPostedClaim; its id read once.)
    if (entry.type !== "transaction") continue;
    if (entry.flag === "!" || !inRange(entry.date)) {
      if (paysClaims(entry) && inRange(entry.date)) payers.push(order);
      continue;
    }
    const id = claimId(entry);
    if (id === null) {
      // (paysClaims, its id read already.)
      if (entry.links.length > 0) payers.push(order);
      continue;
    }
    if ((wanted !== null && !wanted.has(id)) || !ids.isNew(id)) continue;
    const index = ids.size;
    orders[index] = order;
    ids.add(id);
    const at = lonePosting(entry, query.liabilitiesRoot);
    if (at !== NOT_LONE) {
      // (One posting under the root that credits it, or none that does: kept as where it is.)
      lone[index] = at;
      if (at >= 0) owing++;
      continue;
    }
    if (debts.length > 0) debts = [];
    for (const { account, currency, sum, scale } of netUnder(entry, query.liabilitiesRoot)) {
      // (A net that is a scaled integer: its sign read and the amount owed kept without a Decimal.)
      const net = sum.amountIn(currency);
      if (net instanceof ScaledAmount) {
        if (net.scaled < 0) debts.push(new OpenDebt(account, currency, -net.scaled, net.scale, null, scale));
      } else if (net.number.lessThan(0)) {
        debts.push(new OpenDebt(account, currency, 0, 0, net.number.neg(), scale));
      }
    }
    if (owingOnly && debts.length === 0) {
      lone[index] = OWES_NOTHING;
      continue;
    }
    if (debts.length > 0) owing++;
    kept.push([index, workingOf(id, entry, order, debts.length === 0 ? NO_DEBTS : debts)]);
  }
  const list = new ClaimBalanceList(ids, entries, lone.subarray(0, ids.size), orders.subarray(0, ids.size), owingOnly);
  for (const [index, balance] of kept) list.keep(index, balance);
  // (No claim owes anything: no payment can pay one.)
  if (owing === 0) return list;

  for (let payer = 0; payer < payers.length; payer++) {
    const entry = entries[payers[payer]!] as BookedTransaction;
    const linked: Working[] = [];
    for (const link of entry.links) {
      const index = ids.indexOf(link);
      if (index >= 0 && list.owesAt(index)) linked.push(list.balanceAt(index, true)!);
    }
    if (linked.length === 0) continue;
    linked.sort((a, b) => (a.claim.date < b.claim.date ? -1 : a.claim.date > b.claim.date ? 1 : a.order - b.order));
    for (const { account, currency, sum } of netUnder(entry, query.liabilitiesRoot)) {
      let left = sum.value;
      for (const claim of linked) {
        if (!left.greaterThan(0)) break;
        for (const debt of claim.debts) {
          if (debt.account !== account || debt.currency !== currency) continue;
          const share = Decimal.min(left, debt.amount.minus(debt.paid));
          if (!share.greaterThan(0)) continue;
          debt.paid = debt.paid.plus(share);
          debt.addPayment({ entry, amount: share });
          left = left.minus(share);
        }
      }
    }
  }

  return list;
}
