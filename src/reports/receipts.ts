// The rows of `feeledger receipts`: every evidence file of every claim (rejected ones included),
// with what the file itself says (number, date, seller, buyer tax id, total, each field's source)
// and the checks that concern it, for the reviewer (审核费用单据).
import * as path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId, claimStatus } from "../claims/claim.js";
import type { ReceiptEvidence } from "../invoices/evidence.js";
import { invoiceId, type InvoiceField, type InvoiceReading, type InvoiceRecord } from "../invoices/record.js";

export interface ReceiptRow {
  /** The file, relative to the working folder (as a reviewer opens it). */
  readonly file: string;
  readonly claim: string;
  readonly status: string;
  /** What the file is: "invoice (pdf)" (xml, xbrl, ofd), "scan", "unreadable", "missing", "not an invoice". */
  readonly kind: string;
  readonly number: string;
  readonly date: string;
  readonly seller: string;
  readonly buyerTaxId: string;
  readonly total: string;
  /** Where the fields were read, in short ("PDF text", "XML"). */
  readonly readFrom: string;
  /** Each field's source, in full. */
  readonly sources: Readonly<Record<string, string>>;
  /** The problems found at the posting that concern this file. */
  readonly checks: readonly Diagnostic[];
  /** Why a file could not be read, or what it is when it is not an invoice. */
  readonly note: string;
}

const FIELDS = ["number", "code", "date", "sellerName", "sellerTaxId", "buyerName", "buyerTaxId", "amount", "tax", "total", "kind", "red"] as const;

function sourcesOf(record: InvoiceRecord): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const name of FIELDS) {
    const field = record[name] as InvoiceField<unknown> | undefined;
    if (field !== undefined) sources[name] = field.source;
  }
  return sources;
}

/** The source's first part: its format and part ("PDF text", "OFD Doc_0/Tags/CustomTag.xml", "XML"). */
function shortSource(source: string): string {
  const words = source.split(" ");
  return words[0] === "XML" ? "XML" : words.slice(0, 2).join(" ");
}

function kindOf(reading: InvoiceReading): string {
  return reading.status === "invoice" ? `invoice (${reading.record.format})` : reading.status === "other" ? "not an invoice" : reading.status;
}

function noteOf(reading: InvoiceReading): string {
  switch (reading.status) {
    case "unreadable": return reading.reason;
    case "other": return reading.what;
    case "scan": return "a PDF without a text layer";
    default: return "";
  }
}

/** Whether a diagnostic at the posting concerns this receipt file. */
function concerns(diagnostic: Diagnostic, use: ReceiptEvidence): boolean {
  if (diagnostic.span === null || diagnostic.span.file !== use.span.file || diagnostic.span.start !== use.span.start) return false;
  if (diagnostic.code.startsWith("fapiao-")) return true;
  return (diagnostic.code.startsWith("invoice-") || diagnostic.code.startsWith("receipt-")) && diagnostic.message.includes(`'${use.written}'`);
}

export function receiptRows(evidence: readonly ReceiptEvidence[], diagnostics: readonly Diagnostic[], cwd: string): ReceiptRow[] {
  return evidence.map((use) => {
    const record = use.reading.status === "invoice" ? use.reading.record : null;
    const sources = record === null ? {} : sourcesOf(record);
    return {
      file: path.relative(cwd, use.path) || use.path,
      claim: claimId(use.claim) ?? "",
      status: claimStatus(use.claim),
      kind: kindOf(use.reading),
      number: record === null ? "" : invoiceId(record) ?? "",
      date: record?.date?.value ?? "",
      seller: record?.sellerName?.value ?? "",
      buyerTaxId: record?.buyerTaxId?.value ?? "",
      total: record?.total === undefined ? "" : record.total.value.toFixed(2),
      readFrom: [...new Set(Object.values(sources).map(shortSource))].join(", "),
      sources,
      checks: diagnostics.filter((diagnostic) => concerns(diagnostic, use)),
      note: noteOf(use.reading),
    };
  });
}
