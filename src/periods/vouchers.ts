// Vouchers (记账凭证) from the books, and the rule that numbers them.
//
// One voucher per transaction of the books dated in the range (pending claims are not in the
// books; the transactions a `pad` generates are, unnumbered: they have no text to number). Each
// posting is a line: its account's code and name, its summary, debit or credit, its dimensions.
// A line is in the operating currency (option "operating_currency", else CNY) when the posting is,
// or when its cost or price is: then its debit or credit is the posting's weight (units × cost or
// price) and `foreign` keeps the units and the rate, as 金蝶 and 用友 take foreign-currency lines.
// Any other posting stays in its own currency.
//
// Numbering: each month's vouchers are numbered 记-0001, 记-0002, ... in date order then journal
// order; the word (凭证字) is `custom "feeledger-option" "voucher-word" "记"`, default 记. A number
// already written (`voucher: "记-0007"`) is kept, and new ones follow the highest number of the
// month so far, so no number is ever given twice.
import type { BookedTransaction, LedgerEntry, MetaEntry, MetaValue } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { decimalOf } from "../core/amount.js";
import type { LedgerOptions } from "../core/options.js";
import type { Span } from "../core/span.js";
import { Decimal } from "../core/number.js";
import { isPendingClaim, metaText, valueText } from "../claims/claim.js";
import type { BookAccount, ChartOfAccounts } from "../books/accounts.js";
import { DIMENSION_KEYS, DIMENSION_KINDS, postingDimensions, type DimensionCodes } from "../books/dimensions.js";
import type { DimensionValue, Voucher, VoucherLine } from "./voucher-model.js";
import { VOUCHER_KEY, assignVoucherNumbers, parseVoucher, voucherText, voucherWord, type VoucherNumber } from "./numbering.js";

/** The flag beancount gives the transactions a `pad` generates. */
const PAD_FLAG = "P";

/** The currency of the official books: the first `operating_currency`, else CNY. */
export function booksCurrency(options: LedgerOptions): string {
  return options.operatingCurrencies[0] ?? "CNY";
}

/** Whether a transaction is a voucher of the books: not a pending claim. */
export function isBooksTransaction(entry: LedgerEntry): entry is BookedTransaction {
  return entry.type === "transaction" && !isPendingClaim(entry);
}

/** Whether the transaction is one a `pad` generated (it has no text, so it cannot carry a number). */
export function isPadGenerated(entry: BookedTransaction): boolean {
  return entry.flag === PAD_FLAG;
}

/** The summary (摘要) of a line: the posting's own `narration`, else the transaction's narration, else its payee. */
export function lineSummary(transaction: BookedTransaction, postingMeta: readonly MetaEntry[]): string {
  const own = metaText(postingMeta, "narration");
  if (own !== null && own.trim() !== "") return own;
  return transaction.narration !== "" ? transaction.narration : transaction.payee ?? "";
}

export interface VoucherSource {
  readonly entries: readonly LedgerEntry[];
  readonly options: LedgerOptions;
  readonly chart: ChartOfAccounts;
  readonly dimensionCodes: DimensionCodes;
}

/** The vouchers of the books dated in [begin, end) (either end open when null), in journal order. */
export function buildVouchers(source: VoucherSource, range: { readonly begin: string | null; readonly end: string | null }): Voucher[] {
  const word = voucherWord(source.entries);
  const currency = booksCurrency(source.options);
  const vouchers: Voucher[] = [];
  const dimensions = new SharedDimensions();
  for (const entry of source.entries) {
    if (range.end !== null && entry.date >= range.end) break;
    if (!isBooksTransaction(entry) || (range.begin !== null && entry.date < range.begin)) continue;
    vouchers.push(voucherOf(entry, word, currency, source, dimensions));
  }
  return vouchers;
}

/**
 * One array for each distinct list of dimensions (they are read, never changed): the lines of a
 * transaction mostly share their claimant's and customer's, and a long period lists hundreds of
 * thousands of lines. (A compact transaction's lists, ofNames, share their values only.)
 */
class SharedDimensions {
  readonly #lists = new Map<string, readonly DimensionValue[]>();

  of(values: DimensionValue[]): readonly DimensionValue[] {
    if (values.length === 0) return NO_DIMENSIONS;
    let key = "";
    for (const value of values) key += `${value.kind}\u0000${value.code ?? "\u0001"}\u0000${value.name}\u0000`;
    const known = this.#lists.get(key);
    if (known !== undefined) return known;
    this.#lists.set(key, values);
    return values;
  }

