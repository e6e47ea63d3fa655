// beancount.plugins.check_commodity: every commodity used needs a Commodity directive.
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { message } from "../i18n/message.js";

export const checkCommodity: PluginFunction = (entries, _options, config) => {
  /** Each commodity used, in the order first seen, and whether a directive declares it. */
  const declared = new Map<string, boolean>();
  const use = (currency: string): void => { if (!declared.has(currency)) declared.set(currency, false); };
  for (const entry of entries) {
    switch (entry.type) {
      case "commodity": declared.set(entry.currency, true); break;
      case "open": for (const currency of entry.currencies) use(currency); break;
      case "transaction":
        for (const posting of entry.booked) {
          use(posting.units.currency);
          if (posting.cost !== null) use(posting.cost.currency);
          if (posting.price !== null) use(posting.price.currency);
        }
        break;
      case "balance": use(entry.amount.currency); break;
      case "price": use(entry.currency); use(entry.amount.currency); break;
      default: break;
    }
  }
  const errors = [...declared].filter(([, has]) => !has).map(([currency]) =>
    error("plugin-check-commodity", message("plugin-missing-commodity", { currency }), config.span));
  return { entries, errors };
};
