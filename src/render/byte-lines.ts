// A long table drawn without colour in one read of its rows and one writing of its bytes: the
// register and the subsidiary ledger of a large journal (50,000 lines). writeTableLines
// (line-table.ts) read the rows twice, made each line's cells as strings (two amounts a line),
// joined them some 32 kB at a time and had the stream encode the joined text again as UTF-8. Here
// a row's cells are kept as numbers as they are given (a text by its number among its column's
// distinct texts, an amount as its scaled integer, scale and places), the widths are known once the
// rows are given, and each line is written once as UTF-8 into large buffers: a text's bytes made
// once per distinct text, an amount's digits written from its integer, a cut text (a register's
// description, a ledger's summary) cut as it is written. The layout and the text are
// writeTableLines' to the byte (test/render/byte-lines.test.ts): its measures, fitColumns' layout
// (narrowed, compact, cut, split into parts), its lines trimmed at their end. It takes only what
// it draws the same way for sure: simple texts (simpleTableWidth's characters; in a column that may
// be cut, no backslash), amounts amountShape can write; given anything else, `ok` turns false and
// the caller draws the table with writeTableLines.
import { GAP, PADDING, cutText, displayWidth, fitColumns, groupedNumber, simpleHadBackslash, simpleTableWidth, tableMeasure, tableWidth, type Column, type Row } from "./table.js";
import { terminalText } from "./terminal.js";
import { simpleCutAtEnd } from "./line-table.js";
import { amountShape, writeShapedAmount } from "../reports/table-amount.js";
import { grownCopy } from "../core/typed-arrays.js";
import { ByteOutput } from "./byte-output.js";

/** A cell's kinds (ByteTable's kinds). */
const TEXT = 0;
const AMOUNT = 1;
/** An amount after a minus. */
const NEGATIVE = 2;

/** How many distinct texts a column keeps looking up before it asks whether they repeat. */
const MAPPED_BEFORE_CHECK = 2048;

/**
 * The distinct texts of one column, numbered in the order first given, each measured once (its
 * display width, which is also its drawn width: simple texts only). A text may be two joined by
 * " | " (`seconds`: a register's payee and narration), kept as the two, never made one string.
 * A column whose texts do not repeat (descriptions, summaries) stops looking them up, and each
 * cell is then a text of its own.
 */
class ColumnTexts {
  readonly #numbers = new Map<string, number>();
  #mapping = true;
  #found = 0;
  #lastGiven: string | null = null;
  #lastSecond: string | null = null;
  #lastNumber = -1;
  texts: string[] = [];
  seconds: (string | null)[] = [];
  widths = new Int32Array(16);
  /** Whether a text holds a backslash (simpleHadBackslash). */
  backslash = new Uint8Array(16);
  count = 0;
  widest = 0;
  /** Each text's UTF-8 bytes, made when first written (Buffer.from). */
  bytes: (Buffer | undefined)[] = [];
  /** Each text cut to the column's narrowed width (when wider), its bytes and its drawn width. */
  cutBytes: (Buffer | undefined)[] = [];
  cutDrawn: number[] = [];

  constructor(readonly right: boolean, readonly shrinks: boolean) {}

  /** Whether the column's texts are still looked up (they repeat): their bytes are then kept. */
  get repeats(): boolean {
    return this.#mapping;
  }

