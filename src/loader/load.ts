// The loading pipeline: read and parse every file (following includes), interpret options, check
// account names, sort, book, pad, assert balances, validate. Every stage returns its problems as
// diagnostics; nothing here throws on user input.
import * as path from "node:path";
import type { BookedTransaction, Directive, LedgerEntry } from "../core/data.js";
import { typeOrder } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { LedgerOptions } from "../core/options.js";
import type { Span } from "../core/span.js";
import { appendAll, error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { parseSource, type ParsedSource } from "../parser/parse.js";
import type { DirectReader } from "../parser/direct.js";
import { expandInclude, openSource, readProblem, type SourceFile } from "../source/files.js";
import { interpretOptions } from "./options.js";
import { isValidAccountName, referencedAccounts } from "../validation/accounts.js";
import { validateAccountsAndCurrencies } from "../validation/accounts.js";
import { validateDuplicates } from "../validation/duplicates.js";
import { validateDocuments } from "../validation/documents.js";
import { bookEntries } from "../booking/book.js";
import { applyPads } from "../booking/pad.js";
import { checkBalanceAssertions } from "../booking/balance.js";
import { checkTransactionBalances } from "../booking/residual.js";
import { loadClaimFiles } from "./claim-files.js";
import { runPlugins, type PluginDeclaration } from "../plugins/run.js";
import { clockToday } from "../core/dates.js";
import { message } from "../i18n/message.js";

export interface Ledger {
  /**
   * The books (what `include` reaches: what bean-check and Fava read): every entry, sorted,
   * transactions booked, pad-generated transactions included.
   */
  readonly entries: readonly LedgerEntry[];
  /** Claims in progress from the claim files (claim-files.ts): never in the books; in date order. */
  readonly claims: readonly BookedTransaction[];
  /** Each claim file, by the path used in spans, and the `claims` declaration that names it. */
  readonly claimFiles: ReadonlyMap<string, Span>;
  readonly options: LedgerOptions;
  /** Every file read (the books' and the claim files), by the path used in spans. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** The top-level file. */
  readonly mainFile: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Every metadata key written in the files (a cheap test of whether a feature is used at all). */
  readonly metaKeys: ReadonlySet<string>;
}

interface Parsed {
  directives: Directive[];
  lines: number[];
  options: { name: string; value: string; span: Span }[];
  /** The top-level file's plugin lines (beancount ignores those of included files). */
  plugins: PluginDeclaration[];
  sources: Map<string, SourceFile>;
  diagnostics: Diagnostic[];
  metaKeys: Set<string>;
  /** The direct reader that read the files (the claim files are read with it too). */
  shared: { reader: DirectReader | null };
}

export interface LoadOptions {
  /**
   * Hold every file's text as parsed (writers: they edit exactly that text). Otherwise the text is
   * not kept and is read again if a diagnostic or an edit needs it (see SourceFile).
   */
  readonly keepText?: boolean;
  /** Today (YYYY-MM-DD) for plugins that need it (forecast); the clock's by default. */
  readonly today?: string;
}

/** A file being read, whose includes are being followed. */
interface IncludingFile {
  readonly file: string;
  readonly absolute: string;
  readonly includes: readonly { path: string; span: Span }[];
  /** The next include to expand. */
  nextInclude: number;
  /** The files the include being followed names, the next to read, and where it is written. */
  matches: readonly string[];
  nextMatch: number;
  followedInclude: Span | null;
}

/**
 * Read a file and everything it includes; entries in parse order with their line numbers. Files
 * are read depth first, each include where it is written, a glob's matches in sorted order. An
 * explicit stack of the files being read, not recursion: a chain of thousands of includes is as
 * good a journal as any (bean-check reads it).
 */
function parseRecursively(mainFile: string, keepText: boolean): Parsed {
  /** One direct reader for every file (see parseSource's `shared`). */
  const shared: { reader: DirectReader | null } = { reader: null };
  const parsed: Parsed = { directives: [], lines: [], options: [], plugins: [], sources: new Map(), diagnostics: [], metaKeys: new Set(), shared };
  const loaded = new Set<string>();
  const reading: IncludingFile[] = [];
  /** Where each file being read is on the stack (for cycles). */
  const readingAt = new Map<string, number>();

  /** Read one file, adding what it holds to `parsed`; its includes, or null if it was not read. */
  const read = (file: string, includedFrom: Span | null): IncludingFile | null => {
    const absolute = path.resolve(file);
    const cycleStart = readingAt.get(absolute);
    if (cycleStart !== undefined) {
      const chain = [...reading.slice(cycleStart).map((including) => including.absolute), absolute].map((p) => path.relative(process.cwd(), p) || p);
      parsed.diagnostics.push(error("include-cycle", message("include-cycle", { chain: cycleText(chain) }), includedFrom));
      return null;
    }
    if (loaded.has(absolute)) {
      parsed.diagnostics.push(error("duplicate-include", message("duplicate-include", { file }), includedFrom));
      return null;
    }
    const source = openSource(file, keepText);
    if ("error" in source) {
      parsed.diagnostics.push(error("missing-file", source.problem, includedFrom));
      return null;
    }
    let result: ParsedSource;
    try {
      result = parseSource(source.readPieces(), file, { invalidUtf8: source.invalidUtf8, shared });
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === undefined) throw thrown;
      parsed.diagnostics.push(error("missing-file", readProblem(file, thrown), includedFrom));
      return null;
    }
    loaded.add(absolute);
    parsed.sources.set(file, source);
    appendAll(parsed.diagnostics, result.diagnostics);
    // Line numbers order same-day entries as beancount does. (The first file's lists are taken as
    // they are: a large journal is mostly one file.)
    if (parsed.directives.length === 0) {
      parsed.directives = result.directives;
      parsed.lines = result.lines;
    } else {
      appendAll(parsed.directives, result.directives);
      appendAll(parsed.lines, result.lines);
    }
    for (const key of result.metaKeys) parsed.metaKeys.add(key);
    if (reading.length === 0) appendAll(parsed.options, result.options);
    else if (result.options.length > 0) {
      for (const option of result.options) {
        parsed.diagnostics.push(warning("option-in-include", message("option-in-include", { name: option.name }), option.span));
      }
    }
    if (reading.length === 0) appendAll(parsed.plugins, result.plugins);
    else {
      for (const plugin of result.plugins) {
        parsed.diagnostics.push(warning("plugin-in-include", message("plugin-in-include", { module: plugin.module }), plugin.span));
      }
    }
    return { file, absolute, includes: result.includes, nextInclude: 0, matches: [], nextMatch: 0, followedInclude: null };
  };

  /** The next file the file being read includes, and where; null once it has none left. */
  const nextIncluded = (including: IncludingFile): { file: string; span: Span } | null => {
    while (including.nextMatch >= including.matches.length) {
      if (including.nextInclude >= including.includes.length) return null;
      const include = including.includes[including.nextInclude++]!;
      including.matches = expandInclude(including.file, include.path);
      including.nextMatch = 0;
      including.followedInclude = include.span;
      if (including.matches.length === 0) {
        parsed.diagnostics.push(error("missing-include", message("missing-include", { file: path.join(path.dirname(including.file), include.path) }), include.span));
      }
    }
    return { file: including.matches[including.nextMatch++]!, span: including.followedInclude! };
  };

  const enter = (including: IncludingFile | null): void => {
    if (including === null) return;
    readingAt.set(including.absolute, reading.length);
    reading.push(including);
  };
  enter(read(mainFile, null));
  while (reading.length > 0) {
    const including = reading[reading.length - 1]!;
    const included = nextIncluded(including);
    if (included === null) {
      reading.pop();
      readingAt.delete(including.absolute);
      continue;
    }
    enter(read(included.file, included.span));
  }
  return parsed;
}

