// The formatter's guarantee, checked before anything is written: the formatted text parses to the
// same entries (every field of every directive, posting and metadata line, in the same order), the
// same options, includes and plugins and the same problems, and differs from the old text only in
// spaces and tabs. Places (spans, lines) are not compared: they are what formatting moves.
import { message, type Message } from "../i18n/message.js";
import type { MessageParams } from "../i18n/en.js";
import type { Amount, CostSpec, Directive, IncompleteAmount, MetaEntry, MetaValue, Posting } from "../core/data.js";
import type { Decimal } from "../core/number.js";
import { ScaledAmount } from "../core/amount.js";
import { applyEdits, type TextEdit } from "../edit/edits.js";
import { parseSource, type ParsedSource } from "../parser/parse.js";
import { pieceStarts } from "./pieces.js";

/** The fields of each directive besides its date and metadata. */
const DIRECTIVE_FIELDS: { readonly [Type in Directive["type"]]: readonly string[] } = {
  transaction: ["flag", "payee", "narration", "tags", "links"],
  open: ["account", "currencies", "booking"],
  close: ["account"],
  commodity: ["currency"],
  balance: ["account", "tolerance"],
  pad: ["account", "sourceAccount"],
  note: ["account", "comment"],
  document: ["account", "filename", "tags", "links"],
  event: ["eventType", "description"],
  query: ["name", "queryString"],
  price: ["currency"],
  custom: ["customType"],
};
const COST_FIELDS = ["perUnit", "total", "perUnitScale", "totalScale", "currency", "date", "label", "merge", "hash"] as const;

function isDecimal(value: unknown): value is Decimal {
  return typeof value === "object" && value !== null && typeof (value as Decimal).isFinite === "function";
}

/** Whether two field values are equal: strings, numbers, booleans, null, decimals, lists of strings. */
function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDecimal(a) && isDecimal(b)) return a.eq(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameScalar(item, b[index]));
  // `hash` absent and false mean the same.
  return (a === undefined && b === false) || (a === false && b === undefined);
}

function sameAmount(a: Amount | IncompleteAmount | null, b: Amount | IncompleteAmount | null): boolean {
  if (a === null || b === null) return a === b;
  // Most amounts are scaled integers: compared as such, without making their decimals.
  if (a instanceof ScaledAmount && b instanceof ScaledAmount) return a.scaled === b.scaled && a.scale === b.scale && a.currency === b.currency;
  return sameScalar(a.number, b.number) && a.scale === b.scale && a.currency === b.currency;
}

function sameCost(a: CostSpec | null, b: CostSpec | null): boolean {
  if (a === null || b === null) return a === b;
  return COST_FIELDS.every((field) => sameScalar(a[field], b[field]));
}

function sameMetaValue(a: MetaValue, b: MetaValue): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "null" || b.type === "null") return true;
  if (a.type === "amount" && b.type === "amount") return sameAmount(a.value, b.value);
  if (a.type === "number" && b.type === "number") return a.scale === b.scale && a.value.eq(b.value);
  return sameScalar(a.value, (b as { value: unknown }).value);
}

function sameMeta(a: readonly MetaEntry[], b: readonly MetaEntry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry.key === b[index]!.key && sameMetaValue(entry.value, b[index]!.value));
}

function samePosting(a: Posting, b: Posting): boolean {
  return a.flag === b.flag && a.account === b.account && sameAmount(a.units, b.units) && sameCost(a.costSpec, b.costSpec)
    && a.costIsTotal === b.costIsTotal && sameAmount(a.price, b.price) && a.priceIsTotal === b.priceIsTotal && sameMeta(a.meta, b.meta);
}

