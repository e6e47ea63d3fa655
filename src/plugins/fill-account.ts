// beancount.plugins.fill_account: a transaction of one posting gets a second, on the configured
// account, that balances it (at cost when the posting is at cost).
import type { LedgerEntry } from "../core/data.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { generatedPosting, isBeancountAccount, ownPostings, transactionWith } from "./entries.js";
import { postingWeight } from "../booking/interpolate.js";
import { message } from "../i18n/message.js";

export const fillAccount: PluginFunction = (entries, _options, config) => {
  const account = config.text ?? "";
  if (!isBeancountAccount(account)) return { entries, errors: [error("plugin-fill-account", message("account-name", { account, fullWidthColon: false }), config.span)] };
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction" || entry.booked.length !== 1) return entry;
    const [posting] = ownPostings(entry);
    const weight = postingWeight(posting!.units, posting!.cost, null);
    if (weight.number.isZero()) return entry;
    const filler = generatedPosting(entry, { account, units: { ...weight, number: weight.number.negated() }, cost: null, price: null });
    const booked = [posting!, filler];
    return transactionWith(entry, { booked, postings: booked.map((each) => each.source) });
  });
  return { entries: result, errors: [] };
};
