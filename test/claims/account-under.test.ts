// The claims list's own test for an expense account (src/claims/report.ts accountUnder): isUnder's answer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountUnder } from "../../src/claims/report.js";
import { isUnder } from "../../src/core/accounts.js";

describe("accountUnder", () => {
  const root = fc.constantFrom("Expenses", "Assets", "费用", "E", "");
  const account = fc.oneof(
    fc.tuple(root, fc.constantFrom("", ":", ":Food", "X", "s:Travel", ":差旅"), fc.string({ maxLength: 4 })).map(([r, tail, more]) => r + tail + more),
    fc.string({ maxLength: 12 }),
  );
  it("is isUnder", () => {
    fc.assert(fc.property(account, root, (name, parent) => {
      expect(accountUnder(name, parent)).toBe(isUnder(name, parent));
    }), { numRuns: 5000 });
  });
});
