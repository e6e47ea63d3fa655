// What `export vouchers` refuses, each through the real CLI: a located error (FILE:LINE:COL), exit
// 1 (2 for a usage error), and no file written.
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { ENGLISH_SAMPLE, SAMPLE, exportVouchers, journal, scratch } from "./helpers.js";

const HEAD = `option "operating_currency" "CNY"
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Expenses:6602-管理费用
2026-01-01 open Expenses:6602-管理费用:01-办公费
2026-01-01 open Expenses:6602-管理费用:02-差旅费
2026-01-01 open Assets:1122-应收账款
`;

/** The line of `file` holding `text` (1-based). */
function lineOf(file: string, text: string): number {
  return readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(text)) + 1;
}

function expectRefused(run: ReturnType<typeof exportVouchers>, file: string, problems: { line: number; code?: string; message: RegExp }[]): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.bytes).toBeNull();
  expect(run.stdout).toBe("");
  const errors = diagnosticLines(run.stderr);
  for (const problem of problems) {
    const found = errors.find((error) => error.file === file && error.line === problem.line && problem.message.test(error.message));
    expect(found, `an error at ${file}:${problem.line} matching ${problem.message}; got:\n${run.stderr}`).toBeDefined();
  }
  expect(run.stderr).toMatch(/nothing was written to /);
}

