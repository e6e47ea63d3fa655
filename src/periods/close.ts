// Closing a month (结账), planned as text edits: `feeledger close-period FILE YYYY-MM`.
//
// Refused while the books have errors, while the month holds claims approved but not posted (or a
// claim in progress written in the books, which the close would freeze as it is), before the month
// has ended, and out of order (only the month after the latest closed one; any month when none is).
// Otherwise the plan
//   1. numbers the month's vouchers (numbering.ts): a `voucher: "记-0001"` line in each transaction
//      that has none, as the transaction's first metadata line or after its last (as the claim
//      writers add metadata, edit/claims.ts), every other byte unchanged;
//   2. appends `YYYY-MM-<last day> custom "period-closed" "YYYY-MM"` with `digest`, `totals`,
//      `last-voucher`, `closed-by`, `closed-on` (directives.ts) to the file of the month's earlier
//      period directives, else the `post-to` file for that date (the main file when there is none).
// Every edited transaction is read back, and the books as they would be afterwards are checked:
// the close must hold (no new error), or nothing is written.
import type { BookedTransaction, Custom, LedgerEntry } from "../core/data.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ledger } from "../loader/load.js";
import { parseSource } from "../parser/parse.js";
import { runDomainChecks, type DomainContext } from "../validation/domain.js";
import { appendEntries } from "../edit/append.js";
import { applyEdits, type TextEdit } from "../edit/edits.js";
import { changedClaim, claimEdits } from "../edit/claims.js";
import { booksTarget } from "../claims/books-target.js";
import { placeOf } from "../claims/place.js";
import { claimId, claimStatus, entryMetaText, isClaim } from "../claims/claim.js";
import { booksWithClaims, inClaimFile } from "../claims/pending.js";
import { scheduleStates } from "../schedules/states.js";
import { missingThrough } from "../schedules/match.js";
import { CLOSE_KEYS, PERIOD_CLOSED, lastDayOf, periodDirectiveLines, type Month, type PeriodMetaValue } from "./directives.js";
import { formatTotals, monthDigest, monthEntries, monthTotals } from "./digest.js";
import { VOUCHER_KEY, assignVoucherNumbers, needsVoucher, parseVoucher, voucherText, voucherWord } from "./numbering.js";
import { closesOf, eventsOf, monthToCloseNext, periodState, type PeriodState } from "./rule.js";
import { message, type Message } from "../i18n/message.js";

export interface CloseRequest {
  readonly month: Month;
  /** Who closes it (closed-by). */
  readonly by: string;
  /** Today: closed-on, and the month must have ended by then. */
  readonly on: string;
}

export interface NumberedVoucher {
  readonly entry: BookedTransaction;
  readonly voucher: string;
}

export type ClosePlan =
  /** `problems` are located reasons (the books' errors, the claims in the way); `reason` says it in one line. */
  /** `reason`: a catalogue message (src/i18n). */
  | { readonly kind: "refused"; readonly reason: Message; readonly problems: readonly Diagnostic[] }
  | { readonly kind: "unchanged"; readonly reason: Message }
  | {
    readonly kind: "planned";
    readonly month: Month;
    readonly edits: readonly TextEdit[];
    /** The vouchers given a number now, in voucher order. */
    readonly numbered: readonly NumberedVoucher[];
    /** The highest voucher number of the month after the close, or null when it has none. */
    readonly lastVoucher: string | null;
    /** Where the close directive lands (the line after the edits). */
    readonly file: string;
    readonly line: number;
    /** Not in the way, but worth saying: installments due in the month that are not written. */
    readonly warnings: readonly Diagnostic[];
  };

/** The file a month's period directives go to: the file of its earlier ones, else the books' target for its last day. */
export function periodFile(ledger: Ledger, state: PeriodState, month: Month): { file: string } | { problem: Message; span: Diagnostic["span"] } {
  const earlier = eventsOf(state, month).pop();
  if (earlier !== undefined) return { file: earlier.entry.span.file };
  return booksTarget(ledger, lastDayOf(month));
}

const keyOf = (diagnostic: Diagnostic): string => `${diagnostic.code}\u0000${diagnostic.span?.file ?? ""}\u0000${diagnostic.span?.start ?? -1}`;

