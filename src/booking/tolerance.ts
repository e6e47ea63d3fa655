// Tolerances as beancount infers them (core/interpolate.py, ops/balance.py).
//
// Per transaction and currency: the multiplier (0.5) times one unit of the last digit written,
// the maximum over the postings; integers infer nothing; postings filled in by interpolation do
// not count. `inferred_tolerance_default` seeds the map, so a currency listed there never gets
// a smaller tolerance; its "*" entry is the fallback for currencies with nothing inferred.
// With `infer_tolerance_from_cost`, each posting at cost or price adds its last-digit tolerance
// times the cost or price (capped at 0.5) to the tolerance of the cost or price currency.
// Balance assertions: the explicit `~` tolerance, else twice the multiplier times the last
// digit (one unit of it by default), else zero for an integer.
import type { Balance, BookedPosting } from "../core/data.js";
import { Decimal, ZERO, type ScaledNumber } from "../core/number.js";
import type { LedgerOptions } from "../core/options.js";
import { quantize } from "../core/scaled.js";

/** The tolerance of each currency in one transaction. */
export interface Tolerances {
  readonly byCurrency: ReadonlyMap<string, Decimal>;
  /** The "*" default for currencies not in the map, or zero. */
  readonly fallback: Decimal;
}

export function toleranceFor(tolerances: Tolerances, currency: string): Decimal {
  return tolerances.byCurrency.get(currency) ?? tolerances.fallback;
}

/** Upper bound on the tolerance contributed by one posting at cost or price. */
const MAXIMUM_COST_TOLERANCE = new Decimal("0.5");
/** Tolerances with fewer significant digits than this are "neat" and round interpolated units. */
const MAXIMUM_NEAT_DIGITS = 5;
const EMPTY_TOLERANCES: Tolerances = { byCurrency: new Map(), fallback: ZERO };

/** One posting as tolerance inference sees it. */
export interface ToleranceSource {
  /** Units currency, or null when not known yet. */
  readonly currency: string | null;
  /** Digits after the point of the units number, or null when the number is missing. */
  readonly scale: number | null;
  /** Cost currency and the cost numbers to scale (per-unit and total as written, or the resolved per-unit cost). */
  readonly costCurrency: string | null;
  readonly costNumbers: readonly Decimal[];
  /** Whether the cost is still a spec (tolerance starts from the cap) or resolved. */
  readonly costIsSpec: boolean;
  readonly hasCost: boolean;
  readonly priceNumber: Decimal | null;
  readonly priceCurrency: string | null;
}

/** The tolerance rules of one ledger, with the last-digit tolerances cached by scale. */
export class ToleranceRules {
  private readonly multiplier: Decimal;
  private readonly defaults: ReadonlyMap<string, Decimal>;
  private readonly useCost: boolean;
  private readonly unitByScale = new Map<number, Decimal>();
  private readonly balanceByScale = new Map<number, Decimal>();

  constructor(options: LedgerOptions) {
    this.multiplier = options.toleranceMultiplier;
    this.defaults = options.inferredToleranceDefault;
    this.useCost = options.inferToleranceFromCost;
  }

  /** Whether prices and costs add to the tolerances (`infer_tolerance_from_cost`). */
  get fromCost(): boolean {
    return this.useCost;
  }

  /** Multiplier times one unit of the last digit, for a number with `scale` digits after the point. */
  unitTolerance(scale: number): Decimal {
    let tolerance = this.unitByScale.get(scale);
    if (tolerance === undefined) {
      tolerance = new Decimal(1).div(new Decimal(10).pow(scale)).times(this.multiplier);
      this.unitByScale.set(scale, tolerance);
    }
    return tolerance;
  }

  /**
   * The tolerance of `currency` in a transaction whose postings are plain units: from the
   * smallest positive scale written in that currency (null: only integers), else the defaults.
   */
  unitsTolerance(currency: string, smallestScale: number | null): Decimal {
    const preset = this.defaults.get(currency);
    if (smallestScale === null) return preset ?? this.defaults.get("*") ?? ZERO;
    const inferred = this.unitTolerance(smallestScale);
    return preset !== undefined && preset.gt(inferred) ? preset : inferred;
  }

  /** The tolerance of a balance assertion. */
  balanceTolerance(balance: Balance): Decimal {
    if (balance.tolerance !== null) return balance.tolerance;
    const scale = balance.amount.scale;
    if (scale <= 0) return ZERO;
    let tolerance = this.balanceByScale.get(scale);
    if (tolerance === undefined) {
      tolerance = new Decimal(1).div(new Decimal(10).pow(scale)).times(this.multiplier.times(2));
      this.balanceByScale.set(scale, tolerance);
    }
    return tolerance;
  }

