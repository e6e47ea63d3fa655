// payablesReport reads ClaimBalanceList.forEachBalance: a claim owing a lone debt that no payment
// touched is given as where its liability posting is, not as a balance; the debt read from there
// must be the one balances() gives for the claim, and every other balance the same object list.
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { claimBalanceList, postedOnOf, type ClaimBalance } from "../../src/claims/payments.js";
import { decimalOf } from "../../src/core/amount.js";

const SAMPLES = ["samples/customer-fees-2026.beancount", "samples/customers-2026.beancount", "samples/english.beancount", "test/fixtures/claims-list/payments.beancount"];

const shown = (balance: ClaimBalance) => ({
  id: balance.id, date: balance.claim.date, postedOn: balance.postedOn,
  debts: balance.debts.map((debt) => ({ account: debt.account, currency: debt.currency, amount: debt.amount.toString(), scale: debt.scale, paid: debt.paid.toString() })),
});

describe("ClaimBalanceList.forEachBalance", () => {
  for (const file of SAMPLES) {
    for (const end of [null, "2026-06-01"]) {
      it(`gives what balances() gives, on ${file} before ${end ?? "the end"}`, () => {
        const ledger = loadLedger(file);
        const query = { liabilitiesRoot: ledger.options.accountRoots.liabilities, end };
        for (const owingOnly of [true, false]) {
          const list = claimBalanceList(ledger.entries, query, undefined, owingOnly);
          const expected = [...claimBalanceList(ledger.entries, query, undefined, owingOnly).balances()].map(shown);
          const given: ReturnType<typeof shown>[] = [];
          list.forEachBalance((index, claim, at) => {
            const scale = claim.bookedScaleAt(at);
            given.push({
              id: list.idAt(index), date: claim.date, postedOn: postedOnOf(claim),
              debts: [{ account: claim.accountAt(at), currency: claim.bookedCurrencyAt(at), amount: decimalOf(-claim.bookedScaledAt(at), scale).toString(), scale, paid: "0" }],
            });
          }, (balance) => { given.push(shown(balance)); });
          expect(given).toEqual(expected);
        }
      });
    }
  }
});
