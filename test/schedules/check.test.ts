// The "schedules" check run by `feeledger check`: overdue installments warn; installments that
// contradict their schedule, unreadable schedule metadata and inactive accounts are errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { ACCOUNTS, CRM, PREPAID, journal, prepaid, samplesCopy } from "./journal.js";

function check(file: string, today = "2026-12-15") {
  const run = runCli(["check", file], { FEELEDGER_TODAY: today });
  return { ...run, diagnostics: diagnosticLines(run.stderr) };
}

/** A linked installment as the writer writes it (amounts may be edited). */
function installment(date: string, id: string, expense: string, credit = `-${expense}`): string {
  return `${date} * "CRM 年度订阅 2026 摊销"\n  schedule: "${id}"\n  ${CRM}  ${expense} CNY\n  ${PREPAID}  ${credit} CNY\n`;
}

const SCHEDULE = prepaid("2026-01-05", "12000.00", 12, ['schedule-id: "zoho"']);
/** The line of the schedule's posting in journals built as ACCOUNTS + "\n" + SCHEDULE. */
const POSTING_LINE = ACCOUNTS.split("\n").length + 1;

describe("check: schedules", () => {
  it("passes the samples with overdue installments as warnings only", () => {
    const file = join(samplesCopy(), "customer-fees-2026.beancount");
    const run = check(file, "2026-04-10");
    expect(run.code).toBe(0);
    const overdue = run.diagnostics.filter((d) => /^Schedule /.test(d.message));
    const lineOf = (text: string) => readFileSync(file, "utf8").split("\n").findIndex((line) => line.startsWith(`  ${text}`)) + 1;
    expect(overdue.map((d) => [d.line, d.severity, d.message])).toEqual([
      [lineOf("Assets:1123-预付账款:CRM系统"), "warning", `Schedule "2026-01-05-CRM系统": 3 installments overdue (2026-01 to 2026-03); 'feeledger amortize ${file} --through 2026-03' writes them`],
      [lineOf("Assets:1701-无形资产:CRM实施"), "warning", `Schedule "2026-03-20-CRM实施": 1 installment overdue (2026-03); 'feeledger amortize ${file} --through 2026-03' writes it`],
    ]);
  });

  it("passes the real samples folder too", () => {
    expect(runCli(["check", "samples/customer-fees-2026.beancount"]).code).toBe(0);
    expect(runCli(["check", "samples/english.beancount"]).code).toBe(0);
  });

  it("counts overdue by the journal's last date when today is later", () => {
    const file = journal(`${ACCOUNTS}\n${SCHEDULE}\n2026-03-10 * "last entry"\n  ${CRM}  1.00 CNY\n  Assets:1002-银行存款  -1.00 CNY\n`);
    const late = check(file, "2030-01-01").diagnostics;
    expect(late.map((d) => d.message)).toEqual([`Schedule "zoho": 2 installments overdue (2026-01 to 2026-02); 'feeledger amortize ${file} --through 2026-02' writes them`]);
    const early = check(file, "2026-02-15").diagnostics;
    expect(early.map((d) => d.message)).toEqual([`Schedule "zoho": 1 installment overdue (2026-01); 'feeledger amortize ${file} --through 2026-01' writes it`]);
  });

  it("has nothing to say once the installments are written", () => {
    const file = join(samplesCopy(), "customer-fees-2026.beancount");
    expect(runCli(["amortize", file, "--through", "2026-12"]).code).toBe(0);
    const run = check(file, "2027-03-01");
    expect(run.code).toBe(0);
    expect(run.diagnostics.filter((d) => /[Ss]chedule/.test(d.message))).toEqual([]);
  });

  it("reports an installment edited to a different amount", () => {
    const file = journal(`${ACCOUNTS}\n${SCHEDULE}\n${installment("2026-01-31", "zoho", "1000.00")}\n${installment("2026-02-28", "zoho", "1200.00")}`);
    const run = check(file, "2026-03-01");
    expect(run.code).toBe(1);
    const errors = run.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(`Installment 2/12 of schedule "zoho" posts 1200.00 CNY to ${CRM}; the schedule gives 1000.00 CNY`);
    expect(errors[0]!.line).toBe(POSTING_LINE + 12);
  });

  it("reports installments beyond the months, a second one in a month, and a total exceeded", () => {
    const monthly = Array.from({ length: 12 }, (_, index) => installment(`2026-${String(index + 1).padStart(2, "0")}-28`, "zoho", "1000.00")).join("\n");
    const file = journal(`${ACCOUNTS}\n${SCHEDULE}\n${monthly}\n${installment("2027-01-31", "zoho", "1000.00")}\n${installment("2026-06-30", "zoho", "1000.00")}`);
    const run = check(file);
    expect(run.code).toBe(1);
    expect(run.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
      `Installments written for schedule "zoho" add up to 14000.00 CNY, more than its total 12000.00 CNY`,
      `Installment of schedule "zoho" dated 2027-01-31 is outside its 12 months (2026-01 to 2026-12)`,
      `Second installment of schedule "zoho" for 2026-06; it has one a month`,
    ]);
  });

  it("reports an installment naming no schedule", () => {
    const file = journal(`${ACCOUNTS}\n${SCHEDULE}\n${installment("2026-01-31", "zoh0", "1000.00")}`);
    const run = check(file, "2026-01-31");
    expect(run.code).toBe(1);
    expect(run.diagnostics.map((d) => [d.severity, d.message])).toEqual([["error", `No schedule has schedule-id "zoh0"`]]);
  });

  it("reports schedule metadata it cannot read, at its line", () => {
    const cases: [string[], string][] = [
      [["months: 0"], "A schedule needs 'months: N', a whole number of months from 1 to 1200"],
      [["months: 1.5"], "A schedule needs 'months: N', a whole number of months from 1 to 1200"],
      [["months: 12", 'start: "whenever"'], `'start' must be a date, "YYYY-MM", "this-month" or "next-month"`],
      [["months: 12", 'credit: "not an account"'], "'credit' must name an account"],
      [["months: 12", 'schedule-id: ""'], "'schedule-id' must be a non-empty string"],
    ];
    for (const [meta, message] of cases) {
      const text = `${ACCOUNTS}\n2026-01-05 * "x"\n  ${PREPAID}  1200.00 CNY\n    amortize: ${CRM}\n${meta.map((line) => `    ${line}\n`).join("")}  Assets:1002-银行存款\n`;
      const run = check(journal(text));
      expect(run.code, message).toBe(1);
      const line = text.split("\n").findIndex((l) => l.includes(meta[meta.length - 1]!.split(":")[0]! + ":")) + 1;
      expect(run.diagnostics.map((d) => [d.line, d.message])).toEqual([[line, message]]);
    }
    const noMonths = check(journal(`${ACCOUNTS}\n2026-01-05 * "x"\n  ${PREPAID}  1200.00 CNY\n    amortize: ${CRM}\n  Assets:1002-银行存款\n`));
    expect(noMonths.diagnostics.map((d) => d.message)).toEqual(["A schedule needs 'months: N', a whole number of months from 1 to 1200"]);
    // Installments of a schedule that cannot be read are not reported again as strays.
    const broken = check(journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "12000.00", 0, ['schedule-id: "zoho"'])}\n${installment("2026-01-31", "zoho", "1000.00")}`));
    expect(broken.diagnostics.map((d) => d.message)).toEqual(["A schedule needs 'months: N', a whole number of months from 1 to 1200"]);
  });

  it("reports two schedules with one schedule-id", () => {
    const run = check(journal(`${ACCOUNTS}\n${SCHEDULE}\n${SCHEDULE}`), "2026-01-01");
    expect(run.diagnostics.map((d) => d.message)).toEqual([`Another schedule already has schedule-id "zoho"`]);
  });

  it("reports accounts not open for the schedule's months", () => {
    const text = `${ACCOUNTS}\n2026-06-30 close Expenses:6602-管理费用:01-客户管理费:05-CRM系统费用\n\n${prepaid("2026-01-05", "1200.00", 12, ["credit: Assets:1702-累计摊销:Other"])}`;
    const run = check(journal(text), "2026-01-01");
    expect(run.code).toBe(1);
    expect(run.diagnostics.map((d) => d.message)).toEqual([
      `Schedule "2026-01-05-CRM系统" posts to ${CRM} until 2026-12-31, after it is closed (2026-06-30)`,
      `Schedule "2026-01-05-CRM系统" posts to Assets:1702-累计摊销:Other, which is never opened`,
    ]);
  });
});
