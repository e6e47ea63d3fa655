// A text written as UTF-8 into a buffer and measured in the same pass, as display-width.ts's
// simpleWidth measures it (its simple characters: printable ASCII, Latin, general punctuation, the
// common CJK blocks, one or two columns each, the soft hyphen none; any other character makes the
// text not simple). report vouchers writes a heading for each of a long period's vouchers: its
// summary was measured by a regular expression and a loop, then encoded by Buffer.write, a native
// call; here one loop over its characters does both. test/reports/simple-text.test.ts holds the
// measure to simpleWidth for every UTF-16 code unit and the bytes to Buffer.from.

/** simpleWidth's characters, each code unit's columns plus one (0: not simple). */
let columns: Uint8Array | null = null;

/** The ranges of display-width.ts's SIMPLE. */
const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa0, 0xa8], [0xaa, 0xad], [0xaf, 0x2ff], [0x2010, 0x2027], [0x2030, 0x203b], [0x203d, 0x2048], [0x204a, 0x205e],
  [0x3000, 0x303e], [0x3041, 0x3096], [0x30a0, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xff01, 0xff60], [0xff61, 0xff9f],
  [0xffa1, 0xffdc], [0xffe0, 0xffe6],
];

/** display-width.ts's isWide, as ranges (in order, apart). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x3000, 0x303e], [0x3041, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xff01, 0xff60], [0xffe0, 0xffe6],
];

function columnTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  // (Each range filled at once, split where isWide changes: a loop over some 30,000 code units
  // was long enough for V8 to compile it while the report ran.)
  for (const [from, to] of SIMPLE_RANGES) {
    let start = from;
    for (const [wideFrom, wideTo] of WIDE_RANGES) {
      if (wideTo < start || wideFrom > to) continue;
      if (wideFrom > start) table.fill(2, start, wideFrom);
      const stop = Math.min(wideTo, to);
      table.fill(3, Math.max(wideFrom, start), stop + 1);
      start = stop + 1;
    }
    if (start <= to) table.fill(2, start, to + 1);
  }
  table[0xad] = 1;
  return table;
}

/** What writeMeasured found last: simpleWidth of the text it wrote (-1: not simple). */
export const measured = { width: 0 };

/**
 * `text` as UTF-8 into `buffer` at `at` (room for three bytes per UTF-16 code unit; a lone
 * surrogate as U+FFFD, as Buffer.write writes it); where it ends. Its simpleWidth is left in
 * measured.width.
 */
export function writeMeasured(buffer: Uint8Array, at: number, text: string): number {
  const table = (columns ??= columnTable());
  let width = 0;
  let simple = true;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    const taken = table[code]!;
    if (taken === 0) simple = false;
    else width += taken - 1;
    if (code < 0x80) buffer[at++] = code;
    else if (code < 0x800) {
      buffer[at++] = 0xc0 | (code >> 6);
      buffer[at++] = 0x80 | (code & 0x3f);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = index + 1 < length ? text.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        buffer[at++] = 0xf0 | (point >> 18);
        buffer[at++] = 0x80 | ((point >> 12) & 0x3f);
        buffer[at++] = 0x80 | ((point >> 6) & 0x3f);
        buffer[at++] = 0x80 | (point & 0x3f);
        index++;
      } else {
        buffer[at++] = 0xef;
        buffer[at++] = 0xbf;
        buffer[at++] = 0xbd;
      }
    } else {
      buffer[at++] = 0xe0 | (code >> 12);
      buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
      buffer[at++] = 0x80 | (code & 0x3f);
    }
  }
  measured.width = simple ? width : -1;
  return at;
}
