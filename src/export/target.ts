// What an export target is: the layout of one import format of the official books (金蝶, 用友) as
// data. A target is a table of columns, each filled from one voucher line by a small function from
// fields.ts; the writers (sheet-writer.ts, text-writer.ts) know nothing about any target.
import type { Decimal } from "../core/number.js";
import type { DimensionKind, Voucher, VoucherLine } from "../periods/voucher-model.js";

export type TargetName = "kingdee-k3" | "kingdee-cloud" | "kingdee-jdy" | "yonyou-u8";

/**
 * One cell as a target wants it: text, or a number given as exact decimal text (sheets write it as
 * a number cell with `format`, text files write the text), or nothing.
 */
export type Cell =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "number"; readonly value: string; readonly format: string | null }
  | null;

/** The settings of one export, from the command line and the journal. */
export interface ExportSettings {
  /** The currency of the books (the first operating_currency, else CNY). */
  readonly booksCurrency: string;
  /** Decimal places written per currency (the journal's usual places); 2 when unknown. */
  readonly scales: ReadonlyMap<string, number>;
  /** --first-number: the number the period's first voucher takes (1 keeps the journal's numbers). */
  readonly firstNumber: number;
  /** --preparer: the 制单 of vouchers that name none; null when not given. */
  readonly preparer: string | null;
  /** --account-book: the 账簿 code (金蝶云星空). */
  readonly accountBook: string | null;
  /** --organization: the 核算组织 code (金蝶云星空). */
  readonly organization: string | null;
  /** The exported months: begin inclusive, end exclusive, both first days of a month. */
  readonly range: { readonly begin: string; readonly end: string };
  /**
   * Accounts that have sub-accounts with codes of their own (parent accounts, 非明细科目): a
   * target that takes leaf accounts refuses a line on one of them.
   */
  readonly parentAccounts: ReadonlySet<string>;
}

/** A voucher as it is written: its number in the target, and what its lines are filled from. */
export interface PreparedVoucher {
  readonly source: Voucher;
  /** The voucher's number as written (the journal's, shifted by --first-number). */
  readonly number: number;
  /** 1 for the file's first voucher, 2 for the next... */
  readonly sequence: number;
  /** 制单: the voucher's preparer, else --preparer, else empty. */
  readonly preparer: string;
  readonly year: number;
  /** The month, 1 to 12 (会计期间). */
  readonly period: number;
  readonly lines: readonly PreparedLine[];
}

/** A voucher line with its amounts rounded to the places the file takes, and its code and name as the target writes them. */
export interface PreparedLine {
  readonly source: VoucherLine;
  /** 0 for the voucher's first line. */
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly debit: Decimal;
  readonly credit: Decimal;
  /** Places of the books currency. */
  readonly scale: number;
  /** The amount in the original currency (原币) and its places and rate, for a line the journal prices. */
  readonly foreign: { readonly amount: Decimal; readonly currency: string; readonly scale: number; readonly rate: Decimal } | null;
}

export interface EntryContext {
  readonly voucher: PreparedVoucher;
  readonly line: PreparedLine;
  readonly settings: ExportSettings;
  readonly target: ExportTarget;
}

export type Fill = (entry: EntryContext) => Cell;

export interface Column {
  /** The heading of the first header row (a caption, or a field key when a caption row follows). */
  readonly header: string;
  /** The heading of the second header row, for targets with two (金蝶云星空: keys, then captions). */
  readonly caption?: string;
  readonly fill: Fill;
}

/** A sheet of a workbook target: vouchers one line per row under the headers, or fixed rows. */
export type SheetLayout =
  | { readonly name: string | ((settings: ExportSettings) => string); readonly kind: "entries"; readonly headerRows: 1 | 2; readonly columns: readonly Column[] }
  | { readonly name: string; readonly kind: "fixed"; readonly rows: readonly (readonly string[])[] };

/** A currency as a target names it. */
export interface TargetCurrency {
  readonly code: string;
  readonly name: string;
}

interface TargetBase {
  readonly name: TargetName;
  /** The product and its import function, for messages and docs. */
  readonly title: string;
  /** The file name ending the import takes. */
  readonly extension: ".xls" | ".xlsx" | ".txt";
  /** 科目代码 as written: the journal's code, or its levels joined by `.` (金蝶: 6602.01.01). */
  readonly accountCodes: "plain" | "dotted";
  /** What joins the levels of a 科目名称 (the journal's names join them with `-`). */
  readonly accountNameSeparator: string;
  /** Whether a voucher must name its preparer (制单). */
  readonly preparerRequired: boolean;
  /** The dimensions (辅助核算) the format carries; a line with another kind is refused. */
  readonly dimensions: readonly DimensionKind[];
  /** Currency codes and names by ISO code; a currency not listed is written as its ISO code, unless `onlyListedCurrencies`. */
  readonly currencies: Readonly<Record<string, TargetCurrency>>;
  readonly onlyListedCurrencies: boolean;
  /** 凭证字 codes by word, when the format takes a code rather than the word (金蝶云星空). */
  readonly voucherWordCodes: Readonly<Record<string, string>> | null;
  /** Whether every line must carry a non-zero amount. */
  readonly rejectsZeroLines: boolean;
  /** Whether every line must have a summary (摘要). */
  readonly summaryRequired: boolean;
  /** Settings the target needs (the command refuses to run without them). */
  readonly requires: readonly ("accountBook")[];
}

export interface SheetTarget extends TargetBase {
  readonly kind: "sheet";
  /** BIFF8 (.xls, Excel 97-2003) or Office Open XML (.xlsx). */
  readonly book: "xls" | "xlsx";
  readonly sheets: readonly SheetLayout[];
}

export interface TextTarget extends TargetBase {
  readonly kind: "text";
  /** The file's first line. */
  readonly firstLine: string;
  readonly separator: string;
  /** Written in place of the separator inside a text field (the format has no quoting). */
  readonly separatorReplacement: string;
  readonly lineEnd: string;
  /** The encoding, as iconv-lite names it. */
  readonly encoding: string;
  readonly columns: readonly Column[];
}

export type ExportTarget = SheetTarget | TextTarget;
