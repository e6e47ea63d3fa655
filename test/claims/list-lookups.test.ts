// The claims list's own look-ups (src/claims/list-table.ts TextNumbers, src/claims/report.ts
// accountUnder): each holds to what it replaced (a Map<string, number>, isUnder).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextNumbers, textHash } from "../../src/claims/list-table.js";
import { accountUnder } from "../../src/claims/report.js";
import { isUnder } from "../../src/core/accounts.js";

// Short texts from a few characters (collisions and shared prefixes), CJK, long texts that share
// their first and last sixteen characters (hashed alike), and the empty text.
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", ":", " ", "王", "伟", "2"), maxLength: 6 }),
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.string({ unit: fc.constantFrom("x", "y"), minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }))
    .map(([middle, extra]) => `${"p".repeat(16)}${middle}${"s".repeat(16 + extra)}`),
  fc.constant(""),
);

describe("TextNumbers", () => {
  it("numbers texts as a Map would (get, then add when not there)", () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 400 }), (texts) => {
      const table = new TextNumbers();
      const map = new Map<string, number>();
      for (const given of texts) {
        // (A copy made afresh: equal texts that are not one string.)
        const copy = given.split("").join("");
        expect(table.get(copy)).toBe(map.get(given) ?? -1);
        if (!map.has(given)) {
          const number = 7 * map.size + 3;
          map.set(given, number);
          table.add(copy, number);
        }
        expect(table.size).toBe(map.size);
      }
      for (const [given, number] of map) expect(table.get(given)).toBe(number);
      table.clear();
      expect(table.size).toBe(0);
      for (const given of map.keys()) expect(table.get(given)).toBe(-1);
    }), { numRuns: 500 });
  });

  it("hashes equal texts alike", () => {
    fc.assert(fc.property(text, (given) => {
      expect(textHash(given.split("").join(""))).toBe(textHash(given));
    }));
  });
});

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