  /** ofNames's values, by their kind's index, then by their name. */
  readonly #values: Map<string, DimensionValue>[] = DIMENSION_KINDS.map(() => new Map<string, DimensionValue>());

  /**
   * The list of the values named `names` (one per DIMENSION_KINDS, null for none): each value made
   * once, each list anew. (Most lists of a claims journal are distinct, each claimant with each
   * customer: finding a list by its names cost more than making it.)
   */
  ofNames(names: readonly (string | null)[], codes: DimensionCodes): readonly DimensionValue[] {
    let values: DimensionValue[] | null = null;
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!;
      if (name === null) continue;
      const known = this.#values[index]!;
      let value = known.get(name);
      if (value === undefined) {
        const kind = DIMENSION_KINDS[index]!;
        known.set(name, (value = { kind, code: codes.get(kind)?.get(name)?.code ?? null, name }));
      }
      (values ??= []).push(value);
    }
    return values ?? NO_DIMENSIONS;
  }
}

const NO_DIMENSIONS: readonly DimensionValue[] = [];

function voucherOf(transaction: BookedTransaction, word: string, currency: string, source: VoucherSource, shared: SharedDimensions): Voucher {
  if (transaction instanceof PlainTransaction && transaction.bookedAsPostings) return plainVoucherOf(transaction, word, source, shared);
  const written = metaText(transaction.meta, VOUCHER_KEY);
  const transactionMeta = transaction.meta;
  const lines: VoucherLine[] = [];
  let attachments = 0;
  for (const posting of transaction.booked) {
    const meta = posting.source.meta;
    if (metaText(meta, "invoice") !== null || metaText(meta, "receipt") !== null) attachments++;
    const book = source.chart.account(posting.account);
    const { amount, lineCurrency, foreign } = lineAmount(posting.units.number, posting.units.currency, posting.cost ?? posting.price, currency);
    lines.push({
      accountCode: book.code,
      accountName: book.name,
      account: posting.account,
      summary: lineSummary(transaction, meta),
      debit: amount.isPositive() && !amount.isZero() ? amount : ZERO,
      credit: amount.isNegative() && !amount.isZero() ? amount.neg() : ZERO,
      currency: lineCurrency,
      foreign,
      dimensions: shared.of(postingDimensions(transactionMeta, meta, source.dimensionCodes)),
      span: posting.source.span,
    });
  }
  return finishedVoucher(transaction, word, written, attachments, lines, (key) => metaText(transactionMeta, key));
}

const ZERO = new Decimal(0);

/**
 * voucherOf for a compact transaction booked as its postings (the common one), read in place: its
 * postings have no cost or price, so each line is the posting's units, and nothing is made for
 * its metadata, postings or booked postings (a long period lists hundreds of thousands of lines).
 */
function plainVoucherOf(transaction: PlainTransaction, word: string, source: VoucherSource, shared: SharedDimensions): Voucher {
  const written = rawText(transaction.rawMeta(VOUCHER_KEY));
  const lines: VoucherLine[] = [];
  let attachments = 0;
  // The transaction's own dimensions, for the postings that name none of theirs.
  let transactionDimensions: readonly DimensionValue[] | null = null;
  for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
    if (rawText(transaction.rawMetaAt(at, "invoice")) !== null || rawText(transaction.rawMetaAt(at, "receipt")) !== null) attachments++;
    const account = transaction.accountAt(at);
    const book = source.chart.account(account);
    let dimensions: readonly DimensionValue[];
    if (hasOwnDimensions(transaction, at)) dimensions = shared.ofNames(dimensionNames(transaction, at), source.dimensionCodes);
    else dimensions = (transactionDimensions ??= shared.ofNames(dimensionNames(transaction, -1), source.dimensionCodes));
    const summary = summaryOf(transaction, rawText(transaction.rawMetaAt(at, "narration")));
    const scaled = transaction.bookedScaledAt(at);
    if (Number.isNaN(scaled)) {
      const amount = transaction.bookedUnitsAt(at).number;
      lines.push({
        accountCode: book.code, accountName: book.name, account, summary,
        debit: amount.isPositive() && !amount.isZero() ? amount : ZERO,
        credit: amount.isNegative() && !amount.isZero() ? amount.neg() : ZERO,
        currency: transaction.bookedCurrencyAt(at), foreign: null, dimensions, span: transaction.spanAt(at),
      });
    } else {
      lines.push(new PlainVoucherLine(book, summary, dimensions, transaction, at));
    }
  }
  return finishedVoucher(transaction, word, written, attachments, lines, (key) => rawText(transaction.rawMeta(key)));
}

