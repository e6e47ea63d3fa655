// A long table drawn without colour in two reads of its rows: the first measures the cells, the
// second (once per part) draws each line. Nothing is kept per row but the texts of the columns that
// may be cut: a register of a large journal (50,000 lines) held every row as objects and every cell
// as prepared text until the table was drawn, and the garbage collector's copying of them cost as
// much as the drawing. The rows are given by a function called again for each read, which must give
// the same rows each time. What is drawn is writeTableFrom's text to the byte
// (test/render/line-table.test.ts): its preparation of a cell (escaped, numbers grouped), its
// measures, its layout (fitColumns: narrow, compact, cut, split) and its lines. With colour, or
// without columns, writeTableFrom draws it.
import {
  CHARS_PER_PIECE, GAP, PADDING, cutText, displayWidth, fitColumns, groupedNumber, groupedNumberLength, groupedPlainNumber,
  simpleHadBackslash, simpleTableWidth, spacesOf, tableMeasure, tableWidth, writeTableFrom, type Column, type Row, type TableStyle,
} from "./table.js";
import { terminalText } from "./terminal.js";

/**
 * A table's rows, given in order: a row's cell texts to `cells` (the array may be reused once the
 * call returns), a heading line's text to `heading`. Called once per read, the same rows each time;
 * `read` is 0 for the first, when every cell is read, and more for the others, which do not read the
 * cells of the columns that may be cut (`shrink`: their texts are kept from the first read).
 * `measuring` is true when the read only measures the cells (writeTableLines' first read): a cell
 * of a column that may not be cut may then be given as "" when it is printable ASCII no longer than
 * a cell given before in its column (it cannot widen the column), which saves making its text.
 */
export type TableLines = (cells: (cells: readonly string[]) => void, heading: (text: string) => void, read: number, measuring?: boolean) => void;

/** A cell's text as the table shows it, its display width (for the layout) and its drawn width (cli-table3's measure); a cut column's cut text too. */
interface Prepared {
  readonly text: string;
  readonly width: number;
  readonly drawn: number;
  cut: string;
  cutDrawn: number;
  /** Whether `cut` is this text's cut at its column's width (the layout cuts each text once). */
  isCut: boolean;
  /** Whether the text is of simpleTableWidth's characters without a backslash (simpleCutAtEnd cuts it). */
  readonly simple: boolean;
}

/**
 * Whether a text is printable ASCII (PLAIN_ASCII's test, read a character at a time: the table
 * asks it of most cells, and a short text is read sooner than a regular expression is run).
 */
export function isPlainAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/**
 * cutText(text, width, "end") and its measure, for a text of simpleTableWidth's characters
 * (each one column, or two from U+2027 on) without a backslash, wider than `width`: cutText's own
 * simple cut, without measuring the text again (a register cuts every description).
 */
export function simpleCutAtEnd(text: string, width: number): { text: string; drawn: number } {
  let used = 1;
  let end = 0;
  for (; end < text.length; end++) {
    const w = text.charCodeAt(end) < 0x2027 ? 1 : 2;
    if (used + w > width) break;
    used += w;
  }
  return { text: text.slice(0, end) + "…", drawn: used };
}

/** Distinct texts of a column prepared once each (the rest are prepared again when they come). */
const MAX_PREPARED = 50_000;
/** Texts of a column looked up before the look-ups are given up if fewer than a quarter found one. */
const LOOK_UPS_TRIED = 2_000;

/**
 * writeTableFrom's text for these columns, the rows `lines` gives and the footer's rows, given to
 * `write` in pieces of some CHARS_PER_PIECE characters.
 */
