// The library under `amortize`: installment arithmetic, a no-op plan giving back the same bytes,
// and the refusal to write over a file changed since it was read.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { loadLedger } from "../../src/loader/load.js";
import { plannedInstallments } from "../../src/schedules/installments.js";
import type { Schedule } from "../../src/schedules/schedule.js";
import { scheduleStates } from "../../src/schedules/states.js";
import { planAmortization } from "../../src/edit/amortize.js";
import { applyEdits } from "../../src/edit/edits.js";
import { StaleFileError, planChanges, writeChanges } from "../../src/edit/write.js";
import { runCli } from "../helpers/cli.js";
import { ACCOUNTS, CRM, journal, prepaid, read } from "./journal.js";

function amounts(total: string, months: number, scale = 2, firstMonth = "2026-01"): string[] {
  const schedule = { total: new Decimal(total), months, scale, firstMonth } as Schedule;
  return plannedInstallments(schedule).map((installment) => installment.amount.toFixed(scale));
}

describe("installments", () => {
  it("round half up, the last taking the remainder", () => {
    expect(amounts("10000.00", 3)).toEqual(["3333.33", "3333.33", "3333.34"]);
    expect(amounts("1.00", 8)).toEqual([...Array(7).fill("0.13"), "0.09"]); // half even would give 0.12
    expect(amounts("-100.00", 3)).toEqual(["-33.33", "-33.33", "-33.34"]);
    expect(amounts("-0.05", 2)).toEqual(["-0.03", "-0.02"]); // symmetric: half away from zero
  });

  it("are dated the last day of each month, across years and leap days", () => {
    const schedule = { total: new Decimal("400.00"), months: 4, scale: 2, firstMonth: "2027-12" } as Schedule;
    expect(plannedInstallments(schedule).map((installment) => installment.date)).toEqual(["2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31"]);
  });

  it("keep the journal's usual cents when the schedule's amount is written without them", () => {
    const file = journal(`${ACCOUNTS}
2026-01-02 * "cents elsewhere"
  ${CRM}  1.00 CNY
  Assets:1002-银行存款  -1.00 CNY

2026-01-05 * "CRM"
  Assets:1123-预付账款:CRM系统  10000 CNY
    amortize: ${CRM}
    months: 3
  Liabilities:2202-应付账款:V01-Zoho
`);
    expect(runCli(["amortize", file, "--through", "2026-03"]).code).toBe(0);
    expect(read(file).match(/ (3333\.3\d) CNY/g)).toEqual([" 3333.33 CNY", " 3333.33 CNY", " 3333.34 CNY"]);
  });
});

describe("the writer", () => {
  it("plans no edit when nothing is due, and no edit gives back the exact bytes", () => {
    const text = `\ufeff${ACCOUNTS}\r\n${prepaid("2026-05-05", "1200.00", 12)}`;
    const file = journal(text);
    const ledger = loadLedger(file);
    const plan = planAmortization(scheduleStates(ledger).value, "2026-04", (name) => ledger.sources.get(name)!.text, null);
    expect(plan.edits).toEqual([]);
    expect(planChanges(plan.edits, (name) => ledger.sources.get(name)!.text)).toEqual([]);
    expect(applyEdits(text, plan.edits)).toBe(text);
  });

  it("refuses to write over a file that changed since it was read", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "1200.00", 12)}`);
    const ledger = loadLedger(file);
    const textOf = (name: string) => ledger.sources.get(name)!.text;
    const plan = planAmortization(scheduleStates(ledger).value, "2026-02", textOf, null);
    expect(plan.installments).toHaveLength(2);
    const changed = `${textOf(file)}; edited meanwhile\n`;
    writeFileSync(file, changed);
    expect(() => writeChanges(planChanges(plan.edits, textOf))).toThrow(StaleFileError);
    expect(read(file)).toBe(changed);
  });
});
