// The claims list: one row per claim (per commodity, for the rare claim in two), with its state,
// the total it charges to expense accounts, how many postings carry evidence, and its problems.
// An approved claim whose approvals do not cover it yet (approval authority, see authority.ts) is
// partly approved, and its row names who may still approve it.
import type { Amount, BookedTransaction, LedgerEntry, MetaValue } from "../core/data.js";
import { DecimalSum, ScaledAmount } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId, claimStatus, entryMetaText, metaText, valueText, type ClaimStatus } from "./claim.js";
import { approvalCoverage, collectAuthority } from "./authority.js";
import { isUnder } from "../core/accounts.js";
import { owedOn, paidState, type ClaimBalance, type PaidState } from "./payments.js";

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

/** What a claim's postings say: what its expense postings charge and name, and its evidence. */
interface ClaimPostings {
  /** Distinct departments and customers of the expense postings (a posting's own wins over the claim's). */
  readonly departments: string[];
  readonly customers: string[];
  /**
   * What claimCharges gives: the positive expense units per currency, in first-seen order, as the
   * currencies and their sums side by side (a claim has one or two: no Map made per claim).
   */
  readonly currencies: string[];
  readonly sums: DecimalSum[];
  /** The currency of the first expense posting, else of the first posting; null for none. */
  fallbackCurrency: string | null;
  /** Postings that carry an `invoice` or a `receipt`. */
  receipts: number;
}

/** `value` added to `values` unless null, empty or there already. */
function addDistinct(values: string[], value: string | null): void {
  if (value !== null && value !== "" && !values.includes(value)) values.push(value);
}

function rawText(raw: string | MetaValue | undefined): string | null {
  return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
}

/**
 * One pass over a claim's postings for its row: a compact transaction's read in place, without
 * making its postings, their metadata or a Decimal per amount.
 */
function readClaimPostings(entry: BookedTransaction, expensesRoot: string): ClaimPostings {
  const department = entryMetaText(entry, "department");
  const customer = entryMetaText(entry, "customer");
  const read: ClaimPostings = { departments: [], customers: [], currencies: [], sums: [], fallbackCurrency: null, receipts: 0 };
  let expenseSeen = false;
  const charge = (currency: string): DecimalSum => {
    const at = read.currencies.indexOf(currency);
    if (at >= 0) return read.sums[at]!;
    const sum = new DecimalSum();
    read.currencies.push(currency);
    read.sums.push(sum);
    return sum;
  };
  if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
    // (Booked as its postings: the booked postings are the postings, in order.)
    for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
      if (rawText(entry.rawMetaAt(at, "invoice")) !== null || rawText(entry.rawMetaAt(at, "receipt")) !== null) read.receipts++;
      const account = entry.accountAt(at);
      if (!isUnder(account, expensesRoot)) {
        read.fallbackCurrency ??= entry.bookedCurrencyAt(at);
        continue;
      }
      if (!expenseSeen) read.fallbackCurrency = entry.bookedCurrencyAt(at);
      expenseSeen = true;
      addDistinct(read.departments, rawText(entry.rawMetaAt(at, "department")) ?? department);
      addDistinct(read.customers, rawText(entry.rawMetaAt(at, "customer")) ?? customer);
      const scaled = entry.bookedScaledAt(at);
      if (Number.isNaN(scaled)) {
        const units = entry.bookedUnitsAt(at);
        if (units.number.greaterThan(0)) charge(units.currency).addDecimal(units.number);
      } else if (scaled > 0) {
        charge(entry.bookedCurrencyAt(at)).addScaled(scaled, entry.bookedScaleAt(at));
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
      if (posting.units.number.greaterThan(0)) charge(posting.units.currency).add(posting.units);
    }
  }
  // No expense posting's value: the claim's own.
  if (read.departments.length === 0) addDistinct(read.departments, department);
  if (read.customers.length === 0) addDistinct(read.customers, customer);
  return read;
}

const NO_PROBLEMS: readonly Diagnostic[] = Object.freeze([]);

/**
 * The diagnostics located in a transaction (spanWithin its span), in their order: found through
 * each file's diagnostics sorted by where they start, instead of every diagnostic tried on every claim.
 */
function problemsFinder(diagnostics: readonly Diagnostic[]): (span: Span) => readonly Diagnostic[] {
  const byFile = new Map<string, { start: number; index: number }[]>();
  diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.span === null) return;
    const list = byFile.get(diagnostic.span.file);
    if (list === undefined) byFile.set(diagnostic.span.file, [{ start: diagnostic.span.start, index }]);
    else list.push({ start: diagnostic.span.start, index });
  });
  for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || a.index - b.index);
  return (span) => {
    const list = byFile.get(span.file);
    if (list === undefined) return NO_PROBLEMS;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.start < span.start) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let at = low; at < list.length && list[at]!.start <= span.end; at++) found.push(list[at]!.index);
    if (found.length === 0) return NO_PROBLEMS;
    return found.sort((a, b) => a - b).map((index) => diagnostics[index]!);
  };
}

