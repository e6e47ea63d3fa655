// Writing a workbook target (.xls or .xlsx) with SheetJS (@e965/xlsx): text cells as strings (codes
// keep their leading zeros), numbers as number cells with the table's number format. An amount is
// exact decimal text until here; the cell takes it as a JavaScript number, which holds every amount
// of up to 15 significant digits exactly as written (Excel keeps 15).
import { createRequire } from "node:module";
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import type { Cell, ExportSettings, PreparedVoucher, SheetTarget } from "./target.js";
import { entryRows } from "./rows.js";

type SheetJs = typeof import("@e965/xlsx");

let sheetJs: SheetJs | null = null;

/** Loaded when first needed: SheetJS takes tens of milliseconds to load, and most commands never write a workbook. */
function loadSheetJs(): SheetJs {
  sheetJs ??= createRequire(import.meta.url)("@e965/xlsx") as SheetJs;
  return sheetJs;
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
  const xlsx = loadSheetJs();
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
  return xlsx.write(book, { type: "buffer", bookType: target.book === "xls" ? "biff8" : "xlsx", compression: true }) as Buffer;
}
