// What a preset is: one system's exports described as data. Its column names (every variant seen
// in real exports), its status words, and, for a system with an API, the reader of the API's JSON.
import type { ColumnNames } from "../header.js";
import { LINE_FIELDS, type Field, type StatusWords } from "../fields.js";
import type { RawCell, RawDocument, RawFields } from "../document.js";
import type { CellValue } from "../values.js";

export type Source = "dingtalk" | "feishu" | "ekuaibao" | "table";

export interface Preset {
  readonly source: Source;
  /** The system's name in messages. */
  readonly label: string;
  readonly columns: ColumnNames;
  readonly statuses: StatusWords;
  /** The documents of an API answer (one object or an array), or null for a source without one. */
  readonly fromJson: ((value: unknown, file: string) => RawDocument[]) | null;
}

/** A JSON object's field, or undefined. */
export function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The first of several spellings of a field that is present (snake_case of one API version, camelCase of another). */
export function either(value: unknown, ...keys: string[]): unknown {
  for (const key of keys) {
    const found = field(value, key);
    if (found !== undefined && found !== null) return found;
  }
  return undefined;
}

/** A JSON value as a cell: numbers stay numbers, text stays text, anything else is nothing. */
export function jsonCell(value: unknown, file: string, document: number, path: string): RawCell {
  const cell: CellValue = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  return { value: cell, place: { file, row: document, column: path } };
}

/** The documents of an answer: an array of them, or one. */
export function documentsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** A string field that holds JSON (钉钉's table values, 飞书's form), parsed; the value itself if it is not a string. */
export function parsedJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The field a form component's name stands for, by the preset's column names; null for another component. */
export function fieldOfName(name: string, columns: ColumnNames, among: readonly string[]): keyof ColumnNames | null {
  const key = name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  for (const wanted of among) {
    const names = columns[wanted as keyof ColumnNames] ?? [];
    if (names.some((known) => known.normalize("NFKC").replace(/\s+/g, "").toLowerCase() === key)) return wanted as keyof ColumnNames;
  }
  return null;
}

/**
 * A form's value outside its detail table: a document field, or a line field (a customer named
 * once for the whole form) kept in `formLine`, which every line takes unless it has its own.
 */
export function addFormValue(fields: RawFields, formLine: RawFields, formField: Field, cell: RawCell): void {
  if ((LINE_FIELDS as readonly Field[]).includes(formField)) formLine[formField] ??= cell;
  else fields[formField] ??= cell;
}

/** The detail lines with the form's own line values under them (a form without a table is one line). */
export function withFormLine(lines: readonly RawFields[], formLine: RawFields): RawFields[] {
  if (lines.length === 0) return Object.keys(formLine).length === 0 ? [] : [formLine];
  return lines.map((line) => ({ ...formLine, ...line }));
}
