// The common transaction, kept compact. A large journal is hundreds of thousands of transactions
// whose postings have no flag, cost or price; kept as objects (a transaction, its span, arrays of
// metadata lines and postings, each line and posting an object, the booked postings) one costs
// two dozen objects. A PlainTransaction keeps its metadata lines and postings in one flat array
// and makes the objects when asked for: `meta`, `postings`, `booked` and `span` are getters.
//
// The objects made last are kept until another transaction's are asked for, so that a check
// that reads `postings` and `booked` of one transaction gets the same objects from both
// (booked postings refer to their postings by identity: `booked[i].source === postings[j]`).
// Code that holds a transaction's postings while it reads other transactions must not rely on
// the identity of what it holds.
import type { Amount, BookedPosting, IncompleteAmount, MetaEntry, MetaValue, Posting, Transaction } from "./data.js";
import { MetaLine, PlainPosting, UNBOOKED } from "./data.js";
import type { Span } from "./span.js";

const NO_META: readonly MetaEntry[] = Object.freeze([]);

/**
 * The `booked` slot of a PlainTransaction booked as its postings are, the posting without units
 * (if any) completed with `filled`: nothing is kept per posting.
 */
const AS_POSTINGS: readonly BookedPosting[] = Object.freeze([]);

// The flat array (`items`):
//   [transaction metadata count m, posting count n,
//    m × (key, value, start, end),
//    n × (account, units, start, end, metadata count k, k × (key, value, start, end))]
// A string metadata value is kept as the string itself; any other value as its MetaValue.
/** Slots of one metadata line in `items`. */
export const META_SLOTS = 4;
/** Slots of one posting in `items`, before its metadata lines. */
export const POSTING_SLOTS = 5;

export function encodeMetaValue(value: MetaValue): unknown {
  return value.type === "string" ? value.value : value;
}

