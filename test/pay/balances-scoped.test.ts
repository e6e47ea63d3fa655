// `pay` with named claims works out only the balances of those claims and of the claims their
// payments tie them to (claimBalances with `only`): each must be exactly what the whole journal's
// balances say, on journals of claims paid by entries linking several claims with shared debits.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadLedger } from "../../src/loader/load.js";
import { claimBalances } from "../../src/claims/payments.js";
import { BANK, CHART, LI, WANG, ZHANG, journal, postedClaim, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

const PAYABLES = [WANG, LI, ZHANG];

const claimArb = fc.record({ payable: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 1, max: 9 }), amount: fc.integer({ min: 1, max: 400 }) });
const paymentArb = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  links: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }),
  debits: fc.array(fc.record({ payable: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 3 }),
});

function text(claims: { payable: number; day: number; amount: number }[], payments: { day: number; links: number[]; debits: { payable: number; amount: number }[] }[]): string {
  let result = CHART;
  claims.forEach((claim, index) => { result += postedClaim(`EC-${index}`, `2026-03-0${claim.day}`, PAYABLES[claim.payable]!, `${claim.amount}.00`); });
  for (const payment of payments) {
    // A link past the last claim names no claim (EC-9 in a journal of three claims).
    const links = [...new Set(payment.links)].map((index) => ` ^EC-${index}`).join("");
    const debits = new Map<number, number>();
    for (const debit of payment.debits) debits.set(debit.payable, (debits.get(debit.payable) ?? 0) + debit.amount);
    result += `\n2026-03-${String(payment.day).padStart(2, "0")} * "工商银行" "报销款支付"${links}\n`;
    for (const [payable, amount] of debits) result += `  ${PAYABLES[payable]}  ${amount}.00 CNY\n`;
    result += `  ${BANK}\n`;
  }
  return result;
}

describe("claimBalances with only some claims", () => {
  it("gives each claim asked for the balance the whole journal gives it", () => {
    fc.assert(fc.property(
      fc.array(claimArb, { minLength: 1, maxLength: 8 }),
      fc.array(paymentArb, { maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }),
      fc.option(fc.integer({ min: 2, max: 28 })),
      (claims, payments, asked, endDay) => {
        const ledger = loadLedger(journal(text(claims, payments)));
        expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const query = { liabilitiesRoot: "Liabilities", end: endDay === null ? null : `2026-03-${String(endDay).padStart(2, "0")}` };
        const full = claimBalances(ledger.entries, query);
        // Each claim alone, and the few asked for together.
        for (const id of full.keys()) expect(claimBalances(ledger.entries, query, new Set([id])).get(id)).toEqual(full.get(id));
        const ids = new Set(asked.map((index) => `EC-${index}`));
        const some = claimBalances(ledger.entries, query, ids);
        for (const id of ids) expect(some.get(id)).toEqual(full.get(id));
        for (const [id, balance] of some) expect(balance).toEqual(full.get(id));
      },
    ), { numRuns: 150 });
  });

  it("ties claims through a chain of payments", () => {
    // EC-0 and EC-1 share a payment, EC-1 and EC-2 another: EC-2's share depends on EC-0's.
    const journalText = text(
      [{ payable: 0, day: 1, amount: 100 }, { payable: 0, day: 2, amount: 100 }, { payable: 0, day: 3, amount: 100 }],
      [{ day: 10, links: [0, 1], debits: [{ payable: 0, amount: 150 }] }, { day: 11, links: [1, 2], debits: [{ payable: 0, amount: 100 }] }],
    );
    const ledger = loadLedger(journal(journalText));
    const query = { liabilitiesRoot: "Liabilities", end: null };
    const alone = claimBalances(ledger.entries, query, new Set(["EC-2"]));
    expect([...alone.keys()].sort()).toEqual(["EC-0", "EC-1", "EC-2"]);
    expect(alone.get("EC-2")!.debts[0]!.paid.toFixed(2)).toBe("50.00");
    expect(alone.get("EC-2")).toEqual(claimBalances(ledger.entries, query).get("EC-2"));
  });
});
