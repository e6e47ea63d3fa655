// A claim's life as decisions: approve, reject, post. Each decision is planned as text edits and
// checked against the ledger as it would be afterwards (the loader's results with the claim
// changed, then every domain check) before anything is written. Approving and rejecting edit the
// claim where it is; posting moves a claim of a claim file into the books, and then the stages
// that depend on the books' amounts (pads, balance assertions) run again on the books as they
// would be. The loader's other stages do not depend on a claim's flag or status, so they are not
// re-run; every new text is re-parsed to make sure it reads back as intended.
import { optionDeclarations } from "../core/feeledger-options.js";
import * as fs from "node:fs";
import * as path from "node:path";
import type { BookedTransaction, LedgerEntry, MetaValue } from "../core/data.js";
import { metaValue } from "../core/data.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ledger } from "../loader/load.js";
import { parseSource } from "../parser/parse.js";
import { runDomainChecks, type DomainContext } from "../validation/domain.js";
import { applyEdits, entriesLaidOut, type TextEdit } from "../edit/edits.js";
import { fileEnd, type FileEnd } from "../edit/file-end.js";
import { claimBlock, postedText, removalEdits, type LineBlock } from "../edit/move.js";
import { changedClaim, claimEdits, formatMetaValue, type ClaimChange } from "../edit/claims.js";
import { claimId, claimStatus, findClaims, isClaim, metaText } from "./claim.js";
import { placeOf, spanWithin } from "./place.js";
import { collectAuthority, type Authority } from "./authority.js";
import { approveTransition, postShortfall, type Transition } from "./approval.js";
import { both, message, type Message } from "../i18n/message.js";
import { samePerson } from "../core/names.js";
import { booksWithClaims } from "./pending.js";
import { booksAfterPosting } from "./posting.js";
import { POST_TO_OPTION, postTarget } from "./layout.js";
import { bookingDate, isLocked, monthOf, periodState, type PeriodState } from "../periods/rule.js";

export type Decision =
  | { readonly kind: "approve"; readonly by: string; readonly on: string }
  | { readonly kind: "reject"; readonly by: string; readonly on: string; readonly reason: string }
  | { readonly kind: "post"; readonly on: string };

export type Outcome =
  /**
   * The claim changes; `warnings` are non-blocking problems it has afterwards; `movedTo` is where a
   * claim posted out of its claim file lands in the books (null when it changes where it is);
   * `bookedOn` the date a claim dated in a closed month is booked on instead (else null).
   */
  | { readonly kind: "changed"; readonly id: string; readonly claim: BookedTransaction; readonly warnings: readonly Diagnostic[]; readonly movedTo: { readonly file: string; readonly line: number } | null; readonly bookedOn: string | null }
  /** The decision is already recorded: nothing to write. */
  | { readonly kind: "unchanged"; readonly id: string; readonly claim: BookedTransaction; readonly reason: Message }
  /** The decision is refused; `problems` are the blocking errors, if that is why. */
  /** `reason`: a catalogue message (src/i18n); a problem the checks found is quoted in each language (`writer check problem`). */
  | { readonly kind: "refused"; readonly id: string; readonly claim: BookedTransaction | null; readonly reason: Message; readonly problems: readonly Diagnostic[] };

export interface DecisionPlan {
  readonly outcomes: readonly Outcome[];
  /** The edits of the claims that change (none when `allOrNothing` and one is refused). */
  readonly edits: readonly TextEdit[];
}

const text = (value: string): MetaValue => ({ type: "string", value });
const date = (value: string): MetaValue => ({ type: "date", value });

