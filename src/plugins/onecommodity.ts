// beancount.plugins.onecommodity: each account holds one commodity (and one cost currency), unless
// its Open lists several currencies, says `onecommodity: FALSE`, or the configuration's regular
// expression (matched at the start of the name) leaves it out.
import type { LedgerEntry } from "../core/data.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { message } from "../i18n/message.js";

export const oneCommodity: PluginFunction = (entries, _options, config) => {
  let accounts: RegExp | null = null;
  if (config.text) {
    try { accounts = new RegExp(`^(?:${config.text})`, "u"); } catch {
      return { entries, errors: [error("plugin-failed", message("plugin-failed", { module: "beancount.plugins.onecommodity", why: `invalid regular expression '${config.text}'` }), config.span)] };
    }
  }
  const skip = new Set<string>();
  for (const entry of entries) {
    if (entry.type !== "open") continue;
    const flag = entry.meta.find((line) => line.key === "onecommodity")?.value;
    const off = flag !== undefined && (flag.type === "null" || (flag.type === "bool" && !flag.value));
    if (off || (accounts !== null && !accounts.test(entry.account)) || entry.currencies.length > 1) skip.add(entry.account);
  }
  const units = new Map<string, Set<string>>();
  const costs = new Map<string, Set<string>>();
  const unitsSource = new Map<string, LedgerEntry>();
  const add = (map: Map<string, Set<string>>, account: string, currency: string): boolean => {
    let set = map.get(account);
    if (set === undefined) map.set(account, (set = new Set()));
    set.add(currency);
    return set.size > 1;
  };
  for (const entry of entries) {
    if (entry.type === "transaction") {
      for (const posting of entry.booked) {
        if (skip.has(posting.account)) continue;
        if (add(units, posting.account, posting.units.currency)) unitsSource.set(posting.account, entry);
        if (posting.cost !== null && add(costs, posting.account, posting.cost.currency)) unitsSource.set(posting.account, entry);
      }
    } else if (entry.type === "balance" && !skip.has(entry.account)) {
      if (add(units, entry.account, entry.amount.currency)) unitsSource.set(entry.account, entry);
    }
  }
  // Beancount 2.3.5 looks up the entry of a second cost currency in a map it never fills: the
  // plugin fails, and none of its errors are reported.
  for (const [account, currencies] of costs) {
    if (!skip.has(account) && currencies.size > 1) {
      return { entries, errors: [error("plugin-failed", message("plugin-failed", { module: "beancount.plugins.onecommodity", why: `KeyError: '${account}'` }), config.span)] };
    }
  }
  const errors = [];
  for (const [account, currencies] of units) {
    if (skip.has(account) || currencies.size < 2) continue;
    errors.push(error("plugin-onecommodity", message("plugin-one-commodity", { account, currencies: [...currencies].sort().join(",") }), unitsSource.get(account)!.span));
  }
  return { entries, errors };
};
