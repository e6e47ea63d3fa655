// The "invoices" check: each `receipt` file of a claim that is an electronic invoice (数电 XML or
// XBRL, PDF, OFD) is read and checked against the claim (invoices/checks.ts). The books, then the
// claims in progress (not the rejected ones). A journal that names no receipt is not walked.
import { feeledgerOption } from "../core/feeledger-options.js";
import { booksThenActiveClaims } from "../claims/pending.js";
import { receiptEvidence, startReadingReceipts } from "../invoices/evidence.js";
import { checkInvoices } from "../invoices/checks.js";
import type { DomainCheck } from "./domain-check.js";

export const INVOICES_CHECK: DomainCheck = {
  name: "invoices",
  // The PDF readers load pdf.js while the checks before this one run.
  start: (ledger) => {
    if (ledger.metaKeys.has("receipt")) startReadingReceipts(booksThenActiveClaims(ledger));
  },
  run: (ledger) => {
    if (!ledger.metaKeys.has("receipt")) return [];
    const citations = receiptEvidence(booksThenActiveClaims(ledger), ledger.options.accountRoots.expenses);
    return checkInvoices(citations, feeledgerOption(ledger.entries, "tax-id"), ledger.sources);
  },
};
