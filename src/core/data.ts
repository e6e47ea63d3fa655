// The readonly data model of a journal: directives, postings, amounts and metadata.
// Every directive and posting carries its source span; line and column are derived when printed.
import type { Decimal } from "./number.js";
import type { Span } from "./span.js";

/** A quantity of one commodity. */
export interface Amount {
  /** The quantity. */
  readonly number: Decimal;
  /** Digits after the decimal point as written or computed (drives tolerances and display). */
  readonly scale: number;
  /** Commodity symbol, e.g. "CNY". */
  readonly currency: string;
}

/** A posting amount as written, where either half may be elided and filled in by interpolation. */
export interface IncompleteAmount {
  readonly number: Decimal | null;
  readonly scale: number;
  readonly currency: string | null;
}

/** A cost as written inside `{...}` or `{{...}}`, before booking resolves it. */
export interface CostSpec {
  /** Per-unit cost (`{10 USD}` or the part before `#`). */
  readonly perUnit: Decimal | null;
  /** Total cost (`{{100 USD}}` or the part after `#`). */
  readonly total: Decimal | null;
  readonly perUnitScale: number;
  readonly totalScale: number;
  readonly currency: string | null;
  /** Acquisition date given in the spec, as YYYY-MM-DD. */
  readonly date: string | null;
  readonly label: string | null;
  /** `*`: average the lots (beancount parses it but does not support it). */
  readonly merge: boolean;
  /**
   * Whether `#` was written (`{10 # USD}`): a missing total is then to be interpolated rather
   * than absent. Implied when `total` is set.
   */
  readonly hash?: boolean;
}

/** A resolved lot cost after booking. */
export interface Cost {
  readonly number: Decimal;
  readonly scale: number;
  readonly currency: string;
  readonly date: string;
  readonly label: string | null;
}

export type MetaValue =
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "account"; readonly value: string }
  | { readonly type: "currency"; readonly value: string }
  | { readonly type: "tag"; readonly value: string }
  | { readonly type: "link"; readonly value: string }
  | { readonly type: "date"; readonly value: string }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "number"; readonly value: Decimal; readonly scale: number }
  | { readonly type: "amount"; readonly value: Amount }
  | { readonly type: "null" };

/** One `key: value` line, with the span of the whole line for in-place edits. */
export interface MetaEntry {
  readonly key: string;
  readonly value: MetaValue;
  readonly span: Span;
}

