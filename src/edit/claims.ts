// The claim writers' text edits: set transaction-level metadata (`status`, `approved-by`, ...),
// turn the flag `!` into `*`, and (posting into a closed month) give the claim a new date. An existing key in the claim is rewritten in place; a new key goes on
// a new line after the claim's last metadata line (or after the last line of the keys the change
// names in `after`), indented like it, with that line's ending (a CRLF file stays CRLF). Nothing
// else is touched; a change that is already made gives no edit.
import { metaEntry, type MetaEntry, type MetaValue, type Transaction } from "../core/data.js";
import { transactionWith } from "../core/plain-transaction.js";
import { lineEnding, type TextEdit } from "./edits.js";

/** What a decision writes into a claim. */
export interface ClaimChange {
  /** New flag for the header (only `*`, for posting), or undefined to keep it. */
  readonly flag?: "*";
  /** New date for the header (a claim posted after its month was closed), or undefined to keep it. */
  readonly date?: string;
  /** Metadata to set, in the order new lines are added. */
  readonly meta: readonly { readonly key: string; readonly value: MetaValue }[];
  /**
   * New lines go after the last line holding one of these keys, when the claim has one (a further
   * approval goes after the previous approval lines); otherwise after the last metadata line.
   */
  readonly after?: readonly string[];
}

/** A metadata value as beancount writes it: strings quoted and escaped, dates bare. */
export function formatMetaValue(value: MetaValue): string {
  switch (value.type) {
    case "string": return `"${value.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    case "date": case "account": case "currency": return value.value;
    case "tag": return `#${value.value}`;
    case "link": return `^${value.value}`;
    case "bool": return value.value ? "TRUE" : "FALSE";
    case "number": return value.value.toFixed(value.scale);
    case "amount": return `${value.value.number.toFixed(value.value.scale)} ${value.value.currency}`;
    case "null": return "NULL";
  }
}

function sameValue(a: MetaValue, b: MetaValue): boolean {
  return formatMetaValue(a) === formatMetaValue(b);
}

/** The claim's own metadata lines (not pushed by `pushmeta` elsewhere in the file). */
export function ownMeta(claim: Transaction): MetaEntry[] {
  return claim.meta.filter((entry) => entry.span.file === claim.span.file && entry.span.start >= claim.span.start && entry.span.end <= claim.span.end);
}

/** Offset of the flag in the header (right after the date), or -1 when the header has none there. */
export function flagOffset(claim: Transaction, text: string): number {
  const header = /^\S+[ \t]+/.exec(text.slice(claim.span.start, claim.span.start + 40));
  return header === null ? -1 : claim.span.start + header[0].length;
}

/** Where the line holding `offset` ends (before its "\r\n" or "\n"), and that ending. */
function lineEndAt(text: string, offset: number): { at: number; ending: string } {
  const newline = text.indexOf("\n", offset);
  if (newline < 0) return { at: text.length, ending: lineEnding(text) };
  const crlf = newline > 0 && text[newline - 1] === "\r";
  return { at: crlf ? newline - 1 : newline, ending: crlf ? "\r\n" : "\n" };
}

/**
 * Where the value of a `key: value` line is written: after the colon and blanks, a quoted string
 * to its closing quote, anything else to the next blank or comment (so a trailing comment stays).
 */
export function valueRange(text: string, entry: MetaEntry): { start: number; end: number } {
  let start = text.indexOf(":", entry.span.start) + 1;
  while (text[start] === " " || text[start] === "\t") start++;
  let end = start;
  if (text[start] === '"') {
    for (end = start + 1; end < entry.span.end && text[end] !== '"'; end++) if (text[end] === "\\") end++;
    end++;
  } else {
    while (end < entry.span.end && !/[\s;]/.test(text[end]!)) end++;
  }
  return { start, end };
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = text.slice(lineStart, offset);
  return /^[ \t]+$/.test(indent) ? indent : "  ";
}

/** The edits that make `change` true of `claim`, whose file's text is `text`. */
export function claimEdits(claim: Transaction, text: string, change: ClaimChange): TextEdit[] {
  const file = claim.span.file;
  const edits: TextEdit[] = [];
  if (change.date !== undefined && claim.date !== change.date) {
    const at = claim.span.start;
    if (text.slice(at, at + claim.date.length) !== claim.date) throw new Error(`cannot find the date of the transaction at offset ${at} in ${file}`);
    edits.push({ file, start: at, end: at + claim.date.length, text: change.date });
  }
  if (change.flag !== undefined && claim.flag !== change.flag) {
    const at = flagOffset(claim, text);
    if (at < 0 || text[at] !== claim.flag) throw new Error(`cannot find the flag of the transaction at offset ${claim.span.start} in ${file}`);
    edits.push({ file, start: at, end: at + 1, text: change.flag });
  }
  const own = ownMeta(claim);
  const added: string[] = [];
  for (const { key, value } of change.meta) {
    const existing = own.find((entry) => entry.key === key);
    if (existing === undefined) added.push(`${key}: ${formatMetaValue(value)}`);
    else if (!sameValue(existing.value, value)) edits.push({ file, ...valueRange(text, existing), text: formatMetaValue(value) });
  }
  if (added.length > 0) {
    const named = change.after === undefined ? [] : own.filter((entry) => change.after!.includes(entry.key));
    const last = named.length > 0 ? named.reduce((a, b) => (b.span.end > a.span.end ? b : a)) : own[own.length - 1];
    const anchor = last?.span.end ?? claim.span.start;
    const indent = last !== undefined ? indentOf(text, last.span.start)
      : claim.postings[0] !== undefined ? indentOf(text, claim.postings[0].span.start) : "  ";
    const end = lineEndAt(text, anchor);
    edits.push({ file, start: end.at, end: end.at, text: added.map((line) => end.ending + indent + line).join("") });
  }
  return edits;
}

/** The claim as it reads after `change`: same spans, new flag and metadata (for checking before writing). */
export function changedClaim<T extends Transaction>(claim: T, change: ClaimChange): T {
  const meta = [...claim.meta];
  for (const { key, value } of change.meta) {
    const index = meta.findIndex((entry) => entry.key === key);
    if (index >= 0) meta[index] = metaEntry(key, value, meta[index]!.span);
    else meta.push(metaEntry(key, value, { file: claim.span.file, start: claim.span.start, end: claim.span.start }));
  }
  return transactionWith(claim, { flag: change.flag ?? claim.flag, meta, date: change.date ?? claim.date }) as T;
}
