// Source documents -> the claim file's new text, checked: the last stage of the import pipeline.
// Each document is new (appended to the target claim file), an update of a claim it brought before
// (found by its approval-id: submitted in the journal, approved in the source), or skipped (already
// there; refused or withdrawn in the source). The claims as they would be written are read back,
// booked against the books as a claim file's are, and judged by every domain check with the rest
// of the journal: a new error in an imported claim makes its document bad, at the document's row
// (or the line's, for a problem of one posting); warnings (policies, budgets) are passed on.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import type { Span } from "../core/span.js";
import { diagnosticKey, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ledger } from "../loader/load.js";
import { bookClaims } from "../loader/claim-files.js";
import { parseSource } from "../parser/parse.js";
import type { SourceFile } from "../source/files.js";
import { runDomainChecks, type DomainContext } from "../validation/domain.js";
import { claimId as claimIdOf, claimStatus, entryMetaText, isClaim } from "../claims/claim.js";
import { booksWithClaims } from "../claims/pending.js";
import { placeOf, spanWithin } from "../claims/place.js";
import { amountColumn } from "../edit/amortize.js";
import { appendEntries } from "../edit/append.js";
import { changedClaim, claimEdits, type ClaimChange } from "../edit/claims.js";
import type { TextEdit } from "../edit/edits.js";
import { approvalKeys, claimId, claimLines, DEFAULT_AMOUNT_COLUMN } from "./claim-text.js";
import type { ImportProblem, Place, SourceDocument } from "./document.js";
import type { DocumentRead } from "./documents.js";
import type { ImportMap } from "./map.js";
import { phrase } from "../i18n/phrase.js";
import { translate } from "../i18n/message.js";

export type Outcome =
  | { readonly kind: "imported"; readonly id: string; readonly document: SourceDocument }
  | { readonly kind: "updated"; readonly id: string; readonly document: SourceDocument; readonly where: string }
  | { readonly kind: "skipped"; readonly id: string; readonly document: SourceDocument; readonly reason: { readonly en: string; readonly zh: string } }
  | { readonly kind: "bad"; readonly number: string | null; readonly place: Place; readonly problems: readonly ImportProblem[] };

export interface ImportPlan {
  readonly outcomes: readonly Outcome[];
  /** Warnings of the imported claims (policies, budgets), at their documents' places. */
  readonly warnings: readonly ImportProblem[];
  /** Problems the import would bring to the journal outside the imported claims: the import is refused. */
  readonly refusals: readonly Diagnostic[];
  /** The edits to write: the claims appended to the target, updated claims where they are. Empty when a document is bad and bad ones are not skipped. */
  readonly edits: readonly TextEdit[];
  /** The target's text before (what the edits apply to; "" for a file that does not exist yet). */
  readonly targetText: string;
}

export interface ImportContext {
  readonly ledger: Ledger;
  /** The claim file written to, as the journal names it (or as given, for a new file). */
  readonly target: string;
  /** Its text, or null when it does not exist yet. */
  readonly targetText: string | null;
  /** The `claims` declaration that covers the target. */
  readonly declaration: Span;
  readonly map: ImportMap;
  /** The source's name in reasons (钉钉). */
  readonly label: string;
  readonly skipBad: boolean;
  readonly domain: DomainContext;
}

interface Candidate {
  readonly id: string;
  readonly document: SourceDocument;
  /** The claim updated, or null for a new one. */
  readonly existing: BookedTransaction | null;
  readonly change: ClaimChange | null;
}

const text = (value: string) => ({ type: "string" as const, value });
const date = (value: string) => ({ type: "date" as const, value });

/** What approving an imported claim that was submitted writes into it. */
function approvalChange(document: SourceDocument): ClaimChange {
  const meta: { key: string; value: ReturnType<typeof text> | ReturnType<typeof date> }[] = [{ key: "status", value: text("approved") }];
  document.approvals.forEach((approval, index) => {
    const keys = approvalKeys(index);
    meta.push({ key: keys.by, value: text(approval.by) }, { key: keys.on, value: date(approval.on) });
  });
  return { meta, after: ["status"] };
}

