// The "fapiao" check: every `invoice` of a claim is a well-formed fapiao number, and no fapiao is
// claimed twice anywhere in the books or the claims in progress (财会〔2020〕6号: an electronic voucher
// must not be booked twice), also when the other use is a transaction that is not a claim. A
// 数电发票 has a 20-digit number; a paper or older electronic fapiao a 10- or 12-digit code, '-',
// and an 8-digit number. `invoice` metadata outside claims is otherwise the user's own business
// (plain beancount books load unchanged).
import type { LedgerEntry, MetaEntry, MetaValue, Transaction } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { FirstSeenPairs } from "../core/first-seen.js";
import type { Span } from "../core/span.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId } from "../claims/claim.js";
import { placeOf } from "../claims/place.js";
import { booksThenActiveClaims } from "../claims/pending.js";
import type { DomainCheck } from "./domain-check.js";
import { message, type Message } from "../i18n/message.js";

const FAPIAO = /^(\d{20}|\d{10}-\d{8}|\d{12}-\d{8})$/;

/** Why an `invoice` value is not a fapiao number, or null when it is one. */
export function fapiaoProblem(value: MetaValue): Message | null {
  if (value.type !== "string") return message("fapiao-not-string", {});
  if (FAPIAO.test(value.value)) return null;
  return message("fapiao-malformed", { number: value.value });
}

/** Every `invoice` in a transaction, with the span of the posting (or transaction) carrying it. */
export function invoicesOf(transaction: Transaction): { entry: MetaEntry; span: Span }[] {
  const found: { entry: MetaEntry; span: Span }[] = [];
  // Most transactions have none: a compact one is asked without making its objects.
  if (transaction instanceof PlainTransaction && !transaction.hasKey("invoice")) return found;
  const collect = (meta: readonly MetaEntry[], span: Span) => {
    for (const entry of meta) if (entry.key === "invoice") found.push({ entry, span });
  };
  if (transaction.meta.length > 0) collect(transaction.meta, transaction.span);
  // (A posting's span is made when asked for: only for postings with metadata.)
  for (const posting of transaction.postings) if (posting.meta.length > 0) collect(posting.meta, posting.span);
  return found;
}

export function checkFapiao(entries: readonly LedgerEntry[], sources: ReadonlyMap<string, { text: string }>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Each number's first use, by number (see numberParts): the index of its entry. Where in that entry
  // it is written is found again for a diagnostic (firstUseSpan); a compact transaction's values are
  // read in place, and a span is made only for a diagnostic.
  // (Sized for two numbers an entry: a claims journal has about that many, and a table that grows
  // past its first size is copied and rehashed once more, in memory touched for the first time.)
  const first = new FirstSeenPairs(2 * entries.length);
  const values: unknown[] = [];
  const owners: number[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") continue;
    let count: number;
    let spans: Span[] | null = null;
    if (entry instanceof PlainTransaction) {
      count = entry.metaWithKey("invoice", values, owners);
    } else {
      const invoices = invoicesOf(entry);
      count = invoices.length;
      spans = invoices.map((invoice) => invoice.span);
      for (let at = 0; at < count; at++) values[at] = invoices[at]!.entry.value;
    }
    if (count === 0) continue;
    // (The claim's id is needed only for a diagnostic.)
    let id: string | null | undefined;
    for (let at = 0; at < count; at++) {
      const raw = values[at] as string | MetaValue;
      const number = typeof raw === "string" ? raw : raw.type === "string" ? raw.value : null;
      // (Checked and read as two integers in one pass over its digits: numberParts.)
      if (number === null || !numberParts(number)) {
        const problem = fapiaoProblem(number === null ? raw as MetaValue : { type: "string", value: number })!;
        if ((id ??= claimId(entry)) !== null) diagnostics.push(error("fapiao-malformed", problem, spans?.[at] ?? spanOfUse(entry as PlainTransaction, owners[at]!)));
        continue;
      }
      const earlier = first.seen(partHigh, partLow, index);
      if (earlier < 0) continue;
      const earlierEntry = entries[earlier] as Transaction & LedgerEntry;
      const earlierClaim = claimId(earlierEntry);
      if ((id ??= claimId(entry)) === null && earlierClaim === null) continue;
      diagnostics.push(error(
        "fapiao-duplicate",
        message("fapiao-duplicate", { number, claim: earlierClaim, place: placeOf(firstUseSpan(earlierEntry, number), sources) }),
        spans?.[at] ?? spanOfUse(entry as PlainTransaction, owners[at]!),
      ));
    }
  }
  return diagnostics;
}

/** Where in a compact transaction the value at `owner` (see metaWithKey) is written. */
function spanOfUse(transaction: PlainTransaction, owner: number): Span {
  return owner < 0 ? transaction.span : transaction.spanAt(owner);
}

/** Where `number` is first written as an `invoice` of `transaction` (its first use there). */
function firstUseSpan(transaction: Transaction, number: string): Span {
  const written = (value: unknown) => (typeof value === "string" ? value : (value as MetaValue).type === "string" ? (value as { value: string }).value : null) === number;
  if (transaction instanceof PlainTransaction) {
    const values: unknown[] = [];
    const owners: number[] = [];
    const count = transaction.metaWithKey("invoice", values, owners);
    for (let at = 0; at < count; at++) if (written(values[at])) return spanOfUse(transaction, owners[at]!);
  } else {
    for (const invoice of invoicesOf(transaction)) if (written(invoice.entry.value)) return invoice.span;
  }
  throw new Error(`fapiao ${number} is not in the transaction that first used it`);
}

/** Whether `text` is a fapiao number: FAPIAO.test without the regular expression (every claim's every invoice comes here). */
export function isFapiaoNumber(text: string): boolean {
  return numberParts(text);
}

// A fapiao number (one FAPIAO matches) as two integers below 2^53, different for different
// numbers: the first 10 digits (12 for the 12-8 form), and the rest, offset by its form. What
// numberParts read last:
let partHigh = 0;
let partLow = 0;

/**
 * Whether `text` is a fapiao number and, when it is, its two integers into partHigh and partLow:
 * each digit read once.
 */
export function numberParts(text: string): boolean {
  const length = text.length;
  let high: number;
  let low: number;
  if (length === 20) {
    high = digitsValue(text, 0, 10);
    low = digitsValue(text, 10, 20);
  } else if ((length === 19 || length === 21) && text.charCodeAt(length - 9) === 45) {
    high = digitsValue(text, 0, length - 9);
    low = digitsValue(text, length - 8, length) + (length === 19 ? 1e10 : 2e10);
  } else {
    return false;
  }
  if (Number.isNaN(high) || Number.isNaN(low)) return false;
  partHigh = high;
  partLow = low;
  return true;
}

/** The value of the digits text[from, to), or NaN when one is not a digit. */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** numberHigh and numberLow as numberParts reads them (for the tests); null when not a fapiao number. */
export function numberPartsOf(text: string): [number, number] | null {
  return numberParts(text) ? [partHigh, partLow] : null;
}

// The books, then the claims in progress (a posted entry keeps its fapiao against a late claim); a
// rejected claim counts nowhere (its fapiao may come back in a corrected claim).
export const FAPIAO_CHECK: DomainCheck = { name: "fapiao", run: (ledger) => checkFapiao(booksThenActiveClaims(ledger), ledger.sources) };
