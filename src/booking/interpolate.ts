// Filling in the one elided number of a currency group (beancount's interpolate_group in
// parser/booking_full.py), and resolving the remaining cost specs to lots.
//
// A group may leave out one number: a posting's units, the per-unit or total part of a cost,
// or a price. It is whatever makes the group's weights sum to zero. Interpolated units are
// rounded to the currency's tolerance when that is a neat number; costs and prices are not.
// An auto-posting with nothing to absorb is dropped, as beancount drops it.
import type { Amount, BookedPosting, Cost, Transaction } from "../core/data.js";
import type { ScaledNumber } from "../core/number.js";
import { ZERO } from "../core/number.js";
import { absolute, add, divide, multiply, negate, subtract } from "../core/scaled.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { MISSING, isCostSpec, type DraftCostSpec, type DraftPosting } from "./draft.js";
import { formatAmount, pythonCostRepr } from "./format.js";
import { Inventory } from "./inventory.js";
import { quantizeWithTolerance, type Tolerances } from "./tolerance.js";
import { message as msg, type Message } from "../i18n/message.js";

const ZERO_SCALED: ScaledNumber = { value: ZERO, scale: 0 };

type MissingPart = "units" | "cost-per-unit" | "cost-total" | "price";

/** The weight a complete posting puts on its transaction: its cost, else its price, else its units. */
export function postingWeight(units: Amount, cost: Cost | null, price: Amount | null): Amount {
  if (cost !== null) {
    const weight = multiply({ value: cost.number, scale: cost.scale }, { value: units.number, scale: units.scale });
    return { number: weight.value, scale: weight.scale, currency: cost.currency };
  }
  if (price !== null) {
    const weight = multiply({ value: price.number, scale: price.scale }, { value: units.number, scale: units.scale });
    return { number: weight.value, scale: weight.scale, currency: price.currency };
  }
  return units;
}

/** The total of a spec's `total` part as beancount reads `number_total or ZERO`. */
function totalOrZero(spec: DraftCostSpec): ScaledNumber {
  return spec.total === null || spec.total === MISSING || spec.total.value.isZero() ? ZERO_SCALED : spec.total;
}

/** Resolve a complete cost spec to a lot: per-unit cost, folding in any total over |units|. */
function resolveCost(spec: DraftCostSpec, units: ScaledNumber, currency: string, date: string): Cost {
  let number: ScaledNumber;
  if (spec.total !== null && spec.total !== MISSING && !units.value.isZero()) {
    const size = absolute(units);
    let total = spec.total;
    if (spec.perUnit !== MISSING) total = add(total, multiply(spec.perUnit, size));
    number = divide(total, size);
  } else {
    number = spec.perUnit === MISSING ? ZERO_SCALED : spec.perUnit;
  }
  return {
    number: number.value,
    scale: number.scale,
    currency: spec.currency === MISSING ? currency : spec.currency,
    date: spec.date ?? date,
    label: spec.label,
  };
}

/** A draft whose numbers are all known, as a booked posting. */
function complete(draft: DraftPosting, groupCurrency: string, date: string, interpolated: boolean): BookedPosting {
  const number = draft.number as ScaledNumber;
  const currency = draft.currency === MISSING ? groupCurrency : draft.currency;
  const units: Amount = { number: number.value, scale: number.scale, currency };
  const cost = draft.cost === null ? null : isCostSpec(draft.cost) ? resolveCost(draft.cost, number, groupCurrency, date) : draft.cost;
  let price: Amount | null = null;
  if (draft.price !== null && draft.price.number !== MISSING) {
    price = {
      number: draft.price.number.value,
      scale: draft.price.number.scale,
      currency: draft.price.currency === MISSING ? groupCurrency : draft.price.currency,
    };
  }
  return { source: draft.source, account: draft.account, units, cost, price, interpolated };
}

function firstMissingPart(draft: DraftPosting): MissingPart | null {
  if (draft.number === MISSING) return "units";
  if (isCostSpec(draft.cost)) {
    if (draft.cost.perUnit === MISSING) return "cost-per-unit";
    if (draft.cost.total === MISSING) return "cost-total";
  }
  if (draft.price !== null && draft.price.number === MISSING) return "price";
  return null;
}

function countMissingParts(draft: DraftPosting): number {
  let count = draft.number === MISSING ? 1 : 0;
  if (isCostSpec(draft.cost)) {
    if (draft.cost.perUnit === MISSING) count++;
    if (draft.cost.total === MISSING) count++;
  }
  if (draft.price !== null && draft.price.number === MISSING) count++;
  return count;
}

/** Report an interpolation problem at the transaction (and its posting); the group is dropped. */
function fail(diagnostics: Diagnostic[], transaction: Transaction, code: string, message: Message, draft: DraftPosting): BookedPosting[] {
  diagnostics.push({ ...error(code, message, transaction.span), postingSpan: draft.source.span });
  return [];
}

