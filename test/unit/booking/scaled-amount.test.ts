// Amounts as scaled integers (src/core/amount.ts) must give exactly what decimal.js and the
// Python-faithful arithmetic give: the conversions, sums, and the integer booking path.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addScaled, amountOf, decimalOf, DecimalSum, isZeroAmount, ScaledAmount, scaledOf } from "../../../src/core/amount.js";
import type { Amount, BookedTransaction, Posting, Transaction } from "../../../src/core/data.js";
import { Decimal, parseNumberLiteral } from "../../../src/core/number.js";
import { DEFAULT_OPTIONS, type LedgerOptions } from "../../../src/core/options.js";
import { add, pythonString } from "../../../src/core/scaled.js";
import { bookEntries } from "../../../src/booking/book.js";
import { Inventory } from "../../../src/booking/inventory.js";

/** A number literal of up to 15 digits, sometimes negative, sometimes with a fraction. */
const literal = fc
  .record({
    negative: fc.boolean(),
    whole: fc.stringMatching(/^(0|[1-9][0-9]{0,9})$/),
    fraction: fc.stringMatching(/^[0-9]{0,5}$/),
  })
  .map(({ negative, whole, fraction }) => (negative ? "-" : "") + whole + (fraction === "" ? "" : "." + fraction));

function scaledAmount(text: string, currency = "CNY"): ScaledAmount {
  const parsed = parseNumberLiteral(text.replace(/^-/, ""));
  const value = text.startsWith("-") ? parsed.value.neg() : parsed.value;
  const amount = amountOf(value.isZero() ? value.abs() : value, parsed.scale, currency);
  expect(amount).toBeInstanceOf(ScaledAmount);
  return amount as ScaledAmount;
}

/** The same amount as a plain object, which sends every computation down the decimal.js path. */
function plain(amount: Amount): Amount {
  return { number: amount.number, scale: amount.scale, currency: amount.currency };
}

const show = (amount: Amount): string => `${pythonString({ value: amount.number, scale: amount.scale })} ${amount.currency}`;

describe("scaled amounts", () => {
  it("convert to and from decimals exactly, keeping the written scale", () => {
    fc.assert(fc.property(literal, (text) => {
      const amount = scaledAmount(text);
      const parsed = parseNumberLiteral(text.replace(/^-/, ""));
      expect(amount.scale).toBe(parsed.scale);
      expect(amount.number.eq(new Decimal(text))).toBe(true);
      expect(decimalOf(amount.scaled, amount.scale).toString()).toBe(new Decimal(text).toString());
      expect(scaledOf(amount.number, amount.scale)).toBe(amount.scaled);
      expect(isZeroAmount(amount)).toBe(new Decimal(text).isZero());
    }));
  });

  it("stay decimals when they do not fit", () => {
    expect(scaledOf(new Decimal("12345678901234567.5"), 1)).toBeNull();
    expect(scaledOf(new Decimal("1.25"), 1)).toBeNull();
    expect(scaledOf(new Decimal("1"), 16)).toBeNull();
    expect(scaledOf(new Decimal("-0"), 2)).toBeNull();
    expect(amountOf(new Decimal("0.1234567890123456"), 16, "CNY")).not.toBeInstanceOf(ScaledAmount);
  });

  it("add as Python's Decimal adds", () => {
    fc.assert(fc.property(literal, literal, (a, b) => {
      const x = scaledAmount(a);
      const y = scaledAmount(b);
      const sum = addScaled(x, y)!;
      const expected = add({ value: x.number, scale: x.scale }, { value: y.number, scale: y.scale });
      expect(pythonString({ value: sum.number, scale: sum.scale })).toBe(pythonString(expected));
    }));
    expect(addScaled(plain(scaledAmount("1.00")), scaledAmount("2"))).toBeNull();
    expect(addScaled(new ScaledAmount(2 ** 52, 0, "CNY"), new ScaledAmount(2 ** 52, 0, "CNY"))).toBeNull();
  });

  it("total in a DecimalSum as decimal.js adds, also past the safe integers and with Decimals mixed in", () => {
    fc.assert(fc.property(fc.array(fc.oneof(literal, fc.constant("9007199254740.991")), { maxLength: 20 }), fc.boolean(), (texts, mixed) => {
      const sum = new DecimalSum();
      let expected = new Decimal(0);
      texts.forEach((text, index) => {
        const amount = text.length > 16 ? { number: new Decimal(text), scale: 3, currency: "CNY" } : scaledAmount(text);
        if (mixed && index % 3 === 2) sum.addDecimal(amount.number);
        else sum.add(amount);
        expected = expected.plus(amount.number);
      });
      expect(sum.value.eq(expected)).toBe(true);
    }));
    const big = new DecimalSum().add(new ScaledAmount(2 ** 52, 0, "CNY")).add(new ScaledAmount(2 ** 52, 0, "CNY"));
    expect(big.value.toFixed()).toBe("9007199254740992");
  });

  it("sum in an inventory as decimals sum", () => {
    fc.assert(fc.property(fc.array(literal, { maxLength: 12 }), (texts) => {
      const scaled = new Inventory();
      const decimal = new Inventory();
      for (const text of texts) {
        scaled.add(scaledAmount(text), null);
        decimal.add(plain(scaledAmount(text)), null);
      }
      expect(scaled.toString()).toBe(decimal.toString());
      expect(pythonString(scaled.unitsOf("CNY"))).toBe(pythonString(decimal.unitsOf("CNY")));
    }));
  });
});

