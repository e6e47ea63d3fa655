// The common transaction, read straight from the text. Most of a large journal is plain
// transactions: a flag, payee and narration, tags and links, `key: value` metadata, and postings
// with a number and a currency or none. Reading those without tokens and without the parser's
// machinery is several times faster and leaves far less garbage. The reader gives exactly the
// transaction the grammar (grammar.ts) would give, or null as soon as it meets anything else
// (costs, arithmetic, escapes, other directives, anything that is an error); the caller
// then scans that directive into tokens and the grammar parses it. The grammar stays the
// definition of the language; test/unit/direct-reader.test.ts checks that both agree.
// Price annotations (`257.00 USD @ 7.19 CNY`, `@@ total`, the price not negative) are read too:
// such a transaction is given as the grammar's objects (withPrices), not compact.
// The reader also reads `open`, `commodity` and `balance` directives and `option` lines, the rest
// of a typical large journal, so that such a journal never builds the grammar.
import {
  BOOKING_METHODS, MetaLine, type PlainPosting, type Amount, type BookingMethod, type Directive, type IncompleteAmount, type MetaEntry, type MetaValue,
  type Posting, type Transaction,
} from "../core/data.js";
import type { Span } from "../core/span.js";
import { LayoutWriter, transactionObject, type PlainTransaction } from "../core/plain-transaction.js";
import { PRECISION, parseNumberLiteral, type Decimal } from "../core/number.js";
import { negate } from "../core/scaled.js";
import { amountOf, decimalOf, MAX_SCALE, ScaledAmount } from "../core/amount.js";
import {
  isCurrencyChar, isDigit, isKeyChar, isLower, isNonAscii, isSpace, isTagChar, isUnicodeSpace, isUpper, matchAccount,
} from "./scanner.js";
import { copyRange, hashRange, sameRange, StringTable, TextTable } from "./text-table.js";
import { validDate } from "../core/dates.js";

const enum Code {
  Newline = 10, Quote = 34, Hash = 35, Comma = 44, Minus = 45, Dot = 46, Colon = 58, Semicolon = 59,
  Bang = 33, Star = 42, Backslash = 92, Caret = 94, LowerT = 116, At = 64,
}

const NULL_VALUE: MetaValue = Object.freeze({ type: "null" });
const TRUE_VALUE: MetaValue = Object.freeze({ type: "bool", value: true });
const FALSE_VALUE: MetaValue = Object.freeze({ type: "bool", value: false });
/**
 * After this many string values of a key, sharing them stops unless a tenth were repeats (ids
 * never repeat; a narration such as "客户活动：<customer>" may only start repeating then).
 */
const SHARING_SAMPLE = 4096;
/** Sharing the values of one key stops beyond this many distinct values. */
const SHARING_LIMIT = 65536;
/** Integer part of a number written with thousands separators, as the scanner accepts it. */
const GROUPED_DIGITS = /^\d{1,3}(,\d{3})+$/;

/** Whether a token may end before `c`: whitespace, a comment, the end of the line. */
function endsToken(c: number): boolean {
  return isSpace(c) || c === Code.Newline || c === Code.Semicolon;
}

/**
 * Values made from strings of the text, shared by equal strings while sharing pays: values that
 * hardly repeat (claim ids, fapiao numbers) are not worth a table.
 */
class SharedValues {
  private values: StringTable;
  private lookups = 0;
  private hits = 0;
  private sharing = true;

  constructor(private text: string) {
    this.values = new StringTable(text);
  }

  rebind(text: string): void {
    this.text = text;
    this.values.rebind(text);
  }

  /** The string text[start, end). */
  get(start: number, end: number): string {
    if (!this.sharing) return copyRange(this.text, start, end);
    this.lookups++;
    const hash = hashRange(this.text, start, end);
    const known = this.values.get(start, end, hash);
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const value = copyRange(this.text, start, end);
    this.values.add(value, hash);
    if ((this.lookups === SHARING_SAMPLE && this.hits * 10 < this.lookups) || this.values.size > SHARING_LIMIT) {
      this.sharing = false;
      this.values.clear();
    }
    return value;
  }
}

/**
 * A metadata key as the reader knows it: its one string, whether a transaction read has it yet, and
 * its string values shared (made at its first string value; kept here so that a value is shared
 * without looking its key up again).
 */
interface KnownKey {
  readonly name: string;
  used: boolean;
  values: SharedValues | null;
  /** The key of the metadata line that followed this key's last time (tried first: keys come in the same order). */
  next: KnownKey | null;
  /** The `scope` of the last metadata line with this key (a second line in one scope repeats the key). */
  scope: number;
}

const NO_LABELS: readonly string[] = Object.freeze([]);

/**
 * The first `count` tags or links of `scratch`, as LayoutWriter.finish takes them (it keeps one as
 * the string and copies more): `one` (reused) for one, a copy for more.
 */
function labelList(scratch: string[], count: number, one: string[]): readonly string[] {
  if (count === 0) return NO_LABELS;
  if (count === 1) {
    one[0] = scratch[0]!;
    return one;
  }
  return scratch.slice(0, count);
}

/** What `units` returns for a scaled integer with a currency: the parts are left in fields. */
const SCALED_UNITS = Object.freeze({ scaled: true });