/**
 * Complete the postings of one currency group. On an error the group's postings are dropped
 * (beancount drops them, or keeps them incomplete and fails later).
 */
export function interpolateGroup(
  transaction: Transaction,
  postings: readonly DraftPosting[],
  currency: string,
  tolerances: Tolerances,
  diagnostics: Diagnostic[],
): BookedPosting[] {
  // Find the elided numbers: at most one may be filled in.
  let missingIndex = -1;
  let missingPart: MissingPart = "units";
  let missingCount = 0;
  for (let index = 0; index < postings.length; index++) {
    const draft = postings[index]!;
    const part = firstMissingPart(draft);
    if (part === null) continue;
    if (missingCount === 0) {
      missingIndex = index;
      missingPart = part;
    }
    missingCount += countMissingParts(draft);
  }

  const date = transaction.date;
  let booked: BookedPosting[];
  if (missingCount === 0) {
    booked = [];
    for (const draft of postings) booked.push(complete(draft, currency, date, false));
  } else if (missingCount > 1) {
    return fail(diagnostics, transaction, "interpolation", msg("too-many-missing", { currency }), postings[missingIndex]!);
  } else {
    const incomplete = postings[missingIndex]!;
    booked = [];
    const residual = new Inventory();
    for (let index = 0; index < postings.length; index++) {
      if (index === missingIndex) continue;
      const posting = complete(postings[index]!, currency, date, false);
      booked.push(posting);
      residual.add(postingWeight(posting.units, posting.cost, posting.price), null);
    }
    let weight = ZERO_SCALED;
    for (const position of residual) {
      weight = negate({ value: position.units.number, scale: position.units.scale });
      break;
    }

    let filled: DraftPosting | null = null;
    const spec = isCostSpec(incomplete.cost) ? incomplete.cost : null;
    switch (missingPart) {
      case "units": {
        if (incomplete.currency === MISSING) {
          return fail(diagnostics, transaction, "interpolation", msg("unresolved-currency", { part: "units" }), incomplete);
        }
        let number: ScaledNumber;
        if (spec !== null) {
          const perUnit = spec.perUnit as ScaledNumber;
          if (perUnit.value.isZero()) return fail(diagnostics, transaction, "interpolation", msg("infer-per-unit-cost", {}), incomplete);
          number = divide(subtract(weight, totalOrZero(spec)), perUnit);
        } else if (incomplete.price !== null) {
          const price = incomplete.price.number as ScaledNumber;
          if (price.value.isZero()) return fail(diagnostics, transaction, "interpolation", msg("infer-units-zero-price", {}), incomplete);
          number = divide(weight, price);
        } else {
          number = weight;
        }
        number = quantizeWithTolerance(tolerances, incomplete.currency, number);
        if (!weight.value.isZero()) filled = { ...incomplete, number };
        break;
      }
      case "cost-per-unit": {
        const units = incomplete.number as ScaledNumber;
        if (!units.value.isZero()) {
          const perUnit = divide(subtract(weight, totalOrZero(spec!)), units);
          filled = { ...incomplete, cost: { ...spec!, perUnit } };
        }
        break;
      }
      case "cost-total": {
        const units = incomplete.number as ScaledNumber;
        const total = subtract(weight, multiply(spec!.perUnit as ScaledNumber, units));
        filled = { ...incomplete, cost: { ...spec!, total } };
        break;
      }
      case "price": {
        if (incomplete.cost !== null) {
          return fail(diagnostics, transaction, "interpolation", msg("infer-price-at-cost", {}), incomplete);
        }
        const units = incomplete.number as ScaledNumber;
        if (units.value.isZero()) return fail(diagnostics, transaction, "interpolation", msg("infer-price-zero-units", {}), incomplete);
        filled = { ...incomplete, price: { number: absolute(divide(weight, units)), currency: incomplete.price!.currency } };
        break;
      }
    }
    if (filled !== null) booked.splice(missingIndex, 0, complete(filled, currency, date, true));
  }

  // Lots must have units and a cost that is not negative.
  for (const posting of booked) {
    if (posting.cost === null) continue;
    if (posting.units.number.isZero()) {
      diagnostics.push({
        ...error("zero-units-at-cost", msg("zero-units-at-cost", { amount: formatAmount(posting.units.number, posting.units.scale, posting.units.currency) }), transaction.span),
        postingSpan: posting.source.span,
      });
    }
    if (posting.cost.number.isNegative() && !posting.cost.number.isZero()) {
      diagnostics.push({
        ...error("negative-cost", msg("negative-cost", { cost: pythonCostRepr(posting.cost) }), transaction.span),
        postingSpan: posting.source.span,
      });
    }
  }
  return booked;
}
