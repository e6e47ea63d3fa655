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

function metaLines(meta: readonly MetaEntry[], indent: string): string[] {
  return meta.map((entry) => `${indent}${entry.key}: ${valueText(entry.value)}`.trimEnd());
}

function tagsAndLinks(tags: readonly string[], links: readonly string[]): string {
  return [...tags.map((tag) => ` #${tag}`), ...links.map((link) => ` ^${link}`)].join("");
}

function postingParts(posting: BookedPosting): { prefix: string; number: string; rest: string } {
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
  return { prefix: `${source.flag === null ? "" : `${source.flag} `}${posting.account}`, number: units instanceof ScaledAmount ? scaledText(units.scaled, units.scale) : formatNumber(units.number, units.scale), rest: rest.trimEnd() };
}

function transactionText(entry: BookedTransaction): string {
  const header = `${entry.date} ${entry.flag}${entry.payee === null ? "" : ` ${quote(entry.payee)}`} ${quote(entry.narration)}${tagsAndLinks(entry.tags, entry.links)}`;
  const lines = [header, ...metaLines(entry.meta, "  ")];
  const parts = entry.booked.map(postingParts);
  const prefixWidth = Math.max(0, ...parts.map((part) => displayWidth(part.prefix)));
  const numberWidth = Math.max(0, ...parts.map((part) => part.number.length));
  entry.booked.forEach((posting, index) => {
    const part = parts[index]!;
    const padding = " ".repeat(prefixWidth - displayWidth(part.prefix) + 2 + numberWidth - part.number.length);
    lines.push(`  ${part.prefix}${padding}${part.number}${part.rest}`);
    // A posting split by interpolation or lot matching keeps its metadata once.
    if (index === 0 || entry.booked[index - 1]!.source !== posting.source) lines.push(...metaLines(posting.source.meta, "    "));
  });
  return lines.join("\n");
}

function entryText(entry: LedgerEntry, mainFolder: string): string {
  const withMeta = (line: string) => [line, ...metaLines(entry.meta, "  ")].join("\n");
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