/** Files of an include cycle named in its message; a longer cycle is named by its ends. */
const CYCLE_FILES_NAMED = 8;

/** `a -> b -> a`; a cycle through thousands of files names its first and last few, not a line of a hundred kilobytes. */
function cycleText(chain: readonly string[]): string {
  if (chain.length <= CYCLE_FILES_NAMED) return chain.join(" -> ");
  const half = CYCLE_FILES_NAMED / 2;
  const left = chain.length - CYCLE_FILES_NAMED;
  return [...chain.slice(0, half), `(${left} more files)`, ...chain.slice(-half)].join(" -> ");
}

/** Beancount's order: by date, then type (open, balance, the rest, document, close), then line. */
function compareEntries(left: Directive, leftLine: number, right: Directive, rightLine: number): number {
  if (left.date !== right.date) return left.date < right.date ? -1 : 1;
  return compareSameDay(left, leftLine, right, rightLine);
}

/** compareEntries of two entries of the same day. */
function compareSameDay(left: Directive, leftLine: number, right: Directive, rightLine: number): number {
  const typeDifference = typeOrder(left) - typeOrder(right);
  if (typeDifference !== 0) return typeDifference;
  return leftLine - rightLine;
}

/** Entries in beancount's order (exported for the tests). */
export function sortEntries(directives: Directive[], lines: number[]): Directive[] {
  const nearly = insertionSorted(directives, lines);
  if (nearly !== null) return nearly;
  const order = directives.map((_, index) => index);
  order.sort((a, b) => compareEntries(directives[a]!, lines[a]!, directives[b]!, lines[b]!));
  return order.map((index) => directives[index]!);
}

