// New entries at the end of a journal file, as one text edit (edits.ts appendLayout), and where each
// entry starts once it is written.
import { appendLayout, entriesLaidOut, type AppendLayout, type TextEdit } from "./edits.js";

export interface Appended {
  readonly edit: TextEdit;
  /** Offset of each entry's first line in the file as it is after the edit. */
  readonly starts: readonly number[];
}

/** `layout`: appendLayout(text), when the caller has it already. */
export function appendEntries(file: string, text: string, entries: readonly (readonly string[])[], layout = appendLayout(text)): Appended {
  return appendEntriesAt(file, text.length, entries, layout);
}

/** The same, to a file whose text is `length` long and ends as `layout` says (file-end.ts, without the text). */
export function appendEntriesAt(file: string, length: number, entries: readonly (readonly string[])[], layout: AppendLayout): Appended {
  const { eol, lead } = layout;
  const blocks = entries.map((lines) => lines.join(eol));
  const starts: number[] = [];
  let offset = length + lead.length;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.length + 2 * eol.length;
  }
  return { edit: { file, start: length, end: length, text: entriesLaidOut(blocks, layout) }, starts };
}
