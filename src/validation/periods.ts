// The "periods" check: a closed month (结账) must stay as it was closed.
//
// - `period-changed` (error, at the close): the month's entries as booked no longer give the
//   digest recorded at the close: an entry was added, removed or altered, in any file. The message
//   names the accounts whose totals differ, with the total recorded and the total now.
// - `period-unnumbered` (error, at the entry): a transaction in a closed month without a `voucher`
//   number (close-period numbers them all; one added later has none).
// - `voucher-duplicate` (error, at the second): two transactions of a closed month with one number.
// - `period-malformed` (error): a period directive that cannot be read (periods/directives.ts).
// Journals without period directives pay one pass over the entries looking for a custom directive.
import { message, type Message } from "../i18n/message.js";
import type { LedgerEntry } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { entryMetaText } from "../claims/claim.js";
import type { PeriodClose } from "../periods/directives.js";
import { formatAmount, monthDigest, monthEntries, monthTotals, parseTotals, totalDifferences, type TotalDifference } from "../periods/digest.js";
import { VOUCHER_KEY, needsVoucher } from "../periods/numbering.js";
import { periodState } from "../periods/rule.js";
import type { DomainCheck } from "./domain-check.js";

/** Every problem of the closed months of the books. */
export function checkPeriods(entries: readonly LedgerEntry[]): Diagnostic[] {
  const state = periodState(entries);
  const diagnostics: Diagnostic[] = [...state.diagnostics];
  for (const [month, close] of state.closed) {
    const inMonth = monthEntries(entries, month);
    if (monthDigest(inMonth) !== close.digest) diagnostics.push(error("period-changed", changedMessage(close, inMonth), close.entry.span));
    const seen = new Map<string, LedgerEntry>();
    for (const entry of inMonth) {
      if (!needsVoucher(entry)) continue;
      const voucher = entryMetaText(entry, VOUCHER_KEY);
      if (voucher === null) {
        diagnostics.push(error("period-unnumbered", message("period-unnumbered", { month }), entry.span));
        continue;
      }
      const first = seen.get(voucher);
      if (first !== undefined) diagnostics.push(error("voucher-duplicate", message("voucher-duplicate", { voucher, month, firstDate: first.date }), entry.span));
      else seen.set(voucher, entry);
    }
  }
  return diagnostics;
}

function changedMessage(close: PeriodClose, inMonth: readonly LedgerEntry[]): Message {
  const recorded = close.totals === null ? null : parseTotals(close.totals);
  const totals = recorded === null ? "unknown" : totalDifferences(recorded, monthTotals(inMonth)).map(describe);
  return message("period-changed", { month: close.month, by: close.by, on: close.on, totals });
}

function describe(difference: TotalDifference): { account: string; then: string; now: string } {
  const show = (total: TotalDifference["then"]) => (total === null ? `0 ${difference.currency}` : formatAmount(total));
  return { account: difference.account, then: show(difference.then), now: show(difference.now) };
}

export const PERIODS_CHECK: DomainCheck = { name: "periods", run: (ledger) => checkPeriods(ledger.entries) };
