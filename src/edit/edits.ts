// Writers change a journal through text edits on source offsets: every byte outside an edit stays
// exactly as it was (comments, alignment, blank lines, CRLF line ends, a BOM).

/** Replace text[start, end) of one file with `text`. */
export interface TextEdit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Apply non-overlapping edits to one file's text. Edits at the same offset keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  let result = "";
  let position = 0;
  for (const { edit } of ordered) {
    if (edit.start < position) throw new Error(`overlapping edits at offset ${edit.start} in ${edit.file}`);
    result += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return result + text.slice(position);
}

/** How many line ends ("\n") a text has, and the line ending it mostly uses. */
export interface LineEnds {
  readonly eol: "\r\n" | "\n";
  readonly count: number;
}

/** The line ends of `text`, counted in one pass without splitting it (a 100k-transaction journal is 40 MB): writers that need both ask once. */
export function lineEnds(text: string): LineEnds {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) crlf++;
    else lf++;
  }
  return { eol: crlf > lf ? "\r\n" : "\n", count: crlf + lf };
}

/** The line ending a file mostly uses, so inserted lines match it. */
export function lineEnding(text: string): "\r\n" | "\n" {
  return lineEnds(text).eol;
}

/** Whether `text` (ending with "\n") ends with a blank line: its last line holds only spaces and tabs. Looks only at the end. */
function endsWithBlankLine(text: string): boolean {
  let index = text.length - 1; // the final "\n"
  if (index > 0 && text.charCodeAt(index - 1) === 0x0d) index--;
  while (index > 0) {
    const code = text.charCodeAt(index - 1);
    if (code !== 0x20 && code !== 0x09) break;
    index--;
  }
  return index === 0 || text.charCodeAt(index - 1) === 0x0a;
}

/**
 * How new entries go at the end of a file whose text is `text`: its line ending (`eol`, when the
 * caller has it already), what comes before the first entry and after the last. One blank line
 * before each entry, and a final newline only if the file had one (or was empty).
 */
export function appendLayout(text: string, eol = lineEnding(text)): AppendLayout {
  return layoutAfter(text === "" ? "empty" : !text.endsWith("\n") ? "unended" : endsWithBlankLine(text) ? "blank" : "line", eol);
}

export interface AppendLayout {
  readonly eol: "\r\n" | "\n";
  readonly lead: string;
  readonly tail: string;
}

/** How a file ends, for appendLayout: empty, without a final newline, with a blank line, or with a line that is not blank. */
export type FileEnding = "empty" | "unended" | "blank" | "line";

/** appendLayout of a file that ends as `ending` says. */
export function layoutAfter(ending: FileEnding, eol: "\r\n" | "\n"): AppendLayout {
  if (ending === "empty") return { eol, lead: "", tail: eol };
  if (ending === "unended") return { eol, lead: eol + eol, tail: "" };
  if (ending === "blank") return { eol, lead: "", tail: eol }; // already ends with a blank line
  return { eol, lead: eol, tail: eol };
}

/** What appends `blocks` (new entries, each its lines joined by the file's line ending) to a file whose text is `text` (see appendLayout). */
export function appendedEntries(text: string, blocks: readonly string[], layout = appendLayout(text)): string {
  return entriesLaidOut(blocks, layout);
}

/** What appends `blocks` to a file that ends as `layout` says. */
export function entriesLaidOut(blocks: readonly string[], layout: AppendLayout): string {
  const { eol, lead, tail } = layout;
  return lead + blocks.join(eol + eol) + tail;
}

/** Group edits by file, preserving first-seen file order. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const list = byFile.get(edit.file);
    if (list) list.push(edit);
    else byFile.set(edit.file, [edit]);
  }
  return byFile;
}
