// Rows of `report schedules`: each schedule with its total, months, installments written, amount
// remaining and the date of the next installment. Plain data; the command renders it.
import type { Decimal } from "../core/number.js";
import type { ScheduleState } from "./match.js";
import { lastMonth, regularInstallment } from "./installments.js";
import type { Month } from "./schedule.js";

export interface ScheduleRow {
  readonly id: string;
  /** The date of the transaction that declares the schedule. */
  readonly date: string;
  /** The account the amount was posted to. */
  readonly account: string;
  readonly amortizeAccount: string;
  readonly drawdownAccount: string;
  readonly currency: string;
  /** Digits the amounts are given to. */
  readonly scale: number;
  readonly total: Decimal;
  readonly months: number;
  /** The regular monthly installment (the last may differ by the rounding remainder). */
  readonly monthly: Decimal;
  readonly firstMonth: Month;
  readonly lastMonth: Month;
  /** How many installments the journal holds. */
  readonly written: number;
  readonly writtenAmount: Decimal;
  readonly remaining: Decimal;
  /** The date of the first installment not yet written, or null when all are. */
  readonly next: string | null;
}

export function scheduleRows(states: readonly ScheduleState[]): ScheduleRow[] {
  return states.map(({ schedule, planned, written, writtenTotal }) => ({
    id: schedule.id,
    date: schedule.transaction.date,
    account: schedule.posting.account,
    amortizeAccount: schedule.amortizeAccount,
    drawdownAccount: schedule.drawdownAccount,
    currency: schedule.currency,
    scale: schedule.scale,
    total: schedule.total,
    months: schedule.months,
    monthly: regularInstallment(schedule),
    firstMonth: schedule.firstMonth,
    lastMonth: lastMonth(schedule),
    written: written.size,
    writtenAmount: writtenTotal,
    remaining: schedule.total.minus(writtenTotal),
    next: planned.find((installment) => !written.has(installment.number))?.date ?? null,
  }));
}
