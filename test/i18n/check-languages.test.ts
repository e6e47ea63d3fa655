// check on a journal with many kinds of fault, in both languages: in Chinese no English word is
// left in a message (beyond codes, account names, file names, amounts and the commands it names),
// and in English every message is the text feeledger has always printed.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliIn } from "../helpers/cli.js";

const JOURNAL = `option "operating_currency" "CNY"
plugin "beancount.plugins.leafonly"

2026-01-01 open Assets:Bank CNY
2026-01-01 open Liabilities:Payable CNY
2026-01-01 open Expenses:Fees CNY
2026-01-01 open Expenses:Fees:Gifts CNY

2026-01-01 custom "budget" Expenses:Fees:Gifts "monthly" 100.00 CNY
2026-01-01 custom "policy" Expenses:Fees:Gifts "per-claim" 200.00 CNY

2026-01-05 * "fee"
  Expenses:Fees  1.00 CNY
  Assets:Bank

2026-01-31 custom "period-closed" "2026-01"
  digest: "sha256:0000000000000000000000000000000000000000000000000000000000000000"

2026-02-03 * "unbalanced"
  Expenses:Fees:Gifts  10.00 CNY
  Assets:Bank  -9.00 CNY

2026-02-04 * "typo"
  Expenses:Fees:Gift  5.00 CNY
  Assets:Bank

2026-02-10 * "礼品" #claim
  claim: "BX-001"
  claimant: "张三"
  receipt: "receipts/missing.pdf"
  Expenses:Fees:Gifts  300.00 CNY
  Liabilities:Payable

2026-03-01 balance Assets:Bank  5.00 CNY

2026-02-30 open Assets:Cash CNY
`;

/** What check printed before the messages could be translated (the same bytes, from main). */
const ENGLISH = [
  "faulty.beancount:6:1: error: Non-leaf account 'Expenses:Fees' has postings on it",
  "faulty.beancount:12:1: error: This transaction is in 2026-01, a closed month, and has no voucher number; a closed month's entries are all numbered when it is closed, so this one was added since (reopen the month with feeledger reopen-period to change it)",
  "faulty.beancount:16:1: error: 2026-01 has changed since it was closed (an entry was added, removed or altered); a closed month must stay as closed: undo the change, or reopen the month (feeledger reopen-period) and close it again",
  "faulty.beancount:19:1: error: Transaction does not balance: (1.00 CNY)",
  "faulty.beancount:23:1: error: Invalid reference to unknown account 'Expenses:Fees:Gift'; did you mean 'Expenses:Fees:Gifts'?",
  "faulty.beancount:27:1: error: BX-001: posted without approved-by",
  "faulty.beancount:27:1: error: receipt file does not exist: 'receipts/missing.pdf'",
  "faulty.beancount:27:1: warning: BX-001: 300.00 CNY under Expenses:Fees:Gifts is over the per-claim limit of 200.00 CNY",
  "faulty.beancount:27:1: warning: BX-001: takes Expenses:Fees:Gifts to 310.00 CNY in 2026-02, over its monthly budget of 100.00 CNY",
  "faulty.beancount:34:1: error: Balance failed for 'Assets:Bank': expected 5.00 CNY != accumulated -15.00 CNY (20.00 too little)",
  "faulty.beancount:36:1: error: Invalid date: '2026-02-30' (month must be in 1..12 and day valid for the month)",
  "9 errors, 2 warnings",
];

/** The located message lines and the summary of check's output, without the quoted source excerpts. */
function messageLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => /^faulty\.beancount:\d+:\d+: (error|warning): /.test(line) || /^\d+ (error|个错误)/.test(line));
}

/** The English words left in a message once what is not prose is taken out. */
function englishWords(line: string): string[] {
  const text = line
    .replace(/^faulty\.beancount:\d+:\d+: (error|warning): /, "")
    .replace(/'[^']*'/g, "") // quoted names: accounts, files, dates
    .replace(/\b[A-Z][A-Za-z]*(:[A-Za-z-]+)+/g, "") // account names
    .replace(/\bBX-\d+\b|\bCNY\b|\bapproved-by\b|\bfeeledger reopen-period\b/g, "");
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("check on a faulty journal", () => {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-i18n-check-"));
  writeFileSync(join(dir, "faulty.beancount"), JOURNAL);

  it("prints every message in Chinese with LANG=zh_CN.UTF-8, codes and places kept", () => {
    const result = runCliIn(dir, ["check", "faulty.beancount"], { LANG: "zh_CN.UTF-8" });
    expect(result.code).toBe(1);
    const lines = messageLines(result.stderr);
    const prefix = (line: string) => line.replace(/: (error|warning): .*/, ": $1");
    expect(lines.slice(0, -1).map(prefix)).toEqual(ENGLISH.slice(0, -1).map(prefix));
    for (const line of lines.slice(0, -1)) {
      expect(englishWords(line), line).toEqual([]);
      expect(line, line).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(lines[lines.length - 1]).toBe("9 个错误，2 个警告");
  });

  it("prints today's English with --lang en, before or after the command", () => {
    for (const args of [["check", "faulty.beancount", "--lang", "en"], ["--lang", "en", "check", "faulty.beancount"]]) {
      const result = runCliIn(dir, args, { LANG: "zh_CN.UTF-8" });
      expect(result.code).toBe(1);
      expect(messageLines(result.stderr)).toEqual(ENGLISH);
    }
  });
});
