// `feeledger close-period FILE YYYY-MM [--by NAME] [--dry-run]`: close a month (结账): number its
// vouchers and record the close (periods/close.ts). Refused while the books have errors, while the
// month holds claims approved but not posted, before it ends, and out of order.
import { message, say, translate } from "../../i18n/message.js";
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { planClose } from "../../periods/close.js";
import { unifiedDiff } from "../../edit/diff.js";
import { editsByFile } from "../../edit/edits.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { writeJournalEdits } from "../writing.js";
import { EXIT_ERRORS, EXIT_OK, parseMonthOption, requireReadableFile, resolveJournal, todayOf, UsageError, useColor, type CommandShared, type Io, langOf } from "../context.js";
import { requireText } from "./claim-decision.js";

export interface ClosePeriodContext {
  readonly file: string;
  readonly month: string;
  readonly by: string;
  readonly dryRun: boolean;
  readonly color: boolean | undefined;
}

export function runClosePeriod(io: Io, context: ClosePeriodContext): number {
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file, { keepText: true });
  const on = todayOf(io);
  const plan = planClose(ledger, { month: context.month, by: context.by, on }, { today: on });
  const color = useColor(io, "stderr", context.color);
  const sources = [...ledger.sources.keys()];
  switch (plan.kind) {
    case "unchanged":
      io.stdout(say(langOf(io), "writer nothing to do", { reason: translate(plan.reason, langOf(io)) }) + "\n");
      return EXIT_OK;
    case "refused":
      for (const problem of sortDiagnostics(plan.problems, sources)) io.stderr(formatDiagnostic(problem, ledger.sources, { color, excerpt: false, lang: langOf(io) }, context.file) + "\n");
      io.stderr(`feeledger: ${say(langOf(io), "writer not closed", { month: context.month, reason: typeof plan.reason === "string" ? plan.reason : translate(plan.reason, langOf(io)) })}\n`);
      return EXIT_ERRORS;
    case "planned":
      break;
  }
  for (const warning of plan.warnings) io.stderr(formatDiagnostic(warning, ledger.sources, { color, excerpt: false, lang: langOf(io) }, context.file) + "\n");
  const count = plan.numbered.length;
  const numbered = { count, first: plan.numbered[0]?.voucher ?? null, last: plan.numbered[count - 1]?.voucher ?? null, lastBefore: plan.lastVoucher };
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  if (context.dryRun) {
    for (const [file, edits] of editsByFile(plan.edits)) io.stdout(unifiedDiff(file, textOf(file), edits));
    io.stderr(say(langOf(io), "writer dry run", { would: say(langOf(io), "writer would close", { month: context.month, ...numbered }) }) + "\n");
    return EXIT_OK;
  }
  if (!writeJournalEdits(io, plan.edits, textOf)) return EXIT_ERRORS;
  io.stdout(say(langOf(io), "writer closed", {
    month: context.month, by: context.by, on, ...numbered, place: `${plan.file}:${plan.line}`,
  }) + "\n");
  return EXIT_OK;
}

/** A month argument: YYYY-MM, a month that exists (years 0001 to 9999). */
export function parseMonthArgument(value: string | undefined, command: string): string {
  if (value === undefined) throw new UsageError(message("usage needs month", { command }));
  return parseMonthOption(value, command);
}

/** --by, else the login name from the environment. */
function closer(io: Io, by: string | undefined): string {
  if (by !== undefined) return requireText(by, "--by NAME", "close-period");
  const login = io.env.USER ?? io.env.LOGNAME ?? io.env.USERNAME;
  if (login === undefined || login.trim() === "") throw new UsageError(message("usage close needs by", {}));
  return login.trim();
}

export function registerClosePeriod(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("close-period")
    .argument("[FILE-AND-MONTH...]")
    .option("--by <NAME>")
    .option("--dry-run")
    .action((args: string[], options: { by?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      if (journal.rest.length > 1) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[1]! }));
      const month = parseMonthArgument(journal.rest[0], "close-period");
      setExit(runClosePeriod(io, { file: journal.file, month, by: closer(io, options.by), dryRun: options.dryRun === true, color: global().color }));
    });
}
