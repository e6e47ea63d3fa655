// Where bytes that are not UTF-8 stand in a journal (a file saved as GBK by an older Chinese
// editor, a GBK comment pasted in): in a comment, which beancount 2.3.5 reads past, or in text the
// journal uses. The bytes were decoded as U+FFFD (source/files.ts notes which ones); this only
// places them, and runs only on a piece of text that has some.
import type { Span } from "../core/span.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";
import { isSkippedLine } from "./scanner.js";

const enum Code { Newline = 10, Quote = 34, Semicolon = 59, Backslash = 92 }

/** A line with bytes that are not UTF-8: where to report it, and whether the journal uses them. */
export interface InvalidUtf8Line {
  /** The first such character the journal uses, else the first on the line. */
  readonly offset: number;
  /** Outside comments and skipped lines: in a string, an account, any token. */
  readonly used: boolean;
}

/**
 * The lines of `text` holding the characters at `offsets` (sorted offsets into `text`), one entry
 * per line. `text` starts outside any directive (at the start of a file, or of a directive), so
 * strings, which may span lines, and comments are told apart as the scanner tells them apart.
 */
export function invalidUtf8Lines(text: string, offsets: readonly number[]): InvalidUtf8Line[] {
  const lines: InvalidUtf8Line[] = [];
  let next = 0;
  let inString = false;
  let inComment = false;
  let escaped = false;
  let lineStart = true;
  let lineOffset = -1;
  let lineUsed = false;
  for (let at = 0; at < text.length && next < offsets.length; at++) {
    if (lineStart) {
      lineStart = false;
      inComment = !inString && isSkippedLine(text, at);
    }
    if (at === offsets[next]) {
      next++;
      escaped = false;
      const used = !inComment;
      if (lineOffset < 0 || (used && !lineUsed)) {
        lineOffset = at;
        lineUsed = used;
      }
      continue;
    }
    const c = text.charCodeAt(at);
    if (c === Code.Newline) {
      if (lineOffset >= 0) lines.push({ offset: lineOffset, used: lineUsed });
      lineOffset = -1;
      lineUsed = false;
      lineStart = true;
      inComment = false;
      escaped = false;
    } else if (inComment) {
      continue;
    } else if (inString) {
      if (escaped) escaped = false;
      else if (c === Code.Backslash) escaped = true;
      else if (c === Code.Quote) inString = false;
    } else if (c === Code.Quote) {
      inString = true;
    } else if (c === Code.Semicolon) {
      inComment = true;
    }
  }
  if (lineOffset >= 0) lines.push({ offset: lineOffset, used: lineUsed });
  return lines;
}

/** Lines reported one by one in a file; beyond, one diagnostic counts the rest (a binary file would flood the terminal). */
export const INVALID_UTF8_LINES_SHOWN = 20;

/**
 * The diagnostic of one line with bytes that are not UTF-8. beancount 2.3.5 accepts them in a
 * comment (a warning, so that a book beancount accepts stays valid), and otherwise either rejects
 * the token (an account, a tag, a key: "Invalid token") or, inside a string, drops the bytes
 * without a word, so a GBK narration or metadata value silently becomes empty: an error.
 */
export function invalidUtf8Diagnostic(line: InvalidUtf8Line, span: Span): Diagnostic {
  return line.used
    ? error("invalid-utf8", message("invalid-utf8-text", {}), span)
    : warning("invalid-utf8", message("invalid-utf8-comment", {}), span);
}

/** The diagnostic counting the lines beyond those shown; an error if the journal uses any of them. */
export function moreInvalidUtf8Diagnostic(count: number, used: boolean, span: Span): Diagnostic {
  const text = message("invalid-utf8-more", { count });
  return used ? error("invalid-utf8", text, span) : warning("invalid-utf8", text, span);
}
