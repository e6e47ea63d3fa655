// The ledger engine's commands through the real CLI: check and bal, their flags, and the
// extensions beyond beancount (Unicode names, Chinese roots, --beancount warnings).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";

function journal(text: string, name = "main.beancount"): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-engine-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const UNICODE = `option "name_assets" "资产"
option "name_expenses" "费用"
2026-01-01 open 资产:银行存款:工商银行 CNY
2026-01-01 open 费用:客户管理费:客户拜访
2026-01-05 * "王伟" "拜访客户" #客户 ^报销-1
  客户: "ACME"
  费用:客户管理费:客户拜访   553.00 CNY
  资产:银行存款:工商银行    -553.00 CNY
`;

describe("check", () => {
  it("accepts Chinese roots, components, tags, links and keys", () => {
    const result = runCli(["check", journal(UNICODE)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const balance = runCli(["bal", journal(UNICODE), "--format", "csv"]);
    expect(parseCsv(balance.stdout)).toEqual([
      ["account", "commodity", "amount"],
      // Chart order: the journal names 资产 its assets root, so it comes before 费用 (expenses).
      ["资产:银行存款:工商银行", "CNY", "-553.00"],
      ["费用:客户管理费:客户拜访", "CNY", "553.00"],
    ]);
  });

  it("--beancount warns wherever bean-check would reject, and still exits 0", () => {
    const result = runCli(["check", "--beancount", journal(UNICODE)]);
    expect(result.code).toBe(0);
    const messages = diagnosticLines(result.stderr).map((d) => `${d.line} ${d.severity} ${d.message}`);
    expect(messages.some((m) => m.startsWith("3 warning") && m.includes("资产"))).toBe(true);
    expect(messages.some((m) => m.includes("tag '#客户'"))).toBe(true);
    expect(messages.some((m) => m.includes("link '^报销-1'"))).toBe(true);
    expect(messages.some((m) => m.includes("metadata key '客户'"))).toBe(true);
  });

  it("reports a missing file and an unknown option as usage errors (exit 2)", () => {
    expect(runCli(["check", "no-such-file.beancount"]).code).toBe(2);
    const unknown = runCli(["check", "--frobnicate", journal(UNICODE)]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option");
  });

  it("finds the journal through -f and FEELEDGER_FILE", () => {
    const file = journal(UNICODE);
    expect(runCli(["-f", file, "check"]).code).toBe(0);
    expect(runCli(["check"], { FEELEDGER_FILE: file }).code).toBe(0);
    expect(runCli(["check"]).code).toBe(2);
  });

  it("follows includes and globs, and reports cycles and missing files on the include line", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-include-"));
    mkdirSync(join(dir, "parts"));
    writeFileSync(join(dir, "main.beancount"), 'include "parts/*.beancount"\ninclude "missing.beancount"\n2026-01-01 open Assets:Cash\n');
    writeFileSync(join(dir, "parts", "a.beancount"), '2026-01-01 open Expenses:Food\ninclude "../main.beancount"\n');
    writeFileSync(join(dir, "parts", "b.beancount"), '2026-01-02 * "x"\n  Expenses:Food  1 USD\n  Assets:Cash\n');
    const result = runCli(["check", join(dir, "main.beancount")]);
    expect(result.code).toBe(1);
    const problems = diagnosticLines(result.stderr);
    expect(problems.find((p) => p.message.startsWith("Include cycle"))).toMatchObject({ line: 2 });
    expect(problems.find((p) => p.message.includes("does not exist"))).toMatchObject({ line: 2 });
    const balance = runCli(["bal", join(dir, "parts", "b.beancount")]);
    expect(balance.code).toBe(1); // unknown accounts on their own
  });

  it("never prints a stack trace, whatever the input", () => {
    const result = runCli(["check", journal("2026-01-01 open Assets:A\n\u0000\u0001 {{{ \"unterminated\n")]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("bal", () => {
  const LEDGER = `2026-01-01 open Assets:Bank:Checking
2026-01-01 open Assets:Broker
2026-01-01 open Expenses:Fees:Visits
2026-01-01 open Expenses:Fees:Gifts
2026-01-01 open Equity:Opening
2026-01-02 * "open"
  Assets:Bank:Checking   1,000.00 USD
  Equity:Opening
2026-02-03 * "visit"
  Expenses:Fees:Visits   120.50 USD
  Assets:Bank:Checking
2026-03-04 * "gift"
  Expenses:Fees:Gifts    79.50 USD
  Assets:Bank:Checking
2026-03-05 * "buy"
  Assets:Broker   10 ABC {20.00 USD}
  Assets:Bank:Checking
`;
  const csv = (...args: string[]) => parseCsv(runCli(["bal", journal(LEDGER), ...args, "--format", "csv"]).stdout).slice(1);

  it("flat by default, with patterns", () => {
    expect(csv("fees")).toEqual([
      ["Expenses:Fees:Gifts", "USD", "79.50"],
      ["Expenses:Fees:Visits", "USD", "120.50"],
    ]);
  });
  it("--tree rolls up, --depth aggregates", () => {
    expect(csv("--tree", "Expenses")).toEqual([
      ["Expenses", "USD", "200.00"],
      ["Expenses:Fees", "USD", "200.00"],
      ["Expenses:Fees:Gifts", "USD", "79.50"],
      ["Expenses:Fees:Visits", "USD", "120.50"],
    ]);
    expect(csv("--depth", "1")).toEqual([
      ["Assets", "ABC", "10"],
      ["Assets", "USD", "600.00"],
      ["Equity", "USD", "-1000.00"],
      ["Expenses", "USD", "200.00"],
    ]);
  });
  it("-b and -e select dates (end exclusive)", () => {
    expect(csv("-b", "2026-02-01", "-e", "2026-03-04", "Expenses")).toEqual([["Expenses:Fees:Visits", "USD", "120.50"]]);
  });
  it("--cost values lots at cost", () => {
    expect(csv("--cost", "Broker")).toEqual([["Assets:Broker", "USD", "200.00"]]);
    expect(csv("Broker")).toEqual([["Assets:Broker", "ABC", "10"]]);
  });
  it("JSON has amounts as strings", () => {
    const json = JSON.parse(runCli(["bal", journal(LEDGER), "Visits", "--format", "json"]).stdout);
    expect(json.rows).toEqual([{ account: "Expenses:Fees:Visits", commodity: "USD", amount: "120.50" }]);
  });
  it("rejects a bad pattern, depth or date with exit 2", () => {
    expect(runCli(["bal", journal(LEDGER), "("]).code).toBe(2);
    expect(runCli(["bal", journal(LEDGER), "--depth", "0"]).code).toBe(2);
    expect(runCli(["bal", journal(LEDGER), "-b", "2026-13-01"]).code).toBe(2);
  });
});
