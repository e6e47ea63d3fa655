// Offsets to line and column, computed only when a location is printed.
export interface Location { line: number; column: number }

const lineStartsCache = new WeakMap<object, number[]>();

/** Offsets where each line of `text` starts. */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based index of the line containing `offset`, given the lines' start offsets. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Offsets where each line starts; cached per text holder. */
function lineStarts(holder: { text: string }): number[] {
  let starts = lineStartsCache.get(holder);
  if (starts === undefined) {
    starts = lineStartOffsets(holder.text);
    lineStartsCache.set(holder, starts);
  }
  return starts;
}

/** 1-based line and column of an offset (column counts UTF-16 code units, a BOM not counted). */
export function locate(holder: { text: string }, offset: number): Location {
  const starts = lineStarts(holder);
  const low = lineIndexAt(starts, offset);
  let column = offset - starts[low]! + 1;
  if (low === 0 && holder.text.charCodeAt(0) === 0xfeff && offset > 0) column -= 1;
  return { line: low + 1, column };
}

/** The text of the line containing an offset, without its line ending. */
export function lineText(holder: { text: string }, offset: number): string {
  const starts = lineStarts(holder);
  const { line } = locate(holder, offset);
  const start = starts[line - 1]!;
  const end = line < starts.length ? starts[line]! - 1 : holder.text.length;
  return holder.text.slice(start, end).replace(/\r$/, "").replace(/^\ufeff/, "");
}
