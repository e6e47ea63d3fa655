// Report amounts are written from a Decimal's digit words (src/reports/sheet.ts, fixedText) instead
// of decimal.js's toFixed: both must give the same text for every value and every number of places
// at least the value's own (amountText never asks for fewer), and toFixed's own text for fewer.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/core/number.js";
import { amountText, fixedText } from "../../src/reports/sheet.js";
import { plainAmount } from "../../src/reports/display.js";

/** Decimals of every size: digits around the point, exponents far either way, computed results, zeros of both signs. */
const decimals = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -30, max: 45 })).map(([digits, shift]) => new Decimal(`${digits}e${-shift}`)),
  fc.tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 12 })).map(([digits, scale]) => new Decimal(digits).dividedBy(10 ** scale)),
  fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 97 })).map(([a, b]) => new Decimal(a).dividedBy(b)),
  fc.constantFrom(new Decimal(0), new Decimal("-0"), new Decimal("1e7"), new Decimal("9999999.9999999"), new Decimal("-0.0000001"), new Decimal("10000000000000")),
);

describe("fixedText", () => {
  it("is toFixed for any places", () => {
    fc.assert(fc.property(decimals, fc.integer({ min: 0, max: 40 }), (value, extra) => {
      const places = value.decimalPlaces() + extra;
      expect(fixedText(value, places)).toBe(value.toFixed(places));
      expect(fixedText(value, extra)).toBe(value.toFixed(extra));
    }), { numRuns: 5000 });
  });

  it("makes amountText what plainAmount gives", () => {
    fc.assert(fc.property(decimals, fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), (value, scale) => {
      const scales = new Map(scale === undefined ? [] : [["CNY", scale]]);
      expect(amountText(value, "CNY", scales)).toBe(plainAmount(value, "CNY", scales));
    }), { numRuns: 5000 });
  });
});
