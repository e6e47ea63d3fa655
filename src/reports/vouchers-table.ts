// `report vouchers` as a terminal table without colour, drawn straight from the books: the table
// writeSheetTableFrom draws from vouchersTable and vouchersRows (render/sheet.ts, render/table.ts;
// the same bytes: test/reports/vouchers-table.test.ts compares them). A long period lists hundreds
// of thousands of lines: through the sheet each made a voucher line object, a record of cells, a
// table row, prepared texts and an array of pieces, and the list took three times as long as
// `check` on the same journal. Here the books are read once (a compact transaction in place, as
// buildVouchers reads it; any other through buildVouchers), each line kept as a few numbers in
// typed arrays (its account, amount, currency and list of dimensions: indexes into the distinct
// texts, each prepared and measured once), then each line written as UTF-8 bytes straight into
// the output's buffer: its account's cells (drawn once per account), amounts from their scaled
// integers, the dimensions' text or its cut (shared by the lists that start alike). A voucher's
// heading is made from its transaction as it is drawn. The layout (narrowed columns, compact
// drawing, parts, cut texts) is writeTableFrom's: fitColumns. With colour, and for the other
// formats, the sheet's path stays.
import { Decimal } from "../core/number.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { DecimalSum, hasNumber } from "../core/amount.js";
import { isPendingClaim, valueText } from "../claims/claim.js";
import type { ChartOfAccounts } from "../books/accounts.js";
import { DIMENSION_KEYS, DIMENSION_KINDS, DIMENSION_NAMES_ZH } from "../books/dimensions.js";
import type { DimensionValue, Voucher } from "../periods/voucher-model.js";
import { VOUCHER_KEY, parseVoucher, voucherText } from "../periods/numbering.js";
import { buildVouchers, isBooksTransaction, type VoucherSource } from "../periods/vouchers.js";
import { GAP, PADDING, PLAIN_ASCII, cutText, displayWidth, fitColumns, groupedNumber, headLine, simpleHadBackslash, simpleTableWidth, spacesOf, tableWidth, type Column } from "../render/table.js";
import { simpleWidth } from "../core/display-width.js";
import { simpleCutAtEnd } from "../render/line-table.js";
import { terminalText } from "../render/terminal.js";
import { captionText, tableAmount, type SheetStyle } from "../render/sheet.js";
import type { IncompleteAmount, LedgerEntry, MetaValue } from "../core/data.js";
import type { Lang } from "../i18n/lang.js";
import { phrase } from "../i18n/phrase.js";
import { commonestScales, type DisplayScales } from "./display.js";
import { amountText, type SheetRow } from "./sheet.js";
import { amountCell, amountShape, writeShapedAmount } from "./table-amount.js";
import { orderedTotals, vouchersTableOf } from "./vouchers.js";
import { grownCopy } from "../core/typed-arrays.js";
import { ByteOutput } from "../render/byte-output.js";

/** A text as a table cell shows it (escaped), its display width, cli-table3's measure of it, and whether it ends in white space. */
interface Cell {
  readonly text: string;
  readonly width: number;
  readonly drawn: number;
  readonly blankEnd: boolean;
  /** The text as a cut column shows it, and its measure (set once the layout is known). */
  cut: string;
  cutDrawn: number;
  /** The text and the cut text in UTF-8, once drawn. */
  bytes: Buffer | null;
  cutBytes: Buffer | null;
}

/**
 * A dimension's text, its width when simple (else -1), and whether it ends in white space. (A
 * class, not an object literal: a literal's allocation site, once V8 decides its objects are old,
 * throws away the optimized code that makes them, mid-read.)
 */
class Piece {
  constructor(
    readonly text: string,
    readonly width: number,
    readonly blankEnd: boolean,
    /** The text in UTF-8. */
    readonly bytes: Buffer,
  ) {}
}

/**
 * The lists of dimensions, each the path to it from the root (list 0, none: its last piece, and
 * the list before it), kept by index in arrays (a long period has a list for nearly every
 * transaction: as objects, some hundred thousand of them lived until the end and the heap grew by
 * a full collection's worth): its text, its width when simple (else -1), whether a line has it,
 * and the cuts made of it and of the lists it starts (nodeCut). A list of one piece is made once;
 * a longer one once for the lines that follow one another with it (a list is looked up only among
 * the lists of one piece and the last made after each list: most lists of a claims journal are
 * distinct, each claimant with each customer, and two lists alike are drawn alike).
 */
class DimensionLists {
  /** Per list: the list before it (-1: the root, or a list of a voucher read through buildVouchers), its last piece (-1: none). */
  readonly parents = int32s(4096);
  readonly pieces = int32s(4096);
  /** Its width when simple (else -1), and the length of its text in UTF-8 (of a simple list: see writeNode). */
  readonly widths = int32s(4096);
  readonly byteLengths = int32s(4096);
  /** The list made last that continues it (0: none), and whether a line has it (1). */
  readonly lasts = int32s(4096);
  readonly used = int32s(4096);
  /**
   * Its text once asked for (nodeText): most lists of a long period are only drawn cut, or as their
   * pieces' bytes (writeNode). (Maps, as generals: an array of a hundred thousand lists, grown by
   * copies as they are made, was most of what the reading allocated.)
   */
  readonly texts = new Map<number, string>();
  /** A list of other characters (or of a voucher read through buildVouchers): its cell, as the sheet's table prepares it. */
  readonly generals = new Map<number, Cell>();
  /**
   * What the table shows of it (made for the layout, see showAll: its text, or its cut); null for a
   * simple list shown whole, drawn as its pieces' bytes (writeNode) until a line made as a text asks
   * for its cell.
   */
  shown: (SharedCut | null)[] = [];
  /** The cuts kept on a list (see nodeState), by the list. */
  readonly cuts = new Map<number, Map<number, SharedCut>>();
  /** nodeState's answer per list, for the width `stateWidth` (made for the layout). */
  states: (SharedCut | number)[] = [];
  stateWidth = -1;

  constructor() {
    this.add(-1, -1, "", 0, 0, null);
  }

  get count(): number {
    return this.parents.length;
  }

  /** A new list; its index. */
  add(parent: number, piece: number, text: string | null, width: number, byteLength: number, general: Cell | null): number {
    // (Written at one index, the arrays grown together: see VoucherLines.scaledLine.)
    const index = this.parents.length;
    if (index === this.parents.values.length) {
      for (const numbers of [this.parents, this.pieces, this.widths, this.byteLengths, this.lasts, this.used]) numbers.reserve(2 * numbers.values.length);
    }
    this.parents.values[index] = parent;
    this.pieces.values[index] = piece;
    this.widths.values[index] = width;
    this.byteLengths.values[index] = byteLength;
    this.lasts.values[index] = 0;
    this.used.values[index] = 0;
    this.parents.length = this.pieces.length = this.widths.length = this.byteLengths.length = this.lasts.length = this.used.length = index + 1;
    if (text !== null) this.texts.set(index, text);
    if (general !== null) this.generals.set(index, general);
    return index;
  }

  /** A list's general cell (see generals), or null. */
  general(node: number): Cell | null {
    return this.generals.size === 0 ? null : this.generals.get(node) ?? null;
  }

  /** What the table shows of each list, none set yet (see shown). */
  showAll(): void {
    this.shown = new Array<SharedCut | null>(this.count).fill(null);
  }
}

/** What a cell shows, as its cell (its text and its cut the same): many lists may share a cut. */
type SharedCut = Cell;

function shownCell(text: string, drawn: number, blankEnd: boolean): Cell {
  return { text, width: drawn, drawn, blankEnd, cut: text, cutDrawn: drawn, bytes: null, cutBytes: null };
}

/**
 * The UTF-8 of a simple list's text (nodeText) into `buffer` at `at`, from its pieces' bytes and
 * the `; ` between them (written from its end back); where it ends. (A long period's lists are
 * mostly distinct: none is then made as a text, nor encoded.)
 */
function writeNode(buffer: Buffer, at: number, lists: DimensionLists, node: number, pieces: readonly Piece[]): number {
  const parents = lists.parents.values;
  const pieceIds = lists.pieces.values;
  const end = at + lists.byteLengths.values[node]!;
  let to = end;
  let current = node;
  for (;;) {
    const bytes = pieces[pieceIds[current]!]!.bytes;
    to -= bytes.length;
    buffer.set(bytes, to);
    current = parents[current]!;
    if (parents[current]! < 0) break;
    buffer[--to] = 32;
    buffer[--to] = 59;
  }
  return end;
}

/** The text of a list of dimensions: its pieces `; ` apart. */
function nodeText(lists: DimensionLists, node: number, pieces: readonly Piece[]): string {
  const known = lists.texts.get(node);
  if (known !== undefined) return known;
  const parent = lists.parents.values[node]!;
  const piece = pieces[lists.pieces.values[node]!]!.text;
  const text = lists.parents.values[parent]! < 0 ? piece : nodeText(lists, parent, pieces) + "; " + piece;
  lists.texts.set(node, text);
  return text;
}

/**
 * cutSimple(node.text, node.width, width) of a simple list, shared by every list that starts
 * alike: what a cut keeps is decided by the characters up to the first that does not fit. Each
 * list's state is kept (for the width asked last): the cut that falls in it or in a list it
 * starts, else the columns its text takes with the … a cut would add. A cut that falls in a
 * list's separator from the one before it, or at its piece's first character, is kept on the list
 * before (-1, -2, -3), one within its piece on the list itself (by the characters kept). A claims
 * journal's lists are mostly distinct, their cuts few (`employee:王伟; …`).
 */
function nodeCut(lists: DimensionLists, node: number, pieces: readonly Piece[], width: number): SharedCut {
  const nodeWidth = lists.widths.values[node]!;
  if (nodeWidth <= width) return shownCell(nodeText(lists, node, pieces), nodeWidth, pieces[lists.pieces.values[node]!]!.blankEnd);
  if (lists.stateWidth !== width) {
    // (Each list's state for this width: 0, none yet.)
    lists.states = new Array<SharedCut | number>(lists.count).fill(0);
    lists.stateWidth = width;
  }
  const state = nodeState(lists, node, pieces, width);
  if (typeof state !== "number") return state;
  // (Not reached: a list wider than `width` has a character that does not fit.)
  const cut = cutSimple(nodeText(lists, node, pieces), nodeWidth, width);
  return shownCell(cut.text, cut.drawn, false);
}

