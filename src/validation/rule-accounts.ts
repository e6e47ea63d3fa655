// The "rule-accounts" check: a rule the journal declares with `custom` (a budget, a policy, an
// approval limit, a dimension, an option...) that names an account never opened, nor any account
// under it, applies to nothing; most likely the name is mistyped. A warning, with the nearest
// opened accounts; a rule on a parent that is not opened itself (a budget on 管理费用 whose
// subaccounts are opened) is fine.
import type { LedgerEntry } from "../core/data.js";
import { isUnder } from "../core/accounts.js";
import { accountSuggester } from "../core/nearest-names.js";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import type { DomainCheck } from "./domain-check.js";
import { nonTransactions } from "../core/non-transactions.js";

export function checkRuleAccounts(entries: readonly LedgerEntry[]): Diagnostic[] {
  const opened = new Set<string>();
  for (const entry of nonTransactions(entries)) if (entry.type === "open") opened.add(entry.account);
  const diagnostics: Diagnostic[] = [];
  const covered = new Map<string, boolean>();
  const isCovered = (account: string): boolean => {
    let found = covered.get(account);
    if (found === undefined) {
      found = opened.has(account);
      if (!found) for (const open of opened) if (isUnder(open, account)) { found = true; break; }
      covered.set(account, found);
    }
    return found;
  };
  // A rule may name a parent: the parents of opened accounts are suggested too.
  const named = new Set<string>();
  for (const account of opened) {
    for (let end = account.indexOf(":", account.indexOf(":") + 1); end > 0; end = account.indexOf(":", end + 1)) named.add(account.slice(0, end));
    named.add(account);
  }
  const suggest = accountSuggester(named);
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "custom") continue;
    for (const value of entry.values) {
      if (value.type !== "account" || isCovered(value.value)) continue;
      const rule = `custom "${entry.customType}"`;
      diagnostics.push(warning(CODES.ruleUnknownAccount, MESSAGES.ruleUnknownAccount(rule, value.value, suggest(value.value)), entry.span));
    }
  }
  return diagnostics;
}

export const RULE_ACCOUNTS_CHECK: DomainCheck = { name: "rule-accounts", run: (ledger) => checkRuleAccounts(ledger.entries) };
