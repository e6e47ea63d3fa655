// Accounts as the journal names them: a journal whose roots and earnings accounts are Chinese
// (beancount's name_* and account_*_earnings options) gets a balance sheet in those names, the
// same accounts and balances as beancount's (frozen by scripts/freeze-i18n-fixtures.py).
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { runCli } from "../helpers/cli.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "i18n");
const JOURNAL = join(FIXTURES, "chinese-roots.beancount");
const BEANCOUNT = JSON.parse(readFileSync(join(FIXTURES, "chinese-roots.json"), "utf8")) as {
  current_earnings: string; previous_earnings: string; balances: Record<string, string>;
};

describe("a journal that names its roots in Chinese", () => {
  it("has the balance sheet beancount has, earnings under the journal's own names", () => {
    const result = runCli(["bs", JOURNAL, "-b", "2026-03-01", "--format", "json"]);
    expect(result.code).toBe(0);
    const rows = (JSON.parse(result.stdout) as { rows: { section: string; account: string; amount: string; commodity: string }[] }).rows;
    const shown = Object.fromEntries(rows.map((row) => {
      // beancount keeps the sign of the books; the statement shows liabilities and equity positive.
      const amount = row.section === "Assets" ? new Decimal(row.amount) : new Decimal(row.amount).negated();
      return [row.account, `${amount.toFixed(2)} ${row.commodity}`];
    }));
    expect(shown).toEqual(BEANCOUNT.balances);
    expect(Object.keys(shown)).toContain(BEANCOUNT.current_earnings);
    expect(Object.keys(shown)).toContain(BEANCOUNT.previous_earnings);
  });

  it("shows 权益:本年利润 in the Chinese 资产负债表 and nothing English", () => {
    const result = runCli(["bs", JOURNAL, "--lang", "zh"]);
    expect(result.stdout).toContain("资产负债表");
    expect(result.stdout).toMatch(/权益:本年利润 +3,800\.00 +CNY/);
    expect(result.stdout.replaceAll("CNY", "")).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("without account_current_earnings, uses beancount's default under the journal's equity root", () => {
    const directory = mkdtempSync(join(tmpdir(), "feeledger-roots-"));
    const journal = join(directory, "default-earnings.beancount");
    writeFileSync(journal, readFileSync(JOURNAL, "utf8").replace(/^option "account_(current|previous)_earnings".*\n/gm, ""));
    expect(runCli(["bs", journal, "--lang", "zh"]).stdout).toMatch(/权益:Earnings:Current +3,800\.00/);
  });
});
