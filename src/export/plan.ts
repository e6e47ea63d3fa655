// Before a byte is written: every reason the target would reject the vouchers or book them wrong,
// as located errors, and otherwise the vouchers as they will be written (numbers shifted, amounts
// rounded to the currency's places, codes and names in the target's style).
import { Decimal, ZERO } from "../core/number.js";
import type { Span } from "../core/span.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message, type Message } from "../i18n/message.js";
import type { Voucher } from "../periods/voucher-model.js";
import { targetAccountCode, targetAccountName } from "./accounts.js";
import type { ExportSettings, ExportTarget, PreparedLine, PreparedVoucher } from "./target.js";

export interface ExportPlan {
  readonly vouchers: readonly PreparedVoucher[];
  /** Errors: when there is one, nothing may be written. */
  readonly diagnostics: readonly Diagnostic[];
  readonly lineCount: number;
  readonly totalDebit: Decimal;
  readonly totalCredit: Decimal;
}

const DEFAULT_SCALE = 2;

/** The rows a sheet holds: 65,536 in an .xls (BIFF8), 1,048,576 in an .xlsx. */
const SHEET_ROWS = { xls: 65_536, xlsx: 1_048_576 } as const;

/** How many voucher lines fit in the target's file, after its header rows; Infinity for text. */
function lineLimit(target: ExportTarget): number {
  if (target.kind === "text") return Number.POSITIVE_INFINITY;
  const headers = Math.max(...target.sheets.map((sheet) => (sheet.kind === "entries" ? sheet.headerRows : 0)));
  return SHEET_ROWS[target.book] - headers;
}

/** Problems of one kind, reported once at their first place with a count. */
class Grouped {
  readonly #groups = new Map<string, { span: Span; count: number; message: (count: number) => Message }>();

  add(key: string, span: Span, message: (count: number) => Message): void {
    const group = this.#groups.get(key);
    if (group === undefined) this.#groups.set(key, { span, count: 1, message });
    else group.count++;
  }

