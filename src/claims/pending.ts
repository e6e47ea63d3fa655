// The claims of the claim files beside the books. The books alone are what every balance, report
// and statement counts; `--pending` is a what-if view that adds the submitted and approved claims
// (never the rejected ones) as if they were posted on their dates. The domain checks see the books
// and the claims together, each check choosing which claims it reads.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { typeOrder } from "../core/data.js";
import type { Ledger } from "../loader/load.js";
import { claimStatus } from "./claim.js";

/** A claim still on its way (submitted or approved): what `--pending` adds, and what "would be" checks read. */
export function isActiveClaim(claim: BookedTransaction): boolean {
  const status = claimStatus(claim);
  return status === "submitted" || status === "approved";
}

/** The claim files' submitted and approved claims, in date order. */
export function activeClaims(ledger: Pick<Ledger, "claims">): readonly BookedTransaction[] {
  return ledger.claims.length === 0 ? ledger.claims : ledger.claims.filter(isActiveClaim);
}

/**
 * `entries` (sorted as the loader sorts) with `claims` (in date order) merged in: each claim after
 * the entries of earlier days and its own day's opens, balances and transactions. The same array
 * when there is no claim.
 */
export function mergeByDate(entries: readonly LedgerEntry[], claims: readonly BookedTransaction[]): readonly LedgerEntry[] {
  if (claims.length === 0) return entries;
  // (Made at its size: a hundred thousand pushes grow and copy the array a dozen times.)
  const merged: LedgerEntry[] = new Array(entries.length + claims.length);
  let next = 0;
  let at = 0;
  for (let index = 0; index < claims.length; index++) {
    const claim = claims[index]!;
    while (next < entries.length && comesBefore(entries[next]!, claim.date)) merged[at++] = entries[next++]!;
    merged[at++] = claim;
  }
  while (next < entries.length) merged[at++] = entries[next++]!;
  return merged;
}

function comesBefore(entry: LedgerEntry, date: string): boolean {
  return entry.date < date || (entry.date === date && typeOrder(entry) <= 0);
}

/** The books with the claim files' claims: every claim (`all`) or the submitted and approved ones. */
export function booksWithClaims(ledger: Pick<Ledger, "entries" | "claims">, which: "all" | "active"): readonly LedgerEntry[] {
  return mergeByDate(ledger.entries, which === "all" ? ledger.claims : activeClaims(ledger));
}

/**
 * The books, then the submitted and approved claims: the order for checks that report the second
 * use of one piece of evidence (a receipt, a fapiao). A posted entry keeps its evidence against a
 * claim in progress dated earlier (a late claim): the error is on the claim in progress, and post
 * refuses it, instead of an error on the books that post would let through.
 */
export function booksThenActiveClaims(ledger: Pick<Ledger, "entries" | "claims">): readonly LedgerEntry[] {
  const claims = activeClaims(ledger);
  return claims.length === 0 ? ledger.entries : [...ledger.entries, ...claims];
}

/** What reports count: the books, plus the submitted and approved claims with `--pending`. */
export function reportEntries(ledger: Pick<Ledger, "entries" | "claims">, pending: boolean): readonly LedgerEntry[] {
  return pending ? booksWithClaims(ledger, "active") : ledger.entries;
}

/** Whether a diagnostic is located in a claim file (it then concerns a claim in progress, not the books). */
export function inClaimFile(ledger: Pick<Ledger, "claimFiles">, diagnostic: { readonly span: { readonly file: string } | null }): boolean {
  return diagnostic.span !== null && ledger.claimFiles.has(diagnostic.span.file);
}
