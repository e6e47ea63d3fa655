// How beancount writes numbers, amounts, lots and inventories inside its error messages,
// so that booking diagnostics read like bean-check's.
import type { Amount, Cost } from "../core/data.js";
import { formatNumber } from "../core/number.js";
import type { Decimal } from "../core/number.js";
import { pythonString } from "../core/scaled.js";

/** An amount as beancount's default display formatter writes it: fixed digits, no commas. */
export function formatAmount(number: Decimal, scale: number, currency: string): string {
  return formatNumber(number, scale) + " " + currency;
}

export function formatCost(cost: Cost): string {
  let text = formatAmount(cost.number, cost.scale, cost.currency) + ", " + cost.date;
  if (cost.label !== null) text += ', "' + cost.label + '"';
  return text;
}

/** A position: units, then the lot in braces when held at cost. */
export function formatPosition(units: Amount, cost: Cost | null): string {
  const text = formatAmount(units.number, units.scale, units.currency);
  return cost === null ? text : text + " {" + formatCost(cost) + "}";
}

/** The order beancount lists positions in: major currencies first, then by cost and units. */
const CURRENCY_ORDER: ReadonlyMap<string, number> = new Map([
  ["USD", 0], ["EUR", 1], ["JPY", 2], ["CAD", 3], ["GBP", 4], ["AUD", 5], ["NZD", 6], ["CHF", 7],
]);

export function comparePositions(
  a: { readonly units: Amount; readonly cost: Cost | null },
  b: { readonly units: Amount; readonly cost: Cost | null },
): number {
  const orderA = CURRENCY_ORDER.get(a.units.currency) ?? CURRENCY_ORDER.size + a.units.currency.length;
  const orderB = CURRENCY_ORDER.get(b.units.currency) ?? CURRENCY_ORDER.size + b.units.currency.length;
  if (orderA !== orderB) return orderA - orderB;
  const costA = a.cost === null ? null : a.cost.number;
  const costB = b.cost === null ? null : b.cost.number;
  const costOrder = costA === null ? (costB === null ? 0 : -costB.cmp(0)) : costB === null ? costA.cmp(0) : costA.cmp(costB);
  if (costOrder !== 0) return costOrder;
  const currencyA = a.cost === null ? "" : a.cost.currency;
  const currencyB = b.cost === null ? "" : b.cost.currency;
  if (currencyA !== currencyB) return currencyA < currencyB ? -1 : 1;
  return a.units.number.cmp(b.units.number);
}

/** An inventory as beancount prints it: sorted positions in parentheses. */
export function formatPositions(positions: readonly { readonly units: Amount; readonly cost: Cost | null }[]): string {
  const sorted = positions.slice().sort(comparePositions);
  const parts: string[] = [];
  for (const position of sorted) parts.push(formatPosition(position.units, position.cost));
  return "(" + parts.join(", ") + ")";
}

/** Python's repr of a Cost, as beancount puts it in "Cost is negative" messages. */
export function pythonCostRepr(cost: Cost): string {
  const [year, month, day] = cost.date.split("-");
  const date = `datetime.date(${Number(year)}, ${Number(month)}, ${Number(day)})`;
  const label = cost.label === null ? "None" : `'${cost.label}'`;
  const number = pythonString({ value: cost.number, scale: cost.scale });
  return `Cost(number=Decimal('${number}'), currency='${cost.currency}', date=${date}, label=${label})`;
}
