// Ledger options (`option "name" "value"`) with beancount's defaults.
import { Decimal } from "./number.js";
import type { BookingMethod } from "./data.js";

export interface AccountRoots {
  readonly assets: string;
  readonly liabilities: string;
  readonly equity: string;
  readonly income: string;
  readonly expenses: string;
}

export interface LedgerOptions {
  readonly title: string;
  readonly operatingCurrencies: readonly string[];
  /** Default booking method for accounts whose open directive names none. */
  readonly bookingMethod: BookingMethod;
  /** Per-currency default tolerance when none is inferred; key "*" applies to any currency. */
  readonly inferredToleranceDefault: ReadonlyMap<string, Decimal>;
  /** Multiplier applied to the last written digit to infer a tolerance (0.5 by default). */
  readonly toleranceMultiplier: Decimal;
  /** Whether cost and price amounts widen the inferred tolerance. */
  readonly inferToleranceFromCost: boolean;
  readonly accountRoots: AccountRoots;
  /** Where pad-generated and other opening entries go. */
  readonly accountPreviousBalances: string;
  readonly accountPreviousEarnings: string;
  readonly accountPreviousConversions: string;
  readonly accountCurrentEarnings: string;
  readonly accountCurrentConversions: string;
  readonly accountRounding: string | null;
  readonly conversionCurrency: string;
  readonly renderCommas: boolean;
  /** Folders scanned for documents, as written. */
  readonly documents: readonly string[];
  /** Every option as written, in order, for options feeledger does not interpret. */
  readonly raw: ReadonlyMap<string, readonly string[]>;
}

export const DEFAULT_OPTIONS: LedgerOptions = {
  title: "",
  operatingCurrencies: [],
  bookingMethod: "STRICT",
  inferredToleranceDefault: new Map(),
  toleranceMultiplier: new Decimal("0.5"),
  inferToleranceFromCost: false,
  accountRoots: { assets: "Assets", liabilities: "Liabilities", equity: "Equity", income: "Income", expenses: "Expenses" },
  accountPreviousBalances: "Opening-Balances",
  accountPreviousEarnings: "Earnings:Previous",
  accountPreviousConversions: "Conversions:Previous",
  accountCurrentEarnings: "Earnings:Current",
  accountCurrentConversions: "Conversions:Current",
  accountRounding: null,
  conversionCurrency: "NOTHING",
  renderCommas: false,
  documents: [],
  raw: new Map(),
};
