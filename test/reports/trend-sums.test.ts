// Grouped by account, the trend report reads the postings in place (accountCosts): the same years
// with data, the same costs to come, and the same sums, in the same order, as costPostings' posting
// objects summed per period (postingSums, which other groupings still use).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { costPostings } from "../../src/reports/grouping.js";
import { reportPeriods, shiftPeriod, yearsOf, intervalMonths, type Interval } from "../../src/reports/periods.js";
import { accountCosts, postingSums, type Sums } from "../../src/reports/trend.js";

const ACCOUNTS = ["Expenses", "Expenses:Fees", "Expenses:Fees:Gifts", "Expenses:Fees:Gifts:Big", "Expenses:Feesx:A", "Expenses:Travel:Air:Long", "Assets:Bank"];
const date = fc.tuple(fc.integer({ min: 2018, max: 2021 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const number = fc.oneof(
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 3 })).map(([n, scale]) => (n / 10 ** scale).toFixed(scale)),
  fc.constantFrom("98765432109876543.21", "-9007199254740991", "0.000000000000000000000000001", "-0.00"),
);
const posting = fc.tuple(fc.constantFrom(...ACCOUNTS), number, fc.constantFrom("CNY", "USD"), fc.boolean());
const transaction = fc.tuple(date, fc.array(posting, { minLength: 1, maxLength: 3 }), fc.boolean());

const plain = (sums: Map<string, Map<unknown, Sums>>) => [...sums].map(([commodity, byGroup]) => [commodity, [...byGroup].map(([group, s]) => [
  group, s.amounts.map(String), s.previous.toString(), s.yearAgo.toString()])]);

describe("accountCosts", () => {
  it("derives the years, the costs to come and the sums as costPostings' postings do", () => {
    const dir = mkdtempSync(join(tmpdir(), "trend-sums-"));
    fc.assert(fc.property(
      fc.array(transaction, { maxLength: 30 }), fc.constantFrom("Expenses", "Expenses:Fees", "Expenses:Travel"), fc.integer({ min: 1, max: 3 }),
      fc.constantFrom<Interval>("month", "quarter", "year"), fc.constantFrom(["2018-01-01", "2022-01-01"], ["2020-01-01", "2021-01-01"], ["2019-03-01", "2020-07-01"]),
      date,
      (transactions, root, depth, interval, [begin, end], today) => {
        const text = ACCOUNTS.map((account) => `2000-01-01 open ${account}`);
        transactions.forEach(([day, postings, priced], index) => {
          text.push(`${day} * "t${index}"`);
          for (const [account, units, currency, cost] of postings) text.push(`  ${account}  ${units} ${currency}${priced && cost ? " @ 2 EUR" : ""}`);
          text.push("  Assets:Bank");
        });
        const file = join(dir, "journal.beancount");
        writeFileSync(file, text.join("\n") + "\n");
        const entries = loadLedger(file).entries;
        const postings = costPostings(entries, { root, grouping: { kind: "account", depth } });
        const costs = accountCosts(entries, root, depth);
        expect([...costs.years].sort()).toEqual([...yearsOf(postings.map((p) => p.date))].sort());
        expect(costs.toCome(today, end!)).toBe(postings.some((p) => p.date > today && p.date < end!));
        const periods = reportPeriods(begin!, end!, interval, costs.years).periods;
        const latest = periods[periods.length - 1];
        if (latest === undefined) return;
        const previous = shiftPeriod(latest, interval, -intervalMonths(interval));
        const yearAgo = shiftPeriod(latest, interval, -12);
        expect(plain(costs.sums(periods, previous, yearAgo))).toEqual(plain(postingSums(postings, periods, previous, yearAgo)));
      },
    ), { numRuns: 150 });
  });
});
