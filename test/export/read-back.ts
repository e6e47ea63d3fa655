// Reading an exported file back with a library other than the one the writer uses where there is
// one: .xlsx with exceljs, U8's text with Node's own GBK decoder; .xls with SheetJS's reader (the
// only maintained JavaScript reader of BIFF8). Nothing here imports src/export.
import { createRequire } from "node:module";
import ExcelJS from "exceljs";

const sheetJs = createRequire(import.meta.url)("@e965/xlsx") as typeof import("@e965/xlsx");

/** A cell as read back: text, a number with its number format, or nothing. */
export type ReadCell = { readonly text: string } | { readonly number: number; readonly format: string } | null;

export interface ReadSheet {
  readonly name: string;
  readonly rows: readonly (readonly ReadCell[])[];
}

export function readXls(bytes: Buffer): ReadSheet[] {
  const book = sheetJs.read(bytes, { type: "buffer", cellNF: true, cellDates: false });
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name]!;
    const range = sheetJs.utils.decode_range(sheet["!ref"] ?? "A1:A1");
    const rows: ReadCell[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: ReadCell[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[sheetJs.utils.encode_cell({ r, c })];
        if (cell === undefined || cell.v === undefined || cell.v === "") row.push(null);
        else if (cell.t === "n") row.push({ number: cell.v as number, format: String(cell.z ?? "General") });
        else row.push({ text: String(cell.v) });
      }
      rows.push(row);
    }
    return { name, rows };
  });
}

export async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const rows: ReadCell[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: ReadCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = sheet.getRow(r).getCell(c);
        const value = cell.value;
        if (value === null || value === undefined || value === "") row.push(null);
        else if (typeof value === "number") row.push({ number: value, format: cell.numFmt ?? "General" });
        else if (typeof value === "string") row.push({ text: value });
        else throw new Error(`unexpected cell ${cell.address}: ${JSON.stringify(value)}`);
      }
      rows.push(row);
    }
    return { name: sheet.name, rows };
  });
}

/** U8's file as text: GBK decoded strictly (an undecodable byte throws), lines without their CRLF. */
export function readGbkLines(bytes: Buffer): string[] {
  const text = new TextDecoder("gbk", { fatal: true }).decode(bytes);
  if (!text.endsWith("\r\n")) throw new Error("the file does not end with CRLF");
  const body = text.slice(0, -2);
  if (/\r(?!\n)|(?<!\r)\n/.test(body)) throw new Error("a line end is not CRLF");
  return body.split("\r\n");
}

export function cellText(cell: ReadCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return "text" in cell ? cell.text : String(cell.number);
}

/** A normalised dump of the cells for golden files: `"text"`, `123.5 [0.00]`, or nothing. */
export function dumpSheets(sheets: readonly ReadSheet[]): string {
  const out: string[] = [];
  for (const sheet of sheets) {
    out.push(`== sheet ${sheet.name}`);
    sheet.rows.forEach((row, index) => {
      const cells = row.map((cell) => (cell === null ? "" : "text" in cell ? JSON.stringify(cell.text) : `${cell.number} [${cell.format}]`));
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      out.push(`${index + 1}: ${cells.join(" | ")}`);
    });
  }
  return out.join("\n") + "\n";
}
