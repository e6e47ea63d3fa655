// The common transaction, kept compact. A large journal is hundreds of thousands of transactions
// whose postings have no flag, cost or price; kept as objects (a transaction, its span, arrays of
// metadata lines and postings, each line and posting an object, the booked postings) one costs
// two dozen objects. A PlainTransaction keeps all of it as a run of slots in a large shared array
// (a chunk, made in V8's old generation at once, so that no collection copies it) and makes the
// objects when asked for: every field is a getter. The hot paths read the run in place through
// the cursor below (docs/PERFORMANCE.md).
//
// The objects made last are kept until another transaction's are asked for, so that a check
// that reads `postings` and `booked` of one transaction gets the same objects from both
// (booked postings refer to their postings by identity: `booked[i].source === postings[j]`).
// Code that holds a transaction's postings while it reads other transactions must not rely on
// the identity of what it holds.
import type { Amount, BookedPosting, IncompleteAmount, MetaEntry, MetaValue, Posting, Transaction } from "./data.js";
import { MetaLine, PlainPosting, UNBOOKED } from "./data.js";
import type { Span } from "./span.js";
import { ScaledAmount } from "./amount.js";

const NO_META: readonly MetaEntry[] = Object.freeze([]);

/**
 * The `booked` slot of a PlainTransaction booked as its postings are, the posting without units
 * (if any) completed with `filled`: nothing is kept per posting.
 */
const AS_POSTINGS: readonly BookedPosting[] = Object.freeze([]);

// The flat array (`items`):
//   [transaction metadata count m, posting count n, filled number, filled scale,
//    date, flag, payee, narration, tags, links, file, start, end, length of the whole,
//    m × (key, value, span),
//    n × (account, number, currency, span, k × 32 + scale, k × (key, value, span))]
// A string metadata value is kept as the string itself; any other value as its MetaValue. Units
// that are a ScaledAmount are kept as its fields (number: the scaled integer); no units as number
// null; other units (incomplete, or too many digits) as the object in `number`. A span is packed
// into one small integer: its start from the transaction's start × 65536 + its length (a
// transaction whose lines do not fit is not kept compact).
/**
 * Slots before the first metadata line: the counts, what booking filled in (see bookAsPostings),
 * the transaction's fields (the object holds only where its array is) and the array's length.
 */
const HEADER_SLOTS = 14;
const FILLED_NUMBER = 2;
const FILLED_SCALE = 3;
const DATE = 4;
const FLAG = 5;
const PAYEE = 6;
const NARRATION = 7;
const TAGS = 8;
const LINKS = 9;
const FILE = 10;
const START_OFFSET = 11;
const END_OFFSET = 12;
const LENGTH = 13;
/** Slots of one metadata line in `items`. */
const META_SLOTS = 3;
/** Slots of one posting in `items`, before its metadata lines. */
const POSTING_SLOTS = 5;
const NUMBER = 1;
const CURRENCY = 2;
const SPAN = 3;
/** Metadata line count × 32 + scale. */
const COUNT_AND_SCALE = 4;
const SCALE_BITS = 32;
const SCALE_SHIFT = 5;

/**
 * `value` as V8 keeps a small integer inline (a Smi) when it is one; a number computed in floating
 * point stays boxed (16 bytes more) unless converted.
 */
function inline(value: number): number {
  return value === (value | 0) ? value | 0 : value;
}

/** [start, end) as one small integer relative to `origin`, or -1 when it does not fit. */
function packSpan(start: number, end: number, origin: number): number {
  const offset = start - origin;
  const length = end - start;
  return offset < 0 || offset >= 32768 || length < 0 || length >= 65536 ? -1 : offset * 65536 + length;
}

/**
 * Writes one transaction's flat array straight into the current chunk: header, then metadata lines
 * and postings as they are read, then `finish`. A transaction abandoned half-way (the reader gives
 * up on it) leaves nothing: the next one is written over it.
 */
