// The "fapiao" check: every `invoice` of a claim is a well-formed fapiao number, and no fapiao is
// claimed twice anywhere in the books or the claims in progress (财会〔2020〕6号: an electronic voucher
// must not be booked twice), also when the other use is a transaction that is not a claim. A
// 数电发票 has a 20-digit number; a paper or older electronic fapiao a 10- or 12-digit code, '-',
// and an 8-digit number. `invoice` metadata outside claims is otherwise the user's own business
// (plain beancount books load unchanged).
import type { LedgerEntry, MetaEntry, MetaValue, Transaction } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { FirstSeen } from "../core/first-seen.js";
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
  const first = new FirstSeen<{ transaction: LedgerEntry; span: Span }>();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    const invoices = invoicesOf(entry);
    if (invoices.length === 0) continue;
    const id = claimId(entry);
    for (const { entry: invoice, span } of invoices) {
      const problem = fapiaoProblem(invoice.value);
      if (problem !== null) {
        if (id !== null) diagnostics.push(error("fapiao-malformed", problem, span));
        continue;
      }
      const number = (invoice.value as { value: string }).value;
      const earlier = first.seen(number, { transaction: entry, span });
      if (earlier === undefined) continue;
      const where = claimId(earlier.transaction);
      if (id === null && where === null) continue;
      diagnostics.push(error(
        "fapiao-duplicate",
        message("fapiao-duplicate", { number, claim: where, place: placeOf(earlier.span, sources) }),
        span,
      ));
    }
  }
  return diagnostics;
}

// The books, then the claims in progress (a posted entry keeps its fapiao against a late claim); a
// rejected claim counts nowhere (its fapiao may come back in a corrected claim).
export const FAPIAO_CHECK: DomainCheck = { name: "fapiao", run: (ledger) => checkFapiao(booksThenActiveClaims(ledger), ledger.sources) };