export class DirectReader {
  /** Offset just past the last line of the transaction `transaction` returned. */
  next = 0;
  /** The number of lines of that transaction (newlines from its start to `next`). */
  lines = 0;
  /** One string per distinct account and currency, shared by every use. */
  private readonly names: StringTable;
  /** One string per distinct metadata key, and whether a transaction read has it yet. */
  private readonly keys: TextTable<KnownKey>;
  /** Keys of the transaction being read that no transaction read had before. */
  private readonly newKeys: KnownKey[] = [];
  /** Every metadata key of the transactions read, once each. */
  readonly metaKeys: string[] = [];
  /** Each date as written: its ISO form, or null when there is no such day. */
  private readonly dates: TextTable<string | null>;
  // Metadata values are immutable, so one object serves every use of a value that repeats (a
  // claimant, a customer, a date): a large journal then holds far fewer objects.
  private readonly dateValues = new Map<string, MetaValue>();
  private readonly accountValues = new Map<string, MetaValue>();
  private readonly currencyValues = new Map<string, MetaValue>();
  /** String values by key (kept as the string itself: see PlainTransaction), each also in its KnownKey. */
  private readonly stringValues: SharedValues[] = [];
  /** Payees and narrations (a claimant, "拜访客户：..."), shared while they repeat. */
  private readonly payees: SharedValues;
  private readonly narrations: SharedValues;
  /**
   * Tags (#crm on every claim), shared while they repeat: a hundred thousand copies of one tag
   * would otherwise each survive a scavenge and be copied twice before reaching the old generation.
   */
  private readonly tagNames: SharedValues;
  /**
   * Metadata lines of one transaction, or of one of its postings, are in one scope (a number never
   * used before); repeatedKey: whether two lines of one scope of the transaction read last share a key.
   */
  private scope = 0;
  private repeatedKey = false;

  /**
   * Whether the transaction `transaction` returned last has no metadata key twice in one scope and
   * at most one tag and one link: what finishDirective would otherwise find out by reading it again.
   */
  get distinctLabels(): boolean {
    return !this.repeatedKey && this.tagCount <= 1 && this.linkCount <= 1;
  }

  /** The tag read last ("" before any). */
  private lastTag = "";
  /** The first string of the transaction being read (its payee, or its narration alone), or null. */
  private headString: string | null = null;
  /** Where the value `metaValue` or `units` read ends. */
  private end = 0;
  /** The number `number` read last: scaled integer and scale, or else its Decimal. */
  private scaled = 0;
  private scale = 0;
  private decimal: Decimal | null = null;
  // Scratch lists of the transaction being read.
  // (Written by index and counted: emptying an array by its length frees its store, and the next
  // push makes a new one, a few hundred bytes of garbage per transaction.)
  private readonly tags: string[] = [];
  private tagCount = 0;
  private readonly links: string[] = [];
  private linkCount = 0;
  /** What `finish` is given for one tag or one link (it keeps the string, not the array). */
  private readonly oneTag: string[] = [""];
  private readonly oneLink: string[] = [""];
  /** Writes the transaction's metadata lines and postings where PlainTransaction keeps them. */
  private readonly layout = new LayoutWriter();
  /** The open posting's metadata lines (key, value, start, end each). */
  private readonly postingMeta: unknown[] = [];
  private postingMetaLength = 0;
  // The posting being read: where it starts, where its line's last token ends, account and units.
  private openStart = 0;
  private openContentEnd = 0;
  private openAccount = "";
  private openUnits: IncompleteAmount | typeof SCALED_UNITS | null = null;
  /** The open posting's units when they are a scaled integer (openUnits: SCALED_UNITS). */
  private openScaled = 0;
  private openScale = 0;
  private openCurrency = "";
  /** The metadata line `metaLine` read last: key, value as kept, where its text ends. */
  private lineKey = "";
  private lineValue: MetaValue | string = "";
  private lineContentEnd = 0;
  /** The currency of the units `units` read last, when it returned SCALED_UNITS. */
  private unitsCurrency = "";

  /** Offset of the text in its file: spans are offsets into the file's whole text. */
  private base = 0;

  /**
   * The price annotations (`@ price` or `@@ total`) of the transaction being read: posting index,
   * price, whether `@@`, three slots each. A transaction with any is given as objects (see withPrices).
   */
  private readonly prices: unknown[] = [];
  /** Whether the price `price` read last was written `@@`. */
  private priceIsTotal = false;

  /**
   * Read the next piece of the same file: `text` starts at offset `base` of the file. Names and
   * shared values stay known.
   */
  continueWith(text: string, base: number): void {
    this.text = text;
    this.base = base;
    this.names.rebind(text);
    this.keys.rebind(text);
    this.dates.rebind(text);
    this.payees.rebind(text);
    this.narrations.rebind(text);
    this.tagNames.rebind(text);
    for (const shared of this.stringValues) shared.rebind(text);
  }

  /**
   * Read another file from its start: `text` is its first piece. Names and shared values stay
   * known (the loader reads every file of a journal with one reader: a hundred included files
   * then share one string per account, key and date); `metaKeys` starts again, for this file.
   */
  startFile(text: string, file: string): void {
    this.continueWith(text, 0);
    this.file = file;
    for (const key of this.usedKeys) key.used = false;
    this.usedKeys.length = 0;
    this.metaKeys.length = 0;
  }

  /** The key of the directive's last metadata line read (null before its first). */
  private lastKey: KnownKey | null = null;
  /** The key of the first metadata line of the last directive that had one. */
  private firstKey: KnownKey | null = null;
  /** The currency of the last posting's units ("" before any). */
  private lastCurrency = "";
  /** The date `date` read last, as written (never a date's form before one is read), and its value. */
  private lastDateText = "??????????";
  private lastDate: string | null = null;

