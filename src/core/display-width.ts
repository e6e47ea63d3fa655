// How many terminal columns a text takes, as string-width measures it (East Asian wide and
// fullwidth characters two, combining marks and zero-width characters none, an emoji sequence two):
// the measure cli-table3 lays tables out by. Tables, charts and the formatter all measure here, so
// that they agree. Text made only of printable ASCII, Latin, general punctuation and the common CJK
// blocks (most of what a journal or a table holds) is counted directly, to the same result:
// string-width segments every text into graphemes, which a register of a large journal would pay
// for in every cell (it made `reg` half again slower). Other text is measured once per distinct text.
import { createRequire } from "node:module";
import type StringWidth from "string-width";

// Loaded when a text first needs it (an ES module: require() loads it since Node.js 20.19): it
// sets up an Intl.Segmenter as it loads, which every start of feeledger would otherwise pay for.
let stringWidthFunction: typeof StringWidth | undefined;
const stringWidth: typeof StringWidth = (text, options) =>
  (stringWidthFunction ??= (createRequire(import.meta.url)("string-width") as { default: typeof StringWidth }).default)(text, options);

/** Columns a tab advances to: the next multiple of this. */
export const TAB_WIDTH = 4;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters one or two columns wide on their own, never joined with their neighbours. */
const SIMPLE = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u303e\u3041-\u3096\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uff61-\uff9f\uffa1-\uffdc\uffe0-\uffe6]*$/;

function isWide(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303e) || (code >= 0x3041 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf)
    || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
}

// Accounts, payees and currencies repeat across a journal: each distinct text is measured once.
const MEASURED_LIMIT = 100_000;
const measured = { escapesCounted: new Map<string, number>(), escapesSkipped: new Map<string, number>() };

/** Display width of output without tabs or line ends: ANSI colour codes in it take no room. */
export function displayWidth(text: string): number {
  return measure(text, false);
}

/** Display width of a journal's own text without tabs or line ends: escape characters count, as an editor shows them. */
export function sourceWidth(text: string): number {
  return measure(text, true);
}

/**
 * The columns of each character of `text` when every one is simple (printable ASCII, Latin, general
 * punctuation, the common CJK blocks: each one piece, one or two columns wide, as displayWidth
 * measures it alone); null for any other text.
 */
export function simpleCharWidths(text: string): ((index: number) => number) | null {
  if (!SIMPLE.test(text)) return null;
  return (index) => {
    const code = text.charCodeAt(index);
    return code === 0xad ? 0 : isWide(code) ? 2 : 1;
  };
}

/**
 * displayWidth of a text whose every character is simple (see simpleCharWidths), counted directly;
 * -1 for any other text.
 */
export function simpleWidth(text: string): number {
  if (!SIMPLE.test(text)) return -1;
  let width = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    width += code === 0xad ? 0 : isWide(code) ? 2 : 1;
  }
  return width;
}

function measure(text: string, counted: boolean): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const simple = simpleWidth(text);
  if (simple >= 0) return simple;
  const cache = counted ? measured.escapesCounted : measured.escapesSkipped;
  let width = cache.get(text);
  if (width === undefined) {
    width = stringWidth(text, { countAnsiEscapeCodes: counted });
    if (cache.size >= MEASURED_LIMIT) cache.clear();
    cache.set(text, width);
  }
  return width;
}

/** The column a journal's text starting at column `from` ends at, tabs advancing to the next tab stop. */
export function columnAfter(text: string, from = 0): number {
  if (!text.includes("\t")) return from + sourceWidth(text);
  let column = from;
  for (const [index, piece] of text.split("\t").entries()) {
    if (index > 0) column += TAB_WIDTH - (column % TAB_WIDTH);
    column += sourceWidth(piece);
  }
  return column;
}
