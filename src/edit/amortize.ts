// The amortization writer: the installments due through a month that the journal lacks, as text
// edits. Each installment is appended to the end of the file that holds its schedule (or to one
// named file), after a blank line, in the file's own line endings and amount column; a schedule
// that has no `schedule-id` yet gets one metadata line on its posting, written once, which every
// installment names in its `schedule` metadata. Nothing else in any file changes.
import type { TextEdit } from "./edits.js";
import { appendedEntries, lineEnding } from "./edits.js";
import { SCHEDULE_KEYS, type Month, type Schedule } from "../schedules/schedule.js";
import { missingThrough, type ScheduleState } from "../schedules/match.js";
import type { Installment } from "../schedules/installments.js";

export interface PlannedInstallment {
  readonly schedule: Schedule;
  readonly installment: Installment;
  /** The file the installment is appended to. */
  readonly file: string;
}

export interface AmortizationPlan {
  /** In date order, then schedule order. */
  readonly installments: readonly PlannedInstallment[];
  readonly edits: readonly TextEdit[];
}

/**
 * Plan the installments due through `through`. `output`, when given, is the file every new
 * installment goes to (it must be one of the journal's files); `readText` gives a file's text as
 * loaded, which is what the edits' offsets refer to. `locked` says whether a date is in a closed
 * month: a schedule there gets no `schedule-id` line (the caller refuses installments there).
 */
export function planAmortization(states: readonly ScheduleState[], through: Month, readText: (file: string) => string, output: string | null, locked: (date: string) => boolean = () => false): AmortizationPlan {
  const installments: PlannedInstallment[] = [];
  const edits: TextEdit[] = [];
  for (const state of states) {
    const missing = missingThrough(state, through);
    if (missing.length === 0) continue;
    const schedule = state.schedule;
    for (const installment of missing) installments.push({ schedule, installment, file: output ?? schedule.transaction.span.file });
    // A schedule in a closed month stays as it was closed (periods/rule.ts): its installments name
    // the id it is given without one, which nothing there can change any more.
    if (!schedule.idWritten && !locked(schedule.transaction.date)) edits.push(scheduleIdEdit(schedule, readText(schedule.posting.span.file)));
  }
  // A stable sort: schedules keep their journal order within a day.
  installments.sort((a, b) => (a.installment.date < b.installment.date ? -1 : a.installment.date > b.installment.date ? 1 : 0));
  const byFile = new Map<string, PlannedInstallment[]>();
  for (const planned of installments) byFile.set(planned.file, [...(byFile.get(planned.file) ?? []), planned]);
  for (const [file, planned] of byFile) edits.push(appendEdit(file, readText(file), planned));
  return { installments, edits };
}

/** `schedule-id: "..."` as the last metadata line of the schedule's posting, indented like the others. */
function scheduleIdEdit(schedule: Schedule, text: string): TextEdit {
  const eol = lineEnding(text);
  const firstMeta = schedule.posting.meta[0];
  const indent = firstMeta !== undefined ? indentOf(text, firstMeta.span.start) : `${indentOf(text, schedule.posting.span.start)}  `;
  const line = `${indent}${SCHEDULE_KEYS.id}: ${quote(schedule.id)}`;
  const newline = text.indexOf("\n", schedule.posting.span.end);
  const file = schedule.posting.span.file;
  if (newline < 0) return { file, start: text.length, end: text.length, text: `${eol}${line}` };
  return { file, start: newline + 1, end: newline + 1, text: `${line}${eol}` };
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return text.slice(lineStart, offset);
}

/** New installments at the end of a file (see appendedEntries). */
function appendEdit(file: string, text: string, planned: readonly PlannedInstallment[]): TextEdit {
  const eol = lineEnding(text);
  const column = amountColumn(text);
  const blocks = planned.map(({ schedule, installment }) => installmentLines(schedule, installment, column).join(eol));
  return { file, start: text.length, end: text.length, text: appendedEntries(text, blocks) };
}

/** One installment transaction, debit first. */
export function installmentLines(schedule: Schedule, installment: Installment, column: number): string[] {
  const source = schedule.transaction;
  const label = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(source.narration) ? "摊销" : "amortization";
  const narration = `${source.narration === "" ? "" : `${source.narration} `}${label} ${installment.number}/${schedule.months}`;
  const strings = source.payee === null ? quote(narration) : `${quote(source.payee)} ${quote(narration)}`;
  const tags = source.tags.map((tag) => ` #${tag}`).join("");
  const amortized: [string, string] = [schedule.amortizeAccount, installment.amount.toFixed(schedule.scale)];
  const drawn: [string, string] = [schedule.drawdownAccount, installment.amount.neg().toFixed(schedule.scale)];
  const postings = installment.amount.isNegative() ? [drawn, amortized] : [amortized, drawn];
  return [
    `${installment.date} * ${strings}${tags}`,
    `  ${SCHEDULE_KEYS.reference}: ${quote(schedule.id)}`,
    ...postings.map(([account, amount]) => {
      const lead = `  ${account}`;
      const gap = Math.max(2, column - displayWidth(lead) - amount.length);
      return `${lead}${" ".repeat(gap)}${amount} ${schedule.currency}`;
    }),
  ];
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Columns a terminal or editor gives the text: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/**
 * The display column where the file's posting amounts most often end (so new entries line up with
 * the old), or 0 when it has none.
 */
export function amountColumn(text: string): number {
  const counts = new Map<number, number>();
  // The indent, the flag and the amount are ASCII (one column each); only the account can hold wide
  // characters, and a journal names a few hundred accounts many times: each is measured once. The
  // pattern needs no `u` flag (twice as fast): its runs of \S and of spaces end at the same places
  // whether a character outside the BMP counts as one \S or as two.
  const widths = new Map<string, number>();
  for (const match of text.matchAll(/^( +(?:[!*] +)?)(\S+:\S*)( +-?[\d,]*\d(?:\.\d+)?) +\S/gm)) {
    const account = match[2]!;
    let width = widths.get(account);
    if (width === undefined) widths.set(account, (width = displayWidth(account)));
    const end = match[1]!.length + width + match[3]!.length;
    counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [end, count] of counts) if (count > bestCount || (count === bestCount && end > best)) { best = end; bestCount = count; }
  return best;
}
