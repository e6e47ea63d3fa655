// claimBalanceList numbers the claims through an IdTable (claims/id-table.ts) instead of a Map:
// the table must answer as a Map numbering texts in the order they were first added.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdTable } from "../../src/claims/id-table.js";
import { loadLedger } from "../../src/loader/load.js";
import { claimBalanceList, claimBalances, paidState } from "../../src/claims/payments.js";

describe("IdTable", () => {
  it("numbers texts as a Map numbering them in first-added order", () => {
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("EC-2026-001", "EC-2026-002", "王伟", "", "a\u0000b", "😀"));
    fc.assert(fc.property(fc.array(text, { maxLength: 60 }), fc.array(text, { maxLength: 20 }), (added, asked) => {
      const table = new IdTable(added.length);
      const map = new Map<string, number>();
      for (const id of added) {
        expect(table.indexOf(id)).toBe(map.get(id) ?? -1);
        if (!map.has(id)) {
          map.set(id, map.size);
          expect(table.add(id)).toBe(map.get(id));
        }
      }
      expect(table.size).toBe(map.size);
      for (const id of [...added, ...asked]) expect(table.indexOf(id)).toBe(map.get(id) ?? -1);
    }), { numRuns: 2000 });
  });

  it("holds as many texts as it was made for, colliding or not", () => {
    const table = new IdTable(5000);
    for (let n = 0; n < 5000; n++) expect(table.add(`EC-${n}`)).toBe(n);
    for (let n = 0; n < 5000; n++) expect(table.indexOf(`EC-${n}`)).toBe(n);
    expect(table.indexOf("EC-5000")).toBe(-1);
  });
});

describe("claimBalanceList", () => {
  for (const file of ["samples/customer-fees-2026.beancount", "samples/customers-2026.beancount", "samples/english-claims.beancount"]) {
    it(`has claimBalances' claims and balances, each owing one kept with owingOnly, on ${file}`, () => {
      const ledger = loadLedger(file);
      for (const end of [null, "2026-03-01", "2026-07-01"]) {
        const query = { liabilitiesRoot: ledger.options.accountRoots.liabilities, end };
        const map = claimBalances(ledger.entries, query);
        for (const owingOnly of [false, true]) {
          const list = claimBalanceList(ledger.entries, query, undefined, owingOnly);
          expect(list.size).toBe(map.size);
          const balances = [...map.values()];
          balances.forEach((balance, index) => {
            expect(list.indexOf(balance.id)).toBe(index);
            expect(list.claimAt(index)).toBe(balance.claim);
            expect(list.debtsAt(index)).toEqual(balance.debts);
            expect(list.paidStateAt(index)).toBe(paidState(balance));
          });
          expect([...list.balances()]).toEqual(owingOnly ? balances.filter((balance) => balance.debts.length > 0) : balances);
        }
      }
    });
  }
});
