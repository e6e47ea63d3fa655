// The ways a column is filled from a voucher line: the vocabulary the target tables are written in.
import type { Decimal } from "../core/number.js";
import type { DimensionKind } from "../periods/voucher-model.js";
import type { Cell, EntryContext, ExportSettings, Fill, TargetCurrency } from "./target.js";

export function textCell(value: string): Cell {
  return value === "" ? null : { kind: "text", value };
}

export function integerCell(value: number): Cell {
  return { kind: "number", value: String(value), format: null };
}

/** An amount at `scale` places, e.g. "0.00" or, with grouping, "#,##0.00". */
export function amountFormat(scale: number, grouping = false): string {
  const whole = grouping ? "#,##0" : "0";
  return scale === 0 ? whole : `${whole}.${"0".repeat(scale)}`;
}

function amountCell(value: Decimal, scale: number, grouping: boolean): Cell {
  return { kind: "number", value: value.toFixed(scale), format: amountFormat(scale, grouping) };
}

interface AmountStyle {
  /** Thousands separators in the cell's number format (精斗云's template has them). */
  readonly grouping?: boolean;
  /** Leave the cell empty rather than write 0 (the side a line is not on, in 精斗云 and 云星空). */
  readonly blankWhenZero?: boolean;
}

function sideCell(value: Decimal, scale: number, style: AmountStyle): Cell {
  return style.blankWhenZero === true && value.isZero() ? null : amountCell(value, scale, style.grouping ?? false);
}

const EMPTY: Fill = () => null;

/** A fill function, typed where it is written. */
const fill = (function_: Fill): Fill => function_;

/** The currency as the target names it. */
function targetCurrency(entry: EntryContext, currency: string): TargetCurrency {
  return entry.target.currencies[currency] ?? { code: currency, name: currency };
}

function lineCurrency(entry: EntryContext): string {
  return entry.line.foreign?.currency ?? entry.settings.booksCurrency;
}

export const field = {
  empty: EMPTY,
  text: (value: string): Fill => () => textCell(value),
  integer: (value: number): Fill => () => integerCell(value),
  /** Only on the voucher's first line (金蝶云星空 writes a voucher's header fields once). */
  onFirstLine: (fill: Fill): Fill => (entry) => (entry.line.index === 0 ? fill(entry) : null),

  /** The voucher's date as text, YYYY-MM-DD. */
  date: fill((entry) => textCell(entry.voucher.source.date)),
  year: fill((entry) => integerCell(entry.voucher.year)),
  period: fill((entry) => integerCell(entry.voucher.period)),
  word: fill((entry) => textCell(entry.voucher.source.word)),
  /** The 凭证字's code in the target (e.g. PRE001 for 记). */
  wordCode: fill((entry) => textCell(entry.target.voucherWordCodes?.[entry.voucher.source.word] ?? entry.voucher.source.word)),
  number: fill((entry) => integerCell(entry.voucher.number)),
  /** The voucher's place in the file (1, 2, ...), as text. */
  sequenceText: fill((entry) => textCell(String(entry.voucher.sequence))),
  attachments: fill((entry) => integerCell(entry.voucher.source.attachments)),
  preparer: fill((entry) => textCell(entry.voucher.preparer)),
  /** The line's number within its voucher, counting from `base`. */
  lineNumber: (base: 0 | 1): Fill => (entry) => integerCell(entry.line.index + base),

  summary: fill((entry) => textCell(entry.line.source.summary)),
  accountCode: fill((entry) => textCell(entry.line.code)),
  accountName: fill((entry) => textCell(entry.line.name)),

  debit: (style: AmountStyle = {}): Fill => (entry) => sideCell(entry.line.debit, entry.line.scale, style),
  credit: (style: AmountStyle = {}): Fill => (entry) => sideCell(entry.line.credit, entry.line.scale, style),
  /** 原币金额: the amount in the original currency, or the line's amount when it is in the books currency. */
  originalAmount: (style: AmountStyle = {}): Fill => (entry) => {
    const { line } = entry;
    if (line.foreign !== null) return amountCell(line.foreign.amount, line.foreign.scale, style.grouping ?? false);
    return amountCell(line.debit.isZero() ? line.credit : line.debit, line.scale, style.grouping ?? false);
  },
  /** The amount in the original currency for a priced line, else 0 (用友: 外币). */
  foreignAmountOrZero: fill((entry) => {
    const foreign = entry.line.foreign;
    return foreign === null ? integerCell(0) : amountCell(foreign.amount, foreign.scale, false);
  }),
  /** The rate to the books currency; 1 for a line in the books currency. */
  rate: fill((entry) => ({ kind: "number", value: entry.line.foreign?.rate.toFixed() ?? "1", format: null })),
  /** The rate for a priced line, else 0 (用友: 汇率). */
  rateOrZero: fill((entry) => ({ kind: "number", value: entry.line.foreign?.rate.toFixed() ?? "0", format: null })),
  currencyCode: fill((entry) => textCell(targetCurrency(entry, lineCurrency(entry)).code)),
  currencyName: fill((entry) => textCell(targetCurrency(entry, lineCurrency(entry)).name)),

  dimensionCode: (kind: DimensionKind): Fill => (entry) => textCell(entry.line.source.dimensions.find((value) => value.kind === kind)?.code ?? ""),
  dimensionName: (kind: DimensionKind): Fill => (entry) => textCell(entry.line.source.dimensions.find((value) => value.kind === kind)?.name ?? ""),
  /** All the line's dimensions in one cell: `类别---代码---名称`, joined by `||` (金蝶 K3's 核算项目). */
  dimensionsJoined: (categories: Readonly<Record<DimensionKind, string>>): Fill => (entry) =>
    textCell(entry.line.source.dimensions.map((value) => `${categories[value.kind]}---${value.code ?? ""}---${value.name}`).join("||")),

  /** A setting given on the command line. */
  setting: (key: "accountBook" | "organization"): Fill => (entry) => textCell(entry.settings[key] ?? ""),
} as const;

/** The sheet name of a period (精斗云: 凭证列表#2026年第3期 for one month). */
export function monthSheetName(prefix: string): (settings: ExportSettings) => string {
  return (settings) => {
    const { begin, end } = settings.range;
    const [year, month] = begin.split("-").map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    return next === end ? `${prefix}#${year}年第${month}期` : prefix;
  };
}
