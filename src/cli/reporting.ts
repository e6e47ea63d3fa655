// What the report commands share: the common flags (-b/-e/-p, --pending, --format, -o, --lang,
// --bom), -M/-Q/-Y, --by, loading the journal (its errors shown instead of misleading figures),
// and writing the output to the terminal or to a file.
import { Option, type Command } from "commander";
import type { Ledger } from "../loader/load.js";
import { loadLedger } from "../loader/load.js";
import { inClaimFile } from "../claims/pending.js";
import { runDomainChecks } from "../validation/domain.js";
import type { Interval } from "../reports/periods.js";
import type { Grouping } from "../reports/grouping.js";
import type { Sheet } from "../reports/sheet.js";
import { formatDiagnostic } from "../render/diagnostics.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderSheet, sheetDocument, writeSheet, writeSheetTableFrom } from "../render/sheet.js";
import { sheetOf, type SheetParts } from "../reports/sheet-parts.js";
import { renderWorkbook } from "../render/workbook.js";
import { renderHtml, type OutputDocument } from "../render/html.js";
import { writeOutputBytes } from "../edit/output.js";
import { WriteRefusedError } from "../edit/replace.js";
import { terminalText } from "../render/terminal.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, formatFromFileName, parseDateRange, parseFormat, langOf, parsePeriod, requireReadableFile, terminalWidth, useColor,
  type DateRange, type Io, type OutputFormat,
} from "./context.js";
import type { Lang } from "../reports/sheet.js";
import { message, say } from "../i18n/message.js";

/** The common report flags as commander hands them over. */
export interface ReportFlags {
  readonly begin?: string;
  readonly end?: string;
  readonly period?: string;
  readonly pending?: boolean;
  readonly format?: string;
  readonly output?: string;
  readonly lang?: string;
  readonly bom?: boolean;
  readonly chart?: boolean;
  readonly ascii?: boolean;
}

/** Where and how a report is written. */
export interface OutputChoice {
  readonly format: OutputFormat;
  readonly lang: Lang;
  readonly color: boolean;
  readonly bom: boolean;
  /** The -o file, or null for standard output. */
  readonly file: string | null;
  /** Columns a table may take. */
  readonly width: number;
  /** --chart: the report's chart under the table, in ASCII only with --ascii. */
  readonly chart?: "unicode" | "ascii";
}

/** --chart and --ascii (trend, structure, budget). */
export function addChartFlags(command: Command): Command {
  return command
    .option("--chart")
    .option("--ascii");
}

/** Add -b/-e/-p and, unless told otherwise, --pending and the output flags. */
export function addReportFlags(command: Command, { dates = true, pending = true, output = true } = {}): Command {
  if (dates) {
    command
      .option("-b, --begin <DATE>")
      .option("-e, --end <DATE>")
      .option("-p, --period <PERIOD>");
  }
  if (pending) command.option("--pending");
  if (output) addOutputFlags(command);
  return command;
}

/** --format, -o and --bom, meaning the same on every command that takes them (--lang is global: main.ts). */
export function addOutputFlags(command: Command): Command {
  return command
    .addOption(new Option("--format <FORMAT>"))
    .option("-o, --output <FILE>")
    .option("--bom");
}

/** The date range of -p, or of -b and -e. */
export function reportRange(flags: ReportFlags): DateRange {
  if (flags.period !== undefined) {
    if (flags.begin !== undefined || flags.end !== undefined) throw new UsageError(message("usage period with begin or end", {}));
    return parsePeriod(flags.period);
  }
  return parseDateRange(flags.begin, flags.end);
}

