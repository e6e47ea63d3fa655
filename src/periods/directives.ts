// The period directives of the books, which beancount and Fava accept and ignore:
//
//   2026-01-31 custom "period-closed" "2026-01"
//     digest: "sha256:…"               the month's entries as booked (digest.ts)
//     totals: "Assets:Bank -120.00 CNY; Expenses:Fees 120.00 CNY"   each account's movement in the month
//     last-voucher: "记-0023"           the highest voucher number the month had at the close
//     closed-by: "钱坤"
//     closed-on: 2026-02-03
//
//   2026-01-31 custom "period-reopened" "2026-01"
//     reopened-by: "钱坤"
//     reopened-on: 2026-02-10
//     reason: "补记一月出租车费"
//
// Both are dated the last day of their month, and a month's directives are kept in one file, so
// the books' own order (date, then file order) is the order they were written in: the latest one
// says whether the month is closed. A close is never removed; a reopen lifts it and stays as the
// trail. Directives that cannot be read are errors (`period-malformed`) and count for nothing.
import type { Custom, LedgerEntry } from "../core/data.js";
import { endOfMonth } from "../core/dates.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { metaText } from "../claims/claim.js";
import { message } from "../i18n/message.js";

export const PERIOD_CLOSED = "period-closed";
export const PERIOD_REOPENED = "period-reopened";

export const CLOSE_KEYS = { digest: "digest", totals: "totals", lastVoucher: "last-voucher", by: "closed-by", on: "closed-on" } as const;
export const REOPEN_KEYS = { by: "reopened-by", on: "reopened-on", reason: "reason" } as const;

/** A month as YYYY-MM. */
export type Month = string;

export interface PeriodClose {
  readonly kind: "close";
  readonly month: Month;
  readonly entry: Custom;
  readonly digest: string;
  /** The month's totals as recorded (digest.ts formatTotals), or null when not recorded. */
  readonly totals: string | null;
  /** The highest voucher number at the close, as written (`记-0023`), or null. */
  readonly lastVoucher: string | null;
  readonly by: string | null;
  readonly on: string | null;
}

export interface PeriodReopen {
  readonly kind: "reopen";
  readonly month: Month;
  readonly entry: Custom;
  readonly by: string | null;
  readonly on: string | null;
  readonly reason: string | null;
}

export type PeriodEvent = PeriodClose | PeriodReopen;

/** Whether an entry is a period directive (never part of a month's digest). */
export function isPeriodDirective(entry: LedgerEntry): entry is Custom {
  return entry.type === "custom" && (entry.customType === PERIOD_CLOSED || entry.customType === PERIOD_REOPENED);
}

/** The last day of a month: where its period directives are dated. */
export function lastDayOf(month: Month): string {
  return endOfMonth(`${month}-01`);
}

/** Whether text is a month YYYY-MM. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** Every period directive of the books, in the books' order, and the ones that cannot be read. */
export function readPeriodEvents(entries: readonly LedgerEntry[]): { events: PeriodEvent[]; diagnostics: Diagnostic[] } {
  const events: PeriodEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== "custom" || !isPeriodDirective(entry)) continue;
    const value = entry.values[0];
    const month = value?.type === "string" && isMonth(value.value) ? value.value : null;
    if (month === null || entry.values.length !== 1) {
      diagnostics.push(error("period-malformed", message("period-directive-month", { directive: entry.customType }), entry.span));
      continue;
    }
    if (entry.customType === PERIOD_CLOSED) {
      if (entry.date !== lastDayOf(month)) {
        diagnostics.push(error("period-malformed", message("period-close-date", { month, last: lastDayOf(month) }), entry.span));
        continue;
      }
      const digest = metaText(entry.meta, CLOSE_KEYS.digest);
      if (digest === null || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        diagnostics.push(error("period-malformed", message("period-close-digest", { month }), entry.span));
        continue;
      }
      events.push({
        kind: "close", month, entry, digest, totals: metaText(entry.meta, CLOSE_KEYS.totals), lastVoucher: metaText(entry.meta, CLOSE_KEYS.lastVoucher),
        by: metaText(entry.meta, CLOSE_KEYS.by), on: metaText(entry.meta, CLOSE_KEYS.on),
      });
    } else {
      if (entry.date < lastDayOf(month)) {
        diagnostics.push(error("period-malformed", message("period-reopen-date", { month, last: lastDayOf(month) }), entry.span));
        continue;
      }
      events.push({ kind: "reopen", month, entry, by: metaText(entry.meta, REOPEN_KEYS.by), on: metaText(entry.meta, REOPEN_KEYS.on), reason: metaText(entry.meta, REOPEN_KEYS.reason) });
    }
  }
  return { events, diagnostics };
}

/** A metadata value a period directive holds: a string (quoted) or a date (bare). */
export type PeriodMetaValue = { readonly string: string } | { readonly date: string };

/** A period directive's lines (no line endings): the date line, then `key: value` metadata indented by two spaces. */
export function periodDirectiveLines(kind: typeof PERIOD_CLOSED | typeof PERIOD_REOPENED, month: Month, meta: readonly (readonly [string, PeriodMetaValue])[]): string[] {
  const format = (value: PeriodMetaValue) => ("date" in value ? value.date : `"${value.string.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return [`${lastDayOf(month)} custom "${kind}" "${month}"`, ...meta.map(([key, value]) => `  ${key}: ${format(value)}`)];
}