function nodeState(lists: DimensionLists, node: number, pieces: readonly Piece[], width: number): SharedCut | number {
  const parents = lists.parents.values;
  const parent = parents[node]!;
  if (parent < 0) return 1;
  const known = lists.states[node]!;
  if (known !== 0) return known;
  const before = nodeState(lists, parent, pieces, width);
  let state: SharedCut | number;
  if (typeof before !== "number") state = before;
  else {
    let used = before;
    state = -1;
    const inner = parents[parent]! >= 0;
    if (inner) {
      if (used + 1 > width) state = sharedCut(lists, parent, -1) ?? keepCut(lists, parent, -1, nodeText(lists, parent, pieces) + "…", used);
      else {
        used += 1;
        if (used + 1 > width) state = sharedCut(lists, parent, -2) ?? keepCut(lists, parent, -2, nodeText(lists, parent, pieces) + ";…", used);
        else used += 1;
      }
    }
    if (state === -1) {
      const text = pieces[lists.pieces.values[node]!]!.text;
      for (let at = 0; at < text.length; at++) {
        const w = text.charCodeAt(at) < 0x2027 ? 1 : 2;
        if (used + w > width) {
          // (The cut's text made only the first time: most lists share their parent's.)
          if (at === 0) state = sharedCut(lists, parent, -3) ?? keepCut(lists, parent, -3, (inner ? nodeText(lists, parent, pieces) + "; " : "") + "…", used);
          else state = sharedCut(lists, node, at) ?? keepCut(lists, node, at, (inner ? nodeText(lists, parent, pieces) + "; " : "") + text.slice(0, at) + "…", used);
          break;
        }
        used += w;
      }
      if (state === -1) state = used;
    }
  }
  lists.states[node] = state;
  return state;
}

/** The cut kept on list `owner` under `key` (see nodeState), if made. */
function sharedCut(lists: DimensionLists, owner: number, key: number): SharedCut | undefined {
  return lists.cuts.get(owner)?.get(key);
}

/** A cut of `used` columns kept on list `owner` under `key`. */
function keepCut(lists: DimensionLists, owner: number, key: number, text: string, used: number): SharedCut {
  const cut = shownCell(text, used, false);
  let kept = lists.cuts.get(owner);
  if (kept === undefined) lists.cuts.set(owner, (kept = new Map()));
  kept.set(key, cut);
  return cut;
}

/**
 * The width of a text whose every character is one that both measures (displayWidth and
 * cli-table3's) count alike, one column or two, and that a cut needs not keep with another:
 * printable ASCII but the backslash (an escape's start), …, the CJK ideographs, the commonest CJK
 * and fullwidth punctuation (render/table.ts TABLE_SIMPLE). -1 for any other text.
 */
export function tableSimpleWidth(text: string): number {
  const width = simpleTableWidth(text);
  return simpleHadBackslash ? -1 : width;
}

/**
 * cutText(text, width, "end") of a text tableSimpleWidth measures (as `textWidth`), and the cut's
 * width (both measures): its characters that fit in `width` less one, then ….
 */
function cutSimple(text: string, textWidth: number, width: number): { text: string; drawn: number } {
  return textWidth <= width ? { text, drawn: textWidth } : simpleCutAtEnd(text, width);
}

const BLANK_END = /\s$/u;

/** A text cell as writeTableFrom prepares it (render/table.ts TableDrawing.prepare), measured once. */
function cellOf(given: string, right: boolean, strlen: (text: string) => number): Cell {
  let text: string;
  let width: number;
  let drawn: number;
  if (PLAIN_ASCII.test(given)) {
    text = right ? groupedNumber(given) : given;
    width = drawn = text.length;
  } else {
    text = given;
    if (text.includes("\n")) text = text.replace(/\r?\n/g, " ");
    text = terminalText(text);
    if (right) text = groupedNumber(text);
    width = displayWidth(text);
    drawn = strlen(text);
  }
  return { text, width, drawn, blankEnd: BLANK_END.test(text), cut: text, cutDrawn: drawn, bytes: null, cutBytes: null };
}

const EMPTY: Cell = { text: "", width: 0, drawn: 0, blankEnd: false, cut: "", cutDrawn: 0, bytes: null, cutBytes: null };

/** Distinct texts of a column, each prepared once, by their given text. */
class Cells {
  readonly list: Cell[] = [EMPTY];
  readonly #known = new Map<string, number>([["", 0]]);
  constructor(readonly right: boolean, readonly strlen: (text: string) => number) {}

  /** The index of `given`'s cell (0: empty). */
  indexOf(given: string): number {
    let index = this.#known.get(given);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(cellOf(given, this.right, this.strlen));
      this.#known.set(given, index);
    }
    return index;
  }
}

/** A growing array of 32-bit integers. */
class Numbers {
  length = 0;
  constructor(public values: Int32Array) {}

  push(value: number): void {
    if (this.length === this.values.length) this.reserve(this.values.length * 2);
    this.values[this.length++] = value;
  }

  /** Room for `size` numbers in all. */
  reserve(size: number): void {
    if (size <= this.values.length) return;
    this.values = grownCopy(this.values, size, this.values.length);
  }
}

const int32s = (size: number) => new Numbers(new Int32Array(size));

// (Grown a few times as the module loads: V8 then knows `values` is written again, and a growing
// array's push, and does not throw away the read's optimized code, with that of every function
// that read `values`, at the first array that grows in the middle of a long read.)
for (let n = 0, numbers = int32s(1); n < 64; n++) numbers.push(n);

/** VoucherLines.amounts' mark of an amount kept in wideAmounts. */
const WIDE = -0x80000000;

/** The scaled amount of line `line` (NaN: not a scaled integer), from VoucherLines.amounts and wideAmounts. */
function amountAt(amounts: Int32Array, line: number, wide: ReadonlyMap<number, number>): number {
  const amount = amounts[line]!;
  return amount === WIDE ? wide.get(line)! : amount;
}

/**
 * A line's currency and scale in one number (VoucherLines.currencyScales): a scaled amount's scale
 * is at most MAX_SCALE, and a compact transaction keeps it in five bits.
 */
const SCALE_BITS = 5;
const SCALE_SPAN = 1 << SCALE_BITS;
const SCALE_MASK = SCALE_SPAN - 1;

// ---------------------------------------------------------------- amounts

// ---------------------------------------------------------------- reading the books

/** metaText of a value as a compact transaction keeps it (rawMeta). */
function rawText(raw: string | MetaValue | undefined): string | null {
  return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
}

/** A dimension's name as postingDimensions reads it: the value's text trimmed, null when none or blank. */
function dimensionName(raw: string | MetaValue | undefined): string | null {
  if (raw === undefined) return null;
  const text = typeof raw === "string" ? raw : valueText(raw);
  if (text === null) return null;
  // (Most names start and end with a letter, a digit or an ideograph: nothing to trim.)
  if (text.length > 0 && untrimmed(text.charCodeAt(0)) && untrimmed(text.charCodeAt(text.length - 1))) return text;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** Whether String.prototype.trim keeps the character `code` at an end of a text: printable ASCII but the space, or a CJK ideograph. */
function untrimmed(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);
}

const KEYS: readonly string[] = DIMENSION_KINDS.map((kind) => DIMENSION_KEYS[kind]);
/** Each of KEYS's place (the first, were a key there twice). */
const KEY_INDEX = new Map<string, number>();
KEYS.forEach((key, index) => { if (!KEY_INDEX.has(key)) KEY_INDEX.set(key, index); });

/**
 * The books' vouchers in a range as a table reads them: per voucher its heading's text and where
 * its lines end; per line its account, amount (a scaled integer, or NaN with its texts kept aside),
 * currency and dimensions, as indexes into the distinct cells. With the report's totals and the
 * vouchers that do not balance.
 */
export class VoucherLines {
  /**
   * Per voucher, what its heading is read from (headingOf), and its attachments: a heading is
   * made as it is drawn (kept, a hundred thousand texts of five pieces each would be copied by
   * every collection while the books are read).
   */
  readonly sources = int32s(1024);
  /**
   * What `sources` reads: the books' entries (a voucher read in place keeps its transaction's
   * index), and the vouchers read through buildVouchers (-1 - their index here). (Not an array of
   * a hundred thousand pointers: grown by copies in the collector's heap, it was some 2 MB of memory
   * the process had not touched, and pushed the heap towards a full collection.)
   */
  entries: readonly LedgerEntry[] = [];
  readonly #otherSources: Voucher[] = [];
  readonly attachments = int32s(1024);
  /**
   * Per voucher read in place, its heading's parts, found as the books are read (its transaction's
   * metadata is then read once, for its dimensions and its heading) and drawn from their bytes:
   * its number's and its summary's texts (HeadingPhrases.texts' index; -1: unnumbered, no
   * summary), its preparer's phrase (HeadingPhrases.texts' index, -1: none), the date read from
   * `sources`; and the heading's simpleWidth, -1 when it is drawn through Heading instead (a text
   * not simple, ending in white space or with a part that is not plain, or a voucher read through
   * buildVouchers). (Each heading was written into a buffer as it was read, then copied into the
   * table: the copies, a view made for each, cost more than writing its parts' bytes again.)
   */
  readonly headingNumbers = int32s(1024);
  readonly headingSummaries = int32s(1024);
  readonly headingPreparers = int32s(1024);
  readonly headingWidths = int32s(1024);
  /** The phrases of the headings, each made once. */
  readonly phrases: HeadingPhrases;
  /** Per voucher, where its lines end. */
  readonly ends = int32s(1024);
  readonly accounts = int32s(4096);
  /**
   * Its amount as a scaled integer (at its scale, see currencyScales), when one of 32 bits; else
   * WIDE, the amount in `wideAmounts` (NaN: not a scaled integer). (Four bytes a line, not eight:
   * most amounts of the books are below 21 million at two places.)
   */
  readonly amounts = int32s(4096);
  readonly wideAmounts = new Map<number, number>();
  /**
   * Its currency (currencies' index) and its amount's scale, as currency × SCALE_SPAN + scale. (One
   * array, not two: the lines' numbers are most of the memory the reading touches.)
   */
  readonly currencyScales = int32s(4096);
  readonly dimensions = int32s(4096);
  /** Lines whose amount is not a scaled integer: their debit and credit texts (as a table shows them, empty when zero). */
  readonly decimalTexts = new Map<number, readonly [string, string]>();

  /** Per account (accounts' index): its code's cell and its name's. */
  readonly codeCells: Cells;
  readonly nameCells: Cells;
  readonly #accountIndex = new Map<string, number>();
  readonly accountCode: number[] = [];
  readonly accountName: number[] = [];
  readonly currencyCells: Cells;
  /** Per currency (currencies' index): the commodity's usual places. */
  readonly currencyPlaces: number[] = [];
  /** Per currency, in the order their first line came (vouchersReport's totals before sorting). */
  readonly currencyNames: string[] = [];
  /** Per currency: its cell (currencyCells' index). */
  readonly currencyCell: number[] = [];
  readonly #currencyIndex = new Map<string, number>();
  /** The lists of dimensions (a line keeps its list's index; 0: none), their pieces, and those a line has. */
  readonly lists = new DimensionLists();
  dimensionPieces: readonly Piece[] = [];
  readonly usedNodes = int32s(1024);
  readonly #generalNodes = new Map<string, number>();
  readonly strlen: (text: string) => number;

