// `feeledger check FILE`: load everything and report every problem.
import { loadLedger } from "../../loader/load.js";
import { beancountCompatibility } from "../../validation/compat.js";
import { runDomainChecks } from "../../validation/domain.js";
import { booksWithClaims } from "../../claims/pending.js";
import { appendAll } from "../../diagnostics/diagnostic.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { message, say } from "../../i18n/message.js";
import type { Command } from "commander";
import { EXIT_ERRORS, EXIT_OK, UsageError, requireReadableFile, resolveJournal, todayOf, useColor, type CommandShared, type Io, langOf } from "../context.js";

export interface CheckContext {
  readonly file: string;
  /** Also warn wherever bean-check would reject the file. */
  readonly beancount: boolean;
  readonly color: boolean | undefined;
}

export function runCheck(io: Io, context: CheckContext): number {
  const today = todayOf(io);
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file);
  const diagnostics = [...ledger.diagnostics];
  appendAll(diagnostics, runDomainChecks(ledger, { today }));
  // The claims in progress too: once posted they are in the books bean-check reads.
  if (context.beancount) appendAll(diagnostics, beancountCompatibility({ entries: booksWithClaims(ledger, "all"), options: ledger.options }));
  const sorted = sortDiagnostics(diagnostics, [...ledger.sources.keys()]);
  if (sorted.length === 0) return EXIT_OK;
  // (Whether standard error is a terminal, only now: asking makes the stream, 10-20 ms at start.)
  const style = { color: useColor(io, "stderr", context.color), excerpt: true, lang: langOf(io) };
  for (const diagnostic of sorted) io.stderr(formatDiagnostic(diagnostic, ledger.sources, style, context.file) + "\n");
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.length - errors;
  io.stderr(`${say(langOf(io), "check-summary", { errors, warnings })}\n`);
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

export function registerCheck(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("check")
    .argument("[FILE]")
    .option("--beancount")
    .action((file: string | undefined, options: { beancount?: boolean }) => {
      setExit(checkCommand(io, { fileOption: global().file, file, beancount: options.beancount === true, color: global().color }));
    });
}

/** What `check` was given on the command line: -f/--file, the FILE argument, --beancount, colour (false for --no-color). */
export interface CheckArguments {
  readonly fileOption: string | undefined;
  readonly file: string | undefined;
  readonly beancount: boolean;
  readonly color: boolean | undefined;
}

/** `check` once its command line is parsed, by commander or by ../plain.ts; returns the exit status. */
export function checkCommand(io: Io, given: CheckArguments): number {
  const journal = resolveJournal(io, given.fileOption, given.file === undefined ? [] : [given.file]);
  if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
  return runCheck(io, { file: journal.file, beancount: given.beancount, color: given.color });
}
