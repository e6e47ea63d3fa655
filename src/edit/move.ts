// Moving a claim from its claim file into the books (`post`): the claim's text leaves the claim
// file and is appended to the target file of the books as a posted entry. Both files change only
// there; every other byte stays.
//
// - The claim's text is its lines: the comment lines written directly above its date line (no
//   blank line between: they are about this claim), the date line, and every line through its last
//   posting, metadata or indented comment line, with that line's ending.
// - Removing it also removes one blank line next to it, so that claim files do not pile up blank
//   lines: the blank line after it, else the one before it, unless a claim removed in the same
//   change took that line already (claims are removed from the end of the file backwards).
// - The posted entry is the same text with the decision's edits (flag `*`, `status`, `posted-on`,
//   as edit/claims.ts makes them), each relative `receipt` path rewritten to name the same file
//   from the target's folder, and the target's line ending. It is appended to the end of the target
//   after a blank line (edits.ts appendedEntries), so it keeps its date: the cost falls in the month
//   it was incurred.
import * as path from "node:path";
import type { MetaEntry, Transaction } from "../core/data.js";
import { applyEdits, type TextEdit } from "./edits.js";
import { claimEdits, formatMetaValue, valueRange, type ClaimChange } from "./claims.js";

/** A range of whole lines in a file's text. */
export interface LineBlock {
  readonly start: number;
  /** Just past the last line's ending (or the end of the text). */
  readonly end: number;
}

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Just past the ending of the line holding `offset` (the end of the text on the last line). */
function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

const isBlank = (line: string) => /^[ \t]*\r?\n?$/.test(line);
const isComment = (line: string) => /^\ufeff?[ \t]*;/.test(line);

/** The claim's lines in its file's text: attached comment lines above, then the claim itself. */
export function claimBlock(claim: Transaction, text: string): LineBlock {
  let start = lineStart(text, claim.span.start);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!isComment(text.slice(previous, start))) break;
    start = previous;
  }
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1; // the file's BOM stays
  return { start, end: lineEndAfter(text, Math.max(claim.span.start, claim.span.end - 1)) };
}

/**
 * The edits that remove `blocks` (claims' lines, not overlapping) from one file, each with one
 * adjoining blank line as described above.
 */
export function removalEdits(file: string, text: string, blocks: readonly LineBlock[]): TextEdit[] {
  const ordered = [...blocks].sort((a, b) => b.start - a.start);
  const taken: LineBlock[] = [];
  const isTaken = (at: number) => taken.some((range) => at >= range.start && at < range.end) || blocks.some((block) => at >= block.start && at < block.end);
  const edits: TextEdit[] = [];
  for (const block of ordered) {
    let { start, end } = block;
    const after = { start: end, end: lineEndAfter(text, end) };
    const beforeStart = start > 0 ? lineStart(text, start - 1) : -1;
    if (after.end > after.start && isBlank(text.slice(after.start, after.end)) && !isTaken(after.start)) {
      end = after.end;
      taken.push(after);
    } else if (beforeStart >= 0 && isBlank(text.slice(beforeStart, start)) && !isTaken(beforeStart)) {
      taken.push({ start: beforeStart, end: start });
      start = beforeStart;
    }
    edits.push({ file, start, end, text: "" });
  }
  return edits;
}

/** A relative receipt path, as written in `from`, named from the folder of `to`. */
export function rebasedPath(value: string, from: string, to: string): string {
  if (path.isAbsolute(value)) return value;
  const sameFolder = path.resolve(path.dirname(from)) === path.resolve(path.dirname(to));
  if (sameFolder) return value;
  const target = path.resolve(path.dirname(from), value);
  return path.relative(path.resolve(path.dirname(to)), target).split(path.sep).join("/");
}

/** Every `receipt` of the claim and its postings. */
function receipts(claim: Transaction): MetaEntry[] {
  const found = claim.meta.filter((entry) => entry.key === "receipt");
  for (const posting of claim.postings) for (const entry of posting.meta) if (entry.key === "receipt") found.push(entry);
  return found.filter((entry) => entry.span.file === claim.span.file && entry.span.start >= claim.span.start && entry.span.end <= claim.span.end);
}

/**
 * The posted entry's lines for `target`: the claim's block with `change` made, receipts rebased,
 * joined by `eol` (no final line ending).
 */
export function postedText(claim: Transaction, text: string, block: LineBlock, change: ClaimChange, target: string, eol: string): string {
  const edits: TextEdit[] = [...claimEdits(claim, text, change)];
  for (const entry of receipts(claim)) {
    if (entry.value.type !== "string") continue;
    const rebased = rebasedPath(entry.value.value, claim.span.file, target);
    if (rebased !== entry.value.value) edits.push({ file: claim.span.file, ...valueRange(text, entry), text: formatMetaValue({ type: "string", value: rebased }) });
  }
  const inside = edits.map((edit) => ({ ...edit, start: edit.start - block.start, end: edit.end - block.start }));
  const moved = applyEdits(text.slice(block.start, block.end), inside);
  return moved.replace(/\r?\n$/, "").replace(/\r?\n/g, eol);
}
