// Terminal tables: thousands separators, right-aligned numbers, negatives in red. A table wider
// than the terminal first cuts the text of the columns that allow it, then splits into parts
// stacked one above the other, each repeating the row-label columns. Heading rows span the table.
// Every text is shown with its control characters escaped (terminal.ts); a cut never splits an escape.
import { createRequire } from "node:module";
import { loadChalk } from "./packages.js";
import { displayWidth, terminalText, terminalUnits } from "./terminal.js";
import { simpleCharWidths } from "../core/display-width.js";

export { displayWidth };

export interface Column {
  readonly header: string;
  readonly align?: "left" | "right";
  /** When the table is too wide, this text may be cut at its end or at its start (marked …). */
  readonly shrink?: "end" | "start";
  /** A row label, repeated in each part of a table split to fit. */
  readonly repeat?: boolean;
}

/** A row with a flag (an alert row is drawn in red when colour is on), or a heading across the table. */
export type Row =
  | { readonly cells: readonly string[]; readonly alert?: boolean }
  | { readonly heading: string };

type CellsRow = Extract<Row, { cells: readonly string[] }>;

export interface TableStyle {
  readonly color: boolean;
  /** Columns available; wider tables are cut and split (no limit when absent). */
  readonly width?: number;
}

/** Group the integer part of a plain decimal string (`-?digits[.digits]`) in threes (no regular expression: every amount of a table goes through it). */
export function groupThousands(plain: string): string {
  const start = plain.charCodeAt(0) === 45 ? 1 : 0;
  const dot = plain.indexOf(".", start);
  const end = dot < 0 ? plain.length : dot;
  if (end - start <= 3) return plain;
  let head = (end - start) % 3;
  if (head === 0) head = 3;
  let text = plain.slice(0, start + head);
  for (let index = start + head; index < end; index += 3) {
    // (A group of three digits taken ready-made with its comma: a long table groups every amount.)
    const a = plain.charCodeAt(index) - 48;
    const b = plain.charCodeAt(index + 1) - 48;
    const c = plain.charCodeAt(index + 2) - 48;
    text += a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 ? COMMA_GROUPS[a * 100 + b * 10 + c]! : "," + plain.slice(index, index + 3);
  }
  return dot < 0 ? text : text + plain.slice(dot);
}

/** `,000` to `,999`. */
const COMMA_GROUPS: readonly string[] = Array.from({ length: 1000 }, (_, n) => `,${String(n).padStart(3, "0")}`);

/**
 * Cut a text (escaped for the terminal) to `width` columns, marking the cut with … at its end or its
 * start. Cut at the start (account names), it keeps whole components when it can: `…:03-客户礼品`.
 */
export function cutText(text: string, width: number, from: "end" | "start"): string {
  if (displayWidth(text) <= width) return text;
  // Text of simple characters only and no escape (most of a journal): cut by index, each character
  // one piece (as terminalUnits would split it), without an array of its pieces.
  const simple = text.includes("\\") ? null : simpleCharWidths(text);
  if (simple !== null) {
    let used = 1;
    if (from === "end") {
      let end = 0;
      for (; end < text.length; end++) {
        const w = simple(end);
        if (used + w > width) break;
        used += w;
      }
      return text.slice(0, end) + "…";
    }
    let start = text.length;
    for (; start > 0; start--) {
      const w = simple(start - 1);
      if (used + w > width) break;
      used += w;
    }
    const kept = text.slice(start);
    const colon = kept.indexOf(":");
    return "…" + (colon > 0 && colon < kept.length - 1 ? kept.slice(colon) : kept);
  }
  const units = terminalUnits(text);
  if (from === "start") units.reverse();
  let count = 0;
  let used = 1;
  for (const unit of units) {
    const w = unit.length === 1 || unit.length === 2 ? displayWidth(unit) : unit.length;
    if (used + w > width) break;
    count += 1;
    used += w;
  }
  // (Joined once, not added a unit at a time: a long table keeps every cut text, and a string
  // built by += is a chain of pieces until it is read.)
  const head = units.slice(0, count);
  if (from === "end") return head.join("") + "…";
  const kept = head.reverse().join("");
  const colon = kept.indexOf(":");
  return "…" + (colon > 0 && colon < kept.length - 1 ? kept.slice(colon) : kept);
}

