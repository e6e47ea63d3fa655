// `feeledger amortize FILE --through YYYY-MM [--output FILE] [--dry-run]`: write every installment
// due through a month that the journal does not already hold; refused when one is due in a closed month.
import { message, say } from "../../i18n/message.js";
import * as path from "node:path";
import type { Command } from "commander";
import { loadLedger, type Ledger } from "../../loader/load.js";
import { scheduleStates } from "../../schedules/states.js";
import type { Month } from "../../schedules/schedule.js";
import { validateSchedules } from "../../validation/schedules.js";
import { planAmortization } from "../../edit/amortize.js";
import { unifiedDiff } from "../../edit/diff.js";
import { editsByFile } from "../../edit/edits.js";
import { renderTable } from "../../render/table.js";
import { isLocked, periodState } from "../../periods/rule.js";
import { refuseOnErrors, writeJournalEdits } from "../writing.js";
import { terminalText } from "../../render/terminal.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, journalTextOut, parseMonthOption, requireReadableFile, resolveJournal, todayOf, useColor, type CommandShared, type Io, langOf, terminalWidth,
} from "../context.js";

export interface AmortizeContext {
  readonly file: string;
  /** The last month to write installments for. */
  readonly through: Month;
  /** The journal file new installments go to; null: the file of each schedule. */
  readonly output: string | null;
  readonly dryRun: boolean;
  readonly color: boolean | undefined;
}

export function runAmortize(io: Io, context: AmortizeContext): number {
  const lang = langOf(io);
  const today = todayOf(io);
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file, { keepText: true });
  const output = context.output === null ? null : journalFile(ledger, context.output);
  const states = scheduleStates(ledger);
  if (refuseOnErrors(io, ledger, [...ledger.diagnostics, ...validateSchedules(ledger, states, today)], context.file, context.color)) return EXIT_ERRORS;
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  const periods = periodState(ledger.entries);
  const locked = (date: string) => isLocked(periods, date);
  const plan = planAmortization(states.value, context.through, textOf, output, locked);
  if (plan.installments.length === 0) {
    io.stdout(say(lang, "writer nothing to amortize", { through: context.through }) + "\n");
    return EXIT_OK;
  }
  // Nothing is written into a closed month (periods/rule.ts): installments due there refuse the run.
  const inClosedMonths = plan.installments.filter((planned) => locked(planned.installment.date));
  if (inClosedMonths.length > 0) {
    for (const { schedule, installment } of inClosedMonths) {
      const amount = `${installment.amount.toFixed(schedule.scale)} ${schedule.currency}`;
      io.stderr(`feeledger: ${say(lang, "writer installment in closed month", { number: installment.number, months: schedule.months, schedule: schedule.id, amount, date: installment.date })}\n`);
    }
    io.stderr(say(lang, "writer installments in closed months", { count: inClosedMonths.length, latest: `${periods.latest}` }) + "\n");
    return EXIT_ERRORS;
  }
  if (context.dryRun) {
    for (const [file, edits] of editsByFile(plan.edits)) io.stdout(journalTextOut(io, unifiedDiff(file, textOf(file), edits)));
    io.stderr(say(lang, "writer dry run", { would: say(lang, "writer would write installments", { count: plan.installments.length }) }) + "\n");
    return EXIT_OK;
  }
  if (!writeJournalEdits(io, plan.edits, textOf)) return EXIT_ERRORS;
  io.stdout(renderTable(
    [
      { header: say(lang, "label Date", {}) }, { header: say(lang, "schedules column Schedule", {}), shrink: "end" },
      { header: say(lang, "writer Installment", {}), align: "right" }, { header: say(lang, "column amount", {}), align: "right" }, { header: say(lang, "column commodity", {}) },
    ],
    plan.installments.map(({ schedule, installment }) => [
      installment.date, schedule.id, `${installment.number}/${schedule.months}`, installment.amount.toFixed(schedule.scale), schedule.currency,
    ]),
    { color: useColor(io, "stdout", context.color), width: terminalWidth(io) },
  ) + "\n");
  const files = [...new Set(plan.installments.map((planned) => planned.file))].join(", ");
  const named = new Set(plan.installments.filter((planned) => !planned.schedule.idWritten && !locked(planned.schedule.transaction.date)).map((planned) => planned.schedule.id)).size;
  io.stdout(say(lang, "writer wrote installments", { count: plan.installments.length, files: terminalText(files), named }) + "\n");
  return EXIT_OK;
}

/** The journal's own name for `file`, which must be one of the files it loads. */
function journalFile(ledger: Ledger, file: string): string {
  const wanted = path.resolve(file);
  for (const loaded of ledger.sources.keys()) {
    if (path.resolve(loaded) !== wanted) continue;
    if (ledger.claimFiles.has(loaded)) throw new UsageError(message("usage output is claim file", { file }));
    return loaded;
  }
  const include = path.relative(path.dirname(path.resolve(ledger.mainFile)), wanted).split(path.sep).join("/");
  throw new UsageError(message("usage output not in journal", { file, journal: ledger.mainFile, include }));
}

function parseThrough(value: string | undefined): Month {
  if (value === undefined) throw new UsageError(message("usage amortize needs through", {}));
  return parseMonthOption(value, "--through");
}

export function registerAmortize(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("amortize")
    .argument("[FILE]")
    .option("--through <YYYY-MM>")
    .option("--output <FILE>")
    .option("--dry-run")
    .action((file: string | undefined, options: { through?: string; output?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runAmortize(io, {
        file: journal.file,
        through: parseThrough(options.through),
        output: options.output ?? null,
        dryRun: options.dryRun === true,
        color: global().color,
      }));
    });
}
