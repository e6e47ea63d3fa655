// Grouped by account, the trend report reads the postings in place (accountCosts): the same years
// with data, the same costs to come, and the same sums, in the same order, as costPostings' posting
// objects summed per period (postingSums, which other groupings still use).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costRoots, costTransactions, dateFrom, loadCostJournal } from "../helpers/cost-journals.js";
import { costPostings } from "../../src/reports/grouping.js";
import { reportPeriods, shiftPeriod, yearsOf, intervalMonths, type Interval } from "../../src/reports/periods.js";
import { accountCosts, postingSums, type Sums } from "../../src/reports/trend.js";

const plain = (sums: Map<string, Map<unknown, Sums>>) => [...sums].map(([commodity, byGroup]) => [commodity, [...byGroup].map(([group, s]) => [
  group, s.amounts.map(String), s.previous.toString(), s.yearAgo.toString()])]);

describe("accountCosts", () => {
  it("derives the years, the costs to come and the sums as costPostings' postings do", () => {
    const dir = mkdtempSync(join(tmpdir(), "trend-sums-"));
    fc.assert(fc.property(
      costTransactions(2018), costRoots, fc.integer({ min: 1, max: 3 }),
      fc.constantFrom<Interval>("month", "quarter", "year"), fc.constantFrom(["2018-01-01", "2022-01-01"], ["2020-01-01", "2021-01-01"], ["2019-03-01", "2020-07-01"]),
      dateFrom(2018),
      (transactions, root, depth, interval, [begin, end], today) => {
        const entries = loadCostJournal(dir, transactions);
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