const NUMBER = /^(-?\d+(?:\.\d+)?)(%?)$/;

/** Where the digits from `index` on end in `text`. */
function digitsEnd(text: string, index: number): number {
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) break;
    index++;
  }
  return index;
}

/** The integer digits of the number numberEnd read last. */
let integerDigits = 0;

/**
 * Where the number ends in a text of NUMBER's shape (`-?digits[.digits]`, then % or nothing), its
 * integer digits counted in integerDigits; -1 for any other text.
 */
function numberEnd(cell: string): number {
  const start = cell.charCodeAt(0) === 45 ? 1 : 0;
  let end = digitsEnd(cell, start);
  if (end === start) return -1;
  integerDigits = end - start;
  if (end < cell.length && cell.charCodeAt(end) === 46) {
    const fraction = digitsEnd(cell, end + 1);
    if (fraction === end + 1) return -1;
    end = fraction;
  }
  return end === cell.length || (end === cell.length - 1 && cell.charCodeAt(end) === 37) ? end : -1;
}

/**
 * A right-aligned cell's text: grouped in threes when it is a plain number (optionally with %):
 * NUMBER's shape, read without it (every amount of a table comes through here).
 */
export function groupedNumber(cell: string): string {
  return groupedPlainNumber(cell) ?? cell;
}

/** groupedNumber's text of a plain number (optionally with %), or null for any other text. */
export function groupedPlainNumber(cell: string): string | null {
  const end = numberEnd(cell);
  if (end < 0) return null;
  return end === cell.length ? groupThousands(cell) : groupThousands(cell.slice(0, end)) + "%";
}

/** The length of groupedNumber's text of a plain number (optionally with %), without making it; -1 for any other text. */
export function groupedNumberLength(cell: string): number {
  if (numberEnd(cell) < 0) return -1;
  return cell.length - integerDigits + groupedLength(integerDigits);
}

/** The characters of an integer part of `digits` digits grouped in threes (commas included). */
export const groupedLength = (digits: number): number => digits + Math.floor((digits - 1) / 3);

/** Cell padding (one each side), as drawn below. */
export const PADDING = 2;
/** The extra gap between columns: two spaces, none when a table is drawn compact to fit. */
export const GAP = 2;
const MIN_SHRUNK = 16;
/** How narrow a text column may get (its header cut too) before a table is split into parts. */
const MIN_HARD = 6;

export function tableWidth(widths: readonly number[], gap = GAP): number {
  return widths.reduce((sum, w) => sum + w + PADDING, 0) + gap * Math.max(0, widths.length - 1);
}

/**
 * Narrow the shrinkable columns, widest first, until the table fits (or they cannot shrink more):
 * to MIN_SHRUNK and their header's width, or with `hard` to MIN_HARD (the header then cut too).
 */
function shrinkColumns(columns: readonly Column[], widths: number[], limit: number, gap: number, hard: boolean): void {
  const floorOf = (column: Column) => (hard ? MIN_HARD : Math.max(MIN_SHRUNK, displayWidth(column.header)));
  for (;;) {
    const excess = tableWidth(widths, gap) - limit;
    if (excess <= 0) return;
    let widest = -1;
    columns.forEach((column, index) => {
      if (column.shrink !== undefined && widths[index]! > floorOf(column) && (widest < 0 || widths[index]! > widths[widest]!)) widest = index;
    });
    if (widest < 0) return;
    widths[widest] = Math.max(floorOf(columns[widest]!), widths[widest]! - excess);
  }
}

/**
 * The column indexes of each part: the label columns, then the others: those that are never cut
 * (amounts, dates, ids) first, so that they stay in the first part, then the text columns. As few
 * parts as fit; a table of fixed columns only has them spread evenly over the parts when that fits too.
 */
