// beancount.plugins.unrealized: for each account, commodity and cost currency held at cost at the
// end, a transaction flagged U on the last entry's date books the difference between market value
// (at the latest price) and book value to the account (or its configured sub-account) against
// Income:<the account without its root>; accounts it needs are opened that day.
import type { BookedTransaction, LedgerEntry, Open } from "../core/data.js";
import { Decimal, ZERO } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { generatedPosting, isBeancountAccount, lotKey } from "./entries.js";
import { buildPriceDatabase } from "../prices/price-database.js";
import { message } from "../i18n/message.js";

interface Holding {
  account: string;
  currency: string;
  costCurrency: string;
  units: Decimal;
  book: Decimal;
  market: Decimal | null;
  priceDate: string | null;
}

export const unrealized: PluginFunction = (entries, options, config) => {
  const subaccount = config.text;
  const roots = options.accountRoots;
  if (subaccount) {
    if (!isBeancountAccount(`${roots.assets}:${subaccount}`)) return { entries, errors: [error("plugin-unrealized", message("plugin-subaccount", { subaccount }), config.span)] };
  }
  if (entries.length === 0) return { entries, errors: [] };
  const prices = buildPriceDatabase(entries);
  // Positions at cost, by account and lot, of every transaction but earlier unrealized ones.
  const lots = new Map<string, { account: string; currency: string; costCurrency: string; cost: Decimal; units: Decimal }>();
  for (const entry of entries) {
    if (entry.type !== "transaction" || entry.flag === "U") continue;
    for (const posting of entry.booked) {
      if (posting.cost === null) continue;
      const key = `${posting.account}\u0000${lotKey(posting.units.currency, posting.cost)}`;
      const lot = lots.get(key);
      if (lot === undefined) lots.set(key, { account: posting.account, currency: posting.units.currency, costCurrency: posting.cost.currency, cost: posting.cost.number, units: posting.units.number });
      else lot.units = lot.units.plus(posting.units.number);
    }
  }
  const holdings = new Map<string, Holding>();
  for (const lot of lots.values()) {
    if (lot.units.isZero()) continue;
    const price = prices.rate(lot.currency, lot.costCurrency, null);
    const key = `${lot.account}\u0000${lot.currency}\u0000${lot.costCurrency}`;
    const holding = holdings.get(key) ?? { account: lot.account, currency: lot.currency, costCurrency: lot.costCurrency, units: ZERO, book: ZERO, market: null, priceDate: price?.date ?? null };
    holding.units = holding.units.plus(lot.units);
    holding.book = holding.book.plus(lot.units.times(lot.cost));
    if (price !== null) holding.market = (holding.market ?? ZERO).plus(lot.units.times(price.number));
    holdings.set(key, holding);
  }
  const sorted = [...holdings.values()].sort((a, b) => (a.account !== b.account ? (a.account < b.account ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  const errors: Diagnostic[] = [];
  const made: BookedTransaction[] = [];
  const last = entries[entries.length - 1]!;
  for (const holding of sorted) {
    if (holding.currency === holding.costCurrency) continue;
    if (holding.market === null) {
      if (!holding.units.isZero()) errors.push(error("plugin-unrealized", message("plugin-no-price", { currency: holding.currency, costCurrency: holding.costCurrency }), config.span));
      continue;
    }
    if (holding.units.isZero()) {
      errors.push(error("plugin-unrealized", message("plugin-zero-units", { currency: holding.currency, costCurrency: holding.costCurrency, account: holding.account }), config.span));
      continue;
    }
    const pnl = holding.market.minus(holding.book);
    const withoutRoot = holding.account.slice(holding.account.indexOf(":") + 1);
    const assetAccount = subaccount ? `${holding.account}:${subaccount}` : holding.account;
    const incomeAccount = subaccount ? `${roots.income}:${withoutRoot}:${subaccount}` : `${roots.income}:${withoutRoot}`;
    const averagePrice = holding.market.div(holding.units);
    const averageCost = holding.book.div(holding.units);
    const narration = `Unrealized ${pnl.gt(0) ? "gain" : "loss"} for ${holding.units.toFixed()} units of ${holding.currency} (price: ${averagePrice.toFixed(4)} ${holding.costCurrency} as of ${holding.priceDate ?? "None"}, average cost: ${averageCost.toFixed(4)} ${holding.costCurrency})`;
    const scale = Math.max(0, pnl.decimalPlaces());
    const booked = [
      generatedPosting(last, { account: assetAccount, units: { number: pnl, scale, currency: holding.costCurrency }, cost: null, price: null }),
      generatedPosting(last, { account: incomeAccount, units: { number: pnl.negated(), scale, currency: holding.costCurrency }, cost: null, price: null }),
    ];
    made.push({
      type: "transaction", date: last.date, span: config.span, meta: [], flag: "U", payee: null, narration,
      tags: [], links: [], postings: booked.map((posting) => posting.source), booked,
    });
  }
  const opened = new Set<string>();
  for (const entry of entries) if (entry.type === "open") opened.add(entry.account);
  const accounts = new Set(made.flatMap((entry) => entry.booked.map((posting) => posting.account)));
  const opens: Open[] = [...accounts].sort().filter((account) => !opened.has(account))
    .map((account) => ({ type: "open", date: last.date, span: config.span, meta: [], account, currencies: [], booking: null }));
  const result: LedgerEntry[] = [...entries, ...opens, ...made];
  return { entries: result, errors };
};
