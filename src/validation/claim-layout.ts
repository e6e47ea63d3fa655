// The "claim-layout" check: a claim not posted yet (flag `!`) written in the books. beancount and
// Fava count it as spent money, so feeledger counts it too (the two must agree), and warns that it
// belongs in a claim file, out of the books, until `post` moves it in.
import { optionDeclarations } from "../core/feeledger-options.js";
import type { LedgerEntry } from "../core/data.js";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId } from "../claims/claim.js";
import { CLAIMS_OPTION } from "../claims/layout.js";
import type { DomainCheck } from "./domain-check.js";
import { message } from "../i18n/message.js";

export function checkClaimsInBooks(entries: readonly LedgerEntry[], metaKeys: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!metaKeys.has("claim")) return diagnostics;
  let advice: ReturnType<typeof adviceFor> | null = null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction" || entry.flag !== "!") continue;
    const id = claimId(entry);
    if (id === null) continue;
    advice ??= adviceFor(entries);
    diagnostics.push(warning("claim-in-books", message("claim-in-books", { id, ...advice }), entry.span));
  }
  return diagnostics;
}

/** How to move a claim out of the books, given whether the books declare claim files already. */
function adviceFor(entries: readonly LedgerEntry[]): { declared: string | null; declaredIn: string; first: string } {
  const declared = optionDeclarations(entries, CLAIMS_OPTION)[0];
  // Dated on the books' first day, so the declaration holds for every claim.
  const first = entries[0]?.date ?? "2026-01-01";
  return { declared: declared?.value ?? null, declaredIn: declared?.span.file ?? "", first };
}

export const CLAIM_LAYOUT_CHECK: DomainCheck = { name: "claim-layout", run: (ledger) => checkClaimsInBooks(ledger.entries, ledger.metaKeys) };
