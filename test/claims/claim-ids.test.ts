// claimBalanceList numbers the posted claims through ClaimIds (claims/payments.ts): ids in
// ascending order are known new without a look-up, and its IdTable is made only when an id is
// looked up or comes out of order. It must answer as a Map numbering texts in first-added order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClaimIds } from "../../src/claims/payments.js";

describe("ClaimIds", () => {
  it("numbers texts as a Map numbering them in first-added order, sorted or not, looked up or not", () => {
    const text = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("EC-2026-001", "EC-2026-002", "EC-2026-010", "王伟", "", "😀"));
    // (Sorted runs of texts, as claim ids mostly come, and texts in any order.)
    const texts = fc.oneof(fc.array(text, { maxLength: 40 }), fc.array(text, { maxLength: 40 }).map((list) => [...list].sort()));
    fc.assert(fc.property(texts, fc.array(text, { maxLength: 10 }), fc.integer({ min: -1, max: 40 }), (added, asked, askAt) => {
      const ids = new ClaimIds(added.length);
      const map = new Map<string, number>();
      added.forEach((id, at) => {
        if (at === askAt) for (const other of asked) expect(ids.indexOf(other)).toBe(map.get(other) ?? -1);
        expect(ids.isNew(id)).toBe(!map.has(id));
        if (!map.has(id)) {
          map.set(id, map.size);
          expect(ids.add(id)).toBe(map.get(id));
        }
      });
      expect(ids.size).toBe(map.size);
      for (const [id, index] of map) expect(ids.textAt(index)).toBe(id);
      for (const id of [...added, ...asked]) expect(ids.indexOf(id)).toBe(map.get(id) ?? -1);
    }), { numRuns: 3000 });
  });
});
