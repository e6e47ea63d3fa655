// Inline journals for the customer and audit tests: written to a fresh folder, path returned.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function writeJournal(text: string, name = "books.beancount"): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-customers-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export const OPENS = `
2026-01-01 open Assets:Bank CNY
2026-01-01 open Income:Sales CNY
2026-01-01 open Income:Other CNY
2026-01-01 open Expenses:Fees:Visits CNY
2026-01-01 open Expenses:Fees:Events CNY
2026-01-01 open Expenses:Fees:Gifts CNY
2026-01-01 open Liabilities:Payable CNY
2026-01-01 custom "feeledger-option" "report-root" "Expenses:Fees"
`;
