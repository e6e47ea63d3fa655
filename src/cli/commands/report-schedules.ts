// `feeledger report schedules FILE`: each amortization schedule with its total, months,
// installments written, amount remaining and next date; table, CSV or JSON.
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { scheduleStates } from "../../schedules/states.js";
import { scheduleRows, type ScheduleRow } from "../../schedules/report.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable, type Column } from "../../render/table.js";
import type { DocumentColumn } from "../../render/document.js";
import { addOutputFlags, emit, emitDocument, outputChoice, showBlockingErrors, type OutputChoice, type ReportFlags } from "../reporting.js";
import {
  EXIT_ERRORS, UsageError, requireReadableFile, resolveJournal, type CommandShared, type Io,
} from "../context.js";

export interface ReportSchedulesContext {
  readonly file: string;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

/** The CSV's columns (also the workbook's and the web page's). */
const DATA_COLUMNS: readonly { key: string; zh: string; kind: DocumentColumn["kind"] }[] = [
  { key: "schedule", zh: "摊销计划", kind: "text" }, { key: "date", zh: "日期", kind: "date" }, { key: "account", zh: "科目", kind: "text" },
  { key: "amortize", zh: "摊销科目", kind: "text" }, { key: "drawdown", zh: "转出科目", kind: "text" }, { key: "commodity", zh: "币种", kind: "text" },
  { key: "total", zh: "总额", kind: "amount" }, { key: "months", zh: "月数", kind: "count" }, { key: "monthly", zh: "每月", kind: "amount" },
  { key: "first", zh: "首月", kind: "text" }, { key: "last", zh: "末月", kind: "text" }, { key: "written", zh: "已摊期数", kind: "count" },
  { key: "written_amount", zh: "已摊金额", kind: "amount" }, { key: "remaining", zh: "剩余", kind: "amount" }, { key: "next", zh: "下次", kind: "text" },
];

/** The table's columns: the schedule id is repeated when a table is split; only the account is cut. */
const TABLE_COLUMNS: readonly (Column & { zh: string; kind: DocumentColumn["kind"] })[] = [
  { header: "Schedule", zh: "摊销计划", repeat: true, kind: "text" }, { header: "Account", zh: "科目", shrink: "start", kind: "text" },
  { header: "Total", zh: "总额", align: "right", kind: "amount" }, { header: "Commodity", zh: "币种", kind: "text" },
  { header: "Months", zh: "月数", align: "right", kind: "count" }, { header: "Monthly", zh: "每月", align: "right", kind: "amount" },
  { header: "Written", zh: "已摊", align: "right", kind: "text" }, { header: "Remaining", zh: "剩余", align: "right", kind: "amount" },
  { header: "Next", zh: "下次", kind: "text" },
];

export function runReportSchedules(io: Io, context: ReportSchedulesContext): number {
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file);
  const states = scheduleStates(ledger);
  // As `bal`: figures from a journal with errors (a schedule unread, an installment edited) would mislead.
  if (showBlockingErrors(io, [...ledger.diagnostics, ...states.diagnostics], ledger, context.file, context.color)) return EXIT_ERRORS;
  const rows = scheduleRows(states.value);
  const amount = (row: ScheduleRow, value: ScheduleRow["total"]) => value.toFixed(row.scale);
  const { output } = context;
  const tableRows = rows.map((row) => [
    row.id, row.account, amount(row, row.total), row.currency, String(row.months), amount(row, row.monthly),
    `${row.written}/${row.months}`, amount(row, row.remaining), row.next ?? (output.lang === "zh" ? "已完成" : "done"),
  ]);
  const headers = TABLE_COLUMNS.map((column) => (output.lang === "zh" ? column.zh : column.header));
  const dataRows = rows.map((row) => [
    row.id, row.date, row.account, row.amortizeAccount, row.drawdownAccount, row.currency, amount(row, row.total), String(row.months),
    amount(row, row.monthly), row.firstMonth, row.lastMonth, String(row.written), amount(row, row.writtenAmount), amount(row, row.remaining), row.next ?? "",
  ]);
  switch (output.format) {
    case "csv":
      return emit(io, output.file, renderCsv(DATA_COLUMNS.map((column) => column.key), dataRows, { bom: output.bom }), ledger);
    case "json":
      return emit(io, output.file, renderJson(rows.map((row) => ({
        schedule: row.id, date: row.date, account: row.account, amortize: row.amortizeAccount, drawdown: row.drawdownAccount,
        commodity: row.currency, total: amount(row, row.total), months: row.months, monthly: amount(row, row.monthly),
        first: row.firstMonth, last: row.lastMonth, written: row.written, writtenAmount: amount(row, row.writtenAmount),
        remaining: amount(row, row.remaining), next: row.next,
      }))), ledger);
    case "xlsx":
    case "html": {
      const title = output.lang === "zh" ? "摊销计划" : "Amortization schedules";
      const columns = DATA_COLUMNS.map((column) => ({ header: output.lang === "zh" ? column.zh : column.key, kind: column.kind }));
      return emitDocument(io, output, { title, caption: [], sections: [{ name: title, title, columns, rows: dataRows.map((cells) => ({ cells })) }] }, ledger);
    }
    case "table":
      return emit(io, output.file, renderTable(
        TABLE_COLUMNS.map(({ zh: _zh, kind: _kind, ...column }, index) => ({ ...column, header: headers[index]! })),
        tableRows, { color: output.color, width: output.width },
      ) + "\n", ledger);
  }
}

/** Adds `schedules` to the `report` command group. */
export function registerReportSchedules(report: Command, { io, setExit, global }: CommandShared): void {
  const command = report
    .command("schedules")
    .argument("[FILE]");
  addOutputFlags(command)
    .action((file: string | undefined, options: ReportFlags) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(`unexpected argument '${journal.rest[0]}'`);
      setExit(runReportSchedules(io, { file: journal.file, output: outputChoice(io, options, global().color), color: global().color }));
    });
}
