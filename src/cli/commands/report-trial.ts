// `feeledger report trial FILE [-p PERIOD] [--depth N]`: the trial balance (科目余额表) of the books.
import { Option, type Command } from "commander";
import { ChartOfAccounts } from "../../books/accounts.js";
import { booksCurrency } from "../../periods/vouchers.js";
import { displayScales } from "../../reports/display.js";
import { trialBalance, trialSheet } from "../../reports/trial.js";
import { EXIT_ERRORS, langOf, EXIT_OK, UsageError, parsePositiveInteger, resolveJournal, type CommandShared, type DateRange, type Io } from "../context.js";
import { addReportFlags, emitSheet, loadForReport, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message, say } from "../../i18n/message.js";

export interface ReportTrialContext {
  readonly file: string;
  readonly range: DateRange;
  /** Levels shown, or null for all. */
  readonly depth: number | null;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

/** 0 when written; 1 when the journal has errors or, written anyway, the totals do not balance. */
export function runReportTrial(io: Io, context: ReportTrialContext): number {
  const ledger = loadForReport(io, context.file, context.color);
  if (ledger === null) return EXIT_ERRORS;
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const report = trialBalance(ledger.entries, chart, { ...context.range, depth: context.depth, currency: booksCurrency(ledger.options) });
  if (report.sections.length === 0) {
    io.stderr(`feeledger: ${say(langOf(io), "stop nothing before end", {})}\n`);
    return EXIT_OK;
  }
  const written = emitSheet(io, context.output, trialSheet(report, displayScales(ledger.entries)), ledger);
  const unbalanced = report.sections.filter((section) => !section.balanced);
  if (unbalanced.length === 0) return written;
  for (const section of unbalanced) {
    const { total } = section;
    io.stderr(
      `feeledger: debits and credits differ in ${section.currency}: opening ${total.openingDebit.toFixed()} / ${total.openingCredit.toFixed()}, ` +
      `period ${total.debit.toFixed()} / ${total.credit.toFixed()}, closing ${total.closingDebit.toFixed()} / ${total.closingCredit.toFixed()}\n`,
    );
  }
  return EXIT_ERRORS;
}

type Flags = ReportFlags & { depth?: number };

/** Adds `trial` to the `report` command group. */
export function registerReportTrial(report: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(report.command("trial").argument("[FILE]"), { pending: false })
    .addOption(new Option("--depth <N>").argParser((value: string) => parsePositiveInteger(value, "--depth")))
    .action((file: string | undefined, flags: Flags) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runReportTrial(io, {
        file: journal.file, range: reportRange(flags), depth: flags.depth ?? null, output: outputChoice(io, flags, global().color), color: global().color,
      }));
    });
}