/** Claims dated in the month that the close would leave behind or freeze. */
function claimsInTheWay(ledger: Ledger, month: Month): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const entry of booksWithClaims(ledger, "all")) {
    if (entry.type !== "transaction" || entry.flag !== "!" || !isClaim(entry) || entry.date.slice(0, 7) !== month) continue;
    const id = claimId(entry)!;
    const status = claimStatus(entry);
    const inBooks = !ledger.claimFiles.has(entry.span.file);
    if (status === "approved") {
      problems.push(error("period-claim-pending", message("period-claim-approved", { id, date: entry.date, month }), entry.span));
    } else if (inBooks && status === "submitted") {
      problems.push(error("period-claim-pending", message("period-claim-in-books", { id, date: entry.date, month }), entry.span));
    }
  }
  return problems;
}

/** Installments due in the month that the journal does not hold: once it is closed, amortize cannot write them. */
function unwrittenInstallments(ledger: Ledger, month: Month, file: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const state of scheduleStates(ledger).value) {
    const due = missingThrough(state, month).filter((installment) => installment.month === month);
    for (const installment of due) {
      warnings.push(warning("period-installment-unwritten",
        message("period-installment-unwritten", { id: state.schedule.id, number: installment.number, months: state.schedule.months, date: installment.date, month, file }),
        state.schedule.posting.span));
    }
  }
  return warnings;
}

/**
 * Re-read each numbered transaction from its file's new text (`after`: the file with `edits`, the
 * voucher lines, made): it must be the same transaction with its voucher. One pass per file, in
 * offset order, so a month of many vouchers costs no more than its size.
 */
function verifyNumbered(numbered: readonly NumberedVoucher[], edits: readonly TextEdit[], after: (file: string) => string): void {
  const growth = (edit: TextEdit) => edit.text.length - (edit.end - edit.start);
  for (const file of new Set(numbered.map(({ entry }) => entry.span.file))) {
    const fileEdits = edits.filter((edit) => edit.file === file).sort((x, y) => x.start - y.start);
    const entries = numbered.filter(({ entry }) => entry.span.file === file).sort((x, y) => x.entry.span.start - y.entry.span.start);
    const text = after(file);
    let before = 0; // edits starting before the entry
    let grownBefore = 0;
    for (const { entry, voucher } of entries) {
      while (before < fileEdits.length && fileEdits[before]!.start < entry.span.start) grownBefore += growth(fileEdits[before++]!);
      let inside = before;
      let grownInside = 0;
      while (inside < fileEdits.length && fileEdits[inside]!.start <= entry.span.end) grownInside += growth(fileEdits[inside++]!);
      const parsed = parseSource(text.slice(entry.span.start + grownBefore, entry.span.end + grownBefore + grownInside), file);
      const read = parsed.directives[0];
      const fine = parsed.diagnostics.length === 0 && parsed.directives.length === 1 && read?.type === "transaction"
        && read.date === entry.date && read.flag === entry.flag && read.narration === entry.narration && read.payee === entry.payee
        && read.postings.length === entry.postings.length
        && read.meta.filter((meta) => meta.key === VOUCHER_KEY).length === 1 && entryMetaText(read as LedgerEntry, VOUCHER_KEY) === voucher;
      if (!fine) throw new Error(`numbering the transaction at offset ${entry.span.start} in ${file} does not read back as intended`);
    }
  }
}

/** Where the loader would sort an entry dated `date` after every other entry of that date. */
function insertAfterDate(entries: readonly LedgerEntry[], added: LedgerEntry): LedgerEntry[] {
  let index = entries.length;
  while (index > 0 && entries[index - 1]!.date > added.date) index--;
  return [...entries.slice(0, index), added, ...entries.slice(index)];
}