/** What a decision would change in a claim, or why it changes nothing or is refused. */
export function transition(claim: BookedTransaction, decision: Decision, authority: Authority): Transition {
  const id = claimId(claim)!;
  const status = claimStatus(claim);
  const posted = claim.flag !== "!";
  const said = (key: string) => metaText(claim.meta, key) ?? "?";
  switch (decision.kind) {
    case "approve":
      // Approval authority: see approval.ts.
      return approveTransition(claim, decision.by, decision.on, authority);
    case "reject": {
      if (posted || status === "posted") return { refused: message("writer reject posted", {}) };
      if (status === "rejected") {
        const rejecter = metaText(claim.meta, "rejected-by");
        return rejecter !== null && samePerson(rejecter, decision.by)
          ? { unchanged: message("writer already rejected", { id, by: rejecter, on: said("rejected-on") }) }
          : { refused: message("writer reject rejected", { by: rejecter ?? "?", on: said("rejected-on") }) };
      }
      return { change: { meta: [
        { key: "status", value: text("rejected") }, { key: "rejected-by", value: text(decision.by) },
        { key: "rejected-on", value: date(decision.on) }, { key: "reason", value: text(decision.reason) },
      ] } };
    }
    case "post": {
      if (posted) return { unchanged: message("writer already posted", { id, on: metaText(claim.meta, "posted-on") ? said("posted-on") : null }) };
      if (status !== "approved") {
        return { refused: status === "submitted" ? message("writer post submitted", {}) : message("writer post not approved", { status: `${status}` }) };
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
  const { start, end } = claim.span;
  // The claim's text after the edits: when every edit falls inside the claim (as claimEdits makes
  // them), only the claim's text is edited, not a copy of the whole claim file made.
  const inside = edits.every((edit) => edit.start >= start && edit.end <= end);
  const text = inside
    ? applyEdits(source.slice(start, end), edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start })))
    : ((after) => after.slice(start, end + after.length - source.length))(applyEdits(source, edits));
  const parsed = parseSource(text, claim.span.file);
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
  return message.startsWith(`${id}: `) || message.startsWith(`${id}：`) ? message.slice(id.length + (message[id.length] === ":" ? 2 : 1)) : message;
}

type Key = string;
const keyOf = (diagnostic: Diagnostic): Key => `${diagnostic.code}\u0000${diagnostic.span?.file ?? ""}\u0000${diagnostic.span?.start ?? -1}`;

/** A claim posted out of its claim file: its lines there, the file of the books it goes to, its new text. */
interface Move {
  readonly block: LineBlock;
  readonly target: string;
  /** The posted entry's lines, in the target's line ending. */
  readonly text: string;
}

interface Candidate {
  readonly id: string;
  readonly claim: BookedTransaction;
  readonly changed: BookedTransaction;
  /** Edits of the claim where it is (approve, reject; post of a claim written in the books). */
  readonly edits: TextEdit[];
  /** Set when `post` moves the claim from its claim file into the books. */
  readonly move: Move | null;
}

/** The books and the claims in progress as they would be with some candidates applied. */
interface State {
  readonly entries: readonly LedgerEntry[];
  readonly claims: readonly BookedTransaction[];
  /** Pads and balance assertions over `entries`, when claims move into the books (else none). */
  readonly bookProblems: readonly Diagnostic[];
}

/**
 * The ledger with `applied` made: a claim edited where it is, or posted into the books. With
 * `rebook`, the stages that depend on the amounts in the books run again (posting.ts), also with
 * nothing applied, so that a state is compared with one computed the same way.
 */
function stateWith(ledger: Ledger, applied: readonly Candidate[], rebook: boolean): State {
  const inPlace = new Map<LedgerEntry, BookedTransaction>();
  const moved = new Set<LedgerEntry>();
  for (const candidate of applied) {
    if (candidate.move === null) inPlace.set(candidate.claim, candidate.changed);
    else moved.add(candidate.claim);
  }
  const entries = inPlace.size === 0 ? ledger.entries : ledger.entries.map((entry) => inPlace.get(entry) ?? entry);
  const claims = applied.length === 0 ? ledger.claims
    : ledger.claims.filter((claim) => !moved.has(claim)).map((claim) => inPlace.get(claim) ?? claim);
  if (!rebook) return { entries, claims, bookProblems: [] };
  const posted = applied.filter((candidate) => candidate.move !== null).map((candidate) => candidate.changed)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const books = booksAfterPosting(entries, posted, ledger.options);
  return { entries: books.entries, claims, bookProblems: books.diagnostics };
}

