// Growing the typed arrays that tables of numbers are kept in (a typed array is outside the heap
// the collector copies, and cannot grow in place).

/** A typed array of `array`'s kind, `size` long, holding `array`'s first `count` elements (the rest 0). */
export function grownCopy<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number, count: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(count < array.length ? array.subarray(0, count) : array);
  return copy;
}