function decodeMetaValue(raw: unknown): MetaValue {
  return typeof raw === "string" ? { type: "string", value: raw } : raw as MetaValue;
}

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
  readonly type: "transaction";
  readonly date: string;
  readonly flag: string;
  readonly payee: string | null;
  readonly narration: string;
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /** Metadata lines and postings, flat (see above). */
  readonly items: readonly unknown[];
  /** UNBOOKED, AS_POSTINGS or the booked postings. */
  private bookedSlot: readonly BookedPosting[];
  /** The units booking gave the posting written without any (AS_POSTINGS). */
  private filled: Amount | null;

  constructor(
    date: string, flag: string, payee: string | null, narration: string, tags: readonly string[], links: readonly string[],
    file: string, start: number, end: number, items: readonly unknown[],
  ) {
    this.type = "transaction";
    this.date = date;
    this.flag = flag;
    this.payee = payee;
    this.narration = narration;
    this.tags = tags;
    this.links = links;
    this.file = file;
    this.start = start;
    this.end = end;
    this.items = items;
    this.bookedSlot = UNBOOKED;
    this.filled = null;
  }

  get span(): Span { return { file: this.file, start: this.start, end: this.end }; }

  get metaCount(): number { return this.items[0] as number; }

  get postingCount(): number { return this.items[1] as number; }

  get meta(): readonly MetaEntry[] {
    own(this);
    return (cacheMeta ??= this.metaLines(2, this.metaCount));
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
        : { source: posting, account: posting.account, units: this.filled!, cost: null, price: null, interpolated: true };
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
      this.filled = filled;
      this.bookedSlot = AS_POSTINGS;
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
    this.filled = filled;
    this.bookedSlot = AS_POSTINGS;
    if (cacheOwner === this) cacheBooked = null;
  }

  /** Whether the booked postings are the postings, the one without units completed. */
  get bookedAsPostings(): boolean {
    return this.bookedSlot === AS_POSTINGS;
  }

  // A cursor over the postings without making objects: `at` is where a posting starts in `items`.
  //   for (let at = t.firstPosting(); at >= 0; at = t.nextPosting(at)) ... t.accountAt(at) ...

  /** Where the first posting starts, or -1. */
  firstPosting(): number {
    return this.postingCount === 0 ? -1 : 2 + META_SLOTS * this.metaCount;
  }

  /** Where the posting after the one at `at` starts, or -1. */
  nextPosting(at: number): number {
    const next = at + POSTING_SLOTS + META_SLOTS * (this.items[at + 4] as number);
    return next < this.items.length ? next : -1;
  }

  accountAt(at: number): string {
    return this.items[at] as string;
  }

  /** The units as written (null: none). */
  unitsAt(at: number): IncompleteAmount | null {
    return this.items[at + 1] as IncompleteAmount | null;
  }

  /** The booked units (when bookedAsPostings). */
  bookedUnitsAt(at: number): Amount {
    return (this.items[at + 1] as Amount | null) ?? this.filled!;
  }

  spanAt(at: number): Span {
    return { file: this.file, start: this.items[at + 2] as number, end: this.items[at + 3] as number };
  }

  /** Whether two metadata lines of the transaction, or two of one posting, share a key. */
  hasDuplicateKeys(): boolean {
    const items = this.items;
    if (repeatsKey(items, 2, this.metaCount)) return true;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      if (repeatsKey(items, at + POSTING_SLOTS, items[at + 4] as number)) return true;
    }
    return false;
  }

  /** Whether a metadata line of the transaction or of a posting has `key`. */
  hasKey(key: string): boolean {
    const items = this.items;
    const end = 2 + META_SLOTS * this.metaCount;
    for (let at = 2; at < end; at += META_SLOTS) if (items[at] === key) return true;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      const count = items[at + 4] as number;
      for (let line = 0; line < count; line++) if (items[at + POSTING_SLOTS + META_SLOTS * line] === key) return true;
    }
    return false;
  }

  /** Whether a metadata line of the transaction (not of a posting) has a key that passes `test`. */
  someMetaKey(test: (key: string) => boolean): boolean {
    const items = this.items;
    const end = 2 + META_SLOTS * this.metaCount;
    for (let at = 2; at < end; at += META_SLOTS) if (test(items[at] as string)) return true;
    return false;
  }

  /**
   * The value of the transaction's first metadata line with `key` as kept (a string value as the
   * string, any other as its MetaValue), or undefined: read without making objects.
   */
  rawMeta(key: string): string | MetaValue | undefined {
    const items = this.items;
    const end = 2 + META_SLOTS * this.metaCount;
    for (let at = 2; at < end; at += META_SLOTS) if (items[at] === key) return items[at + 1] as string | MetaValue;
    return undefined;
  }

  private metaLines(at: number, count: number): readonly MetaEntry[] {
    if (count === 0) return NO_META;
    const items = this.items;
    const lines: MetaEntry[] = new Array(count);
    for (let index = 0; index < count; index++, at += META_SLOTS) {
      lines[index] = new MetaLine(items[at] as string, decodeMetaValue(items[at + 1]), this.file, items[at + 2] as number, items[at + 3] as number);
    }
    return lines;
  }

  private makePostings(): readonly PlainPosting[] {
    const items = this.items;
    const postings: PlainPosting[] = new Array(this.postingCount);
    let index = 0;
    for (let at = this.firstPosting(); at >= 0; at = this.nextPosting(at)) {
      postings[index++] = new PlainPosting(
        this.file, items[at + 2] as number, items[at + 3] as number, items[at] as string, items[at + 1] as IncompleteAmount | null,
        this.metaLines(at + POSTING_SLOTS, items[at + 4] as number),
      );
    }
    return postings;
  }
}

function repeatsKey(items: readonly unknown[], at: number, count: number): boolean {
  for (let index = 1; index < count; index++) {
    const key = items[at + META_SLOTS * index];
    for (let earlier = 0; earlier < index; earlier++) if (items[at + META_SLOTS * earlier] === key) return true;
  }
  return false;
}

/** The fields of a transaction, as a reader or an edit gives them. */
export interface TransactionFields {
  readonly date: string;
  readonly span: Span;
  readonly meta: readonly MetaEntry[];
  readonly flag: string;
  readonly payee: string | null;
  readonly narration: string;
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly postings: readonly Posting[];
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
  if (!compact) {
    return {
      type: "transaction", date: fields.date, span: fields.span, meta: fields.meta, flag: fields.flag, payee: fields.payee,
      narration: fields.narration, tags: fields.tags, links: fields.links, postings: fields.postings, booked: UNBOOKED,
    } as Transaction;
  }
  const items: unknown[] = [fields.meta.length, fields.postings.length];
  const pushMeta = (meta: readonly MetaEntry[]) => {
    for (const entry of meta) {
      const span = entry.span;
      items.push(entry.key, encodeMetaValue(entry.value), span.start, span.end);
    }
  };
  pushMeta(fields.meta);
  for (const posting of fields.postings as readonly PlainPosting[]) {
    items.push(posting.account, posting.units, posting.start, posting.end, posting.meta.length);
    pushMeta(posting.meta);
  }
  return new PlainTransaction(
    fields.date, fields.flag, fields.payee, fields.narration, fields.tags, fields.links, file, fields.span.start, fields.span.end, items.slice(),
  );
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
