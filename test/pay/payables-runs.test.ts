// payablesReport keeps an employee's claims as a run (claimRunOf: a claim owing a lone debt no
// payment touched as numbers, not a PayableClaim) and makes employee.claims when asked for: the
// same claims as claimBalances gives, one per debt still owed, in journal order, with their
// posting dates and ages; claimCountOf counts them without making them.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadLedger } from "../../src/loader/load.js";
import { NO_LIABILITY, claimBalanceList, claimBalances, owedOn } from "../../src/claims/payments.js";
import { isPendingClaim } from "../../src/claims/claim.js";
import { isUnder } from "../../src/core/accounts.js";
import { Decimal } from "../../src/core/number.js";
import type { PlainTransaction } from "../../src/core/plain-transaction.js";
import { claimCountOf, claimRunOf, dayNumber, daysBetween, payablesReport } from "../../src/reports/payables.js";
import { BANK, CHART, LI, WANG, ZHANG, journal, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

const PAYABLES = [WANG, LI, ZHANG];
const VISIT = "Expenses:6602-管理费用:01-客户拜访";
const amountArb = fc.record({ units: fc.integer({ min: 1, max: 99_999_999 }), places: fc.integer({ min: 0, max: 4 }) })
  .map(({ units, places }) => (places === 0 ? String(units) : (units / 10 ** places).toFixed(places)));

describe("payablesReport's claim runs", () => {
  it("give the claims claimBalances owes on, lazily", () => {
    fc.assert(fc.property(
      fc.array(fc.record({
        payable: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 1, max: 9 }), amount: amountArb, currency: fc.constantFrom("CNY", "USD"),
        auto: fc.boolean(), split: fc.boolean(), cash: fc.boolean(), debit: fc.boolean(), posted: fc.option(fc.integer({ min: 1, max: 28 })),
      }), { minLength: 1, maxLength: 10 }),
      fc.array(fc.record({ day: fc.integer({ min: 10, max: 28 }), link: fc.integer({ min: 0, max: 9 }), payable: fc.integer({ min: 0, max: 2 }), amount: amountArb }), { maxLength: 4 }),
      fc.option(fc.integer({ min: 2, max: 28 })),
      (claims, payments, endDay) => {
        let text = CHART.replace(/no-negative: TRUE/g, "no-negative: FALSE").replace(new RegExp(`open ${BANK} CNY`), `open ${BANK}`);
        claims.forEach((claim, index) => {
          const day = String(claim.day).padStart(2, "0");
          const posted = claim.posted === null ? "" : `  posted-on: "2026-04-${String(claim.posted).padStart(2, "0")}"\n`;
          const payable = PAYABLES[claim.payable]!;
          // (Two postings to payables, or one without units: not a lone debt of a scaled integer read in place.)
          const credit = claim.cash ? `  ${BANK}  -${claim.amount} ${claim.currency}\n` : claim.debit ? `  ${payable}  1 ${claim.currency}\n  ${BANK}  -1 ${claim.currency}\n  ${BANK}  -${claim.amount} ${claim.currency}\n` : claim.split ? `  ${payable}  -${claim.amount} ${claim.currency}\n  ${PAYABLES[(claim.payable + 1) % 3]}  -1 ${claim.currency}\n  ${BANK}  1 ${claim.currency}\n`
            : claim.auto ? `  ${payable}\n` : `  ${payable}  -${claim.amount} ${claim.currency}\n`;
          text += `\n2026-03-${day} * "王伟" "客户拜访"\n  claim: "EC-${index}"\n${posted}  ${VISIT}  ${claim.amount} ${claim.currency}\n${credit}`;
        });
        for (const payment of payments) {
          text += `\n2026-03-${payment.day} * "工商银行" "报销款支付" ^EC-${payment.link}\n  ${PAYABLES[payment.payable]}  ${payment.amount} CNY\n  ${BANK}\n`;
        }
        const ledger = loadLedger(journal(text));
        const end = endDay === null ? null : `2026-03-${String(endDay).padStart(2, "0")}`;
        const query = { liabilitiesRoot: "Liabilities", end, asOf: end ?? "2026-12-31" };
        const report = payablesReport(ledger.entries, query);
        const balances = claimBalances(ledger.entries, query);
        // Every debt still owed, by (account, currency), in journal order.
        const expected = new Map<string, { id: string; date: string; postedOn: string; amount: string; paid: string; owed: string; age: number }[]>();
        for (const balance of balances.values()) {
          for (const debt of balance.debts) {
            if (owedOn(debt).isZero()) continue;
            const key = `${debt.account} ${debt.currency}`;
            if (!expected.has(key)) expected.set(key, []);
            expected.get(key)!.push({
              id: balance.id, date: balance.claim.date, postedOn: balance.postedOn, amount: debt.amount.toFixed(), paid: debt.paid.toFixed(),
              owed: owedOn(debt).toFixed(), age: Math.max(0, daysBetween(balance.postedOn, query.asOf)),
            });
          }
        }
        // The claim list's postings under the root as it knows them (accountBalances skips the others).
        const list = claimBalanceList(ledger.entries, query, undefined, true);
        for (let index = 0; index < list.size; index++) {
          const claim = list.claimAt(index);
          expect(ledger.entries[list.orderAt(index)]).toBe(claim);
          const under = claim.booked.flatMap((posting, at) => (isUnder(posting.account, "Liabilities") ? [at] : []));
          const known = list.liabilityPostingAt(index);
          if (known === NO_LIABILITY) expect(under).toEqual([]);
          else if (known >= 0) {
            expect(under.length).toBe(1);
            expect((claim as PlainTransaction).accountAt(known)).toBe(claim.booked[under[0]!]!.account);
          }
        }
        // Each employee's balance: what the books owe on the account and its subaccounts, in range, pending claims left out.
        for (const employee of report.employees) {
          let sum = new Decimal(0);
          for (const entry of ledger.entries) {
            if (entry.type !== "transaction" || (end !== null && entry.date >= end) || isPendingClaim(entry)) continue;
            for (const posting of entry.booked) {
              if (isUnder(posting.account, employee.account) && posting.units.currency === employee.currency) sum = sum.plus(posting.units.number);
            }
          }
          expect(employee.balance.toFixed()).toBe(sum.neg().toFixed());
        }
        expect(report.employees.map((employee) => `${employee.account} ${employee.currency}`).sort()).toEqual([...expected.keys()].sort());
        for (const employee of report.employees) {
          expect(claimRunOf(employee)).toBeDefined();
          expect(claimCountOf(employee)).toBe(expected.get(`${employee.account} ${employee.currency}`)!.length);
          expect(employee.claims.map((claim) => ({
            id: claim.id, date: claim.date, postedOn: claim.postedOn, amount: claim.amount.toFixed(), paid: claim.paid.toFixed(), owed: claim.owed.toFixed(), age: claim.age,
          }))).toEqual(expected.get(`${employee.account} ${employee.currency}`));
          // (Made once: the same claims when asked for again.)
          expect(employee.claims).toBe(employee.claims);
        }
      },
    ), { numRuns: 200 });
  });
});

describe("dayNumber", () => {
  it("differs as daysBetween counts, on any YYYY-MM-DD text it reads (NaN: daysBetween's turn)", () => {
    const dateArb = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([year, month, day]) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    fc.assert(fc.property(dateArb, dateArb, (from, to) => {
      const a = dayNumber(from);
      const b = dayNumber(to);
      const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
      expect(Number.isNaN(a)).toBe(year < 100 || month < 1 || month > 12);
      if (!Number.isNaN(a) && !Number.isNaN(b)) expect(b - a).toBe(daysBetween(from, to));
    }), { numRuns: 5000 });
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2026-03-01") - dayNumber("2026-02-28")).toBe(1);
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    for (const text of ["2026-1-01", "2026/01/01", "20260101", "2026-0a-01", "２０２６-01-01", ""]) expect(dayNumber(text)).toBeNaN();
  });
});
