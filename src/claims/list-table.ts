// The claims list's table, drawn as writeTableFrom draws it (src/render/table.ts) but in fewer
// steps: a hundred thousand claims made the list twice as slow as `check` on the same journal,
// a third of it in the table (each cell pushed into an array of pieces, measured again at every
// line, each line's pieces joined). Here each column's distinct texts are prepared and measured
// once, a cell is kept as its text's number, a column of few texts has each cell drawn (padded)
// once, and each line is made as one string. The layout (narrowed columns, compact drawing,
// parts, cut texts) is writeTableFrom's, its rules taken from table.ts: test/claims/list-table.test.ts
// holds the two to the same bytes. Without colour only (with colour: writeTableFrom).
import {
  CHARS_PER_PIECE, GAP, PADDING, cutText, displayWidth, fitColumns, groupThousands, groupedNumber, groupedNumberLength, headLine, spacesOf, tableMeasure, tableWidth,
  type Column, type Row, type TableStyle,
} from "../render/table.js";
import { terminalText } from "../render/terminal.js";
import { scaledText } from "../core/amount.js";
import { grownCopy } from "../core/typed-arrays.js";

/**
 * The distinct texts of one column, each prepared as the table prepares a cell (terminalText,
 * grouped when right-aligned) and measured once, numbered in the order first given: a cell is
 * kept as its text's number. A column's texts mostly repeat (names, statuses, currencies, empty
 * cells), and a cell kept as a number is neither a pointer the collector follows nor a text
 * measured again; a column of ids or amounts gives a new text per row, looked up no more once
 * that is seen (see MAPPED_BEFORE_CHECK).
 */
class ColumnTexts {
  /** Each given text's number while texts are still looked up. */
  readonly #numbers = new Map<string, number>();
  #mapping = true;
  #found = 0;
  /** The text given last and its number (rows often repeat a column's text). */
  #lastGiven: string | null = null;
  #lastNumber = -1;
  /**
   * The prepared texts that are kept neither as bytes in `pool` (see byteStarts) nor as scaled
   * integers (SCALED), appended; and the drawn widths of all texts (cli-table3's measure), by
   * number: `count` of them. (Room for the rows expected made at once when the texts do not
   * repeat; the widths in a typed array: a hundred thousand texts' arrays grown by copies were
   * old-generation garbage enough to bring on one more full collection. The texts are appended,
   * the array grown by V8 itself: copied into a new array by a loop, that loop was compiled twice
   * by TurboFan for a few thousand texts. A column of ids or amounts has none here: its array of
   * a hundred thousand, grown by copies into fresh memory, was a thousand page faults.)
   */
  texts: string[] = [];
  drawn = new Int32Array(16);
  /**
   * How each text is kept: TEXT as it is drawn; UNGROUPED a plain number given without its commas
   * (groupThousands makes its text); SCALED a number given as a scaled integer (`scaled` at
   * `places`: scaledText's text grouped in threes), its `texts` entry a placeholder.
   */
  kinds = new Uint8Array(16);
  /**
   * Of each text: EMPTY when it is "", ENDS_IN_SPACE when endsInSpace (a line ending with it is
   * trimmed), known when it is prepared instead of read from the text at every line.
   */
  ends = new Uint8Array(16);
  scaled = new Float64Array(16);
  places = new Uint8Array(16);
  /**
   * A TEXT text of plain ASCII as its bytes, written while it was checked to be plain ASCII: where
   * they start in `pool` (its `drawn` bytes), the pool read four bytes at a time (`poolView`), with
   * room for four bytes after its last text. (A column of ids: each written twice, once per part,
   * a character at a time, was a third of the drawing.) A text not kept there: -1 - its place in
   * `texts` (a SCALED text's is not read).
   */
  byteStarts = new Int32Array(16);
  pool: Buffer = Buffer.alloc(1024);
  poolView: DataView = viewOf(this.pool);
  poolUsed = 0;
  count = 0;
  /** Each text cut for the column's narrowed width (a cut column), with its drawn width; made when asked for. */
  cutTexts: (string | undefined)[] = [];
  cutDrawn: number[] = [];
  /** `ends` of the cut texts. */
  cutEnds: Uint8Array = new Uint8Array(0);
  /** The widest display and drawn widths of its texts. */
  widest = 0;
  widestDrawn = 0;
  /** The most UTF-16 units a text of the column is drawn with (grouped, when kept without its commas). */
  longest = 0;

  /**
   * `asBytes`: whether the table is drawn as bytes (PartBytes), which copy a text kept in `pool`;
   * drawn as text, every text is kept in `texts` (each made again from its bytes for every line was
   * a string per cell).
   */
  constructor(readonly right: boolean, readonly strlen: (text: string) => number, readonly expectedRows: number, readonly asBytes: boolean) {}