export function planImport(reads: readonly DocumentRead[], context: ImportContext): ImportPlan {
  const { ledger, map } = context;
  const outcomes: Outcome[] = [];
  const byApproval = new Map<string, LedgerEntry>();
  const byId = new Map<string, LedgerEntry>();
  for (const entry of booksWithClaims(ledger, "all")) {
    if (!isClaim(entry)) continue;
    const approvalId = entryMetaText(entry, "approval-id");
    if (approvalId !== null && !byApproval.has(approvalId)) byApproval.set(approvalId, entry);
    const id = claimIdOf(entry)!;
    if (!byId.has(id)) byId.set(id, entry);
  }
  const where = (entry: LedgerEntry) => placeOf(entry.span, ledger.sources);
  const candidates: Candidate[] = [];
  const seen = new Map<string, Place>();
  for (const read of reads) {
    if (!("document" in read)) {
      outcomes.push({ kind: "bad", number: read.number, place: read.place, problems: read.problems });
      continue;
    }
    const document = read.document;
    const id = claimId(map.prefix, document.number);
    const earlier = seen.get(document.number);
    if (earlier !== undefined) {
      outcomes.push({ kind: "skipped", id, document, reason: phrase("import also at", { place: `${earlier.file}:${earlier.row}` }) });
      continue;
    }
    seen.set(document.number, document.place);
    const existing = byApproval.get(document.number) ?? null;
    const pendingHere = existing !== null && existing.type === "transaction" && existing.flag === "!" && ledger.claimFiles.has(existing.span.file);
    const status = existing !== null && existing.type === "transaction" ? claimStatus(existing) : null;
    if (document.state === "rejected" || document.state === "withdrawn") {
      const still = pendingHere && status === "submitted" ? phrase("import still submitted", { id: claimIdOf(existing!)!, where: where(existing!) }) : null;
      const rejected = document.state === "rejected";
      const reason = { en: phrase("import rejected in", { rejected, source: context.label, still: still?.en ?? null }).en, zh: phrase("import rejected in", { rejected, source: context.label, still: still?.zh ?? null }).zh };
      outcomes.push({ kind: "skipped", id, document, reason });
      continue;
    }
    if (existing !== null) {
      if (pendingHere && status === "submitted" && document.state === "approved") {
        candidates.push({ id: claimIdOf(existing)!, document, existing: existing as BookedTransaction, change: approvalChange(document) });
      } else {
        outcomes.push({ kind: "skipped", id: claimIdOf(existing)!, document, reason: phrase("import already in journal", { status: status ?? "posted", where: where(existing) }) });
      }
      continue;
    }
    const taken = byId.get(id);
    if (taken !== undefined) {
      outcomes.push({ kind: "skipped", id, document, reason: phrase("import id taken", { id, where: where(taken) }) });
      continue;
    }
    candidates.push({ id, document, existing: null, change: null });
  }

  const targetText = context.targetText ?? "";
  const mainText = ledger.sources.get(ledger.mainFile)?.text ?? "";
  const column = amountColumn(targetText) || amountColumn(mainText) || DEFAULT_AMOUNT_COLUMN;
  const verdict = judge(candidates, context, targetText, column);
  const bad = new Set(verdict.bad.keys());
  for (const [candidate, problems] of verdict.bad) outcomes.push({ kind: "bad", number: candidate.document.number, place: candidate.document.place, problems });
  const anyBad = outcomes.some((outcome) => outcome.kind === "bad");
  const writing = anyBad && !context.skipBad ? [] : candidates.filter((candidate) => !bad.has(candidate));
  for (const candidate of candidates) {
    if (bad.has(candidate)) continue;
    if (candidate.existing === null) outcomes.push({ kind: "imported", id: candidate.id, document: candidate.document });
    else outcomes.push({ kind: "updated", id: candidate.id, document: candidate.document, where: where(candidate.existing) });
  }
  // In the exports' order: file by file, row by row.
  const files = [...new Set(reads.map((read) => ("document" in read ? read.document.place.file : read.place.file)))];
  const placeOfOutcome = (outcome: Outcome) => (outcome.kind === "bad" ? outcome.place : outcome.document.place);
  outcomes.sort((a, b) => files.indexOf(placeOfOutcome(a).file) - files.indexOf(placeOfOutcome(b).file) || placeOfOutcome(a).row - placeOfOutcome(b).row);
  const edits = verdict.refusals.length > 0 ? [] : editsOf(writing, context, targetText, column).edits;
  return { outcomes, warnings: verdict.warnings, refusals: verdict.refusals, edits, targetText };
}

/** The edits that write `candidates`: the new claims appended to the target, the updates where the claims are. */
function editsOf(candidates: readonly Candidate[], context: ImportContext, targetText: string, column: number): { edits: TextEdit[]; appended: TextEdit | null } {
  const edits: TextEdit[] = [];
  for (const candidate of candidates) {
    if (candidate.existing === null) continue;
    const file = candidate.existing.span.file;
    edits.push(...claimEdits(candidate.existing, context.ledger.sources.get(file)!.text, candidate.change!));
  }
  const blocks = candidates.filter((candidate) => candidate.existing === null).map((candidate) => claimLines(candidate.document, context.map.prefix, context.map.currency, column));
  if (blocks.length === 0) return { edits, appended: null };
  const appended = appendEntries(context.target, targetText, blocks).edit;
  edits.push(appended);
  return { edits, appended };
}

interface Owner {
  readonly candidate: Candidate;
  readonly span: Span;
  readonly postings: readonly Span[];
}

