// implicit_prices skips a priced posting whose date, currency and price repeat the last price made
// (without building its key): the prices it makes are those the key set alone gave.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScaledAmount } from "../../src/core/amount.js";
import type { LedgerEntry } from "../../src/core/data.js";
import { implicitPrices, numberKey } from "../../src/plugins/implicit-prices.js";

/** The plugin as it was (no costs here): a price per posting's price, one per day, commodity, number and currency. */
function reference(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const result: LedgerEntry[] = [];
  const made = new Set<string>();
  for (const entry of entries) {
    result.push(entry);
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const price = posting.price;
      if (price === null) continue;
      const key = `${entry.date} ${posting.units.currency} ${numberKey(price)} ${price.currency}`;
      if (made.has(key)) continue;
      made.add(key);
      result.push({ type: "price", date: entry.date, span: entry.span, meta: [], currency: posting.units.currency, amount: price });
    }
  }
  return result;
}

describe("implicit_prices", () => {
  it("makes the prices the key set alone made, repeated rates skipped or not", () => {
    const price = fc.option(fc.tuple(fc.constantFrom(716, 7160, 71600, 7, 0, 720), fc.constantFrom(0, 2, 3), fc.constantFrom("CNY", "EUR")), { nil: null });
    const posting = fc.tuple(fc.constantFrom("USD", "JPY"), price);
    const transaction = fc.tuple(fc.constantFrom("2026-01-01", "2026-01-02", "2026-01-03"), fc.array(posting, { minLength: 1, maxLength: 3 }));
    fc.assert(fc.property(fc.array(transaction, { maxLength: 12 }), (written) => {
      const entries = written.map(([date, postings], index) => ({
        type: "transaction", date, span: { file: "t", start: index, end: index + 1 }, meta: [], flag: "*", payee: null, narration: "",
        tags: [], links: [], postings: [],
        booked: postings.map(([currency, rate]) => ({
          source: null, account: "Assets:A", units: new ScaledAmount(100, 0, currency), cost: null, interpolated: false,
          price: rate === null ? null : new ScaledAmount(rate[0], rate[1], rate[2]),
        })),
      }) as unknown as LedgerEntry);
      expect(implicitPrices(entries, {} as never, { text: null, span: null, today: "2026-12-31" } as never).entries).toEqual(reference(entries));
    }), { numRuns: 2000 });
  });
});
