// `report trial` (科目余额表) through the CLI: every figure equals `bal` (opening before the period,
// closing after it, the period's debits less credits within it), the gross debits and credits are
// the period's postings, and debits equal credits in every column pair of the total.
import { afterAll, describe, expect, it } from "vitest";
import { ChartOfAccounts } from "../../src/books/accounts.js";
import { Decimal } from "../../src/core/number.js";
import { DEFAULT_OPTIONS } from "../../src/core/options.js";
import { agree, trialSheet } from "../../src/reports/trial.js";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "../reports/samples.js";
import { amount, balanceUnder, balances, csvRecords, removeJournals, writeJournal, type Records } from "./helpers.js";

afterAll(removeJournals);

const PERIODS = [
  { period: "2026", begin: "2026-01-01", end: "2027-01-01" },
  { period: "2026Q2", begin: "2026-04-01", end: "2026-07-01" },
  { period: "2026-03", begin: "2026-03-01", end: "2026-04-01" },
  { period: null, begin: null, end: null },
];

const under = (account: string) => (name: string) => name === account || name.startsWith(`${account}:`);

/** The gross debits and credits of the postings under `account` in `reg`'s rows. */
function grossOf(register: Records, account: string, commodity: string): { debit: Decimal; credit: Decimal } {
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  for (const row of register) {
    if (row.row === "total" || row.commodity !== commodity || !under(account)(row.account!)) continue;
    const value = new Decimal(row.amount!);
    if (value.isPositive()) debit = debit.plus(value);
    else credit = credit.minus(value);
  }
  return { debit, credit };
}

export function expectBalancedTotals(rows: Records): void {
  const totals = rows.filter((row) => row.row === "total");
  expect(totals.length).toBeGreaterThan(0);
  for (const total of totals) {
    expect(amount(total.opening_debit).equals(amount(total.opening_credit)), `opening ${total.currency}`).toBe(true);
    expect(amount(total.debit).equals(amount(total.credit)), `period ${total.currency}`).toBe(true);
    expect(amount(total.closing_debit).equals(amount(total.closing_credit)), `closing ${total.currency}`).toBe(true);
  }
}

/** Each row against bal and the register; the first-level rows add up to the total. */
function expectAgreesWithBal(file: string, rows: Records, range: { begin: string | null; end: string | null }, register: Records): void {
  const before = range.begin === null ? new Map() : balances(file, { end: range.begin });
  const after = balances(file, { end: range.end });
  const within = balances(file, range);
  const body = rows.filter((row) => row.row !== "total");
  expect(body.length).toBeGreaterThan(5);
  // (The conversions row has no account: it is what converting transactions leave.)
  for (const row of body.filter((row) => row.account !== "")) {
    const what = `${row.account} ${row.currency}`;
    const opening = amount(row.opening_debit).minus(amount(row.opening_credit));
    const closing = amount(row.closing_debit).minus(amount(row.closing_credit));
    expect(opening.equals(balanceUnder(before, row.account!, row.currency!)), `${what} opening ${opening}`).toBe(true);
    expect(closing.equals(balanceUnder(after, row.account!, row.currency!)), `${what} closing ${closing}`).toBe(true);
    expect(amount(row.debit).minus(amount(row.credit)).equals(balanceUnder(within, row.account!, row.currency!)), `${what} period`).toBe(true);
    const gross = grossOf(register, row.account!, row.currency!);
    expect([amount(row.debit).toFixed(), amount(row.credit).toFixed()], what).toEqual([gross.debit.toFixed(), gross.credit.toFixed()]);
    // A balance is in one column only.
    expect(amount(row.opening_debit).isZero() || amount(row.opening_credit).isZero()).toBe(true);
    expect(amount(row.closing_debit).isZero() || amount(row.closing_credit).isZero()).toBe(true);
  }
  // Every account bal knows is in the report, under its first-level account.
  for (const account of after.keys()) expect(body.some((row) => row.account === account), account).toBe(true);
  for (const total of rows.filter((row) => row.row === "total")) {
    const firstLevel = body.filter((row) => (row.level === "1" || row.account === "") && row.currency === total.currency);
    for (const column of ["opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit"]) {
      const sum = firstLevel.reduce((total, row) => total.plus(amount(row[column])), new Decimal(0));
      expect(sum.equals(amount(total[column])), column).toBe(true);
    }
  }
}

