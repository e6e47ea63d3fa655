// Finding an export's header: the row whose cells name the most of the preset's columns, within the
// first rows (a title row or a note may come first). A header of two rows, a table's name over its
// sub-columns (钉钉's newer exports: 费用明细 over 费用类型, 金额, ...), is read as one: each column is
// named by its lower cell, or by its upper one when the lower is blank.
import { columnKey, FIELDS, type Field } from "./fields.js";
import { cellText, type CellValue } from "./values.js";

/** How far down the header is looked for. */
const HEADER_SEARCH_ROWS = 30;

export interface Header {
  /** Index (in the rows) of the header's first row, and of the first row after it. */
  readonly start: number;
  readonly dataStart: number;
  /** Each column's name as shown in messages: the lower cell, or the upper one. */
  readonly names: readonly string[];
  /** The group each column is under in a two-row header (the upper cell, carried over merged cells), or "". */
  readonly groups: readonly string[];
  /** The column of each field found. */
  readonly columns: ReadonlyMap<Field, number>;
}

export type ColumnNames = Readonly<Partial<Record<Field, readonly string[]>>>;

/** The column (index) whose name, or group/name, is one of `names`; -1 if none. */
function columnOf(names: readonly string[], groups: readonly string[], wanted: readonly string[]): number {
  const keys = wanted.map(columnKey);
  for (const key of keys) {
    const found = names.findIndex((name, index) => columnKey(name) === key || columnKey(`${groups[index]}/${name}`) === key);
    if (found >= 0) return found;
  }
  return -1;
}

function fieldColumns(names: readonly string[], groups: readonly string[], known: ColumnNames): Map<Field, number> {
  const columns = new Map<Field, number>();
  for (const field of FIELDS) {
    const wanted = known[field];
    if (wanted === undefined) continue;
    const column = columnOf(names, groups, wanted);
    if (column >= 0) columns.set(field, column);
  }
  return columns;
}

/** A row's cells as header names: as written (a message names the column as the sheet shows it), trimmed. */
const texts = (row: readonly CellValue[] | undefined) => (row ?? []).map((value) => (typeof value === "string" ? value.trim() : cellText(value)));

/** The header, or null when no row within the first rows names two of the columns. */
export function findHeader(rows: readonly (readonly CellValue[])[], known: ColumnNames): Header | null {
  let best: Header | null = null;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const upper = texts(rows[index]);
    if (upper.every((text) => text === "")) continue;
    const single = { start: index, dataStart: index + 1, names: upper, groups: upper.map(() => ""), columns: fieldColumns(upper, upper.map(() => ""), known) };
    const candidate = twoRowHeader(index, upper, texts(rows[index + 1]), known) ?? single;
    if (candidate.columns.size >= 2 && (best === null || candidate.columns.size > best.columns.size)) best = candidate;
  }
  return best;
}

/**
 * The header of rows `index` and `index + 1` read as one, when the lower row names columns the
 * upper one does not (sub-columns under a merged table name); else null.
 */
function twoRowHeader(index: number, upper: readonly string[], lower: readonly string[], known: ColumnNames): Header | null {
  if (lower.every((text) => text === "")) return null;
  // A row of data has numbers and dates; a header's lower row is words only.
  if (lower.some((text) => /^[\d,.\-/: ]+$/.test(text))) return null;
  const width = Math.max(upper.length, lower.length);
  const names: string[] = [];
  const groups: string[] = [];
  let group = "";
  for (let column = 0; column < width; column++) {
    const top = upper[column] ?? "";
    const bottom = lower[column] ?? "";
    if (top !== "") group = top;
    names.push(bottom !== "" ? bottom : top);
    groups.push(bottom !== "" && top === "" ? group : bottom !== "" ? top : "");
  }
  const columns = fieldColumns(names, groups, known);
  const upperOnly = fieldColumns(upper, upper.map(() => ""), known);
  if (columns.size <= upperOnly.size) return null;
  return { start: index, dataStart: index + 2, names, groups, columns };
}

/** A column's header as messages show it: `费用明细/金额` under a group, else its name. */
export function columnLabel(header: Header, column: number): string {
  const name = header.names[column] ?? "";
  const group = header.groups[column] ?? "";
  return group !== "" && group !== name ? `${group}/${name}` : name;
}
