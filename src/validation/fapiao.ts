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
  // Each number's first use, by number (see numberKey): an index into the three arrays below, its
  // transaction and where in it (spanOfUse). A compact transaction's values are read in place and
  // a span is made only for a diagnostic.
  const first = new FirstSeenPairs();
  const firstEntries: LedgerEntry[] = [];
  const firstOwners: number[] = [];
  const firstSpans: (Span | null)[] = [];
  const values: unknown[] = [];
  const owners: number[] = [];
  const spanOfUse = (transaction: LedgerEntry, owner: number, span: Span | null): Span =>
    span ?? (owner < 0 ? transaction.span : (transaction as PlainTransaction).spanAt(owner));
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    let count: number;
    let spans: Span[] | null = null;
    if (entry instanceof PlainTransaction) {
      count = entry.metaWithKey("invoice", values, owners);
    } else {
      const invoices = invoicesOf(entry);
      count = invoices.length;
      spans = invoices.map((invoice) => invoice.span);
      for (let index = 0; index < count; index++) values[index] = invoices[index]!.entry.value;
    }
    if (count === 0) continue;
    const id = claimId(entry);
    for (let index = 0; index < count; index++) {
      const raw = values[index] as string | MetaValue;
      const owner = spans === null ? owners[index]! : -1;
      const span = spans === null ? null : spans[index]!;
      const number = typeof raw === "string" ? raw : raw.type === "string" ? raw.value : null;
      if (number === null || !FAPIAO.test(number)) {
        const problem = fapiaoProblem(number === null ? raw as MetaValue : { type: "string", value: number })!;
        if (id !== null) diagnostics.push(error("fapiao-malformed", problem, spanOfUse(entry, owner, span)));
        continue;
      }
      const use = firstEntries.length;
      const earlier = first.seen(numberHigh(number), numberLow(number), use);
      if (earlier < 0) {
        firstEntries.push(entry);
        firstOwners.push(owner);
        firstSpans.push(span);
        continue;
      }
      const earlierEntry = firstEntries[earlier]!;
      const where = claimId(earlierEntry);
      if (id === null && where === null) continue;
      const earlierSpan = spanOfUse(earlierEntry, firstOwners[earlier]!, firstSpans[earlier]!);
      diagnostics.push(error(
        "fapiao-duplicate",
        message("fapiao-duplicate", { number, claim: where, place: placeOf(earlierSpan, sources) }),
        spanOfUse(entry, owner, span),
      ));
    }
  }
  return diagnostics;
}

// A fapiao number (one FAPIAO matches) as two integers below 2^53, different for different
// numbers: the first 10 digits (12 for the 12-8 form), and the rest, offset by its form.
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) value = value * 10 + (text.charCodeAt(index) - 48);
  return value;
}

function numberHigh(number: string): number {
  return digitsValue(number, 0, number.length === 21 ? 12 : 10);
}

function numberLow(number: string): number {
  const length = number.length;
  if (length === 20) return digitsValue(number, 10, 20);
  return digitsValue(number, length - 8, length) + (length === 19 ? 1e10 : 2e10);
}

// The books, then the claims in progress (a posted entry keeps its fapiao against a late claim); a
// rejected claim counts nowhere (its fapiao may come back in a corrected claim).
export const FAPIAO_CHECK: DomainCheck = { name: "fapiao", run: (ledger) => checkFapiao(booksThenActiveClaims(ledger), ledger.sources) };