/**
 * A voucher of its lines: its word and number as the `voucher` metadata writes them (else the
 * default word, no number), and its preparer, the `prepared-by` metadata, else a claim's claimant.
 */
function finishedVoucher(transaction: { readonly date: string; readonly span: Span }, word: string, written: string | null, attachments: number, lines: VoucherLine[], metaOf: (key: string) => string | null): Voucher {
  const parsed = written === null ? null : parseVoucher(written);
  const preparer = metaOf("prepared-by") ?? (metaOf("claim") !== null ? metaOf("claimant") : null) ?? "";
  return {
    date: transaction.date,
    word: parsed?.word ?? word,
    number: parsed?.number ?? null,
    attachments,
    preparer,
    lines,
    span: transaction.span,
  };
}

/**
 * A line of a compact transaction's posting whose units are a scaled integer: its Decimals and
 * span are made when asked for (the list of a long period reads neither; export does), and what
 * the chart and the transaction hold (code, name, currency, the scaled amount) is read from them.
 * A long period keeps hundreds of thousands of lines while it is drawn: each has few fields (the
 * collector copies every one of them).
 */
class PlainVoucherLine implements VoucherLine {
  readonly #book: BookAccount;
  readonly #transaction: PlainTransaction;
  readonly #at: number;

  constructor(
    book: BookAccount,
    readonly summary: string,
    readonly dimensions: readonly DimensionValue[],
    transaction: PlainTransaction,
    at: number,
  ) {
    this.#book = book;
    this.#transaction = transaction;
    this.#at = at;
  }

  get accountCode(): string | null {
    return this.#book.code;
  }

  get accountName(): string {
    return this.#book.name;
  }

  get account(): string {
    return this.#book.account;
  }

  get currency(): string {
    return this.#transaction.bookedCurrencyAt(this.#at);
  }

  get scaledAmount(): number {
    return this.#transaction.bookedScaledAt(this.#at);
  }

  get amountScale(): number {
    return this.#transaction.bookedScaleAt(this.#at);
  }

  get foreign(): null {
    return null;
  }

  get debit(): Decimal {
    return this.scaledAmount > 0 ? decimalOf(this.scaledAmount, this.amountScale) : ZERO;
  }

  get credit(): Decimal {
    return this.scaledAmount < 0 ? decimalOf(-this.scaledAmount, this.amountScale) : ZERO;
  }

  get span(): Span {
    return this.#transaction.spanAt(this.#at);
  }
}

/** metaText of a value as a compact transaction keeps it (rawMeta). */
function rawText(raw: string | MetaValue | undefined): string | null {
  return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
}

/** lineSummary, given the posting's own `narration`. */
function summaryOf(transaction: BookedTransaction, own: string | null): string {
  if (own !== null && own.trim() !== "") return own;
  return transaction.narration !== "" ? transaction.narration : transaction.payee ?? "";
}

/** Whether the posting at `at` has metadata for a dimension of its own. */
function hasOwnDimensions(transaction: PlainTransaction, at: number): boolean {
  for (const kind of DIMENSION_KINDS) if (transaction.rawMetaAt(at, DIMENSION_KEYS[kind]) !== undefined) return true;
  return false;
}

/**
 * The names postingDimensions finds for the posting at `at` of a compact transaction (-1: for a
 * posting with no dimension metadata of its own, the transaction's), one per DIMENSION_KINDS,
 * read in place.
 */
function dimensionNames(transaction: PlainTransaction, at: number): (string | null)[] {
  return DIMENSION_KINDS.map((kind) => {
    const key = DIMENSION_KEYS[kind];
    return (at < 0 ? null : dimensionName(transaction.rawMetaAt(at, key))) ?? dimensionName(transaction.rawMeta(key));
  });
}

/** A dimension's name as postingDimensions reads it: the value's text trimmed, null when none or blank. */
function dimensionName(raw: string | MetaValue | undefined): string | null {
  const text = rawText(raw);
  return text === null || text.trim() === "" ? null : text.trim();
}

/** A posting's amount as a voucher line takes it (see the top of this file). */
function lineAmount(
  units: Decimal, unitsCurrency: string, rate: { readonly number: Decimal; readonly currency: string } | null, booksCurrency: string,
): { amount: Decimal; lineCurrency: string; foreign: VoucherLine["foreign"] } {
  if (unitsCurrency === booksCurrency || rate === null || rate.currency !== booksCurrency) {
    return { amount: units, lineCurrency: unitsCurrency, foreign: null };
  }
  return { amount: units.times(rate.number), lineCurrency: booksCurrency, foreign: { amount: units, currency: unitsCurrency, rate: rate.number } };
}