  /** The number of `given` (its prepared text's), prepared and measured when new. */
  numberOf(given: string): number {
    // (A column whose texts do not repeat: each prepared as it comes.)
    if (!this.#mapping) return this.#prepare(given);
    if (given === this.#lastGiven) return this.#lastNumber;
    let number = this.#numbers.get(given);
    if (number !== undefined) this.#found++;
    else {
      number = this.#prepare(given);
      this.#numbers.set(given, number);
      // (Texts that do not repeat: looked up no more.)
      if (this.#numbers.size >= MAPPED_BEFORE_CHECK && this.#found * 4 < this.#numbers.size) {
        this.#mapping = false;
        this.#numbers.clear();
        this.#reserve(this.expectedRows);
      }
    }
    this.#lastGiven = given;
    this.#lastNumber = number;
    return number;
  }

  #prepare(given: string): number {
    let cell: string;
    let width: number;
    let drawn: number;
    let ungrouped = false;
    // (Its bytes kept as they are checked: given up below unless it is drawn as given, a TEXT.)
    const start = this.#pooled(given);
    if (start >= 0) {
      cell = given;
      width = drawn = given.length;
      if (this.right) {
        // (A plain number kept as given, its grouped text's length counted: its commas are put in
        // as it is written, see textAt and PieceBytes.grouped. No grouped text made per amount.)
        const length = given.length > 3 && given.charCodeAt(given.length - 1) !== 37 ? groupedNumberLength(given) : -1;
        if (length > given.length) {
          ungrouped = true;
          width = drawn = length;
        } else if (length < 0) {
          cell = groupedOnce(given);
          width = drawn = cell.length;
        }
      }
    } else {
      cell = given;
      if (cell.includes("\n")) cell = cell.replace(/\r?\n/g, " ");
      cell = terminalText(cell);
      if (this.right) cell = groupedNumber(cell);
      width = displayWidth(cell);
      drawn = this.strlen(cell);
    }
    const number = this.count++;
    if (number >= this.drawn.length) this.#reserve(number + 1);
    this.drawn[number] = drawn;
    this.kinds[number] = ungrouped ? UNGROUPED : TEXT;
    this.ends[number] = endsOf(cell);
    if (start >= 0 && !ungrouped && cell === given && this.asBytes) this.byteStarts[number] = start;
    else {
      if (start >= 0) this.poolUsed = start;
      this.byteStarts[number] = -1 - this.texts.length;
      this.texts.push(cell);
    }
    if (width > this.widest) this.widest = width;
    if (drawn > this.widestDrawn) this.widestDrawn = drawn;
    const units = ungrouped ? width : cell.length;
    if (units > this.longest) this.longest = units;
    return number;
  }

  /** `text` as bytes after the pool's others when it is plain ASCII (every character printable, space to ~): where they start; else -1, nothing kept. */
  #pooled(text: string): number {
    const length = text.length;
    if (this.poolUsed + length + 4 > this.pool.length) {
      const pool = Buffer.alloc(Math.max(2 * this.pool.length, this.poolUsed + length + 4));
      this.pool.copy(pool, 0, 0, this.poolUsed);
      this.pool = pool;
      this.poolView = viewOf(pool);
    }
    const pool = this.pool;
    const start = this.poolUsed;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code > 0x7e) return -1;
      pool[start + index] = code;
    }
    this.poolUsed = start + length;
    return start;
  }

  /** Room for `wanted` texts (at least twice the room there is when more is needed). */
  #reserve(wanted: number): void {
    if (wanted <= this.drawn.length) return;
    const size = Math.max(wanted, this.drawn.length * 2);
    this.drawn = grownCopy(this.drawn, size, this.count);
    this.kinds = grownCopy(this.kinds, size, this.count);
    this.ends = grownCopy(this.ends, size, this.count);
    this.scaled = grownCopy(this.scaled, size, this.count);
    this.places = grownCopy(this.places, size, this.count);
    this.byteStarts = grownCopy(this.byteStarts, size, this.count);
  }

  /** The prepared text numbered `number` (grouped in threes when kept without its commas). */
  textAt(number: number): string {
    const kind = this.kinds[number]!;
    if (kind === SCALED) return groupThousands(scaledText(this.scaled[number]!, this.places[number]!));
    const start = this.byteStarts[number]!;
    // (A text kept as bytes made again from them: asked for once per part for a column of few texts.)
    if (start >= 0) return this.pool.toString("latin1", start, start + this.drawn[number]!);
    const text = this.texts[-1 - start]!;
    return kind === UNGROUPED ? groupThousands(text) : text;
  }

  /** The text numbered `number` as `texts` keeps it (a text neither SCALED nor kept as bytes). */
  keptText(number: number): string {
    return this.texts[-1 - this.byteStarts[number]!]!;
  }

  /**
   * The number of a cell whose text is scaledText(scaled, places) (`scaled` a safe
   * integer, not -0; `places` at most MAX_PLACES): kept as the number, its text not made.
   */
  numberOfScaled(scaled: number, places: number): number {
    // (A left-aligned column draws its texts ungrouped: the text made, as any other.)
    if (!this.right) return this.numberOf(scaledText(scaled, places));
    const length = scaledLength(scaled, places);
    const number = this.count++;
    if (number >= this.drawn.length) this.#reserve(number + 1);
    this.drawn[number] = length;
    this.kinds[number] = SCALED;
    this.ends[number] = 0;
    this.scaled[number] = scaled;
    this.places[number] = places;
    if (length > this.widest) this.widest = length;
    if (length > this.widestDrawn) this.widestDrawn = length;
    if (length > this.longest) this.longest = length;
    return number;
  }

  /** Cut every text to `width` at `from`: the widest cut text's drawn width. */
  cutAll(width: number, from: "end" | "start"): number {
    const count = this.count;
    this.cutTexts = new Array<string>(count);
    this.cutDrawn = new Array<number>(count);
    this.cutEnds = new Uint8Array(count);
    let widest = 0;
    for (let number = 0; number < count; number++) {
      const text = this.textAt(number);
      const cut = cutText(text, width, from);
      const drawn = cut === text ? this.drawn[number]! : this.strlen(cut);
      this.cutTexts[number] = cut;
      this.cutDrawn[number] = drawn;
      this.cutEnds[number] = endsOf(cut);
      if (drawn > widest) widest = drawn;
    }
    return widest;
  }
}

/** The text groupedNumber gave last, and what it was given. */
let lastGrouped = "";
let lastGroupedGiven: string | null = null;

/**
 * groupedNumber of a text, the same string again when given the text it was given last (one
 * row's amount and what is owed on it are often one text: one grouped text, not two).
 */
