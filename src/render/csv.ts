// CSV for spreadsheets: RFC 4180, a header row, plain numbers; text that a spreadsheet would run as
// a formula is neutralised with a leading apostrophe.
import { createRequire } from "node:module";
import type { stringify as Stringify } from "csv-stringify/sync";

// Loaded when first used (its CommonJS build, synchronously): most commands write no CSV, and
// every module loaded is time at the start of every command.
let stringify: typeof Stringify | null = null;
const load = (): typeof Stringify => (stringify ??= (createRequire(import.meta.url)("csv-stringify/sync") as { stringify: typeof Stringify }).stringify);

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Neutralise a text cell that Excel or LibreOffice would evaluate as a formula. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  // Records end in CRLF; a field holding a bare CR or LF must be quoted as well (RFC 4180), which
  // csv-stringify only does for the record delimiter itself.
  const body = load()([header as string[], ...rows.map((row) => row.map(neutraliseCell))], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
  return (options.bom ? "\ufeff" : "") + body;
}
