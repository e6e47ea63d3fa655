// The claims list's table, drawn as writeTableFrom draws it (src/render/table.ts) but in fewer
// steps: a hundred thousand claims made the list twice as slow as `check` on the same journal,
// a third of it in the table (each cell pushed into an array of pieces, measured again at every
// line, each line's pieces joined). Here every cell is prepared and measured once, kept with its
// drawn width, and each line is made as one string. The layout (narrowed columns, compact
// drawing, parts, cut texts) is writeTableFrom's, its rules taken from table.ts: test/claims/list-table.test.ts
// holds the two to the same bytes. Without colour only (with colour: writeTableFrom).
import {
  CHARS_PER_PIECE, GAP, PADDING, PLAIN_ASCII, cutText, displayWidth, fitColumns, groupedNumber, headLine, spacesOf, tableMeasure, tableWidth,
  type Column, type Row, type TableStyle,
} from "../render/table.js";
import { terminalText } from "../render/terminal.js";

/** A text as a table cell shows it, with its display width and its drawn width (cli-table3's measure). */
interface Prepared {
  readonly text: string;
  readonly width: number;
  readonly drawn: number;
}


/**
 * Cells of a list, prepared as the table prepares them and measured, kept end to end: the
 * prepared texts, and their drawn widths.
 */
class PreparedCells {
  /** Room made at once for the cells of the rows expected (pushed onto, a long array is copied as it grows). */
  texts: string[];
  drawn: Int32Array;
  length = 0;
  /** Rows of cells. */
  rows = 0;
  /** Heading lines (terminalText of the heading), each with how many rows of cells come before it. */
  readonly headings: string[] = [];
  readonly headingBefore: number[] = [];

  constructor(capacity: number) {
    // (Not filled: every slot read is written first.)
    this.texts = new Array<string>(capacity);
    this.drawn = new Int32Array(capacity);
  }

  add(text: string, drawn: number): void {
    if (this.length === this.drawn.length) {
      const more = new Int32Array(Math.max(16, this.length * 2));
      more.set(this.drawn);
      this.drawn = more;
    }
    this.texts[this.length] = text;
    this.drawn[this.length++] = drawn;
  }
}

/**
 * writeTableFrom's text for these columns and rows of cells (given once, by `source`), and the
 * footer's rows after an empty line, without colour (`style.color` is not read: the caller draws
 * with colour through writeTableFrom). Every row is cells, none a heading or an alert.
 * `expectedRows`: how many rows `source` is expected to give (room is made for them at once).
 */
