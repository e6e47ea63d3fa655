// A claim's life as decisions: approve, reject, post. Each decision is planned as text edits on
// the claim and checked against the ledger as it would be afterwards (the loader's results with the
// claim changed, then every domain check) before anything is written. The loader's own stages do not
// depend on a claim's flag or status, so they are not re-run; the edited claim is re-parsed to make
// sure the new text reads back as intended.
import type { BookedTransaction, LedgerEntry, MetaValue } from "../core/data.js";
import { metaValue } from "../core/data.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ledger } from "../loader/load.js";
import { parseSource } from "../parser/parse.js";
import { runDomainChecks, type DomainContext } from "../validation/domain.js";
import { applyEdits, type TextEdit } from "../edit/edits.js";
import { changedClaim, claimEdits, formatMetaValue, type ClaimChange } from "../edit/claims.js";
import { claimId, claimStatus, findClaims, isClaim, metaText } from "./claim.js";
import { placeOf, spanWithin } from "./place.js";
import { collectAuthority, type Authority } from "./authority.js";
import { approveTransition, postShortfall } from "./approval.js";
import { samePerson } from "../core/names.js";

export type Decision =
  | { readonly kind: "approve"; readonly by: string; readonly on: string }
  | { readonly kind: "reject"; readonly by: string; readonly on: string; readonly reason: string }
  | { readonly kind: "post"; readonly on: string };

export type Outcome =
  /** The claim changes; `warnings` are non-blocking problems it has afterwards. */
  | { readonly kind: "changed"; readonly id: string; readonly claim: BookedTransaction; readonly warnings: readonly Diagnostic[] }
  /** The decision is already recorded: nothing to write. */
  | { readonly kind: "unchanged"; readonly id: string; readonly claim: BookedTransaction; readonly reason: string }
  /** The decision is refused; `problems` are the blocking errors, if that is why. */
  | { readonly kind: "refused"; readonly id: string; readonly claim: BookedTransaction | null; readonly reason: string; readonly problems: readonly Diagnostic[] };

export interface DecisionPlan {
  readonly outcomes: readonly Outcome[];
  /** The edits of the claims that change (none when `allOrNothing` and one is refused). */
  readonly edits: readonly TextEdit[];
}

const text = (value: string): MetaValue => ({ type: "string", value });
const date = (value: string): MetaValue => ({ type: "date", value });

/** What a decision would change in a claim, or why it changes nothing or is refused. */
export function transition(claim: BookedTransaction, decision: Decision, authority: Authority): { change: ClaimChange } | { unchanged: string } | { refused: string } {
  const id = claimId(claim)!;
  const status = claimStatus(claim);
  const posted = claim.flag !== "!";
  const said = (key: string) => metaText(claim.meta, key) ?? "?";
  switch (decision.kind) {
    case "approve":
      // Approval authority: see approval.ts.
      return approveTransition(claim, decision.by, decision.on, authority);
    case "reject": {
      if (posted || status === "posted") return { refused: "it is already posted; correct it with a new entry instead" };
      if (status === "rejected") {
        const rejecter = metaText(claim.meta, "rejected-by");
        return rejecter !== null && samePerson(rejecter, decision.by)
          ? { unchanged: `${id} is already rejected by ${rejecter} on ${said("rejected-on")}` }
          : { refused: `it is already rejected by ${rejecter ?? "?"} on ${said("rejected-on")}` };
      }
      return { change: { meta: [
        { key: "status", value: text("rejected") }, { key: "rejected-by", value: text(decision.by) },
        { key: "rejected-on", value: date(decision.on) }, { key: "reason", value: text(decision.reason) },
      ] } };
    }
    case "post": {
      if (posted) return { unchanged: `${id} is already posted${metaText(claim.meta, "posted-on") ? ` on ${said("posted-on")}` : ""}` };
      if (status !== "approved") {
        return { refused: status === "submitted" ? "it is submitted, not approved (approve it first)" : `it is ${status}, not approved` };
      }
      // Approval authority: approvals that do not cover the claim (claim-approval-limit).
      const shortfall = postShortfall(claim, authority);
      if (shortfall !== null) return { refused: shortfall };
      return { change: { flag: "*", meta: [{ key: "status", value: text("posted") }, { key: "posted-on", value: date(decision.on) }] } };
    }
  }
}

/** Re-read the edited claim from its new text: a writer must never produce something else. */
function verifyEdits(claim: BookedTransaction, source: string, edits: readonly TextEdit[], change: ClaimChange): void {
  const after = applyEdits(source, edits);
  const grown = after.length - source.length;
  const parsed = parseSource(after.slice(claim.span.start, claim.span.end + grown), claim.span.file);
  const entry = parsed.directives[0];
  const fine = parsed.diagnostics.length === 0 && parsed.directives.length === 1 && entry?.type === "transaction"
    && entry.flag === (change.flag ?? claim.flag) && entry.postings.length === claim.postings.length
    && change.meta.every(({ key, value }) => {
      const read = metaValue(entry.meta, key);
      return read !== undefined && formatMetaValue(read) === formatMetaValue(value);
    });
  if (!fine) throw new Error(`the edit of ${claimId(claim)} in ${claim.span.file} does not read back as intended`);
}

/** A diagnostic's message without the claim id it starts with (the refusal names the claim). */
function withoutId(message: string, id: string): string {
  return message.startsWith(`${id}: `) ? message.slice(id.length + 2) : message;
}

type Key = string;
const keyOf = (diagnostic: Diagnostic): Key => `${diagnostic.code}\u0000${diagnostic.span?.file ?? ""}\u0000${diagnostic.span?.start ?? -1}`;

