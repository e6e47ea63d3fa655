// beancount.plugins.leafonly: an account with sub-accounts must not be used itself. As in
// beancount, an Open, Close, Balance, Note, Document, Pad or a custom value counts as a use: a
// parent that is opened but never posted to is flagged too.
import type { LedgerEntry } from "../core/data.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { entryAccounts } from "./entries.js";
import { message } from "../i18n/message.js";

/** Accounts in beancount's realization order: depth first, children by component name. */
function compareAccounts(left: string, right: string): number {
  const a = left.split(":");
  const b = right.split(":");
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}

function usedAccounts(entry: LedgerEntry): string[] {
  if (entry.type === "custom") return entry.values.filter((value) => value.type === "account").map((value) => value.value as string);
  return entryAccounts(entry);
}

export const leafOnly: PluginFunction = (entries, _options, config) => {
  const used = new Set<string>();
  for (const entry of entries) for (const account of usedAccounts(entry)) used.add(account);
  const parents = new Set<string>();
  for (const account of used) {
    for (let end = account.lastIndexOf(":"); end > 0; end = account.lastIndexOf(":", end - 1)) parents.add(account.slice(0, end));
  }
  const opens = new Map<string, LedgerEntry>();
  for (const entry of entries) if (entry.type === "open" && !opens.has(entry.account)) opens.set(entry.account, entry);
  const errors = [...used].filter((account) => parents.has(account)).sort(compareAccounts).map((account) =>
    error("plugin-leafonly", message("plugin-non-leaf", { account }), opens.get(account)?.span ?? config.span));
  return { entries, errors };
};
