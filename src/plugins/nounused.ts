// beancount.plugins.nounused: an account opened and never referenced (a close counts) is an error.
import type { Open } from "../core/data.js";
import { error } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { entryAccounts } from "./entries.js";
import { message } from "../i18n/message.js";

export const noUnused: PluginFunction = (entries) => {
  const opens = new Map<string, Open>();
  const referenced = new Set<string>();
  for (const entry of entries) {
    if (entry.type === "open") opens.set(entry.account, entry);
    else for (const account of entryAccounts(entry)) referenced.add(account);
  }
  const errors = [];
  for (const [account, open] of opens) {
    if (!referenced.has(account)) errors.push(error("plugin-nounused", message("plugin-unused-account", { account }), open.span));
  }
  return { entries, errors };
};
