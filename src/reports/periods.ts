// Report periods: a date range cut into months, quarters or years, headed `2026-01`, `2026-Q1` and
// `2026`; a range shifted by whole periods; the years a journal covers; the periods a report shows,
// bounded by the years that hold data rather than by the range asked for.
import type { LedgerEntry } from "../core/data.js";
import { addDays, addMonths, dateParts, daysInMonth, isoDate } from "../core/dates.js";

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
  const first = dateParts(addMonths(date, months));
  return isoDate(first.year, first.month, Math.min(dateParts(date).day, daysInMonth(first.year, first.month)));
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
  return { begin: `${first.slice(0, 4)}-01-01`, end: addMonths(`${last.slice(0, 4)}-01-01`, 12) };
}

/**
 * The range asked for, with open ends closed by the journal's years (the pass over the journal's
 * dates made only when an end is open).
 */
export function closeRange(range: { begin: string | null; end: string | null }, entries: readonly LedgerEntry[]): { begin: string; end: string } | null {
  const years = range.begin !== null && range.end !== null ? null : journalYears(entries);
  const begin = range.begin ?? years?.begin ?? null;
  const end = range.end ?? years?.end ?? null;
  if (begin === null || end === null || begin >= end) return null;
  return { begin, end };
}

/**
 * The range a report covers: the one asked for (open ends closed by the journal's years); with
 * neither end given, the year to date (the first of January to `today`, included) when the journal
 * has a transaction in today's year up to today, else the last year that has transactions.
 */
export function defaultedRange(range: { begin: string | null; end: string | null }, entries: readonly LedgerEntry[], today: string): { begin: string; end: string } | null {
  if (range.begin !== null || range.end !== null) return closeRange(range, entries);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  let lastYear: string | null = null;
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    if (entry.date >= yearStart && entry.date <= today) return { begin: yearStart, end: addDays(today, 1) };
    if (entry.date < yearStart && (lastYear === null || entry.date.slice(0, 4) > lastYear)) lastYear = entry.date.slice(0, 4);
  }
  if (lastYear === null) return closeRange(range, entries);
  const begin = `${lastYear}-01-01`;
  return { begin, end: addMonths(begin, 12) };
}

/** Whether `date` lies in [begin, end), either end open when null. */
export function inRange(date: string, range: { readonly begin: string | null; readonly end: string | null }): boolean {
  return (range.begin === null || date >= range.begin) && (range.end === null || date < range.end);
}

/** The periods a report shows, and the runs of years it leaves out for want of data. */
export interface ReportPeriods {
  readonly periods: readonly Period[];
  /** Runs of calendar years in the range without data, left out: `2027..9998`. */
  readonly omitted: readonly string[];
}

/**
 * The periods of [begin, end) a report shows, so that its size follows the data and not the range
 * (a range of 0001..9999 holds 120,000 months). Calendar years holding no data are left out when
 * two or more come in a row, at either end of the range (trimmed) or between years with data; a
 * single empty year is shown, so a range of a year or two is shown whole as asked. At most
 * 2 * (years with data) + 1 years are shown.
 */
export function reportPeriods(begin: string, end: string, interval: Interval, dataYears: ReadonlySet<number>): ReportPeriods {
  const firstYear = dateParts(begin).year;
  const lastYear = dateParts(addDays(end, -1)).year;
  const kept: [number, number][] = [];
  const omitted: string[] = [];
  const keep = (from: number, to: number) => {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && previous[1] === from - 1) previous[1] = to;
    else kept.push([from, to]);
  };
  let emptyFrom: number | null = null;
  for (let year = firstYear; year <= lastYear + 1; year++) {
    const empty = year <= lastYear && !dataYears.has(year);
    if (empty) {
      emptyFrom ??= year;
      continue;
    }
    if (emptyFrom !== null) {
      if (year - emptyFrom >= 2) omitted.push(`${yearText(emptyFrom)}..${yearText(year - 1)}`);
      else keep(emptyFrom, year - 1);
      emptyFrom = null;
    }
    if (year <= lastYear) keep(year, year);
  }
  const periods: Period[] = [];
  for (const [from, to] of kept) {
    const runBegin = isoDate(from, 1, 1);
    const runEnd = addMonths(isoDate(to, 1, 1), 12);
    for (const period of splitRange(runBegin < begin ? begin : runBegin, runEnd > end ? end : runEnd, interval)) periods.push(period);
  }
  return { periods, omitted };
}

function yearText(year: number): string {
  return String(year).padStart(4, "0");
}

/** The calendar years of some dates. */
export function yearsOf(dates: Iterable<string>): Set<number> {
  const years = new Set<number>();
  for (const date of dates) years.add(Number(date.slice(0, 4)));
  return years;
}

/** The index of the period (of sorted, disjoint periods) that holds `date`, or -1. */
export function periodIndex(periods: readonly Period[], date: string): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const period = periods[middle]!;
    if (date < period.begin) high = middle - 1;
    else if (date >= period.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
