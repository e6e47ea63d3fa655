// beancount.plugins.merge_meta "FILE": loads another ledger (its own plugins run) and copies the
// metadata of its open, close and commodity directives onto this ledger's of the same account or
// currency, the other file's values winning; the other ledger's errors are reported with ours.
// The path is resolved as beancount's loader.load_file does: `~` and `$VARIABLE` expanded, then
// against the working directory (not the ledger's directory).
import os from "node:os";
import path from "node:path";
import type { Close, Commodity, LedgerEntry, MetaEntry, Open } from "../core/data.js";
import { loadLedger } from "../loader/load.js";
import type { PluginFunction } from "./plugin.js";
import { pluginFailure } from "./plugin.js";

/** The files being merged, to stop a ledger that merges itself (beancount recurses until Python gives up). */
const loading = new Set<string>();

/**
 * Python's os.path.expandvars(os.path.expanduser(name)): a relative result is relative to the
 * working directory (and is kept relative, so that messages name the file as written).
 */
export function beancountLoadPath(name: string, environment: NodeJS.ProcessEnv = process.env): string {
  const expanded = name === "~" || name.startsWith("~/") ? os.homedir() + name.slice(1) : name;
  return expanded.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, plain: string | undefined, braced: string | undefined) => environment[plain ?? braced!] ?? whole);
}

/** The first open and close of each account by date (beancount's getters.get_account_open_close). */
function openClose(entries: readonly LedgerEntry[]): Map<string, [Open | null, Close | null]> {
  const map = new Map<string, [Open | null, Close | null]>();
  for (const entry of entries) {
    if (entry.type !== "open" && entry.type !== "close") continue;
    let pair = map.get(entry.account);
    if (pair === undefined) map.set(entry.account, (pair = [null, null]));
    const index = entry.type === "open" ? 0 : 1;
    const previous = pair[index];
    if (previous === null || previous.date > entry.date) pair[index] = entry as never;
  }
  return map;
}

/** The last commodity directive of each currency. */
function commodities(entries: readonly LedgerEntry[]): Map<string, Commodity> {
  const map = new Map<string, Commodity>();
  for (const entry of entries) if (entry.type === "commodity") map.set(entry.currency, entry);
  return map;
}

/** Python's dict.update: a key already there takes the new value in its place, new keys come last. */
function updated(meta: readonly MetaEntry[], other: readonly MetaEntry[]): MetaEntry[] {
  const result = meta.slice();
  for (const line of other) {
    const at = result.findIndex((existing) => existing.key === line.key);
    if (at >= 0) result[at] = line;
    else result.push(line);
  }
  return result;
}

export const mergeMeta: PluginFunction = (entries, _options, config) => {
  const file = beancountLoadPath(config.text ?? "");
  const absolute = path.resolve(file);
  if (loading.has(absolute)) return pluginFailure(entries, "beancount.plugins.merge_meta", `"${file}" merges itself`, config.span);
  loading.add(absolute);
  let other;
  try {
    other = loadLedger(file, { today: config.today });
  } finally {
    loading.delete(absolute);
  }
  const replaced = new Map<LedgerEntry, LedgerEntry>();
  const merge = <T extends Open | Close | Commodity>(mine: T | null, theirs: T | null) => {
    if (mine === null || theirs === null) return;
    const current = (replaced.get(mine) ?? mine) as T;
    replaced.set(mine, { ...current, meta: updated(current.meta, theirs.meta) });
  };
  const theirOpenClose = openClose(other.entries);
  for (const [account, [open, close]] of openClose(entries)) {
    const theirs = theirOpenClose.get(account);
    if (theirs === undefined) continue;
    merge(open, theirs[0]);
    merge(close, theirs[1]);
  }
  const theirCommodities = commodities(other.entries);
  for (const [currency, commodity] of commodities(entries)) merge(commodity, theirCommodities.get(currency) ?? null);
  // Problems with no place in a file (the other file missing) are placed on the plugin line.
  const errors = other.diagnostics.map((diagnostic) => (diagnostic.span === null ? { ...diagnostic, span: config.span } : diagnostic));
  return {
    entries: replaced.size === 0 ? entries : entries.map((entry) => replaced.get(entry) ?? entry),
    errors,
    sources: other.sources,
  };
};
