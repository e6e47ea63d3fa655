// What goes into the cells: foreign-currency lines (原币, 汇率), the journal's voucher numbers and
// --first-number, dimensions (辅助核算) in each target's columns, and text the U8 format cannot quote.
import { describe, expect, it } from "vitest";
import { Decimal as BooksDecimal } from "../../src/core/number.js";
import { exportVouchers as exportLibrary } from "../../src/export/export-vouchers.js";
import { planExport } from "../../src/export/plan.js";
import type { ExportSettings } from "../../src/export/target.js";
import { TARGETS } from "../../src/export/targets.js";
import type { DimensionValue, Voucher, VoucherLine } from "../../src/periods/voucher-model.js";
import { diagnosticLines } from "../helpers/cli.js";
import { exportVouchers, journal } from "./helpers.js";
import { cellText, readGbkLines, readXls, readXlsx, type ReadSheet } from "./read-back.js";

const HEAD = `option "operating_currency" "CNY"
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Assets:1002-银行存款:02-美元户
2026-01-01 open Expenses:6602-管理费用:01-办公费
2026-01-01 open Expenses:6602-管理费用:02-差旅费
`;

/** Row `index` (0 for the first data row) of a sheet, as heading → cell text. */
function record(sheet: ReadSheet, index: number, headerRow = 0, firstData = 1): Record<string, string> {
  const head = sheet.rows[headerRow]!.map(cellText);
  const row = sheet.rows[firstData + index]!;
  return Object.fromEntries(head.map((name, column) => [name, cellText(row[column])]));
}

describe("foreign-currency lines carry 原币 and 汇率 from the journal's price", () => {
  const file = journal(`${HEAD}
2026-03-10 * "境外差旅：新加坡客户拜访"
  prepared-by: "孙强"
  Expenses:6602-管理费用:02-差旅费        100.00 USD @ 7.1000 CNY
  Assets:1002-银行存款:01-工商银行       -710.00 CNY
`);
  const args = ["-p", "2026-03", "--number"];

  it("金蝶 K/3: 币别 USD 美元, 原币金额 100.00, 借方 710.00, 汇率 7.1", () => {
    const run = exportVouchers(file, "kingdee-k3", args);
    expect(run.code, run.stderr).toBe(0);
    const page = readXls(run.bytes!)[0]!;
    expect(record(page, 0)).toMatchObject({ 币别代码: "USD", 币别名称: "美元", 原币金额: "100", 借方: "710", 贷方: "0", 汇率: "7.1", 制单: "孙强", 科目代码: "6602.02" });
    expect(record(page, 1)).toMatchObject({ 币别代码: "RMB", 币别名称: "人民币", 原币金额: "710", 借方: "0", 贷方: "710", 汇率: "1", 科目代码: "1002.01" });
  });

  it("用友 U8: 外币 100.00 and 汇率 7.1 on the priced line, 0 and 0 on the other", () => {
    const run = exportVouchers(file, "yonyou-u8", args);
    expect(run.code, run.stderr).toBe(0);
    const [, first, second] = readGbkLines(run.bytes!).map((line) => line.split(","));
    expect(first!.slice(5, 12)).toEqual(["660202", "710.00", "0.00", "", "100.00", "7.1", "孙强"]);
    expect(second!.slice(5, 12)).toEqual(["100201", "0.00", "710.00", "", "0", "0", "孙强"]);
  });

  it("金蝶云星空: FCURRENCYID PRE007, FAMOUNTFOR 100, FDEBIT 710, FEXCHANGERATE 7.1", async () => {
    const run = exportVouchers(file, "kingdee-cloud", [...args, "--account-book", "001"]);
    expect(run.code, run.stderr).toBe(0);
    const sheet = (await readXlsx(run.bytes!))[0]!;
    expect(record(sheet, 0, 0, 2)).toMatchObject({ FCURRENCYID: "PRE007", "FCURRENCYID#Name": "美元", FAMOUNTFOR: "100", FDEBIT: "710", FCREDIT: "", FEXCHANGERATE: "7.1" });
  });

  it("金蝶精斗云: 币别 USD, 原币金额 100, 借方金额 710, 汇率 7.1", async () => {
    const run = exportVouchers(file, "kingdee-jdy", args);
    expect(run.code, run.stderr).toBe(0);
    const sheet = (await readXlsx(run.bytes!))[0]!;
    expect(record(sheet, 0)).toMatchObject({ 币别: "USD", 原币金额: "100", 借方金额: "710", 汇率: "7.1" });
  });
});

