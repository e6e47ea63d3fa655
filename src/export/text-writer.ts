// Writing a text target (用友 U8): the first line, then one line per voucher line, fields joined by
// the separator, in the target's encoding (iconv-lite) with its line ends. The format has no
// quoting, so a separator inside a text field is written as the target's replacement (a full-width
// comma) and line breaks and tabs as spaces. A character the encoding cannot hold is refused, with
// the line it is on, rather than written as "?".
import { createRequire } from "node:module";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";
import type { Cell, ExportSettings, PreparedVoucher, TextTarget } from "./target.js";
import { entryRows } from "./rows.js";

type IconvLite = typeof import("iconv-lite");

let iconvLite: IconvLite | null = null;

function loadIconv(): IconvLite {
  iconvLite ??= createRequire(import.meta.url)("iconv-lite") as IconvLite;
  return iconvLite;
}

function fieldText(cell: Cell, target: TextTarget): string {
  if (cell === null) return "";
  if (cell.kind === "number") return cell.value;
  return cell.value.split(target.separator).join(target.separatorReplacement).replace(/[\r\n\t]+/g, " ");
}

/** The characters of `text` the encoding cannot hold. */
function unencodable(iconv: IconvLite, text: string, encoding: string): string[] {
  if (iconv.decode(iconv.encode(text, encoding), encoding) === text) return [];
  const found = new Set<string>();
  for (const character of text) {
    if (iconv.decode(iconv.encode(character, encoding), encoding) !== character) found.add(character);
  }
  return [...found];
}

function describe(character: string): string {
  return `"${character}" (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** The file's bytes, or an error for each line holding a character the encoding cannot hold. */
export function writeText(target: TextTarget, vouchers: readonly PreparedVoucher[], settings: ExportSettings): { bytes: Buffer } | { diagnostics: Diagnostic[] } {
  const iconv = loadIconv();
  const diagnostics: Diagnostic[] = [];
  const lines = [target.firstLine];
  for (const row of entryRows(target.columns, vouchers, target, settings)) {
    const line = row.cells.map((cell) => fieldText(cell, target)).join(target.separator);
    const bad = unencodable(iconv, line, target.encoding);
    if (bad.length > 0) {
      diagnostics.push(error("export-unencodable", message("export-unencodable", { characters: bad.map(describe).join(", "), encoding: target.encoding.toUpperCase(), title: target.title }), row.line.source.span));
    }
    lines.push(line);
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { bytes: iconv.encode(lines.map((line) => line + target.lineEnd).join(""), target.encoding) };
}
