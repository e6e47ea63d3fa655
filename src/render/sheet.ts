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
import { renderTable, writeTableFrom, type Column, type Row } from "./table.js";
import { displayWidth, terminalText } from "./terminal.js";
import { writeTableLines, type TableLines } from "./line-table.js";
import { renderTerminalChart } from "./chart.js";
import type { DocumentChart, DocumentColumn, DocumentRow, DocumentSection, OutputDocument } from "./document.js";

export interface SheetStyle {
  readonly format: "table" | "csv" | "json";
  /** Draw the report's chart under the table (--chart), in ASCII only with --ascii. */
  readonly chart?: "unicode" | "ascii";
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
export function captionText(sheet: Sheet, style: SheetStyle): string {
  const lines: string[] = [];
  for (const piece of sheet.caption.map((part) => terminalText(part[style.lang]))) {
    const last = lines[lines.length - 1];
    if (last !== undefined && displayWidth(last) + 2 + displayWidth(piece) <= style.width) lines[lines.length - 1] = `${last}  ${piece}`;
    else lines.push(piece);
  }
  return lines.join("\n");
}

const MORE_THAN_TWO_PLACES = /^-?\d+\.\d{3,}$/;

/** Whether an amount's text has more than two places (the point looked for first: most amounts have two). */
function moreThanTwoPlaces(text: string): boolean {
  const point = text.indexOf(".");
  return point >= 0 && text.length - point > 3 && MORE_THAN_TWO_PLACES.test(text);
}

/**
 * An amount's text as a terminal table shows it: at two decimals (rounded half up; CSV, JSON and
 * xlsx keep the exact value) when it has more.
 */
export function tableAmount(text: string): string {
  if (!moreThanTwoPlaces(text)) return text;
  // A residue smaller than a cent (what balanced within tolerance) stays exact: 0.00 would hide it.
  const value = new Decimal(text);
  const rounded = value.toFixed(2, Decimal.ROUND_HALF_UP);
  return new Decimal(rounded).isZero() && !value.isZero() ? text : rounded;
}

/** A cell as a terminal table shows it: an amount as tableAmount writes it, a percent with %. */
function tableCell(column: SheetColumn, row: SheetRow, lang: Lang): string {
  const text = cellText(row.cells[column.key] ?? null, lang);
  if (column.kind === "amount") return tableAmount(text);
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
  visitTableRows((visit) => { for (const row of rows) visit(row); }, columns, heading, lang, (row) => { result.push(row); });
  return result;
}

/** A sheet's rows given each time they are asked for (writeSheetTableFrom). */
export type SheetRowSource = (visit: (row: SheetRow) => void) => void;

function visitTableRows(rows: SheetRowSource, columns: readonly SheetColumn[], heading: SheetColumn | undefined, lang: Lang, visit: (row: Row) => void): void {
  let current: string | null = null;
  rows((row) => {
    if (heading !== undefined) {
      const text = tableCell(heading, row, lang);
      if (text !== current) visit({ heading: text });
      current = text;
    }
    visit({ alert: row.alert, cells: columns.map((column) => tableCell(column, row, lang)) });
  });
}

/** writeSheet's table for a sheet whose rows `rows` gives (its own are not read), never holding them: a table too long to keep. */
export function writeSheetTableFrom(sheet: Sheet, style: SheetStyle, rows: SheetRowSource, write: (text: string) => void): void {
  writeSheetTable(sheet, style, write, rows);
}

/**
 * writeSheetTableFrom's text, its rows' cells given by `lines` as the table shows them (each row's
 * cells in the order of the table's columns: those shown in a table but the heading column, whose
 * text goes to `heading` above a row where it changes), read twice and kept nowhere: a register of
 * 50,000 lines. With colour, a chart or a transposed sheet: writeSheetTableFrom with `rows`.
 */
export function writeSheetTableLines(sheet: Sheet, style: SheetStyle, rows: SheetRowSource, lines: TableLines, write: (text: string) => void): void {
  if (style.color || sheet.transpose === true || (style.chart !== undefined && sheet.chart !== undefined)) {
    writeSheetTable(sheet, style, write, rows);
    return;
  }
  const { heading, columns, tableColumns } = tableColumnsOf(sheet, style.lang);
  write(`${captionText(sheet, style)}\n\n`);
  writeTableLines(tableColumns, lines, { color: false, width: style.width }, tableRows(sheet.totals, columns, heading, style.lang), write);
  write("\n");
}

/** A sheet's heading column (drawn as lines across the table), its other columns shown in a table, and those as table columns. */
function tableColumnsOf(sheet: Sheet, lang: Lang): { heading: SheetColumn | undefined; columns: SheetColumn[]; tableColumns: Column[] } {
  const heading = sheet.columns.find((column) => column.heading === true);
  const columns = shown(sheet, "table").filter((column) => column !== heading);
  const tableColumns: Column[] = columns.map((column) => ({
    header: column.header[lang],
    align: column.kind === "text" ? "left" : "right",
    shrink: column.shrink,
    repeat: column.label,
  }));
  return { heading, columns, tableColumns };
}

/**
 * What writeSheetTableLines draws around and above a sheet's rows, for a writer of its own
 * (render/byte-lines.ts): the text before the table (caption), the table's columns and its footer
 * rows; null where it draws otherwise (colour, a chart, a transposed sheet).
 */
export function sheetTableOf(sheet: Sheet, style: SheetStyle): { before: string; columns: Column[]; footer: Row[] } | null {
  if (style.color || sheet.transpose === true || (style.chart !== undefined && sheet.chart !== undefined)) return null;
  const { heading, columns, tableColumns } = tableColumnsOf(sheet, style.lang);
  return { before: `${captionText(sheet, style)}\n\n`, columns: tableColumns, footer: tableRows(sheet.totals, columns, heading, style.lang) };
}

function writeSheetTable(sheet: Sheet, style: SheetStyle, write: (text: string) => void, rows?: SheetRowSource): void {
  if (sheet.transpose === true) {
    write(`${captionText(sheet, style)}\n\n${transposedTable(sheet, style)}\n`);
    return;
  }
  const { heading, columns, tableColumns } = tableColumnsOf(sheet, style.lang);
  write(`${captionText(sheet, style)}\n\n`);
  const tableStyle = { color: style.color, width: style.width };
  const footer = tableRows(sheet.totals, columns, heading, style.lang);
  // (The rows made into table rows as the table reads them, not all first.)
  const source: SheetRowSource = rows ?? ((visit) => { for (const row of sheet.rows) visit(row); });
  writeTableFrom(tableColumns, (visit) => visitTableRows(source, columns, heading, style.lang, visit), tableStyle, footer, write);
  const chart = style.chart !== undefined && sheet.chart !== undefined
    ? `\n${renderTerminalChart(chartOf(sheet, style.lang)!, { ascii: style.chart === "ascii", width: style.width, color: style.color })}`
    : "";
  write(`\n${chart}`);
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
    case "table": {
      const pieces: string[] = [];
      writeSheetTable(sheet, style, (text) => { pieces.push(text); });
      return pieces.join("");
    }
    case "csv": return renderSheetCsv(sheet, style);
    case "json": return renderSheetJson(sheet);
  }
}

