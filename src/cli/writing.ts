// How the writers (`approve`, `reject`, `post`, `amortize`) put their edits on disk and report a
// write that was refused or failed. Not a command of its own.
import type { TextEdit } from "../edit/edits.js";
import { PartialWriteError, StaleFileError, WriteRefusedError, planChanges, writeChanges, type KeptBytes } from "../edit/write.js";
import { terminalText } from "../render/terminal.js";
import { langOf, useColor, type Io } from "./context.js";
import type { Ledger } from "../loader/load.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { inClaimFile } from "../claims/pending.js";
import { formatDiagnostic, sortDiagnostics } from "../render/diagnostics.js";
import { say, translate } from "../i18n/message.js";

/**
 * Write the edits (planned on the texts `textOf` gives); on a refusal or a failure, say why on
 * standard error and return false. `beforeWrite` runs after planning, just before writing (tests
 * change a file underneath there). `decodedBytes` as for planChanges.
 */
export function writeJournalEdits(io: Io, edits: readonly TextEdit[], textOf: (file: string) => string, beforeWrite?: () => void, decodedBytes?: (file: string) => KeptBytes | null): boolean {
  try {
    const changes = planChanges(edits, textOf, decodedBytes);
    beforeWrite?.();
    writeChanges(changes, { environment: io.env });
    return true;
  } catch (thrown) {
    if (!reportWriteFailure(io, thrown)) throw thrown;
    return false;
  }
}

/**
 * Say on standard error why a write of the journal was refused or failed; false for anything else
 * (a bug, which the caller throws on).
 */
export function reportWriteFailure(io: Io, thrown: unknown): boolean {
  if (thrown instanceof WriteRefusedError) io.stderr(`feeledger: ${terminalText(thrown.said === null ? thrown.message : translate(thrown.said, langOf(io)))}\n`);
  else if (thrown instanceof StaleFileError) io.stderr(`feeledger: ${terminalText(translate(thrown.said, langOf(io)))}\n`);
  else if (thrown instanceof PartialWriteError) io.stderr(`feeledger: ${say(langOf(io), "stop cannot write journal", { why: terminalText(thrown.message), nothingWritten: false })}\n`);
  else if ((thrown as NodeJS.ErrnoException).code !== undefined) io.stderr(`feeledger: ${say(langOf(io), "stop cannot write journal", { why: terminalText((thrown as Error).message), nothingWritten: true })}\n`);
  else return false;
  return true;
}

/**
 * A writer computing from faulty books could write wrong entries: show the errors among
 * `diagnostics` (those of claim files aside: they concern claims in progress, which the books do
 * not count) and return true when there were any (the caller then writes nothing).
 */
export function refuseOnErrors(io: Io, ledger: Ledger, diagnostics: readonly Diagnostic[], file: string, colorFlag: boolean | undefined): boolean {
  const errors = sortDiagnostics(diagnostics, [...ledger.sources.keys()])
    .filter((diagnostic) => diagnostic.severity === "error" && !inClaimFile(ledger, diagnostic));
  if (errors.length === 0) return false;
  const style = { color: useColor(io, "stderr", colorFlag), excerpt: true, lang: langOf(io) };
  for (const diagnostic of errors) io.stderr(formatDiagnostic(diagnostic, ledger.sources, style, file) + "\n");
  io.stderr(say(style.lang, "stop errors", { count: errors.length }) + "\n");
  return true;
}
