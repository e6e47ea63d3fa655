// What several audit rules read from a claim: who, which department, for which customer, the
// categories it charges (the root's children) and how much.
import type { BookedTransaction } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { DecimalSum } from "../core/amount.js";
import { forEachPosting } from "../books/postings.js";
import { claimId, entryMetaText, metaText, valueText } from "../claims/claim.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Finding, FindingSeverity } from "./finding.js";

export function claimantOf(claim: BookedTransaction): string | null {
  return entryMetaText(claim, "claimant");
}

/** The category of an account under the root: the root's child, or the root itself. */
export function categoryOf(account: string, root: string): string {
  if (account === root) return root;
  return account.split(":").slice(0, root.split(":").length + 1).join(":");
}

/** What a claim charges under `under` per currency (positive postings), read in place. */
export function chargesUnder(claim: BookedTransaction, under: string): Map<string, Decimal> {
  const sums = new Map<string, DecimalSum>();
  forEachPosting(claim, (account, currency, scaled, scale, decimal) => {
    if (!isUnder(account, under) || (decimal === null ? scaled <= 0 : !decimal.greaterThan(0))) return;
    let sum = sums.get(currency);
    if (sum === undefined) sums.set(currency, (sum = new DecimalSum()));
    sum.addUnits(scaled, scale, decimal);
  });
  return new Map([...sums].map(([currency, sum]) => [currency, sum.value]));
}

/** A posting's positive amount under `root`, visited in place: as a scaled integer, or as a decimal when too long for one. */
export function forEachCharge(claim: BookedTransaction, root: string, visit: (account: string, currency: string, scaled: number, scale: number, decimal: Decimal | null) => void): void {
  forEachPosting(claim, (account, currency, scaled, scale, decimal) => {
    if (!isUnder(account, root) || (decimal === null ? scaled <= 0 : !decimal.greaterThan(0))) return;
    visit(account, currency, scaled, scale, decimal);
  });
}

/** A finding at a claim. */
export function claimFinding(code: string, severity: FindingSeverity, claim: BookedTransaction, reason: string): Finding {
  return { code, severity, date: claim.date, span: claim.span, claim: claimId(claim), claimant: claimantOf(claim), reason };
}

export function money(value: Decimal, currency: string): string {
  return `${value.toFixed(Math.max(2, value.decimalPlaces()))} ${currency}`;
}

/** Whether a posting of the transaction is to an account that passes `test` (read in place). */
export function touches(transaction: BookedTransaction, test: (account: string) => boolean): boolean {
  let found = false;
  forEachPosting(transaction, (account) => { found ||= test(account); });
  return found;
}

/** The values of `key` on the transaction's postings (their own metadata), read in place when compact. */
export function postingTexts(transaction: BookedTransaction, key: string): string[] {
  const texts: string[] = [];
  if (transaction instanceof PlainTransaction && transaction.bookedAsPostings) {
    for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
      const raw = transaction.rawMetaAt(at, key);
      if (raw !== undefined) {
        const text = typeof raw === "string" ? raw : valueText(raw);
        if (text !== null) texts.push(text);
      }
    }
    return texts;
  }
  for (const posting of transaction.booked) {
    const text = metaText(posting.source.meta, key);
    if (text !== null) texts.push(text);
  }
  return texts;
}
