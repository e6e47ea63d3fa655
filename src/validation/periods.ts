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
import { message } from "../i18n/message.js";
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

function changedMessage(close: PeriodClose, inMonth: readonly LedgerEntry[]): string {
  const closed = `${close.month} has changed since it was closed${close.by === null ? "" : ` by ${close.by}`}${close.on === null ? "" : ` on ${close.on}`}`;
  const advice = "; a closed month must stay as closed: undo the change, or reopen the month (feeledger reopen-period) and close it again";
  const recorded = close.totals === null ? null : parseTotals(close.totals);
  if (recorded === null) return `${closed} (an entry was added, removed or altered)${advice}`;
  const differences = totalDifferences(recorded, monthTotals(inMonth));
  if (differences.length === 0) return `${closed}: an entry was added, removed or altered, though no account's total differs${advice}`;
  return `${closed}: totals differ for ${differences.map(describe).join(", ")}${advice}`;
}

function describe(difference: TotalDifference): string {
  const show = (total: TotalDifference["then"]) => (total === null ? `0 ${difference.currency}` : formatAmount(total));
  return `${difference.account} (${show(difference.then)} at the close, ${show(difference.now)} now)`;
}

export const PERIODS_CHECK: DomainCheck = { name: "periods", run: (ledger) => checkPeriods(ledger.entries) };
