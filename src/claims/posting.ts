// The books as they would be once claims are posted into them: the claims among the entries in date
// order, pads made again (a pad absorbs whatever comes before its balance assertion), and every
// balance assertion checked again. `post` judges a claim that leaves its claim file on this.
import type { BookedTransaction, LedgerEntry, Pad } from "../core/data.js";
import type { LedgerOptions } from "../core/options.js";
import { appendAll, type Diagnostic } from "../diagnostics/diagnostic.js";
import { applyPads } from "../booking/pad.js";
import { checkBalanceAssertions } from "../booking/balance.js";
import { mergeByDate } from "./pending.js";

/** The entries without the transactions pads made (they follow their pad, flagged P, spanning it). */
export function withoutPadding(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const result: LedgerEntry[] = [];
  let pad: Pad | null = null;
  for (const entry of entries) {
    if (entry.type === "pad") pad = entry;
    else if (pad !== null && entry.type === "transaction" && entry.flag === "P" && entry.span.file === pad.span.file && entry.span.start === pad.span.start) continue;
    else pad = null;
    result.push(entry);
  }
  return result;
}

/** Pads made again over `entries` (which hold no padding of earlier runs) and every balance assertion checked. */
export function padAndAssert(entries: readonly LedgerEntry[], options: LedgerOptions): { entries: readonly LedgerEntry[]; diagnostics: Diagnostic[] } {
  const padded = applyPads(entries, options);
  const diagnostics = [...padded.diagnostics];
  appendAll(diagnostics, checkBalanceAssertions(padded.value, options));
  return { entries: padded.value, diagnostics };
}

/**
 * The books (`entries`, as loaded) with `posted` (in date order) among them, and the problems of
 * the stages that depend on the amounts: pads and balance assertions. With nothing posted, the
 * same stages over the books as they are (to compare with).
 */
export function booksAfterPosting(entries: readonly LedgerEntry[], posted: readonly BookedTransaction[], options: LedgerOptions): { entries: readonly LedgerEntry[]; diagnostics: Diagnostic[] } {
  return padAndAssert(mergeByDate(withoutPadding(entries), posted), options);
}
