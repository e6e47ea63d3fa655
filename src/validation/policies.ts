// The "policies" check: reimbursement standards (报销标准) declared in the journal,
//   2026-01-01 custom "policy" ACCOUNT "per-claim"|"per-month"|"receipt-above" AMOUNT
//     action: "warn"|"block"        (default warn)
//     require: "either"|"receipt"|"invoice"   (receipt-above only; default either)
// A policy holds from its date until a later one for the same account and kind.
// per-claim: a claim's total under the account subtree; per-month: all posted claims of a calendar
// month under it (the claim that takes the month over the limit and each one after it; a claim not
// posted yet is checked as it would be: the month's posted claims plus this one);
// receipt-above: each posting above the amount needs an `invoice` or a `receipt` (or the one
// `require` names; one on the claim itself covers all its postings). Rejected claims are not checked.
import type { BookedTransaction, Custom, LedgerEntry, MetaEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { Span } from "../core/span.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId, claimStatus, isClaim, metaText } from "../claims/claim.js";
import { isUnder } from "../core/accounts.js";
import { breachConsequence, breachSeverity, money, readAction, totalsUnder, type ControlAction } from "../claims/control.js";
import type { DomainCheck } from "./domain-check.js";
import { booksWithClaims } from "../claims/pending.js";

export type PolicyKind = "per-claim" | "per-month" | "receipt-above";
const KINDS: readonly PolicyKind[] = ["per-claim", "per-month", "receipt-above"];
type Evidence = "either" | "receipt" | "invoice";

export interface Policy {
  readonly account: string;
  readonly kind: PolicyKind;
  readonly limit: Decimal;
  readonly scale: number;
  readonly currency: string;
  readonly action: ControlAction;
  /** receipt-above: which metadata counts as evidence. */
  readonly require: Evidence;
  /** First day the policy holds. */
  readonly start: string;
  readonly span: Span;
}

export function readPolicy(entry: Custom): Policy | { problem: string } {
  const [account, kind, amount] = entry.values;
  const usage = 'custom "policy" ACCOUNT "per-claim"|"per-month"|"receipt-above" AMOUNT';
  if (account?.type !== "account") return { problem: `policy needs an account first: ${usage}` };
  if (kind?.type !== "string" || !(KINDS as readonly string[]).includes(kind.value)) {
    return { problem: `policy kind must be per-claim, per-month or receipt-above: ${usage}` };
  }
  if (amount?.type !== "amount") return { problem: `policy needs an amount such as 500.00 CNY: ${usage}` };
  const action = readAction(entry.meta);
  if (typeof action !== "string") return action;
  const require = metaText(entry.meta, "require") ?? "either";
  if (require !== "either" && require !== "receipt" && require !== "invoice") {
    return { problem: `require must be "either", "receipt" or "invoice", not "${require}"` };
  }
  return {
    account: account.value, kind: kind.value as PolicyKind, limit: amount.value.number, scale: amount.value.scale,
    currency: amount.value.currency, action, require, start: entry.date, span: entry.span,
  };
}

/** Policies by account and kind, each list in date order; plus the malformed ones as errors. */
function collectPolicies(entries: readonly LedgerEntry[]): { groups: Policy[][]; diagnostics: Diagnostic[] } {
  const byKey = new Map<string, Policy[]>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== "custom" || entry.customType !== "policy") continue;
    const policy = readPolicy(entry);
    if ("problem" in policy) {
      diagnostics.push(error("policy-malformed", policy.problem, entry.span));
      continue;
    }
    const key = `${policy.account}\u0000${policy.kind}`;
    const list = byKey.get(key);
    if (list) list.push(policy);
    else byKey.set(key, [policy]);
  }
  return { groups: [...byKey.values()], diagnostics };
}

/** The policy of a group in force on `date` (entries are sorted, so each list is in date order). */
function inForce(group: readonly Policy[], date: string): Policy | null {
  let found: Policy | null = null;
  for (const policy of group) {
    if (policy.start <= date) found = policy;
    else break;
  }
  return found;
}

function hasEvidence(meta: readonly MetaEntry[], require: Evidence): boolean {
  const invoice = metaText(meta, "invoice") !== null;
  const receipt = metaText(meta, "receipt") !== null;
  return require === "invoice" ? invoice : require === "receipt" ? receipt : invoice || receipt;
}

