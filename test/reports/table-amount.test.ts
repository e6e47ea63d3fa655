// amountTableText writes an amount as a terminal table shows it straight from its scaled integer:
// the same text as grouping (groupedNumber) the table's text (tableAmount) of its plain text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScaledAmount } from "../../src/core/amount.js";
import { Decimal } from "../../src/core/number.js";
import { amountPlainText } from "../../src/reports/display.js";
import { amountTableText } from "../../src/reports/table-amount.js";
import { tableAmount } from "../../src/render/sheet.js";
import { groupedNumber } from "../../src/render/table.js";
import type { Amount } from "../../src/core/data.js";

const byText = (amount: Amount, scales: ReadonlyMap<string, number>) => groupedNumber(tableAmount(amountPlainText(amount, scales)));

describe("amountTableText", () => {
  it("writes what groupedNumber(tableAmount(amountPlainText)) writes", () => {
    const scaled = fc.oneof(
      fc.integer({ min: -2_000_000, max: 2_000_000 }),
      fc.maxSafeInteger(),
      fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => n * 100_000_000 + 99_999_999),
      fc.constantFrom(0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 9_007_199_254_740_990, 99_605_081_483_63),
    );
    fc.assert(fc.property(scaled, fc.integer({ min: 0, max: 15 }), fc.option(fc.integer({ min: 0, max: 18 })), (value, scale, usual) => {
      const amount = new ScaledAmount(value === 0 ? 0 : value, scale, "CNY");
      const scales = new Map(usual === null ? [] : [["CNY", usual]]);
      expect(amountTableText(amount, scales)).toBe(byText(amount, scales));
    }), { numRuns: 20_000 });
  });

  it("writes a Decimal amount as the table does", () => {
    for (const text of ["0", "-0", "1234567.891", "-0.004", "12.5", "1e3", "-98765432109876543210.12"]) {
      const amount: Amount = { number: new Decimal(text), scale: 2, currency: "USD" };
      expect(amountTableText(amount, new Map([["USD", 2]]))).toBe(byText(amount, new Map([["USD", 2]])));
    }
  });
});