describe("report trial on the samples", () => {
  for (const [name, file] of [["Chinese", CHINESE_SAMPLE], ["English", ENGLISH_SAMPLE]] as const) {
    for (const { period, begin, end } of PERIODS) {
      it(`${name} sample, ${period ?? "all dates"}: each figure equals bal, debits equal credits`, () => {
        const periodArgs = period === null ? [] : ["-p", period];
        const rows = csvRecords(["report", "trial", file, ...periodArgs]);
        expectBalancedTotals(rows);
        expectAgreesWithBal(file, rows, { begin, end }, csvRecords(["reg", file, ...periodArgs]));
      });
    }
  }

  it("lists the accounts in code order, each parent before its subaccounts, and rolls parents up", () => {
    const rows = csvRecords(["report", "trial", CHINESE_SAMPLE, "-p", "2026-03"]).filter((row) => row.row !== "total");
    const codes = rows.map((row) => row.code!);
    expect(codes.slice(0, 4)).toEqual(["1001", "1002", "100201", "100202"]);
    const parent = rows.find((row) => row.code === "660201")!;
    expect(parent).toMatchObject({ name: "管理费用-客户管理费", account: "Expenses:6602-管理费用:01-客户管理费", level: "2" });
    const children = rows.filter((row) => row.code!.startsWith("660201") && row.code !== "660201");
    expect(children.length).toBeGreaterThan(1);
    for (const column of ["debit", "credit", "closing_debit"]) {
      expect(children.reduce((sum, row) => sum.plus(amount(row[column])), new Decimal(0)).equals(amount(parent[column]))).toBe(true);
    }
  });

  it("shows levels 1 to N with --depth, with the same totals", () => {
    const all = csvRecords(["report", "trial", CHINESE_SAMPLE, "-p", "2026Q2"]);
    const top = csvRecords(["report", "trial", CHINESE_SAMPLE, "-p", "2026Q2", "--depth", "1"]);
    expect(top.filter((row) => row.row !== "total").every((row) => row.level === "1")).toBe(true);
    expect(top.filter((row) => row.row !== "total")).toEqual(all.filter((row) => row.level === "1"));
    expect(top.filter((row) => row.row === "total")).toEqual(all.filter((row) => row.row === "total"));
    const two = csvRecords(["report", "trial", CHINESE_SAMPLE, "-p", "2026Q2", "--depth", "2"]);
    expect(new Set(two.filter((row) => row.row !== "total").map((row) => row.level))).toEqual(new Set(["1", "2"]));
  });

  it("writes a table with Chinese or English headings, and JSON", () => {
    const zh = runCli(["report", "trial", CHINESE_SAMPLE, "-p", "2026-03", "--depth", "1", "--lang", "zh"], { COLUMNS: "160" });
    expect(zh.code).toBe(0);
    expect(zh.stdout.split("\n").slice(0, 4)).toEqual([
      "科目余额表  2026-03-01..2026-03-31  一级科目",
      "",
      expect.stringMatching(/^ 科目代码 +科目名称 +期初借方 +期初贷方 +本期借方 +本期贷方 +期末借方 +期末贷方$/),
      expect.stringMatching(/^─+$/),
    ]);
    expect(zh.stdout).toMatch(/\n 6602 +管理费用 +75,470\.00 +0\.00 +12,634\.00 +0\.00 +88,104\.00 +0\.00\n/);
    expect(zh.stdout).toMatch(/\n 合计 +3,669,483\.00 +3,669,483\.00 +1,096,119\.00 +1,096,119\.00 +4,461,277\.00 +4,461,277\.00\n$/);
    const en = runCli(["report", "trial", ENGLISH_SAMPLE, "--lang", "en"], { COLUMNS: "160" });
    expect(en.stdout).toMatch(/^Trial balance  all dates\n\n Code +Account name +Opening Dr +Opening Cr +Period Dr +Period Cr +Closing Dr +Closing Cr\n/);
    // Accounts without codes are named by their components, indented by level.
    expect(en.stdout).toMatch(/\n +CustomerCare +0\.00 +0\.00 +[\d,]+\.\d\d/);
    expect(en.stdout).toMatch(/\n +Visits +0\.00/);
    const json = JSON.parse(runCli(["report", "trial", CHINESE_SAMPLE, "-p", "2026-03", "--format", "json"]).stdout);
    expect(json).toMatchObject({ report: "trial", begin: "2026-03-01", end: "2026-04-01", depth: null, unbalanced: [] });
    expect(json.rows[0]).toEqual({
      row: "data", currency: "CNY", code: "1001", name: "库存现金", account: "Assets:1001-库存现金", level: 1,
      opening_debit: "5568.00", opening_credit: "0.00", debit: "0.00", credit: "0.00", closing_debit: "5568.00", closing_credit: "0.00",
    });
  });
});

