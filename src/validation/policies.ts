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
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId, claimStatus, isClaim, metaText } from "../claims/claim.js";
import { isUnder } from "../core/accounts.js";
import { breachConsequence, breachSeverity, money, readAction, totalsUnder, type ControlAction } from "../claims/control.js";
import type { DomainCheck } from "./domain-check.js";
import { booksWithClaims } from "../claims/pending.js";
import { message, type Message } from "../i18n/message.js";
import type { Consequence } from "../i18n/en-checks.js";
import { nonTransactions } from "../core/non-transactions.js";

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

export function readPolicy(entry: Custom): Policy | { problem: Message } {
  const [account, kind, amount] = entry.values;
  const usage = 'custom "policy" ACCOUNT "per-claim"|"per-month"|"receipt-above" AMOUNT';
  if (account?.type !== "account") return { problem: message("policy-no-account", { usage }) };
  if (kind?.type !== "string" || !(KINDS as readonly string[]).includes(kind.value)) {
    return { problem: message("policy-kind", { usage }) };
  }
  if (amount?.type !== "amount") return { problem: message("policy-no-amount", { usage }) };
  const action = readAction(entry.meta);
  if (typeof action !== "string") return action;
  const require = metaText(entry.meta, "require") ?? "either";
  if (require !== "either" && require !== "receipt" && require !== "invoice") {
    return { problem: message("policy-require", { require }) };
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
  for (const entry of nonTransactions(entries)) {
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

function breach(policy: Policy, posted: boolean, text: (consequence: Consequence) => Message, span: Span): Diagnostic {
  const said = text(breachConsequence(policy.action, posted));
  return breachSeverity(policy.action, posted) === "error" ? error(`policy-${policy.kind}`, said, span) : warning(`policy-${policy.kind}`, said, span);
}

function perClaim(policy: Policy, claim: BookedTransaction, id: string, posted: boolean): Diagnostic[] {
  const total = totalsUnder(claim, policy.account).get(policy.currency);
  if (total === undefined || !total.greaterThan(policy.limit)) return [];
  return [breach(policy, posted,
    (consequence) => message("policy-per-claim", { id, total: money(total, policy.currency, policy.scale), account: policy.account, limit: money(policy.limit, policy.currency, policy.scale), consequence }),
    claim.span)];
}

function receiptAbove(policy: Policy, claim: BookedTransaction, id: string, posted: boolean): Diagnostic[] {
  if (hasEvidence(claim.meta, policy.require)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const posting of claim.booked) {
    if (!isUnder(posting.account, policy.account) || posting.units.currency !== policy.currency) continue;
    if (!posting.units.number.greaterThan(policy.limit) || hasEvidence(posting.source.meta, policy.require)) continue;
    diagnostics.push(breach(policy, posted,
      (consequence) => message("policy-receipt-above", {
        id, amount: money(posting.units.number, policy.currency, policy.scale), account: posting.account,
        limit: money(policy.limit, policy.currency, policy.scale), evidence: policy.require, policyAccount: policy.account, consequence,
      }),
      posting.source.span));
  }
  return diagnostics;
}

/**
 * `books`: the entries whose `policy` declarations count; `withClaims`: the entries to check, made
 * only when a policy is declared (the books merged with the claims in progress: a claim is a
 * transaction, so it declares nothing, and most journals declare no policy at all).
 */
export function checkPolicies(books: readonly LedgerEntry[], withClaims: () => readonly LedgerEntry[] = () => books): Diagnostic[] {
  const { groups, diagnostics } = collectPolicies(books);
  if (groups.length === 0) return diagnostics;
  const entries = withClaims();
  // Running per-month totals of posted claims: policy group index + month -> total.
  const monthTotals = new Map<string, Decimal>();
  // Claims not posted yet, checked against each month's final total once it is known.
  const wouldBe: { policy: Policy; key: string; month: string; amount: Decimal; id: string; span: Span }[] = [];
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position]!;
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
              (consequence) => message("policy-per-month", { id, posted: true, month, account: policy.account, total: money(total, policy.currency, policy.scale), limit: money(policy.limit, policy.currency, policy.scale), consequence }),
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
      (consequence) => message("policy-per-month", { id, posted: false, month, account: policy.account, total: money(total, policy.currency, policy.scale), limit: money(policy.limit, policy.currency, policy.scale), consequence }),
      span));
  }
  return diagnostics;
}

// The books and the claims in progress (rejected claims are not checked).
export const POLICIES_CHECK: DomainCheck = { name: "policies", run: (ledger) => checkPolicies(ledger.entries, () => booksWithClaims(ledger, "active")) };