  /** The keys `metaKeys` lists (marked used). */
  private readonly usedKeys: KnownKey[] = [];

  constructor(private text: string, private file: string) {
    this.names = new StringTable(text);
    this.keys = new TextTable(text);
    this.dates = new TextTable(text);
    this.payees = new SharedValues(text);
    this.narrations = new SharedValues(text);
    this.tagNames = new SharedValues(text);
  }

  private intern(start: number, end: number): string {
    const hash = hashRange(this.text, start, end);
    const known = this.names.get(start, end, hash);
    if (known !== undefined) return known;
    const name = copyRange(this.text, start, end);
    this.names.add(name, hash);
    return name;
  }

  /** The caller keeps the transaction `transaction` returned last: its new keys count as read. */
  accept(): void {
    for (const key of this.newKeys) {
      if (!key.used) {
        this.metaKeys.push(key.name);
        this.usedKeys.push(key);
      }
      key.used = true;
    }
    if (this.newKeys.length !== 0) this.newKeys.length = 0;
  }

  /** The metadata key in text[start, end), noted as new if no transaction read has had it. */
  private internKey(start: number, end: number): KnownKey {
    const last = this.lastKey;
    // The key that followed the last one the last time (the same keys come in the same order on
    // every transaction of a journal), compared before hashing and looking up.
    const expected = last === null ? this.firstKey : last.next;
    let key: KnownKey | undefined;
    if (expected !== null && expected.name.length === end - start && sameRange(this.text, start, expected.name)) key = expected;
    else {
      const hash = hashRange(this.text, start, end);
      key = this.keys.get(start, end, hash);
      if (key === undefined) {
        const name = copyRange(this.text, start, end);
        this.keys.set(name, hash, (key = { name, used: false, values: null, next: null, scope: 0 }));
      }
      if (last === null) this.firstKey = key;
      else last.next = key;
    }
    this.lastKey = key;
    if (!key.used) this.newKeys.push(key);
    this.noteScope(key);
    return key;
  }

  /** Note a metadata line with `key` in the current scope: repeatedKey if one had it already. */
  private noteScope(key: KnownKey): void {
    if (key.scope === this.scope) this.repeatedKey = true;
    else key.scope = this.scope;
  }

  /** The currency in text[start, end), interned (the last one read is tried first). */
  private internCurrency(start: number, end: number): string {
    const last = this.lastCurrency;
    if (last.length === end - start && sameRange(this.text, start, last)) return last;
    return (this.lastCurrency = this.intern(start, end));
  }

  private skipSpaces(p: number): number {
    const text = this.text;
    while (isSpace(text.charCodeAt(p))) p++;
    return p;
  }

  /** Offset of the newline ending a line at p (after optional spaces and a comment), or -1. */
  private lineEnd(p: number): number {
    const text = this.text;
    p = this.skipSpaces(p);
    const c = text.charCodeAt(p);
    if (c === Code.Newline) return p;
    if (c === Code.Semicolon) return text.indexOf("\n", p);
    return -1;
  }

  /** A YYYY-MM-DD date at p that ends there, as the grammar's date payload; null otherwise. */
  private date(p: number): string | null {
    const text = this.text;
    // (A journal in order has the same date on many directives in a row. The date read last is a
    // YYYY-MM-DD form, so text that equals it passes the test below; "??????????" before any, whose
    // value is null, is what the test below would give.)
    if (sameRange(text, p, this.lastDateText)) return endsToken(text.charCodeAt(p + 10)) ? this.lastDate : null;
    for (let index = 0; index < 10; index++) {
      const c = text.charCodeAt(p + index);
      if (index === 4 || index === 7 ? c !== Code.Minus : !isDigit(c)) return null;
    }
    if (!endsToken(text.charCodeAt(p + 10))) return null;
    const hash = hashRange(text, p, p + 10);
    let date = this.dates.get(p, p + 10, hash);
    const written = text.slice(p, p + 10);
    if (date === undefined) {
      const number = (from: number, to: number) => Number(written.slice(from, to));
      date = validDate(number(0, 4), number(5, 7), number(8, 10));
      this.dates.set(written, hash, date);
    }
    this.lastDateText = written;
    this.lastDate = date;
    return date;
  }

  /** A plain string literal at p (no escapes, on one line): the offset of its closing quote, or -1. */
  private string(p: number): number {
    const text = this.text;
    let q = p + 1;
    for (;;) {
      const c = text.charCodeAt(q);
      if (c === Code.Quote) break;
      if (c === Code.Backslash || c === Code.Newline || Number.isNaN(c)) return -1;
      q++;
    }
    return endsToken(text.charCodeAt(q + 1)) ? q : -1;
  }

