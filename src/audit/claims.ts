// What several audit rules read from a claim: who, which department, for which customer, the
// categories it charges (the root's children) and how much.
import type { BookedTransaction } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { claimId, entryMetaText } from "../claims/claim.js";
import type { Finding, FindingSeverity } from "./finding.js";

export function claimantOf(claim: BookedTransaction): string | null {
  return entryMetaText(claim, "claimant");
}

/** The category of an account under the root: the root's child, or the root itself. */
export function categoryOf(account: string, root: string): string {
  if (account === root) return root;
  return account.split(":").slice(0, root.split(":").length + 1).join(":");
}

/** What a claim charges under `under` per currency (positive postings). */
export function chargesUnder(claim: BookedTransaction, under: string): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const posting of claim.booked) {
    if (!isUnder(posting.account, under) || !posting.units.number.greaterThan(0)) continue;
    totals.set(posting.units.currency, (totals.get(posting.units.currency) ?? new Decimal(0)).plus(posting.units.number));
  }
  return totals;
}

/** A finding at a claim. */
export function claimFinding(code: string, severity: FindingSeverity, claim: BookedTransaction, reason: string): Finding {
  return { code, severity, date: claim.date, span: claim.span, claim: claimId(claim), reason };
}

export function money(value: Decimal, currency: string): string {
  return `${value.toFixed(Math.max(2, value.decimalPlaces()))} ${currency}`;
}
