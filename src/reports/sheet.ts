// The neutral form every report is rendered from: columns with a stable key (the CSV and JSON
// name) and a heading in each language, data rows and total rows. A report builds a sheet from
// its computed figures; the renderers in src/render/ turn the same sheet into a table, CSV or JSON.
import { Decimal } from "../core/number.js";
import { addDays } from "../core/dates.js";
import type { DisplayScales } from "./display.js";

import { phrase } from "../i18n/phrase.js";
export type { Lang } from "../i18n/lang.js";

/** Text in both languages: tables show the chosen one, CSV and JSON always the English. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

/** Numbers (plain decimal text) drawn as a sparkline in a terminal table. */
export interface Series {
  readonly series: readonly string[];
}

export type Cell = string | Localized | Series | null;

/** How a column's cells are shown: amounts grouped in threes, percents with a sign, counts. */
export type ColumnKind = "text" | "amount" | "percent" | "count";

export interface SheetColumn {
  /** Stable English name: the CSV header and the JSON field. */
  readonly key: string;
  readonly header: Localized;
  readonly kind: ColumnKind;
  /** Formats that show the column: all (default), only the terminal table, or only CSV and JSON. */
  readonly show?: "all" | "table" | "data";
  /** A table too wide for the terminal may cut this text at its end or at its start. */
  readonly shrink?: "end" | "start";
  /** A row label: repeated in each part when a wide table is split. */
  readonly label?: boolean;
  /** In a table, rows are grouped under this column's value, shown as a heading line. */
  readonly heading?: boolean;
}

export interface SheetRow {
  readonly cells: Readonly<Record<string, Cell>>;
  /** Stands out (over budget): drawn in red when colour is on. */
  readonly alert?: boolean;
}

export interface Sheet {
  /** The report's name, e.g. "structure" (the JSON `report` field). */
  readonly report: string;
  /** The line above the table, in pieces: title, scope, period. */
  readonly caption: readonly Localized[];
  /** Machine-readable facts about the report (root, begin, end, ...), for JSON. */
  readonly facts: Readonly<Record<string, string | null | readonly string[]>>;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
  readonly totals: readonly SheetRow[];
  /** A table shows one column per row and a line per column (a form read top-down). */
  readonly transpose?: boolean;
  /** The chart the report draws (html, --chart), by the keys of the columns it takes its values from. */
  readonly chart?: SheetChart;
}

/**
 * A chart over a sheet's data rows: `lines` per row over the `values` columns (trend), `shares` of
 * the `value` column (structure), `budget` against `actual` per row (budget). `label` names the row.
 */
export type SheetChart =
  | { readonly kind: "lines"; readonly label: readonly string[]; readonly values: readonly string[] }
  | { readonly kind: "shares"; readonly label: readonly string[]; readonly value: string; readonly share: string }
  | { readonly kind: "budget"; readonly label: readonly string[]; readonly budget: string; readonly actual: string };

export function localized(en: string, zh: string): Localized {
  return { en, zh };
}

export const TOTAL: Localized = phrase("table total", {});
export const SUBTOTAL: Localized = phrase("table subtotal", {});
export const OTHER: Localized = phrase("table other", {});
export const UNASSIGNED: Localized = phrase("table unassigned", {});

/** A whole-percent figure with two decimals, rounded half up (四舍五入); null when undefined. */
export function percentText(value: Decimal | null): string | null {
  return value === null ? null : value.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** `part / whole` as a percent, or null when the whole is zero. */
export function percentOf(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.times(100).dividedBy(whole);
}

/** Change from `base` to `value` as a percent of the base's size, or null from zero. */
export function changePercent(value: Decimal, base: Decimal): Decimal | null {
  return base.isZero() ? null : value.minus(base).times(100).dividedBy(base.abs());
}

/**
 * Amount text at the commodity's usual places. Computed figures with more places than money has
 * (a prorated budget) are rounded half up to those places; exact sums are never cut.
 */
export function amountText(value: Decimal, commodity: string, scales: DisplayScales, round = false): string {
  // (plainAmount's text, written from the digits: a report writes thousands of amounts.)
  if (!round) return fixedText(value, Math.max(value.decimalPlaces(), scales.get(commodity) ?? 0));
  const places = scales.get(commodity) ?? 2;
  return value.toFixed(places, Decimal.ROUND_HALF_UP);
}

/** decimal.js's documented internals: the digits in words of seven, the exponent, the sign. */
interface DecimalDigits {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

/** Runs of zeros, each made once. */
const ZEROS: string[] = [];
const zeros = (count: number): string => (count < 64 ? (ZEROS[count] ??= "0".repeat(count)) : "0".repeat(count));

/**
 * `value.toFixed(places)` for `places` at least the value's decimal places (so nothing is rounded),
 * written from its digit words without the Decimal's rounding copy.
 */
export function fixedText(value: Decimal, places: number): string {
  const { d: words, e: exponent, s: sign } = value as unknown as DecimalDigits;
  if (words === null || words.length === 0 || places < value.decimalPlaces()) return value.toFixed(places);
  let digits = String(words[0]);
  for (let index = 1; index < words.length; index++) {
    const word = String(words[index]);
    digits += word.length < 7 ? zeros(7 - word.length) + word : word;
  }
  // The first digit stands at 10^exponent: exponent + 1 digits before the point.
  const before = exponent + 1;
  let whole: string;
  let fraction: string;
  if (before <= 0) {
    whole = "0";
    fraction = zeros(-before) + digits;
  } else if (digits.length <= before) {
    whole = digits + zeros(before - digits.length);
    fraction = "";
  } else {
    whole = digits.slice(0, before);
    fraction = digits.slice(before);
  }
  // (Digits past the value's places are zeros of the last word.)
  fraction = fraction.length >= places ? fraction.slice(0, places) : fraction + zeros(places - fraction.length);
  const text = places === 0 ? whole : `${whole}.${fraction}`;
  return sign < 0 && !value.isZero() ? `-${text}` : text;
}

/** A period for captions: `2026-01-01..2026-12-31` (both included), `..2026-06-30`, or all dates. */
export function periodCaption(begin: string | null, end: string | null): Localized {
  if (begin === null && end === null) return phrase("caption all dates", {});
  const text = `${begin ?? ""}..${end === null ? "" : addDays(end, -1)}`;
  return localized(text, text);
}

/** The caption's note on the years a report leaves out for want of data (none: nothing). */
export function omittedCaption(omitted: readonly string[]): Localized[] {
  if (omitted.length === 0) return [];
  return [phrase("caption years left out", { years: omitted })];
}

/** The JSON fact of the years left out, present only when some are. */
export function omittedFacts(omitted: readonly string[]): { omitted_years?: readonly string[] } {
  return omitted.length === 0 ? {} : { omitted_years: omitted };
}

/** "monthly" / "按月" and so on, for captions. */
export function intervalCaption(interval: "month" | "quarter" | "year"): Localized {
  return phrase(`caption ${interval}ly`, {});
}