  /**
   * A number literal at p, negated after a minus as the grammar's factor does; sets `end`, and
   * `scaled` (the number × 10^scale as a safe integer, or NaN when it has more than 15 digits) or
   * else `decimal`.
   */
  private number(p: number): boolean {
    const text = this.text;
    const negative = text.charCodeAt(p) === Code.Minus;
    const start = negative ? p + 1 : p;
    let q = start;
    let value = 0;
    let digits = 0;
    for (let c = text.charCodeAt(q); isDigit(c); c = text.charCodeAt(++q)) {
      value = value * 10 + (c - 48);
      digits++;
    }
    if (q === start) return false;
    let grouped = q;
    for (let c = text.charCodeAt(grouped); isDigit(c) || c === Code.Comma; c = text.charCodeAt(++grouped)) {
      if (c !== Code.Comma) {
        value = value * 10 + (c - 48);
        digits++;
      }
    }
    while (grouped > q && text.charCodeAt(grouped - 1) === Code.Comma) grouped--;
    let end = grouped;
    let scale = 0;
    if (text.charCodeAt(end) === Code.Dot) {
      end++;
      for (let c = text.charCodeAt(end); isDigit(c); c = text.charCodeAt(++end)) {
        value = value * 10 + (c - 48);
        digits++;
        scale++;
      }
    }
    // Anything else (dates, arithmetic, `5.` followed by a letter) is left to the grammar.
    if (!endsToken(text.charCodeAt(end))) return false;
    if (grouped > q && !GROUPED_DIGITS.test(text.slice(start, grouped))) return false;
    this.end = end;
    this.scale = scale;
    if (digits <= MAX_SCALE && scale <= MAX_SCALE) {
      // Python's unary minus: the negation of a zero is a positive zero.
      this.scaled = negative && value !== 0 ? -value : value;
      this.decimal = null;
    } else {
      const literal = parseNumberLiteral(text.slice(start, end));
      // More digits than sums keep: the grammar reads it and warns (amount-precision).
      if (literal.value.sd() > PRECISION) return false;
      this.scaled = Number.NaN;
      this.decimal = (negative ? negate(literal) : literal).value;
    }
    return true;
  }

  /** The Decimal of the number `number` read last. */
  private numberValue(): Decimal {
    return this.decimal ?? decimalOf(this.scaled, this.scale);
  }

  /** The amount of the number `number` read last in `currency`. */
  private amount(currency: string): Amount {
    return this.decimal === null ? new ScaledAmount(this.scaled, this.scale, currency) : amountOf(this.decimal, this.scale, currency);
  }

  /** End of a currency at p as the scanner reads it (not an account, TRUE, FALSE or NULL), or -1. */
  private currencyEnd(p: number): number {
    const text = this.text;
    let q = p + 1;
    while (q - p < 24 && isCurrencyChar(text.charCodeAt(q))) q++;
    while (q > p + 1 && !(isUpper(text.charCodeAt(q - 1)) || isDigit(text.charCodeAt(q - 1)))) q--;
    if (q === p + 1 || !endsToken(text.charCodeAt(q))) return -1;
    return q;
  }

  /** The one value object for an account or currency name (names are interned). */
  private sharedName(type: "account" | "currency", name: string): MetaValue {
    const values = type === "account" ? this.accountValues : this.currencyValues;
    const known = values.get(name);
    if (known !== undefined) return known;
    const value: MetaValue = { type, value: name };
    values.set(name, value);
    return value;
  }

  private sharedDate(date: string): MetaValue {
    const known = this.dateValues.get(date);
    if (known !== undefined) return known;
    const value: MetaValue = { type: "date", value: date };
    this.dateValues.set(date, value);
    return value;
  }

  /**
   * The string value of `key` in text[start, end), shared with earlier equal ones while the key's
   * values repeat enough.
   */
  private sharedString(key: KnownKey, start: number, end: number): string {
    // A claim's id is usually also its link (^EC-2026-002, claim: "EC-2026-002"): one string.
    const links = this.links;
    for (let index = 0; index < this.linkCount; index++) {
      const link = links[index]!;
      if (link.length === end - start && sameRange(this.text, start, link)) return link;
    }
    // A claim's claimant is usually its payee too: one string, without a look-up.
    const head = this.headString;
    if (head !== null && head.length === end - start && sameRange(this.text, start, head)) return head;
    let shared = key.values;
    if (shared === null) this.stringValues.push((shared = key.values = new SharedValues(this.text)));
    return shared.get(start, end);
  }


