// The data rows of a layout: one per voucher line, each column filled by its table's function.
import type { Cell, Column, ExportSettings, ExportTarget, PreparedLine, PreparedVoucher } from "./target.js";

export interface EntryRow {
  readonly voucher: PreparedVoucher;
  readonly line: PreparedLine;
  readonly cells: readonly Cell[];
}

export function entryRows(columns: readonly Column[], vouchers: readonly PreparedVoucher[], target: ExportTarget, settings: ExportSettings): EntryRow[] {
  const rows: EntryRow[] = [];
  for (const voucher of vouchers) {
    for (const line of voucher.lines) {
      const entry = { voucher, line, settings, target };
      rows.push({ voucher, line, cells: columns.map((column) => column.fill(entry)) });
    }
  }
  return rows;
}
