// China's public holidays and their make-up working days (放假调休), as the State Council's General
// Office announces them each November for the next year:
//   2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
//   2026: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社）
// Ranges are inclusive. A year not listed here is not covered: the calendar rule says so instead of
// judging its days. Add a year from its notice (docs/CUSTOMERS-AND-AUDIT.md names the sources).
export interface HolidayYear {
  /** [first, last] days off, with the holiday's name. */
  readonly holidays: readonly (readonly [string, string, string])[];
  /** Weekend days that are working days (调休上班). */
  readonly workdays: readonly string[];
}

export const CN_HOLIDAYS: Readonly<Record<number, HolidayYear>> = {
  2025: {
    holidays: [
      ["2025-01-01", "2025-01-01", "元旦"],
      ["2025-01-28", "2025-02-04", "春节"],
      ["2025-04-04", "2025-04-06", "清明节"],
      ["2025-05-01", "2025-05-05", "劳动节"],
      ["2025-05-31", "2025-06-02", "端午节"],
      ["2025-10-01", "2025-10-08", "国庆节、中秋节"],
    ],
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  2026: {
    holidays: [
      ["2026-01-01", "2026-01-03", "元旦"],
      ["2026-02-15", "2026-02-23", "春节"],
      ["2026-04-04", "2026-04-06", "清明节"],
      ["2026-05-01", "2026-05-05", "劳动节"],
      ["2026-06-19", "2026-06-21", "端午节"],
      ["2026-09-25", "2026-09-27", "中秋节"],
      ["2026-10-01", "2026-10-07", "国庆节"],
    ],
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};

export type DayKind = { kind: "holiday"; name: string } | { kind: "weekend" } | { kind: "workday" } | { kind: "uncovered" };

/** Day of the week, 0 = Sunday, for an ISO date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** What kind of day `date` is under the calendar of its year. */
export function dayKind(date: string, calendar: Readonly<Record<number, HolidayYear>> = CN_HOLIDAYS): DayKind {
  const year = calendar[Number(date.slice(0, 4))];
  if (year === undefined) return { kind: "uncovered" };
  for (const [first, last, name] of year.holidays) if (date >= first && date <= last) return { kind: "holiday", name };
  if (year.workdays.includes(date)) return { kind: "workday" };
  const day = weekday(date);
  return day === 0 || day === 6 ? { kind: "weekend" } : { kind: "workday" };
}
