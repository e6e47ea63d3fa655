// The lines of a journal as the formatter sees them: a line with an amount to align (a posting,
// a balance or a price), a posting without one (only its indent is normalised), or any other line
// (kept byte for byte: comments, headings, blank lines, metadata, options, lines inside a string).
// A journal has hundreds of thousands of lines, so each is read where it lies, with the parser's
// own character rules (parser/scanner.ts), and a line is described by offsets, not copies.
import { isCurrencyChar, isDigit, isUnicodeSpace, isUpper, matchAccount } from "../parser/scanner.js";

/**
 * A line the formatter may change. Offsets are into the whole text:
 * `start` [indent] `headStart` [flag and account, or the dated head] `headEnd` [blanks]
 * `numberStart` [number] `numberEnd` [blanks] `tailStart` [currency, cost, price, comment] `end`.
 * A posting without an amount has no number: numberStart = numberEnd = tailStart = headEnd.
 */
export interface FormattableLine {
  readonly start: number;
  readonly headStart: number;
  readonly headEnd: number;
  /** -1 for a posting without an amount. */
  readonly numberStart: number;
  readonly numberEnd: number;
  readonly tailStart: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  readonly end: number;
  /** Which block of lines between blank lines the line is in (counted from 0). */
  readonly block: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SEMICOLON = 0x3b;
const MINUS = 0x2d;
const PLUS = 0x2b;
const COMMA = 0x2c;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;

/** Posting flags (beancount's lexer: [!&#?%PSTCURM] and `*`). */
const POSTING_FLAGS = new Set([...'!&#?%*PSTCURM'].map((c) => c.charCodeAt(0)));

function isBlank(c: number): boolean { return c === SPACE || c === TAB; }

/** End of the blanks starting at `p`. */
function skipBlanks(text: string, p: number, end: number): number {
  while (p < end && isBlank(text.charCodeAt(p))) p++;
  return p;
}

/** End of a number (sign, digits with commas, point, digits) at `p`, or p when there is none. */
function matchNumber(text: string, p: number, end: number): number {
  let q = p;
  const sign = text.charCodeAt(q);
  if (sign === MINUS || sign === PLUS) q++;
  const digits = q;
  while (q < end && isDigit(text.charCodeAt(q))) q++;
  if (q > digits) {
    while (q < end && (isDigit(text.charCodeAt(q)) || text.charCodeAt(q) === COMMA)) q++;
  }
  if (text.charCodeAt(q) === DOT) {
    const fraction = q + 1;
    let r = fraction;
    while (r < end && isDigit(text.charCodeAt(r))) r++;
    if (q > digits || r > fraction) q = r;
  }
  return q > digits ? q : p;
}

/** Whether a currency starts at `p` and is a whole word (not the start of an account or other word). */
function isCurrencyAt(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) === SLASH) p++;
  if (!isUpper(text.charCodeAt(p))) return false;
  let q = p + 1;
  while (q < end && isCurrencyChar(text.charCodeAt(q))) q++;
  if (q === end) return true;
  const next = text.charCodeAt(q);
  return !(next >= 0x61 && next <= 0x7a) && next !== SLASH && next !== COLON && next < 0x80;
}

/** The account at `p` as a whole word, or -1. */
function accountEnd(text: string, p: number, end: number): number {
  const c = text.charCodeAt(p);
  if (!(isUpper(c) || (c >= 0x80 && !isUnicodeSpace(c)))) return -1;
  const q = matchAccount(text, p);
  if (q === p || q > end) return -1;
  return q === end || isBlank(text.charCodeAt(q)) || text.charCodeAt(q) === SEMICOLON ? q : -1;
}

// Where amountAfter found the number and the tail (kept here rather than in a new object per line).
let foundNumberStart = 0;
let foundNumberEnd = 0;
let foundTailStart = 0;

/** Whether an amount follows a head ending at `headEnd` (then found* say where). */
function amountAfter(text: string, headEnd: number, end: number): boolean {
  const numberStart = skipBlanks(text, headEnd, end);
  if (numberStart === headEnd) return false;
  const numberEnd = matchNumber(text, numberStart, end);
  if (numberEnd === numberStart) return false;
  const tailStart = skipBlanks(text, numberEnd, end);
  if (tailStart === numberEnd || !isCurrencyAt(text, tailStart, end)) return false;
  foundNumberStart = numberStart;
  foundNumberEnd = numberEnd;
  foundTailStart = tailStart;
  return true;
}

