// Print diagnostics as `FILE:LINE:COL: error: MESSAGE`, each followed by the source line and a caret.
// Names, messages and excerpts are escaped for the terminal (terminal.ts); a long line is shown as a
// window around the column, so a 10 MB line prints one short excerpt, not 10 MB.
import { loadChalk } from "./packages.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang } from "../i18n/lang.js";
import { translate } from "../i18n/message.js";
import type { Span } from "../core/span.js";
import { locate } from "../source/location.js";
import { charWidth, terminalLines, terminalText, terminalUnits } from "./terminal.js";

export interface SourceLookup {
  get(file: string): { text: string } | undefined;
}

export interface DiagnosticStyle {
  readonly color: boolean;
  /** Show the offending source line with a caret. */
  readonly excerpt: boolean;
  /** The language of the message (the `FILE:LINE:COL: error:` prefix stays as it is); English by default. */
  readonly lang?: Lang;
}

/** Diagnostics in reading order: by file (in the order files were read), then position. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], fileOrder: readonly string[]): Diagnostic[] {
  const rank = new Map(fileOrder.map((file, index) => [file, index]));
  return [...diagnostics].sort((a, b) => {
    const left = reportedSpan(a);
    const right = reportedSpan(b);
    if (left === null || right === null) return (left === null ? 0 : 1) - (right === null ? 0 : 1);
    const fileDifference = (rank.get(left.file) ?? 0) - (rank.get(right.file) ?? 0);
    return fileDifference !== 0 ? fileDifference : left.start - right.start;
  });
}

/** Where a diagnostic is shown: the posting it is about, when it names one, else its span. */
export function reportedSpan(diagnostic: Diagnostic): Span | null {
  return diagnostic.postingSpan ?? diagnostic.span;
}

/** Columns of source shown in an excerpt at most, and of them at most this many before the caret. */
export const EXCERPT_WIDTH = 100;
const EXCERPT_BEFORE = 40;
/** A message longer than this (it quotes a huge token) is cut, marked with an ellipsis. */
export const MESSAGE_LENGTH = 1000;
/** Marks text left out of an excerpt; ASCII, as its width must be known to place the caret. */
const ELLIPSIS = "...";

function unitWidth(unit: string): number {
  return unit.length <= 2 ? charWidth(unit.codePointAt(0)!) : unit.length;
}

/** The last units of `units` that fit in `width` columns. */
function tail(units: readonly string[], width: number): string[] {
  let used = 0;
  let start = units.length;
  while (start > 0 && used + unitWidth(units[start - 1]!) <= width) used += unitWidth(units[--start]!);
  return units.slice(start);
}

/** The first units of `units` that fit in `width` columns. */
function head(units: readonly string[], width: number): string[] {
  let used = 0;
  let end = 0;
  while (end < units.length && used + unitWidth(units[end]!) <= width) used += unitWidth(units[end++]!);
  return units.slice(0, end);
}

/**
 * The source line around a position, escaped, and the text before the caret: the whole line when it
 * fits in EXCERPT_WIDTH columns, else a window with ... where text is left out. The line is
 * `text.slice(lineStart, lineEnd)`, the caret at `caret` in it; only the window is copied (a line
 * of 10 MB with many problems would otherwise be copied once per problem).
 */
export function excerptWindow(text: string, lineStart: number, lineEnd: number, caret: number): { shown: string; beforeCaret: string } {
  // Escaping a character gives at most six: a raw window this wide on each side is enough.
  const rawReach = EXCERPT_WIDTH * 2;
  const rawStart = Math.max(lineStart, caret - rawReach);
  const rawEnd = Math.min(lineEnd, caret + rawReach);
  let before = terminalUnits(terminalLines(text.slice(rawStart, caret)));
  let after = terminalUnits(terminalLines(text.slice(caret, rawEnd)));
  const widthOf = (units: readonly string[]) => units.reduce((sum, unit) => sum + unitWidth(unit), 0);
  let cutBefore = rawStart > lineStart;
  let cutAfter = rawEnd < lineEnd;
  if (cutBefore || cutAfter || widthOf(before) + widthOf(after) > EXCERPT_WIDTH) {
    if (cutBefore || widthOf(before) > EXCERPT_BEFORE) {
      const kept = tail(before, EXCERPT_BEFORE - ELLIPSIS.length);
      cutBefore = cutBefore || kept.length < before.length;
      before = kept;
    }
    const room = EXCERPT_WIDTH - widthOf(before) - (cutBefore ? ELLIPSIS.length : 0);
    if (cutAfter || widthOf(after) > room) {
      const kept = head(after, room - ELLIPSIS.length);
      cutAfter = cutAfter || kept.length < after.length;
      after = kept;
    }
  }
  const beforeCaret = (cutBefore ? ELLIPSIS : "") + before.join("");
  return { shown: beforeCaret + after.join("") + (cutAfter ? ELLIPSIS : ""), beforeCaret };
}

/** Where the line holding `offset` starts and ends (without its line ending, or a byte-order mark). */
function lineBounds(text: string, offset: number): { start: number; end: number } {
  let start = offset > 0 ? text.lastIndexOf("\n", offset - 1) + 1 : 0;
  if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 0x0d) end -= 1;
  return { start, end };
}

/** A diagnostic's message for the terminal: escaped, and cut when it is very long. */
function messageText(message: string): string {
  const text = terminalText(message.length > MESSAGE_LENGTH ? message.slice(0, MESSAGE_LENGTH) : message);
  return message.length > MESSAGE_LENGTH ? `${text}...` : text;
}

export function formatDiagnostic(diagnostic: Diagnostic, sources: SourceLookup, style: DiagnosticStyle, fallbackFile: string): string {
  // (Without colour, chalk is not loaded: its terminal detection loads Node.js's tty and os modules.)
  const paint = style.color ? loadChalk().default : null;
  const label = diagnostic.severity === "error" ? (paint === null ? "error" : paint.red.bold("error")) : (paint === null ? "warning" : paint.yellow.bold("warning"));
  const message = messageText(style.lang === undefined || style.lang === "en" || diagnostic.translatable === undefined ? diagnostic.message : translate(diagnostic.translatable, style.lang));
  const span = reportedSpan(diagnostic);
  if (span === null) return `${terminalText(fallbackFile)}:1:1: ${label}: ${message}`;
  const file = terminalText(span.file);
  const source = sources.get(span.file);
  if (source === undefined) return `${file}:1:1: ${label}: ${message}`;
  const { line, column } = locate(source, span.start);
  let text = `${file}:${line}:${column}: ${label}: ${message}`;
  if (style.excerpt) {
    const bounds = lineBounds(source.text, Math.min(span.start, source.text.length));
    const gutter = String(line);
    const caret = Math.max(bounds.start, Math.min(span.start, bounds.end));
    const { shown, beforeCaret } = excerptWindow(source.text, bounds.start, bounds.end, caret);
    // Spaces as wide as the text before the caret; its tabs stay tabs, so the caret lines up anyway.
    const prefix = terminalUnits(beforeCaret).map((unit) => (unit === "\t" ? "\t" : " ".repeat(unitWidth(unit)))).join("");
    text += `\n ${gutter} | ${shown}\n ${" ".repeat(gutter.length)} | ${prefix}${paint === null ? "^" : paint.green("^")}`;
  }
  return text;
}
