// `feeledger export vouchers FILE -p PERIOD --target TARGET -o OUT`: a period's vouchers in the
// import format of 金蝶 (K/3 WISE, 云星空, 精斗云) or 用友 U8, written only when every voucher would be
// taken as it is in the journal (otherwise each problem is shown where it is, and nothing is written).
import type { Command } from "commander";
import { addMonths } from "../../core/dates.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { displayScales } from "../../reports/display.js";
import { ChartOfAccounts } from "../../books/accounts.js";
import { readDimensionCodes } from "../../books/dimensions.js";
import type { Ledger } from "../../loader/load.js";
import { readPeriodEvents } from "../../periods/directives.js";
import { parseVoucher, voucherWord } from "../../periods/numbering.js";
import type { Voucher } from "../../periods/voucher-model.js";
import { booksCurrency, buildVouchers, numberVouchers, numberingItems } from "../../periods/vouchers.js";
import { parentAccounts } from "../../export/accounts.js";
import { exportVouchers } from "../../export/export-vouchers.js";
import type { ExportSettings, ExportTarget } from "../../export/target.js";
import { TARGET_NAMES, findTarget } from "../../export/targets.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, parsePeriod, parsePositiveInteger, resolveJournal, useColor, type CommandShared, type Io, langOf } from "../context.js";
import { emitBytes, loadForReport, showBlockingErrors } from "../reporting.js";
import { message, say } from "../../i18n/message.js";

export interface ExportVouchersContext {
  readonly file: string;
  /** Whole months: begin inclusive, end exclusive. */
  readonly range: { readonly begin: string; readonly end: string };
  readonly target: ExportTarget;
  readonly output: string;
  readonly firstNumber: number;
  /** --number: number the vouchers that have none, for this file only (the journal is not written). */
  readonly number: boolean;
  readonly preparer: string | null;
  readonly accountBook: string | null;
  readonly organization: string | null;
  readonly color: boolean | undefined;
}

interface ExportFlags {
  readonly period?: string;
  readonly target?: string;
  readonly output?: string;
  readonly firstNumber?: string;
  readonly number?: boolean;
  readonly preparer?: string;
  readonly accountBook?: string;
  readonly organization?: string;
}

/** 2026-03, or 2026-01..2026-03. */
export function periodText(range: { readonly begin: string; readonly end: string }): string {
  const last = addMonths(range.end, -1).slice(0, 7);
  const first = range.begin.slice(0, 7);
  return first === last ? first : `${first}..${last}`;
}

/**
 * The vouchers of the months as the books have them (periods/vouchers.ts, as `report vouchers`
 * lists them), and the settings that come from the journal. With --number, the vouchers without a
 * number get the ones `close-period` would give them (after the highest each month has had); the
 * journal is not written. The vouchers pads generate are numbered after the rest of their month.
 */
function vouchersForExport(ledger: Ledger, context: ExportVouchersContext, dimensionCodes: ReturnType<typeof readDimensionCodes>["codes"]): { vouchers: Voucher[]; settings: ExportSettings } {
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const built = buildVouchers({ entries: ledger.entries, options: ledger.options, chart, dimensionCodes }, context.range);
  const vouchers = withPadNumbers(ledger, context.range, context.number ? numberedOnTheFly(ledger, context.range, built) : built);
  const accounts = new Set<string>();
  for (const entry of ledger.entries) {
    if (entry.type === "open") accounts.add(entry.account);
    else if (entry.type === "transaction") for (const posting of entry.booked) accounts.add(posting.account);
  }
  const settings: ExportSettings = {
    booksCurrency: booksCurrency(ledger.options),
    scales: displayScales(ledger.entries),
    firstNumber: context.firstNumber,
    preparer: context.preparer,
    accountBook: context.accountBook,
    organization: context.organization,
    range: context.range,
    parentAccounts: parentAccounts(accounts, (account) => chart.account(account).code),
  };
  return { vouchers, settings };
}

/** The highest number of `word` each month's closes recorded (`last-voucher`), by month YYYY-MM. */
function closedNumbers(ledger: Ledger, word: string): Map<string, number> {
  const issued = new Map<string, number>();
  for (const event of readPeriodEvents(ledger.entries).events) {
    if (event.kind !== "close" || event.lastVoucher === null) continue;
    const last = parseVoucher(event.lastVoucher);
    if (last !== null && last.word === word) issued.set(event.month, Math.max(issued.get(event.month) ?? 0, last.number));
  }
  return issued;
}

/** A voucher is its transaction's: the same place in the journal (a span is made afresh on each read). */
const place = (span: Voucher["span"]) => `${span.file}\u0000${span.start}`;

/**
 * The vouchers with numbers for those without one, by the rule of close-period (numberVouchers):
 * written numbers kept, new ones after the highest of the month, counting the highest a close of
 * the month recorded (`last-voucher`), so a number a deleted voucher had is not given again.
 */
function numberedOnTheFly(ledger: Ledger, range: { readonly begin: string; readonly end: string }, vouchers: readonly Voucher[]): Voucher[] {
  const word = voucherWord(ledger.entries);
  const items = numberingItems(ledger.entries, range);
  const { numbers } = numberVouchers(items.map(({ item }) => item), word, closedNumbers(ledger, word));
  const byPlace = new Map(items.map(({ transaction }, index) => [place(transaction.span), numbers[index] ?? null]));
  return vouchers.map((voucher) => {
    const number = byPlace.get(place(voucher.span)) ?? null;
    return voucher.number === null && number !== null ? { ...voucher, word: number.word, number: number.number } : voucher;
  });
}