export function outputChoice(io: Io, flags: ReportFlags, colorFlag: boolean | undefined): OutputChoice {
  const file = flags.output ?? null;
  const format = flags.format !== undefined ? parseFormat(flags.format) : file !== null ? formatFromFileName(file) : "table";
  if (flags.bom === true && format !== "csv") throw new UsageError(message("usage bom without csv", {}));
  if (format === "xlsx" && file === null && (io.stdoutIsTty || io.stdoutBytes === undefined)) {
    throw new UsageError(message("usage xlsx to terminal", {}));
  }
  if (flags.ascii === true && flags.chart !== true) throw new UsageError(message("usage ascii without chart", {}));
  if (flags.chart === true && format !== "table") throw new UsageError(message("usage chart format", { format }));
  return {
    ...(flags.chart === true ? { chart: flags.ascii === true ? "ascii" as const : "unicode" as const } : {}),
    format,
    lang: langOf(io),
    color: file === null && useColor(io, "stdout", colorFlag),
    bom: flags.bom === true,
    file,
    width: terminalWidth(io),
  };
}

/** -M, -Q, -Y: at most one; `fallback` when none. */
export function addIntervalFlags(command: Command, only?: "year"): Command {
  if (only !== "year") command.option("-M, --monthly").option("-Q, --quarterly");
  return command.option("-Y, --yearly");
}

export function intervalOf(flags: { monthly?: boolean; quarterly?: boolean; yearly?: boolean }, fallback: Interval): Interval {
  const chosen: Interval[] = [];
  if (flags.monthly) chosen.push("month");
  if (flags.quarterly) chosen.push("quarter");
  if (flags.yearly) chosen.push("year");
  if (chosen.length > 1) throw new UsageError(message("usage intervals exclude", {}));
  return chosen[0] ?? fallback;
}

/** --by customer|claimant|department|payee|tag|meta:KEY, else accounts below the root to --depth. */
export function parseGrouping(by: string | undefined, depth: number | undefined): Grouping {
  if (by === undefined) return { kind: "account", depth: depth ?? 1 };
  if (depth !== undefined) throw new UsageError(message("usage depth with by", {}));
  const value = by.trim();
  if (value === "customer" || value === "claimant" || value === "department") return { kind: "meta", key: value };
  if (value === "payee") return { kind: "payee" };
  if (value === "tag") return { kind: "tag" };
  if (value.startsWith("meta:") && value.length > 5) return { kind: "meta", key: value.slice(5) };
  throw new UsageError(message("usage unknown by", { by }));
}

/**
 * Load the journal; on errors, show them and return null (the caller exits 1). Errors in claim
 * files concern claims in progress, which the books' figures do not count: they stop a report
 * only with --pending (`pending`).
 */
export function loadForReport(io: Io, file: string, colorFlag: boolean | undefined, pending = false): Ledger | null {
  requireReadableFile(file);
  const ledger = loadLedger(file);
  const blocking = pending ? ledger.diagnostics : ledger.diagnostics.filter((diagnostic) => !inClaimFile(ledger, diagnostic));
  return showBlockingErrors(io, blocking, ledger, file, colorFlag) ? null : ledger;
}

/**
 * Figures from a journal with errors would mislead: show the errors among `diagnostics` instead.
 * Returns whether there were any (the caller then exits 1).
 */
export function showBlockingErrors(io: Io, diagnostics: readonly Diagnostic[], ledger: Pick<Ledger, "sources">, file: string, colorFlag: boolean | undefined): boolean {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return false;
  const style = { color: useColor(io, "stderr", colorFlag), excerpt: false, lang: langOf(io) };
  for (const diagnostic of errors) io.stderr(formatDiagnostic(diagnostic, ledger.sources, style, file) + "\n");
  io.stderr(say(style.lang, "stop report errors", { count: errors.length, file: terminalText(file) }) + "\n");
  return true;
}

/**
 * The journal and every problem in it (the bookkeeping checks' too), for the lists of claims and
 * receipts; null, after showing them, when the books have errors (an amount line that did not read
 * drops its claim: the list and its totals would be wrong). A claim's own problems (a missing
 * receipt, an error in its claim file) are listed, not refused.
 */
export function loadWithProblems(io: Io, file: string, colorFlag: boolean | undefined, today: string): { ledger: Ledger; diagnostics: Diagnostic[] } | null {
  requireReadableFile(file);
  const ledger = loadLedger(file);
  if (showBlockingErrors(io, ledger.diagnostics.filter((diagnostic) => !inClaimFile(ledger, diagnostic)), ledger, file, colorFlag)) return null;
  return { ledger, diagnostics: [...ledger.diagnostics, ...runDomainChecks(ledger, { today })] };
}