function splitColumns(columns: readonly Column[], widths: readonly number[], limit: number, gap: number): number[][] {
  const labels = columns.map((_, index) => index).filter((index) => columns[index]!.repeat === true);
  const rest = columns.map((_, index) => index).filter((index) => columns[index]!.repeat !== true);
  const others = [...rest.filter((index) => columns[index]!.shrink === undefined), ...rest.filter((index) => columns[index]!.shrink !== undefined)];
  const fits = (part: readonly number[]) => tableWidth([...labels, ...part].map((i) => widths[i]!), gap) <= limit;
  const greedy: number[][] = [];
  let part: number[] = [];
  for (const index of others) {
    if (part.length > 0 && !fits([...part, index])) {
      greedy.push(part);
      part = [];
    }
    part.push(index);
  }
  greedy.push(part);
  const size = Math.ceil(others.length / greedy.length);
  const even = Array.from({ length: greedy.length }, (_, n) => others.slice(n * size, (n + 1) * size)).filter((p) => p.length > 0);
  const order = (p: readonly number[]) => [...labels, ...p].sort((a, b) => a - b);
  // Spread evenly only when no text column is among them: the fixed columns then stay together.
  const spread = others.every((index) => columns[index]!.shrink === undefined) && even.length === greedy.length && even.every(fits);
  return (spread ? even : greedy).map(order);
}

/** How a table fits its width (fitColumns). */
export interface TableLayout {
  /** Drawn without the gap between columns (GAP), its text columns narrowed further. */
  readonly compact: boolean;
  /** For each column narrowed below its widest text, where its texts are cut. */
  readonly cutAt: readonly ("end" | "start" | undefined)[];
  /** The column indexes of each part (one part when the table fits). */
  readonly parts: number[][];
}

/**
 * Narrow or split a table's columns to fit `limit`: `widths` (each column's header's and widest
 * cell's display width) become the widths drawn, and a header cut when a compact table narrows
 * its column below it (`columns` changed in place). A cut column's drawn width is then its widest
 * cut text's, which the caller measures.
 */
export function fitColumns(columns: Column[], widths: number[], limit: number): TableLayout {
  // The widths the cells take, before any column is narrowed to fit.
  const natural = [...widths];
  shrinkColumns(columns, widths, limit, GAP, false);
  // Still too wide: drawn compact (no gap beyond the cells' padding) with the text columns down to
  // MIN_HARD (headers cut too), when that makes it fit; else it is split into parts as it is.
  let compact = false;
  if (tableWidth(widths) > limit) {
    const narrow = [...widths];
    shrinkColumns(columns, narrow, limit, 0, false);
    shrinkColumns(columns, narrow, limit, 0, true);
    if (tableWidth(narrow, 0) <= limit) {
      compact = true;
      narrow.forEach((width, index) => { widths[index] = width; });
      columns.forEach((column, index) => {
        if (column.shrink !== undefined && displayWidth(column.header) > widths[index]!) columns[index] = { ...column, header: cutText(column.header, widths[index]!, "end") };
      });
    }
  }
  // Only a column narrowed below its widest text has texts to cut.
  const cutAt = columns.map((column, index) => (column.shrink !== undefined && widths[index]! < natural[index]! ? column.shrink : undefined));
  const gap = compact ? 0 : GAP;
  const parts = tableWidth(widths, gap) > limit ? splitColumns(columns, widths, limit, gap) : [columns.map((_, index) => index)];
  return { compact, cutAt, parts };
}

/**
 * Render rows of cells. Cells of right-aligned columns that are plain numbers (optionally with
 * %) get grouped; negative ones, and alert rows, are red when colour is on. `footer` rows are
 * separated from the body by an empty row. Trailing spaces are trimmed.
 */
