// Vouchers from the books (src/periods/vouchers.ts), their dimensions and declared codes, and
// `report vouchers` (序时账) through the CLI.
import { afterAll, describe, expect, it } from "vitest";
import { ChartOfAccounts } from "../../src/books/accounts.js";
import { postingDimensions, readDimensionCodes } from "../../src/books/dimensions.js";
import { metaEntry } from "../../src/core/data.js";
import { loadLedger } from "../../src/loader/load.js";
import { buildVouchers } from "../../src/periods/vouchers.js";
import type { Voucher } from "../../src/periods/voucher-model.js";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { csvRecords, removeJournals, writeJournal } from "./helpers.js";

afterAll(removeJournals);

const JOURNAL = `option "operating_currency" "CNY"
2026-01-01 custom "feeledger-option" "voucher-word" "记"
2026-01-01 custom "dimension" "customer" "C001" "ACME"
2026-01-01 custom "dimension" "employee" "E01" "王伟"
2026-01-01 custom "dimension" "部门" "D01" "华东销售部"

2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Assets:1002-银行存款:03-美元户
2026-01-01 open Liabilities:2241-其他应付款:E01-王伟
2026-01-01 open Equity:4001-实收资本
2026-01-01 open Expenses:6602-管理费用:01-客户管理费:01-客户拜访
2026-01-01 open Expenses:6602-管理费用:02-业务招待费

2026-01-02 * "投资款" "股东投入"
  voucher: "记-0007"
  Assets:1002-银行存款:01-工商银行     100000.00 CNY
  Equity:4001-实收资本

2026-01-02 pad Assets:1002-银行存款:03-美元户 Equity:4001-实收资本
2026-01-03 balance Assets:1002-银行存款:03-美元户  500.00 USD

2026-01-08 * "王伟" "拜访ACME上海总部" ^EC-1
  claim: "EC-1"
  claimant: "王伟"
  department: "华东销售部"
  customer: "ACME"
  approved-by: "赵敏"
  Expenses:6602-管理费用:01-客户管理费:01-客户拜访      86.00 CNY
    invoice: "031002500404-16728806"
  Expenses:6602-管理费用:02-业务招待费                 420.00 CNY
    invoice: "26312013036089868648"
    customer: "蓝海物流"
    narration: "午餐招待"
  Liabilities:2241-其他应付款:E01-王伟

2026-01-09 ! "王伟" "还没审批的报销" ^EC-2
  claim: "EC-2"
  claimant: "王伟"
  Expenses:6602-管理费用:01-客户管理费:01-客户拜访      50.00 CNY
  Liabilities:2241-其他应付款:E01-王伟

2026-02-03 * "美元付款" "海外展会费"
  prepared-by: "赵敏"
  project: "海外展"
  Expenses:6602-管理费用:01-客户管理费:01-客户拜访    710.00 CNY
  Assets:1002-银行存款:03-美元户                  -100.00 USD @ 7.10 CNY
`;

function vouchersOf(text: string, range: { begin: string | null; end: string | null } = { begin: null, end: null }): Voucher[] {
  const ledger = loadLedger(writeJournal(text));
  expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const { codes, diagnostics } = readDimensionCodes(ledger.entries);
  expect(diagnostics).toEqual([]);
  return buildVouchers({ entries: ledger.entries, options: ledger.options, chart, dimensionCodes: codes }, range);
}

