// The claims list: one row per claim (per commodity, for the rare claim in two), with its state,
// the total it charges to expense accounts, how many postings carry evidence, and its problems.
// An approved claim whose approvals do not cover it yet (approval authority, see authority.ts) is
// partly approved, and its row names who may still approve it.
import type { Amount, BookedTransaction, LedgerEntry, MetaValue } from "../core/data.js";
import { DecimalSum, ScaledAmount } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { entryMetaText, metaText, statusOf, valueText, type ClaimStatus } from "./claim.js";
import { approvalCoverage, collectAuthority, type Authority } from "./authority.js";
import { isUnder } from "../core/accounts.js";
import { owedOn, type ClaimBalanceList, type Debt, type PaidState } from "./payments.js";

export interface ClaimQuery {
  readonly status: ClaimStatus | null;
  /** Compared by personKey: `王 伟` finds 王伟's claims. */
  readonly claimant: string | null;
  /** Matches the claim's customer or any of its postings' customers. */
  readonly customer: string | null;
  /** Inclusive start date or null. */
  readonly begin: string | null;
  /** Exclusive end date or null. */
  readonly end: string | null;
  /** Only posted claims not fully paid (unpaid or partly paid). */
  readonly unpaid?: boolean;
}

export interface ClaimRow {
  readonly claim: string;
  readonly date: string;
  readonly claimant: string;
  /** Distinct values over the expense postings (a posting's own wins over the claim's), joined by ", ". */
  readonly department: string;
  readonly customer: string;
  readonly status: ClaimStatus;
  /** Approved, not posted, and its approvals do not cover it yet: posting it will be refused. */
  readonly partlyApproved: boolean;
  /** Who may still approve a partly approved claim so that it is covered (lowest limit first). */
  readonly awaiting: readonly string[];
  /** The claim's total debit to expense accounts in `commodity`. */
  readonly amount: Decimal;
  /** The same as an amount of `commodity`, a ScaledAmount while it is one: written without a Decimal. */
  readonly units: Amount;
  readonly commodity: string;
  /** Postings that carry an `invoice` or a `receipt`. */
  readonly receipts: number;
  /** Diagnostics located in the claim. */
  readonly problems: readonly Diagnostic[];
  /** Whether the books paid it (see payments.ts); null for a claim not posted (or a second one with its id). */
  readonly paid: PaidState | null;
  /** What is still owed on it in `commodity`; null for a claim not posted. */
  readonly owed: Decimal | null;
  readonly entry: BookedTransaction;
}

/**
 * Distinct texts in first-seen order, emptied for each claim in turn without setting an array's
 * length (a call into the runtime each time: three per claim were a tenth of the list's time).
 */
class TextList {
  readonly items: string[] = [];
  size = 0;

  clear(): void {
    this.size = 0;
  }

  indexOf(value: string): number {
    for (let index = 0; index < this.size; index++) if (this.items[index] === value) return index;
    return -1;
  }

  includes(value: string): boolean {
    return this.indexOf(value) >= 0;
  }

  push(value: string): void {
    if (this.size < this.items.length) this.items[this.size] = value;
    else this.items.push(value);
    this.size++;
  }

  /** The texts joined by ", " (one text: itself, no copy made). */
  joined(): string {
    return this.size === 0 ? "" : this.size === 1 ? this.items[0]! : this.items.slice(0, this.size).join(", ");
  }
}

/** What a claim's postings say: what its expense postings charge and name, and its evidence. */
interface ClaimPostings {
  /** Distinct departments and customers of the expense postings (a posting's own wins over the claim's). */
  readonly departments: TextList;
  readonly customers: TextList;
  /**
   * What claimCharges gives: the positive expense units per currency, in first-seen order, as the
   * currencies and their sums side by side (a claim has one or two: no Map made per claim).
   */
  readonly currencies: TextList;
  readonly sums: DecimalSum[];
  /** The currency of the first expense posting, else of the first posting; null for none. */
  fallbackCurrency: string | null;
  /** Postings that carry an `invoice` or a `receipt`. */
  receipts: number;
}

function newClaimPostings(): ClaimPostings {
  return { departments: new TextList(), customers: new TextList(), currencies: new TextList(), sums: [], fallbackCurrency: null, receipts: 0 };
}

const NO_ONE: readonly string[] = Object.freeze([]);