  /** Per currency: the debits and the credits of every line, and the current voucher's net. */
  readonly debits: DecimalSum[] = [];
  readonly credits: DecimalSum[] = [];
  readonly #net: DecimalSum[] = [];
  /** The currencies of the current voucher's lines: the first #touchedCount. */
  readonly #touched: number[] = [];
  #touchedCount = 0;
  unbalanced = 0;

  /** The widest debit and credit texts. */
  debitWidth = 0;
  creditWidth = 0;

  /**
   * The commodities' usual places: as given, or (given null) counted while the books are read, as
   * displayScales counts them (every entry's units, in the range or not): set by finish.
   */
  scalesOf: DisplayScales;
  /** Whether the usual places are counted while reading (see scalesOf): per currency, the counts by places. */
  readonly counting: boolean;
  readonly #scaleCounts = new Map<string, number[]>();
  /** The counts of each currency (currencies' index), as in #scaleCounts. */
  readonly #currencyCounts: number[][] = [];
  /** Lines whose amount is not a scaled integer: their debit and credit, made into texts by finish. */
  readonly #decimals: { readonly line: number; readonly debit: Decimal; readonly credit: Decimal }[] = [];

  constructor(scalesOf: DisplayScales | null, readonly lang: Lang, strlen: (text: string) => number) {
    this.counting = scalesOf === null;
    this.scalesOf = scalesOf ?? new Map<string, number>();
    this.codeCells = new Cells(false, strlen);
    this.nameCells = new Cells(false, strlen);
    this.currencyCells = new Cells(false, strlen);
    this.strlen = strlen;
    this.phrases = new HeadingPhrases(lang);
  }

  /** Room for the vouchers of `entries` entries (and some four lines each) at once. */
  reserve(entries: number): void {
    for (const numbers of [this.sources, this.attachments, this.headingNumbers, this.headingSummaries, this.headingPreparers, this.headingWidths, this.ends]) numbers.reserve(numbers.length + entries);
    for (const numbers of [this.accounts, this.amounts, this.currencyScales, this.dimensions]) numbers.reserve(numbers.length + 4 * entries);
    // (And a list of dimensions per voucher: a claims journal's are nearly all distinct.)
    const lists = this.lists;
    for (const numbers of [lists.parents, lists.pieces, lists.widths, lists.byteLengths, lists.lasts, lists.used, this.usedNodes]) numbers.reserve(numbers.length + entries);
  }

  /**
   * The heading of the voucher of `transaction` with `attachments`, read from its metadata values
   * (HEADING_KEYS' places), as Heading.read makes it: its parts (see headingNumbers).
   */
  plainHeading(transaction: PlainTransaction, values: readonly (string | MetaValue | undefined)[], attachments: number): void {
    const phrases = this.phrases;
    const written = rawText(values[0]);
    const parsed = written === null ? null : parseVoucher(written);
    const preparerName = rawText(values[1]) ?? (rawText(values[2]) !== null ? rawText(values[3]) : null) ?? "";
    const first = transaction.firstPosting();
    const summary = first < 0 ? "" : summaryOf(transaction, transaction.postingMetaCountAt(first) === 0 ? null : rawText(transaction.rawMetaAt(first, "narration")));
    const date = transaction.date;
    const texts = phrases.texts;
    const numberId = parsed === null ? -1 : phrases.textId(voucherText(parsed.word, parsed.number));
    const number = numberId < 0 ? phrases.unnumbered : texts[numberId]!;
    const summaryId = summary === "" ? -1 : phrases.textId(summary);
    const counted = phrases.attachments(attachments);
    const preparerId = preparerName === "" ? -1 : phrases.preparerId(preparerName);
    const dateWidth = date === "" ? -1 : phrases.dateWidth(date);
    let width = dateWidth < 0 || number.width < 0 || !number.plain || counted.width < 0 || !counted.plain ? -1 : dateWidth + 4 + number.width + counted.width;
    if (summaryId >= 0) {
      const part = texts[summaryId]!;
      width = width < 0 || part.width < 0 || !part.plain ? -1 : width + 2 + part.width;
    }
    if (preparerId >= 0) {
      const part = texts[preparerId]!;
      width = width < 0 || part.width < 0 || !part.plain || part.blankEnd ? -1 : width + 2 + part.width;
    } else if (counted.blankEnd) width = -1;
    this.#headingParts(numberId, summaryId, preparerId, width);
  }