  /**
   * The value of a metadata line at p (after `key:` and spaces) as PlainTransaction keeps it (a
   * string value as the string, any other as its MetaValue), or null; sets `end`.
   */
  private metaValue(key: KnownKey, p: number): MetaValue | string | null {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === Code.Newline || c === Code.Semicolon) {
      this.end = p;
      return NULL_VALUE;
    }
    if (c === Code.Quote) {
      const close = this.string(p);
      if (close < 0) return null;
      this.end = close + 1;
      return this.sharedString(key, p + 1, close);
    }
    if (isDigit(c)) {
      const date = this.date(p);
      if (date !== null) {
        this.end = p + 10;
        return this.sharedDate(date);
      }
    }
    if (isDigit(c) || c === Code.Minus) {
      if (!this.number(p)) return null;
      const currencyStart = this.skipSpaces(this.end);
      if (!isUpper(text.charCodeAt(currencyStart))) return { type: "number", value: this.numberValue(), scale: this.scale };
      const currencyEnd = this.currencyEnd(currencyStart);
      if (currencyEnd < 0 || matchAccount(text, currencyStart) > currencyStart) return null;
      const currency = this.intern(currencyStart, currencyEnd);
      if (currency === "TRUE" || currency === "FALSE" || currency === "NULL") return null;
      this.end = currencyEnd;
      return { type: "amount", value: this.amount(currency) };
    }
    if (isUpper(c)) {
      const accountEnd = matchAccount(text, p);
      if (accountEnd > p) {
        if (!endsToken(text.charCodeAt(accountEnd))) return null;
        this.end = accountEnd;
        return this.sharedName("account", this.intern(p, accountEnd));
      }
      const end = this.currencyEnd(p);
      if (end < 0) return null;
      const word = this.intern(p, end);
      this.end = end;
      if (word === "TRUE" || word === "FALSE") return word === "TRUE" ? TRUE_VALUE : FALSE_VALUE;
      if (word === "NULL") return NULL_VALUE;
      return this.sharedName("currency", word);
    }
    return null;
  }

  /** The units of a posting at p (after its account and spaces): null for none; sets `end`. */
  private units(p: number): IncompleteAmount | typeof SCALED_UNITS | null | undefined {
    const text = this.text;
    const c = text.charCodeAt(p);
    this.end = p;
    if (c === Code.Newline || c === Code.Semicolon) return null;
    if (!(isDigit(c) || c === Code.Minus)) return undefined;
    if (!this.number(p)) return undefined;
    const numberEnd = this.end;
    const q = this.skipSpaces(numberEnd);
    let currency: string | null = null;
    let end = numberEnd;
    if (isUpper(text.charCodeAt(q))) {
      const currencyEnd = this.currencyEnd(q);
      if (currencyEnd < 0 || matchAccount(text, q) > q) return undefined;
      currency = this.internCurrency(q, currencyEnd);
      if (currency === "TRUE" || currency === "FALSE" || currency === "NULL") return undefined;
      end = currencyEnd;
    }
    // `end` is where the amount's last token ends; callers skip what follows.
    this.end = end;
    if (currency === null) return { number: this.numberValue(), scale: this.scale, currency };
    if (this.decimal !== null) return this.amount(currency);
    // A scaled integer (the usual): left in `scaled`, `scale` and `unitsCurrency`, no object made.
    this.unitsCurrency = currency;
    return SCALED_UNITS;
  }

  /**
   * An `open`, `commodity`, `balance` or (with string values only) `custom` directive starting at
   * `start`, or null to leave it to the grammar (anything else, anything unusual, every error). A
   * journal of transactions and these then never builds the grammar (its construction costs a few
   * tens of milliseconds).
   */
  entry(start: number): Directive | null {
    const text = this.text;
    const date = this.date(start);
    if (date === null) return null;
    const keywordStart = this.skipSpaces(start + 10);
    if (keywordStart === start + 10) return null;
    let keywordEnd = keywordStart;
    while (isLower(text.charCodeAt(keywordEnd))) keywordEnd++;
    if (!isSpace(text.charCodeAt(keywordEnd))) return null;
    const keyword = text.slice(keywordStart, keywordEnd);
    let p = this.skipSpaces(keywordEnd);
    if (this.newKeys.length !== 0) this.newKeys.length = 0;
    this.lastKey = null;
    // (String values compare with the current transaction's links and first string: there is none.)
    this.linkCount = 0;
    this.headString = null;
    if (keyword === "open") {
      const account = this.accountAt(p);
      if (account === null) return null;
      p = this.skipSpaces(this.end);
      const currencies: string[] = [];
      while (isUpper(text.charCodeAt(p))) {
        const currency = this.currencyAt(p);
        if (currency === null) return null;
        currencies.push(currency);
        p = this.skipSpaces(this.end);
        if (text.charCodeAt(p) !== Code.Comma) break;
        p = this.skipSpaces(p + 1);
        if (!isUpper(text.charCodeAt(p))) return null;
      }
      let booking: BookingMethod | null = null;
      if (text.charCodeAt(p) === Code.Quote) {
        const close = this.string(p);
        if (close < 0) return null;
        const name = text.slice(p + 1, close);
        if (!(BOOKING_METHODS as readonly string[]).includes(name)) return null;
        booking = name as BookingMethod;
        p = close + 1;
      }
      const block = this.metadataBlock(start, p);
      if (block === null) return null;
      return { type: "open", date, span: block.span, meta: block.meta, account, currencies, booking } as Directive;
    }
    if (keyword === "commodity") {
      const currency = this.currencyAt(p);
      if (currency === null) return null;
      const block = this.metadataBlock(start, this.end);
      if (block === null) return null;
      return { type: "commodity", date, span: block.span, meta: block.meta, currency } as Directive;
    }
    if (keyword === "balance") {
      const account = this.accountAt(p);
      if (account === null) return null;
      p = this.skipSpaces(this.end);
      const c = text.charCodeAt(p);
      if (!(isDigit(c) || c === Code.Minus) || !this.number(p) || !endsToken(text.charCodeAt(this.end))) return null;
      const number = this.numberValue();
      const scale = this.scale;
      p = this.skipSpaces(this.end);
      let tolerance: Decimal | null = null;
      if (text.charCodeAt(p) === 126) { // ~
        p = this.skipSpaces(p + 1);
        const t = text.charCodeAt(p);
        if (!(isDigit(t) || t === Code.Minus) || !this.number(p) || !endsToken(text.charCodeAt(this.end))) return null;
        tolerance = this.numberValue();
        p = this.skipSpaces(this.end);
      }
      const currency = this.currencyAt(p);
      if (currency === null) return null;
      const block = this.metadataBlock(start, this.end);
      if (block === null) return null;
      return {
        type: "balance", date, span: block.span, meta: block.meta, account, amount: { number, scale, currency }, tolerance,
      } as Directive;
    }
    if (keyword === "custom") {
      // Only string values (the usual: feeledger's own options); anything else is the grammar's.
      if (text.charCodeAt(p) !== Code.Quote) return null;
      const typeEnd = this.string(p);
      if (typeEnd < 0) return null;
      const customType = copyRange(text, p + 1, typeEnd);
      p = this.skipSpaces(typeEnd + 1);
      const values: MetaValue[] = [];
      while (text.charCodeAt(p) === Code.Quote) {
        const close = this.string(p);
        if (close < 0) return null;
        values.push({ type: "string", value: copyRange(text, p + 1, close) });
        p = this.skipSpaces(close + 1);
      }
      const block = this.metadataBlock(start, p);
      if (block === null) return null;
      return { type: "custom", date, span: block.span, meta: block.meta, customType, values } as Directive;
    }
    return null;
  }

  /** An `include "path"` line at `start`, or null to leave it to the grammar. */
  include(start: number): { kind: "include"; path: string; span: Span } | null {
    const line = this.quotedLine(start, "include", 1);
    if (line === null) return null;
    return { kind: "include", path: line.strings[0]!, span: line.span };
  }

  /** An `option "name" "value"` line at `start`, or null to leave it to the grammar. */
  option(start: number): { kind: "option"; name: string; value: string; span: Span } | null {
    const line = this.quotedLine(start, "option", 2);
    if (line === null) return null;
    return { kind: "option", name: line.strings[0]!, value: line.strings[1]!, span: line.span };
  }

  /**
   * A `plugin "module"` or `plugin "module" "config"` line at `start`, or null to leave it to the
   * grammar (a journal with plugins need not build the grammar for them).
   */
  plugin(start: number): { kind: "plugin"; module: string; config: string | null; span: Span } | null {
    const line = this.quotedLine(start, "plugin", 1, true);
    if (line === null) return null;
    return { kind: "plugin", module: line.strings[0]!, config: line.strings[1] ?? null, span: line.span };
  }

  /**
   * A line of `keyword` and `count` quoted strings (and one more, if `optional`) at `start`, read
   * and passed (the strings unescaped as the grammar would), or null to leave it to the grammar:
   * anything else on the line, or an indented line after it (an error the grammar reports).
   */
  private quotedLine(start: number, keyword: string, count: number, optional = false): { strings: string[]; span: Span } | null {
    const text = this.text;
    if (!text.startsWith(keyword, start) || !isSpace(text.charCodeAt(start + keyword.length))) return null;
    if (this.newKeys.length !== 0) this.newKeys.length = 0;
    const strings: string[] = [];
    let p = start + keyword.length;
    for (let index = 0; index < count; index++) {
      p = this.skipSpaces(p);
      if (text.charCodeAt(p) !== Code.Quote) return null;
      const close = this.string(p);
      if (close < 0) return null;
      strings.push(copyRange(text, p + 1, close));
      p = close + 1;
    }
    if (optional) {
      const q = this.skipSpaces(p);
      if (text.charCodeAt(q) === Code.Quote) {
        const close = this.string(q);
        if (close < 0) return null;
        strings.push(copyRange(text, q + 1, close));
        p = close + 1;
      }
    }
    const end = this.lineEnd(p);
    if (end < 0 || this.continues(end)) return null;
    this.next = end + 1;
    this.lines = 1;
    return { strings, span: { file: this.file, start: this.base + start, end: this.base + end } };
  }

  /**
   * A `key: value` line whose key starts at q: sets `lineKey`, `lineValue` (as PlainTransaction
   * keeps it) and `lineContentEnd`; returns the newline that ends the line, or -1.
   */
  private metaLine(q: number): number {
    const text = this.text;
    // The key that followed the last one the last time (the same keys come in the same order on
    // every transaction of a journal), when it stands at q followed by its colon: it was read as
    // a key before (its characters key characters), so the scan below would end at that colon.
    const last = this.lastKey;
    const expected = last === null ? this.firstKey : last.next;
    let key: KnownKey;
    let keyEnd: number;
    if (expected !== null && text.charCodeAt(q + expected.name.length) === Code.Colon && sameRange(text, q, expected.name)) {
      keyEnd = q + expected.name.length;
      key = expected;
      this.lastKey = key;
      if (!key.used) this.newKeys.push(key);
      this.noteScope(key);
    } else {
      keyEnd = q + 1;
      while (isKeyChar(text.charCodeAt(keyEnd))) keyEnd++;
      if (text.charCodeAt(keyEnd) !== Code.Colon || keyEnd - q < 2) return -1;
      key = this.internKey(q, keyEnd);
    }
    const valueStart = this.skipSpaces(keyEnd + 1);
    const valueChar = text.charCodeAt(valueStart);
    const value = this.metaValue(key, valueStart);
    if (value === null) return -1;
    this.lineKey = key.name;
    this.lineValue = value;
    // The entry's text ends with its value (or the colon): no trailing comment, spaces or CR.
    this.lineContentEnd = valueChar === Code.Newline || valueChar === Code.Semicolon ? keyEnd + 1 : this.end;
    return this.lineEnd(this.end);
  }

  /** Whether the line after the newline at `newline` continues a directive (indented, not blank). */
  private continues(newline: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(newline + 1))) return false;
    const c = text.charCodeAt(this.skipSpaces(newline + 1));
    return !(c === Code.Newline || Number.isNaN(c));
  }

  /** An account at p followed by the end of a token; sets `end`. */
  private accountAt(p: number): string | null {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (!(isUpper(c) || (isNonAscii(c) && !isUnicodeSpace(c)))) return null;
    const end = matchAccount(this.text, p);
    if (end <= p || !endsToken(text.charCodeAt(end))) return null;
    this.end = end;
    return this.intern(p, end);
  }

  /** A currency at p (not an account, TRUE, FALSE or NULL) followed by the end of a token; sets `end`. */
  private currencyAt(p: number): string | null {
    if (!isUpper(this.text.charCodeAt(p))) return null;
    const end = this.currencyEnd(p);
    if (end < 0 || matchAccount(this.text, p) > p) return null;
    const currency = this.intern(p, end);
    if (currency === "TRUE" || currency === "FALSE" || currency === "NULL") return null;
    this.end = end;
    return currency;
  }

  /**
   * The rest of the header line from p, then the `key: value` lines (and indented comments) under
   * a directive that starts at `start`: its span and metadata; sets `next` and `lines`. Null at
   * anything else.
   */
  private metadataBlock(start: number, p: number): { span: Span; meta: readonly MetaEntry[] } | null {
    const text = this.text;
    p = this.lineEnd(p);
    if (p < 0) return null;
    let end = p;
    let lines = 1;
    const meta: MetaEntry[] = [];
    while (this.continues(p)) {
      const q = this.skipSpaces(p + 1);
      lines++;
      if (text.charCodeAt(q) === Code.Semicolon) {
        p = text.indexOf("\n", q);
        if (p < 0) return null;
        end = p;
        continue;
      }
      const c = text.charCodeAt(q);
      if (!(isLower(c) || (isNonAscii(c) && !isUnicodeSpace(c)))) return null;
      p = this.metaLine(q);
      if (p < 0) return null;
      const value = this.lineValue;
      const decoded: MetaValue = typeof value === "string" ? { type: "string", value } : value;
      meta.push(new MetaLine(this.lineKey, decoded, this.file, this.base + q, this.base + this.lineContentEnd));
      end = p;
    }
    this.next = p + 1;
    this.lines = lines;
    return { span: { file: this.file, start: this.base + start, end: this.base + end }, meta: meta.length === 0 ? [] : meta };
  }

  /** The transaction starting at `start` (a line's first column), or null to leave it to the grammar. */
  transaction(start: number): PlainTransaction | Transaction | null {
    const text = this.text;
    const file = this.file;
    const date = this.date(start);
    if (date === null) return null;
    let p = this.skipSpaces(start + 10);
    if (p === start + 10) return null;

    let flag: string;
    const flagCode = text.charCodeAt(p);
    if (flagCode === Code.Star || flagCode === Code.Bang) {
      flag = flagCode === Code.Star ? "*" : "!";
      p++;
    } else if (flagCode === Code.LowerT && text.startsWith("txn", p)) {
      flag = "*";
      p += 3;
    } else {
      return null;
    }
    if (!endsToken(text.charCodeAt(p))) return null;

    // Header: up to two strings, then tags and links, then an optional comment.
    let first: string | null = null;
    let second: string | null = null;
    const tags = this.tags;
    const links = this.links;
    // (Setting an array's length is a call into V8's runtime: only when there is something to clear.)
    this.tagCount = 0;
    this.linkCount = 0;
    this.headString = null;
    this.scope++;
    this.repeatedKey = false;
    if (this.newKeys.length !== 0) this.newKeys.length = 0;
    this.lastKey = null;
    if (this.prices.length !== 0) this.prices.length = 0;
    for (;;) {
      p = this.skipSpaces(p);
      const c = text.charCodeAt(p);
      if (c === Code.Quote) {
        if (second !== null || this.tagCount > 0 || this.linkCount > 0) return null;
        const close = this.string(p);
        if (close < 0) return null;
        // (With one string only, the narration goes through the payees' table: it is just a cache.)
        if (first === null) this.headString = first = this.payees.get(p + 1, close);
        else second = this.narrations.get(p + 1, close);
        p = close + 1;
      } else if (c === Code.Hash || c === Code.Caret) {
        let q = p + 1;
        while (isTagChar(text.charCodeAt(q))) q++;
        if (q === p + 1 || !endsToken(text.charCodeAt(q))) return null;
        if (c === Code.Hash) {
          // (The tag read last, #crm on every claim, is tried first.)
          const last = this.lastTag;
          tags[this.tagCount++] = last.length === q - p - 1 && sameRange(text, p + 1, last) ? last : (this.lastTag = this.tagNames.get(p + 1, q));
        }
        else links[this.linkCount++] = copyRange(text, p + 1, q);
        p = q;
      } else {
        break;
      }
    }
    p = this.lineEnd(p);
    if (p < 0) return null;

    let end = p;
    // Lines read (each ends with a newline): the caller counts lines on from the transaction's end.
    let lines = 1;
    const layout = this.layout;
    layout.begin(this.base + start);
    let metaCount = 0;
    let postingCount = 0;
    // The posting whose metadata lines may still follow (kept in fields: no object per posting).
    let open = false;
    for (;;) {
      // A continuation line starts with whitespace and is not blank.
      const lineStart = p + 1;
      if (!isSpace(text.charCodeAt(lineStart))) break;
      const q = this.skipSpaces(lineStart);
      const c = text.charCodeAt(q);
      if (c === Code.Newline || Number.isNaN(c)) break;
      lines++;
      if (c === Code.Semicolon) {
        p = text.indexOf("\n", q);
        if (p < 0) return null;
        end = p;
        continue;
      }
      const word = isNonAscii(c) && !isUnicodeSpace(c);
      let accountEnd = q;
      if (isUpper(c) || word) accountEnd = matchAccount(text, q);
      if (accountEnd > q) {
        // A posting: ACCOUNT [NUMBER [CURRENCY]].
        if (!endsToken(text.charCodeAt(accountEnd))) return null;
        const units = this.units(this.skipSpaces(accountEnd));
        if (units === undefined) return null;
        const scaled = this.scaled;
        const scale = this.scale;
        const unitsCurrency = this.unitsCurrency;
        let price: Amount | null = null;
        if (units !== null && (units === SCALED_UNITS || (units as IncompleteAmount).currency !== null)) {
          const at = this.skipSpaces(this.end);
          if (text.charCodeAt(at) === Code.At) {
            price = this.price(at);
            if (price === null) return null;
          }
        }
        p = this.lineEnd(this.end);
        if (p < 0) return null;
        if (open) this.closePosting();
        open = true;
        postingCount++;
        if (price !== null) this.prices.push(postingCount - 1, price, this.priceIsTotal);
        this.openStart = q;
        this.openContentEnd = units === null ? accountEnd : this.end;
        this.openAccount = this.intern(q, accountEnd);
        this.openUnits = units;
        if (units === SCALED_UNITS) {
          this.openScaled = scaled;
          this.openScale = scale;
          this.openCurrency = unitsCurrency;
        }
        this.postingMetaLength = 0;
        // (The posting's own metadata lines: a scope of their own.)
        this.scope++;
      } else if (isLower(c) || word) {
        // A metadata line: KEY metaValue, for the last posting or else the transaction.
        p = this.metaLine(q);
        if (p < 0) return null;
        const contentEnd = this.base + this.lineContentEnd;
        if (open) {
          const meta = this.postingMeta;
          const at = this.postingMetaLength;
          meta[at] = this.lineKey;
          meta[at + 1] = this.lineValue;
          meta[at + 2] = this.base + q;
          meta[at + 3] = contentEnd;
          this.postingMetaLength = at + 4;
        } else {
          layout.metaLine(this.lineKey, this.lineValue, this.base + q, contentEnd);
          metaCount++;
        }
      } else {
        return null;
      }
      end = p;
    }
    if (open) this.closePosting();

    let payee: string | null = null;
    let narration = "";
    if (second !== null) {
      payee = first;
      narration = second;
    } else if (first !== null) {
      narration = first;
    }
    // (Tags and links are gathered in scratch arrays, which finish copies as it keeps them.)
    const transaction = layout.finish(
      metaCount, postingCount, date, flag, payee, narration, labelList(tags, this.tagCount, this.oneTag),
      labelList(links, this.linkCount, this.oneLink), file, this.base + start, this.base + end,
    );
    // (A transaction too long to keep compact is left to the grammar, which keeps it as objects.)
    if (transaction === null) return null;
    this.next = p + 1;
    this.lines = lines;
    if (this.prices.length !== 0) return this.withPrices(transaction);
    return transaction;
  }

  /**
   * A price annotation at p (its `@`), after units with a currency: `@ NUMBER CURRENCY` or
   * `@@ NUMBER CURRENCY`, the number not negative (a negative price is reported by the grammar);
   * sets `end` and `priceIsTotal`. Null to leave the transaction to the grammar.
   */
  private price(p: number): Amount | null {
    const text = this.text;
    const total = text.charCodeAt(p + 1) === Code.At;
    let q = p + (total ? 2 : 1);
    if (!isSpace(text.charCodeAt(q))) return null;
    q = this.skipSpaces(q);
    if (!isDigit(text.charCodeAt(q)) || !this.number(q)) return null;
    const currency = this.currencyAt(this.skipSpaces(this.end));
    if (currency === null) return null;
    this.priceIsTotal = total;
    return this.amount(currency);
  }

  /**
   * The transaction `plain` (just read, with `prices`) as the grammar gives a transaction with
   * price annotations: an object whose priced postings are objects (makePosting's), the others
   * PlainPostings. Its slots in the shared chunk are given back.
   */
  private withPrices(plain: PlainTransaction): Transaction {
    const prices = this.prices;
    const file = plain.file;
    // (The postings PlainTransaction makes: a posting without metadata shares one frozen empty
    // list, as a compact transaction's do.)
    const postings = plain.postings.slice() as Posting[];
    for (let slot = 0; slot < prices.length; slot += 3) {
      const index = prices[slot] as number;
      const posting = postings[index] as PlainPosting;
      postings[index] = {
        span: { file, start: posting.start, end: posting.end }, flag: null, account: posting.account, units: posting.units,
        costSpec: null, costIsTotal: false, price: prices[slot + 1] as Amount, priceIsTotal: prices[slot + 2] as boolean, meta: posting.meta,
      };
    }
    // (What makeTransaction would give: a priced posting is no PlainPosting, so never compact.)
    const transaction = transactionObject({
      date: plain.date, span: plain.span, meta: plain.meta, flag: plain.flag, payee: plain.payee,
      narration: plain.narration, tags: plain.tags, links: plain.links, postings,
    });
    this.layout.discard();
    return transaction;
  }

  /** Write the posting read last (openStart ...) and its metadata lines. */
  private closePosting(): void {
    const meta = this.postingMeta;
    const length = this.postingMetaLength;
    const layout = this.layout;
    const start = this.base + this.openStart;
    // A posting's span ends at its last metadata line. (postingMeta: key, value, start, end each.)
    const end = length === 0 ? this.base + this.openContentEnd : meta[length - 1] as number;
    if (this.openUnits === SCALED_UNITS) layout.scaledPosting(this.openAccount, this.openScaled, this.openScale, this.openCurrency, start, end, length / 4);
    else layout.posting(this.openAccount, this.openUnits as IncompleteAmount | null, start, end, length / 4);
    for (let index = 0; index < length; index += 4) {
      layout.metaLine(meta[index] as string, meta[index + 1], meta[index + 2] as number, meta[index + 3] as number);
    }
  }
}
