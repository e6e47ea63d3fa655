// What every command shares: where output goes, colour, the journal path, and usage errors.
import * as fs from "node:fs";
import { addDays, addMonths, clockToday, validDate } from "../core/dates.js";
import type { Lang } from "../i18n/lang.js";
import { message, type Message } from "../i18n/message.js";
import { terminalLines } from "../render/terminal.js";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  /**
   * The language of messages and headings, as main() chose it from --lang, FEELEDGER_LANG and the
   * locale (English when not set, as in a test calling a command directly).
   */
  readonly lang?: Lang;
  /** Columns of the terminal standard output is, when it is one. */
  readonly stdoutColumns?: number;
  /**
   * Bytes (a workbook, a table's UTF-8) to standard output; absent where output is text only. True
   * when it is done with `bytes` (written, not queued), which the caller may then fill again.
   */
  readonly stdoutBytes?: (bytes: Buffer) => boolean;
}

/** A problem with how the command was called: exit status 2. */
export class UsageError extends Error {
  /** The message by its key (catalogue `usage ...`), which main.ts prints in the chosen language; null for a text passed on in English only. */
  readonly said: Message | null;

  /** `.message` is the English text, whatever the language. */
  constructor(said: Message | string) {
    super(typeof said === "string" ? said : said.text);
    this.said = typeof said === "string" ? null : said;
  }
}

/** Done: no error in the journal (warnings allowed), or the command did what it was asked. */
export const EXIT_OK = 0;
/** The journal has errors, or the command refused or could not do what it was asked. */
export const EXIT_ERRORS = 1;
/** A usage problem: an unknown command or option, a bad value, a missing file; nothing was done. */
export const EXIT_USAGE = 2;
/** A bug in feeledger (an internal error). */
export const EXIT_INTERNAL = 3;

/** Colour is on for a terminal unless --no-color or NO_COLOR says otherwise. */
export function useColor(io: Io, stream: "stdout" | "stderr", flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return stream === "stdout" ? io.stdoutIsTty : io.stderrIsTty;
}

/**
 * The journal named by -f/--file, else the first positional argument, else FEELEDGER_FILE.
 * Returns the file and the positional arguments that remain.
 */
export function resolveJournal(io: Io, fileOption: string | undefined, args: readonly string[]): { file: string; rest: string[] } {
  if (fileOption !== undefined) return { file: fileOption, rest: [...args] };
  const fromEnv = io.env.FEELEDGER_FILE;
  if (args.length > 0 && (fromEnv === undefined || fromEnv === "" || fs.existsSync(args[0]!))) {
    return { file: args[0]!, rest: args.slice(1) };
  }
  if (fromEnv !== undefined && fromEnv !== "") return { file: fromEnv, rest: [...args] };
  throw new UsageError(message("usage no journal", {}));
}

export function requireReadableFile(file: string): void {
  if (!fs.existsSync(file)) throw new UsageError(message("usage file not found", { file }));
  if (fs.statSync(file).isDirectory()) throw new UsageError(message("usage file is a directory", { file }));
}

export type OutputFormat = "table" | "csv" | "json" | "xlsx" | "html";

const FORMATS: readonly OutputFormat[] = ["table", "csv", "json", "xlsx", "html"];

export function parseFormat(value: string | undefined): OutputFormat {
  const format = (value ?? "table").toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) return format as OutputFormat;
  throw new UsageError(message("usage unknown format", { value: String(value) }));
}

/** Columns a table may take: COLUMNS, else the terminal's width, else 100 (at least 40). */
export function terminalWidth(io: Io): number {
  const columns = Number(io.env.COLUMNS);
  if (io.env.COLUMNS !== undefined && io.env.COLUMNS !== "" && Number.isInteger(columns) && columns >= 40) return columns;
  if (io.stdoutIsTty && io.stdoutColumns !== undefined && io.stdoutColumns >= 40) return io.stdoutColumns;
  return DEFAULT_WIDTH;
}

export const DEFAULT_WIDTH = 100;

/** YYYY-MM-DD, YYYY-MM (first of the month) or YYYY (first of the year). */
export function parseDateOption(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/.exec(value);
  if (match === null) throw new UsageError(message("usage invalid date", { name, value }));
  const date = validDate(Number(match[1]), match[2] ? Number(match[2]) : 1, match[3] ? Number(match[3]) : 1);
  if (date === null) throw new UsageError(message("usage impossible date", { name, value }));
  return date;
}

/**
 * A day given on the command line that is written into the journal (--on): YYYY-MM-DD exactly, a
 * day that exists. (A partial date would be written as a day nobody chose.)
 */
export function parseDayOption(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) throw new UsageError(message("usage invalid date", { name, value }));
  const date = validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (date === null) throw new UsageError(message("usage impossible date", { name, value }));
  return date;
}