function evidenceName(require: Evidence): string {
  return require === "either" ? "invoice or receipt" : require;
}

function breach(policy: Policy, posted: boolean, message: string, span: Span): Diagnostic {
  const severity = breachSeverity(policy.action, posted);
  return { code: `policy-${policy.kind}`, severity, message: message + breachConsequence(policy.action, posted), span };
}

function perClaim(policy: Policy, claim: BookedTransaction, id: string, posted: boolean): Diagnostic[] {
  const total = totalsUnder(claim, policy.account).get(policy.currency);
  if (total === undefined || !total.greaterThan(policy.limit)) return [];
  return [breach(policy, posted,
    `${id}: ${money(total, policy.currency, policy.scale)} under ${policy.account} is over the per-claim limit of ${money(policy.limit, policy.currency, policy.scale)}`,
    claim.span)];
}

function receiptAbove(policy: Policy, claim: BookedTransaction, id: string, posted: boolean): Diagnostic[] {
  if (hasEvidence(claim.meta, policy.require)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const posting of claim.booked) {
    if (!isUnder(posting.account, policy.account) || posting.units.currency !== policy.currency) continue;
    if (!posting.units.number.greaterThan(policy.limit) || hasEvidence(posting.source.meta, policy.require)) continue;
    diagnostics.push(breach(policy, posted,
      `${id}: ${money(posting.units.number, policy.currency, policy.scale)} to ${posting.account} is over ${money(policy.limit, policy.currency, policy.scale)} and has no ${evidenceName(policy.require)} (policy receipt-above for ${policy.account})`,
      posting.source.span));
  }
  return diagnostics;
}

export function checkPolicies(entries: readonly LedgerEntry[]): Diagnostic[] {
  const { groups, diagnostics } = collectPolicies(entries);
  if (groups.length === 0) return diagnostics;
  // Running per-month totals of posted claims: policy group index + month -> total.
  const monthTotals = new Map<string, Decimal>();
  // Claims not posted yet, checked against each month's final total once it is known.
  const wouldBe: { policy: Policy; key: string; month: string; amount: Decimal; id: string; span: Span }[] = [];
  for (const entry of entries) {
    if (!isClaim(entry)) continue;
    const status = claimStatus(entry);
    if (status === "rejected") continue;
    const id = claimId(entry)!;
    const posted = entry.flag !== "!";
    groups.forEach((group, index) => {
      const policy = inForce(group, entry.date);
      if (policy === null) return;
      switch (policy.kind) {
        case "per-claim": diagnostics.push(...perClaim(policy, entry, id, posted)); break;
        case "receipt-above": diagnostics.push(...receiptAbove(policy, entry, id, posted)); break;
        case "per-month": {
          const amount = totalsUnder(entry, policy.account).get(policy.currency);
          if (amount === undefined) return;
          const month = entry.date.slice(0, 7);
          const key = `${index}\u0000${month}`;
          if (!posted) {
            if (amount.greaterThan(0)) wouldBe.push({ policy, key, month, amount, id, span: entry.span });
            return;
          }
          const total = (monthTotals.get(key) ?? new Decimal(0)).plus(amount);
          monthTotals.set(key, total);
          if (amount.greaterThan(0) && total.greaterThan(policy.limit)) {
            diagnostics.push(breach(policy, posted,
              `${id}: takes the posted claims of ${month} under ${policy.account} to ${money(total, policy.currency, policy.scale)}, over the per-month limit of ${money(policy.limit, policy.currency, policy.scale)}`,
              entry.span));
          }
          break;
        }
      }
    });
  }
  for (const { policy, key, month, amount, id, span } of wouldBe) {
    const total = (monthTotals.get(key) ?? new Decimal(0)).plus(amount);
    if (!total.greaterThan(policy.limit)) continue;
    diagnostics.push(breach(policy, false,
      `${id}: posting it would take the posted claims of ${month} under ${policy.account} to ${money(total, policy.currency, policy.scale)}, over the per-month limit of ${money(policy.limit, policy.currency, policy.scale)}`,
      span));
  }
  return diagnostics;
}

// The books and the claims in progress (rejected claims are not checked).
export const POLICIES_CHECK: DomainCheck = { name: "policies", run: (ledger) => checkPolicies(booksWithClaims(ledger, "active")) };
