// Which installments the journal already holds. An installment is recognised two ways:
// - linked: a transaction with `schedule: "<id>"` metadata belongs to that schedule, whatever it
//   says; its month gives its number, and a wrong amount, a month outside the schedule or a second
//   one for a month is an error;
// - by hand: a transaction without that metadata, in an installment's month, with a posting of the
//   installment's amount on the amortize account and its opposite on the drawdown account.
// Each posting is taken by one schedule at most, so two alike schedules do not share an entry.
import type { BookedPosting, BookedTransaction, LedgerEntry } from "../core/data.js";
import type { Decimal } from "../core/number.js";
import { ZERO } from "../core/number.js";
import { error, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { isPendingClaim, metaText } from "../claims/claim.js";
import { SCHEDULE_KEYS, monthsBetween, type Month, type Schedule } from "./schedule.js";
import { lastMonth, monthOf, plannedInstallments, type Installment } from "./installments.js";
import { message, type Message } from "../i18n/message.js";

export interface WrittenInstallment {
  readonly transaction: BookedTransaction;
  /** What it posts to the amortize account. */
  readonly amount: Decimal;
  /** Whether it names its schedule (`schedule` metadata) rather than being recognised by its postings. */
  readonly linked: boolean;
}

export interface ScheduleState {
  readonly schedule: Schedule;
  readonly planned: readonly Installment[];
  /** By installment number: the entry the journal holds for it. */
  readonly written: ReadonlyMap<number, WrittenInstallment>;
  /** Every amount posted by installments of this schedule, including faulty ones. */
  readonly writtenTotal: Decimal;
}

/**
 * The schedules' states, and every installment that contradicts its schedule. Installments naming
 * one of `unreadableIds` are left alone: their schedule's own problem is reported already.
 */
export function matchInstallments(schedules: readonly Schedule[], entries: readonly LedgerEntry[], unreadableIds: ReadonlySet<string> = new Set()): Result<ScheduleState[]> {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(schedules.map((schedule, index) => [schedule.id, index]));
  const plans = schedules.map(plannedInstallments);
  const written = schedules.map(() => new Map<number, WrittenInstallment>());
  const totals = schedules.map(() => ZERO);
  const declaring = new Set(schedules.map((schedule) => schedule.transaction));
  const unlinkedByMonth = new Map<Month, BookedTransaction[]>();

  for (const entry of entries) {
    if (entry.type !== "transaction" || isPendingClaim(entry) || entry.flag === "P") continue;
    const reference = entry.meta.find((meta) => meta.key === SCHEDULE_KEYS.reference);
    if (reference === undefined) {
      if (schedules.length === 0 || declaring.has(entry)) continue;
      const month = monthOf(entry.date);
      const list = unlinkedByMonth.get(month);
      if (list === undefined) unlinkedByMonth.set(month, [entry]);
      else list.push(entry);
      continue;
    }
    const id = metaText(entry.meta, SCHEDULE_KEYS.reference);
    const index = id === null ? undefined : byId.get(id);
    if (index === undefined) {
      if (id !== null && unreadableIds.has(id)) continue;
      diagnostics.push(error("schedule-unknown", message("schedule-unknown", { id: id ?? "" }), reference.span));
      continue;
    }
    const schedule = schedules[index]!;
    const amount = postedAmount(entry, schedule);
    totals[index] = totals[index]!.plus(amount);
    const number = monthsBetween(schedule.firstMonth, monthOf(entry.date)) + 1;
    const problem = linkedProblem(schedule, entry, number, written[index]!);
    if (problem !== null) {
      diagnostics.push(error("schedule-months", problem, entry.span));
      continue;
    }
    // An installment edited to another amount still holds its month; it is reported, not rewritten.
    const expected = plans[index]![number - 1]!.amount;
    if (!amount.eq(expected)) {
      diagnostics.push(error("schedule-amount",
        message("schedule-amount", {
          number, months: schedule.months, id: schedule.id, amount: `${amount.toFixed(schedule.scale)} ${schedule.currency}`,
          account: schedule.amortizeAccount, expected: `${expected.toFixed(schedule.scale)} ${schedule.currency}`,
        }),
        entry.span));
    }
    written[index]!.set(number, { transaction: entry, amount, linked: true });
  }

  const taken = new Set<BookedPosting>();
  const states = schedules.map((schedule, index): ScheduleState => {
    const planned = plans[index]!;
    const found = written[index]!;
    for (const installment of planned) {
      if (found.has(installment.number)) continue;
      const match = handWritten(schedule, installment, unlinkedByMonth.get(installment.month) ?? [], taken);
      if (match === null) continue;
      found.set(installment.number, match);
      totals[index] = totals[index]!.plus(match.amount);
    }
    return { schedule, planned, written: found, writtenTotal: totals[index]! };
  });
  for (const state of states) {
    if (state.writtenTotal.abs().gt(state.schedule.total.abs())) {
      diagnostics.push(error("schedule-total",
        message("schedule-total", {
          id: state.schedule.id, written: `${state.writtenTotal.toFixed(state.schedule.scale)} ${state.schedule.currency}`,
          total: `${state.schedule.total.toFixed(state.schedule.scale)} ${state.schedule.currency}`,
        }),
        state.schedule.posting.span));
    }
  }
  return { value: states, diagnostics };
}

/** What a transaction posts to the schedule's amortize account in the schedule's currency. */
function postedAmount(entry: BookedTransaction, schedule: Schedule): Decimal {
  let amount = ZERO;
  for (const posting of entry.booked) {
    if (posting.account === schedule.amortizeAccount && posting.units.currency === schedule.currency) amount = amount.plus(posting.units.number);
  }
  return amount;
}

/** Why a linked installment exceeds its schedule's months, or null when it has a month of its own. */
function linkedProblem(schedule: Schedule, entry: BookedTransaction, number: number, found: ReadonlyMap<number, WrittenInstallment>): Message | null {
  if (number < 1 || number > schedule.months) {
    return message("schedule-outside", { id: schedule.id, date: entry.date, months: schedule.months, first: schedule.firstMonth, last: lastMonth(schedule) });
  }
  if (found.has(number)) {
    return message("schedule-second", { id: schedule.id, month: monthOf(entry.date) });
  }
  return null;
}

/** An entry of the month written by hand for this installment: same accounts, same amount. */
function handWritten(schedule: Schedule, installment: Installment, candidates: readonly BookedTransaction[], taken: Set<BookedPosting>): WrittenInstallment | null {
  const matches = (posting: BookedPosting, account: string, amount: Decimal) =>
    !taken.has(posting) && posting.account === account && posting.units.currency === schedule.currency && posting.units.number.eq(amount);
  for (const transaction of candidates) {
    const amortized = transaction.booked.find((posting) => matches(posting, schedule.amortizeAccount, installment.amount));
    const drawn = transaction.booked.find((posting) => matches(posting, schedule.drawdownAccount, installment.amount.neg()));
    if (amortized === undefined || drawn === undefined) continue;
    taken.add(amortized);
    taken.add(drawn);
    return { transaction, amount: installment.amount, linked: false };
  }
  return null;
}

/** Installments of months up to and including `through` that the journal does not hold. */
export function missingThrough(state: ScheduleState, through: Month): Installment[] {
  return state.planned.filter((installment) => installment.month <= through && !state.written.has(installment.number));
}