  /** The heading's parts of the voucher being read (the next endVoucher's), written at its index. */
  #headingParts(numberId: number, summaryId: number, preparerId: number, width: number): void {
    // (The arrays per voucher written at one index, grown together: see scaledLine.)
    const voucher = this.sources.length;
    if (voucher === this.sources.values.length) this.#growVouchers();
    this.headingNumbers.values[voucher] = numberId;
    this.headingSummaries.values[voucher] = summaryId;
    this.headingPreparers.values[voucher] = preparerId;
    this.headingWidths.values[voucher] = width;
    this.headingNumbers.length = this.headingSummaries.length = this.headingPreparers.length = this.headingWidths.length = voucher + 1;
  }

  /** Room for twice the vouchers in each of the vouchers' arrays. */
  #growVouchers(): void {
    for (const numbers of [this.sources, this.attachments, this.headingNumbers, this.headingSummaries, this.headingPreparers, this.headingWidths, this.ends]) numbers.reserve(2 * numbers.values.length);
  }

  get count(): number {
    return this.sources.length;
  }

  /** What the heading of voucher `voucher` is read from (see sources). */
  source(voucher: number): PlainTransaction | Voucher {
    const index = this.sources.values[voucher]!;
    return index >= 0 ? this.entries[index] as PlainTransaction : this.#otherSources[-1 - index]!;
  }

  /** The date of voucher `voucher`. */
  dateOf(voucher: number): string {
    return this.source(voucher).date;
  }

  /**
   * Whether the headings of vouchers `a` and `b`, both of plain parts (headingWidths not -1), are
   * the same text: their parts are the same (see Phrase's `plain`).
   */
  sameHeading(a: number, b: number): boolean {
    // (The parts compared at once, not one after another: a comparison reached only when those
    // before it are equal, rarely, would not have run when the drawing's code is optimized, and
    // reaching it then threw that code away. The date first: most vouchers share the last one's.)
    const summaries = this.headingSummaries.values;
    const numbers = this.headingNumbers.values;
    const attachments = this.attachments.values;
    const preparers = this.headingPreparers.values;
    return this.dateOf(a) === this.dateOf(b)
      && ((summaries[a]! ^ summaries[b]!) | (numbers[a]! ^ numbers[b]!) | (attachments[a]! ^ attachments[b]!) | (preparers[a]! ^ preparers[b]!)) === 0;
  }

  /** The text of the heading of voucher `voucher` (of parts: headingWidths not -1). */
  headingText(voucher: number): string {
    const texts = this.phrases.texts;
    const number = this.headingNumbers.values[voucher]!;
    const summary = this.headingSummaries.values[voucher]!;
    const preparer = this.headingPreparers.values[voucher]!;
    let text = `${this.dateOf(voucher)}  ${(number < 0 ? this.phrases.unnumbered : texts[number]!).text}`;
    if (summary >= 0) text += `  ${texts[summary]!.text}`;
    text += `  ${this.phrases.attachments(this.attachments.values[voucher]!).text}`;
    if (preparer >= 0) text += `  ${texts[preparer]!.text}`;
    return text;
  }

  /** The line of the heading of voucher `voucher` (of parts: headingWidths not -1), a line feed and a space, then its parts' bytes, into `out`. */
  writeHeading(out: ByteOutput, voucher: number): void {
    const texts = this.phrases.texts;
    const date = this.dateOf(voucher);
    const numberId = this.headingNumbers.values[voucher]!;
    const number = numberId < 0 ? this.phrases.unnumbered : texts[numberId]!;
    const summaryId = this.headingSummaries.values[voucher]!;
    const summary = summaryId < 0 ? null : texts[summaryId]!;
    const counted = this.phrases.attachments(this.attachments.values[voucher]!);
    const preparerId = this.headingPreparers.values[voucher]!;
    const preparer = preparerId < 0 ? null : texts[preparerId]!;
    const head = this.#headBytes(date, numberId, number);
    const tail = this.#tailBytes(this.attachments.values[voucher]!, counted, preparer);
    out.room(head.length + (summary === null ? 0 : 2 + summary.bytes.length) + tail.length);
    const buffer = out.buffer;
    let at = out.at;
    buffer.set(head, at);
    at += head.length;
    if (summary !== null) at = bytes(buffer, at, summary.bytes);
    buffer.set(tail, at);
    out.at = at + tail.length;
  }

  // A heading's line is written as three copies: its start (a line feed, a space, the date and
  // the number: the same for the vouchers of a day, most unnumbered), its summary, and its end (the
  // attachments and the preparer, some hundred distinct), each start and end made once. (Four
  // copies and the date byte by byte cost more: TypedArray.prototype.set is some 160
  // instructions a call, whatever its length.)
  #headDate = "";
  #headNumber = -2;
  #head: Buffer = Buffer.alloc(0);
  /** The end of the headings of no attachments and no preparer (those with a preparer: its Phrase's `tail`); any other count made each time. */
  #bareTail: Buffer | null = null;

  #headBytes(date: string, numberId: number, number: Phrase): Buffer {
    if (date !== this.#headDate || numberId !== this.#headNumber) {
      const dateBytes = Buffer.from(date);
      const head = Buffer.allocUnsafe(2 + dateBytes.length + 2 + number.bytes.length);
      head[0] = 10;
      head[1] = 32;
      head.set(dateBytes, 2);
      bytes(head, 2 + dateBytes.length, number.bytes);
      this.#head = head;
      this.#headDate = date;
      this.#headNumber = numberId;
    }
    return this.#head;
  }

  #tailBytes(attachments: number, counted: Phrase, preparer: Phrase | null): Buffer {
    if (attachments === 0) {
      const known = preparer === null ? this.#bareTail : preparer.tail;
      if (known !== null) return known;
    }
    const tail = Buffer.allocUnsafe(2 + counted.bytes.length + (preparer === null ? 0 : 2 + preparer.bytes.length));
    const end = bytes(tail, 0, counted.bytes);
    if (preparer !== null) bytes(tail, end, preparer.bytes);
    if (attachments === 0) {
      if (preparer === null) this.#bareTail = tail;
      else preparer.tail = tail;
    }
    return tail;
  }

  /** The index of a list of dimensions a line has. */
  use(node: number): number {
    const used = this.lists.used.values;
    if (used[node] === 0) {
      used[node] = 1;
      if (node > 0) this.usedNodes.push(node);
    }
    return node;
  }

  /** The list of dimensions of text `text` (of a voucher read through buildVouchers, or of other characters), a line's. */
  general(text: string): number {
    if (text === "") return 0;
    let node = this.#generalNodes.get(text);
    if (node === undefined) {
      node = this.lists.add(-1, -1, text, -1, -1, cellOf(text, false, this.strlen));
      this.#generalNodes.set(text, node);
    }
    return this.use(node);
  }

  get lineCount(): number {
    return this.accounts.length;
  }

  /** The index of `account`, its code and name read from `chart` the first time. */
  account(account: string, chart: ChartOfAccounts): number {
    let index = this.#accountIndex.get(account);
    if (index === undefined) {
      const book = chart.account(account);
      index = this.accountCode.length;
      this.accountCode.push(this.codeCells.indexOf(book.code ?? ""));
      this.accountName.push(this.nameCells.indexOf(book.name));
      this.#accountIndex.set(account, index);
    }
    return index;
  }

  #lastCurrency = "";
  #lastCurrencyIndex = -1;

  currency(currency: string): number {
    // (Most lines are in the currency of the line before.)
    if (currency === this.#lastCurrency) return this.#lastCurrencyIndex;
    let index = this.#currencyIndex.get(currency);
    if (index === undefined) {
      index = this.currencyNames.length;
      this.currencyNames.push(currency);
      this.currencyPlaces.push(0);
      for (let key = 0; key < 8; key++) this.#largest.push(0);
      this.#currencyCounts.push(this.#countsOf(currency));
      this.currencyCell.push(this.currencyCells.indexOf(currency));
      this.debits.push(new DecimalSum());
      this.credits.push(new DecimalSum());
      this.#net.push(new DecimalSum());
      this.#currencyIndex.set(currency, index);
    }
    this.#lastCurrency = currency;
    this.#lastCurrencyIndex = index;
    return index;
  }

  /** The current voucher's net in `currency`. */
  #sums(currency: number): DecimalSum {
    const touched = this.#touched;
    const count = this.#touchedCount;
    let index = 0;
    while (index < count && touched[index] !== currency) index++;
    if (index === count) {
      if (count < touched.length) touched[count] = currency;
      else touched.push(currency);
      this.#touchedCount = count + 1;
    }
    return this.#net[currency]!;
  }

  /** A line whose amount is `scaled` × 10^-scale (debit positive). */
  scaledLine(account: number, scaled: number, scale: number, currency: number, dimensions: number): void {
    // (The four arrays written at once, at the same line: they grow together.)
    const line = this.accounts.length;
    if (line === this.accounts.values.length) this.#growLines();
    this.accounts.values[line] = account;
    if ((scaled | 0) === scaled && scaled !== WIDE) this.amounts.values[line] = scaled;
    else {
      this.wideAmounts.set(line, scaled);
      this.amounts.values[line] = WIDE;
    }
    this.currencyScales.values[line] = currency * SCALE_SPAN + scale;
    this.dimensions.values[line] = dimensions;
    this.accounts.length = this.amounts.length = this.currencyScales.length = this.dimensions.length = line + 1;
    const net = this.#sums(currency);
    const largest = this.#largest;
    const key = 8 * currency + 2 * (scale < 3 ? scale : 3);
    if (scaled > 0) {
      this.debits[currency]!.addScaled(scaled, scale);
      if (scaled > largest[key]!) largest[key] = scaled;
    } else if (scaled < 0) {
      this.credits[currency]!.addScaled(-scaled, scale);
      if (-scaled > largest[key + 1]!) largest[key + 1] = -scaled;
    }
    net.addScaled(scaled, scale);
  }

  /** Room for twice the lines in each of the lines' arrays. */
  #growLines(): void {
    for (const numbers of [this.accounts, this.amounts, this.currencyScales, this.dimensions]) numbers.reserve(2 * numbers.values.length);
  }

  /** A posting's units of `scale` places in the currency `currency` (currencies' index), counted for scalesOf. */
  countScale(currency: number, scale: number): void {
    const counts = this.#currencyCounts[currency]!;
    counts[scale] = (counts[scale] ?? 0) + 1;
  }

  /** The counts by places of `currency` (see scalesOf). */
  #countsOf(currency: string): number[] {
    let counts = this.#scaleCounts.get(currency);
    if (counts === undefined) this.#scaleCounts.set(currency, (counts = []));
    return counts;
  }

  #count(currency: string, scale: number): void {
    const counts = this.#countsOf(currency);
    counts[scale] = (counts[scale] ?? 0) + 1;
  }

  /** Units as written, counted for scalesOf when they have a number and a currency. */
  countUnits(units: IncompleteAmount | null): void {
    if (units !== null && units.currency !== null && hasNumber(units)) this.#count(units.currency, units.scale);
  }

  /** What displayScales counts of `entry` (an entry the reading did not count itself), when counting. */
  countEntry(entry: LedgerEntry): void {
    if (!this.counting) return;
    if (entry instanceof PlainTransaction) {
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        if (Number.isNaN(entry.scaledAt(at))) this.countUnits(entry.unitsAt(at));
        else this.#count(entry.currencyAt(at), entry.scaleAt(at));
      }
    } else if (entry.type === "transaction") {
      for (const posting of entry.postings) this.countUnits(posting.units);
    } else if (entry.type === "balance") this.#count(entry.amount.currency, entry.amount.scale);
  }

  /**
   * The end of the reading: the usual places (counted, or as given), then the widest debit and
   * credit, and the texts of the amounts that are not scaled integers.
   */
  finish(): void {
    if (this.counting) this.scalesOf = commonestScales(this.#scaleCounts);
    const names = this.currencyNames;
    for (let currency = 0; currency < names.length; currency++) this.currencyPlaces[currency] = this.scalesOf.get(names[currency]!) ?? 0;
    // The widest amounts: at no more places than its commodity's, at most two, an amount's cell
    // is its integer part grouped, then the commodity's places, so no longer than that of a larger
    // amount at its scale: the largest of each side, currency and scale (kept while reading) is
    // measured. Any other amount is measured line by line.
    const largest = this.#largest;
    let others = false;
    for (let key = 0; key < largest.length; key++) {
      const magnitude = largest[key]!;
      if (magnitude === 0) continue;
      const scale = (key >> 1) % 4;
      const places = this.currencyPlaces[key >> 3]!;
      if (scale > 2 || scale > places || places > 2) {
        others = true;
        continue;
      }
      const width = amountCellWidth(magnitude, scale, places);
      if ((key & 1) === 0) {
        if (width > this.debitWidth) this.debitWidth = width;
      } else if (width > this.creditWidth) this.creditWidth = width;
    }
    const currencyScales = this.currencyScales.values;
    if (others) this.#measureOthers();
    for (const { line, debit, credit } of this.#decimals) {
      const name = names[currencyScales[line]! >> SCALE_BITS]!;
      const debitText = debit.isZero() ? "" : groupedNumber(tableAmount(amountText(debit, name, this.scalesOf)));
      const creditText = credit.isZero() ? "" : groupedNumber(tableAmount(amountText(credit, name, this.scalesOf)));
      if (debitText.length > this.debitWidth) this.debitWidth = debitText.length;
      if (creditText.length > this.creditWidth) this.creditWidth = creditText.length;
      this.decimalTexts.set(line, [debitText, creditText]);
    }
    this.#decimals.length = 0;
  }

  /**
   * Per currency, scale (0 to 2, 3: more) and side (debit, credit), at 8 × currency + 2 × scale +
   * side, the largest magnitude of a line's scaled amount (0: none).
   */
  readonly #largest: number[] = [];

  /** The widths of the amounts finish does not measure by #largest, each measured (see finish). */
  #measureOthers(): void {
    const amounts = this.amounts.values;
    const currencyScales = this.currencyScales.values;
    const count = this.accounts.length;
    for (let line = 0; line < count; line++) {
      const scaled = amountAt(amounts, line, this.wideAmounts);
      if (scaled === 0 || Number.isNaN(scaled)) continue;
      const scale = currencyScales[line]! & SCALE_MASK;
      const places = this.currencyPlaces[currencyScales[line]! >> SCALE_BITS]!;
      if (scale <= places && places <= 2) continue;
      const width = amountCellWidth(Math.abs(scaled), scale, places);
      if (scaled > 0) {
        if (width > this.debitWidth) this.debitWidth = width;
      } else if (width > this.creditWidth) this.creditWidth = width;
    }
  }

  /** A line of a Decimal debit and credit (one of them zero, or both). */
  decimalLine(account: number, debit: Decimal, credit: Decimal, currency: number, dimensions: number): void {
    const line = this.accounts.length;
    this.accounts.push(account);
    this.wideAmounts.set(this.amounts.length, Number.NaN);
    this.amounts.push(WIDE);
    this.currencyScales.push(currency * SCALE_SPAN);
    this.dimensions.push(dimensions);
    const net = this.#sums(currency);
    if (!debit.isZero()) {
      this.debits[currency]!.addDecimal(debit);
      net.addDecimal(debit);
    }
    if (!credit.isZero()) {
      this.credits[currency]!.addDecimal(credit);
      net.addDecimal(credit.neg());
    }
    this.#decimals.push({ line, debit, credit });
  }

  /**
   * The end of a voucher (its lines given since the last one's), its heading read from `source`: an
   * index into `entries`, or a voucher read through buildVouchers.
   */
  endVoucher(source: number | Voucher, attachments: number): void {
    // (A voucher read through buildVouchers: its heading drawn through Heading.)
    const voucher = this.sources.length;
    if (this.headingWidths.length < voucher + 1) this.#headingParts(-1, -1, -1, -1);
    let index: number;
    if (typeof source === "number") index = source;
    else {
      index = -1 - this.#otherSources.length;
      this.#otherSources.push(source);
    }
    this.sources.values[voucher] = index;
    this.attachments.values[voucher] = attachments;
    this.ends.values[voucher] = this.accounts.length;
    this.sources.length = this.attachments.length = this.ends.length = voucher + 1;
    let balanced = true;
    // (An index loop over the first #touchedCount: for-of and setting the length cost more.)
    const touched = this.#touched;
    for (let index = 0; index < this.#touchedCount; index++) {
      const net = this.#net[touched[index]!]!;
      if (!net.isZero()) balanced = false;
      net.reset();
    }
    this.#touchedCount = 0;
    if (!balanced) this.unbalanced++;
  }
}

/**
 * The vouchers buildVouchers(source, range) makes, read into `into` (see VoucherLines): a compact
 * transaction booked as its postings in place, as buildVouchers reads it; any other through
 * buildVouchers itself.
 */