// cli-table3 drew these tables until its layout (a Cell object per cell, its options merged, each
// text measured several times with fresh regular expressions) took half the time of `reg` on a
// large journal. Its drawing of them is simple (one line per row, a padded cell each side, no
// borders but the rule under the head), so it is done here with its own measure and padding;
// test/render/table-draw.test.ts holds the two to the same bytes. No cell or head breaks a line
// (each passes through terminalText, which escapes line feeds), so every row is one line.
interface TableUtilities {
  strlen(text: string): number;
  colorizeLines(lines: readonly string[]): string[];
}
let utilities: TableUtilities | null = null;
const loadUtilities = (): TableUtilities => (utilities ??= createRequire(import.meta.url)("cli-table3/src/utils") as TableUtilities);
export const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * The display width of a text of printable ASCII, …, the CJK ideographs and the commonest CJK and
 * fullwidth punctuation, which is also cli-table3's measure of it (none an emoji nor a control, so
 * each character counts one column, or two for the ideographs and punctuation: its
 * is-fullwidth-code-point), or -1 for any other text. Read a character at a time (a register's
 * descriptions, one per line, come here); simpleHadBackslash tells whether the text held a
 * backslash (an escape's start, which a cut must keep with what follows).
 */
export function simpleTableWidth(text: string): number {
  let width = 0;
  simpleHadBackslash = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code <= 0x7e) {
      width += 1;
      if (code === 0x5c) simpleHadBackslash = true;
    } else if (code === 0x2026) width += 1;
    else if ((code >= 0x3001 && code <= 0x3011) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff60)) width += 2;
    else return -1;
  }
  return width;
}

/** Whether the text simpleTableWidth measured last held a backslash. */
export let simpleHadBackslash = false;
/**
 * cli-table3's measure of a cell (the display width without colour codes), each distinct text
 * measured once (the texts of a column such as the dimensions of `report vouchers` are many, and
 * its measure makes two regular expressions per call), simple text counted directly. cli-table3's
 * module is loaded at the first text that is not simple: a table of simple texts (most, Chinese
 * included) never loads it (its require was some milliseconds of every long list).
 */
export function tableMeasure(): (text: string) => number {
  let strlen: ((text: string) => number) | null = null;
  const known = new Map<string, number>();
  return (text) => {
    if (PLAIN_ASCII.test(text)) return text.length;
    const simple = simpleTableWidth(text);
    if (simple >= 0) return simple;
    let width = known.get(text);
    if (width === undefined) {
      width = (strlen ??= loadUtilities().strlen)(text);
      known.set(text, width);
    }
    return width;
  };
}

/**
 * What cli-table3 draws for a table of one-line cells with these options: the head's line, the
 * rule under it (`mid`, joined by `midMid`) and a line per row, each cell padded by a space each
 * side to its column's width and joined by `middle`.
 */
export function drawPlainTable(
  head: readonly string[], rows: readonly (readonly string[])[], colWidths: readonly number[], aligns: readonly ("left" | "right")[], middle: string, midMid: string,
  strlen: (text: string) => number,
): string[] {
  const write = lineWriter(colWidths, aligns, middle, strlen);
  const line = (cells: readonly string[]): string => {
    const pieces: string[] = [];
    write(cells, pieces, false);
    return pieces.join("");
  };
  const lines = [line(head)];
  if (rows.length > 0) lines.push(ruleLine(colWidths, midMid));
  for (const row of rows) lines.push(line(row));
  // (cli-table3 leaves out a line that comes out empty.)
  return lines.filter((text) => text.length > 0);
}

/** Runs of spaces, each made once (every cell of a table is padded by one). */
const SPACES: string[] = [];
export const spacesOf = (count: number): string => (count < 256 ? (SPACES[count] ??= " ".repeat(count)) : " ".repeat(count));

/**
 * drawPlainTable's line of a row, pushed onto `pieces` as its pieces (each cell padded by a space
 * each side to its column's width, joined by `middle`) rather than made into a string: a table's
 * lines are joined some CHARS_PER_PIECE characters at a time. With `trim`, its trailing white space is left
 * out as trimEnd would leave it out of the whole line.
 */
