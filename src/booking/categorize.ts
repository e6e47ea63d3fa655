// Grouping a transaction's postings by the currency they balance in (beancount's
// categorize_by_currency and replace_currencies in parser/booking_full.py).
//
// A posting goes to its cost currency, else its price currency, else its units currency.
// A posting whose currency is elided is placed by the other postings when they all share one
// currency, else by the single currency its account holds. The one auto-posting (no amount at
// all) is copied into every group to absorb that group's residual. Groups come in the order
// their currency was first seen; postings within a group keep their written order.
import type { Transaction } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { message, type Message } from "../i18n/message.js";
import { MISSING, type DraftPosting, type Missing } from "./draft.js";
import type { Balances } from "./inventory.js";

export interface CurrencyGroup {
  /** The currency the postings of this group balance in. */
  readonly currency: string;
  readonly postings: readonly DraftPosting[];
}

/** Which currencies a posting was found to have; null means "not written" (beancount's None). */
interface Reference {
  readonly index: number;
  readonly unitsCurrency: string | Missing | null;
  readonly costCurrency: string | Missing | null;
  readonly priceCurrency: string | Missing | null;
}

function bucketCurrency(reference: Reference): string | null {
  if (typeof reference.costCurrency === "string") return reference.costCurrency;
  if (typeof reference.priceCurrency === "string") return reference.priceCurrency;
  if (reference.costCurrency === null && reference.priceCurrency === null && typeof reference.unitsCurrency === "string") {
    return reference.unitsCurrency;
  }
  return null;
}

/** Which written part of a posting that cannot be placed lacks its currency. */
function missingPart(reference: Reference): "amount" | "cost" | "price" {
  if (reference.costCurrency === MISSING) return "cost";
  if (reference.priceCurrency === MISSING) return "price";
  return "amount";
}

function singleOf(values: Set<string>): string | null {
  if (values.size !== 1) return null;
  for (const value of values) return value;
  return null;
}

/**
 * The postings of `transaction` grouped by currency, with elided currencies filled in; null
 * when some posting cannot be placed (beancount then drops the whole transaction).
 */