/** `value` added to `values` unless null, empty or there already. */
function addDistinct(values: TextList, value: string | null): void {
  if (value !== null && value !== "" && !values.includes(value)) values.push(value);
}

function rawText(raw: string | MetaValue | undefined): string | null {
  return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
}

/** The sum of `currency`'s charges in `read`, made (or a kept one emptied) on first use. */
function chargeIn(read: ClaimPostings, currency: string): DecimalSum {
  const at = read.currencies.indexOf(currency);
  if (at >= 0) return read.sums[at]!;
  read.currencies.push(currency);
  if (read.sums.length < read.currencies.size) read.sums.push(new DecimalSum());
  return read.sums[read.currencies.size - 1]!.reset();
}

/** The claim metadata a row reads (entryMetaText of each key). */
interface ClaimMeta {
  claim: string | null;
  status: string | null;
  claimant: string | null;
  department: string | null;
  customer: string | null;
}

/** What a metadata key is to a row (readClaimMeta). */
const OTHER = 0;
const CLAIM = 1;
const STATUS = 2;
const CLAIMANT = 3;
const DEPARTMENT = 4;
const CUSTOMER = 5;

function metaSlotOf(key: string): number {
  return key === "claim" ? CLAIM : key === "status" ? STATUS : key === "claimant" ? CLAIMANT : key === "department" ? DEPARTMENT : key === "customer" ? CUSTOMER : OTHER;
}

/** The keys of the metadata lines read last, by place (the first SEEN_KEYS), and their slots. */
const SEEN_KEYS = 16;
const seenKeys: string[] = new Array<string>(SEEN_KEYS).fill("");
const seenSlots = new Int8Array(SEEN_KEYS);
let keysSeen = 0;

/**
 * entryMetaText of the keys a row reads, into `into`: a compact transaction's metadata lines read
 * once for all of them (each key looked up apart read every line five times over).
 */
function readClaimMeta(entry: BookedTransaction, into: ClaimMeta): ClaimMeta {
  if (!(entry instanceof PlainTransaction)) {
    into.claim = entryMetaText(entry, "claim");
    into.status = entryMetaText(entry, "status");
    into.claimant = entryMetaText(entry, "claimant");
    into.department = entryMetaText(entry, "department");
    into.customer = entryMetaText(entry, "customer");
    return into;
  }
  // (The first line with each key, as rawMeta finds it.)
  let claim: string | MetaValue | undefined;
  let status: string | MetaValue | undefined;
  let claimant: string | MetaValue | undefined;
  let department: string | MetaValue | undefined;
  let customer: string | MetaValue | undefined;
  const count = entry.metaCount;
  for (let index = 0; index < count; index++) {
    const key = entry.metaKeyAt(index);
    // (Transactions mostly write the same keys in the same order, each key one shared string: the
    // key at this place last time is the same string, its meaning known without comparing texts.)
    let slot: number;
    if (index < keysSeen && seenKeys[index] === key) slot = seenSlots[index]!;
    else {
      slot = metaSlotOf(key);
      if (index <= keysSeen && index < SEEN_KEYS) {
        seenKeys[index] = key;
        seenSlots[index] = slot;
        if (index === keysSeen) keysSeen++;
      }
    }
    if (slot === CLAIM) claim ??= entry.rawMetaValueAt(index);
    else if (slot === STATUS) status ??= entry.rawMetaValueAt(index);
    else if (slot === CLAIMANT) claimant ??= entry.rawMetaValueAt(index);
    else if (slot === DEPARTMENT) department ??= entry.rawMetaValueAt(index);
    else if (slot === CUSTOMER) customer ??= entry.rawMetaValueAt(index);
  }
  into.claim = rawText(claim);
  into.status = rawText(status);
  into.claimant = rawText(claimant);
  into.department = rawText(department);
  into.customer = rawText(customer);
  return into;
}

/**
 * One pass over a claim's postings for its row: a compact transaction's read in place, without
 * making its postings, their metadata or a Decimal per amount. `department` and `customer`: the
 * claim's own (entryMetaText).
 */
