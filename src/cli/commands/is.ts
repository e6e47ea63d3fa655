// `feeledger is FILE`: the income statement (利润表) over a period.
import { Option, type Command } from "commander";
import { reportEntries } from "../../claims/pending.js";
import { displayScales } from "../../reports/display.js";
import { incomeStatement, statementSheet, type StatementQuery } from "../../reports/statements.js";
import { marketValue } from "../../prices/valuation.js";
import type { LedgerEntry } from "../../core/data.js";
import { EXIT_ERRORS, UsageError, parsePositiveInteger, resolveJournal, type CommandShared, type DateRange, type Io } from "../context.js";
import { addReportFlags, emitSheet, loadForReport, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message } from "../../i18n/message.js";

export interface StatementContext {
  readonly file: string;
  readonly range: DateRange;
  readonly depth: number | null;
  /** --value: what is held at cost at its market price before the end date. */
  readonly atValue: boolean;
  readonly pending: boolean;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

export function runIncomeStatement(io: Io, context: StatementContext): number {
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const statement = incomeStatement(reportEntries(ledger, context.pending), ledger.options, statementQuery(ledger, context));
  return emitSheet(io, context.output, statementSheet(statement, displayScales(ledger.entries)), ledger);
}

/** The statement's range and depth, and the market prices when --value asks for them. */
export function statementQuery(ledger: { readonly entries: readonly LedgerEntry[] }, context: StatementContext): StatementQuery {
  return { ...context.range, depth: context.depth, atValue: context.atValue ? marketValue(ledger.entries, context.range.end) : null };
}

/** The context `is` and `bs` share: FILE, the range, --depth and the output flags. */
export function statementContext(io: Io, shared: CommandShared, file: string | undefined, flags: ReportFlags & { depth?: number; value?: boolean }): StatementContext {
  const journal = resolveJournal(io, shared.global().file, file === undefined ? [] : [file]);
  if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
  return {
    file: journal.file, range: reportRange(flags), depth: flags.depth ?? null, atValue: flags.value === true, pending: flags.pending === true,
    output: outputChoice(io, flags, shared.global().color), color: shared.global().color,
  };
}

/** A statement command: FILE, --depth and the common report flags. */
export function statementCommand(program: Command, name: string): Command {
  return addReportFlags(program
    .command(name)
    .argument("[FILE]")
    .addOption(new Option("--depth <N>").argParser((value: string) => parsePositiveInteger(value, "--depth")))
    .option("--value"));
}

export function registerIncomeStatement(program: Command, shared: CommandShared): void {
  statementCommand(program, "is")
    .action((file: string | undefined, flags: ReportFlags & { depth?: number; value?: boolean }) => {
      shared.setExit(runIncomeStatement(shared.io, statementContext(shared.io, shared, file, flags)));
    });
}
