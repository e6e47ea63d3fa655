// The "claims" check: a claim's life recorded in its metadata must be consistent.
// Errors: a claim without `claimant`; a posted claim without `approved-by`; an approver who is the
// claimant (separation of duties; names compared by personKey, so `王 伟` is 王伟); decisions dated
// before the claim, or posting before an approval; a rejected claim posted; two claims with one id;
// an `approval-limit` declaration that cannot be read; a posted claim whose approvals do not cover
// what it charges (see claims/authority.ts). Warnings: a `status` that contradicts the flag or is
// unknown; one person approving a claim twice; an approved claim, not yet posted, whose approvals do
// not cover it yet (posting it will be refused until someone whose limit covers it approves it).
import { message } from "../i18n/message.js";
import type { BookedTransaction, LedgerEntry, MetaEntry, MetaValue } from "../core/data.js";
import { metaValue } from "../core/data.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { FirstSeen } from "../core/first-seen.js";
import { CLAIM_STATUSES, claimId, entryMetaText, statusOf, valueText } from "../claims/claim.js";
import {
  approvalCoverage, approvalDate, approvalKeys, claimApprovals, collectAuthority, furtherApprovalNumber, shortfallOf, type Approval, type Authority,
} from "../claims/authority.js";
import { placeOf } from "../claims/place.js";
import { booksWithClaims } from "../claims/pending.js";
import type { DomainCheck } from "./domain-check.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A decision date (`approved-on` ...): a date value, or a quoted YYYY-MM-DD; undefined when absent. */
function decisionDate(meta: readonly MetaEntry[], key: string): string | null | undefined {
  const value = metaValue(meta, key);
  if (value === undefined) return undefined;
  if (value.type === "date") return value.value;
  if (value.type === "string" && DATE.test(value.value)) return value.value;
  return null;
}

const DECISION_KEY = /-on(-\d+)?$/;

/** `approved-on`, `rejected-on`, `posted-on`, and `approved-on-2`... of further approvals. */
function isDecisionKey(key: string): boolean {
  // Every key of every claim comes here: one that ends in neither `n` nor a digit is settled without the regex.
  const last = key.charCodeAt(key.length - 1);
  return (last === 110 || (last >= 48 && last <= 57)) && DECISION_KEY.test(key);
}

// What checkClaim reads of a compact claim's own metadata, gathered by readPlainClaim in one pass
// over its lines (instead of one pass per key): the first value of each key as kept (see
// PlainTransaction.rawMeta), and whether any key is a further approval's or a decision date's.
let plainStatus: string | MetaValue | undefined;
let plainClaimant: string | MetaValue | undefined;
let plainApprovedBy: string | MetaValue | undefined;
let plainApprovedOn: string | MetaValue | undefined;
let plainFurther = false;
let plainDecisions = false;

function readPlainClaim(claim: PlainTransaction): void {
  plainStatus = plainClaimant = plainApprovedBy = plainApprovedOn = undefined;
  plainFurther = plainDecisions = false;
  const count = claim.metaCount;
  for (let index = 0; index < count; index++) {
    const key = claim.metaKeyAt(index);
    if (key === "status") plainStatus ??= claim.rawMetaValueAt(index);
    else if (key === "claimant") plainClaimant ??= claim.rawMetaValueAt(index);
    else if (key === "approved-by") plainApprovedBy ??= claim.rawMetaValueAt(index);
    else if (key === "approved-on") plainApprovedOn ??= claim.rawMetaValueAt(index);
    if (!plainFurther && furtherApprovalNumber(key) !== null) plainFurther = true;
    if (!plainDecisions && isDecisionKey(key)) plainDecisions = true;
  }
}

/** claimApprovals of a compact claim with one approval at most, `approved-by` and `approved-on` as kept. */
function singleApproval(by: string | null, on: string | MetaValue | undefined): Approval[] {
  return by === null ? [] : [{ by, on: approvalDate(on), number: 1 }];
}

/** A value as kept, as entryMetaText gives it. */
function keptText(raw: string | MetaValue | undefined): string | null {
  return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
}

