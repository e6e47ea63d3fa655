// nonTransactions: the list the passes that look for opens, customs, pads ... walk instead of every entry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonTransactions } from "../../src/core/non-transactions.js";

describe("nonTransactions", () => {
  it("lists the entries that are not transactions, in order, as a filter would", () => {
    const entry = fc.constantFrom("transaction", "open", "close", "custom", "pad", "balance", "document").map((type) => ({ type }));
    fc.assert(fc.property(fc.array(entry, { maxLength: 200 }), (entries) => {
      expect(nonTransactions(entries)).toEqual(entries.filter((candidate) => candidate.type !== "transaction"));
      expect(nonTransactions(entries)).toBe(nonTransactions(entries));
    }));
  });

  it("makes the list again for an array that has grown since", () => {
    const entries = [{ type: "open" }, { type: "transaction" }];
    expect(nonTransactions(entries)).toEqual([{ type: "open" }]);
    entries.push({ type: "custom" });
    expect(nonTransactions(entries)).toEqual([{ type: "open" }, { type: "custom" }]);
  });
});
