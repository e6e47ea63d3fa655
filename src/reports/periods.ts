// Report periods: a date range cut into months, quarters or years, headed `2026-01`, `2026-Q1` and
// `2026`; a range shifted by whole periods; the years a journal covers.
import type { LedgerEntry } from "../core/data.js";
import { addMonths, daysInMonth } from "../core/dates.js";

export type Interval = "month" | "quarter" | "year";

export interface Period {
  /** Heading: 2026-01, 2026-Q1 or 2026. */
  readonly label: string;
  /** First day (inclusive). */
  readonly begin: string;
  /** First day after (exclusive). */
  readonly end: string;
}

const MONTHS: Record<Interval, number> = { month: 1, quarter: 3, year: 12 };

/** The first day of the month, quarter or year that contains `date`. */
export function periodStart(date: string, interval: Interval): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const first = interval === "month" ? month : interval === "quarter" ? Math.floor((month - 1) / 3) * 3 + 1 : 1;
  return `${year}-${String(first).padStart(2, "0")}-01`;
}

export function periodLabel(start: string, interval: Interval): string {
  switch (interval) {
    case "month": return start.slice(0, 7);
    case "quarter": return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
    case "year": return start.slice(0, 4);
  }
}

/** The periods that cover [begin, end), the first and last cut to the range. */
export function splitRange(begin: string, end: string, interval: Interval): Period[] {
  const periods: Period[] = [];
  for (let start = periodStart(begin, interval); start < end; start = addMonths(start, MONTHS[interval])) {
    const next = addMonths(start, MONTHS[interval]);
    periods.push({ label: periodLabel(start, interval), begin: start < begin ? begin : start, end: next > end ? end : next });
  }
  return periods;
}

/** `date` moved by whole months; a day past the target month's end becomes its last day. */
export function shiftMonths(date: string, months: number): string {
  const first = addMonths(date, months);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(Number(first.slice(0, 4)), Number(first.slice(5, 7))));
  return `${first.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** Months in one interval. */
export function intervalMonths(interval: Interval): number {
  return MONTHS[interval];
}

/** The same days `months` months earlier (negative) or later, headed as a period of `interval`. */
export function shiftPeriod(period: Period, interval: Interval, months: number): Period {
  const begin = shiftMonths(period.begin, months);
  return { label: periodLabel(periodStart(begin, interval), interval), begin, end: shiftMonths(period.end, months) };
}

/** From the first of January of the first transaction's year to the first of January after the last's. */
export function journalYears(entries: readonly LedgerEntry[]): { begin: string; end: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    if (first === null || entry.date < first) first = entry.date;
    if (last === null || entry.date > last) last = entry.date;
  }
  if (first === null || last === null) return null;
  return { begin: `${first.slice(0, 4)}-01-01`, end: `${String(Number(last.slice(0, 4)) + 1).padStart(4, "0")}-01-01` };
}

/** The range asked for, with open ends closed by the journal's years. */
export function closeRange(range: { begin: string | null; end: string | null }, entries: readonly LedgerEntry[]): { begin: string; end: string } | null {
  const years = journalYears(entries);
  const begin = range.begin ?? years?.begin ?? null;
  const end = range.end ?? years?.end ?? null;
  if (begin === null || end === null || begin >= end) return null;
  return { begin, end };
}

/** Whether `date` lies in [begin, end), either end open when null. */
export function inRange(date: string, range: { readonly begin: string | null; readonly end: string | null }): boolean {
  return (range.begin === null || date >= range.begin) && (range.end === null || date < range.end);
}