/** The distinct codes of `diagnostics`, errors first: a problems column. */
export function diagnosticCodes(diagnostics: readonly Diagnostic[]): string {
  const ordered = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return [...new Set(ordered.map((d) => d.code))].join(", ");
}

/**
 * Write text to the -o file or to standard output; the exit code. The -o file is never one of the
 * journal's files (a usage error); any other file is replaced atomically, and a failed write leaves
 * it as it was.
 */
export function emit(io: Io, file: string | null, text: string, journal: Pick<Ledger, "sources">): number {
  if (file === null) {
    io.stdout(text);
    return EXIT_OK;
  }
  return emitBytes(io, file, Buffer.from(text, "utf8"), journal);
}

/** emit for bytes that are not UTF-8 text (a workbook, a GBK file): to the -o file only. */
export function emitBytes(io: Io, file: string, bytes: Buffer, journal: Pick<Ledger, "sources">): number {
  try {
    writeOutputBytes(file, bytes, journal.sources.keys(), io.env);
    return EXIT_OK;
  } catch (thrown) {
    if (thrown instanceof WriteRefusedError) throw new UsageError(thrown.said ?? thrown.message);
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === undefined) throw thrown;
    io.stderr(`feeledger: ${say(langOf(io), "stop cannot write", { file, why: (thrown as Error).message })}\n`);
    return EXIT_ERRORS;
  }
}

/** Write a workbook to the -o file, or to standard output (not a terminal: outputChoice refused that). */
export function emitWorkbook(io: Io, file: string | null, bytes: Buffer, journal: Pick<Ledger, "sources">): number {
  if (file !== null) return emitBytes(io, file, bytes, journal);
  io.stdoutBytes!(bytes);
  return EXIT_OK;
}

/** A document (the rows of a command that is not a sheet) as xlsx or html. */
export function emitDocument(io: Io, output: OutputChoice, document: OutputDocument, journal: Pick<Ledger, "sources">): number {
  if (output.format === "xlsx") return emitWorkbook(io, output.file, renderWorkbook(document.sections), journal);
  return emit(io, output.file, renderHtml(document, output.lang), journal);
}

/**
 * emitSheet of a sheet whose rows are made as they are visited: a table is drawn as they are made
 * (a long register or ledger keeps none of its rows), any other format reads the whole sheet.
 */
export function emitSheetParts(io: Io, output: OutputChoice, parts: SheetParts, journal: Pick<Ledger, "sources">): number {
  if (output.format !== "table") return emitSheet(io, output, sheetOf(parts), journal);
  const style = { ...output, format: "table" as const };
  return emitPieces(io, output.file, (write) => writeSheetTableFrom(parts.sheet, style, parts.rows, write), journal);
}

/**
 * emit of a text that `draw` gives to its `write` in pieces: to standard output a piece at a time
 * (a long table is never one string), or gathered for the -o file.
 */
export function emitPieces(io: Io, file: string | null, draw: (write: (text: string) => void) => void, journal: Pick<Ledger, "sources">): number {
  if (file === null) {
    draw(io.stdout);
    return EXIT_OK;
  }
  const pieces: string[] = [];
  draw((text) => { pieces.push(text); });
  return emit(io, file, pieces.join(""), journal);
}

export function emitSheet(io: Io, output: OutputChoice, sheet: Sheet, journal: Pick<Ledger, "sources">): number {
  if (output.format === "xlsx" || output.format === "html") return emitDocument(io, output, sheetDocument(sheet, output.lang), journal);
  const style = { ...output, format: output.format as "table" | "csv" | "json" };
  if (output.file === null) {
    // (To standard output a piece at a time: a long table is never one string.)
    writeSheet(sheet, style, io.stdout);
    return EXIT_OK;
  }
  return emit(io, output.file, renderSheet(sheet, style), journal);
}