export class LayoutWriter {
  private target: unknown[] = [];
  private start = 0;
  private at = 0;
  /** Spans are kept relative to this offset: where the transaction starts in its file. */
  private origin = 0;
  /** Whether every span so far fits the packed form. */
  private fits = true;

  /** Start a transaction that starts at `origin` in its file. */
  begin(origin: number): void {
    if (chunkUsed + HEADER_SLOTS > CHUNK_SLOTS) newChunk(CHUNK_SLOTS);
    this.target = chunk;
    this.start = chunkUsed;
    this.at = chunkUsed + HEADER_SLOTS;
    this.origin = origin;
    this.fits = true;
  }

  private push(value: unknown): void {
    if (this.at === this.target.length) this.relocate();
    this.target[this.at++] = value;
  }

  /** Move the transaction written so far to a new chunk (it reached the end of this one). */
  private relocate(): void {
    const written = this.at - this.start;
    const old = this.target;
    newChunk(Math.max(CHUNK_SLOTS, 2 * written));
    for (let index = 0; index < written; index++) chunk[index] = old[this.start + index];
    this.target = chunk;
    this.start = 0;
    this.at = written;
  }

  /** A metadata line (`value` as kept: see encodeMetaValue). */
  metaLine(key: string, value: unknown, start: number, end: number): void {
    const span = packSpan(start, end, this.origin);
    if (span < 0) this.fits = false;
    this.push(key);
    this.push(value);
    this.push(span);
  }

  /** A posting, before its `metaCount` metadata lines. */
  posting(account: string, units: IncompleteAmount | null, start: number, end: number, metaCount: number): void {
    if (units instanceof ScaledAmount) {
      this.scaledPosting(account, units.scaled, units.scale, units.currency, start, end, metaCount);
    } else {
      const span = packSpan(start, end, this.origin);
      if (span < 0) this.fits = false;
      this.push(account);
      this.push(units);
      this.push(null);
      this.push(span);
      this.push(metaCount * SCALE_BITS);
    }
  }

  /** A posting whose units are the scaled integer `scaled` at `scale` of `currency`. */
  scaledPosting(account: string, scaled: number, scale: number, currency: string, start: number, end: number, metaCount: number): void {
    const span = packSpan(start, end, this.origin);
    if (span < 0) this.fits = false;
    this.push(account);
    this.push(inline(scaled));
    this.push(currency);
    this.push(span);
    this.push(metaCount * SCALE_BITS + scale);
  }

  /**
   * The transaction written, with these fields; null when a span did not fit the packed form (a
   * transaction that long is kept as objects).
   */
  finish(
    metaCount: number, postingCount: number, date: string, flag: string, payee: string | null, narration: string,
    tags: readonly string[], links: readonly string[], file: string, start: number, end: number,
  ): PlainTransaction | null {
    if (!this.fits) return null;
    const target = this.target;
    const base = this.start;
    target[base] = metaCount;
    target[base + 1] = postingCount;
    target[base + FILLED_NUMBER] = null;
    target[base + FILLED_SCALE] = -1;
    target[base + DATE] = date;
    target[base + FLAG] = flag;
    target[base + PAYEE] = payee;
    target[base + NARRATION] = narration;
    // (One tag or link, the usual, as the string: its array is made when asked for. The lists may be
    // the caller's scratch arrays: kept only as copies.)
    target[base + TAGS] = keptLabels(tags);
    target[base + LINKS] = keptLabels(links);
    target[base + FILE] = file;
    target[base + START_OFFSET] = start;
    target[base + END_OFFSET] = end;
    target[base + LENGTH] = this.at - base;
    if (target === chunk) chunkUsed = this.at;
    return new PlainTransaction(target, base);
  }

  /**
   * Give back the slots of the transaction `finish` returned last, which the caller no longer reads
   * (the direct reader made it into objects): the next one is written over it.
   */
  discard(): void {
    if (this.target === chunk) chunkUsed = this.start;
  }
}

