// The tables of text ranges (src/parser/text-table.ts) against a Map of the same strings, and
// copyRange and sameRange against slice and startsWith: lookups by range, growth, clearing and
// rebinding to another text give what the Map gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyRange, hashRange, sameRange, StringTable, TextTable } from "../../src/parser/text-table.js";

/** Short words over a few characters (many equal ones, many equal hashes' tails), CJK included. */
const word = fc.array(fc.constantFrom("a", "b", "A", ":", "-", "客", "户", "0", "1"), { minLength: 0, maxLength: 24 }).map((chars) => chars.join(""));

describe("text tables", () => {
  it("find what a Map of the same strings finds, through growth, clearing and new texts", () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 60 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 200 }), (texts, clearAt) => {
        let strings: StringTable | null = null;
        let values: TextTable<number> | null = null;
        const model = new Map<string, number>();
        let count = 0;
        for (const words of texts) {
          const text = ` ${words.join(" ")} `;
          if (strings === null || values === null) {
            strings = new StringTable(text, 4);
            values = new TextTable<number>(text);
          } else {
            strings.rebind(text);
            values.rebind(text);
          }
          let at = 1;
          for (const w of words) {
            const start = at;
            const end = at + w.length;
            at = end + 1;
            if (count++ === clearAt) {
              strings.clear();
              model.clear();
              values = new TextTable<number>(text);
            }
            const hash = hashRange(text, start, end);
            const known = model.get(w);
            expect(strings.get(start, end, hash)).toBe(known === undefined ? undefined : w);
            expect(values.get(start, end, hash)).toBe(known);
            if (known === undefined) {
              const copy = copyRange(text, start, end);
              strings.add(copy, hash);
              values.set(copy, hash, count);
              model.set(w, count);
            }
            expect(strings.size).toBe(model.size);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("copyRange gives slice's string and sameRange startsWith's answer", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9000 }), fc.nat(), fc.nat(), fc.string({ maxLength: 30 }), (text, a, b, key) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.min(text.length, start + (Math.max(a, b) % 5000));
        expect(copyRange(text, start, end)).toBe(text.slice(start, end));
        const at = a % (text.length + 1);
        if (at + key.length <= text.length) expect(sameRange(text, at, key)).toBe(text.startsWith(key, at));
        const inside = text.slice(start, end);
        expect(sameRange(text, start, inside)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
