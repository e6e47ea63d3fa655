// A hash table keyed by ranges of one text: the reader looks names up where they stand in the
// journal, without first copying each occurrence out into a new string (a journal names the same
// few hundred accounts, keys and dates hundreds of thousands of times).

/** Code units of a range being copied (copyRange). */
const scratch: number[] = [];
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
    scratch.length = length;
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

export class TextTable<T> {
  private keys: (string | undefined)[];
  private hashes: Int32Array;
  private values: (T | undefined)[];
  private used = 0;

  constructor(private text: string, capacity = 64) {
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
  }

  /** Look names up in another text from now on (the next piece of a file); entries stay. */
  rebind(text: string): void {
    this.text = text;
  }

  /** Entries stored. */
  get size(): number {
    return this.used;
  }

  /** The value stored for the text in [start, end) whose hashRange is `hash`, or undefined. */
  get(start: number, end: number, hash: number): T | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    const length = end - start;
    for (let index = hash & mask; ; index = (index + 1) & mask) {
      const key = keys[index];
      if (key === undefined) return undefined;
      if (this.hashes[index] === hash && key.length === length && this.text.startsWith(key, start)) return this.values[index];
    }
  }

  /** Store `value` for `key` (not present yet), whose hashRange is `hash`. */
  set(key: string, hash: number, value: T): void {
    if (2 * (this.used + 1) > this.keys.length) this.grow();
    this.insert(key, hash, value);
    this.used++;
  }

  clear(): void {
    this.keys = new Array<string | undefined>(64).fill(undefined);
    this.hashes = new Int32Array(64);
    this.values = new Array<T | undefined>(64).fill(undefined);
    this.used = 0;
  }

  private insert(key: string, hash: number, value: T): void {
    const mask = this.keys.length - 1;
    let index = hash & mask;
    while (this.keys[index] !== undefined) index = (index + 1) & mask;
    this.keys[index] = key;
    this.hashes[index] = hash;
    this.values[index] = value;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    const capacity = keys.length * 2;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index];
      if (key !== undefined) this.insert(key, hashes[index]!, values[index] as T);
    }
  }
}
