// New entries at the end of a journal file, as one text edit: one blank line before each entry,
// the file's own line ending, and a final newline only if the file had one (an empty file gets one).
import { lineEnding, type TextEdit } from "./edits.js";

export interface Appended {
  readonly edit: TextEdit;
  /** Offset of each entry's first line in the file as it is after the edit. */
  readonly starts: readonly number[];
}

export function appendEntries(file: string, text: string, entries: readonly (readonly string[])[]): Appended {
  const eol = lineEnding(text);
  const blocks = entries.map((lines) => lines.join(eol));
  let lead: string;
  let tail: string;
  if (text === "") { lead = ""; tail = eol; }
  else if (!text.endsWith("\n")) { lead = eol + eol; tail = ""; }
  else if (/(?:^|\n)[ \t]*\r?\n$/.test(text)) { lead = ""; tail = eol; } // already ends with a blank line
  else { lead = eol; tail = eol; }
  const starts: number[] = [];
  let offset = text.length + lead.length;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.length + 2 * eol.length;
  }
  return { edit: { file, start: text.length, end: text.length, text: lead + blocks.join(eol + eol) + tail }, starts };
}