/** An indented line from `first` (its first non-blank): a posting with or without an amount, or null. */
function indentedLine(text: string, start: number, first: number, end: number, block: number): FormattableLine | null {
  let accountStart = first;
  if (POSTING_FLAGS.has(text.charCodeAt(first)) && isBlank(text.charCodeAt(first + 1))) accountStart = skipBlanks(text, first + 1, end);
  const headEnd = accountEnd(text, accountStart, end);
  if (headEnd < 0) return null;
  if (!amountAfter(text, headEnd, end)) return { start, headStart: first, headEnd, numberStart: -1, numberEnd: headEnd, tailStart: headEnd, end, block };
  return { start, headStart: first, headEnd, numberStart: foundNumberStart, numberEnd: foundNumberEnd, tailStart: foundTailStart, end, block };
}

/** Whether text[p, p + word.length) is `word` followed by a blank. */
function wordAt(text: string, p: number, word: string): boolean {
  return text.startsWith(word, p) && isBlank(text.charCodeAt(p + word.length));
}

/** A dated line: a balance (`DATE balance ACCOUNT NUMBER CURRENCY`) or a price (`DATE price CURRENCY NUMBER CURRENCY`), or null. */
function datedLine(text: string, start: number, end: number, block: number): FormattableLine | null {
  // YYYY-MM-DD or YYYY/MM/DD.
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(start + i);
    if (i === 4 || i === 7 ? c !== MINUS && c !== SLASH : !isDigit(c)) return null;
  }
  const word = skipBlanks(text, start + 10, end);
  if (word === start + 10) return null;
  let headEnd: number;
  if (wordAt(text, word, "balance")) {
    headEnd = accountEnd(text, skipBlanks(text, word + 7, end), end);
  } else if (wordAt(text, word, "price")) {
    const currency = skipBlanks(text, word + 5, end);
    if (!isCurrencyAt(text, currency, end)) return null;
    headEnd = currency + (text.charCodeAt(currency) === SLASH ? 1 : 0) + 1;
    while (headEnd < end && isCurrencyChar(text.charCodeAt(headEnd))) headEnd++;
  } else return null;
  if (headEnd < 0 || !amountAfter(text, headEnd, end)) return null;
  return { start, headStart: start, headEnd, numberStart: foundNumberStart, numberEnd: foundNumberEnd, tailStart: foundTailStart, end, block };
}

/**
 * Whether a string is still open at `to`, reading text[from, to) with a string open at `from` or
 * not. Outside a string `;` starts a comment that runs to the end of the line; inside, `\` escapes
 * the next character.
 */
export function stringOpenAfter(text: string, from: number, to: number, open: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (open) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) open = false;
    } else if (c === QUOTE) open = true;
    else if (c === SEMICOLON) return false;
  }
  return open;
}

/**
 * The lines of `text` the formatter may change, in order. Lines inside a multi-line string and
 * lines with U+FFFD (bytes that were not UTF-8, which the writer refuses to touch) are left out.
 */
export function formattableLines(text: string): FormattableLine[] {
  const found: FormattableLine[] = [];
  let inString = false;
  let block = 0;
  let blockHasLines = false;
  let nextQuote = text.indexOf('"');
  let nextInvalid = text.indexOf("\uFFFD");
  for (let start = 0; start <= text.length;) {
    let lineEnd = text.indexOf("\n", start);
    const last = lineEnd < 0;
    if (last) lineEnd = text.length;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    const first = skipBlanks(text, start, end);
    if (first === end && !inString) {
      if (blockHasLines) block++;
      blockHasLines = false;
    } else {
      blockHasLines = true;
    }
    if (nextQuote >= 0 && nextQuote < start) nextQuote = text.indexOf('"', start);
    if (nextInvalid >= 0 && nextInvalid < start) nextInvalid = text.indexOf("\uFFFD", start);
    if (!inString && first < end && !(nextInvalid >= 0 && nextInvalid < end)) {
      const line = first > start ? indentedLine(text, start, first, end, block) : datedLine(text, start, end, block);
      if (line !== null) found.push(line);
    }
    if (inString || (nextQuote >= 0 && nextQuote < end)) inString = stringOpenAfter(text, start, end, inString);
    if (last) break;
    start = lineEnd + 1;
  }
  return found;
}
