// beancount.plugins.check_closing: a posting with `closing: TRUE` metadata asserts that its account
// holds none of the posting's commodity the next day.
import type { Balance, LedgerEntry } from "../core/data.js";
import { addDays } from "../core/dates.js";
import { ZERO } from "../core/number.js";
import type { PluginFunction } from "./plugin.js";

/** Python truth of a metadata value (beancount tests `meta.get('closing', False)`). */
function truthy(value: { type: string; value?: unknown }): boolean {
  switch (value.type) {
    case "null": return false;
    case "bool": return value.value === true;
    case "string": return value.value !== "";
    case "number": return !(value.value as { isZero(): boolean }).isZero();
    default: return true;
  }
}

export const checkClosing: PluginFunction = (entries) => {
  const result: LedgerEntry[] = [];
  for (const entry of entries) {
    if (entry.type === "transaction") {
      for (const posting of entry.booked) {
        const closing = posting.source.meta.find((line) => line.key === "closing");
        if (closing === undefined || !truthy(closing.value)) continue;
        const balance: Balance = {
          type: "balance", date: addDays(entry.date, 1), span: posting.source.span, meta: [], account: posting.account,
          amount: { number: ZERO, scale: 0, currency: posting.units.currency }, tolerance: null,
        };
        result.push(balance);
      }
    }
    result.push(entry);
  }
  return { entries: result, errors: [] };
};
