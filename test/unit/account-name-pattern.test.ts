// isValidAccountName tests an ASCII component with an ASCII pattern before the Unicode one
// (src/validation/accounts.ts, for start-up): it must accept exactly what the Unicode pattern alone
// accepts, for ASCII and other components alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidAccountName } from "../../src/validation/accounts.js";

const ROOTS = { assets: "Assets", liabilities: "Liabilities", equity: "Equity", income: "Income", expenses: "Expenses" };
const UNICODE_COMPONENT = /^[\p{Lu}\p{Lo}\p{Nd}][\p{L}\p{Nd}\p{M}-]*$/u;

/** Components drawn from characters at the patterns' edges, any ASCII and any code unit. */
const character = fc.oneof(
  fc.constantFrom("A", "Z", "a", "z", "0", "9", "-", "_", " ", "\n", "é", "É", "银", "ǅ", "\u0301", "٣", "Ⅻ", "\u200b", "𝐀", "\ud800"),
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const component = fc.string({ unit: character, maxLength: 6 }).filter((text) => !text.includes(":"));

describe("account name components", () => {
  it("accepts what the Unicode pattern accepts", () => {
    fc.assert(
      fc.property(component, component, (first, second) => {
        const expected = UNICODE_COMPONENT.test(first) && UNICODE_COMPONENT.test(second);
        expect(isValidAccountName(`Assets:${first}:${second}`, ROOTS)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("holds the ASCII shortcut to the same answers", () => {
    for (const name of ["Bank", "B", "0", "9x", "Bank-2", "bank", "-Bank", "Bank_2", "Bank 2", "", "Bank\n"]) {
      expect(isValidAccountName(`Assets:${name}`, ROOTS)).toBe(UNICODE_COMPONENT.test(name));
    }
  });
});