export function planClose(ledger: Ledger, request: CloseRequest, context: DomainContext): ClosePlan {
  const { month } = request;
  const state = periodState(ledger.entries);
  const current = state.closed.get(month);
  if (current !== undefined) {
    return { kind: "unchanged", reason: message("writer already closed", { month, by: current.by, on: current.on }) };
  }
  const next = monthToCloseNext(state);
  if (next !== null && month !== next) {
    const reason = month < next
      ? message("writer close before latest", { month, latest: `${state.latest}` })
      : message("writer close out of order", { latest: `${state.latest}`, next });
    return { kind: "refused", reason, problems: [] };
  }
  const last = lastDayOf(month);
  if (request.on < last) return { kind: "refused", reason: message("writer close not ended", { month, last, today: request.on }), problems: [] };

  // A reopening written by hand with a later date would still come after the new close.
  const later = eventsOf(state, month).find((event) => event.entry.date > last);
  if (later !== undefined) {
    return { kind: "refused", reason: message("writer close after reopening", { month, place: placeOf(later.entry.span, ledger.sources), date: later.entry.date, last }), problems: [] };
  }
  const domainBefore = runDomainChecks(ledger, context);
  const before = [...ledger.diagnostics, ...domainBefore].filter((d) => d.severity === "error" && !inClaimFile(ledger, d));
  if (before.length > 0) return { kind: "refused", reason: message("writer close journal errors", { count: before.length }), problems: before };
  const claims = claimsInTheWay(ledger, month);
  if (claims.length > 0) return { kind: "refused", reason: message("writer close claims not posted", { month, count: claims.length }), problems: claims };
  const target = periodFile(ledger, state, month);
  if ("problem" in target) return { kind: "refused", reason: target.problem, problems: [] };

  // 1. Numbers.
  const inMonth = monthEntries(ledger.entries, month);
  const vouchers = inMonth.filter(needsVoucher);
  const word = voucherWord(ledger.entries);
  const recorded = closesOf(state, month).map((close) => (close.lastVoucher === null ? null : parseVoucher(close.lastVoucher)));
  const lastUsed = Math.max(0, ...recorded.map((number) => (number !== null && number.word === word ? number.number : 0)));
  const { assigned, last: lastNumber } = assignVoucherNumbers(vouchers.map((entry) => entryMetaText(entry, VOUCHER_KEY)), word, lastUsed);
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  const edits: TextEdit[] = [];
  const numbered: NumberedVoucher[] = [];
  const changed = new Map<LedgerEntry, LedgerEntry>();
  vouchers.forEach((entry, index) => {
    const number = assigned[index];
    if (number === null || number === undefined) return;
    const voucher = voucherText(word, number);
    const change = { meta: [{ key: VOUCHER_KEY, value: { type: "string", value: voucher } as const }] };
    edits.push(...claimEdits(entry, textOf(entry.span.file), change));
    numbered.push({ entry, voucher });
    changed.set(entry, changedClaim(entry, change));
  });

  // 2. The close.
  const lastVoucher = lastNumber > 0 ? voucherText(word, lastNumber) : null;
  const meta: [string, PeriodMetaValue][] = [
    [CLOSE_KEYS.digest, { string: monthDigest(inMonth) }],
    [CLOSE_KEYS.totals, { string: formatTotals(monthTotals(inMonth)) }],
    ...(lastVoucher === null ? [] : [[CLOSE_KEYS.lastVoucher, { string: lastVoucher }] as [string, PeriodMetaValue]]),
    [CLOSE_KEYS.by, { string: request.by }],
    [CLOSE_KEYS.on, { date: request.on }],
  ];
  const lines = periodDirectiveLines(PERIOD_CLOSED, month, meta);
  const targetText = textOf(target.file);

  // Read back: each numbered transaction, and the close as the books will read it.
  const numberedTexts = new Map<string, string>();
  verifyNumbered(numbered, edits, (file) => {
    let text = numberedTexts.get(file);
    if (text === undefined) numberedTexts.set(file, text = applyEdits(textOf(file), edits.filter((edit) => edit.file === file)));
    return text;
  });
  const appended = appendEntries(target.file, targetText, [lines]);
  edits.push(appended.edit);
  const after = applyEdits(targetText, edits.filter((edit) => edit.file === target.file));
  const directiveStart = after.length - (targetText.length + appended.edit.text.length - appended.starts[0]!);
  const parsed = parseSource(after.slice(directiveStart), target.file);
  const close = parsed.directives[0];
  if (parsed.diagnostics.length > 0 || parsed.directives.length !== 1 || close?.type !== "custom" || close.customType !== PERIOD_CLOSED) {
    throw new Error(`the close of ${month} written to ${target.file} does not read back as intended`);
  }
  const placed: Custom = { ...close, span: { file: target.file, start: directiveStart, end: directiveStart + (close.span.end - close.span.start) } };

  // The books as they would be: the close must hold, and nothing else may break.
  const known = new Set(domainBefore.map(keyOf));
  const entriesAfter = insertAfterDate(ledger.entries.map((entry) => changed.get(entry) ?? entry), placed);
  if (periodState(entriesAfter).closed.get(month)?.entry !== placed) throw new Error(`the close of ${month} would not be the month's latest period directive`);
  const fresh = runDomainChecks({ ...ledger, entries: entriesAfter }, context).filter((d) => d.severity === "error" && !known.has(keyOf(d)) && !inClaimFile(ledger, d));
  if (fresh.length > 0) return { kind: "refused", reason: message("writer close errors after", { count: fresh.length }), problems: fresh };

  const line = after.slice(0, directiveStart).split("\n").length;
  return { kind: "planned", month, edits, numbered, lastVoucher, file: target.file, line, warnings: unwrittenInstallments(ledger, month, ledger.mainFile) };
}
