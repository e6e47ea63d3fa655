// The receipt files of the claims and what each reads as: one use per `receipt` (on a posting, or
// on the claim itself), each file read once however many postings name it.
import * as fs from "node:fs";
import type { BookedPosting, BookedTransaction, LedgerEntry, MetaEntry } from "../core/data.js";
import { Decimal, ZERO } from "../core/number.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";
import { isClaim, metaText } from "../claims/claim.js";
import { resolveDocumentPath } from "../validation/documents.js";
import { DEFAULT_LIMITS, type InvoiceLimits } from "./limits.js";
import type { InvoiceReading } from "./record.js";
import { readInvoiceFiles, startInvoiceReaders } from "./read.js";

/** One `receipt` of a claim and what its file reads as. */
export interface ReceiptEvidence {
  readonly claim: BookedTransaction;
  /** The posting that names the receipt, or null when the claim itself does. */
  readonly posting: BookedPosting | null;
  /** The path as written, and as resolved against the file that names it. */
  readonly written: string;
  readonly path: string;
  /** Where the receipt is named: the posting (or the claim). */
  readonly span: Span;
  /** The `invoice` written beside it (the posting's, else the claim's), or null. */
  readonly invoice: string | null;
  /** What is claimed against it: the posting's amount in CNY (the claim's CNY expenses when the claim names it), or null in another currency. */
  readonly claimed: Decimal | null;
  readonly reading: InvoiceReading;
}

/** An `invoice` value of a claim posting that names no receipt file. */
export interface BareInvoice {
  readonly claim: BookedTransaction;
  readonly number: string;
  readonly span: Span;
  readonly claimed: Decimal | null;
}

/** What a claim posting cites, in entry order: a receipt file, or only an `invoice` value. */
export type Citation = { readonly kind: "file"; readonly use: ReceiptEvidence } | { readonly kind: "bare"; readonly invoice: BareInvoice };

/** The claim's postings under `expensesRoot` in CNY, summed (a receipt named by the claim itself backs them all). */
function claimExpenses(claim: BookedTransaction, expensesRoot: string): Decimal | null {
  let sum = ZERO;
  let any = false;
  for (const posting of claim.booked) {
    if (posting.account !== expensesRoot && !posting.account.startsWith(`${expensesRoot}:`)) continue;
    if (posting.units.currency !== "CNY") return null;
    sum = sum.plus(posting.units.number);
    any = true;
  }
  return any ? sum : null;
}

/** The receipt files the claims among `entries` name, resolved, each once. */
function receiptPaths(entries: readonly LedgerEntry[]): Set<string> {
  const paths = new Set<string>();
  walk(entries, (_claim, _posting, meta, span) => {
    for (const entry of meta) if (entry.key === "receipt" && entry.value.type === "string") paths.add(resolveDocumentPath(span.file, entry.value.value));
  });
  return paths;
}

/** Sets going what reading the receipts of the claims among `entries` will need (receiptEvidence works without it, only later). */
export function startReadingReceipts(entries: readonly LedgerEntry[]): void {
  startInvoiceReaders([...receiptPaths(entries)]);
}

/** Every receipt of the claims among `entries`, in entry order, each file read (once) with `limits`. */
export function receiptEvidence(entries: readonly LedgerEntry[], expensesRoot: string, limits: InvoiceLimits = DEFAULT_LIMITS): Citation[] {
  const found: Citation[] = [];
  // Every file is read once, together (PDFs in parallel), before the citations are made.
  const existing = [...receiptPaths(entries)].filter((path) => fs.existsSync(path));
  const readings = readInvoiceFiles(existing, limits);
  const readingOf = (path: string): InvoiceReading => readings.get(path) ?? { status: "missing" };
  const visit = (claim: BookedTransaction, posting: BookedPosting | null, meta: readonly MetaEntry[], span: Span) => {
    const claimedHere = () => (posting === null ? claimExpenses(claim, expensesRoot) : posting.units.currency === "CNY" ? posting.units.number : null);
    let files = 0;
    for (const entry of meta) {
      if (entry.key !== "receipt" || entry.value.type !== "string") continue;
      const path = resolveDocumentPath(span.file, entry.value.value);
      const reading = readingOf(path);
      const invoice = metaText(meta, "invoice") ?? (posting === null ? null : metaText(claim.meta, "invoice"));
      files++;
      found.push({ kind: "file", use: { claim, posting, written: entry.value.value, path, span, invoice, claimed: claimedHere(), reading } });
    }
    const number = files === 0 ? metaText(meta, "invoice") : null;
    if (number !== null) found.push({ kind: "bare", invoice: { claim, number, span, claimed: claimedHere() } });
  };
  walk(entries, visit);
  return found;
}

type Visit = (claim: BookedTransaction, posting: BookedPosting | null, meta: readonly MetaEntry[], span: Span) => void;

/** `visit` on the metadata of every claim with a receipt or an invoice, and of each of its postings. */
function walk(entries: readonly LedgerEntry[], visit: Visit): void {
  for (const entry of entries) {
    if (entry.type !== "transaction" || (entry instanceof PlainTransaction && !entry.hasKey("receipt") && !entry.hasKey("invoice")) || !isClaim(entry)) continue;
    if (entry.meta.length > 0) visit(entry, null, entry.meta, entry.span);
    // (A posting's span is made when asked for: only for postings with metadata.)
    for (const posting of entry.booked) if (posting.source.meta.length > 0) visit(entry, posting, posting.source.meta, posting.source.span);
  }
}
