// Where a journal text can be cut into pieces that parse on their own: before a dated directive at
// the start of a line, after a blank line, outside any string. The formatter's check parses only
// the pieces its edits touch, each before and after, so that a large journal is never held twice
// whole and a journal with a few changes is checked in a moment.
import { stringOpenAfter } from "./lines.js";

/**
 * Offsets where pieces of about `size` characters or more start (the first is 0; the last piece
 * runs to the end of the text).
 */
export function pieceStarts(text: string, size: number): number[] {
  const starts = [0];
  let inString = false;
  let previousBlank = true;
  let nextQuote = text.indexOf('"');
  for (let start = 0; start < text.length;) {
    let lineEnd = text.indexOf("\n", start);
    if (lineEnd < 0) lineEnd = text.length;
    const c = text.charCodeAt(start);
    if (!inString && previousBlank && c >= 0x30 && c <= 0x39 && start - starts[starts.length - 1]! >= size) starts.push(start);
    if (nextQuote >= 0 && nextQuote < start) nextQuote = text.indexOf('"', start);
    if (inString || (nextQuote >= 0 && nextQuote < lineEnd)) inString = stringOpenAfter(text, start, lineEnd, inString);
    let first = start;
    while (first < lineEnd && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09 || text.charCodeAt(first) === 0x0d)) first++;
    previousBlank = !inString && first === lineEnd;
    start = lineEnd + 1;
  }
  return starts;
}
