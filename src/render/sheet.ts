// A report sheet as a terminal table, CSV or JSON, from the same rows.
// - table: headings in the chosen language, a caption (wrapped to the width), amounts grouped, percents with %,
//   sparklines, totals below a gap.
// - CSV: the stable English keys as the header, data rows then total rows, plain numbers.
// - JSON: { report, ...facts, rows, totals }, each row an object keyed like the CSV; amounts and
//   percents as strings (no precision lost), counts as numbers, empty cells null.
// In CSV and JSON a first column `row` says what each row is (ROW_KINDS): a group really named
// "Total" or "(unassigned)" is then told apart from the rows the report makes up, whose label cell
// is left empty.
import { Decimal } from "../core/number.js";
import { OTHER, SUBTOTAL, TOTAL, UNASSIGNED, type Cell, type Lang, type Sheet, type SheetColumn, type SheetRow } from "../reports/sheet.js";
import { renderCsv } from "./csv.js";
import { renderJson } from "./json.js";
import { renderTable, type Column, type Row } from "./table.js";
import { displayWidth, terminalText } from "./terminal.js";

export interface SheetStyle {
  readonly format: "table" | "csv" | "json";
  readonly lang: Lang;
  readonly color: boolean;
  /** Columns of the terminal, for tables. */
  readonly width: number;
  /** Start CSV with a byte-order mark (Excel on Windows then reads UTF-8). */
  readonly bom: boolean;
}

const SPARKS = "▁▂▃▄▅▆▇█";

/** One block per value, from the lowest to the highest of the series. */
export function sparkline(values: readonly string[]): string {
  if (values.length === 0) return "";
  const numbers = values.map((value) => new Decimal(value));
  const low = Decimal.min(...numbers);
  const high = Decimal.max(...numbers);
  const range = high.minus(low);
  return numbers.map((n) => {
    if (range.isZero()) return n.isZero() ? SPARKS[0] : SPARKS[3];
    return SPARKS[n.minus(low).times(SPARKS.length - 1).dividedBy(range).round().toNumber()];
  }).join("");
}

function cellText(cell: Cell, lang: Lang): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if ("series" in cell) return sparkline(cell.series);
  return cell[lang];
}

function shown(sheet: Sheet, where: "table" | "data"): SheetColumn[] {
  return sheet.columns.filter((column) => (column.show ?? "all") === "all" || column.show === where);
}

/** The caption's pieces two spaces apart, a new line before a piece that would pass the width. */
function captionText(sheet: Sheet, style: SheetStyle): string {
  const lines: string[] = [];
  for (const piece of sheet.caption.map((part) => terminalText(part[style.lang]))) {
    const last = lines[lines.length - 1];
    if (last !== undefined && displayWidth(last) + 2 + displayWidth(piece) <= style.width) lines[lines.length - 1] = `${last}  ${piece}`;
    else lines.push(piece);
  }
  return lines.join("\n");
}

function tableCell(column: SheetColumn, row: SheetRow, lang: Lang): string {
  const text = cellText(row.cells[column.key] ?? null, lang);
  return column.kind === "percent" && text !== "" ? `${text}%` : text;
}

/** One column per row, headed by the row's labels; one line per other column. */
function transposedTable(sheet: Sheet, style: SheetStyle): string {
  const columns = shown(sheet, "table");
  const labels = columns.filter((column) => column.label === true);
  const rows = [...sheet.rows, ...sheet.totals];
  const tableColumns: Column[] = [
    { header: labels.map((column) => column.header[style.lang]).join(" ") },
    ...rows.map((row) => ({ header: labels.map((column) => tableCell(column, row, style.lang)).join(" "), align: "right" as const })),
  ];
  const lines = columns.filter((column) => column.label !== true).map((column) => ({
    cells: [column.header[style.lang], ...rows.map((row) => tableCell(column, row, style.lang))],
  }));
  return renderTable(tableColumns, lines, { color: style.color, width: style.width });
}

