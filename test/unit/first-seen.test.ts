// FirstSeen (src/core/first-seen.ts) keeps keys that come as a few interleaved increasing runs in
// arrays and the rest in a Map; either way it must answer as a Map of first values would.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FirstSeen, FirstSeenPairs } from "../../src/core/first-seen.js";

function reference(keys: readonly string[]): (number | undefined)[] {
  const map = new Map<string, number>();
  return keys.map((key, index) => {
    const earlier = map.get(key);
    if (earlier === undefined) map.set(key, index);
    return earlier;
  });
}

describe("FirstSeen", () => {
  it("gives the first value of each key, like a Map, whatever the order of the keys", () => {
    const key = fc.stringMatching(/^EC-20[0-9]{2}-[0-9]{1,3}$/);
    const sequences = fc.oneof(
      fc.array(key, { maxLength: 60 }),
      // Mostly in order, with repeats and a late key out of order: the cases FirstSeen optimises.
      fc.tuple(fc.uniqueArray(key, { maxLength: 40 }), fc.array(key, { maxLength: 5 })).map(([unique, extra]) => [...[...unique].sort(), ...extra]),
      // A few sorted runs interleaved (books and claim files merged by date), with some repeats.
      fc.tuple(fc.array(fc.uniqueArray(key, { maxLength: 30 }), { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 300 }), fc.array(key, { maxLength: 4 }))
        .map(([runs, picks, extra]) => {
          const sorted = runs.map((run) => [...run].sort());
          const keys: string[] = [];
          for (const pick of picks) {
            const run = sorted[pick % sorted.length]!;
            if (run.length > 0) keys.push(run.shift()!);
          }
          for (const run of sorted) keys.push(...run);
          return [...keys, ...extra];
        }),
    );
    fc.assert(fc.property(sequences, (keys) => {
      const seen = new FirstSeen<number>();
      expect(keys.map((k, index) => seen.seen(k, index))).toEqual(reference(keys));
    }), { numRuns: 500 });
  });

  it("finds repeats anywhere among long interleaved runs (searching each run near its last place)", () => {
    const runs = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 400 }), { minLength: 1, maxLength: 3 });
    const steps = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 900 });
    fc.assert(fc.property(runs, steps, (numbers, picks) => {
      const sorted = numbers.map((run, index) => [...run].sort((a, b) => a - b).map((n) => `EC-${String(n * 3 + index).padStart(5, "0")}`));
      const keys: string[] = [];
      for (const [pick, back, repeat] of picks) {
        if (repeat && keys.length > 0) keys.push(keys[keys.length - 1 - (back % keys.length)]!);
        else {
          const run = sorted[pick % sorted.length]!;
          if (run.length > 0) keys.push(run.shift()!);
        }
      }
      const seen = new FirstSeen<number>();
      expect(keys.map((k, index) => seen.seen(k, index))).toEqual(reference(keys));
    }), { numRuns: 200 });
  });

  it("finds a repeat in any of several interleaved runs, and after more runs than it keeps in arrays", () => {
    const seen = new FirstSeen<number>();
    const keys = ["b1", "a1", "b2", "a2", "c1", "b3", "a3"];
    keys.forEach((k, index) => expect(seen.seen(k, index)).toBeUndefined());
    expect(seen.seen("a2", 9)).toBe(3);
    expect(seen.seen("b1", 9)).toBe(0);
    expect(seen.seen("c1", 9)).toBe(4);
    for (let index = 0; index < 20; index++) expect(seen.seen(`z${String(20 - index).padStart(2, "0")}`, 100 + index)).toBeUndefined();
    expect(seen.seen("z20", 9)).toBe(100);
    expect(seen.seen("a3", 9)).toBe(6);
  });

  it("finds a repeat right after keys in order and the first key of a run that restarts", () => {
    const seen = new FirstSeen<string>();
    expect(seen.seen("EC-2026-001", "a")).toBeUndefined();
    expect(seen.seen("EC-2026-002", "b")).toBeUndefined();
    expect(seen.seen("EC-2026-002", "c")).toBe("b");
    expect(seen.seen("EC-2026-001", "d")).toBe("a");
    expect(seen.seen("EC-2026-003", "e")).toBeUndefined();
    expect(seen.seen("EC-2026-003", "f")).toBe("e");
  });
});

describe("FirstSeenPairs", () => {
  it("gives the first value of each pair of integers, like a Map, through many growths of its table", () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1e10, 2e10, 4294967296, 4294967295));
    fc.assert(fc.property(fc.array(fc.tuple(part, part), { maxLength: 12_000 }), (pairs) => {
      const seen = new FirstSeenPairs();
      const keys = pairs.map(([high, low]) => `${high}/${low}`);
      expect(pairs.map(([high, low], index) => seen.seen(high, low, index))).toEqual(reference(keys).map((value) => value ?? -1));
    }), { numRuns: 60 });
  });

  it("gives the same made at the size it is told to expect, whether more or fewer pairs come", () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(fc.property(fc.array(fc.tuple(part, part), { maxLength: 9_000 }), fc.integer({ min: 0, max: 20_000 }), (pairs, expected) => {
      const seen = new FirstSeenPairs(expected);
      const keys = pairs.map(([high, low]) => `${high}/${low}`);
      expect(pairs.map(([high, low], index) => seen.seen(high, low, index))).toEqual(reference(keys).map((value) => value ?? -1));
    }), { numRuns: 40 });
  });

  it("tells apart pairs that share a half, or whose halves are swapped", () => {
    const seen = new FirstSeenPairs();
    expect(seen.seen(1, 2, 0)).toBe(-1);
    expect(seen.seen(2, 1, 1)).toBe(-1);
    expect(seen.seen(1, 2 + 2 ** 32, 2)).toBe(-1);
    expect(seen.seen(1 + 2 ** 32, 2, 3)).toBe(-1);
    expect(seen.seen(1, 2, 4)).toBe(0);
    expect(seen.seen(2, 1, 5)).toBe(1);
  });
});
