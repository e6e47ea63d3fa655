// The entries of a loaded journal as beancount text, normalised: one file (includes merged), options
// first, then every entry in date order, one blank line apart, comments dropped, amounts as booked
// (elided amounts filled in, lots with their cost and date), numbers aligned within a transaction.
// The output reads back in feeledger and in beancount to the same balances.
// Left out: the transactions a `pad` generates (the pad itself is printed and generates them again
// when the text is read; printing both would pad twice, and beancount would report the pad as
// unused), and `plugin` lines (feeledger does not run plugins).
import * as path from "node:path";
import type { BookedPosting, BookedTransaction, LedgerEntry, MetaEntry, MetaValue } from "../core/data.js";
import { formatNumber } from "../core/number.js";
import { ScaledAmount, scaledText } from "../core/amount.js";
import { displayWidth } from "./terminal.js";

export interface PrintSource {
  readonly entries: readonly LedgerEntry[];
  /** Options as written, in order (Ledger.options.raw). */
  readonly options: ReadonlyMap<string, readonly string[]>;
  /** The top-level file: document paths are written relative to its folder. */
  readonly mainFile: string;
}

/** Options that only steer loading and are not printed (the text has no includes or plugins). */
const NOT_PRINTED = new Set(["include", "plugin", "filename", "input_hash", "dcontext"]);

