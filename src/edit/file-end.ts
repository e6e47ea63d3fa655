// What a writer that appends to a file needs to know of it: its text's length (the append's offset),
// its line ends, how it ends, and its amount column. Read from the bytes the loaded text was decoded
// from when they are kept and valid UTF-8: decoding the whole of a large journal into one string (a
// second time, after the parser's pieces) is the largest cost of a writer that only appends to it.
// Each figure is the one the decoded text gives (test/unit/file-end.test.ts holds them to it).
import { isUtf8 } from "node:buffer";
import { appendLayout, layoutAfter, lineEnds, type AppendLayout, type LineEnds } from "./edits.js";
import { amountColumn, displayWidth } from "./amortize.js";

export interface FileEnd {
  /** The length of the file's decoded text: where an append starts. */
  readonly length: number;
  readonly ends: LineEnds;
  /** appendLayout of the text with its line ending. */
  readonly layout: AppendLayout;
  /** amountColumn of the text (worked out when asked: a pass over the whole file). */
  amountColumn(): number;
}

/** The end of a loaded file: `text` is only read when its bytes are not kept or not valid UTF-8. */
export function fileEnd(source: KeptSource): FileEnd {
  const bytes = source.decodedBytes;
  const length = source.decodedLength;
  if (bytes !== null && length !== null && isUtf8(bytes)) return bytesEnd(bytes, length);
  const text = source.text;
  const ends = lineEnds(text);
  return { length: text.length, ends, layout: appendLayout(text, ends.eol), amountColumn: () => amountColumn(text) };
}

/** A loaded file (source/files.ts SourceFile): its text, and the bytes it was decoded from when kept. */
export interface KeptSource {
  readonly text: string;
  readonly decodedBytes: Buffer | null;
  readonly decodedLength: number | null;
}

/**
 * The same, from valid UTF-8 whose decoded text is `length` long. The line ends are counted when
 * first asked for, or along the way when the amount column is asked for first (one pass for both).
 */
export function bytesEnd(bytes: Uint8Array, length: number): FileEnd {
  let ends: LineEnds | null = null;
  let layout: AppendLayout | null = null;
  let column: number | null = null;
  const endsOf = (): LineEnds => (ends ??= byteLineEnds(bytes));
  return {
    length,
    get ends() { return endsOf(); },
    get layout() { return (layout ??= byteLayout(bytes, endsOf().eol)); },
    amountColumn: () => {
      if (column === null) {
        const scanned = byteAmountColumn(bytes, ends === null);
        column = scanned.column;
        ends ??= scanned.ends;
      }
      return column;
    },
  };
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** lineEnds of the decoded text: "\n" and "\r" are the bytes 0x0A and 0x0D, never part of a longer sequence. */
function byteLineEnds(bytes: Uint8Array): LineEnds {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let crlf = 0;
  let lf = 0;
  for (let i = buffer.indexOf(LF); i >= 0; i = buffer.indexOf(LF, i + 1)) {
    if (i > 0 && buffer[i - 1] === CR) crlf++;
    else lf++;
  }
  return { eol: crlf > lf ? "\r\n" : "\n", count: crlf + lf };
}

/** appendLayout of the decoded text, which looks only at its last line: spaces, tabs and line ends are single bytes. */
function byteLayout(bytes: Uint8Array, eol: "\r\n" | "\n"): AppendLayout {
  const size = bytes.length;
  if (size === 0) return layoutAfter("empty", eol);
  if (bytes[size - 1] !== LF) return layoutAfter("unended", eol);
  let index = size - 1;
  if (index > 0 && bytes[index - 1] === CR) index--;
  while (index > 0 && (bytes[index - 1] === SPACE || bytes[index - 1] === TAB)) index--;
  return layoutAfter(index === 0 || bytes[index - 1] === LF ? "blank" : "line", eol);
}

/**
 * Whether the UTF-8 at `index` is a character that a regular expression's \s matches (and so \S
 * does not): the ASCII blanks and line ends, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, U+FEFF. Their byte patterns always decode to them (a lead byte is never read as a
 * continuation), so they are found without decoding.
 */
export function isSpaceAt(bytes: Uint8Array, index: number): boolean {
  const byte = bytes[index]!;
  if (byte < 0x80) return byte === SPACE || (byte >= TAB && byte <= CR);
  const second = bytes[index + 1];
  const third = bytes[index + 2];
  switch (byte) {
    case 0xc2: return second === 0xa0;
    case 0xe1: return second === 0x9a && third === 0x80;
    case 0xe2:
      if (second === 0x80) return third !== undefined && ((third >= 0x80 && third <= 0x8a) || third === 0xa8 || third === 0xa9 || third === 0xaf);
      return second === 0x81 && third === 0x9f;
    case 0xe3: return second === 0x80 && third === 0x80;
    case 0xef: return second === 0xbb && third === 0xbf;
    default: return false;
  }
}

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** Columns counted in an array by byteAmountColumn (a map counts any past them). */
const COUNTED_COLUMNS = 1024;

/**
 * amountColumn (amortize.ts) of valid UTF-8, without decoding it: the same match, a posting line
 * `^( +(?:[!*] +)?)(\S+:\S*)( +-?[\d,]*\d(?:\.\d+)?) +\S`, read off the bytes line by line (every
 * part but the account is ASCII). A line starts after "\n" there; a text with other places `^`
 * matches at (a lone "\r", U+2028, U+2029) is measured on its decoded text. With `countEnds`, the
 * line ends (byteLineEnds) are counted in the same pass (null when the decoded text was measured).
 */
function byteAmountColumn(bytes: Uint8Array, countEnds: boolean): { column: number; ends: LineEnds | null } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const decoded = () => ({ column: amountColumn(buffer.toString("utf8")), ends: null });
  if (buffer.includes("\u2028") || buffer.includes("\u2029")) return decoded();
  for (let i = buffer.indexOf(CR); i >= 0; i = buffer.indexOf(CR, i + 1)) {
    if (buffer[i + 1] !== LF) return decoded();
  }
  // Counts by column: an array for the usual columns, a map for the rest. (The column chosen, the
  // commonest and the larger of two as common, does not depend on the order they are counted in.)
  const counts = new Int32Array(COUNTED_COLUMNS);
  const wide = new Map<number, number>();
  const size = buffer.length;
  let crlf = 0;
  let lf = 0;
  for (let start = 0; start < size;) {
    const newline = buffer.indexOf(LF, start);
    const lineEnd = newline < 0 ? size : newline;
    if (buffer[start] === SPACE) {
      const lead = postingLead(buffer, start, lineEnd);
      if (lead >= COUNTED_COLUMNS) wide.set(lead, (wide.get(lead) ?? 0) + 1);
      else if (lead > 0) counts[lead]++;
    }
    if (newline < 0) break;
    if (newline > 0 && buffer[newline - 1] === CR) crlf++;
    else lf++;
    start = newline + 1;
  }
  let best = 0;
  let bestCount = 0;
  for (let end = 1; end < COUNTED_COLUMNS; end++) {
    const count = counts[end]!;
    if (count > 0 && count >= bestCount) { best = end; bestCount = count; }
  }
  for (const [end, count] of wide) if (count > bestCount || (count === bestCount && end > best)) { best = end; bestCount = count; }
  return { column: best, ends: countEnds ? { eol: crlf > lf ? "\r\n" : "\n", count: crlf + lf } : null };
}

