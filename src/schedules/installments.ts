// The installments a schedule calls for: one a month, dated the last day of the month, each the
// total divided by the months and rounded half up (away from zero) to the schedule's digits; the
// last takes the remainder so they add up exactly to the total (10000.00 / 3: 3333.33, 3333.33,
// 3333.34). Half up rather than beancount's half even, because that is what an accountant does by
// hand and what a spreadsheet's ROUND gives.
import { Decimal } from "../core/number.js";
import { addMonths, endOfMonth } from "../core/dates.js";
import type { Month, Schedule } from "./schedule.js";

export interface Installment {
  /** 1-based position in the schedule (the n of "n/N"). */
  readonly number: number;
  readonly month: Month;
  /** The last day of the month, the date it is booked on. */
  readonly date: string;
  /** Signed like the schedule's total: what the amortize account receives. */
  readonly amount: Decimal;
}

/** The month `count` months after `month` (negative goes back). */
export function shiftMonth(month: Month, count: number): Month {
  return addMonths(`${month}-01`, count).slice(0, 7);
}

export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

export function lastMonth(schedule: Schedule): Month {
  return shiftMonth(schedule.firstMonth, schedule.months - 1);
}

/** The regular monthly amount (every installment but possibly the last). */
export function regularInstallment(schedule: Schedule): Decimal {
  return schedule.total.div(schedule.months).toDecimalPlaces(schedule.scale, Decimal.ROUND_HALF_UP);
}

export function plannedInstallments(schedule: Schedule): Installment[] {
  const regular = regularInstallment(schedule);
  const installments: Installment[] = [];
  for (let number = 1; number <= schedule.months; number++) {
    const month = shiftMonth(schedule.firstMonth, number - 1);
    const amount = number < schedule.months ? regular : schedule.total.minus(regular.times(schedule.months - 1));
    installments.push({ number, month, date: endOfMonth(`${month}-01`), amount });
  }
  return installments;
}
