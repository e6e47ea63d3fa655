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
import { message, type Message } from "../i18n/message.js";

export interface ExportRead {
  readonly reads: readonly DocumentRead[];
  /** How the file was read (`xlsx (sheet 审批记录)`, `csv, GB18030`). */
  readonly how: How;
  /** Rows of a sheet, or documents of a JSON answer. */
  readonly rows: number;
}

/** An export whose documents cannot be found at all: a message for the whole file. */
export class ExportShapeError extends Error {
  /** The message by its key, to be said in the chosen language; \`.message\` is the English. */
  constructor(readonly said: Message) {
    super(said.text);
  }
}

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
    throw new ExportShapeError(message("export file no header", { file, label: preset.label, examples: `${(known.id ?? []).join(", ")}, ${(known.amount ?? []).join(", ")}` }));
  }
  if (!header.columns.has("id")) {
    throw new ExportShapeError(message("export file no id column", { file: `${file}:${content.firstRow + header.start}`, idColumns: known.id ?? [] }));
  }
  return header;
}

export function rawDocuments(file: string, content: ExportContent, preset: Preset, map: ImportMap): { raw: RawDocument[]; hasStatus: boolean; rows: number } {
  if (content.kind === "json") {
    if (preset.fromJson === null) throw new ExportShapeError(message("export file json", { file, source: preset.source }));
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
