// The "allocation" check: every `custom "allocation"` rule is well formed (allocation/rules.ts).
import { allocationRules } from "../allocation/rules.js";
import type { DomainCheck } from "./domain-check.js";

export const ALLOCATION_CHECK: DomainCheck = {
  name: "allocation",
  run: (ledger) => allocationRules(ledger.entries).diagnostics,
};