function newChunk(slots: number): void {
  chunk = new Array(slots);
  chunkUsed = 0;
}

function unitsOf(items: readonly unknown[], at: number): IncompleteAmount | null {
  const number = items[at + NUMBER];
  if (typeof number === "number") return new ScaledAmount(number, (items[at + COUNT_AND_SCALE] as number) & (SCALE_BITS - 1), items[at + CURRENCY] as string);
  return number as IncompleteAmount | null;
}

function metaCountOf(items: readonly unknown[], at: number): number {
  return (items[at + COUNT_AND_SCALE] as number) >> SCALE_SHIFT;
}

function encodeMetaValue(value: MetaValue): unknown {
  return value.type === "string" ? value.value : value;
}

function decodeMetaValue(raw: unknown): MetaValue {
  return typeof raw === "string" ? { type: "string", value: raw } : raw as MetaValue;
}

// The flat arrays of all compact transactions are kept end to end in large shared arrays
// (chunks): an array this large is made in V8's old generation at once, where a small array per
// transaction would be made young and copied by every scavenge that finds it alive.
const CHUNK_SLOTS = 1 << 16;
let chunk: unknown[] = new Array(CHUNK_SLOTS);
let chunkUsed = 0;

let cacheOwner: PlainTransaction | null = null;
let cacheMeta: readonly MetaEntry[] | null = null;
let cachePostings: readonly PlainPosting[] | null = null;
let cacheBooked: readonly BookedPosting[] | null = null;

function own(transaction: PlainTransaction): void {
  if (cacheOwner === transaction) return;
  cacheOwner = transaction;
  cacheMeta = null;
  cachePostings = null;
  cacheBooked = null;
}

export class PlainTransaction implements Transaction {
  /** (On the prototype: one field less per transaction.) */
  declare readonly type: "transaction";
  // Everything, flat (see above), in chunk[base, limit).
  #chunk: unknown[];
  #base: number;
  /**
   * UNBOOKED, AS_POSTINGS or the booked postings. (For AS_POSTINGS, the units booking gave the
   * posting written without any are in the header: a scaled integer and its scale, or an Amount
   * and scale -1.)
   */
  private bookedSlot: readonly BookedPosting[];
  /**
   * The date, also kept here: sorting, merging and the checks read every transaction's date, and
   * a field is one load where the chunk's slot is three (and a getter call at a site that also
   * sees plain objects).
   */
  readonly date: string;

  /** The transaction whose flat array is chunk[base, ...), complete (see LayoutWriter). */
  constructor(chunk: unknown[], base: number) {
    this.#chunk = chunk;
    this.#base = base;
    this.bookedSlot = UNBOOKED;
    this.date = chunk[base + DATE] as string;
  }