  /** Tolerances of a transaction from its postings (see the file comment). */
  infer(sources: readonly ToleranceSource[]): Tolerances {
    let inferred: Map<string, Decimal> | null = null;
    let fromCost: Map<string, Decimal> | null = null;
    for (const source of sources) {
      if (source.scale === null || source.scale <= 0) continue;
      const tolerance = this.unitTolerance(source.scale);
      if (source.currency !== null) {
        if (inferred === null) inferred = new Map(this.defaults);
        const previous = inferred.get(source.currency);
        if (previous === undefined || tolerance.gt(previous)) inferred.set(source.currency, tolerance);
      }
      if (!this.useCost) continue;
      if (source.hasCost && source.costCurrency !== null) {
        let costTolerance = source.costIsSpec ? MAXIMUM_COST_TOLERANCE : null;
        for (const number of source.costNumbers) {
          const candidate = tolerance.times(number);
          costTolerance = costTolerance === null || candidate.lt(costTolerance) ? candidate : costTolerance;
        }
        if (costTolerance === null) costTolerance = MAXIMUM_COST_TOLERANCE;
        else if (!source.costIsSpec && costTolerance.gt(MAXIMUM_COST_TOLERANCE)) costTolerance = MAXIMUM_COST_TOLERANCE;
        if (fromCost === null) fromCost = new Map();
        fromCost.set(source.costCurrency, (fromCost.get(source.costCurrency) ?? ZERO).plus(costTolerance));
      }
      if (source.priceNumber !== null && source.priceCurrency !== null) {
        let priceTolerance = tolerance.times(source.priceNumber);
        if (priceTolerance.gt(MAXIMUM_COST_TOLERANCE)) priceTolerance = MAXIMUM_COST_TOLERANCE;
        if (fromCost === null) fromCost = new Map();
        fromCost.set(source.priceCurrency, (fromCost.get(source.priceCurrency) ?? ZERO).plus(priceTolerance));
      }
    }
    if (inferred === null && fromCost === null) {
      if (this.defaults.size === 0) return EMPTY_TOLERANCES;
      inferred = new Map(this.defaults);
    }
    if (fromCost !== null) {
      if (inferred === null) inferred = new Map(this.defaults);
      for (const [currency, tolerance] of fromCost) {
        const previous = inferred.get(currency);
        if (previous === undefined || tolerance.gt(previous)) inferred.set(currency, tolerance);
      }
    }
    if (inferred === null) inferred = new Map(this.defaults);
    const fallback = inferred.get("*") ?? ZERO;
    inferred.delete("*");
    return { byCurrency: inferred, fallback };
  }

  /** Tolerances of a booked transaction, as the "does not balance" check infers them. */
  inferFromBooked(postings: readonly BookedPosting[]): Tolerances {
    const sources: ToleranceSource[] = [];
    for (const posting of postings) {
      if (posting.interpolated) continue;
      const cost = posting.cost;
      const price = posting.price;
      sources.push({
        currency: posting.units.currency,
        scale: posting.units.scale,
        costCurrency: cost === null ? null : cost.currency,
        costNumbers: cost === null ? NO_NUMBERS : [cost.number],
        costIsSpec: false,
        hasCost: cost !== null,
        priceNumber: price === null ? null : price.number,
        priceCurrency: price === null ? null : price.currency,
      });
    }
    return this.infer(sources);
  }
}

const NO_NUMBERS: readonly Decimal[] = [];

/**
 * Round an interpolated number of units to the currency's tolerance when that tolerance is a
 * neat number (fewer than five significant digits once doubled): 0.005 rounds to 0.01.
 */
export function quantizeWithTolerance(tolerances: Tolerances, currency: string, number: ScaledNumber): ScaledNumber {
  return quantizeToTolerance(toleranceFor(tolerances, currency), number);
}

/** Scale to round to for each tolerance value seen (tolerances are shared objects), or null. */
const roundingScales = new WeakMap<Decimal, number | null>();

export function quantizeToTolerance(tolerance: Decimal, number: ScaledNumber): ScaledNumber {
  const scale = roundingScale(tolerance);
  return scale === null ? number : quantize(number, scale);
}

/** The scale quantizeToTolerance rounds to, or null when it leaves numbers as they are. */
export function roundingScale(tolerance: Decimal): number | null {
  if (tolerance.isZero()) return null;
  let scale = roundingScales.get(tolerance);
  if (scale === undefined) {
    const quantum = tolerance.times(2);
    const digits = quantum.sd();
    scale = digits >= MAXIMUM_NEAT_DIGITS ? null : -(quantum.e - (digits - 1));
    roundingScales.set(tolerance, scale);
  }
  return scale;
}
