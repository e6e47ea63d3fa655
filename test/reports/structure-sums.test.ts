// Grouped by account, the structure report sums the postings as it reads them in place, in one pass
// for both periods: the same sums, in the same order, as costPostings' posting objects summed per
// period.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { costPostings, type Group } from "../../src/reports/grouping.js";
import { structureSums, sumByGroup, type DateBounds, type StructureQuery } from "../../src/reports/structure.js";

/** The sums as they were made: costPostings, then per period (sumByGroup, which other groupings still use). */
function sumsBefore(postings: ReturnType<typeof costPostings>, range: DateBounds): [string, [Group, string, number][]][] {
  return [...sumByGroup(postings, range)].map(([commodity, byGroup]) => [commodity, [...byGroup].map(([group, sum]) => [group, sum.amount.toString(), sum.count])]);
}

const ACCOUNTS = ["Expenses", "Expenses:Fees", "Expenses:Fees:Gifts", "Expenses:Fees:Gifts:Big", "Expenses:Feesx:A", "Expenses:Travel:Air:Long", "Assets:Bank"];
const date = fc.tuple(fc.integer({ min: 2019, max: 2021 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const number = fc.oneof(
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 3 })).map(([n, scale]) => (n / 10 ** scale).toFixed(scale)),
  fc.constantFrom("98765432109876543.21", "-9007199254740991", "0.000000000000000000000000001", "-0.00"),
);
const posting = fc.tuple(fc.constantFrom(...ACCOUNTS), number, fc.constantFrom("CNY", "USD"), fc.boolean());
const transaction = fc.tuple(date, fc.array(posting, { minLength: 1, maxLength: 3 }), fc.boolean());
const bounds = fc.constantFrom<DateBounds>(
  { begin: null, end: null }, { begin: "2020-01-01", end: "2021-01-01" }, { begin: "2019-06-01", end: null }, { begin: null, end: "2020-03-15" },
);

describe("structureSums", () => {
  it("sums by account as costPostings' postings summed per period", () => {
    const dir = mkdtempSync(join(tmpdir(), "structure-sums-"));
    fc.assert(fc.property(
      fc.array(transaction, { maxLength: 30 }), bounds, fc.option(bounds), fc.constantFrom("Expenses", "Expenses:Fees", "Expenses:Travel"), fc.integer({ min: 1, max: 3 }),
      (transactions, range, compare, root, depth) => {
        const text = ACCOUNTS.map((account) => `2000-01-01 open ${account}`);
        transactions.forEach(([day, postings, priced], index) => {
          text.push(`${day} * "t${index}"`);
          for (const [account, units, currency, cost] of postings) text.push(`  ${account}  ${units} ${currency}${priced && cost ? " @ 2 EUR" : ""}`);
          text.push("  Assets:Bank");
        });
        const file = join(dir, "journal.beancount");
        writeFileSync(file, text.join("\n") + "\n");
        const entries = loadLedger(file).entries;
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