/** Whether two directives are the same entry wherever they are written. */
export function sameDirective(a: Directive, b: Directive): boolean {
  if (a.type !== b.type || a.date !== b.date || !sameMeta(a.meta, b.meta)) return false;
  const fields = a as unknown as Record<string, unknown>;
  const others = b as unknown as Record<string, unknown>;
  if (!DIRECTIVE_FIELDS[a.type].every((field) => sameScalar(fields[field], others[field]))) return false;
  switch (a.type) {
    case "transaction": {
      const postings = (b as typeof a).postings;
      return a.postings.length === postings.length && a.postings.every((posting, index) => samePosting(posting, postings[index]!));
    }
    case "balance":
    case "price":
      return sameAmount(a.amount, (b as typeof a).amount);
    case "custom": {
      const values = (b as typeof a).values;
      return a.values.length === values.length && a.values.every((value, index) => sameMetaValue(value, values[index]!));
    }
    default:
      return true;
  }
}

/** Text with every space and tab taken out: what formatting must not change. */
function withoutBlanks(text: string): string {
  return text.replace(/[ \t]+/g, "");
}

/** Pieces of about this many characters are parsed at a time (see pieces.ts). */
const PIECE_SIZE = 1 << 20;

/**
 * Why `text` with `edits` applied is not the same journal as `text` (the text of `file`), or null
 * when it is. The answer names the first difference, with the line it starts on in `text`.
 * Each piece of the text that an edit touches is parsed before and after (pieces.ts): a directive
 * reads the same either way, and what a piece cannot see (tags pushed before it) is the same for
 * both.
 */
export function journalDifference(file: string, text: string, edits: readonly TextEdit[], pieceSize = PIECE_SIZE): string | null {
  return journalDifferenceSaid(file, text, edits, pieceSize)?.text ?? null;
}

/** journalDifference as a catalogue message, to be said in the chosen language. */
export function journalDifferenceSaid(file: string, text: string, edits: readonly TextEdit[], pieceSize = PIECE_SIZE): Message | null {
  for (const edit of edits) {
    if (withoutBlanks(text.slice(edit.start, edit.end)) !== withoutBlanks(edit.text)) {
      return message("fmt reason line", { line: lineNumberAt(text, edit.start) });
    }
  }
  const ordered = [...edits].sort((a, b) => a.start - b.start);
  const starts = pieceStarts(text, pieceSize);
  let next = 0;
  for (let piece = 0; piece < starts.length && next < ordered.length; piece++) {
    const start = starts[piece]!;
    const end = piece + 1 < starts.length ? starts[piece + 1]! : text.length;
    const inside: TextEdit[] = [];
    while (next < ordered.length && ordered[next]!.start < end) {
      const edit = ordered[next++]!;
      inside.push({ ...edit, start: edit.start - start, end: edit.end - start });
    }
    if (inside.length === 0) continue;
    const before = text.slice(start, end);
    const difference = parsedDifference(parseSource(before, file), parseSource(applyEdits(before, inside), file));
    if (difference !== null) {
      // The piece's line numbers, counted in the whole text.
      return difference.key === "fmt reason entry" ? message("fmt reason entry", { ...(difference.params as MessageParams<"fmt reason entry">), line: lineNumberAt(text, start) - 1 + (difference.params as MessageParams<"fmt reason entry">).line }) : difference;
    }
  }
  return null;
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index >= 0 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

function parsedDifference(old: ParsedSource, formatted: ParsedSource): Message | null {
  const count = Math.min(old.directives.length, formatted.directives.length);
  for (let index = 0; index < count; index++) {
    if (!sameDirective(old.directives[index]!, formatted.directives[index]!)) {
      return message("fmt reason entry", { type: old.directives[index]!.type, line: old.lines[index]! });
    }
  }
  if (old.directives.length !== formatted.directives.length) {
    return message("fmt reason count", { formatted: formatted.directives.length, old: old.directives.length });
  }
  const controls = (parsed: ParsedSource) => JSON.stringify([
    parsed.options.map(({ name, value }) => [name, value]),
    parsed.includes.map(({ path }) => path),
    parsed.plugins.map(({ module, config }) => [module, config]),
  ]);
  if (controls(old) !== controls(formatted)) return message("fmt reason controls", {});
  const problems = (parsed: ParsedSource) => JSON.stringify(parsed.diagnostics.map(({ code, severity, message }) => [code, severity, message]));
  if (problems(old) !== problems(formatted)) return message("fmt reason problems", {});
  return null;
}
