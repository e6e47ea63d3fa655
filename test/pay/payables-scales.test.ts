// `report payables` counts each commodity's usual places in the report's own pass over the entries
// (payablesReport(..., true)): the same scales, in the same order, as displayScales, and the same
// report as without them, with or without an end date.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadLedger } from "../../src/loader/load.js";
import { payablesReport } from "../../src/reports/payables.js";
import { displayScales } from "../../src/reports/display.js";
import { BANK, CHART, LI, WANG, ZHANG, journal, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

const PAYABLES = [WANG, LI, ZHANG];
const VISIT = "Expenses:6602-管理费用:01-客户拜访";
const amountArb = fc.record({ units: fc.integer({ min: 1, max: 99_999_999 }), places: fc.integer({ min: 0, max: 4 }) })
  .map(({ units, places }) => (places === 0 ? String(units) : (units / 10 ** places).toFixed(places)));

function same(entries: Parameters<typeof displayScales>[0], end: string | null): void {
  const query = { liabilitiesRoot: "Liabilities", end, asOf: end ?? "2026-12-31" };
  const counted = payablesReport(entries, query, true);
  expect([...counted.scales!]).toEqual([...displayScales(entries)]);
  const { scales: _scales, ...report } = counted;
  expect(report).toEqual(payablesReport(entries, query));
}

describe("payablesReport's scales", () => {
  it("are displayScales', on generated journals", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ payable: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 1, max: 28 }), amount: amountArb, currency: fc.constantFrom("CNY", "USD", "EUR"), auto: fc.boolean() }), { minLength: 1, maxLength: 10 }),
      fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), link: fc.integer({ min: 0, max: 9 }), payable: fc.integer({ min: 0, max: 2 }), amount: amountArb }), { maxLength: 4 }),
      fc.option(fc.integer({ min: 1, max: 28 })),
      (claims, payments, endDay) => {
        let text = CHART.replace(/no-negative: TRUE/g, "no-negative: FALSE").replace(new RegExp(`open ${BANK} CNY`), `open ${BANK}`);
        claims.forEach((claim, index) => {
          const day = String(claim.day).padStart(2, "0");
          const other = claim.auto ? `  ${PAYABLES[claim.payable]}\n` : `  ${PAYABLES[claim.payable]}  -${claim.amount} ${claim.currency}\n`;
          text += `\n2026-03-${day} * "王伟" "客户拜访"\n  claim: "EC-${index}"\n  ${VISIT}  ${claim.amount} ${claim.currency}\n${other}`;
        });
        for (const payment of payments) {
          const day = String(payment.day).padStart(2, "0");
          text += `\n2026-03-${day} * "工商银行" "报销款支付" ^EC-${payment.link}\n  ${PAYABLES[payment.payable]}  ${payment.amount} CNY\n  ${BANK}\n`;
        }
        text += `\n2026-03-29 balance ${BANK}  0.000 USD\n`;
        const ledger = loadLedger(journal(text));
        same(ledger.entries, endDay === null ? null : `2026-03-${String(endDay).padStart(2, "0")}`);
      },
    ), { numRuns: 150 });
  });

  it("are displayScales', on the samples", () => {
    const folder = join(import.meta.dirname, "../../samples");
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".beancount"))) {
      const ledger = loadLedger(join(folder, name));
      for (const end of [null, "2026-01-01", "2026-06-15", "2030-01-01"]) same(ledger.entries, end);
    }
  });
});