const ZERO = new Decimal(0);

/**
 * A ClaimRow whose amount is made from its units, and what is owed from its balance, only when
 * asked (the list's table writes the units and shows nothing owed).
 */
class ListedClaim implements ClaimRow {
  #balance: ClaimBalance | undefined;
  #owed: Decimal | null | undefined = undefined;
  constructor(
    readonly claim: string, readonly date: string, readonly claimant: string, readonly department: string, readonly customer: string,
    readonly status: ClaimStatus, readonly partlyApproved: boolean, readonly awaiting: readonly string[], readonly units: Amount,
    readonly receipts: number, readonly problems: readonly Diagnostic[], readonly paid: PaidState | null, balance: ClaimBalance | undefined,
    readonly entry: BookedTransaction,
  ) {
    this.#balance = balance;
  }

  get owed(): Decimal | null {
    if (this.#owed === undefined) this.#owed = this.#balance === undefined ? null : owedIn(this.#balance, this.units.currency);
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
function owedIn(balance: ClaimBalance, commodity: string): Decimal {
  let owed: Decimal | null = null;
  for (const debt of balance.debts) {
    if (debt.currency === commodity) owed = owed === null ? owedOn(debt) : owed.plus(owedOn(debt));
  }
  return owed ?? ZERO;
}

/** `balances`: what each posted claim owes and was paid (claimBalances), for the paid column. */
export function claimRows(
  entries: readonly LedgerEntry[], expensesRoot: string, diagnostics: readonly Diagnostic[], query: ClaimQuery, balances: ReadonlyMap<string, ClaimBalance> = new Map(),
): ClaimRow[] {
  const rows: ClaimRow[] = [];
  const { authority } = collectAuthority(entries, expensesRoot);
  const wanted = query.claimant === null ? null : authority.keyOf(query.claimant);
  const problemsIn = problemsFinder(diagnostics);
  // The balances are in journal order, and so are the claims in the books among `entries`: the
  // next balance is most often the claim's, found without a look-up by id.
  const ordered = balances.values();
  let next = ordered.next().value;
  for (const entry of entries) {
    // (A claim: its id read once.)
    const id = entry.type === "transaction" ? claimId(entry) : null;
    if (id === null || entry.type !== "transaction") continue;
    let found: ClaimBalance | undefined;
    if (next !== undefined && next.claim === entry) {
      found = next;
      next = ordered.next().value;
    } else {
      found = balances.get(id);
    }
    if (query.begin !== null && entry.date < query.begin) continue;
    if (query.end !== null && entry.date >= query.end) continue;
    const status = claimStatus(entry);
    if (query.status !== null && status !== query.status) continue;
    const balance = found?.claim === entry ? found : undefined; // a second claim with the id is not the one paid
    const paid = balance === undefined ? null : paidState(balance);
    if (query.unpaid === true && (paid === null || paid === "paid")) continue;
    const claimant = entryMetaText(entry, "claimant") ?? "";
    if (wanted !== null && authority.keyOf(claimant) !== wanted) continue;
    const read = readClaimPostings(entry, expensesRoot);
    if (query.customer !== null && !read.customers.includes(query.customer)) continue;
    const problems = problemsIn(entry.span);
    const coverage = authority.declared && status === "approved" && entry.flag === "!" ? approvalCoverage(entry, authority) : null;
    const partlyApproved = coverage !== null && !coverage.covered && coverage.counted.length > 0;
    const awaiting = partlyApproved ? coverage.awaiting : [];
    const department = read.departments.join(", ");
    const customer = read.customers.join(", ");
    const row = (units: Amount) => {
      rows.push(new ListedClaim(id, entry.date, claimant, department, customer, status, partlyApproved, awaiting, units, read.receipts, problems, paid, balance, entry));
    };
    read.currencies.forEach((currency, at) => { row(read.sums[at]!.amountIn(currency)); });
    if (read.currencies.length === 0) row(new ScaledAmount(0, 0, read.fallbackCurrency ?? ""));
  }
  return rows;
}

/** Totals of the rows' amounts per commodity, in first-seen order. */
export function claimTotals(rows: readonly ClaimRow[]): Amount[] {
  const totals = new Map<string, DecimalSum>();
  for (const row of rows) {
    let sum = totals.get(row.commodity);
    if (sum === undefined) totals.set(row.commodity, (sum = new DecimalSum()));
    sum.add(row.units);
  }
  return [...totals].map(([currency, sum]) => sum.amountIn(currency));
}
