// The checks of an invoice file against the claim that cites it. Errors: the file's number is not
// the posting's `invoice`; the buyer's tax id is not the company's (`custom "feeledger-option"
// "tax-id"`); more is claimed against the invoice, over every posting and claim citing it, than
// its total; it was issued after the claim; its number is claimed elsewhere too, where only a file
// carries it (two `invoice` values are the fapiao check's); it is a red-letter (冲红) invoice.
// Warnings: 金额 + 税额 is not 价税合计 (more than 0.01 apart); a 数电 number that is not 20
// digits; a PDF without a text layer; a file that could not be read (or was refused by a limit).
// Each is reported at the posting (or claim) that names the file, and names it.
import type { Span } from "../core/span.js";
import { Decimal, ZERO } from "../core/number.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId } from "../claims/claim.js";
import { placeOf } from "../claims/place.js";
import type { Citation as Cited, ReceiptEvidence } from "./evidence.js";
import { invoiceId, type InvoiceRecord } from "./record.js";
import { message } from "../i18n/message.js";

const CENT = new Decimal("0.01");

/** How a field is quoted in messages: its value (an amount with its cents) and where it was read. */
function quoted(field: { value: string | Decimal; source: string }): string {
  return `${typeof field.value === "string" ? field.value : field.value.toFixed(2)} (${field.source})`;
}

/** Whether the record is a red-letter invoice: by its label, or by a negative total. */
export function isRed(record: InvoiceRecord): boolean {
  return record.red?.value === true || (record.total !== undefined && record.total.value.isNegative());
}

/** The problems of one invoice file by itself and against the posting that cites it. */
function checkOne(use: ReceiptEvidence, record: InvoiceRecord, taxId: string | null): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const file = use.written;
  const id = invoiceId(record);
  if (id !== null && use.invoice !== null && id !== use.invoice) {
    problems.push(error("invoice-number-mismatch", message("invoice-number-mismatch", { file, id, source: record.number!.source, invoice: use.invoice }), use.span));
  }
  if (record.code === undefined && record.number !== undefined && !/^\d{20}$/.test(record.number.value)) {
    problems.push(warning("invoice-number-shape", message("invoice-number-shape", { file, number: quoted(record.number) }), use.span));
  }
  if (taxId !== null && record.buyerTaxId !== undefined && record.buyerTaxId.value.toUpperCase() !== taxId.toUpperCase()) {
    problems.push(error("invoice-buyer", message("invoice-buyer", { file, buyer: quoted(record.buyerTaxId), taxId }), use.span));
  }
  if (record.date !== undefined && record.date.value > use.claim.date) {
    problems.push(error("invoice-date-after-claim", message("invoice-date-after-claim", { file, date: quoted(record.date), claimDate: use.claim.date }), use.span));
  }
  if (isRed(record)) {
    const flag = record.red?.value === true ? record.red.source : null;
    problems.push(error("invoice-red", message("invoice-red", { file, flag, total: flag === null ? quoted(record.total!) : "" }), use.span));
  }
  if (record.amount !== undefined && record.tax !== undefined && record.total !== undefined && record.amount.value.plus(record.tax.value).minus(record.total.value).abs().greaterThan(CENT)) {
    problems.push(warning("invoice-total-mismatch", message("invoice-total-mismatch", { file, amount: quoted(record.amount), tax: quoted(record.tax), total: quoted(record.total) }), use.span));
  }
  return problems;
}

/** What cites an invoice number: a receipt file read as it, or an `invoice` value with no file. */
interface Citation {
  readonly claim: ReceiptEvidence["claim"];
  readonly span: Span;
  /** The file that carries the number, or null when only `invoice` metadata does. */
  readonly use: ReceiptEvidence | null;
}

/**
 * Every check over the receipts, in entry order. The `invoice` values of postings without a receipt
 * file count toward what is claimed against an invoice and toward duplicates.
 */
export function checkInvoices(
  citations: readonly Cited[],
  taxId: string | null,
  sources: ReadonlyMap<string, { text: string }>,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const claimed = new Map<string, Decimal>();
  const reported = new Set<string>();
  const firstCitation = new Map<string, Citation>();
  const totals = new Map<string, { total: NonNullable<InvoiceRecord["total"]>; use: ReceiptEvidence }>();
  const addClaimed = (number: string, amount: Decimal | null, span: Span, file: string | null) => {
    if (amount === null) return;
    const sum = (claimed.get(number) ?? ZERO).plus(amount);
    claimed.set(number, sum);
    const total = totals.get(number);
    if (total === undefined || reported.has(number) || total.total.value.isNegative() || !sum.greaterThan(total.total.value)) return;
    reported.add(number);
    problems.push(error("invoice-over-claimed", message("invoice-over-claimed", { sum: sum.toFixed(2), number, file, total: quoted(total.total), totalFile: total.use.written }), span));
  };
  const cite = (number: string, citation: Citation) => {
    const earlier = firstCitation.get(number);
    if (earlier === undefined) {
      firstCitation.set(number, citation);
      return;
    }
    // Two `invoice` values are the fapiao check's; a shared receipt within one claim is allowed.
    if (earlier.claim === citation.claim || (earlier.use === null && citation.use === null)) return;
    if (earlier.use?.invoice != null && citation.use?.invoice != null) return;
    // One file in two claims is the receipt-reuse check's.
    if (earlier.use !== null && citation.use !== null && earlier.use.path === citation.use.path) return;
    const file = citation.use === null ? null : citation.use.written;
    problems.push(error("fapiao-duplicate", message("invoice-claimed-twice", { number, file, claim: String(claimId(earlier.claim)), place: placeOf(earlier.span, sources) }), citation.span));
  };
  // Totals first, so that a posting before the file that sets the total still counts.
  for (const citation of citations) {
    if (citation.kind !== "file" || citation.use.reading.status !== "invoice") continue;
    const use = citation.use;
    if (use.reading.status !== "invoice") continue;
    const id = invoiceId(use.reading.record);
    const total = use.reading.record.total;
    if (id !== null && total !== undefined && !totals.has(id)) totals.set(id, { total, use });
  }
  for (const citation of citations) {
    if (citation.kind === "bare") {
      const invoice = citation.invoice;
      cite(invoice.number, { claim: invoice.claim, span: invoice.span, use: null });
      addClaimed(invoice.number, invoice.claimed, invoice.span, null);
      continue;
    }
    const use = citation.use;
    switch (use.reading.status) {
      case "unreadable":
        problems.push(warning("invoice-unreadable", message("invoice-unreadable", { file: use.written, reason: use.reading.reason }), use.span));
        continue;
      case "scan":
        problems.push(warning("invoice-scan", message("invoice-scan", { file: use.written }), use.span));
        continue;
      case "other": case "missing":
        continue;
      case "invoice": {
        const record = use.reading.record;
        for (const problem of checkOne(use, record, taxId)) problems.push(problem);
        const number = use.invoice ?? invoiceId(record);
        if (number === null) continue;
        cite(number, { claim: use.claim, span: use.span, use });
        addClaimed(number, use.claimed, use.span, use.written);
      }
    }
  }
  return problems;
}