/** renderSheet's text given to `write` in pieces (a long table a few thousand lines at a time). */
export function writeSheet(sheet: Sheet, style: SheetStyle, write: (text: string) => void): void {
  if (style.format === "table") writeSheetTable(sheet, style, write);
  else write(renderSheet(sheet, style));
}

/** The text of a row's label cells, one space apart (empty ones left out). */
function labelOf(row: SheetRow, keys: readonly string[], lang: Lang): string {
  return keys.map((key) => cellText(row.cells[key] ?? null, lang)).filter((text) => text !== "").join(" ");
}

function headerOf(sheet: Sheet, key: string, lang: Lang): string {
  return sheet.columns.find((column) => column.key === key)?.header[lang] ?? key;
}

/** The sheet's chart with its values taken from the data rows' cells. */
export function chartOf(sheet: Sheet, lang: Lang): DocumentChart | undefined {
  const chart = sheet.chart;
  if (chart === undefined) return undefined;
  const value = (row: SheetRow, key: string) => cellText(row.cells[key] ?? null, "en") || "0";
  // A label part that is the same on every row (the one commodity) says nothing.
  const varying = chart.label.filter((key, index) => index === 0 || new Set(sheet.rows.map((row) => cellText(row.cells[key] ?? null, "en"))).size > 1);
  switch (chart.kind) {
    case "lines": return {
      kind: "lines",
      periods: chart.values.map((key) => headerOf(sheet, key, lang)),
      series: sheet.rows.map((row) => ({ label: labelOf(row, varying, lang), values: chart.values.map((key) => value(row, key)) })),
    };
    case "shares": return {
      kind: "shares",
      items: sheet.rows.map((row) => ({ label: labelOf(row, varying, lang), value: value(row, chart.value), share: value(row, chart.share) })),
    };
    case "budget": return {
      kind: "budget",
      budgetName: headerOf(sheet, chart.budget, lang),
      actualName: headerOf(sheet, chart.actual, lang),
      items: sheet.rows.map((row) => ({ label: labelOf(row, varying, lang), budget: value(row, chart.budget), actual: value(row, chart.actual) })),
    };
  }
}

