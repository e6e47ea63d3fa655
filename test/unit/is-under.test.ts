// isUnder (src/core/accounts.ts) compares character codes: the same answer as its definition, an
// account equal to the parent or starting with the parent and a colon.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUnder } from "../../src/core/accounts.js";

const definition = (account: string, parent: string): boolean => account === parent || account.startsWith(`${parent}:`);

describe("isUnder", () => {
  const root = fc.constantFrom("Expenses", "Assets", "费用", "E", "");
  const account = fc.oneof(
    fc.tuple(root, fc.constantFrom("", ":", ":Food", "X", "s:Travel", ":差旅"), fc.string({ maxLength: 4 })).map(([r, tail, more]) => r + tail + more),
    fc.string({ maxLength: 12 }),
  );
  it("is the account itself or one under it, by its definition", () => {
    fc.assert(fc.property(account, root, (name, parent) => {
      expect(isUnder(name, parent)).toBe(definition(name, parent));
    }), { numRuns: 5000 });
  });
});