describe("voucher numbers", () => {
  const file = journal(`${HEAD}
2026-03-02 * "办公费"
  voucher: "记-0001"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY

2026-03-05 * "差旅费"
  voucher: "记-0003"
  Expenses:6602-管理费用:02-差旅费        90.00 CNY
  Assets:1002-银行存款:01-工商银行      -90.00 CNY

2026-03-04 * "快递费"
  Expenses:6602-管理费用:01-办公费        12.00 CNY
  Assets:1002-银行存款:01-工商银行      -12.00 CNY
`);

  it("a numbered period is written with the journal's numbers, in number order", async () => {
    const closed = journal(`${HEAD}
2026-03-01 * "办公费"
  voucher: "记-0002"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY

2026-03-02 * "差旅费"
  voucher: "记-0001"
  Expenses:6602-管理费用:02-差旅费        90.00 CNY
  Assets:1002-银行存款:01-工商银行      -90.00 CNY
`);
    const run = exportVouchers(closed, "kingdee-jdy", ["-p", "2026-03"]);
    expect(run.code, run.stderr).toBe(0);
    const sheet = (await readXlsx(run.bytes!))[0]!;
    expect([0, 1, 2, 3].map((index) => [record(sheet, index).凭证号, record(sheet, index).分录序号, record(sheet, index).摘要])).toEqual([
      ["1", "1", "差旅费"], ["1", "2", "差旅费"], ["2", "1", "办公费"], ["2", "2", "办公费"],
    ]);
  });

  it("--number gives the unnumbered ones the numbers after the month's highest; --first-number shifts them all", () => {
    const plain = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(plain.code, plain.stderr).toBe(0);
    const numbers = (run: typeof plain) => readGbkLines(run.bytes!).slice(1).map((line) => line.split(",").slice(0, 5).join(","));
    expect(numbers(plain)).toEqual([
      "2026-03-02,记,1,0,办公费", "2026-03-02,记,1,0,办公费", "2026-03-05,记,3,0,差旅费", "2026-03-05,记,3,0,差旅费", "2026-03-04,记,4,0,快递费", "2026-03-04,记,4,0,快递费",
    ]);
    const shifted = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强", "--first-number", "41"]);
    expect(numbers(shifted).map((line) => line.split(",")[2])).toEqual(["41", "41", "43", "43", "44", "44"]);
    expect(shifted.stdout).toMatch(/^Wrote 3 vouchers \(6 lines\) of 2026-03 to .* for 用友 U8 总账 凭证引入: debit 182\.00 = credit 182\.00 CNY\n$/);
  });

  it("金蝶 K/3 counts 分录序号 from 0 and repeats the 凭证号 as 序号", () => {
    const run = exportVouchers(file, "kingdee-k3", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    const page = readXls(run.bytes!)[0]!;
    expect([0, 1].map((index) => [record(page, index).凭证号, record(page, index).序号, record(page, index).分录序号])).toEqual([["1", "1", "0"], ["1", "1", "1"]]);
  });
});

describe("用友 U8 text fields", () => {
  it("a comma inside the 摘要 is written as a full-width comma (the format cannot quote)", () => {
    const file = journal(`${HEAD}
2026-03-02 * "办公费, 三月"
  Expenses:6602-管理费用:01-办公费        80.00 CNY
  Assets:1002-银行存款:01-工商银行      -80.00 CNY
`);
    const run = exportVouchers(file, "yonyou-u8", ["-p", "2026-03", "--number", "--preparer", "孙强"]);
    expect(run.code, run.stderr).toBe(0);
    const lines = readGbkLines(run.bytes!);
    expect(lines[1]!.split(",")[4]).toBe("办公费， 三月");
    expect(lines[1]!.split(",")).toHaveLength(48);
  });
});

// The vouchers' dimensions come from the official-books builder; here they are given directly.
describe("dimensions (辅助核算) in each target's columns", () => {
  const span = { file: "books.beancount", start: 0, end: 10 };
  const line = (account: string, code: string, name: string, debit: string, credit: string, dimensions: DimensionValue[]): VoucherLine => ({
    accountCode: code, accountName: name, account, summary: "客户拜访", debit: new BooksDecimal(debit), credit: new BooksDecimal(credit),
    currency: "CNY", foreign: null, dimensions, span,
  });
  const voucher = (dimensions: DimensionValue[]): Voucher => ({
    date: "2026-03-05", word: "记", number: 1, attachments: 2, preparer: "王伟", span,
    lines: [
      line("Expenses:6602-管理费用:01-客户拜访", "660201", "管理费用-客户拜访", "553.00", "0", dimensions),
      line("Liabilities:2241-其他应付款", "2241", "其他应付款", "0", "553.00", [{ kind: "employee", code: "E01", name: "王伟" }]),
    ],
  });
  const settings: ExportSettings = {
    booksCurrency: "CNY", scales: new Map([["CNY", 2]]), firstNumber: 1, preparer: null, accountBook: "001", organization: null,
    range: { begin: "2026-03-01", end: "2026-04-01" }, parentAccounts: new Set(),
  };
  const departmentAndCustomer: DimensionValue[] = [{ kind: "department", code: "D01", name: "华东销售部" }, { kind: "customer", code: "C001", name: "ACME" }];

  const written = (target: keyof typeof TARGETS, dimensions: DimensionValue[]): Buffer => {
    const result = exportLibrary([voucher(dimensions)], TARGETS[target], settings);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    return result.bytes;
  };

  it("金蝶 K/3: 核算项目 类别---代码---名称 joined by ||", () => {
    const page = readXls(written("kingdee-k3", departmentAndCustomer))[0]!;
    expect(record(page, 0).核算项目).toBe("部门---D01---华东销售部||客户---C001---ACME");
    expect(record(page, 1).核算项目).toBe("职员---E01---王伟");
  });

  it("金蝶云星空: the codes in FDetailID#FFlex5 (部门), FFlex6 (客户), FFlex7 (员工), names beside them", async () => {
    const sheet = (await readXlsx(written("kingdee-cloud", departmentAndCustomer)))[0]!;
    expect(record(sheet, 0, 0, 2)).toMatchObject({ "FDetailID#FFlex5": "D01", "FDetailID#FFlex5#Name": "华东销售部", "FDetailID#FFlex6": "C001", "FDetailID#FFlex7": "" });
    expect(record(sheet, 1, 0, 2)).toMatchObject({ "FDetailID#FFlex7": "E01", "FDetailID#FFlex7#Name": "王伟", "FDetailID#FFlex5": "" });
  });

  it("金蝶精斗云: codes under 客户, 供应商, 职员, 项目, 部门", async () => {
    const sheet = (await readXlsx(written("kingdee-jdy", [...departmentAndCustomer, { kind: "project", code: "P7", name: "新品发布会" }])))[0]!;
    expect(record(sheet, 0)).toMatchObject({ 客户: "C001", 部门: "D01", 项目: "P7", 职员: "", 供应商: "" });
    expect(record(sheet, 1)).toMatchObject({ 职员: "E01" });
  });

  it("用友 U8: 部门编码, 个人编码, 客户编码, 供应商编码, 项目编码 (fields 16 to 21)", () => {
    const [, first, second] = readGbkLines(written("yonyou-u8", [...departmentAndCustomer, { kind: "project", code: "P7", name: "新品发布会" }])).map((text) => text.split(","));
    expect(first!.slice(15, 21)).toEqual(["D01", "", "C001", "", "", "P7"]);
    expect(second!.slice(15, 21)).toEqual(["", "E01", "", "", "", ""]);
  });

  it("refuses a dimension value without a declared code, and one the target has no column for", () => {
    const noCode = exportLibrary([voucher([{ kind: "customer", code: null, name: "ACME" }])], TARGETS["yonyou-u8"], settings);
    expect(noCode.ok).toBe(false);
    if (!noCode.ok) expect(noCode.diagnostics.map((d) => [d.code, d.message])).toEqual([["export-dimension-code", expect.stringMatching(/^the customer "ACME" has no declared code: declare one with custom "dimension" "customer" "CODE" "ACME"/)]]);
    const project = exportLibrary([voucher([{ kind: "project", code: "P7", name: "新品发布会" }])], TARGETS["kingdee-cloud"], settings);
    expect(project.ok).toBe(false);
    if (!project.ok) expect(project.diagnostics.map((d) => d.code)).toEqual(["export-dimension-kind"]);
  });
});

describe("a sheet's row limit", () => {
  it("an .xls holds 65,536 rows: the first voucher past them is refused, nothing is written", () => {
    const span = (start: number) => ({ file: "books.beancount", start, end: start + 1 });
    const line = (debit: string, credit: string, start: number): VoucherLine => ({
      accountCode: "1002", accountName: "银行存款", account: "Assets:1002-银行存款", summary: "x", debit: new BooksDecimal(debit), credit: new BooksDecimal(credit),
      currency: "CNY", foreign: null, dimensions: [], span: span(start),
    });
    // 32,768 vouchers of 2 lines: 65,536 lines under the header row, one more than fits.
    const vouchers: Voucher[] = Array.from({ length: 32_768 }, (_, index) => ({
      date: "2026-03-05", word: "记", number: index + 1, attachments: 0, preparer: "孙强", span: span(index * 10),
      lines: [line("1.00", "0", index * 10 + 1), line("0", "1.00", index * 10 + 2)],
    }));
    const settings: ExportSettings = {
      booksCurrency: "CNY", scales: new Map([["CNY", 2]]), firstNumber: 1, preparer: null, accountBook: null, organization: null,
      range: { begin: "2026-03-01", end: "2026-04-01" }, parentAccounts: new Set(),
    };
    const result = exportLibrary(vouchers, TARGETS["kingdee-k3"], settings);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics.map((d) => [d.code, d.span?.start])).toEqual([["export-too-many-lines", 32_767 * 10]]);
      expect(result.diagnostics[0]!.message).toMatch(/holds 65535 voucher lines/);
    }
    // One voucher fewer fits (checked without writing: a 65,535-line .xls takes half a minute to write).
    expect(planExport(vouchers.slice(0, -1), TARGETS["kingdee-k3"], settings).diagnostics).toEqual([]);
  });
});

describe("the summary line adds up what was written", () => {
  it("totals in the books currency, with exact decimals", () => {
    const file = journal(`${HEAD}
2026-03-02 * "a"
  Expenses:6602-管理费用:01-办公费        0.10 CNY
  Assets:1002-银行存款:01-工商银行       -0.10 CNY
2026-03-03 * "b"
  Expenses:6602-管理费用:01-办公费        0.20 CNY
  Assets:1002-银行存款:01-工商银行       -0.20 CNY
`);
    const run = exportVouchers(file, "kingdee-jdy", ["-p", "2026-03", "--number"]);
    expect(run.stdout).toMatch(/debit 0\.30 = credit 0\.30 CNY/);
    expect(diagnosticLines(run.stderr)).toEqual([]);
  });
});