/** Sections of at most this many are one worksheet (one table) each; more stay one, with the heading as a column. */
const MAX_SECTIONS = 10;

/**
 * The sheet as a document for xlsx and html: the CSV's columns under the table's headings (in
 * the chosen language), exact values, total rows marked; a report grouped under heading lines
 * (a balance sheet's sections) has one section per heading when there are few.
 */
export function sheetDocument(sheet: Sheet, lang: Lang): OutputDocument {
  const columns = shown(sheet, "data");
  const heading = sheet.columns.find((column) => column.heading === true);
  const headingOf = (row: SheetRow) => (heading === undefined ? "" : cellText(row.cells[heading.key] ?? null, lang));
  const distinct = [...new Set(sheet.rows.map(headingOf))];
  const split = heading !== undefined && distinct.length > 1 && distinct.length <= MAX_SECTIONS;
  const kept = split ? columns.filter((column) => column.key !== heading.key) : columns;
  const documentColumns: DocumentColumn[] = kept.map((column) => ({ header: column.header[lang], kind: column.kind }));
  const toRow = (total: boolean) => (row: SheetRow): DocumentRow => ({
    cells: kept.map((column) => cellText(row.cells[column.key] ?? null, lang)), total, alert: row.alert,
  });
  const title = sheet.caption[0]?.[lang] ?? sheet.report;
  const caption = sheet.caption.map((part) => part[lang]).join("  ");
  const section = (name: string, rows: readonly DocumentRow[]): DocumentSection => ({ name, title: name === title ? caption : `${caption}: ${name}`, columns: documentColumns, rows });
  let sections: DocumentSection[];
  if (!split) {
    sections = [section(title, [...sheet.rows.map(toRow(false)), ...sheet.totals.map(toRow(true))])];
  } else {
    const totalsLeft = sheet.totals.filter((row) => !distinct.includes(headingOf(row)));
    sections = distinct.map((name) => section(name, [
      ...sheet.rows.filter((row) => headingOf(row) === name).map(toRow(false)),
      ...sheet.totals.filter((row) => headingOf(row) === name).map(toRow(true)),
    ]));
    if (totalsLeft.length > 0) sections.push(section(TOTAL[lang], totalsLeft.map(toRow(true))));
  }
  const chart = chartOf(sheet, lang);
  return { title, caption: sheet.caption.slice(1).map((part) => part[lang]), sections, ...(chart === undefined ? {} : { chart }) };
}
