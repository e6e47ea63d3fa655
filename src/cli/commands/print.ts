// `feeledger print FILE`: the journal's entries as normalised beancount text (one file, includes
// merged), which feeledger and bean-check read back to the same balances.
import type { Command } from "commander";
import { printJournal, printJournalTo } from "../../render/journal.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, journalTextOut, resolveJournal, type CommandShared, type Io } from "../context.js";
import { emit, loadForReport } from "../reporting.js";
import { message } from "../../i18n/message.js";

export interface PrintContext {
  readonly file: string;
  /** -o FILE, or null for standard output. */
  readonly output: string | null;
  readonly color: boolean | undefined;
}

export function runPrint(io: Io, context: PrintContext): number {
  const ledger = loadForReport(io, context.file, context.color);
  if (ledger === null) return EXIT_ERRORS;
  const source = { entries: ledger.entries, options: ledger.options.raw, mainFile: ledger.mainFile };
  // Exact text for -o FILE and for a pipe (it is read back); escaped only on a terminal. Standard
  // output takes it piece by piece as it is made (the text of a large journal is not held whole).
  if (context.output === null) {
    printJournalTo(source, (text) => io.stdout(journalTextOut(io, text)));
    return EXIT_OK;
  }
  return emit(io, context.output, printJournal(source), ledger);
}

export function registerPrint(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("print")
    .argument("[FILE]")
    .option("-o, --output <FILE>")
    .action((file: string | undefined, flags: { output?: string }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runPrint(io, { file: journal.file, output: flags.output ?? null, color: global().color }));
    });
}