describe("vouchers from the books", () => {
  it("makes one voucher per transaction of the books: pending claims left out, pad-generated ones in, unnumbered", () => {
    const vouchers = vouchersOf(JOURNAL);
    expect(vouchers.map((v) => [v.date, v.word, v.number, v.lines.length])).toEqual([
      ["2026-01-02", "记", 7, 2],
      ["2026-01-02", "记", null, 2],
      ["2026-01-08", "记", null, 3],
      ["2026-02-03", "记", null, 2],
    ]);
  });

  it("gives each line its code, name, summary, debit or credit and dimensions; counts attachments; names the preparer", () => {
    const claim = vouchersOf(JOURNAL)[2]!;
    expect(claim.attachments).toBe(2);
    expect(claim.preparer).toBe("王伟");
    expect(claim.lines.map((line) => ({
      code: line.accountCode, name: line.accountName, summary: line.summary, debit: line.debit.toFixed(2), credit: line.credit.toFixed(2), currency: line.currency,
      dimensions: line.dimensions.map((d) => `${d.kind}:${d.code ?? ""}:${d.name}`),
    }))).toEqual([
      {
        code: "66020101", name: "管理费用-客户管理费-客户拜访", summary: "拜访ACME上海总部", debit: "86.00", credit: "0.00", currency: "CNY",
        dimensions: ["department:D01:华东销售部", "employee:E01:王伟", "customer:C001:ACME"],
      },
      {
        code: "660202", name: "管理费用-业务招待费", summary: "午餐招待", debit: "420.00", credit: "0.00", currency: "CNY",
        dimensions: ["department:D01:华东销售部", "employee:E01:王伟", "customer::蓝海物流"],
      },
      {
        code: "2241E01", name: "其他应付款-王伟", summary: "拜访ACME上海总部", debit: "0.00", credit: "506.00", currency: "CNY",
        dimensions: ["department:D01:华东销售部", "employee:E01:王伟", "customer:C001:ACME"],
      },
    ]);
  });

  it("takes a foreign-currency posting priced in the operating currency at its value, keeping the amount and the rate", () => {
    const payment = vouchersOf(JOURNAL)[3]!;
    expect(payment.preparer).toBe("赵敏");
    const bank = payment.lines[1]!;
    expect([bank.currency, bank.credit.toFixed(2), bank.foreign?.amount.toFixed(2), bank.foreign?.currency, bank.foreign?.rate.toFixed(2)]).toEqual(["CNY", "710.00", "-100.00", "USD", "7.10"]);
    expect(payment.lines[0]!.dimensions).toEqual([{ kind: "project", code: null, name: "海外展" }]);
    // The pad is in its own currency: nothing prices it.
    const pad = vouchersOf(JOURNAL)[1]!;
    expect(pad.lines.map((line) => [line.currency, line.debit.toFixed(2), line.credit.toFixed(2), line.foreign])).toEqual([["USD", "500.00", "0.00", null], ["USD", "0.00", "500.00", null]]);
  });

  it("keeps to the date range, and uses the journal's voucher word", () => {
    expect(vouchersOf(JOURNAL, { begin: "2026-02-01", end: "2026-03-01" }).map((v) => v.date)).toEqual(["2026-02-03"]);
    const worded = vouchersOf(JOURNAL.replace('"voucher-word" "记"', '"voucher-word" "转"'));
    expect(worded.map((v) => v.word)).toEqual(["记", "转", "转", "转"]);
  });
});

describe("dimension declarations", () => {
  it("reads posting metadata before the transaction's, claimant as the employee", () => {
    const meta = (pairs: Record<string, string>) => Object.entries(pairs).map(([key, value]) => metaEntry(key, { type: "string", value }, { file: "x", start: 0, end: 0 }));
    const ledger = loadLedger(writeJournal(JOURNAL));
    const { codes } = readDimensionCodes(ledger.entries);
    expect(postingDimensions(meta({ claimant: "王伟", vendor: "Zoho" }), meta({ vendor: "卓豪", department: "华东销售部" }), codes)).toEqual([
      { kind: "department", code: "D01", name: "华东销售部" },
      { kind: "employee", code: "E01", name: "王伟" },
      { kind: "vendor", code: null, name: "卓豪" },
    ]);
  });

  it("refuses malformed and repeated declarations, each where it is written", () => {
    const file = writeJournal([
      '2026-01-01 custom "dimension" "customer" "C001" "ACME"',
      '2026-01-01 custom "dimension" "client" "C002" "Globex"',
      '2026-01-01 custom "dimension" "customer" "C003"',
      '2026-01-01 custom "dimension" "customer" 7 "Initech"',
      '2026-01-01 custom "dimension" "customer" "" "Initech"',
      '2026-01-01 custom "dimension" "customer" "C 4" "Initech"',
      '2026-01-01 custom "dimension" "customer" "C005" "ACME"',
      '2026-01-01 custom "dimension" "客户" "C001" "Umbrella"',
      '2026-01-01 custom "dimension" "vendor" "C001" "ACME"',
      "",
    ].join("\n"));
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => `${d.line} ${d.severity} ${d.message.replace(/; expected .*/, "")}`)).toEqual([
      '2 error unknown dimension kind "client"',
      "3 error custom \"dimension\" takes 3 values, not 2",
      "4 error custom \"dimension\" takes quoted strings, not the number 7",
      "5 error the dimension code is empty",
      '6 error the dimension code "C 4" has spaces',
      '7 error customer "ACME" is already declared with code "C001" (2026-01-01); a name has one code',
      '8 error customer code "C001" is already declared for "ACME" (2026-01-01); a code names one customer',
    ]);
  });

  it("warns once per value of a declared kind used without a code", () => {
    const run = runCli(["check", writeJournal(JOURNAL)]);
    // (EC-2 is a claim in progress written in the books, the old layout: claim-in-books warns of it.)
    const dimensionWarnings = diagnosticLines(run.stderr).filter((d) => !d.message.includes("a claim not posted yet is in the books"));
    expect(dimensionWarnings.map((d) => `${d.line} ${d.message}`)).toEqual([
      '32 customer "蓝海物流" has no code: declare one with custom "dimension" "customer" CODE "蓝海物流"',
    ]);
    expect(run.code).toBe(0);
  });

  it("leaves journals without declarations alone", () => {
    const run = runCli(["check", writeJournal(JOURNAL.replace(/^.*custom "dimension".*\n/gm, ""))]);
    expect(diagnosticLines(run.stderr).filter((d) => !d.message.includes("a claim not posted yet is in the books"))).toEqual([]);
  });
});

