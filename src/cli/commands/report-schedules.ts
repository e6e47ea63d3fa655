// `feeledger report schedules FILE`: each amortization schedule with its total, months,
// installments written, amount remaining and next date; table, CSV or JSON.
import { Option, type Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { scheduleStates } from "../../schedules/states.js";
import { scheduleRows, type ScheduleRow } from "../../schedules/report.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable } from "../../render/table.js";
import { showBlockingErrors } from "../reporting.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, parseFormat, requireReadableFile, resolveJournal, useColor, type CommandShared, type Io, type OutputFormat,
} from "../context.js";

export interface ReportSchedulesContext {
  readonly file: string;
  readonly format: OutputFormat;
  readonly color: boolean | undefined;
}

export function runReportSchedules(io: Io, context: ReportSchedulesContext): number {
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file);
  const states = scheduleStates(ledger);
  // As `bal`: figures from a journal with errors (a schedule unread, an installment edited) would mislead.
  if (showBlockingErrors(io, [...ledger.diagnostics, ...states.diagnostics], ledger, context.file, context.color)) return EXIT_ERRORS;
  const rows = scheduleRows(states.value);
  const amount = (row: ScheduleRow, value: ScheduleRow["total"]) => value.toFixed(row.scale);
  switch (context.format) {
    case "csv":
      io.stdout(renderCsv(
        ["schedule", "date", "account", "amortize", "drawdown", "commodity", "total", "months", "monthly", "first", "last", "written", "written_amount", "remaining", "next"],
        rows.map((row) => [
          row.id, row.date, row.account, row.amortizeAccount, row.drawdownAccount, row.currency, amount(row, row.total), String(row.months),
          amount(row, row.monthly), row.firstMonth, row.lastMonth, String(row.written), amount(row, row.writtenAmount), amount(row, row.remaining), row.next ?? "",
        ]),
      ));
      break;
    case "json":
      io.stdout(renderJson(rows.map((row) => ({
        schedule: row.id, date: row.date, account: row.account, amortize: row.amortizeAccount, drawdown: row.drawdownAccount,
        commodity: row.currency, total: amount(row, row.total), months: row.months, monthly: amount(row, row.monthly),
        first: row.firstMonth, last: row.lastMonth, written: row.written, writtenAmount: amount(row, row.writtenAmount),
        remaining: amount(row, row.remaining), next: row.next,
      }))));
      break;
    case "table":
      io.stdout(renderTable(
        [
          { header: "Schedule" }, { header: "Account" }, { header: "Total", align: "right" }, { header: "Commodity" },
          { header: "Months", align: "right" }, { header: "Monthly", align: "right" }, { header: "Written", align: "right" },
          { header: "Remaining", align: "right" }, { header: "Next" },
        ],
        rows.map((row) => [
          row.id, row.account, amount(row, row.total), row.currency, String(row.months), amount(row, row.monthly),
          `${row.written}/${row.months}`, amount(row, row.remaining), row.next ?? "done",
        ]),
        { color: useColor(io, "stdout", context.color) },
      ) + "\n");
      break;
  }
  return EXIT_OK;
}

/** Adds `schedules` to the `report` command group. */
export function registerReportSchedules(report: Command, { io, setExit, global }: CommandShared): void {
  report
    .command("schedules")
    .description("amortization schedules: total, months, installments written, remaining, next date")
    .argument("[FILE]", "the journal")
    .addOption(new Option("--format <FORMAT>", "table, csv or json").default("table"))
    .action((file: string | undefined, options: { format: string }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(`unexpected argument '${journal.rest[0]}'`);
      setExit(runReportSchedules(io, { file: journal.file, format: parseFormat(options.format), color: global().color }));
    });
}
