import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { grownCopy } from "../../src/core/typed-arrays.js";

describe("grownCopy", () => {
  it("keeps the kind and the first elements, the rest zero, in a new array", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 }), fc.nat(40), fc.nat(40), (values, cut, more) => {
      const count = Math.min(cut, values.length);
      const size = values.length + more;
      for (const array of [Int32Array.from(values), Float64Array.from(values), Uint8Array.from(values.map((value) => value & 0xff))]) {
        const before = Array.from(array);
        const copy = grownCopy(array, size, count);
        expect(copy.constructor).toBe(array.constructor);
        expect(copy.length).toBe(size);
        expect(Array.from(copy.subarray(0, count))).toEqual(before.slice(0, count));
        expect(copy.subarray(count).every((value) => value === 0)).toBe(true);
        // (A copy: writing it leaves the array it was made from as it was.)
        copy.fill(9);
        expect(Array.from(array)).toEqual(before);
      }
    }));
  });
});
