// Formatting a journal the way bean-format does, measured in display columns: every posting,
// balance and price amount of a file (or of a block of lines between blank lines) right-aligned
// on one column, so that the currencies line up too; posting indents made the file's most common
// one. Only spaces and tabs change, and only within lines; every other byte stays where it was.
import type { TextEdit } from "../edit/edits.js";
import { columnAfter } from "../core/display-width.js";
import { formattableLines, type FormattableLine } from "./lines.js";

/** One column for the whole file (as bean-format), or one per block of lines between blank lines. */
export type AlignScope = "file" | "block";

export interface FormatOptions {
  readonly align: AlignScope;
}

/** Spaces between the widest head and the widest number, as bean-format leaves. */
const GAP = 2;

/** The indent most postings have (ties: the longer, so that a formatted file keeps its choice). */
function commonIndent(text: string, lines: readonly FormattableLine[]): string | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.headStart > line.start) {
      const indent = text.slice(line.start, line.headStart);
      counts.set(indent, (counts.get(indent) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [indent, count] of counts) {
    if (best === null || count > bestCount || (count === bestCount && (indent.length > best.length || (indent.length === best.length && indent < best)))) {
      best = indent;
      bestCount = count;
    }
  }
  return best;
}

/** Whether text[from, to) is `count` spaces. */
function isSpaces(text: string, from: number, to: number, count: number): boolean {
  if (to - from !== count) return false;
  for (let p = from; p < to; p++) if (text.charCodeAt(p) !== 0x20) return false;
  return true;
}

/** The formatted text of each line that changes, as edits of `text` (offsets into it). */
export function formatEdits(file: string, text: string, options: FormatOptions): TextEdit[] {
  const lines = formattableLines(text);
  const indent = commonIndent(text, lines);
  const indentWidth = indent === null ? 0 : columnAfter(indent);
  const edits: TextEdit[] = [];
  /** A dated line keeps its (absent) indent; a posting takes the common one. */
  const keepsIndent = (line: FormattableLine) => line.headStart === line.start || indent === null;
  const hasItsIndent = (line: FormattableLine) => keepsIndent(line) || (line.headStart - line.start === indent!.length && text.startsWith(indent!, line.start));
  /** Give the line its indent and `middle` between `headEnd` and `tailStart`. */
  const replace = (line: FormattableLine, middle: string) => {
    const lead = keepsIndent(line) ? text.slice(line.start, line.headStart) : indent!;
    edits.push({ file, start: line.start, end: line.end, text: lead + text.slice(line.headStart, line.headEnd) + middle + text.slice(line.tailStart, line.end) });
  };
  // Lines that share an amount column: the whole file, or each block.
  const headEnds = new Array<number>(lines.length);
  let from = 0;
  while (from < lines.length) {
    let to = from + 1;
    if (options.align === "block") while (to < lines.length && lines[to]!.block === lines[from]!.block) to++;
    else to = lines.length;
    let headColumn = 0;
    let numberWidth = 0;
    for (let index = from; index < to; index++) {
      const line = lines[index]!;
      if (line.numberStart < 0) continue;
      const lead = keepsIndent(line) ? columnAfter(text.slice(line.start, line.headStart)) : indentWidth;
      const headEnd = columnAfter(text.slice(line.headStart, line.headEnd), lead);
      headEnds[index] = headEnd;
      headColumn = Math.max(headColumn, headEnd);
      numberWidth = Math.max(numberWidth, line.numberEnd - line.numberStart);
    }
    for (let index = from; index < to; index++) {
      const line = lines[index]!;
      if (line.numberStart < 0) {
        if (!hasItsIndent(line)) replace(line, "");
        continue;
      }
      const padding = headColumn - headEnds[index]! + GAP + numberWidth - (line.numberEnd - line.numberStart);
      if (hasItsIndent(line) && isSpaces(text, line.headEnd, line.numberStart, padding) && isSpaces(text, line.numberEnd, line.tailStart, 1)) continue;
      replace(line, `${" ".repeat(padding)}${text.slice(line.numberStart, line.numberEnd)} `);
    }
    from = to;
  }
  return edits;
}
