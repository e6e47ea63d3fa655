// Currency constraints declared on open directives.
import { message } from "../i18n/message.js";
import type { LedgerEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { nonTransactions } from "../core/non-transactions.js";

export function validateCurrencyConstraints(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const allowed = new Map<string, ReadonlySet<string>>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "open" && entry.currencies.length > 0 && !allowed.has(entry.account)) {
      allowed.set(entry.account, new Set(entry.currencies));
    }
  }
  if (allowed.size === 0) return diagnostics;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        const currencies = allowed.get(entry.accountAt(at));
        const currency = entry.bookedCurrencyAt(at);
        if (currencies !== undefined && !currencies.has(currency)) {
          diagnostics.push(error("currency-constraint", message("currency-constraint", { currency, account: entry.accountAt(at) }), entry.span));
        }
      }
      continue;
    }
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const currencies = allowed.get(posting.account);
      if (currencies !== undefined && !currencies.has(posting.units.currency)) {
        diagnostics.push(error("currency-constraint", message("currency-constraint", { currency: posting.units.currency, account: posting.account }), entry.span));
      }
    }
  }
  return diagnostics;
}