function groupedOnce(given: string): string {
  if (given !== lastGroupedGiven) {
    lastGrouped = groupedNumber(given);
    lastGroupedGiven = given;
  }
  return lastGrouped;
}

/** How many distinct texts a column keeps looking up before it asks whether they repeat. */
const MAPPED_BEFORE_CHECK = 4096;

/**
 * Rows of cells, each cell its column's number for its text, kept end to end (`stride` a row); and
 * heading lines. A column whose every cell so far was numbered as its row (a column of texts that
 * do not repeat: ids, amounts) keeps none: its cell is the row's number (`slots`). The numbers are
 * 16-bit while they fit. (A hundred thousand claims' eleven cells as 32-bit numbers were 4.4 MB of
 * fresh memory, a thousand page faults; their ids and amounts are two of the eleven.)
 */
class NumberedCells {
  /** The rows' kept cells, `stride` a row; room made at once for the rows expected (a typed array: outside the heap the collector copies). */
  numbers: Uint16Array | Int32Array;
  /** Per column: where its cell is in a row of `numbers`, or -1 while every cell of the column was numbered as its row. */
  readonly slots: Int32Array;
  /** Cells kept per row. */
  stride: number;
  /** Rows of cells. */
  rows = 0;
  /** The greatest number `numbers` holds. */
  most = 0xffff;
  /** Rows `numbers` has room for. */
  #room: number;
  /** Heading lines (terminalText of the heading), each with how many rows of cells come before it. */
  readonly headings: string[] = [];
  readonly headingBefore: number[] = [];

  /**
   * `expectedRows`: room made for them once the first PROBED_ROWS have told which columns keep
   * their cells (until then every column does).
   */
  constructor(readonly columns: number, readonly expectedRows: number) {
    this.slots = Int32Array.from({ length: columns }, (_, index) => index);
    this.stride = columns;
    this.#room = PROBED_ROWS;
    this.numbers = new Uint16Array(PROBED_ROWS * columns);
  }

