// `report payables` adds each employee's claims as scaled integers (scaledOf) while they are exact,
// else as Decimals claim by claim: either way the same figures as adding the claims' Decimals.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/core/number.js";
import { loadLedger } from "../../src/loader/load.js";
import { payablesReport, payablesSheet, scaledOf } from "../../src/reports/payables.js";
import { displayScales } from "../../src/reports/display.js";
import { BANK, CHART, LI, WANG, ZHANG, journal, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

const PAYABLES = [WANG, LI, ZHANG];
const VISIT = "Expenses:6602-管理费用:01-客户拜访";

/** Decimal text: up to 20 digits, up to 6 places. */
const numberArb = fc.record({
  digits: fc.stringMatching(/^[0-9]{1,20}$/),
  places: fc.integer({ min: 0, max: 6 }),
  negative: fc.boolean(),
}).map(({ digits, places, negative }) => {
  const padded = digits.padStart(places + 1, "0");
  const text = places === 0 ? padded : `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
  return negative ? `-${text}` : text;
});

describe("scaledOf", () => {
  it("is the value times 10^scale when that is a safe integer, else NaN", () => {
    fc.assert(fc.property(numberArb, fc.integer({ min: 0, max: 15 }), (text, scale) => {
      const value = new Decimal(text);
      const times = value.times(new Decimal(10).pow(scale));
      const expected = times.isInteger() && times.abs().lessThanOrEqualTo(Number.MAX_SAFE_INTEGER) ? times.toNumber() + 0 : Number.NaN;
      const got = scaledOf(value, scale);
      expect(got + 0).toBe(expected);
    }), { numRuns: 2000 });
  });

  it("reads zero, small fractions and values of several words", () => {
    expect(scaledOf(new Decimal(0), 2)).toBe(0);
    expect(scaledOf(new Decimal("0.001"), 2)).toBeNaN();
    expect(scaledOf(new Decimal("0.001"), 3)).toBe(1);
    expect(scaledOf(new Decimal("1.5"), 2)).toBe(150);
    expect(scaledOf(new Decimal("-12345678.90"), 2)).toBe(-1234567890);
    expect(scaledOf(new Decimal("90071992547409.91"), 2)).toBe(9007199254740991);
    expect(scaledOf(new Decimal("90071992547409.92"), 2)).toBeNaN();
    expect(scaledOf(new Decimal("1e20"), 0)).toBeNaN();
    expect(scaledOf(new Decimal("5"), 16)).toBeNaN();
  });
});

const claimArb = fc.record({ payable: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 1, max: 9 }), amount: numberArb.filter((text) => !text.startsWith("-") && !/^[0.]*$/.test(text)) });
const paymentArb = fc.record({
  day: fc.integer({ min: 10, max: 28 }),
  links: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }),
  payable: fc.integer({ min: 0, max: 2 }),
  amount: numberArb.filter((text) => !text.startsWith("-") && !/^[0.]*$/.test(text)),
});

function text(claims: { payable: number; day: number; amount: string }[], payments: { day: number; links: number[]; payable: number; amount: string }[]): string {
  let result = CHART;
  claims.forEach((claim, index) => {
    result += `\n2026-03-0${claim.day} * "王伟" "客户拜访"\n  claim: "EC-${index}"\n  ${VISIT}  ${claim.amount} CNY\n  ${PAYABLES[claim.payable]}\n`;
  });
  for (const payment of payments) {
    const links = [...new Set(payment.links)].map((index) => ` ^EC-${index}`).join("");
    result += `\n2026-03-${payment.day} * "工商银行" "报销款支付"${links}\n  ${PAYABLES[payment.payable]}  ${payment.amount} CNY\n  ${BANK}\n`;
  }
  return result.replace(/no-negative: TRUE/g, "no-negative: FALSE");
}

const decimalSum = (values: readonly Decimal[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));

describe("payables sums", () => {
  it("are the claims' Decimal sums, claim by claim, whatever their places and sizes", () => {
    fc.assert(fc.property(fc.array(claimArb, { minLength: 1, maxLength: 8 }), fc.array(paymentArb, { maxLength: 5 }), (claims, payments) => {
      const ledger = loadLedger(journal(text(claims, payments)));
      expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const report = payablesReport(ledger.entries, { liabilitiesRoot: "Liabilities", end: null, asOf: "2026-12-31" });
      for (const employee of report.employees) {
        for (const [part, sum] of [["amount", employee.amount], ["paid", employee.paid], ["owed", employee.owed]] as const) {
          const expected = decimalSum(employee.claims.map((claim) => claim[part]));
          expect(sum.equals(expected), `${part}: ${sum.toFixed()} vs ${expected.toFixed()}`).toBe(true);
        }
      }
      // The sheet's rows, collected, hold a row per claim and a subtotal per employee.
      const sheet = payablesSheet(report, displayScales(ledger.entries));
      expect(sheet.rows.length).toBe(report.employees.reduce((count, employee) => count + employee.claims.length + 1, 0));
    }), { numRuns: 150 });
  });
});
