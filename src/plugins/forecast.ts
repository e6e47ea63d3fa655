// beancount.plugins.forecast: a transaction flagged `#` whose narration ends in
// `[MONTHLY|YEARLY|WEEKLY|DAILY [SKIP n TIMES] [REPEAT n TIMES] [UNTIL date]]` stands for its
// repetitions from its date (dateutil's rrule: a day a month lacks is skipped, not moved), until
// the end of this year when neither a count nor an end is written.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { addDays, daysInMonth, isoDate } from "../core/dates.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { transactionWith } from "./entries.js";
import { message } from "../i18n/message.js";

const PATTERN = /(^.*)\[(MONTHLY|YEARLY|WEEKLY|DAILY)(\s+SKIP\s+([1-9][0-9]*)\s+TIME.?)?(\s+REPEAT\s+([1-9][0-9]*)\s+TIME.?)?(\s+UNTIL\s+([0-9-]+))?\]/;

type Frequency = "MONTHLY" | "YEARLY" | "WEEKLY" | "DAILY";

/** The last year rrule reaches (Python's dates end at 9999). */
const LAST_YEAR = 9999;

/** The dates of the rule, as dateutil's rrule gives them. */
export function repetitions(start: string, frequency: Frequency, interval: number, count: number | null, until: string | null): string[] {
  const dates: string[] = [];
  const within = (date: string): boolean => (until === null || date <= until) && (count === null || dates.length < count);
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const day = Number(start.slice(8, 10));
  if (frequency === "DAILY" || frequency === "WEEKLY") {
    const step = (frequency === "DAILY" ? 1 : 7) * interval;
    for (let date = start; within(date) && date.slice(0, 4) <= String(LAST_YEAR); date = addDays(date, step)) dates.push(date);
    return dates;
  }
  for (let index = 0; ; index++) {
    const months = frequency === "MONTHLY" ? month - 1 + index * interval : month - 1 + index * interval * 12;
    const thisYear = year + Math.floor(months / 12);
    const thisMonth = (months % 12) + 1;
    if (thisYear > LAST_YEAR) break;
    if (day > daysInMonth(thisYear, thisMonth)) continue;
    const date = isoDate(thisYear, thisMonth, day);
    if (!within(date)) break;
    dates.push(date);
  }
  return dates;
}

function validIsoDate(text: string): string | null {
  const match = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

export const forecast: PluginFunction = (entries, _options, config) => {
  const kept: LedgerEntry[] = [];
  const generated: BookedTransaction[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction" || entry.flag !== "#") { kept.push(entry); continue; }
    const match = PATTERN.exec(entry.narration);
    if (match === null) { generated.push(entry); continue; }
    let until: string | null = null;
    const count = match[6] !== undefined ? Number(match[6]) : null;
    if (count === null) {
      if (match[8] !== undefined) {
        until = validIsoDate(match[8]);
        if (until === null) {
          // strptime raises in beancount, and the whole plugin fails.
          return { entries, errors: [error("plugin-failed", message("plugin-failed", { module: "beancount.plugins.forecast", why: `time data '${match[8]}' does not match format '%Y-%m-%d'` }), entry.span)] };
        }
      } else until = `${config.today.slice(0, 4)}-12-31`;
    }
    const interval = match[4] !== undefined ? Number(match[4]) + 1 : 1;
    const narration = match[1]!.trim();
    for (const date of repetitions(entry.date, match[2] as Frequency, interval, count, until)) {
      generated.push(transactionWith(entry, { date, narration }));
    }
  }
  return { entries: [...kept, ...generated], errors: [] };
};