export function readVoucherLines(source: VoucherSource, range: { readonly begin: string | null; readonly end: string | null }, into: VoucherLines): void {
  const lang = into.lang;
  const codes = source.dimensionCodes;
  const kindNames = DIMENSION_KINDS.map((kind) => (lang === "en" ? kind : DIMENSION_NAMES_ZH[kind]));
  // Each dimension (`employee:王伟`) made and measured once, by its kind's index, then by its name;
  // each list of them a path from its first piece (DimensionNode: made again when it comes back
  // after others). (A claims journal's lists are mostly distinct, each claimant with each
  // customer: the list's text, measure and bytes are made from its pieces', without a key made and
  // looked up for each.)
  const pieceIds = DIMENSION_KINDS.map(() => new Map<string, number>());
  const pieces: Piece[] = [];
  // (A piece is made in a function of its own: made some hundred times, looked up some hundred
  // thousand, and the look-up's optimized code is then not made with the making inlined.)
  const newPiece = (kindIndex: number, name: string): number => {
    const code = codes.get(DIMENSION_KINDS[kindIndex]!)?.get(name)?.code ?? null;
    const text = `${kindNames[kindIndex]}:${code === null ? "" : `${code} `}${name}`;
    const id = pieces.length;
    pieces.push(new Piece(text, tableSimpleWidth(text), BLANK_END.test(text), Buffer.from(text)));
    pieceIds[kindIndex]!.set(name, id);
    firstNodes.push(0);
    return id;
  };
  const pieceOf = (kindIndex: number, name: string): number => pieceIds[kindIndex]!.get(name) ?? newPiece(kindIndex, name);
  const lists = into.lists;
  /**
   * The lists of one piece, by the piece's index (0: none yet). (Numbers, not an array with holes
   * written at each new piece: its changes of kind threw away the optimized code that read it.)
   */
  const firstNodes = int32s(256);
  into.dimensionPieces = pieces;
  /** The transaction's own dimensions (by DIMENSION_KINDS), read from its metadata at once: the first line of each key. */
  const names: (string | null)[] = KEYS.map(() => null);
  const found: boolean[] = KEYS.map(() => false);
  /** And what its heading reads (HEADING_KEYS' places): the first line of each key. */
  const headingValues: (string | MetaValue | undefined)[] = [undefined, undefined, undefined, undefined];
  const lastKeys: string[] = [];
  const lastPlaces: number[] = [];
  const readNames = (transaction: PlainTransaction): void => {
    for (let index = 0; index < KEYS.length; index++) {
      names[index] = null;
      found[index] = false;
    }
    headingValues[0] = headingValues[1] = headingValues[2] = headingValues[3] = undefined;
    const count = transaction.metaCount;
    for (let line = 0; line < count; line++) {
      // (Transactions mostly write the same keys in the same order: the key at this line last time,
      // and its places, are kept, and looked up in META_PLACES only when another.)
      const key = transaction.metaKeyAt(line);
      let places: number;
      if (line < lastKeys.length && lastKeys[line] === key) places = lastPlaces[line]!;
      else {
        places = META_PLACES.get(key) ?? 0;
        lastKeys[line] = key;
        lastPlaces[line] = places;
      }
      if (places === 0) continue;
      const index = (places & 15) - 1;
      if (index >= 0 && !found[index]!) {
        found[index] = true;
        names[index] = dimensionName(transaction.rawMetaValueAt(line));
      }
      const place = (places >> 4) - 1;
      if (place >= 0 && headingValues[place] === undefined) headingValues[place] = transaction.rawMetaValueAt(line);
    }
  };
  /** The dimensions' cell of a compact transaction's posting at `at` (-1: the transaction's own), its own names read over the transaction's (readNames). */
  const plainDimensions = (transaction: PlainTransaction, at: number): number => {
    let node = 0;
    for (let index = 0; index < KEYS.length; index++) {
      const name = (at < 0 ? null : dimensionName(transaction.rawMetaAt(at, KEYS[index]!))) ?? names[index]!;
      if (name === null) continue;
      const id = pieceOf(index, name);
      let next = node === 0 ? firstNodes.values[id]! : lists.lasts.values[node]!;
      if (next === 0 || lists.pieces.values[next] !== id) {
        const piece = pieces[id]!;
        const nodeWidth = lists.widths.values[node]!;
        const width = nodeWidth < 0 || piece.width < 0 ? -1 : node === 0 ? piece.width : nodeWidth + 2 + piece.width;
        const byteLength = node === 0 ? piece.bytes.length : lists.byteLengths.values[node]! + 2 + piece.bytes.length;
        next = lists.add(node, id, null, width, byteLength, null);
        if (node === 0) firstNodes.values[id] = next;
        else lists.lasts.values[node] = next;
      }
      node = next;
    }
    // (A list of other characters is prepared as the sheet's table prepares it.)
    if (lists.widths.values[node]! < 0 && !lists.generals.has(node)) lists.generals.set(node, cellOf(nodeText(lists, node, pieces), false, into.strlen));
    return into.use(node);
  };
  const chart = source.chart;
  const entries = source.entries;
  const begin = range.begin;
  const end = range.end;
  into.entries = entries;
  into.reserve(entries.length);
  // Any entry but a compact transaction, or a compact transaction not booked as its postings: its
  // voucher as buildVouchers makes it (the word is not shown: a number written has its own).
  // Whether the range ends before it. (A function of its own: the many kinds of entries read
  // here would make the loop below throw away its optimized code at each kind it had not seen.)
  const other = (entry: LedgerEntry): boolean => {
    if (end !== null && entry.date >= end) return true;
    into.countEntry(entry);
    if (!isBooksTransaction(entry) || (begin !== null && entry.date < begin)) return false;
    const voucher = buildVouchers({ ...source, entries: [entry] }, { begin: null, end: null })[0]!;
    readVoucher(voucher, into, chart);
    return false;
  };
  const counting = into.counting;
  // A compact transaction in the range, booked as its postings: its lines and heading. (A
  // function of its own: V8 optimizes it once, with what it calls, and the loop over the entries
  // stays small, instead of compiling this body again into the loop's code.)
  const readPlain = (transaction: PlainTransaction, entryIndex: number): void => {
    let attachments = 0;
    let transactionDimensions = -1;
    readNames(transaction);
    for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) {
      // (Most postings have no metadata: nothing of their own to look up.)
      const own = transaction.postingMetaCountAt(at) > 0;
      if (own && (rawText(transaction.rawMetaAt(at, "invoice")) !== null || rawText(transaction.rawMetaAt(at, "receipt")) !== null)) attachments++;
      const account = transaction.accountAt(at);
      const accountIndex = into.account(account, chart);
      let dimensions: number;
      if (own && hasOwnDimensions(transaction, at)) dimensions = plainDimensions(transaction, at);
      else dimensions = transactionDimensions < 0 ? (transactionDimensions = plainDimensions(transaction, -1)) : transactionDimensions;
      const scaled = transaction.bookedScaledAt(at);
      const currency = into.currency(transaction.bookedCurrencyAt(at));
      if (Number.isNaN(scaled)) {
        const amount = transaction.bookedUnitsAt(at).number;
        into.decimalLine(accountIndex, amount.isPositive() && !amount.isZero() ? amount : ZERO, amount.isNegative() && !amount.isZero() ? amount.neg() : ZERO, currency, dimensions);
        // (The units as written, counted as displayScales counts them.)
        if (counting && !transaction.isAutoAt(at)) into.countUnits(transaction.unitsAt(at));
      } else {
        const scale = transaction.bookedScaleAt(at);
        into.scaledLine(accountIndex, scaled, scale, currency, dimensions);
        // (Units written as a scaled integer are those booked; a posting written without units is not counted.)
        if (counting && !transaction.isAutoAt(at)) into.countScale(currency, scale);
      }
    }
    into.plainHeading(transaction, headingValues, attachments);
    into.endVoucher(entryIndex, attachments);
  };
  // The compact transactions booked as their postings from `from` on, up to the first other entry
  // (its index) or the end of the range (-1 - its index). (A loop of its own, over compact
  // transactions only: the loop below, which also meets the other entries, runs a few hundred
  // times and is not optimized. The journal's first balance entry, met mid-way by one loop over
  // every entry, threw away that loop's optimized code, compiled again.)
  const readRun = (from: number): number => {
    let at = from;
    for (; at < entries.length; at++) {
      const entry = entries[at]!;
      if (!(entry instanceof PlainTransaction) || !entry.bookedAsPostings) return at;
      const date = entry.date;
      if (end !== null && date >= end) return -1 - at;
      if ((begin !== null && date < begin) || isPendingClaim(entry)) into.countEntry(entry);
      else readPlain(entry, at);
    }
    return at;
  };
  let index = 0;
  while (index < entries.length) {
    const entry = entries[index]!;
    if (!(entry instanceof PlainTransaction) || !entry.bookedAsPostings) {
      if (other(entry)) break;
      index++;
      continue;
    }
    index = readRun(index);
    if (index < 0) {
      index = -1 - index;
      break;
    }
  }
  // (What the range leaves out is counted too: displayScales reads every entry.)
  if (counting) for (; index < entries.length; index++) into.countEntry(entries[index]!);
  into.finish();
}

/** The side of a line that is not its amount's. */
const ZERO = new Decimal(0);

function readVoucher(voucher: Voucher, into: VoucherLines, chart: ChartOfAccounts): void {
  const lang = into.lang;
  for (const line of voucher.lines) {
    const account = into.account(line.account, chart);
    const currency = into.currency(line.currency);
    const dimensions = into.general(dimensionsText(line.dimensions, lang));
    const scaled = line.scaledAmount;
    if (scaled !== undefined) into.scaledLine(account, scaled, line.amountScale!, currency, dimensions);
    else into.decimalLine(account, line.debit, line.credit, currency, dimensions);
  }
  into.endVoucher(voucher, voucher.attachments);
}

/** vouchers.ts's dimensionsCell in one language ("" for none). */
function dimensionsText(dimensions: readonly DimensionValue[], lang: Lang): string {
  let text = "";
  for (const value of dimensions) {
    const piece = `${lang === "en" ? value.kind : DIMENSION_NAMES_ZH[value.kind]}:${value.code === null ? "" : `${value.code} `}${value.name}`;
    text = text === "" ? piece : `${text}; ${piece}`;
  }
  return text;
}

/** lineSummary, given the posting's own `narration`. */
function summaryOf(transaction: PlainTransaction, own: string | null): string {
  if (own !== null && own.trim() !== "") return own;
  return transaction.narration !== "" ? transaction.narration : transaction.payee ?? "";
}

