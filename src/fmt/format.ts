// Formatting a journal the way bean-format does, measured in display columns: every posting,
// balance and price amount of a file (or of a block of lines between blank lines) right-aligned
// on one column, so that the currencies line up too; posting indents made the file's most common
// one. Only spaces and tabs change, and only within lines; every other byte stays where it was.
import type { TextEdit } from "../edit/edits.js";
import { columnAfter } from "../core/display-width.js";
import { formattableLines, type AmountLine, type FormattableLine } from "./lines.js";

/** One column for the whole file (as bean-format), or one per block of lines between blank lines. */
export type AlignScope = "file" | "block";

export interface FormatOptions {
  readonly align: AlignScope;
}

/** Spaces between the widest head and the widest number, as bean-format leaves. */
const GAP = 2;

/** The indent most postings have (ties: the longer, so that a formatted file keeps its choice). */
function commonIndent(lines: readonly FormattableLine[]): string | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.indent !== "") counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
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

/** The formatted text of each line that changes, as edits of `text` (offsets into it). */
export function formatEdits(file: string, text: string, options: FormatOptions): TextEdit[] {
  const lines = formattableLines(text);
  const indent = commonIndent(lines);
  const indentOf = (line: FormattableLine) => (line.indent === "" || indent === null ? line.indent : indent);
  const edits: TextEdit[] = [];
  const replace = (line: FormattableLine, formatted: string) => {
    if (formatted.length !== line.length || formatted !== text.slice(line.start, line.start + line.length)) {
      edits.push({ file, start: line.start, end: line.start + line.length, text: formatted });
    }
  };
  // Lines that share an amount column: the whole file, or each block.
  let from = 0;
  while (from < lines.length) {
    let to = from + 1;
    if (options.align === "block") while (to < lines.length && lines[to]!.block === lines[from]!.block) to++;
    else to = lines.length;
    const amounts: { line: AmountLine; headEnd: number }[] = [];
    let headColumn = 0;
    let numberWidth = 0;
    for (let index = from; index < to; index++) {
      const line = lines[index]!;
      if (line.kind === "bare-posting") {
        replace(line, indentOf(line) + line.rest);
        continue;
      }
      const headEnd = columnAfter(line.head, columnAfter(indentOf(line)));
      amounts.push({ line, headEnd });
      headColumn = Math.max(headColumn, headEnd);
      numberWidth = Math.max(numberWidth, line.number.length);
    }
    for (const { line, headEnd } of amounts) {
      const padding = headColumn - headEnd + GAP + numberWidth - line.number.length;
      replace(line, `${indentOf(line)}${line.head}${" ".repeat(padding)}${line.number} ${line.tail}`);
    }
    from = to;
  }
  return edits;
}