  /**
   * A row of cells begun: its number. Its cells are then kept by the caller, each at its column's
   * slot when it has one and the number is at most `most`, else by keepCell.
   */
  nextRow(): number {
    const row = this.rows;
    if (row === PROBED_ROWS) this.#settle();
    if (row >= this.#room) this.#grow(Math.max(2 * this.#room, row + 1), this.numbers instanceof Int32Array);
    this.rows = row + 1;
    return row;
  }

  /**
   * The cell of column `index` in the row `row` (the last begun) numbered `number`, when the
   * column has no slot or `numbers` cannot hold the number: kept (unless the column has no slot
   * and the number is the row's), the column given a slot, `numbers` widened as needed.
   */
  keepCell(row: number, index: number, number: number): void {
    let slot = this.slots[index]!;
    if (slot < 0) {
      if (number === row) return;
      slot = this.#keep(index);
    }
    if (number > this.most) this.#grow(this.#room, true);
    this.numbers[row * this.stride + slot] = number;
  }

  /**
   * Once the first PROBED_ROWS rows are kept: the columns whose every cell was numbered as its row
   * no longer kept, and room made for the rows expected.
   */
  #settle(): void {
    const old = this.numbers;
    const oldStride = this.stride;
    let stride = 0;
    for (let index = 0; index < this.columns; index++) {
      let same = true;
      for (let row = 0; row < this.rows && same; row++) same = old[row * oldStride + index] === row;
      this.slots[index] = same ? -1 : stride++;
    }
    this.stride = stride;
    this.#room = Math.max(this.expectedRows, 2 * this.rows);
    this.numbers = new (old instanceof Int32Array ? Int32Array : Uint16Array)(Math.max(16, this.#room * stride));
    for (let row = 0; row < this.rows; row++) {
      for (let index = 0; index < this.columns; index++) {
        const slot = this.slots[index]!;
        if (slot >= 0) this.numbers[row * stride + slot] = old[row * oldStride + index]!;
      }
    }
  }

  /** Column `index`'s cells kept from now on (a cell not numbered as its row): its slot. */
  #keep(index: number): number {
    const old = this.numbers;
    const oldStride = this.stride;
    const stride = oldStride + 1;
    const wide = old instanceof Int32Array || this.rows > 0x10000;
    this.numbers = new (wide ? Int32Array : Uint16Array)(Math.max(16, this.#room * stride));
    this.most = wide ? 0x7fffffff : 0xffff;
    for (let row = 0; row < this.rows; row++) {
      for (let slot = 0; slot < oldStride; slot++) this.numbers[row * stride + slot] = old[row * oldStride + slot]!;
      this.numbers[row * stride + oldStride] = row;
    }
    this.stride = stride;
    this.slots[index] = oldStride;
    return oldStride;
  }

  /** Room for `room` rows, their numbers 32-bit when `wide`. */
  #grow(room: number, wide: boolean): void {
    const numbers = new (wide ? Int32Array : Uint16Array)(Math.max(16, room * this.stride));
    numbers.set(this.numbers.subarray(0, this.rows * this.stride));
    this.numbers = numbers;
    this.most = wide ? 0x7fffffff : 0xffff;
    this.#room = room;
  }
}

/** Rows a NumberedCells keeps every cell of before it tells which columns keep none (see NumberedCells). */
const PROBED_ROWS = 4;

/**
 * writeTableFrom's text for these columns and rows of cells (given once, by `source`), and the
 * footer's rows after an empty line, without colour (`style.color` is not read: the caller draws
 * with colour through writeTableFrom). Every row is cells, none a heading or an alert.
 * `expectedRows`: how many rows `source` is expected to give (room is made for them at once).
 * `writeBytes`: when given, the table is written to it as UTF-8 (the same text), not to `write`;
 * it returns true when it is done with the bytes given (see PieceBytes).
 */
export function writeListTable(
  givenColumns: readonly Column[], source: (visit: (row: readonly string[] | Row) => void) => void, style: TableStyle,
  givenFooter: readonly (readonly string[] | Row)[] | (() => readonly (readonly string[] | Row)[]), givenWrite: (text: string) => void, expectedRows = 0,
  writeBytes?: (bytes: Buffer) => boolean | void, scaledCells?: ScaledCells,
): void {
  const write = writeBytes === undefined ? givenWrite : (text: string) => { writeBytes(Buffer.from(text, "utf8")); };
  const columns = givenColumns.map((column) => ({ ...column, header: terminalText(column.header) }));
  const count = columns.length;
  const right = columns.map((column) => column.align === "right");
  const strlen = tableMeasure();
  const values = columns.map((_, index) => new ColumnTexts(right[index]!, strlen, expectedRows, writeBytes !== undefined));
  const prepareInto = (into: NumberedCells) => (row: readonly string[] | Row) => {
    let cells: readonly string[];
    if (Array.isArray(row)) cells = row as readonly string[];
    else if ("cells" in row) cells = row.cells;
    else {
      // (An alert row is drawn as any other without colour; a heading is a line of its own.)
      into.headingBefore.push(into.rows);
      into.headings.push(terminalText((row as { heading: string }).heading));
      return;
    }
    const rowNumber = into.nextRow();
    const slots = into.slots;
    let numbers = into.numbers;
    let at = rowNumber * into.stride;
    let most = into.most;
    for (let index = 0; index < count; index++) {
      const cell = cells[index] ?? "";
      // (Its length first: comparing every cell with SCALED_CELL, most of them strings of the
      // journal's that are not one with it, was a tenth of numbering the cells.)
      const number = cell.length === SCALED_CELL.length && cell === SCALED_CELL && scaledCells !== undefined
        ? values[index]!.numberOfScaled(scaledCells.scaled[index]!, scaledCells.places[index]!)
        : values[index]!.numberOf(cell);
      const slot = slots[index]!;
      if (slot >= 0 && number <= most) numbers[at + slot] = number;
      else if (slot >= 0 || number !== rowNumber) {
        into.keepCell(rowNumber, index, number);
        numbers = into.numbers;
        at = rowNumber * into.stride;
        most = into.most;
      }
    }
  };
  const body = new NumberedCells(count, expectedRows);
  source(prepareInto(body));
  // (The footer's rows, asked for once the rows are given when they are a function.)
  const footer = typeof givenFooter === "function" ? givenFooter() : givenFooter;
  const feet = new NumberedCells(count, footer.length);
  footer.forEach(prepareInto(feet));

  // The layout, as writeTableFrom makes it.
  const widths = columns.map((column, index) => Math.max(displayWidth(column.header), values[index]!.widest));
  const drawnWidths = values.map((column) => column.widestDrawn);
  const { compact, cutAt, parts } = fitColumns(columns, widths, style.width ?? Number.POSITIVE_INFINITY);
  // A cut column's texts cut once each; the column as wide as its widest cut text.
  cutAt.forEach((shrink, index) => {
    if (shrink !== undefined) drawnWidths[index] = values[index]!.cutAll(widths[index]!, shrink);
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
    const partValues = part.map((index) => values[index]!);
    /** A cut column's cut texts by number (none for a column not cut: see ColumnTexts.textAt), and each column's `ends` (its cut texts' when cut). */
    const partTexts = part.map((index) => (cutAt[index] !== undefined ? values[index]!.cutTexts : []) as readonly string[]);
    const partEnds = part.map((index) => (cutAt[index] !== undefined ? values[index]!.cutEnds : values[index]!.ends));
    const partDrawn = part.map((index): ArrayLike<number> => (cutAt[index] !== undefined ? values[index]!.cutDrawn : values[index]!.drawn));
    const partRight = part.map((index) => right[index]!);
    /** Whether the part's columns are cut (their cut texts drawn as they are: see ColumnTexts.kinds). */
    const partCut = part.map((index) => cutAt[index] !== undefined);
    const textOf = (n: number, number: number): string => (partCut[n] ? partTexts[n]![number]! : partValues[n]!.textAt(number));
    const betweenLength = between.length;
    /**
     * Each column's drawn cells before the line's last, by text number, made when first drawn (a
     * column of few texts: its names, statuses, currencies); null for a column of many.
     */
    const drawnCells = partValues.map((column) => (column.count <= DRAWN_CELLS_KEPT ? new Array<string | undefined>(column.count) : null));
    const cellOf = (n: number, number: number): string => {
      const text = textOf(n, number);
      const spaces = spacesOf(colWidths[n]! - PADDING - partDrawn[n]![number]!);
      return (n === 0 ? " " : between) + (partRight[n] ? spaces + text + " " : text + spaces + " ");
    };
    // The part's text is gathered as the texts it is made of (its cells drawn, spaces, line feeds),
    // one piece at a time, and joined once per piece: a line made by adding its cells one by one
    // is a chain of pieces, one object per cell (three quarters of what a hundred thousand claims'
    // table allocated), and then copied flat when written.
    const linesPerPiece = Math.max(1, Math.floor(CHARS_PER_PIECE / (tableWidth(colWidths.map((width) => width - PADDING), gap) + 1)));
    const texts = new Array<string>((linesPerPiece + 2) * (part.length + 4) + 8).fill("");
    /** Texts in `texts` for the piece, and how many slots earlier pieces filled (emptied before a join). */
    let used = 0;
    let filled = 0;
    /** With writeBytes: the piece as bytes, each text encoded as it comes (no joined text made, none encoded again). */
    const out = writeBytes === undefined ? null : new PieceBytes(writeBytes);
    /** Each column's drawn cells as bytes, where drawnCells keeps its cells. */
    const drawnBytes = drawnCells.map((kept) => (kept === null ? null : new KeptBytes(kept.length)));
    const put = (text: string): void => {
      if (out === null) texts[used++] = text;
      else out.text(text);
    };
    const flush = () => {
      if (out !== null) {
        out.flush();
        return;
      }
      if (used === 0) return;
      for (let index = used; index < filled; index++) texts[index] = "";
      if (used > filled) filled = used;
      const piece = texts.join("");
      if (piece !== "") write(piece);
      used = 0;
    };
    /**
     * The line of the part's cells (the row `row` of `numbers`, kept from `at`, each column's cell
     * at its slot, see NumberedCells), trimmed at its end, into `texts`.
     */
    const addCells = (numbers: Uint16Array | Int32Array, at: number, row: number, slots: Int32Array): void => {
      const cellAt = (n: number) => (slots[n]! < 0 ? row : numbers[at + slots[n]!]!);
      // (Empty cells at the end of the line are white space only, trimmed away: the line ends with
      // the last cell that is not empty, its cut text never empty either.)
      let last = part.length - 1;
      while (last > 0 && (partValues[last]!.ends[cellAt(last)]! & EMPTY) !== 0) last--;
      const number = cellAt(last);
      if ((partEnds[last]![number]! & ENDS_IN_SPACE) !== 0) {
        // (Rare: the line as one text, trimmed as writeTableFrom trims it.)
        let line = "";
        for (let n = 0; n <= last; n++) line += cellOf(n, cellAt(n));
        put(line.trimEnd());
        return;
      }
      for (let n = 0; n < last; n++) {
        const cell = cellAt(n);
        const kept = drawnCells[n];
        texts[used++] = kept === null ? cellOf(n, cell) : (kept[cell] ??= cellOf(n, cell));
      }
      // (The last cell ends the line trimmed: its padding after it is not written.)
      put(last === 0 ? " " : between);
      if (partRight[last]) put(spacesOf(colWidths[last]! - PADDING - partDrawn[last]![number]!));
      put(textOf(last, number));
    };
    /**
     * The part's column of each cell and what every line may take at most as UTF-8 (its line feed,
     * each cell's lead, padding and text at three bytes a unit, a cut text's ellipsis): room made
     * once per line, each cell then written without asking for room.
     */
    const partColumns = Int32Array.from(part);
    const leads = Int32Array.from(part, (_, n) => (n === 0 ? 1 : betweenLength));
    const lineBound = part.reduce((bound, index, n) => bound + leads[n]! + colWidths[n]! + 1 + 3 * (values[index]!.longest + 2), 1);
    /**
     * The last cell of a line (trimmed: no padding after its text) as bytes, by text number, for
     * a column of a few texts (a customer, a count); null for a column of more, its last cells
     * written as they come (a column of dates or ages: each text made into bytes for a few lines cost more).
     */
    const lastBytes = partValues.map((column) => (column.count <= LAST_CELLS_KEPT ? new KeptBytes(column.count) : null));
    /** The text of the cell numbered `cell` in the part's column `n` drawn last on its line: its lead, the spaces before it when right-aligned, its text. */
    const lastCellOf = (n: number, cell: number): string => {
      const spaces = partRight[n] ? spacesOf(colWidths[n]! - PADDING - partDrawn[n]![cell]!) : "";
      return (n === 0 ? " " : between) + spaces + textOf(n, cell);
    };
    /** The part's lines as bytes (one object per part: its methods compiled once for every part). */
    const bytes = out === null ? null : new PartBytes(out, partValues, partTexts, partDrawn, partRight, partCut, partEnds, partColumns, leads, colWidths, lineBound, drawnBytes, lastBytes, cellOf, lastCellOf, linesPerPiece);
    put(headLine(head, colWidths, part.map((index) => right[index]!), between, strlen));
    if (hasRows) {
      const rule = colWidths.map((width) => "─".repeat(width)).join(compact ? "" : "─").trimEnd();
      put("\n");
      put(startsWithHeading ? rule.slice(0, Math.max(0, rule.length - (part.length - 1))) : rule);
    }
    // A heading line: the heading cut to the part's width (when the table has a width), trimmed.
    const headingWidth = Math.max(1, tableWidth(part.map((index) => widths[index]!), gap) - PADDING);
    const headingLine = (heading: string) => ` ${style.width === undefined ? heading : cutText(heading, headingWidth, "end")}`.trimEnd();
    let lines = 0;
    /** After each line: the piece written once it has its lines. */
    const ended = () => {
      if (++lines >= linesPerPiece) {
        flush();
        lines = 0;
      }
    };
    const addLine = (line: string) => {
      if (bytes !== null) {
        bytes.textLine(line);
        return;
      }
      put("\n");
      put(line);
      ended();
    };
    const addRows = (rows: NumberedCells) => {
      if (bytes !== null) {
        bytes.rows(rows, headingLine);
        return;
      }
      const { headings, headingBefore, numbers, stride } = rows;
      const slots = Int32Array.from(part, (index) => rows.slots[index]!);
      let next = 0;
      for (let row = 0, at = 0; row < rows.rows; row++, at += stride) {
        for (; next < headings.length && headingBefore[next] === row; next++) addLine(headingLine(headings[next]!));
        if (out === null) texts[used++] = "\n";
        addCells(numbers, at, row, slots);
        ended();
      }
      for (; next < headings.length; next++) addLine(headingLine(headings[next]!));
    };
    addRows(body);
    if (feet.rows > 0 || feet.headings.length > 0) {
      addLine("");
      addRows(feet);
    }
    flush();
  });
}

/**
 * One part of the list table written as UTF-8 lines into `out` (writeListTable's byte path): its
 * methods are the prototype's, compiled once for every part (closures made per part were compiled
 * again for the second part, and met it with no optimized code).
 */
class PartBytes {
  constructor(
    readonly out: PieceBytes,
    readonly partValues: readonly ColumnTexts[],
    readonly partTexts: readonly (readonly string[])[],
    readonly partDrawn: readonly ArrayLike<number>[],
    readonly partRight: readonly boolean[],
    readonly partCut: readonly boolean[],
    /** Each column's `ends` (its cut texts' when cut). */
    readonly partEnds: readonly Uint8Array[],
    /** The part's columns (their places in a row of cells). */
    readonly partColumns: Int32Array,
    readonly leads: Int32Array,
    readonly colWidths: readonly number[],
    readonly lineBound: number,
    readonly drawnBytes: readonly (KeptBytes | null)[],
    readonly lastBytes: readonly (KeptBytes | null)[],
    /** A cell drawn (its lead, text and padding) as text; the same drawn last on its line (no padding after it). */
    readonly cellOf: (n: number, cell: number) => string,
    readonly lastCellOf: (n: number, cell: number) => string,
    /** Lines in a piece: `out` is flushed after each such count of lines. */
    readonly linesPerPiece: number,
  ) {}

  /** Lines written since the last flush. */
  lines = 0;
  /**
   * The slot of each of the part's columns in the rows being drawn (NumberedCells.slots), or -1:
   * the cell is the row's number. (Set for each NumberedCells drawn: never taken for constant.)
   */
  partSlots: Int32Array = new Int32Array(0);

  /** After each line: the piece written once it has its lines. */
  ended(): void {
    if (++this.lines >= this.linesPerPiece) {
      this.out.flush();
      this.lines = 0;
    }
  }

  /** A line feed, then `text` as a line. */
  textLine(text: string): void {
    this.out.byte(10);
    this.out.text(text);
    this.ended();
  }

  /** The rows of cells as lines, each heading line (see NumberedCells) before its row. */
  rows(rows: NumberedCells, headingLine: (heading: string) => string): void {
    const { headings, headingBefore, numbers, stride } = rows;
    const count = rows.rows;
    this.partSlots = Int32Array.from(this.partColumns, (index) => rows.slots[index]!);
    let next = 0;
    // (The headings after the last row in the same loop: a loop after it, first run when this one
    // ends, would have its code thrown away there for want of what it compares.)
    for (let row = 0, at = 0; ; row++, at += stride) {
      for (; next < headings.length && (row === count || headingBefore[next] === row); next++) this.textLine(headingLine(headings[next]!));
      if (row === count) break;
      this.line(numbers, at, row);
      this.ended();
    }
  }

  /** The line as one text, trimmed as writeTableFrom trims it (rare: its last cell ends in white space), after a line feed. */
  trimmedLine(numbers: Uint16Array | Int32Array, at: number, row: number, last: number): void {
    let line = "";
    for (let n = 0; n <= last; n++) line += this.cellOf(n, this.partSlots[n]! < 0 ? row : numbers[at + this.partSlots[n]!]!);
    this.out.byte(10);
    this.out.text(line.trimEnd());
  }

  /**
   * The cell numbered `cell` of the part's column `n` written into `buffer` at `to` (room made),
   * its padding after it unless it ends the line: where it ends.
   */
  cell(buffer: Buffer, to: number, n: number, cell: number, padded: boolean): number {
    const column = this.partValues[n]!;
    const cut = this.partCut[n]!;
    const kind = cut ? TEXT : column.kinds[cell]!;
    const drawn = this.partDrawn[n]![cell]!;
    const right = this.partRight[n]!;
    const spaces = padded || right ? this.colWidths[n]! - PADDING - drawn : 0;
    for (let index = this.leads[n]!; index > 0; index--) buffer[to++] = 32;
    if (right) for (let index = 0; index < spaces; index++) buffer[to++] = 32;
    if (kind === SCALED) {
      writeScaled(buffer, to, column.scaled[cell]!, column.places[cell]!, drawn);
      to += drawn;
    } else if (kind === TEXT && !cut && column.byteStarts[cell]! >= 0) {
      // (Plain ASCII kept as bytes: `drawn` of them, copied four at a time, see KeptBytes.)
      const view = this.out.view;
      const from = column.poolView;
      const start = column.byteStarts[cell]!;
      for (let index = 0; index < drawn; index += 4) view.setUint32(to + index, from.getUint32(start + index, true), true);
      to += drawn;
    } else if (kind === UNGROUPED) to = writeGrouped(buffer, to, column.keptText(cell));
    else to = writeText(buffer, to, cut ? this.partTexts[n]![cell]! : column.keptText(cell));
    if (padded) {
      if (!right) for (let index = 0; index < spaces; index++) buffer[to++] = 32;
      buffer[to++] = 32;
    }
    return to;
  }

  /** A line feed, then the line of the cells numbered as `numbers` from `at`. */
  line(numbers: Uint16Array | Int32Array, at: number, row: number): void {
    const partSlots = this.partSlots;
    const partValues = this.partValues;
    // (The last cell that is not empty: the count taken down once at least on every line, so that
    // a part whose lines end in empty cells finds that step compiled.)
    let last = partSlots.length;
    let lastCell: number;
    do {
      last -= 1;
      const slot = partSlots[last]!;
      lastCell = slot < 0 ? row : numbers[at + slot]!;
    } while (last > 0 && (partValues[last]!.ends[lastCell]! & EMPTY) !== 0);
    if ((this.partEnds[last]![lastCell]! & ENDS_IN_SPACE) !== 0) {
      this.trimmedLine(numbers, at, row, last);
      return;
    }
    const out = this.out;
    // (Room for the line and for the few bytes a kept cell's last four may write past its end.)
    out.room(this.lineBound + 4);
    const buffer = out.buffer;
    const view = out.view;
    let to = out.at;
    buffer[to++] = 10;
    for (let n = 0; n <= last; n++) {
      const slot = partSlots[n]!;
      const cell = slot < 0 ? row : numbers[at + slot]!;
      const kept = n < last ? this.drawnBytes[n] : this.lastBytes[n];
      if (kept !== null) {
        let start = kept.starts[cell]!;
        // (A kept column's cell made into bytes when first drawn: see drawnBytes and lastBytes.)
        if (start < 0) start = kept.add(cell, n === last ? this.lastCellOf(n, cell) : this.cellOf(n, cell));
        const length = kept.lengths[cell]!;
        // (Four bytes at a time, a long cell by one copy. Up to three bytes after the cell are
        // written too: the next cell's, or room never given.)
        if (length > KEPT_COPIED_BY_WORDS) kept.pool.copy(buffer, to, start, start + length);
        else {
          const from = kept.view;
          for (let index = 0; index < length; index += 4) view.setUint32(to + index, from.getUint32(start + index, true), true);
        }
        to += length;
        continue;
      }
      // (A column of many texts: its cell written straight into the piece, not made into one text.)
      to = this.cell(buffer, to, n, cell, n < last);
    }
    out.at = to;
  }
}

/**
 * A piece of the table as UTF-8, its texts encoded into a buffer as they come and given to `give`
 * when flushed, as a part of the buffer that is not written again while a stream may still hold
 * it: the next piece is written after it, and once the buffer has too little room left, the next
 * ones go into a new buffer, or into the same one from its start when `give` was done with every
 * piece of it (returned true: written, not queued). (A new buffer for each piece of some 32 kB,
 * most of it unused, made three times the table's bytes in buffers outside the heap, enough to
 * bring on one more full collection; a new buffer for every eight pieces, memory the process had
 * not touched: the kernel's page faults.)
 */
class PieceBytes {
  buffer: Buffer = NO_BYTES;
  /** `buffer` read and written four bytes at a time. */
  view: DataView = viewOf(NO_BYTES);
  /** Where the piece not given yet starts in `buffer` (the bytes before it were given). */
  start = 0;
  at = 0;
  /** Whether `give` was done with every piece given from `buffer` so far. */
  #done = true;

  constructor(readonly give: (bytes: Buffer) => boolean | void) {
    // (Set again here, not only where declared: a field that keeps its first value is taken to be
    // constant by code compiled before the first flush, which then has that code thrown away.)
    this.buffer = Buffer.allocUnsafe(PIECE_BYTES);
    this.view = viewOf(this.buffer);
  }

  /** Room for `more` bytes (written at `at`, which the writer then moves on). */
  room(more: number): void {
    if (this.at + more <= this.buffer.length) return;
    this.flush();
    if (this.at + more > this.buffer.length) this.#renew(Math.max(PIECE_BYTES, more));
  }

  /** A buffer of `size` bytes written from its start: this one when `give` is done with all of it, else a new one. */
  #renew(size: number): void {
    this.start = 0;
    this.at = 0;
    if (this.#done && size === PIECE_BYTES && this.buffer.length === PIECE_BYTES) return;
    this.#done = true;
    this.buffer = Buffer.allocUnsafe(size);
    this.view = viewOf(this.buffer);
  }

  text(text: string): void {
    const length = text.length;
    this.room(length * 3);
    const buffer = this.buffer;
    this.at = writeText(buffer, this.at, text);
  }

  byte(code: number): void {
    this.room(1);
    this.buffer[this.at++] = code;
  }

  flush(): void {
    if (this.at === this.start) return;
    if (this.give(this.buffer.subarray(this.start, this.at)) !== true) this.#done = false;
    this.start = this.at;
    if (this.buffer.length - this.at < PIECE_ROOM) this.#renew(PIECE_BYTES);
  }
}
/** The size of PieceBytes' buffers: room for several pieces. */
const PIECE_BYTES = 8 * CHARS_PER_PIECE;
/** The least room a buffer is written on with for another piece. */
const PIECE_ROOM = 3 * CHARS_PER_PIECE;

/**
 * groupThousands' text of `plain` (ASCII, a plain number: see ColumnTexts) written into `buffer`
 * at `at`, a comma before each group of three integer digits after the first: where it ends.
 */
function writeGrouped(buffer: Uint8Array, at: number, plain: string): number {
  const length = plain.length;
  const start = plain.charCodeAt(0) === 45 ? 1 : 0;
  let end = plain.indexOf(".", start);
  if (end < 0) end = length;
  let index = 0;
  for (; index < start; index++) buffer[at++] = plain.charCodeAt(index);
  if (end - start > 3) {
    let head = (end - start) % 3;
    if (head === 0) head = 3;
    for (let next = start + head; index < end; index++) {
      if (index === next) {
        buffer[at++] = 44;
        next += 3;
      }
      buffer[at++] = plain.charCodeAt(index);
    }
  }
  for (; index < length; index++) buffer[at++] = plain.charCodeAt(index);
  return at;
}

/**
 * The length of scaledText(scaled, places) grouped in threes (groupThousands): `scaled` a safe
 * integer, not -0.
 */
export function scaledLength(scaled: number, places: number): number {
  const rest = scaled < 0 ? -scaled : scaled;
  // (Its digits counted by comparisons with the powers of ten, each exact as a double: no division.)
  let digits = 1;
  while (digits < DIGIT_POWERS.length && rest >= DIGIT_POWERS[digits]!) digits++;
  const integerDigits = places === 0 ? digits : Math.max(1, digits - places);
  return (scaled < 0 ? 1 : 0) + integerDigits + Math.floor((integerDigits - 1) / 3) + (places === 0 ? 0 : places + 1);
}

/** 10^0 to 10^16: a safe integer has at most 16 digits. */
const DIGIT_POWERS = Float64Array.from({ length: 17 }, (_, power) => 10 ** power);

/**
 * scaledText(scaled, places) grouped in threes (groupThousands' text), `length` bytes long
 * (scaledLength's), written into `buffer` at `at` from its end backwards.
 */
export function writeScaled(buffer: Uint8Array, at: number, scaled: number, places: number, length: number): void {
  let rest = scaled < 0 ? -scaled : scaled;
  let to = at + length - 1;
  if (rest <= 0x7fffffff) {
    // (Most amounts: the same digits by 32-bit integer arithmetic, a division by ten a multiplication.)
    let small = rest | 0;
    for (let index = 0; index < places; index++) {
      const next = (small / 10) | 0;
      buffer[to--] = 48 + small - next * 10;
      small = next;
    }
    if (places > 0) buffer[to--] = 46;
    const stop = scaled < 0 ? at + 1 : at;
    for (let group = 0; ; group++) {
      if (group === 3) {
        buffer[to--] = 44;
        group = 0;
      }
      const next = (small / 10) | 0;
      buffer[to--] = 48 + small - next * 10;
      small = next;
      if (to < stop) break;
    }
    if (scaled < 0) buffer[at] = 45;
    return;
  }
  for (let index = 0; index < places; index++) {
    const digit = rest % 10;
    buffer[to--] = 48 + digit;
    rest = (rest - digit) / 10;
  }
  if (places > 0) buffer[to--] = 46;
  const stop = scaled < 0 ? at + 1 : at;
  for (let group = 0; ; group++) {
    if (group === 3) {
      buffer[to--] = 44;
      group = 0;
    }
    const digit = rest % 10;
    buffer[to--] = 48 + digit;
    rest = (rest - digit) / 10;
    if (to < stop) break;
  }
  if (scaled < 0) buffer[at] = 45;
}

/** The kinds of a column's texts (ColumnTexts.kinds). */
const TEXT = 0;
const UNGROUPED = 1;
const SCALED = 2;
/** The most places a SCALED cell may have. */
export const MAX_PLACES = 20;

/**
 * A cell the source gives as a number: the cell's text is SCALED_CELL, and the number is in
 * `ScaledCells` at the cell's column (see writeListTable's `scaledCells`).
 */
export const SCALED_CELL = "\u0000scaled";

/** For each column, the scaled integer and places of the row's SCALED_CELL cell in it. */
export interface ScaledCells {
  readonly scaled: Float64Array;
  readonly places: Uint8Array;
}

/** A DataView of the bytes of `buffer`. */
function viewOf(buffer: Buffer): DataView {
  return new DataView(buffer.buffer, buffer.byteOffset, buffer.length);
}

/**
 * A column's cells as drawn (padded, with their lead), as UTF-8 end to end in one buffer, by text
 * number, each made when first drawn: copied from there four bytes at a time (`view`), so the
 * buffer keeps room for four bytes after its last cell.
 */
class KeptBytes {
  pool: Buffer = Buffer.alloc(256);
  view: DataView = viewOf(this.pool);
  used = 0;
  /** Where each text's bytes start in `pool` (-1: not drawn yet), and how many they are. */
  readonly starts: Int32Array;
  readonly lengths: Int32Array;

  constructor(count: number) {
    this.starts = new Int32Array(count).fill(-1);
    this.lengths = new Int32Array(count);
  }

  /** `text` (cell numbered `cell`) as bytes after the others: where they start. */
  add(cell: number, text: string): number {
    const bound = 3 * text.length + 4;
    if (this.used + bound > this.pool.length) {
      const pool = Buffer.alloc(Math.max(2 * this.pool.length, this.used + bound));
      this.pool.copy(pool, 0, 0, this.used);
      this.pool = pool;
      this.view = viewOf(pool);
    }
    const start = this.used;
    const length = this.pool.write(text, start, "utf8");
    this.starts[cell] = start;
    this.lengths[cell] = length;
    this.used = start + length;
    return start;
  }
}

/** A kept cell of more bytes than this is copied by Buffer.copy (a call's cost: more than a loop's for a short cell). */
const KEPT_COPIED_BY_WORDS = 24;

/** No bytes (PieceBytes' buffer before it is made). */
const NO_BYTES = Buffer.alloc(0);

/** A column of at most this many texts keeps its cells drawn last on a line as bytes (see lastBytes). */
const LAST_CELLS_KEPT = 512;

/** A column of at most this many texts keeps its drawn cells (see lineOf). */
const DRAWN_CELLS_KEPT = 4096;

/** A text's `ends` (see ColumnTexts). */
const EMPTY = 1;
const ENDS_IN_SPACE = 2;

function endsOf(text: string): number {
  return (text.length === 0 ? EMPTY : 0) | (endsInSpace(text) ? ENDS_IN_SPACE : 0);
}

/** Whether trimEnd would trim `text` at all: empty, or white space (as trimEnd counts it) at its end. */
function endsInSpace(text: string): boolean {
  if (text.length === 0) return true;
  // (Printable ASCII but a space, or past U+3000 but U+FEFF, as most texts end (CJK names): not
  // white space as \s counts it; any other character asks the pattern.)
  const code = text.charCodeAt(text.length - 1);
  return (code > 0x20 && code < 0x7f) || (code > 0x3000 && code !== 0xfeff) ? false : TRAILING_SPACE.test(text);
}
const TRAILING_SPACE = /\s$/;

/** `text` as UTF-8 into `buffer` at `at` (room made by the caller): ASCII byte by byte, the rest by Buffer.write. The position after it. */
function writeText(buffer: Buffer, at: number, text: string): number {
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return at + buffer.write(text.slice(index), at, "utf8");
    buffer[at++] = code;
  }
  return at;
}
