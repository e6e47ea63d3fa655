// beancount.plugins.coherent_cost: a commodity is held either always at cost or never.
import type { LedgerEntry } from "../core/data.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { message } from "../i18n/message.js";

export const coherentCost: PluginFunction = (entries) => {
  const withCost = new Map<string, LedgerEntry>();
  const withoutCost = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const target = posting.cost === null ? withoutCost : withCost;
      if (!target.has(posting.units.currency)) target.set(posting.units.currency, entry);
    }
  }
  const errors = [...withCost.keys()].filter((currency) => withoutCost.has(currency)).sort().map((currency) =>
    error("plugin-coherent-cost", message("plugin-coherent-cost", { currency }), withoutCost.get(currency)!.span));
  return { entries, errors };
};
