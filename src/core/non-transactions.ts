// The entries of a ledger that are not transactions. Many passes over a ledger look only for its
// few opens, customs, pads, balances or documents among a hundred thousand transactions; each such
// pass runs once, mostly before V8 has optimised it, and walking every entry for them cost a few
// milliseconds a pass. The list is made once per array of entries and those passes walk it.
const lists = new WeakMap<readonly unknown[], { readonly length: number; readonly list: readonly unknown[] }>();

/**
 * The entries of `entries` whose type is not "transaction", in their order. (Kept for the array it
 * was made from, which is not changed afterwards: entry arrays are built, then only read.)
 */
export function nonTransactions<T extends { readonly type: string }>(entries: readonly T[]): readonly T[] {
  const known = lists.get(entries);
  if (known !== undefined && known.length === entries.length) return known.list as readonly T[];
  const list: T[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction") list.push(entry);
  }
  lists.set(entries, { length: entries.length, list });
  return list;
}