function checkClaim(claim: BookedTransaction, id: string, authority: Authority, diagnostics: Diagnostic[]): void {
  // (claim.span where a diagnostic needs it: a compact claim makes its span when asked for.)
  const posted = claim.flag !== "!";
  const plain = claim instanceof PlainTransaction;
  if (plain) readPlainClaim(claim);
  // A compact claim with one approval at most (almost every claim): its approval is read in place,
  // and its array made only where a check below needs it.
  const single = plain && !plainFurther;
  const approvedBy = single ? keptText(plainApprovedBy) : null;
  const approvedOn = plainApprovedOn;
  const decisions = plainDecisions;
  const written = plain ? keptText(plainStatus) : entryMetaText(claim, "status");
  const status = statusOf(written, claim.flag);
  if (written !== null && !(CLAIM_STATUSES as readonly string[]).includes(written)) {
    diagnostics.push(warning("claim-status-unknown", message("claim-status-unknown", { id, written, expected: CLAIM_STATUSES.join(", ") }), claim.span));
  }
  if (posted && status === "rejected") {
    diagnostics.push(error("claim-rejected-posted", message("claim-rejected-posted", { id, flag: claim.flag }), claim.span));
  } else if (posted && (status === "submitted" || status === "approved")) {
    diagnostics.push(warning("claim-status-mismatch", message("claim-posted-status", { id, flag: claim.flag, status }), claim.span));
  } else if (!posted && status === "posted") {
    diagnostics.push(warning("claim-status-mismatch", message("claim-pending-status-posted", { id }), claim.span));
  }

  const claimant = plain ? keptText(plainClaimant) : entryMetaText(claim, "claimant");
  const claimantKey = claimant === null ? "" : authority.keyOf(claimant);
  if (claimantKey === "") diagnostics.push(error("claim-no-claimant", message("claim-no-claimant", { id }), claim.span));
  const approvals = single ? null : claimApprovals(claim);
  if (posted && status !== "rejected" && (approvals === null ? approvedBy === null : approvals.length === 0)) {
    diagnostics.push(error("claim-unapproved", message("claim-unapproved", { id }), claim.span));
  }
  const selfApproved = () => error("claim-self-approved", message("claim-self-approved", { id, claimant: claimant ?? "" }), claim.span);
  if (approvals === null) {
    // (A compact claim's one approval, read in place.)
    if (approvedBy !== null && claimantKey !== "" && authority.keyOf(approvedBy) === claimantKey) diagnostics.push(selfApproved());
  } else {
    // (Most claims have one approval: the map of who approved under which key is made for more.)
    const seen = approvals.length > 1 ? new Map<string, string>() : null;
    for (const approval of approvals) {
      const key = authority.keyOf(approval.by);
      if (claimantKey !== "" && key === claimantKey) {
        diagnostics.push(selfApproved());
      } else if (seen?.has(key)) {
        diagnostics.push(warning("claim-approved-twice", message("claim-approved-twice", { id, by: approval.by, first: String(seen.get(key)), second: approvalKeys(approval.number).by }), claim.span));
      } else seen?.set(key, approvalKeys(approval.number).by);
    }
  }
  if (authority.declared && status !== "rejected" && (posted || status === "approved")) {
    const coverage = approvalCoverage(claim, authority, approvals ?? singleApproval(approvedBy, approvedOn));
    if (!coverage.covered && coverage.counted.length > 0) {
      const short = shortfallOf(coverage, claim.date);
      diagnostics.push(posted
        ? error("claim-approval-limit", message("claim-approval-limit", { id, shortfall: short }), claim.span)
        : warning("claim-approval-limit", message("claim-approval-limit-pending", { id, shortfall: short, awaiting: coverage.awaiting }), claim.span));
    }
  }

  // Most claims carry no decision dates.
  if (plain ? !decisions : !claim.meta.some((entry) => isDecisionKey(entry.key))) return;
  const approvalList = approvals ?? singleApproval(approvedBy, approvedOn);
  const dateOf = (key: string) => {
    const date = decisionDate(claim.meta, key);
    if (date === null) diagnostics.push(error("claim-date-malformed", message("claim-date-malformed", { id, key }), claim.span));
    return date;
  };
  const before = (key: string, date: string | null | undefined, limit: string | null | undefined, what: string) => {
    if (date && limit && date < limit) diagnostics.push(error(`claim-${key.replace(/-on(-\d+)?$/, "")}-too-early`, message("claim-too-early", { id, key, date, limitName: what === "the claim date" ? "claim-date" : what, limit }), claim.span));
  };
  // A claim posted after its month was closed is booked in an open month and keeps the day it was
  // incurred as `incurred-on` (periods/rule.ts): decisions are compared with that day.
  const claimDate = decisionDate(claim.meta, "incurred-on") || claim.date;
  // The latest approval: posting must not come before any approval.
  let latest: { key: string; date: string } | null = null;
  for (const approval of approvalList.length > 0 ? approvalList : [{ number: 1 }]) {
    const key = approvalKeys(approval.number).on;
    const date = dateOf(key);
    before(key, date, claimDate, "the claim date");
    if (date && (latest === null || date > latest.date)) latest = { key, date };
  }
  const rejected = dateOf("rejected-on");
  const postedOn = dateOf("posted-on");
  before("rejected-on", rejected, claimDate, "the claim date");
  before("posted-on", postedOn, latest?.date ?? claimDate, latest?.key ?? "the claim date");
}

export function checkClaims(entries: readonly LedgerEntry[], sources: ReadonlyMap<string, { text: string }>, expensesRoot: string): Diagnostic[] {
  const { authority, diagnostics } = collectAuthority(entries, expensesRoot);
  const first = new FirstSeen<LedgerEntry>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") continue;
    const id = claimId(entry);
    if (id === null) continue;
    const earlier = first.seen(id, entry);
    if (earlier !== undefined) {
      diagnostics.push(error("claim-duplicate-id", message("claim-duplicate-id", { id, first: placeOf(earlier.span, sources) }), entry.span));
    }
    checkClaim(entry, id, authority, diagnostics);
  }
  return diagnostics;
}

// Every claim, in the books and in the claim files (rejected ones too: their records must hold).
export const CLAIMS_CHECK: DomainCheck = {
  name: "claims",
  run: (ledger) => checkClaims(booksWithClaims(ledger, "all"), ledger.sources, ledger.options.accountRoots.expenses),
};
