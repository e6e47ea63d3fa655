// The "claims" check: a claim's life recorded in its metadata must be consistent.
// Errors: a posted claim without `approved-by`; an approver who is the claimant (separation of
// duties); decisions dated before the claim, or posting before approval; a rejected claim posted;
// two claims with one id. Warnings: a `status` that contradicts the flag or is unknown.
import type { LedgerEntry, MetaEntry, Transaction } from "../core/data.js";
import { metaValue } from "../core/data.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { FirstSeen } from "../core/first-seen.js";
import { CLAIM_STATUSES, claimId, entryMetaText, metaText, statusOf } from "../claims/claim.js";
import { placeOf } from "../claims/place.js";
import { booksWithClaims } from "../claims/pending.js";
import type { DomainCheck } from "./domain.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A decision date (`approved-on` ...): a date value, or a quoted YYYY-MM-DD; undefined when absent. */
function decisionDate(meta: readonly MetaEntry[], key: string): string | null | undefined {
  const value = metaValue(meta, key);
  if (value === undefined) return undefined;
  if (value.type === "date") return value.value;
  if (value.type === "string" && DATE.test(value.value)) return value.value;
  return null;
}

const DECISIONS = ["approved-on", "rejected-on", "posted-on"] as const;

/** The claim's metadata the checks read, as text (first occurrence of each key). */
interface ClaimFields {
  status: string | null;
  approver: string | null;
  claimant: string | null;
  /** Whether any `...-on` key is written. */
  decisions: boolean;
}

const isDecisionKey = (key: string): boolean => key.endsWith("-on");

function claimFields(claim: Transaction): ClaimFields {
  if (claim instanceof PlainTransaction) {
    // Read in place: a journal holds a claim per transaction.
    return {
      status: entryMetaText(claim, "status"),
      approver: entryMetaText(claim, "approved-by"),
      claimant: entryMetaText(claim, "claimant"),
      decisions: claim.someMetaKey(isDecisionKey),
    };
  }
  const meta = claim.meta;
  return {
    status: metaText(meta, "status"),
    approver: metaText(meta, "approved-by"),
    claimant: metaText(meta, "claimant"),
    decisions: meta.some((entry) => isDecisionKey(entry.key)),
  };
}

function checkClaim(claim: Transaction & LedgerEntry, id: string, diagnostics: Diagnostic[]): void {
  const at = claim.span;
  const posted = claim.flag !== "!";
  const fields = claimFields(claim);
  const written = fields.status;
  const status = statusOf(written, claim.flag);
  if (written !== null && !(CLAIM_STATUSES as readonly string[]).includes(written)) {
    diagnostics.push(warning("claim-status-unknown", `${id}: unknown status "${written}" (expected ${CLAIM_STATUSES.join(", ")})`, at));
  }
  if (posted && status === "rejected") {
    diagnostics.push(error("claim-rejected-posted", `${id}: rejected but posted (flag ${claim.flag})`, at));
  } else if (posted && (status === "submitted" || status === "approved")) {
    diagnostics.push(warning("claim-status-mismatch", `${id}: posted (flag ${claim.flag}) but its status says "${status}"`, at));
  } else if (!posted && status === "posted") {
    diagnostics.push(warning("claim-status-mismatch", `${id}: status says "posted" but flag ! keeps it out of the books`, at));
  }

  const approver = fields.approver;
  const claimant = fields.claimant;
  if (posted && status !== "rejected" && approver === null) {
    diagnostics.push(error("claim-unapproved", `${id}: posted without approved-by`, at));
  }
  if (approver !== null && claimant !== null && approver.trim() === claimant.trim()) {
    diagnostics.push(error("claim-self-approved", `${id}: approved by its own claimant ${claimant} (separation of duties)`, at));
  }

  // Most claims carry no decision dates.
  if (!fields.decisions) return;
  const [approved, rejected, postedOn] = DECISIONS.map((key) => {
    const date = decisionDate(claim.meta, key);
    if (date === null) diagnostics.push(error("claim-date-malformed", `${id}: ${key} must be a date such as 2026-03-06`, at));
    return date;
  });
  const before = (key: string, date: string | null | undefined, limit: string | null | undefined, what: string) => {
    if (date && limit && date < limit) diagnostics.push(error(`claim-${key.replace("-on", "")}-too-early`, `${id}: ${key} ${date} is before ${what} ${limit}`, at));
  };
  before("approved-on", approved, claim.date, "the claim date");
  before("rejected-on", rejected, claim.date, "the claim date");
  before("posted-on", postedOn, approved ?? claim.date, approved ? "approved-on" : "the claim date");
}

export function checkClaims(entries: readonly LedgerEntry[], sources: ReadonlyMap<string, { text: string }>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new FirstSeen<LedgerEntry>();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    const id = claimId(entry);
    if (id === null) continue;
    const earlier = first.seen(id, entry);
    if (earlier !== undefined) {
      diagnostics.push(error("claim-duplicate-id", `claim id ${id} is used twice; the first is at ${placeOf(earlier.span, sources)}`, entry.span));
    }
    checkClaim(entry, id, diagnostics);
  }
  return diagnostics;
}

// Every claim, in the books and in the claim files (rejected ones too: their records must hold).
export const CLAIMS_CHECK: DomainCheck = { name: "claims", run: (ledger) => checkClaims(booksWithClaims(ledger, "all"), ledger.sources) };
