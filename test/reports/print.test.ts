// `print` writes text that feeledger reads back to the same balances, and printing that text again
// changes nothing. (bean-check accepting the printed samples and fixtures was checked by hand with
// beancount 2.3.5; these tests need feeledger only.)
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { loadLedger } from "../../src/loader/load.js";
import { printJournal, printJournalTo } from "../../src/render/journal.js";
import { parseCsv } from "../helpers/csv.js";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "./samples.js";

const fixtures = new URL("../fixtures/", import.meta.url).pathname;

/** bal --flat of the books (what print writes), as exact numbers by account and commodity. */
function balances(file: string): Map<string, string> {
  const result = runCli(["bal", file, "--format", "csv"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const [, ...rows] = parseCsv(result.stdout);
  return new Map(rows.map(([account, commodity, amount]) => [`${account} ${commodity}`, new Decimal(amount!).toFixed()]));
}

/** Print `journal` to printed.beancount in a scratch folder (beside copies of what it refers to). */
function printBeside(journal: string, scratch: string): string {
  const printed = join(scratch, "printed.beancount");
  const result = runCli(["print", journal, "-o", printed]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return printed;
}

function expectRoundTrip(journal: string, scratch: string): void {
  const printed = printBeside(journal, scratch);
  expect(balances(printed)).toEqual(balances(journal));
  const again = runCli(["print", printed]);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(readFileSync(printed, "utf8"));
}

describe("print", () => {
  for (const sample of [CHINESE_SAMPLE, ENGLISH_SAMPLE]) {
    it(`${basename(sample)}: reads back to the same balances, and printing again changes nothing`, () => {
      const scratch = mkdtempSync(join(tmpdir(), "feeledger-print-"));
      // Document paths are written relative to the journal's folder: give the copy the same receipts.
      symlinkSync(join(dirname(sample), "receipts"), join(scratch, "receipts"));
      expectRoundTrip(sample, scratch);
      const check = runCli(["check", join(scratch, "printed.beancount")]);
      expect(check.code).toBe(0);
    });
  }

  it("writes the same text in pieces of any length (standard output takes it piece by piece)", () => {
    const ledger = loadLedger(CHINESE_SAMPLE);
    const source = { entries: ledger.entries, options: ledger.options.raw, mainFile: ledger.mainFile };
    const whole = printJournal(source);
    for (const pieceLength of [1, 7, 500, 1 << 30]) {
      const pieces: string[] = [];
      printJournalTo(source, (text) => pieces.push(text), pieceLength);
      if (pieceLength === 1) expect(pieces.length).toBeGreaterThan(10);
      if (pieceLength === 1 << 30) expect(pieces).toHaveLength(1);
      expect(pieces.join("")).toBe(whole);
    }
    expect(runCli(["print", CHINESE_SAMPLE]).stdout).toBe(whole);
  });

  it("merges includes and keeps the pad, not the entries it generates", () => {
    const text = runCli(["print", CHINESE_SAMPLE]).stdout;
    expect(text).not.toContain("include");
    expect(text).toContain("2026-01-01 open Assets:1001-库存现金 CNY\n  no-negative: TRUE");
    expect(text).toContain("2026-01-01 pad Assets:1002-银行存款:02-招商银行 Equity:4104-利润分配:01-未分配利润");
    expect(text).not.toMatch(/^\d{4}-\d{2}-\d{2} P /m);
    expect(text).toContain('2026-03-20 document Assets:1701-无形资产:CRM实施 "receipts/2026-03/crm-implementation-contract.pdf"');
  });

  it("aligns each transaction's numbers by display width: flagged postings, wide and narrow accounts, metadata", () => {
    const scratch = mkdtempSync(join(tmpdir(), "feeledger-print-align-"));
    const journal = join(scratch, "main.beancount");
    writeFileSync(journal, [
      "2026-01-01 open Assets:Bank",
      "2026-01-01 open Expenses:管理费用:客户管理费",
      "2026-01-01 open Expenses:Gifts",
      "",
      '2026-02-03 * "客户甲" "拜访" #visit ^EC-1',
      '  claim: "EC-1"',
      "  ! Expenses:管理费用:客户管理费  1,200.5 CNY",
      '    receipt: "r.pdf"',
      "  Expenses:Gifts   7 CNY",
      "  Assets:Bank",
      "",
    ].join("\n"));
    const result = runCli(["print", journal]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain([
      '2026-02-03 * "客户甲" "拜访" #visit ^EC-1',
      '  claim: "EC-1"',
      "  ! Expenses:管理费用:客户管理费   1200.5 CNY",
      '    receipt: "r.pdf"',
      "  Expenses:Gifts                        7 CNY",
      "  Assets:Bank                     -1207.5 CNY",
    ].join("\n"));
  });

  const differential = join(fixtures, "differential");
  const cases = existsSync(differential) ? readdirSync(differential).filter((name) => existsSync(join(differential, name, "main.beancount"))).sort() : [];
  it(`the ${cases.length} generated differential ledgers (costs, lots, prices, pads, Chinese names) read back alike`, () => {
    let checked = 0;
    for (const name of cases) {
      const scratch = mkdtempSync(join(tmpdir(), `feeledger-print-${name}-`));
      cpSync(join(differential, name), scratch, { recursive: true });
      const journal = join(scratch, "main.beancount");
      // A ledger with errors is not printed (as every report refuses it); those are the loader's concern.
      if (runCli(["bal", journal]).code !== 0) continue;
      expectRoundTrip(journal, scratch);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});
