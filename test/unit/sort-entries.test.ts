// sortEntries (src/loader/load.ts) puts entries a few places out of order right by insertion and
// leaves the rest to Array.prototype.sort: either way, the order of a stable sort by date, type
// and line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortEntries } from "../../src/loader/load.js";
import { typeOrder, type Directive } from "../../src/core/data.js";

function reference(directives: readonly Directive[], lines: readonly number[]): Directive[] {
  const order = directives.map((_, index) => index);
  order.sort((a, b) => {
    const left = directives[a]!;
    const right = directives[b]!;
    if (left.date !== right.date) return left.date < right.date ? -1 : 1;
    return typeOrder(left) - typeOrder(right) || lines[a]! - lines[b]!;
  });
  return order.map((index) => directives[index]!);
}

describe("sortEntries", () => {
  it("orders as a stable sort by date, type and line, nearly sorted or not", () => {
    const entry = fc.record({
      type: fc.constantFrom("open", "balance", "transaction", "custom", "document", "close"),
      date: fc.constantFrom("2026-01-01", "2026-01-02", "2026-01-03"),
      line: fc.integer({ min: 1, max: 30 }),
      id: fc.nat(),
    });
    const journals = fc.oneof(
      fc.array(entry, { maxLength: 80 }),
      // Sorted, then a few entries moved (the usual unsorted journal).
      fc.tuple(fc.array(entry, { maxLength: 80 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 })).map(([entries, moves]) => {
        const sorted = reference(entries as unknown as Directive[], entries.map((e) => e.line)) as unknown as typeof entries;
        for (const [from, to] of moves) {
          if (sorted.length === 0) break;
          const [moved] = sorted.splice(from % sorted.length, 1);
          sorted.splice(to % (sorted.length + 1), 0, moved!);
        }
        return sorted;
      }),
    );
    fc.assert(fc.property(journals, (entries) => {
      const directives = entries as unknown as Directive[];
      const lines = entries.map((e) => e.line);
      const before = directives.slice();
      const linesBefore = lines.slice();
      const expected = reference(directives, lines);
      const result = sortEntries(directives, lines);
      expect(result).toEqual(expected);
      expect(directives).toEqual(before);
      expect(lines).toEqual(linesBefore);
      // In order already: the same array back, not a copy.
      if (expected.every((directive, index) => directive === directives[index])) expect(result).toBe(directives);
    }), { numRuns: 3000 });
  });

  it("falls back to the general sort when entries are far out of order", () => {
    const directives = Array.from({ length: 3000 }, (_, index) => ({ type: "transaction", date: `2026-01-${String(28 - (index % 28)).padStart(2, "0")}` })) as unknown as Directive[];
    const lines = directives.map((_, index) => index + 1);
    expect(sortEntries(directives, lines)).toEqual(reference(directives, lines));
  });
});
