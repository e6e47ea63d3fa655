// The plugins feeledger runs natively, by the module names a `plugin` line gives beancount.
import type { BuiltinPlugin, PluginFunction } from "./plugin.js";
import { autoAccounts } from "./auto-accounts.js";
import { checkClosing } from "./check-closing.js";
import { checkCommodity } from "./check-commodity.js";
import { coherentCost } from "./coherent-cost.js";
import { excludeTag } from "./exclude-tag.js";
import { forecast } from "./forecast.js";
import { implicitPrices } from "./implicit-prices.js";
import { leafOnly } from "./leafonly.js";
import { noDuplicates } from "./noduplicates.js";
import { noUnused } from "./nounused.js";
import { oneCommodity } from "./onecommodity.js";
import { tagPending } from "./tag-pending.js";
import { uniquePrices } from "./unique-prices.js";
import { checkAverageCost } from "./check-average-cost.js";
import { commodityAttr } from "./commodity-attr.js";
import { divertExpenses } from "./divert-expenses.js";
import { fillAccount } from "./fill-account.js";
import { fixPayees } from "./fix-payees.js";
import { markUnverified } from "./mark-unverified.js";
import { sellGains } from "./sellgains.js";
import { currencyAccounts } from "./currency-accounts.js";
import { unrealized } from "./unrealized.js";
import { splitExpenses } from "./split-expenses.js";
import { iraContribs } from "./ira-contribs.js";
import { bookConversions } from "./book-conversions.js";
import { mergeMeta } from "./merge-meta.js";

/** A module whose functions run one after the other on what the previous one returned. */
function sequence(...functions: PluginFunction[]): PluginFunction {
  return (entries, options, config) => {
    const errors = [];
    let current = entries;
    for (const run of functions) {
      const result = run(current, options, config);
      current = result.entries;
      errors.push(...result.errors);
    }
    return { entries: current, errors };
  };
}

const plain = (run: PluginFunction): BuiltinPlugin => ({ run, config: "none" });
const configurable = (run: PluginFunction): BuiltinPlugin => ({ run, config: "optional" });
const configured = (run: PluginFunction): BuiltinPlugin => ({ run, config: "required" });

const PLUGINS: ReadonlyMap<string, BuiltinPlugin> = new Map([
  ["auto_accounts", plain(autoAccounts)],
  ["auto", plain(sequence(autoAccounts, implicitPrices))],
  ["implicit_prices", plain(implicitPrices)],
  ["forecast", plain(forecast)],
  ["noduplicates", plain(noDuplicates)],
  ["nounused", plain(noUnused)],
  ["onecommodity", configurable(oneCommodity)],
  ["unique_prices", plain(uniquePrices)],
  ["leafonly", plain(leafOnly)],
  ["check_commodity", plain(checkCommodity)],
  ["check_closing", plain(checkClosing)],
  ["coherent_cost", plain(coherentCost)],
  ["exclude_tag", plain(excludeTag)],
  ["tag_pending", plain(tagPending)],
  ["sellgains", plain(sellGains)],
  ["pedantic", plain(sequence(checkCommodity, coherentCost, leafOnly, noDuplicates, noUnused, oneCommodity, sellGains, uniquePrices))],
  ["check_average_cost", configurable(checkAverageCost)],
  ["commodity_attr", configured(commodityAttr)],
  ["divert_expenses", configured(divertExpenses)],
  ["fill_account", configured(fillAccount)],
  ["fix_payees", configured(fixPayees)],
  ["mark_unverified", plain(markUnverified)],
  ["currency_accounts", configured(currencyAccounts)],
  ["unrealized", configurable(unrealized)],
  ["split_expenses", configured(splitExpenses)],
  ["ira_contribs", configured(iraContribs)],
  ["book_conversions", configured(bookConversions)],
  ["merge_meta", configured(mergeMeta)],
]);

/** beancount.ops modules with `__plugins__`: the loader runs them anyway (pad, documents, balance). */
const LOADER_STAGES = new Set(["pad", "documents", "balance"]);
/** The other beancount.ops modules: importable, with no plugin functions (beancount skips them). */
const OTHER_OPS = new Set(["basicops", "compress", "find_prices", "holdings", "lifetimes", "summarize", "validation"]);

/** The modules and packages at the top of beancount 2.3.5 (besides plugins and ops). */
const BEANCOUNT_PACKAGES = new Set(["core", "ingest", "loader", "parser", "prices", "projects", "query", "reports", "scripts", "tools", "utils", "web"]);

export type PluginLookup =
  | { readonly kind: "builtin"; readonly plugin: BuiltinPlugin }
  | { readonly kind: "loader-stage" }
  | { readonly kind: "no-plugins" }
  | { readonly kind: "unknown-builtin" }
  | { readonly kind: "foreign" };

/** What a module name stands for. */
export function lookupPlugin(module: string): PluginLookup {
  if (module.startsWith("beancount.plugins.")) {
    const plugin = PLUGINS.get(module.slice("beancount.plugins.".length));
    return plugin === undefined ? { kind: "unknown-builtin" } : { kind: "builtin", plugin };
  }
  if (module.startsWith("beancount.ops.")) {
    const name = module.slice("beancount.ops.".length);
    if (LOADER_STAGES.has(name)) return { kind: "loader-stage" };
    return OTHER_OPS.has(name) ? { kind: "no-plugins" } : { kind: "unknown-builtin" };
  }
  // Another beancount module: beancount imports it and, as it has no plugin functions, skips it;
  // a name that is no module of beancount's fails to import.
  if (module.startsWith("beancount.")) return BEANCOUNT_PACKAGES.has(module.split(".")[1]!) ? { kind: "no-plugins" } : { kind: "unknown-builtin" };
  return { kind: "foreign" };
}

/** What well-known third-party plugins do, by the start of their module name. */
const KNOWN_FOREIGN: readonly (readonly [string, string])[] = [
  ["beancount_periodic.", "it generates recurring, amortized or depreciated transactions; their amounts are missing"],
  ["beancount_reds_plugins.", "it rewrites or generates entries (e.g. capital gains, effective dates); numbers may differ"],
  ["beancount_interpolate.", "it spreads transactions over time; the spread entries are missing"],
  ["fava.plugins.", "it only adds Fava's document links and tags; numbers are unaffected"],
];

/** A hint of what a third-party plugin probably does, or null. */
export function foreignPluginHint(module: string): string | null {
  return KNOWN_FOREIGN.find(([prefix]) => module.startsWith(prefix))?.[1] ?? null;
}

/** The short names of the plugins run natively (for docs and tests). */
export function builtinPluginNames(): string[] {
  return [...PLUGINS.keys()];
}
