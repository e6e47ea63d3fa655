// The "receipts" check: every `receipt` of a claim names a file that exists, relative to the
// journal file that declares it (as beancount resolves documents), and that lies with the books:
// in the folder of the main journal file or below it. A receipt elsewhere (`../../../etc/passwd`,
// an absolute path, a symbolic link out) is evidence the books do not hold: a warning.
import * as fs from "node:fs";
import * as path from "node:path";
import type { LedgerEntry, MetaEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isClaim } from "../claims/claim.js";
import { resolveDocumentPath } from "./documents.js";
import { booksWithClaims } from "../claims/pending.js";
import type { DomainCheck } from "./domain-check.js";
import { message } from "../i18n/message.js";

/** The path with symbolic links and `..` resolved, as far as it exists. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Whether `file` (real) is `folder` (real) or inside it. */
function within(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** `mainFile`: the journal's top-level file; receipts outside its folder tree are warned about. */
export function checkReceipts(entries: readonly LedgerEntry[], mainFile: string | null = null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const exists = new Map<string, boolean>();
  const inside = new Map<string, boolean>();
  const books = mainFile === null ? null : realPath(path.dirname(mainFile));
  const visit = (meta: readonly MetaEntry[], span: Span) => {
    for (const entry of meta) {
      if (entry.key !== "receipt") continue;
      if (entry.value.type !== "string") {
        diagnostics.push(error("receipt-malformed", message("receipt-not-path", {}), span));
        continue;
      }
      const resolved = resolveDocumentPath(span.file, entry.value.value);
      let found = exists.get(resolved);
      if (found === undefined) exists.set(resolved, (found = fs.existsSync(resolved) && fs.statSync(resolved).isFile()));
      if (!found) {
        diagnostics.push(error("receipt-missing", message("receipt-missing", { file: entry.value.value }), span));
        continue;
      }
      if (books === null) continue;
      let withBooks = inside.get(resolved);
      if (withBooks === undefined) inside.set(resolved, (withBooks = within(books, realPath(resolved))));
      if (!withBooks) {
        diagnostics.push(warning("receipt-outside", message("receipt-outside", { file: entry.value.value }), span));
      }
    }
  };
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (!isClaim(entry) || (entry instanceof PlainTransaction && !entry.hasKey("receipt"))) continue;
    if (entry.meta.length > 0) visit(entry.meta, entry.span);
    // (A posting's span is made when asked for: only for postings with metadata.)
    for (const posting of entry.postings) if (posting.meta.length > 0) visit(posting.meta, posting.span);
  }
  return diagnostics;
}

// A journal that names no receipt anywhere is not walked.
export const RECEIPTS_CHECK: DomainCheck = {
  name: "receipts",
  run: (ledger) => (ledger.metaKeys.has("receipt") ? checkReceipts(booksWithClaims(ledger, "active"), ledger.mainFile) : []),
};