/** Every problem of the ledger in `state`: the loader's, the re-run book stages' and the domain checks'. */
function problemsOf(ledger: Ledger, state: State, context: DomainContext): Diagnostic[] {
  return [...ledger.diagnostics, ...state.bookProblems, ...runDomainChecks({ ...ledger, entries: state.entries, claims: state.claims }, context)];
}

/**
 * Blocking errors and warnings of each of `trying` once they and `accepted` are applied: errors
 * inside the claim (not for a rejection) and errors that were not there before.
 */
function judge(ledger: Ledger, accepted: readonly Candidate[], before: () => readonly Diagnostic[], trying: readonly Candidate[], decision: Decision, context: DomainContext, rebook: boolean) {
  const after = problemsOf(ledger, stateWith(ledger, [...accepted, ...trying], rebook), context);
  // The problems before are needed only to tell the errors after apart (they run every check over
  // the whole journal again): without errors after, nothing is fresh and nothing blocks.
  const known = new Set(after.some((d) => d.severity === "error") ? before().map(keyOf) : []);
  const fresh = after.filter((d) => d.severity === "error" && !known.has(keyOf(d)));
  const verdicts = trying.map((candidate) => {
    const inside = (d: Diagnostic) => d.span !== null && spanWithin(d.span, candidate.claim.span);
    const blocking = after.filter((d) => d.severity === "error" && inside(d) && (decision.kind !== "reject" || !known.has(keyOf(d))));
    const warnings = after.filter((d) => d.severity === "warning" && inside(d));
    return { candidate, blocking, warnings };
  });
  const unexplained = fresh.filter((d) => !verdicts.some((v) => v.blocking.includes(d)));
  return { after, verdicts, unexplained };
}

/**
 * The posted entry of a claim leaving its claim file, or why it cannot be written. The text is read
 * back: it must give the same transaction, posted; a tag or metadata the claim has only from a
 * pushtag or pushmeta of its claim file would be lost on the way, so such a claim is refused.
 */
function plannedMove(ledger: Ledger, claim: BookedTransaction, change: ClaimChange, target: string, endOf: (file: string) => FileEnd): Move | { refused: Message } {
  const source = ledger.sources.get(claim.span.file)!.text;
  const block = claimBlock(claim, source);
  const text = postedText(claim, source, block, change, target, endOf(target).ends.eol);
  const parsed = parseSource(text, target);
  const entry = parsed.directives[0];
  const pushedTag = claim.tags.find((tag) => entry?.type === "transaction" && !entry.tags.includes(tag));
  if (pushedTag !== undefined) {
    return { refused: message("books pushtag", { tag: pushedTag, file: claim.span.file }) };
  }
  const pushedMeta = claim.meta.find((meta) => entry?.type === "transaction" && metaValue(entry.meta, meta.key) === undefined);
  if (pushedMeta !== undefined) {
    return { refused: message("books pushmeta", { key: pushedMeta.key, file: claim.span.file }) };
  }
  const fine = parsed.diagnostics.length === 0 && parsed.directives.length === 1 && entry?.type === "transaction"
    && entry.flag === "*" && entry.date === (change.date ?? claim.date) && entry.payee === claim.payee && entry.narration === claim.narration
    && entry.postings.length === claim.postings.length
    && entry.postings.every((posting, index) => posting.account === claim.postings[index]!.account)
    && change.meta.every(({ key, value }) => {
      const read = metaValue(entry.meta, key);
      return read !== undefined && formatMetaValue(read) === formatMetaValue(value);
    });
  if (!fine) throw new Error(`the posted text of ${claimId(claim)} does not read back as intended`);
  return { block, target, text };
}

