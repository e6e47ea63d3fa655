// The common invoice record every reader returns (XML, XBRL, PDF, OFD), and what a reading of a
// receipt file can come to. Each field says where in the file it was read, for the reviewer.
import { Decimal } from "../core/number.js";

/** One field read from a file, and where: e.g. "XML TaxSupervisionInfo/InvoiceNumber", "PDF text 发票号码". */
export interface InvoiceField<T> {
  readonly value: T;
  readonly source: string;
}

export type InvoiceFormat = "xml" | "xbrl" | "pdf" | "ofd";

/** What a file says about the invoice; a field the file does not carry is absent. */
export interface InvoiceRecord {
  readonly format: InvoiceFormat;
  /** 发票号码: 20 digits for a 数电发票, 8 for an older e-invoice (with `code`). */
  readonly number?: InvoiceField<string>;
  /** 发票代码 of an older e-invoice (12 digits). */
  readonly code?: InvoiceField<string>;
  /** 开票日期 as YYYY-MM-DD. */
  readonly date?: InvoiceField<string>;
  readonly sellerName?: InvoiceField<string>;
  readonly sellerTaxId?: InvoiceField<string>;
  readonly buyerName?: InvoiceField<string>;
  readonly buyerTaxId?: InvoiceField<string>;
  /** 金额 (without tax), 税额, 价税合计. */
  readonly amount?: InvoiceField<Decimal>;
  readonly tax?: InvoiceField<Decimal>;
  readonly total?: InvoiceField<Decimal>;
  /** 专票 (增值税专用发票) or 普票 (普通发票). */
  readonly kind?: InvoiceField<"专票" | "普票">;
  /** A red-letter (红字, 冲红) invoice, by its issue-type label. */
  readonly red?: InvoiceField<boolean>;
}

/** What reading one receipt file gave. */
export type InvoiceReading =
  | { readonly status: "invoice"; readonly record: InvoiceRecord }
  /** A readable file that is not an electronic invoice (a contract, a foreign receipt): nothing to check. */
  | { readonly status: "other"; readonly what: string }
  /** A PDF without a text layer: a scan, whose fields cannot be read. */
  | { readonly status: "scan" }
  /** A file that could not be read, or was refused by a limit: why. */
  | { readonly status: "unreadable"; readonly reason: string }
  /** No such file (the receipts check reports it). */
  | { readonly status: "missing" };

/** A mutable record while a reader fills it. */
export type RecordDraft = { -readonly [K in keyof InvoiceRecord]: InvoiceRecord[K] };

/** The id the journal writes for the invoice: the 20-digit number, or `code-number` for an older one. */
export function invoiceId(record: InvoiceRecord): string | null {
  if (record.number === undefined) return null;
  return record.code === undefined ? record.number.value : `${record.code.value}-${record.number.value}`;
}

/** An amount as printed (`¥1,234.50`, `-12.00`, `１２.００` is not read): a Decimal, or null. */
export function parseMoney(text: string): Decimal | null {
  const cleaned = text.replace(/[¥￥,\s]/g, "");
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return new Decimal(cleaned);
}

/** A date as written on invoices (`2025-03-12`, `2025-03-12 10:08:05`, `2025年03月12日`, `20250312`) as YYYY-MM-DD, or null. */
export function parseInvoiceDate(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-年/.]?\s*(\d{1,2})\s*[-月/.]?\s*(\d{1,2})\s*日?/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Set `key` when `value` is a non-empty text, noting its source. */
export function setText(draft: RecordDraft, key: "number" | "code" | "sellerName" | "sellerTaxId" | "buyerName" | "buyerTaxId", value: string | undefined, source: string): void {
  const text = value?.trim();
  if (text !== undefined && text !== "" && draft[key] === undefined) draft[key] = { value: text, source };
}

export function setMoney(draft: RecordDraft, key: "amount" | "tax" | "total", value: string | undefined, source: string): void {
  const amount = value === undefined ? null : parseMoney(value);
  if (amount !== null && draft[key] === undefined) draft[key] = { value: amount, source };
}

export function setDate(draft: RecordDraft, value: string | undefined, source: string): void {
  const date = value === undefined ? null : parseInvoiceDate(value);
  if (date !== null && draft.date === undefined) draft.date = { value: date, source };
}

/** The record's text, money and date fields: what `setField` fills. */
export type FieldKey = "number" | "code" | "date" | "sellerName" | "sellerTaxId" | "buyerName" | "buyerTaxId" | "amount" | "tax" | "total";

/** Set the field `key` from its text as written (an amount, a date or text, by the key). */
export function setField(draft: RecordDraft, key: FieldKey, value: string | undefined, source: string): void {
  if (key === "amount" || key === "tax" || key === "total") setMoney(draft, key, value, source);
  else if (key === "date") setDate(draft, value, source);
  else setText(draft, key, value, source);
}
