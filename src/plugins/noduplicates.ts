// beancount.plugins.noduplicates: two entries equal in every field but their metadata (the
// postings' metadata too, and the postings in any order) are an error; prices may repeat.
import type { Amount, BookedPosting, LedgerEntry, MetaValue } from "../core/data.js";
import { formatNumber } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { message } from "../i18n/message.js";

/** An amount as Python's str() shows it: the digits as written. */
function amountText(amount: Amount | null): string {
  return amount === null ? "None" : `${formatNumber(amount.number, amount.scale)} ${amount.currency}`;
}

function valueText(value: MetaValue): string {
  switch (value.type) {
    case "null": return "None";
    case "amount": return amountText(value.value);
    case "number": return formatNumber(value.value, value.scale);
    default: return `${value.type}:${String(value.value)}`;
  }
}

function postingText(posting: BookedPosting): string {
  const cost = posting.cost === null ? "None" : `${posting.cost.number.toString()} ${posting.cost.currency} ${posting.cost.date} ${posting.cost.label ?? "None"}`;
  return [posting.account, amountText(posting.units), cost, amountText(posting.price), posting.source.flag ?? "None"].join("\u0001");
}

/** Every field but the metadata, sets and postings in a fixed order (beancount hashes them sorted). */
export function entryKey(entry: LedgerEntry): string {
  const parts: string[] = [entry.type, entry.date];
  switch (entry.type) {
    case "transaction":
      parts.push(entry.flag, entry.payee ?? "None", entry.narration, [...entry.tags].sort().join(" "), [...entry.links].sort().join(" "));
      parts.push(entry.booked.map(postingText).sort().join("\u0002"));
      break;
    case "open": parts.push(entry.account, entry.currencies.join(","), entry.booking ?? "None"); break;
    case "close": parts.push(entry.account); break;
    case "commodity": parts.push(entry.currency); break;
    case "balance": parts.push(entry.account, amountText(entry.amount), entry.tolerance?.toString() ?? "None"); break;
    case "pad": parts.push(entry.account, entry.sourceAccount); break;
    case "note": parts.push(entry.account, entry.comment); break;
    case "document": parts.push(entry.account, entry.filename, [...entry.tags].sort().join(" "), [...entry.links].sort().join(" ")); break;
    case "event": parts.push(entry.eventType, entry.description); break;
    case "query": parts.push(entry.name, entry.queryString); break;
    case "price": parts.push(entry.currency, amountText(entry.amount)); break;
    case "custom": parts.push(entry.customType, ...entry.values.map(valueText)); break;
  }
  return parts.join("\u0000");
}

export const noDuplicates: PluginFunction = (entries) => {
  const seen = new Map<string, LedgerEntry>();
  const errors: Diagnostic[] = [];
  for (const entry of entries) {
    const key = entryKey(entry);
    const other = seen.get(key);
    if (other !== undefined && entry.type !== "price") {
      errors.push(error("plugin-noduplicates", message("plugin-duplicate-entry", { date: entry.date, type: entry.type, file: other.span.file, otherDate: other.date }), entry.span));
    }
    seen.set(key, entry);
  }
  return { entries, errors };
};
