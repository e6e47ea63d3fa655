// Directives that may appear only once: commodities, and balance assertions per account, date and currency.
import type { LedgerEntry, Balance } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";
import { nonTransactions } from "../core/non-transactions.js";

export function validateDuplicates(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const commodities = new Set<string>();
  const balances = new Map<string, Balance>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "commodity") {
      if (commodities.has(entry.currency)) diagnostics.push(error("duplicate-commodity", message("duplicate-commodity", { currency: entry.currency }), entry.span));
      commodities.add(entry.currency);
    } else if (entry.type === "balance") {
      const key = `${entry.account}\u0000${entry.date}\u0000${entry.amount.currency}`;
      const previous = balances.get(key);
      if (previous === undefined) balances.set(key, entry);
      else if (!previous.amount.number.equals(entry.amount.number)) {
        diagnostics.push(error("duplicate-balance", message("duplicate-balance", {}), entry.span));
      }
    }
  }
  return diagnostics;
}
