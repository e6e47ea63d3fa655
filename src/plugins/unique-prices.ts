// beancount.plugins.unique_prices: two prices of one commodity in one currency on one day must agree.
import type { Price } from "../core/data.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { message } from "../i18n/message.js";

export const uniquePrices: PluginFunction = (entries) => {
  const prices = new Map<string, Price[]>();
  for (const entry of entries) {
    if (entry.type !== "price") continue;
    const key = `${entry.date} ${entry.currency} ${entry.amount.currency}`;
    const list = prices.get(key);
    if (list === undefined) prices.set(key, [entry]);
    else list.push(entry);
  }
  const errors = [];
  for (const list of prices.values()) {
    if (list.length < 2) continue;
    const numbers = new Set(list.map((price) => price.amount.number.toString()));
    if (numbers.size < 2) continue;
    // Beancount keys a dict by number: the first number's entry is the last price with that number.
    const first = list[0]!.amount.number.toString();
    const reported = [...list].reverse().find((price) => price.amount.number.toString() === first)!;
    errors.push(error("plugin-unique-prices", message("plugin-unique-prices", {}), reported.span));
  }
  return { entries, errors };
};
