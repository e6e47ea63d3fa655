// A hand-written scanner for the journal language. It walks the text once and hands out one
// directive at a time (a line starting at column 0 plus its indented continuation lines), so the
// parser never holds more than one directive's tokens. Offsets only: lines and columns are derived
// when a diagnostic is printed.
import type { IToken, TokenType } from "chevrotain";
import { tokenTypes } from "./tokens.js";
import { validDate } from "../core/dates.js";
import { copyRange } from "./text-table.js";
import { findFullWidth } from "../core/full-width.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { message, type Message } from "../i18n/message.js";

export interface ScanError {
  /** A code other than "syntax", for problems with their own (e.g. "full-width"). */
  readonly code?: string;
  readonly message: string;
  /** The message by key, when the catalogue has it (src/i18n). */
  readonly translatable?: Message;
  readonly start: number;
  readonly end: number;
}

/** A scan error's text: in English, and by key for the printer. */
function scanMessage(translatable: Message): { message: string; translatable: Message } {
  return { message: translatable.text, translatable };
}

/** The tokens of one directive and where it lies in the text. */
export interface DirectiveTokens {
  readonly tokens: IToken[];
  readonly start: number;
  readonly end: number;
  /** Lexical errors inside this directive (the directive is dropped when there are any). */
  readonly errors: ScanError[];
}

const enum Ch {
  Tab = 9, Newline = 10, CarriageReturn = 13, Space = 32, Bang = 33, Quote = 34, Hash = 35, Percent = 37,
  Ampersand = 38, Apostrophe = 39, LParen = 40, RParen = 41, Star = 42, Plus = 43, Comma = 44, Minus = 45,
  Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Semicolon = 59, Question = 63, At = 64,
  UpperA = 65, UpperZ = 90, Backslash = 92, Caret = 94, Underscore = 95, LowerA = 97, LowerZ = 122,
  LCurl = 123, Pipe = 124, RCurl = 125, Tilde = 126,
}

export function isDigit(c: number): boolean { return c >= Ch.Zero && c <= Ch.Nine; }
export function isUpper(c: number): boolean { return c >= Ch.UpperA && c <= Ch.UpperZ; }
export function isLower(c: number): boolean { return c >= Ch.LowerA && c <= Ch.LowerZ; }
export function isNonAscii(c: number): boolean { return c >= 0x80; }
export function isSpace(c: number): boolean { return c === Ch.Space || c === Ch.Tab || c === Ch.CarriageReturn; }
export function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029;
}

// The classes of a UTF-16 code unit that the name, key, tag and currency loops ask about, one bit
// each in a table of all 65,536: one load per character where the predicates cost up to a dozen
// comparisons (an account name of Chinese words is mostly characters above U+00FF, which reach
// the last test). Looked up as CHAR_CLASSES[c & 0xffff]: charCodeAt's NaN past the end of a
// text reads slot 0 (NUL, in no class), and the index is always in bounds.
const enum CharClass { Account = 1, ComponentStart = 2, Tag = 4, Key = 8, Currency = 16 }

/** The character-class table (see above), from the rules as written: [A-Za-z0-9-] and so on. */
function charClasses(): Uint8Array {
  const table = new Uint8Array(65536);
  // Any non-ASCII character but a Unicode space: account, component start, tag and key.
  const word = CharClass.Account | CharClass.ComponentStart | CharClass.Tag | CharClass.Key;
  table.fill(word, 0x80);
  for (const c of [0xa0, 0x3000, 0xfeff, 0x2028, 0x2029]) table[c] = 0;
  table.fill(0, 0x2000, 0x200c);
  for (let c = 0; c < 0x80; c++) {
    const upper = isUpper(c);
    const lower = isLower(c);
    const digit = isDigit(c);
    let classes = 0;
    if (upper || lower || digit || c === Ch.Minus) classes |= CharClass.Account;
    if (upper || digit) classes |= CharClass.ComponentStart;
    if (upper || lower || digit || c === Ch.Minus || c === Ch.Underscore || c === Ch.Slash || c === Ch.Dot) classes |= CharClass.Tag;
    if (upper || lower || digit || c === Ch.Minus || c === Ch.Underscore) classes |= CharClass.Key;
    if (upper || digit || c === Ch.Apostrophe || c === Ch.Dot || c === Ch.Underscore || c === Ch.Minus) classes |= CharClass.Currency;
    table[c] = classes;
  }
  return table;
}

