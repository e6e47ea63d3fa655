// Document directives must name files that exist (relative to the file that declares them).
import { message } from "../i18n/message.js";
import * as fs from "node:fs";
import * as path from "node:path";
import type { LedgerEntry } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { nonTransactions } from "../core/non-transactions.js";

export function resolveDocumentPath(declaringFile: string, filename: string): string {
  return path.isAbsolute(filename) ? filename : path.join(path.dirname(declaringFile), filename);
}

export function validateDocuments(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "document") continue;
    const resolved = resolveDocumentPath(entry.span.file, entry.filename);
    if (!fs.existsSync(resolved)) diagnostics.push(error("missing-document", message("missing-document", { file: entry.filename }), entry.span));
  }
  return diagnostics;
}
