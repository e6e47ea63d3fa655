// The "receipts" check: every `receipt` of a claim names a file that exists, relative to the
// journal file that declares it (as beancount resolves documents).
import * as fs from "node:fs";
import type { LedgerEntry, MetaEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isClaim } from "../claims/claim.js";
import { resolveDocumentPath } from "./documents.js";
import { booksWithClaims } from "../claims/pending.js";
import type { DomainCheck } from "./domain.js";

export function checkReceipts(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const exists = new Map<string, boolean>();
  const visit = (meta: readonly MetaEntry[], span: Span) => {
    for (const entry of meta) {
      if (entry.key !== "receipt") continue;
      if (entry.value.type !== "string") {
        diagnostics.push(error("receipt-malformed", `receipt must be a quoted file path, e.g. "receipts/2026-03/train.pdf"`, span));
        continue;
      }
      const resolved = resolveDocumentPath(span.file, entry.value.value);
      let found = exists.get(resolved);
      if (found === undefined) exists.set(resolved, (found = fs.existsSync(resolved) && fs.statSync(resolved).isFile()));
      if (!found) diagnostics.push(error("receipt-missing", `receipt file does not exist: '${entry.value.value}'`, span));
    }
  };
  for (const entry of entries) {
    if (!isClaim(entry) || (entry instanceof PlainTransaction && !entry.hasKey("receipt"))) continue;
    if (entry.meta.length > 0) visit(entry.meta, entry.span);
    // (A posting's span is made when asked for: only for postings with metadata.)
    for (const posting of entry.postings) if (posting.meta.length > 0) visit(posting.meta, posting.span);
  }
  return diagnostics;
}

export const RECEIPTS_CHECK: DomainCheck = { name: "receipts", run: (ledger) => checkReceipts(booksWithClaims(ledger, "active")) };
