// Amortization schedules as the journal declares them: a posting carrying `amortize` metadata
// (with `months`, and optionally `start`, `credit` and `schedule-id`) spreads its amount over
// months. Reading them is pure: every problem comes back as a diagnostic on the metadata line.
import type { BookedPosting, BookedTransaction, LedgerEntry, MetaEntry, Posting } from "../core/data.js";
import type { LedgerOptions } from "../core/options.js";
import type { Decimal } from "../core/number.js";
import { END_OF_TIME, addMonths } from "../core/dates.js";
import { error, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { isPendingClaim } from "../claims/claim.js";
import { isValidAccountName } from "../validation/accounts.js";
import { message } from "../i18n/message.js";

/** Metadata keys of a schedule declaration, and of the installments that refer to it. */
export const SCHEDULE_KEYS = {
  amortize: "amortize",
  months: "months",
  start: "start",
  credit: "credit",
  id: "schedule-id",
  /** On each installment transaction: the id of the schedule it belongs to. */
  reference: "schedule",
} as const;

/** A month as YYYY-MM. */
export type Month = string;

/** The last month of the calendar dates can be written in. */
const LAST_MONTH: Month = "9999-12";

export interface Schedule {
  /** The `schedule-id` metadata, or the id the writer will add (see `idWritten`). */
  readonly id: string;
  /** Whether `schedule-id` is already written on the posting. */
  readonly idWritten: boolean;
  /** The transaction that declares the schedule. */
  readonly transaction: BookedTransaction;
  /** The posting as written, carrying the schedule's metadata. */
  readonly posting: Posting;
  /** The `amortize` account: what each installment expenses (or, for a liability, recognises as income). */
  readonly amortizeAccount: string;
  /** The account each installment draws down: `credit`, else the posting's own account. */
  readonly drawdownAccount: string;
  /** The amount spread, signed as posted (negative for a liability such as 合同负债). */
  readonly total: Decimal;
  readonly currency: string;
  /** Digits after the point that installments are rounded to. */
  readonly scale: number;
  readonly months: number;
  /** The month of the first installment. */
  readonly firstMonth: Month;
}

export interface ReadSchedules extends Result<Schedule[]> {
  /** The `schedule-id`s of schedules left out for their problems (their installments are not strays). */
  readonly unreadableIds: ReadonlySet<string>;
}

/**
 * Every schedule in the entries, in entry order. Schedules on pending claims are ignored (they are
 * not in the books). `usualScale` gives a commodity's usual digits, so `12000 CNY` in a journal
 * written with cents still amortizes to the cent.
 */
export function readSchedules(entries: readonly LedgerEntry[], options: LedgerOptions, usualScale: (currency: string) => number): ReadSchedules {
  const diagnostics: Diagnostic[] = [];
  const unreadableIds = new Set<string>();
  const declared: Omit<Schedule, "id" | "idWritten">[] = [];
  const writtenIds: (string | null)[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction" || isPendingClaim(entry)) continue;
    for (const posting of entry.postings) {
      const amortizeEntry = metaEntry(posting.meta, SCHEDULE_KEYS.amortize);
      if (amortizeEntry === undefined) continue;
      const booked = bookedPostingOf(entry, posting);
      if (booked === undefined) {
        // (An amortized posting without units that booking dropped: it had nothing to absorb.)
        diagnostics.push(error("schedule-metadata", message("schedule-zero", {}), posting.span));
        continue;
      }
      const problems: Diagnostic[] = [];
      const accountValue = (meta: MetaEntry): string | null => {
        const value = meta.value;
        const text = value.type === "account" || value.type === "string" ? value.value : null;
        if (text !== null && isValidAccountName(text, options.accountRoots)) return text;
        problems.push(error("schedule-metadata", message("schedule-key-account", { key: meta.key }), meta.span));
        return null;
      };
      const amortizeAccount = accountValue(amortizeEntry);
      const creditEntry = metaEntry(posting.meta, SCHEDULE_KEYS.credit);
      const drawdownAccount = creditEntry === undefined ? posting.account : accountValue(creditEntry);
      const months = readMonths(posting, problems);
      const firstMonth = readStart(posting, entry, problems);
      if (months !== null && firstMonth !== null && monthsBetween(firstMonth, LAST_MONTH) < months - 1) {
        problems.push(error("schedule-metadata", message("schedule-past-last-month", { months, first: firstMonth, last: LAST_MONTH }), metaEntry(posting.meta, SCHEDULE_KEYS.months)!.span));
      }
      if (booked.units.number.isZero()) problems.push(error("schedule-metadata", message("schedule-zero", {}), posting.span));
      const idEntry = metaEntry(posting.meta, SCHEDULE_KEYS.id);
      const writtenId = idEntry?.value.type === "string" && idEntry.value.value.trim() !== "" ? idEntry.value.value : null;
      if (idEntry !== undefined && writtenId === null) problems.push(error("schedule-metadata", message("schedule-id-empty", {}), idEntry.span));
      diagnostics.push(...problems);
      if (problems.length > 0 && writtenId !== null) unreadableIds.add(writtenId);
      if (problems.length > 0 || amortizeAccount === null || drawdownAccount === null || months === null || firstMonth === null) continue;
      declared.push({
        transaction: entry, posting, amortizeAccount, drawdownAccount,
        total: booked.units.number, currency: booked.units.currency,
        scale: Math.max(booked.units.scale, usualScale(booked.units.currency)),
        months, firstMonth,
      });
      writtenIds.push(writtenId);
    }
  }
  const ids = assignIds(declared, writtenIds, diagnostics);
  const schedules: Schedule[] = [];
  declared.forEach((schedule, index) => {
    const id = ids[index];
    if (id !== null && id !== undefined) schedules.push({ ...schedule, id, idWritten: writtenIds[index] !== null });
  });
  return { value: schedules, diagnostics, unreadableIds };
}

/**
 * The booked posting made from `posting`. Booked postings name their source posting, but a compact
 * transaction makes its posting objects anew once another transaction's were asked for (see
 * src/core/plain-transaction.ts), so the source may be an earlier object for the same posting:
 * that is found by where the posting is written.
 */
function bookedPostingOf(entry: BookedTransaction, posting: Posting): BookedPosting | undefined {
  const booked = entry.booked;
  const same = booked.find((candidate) => candidate.source === posting);
  if (same !== undefined) return same;
  const { file, start } = posting.span;
  return booked.find((candidate) => candidate.source.span.start === start && candidate.source.span.file === file);
}

function metaEntry(meta: readonly MetaEntry[], key: string): MetaEntry | undefined {
  return meta.find((entry) => entry.key === key);
}

function readMonths(posting: Posting, problems: Diagnostic[]): number | null {
  const meta = metaEntry(posting.meta, SCHEDULE_KEYS.months);
  if (meta?.value.type === "number" && meta.value.value.isInteger() && meta.value.value.gte(1) && meta.value.value.lte(1200)) {
    return meta.value.value.toNumber();
  }
  problems.push(error("schedule-metadata", message("schedule-months-needed", {}), meta?.span ?? posting.span));
  return null;
}

/** The first installment's month: the transaction's own (当月), the next (`start: "next-month"`, 次月) or a given date's. */
function readStart(posting: Posting, entry: BookedTransaction, problems: Diagnostic[]): Month | null {
  const meta = metaEntry(posting.meta, SCHEDULE_KEYS.start);
  if (meta === undefined) return entry.date.slice(0, 7);
  const value = meta.value;
  if (value.type === "date") return value.value.slice(0, 7);
  if (value.type === "string") {
    const text = value.value.trim();
    if (text === "next-month") {
      const next = addMonths(entry.date, 1);
      if (next !== END_OF_TIME) return next.slice(0, 7);
      problems.push(error("schedule-metadata", message("schedule-next-month", { last: LAST_MONTH }), meta.span));
      return null;
    }
    if (text === "this-month") return entry.date.slice(0, 7);
    const match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
    if (match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12) return `${match[1]}-${match[2]}`;
  }
  problems.push(error("schedule-metadata", message("schedule-start", {}), meta.span));
  return null;
}

/**
 * Each schedule's id: the one written, else the schedule's date and the last component of its
 * account (`2026-01-05-CRM系统`), made unique with `-2`, `-3`... Deterministic, so a dry run
 * shows the id a real run writes. A second schedule written with an id already used gets null.
 */
function assignIds(declared: readonly Omit<Schedule, "id" | "idWritten">[], writtenIds: readonly (string | null)[], diagnostics: Diagnostic[]): (string | null)[] {
  const taken = new Set<string>();
  const duplicates = new Set<number>();
  writtenIds.forEach((id, index) => {
    if (id === null) return;
    if (taken.has(id)) {
      const meta = metaEntry(declared[index]!.posting.meta, SCHEDULE_KEYS.id)!;
      diagnostics.push(error("schedule-id-duplicate", message("schedule-id-duplicate", { id }), meta.span));
      duplicates.add(index);
    }
    taken.add(id);
  });
  return declared.map((schedule, index) => {
    const written = writtenIds[index];
    if (duplicates.has(index)) return null;
    if (written !== null && written !== undefined) return written;
    const base = `${schedule.transaction.date}-${schedule.posting.account.split(":").pop()}`;
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    return id;
  });
}

/** Months from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function monthsBetween(from: Month, to: Month): number {
  const index = (month: Month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return index(to) - index(from);
}
