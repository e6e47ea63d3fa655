// The "claim-layout" check: a claim not posted yet (flag `!`) written in the books. beancount and
// Fava count it as spent money, so feeledger counts it too (the two must agree), and warns that it
// belongs in a claim file, out of the books, until `post` moves it in.
import { optionDeclarations } from "../core/feeledger-options.js";
import type { LedgerEntry } from "../core/data.js";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId } from "../claims/claim.js";
import { CLAIMS_OPTION } from "../claims/layout.js";
import type { DomainCheck } from "./domain-check.js";

export function checkClaimsInBooks(entries: readonly LedgerEntry[], metaKeys: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!metaKeys.has("claim")) return diagnostics;
  let advice: string | null = null;
  for (const entry of entries) {
    if (entry.type !== "transaction" || entry.flag !== "!") continue;
    const id = claimId(entry);
    if (id === null) continue;
    advice ??= adviceFor(entries);
    diagnostics.push(warning("claim-in-books",
      `${id}: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; ${advice}`, entry.span));
  }
  return diagnostics;
}

/** How to move a claim out of the books, given whether the books declare claim files already. */
function adviceFor(entries: readonly LedgerEntry[]): string {
  const declared = optionDeclarations(entries, CLAIMS_OPTION)[0];
  if (declared !== undefined) return `move its text to a claim file ("${declared.value}", declared in ${declared.span.file}) until it is posted`;
  // Dated on the books' first day, so the declaration holds for every claim.
  const first = entries[0]?.date ?? "2026-01-01";
  return `move its text to a claim file declared in the books with \`${first} custom "feeledger-option" "claims" "claims/*.beancount"\` until it is posted`;
}

export const CLAIM_LAYOUT_CHECK: DomainCheck = { name: "claim-layout", run: (ledger) => checkClaimsInBooks(ledger.entries, ledger.metaKeys) };