/** Whether the posting at `at` has metadata for a dimension of its own. */
function hasOwnDimensions(transaction: PlainTransaction, at: number): boolean {
  for (let index = 0; index < KEYS.length; index++) if (transaction.rawMetaAt(at, KEYS[index]!) !== undefined) return true;
  return false;
}

/**
 * A part of a heading (number, summary, attachments, preparer): its text, simpleWidth, UTF-8,
 * whether it ends in white space, and whether it is plain: without two spaces in a row and not
 * starting or ending with a space. (The parts are two spaces apart: two headings of plain parts
 * are the same text only when their parts are the same texts.)
 */
class Phrase {
  /** A preparer's phrase: the end of a heading of no attachments with it, once made (VoucherLines.writeHeading). */
  tail: Buffer | null = null;

  constructor(
    readonly text: string,
    readonly width: number,
    readonly bytes: Buffer,
    readonly blankEnd: boolean,
    readonly plain: boolean,
  ) {}
}

/** (A Phrase made by a class, not as an object literal: see Piece.) */
function phraseOf(text: string): Phrase {
  const plain = !text.includes("  ") && !text.startsWith(" ") && !text.endsWith(" ");
  return new Phrase(text, simpleWidth(text), Buffer.from(text), BLANK_END.test(text), plain);
}

/** The phrases and parts of one language's headings, each made once. */
class HeadingPhrases {
  readonly unnumbered: Phrase;
  readonly #counts: Phrase[] = [];
  /** The numbers, summaries and preparers' phrases of the headings (VoucherLines.headingNumbers), by their texts' and the preparers' names. */
  readonly texts: Phrase[] = [];
  readonly #textIds = new Map<string, number>();
  readonly #preparerIds = new Map<string, number>();

  constructor(readonly lang: Lang) {
    this.unnumbered = phraseOf(phrase("vouchers unnumbered", {})[lang]);
  }

  attachments(count: number): Phrase {
    return (this.#counts[count] ??= phraseOf(phrase("vouchers attachments", { count })[this.lang]));
  }

  /** The index in `texts` of the part `text`. */
  textId(text: string): number {
    let id = this.#textIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(phraseOf(text));
      this.#textIds.set(text, id);
    }
    return id;
  }

  /** The index in `texts` of the phrase of the preparer `name`. */
  preparerId(name: string): number {
    let id = this.#preparerIds.get(name);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(phraseOf(phrase("vouchers prepared by", { name })[this.lang]));
      this.#preparerIds.set(name, id);
    }
    return id;
  }

  preparedBy(name: string): Phrase {
    return this.texts[this.preparerId(name)]!;
  }

  #lastDate = "";
  #lastDateWidth = 0;

  /** simpleWidth of a date (most vouchers share the last one's). */
  dateWidth(date: string): number {
    if (date !== this.#lastDate) {
      this.#lastDate = date;
      this.#lastDateWidth = simpleWidth(date);
    }
    return this.#lastDateWidth;
  }
}

/** The places of the metadata a heading reads from a transaction (Heading.read): the first line of each key. */
const HEADING_KEYS = new Map<string, number>([[VOUCHER_KEY, 0], ["prepared-by", 1], ["claim", 2], ["claimant", 3]]);

/** The places a transaction's metadata key has: its KEY_INDEX plus one in the low four bits, its HEADING_KEYS place plus one above them. */
const META_PLACES = new Map<string, number>();
for (const [key, index] of KEY_INDEX) META_PLACES.set(key, index + 1);
for (const [key, place] of HEADING_KEYS) META_PLACES.set(key, (META_PLACES.get(key) ?? 0) | ((place + 1) << 4));

/**
 * A voucher's heading as vouchers.ts's headingMaker makes it in one language (date, number,
 * summary, attachments, preparer, two spaces apart, the empty ones left out), kept as its parts:
 * a heading is compared with the last, and most are written as their parts' bytes.
 */
class Heading {
  date = "";
  number: Phrase | string = "";
  summary = "";
  attachments: Phrase | null = null;
  preparer: Phrase | null = null;
  /** The text's simpleWidth (-1: not simple). */
  width = 0;
  /** The text's length. */
  length = 0;
  /** The parts that are not empty, in order: the first `#count` (a fixed array, refilled for each voucher). */
  readonly #parts: string[] = ["", "", "", "", ""];
  #count = 0;
  /** The metadata values read (HEADING_KEYS' places). */
  readonly #values: (string | MetaValue | undefined)[] = [undefined, undefined, undefined, undefined];

  /** The heading of a voucher read from `source` with `attachments` (see VoucherLines.sources). */
  read(source: PlainTransaction | Voucher, attachments: number, phrases: HeadingPhrases): void {
    let number: string | null;
    let preparer: string;
    if (source instanceof PlainTransaction) {
      // The transaction's metadata read once: the first line of each key, as rawMeta finds it.
      const values = this.#values;
      values[0] = values[1] = values[2] = values[3] = undefined;
      const count = source.metaCount;
      for (let line = 0; line < count; line++) {
        const place = HEADING_KEYS.get(source.metaKeyAt(line));
        if (place !== undefined && values[place] === undefined) values[place] = source.rawMetaValueAt(line);
      }
      const written = rawText(values[0]);
      const parsed = written === null ? null : parseVoucher(written);
      number = parsed === null ? null : voucherText(parsed.word, parsed.number);
      preparer = rawText(values[1]) ?? (rawText(values[2]) !== null ? rawText(values[3]) : null) ?? "";
      const first = source.firstPosting();
      this.summary = first < 0 ? "" : summaryOf(source, source.postingMetaCountAt(first) === 0 ? null : rawText(source.rawMetaAt(first, "narration")));
    } else {
      number = source.number === null ? null : voucherText(source.word, source.number);
      preparer = source.preparer;
      this.summary = source.lines[0]?.summary ?? "";
    }
    this.date = source.date;
    this.number = number ?? phrases.unnumbered;
    this.attachments = phrases.attachments(attachments);
    this.preparer = preparer === "" ? null : phrases.preparedBy(preparer);
    this.#count = 0;
    this.width = 0;
    this.length = 0;
    this.#add(this.date, phrases.dateWidth(this.date));
    if (typeof this.number === "string") this.#add(this.number, simpleWidth(this.number));
    else this.#add(this.number.text, this.number.width);
    this.#add(this.summary, simpleWidth(this.summary));
    this.#add(this.attachments.text, this.attachments.width);
    if (this.preparer !== null) this.#add(this.preparer.text, this.preparer.width);
  }

  #add(text: string, textWidth: number): void {
    if (text === "") return;
    const more = this.#count > 0 ? 2 : 0;
    this.width = this.width < 0 || textWidth < 0 ? -1 : this.width + textWidth + more;
    this.length += text.length + more;
    this.#parts[this.#count++] = text;
  }

  /** The heading's text. */
  text(): string {
    return this.#parts.slice(0, this.#count).join("  ");
  }

  /**
   * Its line (a line feed, a space, the text) written as its parts' bytes into `out`, when its
   * text is of simple characters, at most `width` wide, and not ending in white space (nothing
   * then to escape, cut or trim); false when not.
   */
  writeTo(out: ByteOutput, width: number): boolean {
    const last = this.preparer ?? this.attachments!;
    if (this.width < 0 || this.width > width || last.blankEnd || this.date === "") return false;
    out.room(2 + 3 * this.length);
    const buffer = out.buffer;
    let at = out.at;
    buffer[at++] = 10;
    buffer[at++] = 32;
    at = ascii(buffer, at, this.date);
    if (typeof this.number === "string") {
      buffer[at++] = 32;
      buffer[at++] = 32;
      at += buffer.write(this.number, at, "utf8");
    } else at = bytes(buffer, at, this.number.bytes);
    if (this.summary !== "") {
      buffer[at++] = 32;
      buffer[at++] = 32;
      at += buffer.write(this.summary, at, "utf8");
    }
    at = bytes(buffer, at, this.attachments!.bytes);
    if (this.preparer !== null) at = bytes(buffer, at, this.preparer.bytes);
    out.at = at;
    return true;
  }
}

/** `text` as bytes into `buffer` at `at` (its characters one byte each when ASCII, else UTF-8); where it ends. */
function ascii(buffer: Buffer, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return at - index + buffer.write(text, at - index, "utf8");
    buffer[at++] = code;
  }
  return at;
}

/** Two spaces, then `part`, into `buffer` at `at`; where it ends. */
function bytes(buffer: Buffer, at: number, part: Buffer): number {
  buffer[at++] = 32;
  buffer[at++] = 32;
  buffer.set(part, at);
  return at + part.length;
}

// ---------------------------------------------------------------- drawing

/** A line's account's cells and the spaces after them for one side (see drawFast), where its amount ends, and whether it is drawn as a text (drawLine). */
interface Template {
  readonly bytes: Buffer;
  readonly amountEnd: number;
  readonly blank: boolean;
}

/** Texts in UTF-8, each distinct one encoded once (many cells share a cut text). */
const ENCODED = new Map<string, Buffer>();

function encoded(text: string): Buffer {
  let bytes = ENCODED.get(text);
  if (bytes === undefined) {
    bytes = Buffer.from(text);
    if (ENCODED.size < 200_000) ENCODED.set(text, bytes);
  }
  return bytes;
}

/** amountCell(...).length, without making the text. */
export function amountCellWidth(scaled: number, scale: number, commodityPlaces: number): number {
  const length = amountShape(scaled, scale, commodityPlaces);
  return length >= 0 ? length : amountCell(scaled, scale, commodityPlaces).length;
}

/** writeShapedAmount's text (for tests). */
export function shapedAmountText(scaled: number, scale: number, commodityPlaces: number): string | null {
  const length = amountShape(scaled, scale, commodityPlaces);
  if (length < 0) return null;
  const buffer = Buffer.alloc(length);
  writeShapedAmount(buffer, 0, length);
  return buffer.toString("latin1");
}

/**
 * The size of the table's first buffer: given out after a few lines, before V8 optimizes the
 * drawing, which then knows that path instead of throwing its code away at the first flush.
 */
const FIRST_WRITE = 1 << 12;

/** The columns of the table (a line's cells, in this order; the currency only when several). */
const CODE = 0;
const NAME = 1;
const DEBIT = 2;
const CREDIT = 3;
const CURRENCY = 4;
const DIMENSIONS = 5;

/**
 * writeSheetTableFrom's text of vouchersTable and vouchersRows for the vouchers `lines` holds,
 * without colour (`style.color` is not read), given to `give` in pieces of UTF-8: a piece's bytes
 * are filled again after `give` returns true (it is done with them), never when it does not.
 */
