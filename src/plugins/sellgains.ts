// beancount.plugins.sellgains: in a transaction whose postings at cost all have a price, the
// price-valued sales must equal the proceeds (the weights of the postings on Assets, Liabilities,
// Equity and Expenses) per currency, within twice the inferred tolerance.
import type { Amount } from "../core/data.js";
import { ZERO, formatNumber, type Decimal } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { ToleranceRules, toleranceFor } from "../booking/tolerance.js";
import { postingWeight } from "../booking/interpolate.js";
import { accountTypeOf } from "../validation/accounts.js";
import type { PluginFunction } from "./plugin.js";
import { message } from "../i18n/message.js";

const EXTRA_TOLERANCE_MULTIPLIER = 2;

/** A sum and the digits Python's Decimal keeps for it (the most of its terms). */
interface Sum { readonly number: Decimal; readonly scale: number }

function add(map: Map<string, Sum>, amount: Amount): void {
  const previous = map.get(amount.currency);
  map.set(amount.currency, previous === undefined ? { number: amount.number, scale: amount.scale } : { number: previous.number.plus(amount.number), scale: Math.max(previous.scale, amount.scale) });
}

/** An inventory of plain amounts as beancount prints it: `(1.00 USD, -2 EUR)`. */
function inventoryText(map: ReadonlyMap<string, Sum>): string {
  return `(${[...map].filter(([, sum]) => !sum.number.isZero()).map(([currency, sum]) => `${formatNumber(sum.number, sum.scale)} ${currency}`).join(", ")})`;
}

export const sellGains: PluginFunction = (entries, options) => {
  const rules = new ToleranceRules(options);
  const errors: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    const atCost = entry.booked.filter((posting) => posting.cost !== null);
    if (atCost.length === 0 || !atCost.every((posting) => posting.price !== null)) continue;
    const totalPrice = new Map<string, Sum>();
    const totalProceeds = new Map<string, Sum>();
    for (const posting of entry.booked) {
      if (posting.cost !== null) add(totalPrice, postingWeight({ ...posting.units, number: posting.units.number.negated() }, null, posting.price));
      else {
        const type = accountTypeOf(posting.account, options.accountRoots);
        if (type !== null && type !== "income") {
          add(totalProceeds, postingWeight(posting.units, null, posting.price));
        }
      }
    }
    const prices = [...totalPrice].filter(([, sum]) => !sum.number.isZero()).map(([currency, sum]) => [currency, sum.number] as const);
    const proceeds = new Map([...totalProceeds].filter(([, sum]) => !sum.number.isZero()).map(([currency, sum]) => [currency, sum.number] as const));
    const tolerances = rules.inferFromBooked(entry.booked);
    let invalid = false;
    for (const [currency, number] of prices) {
      const tolerance = toleranceFor(tolerances, currency).times(EXTRA_TOLERANCE_MULTIPLIER);
      const proceedsNumber = proceeds.get(currency) ?? ZERO;
      proceeds.delete(currency);
      if (number.minus(proceedsNumber).abs().gt(tolerance)) { invalid = true; break; }
    }
    if (invalid || proceeds.size > 0) {
      errors.push(error("plugin-sellgains", message("plugin-sellgains", { price: inventoryText(totalPrice), proceeds: inventoryText(totalProceeds) }), entry.span));
    }
  }
  return { entries, errors };
};
