// A running inventory of positions (units, and the lot when held at cost), keyed by currency
// and lot the way beancount's core/inventory.py keys them: a lot is its cost number (by value),
// cost currency, date and label. A position that reaches zero is removed; insertion order is
// kept, because FIFO/LIFO ties and the order of matches follow it.
import type { Amount, Cost } from "../core/data.js";
import { ZERO, type Decimal, type ScaledNumber } from "../core/number.js";
import { add } from "../core/scaled.js";
import { addScaled, isZeroAmount } from "../core/amount.js";
import { formatPositions } from "./format.js";

export interface Position {
  readonly units: Amount;
  readonly cost: Cost | null;
}

/** Lot keys are cached per Cost object: lots are shared between postings and inventories. */
const costKeys = new WeakMap<Cost, string>();

function costKey(cost: Cost): string {
  let key = costKeys.get(cost);
  if (key === undefined) {
    // toString() is by value (decimal.js drops trailing zeros), as Python's Decimal equality is.
    key = cost.number.toString() + "\u0001" + cost.currency + "\u0001" + cost.date + "\u0001" + (cost.label === null ? "\u0002" : cost.label);
    costKeys.set(cost, key);
  }
  return key;
}

/** The key of a position: its currency, plus its lot when held at cost. */
export function positionKey(currency: string, cost: Cost | null): string {
  return cost === null ? currency : currency + "\u0000" + costKey(cost);
}

/** The running balance of each account, as booking reads it. */
export interface Balances {
  get(account: string): Inventory | undefined;
}

export class Inventory implements Iterable<Position> {
  private readonly byKey: Map<string, Position>;

  constructor(positions?: Iterable<Position>) {
    this.byKey = new Map();
    if (positions !== undefined) for (const position of positions) this.add(position.units, position.cost);
  }

  /**
   * Add units of a lot: merge with the same lot, drop it at zero, ignore a zero addition.
   * Returns the position as it was before, if there was one.
   */
  add(units: Amount, cost: Cost | null): Position | undefined {
    const key = positionKey(units.currency, cost);
    const previous = this.byKey.get(key);
    if (previous !== undefined) {
      const scaled = addScaled(previous.units, units);
      if (scaled !== null) {
        if (scaled.scaled === 0) this.byKey.delete(key);
        else this.byKey.set(key, { units: scaled, cost });
        return previous;
      }
      const sum = add(
        { value: previous.units.number, scale: previous.units.scale },
        { value: units.number, scale: units.scale },
      );
      if (sum.value.isZero()) this.byKey.delete(key);
      else this.byKey.set(key, { units: { number: sum.value, scale: sum.scale, currency: units.currency }, cost });
    } else if (!isZeroAmount(units)) {
      this.byKey.set(key, { units, cost });
    }
    return previous;
  }

  addInventory(other: Inventory): this {
    for (const position of other.byKey.values()) this.add(position.units, position.cost);
    return this;
  }

  clone(): Inventory {
    const copy = new Inventory();
    for (const [key, position] of this.byKey) copy.byKey.set(key, position);
    return copy;
  }

  get size(): number {
    return this.byKey.size;
  }

  isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  [Symbol.iterator](): Iterator<Position> {
    return this.byKey.values();
  }

  positions(): Position[] {
    return Array.from(this.byKey.values());
  }

  /** Currencies of the units held. */
  currencies(): Set<string> {
    const result = new Set<string>();
    for (const position of this.byKey.values()) result.add(position.units.currency);
    return result;
  }

  /** Currencies of the lots held at cost. */
  costCurrencies(): Set<string> {
    const result = new Set<string>();
    for (const position of this.byKey.values()) if (position.cost !== null) result.add(position.cost.currency);
    return result;
  }

  /** Total units of one currency over all its lots (beancount's get_currency_units). */
  unitsOf(currency: string): ScaledNumber {
    let total: ScaledNumber = { value: ZERO, scale: 0 };
    for (const position of this.byKey.values()) {
      if (position.units.currency === currency) total = add(total, { value: position.units.number, scale: position.units.scale });
    }
    return total;
  }

  /** Total units per currency, over all lots, in order of first appearance. */
  unitsByCurrency(): Map<string, ScaledNumber> {
    const totals = new Map<string, ScaledNumber>();
    for (const position of this.byKey.values()) {
      const currency = position.units.currency;
      const units: ScaledNumber = { value: position.units.number, scale: position.units.scale };
      const previous = totals.get(currency);
      totals.set(currency, previous === undefined ? add({ value: ZERO, scale: 0 }, units) : add(previous, units));
    }
    return totals;
  }

  /** Whether adding these units would reduce a position of the same currency (opposite sign). */
  isReducedBy(units: Amount): boolean {
    const number: Decimal = units.number;
    if (number.isZero()) return false;
    const negative = number.isNegative();
    for (const position of this.byKey.values()) {
      if (position.units.currency === units.currency && position.units.number.isNegative() !== negative) return true;
    }
    return false;
  }

  /** As beancount prints an inventory: "(10 HOOL {100.00 USD, 2020-01-02}, -5.00 USD)". */
  toString(): string {
    return formatPositions(this.positions());
  }
}
