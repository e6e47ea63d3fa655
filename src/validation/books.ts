// The "books" check: what the official books (科目余额表, 明细账, vouchers and their exports) need of
// the journal: account codes and names, and the dimension declarations (src/books/checks.ts).
import { appendAll, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkAccountCodes, checkDimensions } from "../books/checks.js";
import type { DomainCheck } from "./domain-check.js";

export const BOOKS_CHECK: DomainCheck = {
  name: "books",
  run: (ledger) => {
    const diagnostics: Diagnostic[] = checkAccountCodes(ledger.entries, ledger.options.accountRoots);
    appendAll(diagnostics, checkDimensions(ledger.entries, ledger.metaKeys));
    return diagnostics;
  },
};