describe("report vouchers", () => {
  it("lists each line with its voucher, code, name, debit, credit and dimensions, in CSV", () => {
    const rows = csvRecords(["report", "vouchers", writeJournal(JOURNAL), "-p", "2026-01"]);
    expect(rows.map((r) => [r.date, r.voucher, r.code, r.debit, r.credit, r.currency, r.customer, r.customer_code, r.employee_code])).toEqual([
      ["2026-01-02", "记-0007", "100201", "100000.00", "", "CNY", "", "", ""],
      ["2026-01-02", "记-0007", "4001", "", "100000.00", "CNY", "", "", ""],
      ["2026-01-02", "", "100203", "500.00", "", "USD", "", "", ""],
      ["2026-01-02", "", "4001", "", "500.00", "USD", "", "", ""],
      ["2026-01-08", "", "66020101", "86.00", "", "CNY", "ACME", "C001", "E01"],
      ["2026-01-08", "", "660202", "420.00", "", "CNY", "蓝海物流", "", "E01"],
      ["2026-01-08", "", "2241E01", "", "506.00", "CNY", "ACME", "C001", "E01"],
      ["", "", "", "100506.00", "100506.00", "CNY", "", "", ""],
      ["", "", "", "500.00", "500.00", "USD", "", "", ""],
    ]);
    expect(rows[4]).toMatchObject({ attachments: "2", preparer: "王伟", summary: "拜访ACME上海总部", name: "管理费用-客户管理费-客户拜访", account: "Expenses:6602-管理费用:01-客户管理费:01-客户拜访", department: "华东销售部", department_code: "D01" });
  });

  it("writes JSON with the foreign amount and rate, and a table in Chinese", () => {
    const file = writeJournal(JOURNAL);
    const json = JSON.parse(runCli(["report", "vouchers", file, "-p", "2026-02", "--format", "json"]).stdout);
    expect(json.report).toBe("vouchers");
    expect(json.rows[1]).toMatchObject({ code: "100203", credit: "710.00", currency: "CNY", foreign_amount: "-100.00", foreign_currency: "USD", rate: "7.1" });
    const table = runCli(["report", "vouchers", file, "-p", "2026-01-08", "--lang", "zh"], { COLUMNS: "160" });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("序时账（凭证列表）  2026-01-08..2026-01-08");
    expect(table.stdout).toContain(" 2026-01-08  （未编号）  拜访ACME上海总部  附件 2 张  制单 王伟");
    expect(table.stdout).toMatch(/ 66020101 +管理费用-客户管理费-客户拜访 +86\.00 +部门:D01 华东销售部; 职员:E01 王伟; 客户:C001 ACME\n/);
    expect(table.stdout).toMatch(/ 合计：凭证 1 张\n +506\.00 +506\.00\n$/);
  });

  it("refuses to list vouchers while a dimension declaration is wrong", () => {
    const run = runCli(["report", "vouchers", writeJournal(`${JOURNAL}2026-01-01 custom "dimension" "client" "X" "Y"\n`)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/main\.beancount:47:1: error: unknown dimension kind "client"/);
  });

  it("marks a voucher whose debits and credits differ", () => {
    const file = writeJournal(`2026-01-01 open Assets:1001-现金\n2026-01-01 open Expenses:6602-管理费用\n2026-01-05 * "差一分"\n  Expenses:6602-管理费用  10.004 CNY\n  Assets:1001-现金  -10.00 CNY\n`);
    const run = runCli(["report", "vouchers", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 voucher with debits ≠ credits");
  });
});
