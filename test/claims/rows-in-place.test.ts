// claimRows reads a claim's postings in place (compact transactions) in one pass: its charges,
// departments, customers, receipts and problems must be what the object-based definitions give.
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { booksWithClaims } from "../../src/claims/pending.js";
import { claimRows } from "../../src/claims/report.js";
import { claimCharges } from "../../src/claims/authority.js";
import { metaText, postingMetaText } from "../../src/claims/claim.js";
import { spanWithin } from "../../src/claims/place.js";
import { isUnder } from "../../src/core/accounts.js";

const SAMPLES = ["samples/customer-fees-2026.beancount", "samples/customers-2026.beancount", "samples/english-claims.beancount", "samples/english.beancount"];
const QUERY = { status: null, claimant: null, customer: null, begin: null, end: null };

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ""))];
}

describe("claimRows read in place", () => {
  for (const file of SAMPLES) {
    it(`agrees with the object-based definitions on ${file}`, () => {
      const ledger = loadLedger(file);
      const root = ledger.options.accountRoots.expenses;
      const rows = claimRows(booksWithClaims(ledger, "all"), root, ledger.diagnostics, QUERY);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const entry = row.entry;
        const expenses = entry.booked.filter((posting) => isUnder(posting.account, root));
        const byPosting = (key: string) => {
          const values = distinct(expenses.map((posting) => postingMetaText(entry, posting.source, key)));
          return values.length > 0 ? values : distinct([metaText(entry.meta, key)]);
        };
        expect(row.department).toBe(byPosting("department").join(", "));
        expect(row.customer).toBe(byPosting("customer").join(", "));
        const charges = claimCharges(entry, root);
        if (charges.size > 0) expect(row.amount.equals(charges.get(row.commodity)!)).toBe(true);
        else expect(row.amount.isZero()).toBe(true);
        expect(row.receipts).toBe(entry.postings.filter((posting) => metaText(posting.meta, "invoice") !== null || metaText(posting.meta, "receipt") !== null).length);
        expect(row.problems).toEqual(ledger.diagnostics.filter((d) => d.span !== null && spanWithin(d.span, entry.span)));
      }
    });
  }
});