  /** The number of `given` (joined to `second` after " | " when not null); -1 when it is not a text this table takes. */
  numberOf(given: string, second: string | null): number {
    if (given === this.#lastGiven && second === this.#lastSecond && this.#lastNumber >= 0) return this.#lastNumber;
    let number: number | undefined;
    if (this.#mapping && second === null) {
      number = this.#numbers.get(given);
      if (number !== undefined) this.#found++;
      else {
        number = this.#add(given, null);
        if (number < 0) return -1;
        this.#numbers.set(given, number);
        if (this.#numbers.size >= MAPPED_BEFORE_CHECK && this.#found * 4 < this.#numbers.size) {
          this.#mapping = false;
          this.#numbers.clear();
        }
      }
    } else {
      number = this.#add(given, second);
      if (number < 0) return -1;
    }
    this.#lastGiven = given;
    this.#lastSecond = second;
    this.#lastNumber = number;
    return number;
  }

  #add(given: string, second: string | null): number {
    let text = given;
    let width: number;
    let backslash = false;
    if (this.right) {
      // (A right-aligned text: a plain number grouped, as writeTableLines prepares it; only plain ASCII
      // taken, and not in a column that may be cut.)
      if (second !== null || this.shrinks || !isPlainAscii(given)) return -1;
      text = groupedNumber(given);
      width = text.length;
    } else {
      width = simpleTableWidth(given);
      if (width < 0) return -1;
      backslash = simpleHadBackslash;
      if (second !== null) {
        const more = simpleTableWidth(second);
        if (more < 0) return -1;
        backslash ||= simpleHadBackslash;
        width += 3 + more;
      }
      // (A column that may be cut: its texts cut as simple texts, without an escape to keep whole.)
      if (this.shrinks && backslash) return -1;
    }
    const number = this.count++;
    if (number >= this.widths.length) {
      const size = Math.max(number + 1, this.widths.length * 2);
      this.widths = grownCopy(this.widths, size, number);
      this.backslash = grownCopy(this.backslash, size, number);
    }
    this.texts.push(text);
    this.seconds.push(second);
    this.widths[number] = width;
    this.backslash[number] = backslash ? 1 : 0;
    if (width > this.widest) this.widest = width;
    return number;
  }

  /** The text numbered `number` as one string. */
  textAt(number: number): string {
    const second = this.seconds[number];
    return second === null || second === undefined ? this.texts[number]! : `${this.texts[number]!} | ${second}`;
  }
}

/** PLAIN_ASCII's test. */
function isPlainAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/**
 * A table's rows, given once (a row's cells column by column, then endRow; a heading line by
 * heading), kept as numbers, then drawn by write. `ok` is false once a cell was given that this
 * writer does not draw (see the top of the file): the caller then draws the table otherwise.
 */
export class ByteTable {
  ok = true;
  readonly columns: Column[];
  readonly count: number;
  readonly right: boolean[];
  readonly texts: ColumnTexts[];
  /** Per cell (row × count + column): its kind, its text's number or (an amount) its scaled integer, scale and places. */
  kinds: Uint8Array;
  numbers: Float64Array;
  scales: Uint8Array;
  places: Uint8Array;
  rows = 0;
  /** Rows of the body (the rest, from `bodyRows` on, are the footer's); -1 until footer() is called. */
  bodyRows = -1;
  /** Heading lines of the body (the rest are the footer's). */
  bodyHeadings = -1;
  /** Heading lines, each before the row numbered in headingBefore. */
  readonly headings: string[] = [];
  readonly headingBefore: number[] = [];
  /** The widest amount per column. */
  readonly amountWidths: number[];
  #at = 0;

  constructor(columns: readonly Column[], expectedRows: number) {
    this.columns = columns.map((column) => ({ ...column, header: terminalText(column.header) }));
    this.count = columns.length;
    // (A table without columns: writeTableFrom's drawing, not this.)
    if (this.count === 0) this.ok = false;
    this.right = columns.map((column) => column.align === "right");
    this.texts = columns.map((column, index) => new ColumnTexts(this.right[index]!, column.shrink !== undefined));
    this.amountWidths = columns.map(() => 0);
    const cells = Math.max(16, (expectedRows + 8) * this.count);
    this.kinds = new Uint8Array(cells);
    this.numbers = new Float64Array(cells);
    this.scales = new Uint8Array(cells);
    this.places = new Uint8Array(cells);
  }