function lineWriter(
  colWidths: readonly number[], aligns: readonly ("left" | "right")[], middle: string, strlen: (text: string) => number,
): (cells: readonly string[], pieces: string[], trim: boolean) => void {
  const between = `${middle} `;
  const right = aligns.map((align) => align === "right");
  return (cells, pieces, trim) => {
    const start = pieces.length;
    for (let index = 0; index < cells.length; index++) {
      let cell = cells[index]!;
      // (cli-table3's module is loaded only for a coloured cell: see tableMeasure.)
      if (cell.includes("\x1b")) cell = loadUtilities().colorizeLines([cell])[0]!;
      const spaces = spacesOf(colWidths[index]! - PADDING - strlen(cell));
      pieces.push(index === 0 ? " " : between);
      if (right[index]) pieces.push(spaces, cell, " ");
      else pieces.push(cell, spaces, " ");
    }
    if (trim) trimPieces(pieces, start);
  };
}

/**
 * The pieces from `start` on trimmed at their end as their text joined would be by trimEnd: the
 * pieces of white space only dropped, the last other one trimmed.
 */
function trimPieces(pieces: string[], start: number): void {
  while (pieces.length > start) {
    const trimmed = pieces[pieces.length - 1]!.trimEnd();
    if (trimmed.length > 0) {
      pieces[pieces.length - 1] = trimmed;
      return;
    }
    pieces.length -= 1;
  }
}

/** drawPlainTable's rule under the head. */
const ruleLine = (colWidths: readonly number[], midMid: string): string => colWidths.map((width) => "─".repeat(width)).join(midMid);

export function renderTable(
  givenColumns: readonly Column[], rows: readonly (readonly string[] | Row)[], style: TableStyle, footer: readonly (readonly string[] | Row)[] = [],
): string {
  const pieces: string[] = [];
  writeTable(givenColumns, rows, style, footer, (text) => { pieces.push(text); });
  return pieces.join("");
}

/** Distinct texts of a column that a table prepares once each (see TableDrawing). */
const MAX_PREPARED = 50_000;

/** About how many characters writeTable gives to `write` at a time (see writeParts). */
export const CHARS_PER_PIECE = 32_768;

/**
 * renderTable's text, given to `write` in pieces of some CHARS_PER_PIECE characters: a table of hundreds of
 * thousands of rows (`report vouchers`) is then never one string, nor an array of all its lines.
 */
export function writeTable(
  givenColumns: readonly Column[], rows: readonly (readonly string[] | Row)[], style: TableStyle, footer: readonly (readonly string[] | Row)[],
  write: (text: string) => void,
): void {
  writeTableFrom(givenColumns, (visit) => { for (const row of rows) visit(row); }, style, footer, write);
}

/** A table's rows, given to `visit` one at a time (see writeTableFrom). */
export type RowSource = (visit: (row: readonly string[] | Row) => void) => void;

/**
 * writeTable's text for the rows `source` gives (once): a table too long to hold as rows of
 * objects (`report vouchers` lists hundreds of thousands of lines) is drawn from what it gives, its
 * cells kept only as prepared text, end to end.
 */
export function writeTableFrom(
  givenColumns: readonly Column[], source: RowSource, style: TableStyle, footer: readonly (readonly string[] | Row)[], write: (text: string) => void,
): void {
  const table = new TableDrawing(givenColumns, style);
  const body = new PreparedRows(givenColumns.length);
  source((row) => { table.prepare(row, body); });
  const feet = new PreparedRows(givenColumns.length);
  for (const row of footer) table.prepare(row, feet);
  table.layOut(body, feet);
  table.writeParts(body, feet, write);
}

/** What a prepared row is (PreparedRows.kinds). */
const CELLS = 0;
const ALERT_CELLS = 1;
const HEADING = 2;

/**
 * Rows as renderTable prepares them (cells escaped and numbers grouped), flat: each row's kind,
 * and its cells (a heading: its text) end to end. No object per row: a long table keeps only
 * its texts, most of them shared (account names, dimensions).
 */
