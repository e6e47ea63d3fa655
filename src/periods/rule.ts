// The rule that writers ask before touching a closed month (结账后不得改动).
//
// A month is closed when its latest period directive is a close (directives.ts). Months close in
// order, so the closed months run up to the latest closed one, and every date up to that month's
// last day is locked: writers write nothing dated there (months before the first close included,
// as a later month's close stands on them). The first open month is the one after the latest
// closed month; with no month closed, nothing is locked.
//
//   - `post` of a claim dated in a locked month books it on the first day of the first open month,
//     or on its posting date if that is later, and keeps its own date as `incurred-on`.
//   - `amortize` refuses installments due in a locked month.
//   - `close-period` closes only the month after the latest closed month (any month when none is).
//   - `reopen-period` reopens only the latest closed month.
import { addMonths } from "../core/dates.js";
import type { LedgerEntry } from "../core/data.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isPeriodDirective, lastDayOf, readPeriodEvents, type Month, type PeriodClose, type PeriodEvent } from "./directives.js";
import { nonTransactions } from "../core/non-transactions.js";

export interface PeriodState {
  /** Every readable period directive, in the books' order. */
  readonly events: readonly PeriodEvent[];
  /** The months whose latest directive is a close, with that close. */
  readonly closed: ReadonlyMap<Month, PeriodClose>;
  /** The latest closed month, or null when no month is closed. */
  readonly latest: Month | null;
  /** Period directives that cannot be read. */
  readonly diagnostics: readonly Diagnostic[];
}

const NOTHING_CLOSED: PeriodState = { events: [], closed: new Map(), latest: null, diagnostics: [] };

/** The periods of the books (cheap when the books have no period directive). */
export function periodState(entries: readonly LedgerEntry[]): PeriodState {
  let any = false;
  for (const entry of nonTransactions(entries)) if (entry.type === "custom" && isPeriodDirective(entry)) { any = true; break; }
  if (!any) return NOTHING_CLOSED;
  const { events, diagnostics } = readPeriodEvents(entries);
  const latestEvent = new Map<Month, PeriodEvent>();
  for (const event of events) latestEvent.set(event.month, event);
  const closed = new Map<Month, PeriodClose>();
  for (const [month, event] of latestEvent) if (event.kind === "close") closed.set(month, event);
  const months = [...closed.keys()].sort();
  return { events, closed, latest: months[months.length - 1] ?? null, diagnostics };
}

/** Whether writers must leave `date` alone: it falls in or before the latest closed month. */
export function isLocked(state: PeriodState, date: string): boolean {
  return state.latest !== null && date <= lastDayOf(state.latest);
}

/** The month a date falls in. */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

/** The first day of the first open month, or null when no month is closed. */
export function firstOpenDay(state: PeriodState): string | null {
  return state.latest === null ? null : addMonths(`${state.latest}-01`, 1);
}

/**
 * The date an entry dated `date` and written on `on` goes into the books on: its own date when
 * that is open, else the first day of the first open month, or `on` when that is later.
 */
export function bookingDate(state: PeriodState, date: string, on: string): string {
  if (!isLocked(state, date)) return date;
  const open = firstOpenDay(state)!;
  return on > open ? on : open;
}

/** The month a close of `month` must follow: null when any month may be closed. */
export function monthToCloseNext(state: PeriodState): Month | null {
  return state.latest === null ? null : addMonths(`${state.latest}-01`, 1).slice(0, 7);
}

/** Every close a month has had (reopened ones too), in the books' order. */
export function closesOf(state: PeriodState, month: Month): PeriodClose[] {
  return state.events.filter((event): event is PeriodClose => event.kind === "close" && event.month === month);
}

/** Every period directive of a month, in the books' order. */
export function eventsOf(state: PeriodState, month: Month): PeriodEvent[] {
  return state.events.filter((event) => event.month === month);
}
