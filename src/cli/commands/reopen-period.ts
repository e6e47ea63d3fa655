// `feeledger reopen-period FILE YYYY-MM --by NAME --reason TEXT [--dry-run]`: reopen the latest
// closed month (反结账), keeping the trail: the close stays, a period-reopened directive lifts it
// (periods/reopen.ts). Allowed while the books have errors.
import { message, say, translate } from "../../i18n/message.js";
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { planReopen } from "../../periods/reopen.js";
import { placeOf } from "../../claims/place.js";
import { unifiedDiff } from "../../edit/diff.js";
import { writeJournalEdits } from "../writing.js";
import { EXIT_ERRORS, EXIT_OK, langOf, requireReadableFile, resolveJournal, todayOf, UsageError, type CommandShared, type Io } from "../context.js";
import { requireText } from "./claim-decision.js";
import { parseMonthArgument } from "./close-period.js";

export interface ReopenPeriodContext {
  readonly file: string;
  readonly month: string;
  readonly by: string;
  readonly reason: string;
  readonly dryRun: boolean;
}

export function runReopenPeriod(io: Io, context: ReopenPeriodContext): number {
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file, { keepText: true });
  const on = todayOf(io);
  const plan = planReopen(ledger, { month: context.month, by: context.by, reason: context.reason, on });
  if (plan.kind === "refused") {
    io.stderr(`feeledger: ${say(langOf(io), "writer not reopened", { month: context.month, reason: translate(plan.reason, langOf(io)) })}\n`);
    return EXIT_ERRORS;
  }
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  if (context.dryRun) {
    io.stdout(unifiedDiff(plan.file, textOf(plan.file), [plan.edit]));
    io.stderr(say(langOf(io), "writer dry run", { would: say(langOf(io), "writer would reopen", { month: context.month }) }) + "\n");
    return EXIT_OK;
  }
  if (!writeJournalEdits(io, [plan.edit], textOf)) return EXIT_ERRORS;
  io.stdout(say(langOf(io), "writer reopened", {
    month: context.month, by: context.by, on, place: `${plan.file}:${plan.line}`,
    close: placeOf(plan.close.entry.span, ledger.sources), lastVoucher: plan.close.lastVoucher,
  }) + "\n");
  return EXIT_OK;
}

export function registerReopenPeriod(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("reopen-period")
    .argument("[FILE-AND-MONTH...]")
    .option("--by <NAME>")
    .option("--reason <TEXT>")
    .option("--dry-run")
    .action((args: string[], options: { by?: string; reason?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      if (journal.rest.length > 1) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[1]! }));
      const month = parseMonthArgument(journal.rest[0], "reopen-period");
      const by = requireText(options.by, "--by NAME", "reopen-period");
      const reason = requireText(options.reason, "--reason TEXT", "reopen-period");
      setExit(runReopenPeriod(io, { file: journal.file, month, by, reason, dryRun: options.dryRun === true }));
    });
}