function readClaimPostings(entry: BookedTransaction, expensesRoot: string, read: ClaimPostings, department: string | null, customer: string | null): ClaimPostings {
  // (`read` is the caller's, used for one claim after another: emptied first, its sums kept to be reused.)
  read.departments.clear();
  read.customers.clear();
  read.currencies.clear();
  read.fallbackCurrency = null;
  read.receipts = 0;
  let expenseSeen = false;
  if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
    // (Booked as its postings: the booked postings are the postings, in order.) A posting without
    // metadata lines (most) names the claim's own department and customer: added at the first such
    // posting only (adding them again changes nothing).
    let ownAdded = false;
    for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
      // (A posting without metadata lines, most: none of its keys looked up.)
      const hasMeta = entry.postingMetaCountAt(at) > 0;
      if (hasMeta && (rawText(entry.rawMetaAt(at, "invoice")) !== null || rawText(entry.rawMetaAt(at, "receipt")) !== null)) read.receipts++;
      if (!isUnder(entry.accountAt(at), expensesRoot)) {
        read.fallbackCurrency ??= entry.bookedCurrencyAt(at);
        continue;
      }
      const currency = entry.bookedCurrencyAt(at);
      if (!expenseSeen) read.fallbackCurrency = currency;
      expenseSeen = true;
      if (hasMeta) {
        addDistinct(read.departments, rawText(entry.rawMetaAt(at, "department")) ?? department);
        addDistinct(read.customers, rawText(entry.rawMetaAt(at, "customer")) ?? customer);
      } else if (!ownAdded) {
        ownAdded = true;
        addDistinct(read.departments, department);
        addDistinct(read.customers, customer);
      }
      const scaled = entry.bookedScaledAt(at);
      if (Number.isNaN(scaled)) {
        const units = entry.bookedUnitsAt(at);
        if (units.number.greaterThan(0)) chargeIn(read, units.currency).addDecimal(units.number);
      } else if (scaled > 0) {
        chargeIn(read, currency).addScaled(scaled, entry.bookedScaleAt(at));
      }
    }
  } else {
    for (const posting of entry.postings) if (metaText(posting.meta, "invoice") !== null || metaText(posting.meta, "receipt") !== null) read.receipts++;
    for (const posting of entry.booked) {
      if (!isUnder(posting.account, expensesRoot)) {
        read.fallbackCurrency ??= posting.units.currency;
        continue;
      }
      if (!expenseSeen) read.fallbackCurrency = posting.units.currency;
      expenseSeen = true;
      addDistinct(read.departments, metaText(posting.source.meta, "department") ?? department);
      addDistinct(read.customers, metaText(posting.source.meta, "customer") ?? customer);
      if (posting.units.number.greaterThan(0)) chargeIn(read, posting.units.currency).add(posting.units);
    }
  }
  // No expense posting's value: the claim's own.
  if (read.departments.size === 0) addDistinct(read.departments, department);
  if (read.customers.size === 0) addDistinct(read.customers, customer);
  return read;
}

const NO_PROBLEMS: readonly Diagnostic[] = Object.freeze([]);

/**
 * The diagnostics located in a transaction (spanWithin its span), in their order: found through
 * each file's diagnostics sorted by where they start, instead of every diagnostic tried on every claim.
 */
function problemsFinder(diagnostics: readonly Diagnostic[]): ((file: string, start: number, end: number) => readonly Diagnostic[]) | null {
  const byFile = new Map<string, { start: number; index: number }[]>();
  diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.span === null) return;
    const list = byFile.get(diagnostic.span.file);
    if (list === undefined) byFile.set(diagnostic.span.file, [{ start: diagnostic.span.start, index }]);
    else list.push({ start: diagnostic.span.start, index });
  });
  // (No diagnostic with a place: no claim has any, none looked for.)
  if (byFile.size === 0) return null;
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || a.index - b.index);
  // (The file asked about last and its list: claims come file after file.)
  let lastFile: string | null = null;
  let lastList: { start: number; index: number }[] | undefined;
  return (file, start, end) => {
    if (file !== lastFile) {
      lastFile = file;
      lastList = byFile.get(file);
    }
    const list = lastList;
    if (list === undefined) return NO_PROBLEMS;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.start < start) low = middle + 1;
      else high = middle;
    }
    // (Most claims have none: no list made for them.)
    if (low >= list.length || list[low]!.start > end) return NO_PROBLEMS;
    const found: number[] = [];
    for (let at = low; at < list.length && list[at]!.start <= end; at++) found.push(list[at]!.index);
    return found.sort((a, b) => a - b).map((index) => diagnostics[index]!);
  };
}

const ZERO = new Decimal(0);