/** A month given on the command line: YYYY-MM exactly (`2026` alone would quietly mean 2026-01). */
export function parseMonthOption(value: string, name: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match === null || validDate(Number(match[1]), Number(match[2]), 1) === null) {
    throw new UsageError(message("usage invalid month", { name, value }));
  }
  return value;
}

/**
 * Today: FEELEDGER_TODAY (YYYY-MM-DD, for reproducible runs) when set, else the clock. A value that
 * is not a day that exists is a usage error, as for --on: it would otherwise be written into the
 * journal as a date that does not read back, or be ignored without a word.
 */
export function todayOf(io: Io): string {
  const fixed = io.env.FEELEDGER_TODAY;
  if (fixed === undefined || fixed === "") return clockToday();
  return parseDayOption(fixed, "FEELEDGER_TODAY")!;
}

/**
 * Journal text (print, a --dry-run diff) for standard output: exact for a file or a pipe, which may
 * read it back; escaped on a terminal, which would obey its control characters.
 */
export function journalTextOut(io: Io, text: string): string {
  return io.stdoutIsTty ? terminalLines(text) : text;
}

/** What each command's register function receives. */
export interface CommandShared {
  readonly io: Io;
  readonly setExit: (code: number) => void;
  /** The program-wide options: -f/--file and --no-color. */
  readonly global: () => { file?: string; color?: boolean };
}

export function parsePositiveInteger(value: string, flag: string): number {
  // Digits only: Number() would also take "1e3", "0x10" and " 3".
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new UsageError(message("usage not a whole number", { flag, value }));
  return number;
}

/** A date range: `begin` inclusive, `end` exclusive, either open (null). */
export interface DateRange {
  readonly begin: string | null;
  readonly end: string | null;
}

/** -b/--begin and -e/--end; a range with nothing in it is a usage error (as for -p). */
export function parseDateRange(begin: string | undefined, end: string | undefined): DateRange {
  const range = { begin: parseDateOption(begin, "--begin"), end: parseDateOption(end, "--end") };
  if (range.begin !== null && range.end !== null && range.begin >= range.end) {
    throw new UsageError(message("usage empty range", { begin: range.begin, end: range.end }));
  }
  return range;
}

/**
 * The first day of one side of a period expression and the first day after it (after 9999-12-31
 * that is END_OF_TIME, which sorts after every date: see core/dates.ts).
 */
function periodBounds(text: string): { begin: string; end: string } | null {
  const bounds = (begin: string | null, end: (begin: string) => string) => (begin === null ? null : { begin, end: end(begin) });
  let match = /^(\d{4})$/.exec(text);
  if (match) return bounds(validDate(Number(match[1]), 1, 1), (begin) => addMonths(begin, 12));
  match = /^(\d{4})-?[Qq]([1-4])$/.exec(text);
  if (match) return bounds(validDate(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 1), (begin) => addMonths(begin, 3));
  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) return bounds(validDate(Number(match[1]), Number(match[2]), 1), (begin) => addMonths(begin, 1));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return bounds(validDate(Number(match[1]), Number(match[2]), Number(match[3])), (day) => addDays(day, 1));
  return null;
}

/**
 * A period: `2026`, `2026-03`, `2026Q1` (or `2026-Q1`), `2026-03-15`, or a range of two of them
 * `2026-01..2026-06` (both ends included; either may be left out: `2026-03..`).
 */
export function parsePeriod(value: string, flag = "--period"): DateRange {
  const text = value.trim();
  const invalid = () => new UsageError(message("usage invalid period", { flag, value }));
  const dots = text.indexOf("..");
  if (dots < 0) {
    const bounds = periodBounds(text);
    if (bounds === null) throw invalid();
    return bounds;
  }
  const left = text.slice(0, dots).trim();
  const right = text.slice(dots + 2).trim();
  const from = left === "" ? null : periodBounds(left);
  const to = right === "" ? null : periodBounds(right);
  if ((left !== "" && from === null) || (right !== "" && to === null) || (from === null && to === null)) throw invalid();
  const range = { begin: from?.begin ?? null, end: to === null ? null : to.end };
  if (range.begin !== null && range.end !== null && range.begin >= range.end) throw new UsageError(message("usage empty period", { flag, value }));
  return range;
}

/** The language chosen for this run (main() resolves --lang, FEELEDGER_LANG and the locale). */
export function langOf(io: Io): Lang {
  return io.lang ?? "en";
}

/** The output format an -o FILE implies: by its extension (.csv, .json, .xlsx, .html or .htm), else a table. */
export function formatFromFileName(file: string): OutputFormat {
  const extension = /\.([a-z]+)$/.exec(file.toLowerCase())?.[1] ?? "";
  if (extension === "csv" || extension === "json" || extension === "xlsx" || extension === "html") return extension;
  return extension === "htm" ? "html" : "table";
}

/** An account pattern as hledger takes it: a case-insensitive regular expression. */
export function compileAccountPattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "iu");
  } catch {
    throw new UsageError(message("usage invalid account pattern", { pattern }));
  }
}