  get flag(): string { return this.#chunk[this.#base + FLAG] as string; }
  get payee(): string | null { return this.#chunk[this.#base + PAYEE] as string | null; }
  get narration(): string { return this.#chunk[this.#base + NARRATION] as string; }
  get tags(): readonly string[] { return labels(this.#chunk[this.#base + TAGS]); }
  get links(): readonly string[] { return labels(this.#chunk[this.#base + LINKS]); }

  /** Whether a tag or a link is written twice (without making the arrays). */
  hasRepeatedLabels(): boolean {
    return repeats(this.#chunk[this.#base + TAGS]) || repeats(this.#chunk[this.#base + LINKS]);
  }
  get file(): string { return this.#chunk[this.#base + FILE] as string; }
  get start(): number { return this.#chunk[this.#base + START_OFFSET] as number; }
  get end(): number { return this.#chunk[this.#base + END_OFFSET] as number; }
  private get limit(): number { return this.#base + (this.#chunk[this.#base + LENGTH] as number); }

  get span(): Span { return { file: this.file, start: this.start, end: this.end }; }

  get metaCount(): number { return this.#chunk[this.#base] as number; }

  get postingCount(): number { return this.#chunk[this.#base + 1] as number; }

  /** The flat array as laid out above (a copy: for tests and debugging). */
  get layout(): readonly unknown[] { return this.#chunk.slice(this.#base, this.limit); }

  get meta(): readonly MetaEntry[] {
    own(this);
    return (cacheMeta ??= this.metaLines(this.#base + HEADER_SLOTS, this.metaCount));
  }

  get postings(): readonly Posting[] {
    own(this);
    return (cachePostings ??= this.makePostings());
  }

  get booked(): readonly BookedPosting[] {
    const slot = this.bookedSlot;
    if (slot !== AS_POSTINGS) return slot;
    own(this);
    if (cacheBooked !== null) return cacheBooked;
    const postings = this.postings as readonly PlainPosting[];
    const booked: BookedPosting[] = new Array(postings.length);
    for (let index = 0; index < postings.length; index++) {
      const posting = postings[index]!;
      booked[index] = posting.units !== null
        ? posting as unknown as BookedPosting
        : { source: posting, account: posting.account, units: this.filledUnits(), cost: null, price: null, interpolated: true };
    }
    return (cacheBooked = booked);
  }

  /**
   * Booking's result, kept compactly when it is the postings themselves with the one posting
   * without units completed (what booking a plain transaction gives); else kept as given.
   */
  complete(booked: readonly BookedPosting[]): void {
    const postings = this.postings as readonly PlainPosting[];
    let filled: Amount | null = null;
    let same = booked.length === postings.length;
    for (let index = 0; same && index < booked.length; index++) {
      const posting = postings[index]!;
      const entry = booked[index]!;
      if (entry === (posting as unknown as BookedPosting)) {
        same = posting.units !== null;
        continue;
      }
      same = filled === null && posting.units === null && entry.source === posting && entry.account === posting.account
        && entry.cost === null && entry.price === null && entry.interpolated;
      filled = entry.units;
    }
    if (same) {
      this.bookAsPostings(filled);
    } else {
      this.bookedSlot = booked.slice();
    }
    cacheBooked = null;
  }

  /**
   * Booked as its postings are (booking a plain transaction gives that): its booked postings are
   * then read without objects through the cursor below, with bookedUnitsAt.
   */
  bookAsPostings(filled: Amount | null): void {
    const chunk = this.#chunk;
    const base = this.#base;
    if (filled instanceof ScaledAmount) {
      chunk[base + FILLED_NUMBER] = inline(filled.scaled);
      chunk[base + FILLED_SCALE] = filled.scale;
    } else {
      chunk[base + FILLED_NUMBER] = filled;
      chunk[base + FILLED_SCALE] = -1;
    }
    this.bookedSlot = AS_POSTINGS;
    if (cacheOwner === this) cacheBooked = null;
  }

  /** The units booking gave the posting without units. */
  private filledUnits(): Amount {
    const number = this.#chunk[this.#base + FILLED_NUMBER];
    if (typeof number !== "number") return number as Amount;
    return new ScaledAmount(number, this.#chunk[this.#base + FILLED_SCALE] as number, this.currency());
  }

  /** Whether the booked postings are the postings, the one without units completed. */
  get bookedAsPostings(): boolean {
    return this.bookedSlot === AS_POSTINGS;
  }

  // A cursor over the postings without making objects: `at` is where a posting starts in `items`.
  //   for (let at = t.firstPosting(); at >= 0; at = t.nextPosting(at)) ... t.accountAt(at) ...

  /** Where the first posting starts, or -1. */
  firstPosting(): number {
    return this.postingCount === 0 ? -1 : this.#base + HEADER_SLOTS + META_SLOTS * this.metaCount;
  }

  /** Where the posting after the one at `at` starts, or -1. */
  nextPosting(at: number): number {
    const next = at + POSTING_SLOTS + META_SLOTS * metaCountOf(this.#chunk, at);
    return next < this.limit ? next : -1;
  }

  accountAt(at: number): string {
    return this.#chunk[at] as string;
  }

  /** The units as written (null: none), made when asked for. */
  unitsAt(at: number): IncompleteAmount | null {
    return unitsOf(this.#chunk, at);
  }

  /** The units as written when they are a scaled integer (its scale: scaledScaleAt), else NaN. */
  scaledAt(at: number): number {
    const number = this.#chunk[at + NUMBER];
    return typeof number === "number" ? number : Number.NaN;
  }

  scaleAt(at: number): number {
    return (this.#chunk[at + COUNT_AND_SCALE] as number) & (SCALE_BITS - 1);
  }

  /** The currency of units written as a scaled integer (see scaledAt). */
  currencyAt(at: number): string {
    return this.#chunk[at + CURRENCY] as string;
  }

  /** Whether the posting has no units. */
  isAutoAt(at: number): boolean {
    return this.#chunk[at + NUMBER] === null;
  }

  /** The booked units (when bookedAsPostings). */
  bookedUnitsAt(at: number): Amount {
    return (unitsOf(this.#chunk, at) as Amount | null) ?? this.filledUnits();
  }

  /** The booked units (when bookedAsPostings) as a scaled integer at bookedScaleAt, or NaN: without making them. */
  bookedScaledAt(at: number): number {
    const number = this.#chunk[at + NUMBER];
    if (typeof number === "number") return number;
    // (Units kept as an object are read with bookedUnitsAt; only the posting without units was filled.)
    if (number !== null) return Number.NaN;
    const filled = this.#chunk[this.#base + FILLED_NUMBER];
    return typeof filled === "number" ? filled : Number.NaN;
  }

  bookedScaleAt(at: number): number {
    return typeof this.#chunk[at + NUMBER] === "number" ? this.scaleAt(at) : this.#chunk[this.#base + FILLED_SCALE] as number;
  }

  /** The currency of the booked units (when bookedAsPostings), without making them. */
  bookedCurrencyAt(at: number): string {
    const number = this.#chunk[at + NUMBER];
    if (typeof number === "number") return this.#chunk[at + CURRENCY] as string;
    if (number !== null) return (number as Amount).currency;
    const filled = this.#chunk[this.#base + FILLED_NUMBER];
    return typeof filled === "number" ? this.currency() : (filled as Amount).currency;
  }

  /** The currency of the first posting with units: a plain transaction booked as its postings has one. */
  private currency(): string {
    const items = this.#chunk;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      const number = items[at + NUMBER];
      if (typeof number === "number") return items[at + CURRENCY] as string;
      if (number !== null) return (number as IncompleteAmount).currency ?? "";
    }
    return "";
  }

  spanAt(at: number): Span {
    return this.spanOf(this.#chunk[at + SPAN] as number);
  }

  private spanOf(packed: number): Span {
    const start = this.start + (packed >>> 16);
    return { file: this.file, start, end: start + (packed & 0xffff) };
  }

  /** Whether two metadata lines of the transaction, or two of one posting, share a key. */
  hasDuplicateKeys(): boolean {
    const items = this.#chunk;
    if (repeatsKey(items, this.#base + HEADER_SLOTS, this.metaCount)) return true;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      if (repeatsKey(items, at + POSTING_SLOTS, metaCountOf(items, at))) return true;
    }
    return false;
  }

  /** Whether a metadata line of the transaction or of a posting has `key`. */
  hasKey(key: string): boolean {
    const items = this.#chunk;
    const end = this.#base + HEADER_SLOTS + META_SLOTS * this.metaCount;
    for (let at = this.#base + HEADER_SLOTS; at < end; at += META_SLOTS) if (items[at] === key) return true;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      const count = metaCountOf(items, at);
      for (let line = 0; line < count; line++) if (items[at + POSTING_SLOTS + META_SLOTS * line] === key) return true;
    }
    return false;
  }

  /**
   * The values (as kept: see rawMeta) of every metadata line with `key`, the transaction's first,
   * then each posting's in order, into `values`, and where each is into `owners` (-1 for the
   * transaction, else where its posting starts: spanAt gives its span); returns how many. Read in
   * place, without making objects; the arrays are the caller's scratch, written from index 0.
   */
  metaWithKey(key: string, values: unknown[], owners: number[]): number {
    const items = this.#chunk;
    let found = 0;
    const end = this.#base + HEADER_SLOTS + META_SLOTS * this.metaCount;
    for (let at = this.#base + HEADER_SLOTS; at < end; at += META_SLOTS) {
      if (items[at] !== key) continue;
      values[found] = items[at + 1];
      owners[found++] = -1;
    }
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      const count = metaCountOf(items, at);
      for (let line = 0; line < count; line++) {
        if (items[at + POSTING_SLOTS + META_SLOTS * line] !== key) continue;
        values[found] = items[at + POSTING_SLOTS + META_SLOTS * line + 1];
        owners[found++] = at;
      }
    }
    return found;
  }

  /** Whether a metadata line of the transaction (not of a posting) has a key that passes `test`. */
  someMetaKey(test: (key: string) => boolean): boolean {
    const items = this.#chunk;
    const end = this.#base + HEADER_SLOTS + META_SLOTS * this.metaCount;
    for (let at = this.#base + HEADER_SLOTS; at < end; at += META_SLOTS) if (test(items[at] as string)) return true;
    return false;
  }

  /** The key of the transaction's metadata line `index` (below metaCount), read in place. */
  metaKeyAt(index: number): string {
    return this.#chunk[this.#base + HEADER_SLOTS + META_SLOTS * index] as string;
  }

  /** The value of the transaction's metadata line `index` as kept (see rawMeta), read in place. */
  rawMetaValueAt(index: number): string | MetaValue {
    return this.#chunk[this.#base + HEADER_SLOTS + META_SLOTS * index + 1] as string | MetaValue;
  }

  /**
   * The value of the transaction's first metadata line with `key` as kept (a string value as the
   * string, any other as its MetaValue), or undefined: read without making objects.
   */
  rawMeta(key: string): string | MetaValue | undefined {
    const items = this.#chunk;
    const end = this.#base + HEADER_SLOTS + META_SLOTS * this.metaCount;
    for (let at = this.#base + HEADER_SLOTS; at < end; at += META_SLOTS) if (items[at] === key) return items[at + 1] as string | MetaValue;
    return undefined;
  }

  /** rawMeta of the posting at `at`: its own first metadata line with `key`, read in place. */
  rawMetaAt(at: number, key: string): string | MetaValue | undefined {
    const items = this.#chunk;
    const end = at + POSTING_SLOTS + META_SLOTS * metaCountOf(items, at);
    for (let line = at + POSTING_SLOTS; line < end; line += META_SLOTS) if (items[line] === key) return items[line + 1] as string | MetaValue;
    return undefined;
  }

  private metaLines(at: number, count: number): readonly MetaEntry[] {
    if (count === 0) return NO_META;
    const items = this.#chunk;
    const lines: MetaEntry[] = new Array(count);
    for (let index = 0; index < count; index++, at += META_SLOTS) {
      const span = items[at + 2] as number;
      const start = this.start + (span >>> 16);
      lines[index] = new MetaLine(items[at] as string, decodeMetaValue(items[at + 1]), this.file, start, start + (span & 0xffff));
    }
    return lines;
  }

  private makePostings(): readonly PlainPosting[] {
    const items = this.#chunk;
    const postings: PlainPosting[] = new Array(this.postingCount);
    let index = 0;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      const span = this.spanAt(at);
      postings[index++] = new PlainPosting(this.file, span.start, span.end, items[at] as string, unitsOf(items, at), this.metaLines(at + POSTING_SLOTS, metaCountOf(items, at)));
    }
    return postings;
  }

  /** How many metadata lines the posting at `at` has (read in place): a reader may skip its rawMetaAt look-ups when none. */
  postingMetaCountAt(at: number): number {
    return metaCountOf(this.#chunk, at);
  }
}

Object.defineProperty(PlainTransaction.prototype, "type", { value: "transaction", enumerable: false, writable: false });

const NO_LABELS: readonly string[] = Object.freeze([]);

function keptLabels(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0]! : values.length === 0 ? NO_LABELS : values.slice();
}

/** Tags or links as kept: one as the string, else the array. */
function labels(kept: unknown): readonly string[] {
  return typeof kept === "string" ? [kept] : kept as readonly string[];
}

function repeats(kept: unknown): boolean {
  if (typeof kept === "string") return false;
  const values = kept as readonly string[];
  return values.length > 1 && new Set(values).size !== values.length;
}

function repeatsKey(items: readonly unknown[], at: number, count: number): boolean {
  for (let index = 1; index < count; index++) {
    const key = items[at + META_SLOTS * index];
    for (let earlier = 0; earlier < index; earlier++) if (items[at + META_SLOTS * earlier] === key) return true;
  }
  return false;
}

/** The fields of a transaction, as a reader or an edit gives them. */
export type TransactionFields = Omit<Transaction, "type">;

/** A transaction kept as a plain object (what makeTransaction gives when it cannot be compact). */
export function transactionObject(fields: TransactionFields): Transaction {
  return {
    type: "transaction", date: fields.date, span: fields.span, meta: fields.meta, flag: fields.flag, payee: fields.payee,
    narration: fields.narration, tags: fields.tags, links: fields.links, postings: fields.postings, booked: UNBOOKED,
  } as Transaction;
}

/**
 * A transaction (not booked yet) with these fields: a PlainTransaction when every posting is a
 * PlainPosting and every span lies in the transaction's file, else a plain object.
 */
export function makeTransaction(fields: TransactionFields): Transaction {
  const file = fields.span.file;
  let compact = true;
  for (const entry of fields.meta) if (entry.span.file !== file) compact = false;
  for (const posting of fields.postings) {
    if (!(posting instanceof PlainPosting) || posting.file !== file) compact = false;
    else for (const entry of posting.meta) if (entry.span.file !== file) compact = false;
  }
  if (!compact) return transactionObject(fields);
  const writer = new LayoutWriter();
  writer.begin(fields.span.start);
  const writeMeta = (meta: readonly MetaEntry[]) => {
    for (const entry of meta) writer.metaLine(entry.key, encodeMetaValue(entry.value), entry.span.start, entry.span.end);
  };
  writeMeta(fields.meta);
  for (const posting of fields.postings as readonly PlainPosting[]) {
    writer.posting(posting.account, posting.units, posting.start, posting.end, posting.meta.length);
    writeMeta(posting.meta);
  }
  return writer.finish(
    fields.meta.length, fields.postings.length, fields.date, fields.flag, fields.payee, fields.narration, fields.tags, fields.links, file,
    fields.span.start, fields.span.end,
  ) ?? transactionObject(fields);
}

/**
 * The transaction with some fields changed (for the parser, and for edits checked before they are
 * written). A booked transaction stays booked as it was unless its postings change.
 */
export function transactionWith(transaction: Transaction, changes: Partial<TransactionFields>): Transaction {
  const changed = makeTransaction({
    date: changes.date ?? transaction.date,
    span: changes.span ?? transaction.span,
    meta: changes.meta ?? transaction.meta,
    flag: changes.flag ?? transaction.flag,
    payee: changes.payee !== undefined ? changes.payee : transaction.payee,
    narration: changes.narration ?? transaction.narration,
    tags: changes.tags ?? transaction.tags,
    links: changes.links ?? transaction.links,
    postings: changes.postings ?? transaction.postings,
  });
  const booked = (transaction as { booked?: readonly BookedPosting[] }).booked;
  if (booked === undefined || booked === UNBOOKED || changes.postings !== undefined) return changed;
  if (changed instanceof PlainTransaction) {
    changed.complete(booked);
    return changed;
  }
  return { ...changed, booked } as Transaction;
}