/** How many "\n" text[0, end) holds (counted in place: the books may be tens of megabytes). */
function newlinesBefore(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** The claim ids of a file's text, sorted (to compare a claim file before and after claims leave it). */
function claimIdsOf(text: string, file: string): string[] {
  return parseSource(text, file).directives.map((directive) => claimId(directive as LedgerEntry)).filter((id): id is string => id !== null).sort();
}

/**
 * Whether `text` has a directive boundary at `offset`: the start of a dated line after an empty
 * line, where one directive has surely ended and the next begins. The reader cuts a file into
 * pieces there (source/files.ts pieceEnd), and the pieces parse as the whole does.
 */
function isBoundary(text: string, offset: number): boolean {
  const digit = text.charCodeAt(offset);
  if (!(digit >= 0x30 && digit <= 0x39) || text.charCodeAt(offset - 1) !== 0x0a) return false;
  const before = text.charCodeAt(offset - 2);
  return before === 0x0a || (before === 0x0d && text.charCodeAt(offset - 3) === 0x0a);
}

/**
 * The part of `text` around `edits` that starts and ends at directive boundaries (or at the text's
 * start and end): the rest parses the same with the edits made or not, so reading this part back
 * is reading the whole file back, without parsing a large claim file twice.
 */
function aroundEdits(text: string, edits: readonly TextEdit[]): { start: number; end: number } {
  let start = Math.min(...edits.map((edit) => edit.start));
  let end = Math.max(...edits.map((edit) => edit.end));
  while (start > 0 && !isBoundary(text, start)) start = start < 2 ? 0 : text.lastIndexOf("\n", start - 2) + 1;
  while (end < text.length && !isBoundary(text, end)) {
    const newline = text.indexOf("\n", end);
    end = newline < 0 ? text.length : newline + 1;
  }
  return { start, end };
}

/**
 * Whether `removals` (whole lines: claims with their comment lines and a blank line, see edit/move.ts)
 * take exactly the claims `leaving` out of a claim file's `text`, read back. Only the part of the
 * file around them is parsed, before and after: the rest reads the same either way, as removed
 * lines hold no pushtag or pushmeta (test/claims/removal-read-back.test.ts holds it to the whole file's).
 */
export function removalReadsBack(file: string, text: string, removals: readonly TextEdit[], leaving: readonly string[]): boolean {
  const left = new Set(leaving);
  const part = aroundEdits(text, removals);
  const inPart = removals.map((edit) => ({ ...edit, start: edit.start - part.start, end: edit.end - part.start }));
  const partText = text.slice(part.start, part.end);
  const expected = claimIdsOf(partText, file).filter((id) => !left.has(id) || (left.delete(id), false));
  return claimIdsOf(applyEdits(partText, inPart), file).join("\n") === expected.join("\n");
}

/**
 * The edits that move claims out of their claim files into the books: per claim file, the claims'
 * lines removed; per target, the posted entries appended in order. Also where each lands.
 */
function moveEdits(ledger: Ledger, moving: readonly Candidate[], endOf: (file: string) => FileEnd): { edits: TextEdit[]; landed: Map<Candidate, { file: string; line: number }> } {
  const edits: TextEdit[] = [];
  const landed = new Map<Candidate, { file: string; line: number }>();
  const byFile = new Map<string, Candidate[]>();
  const byTarget = new Map<string, Candidate[]>();
  for (const candidate of moving) {
    byFile.set(candidate.claim.span.file, [...(byFile.get(candidate.claim.span.file) ?? []), candidate]);
    byTarget.set(candidate.move!.target, [...(byTarget.get(candidate.move!.target) ?? []), candidate]);
  }
  for (const [file, candidates] of byFile) {
    const text = ledger.sources.get(file)!.text;
    const removals = removalEdits(file, text, candidates.map((candidate) => candidate.move!.block));
    if (!removalReadsBack(file, text, removals, candidates.map((candidate) => candidate.id))) {
      throw new Error(`removing claims from ${file} does not read back as intended`);
    }
    edits.push(...removals);
  }
  for (const [target, candidates] of byTarget) {
    const blocks = candidates.map((candidate) => candidate.move!.text);
    const end = endOf(target);
    const insert = entriesLaidOut(blocks, end.layout);
    edits.push({ file: target, start: end.length, end: end.length, text: insert });
    const lines = (from: string, end: number) => newlinesBefore(from, end);
    const before = end.ends.count;
    let from = 0;
    for (const candidate of candidates) {
      const at = insert.indexOf(candidate.move!.text, from);
      from = at + candidate.move!.text.length;
      const source = ledger.sources.get(candidate.claim.span.file)!.text;
      const header = lines(source.slice(candidate.move!.block.start), candidate.claim.span.start - candidate.move!.block.start);
      landed.set(candidate, { file: target, line: before + lines(insert, at) + header + 1 });
    }
  }
  return { edits, landed };
}

/**
 * Plan one decision on the named claims (or, for `post` with `ids === "all"`, on every approved
 * claim not yet posted). Claims are looked up in the books and the claim files, taken in date
 * order; each is checked with the ones accepted before it applied. `post` moves a claim of a claim
 * file into the books (layout.ts names the target; move.ts writes the text) and judges it on the
 * books as they would be after the move: balance assertions and pads too. With `allOrNothing`, one
 * refusal leaves every claim unwritten.
 */
export function planDecision(ledger: Ledger, ids: readonly string[] | "all", decision: Decision, context: DomainContext, allOrNothing: boolean): DecisionPlan {
  const outcomes: Outcome[] = [];
  const candidates: Candidate[] = [];
  const everyClaim = booksWithClaims(ledger, "all");
  const { authority } = collectAuthority(ledger.entries, ledger.options.accountRoots.expenses);
  let periods: PeriodState | null = null;
  // Each target's line ends, counted once for every claim posted to it (the books may be tens of megabytes).
  const counted = new Map<string, FileEnd>();
  const endOf = (file: string): FileEnd => {
    let end = counted.get(file);
    if (end === undefined) counted.set(file, end = fileEnd(ledger.sources.get(file)!));
    return end;
  };
  const named = ids === "all"
    ? everyClaim.filter((e): e is BookedTransaction => isClaim(e) && e.flag === "!" && claimStatus(e) === "approved").map((e) => claimId(e)!)
    : [...new Set(ids)];
  for (const id of named) {
    const found = findClaims(everyClaim, id) as BookedTransaction[];
    if (found.length === 0) {
      outcomes.push({ kind: "refused", id, claim: null, reason: message("writer no claim", { id }), problems: [] });
      continue;
    }
    const claim = found[0]!;
    if (found.length > 1) {
      const places = found.map((entry) => placeOf(entry.span, ledger.sources)).join(", ");
      outcomes.push({ kind: "refused", id, claim, reason: message("writer claim id used", { id, count: found.length, places }), problems: [] });
      continue;
    }
    const next = transition(claim, decision, authority);
    if ("unchanged" in next) outcomes.push({ kind: "unchanged", id, claim, reason: next.unchanged });
    else if ("refused" in next) outcomes.push({ kind: "refused", id, claim, reason: next.refused, problems: [] });
    else if (decision.kind === "post" && ledger.claimFiles.has(claim.span.file)) {
      const change = intoOpenMonth(periods ??= periodState(ledger.entries), claim, next.change, decision.on);
      const target = postTargetOf(ledger, claim, change.date ?? claim.date);
      const move = "refused" in target ? target : plannedMove(ledger, claim, change, target.file, endOf);
      if ("refused" in move) outcomes.push({ kind: "refused", id, claim, reason: move.refused, problems: [] });
      else candidates.push({ id, claim, changed: changedClaim(claim, change), edits: [], move });
    } else if (decision.kind === "post" && isLocked(periods ??= periodState(ledger.entries), claim.date)) {
      outcomes.push({ kind: "refused", id, claim, reason: message("writer post closed month", { month: monthOf(claim.date) }), problems: [] });
    } else {
      const source = ledger.sources.get(claim.span.file)!.text;
      const edits = claimEdits(claim, source, next.change);
      verifyEdits(claim, source, edits, next.change);
      candidates.push({ id, claim, changed: changedClaim(claim, next.change), edits, move: null });
    }
  }

  const accepted: { candidate: Candidate; warnings: readonly Diagnostic[] }[] = [];
  const refuse = (candidate: Candidate, problems: readonly Diagnostic[]) => {
    const first = problems[0]!;
    const elsewhere = first.span !== null && !spanWithin(first.span, candidate.claim.span) ? placeOf(first.span, ledger.sources) : null;
    const quoted = both(first.translatable ?? first.message);
    const problem = { en: withoutId(quoted.en, candidate.id), zh: withoutId(quoted.zh, candidate.id) };
    outcomes.push({ kind: "refused", id: candidate.id, claim: candidate.claim, reason: message("writer check problem", { problem, elsewhere, more: problems.length - 1 }), problems });
  };
  if (candidates.length > 0) {
    const rebook = candidates.some((candidate) => candidate.move !== null);
    let computed: readonly Diagnostic[] | null = null;
    let before = () => (computed ??= problemsOf(ledger, stateWith(ledger, [], rebook), context));
    // Fast path: every candidate at once; if none is blocked, they are all accepted.
    const together = judge(ledger, [], before, candidates, decision, context, rebook);
    if (together.unexplained.length === 0 && together.verdicts.every((v) => v.blocking.length === 0)) {
      for (const verdict of together.verdicts) accepted.push({ candidate: verdict.candidate, warnings: verdict.warnings });
    } else {
      for (const candidate of candidates) {
        const alone = judge(ledger, accepted.map((a) => a.candidate), before, [candidate], decision, context, rebook);
        const problems = [...alone.verdicts[0]!.blocking, ...alone.unexplained];
        if (problems.length > 0) refuse(candidate, problems);
        else {
          accepted.push({ candidate, warnings: alone.verdicts[0]!.warnings });
          const after = alone.after;
          before = () => after;
        }
      }
    }
  }
  const refused = outcomes.some((outcome) => outcome.kind === "refused");
  const writing = allOrNothing && refused ? [] : accepted.map(({ candidate }) => candidate);
  const moves = moveEdits(ledger, writing.filter((candidate) => candidate.move !== null), endOf);
  for (const { candidate, warnings } of accepted) {
    outcomes.push({ kind: "changed", id: candidate.id, claim: candidate.claim, warnings, movedTo: moves.landed.get(candidate) ?? null,
      bookedOn: candidate.changed.date === candidate.claim.date ? null : candidate.changed.date });
  }
  const edits = [...writing.flatMap((candidate) => candidate.edits), ...moves.edits];
  const order = new Map(named.map((id, index) => [id, index]));
  outcomes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { outcomes, edits };
}

/**
 * A post into a closed month (periods/rule.ts): the claim is booked on the first day of the first
 * open month, or on the posting date when that is later, and keeps its own date as `incurred-on`.
 * A claim dated in an open month is posted as it is.
 */
function intoOpenMonth(periods: PeriodState, claim: BookedTransaction, change: ClaimChange, on: string): ClaimChange {
  const booked = bookingDate(periods, claim.date, on);
  if (booked === claim.date) return change;
  return { ...change, date: booked, meta: [...change.meta, { key: "incurred-on", value: date(claim.date) }] };
}

/** The file of the books a claim of a claim file dated `booked` is posted to, or why there is none to write. */
function postTargetOf(ledger: Ledger, claim: BookedTransaction, booked: string): { file: string } | { refused: Message } {
  const postTo = optionDeclarations(ledger.entries, POST_TO_OPTION).pop() ?? null;
  const wanted = postTarget(postTo, ledger.claimFiles.get(claim.span.file)!, booked);
  const absolute = path.resolve(wanted);
  for (const file of ledger.sources.keys()) {
    if (path.resolve(file) !== absolute) continue;
    if (ledger.claimFiles.has(file)) return { refused: message("books target claim file", { file }) };
    return { file };
  }
  const declaring = postTo?.span.file ?? ledger.mainFile;
  const include = `include "${path.relative(path.dirname(path.resolve(declaring)), absolute).split(path.sep).join("/")}"`;
  return fs.existsSync(absolute)
    ? { refused: message("books target not in books", { target: wanted, include, declaring }) }
    : { refused: message("books target missing", { target: wanted, include, declaring }) };
}