/**
 * A ClaimRow whose amount is made from its units, and what is owed from its balance, only when
 * asked (the list's table writes the units and shows nothing owed).
 */
class ListedClaim implements ClaimRow {
  /** The posted claims' balances (claimBalanceList) and the claim's number there; null for a claim not posted. */
  #balances!: ClaimBalanceList | null;
  #found!: number;
  #owed: Decimal | null | undefined = undefined;
  claim!: string;
  date!: string;
  claimant!: string;
  department!: string;
  customer!: string;
  status!: ClaimStatus;
  partlyApproved!: boolean;
  awaiting!: readonly string[];
  units!: Amount;
  receipts!: number;
  problems!: readonly Diagnostic[];
  paid!: PaidState | null;
  entry!: BookedTransaction;

  constructor(
    claim: string, date: string, claimant: string, department: string, customer: string, status: ClaimStatus, partlyApproved: boolean,
    awaiting: readonly string[], units: Amount, receipts: number, problems: readonly Diagnostic[], paid: PaidState | null, balances: ClaimBalanceList | null,
    found: number, entry: BookedTransaction,
  ) {
    this.reset(claim, date, claimant, department, customer, status, partlyApproved, awaiting, units, receipts, problems, paid, balances, found, entry);
  }

  /** The same object made another row (see forEachClaimRow's `reuse`). */
  reset(
    claim: string, date: string, claimant: string, department: string, customer: string, status: ClaimStatus, partlyApproved: boolean,
    awaiting: readonly string[], units: Amount, receipts: number, problems: readonly Diagnostic[], paid: PaidState | null, balances: ClaimBalanceList | null,
    found: number, entry: BookedTransaction,
  ): this {
    this.claim = claim;
    this.date = date;
    this.claimant = claimant;
    this.department = department;
    this.customer = customer;
    this.status = status;
    this.partlyApproved = partlyApproved;
    this.awaiting = awaiting;
    this.units = units;
    this.receipts = receipts;
    this.problems = problems;
    this.paid = paid;
    this.#balances = balances;
    this.#found = found;
    this.#owed = undefined;
    this.entry = entry;
    return this;
  }