/** Rows as table rows; with a heading column, a heading line wherever its value changes. */
function tableRows(rows: readonly SheetRow[], columns: readonly SheetColumn[], heading: SheetColumn | undefined, lang: Lang): Row[] {
  const result: Row[] = [];
  let current: string | null = null;
  for (const row of rows) {
    if (heading !== undefined) {
      const text = tableCell(heading, row, lang);
      if (text !== current) result.push({ heading: text });
      current = text;
    }
    result.push({ alert: row.alert, cells: columns.map((column) => tableCell(column, row, lang)) });
  }
  return result;
}

function renderSheetTable(sheet: Sheet, style: SheetStyle): string {
  if (sheet.transpose === true) return `${captionText(sheet, style)}\n\n${transposedTable(sheet, style)}\n`;
  const heading = sheet.columns.find((column) => column.heading === true);
  const columns = shown(sheet, "table").filter((column) => column !== heading);
  const tableColumns: Column[] = columns.map((column) => ({
    header: column.header[style.lang],
    align: column.kind === "text" ? "left" : "right",
    shrink: column.shrink,
    repeat: column.label,
  }));
  const table = renderTable(
    tableColumns, tableRows(sheet.rows, columns, heading, style.lang), { color: style.color, width: style.width },
    tableRows(sheet.totals, columns, heading, style.lang),
  );
  return `${captionText(sheet, style)}\n\n${table}\n`;
}

/**
 * What a row of CSV or JSON is: `data`, or made up by the report: a `total`, a `subtotal` (of a
 * group of rows), the group of postings without the --by property (`unassigned`), or the groups
 * folded by --top (`other`).
 */
export type RowKind = "data" | "total" | "subtotal" | "unassigned" | "other";

/** The labels the reports give made-up rows (by identity: a group named "Total" is only a string). */
const MADE_UP_LABELS: ReadonlyMap<Cell, RowKind> = new Map<Cell, RowKind>([[TOTAL, "total"], [SUBTOTAL, "subtotal"], [UNASSIGNED, "unassigned"], [OTHER, "other"]]);

function rowKind(row: SheetRow, total: boolean): RowKind {
  if (total) return "total";
  for (const cell of Object.values(row.cells)) {
    const kind = MADE_UP_LABELS.get(cell);
    if (kind !== undefined) return kind;
  }
  return "data";
}

/** A cell for CSV and JSON: null for empty cells and for the label of a made-up row. */
function dataCell(row: SheetRow, column: SheetColumn): Exclude<Cell, null> | null {
  const cell = row.cells[column.key] ?? null;
  return cell === null || MADE_UP_LABELS.has(cell) ? null : cell;
}

function renderSheetCsv(sheet: Sheet, style: SheetStyle): string {
  const columns = shown(sheet, "data");
  const toCells = (total: boolean) => (row: SheetRow) => [rowKind(row, total), ...columns.map((column) => cellText(dataCell(row, column), "en"))];
  return renderCsv(
    ["row", ...columns.map((column) => column.key)],
    [...sheet.rows.map(toCells(false)), ...sheet.totals.map(toCells(true))],
    { bom: style.bom },
  );
}

function renderSheetJson(sheet: Sheet): string {
  const columns = shown(sheet, "data");
  const toObject = (total: boolean) => (row: SheetRow) => Object.fromEntries([
    ["row", rowKind(row, total)],
    ...columns.map((column) => {
      const cell = dataCell(row, column);
      const text = cellText(cell, "en");
      return [column.key, cell === null ? null : column.kind === "count" ? Number(text) : text];
    }),
  ]);
  return renderJson({ report: sheet.report, ...sheet.facts, rows: sheet.rows.map(toObject(false)), totals: sheet.totals.map(toObject(true)) });
}

export function renderSheet(sheet: Sheet, style: SheetStyle): string {
  switch (style.format) {
    case "table": return renderSheetTable(sheet, style);
    case "csv": return renderSheetCsv(sheet, style);
    case "json": return renderSheetJson(sheet);
  }
}
