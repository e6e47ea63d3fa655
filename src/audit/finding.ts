// What an audit rule finds: a located entry, a rule code, a severity and a one-line reason.
import type { Span } from "../core/span.js";

export type FindingSeverity = "high" | "medium" | "low";
export const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { high: 0, medium: 1, low: 2 };

export interface Finding {
  /** The rule's code, e.g. "split-claim". */
  readonly code: string;
  readonly severity: FindingSeverity;
  /** The entry's date. */
  readonly date: string;
  /** The entry (or posting) found. */
  readonly span: Span;
  /** The claim's id, when the entry is a claim. */
  readonly claim: string | null;
  /** The claim's claimant, when the entry is a claim that names one. */
  readonly claimant?: string | null;
  /** One line: why it was found. */
  readonly reason: string;
}

/** By severity, then date, then place in the file. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
    || (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0)
    || a.span.start - b.span.start
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
