// What the report commands share: the common flags (-b/-e/-p, --pending, --format, -o, --lang,
// --bom), -M/-Q/-Y, --by, loading the journal (its errors shown instead of misleading figures),
// and writing the output to the terminal or to a file.
import { Option, type Command } from "commander";
import type { Ledger } from "../loader/load.js";
import { loadLedger } from "../loader/load.js";
import { inClaimFile } from "../claims/pending.js";
import type { Interval } from "../reports/periods.js";
import type { Grouping } from "../reports/grouping.js";
import type { Sheet } from "../reports/sheet.js";
import { formatDiagnostic } from "../render/diagnostics.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderSheet } from "../render/sheet.js";
import { writeOutputBytes } from "../edit/output.js";
import { WriteRefusedError } from "../edit/replace.js";
import { terminalText } from "../render/terminal.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, formatFromFileName, parseDateRange, parseFormat, langOf, parsePeriod, requireReadableFile, useColor,
  type DateRange, type Io, type OutputFormat,
} from "./context.js";
import type { Lang } from "../reports/sheet.js";

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
}

export const DEFAULT_WIDTH = 100;

/** Add -b/-e/-p and, unless told otherwise, --pending and the output flags. */
export function addReportFlags(command: Command, { dates = true, pending = true, output = true } = {}): Command {
  if (dates) {
    command
      .option("-b, --begin <DATE>", "include postings on or after DATE")
      .option("-e, --end <DATE>", "include postings before DATE (exclusive)")
      .option("-p, --period <PERIOD>", "2026, 2026-03, 2026Q1 or 2026-01..2026-06 (instead of -b/-e)");
  }
  if (pending) command.option("--pending", "also count the submitted and approved claims of the claim files (never rejected ones)");
  if (output) {
    command
      .addOption(new Option("--format <FORMAT>", "table, csv or json (default: from -o FILE, else table)"))
      .option("-o, --output <FILE>", "write to FILE; .csv and .json choose the format")
            .option("--bom", "start CSV with a byte-order mark (Excel on Windows)");
  }
  return command;
}

/** The date range of -p, or of -b and -e. */
export function reportRange(flags: ReportFlags): DateRange {
  if (flags.period !== undefined) {
    if (flags.begin !== undefined || flags.end !== undefined) throw new UsageError("-p/--period replaces -b and -e: give one or the other");
    return parsePeriod(flags.period);
  }
  return parseDateRange(flags.begin, flags.end);
}

export function outputChoice(io: Io, flags: ReportFlags, colorFlag: boolean | undefined): OutputChoice {
  const file = flags.output ?? null;
  const format = flags.format !== undefined ? parseFormat(flags.format) : file !== null ? formatFromFileName(file) : "table";
  if (flags.bom === true && format !== "csv") throw new UsageError("--bom applies to CSV output only");
  const columns = Number(io.env.COLUMNS);
  return {
    format,
    lang: langOf(io),
    color: file === null && useColor(io, "stdout", colorFlag),
    bom: flags.bom === true,
    file,
    width: Number.isInteger(columns) && columns >= 40 ? columns : DEFAULT_WIDTH,
  };
}

/** -M, -Q, -Y: at most one; `fallback` when none. */
export function addIntervalFlags(command: Command, only?: "year"): Command {
  if (only !== "year") command.option("-M, --monthly", "one period per month").option("-Q, --quarterly", "one period per quarter");
  return command.option("-Y, --yearly", "one period per year");
}

export function intervalOf(flags: { monthly?: boolean; quarterly?: boolean; yearly?: boolean }, fallback: Interval): Interval {
  const chosen: Interval[] = [];
  if (flags.monthly) chosen.push("month");
  if (flags.quarterly) chosen.push("quarter");
  if (flags.yearly) chosen.push("year");
  if (chosen.length > 1) throw new UsageError("-M, -Q and -Y exclude each other");
  return chosen[0] ?? fallback;
}

/** --by customer|claimant|department|payee|tag|meta:KEY, else accounts below the root to --depth. */
export function parseGrouping(by: string | undefined, depth: number | undefined): Grouping {
  if (by === undefined) return { kind: "account", depth: depth ?? 1 };
  if (depth !== undefined) throw new UsageError("--depth applies to grouping by account, not with --by");
  const value = by.trim();
  if (value === "customer" || value === "claimant" || value === "department") return { kind: "meta", key: value };
  if (value === "payee") return { kind: "payee" };
  if (value === "tag") return { kind: "tag" };
  if (value.startsWith("meta:") && value.length > 5) return { kind: "meta", key: value.slice(5) };
  throw new UsageError(`unknown --by '${by}' (expected customer, claimant, department, payee, tag or meta:KEY)`);
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
  io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"}; run 'feeledger check ${terminalText(file)}' for details\n`);
  return true;
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
    if (thrown instanceof WriteRefusedError) throw new UsageError(thrown.message);
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === undefined) throw thrown;
    io.stderr(`feeledger: cannot write ${file}: ${(thrown as Error).message}; nothing was written\n`);
    return EXIT_ERRORS;
  }
}

export function emitSheet(io: Io, output: OutputChoice, sheet: Sheet, journal: Pick<Ledger, "sources">): number {
  return emit(io, output.file, renderSheet(sheet, output), journal);
}
