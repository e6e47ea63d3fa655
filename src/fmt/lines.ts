// The lines of a journal as the formatter sees them: a line with an amount to align (a posting,
// a balance or a price), a posting without one (only its indent is normalised), or any other line
// (kept byte for byte: comments, headings, blank lines, metadata, options, lines inside a string).
// A journal has hundreds of thousands of lines: only the lines that may be postings, balances or
// prices are cut out of the text and matched; the others are passed over where they lie.

/** A line whose amount is aligned: `indent` `head` spaces `number` spaces `tail`. */
export interface AmountLine {
  readonly kind: "amount";
  /** Offset of the line in the text, and its length without the line end. */
  readonly start: number;
  readonly length: number;
  /** Leading spaces and tabs ("" for a dated directive). */
  readonly indent: string;
  /** What comes before the number: an optional flag and the account, or the dated head. */
  readonly head: string;
  /** The number as written (sign, digits, commas, point). */
  readonly number: string;
  /** The currency and everything after it (cost, price, comment), as written. */
  readonly tail: string;
  /** Which block of lines between blank lines the line is in (counted from 0). */
  readonly block: number;
}

/** A posting without an amount (`  Assets:Cash` or `  Assets:Cash ; comment`). */
export interface BarePostingLine {
  readonly kind: "bare-posting";
  readonly start: number;
  readonly length: number;
  readonly indent: string;
  /** The flag, the account and whatever follows, as written. */
  readonly rest: string;
  readonly block: number;
}

export type FormattableLine = AmountLine | BarePostingLine;

// Beancount's tokens, as its lexer reads them (src/parser/scanner.ts has the same character classes):
// non-ASCII characters are allowed in accounts except Unicode spaces.
const WORD = String.raw`(?:[A-Za-z0-9\-]|[^\x00-\x7F\s])`;
const COMPONENT_START = String.raw`(?:[A-Z0-9]|[^\x00-\x7F\s])`;
const ACCOUNT = String.raw`(?:[A-Z]|[^\x00-\x7F\s])${WORD}*(?::${COMPONENT_START}${WORD}*)+`;
const NUMBER = String.raw`[-+]?(?:[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)`;
/** A currency, and not the start of a longer word. */
const CURRENCY = String.raw`\/?[A-Z][A-Z0-9'._\-]*(?![A-Za-z0-9'._\-\/:])`;
const FLAG = String.raw`[!&#?%PSTCURM*]`;

const POSTING_WITH_AMOUNT = new RegExp(String.raw`^([ \t]+)((?:${FLAG}[ \t]+)?${ACCOUNT})[ \t]+(${NUMBER})[ \t]+(${CURRENCY}.*)$`);
const BARE_POSTING = new RegExp(String.raw`^([ \t]+)((?:${FLAG}[ \t]+)?${ACCOUNT}(?![A-Za-z0-9\-:]|[^\x00-\x7F\s]).*)$`);
const DATED_WITH_AMOUNT = new RegExp(
  String.raw`^([0-9]{4}[-/][0-9]{2}[-/][0-9]{2}[ \t]+(?:balance[ \t]+${ACCOUNT}|price[ \t]+${CURRENCY}))[ \t]+(${NUMBER})[ \t]+(${CURRENCY}.*)$`,
);

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SEMICOLON = 0x3b;

/** Whether an indented line whose first other character is `c` may be a posting (not metadata, a comment or a string). */
function mayStartPosting(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || c >= 0x80 || c === 0x21 || c === 0x26 || c === 0x23 || c === 0x3f || c === 0x25 || c === 0x2a;
}

/** Whether the dated line at `start` may be a balance or a price (the word after the date). */
function mayBeDatedAmount(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x30 || c > 0x39) return false;
  const word = text.indexOf(" ", start);
  return word >= 0 && (text.startsWith("balance", word + 1) || text.startsWith("price", word + 1) || text.charCodeAt(word + 1) === TAB);
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
    let end = text.indexOf("\n", start);
    const last = end < 0;
    if (last) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    let first = start;
    while (first < contentEnd && (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB)) first++;
    if (first === contentEnd && !inString) {
      if (blockHasLines) block++;
      blockHasLines = false;
    } else {
      blockHasLines = true;
    }
    while (nextQuote >= 0 && nextQuote < start) nextQuote = text.indexOf('"', start);
    while (nextInvalid >= 0 && nextInvalid < start) nextInvalid = text.indexOf("\uFFFD", start);
    if (!inString && first < contentEnd && !(nextInvalid >= 0 && nextInvalid < contentEnd)) {
      const line = first > start
        ? (mayStartPosting(text.charCodeAt(first)) ? indentedLine(text.slice(start, contentEnd), start, block) : null)
        : (mayBeDatedAmount(text, start) ? datedLine(text.slice(start, contentEnd), start, block) : null);
      if (line !== null) found.push(line);
    }
    if (inString || (nextQuote >= 0 && nextQuote < contentEnd)) inString = stringOpenAfter(text, start, contentEnd, inString);
    if (last) break;
    start = end + 1;
  }
  return found;
}

function indentedLine(line: string, start: number, block: number): FormattableLine | null {
  const posting = POSTING_WITH_AMOUNT.exec(line);
  if (posting) return { kind: "amount", start, length: line.length, indent: posting[1]!, head: posting[2]!, number: posting[3]!, tail: posting[4]!, block };
  const bare = BARE_POSTING.exec(line);
  if (bare) return { kind: "bare-posting", start, length: line.length, indent: bare[1]!, rest: bare[2]!, block };
  return null;
}

function datedLine(line: string, start: number, block: number): FormattableLine | null {
  const dated = DATED_WITH_AMOUNT.exec(line);
  if (dated) return { kind: "amount", start, length: line.length, indent: "", head: dated[1]!, number: dated[2]!, tail: dated[3]!, block };
  return null;
}
