// audit as a command: the planted cases of samples/customers-2026.beancount each found, errors of
// the journal listed first, --strict, --rule, thresholds written wrongly.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { expectGolden } from "../reports/samples.js";
import { writeJournal } from "../customers/journal.js";

const root = new URL("../../", import.meta.url).pathname;
const SAMPLE = join(root, "samples", "customers-2026.beancount");

describe("audit", () => {
  it("finds each case planted in the samples, sorted by severity then date", () => {
    const result = runCli(["audit", SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const planted = result.stdout.split("\n").filter((line) => line.includes("customers-2026.beancount:")).map((line) => line.split(": ").slice(0, 4).join(": ").replace(/^.*samples\//, ""));
    expect(planted).toEqual([
      "customers-2026.beancount:68:1: high: split-claim: EC-2026-906",
      "customers-2026.beancount:94:1: high: fapiao-after-claim: EC-2026-905",
      "customers-2026.beancount:30:1: medium: holiday: EC-2026-901",
      "customers-2026.beancount:68:1: medium: invoice-sequence: EC-2026-906",
      "customers-2026.beancount:81:1: low: weekend: EC-2026-904",
    ]);
  });

  it("golden: table and CSV of the samples", () => {
    // Locations name the files as loaded: cut the checkout's own path off. (Finding lines are not a
    // table, so not .txt: tables are held to 100 columns.)
    expectGolden("audit-findings.log", runCli(["audit", SAMPLE]).stdout.replaceAll(root, ""));
    expectGolden("audit-q4.csv", runCli(["audit", SAMPLE, "-p", "2026Q4", "--format", "csv"]).stdout.replaceAll(root, ""));
  });

  it("runs on a journal with errors, listing them first; --strict exits 1 when it finds anything", () => {
    const file = writeJournal(`
2026-01-01 open Expenses:Fees:Visits CNY
2026-01-01 open Liabilities:Payable CNY
2026-01-01 custom "feeledger-option" "report-root" "Expenses:Fees"
2026-01-01 custom "audit-rule" "split-claim"
2026-03-07 * "王伟" "周六拜访"
  claim: "A"
  claimant: "王伟"
  Expenses:Fees:Visits   50.00 CNY
  Liabilities:Payable   -40.00 CNY
`);
    const result = runCli(["audit", file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/:6:1: error: .*\n.*:5:1: error: unknown audit rule "split-claim"|:5:1: error: unknown audit rule "split-claim"/);
    expect(result.stderr).toContain("in the journal; the audit covers what could be read");
    expect(result.stdout).toContain(": low: weekend: A: dated 2026-03-07, a Saturday");
    expect(runCli(["audit", file, "--strict"]).code).toBe(1);
    expect(runCli(["audit", file, "--strict", "--rule", "gift-cap"]).code).toBe(0);
    expect(runCli(["audit", file, "--rule", "nonsense"]).code).toBe(2);
  });

  it("reports a threshold of the wrong kind at its line and keeps the default", () => {
    const file = writeJournal(`
2026-01-01 custom "audit-rule" "split-claims"
  days: "seven"
  hours: 3
`);
    const result = runCli(["audit", file]);
    expect(result.stderr).toContain(':3:3: error: "days" of audit rule "split-claims" takes a number, not negative');
    expect(result.stderr).toContain(':4:3: error: audit rule "split-claims" has no setting "hours" (it has: enabled, days)');
    expect(result.stdout).toBe("No findings.\n");
  });
});
