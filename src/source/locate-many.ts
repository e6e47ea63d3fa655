// Lines and columns of some offsets of one file, read in pieces as the loader reads it: a report
// that locates a few entries of a large journal need not hold its whole text (decoding a 40 MB
// journal into one string and indexing its lines costs more than the rest of an audit).
import type { SourceFile } from "./files.js";
import type { Location } from "./location.js";

/** Each offset's 1-based line and column (as locate gives them); offsets past the end get the end. */
export function locateMany(source: SourceFile, offsets: readonly number[]): Map<number, Location> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, Location>();
  let line = 1;
  let lineStart = 0;
  let position = 0;
  let index = 0;
  let bom = false;
  const place = (offset: number) => {
    const column = offset - lineStart + 1 - (line === 1 && bom && offset > 0 ? 1 : 0);
    found.set(offset, { line, column });
  };
  for (const piece of source.readPieces()) {
    if (position === 0 && piece.charCodeAt(0) === 0xfeff) bom = true;
    let scan = 0;
    const countTo = (end: number) => {
      for (let at = piece.indexOf("\n", scan); at >= 0 && at < end; at = piece.indexOf("\n", at + 1)) {
        line++;
        lineStart = position + at + 1;
      }
      scan = end;
    };
    while (index < wanted.length && wanted[index]! < position + piece.length) {
      countTo(wanted[index]! - position);
      place(wanted[index]!);
      index++;
    }
    countTo(piece.length);
    position += piece.length;
    if (index === wanted.length) break;
  }
  while (index < wanted.length) place(wanted[index++]!);
  return found;
}
