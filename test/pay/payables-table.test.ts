// `report payables` draws its table straight from the report (writePayablesTable): the same text,
// to the byte, as the sheet's table (writeSheet of payablesSheet), on journals of claims in several
// commodities, partly paid, with amounts of more than two places, at any width, in both languages.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadLedger } from "../../src/loader/load.js";
import { payablesReport, payablesSheet } from "../../src/reports/payables.js";
import { writePayablesTable } from "../../src/reports/payables-table.js";
import { displayScales } from "../../src/reports/display.js";
import { writeSheet } from "../../src/render/sheet.js";
import { BANK, CHART, LI, WANG, ZHANG, journal, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

const PAYABLES = [WANG, LI, ZHANG, "Liabilities:2241-其他应付款:E09"];
const VISIT = "Expenses:6602-管理费用:01-客户拜访";
const amountArb = fc.record({ units: fc.integer({ min: 1, max: 99_999_999 }), places: fc.integer({ min: 0, max: 4 }) })
  .map(({ units, places }) => (places === 0 ? String(units) : (units / 10 ** places).toFixed(places)));
const claimArb = fc.record({
  payable: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 1, max: 9 }), amount: amountArb, currency: fc.constantFrom("CNY", "CNY", "USD"),
  claimant: fc.constantFrom("王伟", "Bob", ""),
});
const paymentArb = fc.record({
  day: fc.integer({ min: 10, max: 28 }), links: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 0, maxLength: 3 }),
  payable: fc.integer({ min: 0, max: 3 }), amount: amountArb, currency: fc.constantFrom("CNY", "USD"),
});

interface ClaimCase { payable: number; day: number; amount: string; currency: string; claimant: string }
interface PaymentCase { day: number; links: number[]; payable: number; amount: string; currency: string }

function text(claims: readonly ClaimCase[], payments: readonly PaymentCase[]): string {
  let result = CHART.replace(/no-negative: TRUE/g, "no-negative: FALSE").replace(new RegExp(`open ${BANK} CNY`), `open ${BANK}`)
    + `2026-01-01 open ${PAYABLES[3]}\n`;
  claims.forEach((claim, index) => {
    result += `\n2026-03-0${claim.day} * "${claim.claimant}" "客户拜访"\n  claim: "EC-${index}"\n  claimant: "${claim.claimant}"\n  ${VISIT}  ${claim.amount} ${claim.currency}\n  ${PAYABLES[claim.payable]}\n`;
  });
  for (const payment of payments) {
    const links = [...new Set(payment.links)].map((index) => ` ^EC-${index}`).join("");
    result += `\n2026-03-${payment.day} * "工商银行" "报销款支付"${links}\n  ${PAYABLES[payment.payable]}  ${payment.amount} ${payment.currency}\n  ${BANK}\n`;
  }
  return result;
}

describe("the payables table", () => {
  it("is the sheet's table, to the byte", () => {
    fc.assert(fc.property(
      fc.array(claimArb, { minLength: 1, maxLength: 8 }), fc.array(paymentArb, { maxLength: 5 }),
      fc.constantFrom("en" as const, "zh" as const), fc.constantFrom(30, 60, 80, 200), fc.boolean(), fc.option(fc.integer({ min: 2, max: 28 })),
      (claims, payments, lang, width, color, endDay) => {
        const ledger = loadLedger(journal(text(claims, payments)));
        expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const end = endDay === null ? null : `2026-03-${String(endDay).padStart(2, "0")}`;
        const report = payablesReport(ledger.entries, { liabilitiesRoot: "Liabilities", end, asOf: end ?? "2026-12-31" });
        if (report.employees.length === 0) return;
        const scales = displayScales(ledger.entries);
        const style = { format: "table" as const, lang, width, color, bom: false };
        let expected = "";
        writeSheet(payablesSheet(report, scales), style, (piece) => { expected += piece; });
        let drawn = "";
        writePayablesTable(report, scales, style, (piece) => { drawn += piece; });
        expect(drawn).toBe(expected);
      },
    ), { numRuns: 200 });
  });
});