const CHAR_CLASSES = charClasses();

/** Characters inside an account component after its first: [A-Za-z0-9-] or any non-ASCII. */
export function isAccountChar(c: number): boolean {
  return (CHAR_CLASSES[c & 0xffff]! & CharClass.Account) !== 0;
}
/** Characters that may start an account component after the root: [A-Z0-9] or non-ASCII. */
export function isComponentStart(c: number): boolean {
  return (CHAR_CLASSES[c & 0xffff]! & CharClass.ComponentStart) !== 0;
}
/** [A-Z0-9'._-] */
export function isCurrencyChar(c: number): boolean {
  return (CHAR_CLASSES[c & 0xffff]! & CharClass.Currency) !== 0;
}
/** Tag and link characters: beancount's [A-Za-z0-9-_/.] plus, as a feeledger extension, any non-ASCII letter. */
export function isTagChar(c: number): boolean {
  return (CHAR_CLASSES[c & 0xffff]! & CharClass.Tag) !== 0;
}
/** Metadata key characters after the first: beancount's [a-zA-Z0-9-_] plus non-ASCII (feeledger extension). */
export function isKeyChar(c: number): boolean {
  return (CHAR_CLASSES[c & 0xffff]! & CharClass.Key) !== 0;
}
/** Characters that end an invalid token when chomping it. */
function isTokenEnd(c: number): boolean { return c === Ch.Space || c === Ch.Tab || c === Ch.Newline || c === Ch.CarriageReturn; }

/** End of an account starting at p: a root then one or more `:Component`; p itself if none. */
export function matchAccount(text: string, p: number): number {
  let q = p + 1;
  while (q < text.length && isAccountChar(text.charCodeAt(q))) q++;
  let end = p;
  while (text.charCodeAt(q) === Ch.Colon && isComponentStart(text.charCodeAt(q + 1))) {
    q += 2;
    while (q < text.length && isAccountChar(text.charCodeAt(q))) q++;
    end = q;
  }
  return end;
}

/** Single characters that flag a transaction or posting (beancount's lexer: [!&#?%PSTCURM]). */
const FLAG_LETTERS = new Set([0x50, 0x53, 0x54, 0x43, 0x55, 0x52, 0x4d]); // P S T C U R M

/**
 * Whether the line starting at `offset` (not blank, not indented) is one the language skips whole:
 * a comment, an org-mode heading, a line starting with a flag character or a lone flag letter.
 */
export function isSkippedLine(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (c === Ch.Semicolon || c === Ch.Star || c === Ch.Colon || c === Ch.Hash || c === Ch.Bang || c === Ch.Ampersand
    || c === Ch.Question || c === Ch.Percent) return true;
  if (FLAG_LETTERS.has(c)) {
    // A lone flag letter starts a skipped line; a longer word (a currency, an account) does not.
    const following = offset + 1 < text.length ? text.charCodeAt(offset + 1) : Ch.Newline;
    return !(isCurrencyChar(following) || isAccountChar(following) || following === Ch.Colon);
  }
  return false;
}

function makeToken(tokenType: TokenType, image: string, start: number, end: number, payload?: unknown): IToken {
  return {
    image,
    startOffset: start,
    endOffset: end - 1,
    startLine: undefined,
    startColumn: undefined,
    endLine: undefined,
    endColumn: undefined,
    tokenTypeIdx: tokenType.tokenTypeIdx!,
    tokenType,
    payload,
  };
}

