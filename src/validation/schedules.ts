// The "schedules" check: schedule metadata that cannot be read, installments that contradict
// their schedule (errors), accounts not open for the schedule's months (errors), and installments
// overdue (warnings).
import type { LedgerEntry } from "../core/data.js";
import type { Span } from "../core/span.js";
import type { Ledger } from "../loader/load.js";
import { appendAll, error, warning, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { SCHEDULE_KEYS } from "../schedules/schedule.js";
import type { ScheduleState } from "../schedules/match.js";
import { scheduleStates } from "../schedules/states.js";
import type { Installment } from "../schedules/installments.js";
import type { DomainCheck } from "./domain-check.js";
import { message } from "../i18n/message.js";

export const SCHEDULES_CHECK: DomainCheck = {
  name: "schedules",
  run: (ledger, context) => validateSchedules(ledger, scheduleStates(ledger), context.today),
};

/** Every problem with the schedules, given their states (so a writer computes them once). */
export function validateSchedules(ledger: Ledger, states: Result<readonly ScheduleState[]>, today: string): Diagnostic[] {
  const diagnostics = [...states.diagnostics];
  if (states.value.length === 0) return diagnostics;
  appendAll(diagnostics, inactiveAccounts(states.value, ledger.entries));
  const asOf = overdueReference(ledger.entries, today);
  for (const state of states.value) {
    const overdue = overdueInstallments(state, asOf);
    if (overdue.length === 0) continue;
    const first = overdue[0]!.month;
    const last = overdue[overdue.length - 1]!.month;
    diagnostics.push(warning("schedule-overdue",
      message("schedule-overdue", { id: state.schedule.id, count: overdue.length, first, last, main: String(ledger.mainFile) }),
      state.schedule.posting.span));
  }
  return diagnostics;
}

/**
 * The date installments are overdue by: the earlier of today (FEELEDGER_TODAY or the clock) and
 * the journal's last date. A month is overdue once the books have moved past it, and entries
 * dated ahead (year-end balance assertions) do not make next month's installment overdue today.
 */
export function overdueReference(entries: readonly LedgerEntry[], today: string): string {
  const last = entries.length === 0 ? today : entries[entries.length - 1]!.date;
  return last < today ? last : today;
}

/** Installments whose month ended before `asOf` and that the journal does not hold. */
export function overdueInstallments(state: ScheduleState, asOf: string): Installment[] {
  return state.planned.filter((installment) => installment.date < asOf && !state.written.has(installment.number));
}

/** Each schedule's accounts must be open from its first installment to its last. */
function inactiveAccounts(states: readonly ScheduleState[], entries: readonly LedgerEntry[]): Diagnostic[] {
  const opened = new Map<string, string>();
  const closed = new Map<string, string>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type === "open" && !opened.has(entry.account)) opened.set(entry.account, entry.date);
    if (entry.type === "close" && !closed.has(entry.account)) closed.set(entry.account, entry.date);
  }
  const diagnostics: Diagnostic[] = [];
  for (const { schedule, planned } of states) {
    const first = planned[0]!.date;
    const last = planned[planned.length - 1]!.date;
    const place = (key: string): Span => schedule.posting.meta.find((meta) => meta.key === key)?.span ?? schedule.posting.span;
    const accounts: [string, Span][] = [[schedule.amortizeAccount, place(SCHEDULE_KEYS.amortize)], [schedule.drawdownAccount, place(SCHEDULE_KEYS.credit)]];
    for (const [account, span] of accounts) {
      const openDate = opened.get(account);
      const closeDate = closed.get(account);
      if (openDate === undefined) diagnostics.push(error("schedule-account", message("schedule-never-opened", { id: schedule.id, account }), span));
      else if (openDate > first) diagnostics.push(error("schedule-account", message("schedule-before-open", { id: schedule.id, account, first, opened: openDate }), span));
      else if (closeDate !== undefined && closeDate < last) diagnostics.push(error("schedule-account", message("schedule-after-close", { id: schedule.id, account, last, closed: closeDate }), span));
    }
  }
  return diagnostics;
}