const TO_ESCAPE = /["\\]/;

export function quote(text: string): string {
  if (!TO_ESCAPE.test(text)) return `"${text}"`;
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function valueText(value: MetaValue): string {
  switch (value.type) {
    case "string": return quote(value.value);
    case "account": case "currency": case "date": return value.value;
    case "tag": return `#${value.value}`;
    case "link": return `^${value.value}`;
    case "bool": return value.value ? "TRUE" : "FALSE";
    case "number": return formatNumber(value.value, value.scale);
    case "amount": return `${formatNumber(value.value.number, value.value.scale)} ${value.value.currency}`;
    case "null": return "";
  }
}

function metaLine(entry: MetaEntry, indent: string): string {
  return `${indent}${entry.key}: ${valueText(entry.value)}`.trimEnd();
}

/** `text` followed by each metadata line, each after a line end. */
function withMetaLines(text: string, meta: readonly MetaEntry[], indent: string): string {
  for (let index = 0; index < meta.length; index += 1) text += "\n" + metaLine(meta[index]!, indent);
  return text;
}

function tagsAndLinks(tags: readonly string[], links: readonly string[]): string {
  let text = "";
  for (const tag of tags) text += ` #${tag}`;
  for (const link of links) text += ` ^${link}`;
  return text;
}

/** The text after a posting's number: its currency, cost and price. */
function postingRest(posting: BookedPosting): string {
  const { units, cost, source } = posting;
  let rest = ` ${units.currency}`;
  if (cost !== null) {
    rest += ` {${formatNumber(cost.number, cost.scale)} ${cost.currency}, ${cost.date}${cost.label === null ? "" : `, ${quote(cost.label)}`}}`;
  }
  if (source.price !== null && source.price.number !== null) {
    rest += ` ${source.priceIsTotal ? "@@" : "@"} ${formatNumber(source.price.number, source.price.scale)} ${source.price.currency ?? posting.price?.currency ?? ""}`;
  } else if (posting.price !== null) {
    rest += ` @ ${formatNumber(posting.price.number, posting.price.scale)} ${posting.price.currency}`;
  }
  return rest.trimEnd();
}

// An account's display width, measured once per distinct account (a journal names few accounts many times).
const ACCOUNT_WIDTHS_LIMIT = 100_000;
const accountWidths = new Map<string, number>();

function accountWidth(account: string): number {
  let width = accountWidths.get(account);
  if (width === undefined) {
    width = displayWidth(account);
    if (accountWidths.size >= ACCOUNT_WIDTHS_LIMIT) accountWidths.clear();
    accountWidths.set(account, width);
  }
  return width;
}

// One posting's pieces while its transaction is written: scratch reused from one transaction to the next.
const prefixes: string[] = [];
const prefixWidths: number[] = [];
const numbers: string[] = [];

function transactionText(entry: BookedTransaction): string {
  let text = `${entry.date} ${entry.flag}${entry.payee === null ? "" : ` ${quote(entry.payee)}`} ${quote(entry.narration)}${tagsAndLinks(entry.tags, entry.links)}`;
  text = withMetaLines(text, entry.meta, "  ");
  const booked = entry.booked;
  const count = booked.length;
  let prefixWidth = 0;
  let numberWidth = 0;
  for (let index = 0; index < count; index += 1) {
    const posting = booked[index]!;
    const { units, source } = posting;
    // The flag and the account: measured whole when flagged (rare), the account's width alone otherwise.
    const prefix = source.flag === null ? posting.account : `${source.flag} ${posting.account}`;
    const width = source.flag === null ? accountWidth(prefix) : displayWidth(prefix);
    const number = units instanceof ScaledAmount ? scaledText(units.scaled, units.scale) : formatNumber(units.number, units.scale);
    prefixes[index] = prefix;
    prefixWidths[index] = width;
    numbers[index] = number;
    if (width > prefixWidth) prefixWidth = width;
    if (number.length > numberWidth) numberWidth = number.length;
  }
  for (let index = 0; index < count; index += 1) {
    const posting = booked[index]!;
    const number = numbers[index]!;
    text += `\n  ${prefixes[index]!}${" ".repeat(prefixWidth - prefixWidths[index]! + 2 + numberWidth - number.length)}${number}${postingRest(posting)}`;
    // A posting split by interpolation or lot matching keeps its metadata once.
    if (index === 0 || booked[index - 1]!.source !== posting.source) text = withMetaLines(text, posting.source.meta, "    ");
  }
  return text;
}

function entryText(entry: LedgerEntry, mainFolder: string): string {
  const withMeta = (line: string) => withMetaLines(line, entry.meta, "  ");
  switch (entry.type) {
    case "transaction": return transactionText(entry);
    case "open":
      return withMeta(`${entry.date} open ${entry.account}${entry.currencies.length > 0 ? ` ${entry.currencies.join(",")}` : ""}${entry.booking === null ? "" : ` ${quote(entry.booking)}`}`);
    case "close": return withMeta(`${entry.date} close ${entry.account}`);
    case "commodity": return withMeta(`${entry.date} commodity ${entry.currency}`);
    case "balance": {
      const tolerance = entry.tolerance === null ? "" : ` ~ ${formatNumber(entry.tolerance)}`;
      return withMeta(`${entry.date} balance ${entry.account} ${formatNumber(entry.amount.number, entry.amount.scale)}${tolerance} ${entry.amount.currency}`);
    }
    case "pad": return withMeta(`${entry.date} pad ${entry.account} ${entry.sourceAccount}`);
    case "note": return withMeta(`${entry.date} note ${entry.account} ${quote(entry.comment)}`);
    case "document": {
      const file = path.isAbsolute(entry.filename) ? entry.filename : path.relative(mainFolder, path.join(path.dirname(entry.span.file), entry.filename));
      return withMeta(`${entry.date} document ${entry.account} ${quote(file.split(path.sep).join("/"))}${tagsAndLinks(entry.tags, entry.links)}`);
    }
    case "event": return withMeta(`${entry.date} event ${quote(entry.eventType)} ${quote(entry.description)}`);
    case "query": return withMeta(`${entry.date} query ${quote(entry.name)} ${quote(entry.queryString)}`);
    case "price": return withMeta(`${entry.date} price ${entry.currency} ${formatNumber(entry.amount.number, entry.amount.scale)} ${entry.amount.currency}`);
    case "custom": return withMeta(`${entry.date} custom ${quote(entry.customType)}${entry.values.map((value) => ` ${valueText(value)}`).join("")}`);
  }
}

export function printJournal(source: PrintSource): string {
  const pieces: string[] = [];
  printJournalTo(source, (text) => pieces.push(text));
  return pieces.join("");
}

/**
 * printJournal's text in pieces of about `pieceLength` characters, each passed to `write` in order
 * as soon as it is made: a large journal's text is not held whole (nor is each entry's once written).
 * Small pieces (16K characters, not 1M): the texts of a piece live in V8's young generation (4 MB
 * under bin/feeledger) until it is written, and each scavenge copies them; a megabyte of them made
 * `print` of the 100k journal spend about 0.7 s more CPU, mostly in the collector.
 */
export function printJournalTo(source: PrintSource, write: (text: string) => void, pieceLength = 1 << 14): void {
  let blocks: string[] = [];
  let length = 0;
  let written = false;
  const flush = (last: boolean) => {
    if (blocks.length > 0) {
      write((written ? "\n\n" : "") + blocks.join("\n\n") + (last ? "\n" : ""));
      written = true;
    } else if (last) write("\n");
    blocks = [];
    length = 0;
  };
  const add = (block: string) => {
    blocks.push(block);
    length += block.length;
    if (length >= pieceLength) flush(false);
  };
  const options: string[] = [];
  for (const [name, values] of source.options) {
    if (NOT_PRINTED.has(name)) continue;
    for (const value of values) options.push(`option ${quote(name)} ${quote(value)}`);
  }
  if (options.length > 0) add(options.join("\n"));
  const pads = new Set(source.entries.filter((e) => e.type === "pad").map((e) => `${e.span.file}\u0000${e.span.start}`));
  const mainFolder = path.dirname(source.mainFile);
  for (const entry of source.entries) {
    if (entry.type === "transaction" && entry.flag === "P" && pads.has(`${entry.span.file}\u0000${entry.span.start}`)) continue;
    add(entryText(entry, mainFolder));
  }
  flush(true);
}
