// The first value seen for each key, for finding repeats (a claim id used twice). Journals mostly
// number their claims in order, and the books and the claim files, merged by date, give a few
// such runs interleaved (a claim file's ids fall between the books' ids). While the keys split
// into at most MAX_RUNS increasing runs (each key going to the first run it extends, which keeps
// the number of runs the fewest possible) they are kept in arrays and a repeat is found by binary
// search, instead of in a Map (a Map of a hundred thousand fresh strings costs tens of
// milliseconds to fill); a key that would start one run too many moves them all into a Map.
import { grownCopy } from "./typed-arrays.js";

const MAX_RUNS = 8;

export class FirstSeen<T> {
  /** `near`: where the last search in the run ended (see searchNear). */
  private runs: { keys: string[]; values: T[]; near: number }[] | null = [];
  private map: Map<string, T> | null = null;

  /** The value first seen with `key`, or undefined (and then `value` is kept as its first). */
  seen(key: string, value: T): T | undefined {
    const runs = this.runs;
    if (runs !== null) {
      let extended = -1;
      for (let index = 0; index < runs.length; index++) {
        const run = runs[index]!;
        const keys = run.keys;
        const last = keys[keys.length - 1]!;
        if (last < key) {
          if (extended < 0) extended = index;
          continue;
        }
        if (keys[0]! > key) continue;
        const place = searchNear(keys, key, run.near);
        run.near = place;
        if (keys[place] === key) return run.values[place];
      }
      if (extended >= 0) {
        runs[extended]!.keys.push(key);
        runs[extended]!.values.push(value);
        return undefined;
      }
      if (runs.length < MAX_RUNS) {
        runs.push({ keys: [key], values: [value], near: 0 });
        return undefined;
      }
      const map = new Map<string, T>();
      for (const run of runs) for (let index = 0; index < run.keys.length; index++) map.set(run.keys[index]!, run.values[index]!);
      this.map = map;
      this.runs = null;
    }
    const map = this.map!;
    const earlier = map.get(key);
    if (earlier === undefined) map.set(key, value);
    return earlier;
  }
}

/**
 * Where `key` is or would go in the increasing `keys` (the first place whose key is not below it),
 * looking first just after `near`. Keys of interleaved runs come each in increasing order, so a
 * run is searched for keys that each fall a little after the last one: galloping on from there
 * costs a few comparisons where a binary search over the whole run would cost a dozen or more.
 */
function searchNear(keys: readonly string[], key: string, near: number): number {
  let low = 0;
  let high = keys.length;
  if (near > 0 && near <= keys.length && keys[near - 1]! < key) {
    // keys[low - 1] < key throughout; stop at the first probe whose key is not below it.
    low = near;
    let bound = near;
    for (let step = 1; bound < keys.length && keys[bound]! < key; step *= 2) {
      low = bound + 1;
      bound = near + step;
    }
    high = Math.min(bound, keys.length);
  }
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pairs a FirstSeenPairs table holds before it first grows, unless told to expect more. */
const PAIR_ENTRIES = 1 << 11;

/**
 * FirstSeen for keys that are pairs of integers in [0, 2^53) (a fapiao number as two numbers:
 * validation/fapiao.ts) and values that are integers in [0, 2^31): an open-addressing table in
 * typed arrays. A Map of a couple of hundred thousand fresh strings costs a claims-heavy journal's
 * check a tenth of its time; numbers are hashed without reading a string and kept without objects.
 */
export class FirstSeenPairs {
  /** The pairs and values in the order first seen (made at the first pair). */
  private highs = EMPTY_NUMBERS;
  private lows = EMPTY_NUMBERS;
  private values = EMPTY_INTEGERS;
  private count = 0;
  /**
   * Two integers per slot: index into the above + 1 (0 when empty) and the pair's hash; at most
   * half the slots are used. With the hash beside the index a probe reads one place in memory: the
   * pair itself is read only when the hashes agree (a table of 200,000 pairs is far larger than
   * the processor's caches, and most probes find another pair or none).
   */
  private slots = EMPTY_INTEGERS;

  /**
   * `expected`: about how many pairs will be seen. The table is made at that size when the first
   * pair comes (growing it pair by pair would copy and rehash it a dozen times, each time in memory
   * the process touches for the first time), and grows beyond it as needed.
   */
  constructor(private readonly expected = PAIR_ENTRIES) {}

  /** The value first seen with (high, low), or -1 (and then `value` is kept as its first). */
  seen(high: number, low: number, value: number): number {
    if (this.slots.length === 0) this.make();
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const hash = hashPair(high, low);
    let slot = hash & mask;
    for (let held = slots[2 * slot]!; held !== 0; held = slots[2 * slot]!) {
      if (slots[2 * slot + 1] === hash && this.highs[held - 1] === high && this.lows[held - 1] === low) return this.values[held - 1]!;
      slot = (slot + 1) & mask;
    }
    if (this.count === this.highs.length) this.growEntries();
    const index = this.count++;
    this.highs[index] = high;
    this.lows[index] = low;
    this.values[index] = value;
    slots[2 * slot] = index + 1;
    slots[2 * slot + 1] = hash;
    if (2 * this.count > mask) this.rehash(2 * (mask + 1));
    return -1;
  }

  private make(): void {
    const entries = Math.max(PAIR_ENTRIES, this.expected);
    let size = 2 * PAIR_ENTRIES;
    while (size <= 2 * entries) size *= 2;
    this.highs = new Float64Array(entries);
    this.lows = new Float64Array(entries);
    this.values = new Int32Array(entries);
    this.slots = new Int32Array(2 * size);
  }

  private growEntries(): void {
    const size = 2 * this.highs.length;
    this.highs = grownCopy(this.highs, size, this.count);
    this.lows = grownCopy(this.lows, size, this.count);
    this.values = grownCopy(this.values, size, this.count);
  }

  /** Move every pair into a table of `size` slots (their hashes are kept: nothing is hashed again). */
  private rehash(size: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 2) {
      const held = old[at]!;
      if (held === 0) continue;
      const hash = old[at + 1]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = held;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}

const EMPTY_NUMBERS = new Float64Array(0);
const EMPTY_INTEGERS = new Int32Array(0);

/** A well-mixed 32-bit hash of two integers below 2^53. */
function hashPair(high: number, low: number): number {
  let hash = Math.imul(high | 0, 0x9e3779b1) ^ Math.imul((high / 4294967296) | 0, 0x85ebca6b);
  hash ^= Math.imul(low | 0, 0xc2b2ae35) ^ Math.imul((low / 4294967296) | 0, 0x27d4eb2f);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  return hash ^ (hash >>> 15);
}
