// beancount.plugins.mark_unverified: postings dated on or after their account's last balance
// assertion get `unverified: TRUE` (metadata only: no number changes).
import type { Balance, LedgerEntry } from "../core/data.js";
import { metaEntry } from "../core/data.js";
import type { PluginFunction } from "./plugin.js";
import { postingMoved, transactionWith } from "./entries.js";

export const markUnverified: PluginFunction = (entries) => {
  const lastBalance = new Map<string, Balance>();
  for (const entry of entries) if (entry.type === "balance") lastBalance.set(entry.account, entry);
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction") return entry;
    if (!entry.booked.some((posting) => (lastBalance.get(posting.account)?.date ?? "9999-99-99") <= entry.date)) return entry;
    const booked = entry.booked.map((posting) => {
      const balance = lastBalance.get(posting.account);
      const meta = balance !== undefined && balance.date <= entry.date
        ? [...posting.source.meta.filter((line) => line.key !== "unverified"), metaEntry("unverified", { type: "bool", value: true }, posting.source.span)]
        : posting.source.meta;
      return postingMoved(posting, posting.account, meta);
    });
    return transactionWith(entry, { booked, postings: booked.map((posting) => posting.source) });
  });
  return { entries: result, errors: [] };
};