/** A metadata line as the readers make it: the span's offsets inline, the Span made when asked for. */
export class MetaLine implements MetaEntry {
  constructor(
    readonly key: string,
    readonly value: MetaValue,
    readonly file: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get span(): Span { return { file: this.file, start: this.start, end: this.end }; }
}

export function metaEntry(key: string, value: MetaValue, span: Span): MetaEntry {
  return new MetaLine(key, value, span.file, span.start, span.end);
}

export interface Posting {
  readonly span: Span;
  /** Posting flag such as `!`, or null. */
  readonly flag: string | null;
  readonly account: string;
  /** Units as written; filled in by interpolation. */
  readonly units: IncompleteAmount | null;
  /** Cost as written (`{...}`), or null. */
  readonly costSpec: CostSpec | null;
  /** Whether the cost was written as `{{...}}`. */
  readonly costIsTotal: boolean;
  /** Per-unit price; `@@` totals are stored as written with `priceIsTotal`. */
  readonly price: IncompleteAmount | null;
  readonly priceIsTotal: boolean;
  readonly meta: readonly MetaEntry[];
}

/** A posting after booking: complete units, resolved cost and per-unit price. */
export interface BookedPosting {
  /** The posting as written (for pad-generated postings, a synthetic one spanning the pad). */
  readonly source: Posting;
  readonly account: string;
  readonly units: Amount;
  readonly cost: Cost | null;
  readonly price: Amount | null;
  /** True when this posting's amount was filled in by interpolation. */
  readonly interpolated: boolean;
}

interface DirectiveBase {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly span: Span;
  readonly meta: readonly MetaEntry[];
}

export interface Transaction extends DirectiveBase {
  readonly type: "transaction";
  /** `*`, `!`, `P` (pad-generated) or another flag letter; `txn` is read as `*`. */
  readonly flag: string;
  readonly payee: string | null;
  readonly narration: string;
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly postings: readonly Posting[];
}

export interface Open extends DirectiveBase {
  readonly type: "open";
  readonly account: string;
  readonly currencies: readonly string[];
  readonly booking: BookingMethod | null;
}

export interface Close extends DirectiveBase {
  readonly type: "close";
  readonly account: string;
}

export interface Commodity extends DirectiveBase {
  readonly type: "commodity";
  readonly currency: string;
}

export interface Balance extends DirectiveBase {
  readonly type: "balance";
  readonly account: string;
  readonly amount: Amount;
  /** Explicit `~ tolerance`, or null to infer from the written digits. */
  readonly tolerance: Decimal | null;
}

export interface Pad extends DirectiveBase {
  readonly type: "pad";
  readonly account: string;
  readonly sourceAccount: string;
}

export interface Note extends DirectiveBase {
  readonly type: "note";
  readonly account: string;
  readonly comment: string;
}

export interface DocumentEntry extends DirectiveBase {
  readonly type: "document";
  readonly account: string;
  /** Path as written; resolved against the journal's directory. */
  readonly filename: string;
  readonly tags: readonly string[];
  readonly links: readonly string[];
}

export interface EventEntry extends DirectiveBase {
  readonly type: "event";
  readonly eventType: string;
  readonly description: string;
}

export interface Query extends DirectiveBase {
  readonly type: "query";
  readonly name: string;
  readonly queryString: string;
}

export interface Price extends DirectiveBase {
  readonly type: "price";
  readonly currency: string;
  readonly amount: Amount;
}

export interface Custom extends DirectiveBase {
  readonly type: "custom";
  readonly customType: string;
  readonly values: readonly MetaValue[];
}

export type Directive =
  | Transaction
  | Open
  | Close
  | Commodity
  | Balance
  | Pad
  | Note
  | DocumentEntry
  | EventEntry
  | Query
  | Price
  | Custom;

export type BookingMethod = "STRICT" | "STRICT_WITH_SIZE" | "FIFO" | "LIFO" | "HIFO" | "NONE" | "AVERAGE";
export const BOOKING_METHODS: readonly BookingMethod[] = ["STRICT", "STRICT_WITH_SIZE", "FIFO", "LIFO", "HIFO", "NONE", "AVERAGE"];

/** Undated directives that steer the loader rather than enter the ledger. */
export interface OptionDirective {
  readonly type: "option";
  readonly span: Span;
  readonly name: string;
  readonly value: string;
}
export interface IncludeDirective {
  readonly type: "include";
  readonly span: Span;
  readonly path: string;
}
export interface PluginDirective {
  readonly type: "plugin";
  readonly span: Span;
  readonly module: string;
  readonly config: string | null;
}

/** A transaction after booking: the entry as written plus its complete postings. */
export interface BookedTransaction extends Transaction {
  /** Postings with units, costs and prices resolved (pad-generated entries have only these). */
  readonly booked: readonly BookedPosting[];
}

/**
 * The `booked` slot of a transaction as the readers make it, until booking completes it in place
 * (an empty array rather than undefined: V8 then keeps one shape for the field).
 */
export const UNBOOKED: readonly BookedPosting[] = Object.freeze([]);

/** A directive after booking: transactions carry their booked postings. */
export type LedgerEntry = Exclude<Directive, Transaction> | BookedTransaction;

export function metaValue(meta: readonly MetaEntry[], key: string): MetaValue | undefined {
  for (const entry of meta) if (entry.key === key) return entry.value;
  return undefined;
}

/** Sort order of directive types on one day, as beancount's core/data.py has it. */
export function typeOrder(directive: Directive): number {
  switch (directive.type) {
    case "open": return -2;
    case "balance": return -1;
    case "document": return 1;
    case "close": return 2;
    default: return 0;
  }
}

/**
 * A posting as the direct reader reads most of them: an account, units or none, metadata; no
 * flag, cost or price. Once its units are complete it is also its own booked posting, so booking
 * a plain transaction allocates nothing per posting. The constant fields are getters on the
 * prototype: a journal holds hundreds of thousands of these.
 */
export class PlainPosting implements Posting {
  constructor(
    readonly file: string,
    readonly start: number,
    readonly end: number,
    readonly account: string,
    readonly units: IncompleteAmount | null,
    readonly meta: readonly MetaEntry[],
  ) {}

  /** Made when asked for (rarely: diagnostics and edits); the offsets are kept inline. */
  get span(): Span { return { file: this.file, start: this.start, end: this.end }; }

  get flag(): null { return null; }
  get costSpec(): null { return null; }
  get costIsTotal(): false { return false; }
  get price(): null { return null; }
  get priceIsTotal(): false { return false; }
  /** As a booked posting (when its units are an Amount): itself, at no cost, not interpolated. */
  get source(): Posting { return this; }
  get cost(): null { return null; }
  get interpolated(): false { return false; }
}

/** A posting: a PlainPosting when it has no flag, cost or price. */
export function makePosting(fields: Posting): Posting {
  if (fields.flag === null && fields.costSpec === null && fields.price === null && !fields.costIsTotal && !fields.priceIsTotal) {
    return new PlainPosting(fields.span.file, fields.span.start, fields.span.end, fields.account, fields.units, fields.meta);
  }
  return fields;
}

/** A posting with another span or metadata (the same kind of object as `posting`). */
export function postingWith(posting: Posting, changes: { span?: Span; meta?: readonly MetaEntry[] }): Posting {
  const span = changes.span ?? posting.span;
  const meta = changes.meta ?? posting.meta;
  if (posting instanceof PlainPosting) return new PlainPosting(span.file, span.start, span.end, posting.account, posting.units, meta);
  return { ...posting, span, meta };
}
