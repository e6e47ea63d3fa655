// `feeledger report customers FILE [-p PERIOD] [--by customer|department] [--top N]`: what each
// customer brings in and costs (客户盈利分析), with pooled costs split by the allocation rules.
import { Option, type Command } from "commander";
import { reportEntries } from "../../claims/pending.js";
import { customersReport, customersSheet } from "../../reports/customers.js";
import { displayScales } from "../../reports/display.js";
import { REPORT_ROOT_OPTION, feeledgerOption } from "../../reports/journal-options.js";
import { defaultedRange } from "../../reports/periods.js";
import {
  EXIT_ERRORS, langOf, EXIT_OK, UsageError, parsePeriod, parsePositiveInteger, resolveJournal, todayOf, type CommandShared, type DateRange, type Io,
} from "../context.js";
import { addReportFlags, emitSheet, loadForReport, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message, say } from "../../i18n/message.js";

export interface ReportCustomersContext {
  readonly file: string;
  readonly range: DateRange;
  readonly pending: boolean;
  readonly root: string | null;
  readonly by: "customer" | "department";
  readonly top: number | null;
  readonly compare: DateRange | null;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

export function runReportCustomers(io: Io, context: ReportCustomersContext): number {
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const entries = reportEntries(ledger, context.pending);
  const range = defaultedRange(context.range, entries, todayOf(io));
  if (range === null) {
    io.stderr(`feeledger: ${say(langOf(io), "stop nothing in period", {})}\n`);
    return EXIT_OK;
  }
  const root = context.root ?? feeledgerOption(ledger.entries, REPORT_ROOT_OPTION) ?? ledger.options.accountRoots.expenses;
  const report = customersReport(entries, { ...range, root, incomeRoot: ledger.options.accountRoots.income, by: context.by, top: context.top, compare: context.compare });
  return emitSheet(io, context.output, customersSheet(report, displayScales(entries)), ledger);
}

type Flags = ReportFlags & { root?: string; by?: string; top?: number; compare?: string };

export function registerReportCustomers(report: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(report.command("customers").argument("[FILE]"))
    .option("--root <ACCOUNT>")
    .option("--by <WHAT>")
    .addOption(new Option("--top <N>").argParser((value: string) => parsePositiveInteger(value, "--top")))
    .option("--compare <PERIOD>")
    .action((file: string | undefined, flags: Flags) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      const by = (flags.by ?? "customer").trim();
      if (by !== "customer" && by !== "department") throw new UsageError(message("usage unknown customers by", { by: String(flags.by) }));
      setExit(runReportCustomers(io, {
        file: journal.file, range: reportRange(flags), pending: flags.pending === true, root: flags.root ?? null, by, top: flags.top ?? null,
        compare: flags.compare === undefined ? null : parsePeriod(flags.compare, "--compare"),
        output: outputChoice(io, flags, global().color), color: global().color,
      }));
    });
}
