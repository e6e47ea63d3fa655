// Unified diffs (`--dry-run`), computed from the edited line ranges rather than a general diff,
// so they stay fast on journals of hundreds of thousands of lines.
import { applyEdits, type TextEdit } from "./edits.js";
import { lineIndexAt, lineStartOffsets } from "../source/location.js";

const CONTEXT = 3;

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.replace(/\r$/, ""));
}


interface Change { oldStart: number; oldEnd: number; newLines: string[] }

/** A unified diff of one file before and after its edits; "" when nothing changes. */
export function unifiedDiff(file: string, before: string, edits: readonly TextEdit[]): string {
  const after = applyEdits(before, edits);
  if (after === before) return "";
  const oldLines = splitLines(before);
  const starts = lineStartOffsets(before);
  // Each edit widened to whole lines; touching ranges merged; the new text of each range computed.
  const ranges = edits
    .map((edit) => {
      const start = lineIndexAt(starts, edit.start);
      // A pure insertion at a line start (or after the final newline) replaces no old line.
      if (edit.end === edit.start && starts[start] === edit.start) return { start, end: start };
      return { start, end: lineIndexAt(starts, Math.max(edit.start, edit.end - (edit.end > edit.start ? 1 : 0))) + 1 };
    })
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const changes: Change[] = merged.map((range) => {
    const startOffset = starts[range.start]!;
    const endOffset = range.end < starts.length ? starts[range.end]! : before.length;
    const inside = edits.filter((edit) => edit.start >= startOffset && edit.end <= endOffset)
      .map((edit) => ({ ...edit, start: edit.start - startOffset, end: edit.end - startOffset }));
    const newText = applyEdits(before.slice(startOffset, endOffset), inside);
    return { oldStart: range.start, oldEnd: range.end, newLines: splitLines(newText) };
  }).filter((change) => change.newLines.join("\n") !== oldLines.slice(change.oldStart, change.oldEnd).join("\n"));
  if (changes.length === 0) return "";

  let output = `--- ${file}\n+++ ${file}\n`;
  let shift = 0; // new line number minus old line number before the current hunk
  let index = 0;
  while (index < changes.length) {
    // Gather changes whose context windows overlap into one hunk.
    let last = index;
    while (last + 1 < changes.length && changes[last + 1]!.oldStart - changes[last]!.oldEnd <= 2 * CONTEXT) last++;
    const hunkStart = Math.max(0, changes[index]!.oldStart - CONTEXT);
    const hunkEnd = Math.min(oldLines.length, changes[last]!.oldEnd + CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let cursor = hunkStart;
    let hunkShift = 0;
    for (let i = index; i <= last; i++) {
      const change = changes[i]!;
      for (; cursor < change.oldStart; cursor++) { body.push(` ${oldLines[cursor]}`); oldCount++; newCount++; }
      for (let line = change.oldStart; line < change.oldEnd; line++) { body.push(`-${oldLines[line]}`); oldCount++; }
      for (const line of change.newLines) { body.push(`+${line}`); newCount++; }
      hunkShift += change.newLines.length - (change.oldEnd - change.oldStart);
      cursor = change.oldEnd;
    }
    for (; cursor < hunkEnd; cursor++) { body.push(` ${oldLines[cursor]}`); oldCount++; newCount++; }
    const oldFrom = oldCount === 0 ? hunkStart : hunkStart + 1;
    const newFrom = newCount === 0 ? hunkStart + shift : hunkStart + shift + 1;
    output += `@@ -${oldFrom},${oldCount} +${newFrom},${newCount} @@\n${body.join("\n")}\n`;
    shift += hunkShift;
    index = last + 1;
  }
  return output;
}
