// payment-check.ts checks a payment appended after every pad and balance assertion of a journal
// without pads by checking accounts, currencies and balance for the payment alone (the domain
// checks still over every entry): the errors must be the ones, in the order, that every stage over
// every entry gives.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadLedger } from "../../src/loader/load.js";
import { planPayment } from "../../src/claims/payment-plan.js";
import { errorsAfterPayment } from "../../src/claims/payment-check.js";
import { paymentLines } from "../../src/edit/pay.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { BANK, CASH, LI, LI_ADVANCE, VISIT, WANG, WANG_ADVANCE, postedClaim, removeTemporaryFolders, temporaryFolder } from "./journal.js";

afterAll(removeTemporaryFolders);

const DATE = "2026-03-20";

const scenario = fc.record({
  bankCurrencies: fc.constantFrom("", " CNY"),
  noNegative: fc.boolean(),
  capital: fc.constantFrom("10000.00", "50.00", "0.10"),
  claims: fc.array(fc.record({
    payable: fc.constantFrom(WANG, LI),
    amount: fc.constantFrom("120.00", "80.50", "3.3"),
    currency: fc.constantFrom("CNY", "CNY", "USD"),
    date: fc.constantFrom("2026-03-02", "2026-03-05", "2026-03-20"),
  }), { minLength: 1, maxLength: 3 }),
  closeWang: fc.constantFrom(null, "2026-03-10", "2026-03-25"),
  advance: fc.constantFrom(null, "30.00", "500.00"),
  balances: fc.array(fc.record({
    date: fc.constantFrom("2026-03-03", "2026-03-20", "2026-03-20", "2026-03-21", "2026-04-01"),
    account: fc.constantFrom(BANK, CASH, "Assets"),
    right: fc.boolean(),
  }), { maxLength: 2 }),
  pad: fc.constantFrom(false, false, false, true),
  raw: fc.constantFrom(false, false, false, true),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function journalText(s: Scenario): string {
  const bank = Number(s.capital);
  const lines = [
    `option "operating_currency" "CNY"`,
    s.raw ? `option "plugin_processing_mode" "raw"` : "",
    `2026-01-01 open ${CASH}`,
    `2026-01-01 open ${BANK}${s.bankCurrencies}`,
    s.noNegative ? "  no-negative: TRUE" : "",
    `2026-01-01 open ${WANG_ADVANCE}`,
    `2026-01-01 open ${LI_ADVANCE}`,
    `2026-01-01 open ${WANG}`,
    `  employee: "王伟"`,
    `2026-01-01 open ${LI}`,
    `  employee: "李娜"`,
    `2026-01-01 open ${VISIT}`,
    `2026-01-01 open Equity:4001-实收资本`,
    s.pad ? "2026-01-01 open Equity:Opening" : "",
    "",
    `2026-01-02 * "股东" "实收资本"`,
    `  ${BANK}  ${s.capital} CNY`,
    `  ${CASH}  500.00 CNY`,
    `  Equity:4001-实收资本`,
    "",
  ];
  if (s.closeWang !== null) lines.push(`${s.closeWang} close ${WANG}`, "");
  if (s.advance !== null) lines.push(`2026-03-01 * "预借差旅费"`, `  ${WANG_ADVANCE}  ${s.advance} CNY`, `  ${CASH}`, "");
  if (s.pad) lines.push(`2026-01-03 pad ${CASH} Equity:Opening`, `2026-01-04 balance ${CASH}  600.00 CNY`, "");
  let text = lines.filter((line, index) => line !== "" || lines[index - 1] !== "").join("\n");
  s.claims.forEach((claim, index) => {
    text += postedClaim(`EC-2026-${String(index + 1).padStart(3, "0")}`, claim.date, claim.payable, claim.amount).replace(`${claim.amount} CNY`, `${claim.amount} ${claim.currency}`);
  });
  for (const balance of s.balances) {
    // Right before the payment: what the journal has then (the cash less an advance, all before the 3rd).
    const cash = 500 + (s.pad ? 100 : 0) - (s.advance === null ? 0 : Number(s.advance));
    const amount = balance.account === BANK ? bank : balance.account === CASH ? cash : bank + cash + (s.advance === null ? 0 : Number(s.advance));
    text += `\n${balance.date} balance ${balance.account}  ${(balance.right ? amount : amount + 1).toFixed(2)} CNY\n`;
  }
  return text;
}

const shown = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, severity: d.severity, span: d.span, message: d.message }));

describe("errorsAfterPayment", () => {
  it("finds, when the payment comes after every assertion of a journal without pads, the errors of every stage over every entry", () => {
    let compared = 0;
    // (Of those, the ones checked the quick way that have errors: the condition onlyThePayment tests.)
    let quickWithErrors = 0;
    fc.assert(fc.property(scenario, (s) => {
      const file = join(temporaryFolder(), "main.beancount");
      const text = journalText(s);
      writeFileSync(file, text);
      const ledger = loadLedger(file, { keepText: true });
      if (ledger.diagnostics.some((d) => d.severity === "error")) return;
      const planned = planPayment(ledger, { claims: "all", from: BANK, date: DATE, offset: true, bankFile: false });
      if (planned.kind !== "plan") return;
      const entry = paymentLines(planned.plan, 50, () => 2, false).join("\n");
      const line = text.split("\n").length + 2;
      const context = { today: "2027-01-15" };
      const quick = errorsAfterPayment(ledger, planned.plan, file, entry, line, context);
      const whole = errorsAfterPayment(ledger, planned.plan, file, entry, line, context, true);
      expect(shown(quick.errors), text).toEqual(shown(whole.errors));
      compared++;
      if (whole.errors.length > 0 && !s.raw && !s.pad && s.balances.every((balance) => balance.date <= DATE)) quickWithErrors++;
    }), { numRuns: 400 });
    expect(compared).toBeGreaterThan(100);
    expect(quickWithErrors).toBeGreaterThan(20);
  });
});
