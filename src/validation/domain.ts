// The bookkeeping checks beyond beancount's (claims, receipts, their reuse and the invoices they hold, fapiao, policies,
// budgets, account rules, schedules, claim layout, accounts named by rules, the official books' codes and dimensions, closed
// months). `check` runs them after loading; writers run them before they write. They read the books
// (ledger.entries) and, where a check concerns claims, the claims in progress of the claim files
// too (claims/pending.ts).
// Each check is a small named function over the loaded ledger.
import type { Ledger } from "../loader/load.js";
import type { DomainCheck, DomainContext } from "./domain-check.js";
import { appendAll, type Diagnostic } from "../diagnostics/diagnostic.js";
import { SCHEDULES_CHECK } from "./schedules.js";
import { CLAIMS_CHECK } from "./claims.js";
import { FAPIAO_CHECK } from "./fapiao.js";
import { RECEIPTS_CHECK } from "./receipts.js";
import { RECEIPT_REUSE_CHECK } from "./receipt-reuse.js";
import { INVOICES_CHECK } from "./invoices.js";
import { POLICIES_CHECK } from "./policies.js";
import { BUDGET_CONTROL_CHECK } from "./budget-control.js";
import { ACCOUNT_RULES_CHECK } from "./account-rules.js";
import { CLAIM_LAYOUT_CHECK } from "./claim-layout.js";
import { BOOKS_CHECK } from "./books.js";
import { PERIODS_CHECK } from "./periods.js";
import { RULE_ACCOUNTS_CHECK } from "./rule-accounts.js";
import { ALLOCATION_CHECK } from "./allocation.js";

export type { DomainCheck, DomainContext } from "./domain-check.js";

export const DOMAIN_CHECKS: DomainCheck[] = [
  SCHEDULES_CHECK,
  CLAIMS_CHECK,
  FAPIAO_CHECK,
  RECEIPTS_CHECK,
  RECEIPT_REUSE_CHECK,
  INVOICES_CHECK,
  POLICIES_CHECK,
  BUDGET_CONTROL_CHECK,
  ACCOUNT_RULES_CHECK,
  CLAIM_LAYOUT_CHECK,
  BOOKS_CHECK,
  PERIODS_CHECK,
  RULE_ACCOUNTS_CHECK,
  ALLOCATION_CHECK,
];

export function runDomainChecks(ledger: Ledger, context: DomainContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const check of DOMAIN_CHECKS) check.start?.(ledger);
  for (const check of DOMAIN_CHECKS) appendAll(diagnostics, check.run(ledger, context));
  return diagnostics;
}
