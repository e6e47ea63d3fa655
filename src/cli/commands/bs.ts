// `feeledger bs FILE`: the balance sheet (资产负债表) at the end date.
import type { Command } from "commander";
import { reportEntries } from "../../claims/pending.js";
import { displayScales } from "../../reports/display.js";
import { balanceSheet, statementSheet } from "../../reports/statements.js";
import { EXIT_ERRORS, type CommandShared, type Io } from "../context.js";
import { emitSheet, loadForReport, type ReportFlags } from "../reporting.js";
import { statementCommand, statementContext, statementQuery, type StatementContext } from "./is.js";

export function runBalanceSheet(io: Io, context: StatementContext): number {
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const statement = balanceSheet(reportEntries(ledger, context.pending), ledger.options, statementQuery(ledger, context));
  return emitSheet(io, context.output, statementSheet(statement, displayScales(ledger.entries)), ledger);
}

export function registerBalanceSheet(program: Command, shared: CommandShared): void {
  statementCommand(program, "bs")
    .action((file: string | undefined, flags: ReportFlags & { depth?: number }) => {
      shared.setExit(runBalanceSheet(shared.io, statementContext(shared.io, shared, file, flags)));
    });
}
