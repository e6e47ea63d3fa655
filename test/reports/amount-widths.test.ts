// MeasuredWholes (src/reports/amount-widths.ts) lets a table's measuring read skip an amount: it
// must say so only of an amount whose text is no longer than one of those measured before.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MeasuredWholes } from "../../src/reports/amount-widths.js";
import { amountCell } from "../../src/reports/table-amount.js";

const amount = fc.record({
  magnitude: fc.oneof(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 999, 1000, 99_999, 100_000)),
  scale: fc.integer({ min: 0, max: 6 }),
  places: fc.integer({ min: 0, max: 4 }),
  negative: fc.boolean(),
});

describe("MeasuredWholes", () => {
  it("covers only amounts no longer than one before", () => {
    fc.assert(fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
      const wholes = new MeasuredWholes();
      let longest = -1;
      for (const { magnitude, scale, places, negative } of amounts) {
        const length = amountCell(magnitude, scale, places).length + (negative ? 1 : 0);
        if (wholes.covered(magnitude, scale, places, negative)) expect(length).toBeLessThanOrEqual(longest);
        longest = Math.max(longest, length);
      }
    }), { numRuns: 3000 });
  });

  it("covers a smaller amount of the same places and sign", () => {
    const wholes = new MeasuredWholes();
    expect(wholes.covered(123_456, 2, 2, false)).toBe(false);
    expect(wholes.covered(99_999, 2, 2, false)).toBe(true);
    expect(wholes.covered(99_999, 2, 2, true)).toBe(false);
    expect(wholes.covered(99_999, 1, 2, false)).toBe(false);
    expect(wholes.covered(5, 3, 2, false)).toBe(false);
  });
});
