// `feeledger report vouchers FILE [-p PERIOD]`: the vouchers of the books (序时账 / 凭证列表), each with
// its lines, account codes and names, debits, credits and dimensions.
import type { Command } from "commander";
import { ChartOfAccounts } from "../../books/accounts.js";
import { readDimensionCodes } from "../../books/dimensions.js";
import { booksCurrency, buildVouchers } from "../../periods/vouchers.js";
import { displayScales } from "../../reports/display.js";
import { vouchersReport, vouchersRows, vouchersSheet, vouchersTable } from "../../reports/vouchers.js";
import { EXIT_ERRORS, langOf, EXIT_OK, UsageError, resolveJournal, type CommandShared, type DateRange, type Io } from "../context.js";
import { VoucherLines, readVoucherLines, writeVouchersTable } from "../../reports/vouchers-table.js";
import { tableMeasure } from "../../render/table.js";
import { addReportFlags, emitPieces, emitSheet, emitSheetParts, loadForReport, outputChoice, reportRange, showBlockingErrors, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message, say } from "../../i18n/message.js";

export interface ReportVouchersContext {
  readonly file: string;
  readonly range: DateRange;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

export function runReportVouchers(io: Io, context: ReportVouchersContext): number {
  const ledger = loadForReport(io, context.file, context.color);
  if (ledger === null) return EXIT_ERRORS;
  // Dimension codes that are declared wrongly would be listed wrongly: those errors come first.
  const dimensions = readDimensionCodes(ledger.entries);
  if (showBlockingErrors(io, dimensions.diagnostics, ledger, context.file, context.color)) return EXIT_ERRORS;
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const source = { entries: ledger.entries, options: ledger.options, chart, dimensionCodes: dimensions.codes };
  const output = context.output;
  if (output.format === "table" && !output.color) {
    // A table without colour drawn straight from the books (vouchers-table.ts): a long period
    // lists hundreds of thousands of lines.
    // (The commodities' usual places counted as the books are read: displayScales' pass over every
    // posting made once more cost some 25-40 ms.)
    const strlen = tableMeasure();
    const lines = new VoucherLines(null, output.lang, strlen);
    readVoucherLines(source, context.range, lines);
    const scales = lines.scalesOf;
    if (lines.count === 0) {
      io.stderr(`feeledger: ${say(langOf(io), "stop nothing in period", {})}\n`);
      return EXIT_OK;
    }
    const draw = (give: (bytes: Buffer) => boolean | void) => writeVouchersTable(lines, context.range, booksCurrency(ledger.options), scales, { ...output, format: "table" }, give, strlen);
    // (To standard output as bytes when it takes them: the table is drawn in UTF-8.)
    if (output.file === null && io.stdoutBytes !== undefined) {
      draw(io.stdoutBytes);
      return EXIT_OK;
    }
    // (Each piece made a text at once: its bytes may be filled again.)
    return emitPieces(io, output.file, (write) => draw((bytes) => { write(bytes.toString("utf8")); return true; }), ledger);
  }
  const vouchers = buildVouchers(source, context.range);
  if (vouchers.length === 0) {
    io.stderr(`feeledger: ${say(langOf(io), "stop nothing in period", {})}\n`);
    return EXIT_OK;
  }
  const report = vouchersReport(vouchers, context.range, booksCurrency(ledger.options));
  const scales = displayScales(ledger.entries);
  // (A table drawn as its rows are made: a long period lists hundreds of thousands of lines, none kept.)
  if (output.format === "table") return emitSheetParts(io, output, { sheet: vouchersTable(report, scales), rows: vouchersRows(report, scales, "table", output.lang) }, ledger);
  // (xlsx and html read the heading column too: a few vouchers are one section each.)
  const shown = output.format === "csv" || output.format === "json" ? "data" : undefined;
  return emitSheet(io, output, vouchersSheet(report, scales, shown), ledger);
}

/** Adds `vouchers` to the `report` command group. */
export function registerReportVouchers(report: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(report.command("vouchers").argument("[FILE]"), { pending: false })
    .action((file: string | undefined, flags: ReportFlags) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runReportVouchers(io, { file: journal.file, range: reportRange(flags), output: outputChoice(io, flags, global().color), color: global().color }));
    });
}
