// `feeledger fmt FILE... [--check] [--dry-run] [--align file|block]`: align the amounts of each
// named journal file in place, as bean-format does but measured in display columns (CJK two).
// Only spaces and tabs change; a file whose formatted text would not read as the same journal is
// left alone and reported. --check lists the files that would change (exit 1 if any), --dry-run
// prints the change as a unified diff; neither writes.
import { Option, type Command } from "commander";
import { unifiedDiff } from "../../edit/diff.js";
import { planFormat, type FilePlan } from "../../fmt/plan.js";
import type { AlignScope } from "../../fmt/format.js";
import { terminalText } from "../../render/terminal.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, journalTextOut, langOf, requireReadableFile, resolveJournal, type CommandShared, type Io } from "../context.js";
import { say, translate } from "../../i18n/message.js";
import { writeJournalEdits } from "../writing.js";
import { message } from "../../i18n/message.js";

export interface FmtContext {
  readonly files: readonly string[];
  readonly align: AlignScope;
  readonly check: boolean;
  readonly dryRun: boolean;
}

function parseAlign(value: string | undefined): AlignScope {
  if (value === undefined || value === "file" || value === "block") return value ?? "file";
  throw new UsageError(message("usage unknown align", { value }));
}

export function runFmt(io: Io, context: FmtContext): number {
  const lang = langOf(io);
  const plans: FilePlan[] = [];
  for (const file of context.files) {
    try {
      plans.push(planFormat(file, { align: context.align }));
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === undefined) throw thrown;
      io.stderr(say(lang, "fmt cannot read", { file: terminalText(file), why: terminalText((thrown as Error).message) }) + "\n");
      return EXIT_ERRORS;
    }
  }
  const refused = plans.filter((plan) => plan.refused !== null);
  for (const plan of refused) {
    io.stderr(say(lang, "fmt refused", { file: terminalText(plan.file), why: translate(plan.refused!, lang) }) + "\n");
  }
  const changing = plans.filter((plan) => plan.refused === null && plan.edits.length > 0);
  if (context.check) {
    for (const plan of changing) io.stdout(`${terminalText(plan.file)}\n`);
    return changing.length > 0 || refused.length > 0 ? EXIT_ERRORS : EXIT_OK;
  }
  if (refused.length > 0) return EXIT_ERRORS;
  if (context.dryRun) {
    for (const plan of changing) io.stdout(journalTextOut(io, unifiedDiff(plan.file, plan.text, plan.edits)));
    return EXIT_OK;
  }
  const texts = new Map(changing.map((plan) => [plan.file, plan.text]));
  if (!writeJournalEdits(io, changing.flatMap((plan) => plan.edits), (file) => texts.get(file)!)) return EXIT_ERRORS;
  for (const plan of changing) io.stdout(say(lang, "fmt formatted", { file: terminalText(plan.file) }) + "\n");
  return EXIT_OK;
}

export function registerFmt(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("fmt")
    .argument("[FILE...]")
    .option("--check")
    .option("--dry-run")
    .addOption(new Option("--align <SCOPE>").default("file"))
    .action((args: string[], options: { check?: boolean; dryRun?: boolean; align?: string }) => {
      const align = parseAlign(options.align);
      const fileOption = global().file;
      const named = args.length === 0 ? [resolveJournal(io, fileOption, []).file] : fileOption === undefined ? args : [fileOption, ...args];
      const files = [...new Set(named)];
      for (const file of files) requireReadableFile(file);
      setExit(runFmt(io, { files, align, check: options.check === true, dryRun: options.dryRun === true }));
    });
}
