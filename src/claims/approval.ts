// The `approve` decision under approval authority, and the limit test `post` makes.
// The first approval writes `status: "approved"`, `approved-by` and `approved-on`, whether or not the
// approver's limit covers the claim: the status says a decision was made, and whether the
// approvals cover the claim is always worked out from the books (limits may be declared or changed
// later). While they do not, `claims` shows the claim as partly approved with who may still approve
// it, `check` warns, and `post` refuses it. A further approver is recorded as `approved-by-N` and
// `approved-on-N` (N = 2, 3, ...) after the previous approval lines. Nobody approves twice (names
// compared by personKey): approving again is "nothing to do", and the approval still counts once.
// The claimant's own approval is refused by the claims check (separation of duties).
import type { BookedTransaction, MetaValue } from "../core/data.js";
import type { ClaimChange } from "../edit/claims.js";
import { approvalCoverage, approvalKeys, claimApprovals, shortfallOf, type Authority } from "./authority.js";
import { claimId, claimStatus, metaText } from "./claim.js";
import { message, type Message } from "../i18n/message.js";

const text = (value: string): MetaValue => ({ type: "string", value });
const date = (value: string): MetaValue => ({ type: "date", value });

/** `unchanged`: the decision is already recorded, said as a catalogue message (src/i18n). */
export type Transition = { change: ClaimChange } | { unchanged: Message } | { refused: Message };

/** What an approval by `by` on `on` changes in `claim`, or why it changes nothing or is refused. */
export function approveTransition(claim: BookedTransaction, by: string, on: string, authority: Authority): Transition {
  const id = claimId(claim)!;
  const status = claimStatus(claim);
  const posted = claim.flag !== "!";
  const said = (key: string) => metaText(claim.meta, key) ?? "?";
  if (status === "rejected") return { refused: message("writer approve rejected", { by: said("rejected-by"), on: said("rejected-on") }) };
  const approvals = claimApprovals(claim);
  const coverage = approvalCoverage(claim, authority, approvals);
  const mine = approvals.find((approval) => authority.keyOf(approval.by) === authority.keyOf(by));
  if (mine !== undefined) {
    // A status left at "submitted" beside a recorded approval only needs its status.
    if (!posted && status === "submitted") return { change: { meta: [{ key: "status", value: text("approved") }] } };
    return { unchanged: message("writer already approved", { id, by: mine.by, on: mine.on ?? "?", awaiting: coverage.covered || posted ? null : coverage.awaiting }) };
  }
  if (posted || status === "posted") return { refused: message("writer approve posted", {}) };
  const last = approvals[approvals.length - 1];
  if (status === "approved" && last !== undefined && coverage.covered) {
    return { refused: message("writer approve approved", { approvals: approvals.map((approval) => ({ by: approval.by, on: approval.on ?? "?" })) }) };
  }
  const keys = approvalKeys(last === undefined ? 1 : last.number + 1);
  const record = [{ key: keys.by, value: text(by) }, { key: keys.on, value: date(on) }];
  if (last === undefined) return { change: { meta: [{ key: "status", value: text("approved") }, ...record] } };
  const previous = approvals.flatMap((approval) => Object.values(approvalKeys(approval.number)));
  return { change: { meta: status === "approved" ? record : [{ key: "status", value: text("approved") }, ...record], after: ["status", ...previous] } };
}

/** Why `post` refuses the claim for its approvals, or null when they cover it. */
export function postShortfall(claim: BookedTransaction, authority: Authority): Message | null {
  if (!authority.declared) return null;
  const coverage = approvalCoverage(claim, authority);
  if (coverage.covered || coverage.counted.length === 0) return null;
  return message("writer post shortfall", { shortfall: shortfallOf(coverage, claim.date), awaiting: coverage.awaiting });
}
