// A sheet whose rows are made when they are visited: a long table (a register, a subsidiary
// ledger: tens of thousands of rows) is drawn as its rows are made, none of them kept, while CSV,
// JSON, xlsx and html read the sheet with its rows collected.
import type { Sheet, SheetRow } from "./sheet.js";

export interface SheetParts {
  /** The sheet without its rows (its `rows` are empty). */
  readonly sheet: Sheet;
  /** Gives the sheet's rows to `visit` in order, made afresh each time it is called. */
  readonly rows: (visit: (row: SheetRow) => void) => void;
}

/** The whole sheet, its rows collected. */
export function sheetOf(parts: SheetParts): Sheet {
  const rows: SheetRow[] = [];
  parts.rows((row) => { rows.push(row); });
  return { ...parts.sheet, rows };
}