export function writeTableLines(
  givenColumns: readonly Column[], lines: TableLines, style: TableStyle, footer: readonly Row[], write: (text: string) => void,
): void {
  if (style.color || givenColumns.length === 0) {
    writeTableFrom(givenColumns, (visit) => lines((cells) => visit(cells), (heading) => visit({ heading }), 0), style, footer, write);
    return;
  }
  const columns = givenColumns.map((column) => ({ ...column, header: terminalText(column.header) }));
  const count = columns.length;
  const right = columns.map((column) => column.align === "right");
  const shrinks = columns.map((column) => column.shrink !== undefined);
  const strlen = tableMeasure();
  const widths = columns.map((column) => displayWidth(column.header));
  const drawnWidths = columns.map(() => 0);
  const widen = (index: number, width: number, drawn: number) => {
    if (width > widths[index]!) widths[index] = width;
    if (drawn > drawnWidths[index]!) drawnWidths[index] = drawn;
  };

  // Per column, the texts prepared that are not plain ASCII, or all of a column that may be cut (up
  // to MAX_PREPARED: each distinct text prepared once).
  const known = columns.map(() => new Map<string, Prepared>());
  // Whether a column's texts are looked up in `known` at all: not once they are seen to differ on
  // nearly every row (a register's descriptions), where a look-up costs more than it saves.
  const lookUp = columns.map(() => true);
  const lookUps = columns.map(() => 0);
  const found = columns.map(() => 0);
  /** A text as writeTableFrom prepares it (escaped, a number grouped) and measured. */
  const preparedOf = (index: number, given: string): Prepared => {
    const map = known[index]!;
    if (lookUp[index]) {
      const prepared = map.get(given);
      if (prepared !== undefined) found[index]++;
      if (++lookUps[index]! === LOOK_UPS_TRIED && found[index]! * 4 < LOOK_UPS_TRIED) lookUp[index] = false;
      if (prepared !== undefined) return prepared;
    }
    if (!right[index]) {
      // (The commonest text, of simple characters: shown as it is, measured in one reading.)
      const simpleWidth = simpleTableWidth(given);
      if (simpleWidth >= 0) {
        const prepared: Prepared = { text: given, width: simpleWidth, drawn: simpleWidth, cut: given, cutDrawn: simpleWidth, isCut: false, simple: !simpleHadBackslash };
        if (lookUp[index] && map.size < MAX_PREPARED) map.set(given, prepared);
        return prepared;
      }
    }
    let cell = given;
    if (!isPlainAscii(cell)) {
      // A line break in a text shows as a space; any other control is escaped.
      if (cell.includes("\n")) cell = cell.replace(/\r?\n/g, " ");
      cell = terminalText(cell);
    }
    if (right[index]) cell = groupedNumber(cell);
    // (Text of the commonest characters measured once: its two measures agree.)
    const simple = simpleTableWidth(cell);
    const width = simple >= 0 ? simple : displayWidth(cell);
    const drawn = simple >= 0 ? simple : strlen(cell);
    const prepared: Prepared = { text: cell, width, drawn, cut: cell, cutDrawn: drawn, isCut: false, simple: simple >= 0 && !simpleHadBackslash };
    if (lookUp[index] && map.size < MAX_PREPARED) map.set(given, prepared);
    return prepared;
  };

  // Each column's last text and what it was prepared as (a column's texts often repeat row after row).
  const lastGiven: (string | null)[] = columns.map(() => null);
  const lastPrepared: (Prepared | null)[] = columns.map(() => null);
  /** Widen column `index` to the cell `given` (the first read). */
  const measure = (index: number, given: string): void => {
    if (given === lastGiven[index]) return;
    lastGiven[index] = given;
    if (!shrinks[index]) {
      // (Printable ASCII: nothing to escape, and both measures are its length; a plain number is
      // measured as grouped without being grouped.)
      const length = right[index] ? groupedNumberLength(given) : -1;
      if (length >= 0) {
        widen(index, length, length);
        return;
      }
      if (isPlainAscii(given)) {
        widen(index, given.length, given.length);
        return;
      }
    }
    const prepared = preparedOf(index, given);
    lastPrepared[index] = prepared;
    widen(index, prepared.width, prepared.drawn);
  };

  // The first read: every cell measured. The texts of the columns that may be cut are kept row by
  // row: the layout cuts each once, and the second read takes them from here.
  const byRow: (Prepared[] | null)[] = shrinks.map((shrink) => (shrink ? [] : null));
  let firstIsHeading: boolean | null = null;
  let bodyRows = 0;
  lines(
    (cells) => {
      firstIsHeading ??= false;
      bodyRows++;
      for (let index = 0; index < count; index++) {
        measure(index, cells[index] ?? "");
        byRow[index]?.push(lastPrepared[index]!);
      }
    },
    () => { firstIsHeading ??= true; },
    0,
    true,
  );
  // The footer's rows prepared and kept (a few).
  const feet: (string | Prepared[])[] = [];
  for (const row of footer) {
    if (!("cells" in row)) {
      feet.push(terminalText(row.heading));
      continue;
    }
    const cells: Prepared[] = [];
    for (let index = 0; index < count; index++) {
      const prepared = preparedOf(index, row.cells[index] ?? "");
      widen(index, prepared.width, prepared.drawn);
      cells.push(prepared);
    }
    feet.push(cells);
  }

  const { compact, cutAt, parts } = fitColumns(columns, widths, style.width ?? Number.POSITIVE_INFINITY);
  // A cut column is as wide as its widest cut text.
  cutAt.forEach((shrink, index) => {
    if (shrink === undefined) return;
    const limit = widths[index]!;
    let widest = 0;
    const cutOne = (prepared: Prepared) => {
      if (prepared.width > limit && !prepared.isCut) {
        if (shrink === "end" && prepared.simple) {
          const cut = simpleCutAtEnd(prepared.text, limit);
          prepared.cut = cut.text;
          prepared.cutDrawn = cut.drawn;
        } else {
          prepared.cut = cutText(prepared.text, limit, shrink);
          prepared.cutDrawn = strlen(prepared.cut);
        }
        prepared.isCut = true;
      }
      if (prepared.cutDrawn > widest) widest = prepared.cutDrawn;
    };
    for (const prepared of byRow[index]!) cutOne(prepared);
    for (const row of feet) if (typeof row !== "string") cutOne(row[index]!);
    drawnWidths[index] = widest;
  });

  // The second read's cells: each text prepared as the table shows it, with its drawn width.
  const lastText: string[] = columns.map(() => "");
  const lastDrawn: number[] = columns.map(() => 0);
  lastGiven.fill(null);
  let text = "";
  let drawn = 0;
  const prepare = (index: number, given: string): void => {
    if (given === lastGiven[index]) {
      text = lastText[index]!;
      drawn = lastDrawn[index]!;
      return;
    }
    lastGiven[index] = given;
    const grouped = right[index] ? groupedPlainNumber(given) : null;
    if (grouped !== null) {
      text = grouped;
      drawn = grouped.length;
    } else if (isPlainAscii(given)) {
      text = given;
      drawn = given.length;
    } else {
      const prepared = preparedOf(index, given);
      text = prepared.text;
      drawn = prepared.drawn;
    }
    lastText[index] = text;
    lastDrawn[index] = drawn;
  };

  const gap = compact ? 0 : GAP;
  const between = compact ? " " : "   ";
  const hasRows = bodyRows > 0 || feet.length > 0;
  parts.forEach((part, partIndex) => {
    if (partIndex > 0) write("\n\n");
    const headingWidth = Math.max(1, tableWidth(part.map((index) => widths[index]!), gap) - PADDING);
    const colWidths = part.map((index) => Math.max(1, strlen(columns[index]!.header) + PADDING, drawnWidths[index]! + PADDING));
    // A line's pieces: its cells, each padded to its column's width, then trimmed at the end. The
    // lines' pieces are gathered in an array made once, and joined some CHARS_PER_PIECE characters at
    // a time (emptied and filled again, an array is grown anew each time). Past `used`, every slot
    // holds "".
    const linesPerPiece = Math.max(1, Math.floor(CHARS_PER_PIECE / (tableWidth(colWidths.map((width) => width - PADDING), gap) + 1)));
    const pieces: string[] = new Array<string>((linesPerPiece + 2) * (2 * part.length + 3)).fill("");
    let used = 0;
    let start = 0;
    const push = (piece: string) => { pieces[used++] = piece; };
    // Between two texts of a line, white space only: a cell's padding, the gap, the next cell's
    // padding, given as one run of spaces (`pending`, from the line's first space on). The run after
    // the line's last text is trimmed, so never given.
    const betweenWidth = between.length;
    let pending = 1;
    const cell = (n: number, cellText: string, cellDrawn: number) => {
      if (n > 0) pending += betweenWidth;
      const padding = colWidths[n]! - PADDING - cellDrawn;
      if (right[part[n]!]) {
        pieces[used++] = spacesOf(pending + padding);
        pieces[used++] = cellText;
        pending = 1;
      } else {
        pieces[used++] = spacesOf(pending);
        pieces[used++] = cellText;
        pending = padding + 1;
      }
    };
    /** The pieces from `start` on trimmed as trimEnd would trim their text (trimPieces in table.ts). */
    const trim = () => {
      while (used > start) {
        const trimmed = pieces[used - 1]!.trimEnd();
        if (trimmed.length > 0) {
          pieces[used - 1] = trimmed;
          return;
        }
        pieces[--used] = "";
      }
    };
    const flush = () => {
      write(pieces.join(""));
      pieces.fill("", 0, used);
      used = 0;
    };
    let linesHeld = 0;
    /** A line ended: trimmed, and the lines gathered written when there are enough. */
    const endLine = () => {
      trim();
      if (++linesHeld >= linesPerPiece) {
        flush();
        linesHeld = 0;
      }
      push("\n");
      start = used;
      pending = 1;
    };
    const headingLine = (heading: string) => {
      push(" ");
      push(style.width === undefined ? heading : cutText(heading, headingWidth, "end"));
      endLine();
    };
    part.forEach((index, n) => { const header = columns[index]!.header; cell(n, header, strlen(header)); });
    trim();
    pending = 1;
    if (hasRows) {
      const rule = colWidths.map((width) => "─".repeat(width)).join(compact ? "" : "─").trimEnd();
      // (Shorter by one per gap when a heading comes first: see writeTableFrom.)
      push("\n");
      push(firstIsHeading === true ? rule.slice(0, Math.max(0, rule.length - (part.length - 1))) : rule);
    }
    push("\n");
    start = used;
    const cutColumns = part.map((index) => cutAt[index] !== undefined);
    const rowsOf = part.map((index) => byRow[index]);
    let row = 0;
    lines(
      (cells) => {
        for (let n = 0; n < part.length; n++) {
          const kept = rowsOf[n];
          if (kept !== null) {
            // (A text of a column that may be cut: prepared, and cut if its column is, already.)
            const prepared = kept![row]!;
            if (cutColumns[n]) cell(n, prepared.cut, prepared.cutDrawn);
            else cell(n, prepared.text, prepared.drawn);
          } else {
            prepare(part[n]!, cells[part[n]!] ?? "");
            cell(n, text, drawn);
          }
        }
        row++;
        endLine();
      },
      (heading) => { headingLine(terminalText(heading)); },
      partIndex + 1,
    );
    if (feet.length > 0) {
      endLine();
      for (const cells of feet) {
        if (typeof cells === "string") {
          headingLine(cells);
          continue;
        }
        for (let n = 0; n < part.length; n++) {
          const prepared = cells[part[n]!]!;
          if (cutColumns[n]) cell(n, prepared.cut, prepared.cutDrawn);
          else cell(n, prepared.text, prepared.drawn);
        }
        endLine();
      }
    }
    // (The last line has no line feed after it.)
    pieces[--used] = "";
    if (used > 0) write(pieces.join(""));
  });
}