export function writeListTable(
  givenColumns: readonly Column[], source: (visit: (row: readonly string[] | Row) => void) => void, style: TableStyle,
  givenFooter: readonly (readonly string[] | Row)[] | (() => readonly (readonly string[] | Row)[]), write: (text: string) => void, expectedRows = 0,
): void {
  const columns = givenColumns.map((column) => ({ ...column, header: terminalText(column.header) }));
  const count = columns.length;
  const right = columns.map((column) => column.align === "right");
  const strlen = tableMeasure();
  const widths = columns.map((column) => displayWidth(column.header));
  const drawnWidths = columns.map(() => 0);
  // Each distinct text that is not plain ASCII prepared once per column (names, departments).
  const known = columns.map(() => new Map<string, Prepared>());
  // Each column's last text and what it was prepared as: a column's texts often repeat row after
  // row (a status, a currency, an empty cell), and a text repeated is measured already.
  const lastGiven: (string | null)[] = columns.map(() => null);
  const lastText: string[] = columns.map(() => "");
  const lastDrawn: number[] = columns.map(() => 0);
  /** Whether each column's texts are still compared with its last (1), and how often that found a new text. */
  const repeating: number[] = columns.map(() => 1);
  const misses: number[] = columns.map(() => 0);
  const prepareInto = (into: PreparedCells) => (row: readonly string[] | Row) => {
    let cells: readonly string[];
    if (!("cells" in row) && "heading" in row) {
      into.headingBefore.push(into.rows);
      into.headings.push(terminalText(row.heading));
      return;
    }
    // (An alert row is drawn as any other without colour.)
    cells = "cells" in row ? row.cells : row as readonly string[];
    into.rows++;
    for (let index = 0; index < count; index++) {
      const given = cells[index] ?? "";
      if (repeating[index]! > 0) {
        if (given === lastGiven[index]) {
          into.add(lastText[index]!, lastDrawn[index]!);
          continue;
        }
        // (A column whose texts keep changing (ids, amounts) is no longer compared with its last one:
        // comparing two texts of one length reads both. Its texts are prepared as any new one.)
        if (++misses[index]! >= MISSES_BEFORE_NO_REPEAT) repeating[index] = 0;
      }
      lastGiven[index] = given;
      if (PLAIN_ASCII.test(given)) {
        const cell = right[index] ? groupedNumber(given) : given;
        into.add(cell, cell.length);
        lastText[index] = cell;
        lastDrawn[index] = cell.length;
        if (cell.length > widths[index]!) widths[index] = cell.length;
        if (cell.length > drawnWidths[index]!) drawnWidths[index] = cell.length;
        continue;
      }
      const map = known[index]!;
      let prepared = map.get(given);
      if (prepared === undefined) {
        let cell = given;
        if (cell.includes("\n")) cell = cell.replace(/\r?\n/g, " ");
        cell = terminalText(cell);
        if (right[index]) cell = groupedNumber(cell);
        prepared = { text: cell, width: displayWidth(cell), drawn: strlen(cell) };
        if (map.size < 50_000) map.set(given, prepared);
      }
      into.add(prepared.text, prepared.drawn);
      lastText[index] = prepared.text;
      lastDrawn[index] = prepared.drawn;
      if (prepared.width > widths[index]!) widths[index] = prepared.width;
      if (prepared.drawn > drawnWidths[index]!) drawnWidths[index] = prepared.drawn;
    }
  };
  const body = new PreparedCells(expectedRows * count);
  source(prepareInto(body));
  // (The footer's rows, asked for once the rows are given when they are a function.)
  const footer = typeof givenFooter === "function" ? givenFooter() : givenFooter;
  const feet = new PreparedCells(footer.length * count);
  footer.forEach(prepareInto(feet));

  // The layout, as writeTableFrom makes it.
  const { compact, cutAt, parts } = fitColumns(columns, widths, style.width ?? Number.POSITIVE_INFINITY);
  // A cut column's texts cut once each, with their drawn widths; the column as wide as its widest cut text.
  const cuts = columns.map(() => new Map<string, { text: string; drawn: number }>());
  const cutOf = (text: string, index: number): { text: string; drawn: number } => {
    const map = cuts[index]!;
    let cut = map.get(text);
    if (cut === undefined) {
      const cutTextOf = cutText(text, widths[index]!, cutAt[index]!);
      cut = { text: cutTextOf, drawn: strlen(cutTextOf) };
      if (map.size < 100_000) map.set(text, cut);
    }
    return cut;
  };
  cutAt.forEach((shrink, index) => {
    if (shrink === undefined) return;
    drawnWidths[index] = 0;
    for (const rows of [body, feet]) {
      for (let at = index; at < rows.length; at += count) {
        const { drawn } = cutOf(rows.texts[at]!, index);
        if (drawn > drawnWidths[index]!) drawnWidths[index] = drawn;
      }
    }
  });
  const gap = compact ? 0 : GAP;

  // Each part: the head, the rule under it, the rows, then an empty line and the footer's rows.
  const between = compact ? " " : "   ";
  const hasRows = body.rows > 0 || feet.rows > 0 || feet.headings.length > 0;
  // (As writeTableFrom draws it: the rule under the head one character shorter per gap when the
  // body starts with a heading.)
  const startsWithHeading = body.headingBefore.length > 0 && body.headingBefore[0] === 0;
  parts.forEach((part, partIndex) => {
    if (partIndex > 0) write("\n\n");
    const head = part.map((index) => columns[index]!.header);
    const colWidths = head.map((text, n) => Math.max(1, strlen(text) + PADDING, drawnWidths[part[n]!]! + PADDING));
    /** A line of the part's cells (texts and drawn widths), trimmed at its end. */
    const lineOf = (texts: readonly string[], drawn: Int32Array, at: number): string => {
      // (Empty cells at the end of the line are white space only, trimmed away: the line ends with
      // the last cell that is not empty, its cut text never empty either.)
      let last = part.length - 1;
      while (last > 0 && texts[at + part[last]!] === "") last--;
      let line = "";
      for (let n = 0; n <= last; n++) {
        const index = part[n]!;
        let text = texts[at + index]!;
        let width = drawn[at + index]!;
        if (cutAt[index] !== undefined) {
          const cut = cutOf(text, index);
          text = cut.text;
          width = cut.drawn;
        }
        const spaces = spacesOf(colWidths[n]! - PADDING - width);
        line += n === 0 ? " " : between;
        if (n === last && !endsInSpace(text)) {
          // (The last cell ends the line trimmed: its padding after it is not written, and no trimEnd is needed.)
          return right[index] ? line + spaces + text : line + text;
        }
        line += right[index] ? spaces + text + " " : text + spaces + " ";
      }
      return line.trimEnd();
    };
    let text = headLine(head, colWidths, part.map((index) => right[index]!), between, strlen);
    if (hasRows) {
      const rule = colWidths.map((width) => "─".repeat(width)).join(compact ? "" : "─").trimEnd();
      text += "\n" + (startsWithHeading ? rule.slice(0, Math.max(0, rule.length - (part.length - 1))) : rule);
    }
    // A heading line: the heading cut to the part's width (when the table has a width), trimmed.
    const headingWidth = Math.max(1, tableWidth(part.map((index) => widths[index]!), gap) - PADDING);
    const headingLine = (heading: string) => ` ${style.width === undefined ? heading : cutText(heading, headingWidth, "end")}`.trimEnd();
    const linesPerPiece = Math.max(1, Math.floor(CHARS_PER_PIECE / (tableWidth(colWidths.map((width) => width - PADDING), gap) + 1)));
    let lines = 0;
    const add = (line: string) => {
      text += "\n" + line;
      if (++lines >= linesPerPiece) {
        write(text);
        text = "";
        lines = 0;
      }
    };
    const addRows = (rows: PreparedCells) => {
      const { headings, headingBefore } = rows;
      let next = 0;
      for (let row = 0, at = 0; row < rows.rows; row++, at += count) {
        for (; next < headings.length && headingBefore[next] === row; next++) add(headingLine(headings[next]!));
        add(lineOf(rows.texts, rows.drawn, at));
      }
      for (; next < headings.length; next++) add(headingLine(headings[next]!));
    };
    addRows(body);
    if (feet.rows > 0 || feet.headings.length > 0) {
      add("");
      addRows(feet);
    }
    if (text !== "") write(text);
  });
}

/** How many new texts a column may give before its texts are no longer compared with its last one. */
const MISSES_BEFORE_NO_REPEAT = 256;

/** Whether trimEnd would trim `text` at all: empty, or white space (as trimEnd counts it) at its end. */
function endsInSpace(text: string): boolean {
  return text.length === 0 || TRAILING_SPACE.test(text);
}
const TRAILING_SPACE = /\s$/;