/**
 * A voucher a `pad` generates has no text to carry a number (close-period leaves it without): it
 * takes the numbers after the rest of its month (and after the month's closes' `last-voucher`), with
 * or without --number, so that a closed month exports as it is.
 */
function withPadNumbers(ledger: Ledger, range: { readonly begin: string; readonly end: string }, vouchers: readonly Voucher[]): Voucher[] {
  const word = voucherWord(ledger.entries);
  const issued = closedNumbers(ledger, word);
  const written = new Set(numberingItems(ledger.entries, range).map(({ transaction }) => place(transaction.span)));
  const highest = new Map<string, number>();
  for (const voucher of vouchers) {
    const month = voucher.date.slice(0, 7);
    if (voucher.number !== null && voucher.word === word) highest.set(month, Math.max(highest.get(month) ?? issued.get(month) ?? 0, voucher.number));
  }
  // (A written number that is not one, `voucher: "记-X"`, is left without: the export refuses it.)
  return vouchers.map((voucher) => {
    if (voucher.number !== null || written.has(place(voucher.span))) return voucher;
    const month = voucher.date.slice(0, 7);
    const number = (highest.get(month) ?? issued.get(month) ?? 0) + 1;
    highest.set(month, number);
    return { ...voucher, word, number };
  });
}

export function runExportVouchers(io: Io, context: ExportVouchersContext): number {
  const ledger = loadForReport(io, context.file, context.color);
  if (ledger === null) return EXIT_ERRORS;
  // Dimension codes declared wrongly would be written wrongly: those errors come first.
  const dimensions = readDimensionCodes(ledger.entries);
  if (showBlockingErrors(io, dimensions.diagnostics, ledger, context.file, context.color)) return EXIT_ERRORS;
  const period = periodText(context.range);
  const { vouchers, settings } = vouchersForExport(ledger, context, dimensions.codes);
  if (vouchers.length === 0) {
    io.stderr(say(langOf(io), "export no vouchers", { period }) + "\n");
    return EXIT_ERRORS;
  }
  const result = exportVouchers(vouchers, context.target, settings);
  if (!result.ok) {
    const style = { color: useColor(io, "stderr", context.color), excerpt: true, lang: langOf(io) };
    const sorted = sortDiagnostics(result.diagnostics, [...ledger.sources.keys()]);
    for (const diagnostic of sorted) io.stderr(formatDiagnostic(diagnostic, ledger.sources, style, context.file) + "\n");
    io.stderr(say(langOf(io), "export problems", { count: sorted.length, title: context.target.title, output: context.output }) + "\n");
    return EXIT_ERRORS;
  }
  const code = emitBytes(io, context.output, result.bytes, ledger);
  if (code !== EXIT_OK) return code;
  const { summary } = result;
  const scale = settings.scales.get(settings.booksCurrency) ?? 2;
  io.stdout(say(langOf(io), "export wrote", {
    vouchers: summary.vouchers, lines: summary.lines, period, output: context.output, title: context.target.title,
    debit: summary.totalDebit.toFixed(scale), credit: summary.totalCredit.toFixed(scale), currency: settings.booksCurrency,
  }) + "\n");
  return EXIT_OK;
}

/** -p as whole months (会计期间): the import formats number vouchers per month. */
function exportRange(period: string | undefined): { begin: string; end: string } {
  if (period === undefined) throw new UsageError(message("usage export needs period", {}));
  const range = parsePeriod(period);
  if (range.begin === null || range.end === null) throw new UsageError(message("usage export period open", { period }));
  if (!range.begin.endsWith("-01") || !range.end.endsWith("-01")) throw new UsageError(message("usage export period not months", { period }));
  return { begin: range.begin, end: range.end };
}

export function exportContext(file: string, flags: ExportFlags, color: boolean | undefined): ExportVouchersContext {
  if (flags.target === undefined) throw new UsageError(message("usage export needs target", { targets: TARGET_NAMES.join(", ") }));
  const target = findTarget(flags.target);
  if (target === null) throw new UsageError(message("usage unknown target", { target: flags.target, targets: TARGET_NAMES.join(", ") }));
  const range = exportRange(flags.period);
  if (flags.output === undefined || flags.output === "") throw new UsageError(message("usage export needs output", { extension: target.extension }));
  if (!flags.output.toLowerCase().endsWith(target.extension)) {
    throw new UsageError(message("usage target extension", { target: target.name, extension: target.extension, title: target.title }));
  }
  const accountBook = flags.accountBook?.trim() || null;
  const organization = flags.organization?.trim() || null;
  if (target.requires.includes("accountBook") && accountBook === null) {
    throw new UsageError(message("usage target needs account book", { target: target.name }));
  }
  if (!target.requires.includes("accountBook") && (accountBook !== null || organization !== null)) {
    throw new UsageError(message("usage account book only kingdee", {}));
  }
  return {
    file, range, target, output: flags.output,
    firstNumber: flags.firstNumber === undefined ? 1 : parsePositiveInteger(flags.firstNumber, "--first-number"),
    number: flags.number === true,
    preparer: flags.preparer?.trim() || null,
    accountBook, organization, color,
  };
}

/** `export vouchers`; `export` is a group so that later exports sit beside it. */
export function registerExport(program: Command, { io, setExit, global }: CommandShared): void {
  const group = program.command("export");
  group
    .command("vouchers")
    .argument("[FILE]")
    .option("-p, --period <PERIOD>")
    .option("--target <TARGET>")
    .option("-o, --output <FILE>")
    .option("--first-number <N>")
    .option("--number")
    .option("--preparer <NAME>")
    .option("--account-book <CODE>")
    .option("--organization <CODE>")
    .action((file: string | undefined, flags: ExportFlags) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runExportVouchers(io, exportContext(journal.file, flags, global().color)));
    });
}
