// beancount.plugins.currency_accounts: a transaction with a price that mixes currencies is made to
// balance in each currency by a posting to BASE:CURRENCY (Equity:CurrencyAccounts by default), its
// prices dropped; the accounts are opened on the first entry's date.
import type { BookedPosting, LedgerEntry, Open } from "../core/data.js";
import { ZERO, type Decimal } from "../core/number.js";
import { postingWeight } from "../booking/interpolate.js";
import type { PluginFunction } from "./plugin.js";
import { generatedPosting, isBeancountAccount, postingMoved, transactionWith } from "./entries.js";

const DEFAULT_BASE_ACCOUNT = "Equity:CurrencyAccounts";

export const currencyAccounts: PluginFunction = (entries, _options, config) => {
  const trimmed = (config.text ?? "").trim();
  const base = isBeancountAccount(trimmed) ? trimmed : DEFAULT_BASE_ACCOUNT;
  const created = new Set<string>();
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction") return entry;
    const groups = new Map<string, BookedPosting[]>();
    let hasPrice = false;
    for (const posting of entry.booked) {
      const currency = posting.cost !== null ? posting.cost.currency : posting.units.currency;
      if (posting.price !== null) hasPrice = true;
      const group = groups.get(currency);
      if (group === undefined) groups.set(currency, [posting]);
      else group.push(posting);
    }
    if (!hasPrice || groups.size < 2) return entry;
    const booked: BookedPosting[] = [];
    for (const [currency, postings] of groups) {
      let total: Decimal = ZERO;
      let scale = 0;
      for (const posting of postings) {
        const cost = postingWeight(posting.units, posting.cost, null);
        total = total.plus(cost.number);
        scale = Math.max(scale, cost.scale);
      }
      if (total.isZero()) {
        for (const posting of postings) booked.push(postingMoved(posting, posting.account, posting.source.meta));
        continue;
      }
      for (const posting of postings) {
        const moved = postingMoved(posting, posting.account, posting.source.meta);
        booked.push({ ...moved, price: null, source: { ...moved.source, price: null, priceIsTotal: false } });
      }
      const account = `${base}:${currency}`;
      created.add(account);
      booked.push(generatedPosting(entry, { account, units: { number: total.negated(), scale, currency }, cost: null, price: null }));
    }
    return transactionWith(entry, { booked, postings: booked.map((posting) => posting.source) });
  });
  if (created.size === 0 || entries.length === 0) return { entries: result, errors: [] };
  const first = entries[0]!;
  const opens: Open[] = [...created].sort().map((account) => ({ type: "open", date: first.date, span: first.span, meta: [], account, currencies: [], booking: null }));
  return { entries: [...opens, ...result], errors: [] };
};