/**
 * Entries in order when they are at most a few places out of it, by insertion (stable, as the
 * general sort is), or null when that would move entries more than about once each (the general
 * sort then takes over). Most journals are written in order, and then `directives` itself comes
 * back, read once: each entry's date is read once and compared with the latest date so far. A
 * journal whose first line is a `custom` option dated the day of its opens (the opens sort before
 * it), or one split over included files whose days run across two files (the second file's lines
 * sort before the first's), moves a few entries: only then are the arrays copied.
 */
function insertionSorted(directives: Directive[], lines: number[]): Directive[] | null {
  let sorted = directives;
  let sortedLines = lines;
  let budget = directives.length + 1024;
  // The latest date so far: the date of sorted[index - 1] (an entry put back keeps the latest last).
  let latest = directives.length > 0 ? directives[0]!.date : "";
  for (let index = 1; index < sorted.length; index++) {
    const directive = sorted[index]!;
    const line = sortedLines[index]!;
    const date = directive.date;
    if (date === latest ? compareSameDay(sorted[index - 1]!, sortedLines[index - 1]!, directive, line) <= 0 : latest < date) {
      latest = date;
      continue;
    }
    if (sorted === directives) {
      sorted = directives.slice();
      sortedLines = lines.slice();
    }
    let at = index;
    while (at > 0) {
      const earlier = sorted[at - 1]!;
      const earlierDate = earlier.date;
      if (earlierDate === date ? compareSameDay(earlier, sortedLines[at - 1]!, directive, line) <= 0 : earlierDate < date) break;
      if (--budget < 0) return null;
      sorted[at] = earlier;
      sortedLines[at] = sortedLines[at - 1]!;
      at--;
    }
    sorted[at] = directive;
    sortedLines[at] = line;
  }
  return sorted;
}

/** A boolean option's value as beancount reads it. */
function isTrue(value: string): boolean {
  return ["true", "1", "yes"].includes(value.toLowerCase());
}

/**
 * The line each entry is written on, by its span (booking may replace an entry by another with
 * the same span); an entry a plugin made from nothing written sorts as line 0, as in beancount.
 * (Exported for the tests, with linesBySpanMap.)
 */
export function linesBySpan(directives: readonly Directive[], lines: readonly number[]): (entry: LedgerEntry) => number {
  // Each file's entries come in the order they are written: their starts and lines are kept in
  // arrays, and a lookup (plugins ask for every entry, mostly in order) searches on from where the
  // last one in that file ended (a Map of a hundred thousand starts took tens of milliseconds to
  // fill). Starts out of order (not written by the parser) fall back to a Map.
  const byFile = new Map<string, StartLines>();
  let lastFile: string | null = null;
  let last: StartLines | null = null;
  for (let index = 0; index < directives.length; index++) {
    const directive = directives[index]!;
    const file = directive instanceof PlainTransaction ? directive.file : directive.span.file;
    const start = directive instanceof PlainTransaction ? directive.start : directive.span.start;
    if (file !== lastFile) {
      lastFile = file;
      last = byFile.get(file) ?? null;
      if (last === null) byFile.set(file, (last = { starts: [], lines: [], near: 0 }));
    }
    const starts = last!.starts;
    if (starts.length > 0 && !(start > starts[starts.length - 1]!)) return linesBySpanMap(directives, lines);
    starts.push(start);
    last!.lines.push(lines[index]!);
  }
  lastFile = null;
  last = null;
  return (entry) => {
    const file = entry instanceof PlainTransaction ? entry.file : entry.span.file;
    const start = entry instanceof PlainTransaction ? entry.start : entry.span.start;
    if (file !== lastFile) {
      lastFile = file;
      last = byFile.get(file) ?? null;
    }
    return last === null ? 0 : lineAtStart(last, start) ?? 0;
  };
}

/** One file's entry starts, increasing, and their lines; `near`: where the last lookup ended. */
interface StartLines {
  readonly starts: number[];
  readonly lines: number[];
  near: number;
}

/** The line of the entry starting at `start`, or undefined: the entry at `near` or the next are tried first. */
function lineAtStart(table: StartLines, start: number): number | undefined {
  const starts = table.starts;
  const near = table.near;
  if (starts[near] === start) return table.lines[near];
  if (starts[near + 1] === start) return table.lines[(table.near = near + 1)];
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! < start) low = middle + 1;
    else high = middle;
  }
  if (starts[low] !== start) return undefined;
  table.near = low;
  return table.lines[low];
}