/**
 * The display width of each character of the Basic Multilingual Plane an account held so far
 * (displayWidth of the character alone: 1 or 2), -1 for one that \s matches, 0 when not yet seen.
 */
const bmpWidths = new Int8Array(0x10000);
const SPACE_CHARACTER = /^\s$/u;

/** The width of the character `code` (as bmpWidths has it), worked out; kept for one of the BMP. */
function characterWidth(code: number): number {
  const character = String.fromCodePoint(code);
  const width = SPACE_CHARACTER.test(character) ? -1 : displayWidth(character);
  if (code < 0x10000) bmpWidths[code] = width;
  return width;
}

/**
 * displayWidth of the valid UTF-8 bytes[start, end) (the sum of its characters' widths, as
 * displayWidth counts them one by one), or -1 when it holds no ":" or a character \s matches
 * (then it is not an account of the pattern: its run of non-blanks ends before `end`).
 */
function accountWidth(bytes: Uint8Array, start: number, end: number): number {
  let width = 0;
  let colon = false;
  for (let i = start; i < end;) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      if (byte === 0x3a) colon = true;
      else if (byte >= TAB && byte <= CR) return -1;
      width++;
      i++;
      continue;
    }
    let character: number;
    if (byte < 0xe0) {
      const code = ((byte & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      character = bmpWidths[code]! || characterWidth(code);
      i += 2;
    } else if (byte < 0xf0) {
      const code = ((byte & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      character = bmpWidths[code]! || characterWidth(code);
      i += 3;
    } else {
      character = characterWidth(((byte & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f));
      i += 4;
    }
    if (character < 0) return -1;
    width += character;
  }
  return colon ? width : -1;
}

/**
 * The display width of a posting line's lead up to its amount's end (the pattern above matched at
 * `start`, a line's start; the line ends at `lineEnd`), or 0 when it does not match. Each part of
 * the pattern can match one way only: the account is the whole run of non-blanks after the indent
 * and must be followed by a space (so it is what comes before the line's next space, and holds no
 * other blank), the amount the whole run after the spaces, followed by a space. The amount is read
 * first: most indented lines (metadata) fail there, and the account is measured only for the rest.
 */
function postingLead(bytes: Buffer, start: number, lineEnd: number): number {
  const size = bytes.length;
  let i = start;
  while (bytes[i] === SPACE) i++;
  if ((bytes[i] === 0x21 || bytes[i] === 0x2a) && bytes[i + 1] === SPACE) {
    i++;
    while (bytes[i] === SPACE) i++;
  }
  const indent = i - start;
  const accountStart = i;
  const accountEnd = bytes.indexOf(SPACE, i);
  if (accountEnd < 0 || accountEnd > lineEnd) return 0;
  i = accountEnd;
  while (bytes[i] === SPACE) i++;
  const amountStart = i;
  if (bytes[i] === 0x2d) i++;
  while (isDigit(bytes[i]) || bytes[i] === 0x2c) i++;
  if (i === amountStart || !isDigit(bytes[i - 1])) return 0;
  if (bytes[i] === 0x2e && isDigit(bytes[i + 1])) {
    i++;
    while (isDigit(bytes[i])) i++;
  }
  if (bytes[i] !== SPACE) return 0;
  const amountEnd = i;
  while (bytes[i] === SPACE) i++;
  if (i >= size || isSpaceAt(bytes, i)) return 0;
  const width = accountWidth(bytes, accountStart, accountEnd);
  return width < 0 ? 0 : indent + width + (amountEnd - accountEnd);
}
