// `feeledger report payables FILE [-e DATE]`: what is owed to employees on posted expense claims,
// per employee and claim, with ages in days and totals; table, CSV or JSON.
import type { Command } from "commander";
import { displayScales } from "../../reports/display.js";
import { payablesReport, payablesSheet } from "../../reports/payables.js";
import { writePayablesTable } from "../../reports/payables-table.js";
import { EXIT_ERRORS, langOf, parseDateOption, resolveJournal, todayOf, UsageError, type CommandShared, type Io } from "../context.js";
import { say } from "../../i18n/message.js";
import { addReportFlags, emitPieces, emitSheet, loadForReport, outputChoice, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message } from "../../i18n/message.js";

export interface ReportPayablesContext {
  readonly file: string;
  /** Exclusive end date, or null for the whole journal. */
  readonly end: string | null;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

export function runReportPayables(io: Io, context: ReportPayablesContext): number {
  const ledger = loadForReport(io, context.file, context.color);
  if (ledger === null) return EXIT_ERRORS;
  // (The usual places of each commodity counted in the report's pass over the entries: one pass, not two.)
  const report = payablesReport(ledger.entries, {
    liabilitiesRoot: ledger.options.accountRoots.liabilities, end: context.end, asOf: context.end ?? todayOf(io),
  }, true);
  if (report.employees.length === 0 && context.output.format === "table") {
    // (Into the file when one is named, as the table would have gone.)
    const line = say(langOf(io), "payables nothing owed", { end: context.end }) + "\n";
    return emitPieces(io, context.output.file, (write) => write(line), ledger);
  }
  const scales = report.scales ?? displayScales(ledger.entries);
  if (context.output.format === "table") {
    // (Drawn from the report: a row of texts per claim, not a sheet row first.)
    const style = { ...context.output, format: "table" as const };
    return emitPieces(io, context.output.file, (write) => writePayablesTable(report, scales, style, write, context.output.file === null ? io.stdoutBytes : undefined), ledger);
  }
  return emitSheet(io, context.output, payablesSheet(report, scales), ledger);
}

/** Adds `payables` to the `report` command group. */
export function registerReportPayables(report: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(report.command("payables").argument("[FILE]"), { dates: false, pending: false })
    .option("-e, --end <DATE>")
    .action((file: string | undefined, flags: ReportFlags) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runReportPayables(io, {
        file: journal.file, end: parseDateOption(flags.end, "--end"), output: outputChoice(io, flags, global().color), color: global().color,
      }));
    });
}
