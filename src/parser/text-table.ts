// A hash table keyed by ranges of one text: the reader looks names up where they stand in the
// journal, without first copying each occurrence out into a new string (a journal names the same
// few hundred accounts, keys and dates hundreds of thousands of times).

/**
 * Arrays of code units for copyRange, one per length up to COPY_CHUNK (made when a length first
 * comes): setting a reused array's length is a call into V8's runtime on every copy.
 */
const scratchByLength: number[][] = [];
/** V8 makes a slice of at least this many characters a view that keeps the whole text alive. */
const SLICE_VIEW_LENGTH = 13;
const COPY_CHUNK = 4096;

/**
 * text[start, end) as a string of its own. A slice of 13 or more characters is, in V8, a view
 * into `text` that keeps all of it alive; strings the ledger keeps (names, claim ids, links) are
 * copied so that a piece of the journal's text dies once parsed (src/source/files.ts).
 */
export function copyRange(text: string, start: number, end: number): string {
  if (end - start < SLICE_VIEW_LENGTH) return text.slice(start, end);
  let copy = "";
  // In chunks: a call's arguments live on the stack.
  for (let from = start; from < end; from += COPY_CHUNK) {
    const length = Math.min(COPY_CHUNK, end - from);
    const scratch = scratchByLength[length] ?? (scratchByLength[length] = new Array<number>(length).fill(0));
    for (let index = 0; index < length; index++) scratch[index] = text.charCodeAt(from + index);
    copy += String.fromCharCode.apply(null, scratch);
  }
  return copy;
}

/** How many code units at the end of a range hashRange reads. */
const HASHED_TAIL = 8;

/**
 * FNV-1a over the length and the last few UTF-16 code units of text[start, end). Names that
 * share a long beginning (Expenses:6602-管理费用:01-客户管理费:...) differ at the end; a lookup
 * compares the whole name anyway, so the hash need not read all of it.
 */
export function hashRange(text: string, start: number, end: number): number {
  let hash = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  for (let index = Math.max(start, end - HASHED_TAIL); index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
}

/**
 * Whether `key` stands in `text` at `start` (text has room for it). A loop V8 inlines: a call of
 * String.prototype.startsWith costs more than comparing the few dozen code units of a name.
 */
export function sameRange(text: string, start: number, key: string): boolean {
  for (let index = key.length - 1; index >= 0; index--) {
    if (text.charCodeAt(start + index) !== key.charCodeAt(index)) return false;
  }
  return true;
}

/**
 * Open addressing over ranges of a text, probed through the hashes alone: a slot's tag is its
 * key's hash with the lowest bit set (0 marks a free slot), so a probe reads one small typed array
 * and touches a key string only when the tags match (the keys and values live elsewhere in memory:
 * reading them for every slot probed cost cache misses on the larger tables).
 */
abstract class RangeTable {
  protected tags: Int32Array;
  protected keys: (string | undefined)[];
  protected used = 0;

  constructor(protected text: string, capacity: number) {
    this.tags = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** Look names up in another text from now on (the next piece of a file); entries stay. */
  rebind(text: string): void {
    this.text = text;
  }

  /** Entries stored. */
  get size(): number {
    return this.used;
  }

  /** The slot of the text in [start, end) whose hashRange is `hash`, or -1. */
  protected find(start: number, end: number, hash: number): number {
    const tags = this.tags;
    const mask = tags.length - 1;
    const tag = hash | 1;
    const length = end - start;
    for (let index = (hash >>> 1) & mask; ; index = (index + 1) & mask) {
      const slotTag = tags[index]!;
      if (slotTag === 0) return -1;
      if (slotTag === tag) {
        const key = this.keys[index]!;
        if (key.length === length && sameRange(this.text, start, key)) return index;
      }
    }
  }

  /** A free slot for a key whose hashRange (or tag) is `hash` (the table has room). */
  protected freeSlot(hash: number): number {
    const tags = this.tags;
    const mask = tags.length - 1;
    // (The bit the tag sets is not used here: a hash and its tag start at the same slot.)
    let index = (hash >>> 1) & mask;
    while (tags[index] !== 0) index = (index + 1) & mask;
    return index;
  }

  /** The slot where `key` (not present yet, whose hashRange is `hash`) is now stored. */
  protected store(key: string, hash: number): number {
    // (Kept at most half full.)
    if (2 * (this.used + 1) > this.tags.length) this.grow();
    const index = this.freeSlot(hash);
    this.tags[index] = hash | 1;
    this.keys[index] = key;
    this.used++;
    return index;
  }

  /** Twice the slots, each entry moved to its slot there (`moved` tells subclasses where). */
  protected grow(): void {
    const { tags, keys } = this;
    const capacity = tags.length * 2;
    this.tags = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.resized(capacity);
    for (let index = 0; index < tags.length; index++) {
      const tag = tags[index]!;
      if (tag === 0) continue;
      const slot = this.freeSlot(tag);
      this.tags[slot] = tag;
      this.keys[slot] = keys[index];
      this.moved(index, slot);
    }
  }

  /** The table now has `capacity` slots (grow: before entries move). */
  protected resized(_capacity: number): void {}

  /** The entry in slot `from` of the smaller table is in slot `to` now. */
  protected moved(_from: number, _to: number): void {}
}

/** A table of strings: a lookup gives the one string equal to the range. */
export class StringTable extends RangeTable {
  constructor(text: string, capacity = 64) {
    super(text, capacity);
  }

  /** The stored string equal to text[start, end) (whose hashRange is `hash`), or undefined. */
  get(start: number, end: number, hash: number): string | undefined {
    const index = this.find(start, end, hash);
    return index < 0 ? undefined : this.keys[index];
  }

  /** Store `key` (not present yet), whose hashRange is `hash`. */
  add(key: string, hash: number): void {
    this.store(key, hash);
  }

  clear(): void {
    this.tags = new Int32Array(64);
    this.keys = new Array<string | undefined>(64).fill(undefined);
    this.used = 0;
  }
}

/** A table of values keyed by strings. */
export class TextTable<T> extends RangeTable {
  private values: (T | undefined)[];

  constructor(text: string, capacity = 64) {
    super(text, capacity);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
  }

  /** The value stored for the text in [start, end) whose hashRange is `hash`, or undefined. */
  get(start: number, end: number, hash: number): T | undefined {
    const index = this.find(start, end, hash);
    return index < 0 ? undefined : this.values[index];
  }

  /** Store `value` for `key` (not present yet), whose hashRange is `hash`. */
  set(key: string, hash: number, value: T): void {
    this.values[this.store(key, hash)] = value;
  }

  /** The values of the smaller table while grow moves them. */
  private moving: (T | undefined)[] = [];

  protected override resized(capacity: number): void {
    this.moving = this.values;
    this.values = new Array<T | undefined>(capacity).fill(undefined);
  }

  protected override moved(from: number, to: number): void {
    this.values[to] = this.moving[from];
  }

  protected override grow(): void {
    super.grow();
    this.moving = [];
  }
}
