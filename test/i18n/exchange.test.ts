// What import, export and fmt say about their work, in the chosen language: each runs for real on
// a copy of the samples (or a small journal the test writes) in Chinese with --lang zh, where no
// English word is left beyond what the lines quote, and in English with --lang en, where the lines
// are what feeledger has always printed.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

function copyOfSamples(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-exchange-"));
  cpSync(SAMPLES, dir, { recursive: true });
  return dir;
}

/** The English words left in a Chinese text once the quoted values (`quoted`) and file paths are taken out. */
function englishWords(text: string, quoted: readonly string[] = []): string[] {
  let rest = text;
  for (const value of [...quoted].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(" ");
  rest = rest.replace(/\S*[/\\]\S*/g, " ").replace(/--[a-z-]+/g, " ");
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("fmt", () => {
  it("says which files it formatted in the chosen language", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-exchange-fmt-"));
    const journal = join(dir, "messy.beancount");
    const messy = "2026-01-01 open Assets:Cash\n2026-01-01 open Expenses:Fee\n\n2026-01-05 * \"fee\"\n  Expenses:Fee  10.00 CNY\n  Assets:Cash    -10.00 CNY\n";
    writeFileSync(journal, messy);
    const chinese = runCli(["fmt", journal, "--lang", "zh"]);
    expect(chinese).toEqual({ code: 0, stdout: `已格式化 ${journal}\n`, stderr: "" });
    expect(englishWords(chinese.stdout)).toEqual([]);
    writeFileSync(journal, messy);
    expect(runCli(["fmt", journal, "--lang", "en"], { LANG: "zh_CN.UTF-8" })).toEqual({ code: 0, stdout: `formatted ${journal}\n`, stderr: "" });
  });
});

/** A journal export refuses for five reasons at once: no numbers, no preparer, a parent account, a voucher that does not balance at two places, an account without a code, lines without a summary. */
const REFUSED = `option "operating_currency" "CNY"
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Expenses:6602-管理费用
2026-01-01 open Expenses:6602-管理费用:01-办公费
2026-01-01 open Expenses:Travel

2026-03-02 * "办公费"
  Expenses:6602-管理费用                 80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY

2026-03-03 * "零星办公用品"
  Expenses:6602-管理费用:01-办公费        0.005 CNY
  Expenses:Travel                         0.005 CNY
  Assets:1002-银行存款:01-工商银行       -0.01 CNY

2026-03-04 * ""
  Expenses:6602-管理费用:01-办公费       70.00 CNY
  Assets:1002-银行存款:01-工商银行      -70.00 CNY
`;

/** The messages of a command's diagnostics (the text after `error: `), and its other lines. */
function messages(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line !== "" && !/^\s*\d* *\|/.test(line)).map((line) => line.replace(/^.*?: error: /, ""));
}