/** The imported claim a place is in, found by binary search over each file's claims (an import writes thousands). */
function ownerFinder(owners: readonly Owner[]): (span: Span) => Owner | undefined {
  const byFile = new Map<string, Owner[]>();
  for (const owner of owners) byFile.set(owner.span.file, [...(byFile.get(owner.span.file) ?? []), owner]);
  for (const list of byFile.values()) list.sort((a, b) => a.span.start - b.span.start);
  return (span) => {
    const list = byFile.get(span.file);
    if (list === undefined) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const owner = list[middle]!;
      if (span.start < owner.span.start) high = middle - 1;
      else if (span.start > owner.span.end) low = middle + 1;
      else return owner;
    }
    return undefined;
  };
}

/** Bad candidates with their problems, warnings, and problems no candidate explains. */
function judge(candidates: readonly Candidate[], context: ImportContext, targetText: string, column: number) {
  const { ledger, target } = context;
  const bad = new Map<Candidate, ImportProblem[]>();
  const warnings: ImportProblem[] = [];
  const refusals: Diagnostic[] = [];
  if (candidates.length === 0) return { bad, warnings, refusals };
  const fresh = candidates.filter((candidate) => candidate.existing === null);
  const { appended } = editsOf(candidates, context, targetText, column);
  const newText = appended === null ? targetText : targetText + appended.text;
  const parsed = parseSource(newText, target);
  const added = parsed.directives.filter((directive) => directive.span.start >= targetText.length);
  if (added.length !== fresh.length || parsed.diagnostics.some((d) => d.span !== null && d.span.start >= targetText.length)
    || added.some((directive, index) => directive.type !== "transaction" || claimIdOf(directive as LedgerEntry) !== fresh[index]!.id)) {
    throw new Error(`the imported claims do not read back as written in ${target}`);
  }
  const isNew = (diagnostic: Diagnostic) => diagnostic.span !== null && diagnostic.span.file === target && diagnostic.span.start >= targetText.length;
  const booked = bookClaims(added, ledger.entries, ledger.options, isNew);
  const updated = new Map<BookedTransaction, BookedTransaction>();
  for (const candidate of candidates) if (candidate.existing !== null) updated.set(candidate.existing, changedClaim(candidate.existing, candidate.change!));
  const claims = [...ledger.claims.map((claim) => updated.get(claim) ?? claim), ...booked.claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sources = new Map(ledger.sources);
  // The target as it would be: only its text is read (to place a diagnostic).
  sources.set(target, { path: target, text: newText } as unknown as SourceFile);
  const claimFiles = new Map(ledger.claimFiles);
  claimFiles.set(target, context.declaration);
  const before = new Set([...ledger.diagnostics, ...runDomainChecks(ledger, context.domain)].map(diagnosticKey));
  const after = [...booked.diagnostics, ...runDomainChecks({ ...ledger, claims, sources, claimFiles }, context.domain)];

  const owners: Owner[] = [];
  const bookedById = new Map(booked.claims.map((claim) => [claimIdOf(claim)!, claim]));
  for (const candidate of candidates) {
    const claim = candidate.existing === null ? bookedById.get(candidate.id) : candidate.existing;
    if (claim !== undefined) owners.push({ candidate, span: claim.span, postings: claim.postings.map((posting) => posting.span) });
  }
  const ownerOf = ownerFinder(owners);
  for (const diagnostic of after) {
    if (diagnostic.span === null) continue;
    const owner = ownerOf(diagnostic.span);
    if (owner === undefined) {
      if (diagnostic.severity === "error" && !before.has(diagnosticKey(diagnostic))) refusals.push(diagnostic);
      continue;
    }
    const posting = owner.postings.findIndex((span) => spanWithin(diagnostic.postingSpan ?? diagnostic.span!, span) && span.start === (diagnostic.postingSpan ?? diagnostic.span!).start);
    const line = owner.candidate.document.lines[posting];
    const place = line?.place ?? owner.candidate.document.place;
    const id = owner.candidate.id;
    const message = `${id}: ${diagnostic.message.startsWith(`${id}: `) ? diagnostic.message.slice(id.length + 2) : diagnostic.message} (${diagnostic.code})`;
    const chinese = diagnostic.translatable === undefined ? diagnostic.message : translate(diagnostic.translatable, "zh");
    const zh = `${id}：${chinese.startsWith(`${id}：`) ? chinese.slice(id.length + 1) : chinese}（${diagnostic.code}）`;
    if (diagnostic.severity === "warning") warnings.push({ place, message, zh });
    else if (!before.has(diagnosticKey(diagnostic))) {
      const list = bad.get(owner.candidate) ?? [];
      list.push({ place, message, zh });
      bad.set(owner.candidate, list);
    }
  }
  return { bad, warnings, refusals };
}
