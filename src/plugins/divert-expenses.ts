// beancount.plugins.divert_expenses: in transactions with the configured tag, expense postings (or
// postings with `divert: TRUE`, but not `divert: FALSE`) go to the configured account instead.
import type { LedgerEntry } from "../core/data.js";
import { metaEntry } from "../core/data.js";
import { pluginFailure, type PluginFunction } from "./plugin.js";
import { isDict, readPythonLiteral } from "./python-literal.js";
import { postingMoved, transactionWith } from "./entries.js";

const MODULE = "beancount.plugins.divert_expenses";

export const divertExpenses: PluginFunction = (entries, options, config) => {
  const read = readPythonLiteral(config.text ?? "");
  if ("problem" in read || !isDict(read.value)) return pluginFailure(entries, MODULE, "Invalid plugin configuration: should be a single dict.", config.span);
  const tag = read.value.get("tag");
  const account = read.value.get("account");
  if (typeof tag !== "string" || typeof account !== "string") return pluginFailure(entries, MODULE, "KeyError: the configuration needs 'tag' and 'account'", config.span);
  const expenses = options.accountRoots.expenses;
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction" || !entry.tags.includes(tag)) return entry;
    const booked = entry.booked.map((posting) => {
      const divert = posting.source.meta.find((line) => line.key === "divert")?.value;
      const isExpense = posting.account === expenses || posting.account.startsWith(`${expenses}:`);
      const diverted = (divert?.type === "bool" && divert.value) || (divert === undefined && isExpense);
      if (!diverted) return postingMoved(posting, posting.account, posting.source.meta);
      return postingMoved(posting, account, [metaEntry("diverted_account", { type: "account", value: posting.account }, posting.source.span)]);
    });
    return transactionWith(entry, { booked, postings: booked.map((posting) => posting.source) });
  });
  return { entries: result, errors: [] };
};