describe("export vouchers", () => {
  it("says why it refuses, and what it wrote, in the chosen language", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-exchange-export-"));
    const journal = join(dir, "refused.beancount");
    writeFileSync(journal, REFUSED);
    const output = join(dir, "march.txt");
    const args = ["export", "vouchers", journal, "-p", "2026-03", "--target", "yonyou-u8", "-o", output];
    const chinese = runCli([...args, "--lang", "zh"]);
    expect(chinese.code).toBe(1);
    const said = messages(chinese.stderr);
    expect(said).toEqual([
      "本期有 3 张凭证没有凭证号（此处为第一张）：请结账以在账本中编号，或加 --number 只为本文件编号",
      "本期有 3 张凭证没有制单人，而 用友 U8 总账 凭证引入 需要（此处为第一张）：请加 --preparer 姓名，或在交易上写 prepared-by:",
      "Expenses:6602-管理费用（6602）有下级科目：用友 U8 总账 凭证引入 只接受明细科目，请记到它的某个下级科目；本期共 1 行（此处为第一处）",
      "凭证借方合计 0.02 与贷方合计 0.01 CNY 不等（按文件所用的 2 位小数）",
      "Expenses:Travel 没有科目代码，而 用友 U8 总账 凭证引入 需要：请在科目各级名称前加代码（6602-管理费用），或在 open 上写 code:；本期共 1 行（此处为第一处）",
      "这一行没有摘要，而 用友 U8 总账 凭证引入 需要：请给交易写上摘要；本期共 2 行（此处为第一处）",
      `导出到 用友 U8 总账 凭证引入 有 6 个问题；未写入 ${output}`,
    ]);
    for (const line of said) expect(englishWords(line, ["Expenses:6602-管理费用", "Expenses:Travel", "CNY", "U8", "prepared-by:", "code:", "open"]), line).toEqual([]);

    const english = runCli([...args, "--lang", "en"], { LANG: "zh_CN.UTF-8" });
    expect(english.code).toBe(1);
    expect(messages(english.stderr)).toEqual([
      "3 vouchers of the period have no number (the first here): close the period to number them in the journal, or pass --number to number them for this file only",
      "3 vouchers of the period name no preparer (制单), which 用友 U8 总账 凭证引入 needs (the first here): pass --preparer NAME, or write prepared-by: on the transaction",
      "Expenses:6602-管理费用 (6602) has sub-accounts: 用友 U8 总账 凭证引入 takes only leaf accounts (明细科目), so post to one of its sub-accounts; 1 line of the period (the first here)",
      "the voucher's debits 0.02 and credits 0.01 CNY differ (at 2 places, as the file takes them)",
      "Expenses:Travel has no account code (科目代码), which 用友 U8 总账 凭证引入 needs: start its components with codes (6602-管理费用) or write code: on its open; 1 line of the period (the first here)",
      "this line has no summary (摘要), which 用友 U8 总账 凭证引入 needs: give the transaction a narration; 2 lines of the period (the first here)",
      `6 problems for 用友 U8 总账 凭证引入; nothing was written to ${output}`,
    ]);

    const samples = join(copyOfSamples(), "customer-fees-2026.beancount");
    const wrote = ["export", "vouchers", samples, "-p", "2026-03", "--target", "yonyou-u8", "--number", "--preparer", "孙强", "-o", output];
    const done = runCli([...wrote, "--lang", "zh"]);
    expect(done).toEqual({ code: 0, stderr: "", stdout: `已将 2026-03 的 14 张凭证（40 行分录）导出到 ${output}，供 用友 U8 总账 凭证引入 引入：借方 1096119.00 = 贷方 1096119.00 CNY\n` });
    expect(runCli([...wrote, "--lang", "en"], { LANG: "zh_CN.UTF-8" }).stdout)
      .toBe(`Wrote 14 vouchers (40 lines) of 2026-03 to ${output} for 用友 U8 总账 凭证引入: debit 1096119.00 = credit 1096119.00 CNY\n`);
    expect(runCli(["export", "vouchers", samples, "-p", "2030-01", "--target", "yonyou-u8", "-o", output, "--lang", "zh"]).stderr)
      .toBe("feeledger：2030-01 没有凭证；未写入任何内容\n");
  });
});

describe("import", () => {
  it("says what it read, each bad document's problems and what it imported, in the chosen language", () => {
    const run = (lang: "zh" | "en", skipBad: boolean) => {
      const dir = copyOfSamples();
      // Without 交通费 in the map, the documents that claim it are bad.
      const map = join(dir, "import/map.yaml");
      writeFileSync(map, readFileSync(map, "utf8").replace(/^ {2}交通费: .*\n/m, ""));
      const args = ["import", join(dir, "customer-fees-2026.beancount"), join(dir, "import/dingtalk.xlsx"), join(dir, "import/dingtalk-gbk.csv"), "--from", "dingtalk", "--map", map, "--to", join(dir, "claims/2026-12-import.beancount")];
      const result = runCli([...args, ...(skipBad ? ["--skip-bad"] : []), "--lang", lang], { COLUMNS: "200" });
      return { ...result, dir, out: (result.stdout + result.stderr).split(dir).join("DIR") };
    };
    for (const skipBad of [false, true]) {
      const chinese = run("zh", skipBad);
      const english = run("en", skipBad);
      expect(chinese.code, chinese.stderr).toBe(english.code);
      expect(chinese.out).toContain("未知的费用类型 \"交通费\"：请把它加到映射文件的 accounts 中");
      expect(english.out).toContain("unknown expense category \"交通费\": add it to the map's accounts");
      for (const line of chinese.out.split("\n")) {
        // What a line quotes: places, claim ids, accounts, codes and metadata keys (receipt-above), the file's kind and encoding, flags.
        const quoted = line.replace(/\b(YKB|EC)-[\w-]+/g, " ").replace(/\S*:\S*/g, " ").replace(/\b[a-z]+(?:-[a-z]+)+\b/g, " ");
        const words = englishWords(quoted, ["xlsx", "csv", "GB18030", "CNY", "accounts", "posted", "approved", "submitted", "error", "warning", "feeledger", "reject"]);
        expect(words, line).toEqual([]);
      }
      expect(english.out).toMatch(skipBad ? /\d+ imported, \d+ updated, \d+ skipped, [1-9]\d* bad\n/ : /\d+ ready, \d+ updated, \d+ skipped, [1-9]\d* bad\n/);
      expect(chinese.out).toMatch(skipBad ? /已导入 \d+，已更新 \d+，已跳过 \d+，有问题 [1-9]\d*\n/ : /可导入 \d+，已更新 \d+，已跳过 \d+，有问题 [1-9]\d*\n/);
      if (skipBad) expect(chinese.out).toMatch(/已写入 DIR\S+；\d+ 张有问题的单据未导入（--skip-bad）/);
      else expect(chinese.out).toMatch(/\d+ 张单据有问题；未写入任何内容（--skip-bad 可导入其余单据）/);
    }
  });
});
