// The list of vouchers (序时账 / 凭证列表): each voucher of the books in journal order, with its date,
// number, attachments and preparer, then its lines: summary, account code and name, debit, credit
// and dimensions (辅助核算). A voucher whose lines do not balance in some currency stands out.
import type { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import { exclusiveEndText } from "../core/dates.js";
import { DIMENSION_KINDS, DIMENSION_NAMES_ZH } from "../books/dimensions.js";
import type { DimensionValue, Voucher } from "../periods/voucher-model.js";
import { voucherText } from "../periods/numbering.js";
import { scaledPlainText, type DisplayScales } from "./display.js";
import { TOTAL, amountText, localized, periodCaption, type Cell, type Localized, type Sheet, type SheetColumn, type SheetRow } from "./sheet.js";
import { phrase } from "../i18n/phrase.js";
import type { Lang } from "../i18n/lang.js";

export interface VouchersReport {
  readonly begin: string | null;
  readonly end: string | null;
  readonly vouchers: readonly Voucher[];
  /** Per line currency: the debits and the credits of every line. */
  readonly totals: readonly { readonly currency: string; readonly debit: Decimal; readonly credit: Decimal }[];
  /** The vouchers whose debits and credits differ in some currency (by index). */
  readonly unbalanced: ReadonlySet<number>;
}

export function vouchersReport(vouchers: readonly Voucher[], range: { readonly begin: string | null; readonly end: string | null }, firstCurrency: string): VouchersReport {
  const sums = new Map<string, { debit: DecimalSum; credit: DecimalSum }>();
  const unbalanced = new Set<number>();
  const net = new Map<string, DecimalSum>();
  vouchers.forEach((voucher, index) => {
    // (A line is on one side: the other, zero, is not added. A line read as a scaled integer is
    // added as one, without its Decimals.)
    for (const balance of net.values()) balance.reset();
    for (const line of voucher.lines) {
      let total = sums.get(line.currency);
      if (total === undefined) sums.set(line.currency, (total = { debit: new DecimalSum(), credit: new DecimalSum() }));
      let balance = net.get(line.currency);
      if (balance === undefined) net.set(line.currency, (balance = new DecimalSum()));
      const scaled = line.scaledAmount;
      if (scaled !== undefined) {
        const scale = line.amountScale!;
        if (scaled > 0) total.debit.addScaled(scaled, scale);
        else if (scaled < 0) total.credit.addScaled(-scaled, scale);
        balance.addScaled(scaled, scale);
        continue;
      }
      if (!line.debit.isZero()) {
        total.debit.addDecimal(line.debit);
        balance.addDecimal(line.debit);
      }
      if (!line.credit.isZero()) {
        total.credit.addDecimal(line.credit);
        balance.addDecimal(line.credit.neg());
      }
    }
    for (const value of net.values()) {
      if (!value.isZero()) {
        unbalanced.add(index);
        break;
      }
    }
  });
  const totals = [...sums].map(([currency, total]) => ({ currency, debit: total.debit.value, credit: total.credit.value }));
  return { ...range, vouchers, totals: orderedTotals(totals, firstCurrency), unbalanced };
}

/** The report's totals in their order: the books' currency first, then the others by name. */
export function orderedTotals<T extends { readonly currency: string }>(totals: T[], firstCurrency: string): T[] {
  const order = (a: string, b: string) => (a === firstCurrency ? -1 : b === firstCurrency ? 1 : a < b ? -1 : a > b ? 1 : 0);
  return totals.sort((a, b) => order(a.currency, b.currency));
}

const KIND_NAMES: Readonly<Record<DimensionValue["kind"], Localized>> = Object.fromEntries(
  DIMENSION_KINDS.map((kind) => [kind, localized(kind, DIMENSION_NAMES_ZH[kind])]),
) as Record<DimensionValue["kind"], Localized>;

/**
 * A text in both languages, or with `lang` only that language's, the same for both: a terminal
 * table reads one, and a long period has a heading and a list of dimensions for nearly every
 * voucher.
 */
function localizedIn(lang: Lang | undefined, text: (shown: Lang) => string): Localized {
  if (lang === undefined) return localized(text("en"), text("zh"));
  const shown = text(lang);
  return localized(shown, shown);
}

/** `客户:C001 ACME; 职员:王伟` (or in English: `customer:C001 ACME; employee:王伟`); see localizedIn for `lang`. */
function dimensionsCell(dimensions: readonly DimensionValue[], lang: Lang | undefined): Localized | null {
  if (dimensions.length === 0) return null;
  return localizedIn(lang, (shown) => dimensions.map((value) => `${KIND_NAMES[value.kind][shown]}:${value.code === null ? "" : `${value.code} `}${value.name}`).join("; "));
}

/** The table's line above a voucher's lines: date, number, summary, attachments, preparer (see localizedIn for `lang`). */
function headingMaker(lang: Lang | undefined): (voucher: Voucher) => Localized {
  // (The same few counts and preparers come back on every voucher: each phrase made once.)
  const unnumbered = phrase("vouchers unnumbered", {});
  const attachments = new Map<number, Localized>();
  const preparers = new Map<string, Localized>();
  return (voucher) => {
    const number = voucher.number === null ? null : voucherText(voucher.word, voucher.number);
    const summary = voucher.lines[0]?.summary ?? "";
    let counted = attachments.get(voucher.attachments);
    if (counted === undefined) attachments.set(voucher.attachments, (counted = phrase("vouchers attachments", { count: voucher.attachments })));
    let preparer: Localized | null = null;
    if (voucher.preparer !== "") {
      preparer = preparers.get(voucher.preparer) ?? null;
      if (preparer === null) preparers.set(voucher.preparer, (preparer = phrase("vouchers prepared by", { name: voucher.preparer })));
    }
    return localizedIn(lang, (shown) => [voucher.date, number ?? unnumbered[shown], summary, counted![shown], preparer?.[shown] ?? ""].filter((part) => part !== "").join("  "));
  };
}

/**
 * The sheet of the report. `shown` says which columns its rows are read for: a terminal table's
 * ("table") or CSV, JSON and the documents' ("data"); the rows then hold only those cells (a large
 * period lists hundreds of thousands of lines, and each of the columns not shown would be made for
 * nothing). Without it, every cell.
 */
export function vouchersSheet(report: VouchersReport, scales: DisplayScales, shown?: "table" | "data"): Sheet {
  const rows: SheetRow[] = [];
  vouchersRows(report, scales, shown)((row) => { rows.push(row); });
  return { ...vouchersTable(report, scales), rows };
}

/**
 * The sheet of the report without its rows (`rows` is empty): a terminal table of a long period
 * is drawn from vouchersRows(report, scales, "table") as they are made.
 */
export function vouchersTable(report: VouchersReport, scales: DisplayScales): Sheet {
  return vouchersTableOf(report, report.vouchers.length, report.totals, report.unbalanced.size, scales);
}

/**
 * vouchersTable of a report of `count` vouchers with these totals, `unbalanced` of them with
 * debits and credits that differ (vouchers-table.ts counts them as it reads the books).
 */
export function vouchersTableOf(
  range: { readonly begin: string | null; readonly end: string | null }, count: number, reportTotals: VouchersReport["totals"], unbalanced: number, scales: DisplayScales,
): Sheet {
  const several = reportTotals.length > 1;
  const columns: SheetColumn[] = [
    { key: "heading", header: phrase("vouchers Voucher", {}), kind: "text", heading: true, show: "table" },
    { key: "date", header: phrase("label Date", {}), kind: "text", show: "data" },
    { key: "voucher", header: phrase("label Voucher", {}), kind: "text", show: "data" },
    { key: "word", header: phrase("vouchers Word", {}), kind: "text", show: "data" },
    { key: "number", header: phrase("vouchers Number", {}), kind: "count", show: "data" },
    { key: "attachments", header: phrase("vouchers Attachments", {}), kind: "count", show: "data" },
    { key: "preparer", header: phrase("vouchers Prepared by", {}), kind: "text", show: "data" },
    // (A table shows the summary in the voucher's heading line.)
    { key: "summary", header: phrase("label Summary", {}), kind: "text", show: "data" },
    { key: "code", header: phrase("label Code", {}), kind: "text" },
    { key: "name", header: phrase("label Account name", {}), kind: "text", shrink: "end" },
    { key: "account", header: phrase("column account", {}), kind: "text", show: "data" },
    { key: "debit", header: phrase("label Debit", {}), kind: "amount" },
    { key: "credit", header: phrase("label Credit", {}), kind: "amount" },
    { key: "currency", header: phrase("column commodity", {}), kind: "text", ...(several ? {} : { show: "data" as const }) },
    { key: "foreign_amount", header: phrase("vouchers Foreign amount", {}), kind: "amount", show: "data" },
    { key: "foreign_currency", header: phrase("vouchers Foreign currency", {}), kind: "text", show: "data" },
    { key: "rate", header: phrase("vouchers Rate", {}), kind: "text", show: "data" },
    { key: "dimensions", header: phrase("vouchers Dimensions", {}), kind: "text", shrink: "end", show: "table" },
    ...DIMENSION_KINDS.flatMap((kind): SheetColumn[] => [
      { key: kind, header: localized(kind, DIMENSION_NAMES_ZH[kind]), kind: "text", show: "data" },
      { key: `${kind}_code`, header: localized(`${kind} code`, `${DIMENSION_NAMES_ZH[kind]}代码`), kind: "text", show: "data" },
    ]),
  ];
  const totals: SheetRow[] = reportTotals.map((total) => ({
    cells: {
      heading: phrase("vouchers total", { count }), date: TOTAL, voucher: null, word: null, number: null, attachments: null, preparer: null,
      summary: phrase("vouchers count", { count }), code: null, name: null, account: null,
      debit: amountText(total.debit, total.currency, scales), credit: amountText(total.credit, total.currency, scales), currency: total.currency,
    },
  }));
  return {
    report: "vouchers",
    caption: [
      phrase("vouchers Vouchers", {}),
      periodCaption(range.begin, range.end),
      ...(unbalanced === 0 ? [] : [phrase("vouchers unbalanced", { count: unbalanced })]),
    ],
    facts: { begin: range.begin, end: exclusiveEndText(range.end) },
    columns,
    rows: [],
    totals,
  };
}

/**
 * The sheet's rows (see vouchersSheet for `shown`), given to `visit` as they are made, each time
 * the source is called. With `lang`, the headings (a table's) are made in that language only.
 */
export function vouchersRows(report: VouchersReport, scales: DisplayScales, shown?: "table" | "data", lang?: Lang): (visit: (row: SheetRow) => void) => void {
  const table = shown !== "data";
  const data = shown !== "table";
  const headingCell = headingMaker(lang);
  // One text for each list of dimensions (the lines of a transaction share theirs).
  const dimensionTexts = new Map<readonly DimensionValue[], Localized | null>();
  const dimensionsText = (dimensions: readonly DimensionValue[]): Localized | null => {
    let text = dimensionTexts.get(dimensions);
    if (text === undefined) dimensionTexts.set(dimensions, (text = dimensionsCell(dimensions, lang)));
    return text;
  };
  return (visit) => report.vouchers.forEach((voucher, index) => {
    const heading = table ? headingCell(voucher) : null;
    const voucherNumber = voucher.number === null ? null : voucherText(voucher.word, voucher.number);
    const number = voucher.number === null ? null : String(voucher.number);
    const attachments = String(voucher.attachments);
    const preparer = voucher.preparer === "" ? null : voucher.preparer;
    const alert = report.unbalanced.has(index);
    for (const line of voucher.lines) {
      const scaled = line.scaledAmount;
      let debit: string | null;
      let credit: string | null;
      if (scaled !== undefined) {
        debit = scaled > 0 ? scaledPlainText(scaled, line.amountScale!, line.currency, scales) : null;
        credit = scaled < 0 ? scaledPlainText(-scaled, line.amountScale!, line.currency, scales) : null;
      } else {
        debit = line.debit.isZero() ? null : amountText(line.debit, line.currency, scales);
        credit = line.credit.isZero() ? null : amountText(line.credit, line.currency, scales);
      }
      if (!data) {
        // (What a table shows; the same keys in the same order as below.)
        visit({ alert, cells: { heading, code: line.accountCode, name: line.accountName, debit, credit, currency: line.currency, dimensions: dimensionsText(line.dimensions) } });
        continue;
      }
      // One object literal, then the dimensions' keys (in this order, as before): spreading the
      // voucher's cells and a dictionary of dimensions into every line made `report vouchers` slow.
      const cells: Record<string, Cell> = {
        heading, date: voucher.date, voucher: voucherNumber, word: voucher.word, number, attachments, preparer,
        summary: line.summary, code: line.accountCode, name: line.accountName, account: line.account,
        debit, credit, currency: line.currency,
        foreign_amount: line.foreign === null ? null : amountText(line.foreign.amount, line.foreign.currency, scales), foreign_currency: line.foreign?.currency ?? null,
        rate: line.foreign === null ? null : line.foreign.rate.toFixed(), dimensions: table ? dimensionsText(line.dimensions) : null,
      };
      for (const kind of DIMENSION_KINDS) {
        const value = line.dimensions.find((dimension) => dimension.kind === kind);
        cells[kind] = value?.name ?? null;
        cells[`${kind}_code`] = value?.code ?? null;
      }
      visit({ alert, cells });
    }
  });
}
