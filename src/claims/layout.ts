// Where claims in progress live and where `post` puts them, as the books declare it with
// directives that beancount and Fava ignore:
//   2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"
//   2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}/{MM}.beancount"
// Each path (a glob for "claims") is relative to the file that declares it. A journal may declare
// several "claims" patterns; the last "post-to" wins. Without "post-to", a claim is posted to the
// file that declares the "claims" pattern its claim file matched.
import * as path from "node:path";
import type { LedgerEntry } from "../core/data.js";
import type { Span } from "../core/span.js";

export const CLAIMS_OPTION = "claims";
export const POST_TO_OPTION = "post-to";

/** One `custom "feeledger-option" NAME "VALUE"` line of the books. */
export interface LayoutDeclaration {
  /** The path or pattern as written. */
  readonly value: string;
  /** The declaration (its file is what `value` is relative to). */
  readonly span: Span;
}

/** Every declaration of `name` in the books, in entry order. */
export function layoutDeclarations(entries: readonly LedgerEntry[], name: string): LayoutDeclaration[] {
  const found: LayoutDeclaration[] = [];
  for (const entry of entries) {
    if (entry.type !== "custom" || entry.customType !== "feeledger-option") continue;
    const [key, value] = entry.values;
    if (key?.type === "string" && key.value === name && value?.type === "string") found.push({ value: value.value, span: entry.span });
  }
  return found;
}

/**
 * The file a claim dated `date` is posted to: the "post-to" path with `{YYYY}` and `{MM}` filled
 * in from the date, relative to its declaring file; else the file that declares `claimsDeclaration`.
 */
export function postTarget(postTo: LayoutDeclaration | null, claimsDeclaration: Span, date: string): string {
  if (postTo === null) return claimsDeclaration.file;
  const filled = filledPostTo(postTo, date);
  return path.isAbsolute(filled) ? filled : path.join(path.dirname(postTo.span.file), filled);
}

/** The "post-to" path for an entry dated `date`: `{YYYY}` and `{MM}` filled in (still relative to its declaring file). */
export function filledPostTo(postTo: LayoutDeclaration, date: string): string {
  return postTo.value.replaceAll("{YYYY}", date.slice(0, 4)).replaceAll("{MM}", date.slice(5, 7));
}
