// claimBalances keeps what a claim owes as a scaled integer, made a Decimal only when asked, and
// paidState reads an unpaid debt without one: each debt must be what the Decimal definitions give
// (the net credit of the claim's liability postings), and paidState what owedOn says.
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { claimBalances, owedOn, paidState } from "../../src/claims/payments.js";
import { isUnder } from "../../src/core/accounts.js";
import { Decimal } from "../../src/core/number.js";

const SAMPLES = ["samples/customer-fees-2026.beancount", "samples/customers-2026.beancount", "samples/english.beancount"];

describe("claimBalances' debts", () => {
  for (const file of SAMPLES) {
    it(`are the claims' net credits, and paidState agrees with owedOn, on ${file}`, () => {
      const ledger = loadLedger(file);
      const root = ledger.options.accountRoots.liabilities;
      const balances = claimBalances(ledger.entries, { liabilitiesRoot: root, end: null });
      expect(balances.size).toBeGreaterThan(0);
      for (const balance of balances.values()) {
        const nets = new Map<string, Decimal>();
        for (const posting of balance.claim.booked) {
          if (!isUnder(posting.account, root)) continue;
          const key = `${posting.account} ${posting.units.currency}`;
          nets.set(key, (nets.get(key) ?? new Decimal(0)).plus(posting.units.number));
        }
        const owing = [...nets].filter(([, net]) => net.lessThan(0)).map(([key, net]) => [key, net.neg().toString()]);
        expect(balance.debts.map((debt) => [`${debt.account} ${debt.currency}`, debt.amount.toString()])).toEqual(owing);
        const settled = balance.debts.every((debt) => owedOn(debt).isZero());
        const untouched = balance.debts.every((debt) => debt.paid.isZero());
        expect(paidState(balance)).toBe(settled ? "paid" : untouched ? "unpaid" : "partly");
        for (const debt of balance.debts) expect(debt.payments.reduce((sum, payment) => sum.plus(payment.amount), new Decimal(0)).toString()).toBe(debt.paid.toString());
      }
    });
  }
});