/** What a line that starts at column 0 means outside any directive. */
const enum LineKind { Blank, Skipped, Indented, Directive }

/** The one scanning problem that does not drop its directive (see parse.ts). */
export const PIPE_DEPRECATED = "Pipe symbol is deprecated.";

export class Scanner {
  private pos: number;
  /** Orphan indented lines and other problems found between directives. */
  readonly strayErrors: ScanError[] = [];
  /** Where the last run of stray indented lines ends (the error names its first line only). */
  lastStrayRunEnd = -1;

  /** `atFileStart`: the text starts the file, where a byte order mark is skipped. */
  constructor(private readonly text: string, atFileStart = true) {
    // A UTF-8 byte order mark is not part of the journal.
    this.pos = atFileStart && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /**
   * Whether scanning the last directive ran into the end of the text (an unterminated string, a
   * directive on the last lines): in a piece of a file, that directive may go on in the next piece.
   */
  get reachedEnd(): boolean {
    return this.touchedEnd || this.pos >= this.text.length;
  }

  private touchedEnd = false;

  /** The next directive's tokens, or null at the end of the text. */
  next(): DirectiveTokens | null {
    return this.seekDirective() < 0 ? null : this.scanDirective();
  }

  /**
   * Move to the start of the next directive, past blank, comment and stray indented lines (the
   * last are reported in strayErrors); its offset, or -1 at the end of the text.
   */
  seekDirective(): number {
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) return -1;
      // (A blank line, the usual between directives, without looking for its end.)
      if (text.charCodeAt(this.pos) === Ch.Newline) {
        this.pos++;
        continue;
      }
      const kind = this.classifyLine(this.pos);
      if (kind === LineKind.Directive) break;
      if (kind === LineKind.Indented) {
        const start = this.pos;
        this.pos = this.lineEnd(this.pos);
        this.strayErrors.push({ ...scanMessage(message("syntax-stray-indent", {})), start, end: this.pos });
        // Further indented lines of the same run belong to the same error.
        while (this.pos < text.length && this.classifyLine(this.pos + 1) === LineKind.Indented) {
          this.pos = this.lineEnd(this.pos + 1);
        }
        this.lastStrayRunEnd = this.pos;
      } else {
        this.pos = this.lineEnd(this.pos);
      }
      if (this.pos < text.length) this.pos++; // the newline
    }
    return this.pos;
  }

  /** Go on after a directive that was read without tokens, from the start of the line after it. */
  resumeAt(offset: number): void {
    this.pos = offset;
  }

  /** Offset of the newline ending the line that contains `offset` (or the text's length). */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf("\n", offset);
    return newline < 0 ? this.text.length : newline;
  }

  private classifyLine(offset: number): LineKind {
    const text = this.text;
    if (offset >= text.length) return LineKind.Blank;
    const c = text.charCodeAt(offset);
    if (c === Ch.Newline) return LineKind.Blank;
    // (A dated line, the usual: isSkippedLine says no to a digit.)
    if (isDigit(c)) return LineKind.Directive;
    if (isSpace(c)) {
      let p = offset;
      while (p < text.length && isSpace(text.charCodeAt(p))) p++;
      if (p >= text.length || text.charCodeAt(p) === Ch.Newline) return LineKind.Blank;
      return LineKind.Indented;
    }
    return isSkippedLine(text, offset) ? LineKind.Skipped : LineKind.Directive;
  }

  /** Whether the line starting at `offset` continues the current directive (indented, not blank). */
  private continuesDirective(offset: number): boolean {
    if (offset >= this.text.length) this.touchedEnd = true;
    return offset < this.text.length && isSpace(this.text.charCodeAt(offset)) && this.classifyLine(offset) === LineKind.Indented;
  }

  /** The tokens of the directive that starts at the current position (see seekDirective). */
  scanDirective(): DirectiveTokens {
    const T = tokenTypes();
    const text = this.text;
    const tokens: IToken[] = [];
    const errors: ScanError[] = [];
    const start = this.pos;
    let p = this.pos;
    const length = text.length;
    let end = start;
    this.touchedEnd = false;
    for (;;) {
      if (p >= length) {
        tokens.push(makeToken(T.Eol, "", length, length));
        end = length;
        break;
      }
      const c = text.charCodeAt(p);
      if (c === Ch.Newline) {
        tokens.push(makeToken(T.Eol, "\n", p, p + 1));
        end = p;
        p++;
        if (this.continuesDirective(p)) {
          const indentStart = p;
          while (isSpace(text.charCodeAt(p))) p++;
          tokens.push(makeToken(T.Indent, text.slice(indentStart, p), indentStart, p));
          continue;
        }
        break;
      }
      if (isSpace(c)) { p++; continue; }
      if (c === Ch.Semicolon) {
        while (p < length && text.charCodeAt(p) !== Ch.Newline) p++;
        continue;
      }
      const tokenStart = p;
      switch (c) {
        case Ch.Quote: {
          const value = this.scanString(p);
          if (value === null) {
            p = this.chompInvalid(p, errors, true);
          } else {
            tokens.push(makeToken(T.StringLiteral, text.slice(p, value.end), p, value.end, value.text));
            p = value.end;
          }
          continue;
        }
        case Ch.LCurl:
          if (text.charCodeAt(p + 1) === Ch.LCurl) { tokens.push(makeToken(T.LCurlCurl, "{{", p, p + 2)); p += 2; }
          else { tokens.push(makeToken(T.LCurl, "{", p, p + 1)); p++; }
          continue;
        case Ch.RCurl:
          if (text.charCodeAt(p + 1) === Ch.RCurl) { tokens.push(makeToken(T.RCurlCurl, "}}", p, p + 2)); p += 2; }
          else { tokens.push(makeToken(T.RCurl, "}", p, p + 1)); p++; }
          continue;
        case Ch.At:
          if (text.charCodeAt(p + 1) === Ch.At) { tokens.push(makeToken(T.AtAt, "@@", p, p + 2)); p += 2; }
          else { tokens.push(makeToken(T.At, "@", p, p + 1)); p++; }
          continue;
        case Ch.Comma: tokens.push(makeToken(T.Comma, ",", p, p + 1)); p++; continue;
        case Ch.Tilde: tokens.push(makeToken(T.Tilde, "~", p, p + 1)); p++; continue;
        case Ch.Plus: tokens.push(makeToken(T.Plus, "+", p, p + 1)); p++; continue;
        case Ch.Minus: tokens.push(makeToken(T.Minus, "-", p, p + 1)); p++; continue;
        case Ch.LParen: tokens.push(makeToken(T.LParen, "(", p, p + 1)); p++; continue;
        case Ch.RParen: tokens.push(makeToken(T.RParen, ")", p, p + 1)); p++; continue;
        case Ch.Star: tokens.push(makeToken(T.Star, "*", p, p + 1)); p++; continue;
        case Ch.Slash:
          if (isUpper(text.charCodeAt(p + 1))) {
            // beancount v3's slash-prefixed currencies, e.g. /NQH21 (futures).
            let q = p + 1;
            while (q < length && isCurrencyChar(text.charCodeAt(q))) q++;
            tokens.push(makeToken(T.Currency, copyRange(text, p, q), p, q));
            p = q;
          } else {
            tokens.push(makeToken(T.Slash, "/", p, p + 1));
            p++;
          }
          continue;
        case Ch.Bang: case Ch.Ampersand: case Ch.Question: case Ch.Percent:
          tokens.push(makeToken(T.Flag, text[p]!, p, p + 1)); p++; continue;
        case Ch.Hash:
        case Ch.Caret: {
          let q = p + 1;
          while (q < length && isTagChar(text.charCodeAt(q))) q++;
          if (q === p + 1) {
            if (c === Ch.Hash) { tokens.push(makeToken(T.Hash, "#", p, p + 1)); p++; }
            else p = this.chompInvalid(p, errors, false);
          } else {
            tokens.push(makeToken(c === Ch.Hash ? T.Tag : T.Link, text.slice(p, q), p, q, copyRange(text, p + 1, q)));
            p = q;
          }
          continue;
        }
        case Ch.Pipe:
          errors.push({ ...scanMessage(message("pipe-deprecated", {})), start: p, end: p + 1 });
          p++;
          continue;
      }
      if (isDigit(c)) {
        p = this.scanDigits(p, tokens, errors);
        continue;
      }
      if (isUpper(c)) {
        p = this.scanUpperWord(p, tokens, errors);
        continue;
      }
      if (isLower(c) || (isNonAscii(c) && !isUnicodeSpace(c))) {
        p = this.scanLowerOrUnicodeWord(p, tokens, errors);
        continue;
      }
      p = this.chompInvalid(tokenStart, errors, false);
    }
    this.pos = p;
    return { tokens, start, end, errors };
  }

  private chompInvalid(p: number, errors: ScanError[], unterminated: boolean): number {
    const start = p;
    while (p < this.text.length && !isTokenEnd(this.text.charCodeAt(p))) p++;
    // A full-width character typed for an ASCII one is the likely cause: named at the character.
    const fullWidth = findFullWidth(this.text, start, p);
    if (fullWidth !== null) {
      const { offset, found } = fullWidth;
      const translatable = MESSAGES.fullWidth(found);
      errors.push({ code: CODES.fullWidth, message: translatable.text, translatable, start: offset, end: offset + found.character.length });
    } else {
      errors.push({ ...scanMessage(message("invalid-token", { text: this.text.slice(start, p), unterminated })), start, end: p });
    }
    return p;
  }

  /** A double-quoted string with backslash escapes, possibly spanning lines. */
  private scanString(p: number): { end: number; text: string } | null {
    const text = this.text;
    let q = p + 1;
    let hasEscape = false;
    for (;;) {
      if (q >= text.length) {
        this.touchedEnd = true;
        return null;
      }
      const c = text.charCodeAt(q);
      if (c === Ch.Quote) break;
      if (c === Ch.Backslash) { hasEscape = true; q += 2; continue; }
      q++;
    }
    let value = copyRange(text, p + 1, q);
    if (hasEscape) value = unescapeString(value);
    if (value.includes("\r\n")) value = value.replace(/\r\n/g, "\n");
    return { end: q + 1, text: value };
  }

  /** A date (YYYY-MM-DD, YYYY/MM/DD) or a number (1234, 1,234.56). */
  private scanDigits(p: number, tokens: IToken[], errors: ScanError[]): number {
    const T = tokenTypes();
    const text = this.text;
    const length = text.length;
    let q = p;
    while (q < length && isDigit(text.charCodeAt(q))) q++;
    // Date: [0-9]{4,}[-/][0-9]+[-/][0-9]+
    if (q - p >= 4) {
      const sep = text.charCodeAt(q);
      if ((sep === Ch.Minus || sep === Ch.Slash) && isDigit(text.charCodeAt(q + 1))) {
        let r = q + 1;
        while (r < length && isDigit(text.charCodeAt(r))) r++;
        const sep2 = text.charCodeAt(r);
        if ((sep2 === Ch.Minus || sep2 === Ch.Slash) && isDigit(text.charCodeAt(r + 1))) {
          let s = r + 1;
          while (s < length && isDigit(text.charCodeAt(s))) s++;
          const year = Number(text.slice(p, q));
          const month = Number(text.slice(q + 1, r));
          const day = Number(text.slice(r + 1, s));
          const iso = validDate(year, month, day);
          if (iso === null) {
            errors.push({ ...scanMessage(message("invalid-date", { date: text.slice(p, s) })), start: p, end: s });
          } else {
            tokens.push(makeToken(T.Date, text.slice(p, s), p, s, iso));
          }
          return s;
        }
      }
    }
    // Number: ([0-9]+|[0-9][0-9,]+[0-9])(\.[0-9]*)?
    let r = q;
    while (r < length) {
      const c = text.charCodeAt(r);
      if (isDigit(c) || c === Ch.Comma) r++;
      else break;
    }
    while (r > q && text.charCodeAt(r - 1) === Ch.Comma) r--;
    let numberEnd = r;
    if (text.charCodeAt(numberEnd) === Ch.Dot) {
      numberEnd++;
      while (numberEnd < length && isDigit(text.charCodeAt(numberEnd))) numberEnd++;
    }
    const image = text.slice(p, numberEnd);
    if (r > q && !/^\d{1,3}(,\d{3})+$/.test(text.slice(p, r))) {
      errors.push({ ...scanMessage(message("invalid-number", { number: image })), start: p, end: numberEnd });
    } else {
      tokens.push(makeToken(T.NumberLiteral, image, p, numberEnd));
    }
    return numberEnd;
  }

  /** Words starting with an uppercase letter: an account, a currency, TRUE/FALSE/NULL or a flag letter. */
  private scanUpperWord(p: number, tokens: IToken[], errors: ScanError[]): number {
    const T = tokenTypes();
    const text = this.text;
    const accountEnd = matchAccount(text, p);
    // Currency: [A-Z][A-Z0-9'._-]{0,22}[A-Z0-9]
    let q = p + 1;
    while (q < text.length && q - p < 24 && isCurrencyChar(text.charCodeAt(q))) q++;
    while (q > p + 1 && !(isUpper(text.charCodeAt(q - 1)) || isDigit(text.charCodeAt(q - 1)))) q--;
    const currencyEnd = q > p + 1 ? q : p;
    if (accountEnd > currencyEnd) {
      tokens.push(makeToken(T.Account, copyRange(text, p, accountEnd), p, accountEnd));
      return accountEnd;
    }
    if (currencyEnd > p) {
      const image = text.slice(p, currencyEnd);
      if (image === "TRUE" || image === "FALSE") tokens.push(makeToken(T.Bool, image, p, currencyEnd, image === "TRUE"));
      else if (image === "NULL") tokens.push(makeToken(T.Null, image, p, currencyEnd));
      else tokens.push(makeToken(T.Currency, image, p, currencyEnd));
      return currencyEnd;
    }
    if (FLAG_LETTERS.has(text.charCodeAt(p))) {
      tokens.push(makeToken(T.Flag, text[p]!, p, p + 1));
      return p + 1;
    }
    return this.chompInvalid(p, errors, false);
  }


  /** Keywords, metadata keys, and accounts whose root is not ASCII (e.g. 资产:银行存款 with name_assets). */
  private scanLowerOrUnicodeWord(p: number, tokens: IToken[], errors: ScanError[]): number {
    const T = tokenTypes();
    const text = this.text;
    const first = text.charCodeAt(p);
    if (isNonAscii(first)) {
      const accountEnd = matchAccount(text, p);
      if (accountEnd > p) {
        tokens.push(makeToken(T.Account, copyRange(text, p, accountEnd), p, accountEnd));
        return accountEnd;
      }
    }
    let q = p + 1;
    while (q < text.length && isKeyChar(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) === Ch.Colon && q - p >= 2) {
      tokens.push(makeToken(T.Key, text.slice(p, q + 1), p, q + 1, copyRange(text, p, q)));
      return q + 1;
    }
    const keyword = T.keywords.get(text.slice(p, q));
    if (keyword !== undefined) {
      tokens.push(makeToken(keyword, text.slice(p, q), p, q));
      return q;
    }
    return this.chompInvalid(p, errors, false);
  }
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

function unescapeString(raw: string): string {
  return raw.replace(/\\(.)/gs, (_, ch: string) => ESCAPES[ch] ?? ch);
}