interface Candidate {
  readonly id: string;
  readonly claim: BookedTransaction;
  readonly changed: BookedTransaction;
  readonly edits: TextEdit[];
}

/** Every problem of a ledger whose entries are `entries`: the loader's plus the domain checks'. */
function problemsOf(ledger: Ledger, entries: readonly LedgerEntry[], context: DomainContext): Diagnostic[] {
  return [...ledger.diagnostics, ...runDomainChecks({ ...ledger, entries }, context)];
}

/**
 * Blocking errors and warnings of each candidate once all of `accepted` are applied: errors inside
 * the claim (not for a rejection) and errors that were not there before.
 */
function judge(ledger: Ledger, base: readonly LedgerEntry[], before: readonly Diagnostic[], candidates: readonly Candidate[], decision: Decision, context: DomainContext) {
  const replaced = new Map<LedgerEntry, LedgerEntry>(candidates.map((c) => [c.claim, c.changed]));
  const entries = base.map((entry) => replaced.get(entry) ?? entry);
  const after = problemsOf(ledger, entries, context);
  const known = new Set(before.map(keyOf));
  const fresh = after.filter((d) => d.severity === "error" && !known.has(keyOf(d)));
  const verdicts = candidates.map((candidate) => {
    const inside = (d: Diagnostic) => d.span !== null && spanWithin(d.span, candidate.claim.span);
    const blocking = after.filter((d) => d.severity === "error" && inside(d) && (decision.kind !== "reject" || !known.has(keyOf(d))));
    const warnings = after.filter((d) => d.severity === "warning" && inside(d));
    return { candidate, blocking, warnings };
  });
  const unexplained = fresh.filter((d) => !verdicts.some((v) => v.blocking.includes(d)));
  return { entries, after, verdicts, unexplained };
}

/**
 * Plan one decision on the named claims (or, for `post` with `ids === "all"`, on every approved
 * claim not yet posted). Claims are taken in ledger order; each is checked with the ones accepted
 * before it applied. With `allOrNothing`, one refusal leaves every claim unwritten.
 */
export function planDecision(ledger: Ledger, ids: readonly string[] | "all", decision: Decision, context: DomainContext, allOrNothing: boolean): DecisionPlan {
  const outcomes: Outcome[] = [];
  const candidates: Candidate[] = [];
  const { authority } = collectAuthority(ledger.entries, ledger.options.accountRoots.expenses);
  const named = ids === "all"
    ? ledger.entries.filter((e): e is BookedTransaction => isClaim(e) && e.flag === "!" && claimStatus(e) === "approved").map((e) => claimId(e)!)
    : [...new Set(ids)];
  for (const id of named) {
    const found = findClaims(ledger.entries, id) as BookedTransaction[];
    if (found.length === 0) {
      outcomes.push({ kind: "refused", id, claim: null, reason: `no claim ${id} in the journal`, problems: [] });
      continue;
    }
    const claim = found[0]!;
    if (found.length > 1) {
      const places = found.map((entry) => placeOf(entry.span, ledger.sources)).join(", ");
      outcomes.push({ kind: "refused", id, claim, reason: `claim id ${id} is used by ${found.length} transactions (${places})`, problems: [] });
      continue;
    }
    const next = transition(claim, decision, authority);
    if ("unchanged" in next) outcomes.push({ kind: "unchanged", id, claim, reason: next.unchanged });
    else if ("refused" in next) outcomes.push({ kind: "refused", id, claim, reason: next.refused, problems: [] });
    else {
      const source = ledger.sources.get(claim.span.file)!.text;
      const edits = claimEdits(claim, source, next.change);
      verifyEdits(claim, source, edits, next.change);
      candidates.push({ id, claim, changed: changedClaim(claim, next.change), edits });
    }
  }

  const accepted: { candidate: Candidate; warnings: readonly Diagnostic[] }[] = [];
  const refuse = (candidate: Candidate, problems: readonly Diagnostic[]) => {
    const first = problems[0]!;
    const elsewhere = first.span !== null && !spanWithin(first.span, candidate.claim.span) ? ` (at ${placeOf(first.span, ledger.sources)})` : "";
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    outcomes.push({ kind: "refused", id: candidate.id, claim: candidate.claim, reason: `${withoutId(first.message, candidate.id)}${elsewhere}${more}`, problems });
  };
  if (candidates.length > 0) {
    let before = problemsOf(ledger, ledger.entries, context);
    // Fast path: every candidate at once; if none is blocked, they are all accepted.
    const together = judge(ledger, ledger.entries, before, candidates, decision, context);
    if (together.unexplained.length === 0 && together.verdicts.every((v) => v.blocking.length === 0)) {
      for (const verdict of together.verdicts) accepted.push({ candidate: verdict.candidate, warnings: verdict.warnings });
    } else {
      let base = ledger.entries;
      for (const candidate of candidates) {
        const alone = judge(ledger, base, before, [candidate], decision, context);
        const problems = [...alone.verdicts[0]!.blocking, ...alone.unexplained];
        if (problems.length > 0) refuse(candidate, problems);
        else {
          accepted.push({ candidate, warnings: alone.verdicts[0]!.warnings });
          base = alone.entries;
          before = alone.after;
        }
      }
    }
  }
  for (const { candidate, warnings } of accepted) outcomes.push({ kind: "changed", id: candidate.id, claim: candidate.claim, warnings });
  const refused = outcomes.some((outcome) => outcome.kind === "refused");
  const edits = allOrNothing && refused ? [] : accepted.flatMap(({ candidate }) => candidate.edits);
  const order = new Map(named.map((id, index) => [id, index]));
  outcomes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { outcomes, edits };
}