export function writeVouchersTable(
  lines: VoucherLines, range: { readonly begin: string | null; readonly end: string | null }, firstCurrency: string, scales: DisplayScales, style: SheetStyle,
  give: (bytes: Buffer) => boolean | void, strlen: (text: string) => number,
): void {
  const out = new ByteOutput(give, FIRST_WRITE);
  const write = (text: string): void => { out.text(text); };
  const lang = style.lang;
  const totals = lines.currencyNames.map((currency, index) => ({ currency, debit: lines.debits[index]!.value, credit: lines.credits[index]!.value }));
  const sheet = vouchersTableOf(range, lines.count, orderedTotals(totals, firstCurrency), lines.unbalanced, scales);
  write(`${captionText(sheet, style)}\n\n`);
  const several = sheet.totals.length > 1;
  const kinds = several ? [CODE, NAME, DEBIT, CREDIT, CURRENCY, DIMENSIONS] : [CODE, NAME, DEBIT, CREDIT, DIMENSIONS];
  const keys = ["code", "name", "debit", "credit", "currency", "dimensions"];
  const byKey = new Map(sheet.columns.map((column) => [column.key, column]));
  const columns: Column[] = kinds.map((kind) => {
    const column = byKey.get(keys[kind]!)!;
    return { header: terminalText(column.header[lang]), align: column.kind === "text" ? "left" : "right", shrink: column.shrink, repeat: column.label };
  });
  const right = columns.map((column) => column.align === "right");
  const widths = columns.map((column) => displayWidth(column.header));
  const drawnWidths = columns.map(() => 0);
  const cellsOf: (Cells | null)[] = kinds.map((kind) => (kind === CODE ? lines.codeCells : kind === NAME ? lines.nameCells : kind === CURRENCY ? lines.currencyCells : null));
  // The body's widths: each distinct text's, and the widest amounts.
  kinds.forEach((kind, index) => {
    const cells = cellsOf[index];
    if (kind === DIMENSIONS) {
      const lists = lines.lists;
      const used = lines.usedNodes.values;
      for (let n = 0; n < lines.usedNodes.length; n++) {
        const node = used[n]!;
        const general = lists.general(node);
        const width = general === null ? lists.widths.values[node]! : general.width;
        const drawn = general === null ? lists.widths.values[node]! : general.drawn;
        if (width > widths[index]!) widths[index] = width;
        if (drawn > drawnWidths[index]!) drawnWidths[index] = drawn;
      }
      return;
    }
    if (cells === null) {
      const width = kind === DEBIT ? lines.debitWidth : lines.creditWidth;
      widths[index] = Math.max(widths[index]!, width);
      drawnWidths[index] = width;
      return;
    }
    // (Only the texts some line shows: the empty cell counts for nothing.)
    for (const cell of cells.list) {
      if (cell.width > widths[index]!) widths[index] = cell.width;
      if (cell.drawn > drawnWidths[index]!) drawnWidths[index] = cell.drawn;
    }
  });
  // The footer's rows, as the sheet's totals are prepared.
  const footHeadings: (string | null)[] = [];
  const footCells: Cell[][] = [];
  {
    let current: string | null = null;
    for (const row of sheet.totals) {
      const headingText = cellString(row, "heading", lang);
      if (headingText !== current) footHeadings.push(terminalText(headingText));
      else footHeadings.push(null);
      current = headingText;
      const cells = kinds.map((kind, index) => {
        const key = keys[kind]!;
        let given = cellString(row, key, lang);
        if (kind === DEBIT || kind === CREDIT) given = tableAmount(given);
        return cellOf(given, right[index]!, strlen);
      });
      cells.forEach((cell, index) => {
        if (cell.width > widths[index]!) widths[index] = cell.width;
        if (cell.drawn > drawnWidths[index]!) drawnWidths[index] = cell.drawn;
      });
      footCells.push(cells);
    }
  }

  const { compact, cutAt, parts } = fitColumns(columns, widths, style.width ?? Number.POSITIVE_INFINITY);
  lines.lists.showAll();
  cutAt.forEach((shrink, index) => {
    if (shrink === undefined) return;
    drawnWidths[index] = 0;
    const cutOf = (cell: Cell) => {
      cell.cut = cutText(cell.text, widths[index]!, shrink);
      cell.cutDrawn = strlen(cell.cut);
      cell.cutBytes = null;
      if (cell.cutDrawn > drawnWidths[index]!) drawnWidths[index] = cell.cutDrawn;
    };
    const cells = cellsOf[index];
    // (The body's amounts are never cut: only text columns shrink.)
    if (cells !== null) cells.list.forEach((cell, at) => { if (at > 0) cutOf(cell); });
    if (kinds[index] === DIMENSIONS) {
      // A simple list's cut shared with the lists that start alike; any other cut as cutText cuts it.
      const lists = lines.lists;
      const used = lines.usedNodes.values;
      for (let n = 0; n < lines.usedNodes.length; n++) {
        const node = used[n]!;
        const general = lists.general(node);
        let shown: SharedCut;
        if (general === null && shrink === "end") shown = nodeCut(lists, node, lines.dimensionPieces, widths[index]!);
        else {
          const cell = general ?? cellOf(nodeText(lists, node, lines.dimensionPieces), false, strlen);
          cutOf(cell);
          shown = shownCell(cell.cut, cell.cutDrawn, cell.blankEnd);
        }
        lists.shown[node] = shown;
        if (shown.drawn > drawnWidths[index]!) drawnWidths[index] = shown.drawn;
      }
    }
    for (const row of footCells) cutOf(row[index] = { ...row[index]! });
  });
  // The lists of dimensions shown whole when their column is not cut: a simple one drawn from its
  // pieces (shown null: writeNode).
  lines.lists.shown[0] = EMPTY;
  if (cutAt[kinds.indexOf(DIMENSIONS)] === undefined) {
    const used = lines.usedNodes.values;
    for (let n = 0; n < lines.usedNodes.length; n++) lines.lists.shown[used[n]!] = lines.lists.general(used[n]!);
  }
  const gap = compact ? 0 : GAP;
  const between = compact ? " " : "   ";
  const startsWithHeading = lines.lineCount > 0;
  const phrases = lines.phrases;
  const hasRows = lines.lineCount > 0 || footCells.length > 0;

  parts.forEach((part, partIndex) => {
    if (partIndex > 0) write("\n\n");
    const head = part.map((index) => columns[index]!.header);
    const colWidths = head.map((text, n) => Math.max(1, strlen(text) + PADDING, drawnWidths[part[n]!]! + PADDING));
    const headingWidth = Math.max(1, tableWidth(part.map((index) => widths[index]!), gap) - PADDING);
    const headingLine = (heading: string): string => {
      const line = " " + cutText(heading, headingWidth, "end");
      return BLANK_END.test(line) ? line.trimEnd() : line;
    };
    let text = headLine(head, colWidths, part.map((index) => right[index]!), between, strlen);
    if (hasRows) {
      const rule = colWidths.map((width) => "─".repeat(width)).join(compact ? "" : "─").trimEnd();
      text += "\n" + (startsWithHeading ? rule.slice(0, Math.max(0, rule.length - (part.length - 1))) : rule);
    }
    out.text(text);
    // A line is made of its cells as lineWriter would pad them, trimmed at its end: each cell's
    // text after the spaces pending before it (the padding after the last cell, and the gap,
    // and those of empty cells), the spaces after the last text left out.
    const content = colWidths.map((width) => width - PADDING);
    const separator = part.map((_, n) => (n === 0 ? 1 : between.length));
    const cut = part.map((index) => cutAt[index] !== undefined);
    const partKinds = part.map((index) => kinds[index]!);
    const partRight = part.map((index) => right[index]!);
    const partCells = part.map((index) => cellsOf[index]);
    let line = "";
    let pending = 0;
    let blank = false;
    const addCell = (n: number, cell: Cell): void => {
      const shown = cut[n] ? cell.cut : cell.text;
      if (shown === "") {
        pending += separator[n]! + content[n]! + 1;
        return;
      }
      const drawn = cut[n] ? cell.cutDrawn : cell.drawn;
      if (partRight[n]) {
        line += spacesOf(pending + separator[n]! + content[n]! - drawn) + shown;
        pending = 1;
      } else {
        line += spacesOf(pending + separator[n]!) + shown;
        pending = content[n]! - drawn + 1;
      }
      blank = cell.blankEnd;
    };
    const addAmount = (n: number, amount: string): void => {
      if (amount === "") pending += separator[n]! + content[n]! + 1;
      else {
        line += spacesOf(pending + separator[n]! + content[n]! - amount.length) + amount;
        pending = 1;
        blank = false;
      }
    };
    /** The line made so far, trimmed at its end. */
    const finished = (): string => (blank ? line.trimEnd() : line);
    // The cells a line's account decides (its code and name, when the part starts with them): drawn once per account.
    let leading = 0;
    while (leading < partKinds.length && (partKinds[leading] === CODE || partKinds[leading] === NAME)) leading++;
    const prefixes: ({ line: string; bytes: Buffer; pending: number; blank: boolean } | undefined)[] = [];
    const prefixOf = (account: number) => {
      line = "";
      pending = 0;
      blank = false;
      for (let n = 0; n < leading; n++) addCell(n, partCells[n]!.list[partKinds[n] === CODE ? lines.accountCode[account]! : lines.accountName[account]!]!);
      return (prefixes[account] = { line, bytes: Buffer.from(line), pending, blank });
    };
    /** Each cell's text as drawn in this part (cut or not), in UTF-8. */
    const bytesOf = (n: number, cell: Cell): Buffer => (cut[n] ? (cell.cutBytes ??= encoded(cell.cut)) : (cell.bytes ??= encoded(cell.text)));
    const partWidth = colWidths.reduce((sum, width) => sum + width + 3, 0);
    // The body: a heading above a voucher's lines when it differs from the last one drawn.
    const ends = lines.ends.values;
    const attachmentCounts = lines.attachments.values;
    const accounts = lines.accounts.values;
    const amounts = lines.amounts.values;
    const wideAmounts = lines.wideAmounts;
    const currencyScales = lines.currencyScales.values;
    const dimensionIndexes = lines.dimensions.values;
    const currencyPlaces = lines.currencyPlaces;
    const currencyCell = lines.currencyCell;
    const lists = lines.lists;
    const nodeShown = lists.shown;
    const nodePieces = lists.pieces.values;
    const nodeWidths = lists.widths.values;
    const nodeByteLengths = lists.byteLengths.values;
    const currencyList = lines.currencyCells.list;
    const pieces = lines.dimensionPieces;
    /** What the table shows of a list of dimensions, as a cell (made for a simple list shown whole when a line made as a text asks for it). */
    const nodeCell = (node: number): Cell => (nodeShown[node] ??= shownCell(nodeText(lists, node, pieces), nodeWidths[node]!, pieces[nodePieces[node]!]!.blankEnd));
    const cellAt = (kind: number, n: number, at: number, account: number): Cell => (
      kind === DIMENSIONS ? nodeCell(dimensionIndexes[at]!)
        : kind === CURRENCY ? currencyList[currencyCell[currencyScales[at]! >> SCALE_BITS]!]!
          : partCells[n]!.list[kind === CODE ? lines.accountCode[account]! : lines.accountName[account]!]!
    );
    /** The line of the row at `at`, into `out`. (A function of its own: V8 optimizes it as one.) */
    const drawLine = (at: number): void => {
      const account = accounts[at]!;
      const prefix = prefixes[account] ?? prefixOf(account);
      // The cells of the line that are texts: none may end in white space (the line is then
      // made as a text, and trimmed as one).
      let texts = prefix.blank;
      let room = 2 + prefix.bytes.length + partWidth;
      for (let n = leading; n < partKinds.length; n++) {
        const kind = partKinds[n]!;
        if (kind === DEBIT || kind === CREDIT) continue;
        if (kind === DIMENSIONS) {
          const node = dimensionIndexes[at]!;
          if (nodeShown[node] === null) {
            if (pieces[nodePieces[node]!]!.blankEnd) texts = true;
            room += nodeByteLengths[node]!;
            continue;
          }
        }
        const cell = cellAt(kind, n, at, account);
        if (cell.blankEnd) texts = true;
        room += bytesOf(n, cell).length;
      }
      if (texts) {
        line = prefix.line;
        pending = prefix.pending;
        blank = prefix.blank;
        for (let n = leading; n < partKinds.length; n++) {
          const kind = partKinds[n]!;
          if (kind === DEBIT || kind === CREDIT) {
            const amount = amountAt(amounts, at, wideAmounts);
            if (Number.isNaN(amount)) addAmount(n, lines.decimalTexts.get(at)![kind === DEBIT ? 0 : 1]);
            else if (kind === DEBIT ? amount > 0 : amount < 0) addAmount(n, amountCell(kind === DEBIT ? amount : -amount, currencyScales[at]! & SCALE_MASK, currencyPlaces[currencyScales[at]! >> SCALE_BITS]!));
            else pending += separator[n]! + content[n]! + 1;
          } else addCell(n, cellAt(kind, n, at, account));
        }
        out.text("\n" + finished());
        return;
      }
      // The line's bytes, straight into the output: its account's cells, then each other cell
      // after the spaces pending before it.
      out.room(room);
      const buffer = out.buffer;
      let to = out.at;
      buffer[to++] = 10;
      const start = prefix.bytes;
      buffer.set(start, to);
      to += start.length;
      let spaces = prefix.pending;
      for (let n = leading; n < partKinds.length; n++) {
        const kind = partKinds[n]!;
        if (kind === DEBIT || kind === CREDIT) {
          const amount = amountAt(amounts, at, wideAmounts);
          let length = -1;
          let text = "";
          if (Number.isNaN(amount)) {
            text = lines.decimalTexts.get(at)![kind === DEBIT ? 0 : 1];
            length = text === "" ? 0 : -2;
          } else if (kind === DEBIT ? amount > 0 : amount < 0) {
            length = amountShape(kind === DEBIT ? amount : -amount, currencyScales[at]! & SCALE_MASK, currencyPlaces[currencyScales[at]! >> SCALE_BITS]!);
            if (length < 0) {
              text = amountCell(kind === DEBIT ? amount : -amount, currencyScales[at]! & SCALE_MASK, currencyPlaces[currencyScales[at]! >> SCALE_BITS]!);
              length = -2;
            }
          } else length = 0;
          if (length === 0) {
            spaces += separator[n]! + content[n]! + 1;
            continue;
          }
          const width = length > 0 ? length : text.length;
          for (let pad = spaces + separator[n]! + content[n]! - width; pad > 0; pad--) buffer[to++] = 32;
          if (length > 0) to = writeShapedAmount(buffer, to, length);
          else for (let index = 0; index < text.length; index++) buffer[to++] = text.charCodeAt(index);
          spaces = 1;
          continue;
        }
        if (kind === DIMENSIONS) {
          // (A simple list shown whole, of one piece or more: never empty.)
          const node = dimensionIndexes[at]!;
          if (nodeShown[node] === null) {
            if (partRight[n]) {
              for (let pad = spaces + separator[n]! + content[n]! - nodeWidths[node]!; pad > 0; pad--) buffer[to++] = 32;
              spaces = 1;
            } else {
              for (let pad = spaces + separator[n]!; pad > 0; pad--) buffer[to++] = 32;
              spaces = content[n]! - nodeWidths[node]! + 1;
            }
            to = writeNode(buffer, to, lists, node, pieces);
            continue;
          }
        }
        const cell = cellAt(kind, n, at, account);
        const bytes = bytesOf(n, cell);
        if (bytes.length === 0) {
          spaces += separator[n]! + content[n]! + 1;
          continue;
        }
        const drawn = cut[n] ? cell.cutDrawn : cell.drawn;
        if (partRight[n]) {
          for (let pad = spaces + separator[n]! + content[n]! - drawn; pad > 0; pad--) buffer[to++] = 32;
          spaces = 1;
        } else {
          for (let pad = spaces + separator[n]!; pad > 0; pad--) buffer[to++] = 32;
          spaces = content[n]! - drawn + 1;
        }
        buffer.set(bytes, to);
        to += bytes.length;
      }
      out.at = to;
    };
    // The common line, its account's cells then its debit or its credit (a scaled integer) and, when
    // the part shows them, its dimensions: written from its account's template for its side (its
    // cells and the spaces up to the dimensions, made once: the amount is written over the spaces
    // that end where its column ends), then the dimensions' bytes. Any other line through drawLine.
    const tail = partKinds.length - leading;
    const fast = (tail === 2 || (tail === 3 && partKinds[leading + 2] === DIMENSIONS)) && partKinds[leading] === DEBIT && partKinds[leading + 1] === CREDIT;
    const withDimensions = tail === 3;
    const templates: (Template | undefined)[][] = [[], []];
    const templateOf = (account: number, side: number): Template => {
      const prefix = prefixes[account] ?? prefixOf(account);
      const debit = leading;
      const credit = leading + 1;
      let spaces = prefix.pending;
      let amountEnd: number;
      if (side === 0) {
        amountEnd = prefix.bytes.length + spaces + separator[debit]! + content[debit]!;
        spaces = 1 + separator[credit]! + content[credit]! + 1;
      } else {
        spaces += separator[debit]! + content[debit]! + 1;
        amountEnd = prefix.bytes.length + spaces + separator[credit]! + content[credit]!;
        spaces = 1;
      }
      const bytes = Buffer.alloc(withDimensions ? amountEnd + spaces + separator[leading + 2]! : amountEnd, 32);
      bytes.set(prefix.bytes, 0);
      return (templates[side]![account] = { bytes, amountEnd, blank: prefix.blank });
    };
    const dimensionsAt = leading + 2;
    const drawFast = (at: number): void => {
      const amount = amountAt(amounts, at, wideAmounts);
      if (amount === 0 || Number.isNaN(amount)) {
        drawLine(at);
        return;
      }
      const account = accounts[at]!;
      const side = amount > 0 ? 0 : 1;
      const template = templates[side]![account] ?? templateOf(account, side);
      // (A line with a text that ends in white space is made as a text, and trimmed as one.)
      let blank = template.blank;
      let node = 0;
      let dimensionBytes: Buffer | null = null;
      let dimensionLength = 0;
      if (withDimensions) {
        node = dimensionIndexes[at]!;
        const shown = nodeShown[node]!;
        if (shown === null) {
          if (pieces[nodePieces[node]!]!.blankEnd) blank = true;
          dimensionLength = nodeByteLengths[node]!;
        } else {
          if (shown.blankEnd) blank = true;
          dimensionBytes = bytesOf(dimensionsAt, shown);
          dimensionLength = dimensionBytes.length;
        }
      }
      const length = blank ? -1 : amountShape(side === 0 ? amount : -amount, currencyScales[at]! & SCALE_MASK, currencyPlaces[currencyScales[at]! >> SCALE_BITS]!);
      if (length < 0) {
        drawLine(at);
        return;
      }
      out.room(1 + template.bytes.length + dimensionLength);
      const buffer = out.buffer;
      let to = out.at;
      buffer[to++] = 10;
      buffer.set(template.bytes, to);
      writeShapedAmount(buffer, to + template.amountEnd - length, length);
      if (dimensionLength === 0) to += template.amountEnd;
      else {
        to += template.bytes.length;
        if (dimensionBytes === null) to = writeNode(buffer, to, lists, node, pieces);
        else {
          buffer.set(dimensionBytes, to);
          to += dimensionLength;
        }
      }
      out.at = to;
    };
    const heading = new Heading();
    const headingWidths = lines.headingWidths.values;
    // The heading drawn last: its voucher's (a heading of parts), or (-1) its text.
    let last = -1;
    let lastText: string | null = null;
    let at = 0;
    for (let voucher = 0; voucher < lines.count; voucher++) {
      const end = ends[voucher]!;
      if (at === end) continue;
      // A heading drawn when its text differs from the last one drawn.
      const width = headingWidths[voucher]!;
      if (width >= 0 && width <= headingWidth) {
        // (A heading of simple characters that fits is its own text: nothing to escape or cut.)
        const same = last >= 0 ? lines.sameHeading(last, voucher) : lastText !== null && lastText === lines.headingText(voucher);
        if (!same) {
          lines.writeHeading(out, voucher);
          last = voucher;
          lastText = null;
        }
      } else {
        heading.read(lines.source(voucher), attachmentCounts[voucher]!, phrases);
        const text = heading.text();
        const same = last >= 0 ? text === lines.headingText(last) : lastText === text;
        if (!same) {
          if (!heading.writeTo(out, headingWidth)) out.text("\n" + headingLine(terminalText(text)));
          last = -1;
          lastText = text;
        }
      }
      if (fast) for (; at < end; at++) drawFast(at);
      else for (; at < end; at++) drawLine(at);
    }
    text = "";
    if (footCells.length > 0) {
      text += "\n";
      footCells.forEach((cells, row) => {
        const heading = footHeadings[row];
        if (heading !== null && heading !== undefined) text += "\n" + headingLine(heading);
        line = "";
        pending = 0;
        blank = false;
        part.forEach((index, n) => { addCell(n, cells[index]!); });
        text += "\n" + finished();
      });
    }
    if (text !== "") write(text);
  });
  write("\n");
  out.flush();
}

function cellString(row: SheetRow, key: string, lang: Lang): string {
  const cell = row.cells[key] ?? null;
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if ("series" in cell) throw new Error("no series in a voucher list");
  return cell[lang];
}