/** linesBySpan by a Map per file (entries whose starts are not in order). */
export function linesBySpanMap(directives: readonly Directive[], lines: readonly number[]): (entry: LedgerEntry) => number {
  const byFile = new Map<string, Map<number, number>>();
  directives.forEach((directive, index) => {
    const span = directive.span;
    let starts = byFile.get(span.file);
    if (starts === undefined) byFile.set(span.file, (starts = new Map()));
    starts.set(span.start, lines[index]!);
  });
  // (A compact transaction's file and start read without making its span: plugins sort by this.)
  return (entry) => entry instanceof PlainTransaction
    ? byFile.get(entry.file)?.get(entry.start) ?? 0
    : byFile.get(entry.span.file)?.get(entry.span.start) ?? 0;
}

export function loadLedger(mainFile: string, loadOptions: LoadOptions = {}): Ledger {
  const parsed = parseRecursively(mainFile, loadOptions.keepText === true);
  const { options, diagnostics: optionProblems } = interpretOptions(parsed.options);
  // `allow_pipe_separator` silences the pipe's error, as in beancount.
  const diagnostics: Diagnostic[] = options.raw.has("allow_pipe_separator") && isTrue(options.raw.get("allow_pipe_separator")!.at(-1)!)
    ? parsed.diagnostics.filter((diagnostic) => diagnostic.code !== "pipe-deprecated")
    : [...parsed.diagnostics];
  appendAll(diagnostics, optionProblems);

  // Account names are checked against the roots the options declare; like beancount, each bad
  // name is reported where it is written and the entry is kept. A journal names a few hundred
  // accounts hundreds of thousands of times, so each name is checked once.
  const validity = new Map<string, boolean>();
  const isValid = (account: string): boolean => {
    let valid = validity.get(account);
    if (valid === undefined) validity.set(account, (valid = isValidAccountName(account, options.accountRoots)));
    return valid;
  };
  for (let index = 0; index < parsed.directives.length; index++) {
    const directive = parsed.directives[index]!;
    if (directive instanceof PlainTransaction) {
      for (let at = directive.firstPosting(); at >= 0; at = directive.nextPosting(at)) {
        const account = directive.accountAt(at);
        if (!isValid(account)) diagnostics.push(error(CODES.accountName, MESSAGES.accountName(account), directive.spanAt(at)));
      }
      continue;
    }
    if (directive.type === "transaction") {
      for (const posting of directive.postings) {
        if (!isValid(posting.account)) diagnostics.push(error(CODES.accountName, MESSAGES.accountName(posting.account), posting.span));
      }
      continue;
    }
    const accounts = directive.type === "open" || directive.type === "close" ? [directive.account] : referencedAccounts(directive as LedgerEntry);
    for (const account of accounts) {
      if (!isValid(account)) diagnostics.push(error(CODES.accountName, MESSAGES.accountName(account), directive.span));
    }
  }

  const lineOf = parsed.plugins.length > 0 ? linesBySpan(parsed.directives, parsed.lines) : null;
  const sorted = sortEntries(parsed.directives, parsed.lines);
  const booked = bookEntries(sorted, options);
  appendAll(diagnostics, booked.diagnostics);
  // plugin_processing_mode "raw" runs only the declared plugins: beancount's own pad, documents
  // and balance stages are left out.
  const raw = options.raw.get("plugin_processing_mode")?.at(-1) === "raw";
  let entries: readonly LedgerEntry[] = booked.value;
  if (!raw) {
    const padded = applyPads(booked.value, options);
    appendAll(diagnostics, padded.diagnostics);
    entries = padded.value;
  }
  if (lineOf !== null) {
    const plugged = runPlugins(entries, options, parsed.plugins, { today: loadOptions.today ?? clockToday(), lineOf });
    appendAll(diagnostics, plugged.diagnostics);
    entries = plugged.entries;
    for (const [file, source] of plugged.sources) if (!parsed.sources.has(file)) parsed.sources.set(file, source);
  }
  if (!raw) appendAll(diagnostics, checkBalanceAssertions(entries, options));
  appendAll(diagnostics, validateAccountsAndCurrencies(entries));
  appendAll(diagnostics, validateDuplicates(entries));
  if (!raw) appendAll(diagnostics, validateDocuments(entries));
  appendAll(diagnostics, checkTransactionBalances(entries, options));
  const claimFiles = loadClaimFiles(entries, parsed.sources, options, loadOptions.keepText === true, parsed.shared);
  appendAll(diagnostics, claimFiles.diagnostics);
  for (const key of claimFiles.metaKeys) parsed.metaKeys.add(key);
  return { entries, claims: claimFiles.claims, claimFiles: claimFiles.files, options, sources: parsed.sources, mainFile, diagnostics, metaKeys: parsed.metaKeys };
}
