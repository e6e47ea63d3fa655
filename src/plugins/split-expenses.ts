// beancount.plugins.split_expenses: each expense posting whose account names none of the members
// (the configuration, split on whitespace) is split evenly into one posting per member, on
// ACCOUNT:MEMBER, the share computed in 28 significant digits as beancount does (so the shares of
// 10.00 among three are 3.333333333333333333333333333 each, and sums keep that residue).
import type { BookedPosting, LedgerEntry, Open } from "../core/data.js";
import type { PluginFunction } from "./plugin.js";
import { postingMoved, transactionWith } from "./entries.js";

export const splitExpenses: PluginFunction = (entries, options, config) => {
  const members = (config.text ?? "").split(/\s+/).filter((member) => member !== "");
  const expenses = options.accountRoots.expenses;
  const names = (account: string): boolean => members.some((member) => account.includes(member));
  const created = new Set<string>();
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction") return entry;
    const booked: BookedPosting[] = [];
    let changed = false;
    for (const posting of entry.booked) {
      const isExpense = posting.account.slice(0, posting.account.indexOf(":") >>> 0) === expenses;
      if (!isExpense || names(posting.account) || members.length === 0) {
        booked.push(postingMoved(posting, posting.account, posting.source.meta));
        continue;
      }
      changed = true;
      const share = posting.units.number.div(members.length);
      for (const member of members) {
        const account = `${posting.account}:${member}`;
        created.add(account);
        const moved = postingMoved(posting, account, posting.source.meta);
        const units = { number: share, scale: Math.max(0, share.decimalPlaces()), currency: posting.units.currency };
        // Marked automatic in beancount: the shares infer no tolerance.
        booked.push({ ...moved, units, source: { ...moved.source, units }, interpolated: true });
      }
    }
    return changed ? transactionWith(entry, { booked, postings: booked.map((posting) => posting.source) }) : entry;
  });
  const opened = new Set<string>();
  for (const entry of entries) if (entry.type === "open" || entry.type === "close") opened.add(entry.account);
  if (entries.length === 0) return { entries: result, errors: [] };
  const first = entries[0]!;
  const opens: Open[] = [...created].filter((account) => !opened.has(account)).sort()
    .map((account) => ({ type: "open", date: first.date, span: config.span, meta: [], account, currencies: [], booking: null }));
  return { entries: [...opens, ...result], errors: [] };
};