  #reserve(): void {
    const needed = (this.rows + 1) * this.count;
    if (needed <= this.kinds.length) return;
    const size = Math.max(needed, this.kinds.length * 2);
    const used = this.rows * this.count;
    this.kinds = grownCopy(this.kinds, size, used);
    this.numbers = grownCopy(this.numbers, size, used);
    this.scales = grownCopy(this.scales, size, used);
    this.places = grownCopy(this.places, size, used);
  }

  /** Start a row (room made for its cells). */
  startRow(): void {
    this.#reserve();
    this.#at = this.rows * this.count;
  }

  /** Column `column`'s cell: `text`, or `text` | `second` (a register's payee and narration). */
  text(column: number, text: string, second: string | null = null): void {
    const number = this.texts[column]!.numberOf(text, second);
    if (number < 0) this.ok = false;
    const at = this.#at + column;
    this.kinds[at] = TEXT;
    this.numbers[at] = number;
  }

  /**
   * Column `column`'s cell: the amount `magnitude` × 10^-scale (a non-negative safe integer) of a
   * commodity shown at `places`, after a minus when `negative` (amountCell's text, as
   * registerTableLines and ledgerTableLines make it). False when amountShape cannot write it (the
   * caller gives its text instead).
   */
  amount(column: number, magnitude: number, scale: number, places: number, negative: boolean): boolean {
    const length = amountShape(magnitude, scale, places);
    if (length < 0 || scale > 255 || places > 255 || !this.right[column] || this.columns[column]!.shrink !== undefined) return false;
    const width = length + (negative ? 1 : 0);
    if (width > this.amountWidths[column]!) this.amountWidths[column] = width;
    const at = this.#at + column;
    this.kinds[at] = negative ? NEGATIVE : AMOUNT;
    this.numbers[at] = magnitude;
    this.scales[at] = scale;
    this.places[at] = places;
    return true;
  }

  endRow(): void {
    this.rows++;
  }

  heading(text: string): void {
    this.headingBefore.push(this.rows);
    this.headings.push(terminalText(text));
  }

  /** The footer's rows, after the body's. */
  footer(rows: readonly Row[]): void {
    this.bodyRows = this.rows;
    this.bodyHeadings = this.headings.length;
    for (const row of rows) {
      if (!("cells" in row)) {
        this.heading(row.heading);
        continue;
      }
      this.startRow();
      for (let column = 0; column < this.count; column++) this.text(column, row.cells[column] ?? "");
      this.endRow();
    }
  }

  /**
   * writeTableLines' text of the rows and footer given (footer() called last), with `before` and
   * `after` around it, as UTF-8 to `give` in large pieces. Only when `ok`.
   */
  write(width: number | undefined, before: string, after: string, give: (bytes: Buffer) => boolean | void): void {
    writeByteTable(this, width, before, after, give);
  }
}

/** The bytes of "…". */
const ELLIPSIS = [0xe2, 0x80, 0xa6];