export function categorizeByCurrency(
  transaction: Transaction,
  drafts: readonly DraftPosting[],
  balances: Balances,
  diagnostics: Diagnostic[],
): CurrencyGroup[] | null {
  const groups = new Map<string, Reference[]>();
  const firstIndex = new Map<string, number>();
  const autoPostings: Reference[] = [];
  const unknown: Reference[] = [];
  let failed = false;

  const place = (currency: string, reference: Reference): void => {
    if (!firstIndex.has(currency)) firstIndex.set(currency, reference.index);
    const group = groups.get(currency);
    if (group === undefined) groups.set(currency, [reference]);
    else group.push(reference);
  };
  const fail = (message: string | Message, draft: DraftPosting, code = "categorization"): void => {
    diagnostics.push({ ...error(code, message, transaction.span), postingSpan: draft.source.span });
    failed = true;
  };

  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    const unitsCurrency = draft.auto ? null : draft.currency;
    let costCurrency: string | Missing | null = draft.cost === null ? null : "kind" in draft.cost ? draft.cost.currency : draft.cost.currency;
    let priceCurrency: string | Missing | null = draft.price === null ? null : draft.price.currency;
    // A cost and a price must share their currency, so one fills in the other.
    if (costCurrency === MISSING && typeof priceCurrency === "string") costCurrency = priceCurrency;
    if (priceCurrency === MISSING && typeof costCurrency === "string") priceCurrency = costCurrency;
    const reference: Reference = { index, unitsCurrency, costCurrency, priceCurrency };
    if (draft.auto && priceCurrency === null) {
      autoPostings.push(reference);
      continue;
    }
    const currency = bucketCurrency(reference);
    if (currency !== null) place(currency, reference);
    else unknown.push(reference);
  }

  // A single unplaced posting among postings of one currency takes that currency.
  if (unknown.length === 1 && groups.size === 1) {
    const reference = unknown.pop()!;
    const other = groups.keys().next().value as string;
    let { unitsCurrency, costCurrency, priceCurrency } = reference;
    if (priceCurrency === null && costCurrency === null) {
      unitsCurrency = other;
    } else {
      if (priceCurrency === MISSING) priceCurrency = other;
      if (costCurrency === MISSING) costCurrency = other;
    }
    const filled: Reference = { index: reference.index, unitsCurrency, costCurrency, priceCurrency };
    place(bucketCurrency(filled) as string, filled);
  }

  // Otherwise the account's current holdings may tell.
  for (const reference of unknown) {
    const draft = drafts[reference.index]!;
    const balance = balances.get(draft.account);
    let { unitsCurrency, costCurrency, priceCurrency } = reference;
    if (unitsCurrency === MISSING && balance !== undefined) {
      unitsCurrency = singleOf(balance.currencies()) ?? MISSING;
    }
    if ((costCurrency === MISSING || priceCurrency === MISSING) && balance !== undefined) {
      const costCurrencyHeld = singleOf(balance.costCurrencies());
      if (costCurrencyHeld !== null) {
        if (priceCurrency === MISSING) priceCurrency = costCurrencyHeld;
        if (costCurrency === MISSING) costCurrency = costCurrencyHeld;
      }
    }
    const filled: Reference = { index: reference.index, unitsCurrency, costCurrency, priceCurrency };
    const currency = bucketCurrency(filled);
    if (currency !== null) place(currency, filled);
    else fail(MESSAGES.missingCurrency(reference.index + 1, draft.account, missingPart(filled)), draft, CODES.missingCurrency);
  }

  // Units currencies still elided come from the account's holdings when it holds one currency.
  for (const references of groups.values()) {
    for (let position = 0; position < references.length; position++) {
      const reference = references[position]!;
      if (reference.unitsCurrency !== MISSING) continue;
      const balance = balances.get(drafts[reference.index]!.account);
      if (balance === undefined) continue;
      const held = singleOf(balance.currencies());
      if (held !== null) references[position] = { ...reference, unitsCurrency: held };
    }
  }

  let auto = autoPostings;
  if (auto.length > 1) {
    fail(message("auto-postings", {}), drafts[auto[auto.length - 1]!.index]!);
    auto = auto.slice(0, 1);
  }
  for (const reference of auto) {
    for (const [currency, references] of groups) {
      references.push({ index: reference.index, unitsCurrency: currency, costCurrency: null, priceCurrency: null });
    }
  }

  for (const references of groups.values()) {
    for (const reference of references) {
      const draft = drafts[reference.index]!;
      if (reference.unitsCurrency === MISSING) fail(message("unresolved-currency", { part: "units" }), draft);
      if (reference.costCurrency === MISSING) fail(message("unresolved-currency", { part: "cost" }), draft);
      if (reference.priceCurrency === MISSING) fail(message("unresolved-currency", { part: "price" }), draft);
    }
  }
  if (failed) return null;

  const ordered = Array.from(groups.entries()).sort((a, b) => firstIndex.get(a[0])! - firstIndex.get(b[0])!);
  const result: CurrencyGroup[] = [];
  for (const [currency, references] of ordered) {
    const sorted = references.length > 1 ? references.slice().sort((a, b) => a.index - b.index) : references;
    const postings: DraftPosting[] = [];
    for (const reference of sorted) postings.push(withCurrencies(drafts[reference.index]!, reference));
    result.push({ currency, postings });
  }
  return result;
}

/** The draft with the currencies categorization found filled in where they were elided. */
function withCurrencies(draft: DraftPosting, reference: Reference): DraftPosting {
  if (draft.auto) {
    return { ...draft, currency: reference.unitsCurrency === null ? MISSING : reference.unitsCurrency };
  }
  let changed = false;
  let currency = draft.currency;
  let cost = draft.cost;
  let price = draft.price;
  if (currency === MISSING && typeof reference.unitsCurrency === "string") {
    currency = reference.unitsCurrency;
    changed = true;
  }
  if (cost !== null && "kind" in cost && cost.currency === MISSING && typeof reference.costCurrency === "string") {
    cost = { ...cost, currency: reference.costCurrency };
    changed = true;
  }
  if (price !== null && price.currency === MISSING && typeof reference.priceCurrency === "string") {
    price = { number: price.number, currency: reference.priceCurrency };
    changed = true;
  }
  return changed ? { ...draft, currency, cost, price } : draft;
}
