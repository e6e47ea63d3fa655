// Tolerance inference and the "does not balance" check, as beancount 2.3.5 applies them.
import { describe, expect, it } from "vitest";
import { checkTransactionBalances } from "../../../src/booking/residual.js";
import { ToleranceRules, quantizeWithTolerance, toleranceFor } from "../../../src/booking/tolerance.js";
import type { BookedTransaction } from "../../../src/core/data.js";
import { Decimal } from "../../../src/core/number.js";
import { balance, book, open, options, txn } from "./build.js";

const accounts = [open("2020-01-01", "Assets:A"), open("2020-01-01", "Assets:B")];

function unbalanced(ledgerOptions = options(), ...transactions: ReturnType<typeof txn>[]): string[] {
  const booked = book([...accounts, ...transactions], ledgerOptions);
  return checkTransactionBalances(booked.entries, ledgerOptions).map((d) => `${d.code}: ${d.message}`);
}

function tolerancesOf(ledgerOptions: ReturnType<typeof options>, transaction: ReturnType<typeof txn>) {
  const booked = book([...accounts, transaction], ledgerOptions).entries.at(-1) as BookedTransaction;
  return new ToleranceRules(ledgerOptions).inferFromBooked(booked.booked);
}

describe("transaction tolerances", () => {
  it("is half the last digit, the largest over the postings", () => {
    const tolerances = tolerancesOf(options(), txn("2020-01-02", "t", "Assets:A  1.5 USD", "Assets:B  -1.50 USD", "Assets:A  3 EUR", "Assets:B  -3 EUR"));
    expect(toleranceFor(tolerances, "USD").toString()).toBe("0.05");
    expect(toleranceFor(tolerances, "EUR").toString()).toBe("0");
  });

  it("never goes below a currency's inferred_tolerance_default; '*' only fills in", () => {
    const ledgerOptions = options({ inferredToleranceDefault: new Map([["USD", new Decimal("0.01")], ["*", new Decimal("0.001")]]) });
    const tolerances = tolerancesOf(ledgerOptions, txn("2020-01-02", "t", "Assets:A  1.000 USD", "Assets:B  -1 USD", "Assets:A  1 EUR", "Assets:B  -1.0009 EUR"));
    expect(toleranceFor(tolerances, "USD").toString()).toBe("0.01");
    expect(toleranceFor(tolerances, "EUR").toString()).toBe("0.00005");
    expect(toleranceFor(tolerances, "GBP").toString()).toBe("0.001");
  });

  it("widens by cost and price with infer_tolerance_from_cost", () => {
    const ledgerOptions = options({ inferToleranceFromCost: true });
    const tolerances = tolerancesOf(ledgerOptions, txn(
      "2006-01-17", "t",
      "Assets:A  18.572 VWELX {30.96 USD}", "Assets:A  18.572 VWELX {30.96 USD}", "Assets:B  -1150.00 USD",
    ));
    expect(toleranceFor(tolerances, "USD").toString()).toBe("0.03096");
  });

  it("doubles the multiplier for balance assertions, zero for integers, explicit wins", () => {
    const rules = new ToleranceRules(options());
    expect(rules.balanceTolerance(balance("2020-01-01", "Assets:A", "-1267.8 USD")).toString()).toBe("0.1");
    expect(rules.balanceTolerance(balance("2020-01-01", "Assets:A", "-1268 USD")).toString()).toBe("0");
    expect(rules.balanceTolerance(balance("2020-01-01", "Assets:A", "1.00 USD", "0.5")).toString()).toBe("0.5");
  });

  it("rounds interpolated numbers only to neat tolerances", () => {
    const neat = { byCurrency: new Map([["USD", new Decimal("0.005")]]), fallback: new Decimal(0) };
    expect(quantizeWithTolerance(neat, "USD", { value: new Decimal("-10.3333"), scale: 4 })).toEqual({ value: new Decimal("-10.33"), scale: 2 });
    const odd = { byCurrency: new Map([["USD", new Decimal("0.0123456")]]), fallback: new Decimal(0) };
    expect(quantizeWithTolerance(odd, "USD", { value: new Decimal("-10.3333"), scale: 4 }).scale).toBe(4);
  });
});

describe("does not balance", () => {
  it("reports the residual as beancount prints it", () => {
    expect(unbalanced(options(), txn("2020-01-07", "u", "Assets:A  1.00 USD", "Assets:B  -1.02 USD"))).toEqual([
      "unbalanced: Transaction does not balance: (-0.02 USD)",
    ]);
  });

  it("accepts a residual within the tolerance, rejects integers against decimals", () => {
    expect(unbalanced(options(), txn("2020-01-07", "ok", "Assets:A  1.004 USD", "Assets:B  -1.00 USD"))).toEqual([]);
    expect(unbalanced(options(), txn("2020-01-02", "int", "Assets:A  1 EUR", "Assets:B  -1.0009 EUR"))).toEqual([
      "unbalanced: Transaction does not balance: (-0.0009 EUR)",
    ]);
  });

  it("weighs postings at cost by their cost and priced postings by their price", () => {
    expect(unbalanced(
      options(),
      txn("2020-01-02", "cost", "Assets:A  10 HOOL {100.00 USD}", "Assets:B  -1000.01 USD"),
      txn("2020-01-02", "price", "Assets:A  10.00 EUR @ 1.10 USD", "Assets:B  -11.00 USD"),
    )).toEqual(["unbalanced: Transaction does not balance: (-0.01 USD)"]);
  });

  it("lists several currencies in beancount's order", () => {
    expect(unbalanced(options(), txn("2020-01-02", "two", "Assets:A  1.00 GBP", "Assets:A  1.00 USD", "Assets:B  2 HOOL"))).toEqual([
      "unbalanced: Transaction does not balance: (1.00 USD, 1.00 GBP, 2 HOOL)",
    ]);
  });
});
