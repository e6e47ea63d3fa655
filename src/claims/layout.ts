// Where claims in progress live and where `post` puts them, as the books declare it with
// directives that beancount and Fava ignore:
//   2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"
//   2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}/{MM}.beancount"
// Each path (a glob for "claims") is relative to the file that declares it. A journal may declare
// several "claims" patterns; the last "post-to" wins. Without "post-to", a claim is posted to the
// file that declares the "claims" pattern its claim file matched.
import * as path from "node:path";
import type { Span } from "../core/span.js";
import type { OptionDeclaration } from "../core/feeledger-options.js";

export const CLAIMS_OPTION = "claims";
export const POST_TO_OPTION = "post-to";

/**
 * The file a claim dated `date` is posted to: the "post-to" path with `{YYYY}` and `{MM}` filled
 * in from the date, relative to its declaring file; else the file that declares `claimsDeclaration`.
 */
export function postTarget(postTo: OptionDeclaration | null, claimsDeclaration: Span, date: string): string {
  if (postTo === null) return claimsDeclaration.file;
  const filled = filledPostTo(postTo, date);
  return path.isAbsolute(filled) ? filled : path.join(path.dirname(postTo.span.file), filled);
}

/** The "post-to" path for an entry dated `date`: `{YYYY}` and `{MM}` filled in (still relative to its declaring file). */
export function filledPostTo(postTo: OptionDeclaration, date: string): string {
  return postTo.value.replaceAll("{YYYY}", date.slice(0, 4)).replaceAll("{MM}", date.slice(5, 7));
}