const CURRENCIES = `option "operating_currency" "CNY"
2026-01-01 open Assets:1002-银行存款:01-人民币户
2026-01-01 open Assets:1002-银行存款:02-美元户
2026-01-01 open Assets:1511-长期股权投资
2026-01-01 open Equity:4001-实收资本
2026-01-01 open Expenses:6602-管理费用

2026-01-02 * "投入"
  Assets:1002-银行存款:01-人民币户   100000.00 CNY
  Assets:1002-银行存款:02-美元户       1000.00 USD
  Equity:4001-实收资本              -100000.00 CNY
  Equity:4001-实收资本                -1000.00 USD

2026-02-03 * "美元付款"
  Expenses:6602-管理费用               710.00 CNY
  Assets:1002-银行存款:02-美元户      -100.00 USD @ 7.10 CNY

2026-03-04 * "购入股份"
  Assets:1511-长期股权投资               10 ACME {50.00 USD}
  Assets:1002-银行存款:02-美元户      -500.00 USD
`;

describe("report trial with several currencies", () => {
  it("has a section per currency, the books' first, with a conversions row that balances each", () => {
    const file = writeJournal(CURRENCIES);
    const rows = csvRecords(["report", "trial", file, "-p", "2026-02..2026-03"]);
    expectBalancedTotals(rows);
    expect([...new Set(rows.map((row) => row.currency))]).toEqual(["CNY", "ACME", "USD"]);
    const conversions = rows.filter((row) => row.name === "(currency conversions)");
    expect(conversions.map((row) => [row.currency, row.opening_debit, row.opening_credit, row.debit, row.credit, row.closing_debit, row.closing_credit])).toEqual([
      ["CNY", "0.00", "0.00", "0.00", "710.00", "0.00", "710.00"],
      ["ACME", "0", "0", "0", "10", "0", "10"],
      ["USD", "0.00", "0.00", "600.00", "0.00", "600.00", "0.00"],
    ]);
    expectAgreesWithBal(file, rows, { begin: "2026-02-01", end: "2026-04-01" }, csvRecords(["reg", file, "-p", "2026-02..2026-03"]));
  });

  it("heads each currency's rows in a table", () => {
    const run = runCli(["report", "trial", writeJournal(CURRENCIES), "--depth", "1"], { COLUMNS: "160" });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter((line) => /^ (CNY|USD|ACME)$/.test(line))).toEqual([" CNY", " ACME", " USD", " CNY", " ACME", " USD"]);
  });
});

describe("report trial: what balances only within tolerance, and totals that do not balance", () => {
  it("shows what transactions balanced only within their tolerance leave as a row of its own", () => {
    // Balanced within beancount's tolerance (0.005 at two places), not exactly.
    const file = writeJournal(`2026-01-01 open Assets:1001-现金\n2026-01-01 open Expenses:6602-管理费用\n2026-01-05 * "差一点"\n  Expenses:6602-管理费用  10.004 CNY\n  Assets:1001-现金  -10.00 CNY\n`);
    const rows = csvRecords(["report", "trial", file]);
    expectBalancedTotals(rows);
    expect(rows.find((row) => row.name === "(rounding within tolerance)")).toMatchObject({ debit: "0.000", credit: "0.004", closing_credit: "0.004" });
    expect(runCli(["report", "trial", file, "--lang", "zh"]).stdout).toMatch(/\n +（容差尾差） +0\.00 +0\.00 +0\.00 +0\.004 +0\.00 +0\.004\n/);
  });

  it("flags a total whose debits and credits differ: in the caption, on the total row, in JSON", () => {
    const account = new ChartOfAccounts([], DEFAULT_OPTIONS.accountRoots).account("Assets:1001-现金");
    const figures = { opening: new Decimal(0), debit: new Decimal(5), credit: new Decimal(0), closing: new Decimal(5) };
    const total = { openingDebit: new Decimal(0), openingCredit: new Decimal(0), debit: new Decimal(5), credit: new Decimal(0), closingDebit: new Decimal(5), closingCredit: new Decimal(0) };
    const sheet = trialSheet({
      query: { begin: null, end: null, depth: null, currency: "CNY" },
      sections: [{ currency: "CNY", rows: [{ account, currency: "CNY", ...figures }], conversions: null, rounding: null, total, balanced: false }],
    }, new Map());
    expect(sheet.caption.map((piece) => piece.zh)).toContain("借贷不平（CNY）：数字有误（feeledger 的缺陷，请报告）");
    expect(sheet.totals[0]).toMatchObject({ alert: true, cells: { name: { en: "debits ≠ credits", zh: "借贷不平" } } });
    expect(sheet.facts.unbalanced).toEqual(["CNY"]);
    expect(agree(new Decimal("1749129.641276173160173160172"), new Decimal("1749129.641276173160173160173"))).toBe(true);
    expect(agree(new Decimal("10.00"), new Decimal("10.01"))).toBe(false);
  });

  it("has nothing to report before the first transaction", () => {
    const run = runCli(["report", "trial", CHINESE_SAMPLE, "-e", "2025-06-01"]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "", "feeledger: nothing to report: no transactions before the end of the period\n"]);
  });
});
