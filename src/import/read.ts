// The import pipeline's reading half for one export: the file (sheet.ts) -> rows and header
// (header.ts) -> raw documents (rows.ts, or the preset's API reader) -> documents (documents.ts).
import { readDocument, type DocumentRead } from "./documents.js";
import type { RawDocument } from "./document.js";
import { FIELDS, type Field } from "./fields.js";
import { findHeader, type ColumnNames, type Header } from "./header.js";
import type { ImportMap } from "./map.js";
import type { Preset } from "./presets/index.js";
import { rowsToDocuments } from "./rows.js";
import { readExport, type ExportContent, type How } from "./sheet.js";

export interface ExportRead {
  readonly reads: readonly DocumentRead[];
  /** How the file was read (`xlsx (sheet 审批记录)`, `csv, GB18030`). */
  readonly how: How;
  /** Rows of a sheet, or documents of a JSON answer. */
  readonly rows: number;
}

/** An export whose documents cannot be found at all: a message for the whole file. */
export class ExportShapeError extends Error {}

/** The preset's column names with the map's overrides first. */
export function knownColumns(preset: Preset, map: ImportMap): ColumnNames {
  const known: Partial<Record<Field, readonly string[]>> = { ...preset.columns };
  for (const field of FIELDS) {
    const named = map.columns[field];
    if (named !== undefined) known[field] = [named];
  }
  return known;
}

/** The header of a sheet, or why none is found. */
export function headerOf(file: string, content: ExportContent & { kind: "rows" }, known: ColumnNames, preset: Preset): Header {
  const header = findHeader(content.rows, known);
  if (header === null) {
    throw new ExportShapeError(`${file}: no header row found: none of the first rows names two of the ${preset.label} columns (${(known.id ?? []).join(", ")}, ${(known.amount ?? []).join(", ")}, ...); name the columns in the map (columns:)`);
  }
  if (!header.columns.has("id")) {
    throw new ExportShapeError(`${file}:${content.firstRow + header.start}: no document number column (${(known.id ?? []).join(" or ")}); name it in the map (columns: id: ...)`);
  }
  return header;
}

export function rawDocuments(file: string, content: ExportContent, preset: Preset, map: ImportMap): { raw: RawDocument[]; hasStatus: boolean; rows: number } {
  if (content.kind === "json") {
    if (preset.fromJson === null) throw new ExportShapeError(`${file}: --from ${preset.source} reads spreadsheets (.xlsx, .xls, .csv), not JSON`);
    const raw = preset.fromJson(content.value, file);
    return { raw, hasStatus: true, rows: raw.length };
  }
  const header = headerOf(file, content, knownColumns(preset, map), preset);
  const hasStatus = header.columns.has("status") || header.columns.has("result");
  return { raw: rowsToDocuments(file, content.rows, content.firstRow, header), hasStatus, rows: content.rows.length - header.dataStart };
}

export function readDocuments(file: string, preset: Preset, map: ImportMap, onDocument?: () => void): ExportRead {
  const content = readExport(file);
  const { raw, hasStatus, rows } = rawDocuments(file, content, preset, map);
  const reads = raw.map((document) => {
    onDocument?.();
    return readDocument(document, map, preset.statuses, hasStatus);
  });
  return { reads, how: content.how, rows };
}
