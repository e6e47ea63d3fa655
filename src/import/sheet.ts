// Reading an export file into rows of cells, or into the JSON value of an API's answer. The first
// stage of the import pipeline: sheet -> rows (header.ts) -> documents (documents.ts) -> claim text.
//   .xlsx, .xls  SheetJS, synchronously; the first sheet; numeric cells as numbers, the rest as text
//   .csv         UTF-8 with or without a byte-order mark, else GB18030 (a superset of GBK), decoded
//                with iconv-lite; csv-parse splits the fields
//   .json        one object or an array of them
// A row's number is the spreadsheet's own (1 for its first row), so that a problem is found where
// the user looks for it.
import * as fs from "node:fs";
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import * as path from "node:path";
import type { CellValue } from "./values.js";
import { message, type Message } from "../i18n/message.js";

type SheetJs = typeof import("@e965/xlsx");
type IconvLite = typeof import("iconv-lite");
type CsvParse = typeof import("csv-parse/sync");

const requireHere = createRequire(import.meta.url);
let sheetJs: SheetJs | null = null;
let iconvLite: IconvLite | null = null;
let csvParse: CsvParse | null = null;

/** How a file was read, for the summary: `xlsx (sheet 审批记录)`, `csv, GB18030`. */
export interface How {
  readonly kind: string;
  readonly encoding: string | null;
  readonly sheet: string | null;
}

export interface SheetRows {
  readonly kind: "rows";
  /** Every row from the sheet's first, blank ones included, so that index + firstRow is the row number. */
  readonly rows: readonly (readonly CellValue[])[];
  /** The spreadsheet's number of rows[0]. */
  readonly firstRow: number;
  /** How the file was read, for the summary: `xlsx (sheet 审批记录)`, `csv, GB18030`. */
  readonly how: How;
}

export interface JsonExport {
  readonly kind: "json";
  readonly value: unknown;
  readonly how: How;
}

export type ExportContent = SheetRows | JsonExport;

/** An export that cannot be read at all (a usage problem: the wrong file, or one saved in a format no reader takes). */
export class ExportReadError extends Error {
  /** The message by its key, to be said in the chosen language; \`.message\` is the English. */
  constructor(readonly said: Message) {
    super(said.text);
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function readExport(file: string): ExportContent {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (thrown) {
    throw new ExportReadError(message("export file cannot read", { file, why: (thrown as Error).message }));
  }
  const extension = path.extname(file).toLowerCase();
  switch (extension) {
    case ".xlsx": case ".xlsm": case ".xls": return readWorkbook(file, bytes, extension.slice(1));
    case ".csv": case ".txt": return readCsv(file, bytes);
    case ".json": return readJson(file, bytes);
    default: throw new ExportReadError(message("export file kind", { file }));
  }
}

/** The text of a CSV or JSON file and the encoding it was read in. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.subarray(0, 3).equals(BOM)) return { text: bytes.subarray(3).toString("utf8"), encoding: "UTF-8 with BOM" };
  if (isUtf8(bytes)) return { text: bytes.toString("utf8"), encoding: "UTF-8" };
  iconvLite ??= requireHere("iconv-lite") as IconvLite;
  return { text: iconvLite.decode(bytes, "gb18030"), encoding: "GB18030" };
}

function readCsv(file: string, bytes: Buffer): SheetRows {
  const { text, encoding } = decodeText(bytes);
  csvParse ??= requireHere("csv-parse/sync") as CsvParse;
  let records: string[][];
  try {
    records = csvParse.parse(text, { relax_column_count: true, skip_empty_lines: false, bom: false }) as string[][];
  } catch (thrown) {
    const where = (thrown as { lines?: number }).lines;
    throw new ExportReadError(message("export file csv", { file: `${file}${where === undefined ? "" : `:${where}`}`, why: (thrown as Error).message }));
  }
  return { kind: "rows", rows: records, firstRow: 1, how: { kind: "csv", encoding, sheet: null } };
}

function readWorkbook(file: string, bytes: Buffer, kind: string): SheetRows {
  sheetJs ??= requireHere("@e965/xlsx") as SheetJs;
  let workbook: import("@e965/xlsx").WorkBook;
  try {
    // dense: rows as arrays (less memory for a large sheet); raw numbers, no dates made up from formats.
    workbook = sheetJs.read(bytes, { type: "buffer", dense: true, cellDates: false, cellHTML: false, cellFormula: false, cellStyles: false });
  } catch (thrown) {
    throw new ExportReadError(message("export file workbook", { file, why: (thrown as Error).message }));
  }
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (name === undefined || sheet === undefined) throw new ExportReadError(message("export file no sheet", { file }));
  const reference = sheet["!ref"];
  if (reference === undefined) return { kind: "rows", rows: [], firstRow: 1, how: { kind, encoding: null, sheet: name } };
  const range = sheetJs.utils.decode_range(reference);
  // Rows from the sheet's first row (row 1), so that numbers stay the spreadsheet's own.
  range.s.r = 0;
  range.s.c = 0;
  const rows = sheetJs.utils.sheet_to_json<CellValue[]>(sheet, { header: 1, raw: true, blankrows: true, defval: null, range });
  return { kind: "rows", rows, firstRow: 1, how: { kind, encoding: null, sheet: name } };
}

function readJson(file: string, bytes: Buffer): JsonExport {
  const { text, encoding } = decodeText(bytes);
  try {
    return { kind: "json", value: JSON.parse(text), how: { kind: "json", encoding, sheet: null } };
  } catch (thrown) {
    throw new ExportReadError(message("export file not json", { file, why: (thrown as Error).message }));
  }
}