describe("export vouchers refuses, and writes nothing", () => {
  it("an unnumbered period unless --number: one error at the first unnumbered voucher", () => {
    const run = exportVouchers(SAMPLE, "kingdee-jdy", ["-p", "2026-03"]);
    expectRefused(run, SAMPLE, [{ line: lineOf(SAMPLE, "2026-03-02 * \"资金调拨"), message: /^14 vouchers of the period have no number \(the first here\): close the period .* or pass --number/ }]);
    expect(diagnosticLines(run.stderr)).toHaveLength(1);
  });

  it("a voucher whose debits and credits differ at the places the file takes", () => {
    const file = journal(`${HEAD}
2026-03-02 * "备用金"
  Assets:1122-应收账款                  100.00 CNY
  Assets:1002-银行存款:01-工商银行     -100.00 CNY

2026-03-03 * "零星办公用品"
  Expenses:6602-管理费用:01-办公费        0.005 CNY
  Expenses:6602-管理费用:02-差旅费        0.005 CNY
  Assets:1002-银行存款:01-工商银行       -0.01 CNY
`);
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expectRefused(run, file, [{ line: lineOf(file, "零星办公用品"), message: /debits 0\.02 and credits 0\.01 CNY differ \(at 2 places/ }]);
  });

  it("a parent account (非明细科目) used directly", () => {
    const file = journal(`${HEAD}
2026-03-02 * "办公费"
  Expenses:6602-管理费用                 80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    const run = exportVouchers(file, "kingdee-k3", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expectRefused(run, file, [{ line: lineOf(file, "Expenses:6602-管理费用  "), message: /^Expenses:6602-管理费用 \(6602\) has sub-accounts: .* only leaf accounts \(明细科目\)/ }]);
  });

  it("a sub-account without a code of its own is not a parent's child in the books: it shares the code and is written", () => {
    const file = journal(`${HEAD}
2026-01-01 open Assets:1701-无形资产:CRM实施
2026-03-02 * "CRM 实施"
  Assets:1701-无形资产:CRM实施          5000.00 CNY
  Assets:1002-银行存款:01-工商银行     -5000.00 CNY
`);
    const run = exportVouchers(file, "kingdee-k3", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(run.code, run.stderr).toBe(0);
  });

  it("accounts without a code: one error per account, at its first line in the period", () => {
    const run = exportVouchers(ENGLISH_SAMPLE, "yonyou-u8", ["-p", "2026-01", "--number", "--preparer", "Bob"]);
    expectRefused(run, ENGLISH_SAMPLE, [
      { line: lineOf(ENGLISH_SAMPLE, "  Assets:Bank:Checking"), message: /^Assets:Bank:Checking has no account code \(科目代码\)/ },
      { line: lineOf(ENGLISH_SAMPLE, "  Expenses:CustomerCare:Visits"), message: /^Expenses:CustomerCare:Visits has no account code .*; 4 lines of the period \(the first here\)/ },
    ]);
    expect(diagnosticLines(run.stderr).every((error) => /has no account code/.test(error.message))).toBe(true);
  });

  it("a posting in another currency that the journal does not price in the books currency", () => {
    const file = journal(`${HEAD}
2026-01-01 open Assets:1002-银行存款:02-美元户
2026-03-02 * "境外差旅"
  Expenses:6602-管理费用:02-差旅费        120.00 USD
  Assets:1002-银行存款:02-美元户         -120.00 USD
`);
    const run = exportVouchers(file, "kingdee-jdy", ["-p", "2026-03", "--number"]);
    expectRefused(run, file, [{ line: lineOf(file, "02-差旅费        120.00 USD"), message: /in USD with no price or cost in CNY/ }]);
  });

  it("two vouchers of a month with one number", () => {
    const file = journal(`${HEAD}
2026-03-02 * "办公费"
  voucher: "记-0001"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY

2026-03-03 * "差旅费"
  voucher: "记-0001"
  Expenses:6602-管理费用:02-差旅费        90.00 CNY
  Assets:1002-银行存款:01-工商银行      -90.00 CNY
`);
    const run = exportVouchers(file, "kingdee-jdy", ["-p", "2026-03"]);
    expectRefused(run, file, [{ line: lineOf(file, "\"差旅费\""), message: /voucher number 记-0001 is also on the voucher of 2026-03-02/ }]);
  });

  it("a voucher without a preparer (制单) for 金蝶 K/3 and 用友 U8, not for 精斗云", () => {
    for (const target of ["kingdee-k3", "yonyou-u8"]) {
      const run = exportVouchers(SAMPLE, target, ["-p", "2026-03", "--number"]);
      expectRefused(run, SAMPLE, [{ line: lineOf(SAMPLE, "2026-03-02 * \"资金调拨"), message: /^9 vouchers of the period name no preparer \(制单\).*pass --preparer NAME/ }]);
    }
    expect(exportVouchers(SAMPLE, "kingdee-jdy", ["-p", "2026-03", "--number"]).code).toBe(0);
  });

  it("text GBK cannot hold, for 用友 U8 (a workbook holds any text)", () => {
    const file = journal(`${HEAD}
2026-03-02 * "团建🎉奶茶"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expectRefused(run, file, [{ line: lineOf(file, "01-办公费        80.00"), message: /"🎉" \(U\+1F389\), which GBK cannot hold/ }]);
    expect(exportVouchers(file, "kingdee-k3", ["-p", "2026-03", "--number", "--preparer", "孙强"]).code).toBe(0);
  });

  it("a zero line for 用友 U8, whose lines need a debit or a credit", () => {
    const file = journal(`${HEAD}
2026-03-02 * "调整"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Expenses:6602-管理费用:02-差旅费         0.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expectRefused(run, file, [{ line: lineOf(file, "差旅费         0.00"), message: /amount is 0 at 2 places/ }]);
  });

  it("a line without a summary (摘要) for 用友 U8", () => {
    const file = journal(`${HEAD}
2026-03-02 * ""
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expectRefused(run, file, [{ line: lineOf(file, "01-办公费        80.00"), message: /no summary \(摘要\).*; 2 lines of the period/ }]);
    expect(exportVouchers(file, "kingdee-jdy", ["-p", "2026-03", "--number"]).code).toBe(0);
  });

  it("a journal with errors: they are shown instead", () => {
    const file = journal(`${HEAD}
2026-03-02 * "不平"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -70.00 CNY
`);
    const run = exportVouchers(file, "kingdee-jdy", ["-p", "2026-03", "--number"]);
    expect(run.code).toBe(1);
    expect(run.bytes).toBeNull();
    expect(diagnosticLines(run.stderr).length).toBeGreaterThan(0);
  });

  it("a period without vouchers", () => {
    const run = exportVouchers(SAMPLE, "kingdee-jdy", ["-p", "2025-03", "--number"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("feeledger: no vouchers are dated in 2025-03; nothing was written\n");
    expect(run.bytes).toBeNull();
  });
});

describe("export vouchers: usage errors (exit 2)", () => {
  const usage = (args: string[]) => runCli(["export", "vouchers", SAMPLE, ...args]);
  const cases: [string, string[], RegExp][] = [
    ["no target", ["-p", "2026-03", "-o", "x.xlsx"], /needs --target TARGET \(kingdee-k3, kingdee-cloud, kingdee-jdy, yonyou-u8\)/],
    ["an unknown target", ["-p", "2026-03", "--target", "sap", "-o", "x.xlsx"], /unknown --target 'sap'/],
    ["no period", ["--target", "kingdee-jdy", "-o", "x.xlsx"], /needs -p PERIOD/],
    ["part of a month", ["-p", "2026-03-15", "--target", "kingdee-jdy", "-o", "x.xlsx"], /is not whole months/],
    ["an open-ended period", ["-p", "2026-03..", "--target", "kingdee-jdy", "-o", "x.xlsx"], /is open-ended/],
    ["no -o", ["-p", "2026-03", "--target", "kingdee-jdy"], /needs -o FILE/],
    ["-o of another kind", ["-p", "2026-03", "--target", "kingdee-k3", "-o", "x.xlsx"], /writes a \.xls file .* name the -o file \*\.xls/],
    ["云星空 without its account book", ["-p", "2026-03", "--target", "kingdee-cloud", "-o", "x.xlsx"], /needs --account-book CODE/],
    ["an account book for another target", ["-p", "2026-03", "--target", "kingdee-jdy", "-o", "x.xlsx", "--account-book", "001"], /apply to --target kingdee-cloud only/],
    ["a first number below 1", ["-p", "2026-03", "--target", "kingdee-jdy", "-o", "x.xlsx", "--first-number", "0"], /--first-number takes a whole number of at least 1/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const run = usage(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync("x.xlsx") || existsSync("x.xls")).toBe(false);
    });
  }

  it("-o naming the journal itself: refused, the journal untouched", () => {
    // The sample, under a name a workbook could have, beside its included files and receipts.
    const dir = scratch();
    cpSync(dirname(SAMPLE), dir, { recursive: true });
    const file = join(dir, "books.xlsx");
    renameSync(join(dir, "customer-fees-2026.beancount"), file);
    const text = readFileSync(file, "utf8");
    const run = runCli(["export", "vouchers", file, "-p", "2026-03", "--number", "--target", "kingdee-jdy", "-o", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a file of the journal/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

describe("export vouchers writes the -o file atomically", () => {
  it("replaces an older file; a failed write leaves it as it was and no temporary file", () => {
    const dir = scratch();
    const output = join(dir, "march.xlsx");
    writeFileSync(output, "old contents");
    const failed = runCli(["export", "vouchers", SAMPLE, "-p", "2026-03", "--number", "--target", "kingdee-jdy", "-o", output], { FEELEDGER_FAIL_WRITE_AFTER_BYTES: "100" });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/cannot write .*march\.xlsx.*nothing was written/);
    expect(readFileSync(output, "utf8")).toBe("old contents");
    expect(readdirSync(dir)).toEqual(["march.xlsx"]);
    const written = runCli(["export", "vouchers", SAMPLE, "-p", "2026-03", "--number", "--target", "kingdee-jdy", "-o", output]);
    expect(written.code).toBe(0);
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");
  });
});
