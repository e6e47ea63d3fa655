// Calendar arithmetic on ISO dates (YYYY-MM-DD strings, which sort as they read).
//
// Dates run from 0001-01-01 to 9999-12-31, as in beancount. A range's end is exclusive, so the
// end of a range that runs through 9999-12-31 is the day after it, which in ISO would be
// "10000-01-01": a string that sorts before "2026-01-01" and would make every comparison wrong.
// That one day is written END_OF_TIME, "9999-12-32" instead: it sorts after every real date, so
// ISO strings stay comparable with < and >=, and the arithmetic below reads and writes it as the
// day after 9999-12-31 (anything later is clamped to it). What prints an exclusive end as the
// last day included (addDays(end, -1)) shows 9999-12-31; exclusiveEndText gives 10000-01-01
// for JSON facts.

/** The day after 9999-12-31, as the exclusive end of a range that runs to the last date. */
export const END_OF_TIME = "9999-12-32";

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The ISO form of a calendar date, or null when it does not exist. */
export function validDate(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Year, month and day of an ISO date; END_OF_TIME reads as 10000-01-01. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  if (date === END_OF_TIME) return { year: 10000, month: 1, day: 1 };
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The ISO form of year, month and day; 10000-01-01 and later become END_OF_TIME. */
export function isoDate(year: number, month: number, day: number): string {
  if (year > 9999) return END_OF_TIME;
  if (year < 0) return "0000-01-01";
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Days since 0000-03-01 and back (the civil-calendar algorithm of H. Hinnant): plain integer
// arithmetic, since JavaScript's Date reads years 0-99 as 1900-1999.
function dayNumber(date: string): number {
  const { year, month, day } = dateParts(date);
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
}

function fromDayNumber(days: number): string {
  const era = Math.floor(days / 146097);
  const dayOfEra = days - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return isoDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** The last day of the month of `date`. */
export function endOfMonth(date: string): string {
  const { year, month } = dateParts(date);
  return isoDate(year, month, daysInMonth(year, month));
}

/** First day of the month `months` after the month of `date` (negative goes back). */
export function addMonths(date: string, months: number): string {
  const { year, month } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  return isoDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** An exclusive end as an ISO date for data (JSON): END_OF_TIME is 10000-01-01. */
export function exclusiveEndText(end: string): string;
export function exclusiveEndText(end: string | null): string | null;
export function exclusiveEndText(end: string | null): string | null {
  return end === END_OF_TIME ? "10000-01-01" : end;
}

/** Today's local date as YYYY-MM-DD, from the clock (the CLI's todayOf reads FEELEDGER_TODAY, validated, first). */
export function clockToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
