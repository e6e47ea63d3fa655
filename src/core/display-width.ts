// How many terminal columns a text takes: CJK and other wide characters two, combining marks and
// zero-width characters none (string-width, which follows Unicode's East Asian Width). Tables and
// the formatter measure through here so that they agree.
import stringWidth from "string-width";

/** Columns a tab advances to: the next multiple of this. */
export const TAB_WIDTH = 4;

/** Printable ASCII only: one column a character. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

// Accounts, payees and currencies repeat across a journal: each distinct text is measured once.
const measured = new Map<string, number>();
const MEASURED_LIMIT = 100_000;

/** Display width of a text without tabs or line ends. */
export function displayWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = measured.get(text);
  if (width === undefined) {
    width = stringWidth(text, { countAnsiEscapeCodes: true });
    if (measured.size >= MEASURED_LIMIT) measured.clear();
    measured.set(text, width);
  }
  return width;
}

/** The column a text starting at column `from` ends at, tabs advancing to the next tab stop. */
export function columnAfter(text: string, from = 0): number {
  if (!text.includes("\t")) return from + displayWidth(text);
  let column = from;
  for (const [index, piece] of text.split("\t").entries()) {
    if (index > 0) column += TAB_WIDTH - (column % TAB_WIDTH);
    column += displayWidth(piece);
  }
  return column;
}
