// Writing a workbook target (.xls or .xlsx) with SheetJS (@e965/xlsx): text cells as strings (codes
// keep their leading zeros), numbers as number cells with the table's number format. An amount is
// exact decimal text until here; the cell takes it as a JavaScript number, which holds every amount
// of up to 15 significant digits exactly as written (Excel keeps 15).
//
// SheetJS's BIFF8 writer, when it finds Node's Buffer, takes a zero-filled 16 KB block for every
// record it writes and keeps it to the end: 6 GB for 16,000 voucher lines, and minutes. Without
// Buffer it works in 2 KB typed arrays that it copies down, and the same file takes a tenth of the
// memory and a quarter of the time. So the .xls is written by a second instance of the same
// library, loaded into a context that has no Buffer and no process (node:vm); the .xlsx by the
// ordinary one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createContext, runInContext } from "node:vm";
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import type { Cell, ExportSettings, PreparedVoucher, SheetTarget } from "./target.js";
import { entryRows } from "./rows.js";

type SheetJs = typeof import("@e965/xlsx");

const requireHere = createRequire(import.meta.url);
let sheetJs: SheetJs | null = null;
let biffSheetJs: SheetJs | null = null;

/** Loaded when first needed: SheetJS takes tens of milliseconds to load, and most commands never write a workbook. */
function loadSheetJs(): SheetJs {
  sheetJs ??= requireHere("@e965/xlsx") as SheetJs;
  return sheetJs;
}

/** SheetJS in a context without Buffer and process, for the BIFF8 writer (see the top of this file). */
function loadBiffSheetJs(): SheetJs {
  if (biffSheetJs !== null) return biffSheetJs;
  const file = requireHere.resolve("@e965/xlsx/xlsx.js");
  const module = { exports: {} as SheetJs };
  const context = createContext({
    module,
    exports: module.exports,
    console,
    require: (id: string) => requireHere(id.startsWith(".") ? join(dirname(file), id) : id),
  });
  runInContext(readFileSync(file, "utf8"), context, { filename: file });
  biffSheetJs = module.exports;
  return biffSheetJs;
}

function cellObject(cell: Exclude<Cell, null>): CellObject {
  if (cell.kind === "text") return { t: "s", v: cell.value };
  const object: CellObject = { t: "n", v: Number(cell.value) };
  if (cell.format !== null) object.z = cell.format;
  return object;
}

function worksheet(xlsx: SheetJs, rows: readonly (readonly Cell[])[]): WorkSheet {
  const sheet: WorkSheet = {};
  let width = 1;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((cell, c) => {
      if (cell !== null) sheet[xlsx.utils.encode_cell({ r, c })] = cellObject(cell);
    });
  });
  sheet["!ref"] = xlsx.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: width - 1 } });
  return sheet;
}

const text = (value: string): Cell => (value === "" ? null : { kind: "text", value });

/** The workbook's bytes: each sheet of the target in order, entry sheets with their header rows. */
export function writeWorkbook(target: SheetTarget, vouchers: readonly PreparedVoucher[], settings: ExportSettings): Buffer {
  const xlsx = target.book === "xls" ? loadBiffSheetJs() : loadSheetJs();
  const book: WorkBook = xlsx.utils.book_new();
  for (const layout of target.sheets) {
    const name = typeof layout.name === "string" ? layout.name : layout.name(settings);
    let cells: Cell[][];
    if (layout.kind === "fixed") cells = layout.rows.map((row) => row.map(text));
    else {
      cells = [layout.columns.map((column) => text(column.header))];
      if (layout.headerRows === 2) cells.push(layout.columns.map((column) => text(column.caption ?? "")));
      for (const row of entryRows(layout.columns, vouchers, target, settings)) cells.push([...row.cells]);
    }
    xlsx.utils.book_append_sheet(book, worksheet(xlsx, cells), name);
  }
  if (target.book === "xls") return Buffer.from(xlsx.write(book, { type: "array", bookType: "biff8" }) as ArrayBuffer);
  return xlsx.write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
