// Python-faithful decimal scales (src/core/scaled.ts) and the inventory's lot arithmetic.
import { describe, expect, it } from "vitest";
import { Inventory } from "../../../src/booking/inventory.js";
import type { Amount, Cost } from "../../../src/core/data.js";
import { Decimal, parseNumberLiteral, type ScaledNumber } from "../../../src/core/number.js";
import { add, divide, multiply, pythonString, quantize, subtract } from "../../../src/core/scaled.js";

const n = (text: string): ScaledNumber => parseNumberLiteral(text);
const str = (number: ScaledNumber): string => pythonString(number);

describe("scaled arithmetic as Python's Decimal", () => {
  it("adds and multiplies keeping the written digits", () => {
    expect(str(add(n("1.00"), n("2")))).toBe("3.00");
    expect(str(subtract(n("1.00"), n("1.00")))).toBe("0.00");
    expect(str(multiply(n("0.00"), n("3")))).toBe("0.00");
    expect(str(multiply(n("413.9990909090909090909090909"), n("77")))).toBe("31877.93000000000000000000000");
    expect(str(add(n("1"), { value: new Decimal("1e-30"), scale: 30 }))).toBe("1.000000000000000000000000000");
  });

  it("divides exactly at the ideal scale, else to 28 digits", () => {
    expect(str(divide(n("6"), n("2.00")))).toBe("3");
    expect(str(divide(n("1000.00"), n("100.00")))).toBe("10");
    expect(str(divide(n("2819.60"), n("2")))).toBe("1409.80");
    expect(str(divide(n("1.00"), n("3")))).toBe("0.3333333333333333333333333333");
    expect(str(divide(n("100.00"), n("3")))).toBe("33.33333333333333333333333333");
    expect(str(divide(n("1.000000000000000000000000000000"), n("1")))).toBe("1.000000000000000000000000000");
    expect(str(divide({ value: new Decimal(300), scale: -2 }, n("1")))).toBe("3E+2");
  });

  it("quantizes half to even and prints like str()", () => {
    expect(str(quantize(n("-10.335"), 2))).toBe("-10.34");
    expect(str(quantize(n("-10.325"), 2))).toBe("-10.32");
    expect(str(n("0.0000001"))).toBe("1E-7");
    expect(str(n("0.000001"))).toBe("0.000001");
    expect(str({ value: new Decimal(0), scale: 8 })).toBe("0E-8");
  });
});

describe("inventory", () => {
  const units = (text: string, currency: string): Amount => ({ ...parseNumberLiteral(text), number: parseNumberLiteral(text).value, currency });
  const lot = (number: string, date: string, label: string | null = null): Cost => ({
    number: new Decimal(number), scale: parseNumberLiteral(number).scale, currency: "USD", date, label,
  });

  it("merges a lot by value, drops it at zero and forgets its digits", () => {
    const inventory = new Inventory();
    inventory.add(units("10", "HOOL"), lot("100.00", "2020-01-01"));
    inventory.add(units("-4", "HOOL"), lot("100.0", "2020-01-01"));
    // As in Python, the merged position keeps the cost object last added with it.
    expect(inventory.toString()).toBe("(6 HOOL {100.0 USD, 2020-01-01})");
    inventory.add(units("1.000", "USD"), null);
    inventory.add(units("-1.000", "USD"), null);
    inventory.add(units("5", "USD"), null);
    expect(str(inventory.unitsOf("USD"))).toBe("5");
    expect(inventory.size).toBe(2);
  });

  it("keeps lots apart by date and label, and knows what reduces it", () => {
    const inventory = new Inventory();
    inventory.add(units("10", "HOOL"), lot("100", "2020-01-01"));
    inventory.add(units("10", "HOOL"), lot("100", "2020-01-02"));
    inventory.add(units("10", "HOOL"), lot("100", "2020-01-02", "a"));
    expect(inventory.size).toBe(3);
    expect(inventory.isReducedBy(units("-1", "HOOL"))).toBe(true);
    expect(inventory.isReducedBy(units("1", "HOOL"))).toBe(false);
    expect(inventory.isReducedBy(units("-1", "AAPL"))).toBe(false);
    const copy = inventory.clone();
    copy.add(units("-10", "HOOL"), lot("100", "2020-01-01"));
    expect([copy.size, inventory.size]).toEqual([2, 3]);
    expect([...inventory.costCurrencies()]).toEqual(["USD"]);
  });
});