/** A simple character (a unit of the BMP, not a surrogate) as UTF-8 into `buffer` at `at`; where it ends. */
function writeUnit(buffer: Buffer, at: number, code: number): number {
  if (code < 0x80) buffer[at++] = code;
  else if (code < 0x800) {
    buffer[at++] = 0xc0 | (code >> 6);
    buffer[at++] = 0x80 | (code & 0x3f);
  } else {
    buffer[at++] = 0xe0 | (code >> 12);
    buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
    buffer[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/** `text`'s simple characters (BMP only) as UTF-8 into `buffer` at `at`; where they end. */
function writeSimple(buffer: Buffer, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) at = writeUnit(buffer, at, text.charCodeAt(index));
  return at;
}

/** What writeCut left: the drawn width of the text it wrote. */
let cutUsed = 0;
/** Where writeCut's text stopped in its part (-1: it did not stop). */
let cutStop = -1;

/**
 * The head of `text` written while it fits in `room` columns beyond `used` (simpleCutAtEnd's
 * measure: a unit below U+2027 one column, two from it on), as UTF-8 into `buffer` (null: only
 * measured); cutUsed the columns used after it, cutStop where it stopped (-1 at the text's end).
 */
function writeCut(buffer: Buffer | null, at: number, text: string, used: number, width: number): number {
  cutStop = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const w = code < 0x2027 ? 1 : 2;
    if (used + w > width) {
      cutStop = index;
      break;
    }
    used += w;
    if (buffer !== null) at = writeUnit(buffer, at, code);
  }
  cutUsed = used;
  return at;
}

/** " | " as the join of a text's two parts. */
const JOIN = " | ";

/**
 * simpleCutAtEnd(first | second, width) written into `buffer` at `at` (null: only measured): its
 * text then "…"; cutUsed its drawn width. Where it ends.
 */
function writeCutJoined(buffer: Buffer | null, at: number, first: string, second: string | null, width: number): number {
  at = writeCut(buffer, at, first, 1, width);
  if (cutStop < 0 && second !== null) {
    at = writeCut(buffer, at, JOIN, cutUsed, width);
    if (cutStop < 0) at = writeCut(buffer, at, second, cutUsed, width);
  }
  if (buffer !== null) {
    buffer[at++] = ELLIPSIS[0]!;
    buffer[at++] = ELLIPSIS[1]!;
    buffer[at++] = ELLIPSIS[2]!;
  }
  return at;
}

/** writeShapedAmount's text of amountCell(magnitude, scale, places) after a minus when `negative` (for tests); null where amountShape cannot. */
export function writtenAmountText(magnitude: number, scale: number, places: number, negative: boolean): string | null {
  const length = amountShape(magnitude, scale, places);
  if (length < 0) return null;
  const buffer = Buffer.alloc(length + 1);
  return buffer.toString("latin1", 0, writeShapedAmount(buffer, 0, length, negative));
}

function writeByteTable(table: ByteTable, styleWidth: number | undefined, before: string, after: string, give: (bytes: Buffer) => boolean | void): void {
  const { columns, count, right, texts, kinds, numbers, scales, places } = table;
  const rows = table.rows;
  const bodyRows = table.bodyRows < 0 ? rows : table.bodyRows;
  const { headings, headingBefore } = table;
  const bodyHeadings = table.bodyHeadings < 0 ? headings.length : table.bodyHeadings;
  const strlen = tableMeasure();
  const widths = columns.map((column, index) => Math.max(displayWidth(column.header), texts[index]!.widest, table.amountWidths[index]!));
  // (Simple texts and amounts: each drawn as wide as it shows.)
  const drawnWidths = columns.map((_, index) => Math.max(texts[index]!.widest, table.amountWidths[index]!));
  const { compact, cutAt, parts } = fitColumns(columns, widths, styleWidth ?? Number.POSITIVE_INFINITY);

  // A cut column's texts: those wider than its width cut (a column of few texts: each once, kept
  // as bytes; a column whose every cell is a text of its own: cut as it is written). The column is
  // as wide as its widest cut text.
  const streamed = columns.map(() => false);
  cutAt.forEach((shrink, index) => {
    if (shrink === undefined) return;
    const limit = widths[index]!;
    const column = texts[index]!;
    let widest = 0;
    // (Each row's number: a column of texts of their own has as many texts as rows.)
    const own = shrink === "end" && column.count > MAPPED_BEFORE_CHECK;
    streamed[index] = own;
    const cuts = new Array<Buffer | undefined>(own ? 0 : column.count);
    const cutDrawn = new Array<number>(own ? 0 : column.count).fill(0);
    let cutSeen = false;
    for (let number = 0; number < column.count; number++) {
      const width = column.widths[number]!;
      if (width <= limit) {
        if (width > widest) widest = width;
        continue;
      }
      if (own) {
        // (Cut as written; measured here until one cut takes the whole width, which none passes.)
        if (cutSeen && widest >= limit) continue;
        writeCutJoined(null, 0, column.texts[number]!, column.seconds[number]!, limit);
        cutSeen = true;
        if (cutUsed > widest) widest = cutUsed;
        continue;
      }
      const text = column.textAt(number);
      let cut: string;
      let drawn: number;
      if (shrink === "end") {
        const made = simpleCutAtEnd(text, limit);
        cut = made.text;
        drawn = made.drawn;
      } else {
        cut = cutText(text, limit, shrink);
        drawn = strlen(cut);
      }
      cuts[number] = Buffer.from(cut, "utf8");
      cutDrawn[number] = drawn;
      if (drawn > widest) widest = drawn;
    }
    column.cutBytes = cuts;
    column.cutDrawn = cutDrawn;
    drawnWidths[index] = widest;
  });

  const out = new ByteOutput(give);
  out.text(before);
  const gap = compact ? 0 : GAP;
  const betweenWidth = compact ? 1 : 3;
  // (As writeTableLines: the rule only over rows or a footer; shorter when the body starts with a heading.)
  const hasFooter = rows > bodyRows || headings.length > bodyHeadings;
  const hasRows = bodyRows > 0 || hasFooter;
  const firstIsHeading = bodyHeadings > 0 && headingBefore[0] === 0;
  parts.forEach((part, partIndex) => {
    if (partIndex > 0) {
      out.room(2);
      out.buffer[out.at++] = 10;
      out.buffer[out.at++] = 10;
    }
    const headingWidth = Math.max(1, tableWidth(part.map((index) => widths[index]!), gap) - PADDING);
    const colWidths = part.map((index) => Math.max(1, strlen(columns[index]!.header) + PADDING, drawnWidths[index]! + PADDING));
    const partCount = part.length;
    // The most bytes a line takes: its padding and gaps, and three bytes a column of text.
    let lineBound = 2;
    for (let n = 0; n < partCount; n++) lineBound += colWidths[n]! + betweenWidth + 3 * (colWidths[n]! + 4) + 8;
    const partColumns = Int32Array.from(part);
    const partRight = part.map((index) => right[index]!);
    const partCut = part.map((index) => cutAt[index] !== undefined);
    const partStreamed = part.map((index) => streamed[index]!);
    const partTexts = part.map((index) => texts[index]!);
    const partRepeats = part.map((index) => texts[index]!.repeats);
    const widthsOf = Int32Array.from(colWidths, (width) => width - PADDING);
    // (The width a cut column's texts are cut at: fitColumns' width, which the column's drawn width may pass.)
    const limits = Int32Array.from(part, (index) => widths[index]!);

    /** A line's cells from `pending`: see writeTableLines' cell(). */
    let pending = 1;
    const spaces = (buffer: Buffer, at: number, many: number): number => {
      for (let index = 0; index < many; index++) buffer[at++] = 32;
      return at;
    };
    /** The spaces before a text cell of the part's column `n` drawn `drawn` wide (those after it left pending). */
    const padBefore = (buffer: Buffer, at: number, n: number, drawn: number): number => {
      if (n > 0) pending += betweenWidth;
      const padding = widthsOf[n]! - drawn;
      if (partRight[n]) {
        at = spaces(buffer, at, pending + padding);
        pending = 1;
      } else {
        at = spaces(buffer, at, pending);
        pending = padding + 1;
      }
      return at;
    };
    /** A text cell of the part's column `n`: its text's bytes, drawn `drawn` wide. */
    const placeBytes = (buffer: Buffer, at: number, n: number, bytes: Uint8Array, drawn: number): number => {
      at = padBefore(buffer, at, n, drawn);
      buffer.set(bytes, at);
      return at + bytes.length;
    };
    /** The line ended: its trailing spaces trimmed (every text simple: a space is its only white space). */
    const endLine = (buffer: Buffer, start: number, at: number): number => {
      while (at > start && buffer[at - 1] === 32) at--;
      pending = 1;
      return at;
    };
    const writeRow = (row: number): void => {
      out.room(lineBound);
      const buffer = out.buffer;
      let at = out.at;
      const start = at;
      const base = row * count;
      for (let n = 0; n < partCount; n++) {
        const cell = base + partColumns[n]!;
        const kind = kinds[cell];
        if (kind !== TEXT) {
          const magnitude = numbers[cell]!;
          const negative = kind === NEGATIVE;
          const length = amountShape(magnitude, scales[cell]!, places[cell]!);
          const drawn = length + (negative ? 1 : 0);
          if (n > 0) pending += betweenWidth;
          // (An amount's column is right-aligned.)
          at = spaces(buffer, at, pending + widthsOf[n]! - drawn);
          pending = 1;
          at = writeShapedAmount(buffer, at, length, negative);
          continue;
        }
        const number = numbers[cell]!;
        const column = partTexts[n]!;
        if (partCut[n] && column.widths[number]! > limits[n]!) {
          if (partStreamed[n]) {
            // (Cut as it is written, left-aligned: a text column.)
            if (n > 0) pending += betweenWidth;
            at = spaces(buffer, at, pending);
            at = writeCutJoined(buffer, at, column.texts[number]!, column.seconds[number]!, limits[n]!);
            pending = widthsOf[n]! - cutUsed + 1;
          } else at = placeBytes(buffer, at, n, column.cutBytes[number]!, column.cutDrawn[number]!);
          continue;
        }
        const second = column.seconds[number];
        if ((second !== null && second !== undefined) || !partRepeats[n]) {
          // (A text of its own or of two parts, written as it comes, left-aligned.)
          at = padBefore(buffer, at, n, column.widths[number]!);
          at = writeSimple(buffer, at, column.texts[number]!);
          if (second !== null && second !== undefined) {
            at = writeSimple(buffer, at, JOIN);
            at = writeSimple(buffer, at, second);
          }
          continue;
        }
        let bytes = column.bytes[number];
        if (bytes === undefined) column.bytes[number] = bytes = Buffer.from(column.texts[number]!, "utf8");
        at = placeBytes(buffer, at, n, bytes, column.widths[number]!);
      }
      at = endLine(buffer, start, at);
      buffer[at++] = 10;
      out.at = at;
    };
    const writeLine = (text: string): void => {
      out.room(3 * text.length + 1);
      const start = out.at;
      let at = start + out.buffer.write(text, start, "utf8");
      at = endLine(out.buffer, start, at);
      out.buffer[at++] = 10;
      out.at = at;
    };
    const headingLine = (heading: string): void => {
      // (A heading may hold any text: trimmed as trimEnd trims it.)
      writeLine(` ${styleWidth === undefined ? heading : cutText(heading, headingWidth, "end")}`.trimEnd());
    };

    // The head: each column's header, as a cell of its column.
    {
      let line = "";
      let headPending = 1;
      part.forEach((index, n) => {
        const header = columns[index]!.header;
        if (n > 0) headPending += betweenWidth;
        const padding = colWidths[n]! - PADDING - strlen(header);
        if (partRight[n]) {
          line += " ".repeat(Math.max(0, headPending + padding)) + header;
          headPending = 1;
        } else {
          line += " ".repeat(headPending) + header;
          headPending = padding + 1;
        }
      });
      line = line.trimEnd();
      if (hasRows) {
        const rule = colWidths.map((width) => "─".repeat(width)).join(compact ? "" : "─").trimEnd();
        line += "\n" + (firstIsHeading ? rule.slice(0, Math.max(0, rule.length - (part.length - 1))) : rule);
      }
      out.text(line + "\n");
    }
    let next = 0;
    for (let row = 0; row < bodyRows; row++) {
      for (; next < bodyHeadings && headingBefore[next] === row; next++) headingLine(headings[next]!);
      writeRow(row);
    }
    for (; next < bodyHeadings; next++) headingLine(headings[next]!);
    if (hasFooter) {
      out.room(1);
      out.buffer[out.at++] = 10;
      for (let row = bodyRows; row < rows; row++) {
        for (; next < headings.length && headingBefore[next] === row; next++) headingLine(headings[next]!);
        writeRow(row);
      }
      for (; next < headings.length; next++) headingLine(headings[next]!);
    }
    // (The last line has no line feed after it.)
    out.at--;
  });
  out.text(after);
  out.flush();
}
