// mulberry32: a small deterministic generator of floats in [0, 1) from a 32-bit initial state
// (one multiply-xorshift round per draw). Shared by the fixture and benchmark generators.
export function mulberry32(initialState) {
  let state = initialState >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