  diagnostics(code: string): Diagnostic[] {
    return [...this.#groups.values()].map((group) => error(code, group.message(group.count), group.span));
  }
}

export function voucherLabel(word: string, number: number): string {
  return `${word}-${String(number).padStart(4, "0")}`;
}

function rounded(value: Decimal, scale: number): Decimal {
  return value.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
}

/** Journal order within a month is date then number; vouchers without a number keep their place by date. */
function exportOrder(vouchers: readonly Voucher[]): Voucher[] {
  return vouchers
    .map((voucher, index) => ({ voucher, index }))
    .sort((a, b) => {
      const monthA = a.voucher.date.slice(0, 7);
      const monthB = b.voucher.date.slice(0, 7);
      if (monthA !== monthB) return monthA < monthB ? -1 : 1;
      const numberA = a.voucher.number ?? Number.MAX_SAFE_INTEGER;
      const numberB = b.voucher.number ?? Number.MAX_SAFE_INTEGER;
      if (numberA !== numberB) return numberA - numberB;
      if (a.voucher.date !== b.voucher.date) return a.voucher.date < b.voucher.date ? -1 : 1;
      return a.index - b.index;
    })
    .map((entry) => entry.voucher);
}

export function planExport(vouchers: readonly Voucher[], target: ExportTarget, settings: ExportSettings): ExportPlan {
  const diagnostics: Diagnostic[] = [];
  const unnumbered: Voucher[] = [];
  const withoutPreparer: Voucher[] = [];
  const numbersTaken = new Map<string, Voucher>();
  const noCode = new Grouped();
  const parents = new Grouped();
  const currencies = new Grouped();
  const dimensionKinds = new Grouped();
  const dimensionCodes = new Grouped();
  const words = new Grouped();
  const scaleOf = (currency: string): number => settings.scales.get(currency) ?? DEFAULT_SCALE;
  const booksScale = scaleOf(settings.booksCurrency);
  const offset = settings.firstNumber - 1;
  const prepared: PreparedVoucher[] = [];
  const limit = lineLimit(target);
  const noSummary = new Grouped();
  let lineCount = 0;
  let totalDebit = ZERO;
  let totalCredit = ZERO;

  if (target.onlyListedCurrencies && target.currencies[settings.booksCurrency] === undefined && vouchers.length > 0) {
    diagnostics.push(error("export-currency", message("export-currency-books", { title: target.title, currency: settings.booksCurrency, known: Object.keys(target.currencies).join(", ") }), vouchers[0]!.span));
  }

  for (const voucher of exportOrder(vouchers)) {
    const month = voucher.date.slice(0, 7);
    if (voucher.number === null) unnumbered.push(voucher);
    else {
      const key = `${month}\u0000${voucher.word}\u0000${voucher.number}`;
      const other = numbersTaken.get(key);
      if (other === undefined) numbersTaken.set(key, voucher);
      else diagnostics.push(error("export-duplicate-number", message("export-duplicate-number", { voucher: voucherLabel(voucher.word, voucher.number), date: other.date }), voucher.span));
    }
    const preparer = voucher.preparer.trim() !== "" ? voucher.preparer.trim() : settings.preparer ?? "";
    if (target.preparerRequired && preparer === "") withoutPreparer.push(voucher);
    if (target.voucherWordCodes !== null && target.voucherWordCodes[voucher.word] === undefined) {
      const known = Object.keys(target.voucherWordCodes).join(", ");
      words.add(voucher.word, voucher.span, (count) => message("export-voucher-word", { title: target.title, word: voucher.word, known, count }));
    }

    const preparedLines: PreparedLine[] = [];
    let debits = ZERO;
    let credits = ZERO;
    voucher.lines.forEach((line, index) => {
      const code = targetAccountCode(line, target);
      if (code === null) {
        noCode.add(line.account, line.span, (count) => message("export-account-code", { account: line.account, title: target.title, count }));
      } else if (settings.parentAccounts.has(line.account)) {
        parents.add(line.account, line.span, (count) => message("export-parent-account", { account: line.account, code, title: target.title, count }));
      }
      if (line.currency !== settings.booksCurrency) {
        currencies.add(`line\u0000${line.currency}`, line.span, (count) => message("export-currency-line", { currency: line.currency, books: settings.booksCurrency, count }));
      }
      if (line.foreign !== null && target.onlyListedCurrencies && target.currencies[line.foreign.currency] === undefined) {
        const known = Object.keys(target.currencies).join(", ");
        currencies.add(`code\u0000${line.foreign.currency}`, line.span, (count) => message("export-currency-code", { title: target.title, currency: line.foreign!.currency, known, count }));
      }
      for (const value of line.dimensions) {
        if (!target.dimensions.includes(value.kind)) {
          dimensionKinds.add(value.kind, line.span, (count) => message("export-dimension-kind", { title: target.title, dimension: value.kind, name: value.name, count }));
        } else if (value.code === null) {
          dimensionCodes.add(`${value.kind}\u0000${value.name}`, line.span, (count) => message("export-dimension-code", { dimension: value.kind, name: value.name, count }));
        }
      }
      const debit = rounded(line.debit, booksScale);
      const credit = rounded(line.credit, booksScale);
      if (target.rejectsZeroLines && debit.isZero() && credit.isZero()) {
        diagnostics.push(error("export-zero-line", message("export-zero-line", { places: booksScale, title: target.title }), line.span));
      }
      if (target.summaryRequired && line.summary.trim() === "") {
        noSummary.add("summary", line.span, (count) => message("export-summary", { title: target.title, count }));
      }
      debits = debits.plus(debit);
      credits = credits.plus(credit);
      const foreign = line.foreign === null ? null : {
        amount: rounded(line.foreign.amount.abs(), scaleOf(line.foreign.currency)),
        currency: line.foreign.currency,
        scale: scaleOf(line.foreign.currency),
        rate: line.foreign.rate,
      };
      preparedLines.push({ source: line, index, code: code ?? "", name: targetAccountName(line, target), debit, credit, scale: booksScale, foreign });
    });
    if (!debits.equals(credits)) {
      diagnostics.push(error("export-unbalanced", message("export-unbalanced", { debits: debits.toFixed(booksScale), credits: credits.toFixed(booksScale), currency: settings.booksCurrency, places: booksScale }), voucher.span));
    }
    if (lineCount <= limit && lineCount + preparedLines.length > limit) {
      diagnostics.push(error("export-too-many-lines", message("export-too-many-lines", { extension: target.extension, limit }), voucher.span));
    }
    lineCount += preparedLines.length;
    totalDebit = totalDebit.plus(debits);
    totalCredit = totalCredit.plus(credits);
    prepared.push({
      source: voucher,
      number: (voucher.number ?? 0) + offset,
      sequence: prepared.length + 1,
      preparer,
      year: Number(voucher.date.slice(0, 4)),
      period: Number(voucher.date.slice(5, 7)),
      lines: preparedLines,
    });
  }

  if (unnumbered.length > 0) {
    diagnostics.push(error("export-unnumbered", message("export-unnumbered", { count: unnumbered.length }), unnumbered[0]!.span));
  }
  if (withoutPreparer.length > 0) {
    diagnostics.push(error("export-preparer", message("export-preparer", { count: withoutPreparer.length, title: target.title }), withoutPreparer[0]!.span));
  }
  diagnostics.push(
    ...noCode.diagnostics("export-account-code"),
    ...parents.diagnostics("export-parent-account"),
    ...currencies.diagnostics("export-currency"),
    ...dimensionKinds.diagnostics("export-dimension-kind"),
    ...dimensionCodes.diagnostics("export-dimension-code"),
    ...words.diagnostics("export-voucher-word"),
    ...noSummary.diagnostics("export-summary"),
  );
  return { vouchers: prepared, diagnostics, lineCount, totalDebit, totalCredit };
}
