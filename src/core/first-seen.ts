// The first value seen for each key, for finding repeats (a claim id used twice, a fapiao claimed
// twice). Journals mostly number their claims in order: while keys come in strictly increasing
// order none can repeat, and they are kept in two arrays instead of a Map (a Map of a hundred
// thousand fresh strings costs tens of milliseconds to fill); the first key out of order moves
// them into a Map.
export class FirstSeen<T> {
  private keys: string[] | null = [];
  private values: T[] = [];
  private map: Map<string, T> | null = null;

  /** The value first seen with `key`, or undefined (and then `value` is kept as its first). */
  seen(key: string, value: T): T | undefined {
    const keys = this.keys;
    if (keys !== null) {
      if (keys.length === 0 || keys[keys.length - 1]! < key) {
        keys.push(key);
        this.values.push(value);
        return undefined;
      }
      const map = new Map<string, T>();
      for (let index = 0; index < keys.length; index++) map.set(keys[index]!, this.values[index]!);
      this.map = map;
      this.keys = null;
      this.values = [];
    }
    const map = this.map!;
    const earlier = map.get(key);
    if (earlier === undefined) map.set(key, value);
    return earlier;
  }
}
