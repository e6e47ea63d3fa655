// beancount.plugins.book_conversions "ASSETS,INCOME": in the assets account, postings at a price
// and without a cost are booked at cost, first in first out: a positive one becomes a lot at its
// price (dated that day), a negative one is split over the oldest lots of its commodity and price
// currency, and the gain or loss goes to the income account. Matched postings get a `trades`
// metadata value naming each pair (beancount draws it from uuid4; feeledger counts: trade-000000000001).
import type { BookedPosting, BookedTransaction, Cost, LedgerEntry } from "../core/data.js";
import { metaEntry, postingWith } from "../core/data.js";
import { Decimal, ZERO, formatNumber } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { pluginFailure } from "./plugin.js";
import { generatedPosting, isBeancountAccount, transactionWith } from "./entries.js";

/** A lot waiting to be reduced: its remaining units (changed in place) and the augmenting posting. */
interface PendingLot {
  remaining: Decimal;
  scale: number;
  readonly posting: BookedPosting;
  readonly currency: string;
  readonly cost: Cost;
  /** The trade names of the posting (filled when lots are matched). */
  readonly trades: string[];
}

/** Python's unpacking errors for `assets, income = re.split(r'[,; \t]', config)`. */
function splitConfig(text: string): [string, string] | string {
  const parts = text.split(/[,; \t]/);
  if (parts.length < 2) return `not enough values to unpack (expected 2, got ${parts.length})`;
  if (parts.length > 2) return "too many values to unpack (expected 2)";
  return [parts[0]!, parts[1]!];
}

class ZeroLot extends Error {}

export const bookConversions: PluginFunction = (entries, _options, config) => {
  const text = config.text ?? "";
  const split = splitConfig(text);
  const invalid = typeof split === "string" ? split : !isBeancountAccount(split[0]) || !isBeancountAccount(split[1]) ? "Invalid account string" : null;
  if (invalid !== null || typeof split === "string") {
    return { entries, errors: [error("plugin-book-conversions", `Invalid configuration: "${text}": ${invalid}, skipping booking`, config.span)] };
  }
  const [assetsAccount, incomeAccount] = split;
  const isMatching = (posting: BookedPosting) => posting.account === assetsAccount && posting.cost === null && posting.price !== null;
  try {
    return bookPriceConversions(entries, assetsAccount, incomeAccount, isMatching);
  } catch (problem) {
    if (problem instanceof ZeroLot) return pluginFailure(entries, "beancount.plugins.book_conversions", "Internal error, zero lot", config.span);
    throw problem;
  }
};

function bookPriceConversions(entries: readonly LedgerEntry[], assetsAccount: string, incomeAccount: string, isMatching: (posting: BookedPosting) => boolean) {
  const pending: PendingLot[] = [];
  const errors: Diagnostic[] = [];
  /** The trade names of each new posting, to become its `trades` metadata. */
  const tradesOf = new Map<BookedPosting, string[]>();
  let tradeCount = 0;
  const rewritten: { index: number; entry: BookedTransaction; booked: BookedPosting[] }[] = [];
  entries.forEach((entry, index) => {
    if (entry.type !== "transaction" || !entry.booked.some(isMatching)) return;
    const augmenting: BookedPosting[] = [];
    const reducing: BookedPosting[] = [];
    const other: BookedPosting[] = [];
    for (const posting of entry.booked) {
      if (!isMatching(posting)) other.push(posting);
      else if (posting.units.number.gte(0)) augmenting.push(posting);
      else reducing.push(posting);
    }
    const booked: BookedPosting[] = [];
    for (const posting of augmenting) {
      const price = posting.price!;
      const cost: Cost = { number: price.number, scale: price.scale, currency: price.currency, date: entry.date, label: null };
      const lot: BookedPosting = { ...posting, cost };
      const trades: string[] = [];
      tradesOf.set(lot, trades);
      pending.push({ remaining: posting.units.number, scale: posting.units.scale, posting: lot, currency: posting.units.currency, cost, trades });
      booked.push(lot);
    }
    if (reducing.length > 0) {
      // The gain or loss per price currency, in the order first met; zero sums drop out as in an Inventory.
      const gains = new Map<string, { number: Decimal; scale: number }>();
      for (const posting of reducing) {
        const price = posting.price!;
        let toMatch = posting.units.number.negated();
        let toMatchScale = posting.units.scale;
        let gain = ZERO;
        let gainScale = 0;
        while (!toMatch.isZero()) {
          const lot = pending.find((candidate) => candidate.currency === posting.units.currency && candidate.cost.currency === price.currency);
          if (lot === undefined) {
            errors.push(error("plugin-book-conversions", `Could not match position ${postingText(posting)}`, posting.source.span));
            break;
          }
          if (!lot.remaining.gt(0)) throw new ZeroLot();
          const takesLot = lot.remaining.lt(toMatch);
          const number = takesLot ? lot.remaining : toMatch;
          const numberScale = takesLot ? lot.scale : toMatchScale;
          toMatch = toMatch.minus(number);
          toMatchScale = Math.max(toMatchScale, numberScale);
          lot.remaining = lot.remaining.minus(number);
          lot.scale = Math.max(lot.scale, numberScale);
          // beancount removes the first pending lot here, whichever lot was matched.
          if (lot.remaining.isZero()) pending.shift();
          const reduced: BookedPosting = { ...posting, units: { number: number.negated(), scale: numberScale, currency: posting.units.currency }, cost: lot.cost };
          booked.push(reduced);
          gain = gain.plus(number.times(price.number.minus(lot.cost.number)));
          gainScale = Math.max(gainScale, numberScale + Math.max(price.scale, lot.cost.scale));
          const trade = `trade-${(++tradeCount).toString(16).padStart(12, "0")}`;
          lot.trades.push(trade);
          tradesOf.set(reduced, [trade]);
        }
        const previous = gains.get(price.currency);
        if (previous !== undefined) {
          const sum = previous.number.plus(gain);
          if (sum.isZero()) gains.delete(price.currency);
          else gains.set(price.currency, { number: sum, scale: Math.max(previous.scale, gainScale) });
        } else if (!gain.isZero()) gains.set(price.currency, { number: gain, scale: gainScale });
      }
      for (const [currency, gain] of gains) {
        booked.push(generatedPosting(entry, { account: incomeAccount, units: { number: gain.number.negated(), scale: gain.scale, currency }, cost: null, price: null }));
      }
    }
    booked.push(...other);
    rewritten.push({ index, entry, booked });
  });
  if (rewritten.length === 0) return { entries, errors };
  const result = entries.slice();
  for (const { index, entry, booked } of rewritten) {
    const withTrades = booked.map((posting) => {
      const trades = tradesOf.get(posting);
      if (trades === undefined || trades.length === 0) return posting;
      const source = posting.source;
      const meta = [...source.meta.filter((line) => line.key !== "trades"), metaEntry("trades", { type: "string", value: trades.join(",") }, source.span)];
      return { ...posting, source: postingWith(source, { meta }) };
    });
    result[index] = transactionWith(entry, { booked: withTrades, postings: withTrades.map((posting) => posting.source) });
  }
  return { entries: result, errors };
}

/** A posting as the error names it: account, units and price. */
function postingText(posting: BookedPosting): string {
  const price = posting.price!;
  return `${posting.account} ${formatNumber(posting.units.number, posting.units.scale)} ${posting.units.currency} @ ${formatNumber(price.number, price.scale)} ${price.currency}`;
}
