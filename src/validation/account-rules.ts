// The "account-rules" check: an account opened with `no-negative: TRUE` (库存现金, a bank account)
// may never go below zero, counting itself and its subaccounts, over the books in ledger order
// (claims in progress are not in the books; `post` checks them as they would be). The posting that takes it below zero is named; if the balance comes
// back to zero or above, the next one that takes it below is named too.
import type { LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { metaText } from "../claims/claim.js";
import { isUnder } from "../core/accounts.js";
import { money } from "../claims/control.js";
import type { DomainCheck } from "./domain-check.js";
import { message } from "../i18n/message.js";
import { nonTransactions } from "../core/non-transactions.js";

export function checkAccountRules(entries: readonly LedgerEntry[]): Diagnostic[] {
  const guarded: string[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "open" && /^true$/i.test(metaText(entry.meta, "no-negative") ?? "")) guarded.push(entry.account);
  }
  if (guarded.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  const balances = new Map<string, Decimal>();
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      for (const account of guarded) {
        if (!isUnder(posting.account, account)) continue;
        const key = `${account}\u0000${posting.units.currency}`;
        const before = balances.get(key) ?? new Decimal(0);
        const after = before.plus(posting.units.number);
        balances.set(key, after);
        if (after.lessThan(0) && !before.lessThan(0)) {
          diagnostics.push(error(
            "account-negative",
            message("account-negative", { account, balance: money(after, posting.units.currency, posting.units.scale) }),
            posting.source.span,
          ));
        }
      }
    }
  }
  return diagnostics;
}

export const ACCOUNT_RULES_CHECK: DomainCheck = { name: "account-rules", run: (ledger) => checkAccountRules(ledger.entries) };
