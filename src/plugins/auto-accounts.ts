// beancount.plugins.auto_accounts: an Open for every account used but never opened, dated the
// day of its first use (and placed where that use is written).
import type { LedgerEntry, Open } from "../core/data.js";
import type { PluginFunction } from "./plugin.js";
import { entryAccounts } from "./entries.js";
import { PlainTransaction } from "../core/plain-transaction.js";

export const autoAccounts: PluginFunction = (entries) => {
  const opened = new Set<string>();
  for (const entry of entries) if (entry.type === "open") opened.add(entry.account);
  const firstUse = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      // Its booked postings are its postings: their accounts read in place, without making them.
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        const account = entry.accountAt(at);
        if (!firstUse.has(account)) firstUse.set(account, entry);
      }
      continue;
    }
    if (entry.type === "transaction") {
      // (entryAccounts's list, read in place.)
      for (const posting of entry.booked) if (!firstUse.has(posting.account)) firstUse.set(posting.account, entry);
      continue;
    }
    for (const account of entryAccounts(entry)) if (!firstUse.has(account)) firstUse.set(account, entry);
  }
  const opens: Open[] = [];
  for (const account of [...firstUse.keys()].sort()) {
    if (opened.has(account)) continue;
    const use = firstUse.get(account)!;
    opens.push({ type: "open", date: use.date, span: use.span, meta: [], account, currencies: [], booking: null });
  }
  if (opens.length === 0) return { entries, errors: [] };
  return { entries: [...opens, ...entries], errors: [] };
};
