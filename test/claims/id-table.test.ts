// claimBalanceList numbers the claims through an IdTable (claims/id-table.ts) instead of a Map:
// the table must answer as a Map numbering texts in the order they were first added.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdTable } from "../../src/claims/id-table.js";
import { claimId } from "../../src/claims/claim.js";
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
  for (const file of ["samples/customer-fees-2026.beancount", "samples/customers-2026.beancount", "samples/english-claims.beancount", "test/fixtures/claims-list/payments.beancount"]) {
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

describe("claimBalanceList's balances made when asked for", () => {
  // (Lone debts, two payables, a split payable, a duplicate id, a refund, a payment over two
  // claims and one over what is owed: test/fixtures/claims-list/payments.beancount.)
  const ledger = loadLedger("test/fixtures/claims-list/payments.beancount");
  const query = { liabilitiesRoot: ledger.options.accountRoots.liabilities, end: null };
  const shown = (debts: readonly { account: string; currency: string; amount: { toString(): string }; paid: { toString(): string }; scale: number; payments: readonly { amount: { toString(): string } }[] }[]) =>
    debts.map((debt) => [debt.account, debt.currency, debt.amount.toString(), debt.paid.toString(), debt.scale, debt.payments.map((payment) => payment.amount.toString())]);

  it("are what was paid on each claim, asked for once or again", () => {
    for (const owingOnly of [false, true]) {
      const list = claimBalanceList(ledger.entries, query, undefined, owingOnly);
      const ids = Array.from({ length: list.size }, (_, index) => claimId(list.claimAt(index)));
      expect(ids).toEqual(["EC-2026-001", "EC-2026-002", "EC-2026-003", "EC-2026-004", "EC-2026-005", "EC-2026-006", "EC-2026-007", "EC-2026-009"]);
      const debts = (index: number) => shown(list.debtsAt(index));
      expect(debts(0)).toEqual([["Liabilities:Payable:王伟", "CNY", "100.5", "100.5", 2, ["100.5"]]]);
      expect(debts(1)).toEqual([["Liabilities:Payable:王伟", "CNY", "233.333", "233.333", 3, ["49.5", "183.833"]]]);
      expect(debts(2)).toEqual([["Liabilities:Payable:李娜", "CNY", "300", "300", 2, ["300"]], ["Liabilities:Payable:李娜", "USD", "12", "0", 2, []]]);
      expect(debts(3)).toEqual([["Liabilities:Payable:李娜", "CNY", "50", "20", 2, ["20"]], ["Liabilities:Other", "CNY", "30", "0", 2, []]]);
      expect(debts(4)).toEqual([]);
      expect(debts(5)).toEqual([]);
      expect(debts(6)).toEqual([]);
      expect(debts(7)).toEqual([["Liabilities:Payable:王伟", "CNY", "1234567.891", "1234567.891", 3, ["1234567.891"]]]);
      expect([0, 1, 2, 3, 4, 5, 6, 7].map((index) => list.paidStateAt(index))).toEqual(["paid", "paid", "partly", "partly", "paid", "paid", "paid", "paid"]);
      // (Asked again: the same values.)
      expect(shown(list.debtsAt(2))).toEqual(debts(2));
      expect([...list.balances()].map((balance) => [balance.id, balance.postedOn])).toEqual([
        ["EC-2026-001", "2026-01-05"], ["EC-2026-002", "2026-01-06"], ["EC-2026-003", "2026-01-07"], ["EC-2026-004", "2026-01-08"],
        ...(owingOnly ? [] : [["EC-2026-005", "2026-01-09"], ["EC-2026-006", "2026-01-20"], ["EC-2026-007", "2026-01-21"]]),
        ["EC-2026-009", "2026-03-01"],
      ]);
    }
  });

  it("leave a lone debt no payment touched unpaid, its amount the payable's credit", () => {
    const list = claimBalanceList(ledger.entries, { ...query, end: "2026-02-01" }, undefined, true);
    expect(shown(list.debtsAt(0))).toEqual([["Liabilities:Payable:王伟", "CNY", "100.5", "0", 2, []]]);
    expect(list.paidStateAt(0)).toBe("unpaid");
    expect(list.paidStateAt(4)).toBe("paid");
  });
});
