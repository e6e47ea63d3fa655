// `export vouchers` writes the vouchers of the official books (src/periods/vouchers.ts): the
// chart's codes and names (an open's `code:` and `name:` too), the dimensions' declared codes, and
// with --number the numbers close-period would give, the journal left as it was. Through the CLI.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exportVouchers, journal } from "./helpers.js";
import { readGbkLines } from "./read-back.js";

const HEAD = `option "operating_currency" "CNY"
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Expenses:6602-管理费用:01-办公费
`;

/** The U8 lines after the header, each as its fields. */
function u8Fields(bytes: Buffer): string[][] {
  return readGbkLines(bytes).slice(1).map((line) => line.split(","));
}

describe("export vouchers: the vouchers of the official books", () => {
  it("an open's code: and name: are the account's 科目代码 and 科目名称; an account without a code is refused at its line", () => {
    const file = journal(`${HEAD}
2026-01-01 open Expenses:Travel
  code: "660203"
  name: "管理费用-差旅费"
2026-01-01 open Expenses:Postage
2026-03-02 * "差旅费"
  Expenses:Travel                      90.00 CNY
  Assets:1002-银行存款:01-工商银行     -90.00 CNY
`);
    const written = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(written.code, written.stderr).toBe(0);
    expect(u8Fields(written.bytes!).map((fields) => fields[5])).toEqual(["660203", "100201"]);
    const k3 = exportVouchers(file, "kingdee-k3", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(k3.code, k3.stderr).toBe(0);

    writeFileSync(file, `${readFileSync(file, "utf8")}
2026-03-03 * "邮费"
  Expenses:Postage                     12.00 CNY
  Assets:1002-银行存款:01-工商银行     -12.00 CNY
`);
    const refused = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(refused.code).toBe(1);
    expect(refused.bytes).toBeNull();
    expect(refused.stderr).toMatch(/books\.beancount:\d+:3: error: Expenses:Postage has no account code/);
    expect(refused.stderr).not.toMatch(/Expenses:Travel/);
  });

  it("a parent by the chart's codes is refused even when its code comes from code: on its open", () => {
    const file = journal(`${HEAD}
2026-01-01 open Assets:Receivable
  code: "1122"
2026-01-01 open Assets:Receivable:01-ACME
2026-03-02 * "收款"
  Assets:1002-银行存款:01-工商银行      50.00 CNY
  Assets:Receivable                    -50.00 CNY
`);
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: Assets:Receivable \(1122\) has sub-accounts/);
  });

  it("dimensions are written by their declared codes; a value without one is refused", () => {
    const text = `${HEAD}
2026-01-01 custom "dimension" "department" "D01" "华东销售部"
2026-01-01 custom "dimension" "employee" "E01" "王伟"
2026-03-05 * "拜访客户"
  department: "华东销售部"
  claimant: "王伟"
  customer: "ACME"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`;
    const file = journal(text);
    const refused = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: the customer "ACME" has no declared code: declare one with custom "dimension" "customer" "CODE" "ACME"; 2 lines of the period/);

    writeFileSync(file, text.replace(`"王伟"\n2026-03-05`, `"王伟"\n2026-01-01 custom "dimension" "customer" "C01" "ACME"\n2026-03-05`));
    const written = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(written.code, written.stderr).toBe(0);
    expect(u8Fields(written.bytes!).map((fields) => fields.slice(15, 20))).toEqual([["D01", "E01", "C01", "", ""], ["D01", "E01", "C01", "", ""]]);
  });

  it("a wrongly declared dimension code is an error before anything is exported", () => {
    const file = journal(`${HEAD}
2026-01-01 custom "dimension" "customer" "C 01" "ACME"
2026-03-05 * "办公费"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    const run = exportVouchers(file, "kingdee-jdy", ["-p", "2026-03", "--number"]);
    expect(run.code).toBe(1);
    expect(run.bytes).toBeNull();
    expect(run.stderr).toMatch(/books\.beancount:5:1: error: the dimension code "C 01" has spaces/);
  });

  it("--number continues after the highest number a close of the month recorded, and writes nothing to the journal", () => {
    const file = journal(`${HEAD}
2026-03-02 * "办公费"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY

2026-03-03 * "快递费"
  Expenses:6602-管理费用:01-办公费        12.00 CNY
  Assets:1002-银行存款:01-工商银行      -12.00 CNY
`);
    expect(runCli(["close-period", file, "2026-03", "--by", "孙强"]).code).toBe(0);
    expect(runCli(["reopen-period", file, "2026-03", "--by", "孙强", "--reason", "补录"]).code).toBe(0);
    // The second voucher (记-0002) is deleted and a new one is entered: it gets 记-0003, not 记-0002.
    const closed = readFileSync(file, "utf8");
    const deleted = closed.replace(/2026-03-03 \* "快递费"\n {2}voucher: "记-0002"\n.*\n.*\n/u, "");
    expect(deleted).not.toBe(closed);
    writeFileSync(file, `${deleted}
2026-03-04 * "打印费"
  Expenses:6602-管理费用:01-办公费        30.00 CNY
  Assets:1002-银行存款:01-工商银行      -30.00 CNY
`);
    const before = readFileSync(file, "utf8");
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(run.code, run.stderr).toBe(0);
    expect(u8Fields(run.bytes!).map((fields) => `${fields[1]}-${fields[2]} ${fields[4]}`)).toEqual(["记-1 办公费", "记-1 办公费", "记-3 打印费", "记-3 打印费"]);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("gives the voucher a pad generates (which cannot carry a number) the number after its month's, with or without --number", () => {
    const file = journal(`${HEAD}
2026-01-01 open Equity:4104-利润分配
2026-03-01 pad Assets:1002-银行存款:01-工商银行 Equity:4104-利润分配
2026-03-02 balance Assets:1002-银行存款:01-工商银行   500.00 CNY
2026-03-05 * "办公费"
  voucher: "记-0001"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    // Every voucher with text is numbered (as a closed month's are): the pad's takes 2, no --number needed.
    for (const number of [[], ["--number"]]) {
      const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", ...number, "--preparer", "孙强"]);
      expect(run.code, run.stderr).toBe(0);
      expect(u8Fields(run.bytes!).map((fields) => `${fields[0]} ${fields[2]} ${fields[5]} ${fields[6]} ${fields[7]}`)).toEqual([
        "2026-03-05 1 660201 80.00 0.00", "2026-03-05 1 100201 0.00 80.00",
        "2026-03-01 2 100201 500.00 0.00", "2026-03-01 2 4104 0.00 500.00",
      ]);
    }
    // A voucher with text but no number is still refused without --number; the pad's is not counted.
    const unclosed = journal(readFileSync(file, "utf8").replace('  voucher: "记-0001"\n', ""));
    const refused = exportVouchers(unclosed, "kingdee-jdy", ["-p", "2026-03"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: 1 voucher of the period has no number/);
  });
});
