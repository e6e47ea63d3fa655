// One diagnostic type for every stage: a stable code, a severity, a message and a source span.
import type { Span } from "../core/span.js";
import type { Message } from "../i18n/message.js";

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable machine-readable code, e.g. "syntax", "unbalanced", "balance-failed". */
  readonly code: string;
  readonly severity: Severity;
  /** The message in English. */
  readonly message: string;
  /** The same message by key and parameters, when it has a Chinese text too (src/i18n). */
  readonly translatable?: Message;
  /** Where the problem is; null for problems with no place in a file (e.g. a missing top-level file). */
  readonly span: Span | null;
  /**
   * The posting a problem is about, when it is about one (e.g. an elided amount that cannot be
   * filled in). `span` stays the transaction's; beancount reports these at the posting's line.
   */
  readonly postingSpan?: Span;
}

export function error(code: string, message: string | Message, span: Span | null): Diagnostic {
  return typeof message === "string" ? { code, severity: "error", message, span } : { code, severity: "error", message: message.text, translatable: message, span };
}

export function warning(code: string, message: string | Message, span: Span | null): Diagnostic {
  return typeof message === "string" ? { code, severity: "warning", message, span } : { code, severity: "warning", message: message.text, translatable: message, span };
}

/** A stage's result: its value and every problem found on the way. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** `target.push(...items)` without the argument-count limit (a journal may have 200,000 problems). */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