class PreparedRows {
  readonly kinds: number[] = [];
  readonly texts: string[] = [];
  constructor(readonly width: number) {}

  /** Visit each row: its kind and where its texts start. */
  forEach(visit: (kind: number, at: number) => void): void {
    const kinds = this.kinds;
    let at = 0;
    for (let row = 0; row < kinds.length; row++) {
      const kind = kinds[row]!;
      visit(kind, at);
      at += kind === HEADING ? 1 : this.width;
    }
  }
}

/**
 * The drawing of one table: its rows prepared and measured, the columns narrowed or split to fit,
 * then the rows drawn (cut and coloured) and written, line by line.
 */
class TableDrawing {
  readonly #columns: Column[];
  readonly #style: TableStyle;
  /** The colours, for a style with colour (chalk is loaded only then: a table without colour paints nothing). */
  readonly #paint: ReturnType<typeof paintOf> | null;
  readonly #right: readonly boolean[];
  readonly #strlen = tableMeasure();
  /** Each column's display width: its header's and its widest cell's, then as narrowed to fit. */
  readonly #widths: number[];
  /** Each column's widest cell as drawn (cli-table3's measure); for a cut column, set by layOut. */
  readonly #drawnWidths: number[];
  #compact = false;
  #startsWithHeading = false;
  #cutAt: readonly ("end" | "start" | undefined)[] = [];
  /** The texts of a column repeat (account names, dimensions): each distinct one is cut once, and its rows share the cut text. */
  readonly #cutTexts: Map<string, string>[];
  /**
   * The texts of a text column repeat too: each distinct one (up to MAX_PREPARED) is prepared and
   * measured once. (None for a right-aligned column: its amounts mostly differ.)
   */
  readonly #prepared: (Map<string, string> | undefined)[];
  /** The last text of each column #draw cut, and its cut: the lines of a voucher share their dimensions. */
  readonly #lastCut: { text: string | null; cut: string }[];
  #parts: number[][] = [];

  constructor(givenColumns: readonly Column[], style: TableStyle) {
    this.#columns = givenColumns.map((column) => ({ ...column, header: terminalText(column.header) }));
    this.#style = style;
    this.#paint = style.color ? paintOf() : null;
    this.#right = this.#columns.map((column) => column.align === "right");
    this.#widths = this.#columns.map((column) => displayWidth(column.header));
    this.#drawnWidths = this.#columns.map(() => 0);
    this.#cutTexts = this.#columns.map(() => new Map<string, string>());
    this.#prepared = this.#right.map((right) => (right ? undefined : new Map<string, string>()));
    this.#lastCut = this.#columns.map(() => ({ text: null, cut: "" }));
  }

