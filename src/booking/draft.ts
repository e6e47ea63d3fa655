// Postings in the middle of booking: what was written, with some numbers and currencies still
// missing and the cost still a spec, until lot matching and interpolation complete them.
// Mirrors beancount's distinction between MISSING (elided, to be filled in) and None (absent).
import type { Amount, Cost, Posting, Transaction } from "../core/data.js";
import type { Decimal, ScaledNumber } from "../core/number.js";
import { ZERO } from "../core/number.js";
import { hasNumber } from "../core/amount.js";
import { absolute, divide } from "../core/scaled.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ToleranceSource } from "./tolerance.js";
import { message } from "../i18n/message.js";

/** Marks an elided number or currency that booking must fill in. */
export const MISSING: unique symbol = Symbol("missing");
export type Missing = typeof MISSING;

/** A cost as written, after `{{...}}` and `#` are read into per-unit and total parts. */
export interface DraftCostSpec {
  readonly kind: "spec";
  /** Per-unit part; MISSING when elided (`{}`, `{USD}`, `{# 5 USD}`). */
  readonly perUnit: ScaledNumber | Missing;
  /** Total part; null when not written, MISSING when `#` or `{{CUR}}` leaves it empty. */
  readonly total: ScaledNumber | Missing | null;
  readonly currency: string | Missing;
  readonly date: string | null;
  readonly label: string | null;
}

export interface DraftPrice {
  readonly number: ScaledNumber | Missing;
  readonly currency: string | Missing;
}

export interface DraftPosting {
  readonly source: Posting;
  readonly account: string;
  /** True when no units were written at all (an auto-posting). */
  readonly auto: boolean;
  readonly number: ScaledNumber | Missing;
  readonly currency: string | Missing;
  /** A spec until booked; a resolved Cost after lot matching or interpolation. */
  readonly cost: DraftCostSpec | Cost | null;
  readonly price: DraftPrice | null;
  readonly interpolated: boolean;
}

function scaledOrMissing(number: Decimal | null, scale: number): ScaledNumber | Missing {
  return number === null ? MISSING : { value: number, scale };
}

/** Read a written cost spec the way beancount's grammar builds its CostSpec. */
function draftCostSpec(posting: Posting): DraftCostSpec | null {
  const spec = posting.costSpec;
  if (spec === null) return null;
  const currency = spec.currency ?? MISSING;
  if (posting.costIsTotal) {
    // `{{}}` (nothing but a date or label) is an empty spec; otherwise the one number is a total.
    if (spec.total === null && spec.perUnit === null && spec.currency === null) {
      return { kind: "spec", perUnit: MISSING, total: null, currency, date: spec.date, label: spec.label };
    }
    const total = spec.total ?? spec.perUnit;
    const totalScale = spec.total !== null ? spec.totalScale : spec.perUnitScale;
    return {
      kind: "spec",
      perUnit: { value: ZERO, scale: 0 },
      total: scaledOrMissing(total, totalScale),
      currency,
      date: spec.date,
      label: spec.label,
    };
  }
  const hash = spec.hash === true || spec.total !== null;
  return {
    kind: "spec",
    perUnit: scaledOrMissing(spec.perUnit, spec.perUnitScale),
    total: hash ? scaledOrMissing(spec.total, spec.totalScale) : null,
    currency,
    date: spec.date,
    label: spec.label,
  };
}

/**
 * The transaction's postings as drafts: `@@` totals become per-unit prices (total / |units|,
 * zero for zero units) and negative prices are made positive, as beancount's grammar does.
 */
export function draftPostings(transaction: Transaction, diagnostics: Diagnostic[]): DraftPosting[] {
  const drafts: DraftPosting[] = [];
  for (const posting of transaction.postings) {
    const units = posting.units;
    const auto = units === null || (units.currency === null && !hasNumber(units));
    const number: ScaledNumber | Missing = units === null ? MISSING : scaledOrMissing(units.number, units.scale);
    const currency: string | Missing = units === null || units.currency === null ? MISSING : units.currency;
    let price: DraftPrice | null = null;
    if (posting.price !== null) {
      let priceNumber = scaledOrMissing(posting.price.number, posting.price.scale);
      if (priceNumber !== MISSING && priceNumber.value.isNegative()) priceNumber = absolute(priceNumber);
      const priceCurrency = posting.price.currency ?? MISSING;
      if (posting.priceIsTotal && number === MISSING) {
        diagnostics.push({
          ...error("total-price-without-units", message("total-price-without-units", { price: describePrice(posting.price) }), transaction.span),
          postingSpan: posting.span,
        });
      } else {
        if (posting.priceIsTotal && priceNumber !== MISSING && number !== MISSING) {
          priceNumber = number.value.isZero() ? { value: ZERO, scale: 0 } : divide(priceNumber, absolute(number));
        }
        price = { number: priceNumber, currency: priceCurrency };
      }
    }
    drafts.push({
      source: posting,
      account: posting.account,
      auto,
      number,
      currency,
      cost: draftCostSpec(posting),
      price,
      interpolated: false,
    });
  }
  return drafts;
}

function describePrice(price: { readonly number: Decimal | null; readonly scale: number; readonly currency: string | null }): string {
  const number = price.number === null ? "<class 'beancount.core.number.MISSING'>" : price.number.toFixed(Math.max(price.scale, 0));
  const currency = price.currency ?? "<class 'beancount.core.number.MISSING'>";
  return `${number} ${currency}`;
}

/** How tolerance inference sees a draft: written units only, specs with their written numbers. */
export function toleranceSource(draft: DraftPosting): ToleranceSource {
  const cost = draft.cost;
  let costNumbers: Decimal[] = [];
  let costCurrency: string | null = null;
  let costIsSpec = false;
  if (cost !== null) {
    if ("kind" in cost) {
      costIsSpec = true;
      costCurrency = cost.currency === MISSING ? null : cost.currency;
      if (cost.total !== null && cost.total !== MISSING) costNumbers.push(cost.total.value);
      if (cost.perUnit !== MISSING) costNumbers.push(cost.perUnit.value);
    } else {
      costCurrency = cost.currency;
      costNumbers = [cost.number];
    }
  }
  const price = draft.price;
  return {
    currency: draft.currency === MISSING ? null : draft.currency,
    scale: draft.number === MISSING ? null : draft.number.scale,
    costCurrency,
    costNumbers,
    costIsSpec,
    hasCost: cost !== null,
    priceNumber: price === null || price.number === MISSING ? null : price.number.value,
    priceCurrency: price === null || price.currency === MISSING ? null : price.currency,
  };
}

export function isCostSpec(cost: DraftCostSpec | Cost | null): cost is DraftCostSpec {
  return cost !== null && "kind" in cost;
}

/** The units of a draft whose number and currency are known. */
export function draftUnits(draft: DraftPosting): Amount {
  if (draft.number === MISSING || draft.currency === MISSING) throw new Error("draftUnits: incomplete units");
  return { number: draft.number.value, scale: draft.number.scale, currency: draft.currency };
}
