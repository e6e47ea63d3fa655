// The bookkeeping checks beyond beancount's (claims, receipts, fapiao, policies, budgets, account
// rules, schedules). `check` runs them after loading; writers run them before they write.
// Each check is a small named function over the loaded ledger.
import type { Ledger } from "../loader/load.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface DomainCheck {
  /** Stable name, e.g. "claims", "fapiao", "policies". */
  readonly name: string;
  readonly run: (ledger: Ledger, context: DomainContext) => Diagnostic[];
}

export interface DomainContext {
  /** Today's date (FEELEDGER_TODAY or the clock), for checks about what is overdue. */
  readonly today: string;
}

export const DOMAIN_CHECKS: DomainCheck[] = [];

export function runDomainChecks(ledger: Ledger, context: DomainContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const check of DOMAIN_CHECKS) diagnostics.push(...check.run(ledger, context));
  return diagnostics;
}
