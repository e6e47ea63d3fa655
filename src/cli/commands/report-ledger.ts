// `feeledger report ledger FILE ACCOUNT [-p PERIOD] [--rollup]`: the subsidiary ledger (明细账) of an
// account, named by its beancount name, its code (6602) or its name (管理费用-客户管理费).
import type { Command } from "commander";
import { ChartOfAccounts, findAccount } from "../../books/accounts.js";
import { forEachPosting } from "../../books/postings.js";
import { booksCurrency, isBooksTransaction } from "../../periods/vouchers.js";
import { displayScales } from "../../reports/display.js";
import { fillLedgerTable, ledgerReport, ledgerTableRows, ledgerSheetParts, ledgerTableLines } from "../../reports/ledger.js";
import { sheetTableOf, writeSheetTableLines } from "../../render/sheet.js";
import { ByteTable } from "../../render/byte-lines.js";
import type { LedgerEntry } from "../../core/data.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, resolveJournal, type CommandShared, type DateRange, type Io } from "../context.js";
import { addReportFlags, emitPieces, emitSheetParts, loadForReport, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message } from "../../i18n/message.js";

export interface ReportLedgerContext {
  readonly file: string;
  /** The account as the user named it. */
  readonly account: string;
  readonly rollup: boolean;
  readonly range: DateRange;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

/**
 * Every account opened or posted to in the books, the opened ones first, each once. The books are
 * read only as far as they are asked for: an account is most often named as it was opened, and
 * findAccount stops at that name (reading every posting for nothing took a tenth of the report).
 */
function* accountsOf(entries: readonly LedgerEntry[], opened: readonly string[]): Generator<string> {
  const accounts = new Set(opened);
  yield* [...accounts];
  const found: string[] = [];
  const add = (account: string) => {
    if (accounts.has(account)) return;
    accounts.add(account);
    found.push(account);
  };
  for (const entry of entries) {
    if (!isBooksTransaction(entry)) continue;
    forEachPosting(entry, add);
    yield* found;
    found.length = 0;
  }
}

export function runReportLedger(io: Io, context: ReportLedgerContext): number {
  const ledger = loadForReport(io, context.file, context.color);
  if (ledger === null) return EXIT_ERRORS;
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const found = findAccount(chart, accountsOf(ledger.entries, chart.opened), context.account);
  if (found === null) throw new UsageError(message("usage no such account", { account: context.account, file: context.file }));
  if ("candidates" in found) {
    throw new UsageError(message("usage ambiguous account", { account: context.account, count: found.candidates.length, candidates: found.candidates.join(", ") }));
  }
  const report = ledgerReport(ledger.entries, chart, { account: found.account, rollup: context.rollup, ...context.range, currency: booksCurrency(ledger.options) });
  const scales = displayScales(ledger.entries);
  const parts = ledgerSheetParts(report, scales);
  const { output } = context;
  if (output.format !== "table") return emitSheetParts(io, output, parts, ledger);
  // (A table drawn from the report's rows, none of them kept as sheet rows: ledgerTableLines.)
  const style = { ...output, format: "table" as const };
  // (To standard output without colour: drawn in one read of the rows, as bytes; see render/byte-lines.ts.)
  const around = output.file === null && io.stdoutBytes !== undefined ? sheetTableOf(parts.sheet, style) : null;
  if (around !== null) {
    const table = new ByteTable(around.columns, ledgerTableRows(report));
    if (fillLedgerTable(report, scales, output.lang, table)) {
      table.footer(around.footer);
      if (table.ok) {
        table.write(style.width, around.before, "\n", io.stdoutBytes!);
        return EXIT_OK;
      }
    }
  }
  const lines = ledgerTableLines(report, scales, output.lang);
  return emitPieces(io, output.file, (write) => writeSheetTableLines(parts.sheet, style, parts.rows, lines, write), ledger);
}

type Flags = ReportFlags & { rollup?: boolean };

/** Adds `ledger` to the `report` command group. */
export function registerReportLedger(report: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(report.command("ledger")
    .argument("[FILE]")
    .argument("[ACCOUNT]"), { pending: false })
    .option("--rollup")
    .action((file: string | undefined, account: string | undefined, flags: Flags) => {
      const args = [file, account].filter((arg): arg is string => arg !== undefined);
      const journal = resolveJournal(io, global().file, args);
      if (journal.rest.length === 0) throw new UsageError(message("usage ledger needs account", {}));
      if (journal.rest.length > 1) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[1]! }));
      setExit(runReportLedger(io, {
        file: journal.file, account: journal.rest[0]!, rollup: flags.rollup === true, range: reportRange(flags),
        output: outputChoice(io, flags, global().color), color: global().color,
      }));
    });
}
