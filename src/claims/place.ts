// "FILE:LINE" of a span, for messages that point at a second place (the first of two duplicates).
import type { Span } from "../core/span.js";
import { locate } from "../source/location.js";

export function placeOf(span: Span, sources: ReadonlyMap<string, { text: string }>): string {
  const source = sources.get(span.file);
  return source === undefined ? span.file : `${span.file}:${locate(source, span.start).line}`;
}

/** Whether `inner` starts inside `outer` (a posting or metadata line inside its transaction). */
export function spanWithin(inner: Span, outer: Span): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.start <= outer.end;
}
