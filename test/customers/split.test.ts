// Exact allocation (allocation/split.ts): parts cut towards zero at the amount's places, the
// remainder to the largest part (ties to the name first in code-point order); parts always add up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { splitExact } from "../../src/allocation/split.js";
import { parseShares } from "../../src/allocation/rules.js";

const shares = (pairs: [string, number][]) => pairs.map(([name, weight]) => ({ name, weight: new Decimal(weight) }));

describe("splitExact", () => {
  it("gives the remainder to the largest part", () => {
    // 100.00 / 3 = 33.333..: each cut to 33.33 (99.99), the 0.01 left goes to the largest weight,
    // all equal, so to the first name: "A".
    const parts = splitExact(new Decimal("100.00"), 2, shares([["B", 1], ["A", 1], ["C", 1]]));
    expect(parts.map((part) => [part.name, part.amount.toFixed(2)])).toEqual([["B", "33.33"], ["A", "33.34"], ["C", "33.33"]]);
  });

  it("splits by revenue as the sample's January gala (16800.00 by 420000 : 260000)", () => {
    // 16800 × 420000 / 680000 = 10376.4705.. -> 10376.47; 16800 × 260000 / 680000 = 6423.5294.. -> 6423.52;
    // together 16799.99: the 0.01 left goes to ACME (the larger weight): 10376.48 + 6423.52 = 16800.00.
    const parts = splitExact(new Decimal("16800.00"), 2, shares([["ACME", 420000], ["华盛集团", 260000]]));
    expect(parts.map((part) => part.amount.toFixed(2))).toEqual(["10376.48", "6423.52"]);
  });

  it("splits negative amounts towards zero, the remainder still to the largest", () => {
    // -10.00 by 1:1:1 -> -3.33 each (-9.99), -0.01 left to the first name "x".
    const parts = splitExact(new Decimal("-10.00"), 2, shares([["x", 1], ["y", 1], ["z", 1]]));
    expect(parts.map((part) => part.amount.toFixed(2))).toEqual(["-3.34", "-3.33", "-3.33"]);
  });

  it("parts always add up to the whole, at the amount's places (property)", () => {
    fc.assert(fc.property(
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
      fc.integer({ min: 0, max: 4 }),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
      (units, scale, weights) => {
        const amount = new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale));
        const parts = splitExact(amount, scale, weights.map((weight, index) => ({ name: `n${index}`, weight: new Decimal(weight) })));
        const sum = parts.reduce((total, part) => total.plus(part.amount), new Decimal(0));
        expect(sum.equals(amount)).toBe(true);
        for (const part of parts) expect(part.amount.decimalPlaces()).toBeLessThanOrEqual(scale);
      },
    ));
  });
});

describe("parseShares", () => {
  it("reads names and weights from one string", () => {
    const parsed = parseShares("ACME 60, 北辰医药 40", true);
    expect(parsed).toEqual([{ name: "ACME", weight: new Decimal(60) }, { name: "北辰医药", weight: new Decimal(40) }]);
  });
  it("refuses a share without weight, a repeated name and a zero weight", () => {
    expect(parseShares("ACME, 北辰医药 40", true)).toHaveProperty("problem");
    expect(parseShares("ACME 1, ACME 2", true)).toHaveProperty("problem");
    expect(parseShares("ACME 0", true)).toHaveProperty("problem");
  });
});
