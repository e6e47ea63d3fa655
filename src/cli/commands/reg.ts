// `feeledger reg FILE [ACCOUNT-PATTERN...]`: postings with a running total per commodity.
import type { Command } from "commander";
import { reportEntries } from "../../claims/pending.js";
import { displayScales } from "../../reports/display.js";
import { fillRegisterTable, registerReport, registerSheetParts, registerTableLines } from "../../reports/register.js";
import { sheetTableOf, writeSheetTableLines } from "../../render/sheet.js";
import { ByteTable } from "../../render/byte-lines.js";
import { EXIT_ERRORS, EXIT_OK, compileAccountPattern, resolveJournal, type CommandShared, type DateRange, type Io } from "../context.js";
import { addReportFlags, emitPieces, emitSheetParts, loadForReport, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";

export interface RegisterContext {
  readonly file: string;
  readonly patterns: readonly string[];
  readonly range: DateRange;
  readonly pending: boolean;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}


export function runRegister(io: Io, context: RegisterContext): number {
  const patterns = context.patterns.map(compileAccountPattern);
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const report = registerReport(reportEntries(ledger, context.pending), { patterns, ...context.range });
  const scales = displayScales(ledger.entries);
  const parts = registerSheetParts(report, scales);
  const { output } = context;
  if (output.format !== "table") return emitSheetParts(io, output, parts, ledger);
  // (A table drawn from the report's rows, none of them kept as sheet rows: registerTableLines.)
  const style = { ...output, format: "table" as const };
  // (To standard output without colour: drawn in one read of the rows, as bytes; see render/byte-lines.ts.)
  const around = output.file === null && io.stdoutBytes !== undefined ? sheetTableOf(parts.sheet, style) : null;
  if (around !== null) {
    const table = new ByteTable(around.columns, report.columns.count);
    if (fillRegisterTable(report, scales, table)) {
      table.footer(around.footer);
      if (table.ok) {
        table.write(style.width, around.before, "\n", io.stdoutBytes!);
        return EXIT_OK;
      }
    }
  }
  return emitPieces(io, output.file, (write) => writeSheetTableLines(parts.sheet, style, parts.rows, registerTableLines(report, scales), write), ledger);
}

export function registerRegister(program: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(program
    .command("reg")
    .alias("register")
    .argument("[FILE-AND-PATTERNS...]"))
    .action((args: string[], flags: ReportFlags) => {
      const journal = resolveJournal(io, global().file, args);
      setExit(runRegister(io, {
        file: journal.file, patterns: journal.rest, range: reportRange(flags), pending: flags.pending === true,
        output: outputChoice(io, flags, global().color), color: global().color,
      }));
    });
}
