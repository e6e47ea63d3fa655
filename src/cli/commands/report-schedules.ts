// `feeledger report schedules FILE`: each amortization schedule with its total, months,
// installments written, amount remaining and next date; table, CSV or JSON.
import type { Command } from "commander";
import { message, say } from "../../i18n/message.js";
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

type ScheduleDataColumn = "schedule" | "date" | "account" | "amortize" | "drawdown" | "commodity" | "total" | "months" | "monthly"
  | "first" | "last" | "written" | "written_amount" | "remaining" | "next";
type ScheduleTableColumn = "Schedule" | "Account" | "Total" | "Commodity" | "Months" | "Monthly" | "Written" | "Remaining" | "Next";

/** The CSV's columns (also the workbook's and the web page's); their headings are the catalogue's. */
const DATA_COLUMNS: readonly { key: ScheduleDataColumn; kind: DocumentColumn["kind"] }[] = [
  { key: "schedule", kind: "text" }, { key: "date", kind: "date" }, { key: "account", kind: "text" },
  { key: "amortize", kind: "text" }, { key: "drawdown", kind: "text" }, { key: "commodity", kind: "text" },
  { key: "total", kind: "amount" }, { key: "months", kind: "count" }, { key: "monthly", kind: "amount" },
  { key: "first", kind: "text" }, { key: "last", kind: "text" }, { key: "written", kind: "count" },
  { key: "written_amount", kind: "amount" }, { key: "remaining", kind: "amount" }, { key: "next", kind: "text" },
];

/** The table's columns: the schedule id is repeated when a table is split; only the account is cut. */
const TABLE_COLUMNS: readonly (Column & { header: ScheduleTableColumn; kind: DocumentColumn["kind"] })[] = [
  { header: "Schedule", repeat: true, kind: "text" }, { header: "Account", shrink: "start", kind: "text" },
  { header: "Total", align: "right", kind: "amount" }, { header: "Commodity", kind: "text" },
  { header: "Months", align: "right", kind: "count" }, { header: "Monthly", align: "right", kind: "amount" },
  { header: "Written", align: "right", kind: "text" }, { header: "Remaining", align: "right", kind: "amount" },
  { header: "Next", kind: "text" },
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
    `${row.written}/${row.months}`, amount(row, row.remaining), row.next ?? say(output.lang, "schedules done", {}),
  ]);
  const headers = TABLE_COLUMNS.map((column) => say(output.lang, `schedules column ${column.header}`, {}));
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
      const title = say(output.lang, "schedules title", {});
      const columns = DATA_COLUMNS.map((column) => ({ header: say(output.lang, `schedules data ${column.key}`, {}), kind: column.kind }));
      return emitDocument(io, output, { title, caption: [], sections: [{ name: title, title, columns, rows: dataRows.map((cells) => ({ cells })) }] }, ledger);
    }
    case "table":
      return emit(io, output.file, renderTable(
        TABLE_COLUMNS.map(({ kind: _kind, ...column }, index) => ({ ...column, header: headers[index]! })),
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
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runReportSchedules(io, { file: journal.file, output: outputChoice(io, options, global().color), color: global().color }));
    });
}