// ---------------------------------------------------------------- numbering

/**
 * The transactions numberVouchers numbers in [begin, end), in journal order, each with what it
 * carries: the books' transactions, not those a `pad` generates.
 */
export function numberingItems(entries: readonly LedgerEntry[], range: { readonly begin: string | null; readonly end: string | null }): { transaction: BookedTransaction; item: NumberingItem }[] {
  const found: { transaction: BookedTransaction; item: NumberingItem }[] = [];
  for (const entry of entries) {
    if (range.end !== null && entry.date >= range.end) break;
    if (!isBooksTransaction(entry) || isPadGenerated(entry) || (range.begin !== null && entry.date < range.begin)) continue;
    found.push({ transaction: entry, item: { date: entry.date, written: metaText(entry.meta, VOUCHER_KEY) } });
  }
  return found;
}

/** A transaction to number: its date and the `voucher` it carries, if any. */
export interface NumberingItem {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The `voucher` metadata as written, or null. */
  readonly written: string | null;
}

/** A voucher's number as numberVouchers gives it. */
export interface NumberedVoucher extends VoucherNumber {
  /** `记-0001`. */
  readonly text: string;
  /** True when the number was written already (kept as it is), false when given now. */
  readonly kept: boolean;
}

export interface NumberingProblem {
  /** voucher-malformed (a written `voucher` that is not WORD-DIGITS: kept, given no number) or voucher-duplicate (one number on two transactions of a month). */
  readonly code: "voucher-malformed" | "voucher-duplicate";
  /** The indices (into the items) concerned. */
  readonly items: readonly number[];
  readonly message: string;
}

export interface Numbering {
  /** Per item, in the order given: its number (kept or new), or null for a malformed written one. */
  readonly numbers: readonly (NumberedVoucher | null)[];
  readonly problems: readonly NumberingProblem[];
}

/**
 * Number vouchers: `items` in journal order (as the ledger has them); each month's are taken in
 * date order, then in the order given. A written number is kept; the others get `word` and the
 * numbers after the highest of their month so far (written with `word`, or in `issued`: the
 * highest number already given in a month, e.g. to a voucher since deleted, by month YYYY-MM).
 * A pure function: it writes nothing.
 */
export function numberVouchers(items: readonly NumberingItem[], word: string, issued: ReadonlyMap<string, number> = new Map()): Numbering {
  const numbers: (NumberedVoucher | null)[] = new Array(items.length).fill(null);
  const problems: NumberingProblem[] = [];
  /** month \0 word \0 number → the items holding it. */
  const holders = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.written === null || item.written.trim() === "") return;
    const parsed = parseVoucher(item.written);
    if (parsed === null) {
      problems.push({ code: "voucher-malformed", items: [index], message: `voucher "${item.written}" is not a voucher number such as ${voucherText(word, 1)}` });
      return;
    }
    numbers[index] = { ...parsed, text: voucherText(parsed.word, parsed.number), kept: true };
    const key = `${item.date.slice(0, 7)}\u0000${parsed.word}\u0000${parsed.number}`;
    const holding = holders.get(key);
    if (holding === undefined) holders.set(key, [index]);
    else holding.push(index);
  });
  for (const holding of holders.values()) {
    if (holding.length < 2) continue;
    const first = numbers[holding[0]!]!;
    problems.push({ code: "voucher-duplicate", items: holding, message: `voucher ${first.text} is written on ${holding.length} transactions of ${items[holding[0]!]!.date.slice(0, 7)}` });
  }
  // Each month by the rule of numbering.ts, its items in date order (a stable sort keeps the
  // journal order within a day); a malformed written number counts as written (it gets none).
  const months = new Map<string, number[]>();
  items.forEach((item, index) => {
    const month = item.date.slice(0, 7);
    const list = months.get(month);
    if (list === undefined) months.set(month, [index]);
    else list.push(index);
  });
  for (const [month, indices] of months) {
    indices.sort((a, b) => (items[a]!.date < items[b]!.date ? -1 : items[a]!.date > items[b]!.date ? 1 : a - b));
    const written = indices.map((index) => (items[index]!.written === null || items[index]!.written!.trim() === "" ? null : items[index]!.written));
    const { assigned } = assignVoucherNumbers(written, word, issued.get(month) ?? 0);
    assigned.forEach((number, position) => {
      if (number !== null) numbers[indices[position]!] = { word, number, text: voucherText(word, number), kept: false };
    });
  }
  return { numbers, problems };
}