  /** A row prepared into `into` and measured: its cells made and measured in one pass (a register has hundreds of thousands). */
  prepare(given: readonly string[] | Row, into: PreparedRows): void {
    if (!("cells" in given) && "heading" in given) {
      into.kinds.push(HEADING);
      into.texts.push(terminalText(given.heading));
      return;
    }
    const row: CellsRow = "cells" in given ? given : { cells: given as readonly string[] };
    const source = row.cells;
    const texts = into.texts;
    into.kinds.push(row.alert === true ? ALERT_CELLS : CELLS);
    for (let index = 0; index < this.#columns.length; index++) {
      const given = source[index] ?? "";
      if (PLAIN_ASCII.test(given)) {
        // (Printable ASCII, most cells: nothing to escape, and both measures are its length.)
        const cell = this.#right[index] ? groupedNumber(given) : given;
        texts.push(cell);
        if (cell.length > this.#widths[index]!) this.#widths[index] = cell.length;
        if (cell.length > this.#drawnWidths[index]!) this.#drawnWidths[index] = cell.length;
        continue;
      }
      const known = this.#prepared[index];
      const prepared = known?.get(given);
      if (prepared !== undefined) {
        // (Prepared and measured already.)
        texts.push(prepared);
        continue;
      }
      // A line break in a text (a narration of two lines) shows as a space; any other control is escaped.
      let cell = given;
      if (cell.includes("\n")) cell = cell.replace(/\r?\n/g, " ");
      cell = terminalText(cell);
      if (this.#right[index]) cell = groupedNumber(cell);
      texts.push(cell);
      const width = displayWidth(cell);
      if (width > this.#widths[index]!) this.#widths[index] = width;
      const drawn = this.#strlen(cell);
      if (drawn > this.#drawnWidths[index]!) this.#drawnWidths[index] = drawn;
      if (known !== undefined && known.size < MAX_PREPARED) known.set(given, cell);
    }
  }

  /** Narrow or split the columns to fit, every row prepared (`startsWithHeading`: the body's first row is a heading line). */
  layOut(body: PreparedRows, feet: PreparedRows): void {
    this.#startsWithHeading = body.kinds[0] === HEADING;
    const layout = fitColumns(this.#columns, this.#widths, this.#style.width ?? Number.POSITIVE_INFINITY);
    this.#compact = layout.compact;
    this.#cutAt = layout.cutAt;
    this.#parts = layout.parts;
    this.#cutAt.forEach((shrink, index) => { if (shrink !== undefined) this.#drawnWidths[index] = 0; });
    this.#measureCuts(body);
    this.#measureCuts(feet);
  }

  #cutOnce(text: string, index: number, shrink: "end" | "start"): string {
    const known = this.#cutTexts[index]!;
    let cut = known.get(text);
    if (cut === undefined) {
      cut = cutText(text, this.#widths[index]!, shrink);
      if (known.size < 100_000) known.set(text, cut);
    }
    return cut;
  }

  /** A cut column is as wide as its widest cut text (its drawn width set to 0 first). */
  #measureCuts(rows: PreparedRows): void {
    this.#cutAt.forEach((shrink, index) => {
      if (shrink === undefined) return;
      rows.forEach((kind, at) => {
        if (kind === HEADING) return;
        const width = this.#strlen(this.#cutOnce(rows.texts[at + index]!, index, shrink));
        if (width > this.#drawnWidths[index]!) this.#drawnWidths[index] = width;
      });
    });
  }

  /** The cells of the row at `at` in the `part`'s columns, into `cells`: cut to their columns' widths, red where colour says. */
  #draw(rows: PreparedRows, kind: number, at: number, part: readonly number[], cells: string[]): void {
    const texts = rows.texts;
    const color = this.#style.color;
    for (let n = 0; n < part.length; n++) {
      const index = part[n]!;
      const shrink = this.#cutAt[index];
      const text = texts[at + index]!;
      let cell = text;
      if (shrink !== undefined) {
        const last = this.#lastCut[index]!;
        if (last.text !== text) {
          last.text = text;
          last.cut = this.#cutOnce(text, index, shrink);
        }
        cell = last.cut;
      }
      if (color && (kind === ALERT_CELLS || (this.#right[index] && cell.startsWith("-") && NUMBER.test(cell.replace(/,/g, ""))))) cell = this.#paint!.red(cell);
      cells[n] = cell;
    }
  }

  /** Write each part: the head, the rule under it, the body's rows, then a blank line and the footer's when it has rows. */
  writeParts(body: PreparedRows, feet: PreparedRows, write: (text: string) => void): void {
    const columns = this.#columns;
    const style = this.#style;
    const paint = this.#paint;
    const strlen = this.#strlen;
    const gap = this.#compact ? 0 : GAP;
    const hasRows = body.kinds.some((kind) => kind !== HEADING) || feet.kinds.length > 0;
    this.#parts.forEach((part, partIndex) => {
      if (partIndex > 0) write("\n\n");
      const head = part.map((index) => (paint !== null ? paint.bold(columns[index]!.header) : columns[index]!.header));
      // Heading lines are drawn here rather than as cells spanning the table (cli-table3 laid a table
      // out in time quadratic in its rows: 50,000 postings of `reg` took 40 s), at widths measured
      // once. Each row is one line, so a heading goes in above its row's line. A heading longer than
      // the part is cut.
      const headingWidth = Math.max(1, tableWidth(part.map((index) => this.#widths[index]!), gap) - PADDING);
      const headingLine = (heading: string) => {
        const cut = style.width === undefined ? heading : cutText(heading, headingWidth, "end");
        return ` ${paint !== null ? paint.bold(cut) : cut}`;
      };
      // What cli-table3 would make each column: its widest cell and a space each side (at least 1).
      const colWidths = head.map((text, n) => Math.max(1, strlen(text) + PADDING, this.#drawnWidths[part[n]!]! + PADDING));
      const aligns = part.map((index) => columns[index]!.align ?? "left");
      if (part.length === 0) {
        // (No columns: as drawPlainTable would draw it, every line empty.)
        const rows: (readonly string[])[] = [];
        body.forEach((kind) => { if (kind !== HEADING) rows.push([]); });
        if (feet.kinds.length > 0) rows.push([]);
        feet.forEach((kind) => { if (kind !== HEADING) rows.push([]); });
        write(drawPlainTable(head, rows, colWidths, aligns, this.#compact ? "" : "  ", this.#compact ? "" : "─", strlen).map((line) => line.trimEnd()).join("\n"));
        return;
      }
      const line = lineWriter(colWidths, aligns, this.#compact ? "" : "  ", strlen);
      // The head's line and the rule under it, then one line per row with the heading lines above it;
      // each line trimmed as it is drawn. The lines go into `pieces` (their cells, padding and line
      // feeds), written when some CHARS_PER_PIECE characters have gathered: text given to
      // `write` in pieces small enough for V8's young generation and malloc's reused memory (larger
      // ones take fresh pages, which cost more than the writes saved).
      const pieces: string[] = [];
      line(head, pieces, true);
      if (hasRows) {
        const rule = ruleLine(colWidths, this.#compact ? "" : "─").trimEnd();
        // cli-table3 drew the rule under the head one character shorter per gap between columns when a
        // heading came first (as a cell spanning them); kept, so that tables look as they always have.
        pieces.push("\n", this.#startsWithHeading ? rule.slice(0, Math.max(0, rule.length - (part.length - 1))) : rule);
      }
      const linesPerPiece = Math.max(1, Math.floor(CHARS_PER_PIECE / (tableWidth(colWidths.map((width) => width - PADDING), gap) + 1)));
      let lines = 0;
      // (One array for every row's drawn cells: a line is made of them at once.)
      const cells: string[] = new Array<string>(part.length);
      const newLine = () => {
        if (++lines >= linesPerPiece) {
          write(pieces.join(""));
          pieces.length = 0;
          lines = 0;
        }
        pieces.push("\n");
      };
      const add = (rows: PreparedRows) => (kind: number, at: number) => {
        newLine();
        if (kind === HEADING) {
          pieces.push(headingLine(rows.texts[at]!).trimEnd());
        } else {
          this.#draw(rows, kind, at, part, cells);
          line(cells, pieces, true);
        }
      };
      body.forEach(add(body));
      if (feet.kinds.length > 0) {
        newLine();
        line(cells.fill(""), pieces, true);
        feet.forEach(add(feet));
      }
      write(pieces.join(""));
    });
  }
}

function paintOf(): InstanceType<ReturnType<typeof loadChalk>["Chalk"]> {
  return new (loadChalk().Chalk)({ level: 1 });
}

/** The head's line: its cells padded as a row's (each header a left or right cell), trimmed at its end. */
export function headLine(head: readonly string[], colWidths: readonly number[], right: readonly boolean[], between: string, strlen: (text: string) => number): string {
  let line = "";
  for (let n = 0; n < head.length; n++) {
    const text = head[n]!;
    const spaces = spacesOf(colWidths[n]! - PADDING - strlen(text));
    line += n === 0 ? " " : between;
    line += right[n] ? spaces + text + " " : text + spaces + " ";
  }
  return line.trimEnd();
}
