// Print diagnostics as `FILE:LINE:COL: error: MESSAGE`, each followed by the source line and a caret.
import chalk, { Chalk } from "chalk";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../core/span.js";
import { lineText, locate } from "../source/location.js";

export interface SourceLookup {
  get(file: string): { text: string } | undefined;
}

export interface DiagnosticStyle {
  readonly color: boolean;
  /** Show the offending source line with a caret. */
  readonly excerpt: boolean;
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

export function formatDiagnostic(diagnostic: Diagnostic, sources: SourceLookup, style: DiagnosticStyle, fallbackFile: string): string {
  const paint = style.color ? chalk : new Chalk({ level: 0 });
  const label = diagnostic.severity === "error" ? paint.red.bold("error") : paint.yellow.bold("warning");
  const span = reportedSpan(diagnostic);
  if (span === null) return `${fallbackFile}:1:1: ${label}: ${diagnostic.message}`;
  const source = sources.get(span.file);
  if (source === undefined) return `${span.file}:1:1: ${label}: ${diagnostic.message}`;
  const { line, column } = locate(source, span.start);
  let text = `${span.file}:${line}:${column}: ${label}: ${diagnostic.message}`;
  if (style.excerpt) {
    const excerpt = lineText(source, span.start);
    const gutter = String(line);
    const caretColumn = Math.max(0, Math.min(column - 1, excerpt.length));
    const prefix = excerpt.slice(0, caretColumn).replace(/[^\t]/g, " ");
    text += `\n ${gutter} | ${excerpt}\n ${" ".repeat(gutter.length)} | ${prefix}${paint.green("^")}`;
  }
  return text;
}
