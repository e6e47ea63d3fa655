// Grouped by account, the structure report sums the postings as it reads them in place, in one pass
// for both periods: the same sums, in the same order, as costPostings' posting objects summed per
// period.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costRoots, costTransactions, loadCostJournal } from "../helpers/cost-journals.js";
import { costPostings, type Group } from "../../src/reports/grouping.js";
import { structureSums, sumByGroup, type DateBounds, type StructureQuery } from "../../src/reports/structure.js";

/** The sums as they were made: costPostings, then per period (sumByGroup, which other groupings still use). */
function sumsBefore(postings: ReturnType<typeof costPostings>, range: DateBounds): [string, [Group, string, number][]][] {
  return [...sumByGroup(postings, range)].map(([commodity, byGroup]) => [commodity, [...byGroup].map(([group, sum]) => [group, sum.amount.toString(), sum.count])]);
}

const bounds = fc.constantFrom<DateBounds>(
  { begin: null, end: null }, { begin: "2020-01-01", end: "2021-01-01" }, { begin: "2019-06-01", end: null }, { begin: null, end: "2020-03-15" },
);

describe("structureSums", () => {
  it("sums by account as costPostings' postings summed per period", () => {
    const dir = mkdtempSync(join(tmpdir(), "structure-sums-"));
    fc.assert(fc.property(
      costTransactions(2019), bounds, fc.option(bounds), costRoots, fc.integer({ min: 1, max: 3 }),
      (transactions, range, compare, root, depth) => {
        const entries = loadCostJournal(dir, transactions);
        const selection = { root, grouping: { kind: "account" as const, depth } };
        const query: StructureQuery = { selection, ...range, top: null, compare };
        const postings = costPostings(entries, selection);
        const expected = [range, ...(compare === null ? [] : [compare])].map((bounds) => sumsBefore(postings, bounds));
        const actual = structureSums(entries, query).map((sums) => [...sums].map(([commodity, byGroup]) => [commodity, [...byGroup].map(([group, sum]) => [group, sum.amount.toString(), sum.count])]));
        expect(actual).toEqual(expected);
      },
    ), { numRuns: 150 });
  });
});
