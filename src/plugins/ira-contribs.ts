// beancount.plugins.ira_contribs: a posting that adds to a configured account (by the account's
// sign: up on Assets and Expenses, down on the others), with the configured posting flag if any,
// gets two more postings of the same amount in the configured currency, on the configured pair of
// accounts (`{year}` replaced by the transaction's year).
import type { BookedPosting, LedgerEntry } from "../core/data.js";
import { pluginFailure, type PluginFunction } from "./plugin.js";
import { isDict, readPythonLiteral, type PythonValue } from "./python-literal.js";
import { generatedPosting, transactionWith } from "./entries.js";

const MODULE = "beancount.plugins.ira_contribs";

interface Transform {
  readonly flag: string | null;
  readonly negative: string;
  readonly positive: string;
}

export const iraContribs: PluginFunction = (entries, options, config) => {
  const read = readPythonLiteral(config.text ?? "");
  if ("problem" in read || !isDict(read.value)) return pluginFailure(entries, MODULE, "Invalid plugin configuration: should be a single dict.", config.span);
  const currency = typeof read.value.get("currency") === "string" ? (read.value.get("currency") as string) : "UNKNOWN";
  const insertFlag = typeof read.value.get("flag") === "string" ? (read.value.get("flag") as string) : null;
  const accounts = read.value.get("accounts");
  const transforms = new Map<string, Transform>();
  if (accounts !== undefined && accounts !== null && isDict(accounts)) {
    for (const [key, value] of accounts) {
      // A tuple key (flag, account) is kept by the literal reader as its JSON text.
      let flag: string | null = null;
      let account = key;
      if (key.startsWith("[")) [flag, account] = JSON.parse(key) as [string, string];
      const pair = value as readonly PythonValue[];
      if (!Array.isArray(pair) || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
        return pluginFailure(entries, MODULE, `invalid accounts for '${account}'`, config.span);
      }
      transforms.set(account, { flag, negative: pair[0], positive: pair[1] });
    }
  }
  const roots = options.accountRoots;
  const sign = (account: string): number => {
    const root = account.slice(0, account.indexOf(":") >>> 0);
    return root === roots.assets || root === roots.expenses ? 1 : -1;
  };
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction") return entry;
    let current = entry;
    for (const posting of entry.booked) {
      const transform = transforms.get(posting.account);
      if (transform === undefined || !(sign(posting.account) > 0 ? posting.units.number.gt(0) : posting.units.number.lt(0))) continue;
      if (transform.flag !== null && transform.flag !== posting.source.flag) continue;
      const year = entry.date.slice(0, 4).replace(/^0+/, "");
      const amount = { number: posting.units.number.abs(), scale: posting.units.scale, currency };
      const added: BookedPosting[] = [
        generatedPosting(entry, { account: transform.negative.replaceAll("{year}", year), units: { ...amount, number: amount.number.negated() }, cost: null, price: null }),
        generatedPosting(entry, { account: transform.positive.replaceAll("{year}", year), units: amount, cost: null, price: null }),
      ].map((each) => ({ ...each, source: { ...each.source, flag: insertFlag } }));
      const booked = [...current.booked, ...added];
      current = transactionWith(current, { booked, postings: booked.map((each) => each.source) });
    }
    return current;
  });
  return { entries: result, errors: [] };
};
