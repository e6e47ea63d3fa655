// What `approve`, `reject` and `post` share: load, plan the decision, report each claim's outcome,
// then show the diff (--dry-run) or write atomically. Not a command of its own.
import { message, say, translate } from "../../i18n/message.js";
import type { Lang } from "../../i18n/lang.js";
import { loadLedger } from "../../loader/load.js";
import { error } from "../../diagnostics/diagnostic.js";
import { planDecision, type Decision } from "../../claims/workflow.js";
import { placeOf } from "../../claims/place.js";
import { inClaimFile } from "../../claims/pending.js";
import { unifiedDiff } from "../../edit/diff.js";
import { editsByFile } from "../../edit/edits.js";
import { keptBytes } from "../../edit/write.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { writeJournalEdits } from "../writing.js";
import { terminalText } from "../../render/terminal.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, journalTextOut, parseDayOption, requireReadableFile, todayOf, useColor, type Io, langOf } from "../context.js";

export interface DecisionContext {
  readonly file: string;
  /** Claim ids, or "all" (post --all). */
  readonly claims: readonly string[] | "all";
  readonly decision: Decision;
  readonly dryRun: boolean;
  readonly color: boolean | undefined;
  /** Runs after planning, just before writing (tests change the file underneath here). */
  readonly beforeWrite?: () => void;
}


/** The date a decision is recorded on: --on, else today (FEELEDGER_TODAY for reproducible runs). */
export function decisionDate(io: Io, on: string | undefined): string {
  return parseDayOption(on, "--on") ?? todayOf(io);
}

/** A person's name or a reason as given on the command line: one line, not empty. */
export function requireText(value: string | undefined, flag: string, command: string): string {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") throw new UsageError(message("usage needs text", { command, flag }));
  if (/[\r\n]/.test(trimmed)) throw new UsageError(message("usage single line", { flag }));
  return trimmed;
}

/** Positional claim ids after the journal; at least one. */
export function requireClaimIds(rest: readonly string[], command: string): string[] {
  if (rest.length === 0) throw new UsageError(message("usage needs claim id", { command }));
  return [...rest];
}

export function runDecision(io: Io, context: DecisionContext): number {
  const today = todayOf(io);
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file, { keepText: true });
  const color = useColor(io, "stderr", context.color);
  const style = { color, excerpt: true, lang: langOf(io) };
  // Errors of the books stop every decision. An error in a claim file concerns a claim in progress:
  // it stops a decision on that claim only (planDecision refuses a claim with errors inside it).
  const errors = sortDiagnostics(ledger.diagnostics.filter((d) => d.severity === "error" && !inClaimFile(ledger, d)), [...ledger.sources.keys()]);
  if (errors.length > 0) {
    for (const diagnostic of errors) io.stderr(formatDiagnostic(diagnostic, ledger.sources, style, context.file) + "\n");
    io.stderr(say(langOf(io), "stop journal errors", { count: errors.length }) + "\n");
    return EXIT_ERRORS;
  }
  const plan = planDecision(ledger, context.claims, context.decision, { today }, context.claims !== "all");
  const verb = context.decision.kind;
  const brief = { color, excerpt: false, lang: langOf(io) };
  const written: string[] = [];
  let refused = 0;
  for (const outcome of plan.outcomes) {
    switch (outcome.kind) {
      case "refused": {
        refused++;
        const reason = (lang: Lang) => translate(outcome.reason, lang);
        if (outcome.claim === null) io.stderr(`feeledger: ${terminalText(reason(brief.lang))}\n`);
        else {
          // The diagnostic's text is English; its Chinese is the same key with the reason in Chinese.
          const refusal = message("writer claim refused", { id: outcome.id, kind: verb, reason: reason("en") });
          const said = brief.lang === "en" ? refusal : { ...refusal, params: { ...refusal.params, reason: reason(brief.lang) } };
          io.stderr(formatDiagnostic(error("claim-refused", said, outcome.claim.span), ledger.sources, brief, context.file) + "\n");
        }
        break;
      }
      case "unchanged":
        io.stdout(say(brief.lang, "writer nothing to do", { reason: terminalText(translate(outcome.reason, brief.lang)) }) + "\n");
        break;
      case "changed": {
        for (const warning of outcome.warnings) io.stderr(formatDiagnostic(warning, ledger.sources, brief, context.file) + "\n");
        const decision = context.decision;
        // A claim dated in a closed month is booked in the first open month (periods/rule.ts).
        written.push(terminalText(say(brief.lang, "writer decided", {
          id: outcome.id, kind: decision.kind, by: decision.kind === "post" ? null : decision.by, on: decision.on,
          bookedOn: outcome.bookedOn, incurred: outcome.claim.date, where: placeOf(outcome.claim.span, ledger.sources),
          movedTo: outcome.movedTo === null ? null : `${outcome.movedTo.file}:${outcome.movedTo.line}`,
        })) + "\n");
        break;
      }
    }
  }
  if (context.claims === "all" && plan.outcomes.length === 0) io.stdout(say(brief.lang, "writer none to decide", { kind: verb }) + "\n");
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  if (plan.edits.length === 0) {
    if (written.length > 0) io.stderr(say(brief.lang, "writer claims refused", { count: refused }) + "\n");
    return refused > 0 ? EXIT_ERRORS : EXIT_OK;
  }
  if (context.dryRun) {
    for (const [file, edits] of editsByFile(plan.edits)) io.stdout(journalTextOut(io, unifiedDiff(file, textOf(file), edits)));
    io.stderr(say(brief.lang, "writer dry run", { would: say(brief.lang, "writer would decide", { kind: verb, count: written.length }) }) + "\n");
    return refused > 0 ? EXIT_ERRORS : EXIT_OK;
  }
  const decodedBytes = (file: string) => keptBytes(ledger.sources.get(file));
  if (!writeJournalEdits(io, plan.edits, textOf, context.beforeWrite, decodedBytes)) return EXIT_ERRORS;
  for (const line of written) io.stdout(line);
  return refused > 0 ? EXIT_ERRORS : EXIT_OK;
}

