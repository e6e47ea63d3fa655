// beancount.plugins.tag_pending: transactions of a link whose common accounts do not net to zero
// (or a link on one transaction alone) are tagged #PENDING.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { PluginFunction } from "./plugin.js";
import { lotKey, transactionWith } from "./entries.js";

const TAG = "PENDING";

export const tagPending: PluginFunction = (entries) => {
  const groups = new Map<string, BookedTransaction[]>();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    for (const link of entry.links) {
      const group = groups.get(link);
      if (group === undefined) groups.set(link, [entry]);
      else group.push(entry);
    }
  }
  const pending = new Set<LedgerEntry>();
  for (const group of groups.values()) {
    if (group.length === 1) { pending.add(group[0]!); continue; }
    const common = new Set(group[0]!.booked.map((posting) => posting.account));
    for (const entry of group.slice(1)) {
      const accounts = new Set(entry.booked.map((posting) => posting.account));
      for (const account of common) if (!accounts.has(account)) common.delete(account);
    }
    const balance = new Map<string, Decimal>();
    for (const entry of group) {
      for (const posting of entry.booked) {
        if (!common.has(posting.account)) continue;
        const key = lotKey(posting.units.currency, posting.cost);
        balance.set(key, (balance.get(key) ?? new Decimal(0)).plus(posting.units.number));
      }
    }
    if ([...balance.values()].some((number) => !number.isZero())) for (const entry of group) pending.add(entry);
  }
  if (pending.size === 0) return { entries, errors: [] };
  return {
    entries: entries.map((entry) => (pending.has(entry) && entry.type === "transaction" && !entry.tags.includes(TAG) ? transactionWith(entry, { tags: [...entry.tags, TAG] }) : entry)),
    errors: [],
  };
};