describe("booking plain transactions with integers", () => {
  const transaction = (units: (Amount | null)[]): Transaction => ({
    type: "transaction", date: "2024-01-01", span: { file: "t", start: 0, end: 1 }, meta: [], flag: "*",
    payee: null, narration: "", tags: [], links: [],
    postings: units.map((amount, index): Posting => ({
      span: { file: "t", start: index, end: index + 1 }, flag: null, account: `Expenses:A${index}`, units: amount,
      costSpec: null, costIsTotal: false, price: null, priceIsTotal: false, meta: [],
    })),
  });
  const booked = (entry: Transaction, options: LedgerOptions): string[] => {
    const result = bookEntries([entry], options);
    return (result.value[0] as BookedTransaction).booked.map((posting) => `${posting.account} ${show(posting.units)}${posting.interpolated ? " (auto)" : ""}`);
  };
  const options = fc.record({
    multiplier: fc.constantFrom("0.5", "0.6", "1", "0.05"),
    preset: fc.constantFrom(null, "0.01", "0.005", "0.0005", "1"),
  }).map(({ multiplier, preset }): LedgerOptions => ({
    ...DEFAULT_OPTIONS,
    toleranceMultiplier: new Decimal(multiplier),
    inferredToleranceDefault: preset === null ? new Map() : new Map([["CNY", new Decimal(preset)]]),
  }));

  it("gives what the decimal arithmetic gives", () => {
    fc.assert(fc.property(
      fc.array(literal, { minLength: 1, maxLength: 6 }), fc.option(fc.nat(6)), options,
      (texts, autoAt, ledgerOptions) => {
        const amounts: (Amount | null)[] = texts.map((text) => scaledAmount(text));
        if (autoAt !== null) amounts.splice(Math.min(autoAt, amounts.length), 0, null);
        const fast = booked(transaction(amounts), ledgerOptions);
        const slow = booked(transaction(amounts.map((amount) => (amount === null ? null : plain(amount)))), ledgerOptions);
        expect(fast).toEqual(slow);
      },
    ), { numRuns: 500 });
  });

  it("rounds the interpolated amount to the tolerance", () => {
    const amounts = [scaledAmount("10.005"), scaledAmount("0.01"), null];
    const result = booked(transaction(amounts), { ...DEFAULT_OPTIONS, inferredToleranceDefault: new Map() });
    // The smallest scale written is 2: a tolerance of 0.005, so the residual rounds half-even to cents.
    expect(result[2]).toBe("Expenses:A2 -10.02 CNY (auto)");
  });
});
