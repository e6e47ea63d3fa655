// `feeledger allocate FILE --through YYYY-MM [--dry-run]`: book the allocation of every pooled
// posting through a month (分摊 / 分账入账) that the journal does not already hold; refused when
// one falls in a closed month.
import { message, say } from "../../i18n/message.js";
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { allocationRules } from "../../allocation/rules.js";
import { pendingAllocations } from "../../allocation/pending.js";
import { allocationEdits } from "../../edit/allocate.js";
import { unifiedDiff } from "../../edit/diff.js";
import { editsByFile } from "../../edit/edits.js";
import { endOfMonth } from "../../core/dates.js";
import { renderTable } from "../../render/table.js";
import { isLocked, periodState } from "../../periods/rule.js";
import { refuseOnErrors, writeJournalEdits } from "../writing.js";
import type { Month } from "../../schedules/schedule.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, journalTextOut, parseMonthOption, requireReadableFile, resolveJournal, useColor, type CommandShared, type Io,
  langOf, terminalWidth,
} from "../context.js";

export interface AllocateContext {
  readonly file: string;
  readonly through: Month;
  readonly dryRun: boolean;
  readonly color: boolean | undefined;
}

export function runAllocate(io: Io, context: AllocateContext): number {
  const lang = langOf(io);
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file, { keepText: true });
  if (refuseOnErrors(io, ledger, [...ledger.diagnostics, ...allocationRules(ledger.entries).diagnostics], context.file, context.color)) return EXIT_ERRORS;
  const planned = pendingAllocations(ledger.entries, ledger.options.accountRoots.income, endOfMonth(`${context.through}-01`));
  if (planned.length === 0) {
    io.stdout(say(lang, "writer nothing to allocate", { through: context.through }) + "\n");
    return EXIT_OK;
  }
  const periods = periodState(ledger.entries);
  const closed = planned.filter((item) => isLocked(periods, item.transaction.date));
  if (closed.length > 0) {
    for (const item of closed) io.stderr(`feeledger: ${say(lang, "writer allocation in closed month", { account: item.transaction.booked[item.index]!.account, date: item.transaction.date })}\n`);
    io.stderr(say(lang, "writer allocations in closed months", { count: closed.length, latest: `${periods.latest}` }) + "\n");
    return EXIT_ERRORS;
  }
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  const edits = allocationEdits(planned, textOf);
  if (context.dryRun) {
    for (const [file, fileEdits] of editsByFile(edits)) io.stdout(journalTextOut(io, unifiedDiff(file, textOf(file), fileEdits)));
    io.stderr(say(lang, "writer dry run", { would: say(lang, "writer would write allocations", { count: planned.length }) }) + "\n");
    return EXIT_OK;
  }
  if (!writeJournalEdits(io, edits, textOf)) return EXIT_ERRORS;
  io.stdout(renderTable(
    [
      { header: say(lang, "label Date", {}) }, { header: say(lang, "column account", {}), shrink: "start" }, { header: say(lang, "writer Rule", {}) },
      { header: say(lang, "column amount", {}), align: "right" }, { header: say(lang, "writer Parts", {}), shrink: "end" },
    ],
    planned.map(({ transaction, index, plan }) => {
      const units = transaction.booked[index]!.units;
      return [transaction.date, transaction.booked[index]!.account, plan.rule.method, `${units.number.toFixed(units.scale)} ${units.currency}`,
        plan.parts.map((part) => `${part.name} ${part.amount.toFixed(units.scale)}`).join(", ")];
    }),
    { color: useColor(io, "stdout", context.color), width: terminalWidth(io) },
  ) + "\n");
  io.stdout(say(lang, "writer wrote allocations", { count: planned.length, files: [...new Set(planned.map((item) => item.transaction.span.file))].join(", ") }) + "\n");
  return EXIT_OK;
}

export function registerAllocate(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("allocate")
    .argument("[FILE]")
    .option("--through <YYYY-MM>")
    .option("--dry-run")
    .action((file: string | undefined, options: { through?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      if (options.through === undefined) throw new UsageError(message("usage allocate needs through", {}));
      setExit(runAllocate(io, { file: journal.file, through: parseMonthOption(options.through, "--through"), dryRun: options.dryRun === true, color: global().color }));
    });
}
