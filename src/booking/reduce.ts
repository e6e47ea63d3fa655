// Booking the postings of one currency group against the accounts' lots (beancount's
// book_reductions in parser/booking_full.py).
//
// A posting at cost reduces when its account holds units of that currency on the other side
// (and the account's method is not NONE): its cost spec picks the matching lots (same number,
// currency, date and label where given) and the booking method chooses among them. Any other
// posting at cost augments: it opens a lot dated the transaction's date unless the spec dates it.
import type { BookingMethod, Transaction } from "../core/data.js";
import { formatNumber, type ScaledNumber } from "../core/number.js";
import { absolute, add, divide, multiply } from "../core/scaled.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CurrencyGroup } from "./categorize.js";
import { MISSING, draftUnits, isCostSpec, type DraftCostSpec, type DraftPosting } from "./draft.js";
import { formatAmount, formatPosition } from "./format.js";
import type { Balances, Inventory, Position } from "./inventory.js";
import { chooseLots } from "./lot-methods.js";
import { message } from "../i18n/message.js";

/** The booking method of each account (from its open directive), with the ledger's default. */
export interface BookingMethods {
  readonly byAccount: ReadonlyMap<string, BookingMethod>;
  readonly fallback: BookingMethod;
}

/** Per-unit cost a spec names, or null when it leaves the number open. */
function specCostNumber(spec: DraftCostSpec, units: ScaledNumber): ScaledNumber | null {
  if (spec.perUnit === MISSING || spec.total === MISSING) return null;
  if (spec.total === null) return spec.perUnit;
  const size = absolute(units);
  return divide(add(spec.total, multiply(spec.perUnit, size)), size);
}

/** A cost spec as beancount writes it in messages: "100.00 USD", "0 # 100.00 USD", "" for `{}`. */
function formatCostSpec(draft: DraftPosting, spec: DraftCostSpec): string {
  const parts: string[] = [];
  const amount: string[] = [];
  if (spec.perUnit !== MISSING) amount.push(formatAmountNumber(spec.perUnit));
  if (spec.total !== null && spec.total !== MISSING) amount.push("#", formatAmountNumber(spec.total));
  if (amount.length > 0) {
    if (spec.currency !== MISSING) amount.push(spec.currency);
    parts.push(amount.join(" "));
  }
  if (spec.date !== null) parts.push(spec.date);
  if (spec.label !== null) parts.push(`"${spec.label}"`);
  if (draft.source.costSpec?.merge === true) parts.push("*");
  return parts.join(", ");
}

function formatAmountNumber(number: ScaledNumber): string {
  return formatNumber(number.value, number.scale);
}

/** A reducing posting as beancount writes it in messages: "-5 HOOL {100.00 USD}". */
function formatReducingPosting(draft: DraftPosting, spec: DraftCostSpec): string {
  const units = draftUnits(draft);
  return formatAmount(units.number, units.scale, units.currency) + " {" + formatCostSpec(draft, spec) + "}";
}

function formatMatches(matches: readonly Position[]): string {
  const parts: string[] = [];
  for (const match of matches) parts.push(formatPosition(match.units, match.cost));
  return parts.join(", ");
}

/**
 * Book the reductions of one group. Returns the group's postings with reductions resolved to
 * the lots they take from (one posting per lot) and augmentations dated, or null when a
 * reduction cannot be booked (beancount then drops the group's postings).
 * `balances` is not modified.
 */
export function bookReductions(
  transaction: Transaction,
  group: CurrencyGroup,
  balances: Balances,
  methods: BookingMethods,
  diagnostics: Diagnostic[],
): DraftPosting[] | null {
  // Balances updated by this group's own reductions, so two postings cannot take the same lot.
  let local: Map<string, Inventory> | null = null;
  const booked: DraftPosting[] = [];
  for (const draft of group.postings) {
    const spec = draft.cost;
    if (!isCostSpec(spec) || draft.number === MISSING) {
      booked.push(draft);
      continue;
    }
    const account = draft.account;
    const method = methods.byAccount.get(account) ?? methods.fallback;
    const balance = local?.get(account) ?? balances.get(account);
    const units = draftUnits(draft);
    if (method === "NONE" || balance === undefined || !balance.isReducedBy(units)) {
      booked.push(spec.date === null ? { ...draft, cost: { ...spec, date: transaction.date } } : draft);
      continue;
    }

    const costNumber = specCostNumber(spec, draft.number);
    const matches: Position[] = [];
    for (const position of balance) {
      const cost = position.cost;
      if (position.units.currency !== units.currency || cost === null) continue;
      if (costNumber !== null && !cost.number.eq(costNumber.value)) continue;
      if (spec.currency !== MISSING && cost.currency !== spec.currency) continue;
      if (spec.date !== null && cost.date !== spec.date) continue;
      if (spec.label !== null && cost.label !== spec.label) continue;
      matches.push(position);
    }
    if (matches.length === 0) {
      diagnostics.push(error(
        "no-matching-lot",
        message("no-matching-lot", { posting: formatReducingPosting(draft, spec), balance: balance.toString() }),
        transaction.span,
      ));
      return null;
    }

    const chosen = chooseLots(method, units, matches);
    if (chosen.kind !== "booked") {
      const described = { posting: formatReducingPosting(draft, spec), matches: formatMatches(matches) };
      if (chosen.kind === "ambiguous") diagnostics.push(error("ambiguous-reduction", message("ambiguous-reduction", described), transaction.span));
      else if (chosen.kind === "insufficient") diagnostics.push(error("insufficient-lots", message("insufficient-lots", described), transaction.span));
      else diagnostics.push(error("average-booking", message("average-booking", {}), transaction.span));
      return null;
    }

    if (local === null) local = new Map();
    let updated = local.get(account);
    if (updated === undefined) {
      updated = balance.clone();
      local.set(account, updated);
    }
    for (const reduction of chosen.reductions) {
      booked.push({
        ...draft,
        number: { value: reduction.units.number, scale: reduction.units.scale },
        currency: reduction.units.currency,
        cost: reduction.cost,
      });
      updated.add(reduction.units, reduction.cost);
    }
  }
  return booked;
}