  get owed(): Decimal | null {
    if (this.#owed === undefined) this.#owed = this.#balances === null ? null : owedIn(this.#balances.debtsAt(this.#found), this.units.currency);
    return this.#owed;
  }

  get amount(): Decimal {
    return this.units.number;
  }

  get commodity(): string {
    return this.units.currency;
  }
}

/** What the claim still owes in `commodity` (over its payables). */
function owedIn(debts: readonly Debt[], commodity: string): Decimal {
  let owed: Decimal | null = null;
  for (const debt of debts) {
    if (debt.currency === commodity) owed = owed === null ? owedOn(debt) : owed.plus(owedOn(debt));
  }
  return owed ?? ZERO;
}

/** `balances`: the posted claims and what each owes and was paid (claimBalanceList), for the paid column. */
export function claimRows(
  entries: readonly LedgerEntry[], expensesRoot: string, diagnostics: readonly Diagnostic[], query: ClaimQuery, balances: ClaimBalanceList | null = null,
): ClaimRow[] {
  const rows: ClaimRow[] = [];
  forEachClaimRow(entries, expensesRoot, diagnostics, query, balances, (row) => { rows.push(row); });
  return rows;
}

/** The approval authority the list reads (collectAuthority's). */
export function claimAuthority(entries: readonly LedgerEntry[], expensesRoot: string): Authority {
  return collectAuthority(entries, expensesRoot).authority;
}

/**
 * claimRows' rows given to `visit` one at a time, in their order, none kept (a long list's table
 * is drawn from them as they come). `authority`: claimAuthority's, when the caller has it already.
 * With `reuse`, every row is one object changed for each (fresh memory is dear for a hundred
 * thousand claims): `visit` must read it before it returns, and keep nothing of it but its values.
 */
export function forEachClaimRow(
  entries: readonly LedgerEntry[], expensesRoot: string, diagnostics: readonly Diagnostic[], query: ClaimQuery, balances: ClaimBalanceList | null,
  visit: (row: ClaimRow) => void, authority: Authority = claimAuthority(entries, expensesRoot), reuse = false,
): void {
  /** With `reuse`, the one row object given to `visit` each time, its fields changed (the caller keeps no row). */
  const reused = reuse ? new ListedClaim("", "", "", "", "", "posted", false, NO_ONE, new ScaledAmount(0, 0, ""), 0, NO_PROBLEMS, null, null, -1, null!) : null;
  const wanted = query.claimant === null ? null : authority.keyOf(query.claimant);
  const problemsIn = problemsFinder(diagnostics);
  /** What readClaimPostings reads into, for each claim in turn. */
  const scratch = newClaimPostings();
  /** What readClaimMeta reads into, for each transaction in turn. */
  const meta: ClaimMeta = { claim: null, status: null, claimant: null, department: null, customer: null };
  // The posted claims are numbered in journal order, and the claims in the books come in that
  // order among `entries`: the next number is most often the claim's, found without a look-up by id.
  let next = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") continue;
    // (A claim: the metadata it reads read once, its id first among them.)
    const id = readClaimMeta(entry, meta).claim;
    if (id === null) continue;
    let found = -1;
    if (balances !== null) {
      if (next < balances.size && balances.claimAt(next) === entry) found = next++;
      else found = balances.indexOf(id);
    }
    if (query.begin !== null && entry.date < query.begin) continue;
    if (query.end !== null && entry.date >= query.end) continue;
    const status = statusOf(meta.status, entry.flag);
    if (query.status !== null && status !== query.status) continue;
    // (A second claim with the id is not the one paid.)
    const posted = found >= 0 && balances!.claimAt(found) === entry;
    const paid = posted ? balances!.paidStateAt(found) : null;
    const owing = posted ? balances : null;
    if (query.unpaid === true && (paid === null || paid === "paid")) continue;
    const claimant = meta.claimant ?? "";
    if (wanted !== null && authority.keyOf(claimant) !== wanted) continue;
    const read = readClaimPostings(entry, expensesRoot, scratch, meta.department, meta.customer);
    if (query.customer !== null && !read.customers.includes(query.customer)) continue;
    // (A compact transaction's place read without making its span.)
    const problems = problemsIn === null ? NO_PROBLEMS
      : entry instanceof PlainTransaction ? problemsIn(entry.file, entry.start, entry.end) : problemsIn(entry.span.file, entry.span.start, entry.span.end);
    const coverage = authority.declared && status === "approved" && entry.flag === "!" ? approvalCoverage(entry, authority) : null;
    const partlyApproved = coverage !== null && !coverage.covered && coverage.counted.length > 0;
    const awaiting = partlyApproved ? coverage.awaiting : NO_ONE;
    const department = read.departments.joined();
    const customer = read.customers.joined();
    const count = read.currencies.size;
    for (let at = 0; at < Math.max(1, count); at++) {
      const units = count === 0 ? new ScaledAmount(0, 0, read.fallbackCurrency ?? "") : read.sums[at]!.amountIn(read.currencies.items[at]!);
      const date = entry.date;
      // (One row object reused for every row when the caller keeps none: see forEachClaimRow.)
      if (reused === null) {
        visit(new ListedClaim(id, date, claimant, department, customer, status, partlyApproved, awaiting, units, read.receipts, problems, paid, owing, found, entry));
      } else {
        visit(reused.reset(id, date, claimant, department, customer, status, partlyApproved, awaiting, units, read.receipts, problems, paid, owing, found, entry));
      }
    }
  }
}

/** Totals of the rows' amounts per commodity, in first-seen order. */
export function claimTotals(rows: readonly ClaimRow[]): Amount[] {
  const totals = new ClaimTotals();
  for (const row of rows) totals.add(row);
  return totals.amounts();
}

/** claimTotals as rows are added one at a time. */
export class ClaimTotals {
  readonly #totals = new Map<string, DecimalSum>();

  /** The last commodity added to and its sum (rows mostly share one). */
  #lastCommodity: string | null = null;
  #lastSum: DecimalSum | null = null;

  add(row: ClaimRow): void {
    const commodity = row.commodity;
    let sum = commodity === this.#lastCommodity ? this.#lastSum : this.#totals.get(commodity);
    if (sum === undefined || sum === null) this.#totals.set(commodity, (sum = new DecimalSum()));
    this.#lastCommodity = commodity;
    this.#lastSum = sum;
    sum.add(row.units);
  }

  amounts(): Amount[] {
    return [...this.#totals].map(([currency, sum]) => sum.amountIn(currency));
  }
}
