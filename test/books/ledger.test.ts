// `report ledger` (明细账) through the CLI: the opening row is `bal` before the period, the running
// balance after each day's last row is `bal` at that day's end, 本月合计 and 本年累计 add up the
// month's and the year's postings; subaccounts in turn or rolled up; the account named by its
// beancount name, code or Chinese name.
import { afterAll, describe, expect, it } from "vitest";
import { addDays, endOfMonth } from "../../src/core/dates.js";
import { Decimal } from "../../src/core/number.js";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "../reports/samples.js";
import { amount, balanceUnder, balances, csvRecords, removeJournals, signedBalance, writeJournal, type Records } from "./helpers.js";

afterAll(removeJournals);

/** Memoised `bal -e DATE` of a journal. */
function balancesAt(file: string): (end: string | null) => Map<string, Map<string, Decimal>> {
  const cache = new Map<string | null, Map<string, Map<string, Decimal>>>();
  return (end) => {
    let found = cache.get(end);
    if (found === undefined) cache.set(end, (found = end === null ? new Map() : balances(file, { end })));
    return found;
  };
}

/** Gross debits and credits under an account in [begin, end), from `reg`. */
function gross(file: string, account: string, commodity: string, begin: string, end: string): { debit: Decimal; credit: Decimal } {
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  for (const row of csvRecords(["reg", file, "-b", begin, "-e", end])) {
    if (row.row === "total" || row.commodity !== commodity || !(row.account === account || row.account!.startsWith(`${account}:`))) continue;
    const value = new Decimal(row.amount!);
    if (value.isPositive()) debit = debit.plus(value);
    else credit = credit.minus(value);
  }
  return { debit, credit };
}

/** Every row of every ledger in `rows` against bal and reg. */
function expectLedgerAgreesWithBal(file: string, rows: Records, begin: string | null): void {
  const at = balancesAt(file);
  const sections = new Map<string, Records>();
  for (const row of rows) {
    const key = `${row.account} ${row.currency}`;
    sections.set(key, [...(sections.get(key) ?? []), row]);
  }
  expect(sections.size).toBeGreaterThan(0);
  for (const [key, section] of sections) {
    const account = section[0]!.account!;
    const commodity = section[0]!.currency!;
    expect(section[0]!.kind, key).toBe("opening");
    expect(signedBalance(section[0]!).equals(balanceUnder(at(begin), account, commodity)), `${key} opening`).toBe(true);
    let running = signedBalance(section[0]!);
    let monthDebit = new Decimal(0);
    let monthCredit = new Decimal(0);
    section.forEach((row, index) => {
      if (row.kind === "posting") {
        running = running.plus(amount(row.debit)).minus(amount(row.credit));
        monthDebit = monthDebit.plus(amount(row.debit));
        monthCredit = monthCredit.plus(amount(row.credit));
        expect(signedBalance(row).equals(running), `${key} ${row.date} running`).toBe(true);
        const next = section[index + 1];
        if (next === undefined || next.kind !== "posting" || next.date !== row.date) {
          expect(running.equals(balanceUnder(at(addDays(row.date!, 1)), account, commodity)), `${key} ${row.date}: ${running} against bal`).toBe(true);
        }
        expect(["Dr", "Cr", "Nil"][running.isZero() ? 2 : running.isPositive() ? 0 : 1]).toBe(row.direction);
      } else if (row.kind === "month") {
        expect([row.debit, row.credit, row.date], `${key} month`).toEqual([monthDebit.toFixed(2), monthCredit.toFixed(2), endOfMonth(row.date!)]);
        expect(signedBalance(row).equals(running)).toBe(true);
        monthDebit = new Decimal(0);
        monthCredit = new Decimal(0);
      } else if (row.kind === "year") {
        const year = gross(file, account, commodity, `${row.date!.slice(0, 4)}-01-01`, addDays(row.date!, 1));
        expect([row.debit, row.credit], `${key} year to ${row.date}`).toEqual([year.debit.toFixed(2), year.credit.toFixed(2)]);
        expect(section[index - 1]!.kind).toBe("month");
      }
    });
  }
}

describe("report ledger on the samples", () => {
  it("其他应付款 over two months: each employee's ledger in turn, every balance as bal has it", () => {
    const rows = csvRecords(["report", "ledger", CHINESE_SAMPLE, "2241", "-p", "2026-02..2026-03"]);
    expect(new Set(rows.map((row) => row.account)).size).toBeGreaterThan(3);
    expect(rows.every((row) => row.account!.startsWith("Liabilities:2241-其他应付款:"))).toBe(true);
    expectLedgerAgreesWithBal(CHINESE_SAMPLE, rows, "2026-02-01");
  });

  it("银行存款 rolled up over the year: one ledger, each posting naming its subaccount", () => {
    const rows = csvRecords(["report", "ledger", CHINESE_SAMPLE, "Assets:1002-银行存款", "--rollup", "-p", "2026"]);
    expect(new Set(rows.map((row) => row.account))).toEqual(new Set(["Assets:1002-银行存款"]));
    expect(new Set(rows.filter((row) => row.kind === "posting").map((row) => row.posting_code))).toEqual(new Set(["100201", "100202"]));
    expect(rows.filter((row) => row.kind === "month").length).toBe(12);
    expectLedgerAgreesWithBal(CHINESE_SAMPLE, rows, "2026-01-01");
  });

  it("an English account without code over all dates, from a zero opening", () => {
    const rows = csvRecords(["report", "ledger", ENGLISH_SAMPLE, "Liabilities:Payable"]);
    expect(rows[0]).toMatchObject({ kind: "opening", date: "", direction: "Nil", balance: "0.00" });
    expectLedgerAgreesWithBal(ENGLISH_SAMPLE, rows, null);
  });

  it("counts the year to date from the first of January, postings before the period included", () => {
    const rows = csvRecords(["report", "ledger", CHINESE_SAMPLE, "100201", "-p", "2026-03"]);
    const year = rows.find((row) => row.kind === "year")!;
    const month = rows.find((row) => row.kind === "month")!;
    expect(amount(year.debit).greaterThan(amount(month.debit))).toBe(true);
    expectLedgerAgreesWithBal(CHINESE_SAMPLE, rows, "2026-03-01");
  });

  it("draws the ledger as a written 明细账: 期初余额, 本月合计, 本年累计, 借/贷/平, the side a posting is not on blank", () => {
    const run = runCli(["report", "ledger", CHINESE_SAMPLE, "其他应付款-王伟", "-p", "2026-02", "--lang", "zh"], { COLUMNS: "120" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      "明细账  2241E01 其他应付款-王伟  2026-02-01..2026-02-28",
      "",
      " 日期          凭证号    摘要                              借方        贷方    方向      余额",
      "──────────────────────────────────────────────────────────────────────────────────",
      " 2241E01 其他应付款-王伟  CNY",
      " 2026-02-01              期初余额                                              平        0.00",
      " 2026-02-03              春节前走访宏达制造苏州工厂                  631.00    贷      631.00",
      " 2026-02-09              报销款支付（网银批量代付）      631.00                平        0.00",
      " 2026-02-28              本月合计                        631.00      631.00    平        0.00",
      " 2026-02-28              本年累计                      3,077.00    3,077.00    平        0.00",
      "",
    ].join("\n"));
  });

  it("shows the voucher numbers written on the transactions", () => {
    const file = writeJournal([
      "2026-01-01 open Assets:1001-现金",
      "2026-01-01 open Expenses:6602-管理费用",
      '2026-01-05 * "打车"',
      '  voucher: "记-0003"',
      "  Expenses:6602-管理费用  35.00 CNY",
      "  Assets:1001-现金",
      "",
    ].join("\n"));
    const rows = csvRecords(["report", "ledger", file, "1001"]);
    expect(rows.map((row) => [row.kind, row.voucher, row.summary, row.debit, row.credit, row.direction, row.balance])).toEqual([
      ["opening", "", "Opening balance", "", "", "Nil", "0.00"],
      ["posting", "记-0003", "打车", "", "35.00", "Cr", "35.00"],
      ["month", "", "Month total", "0.00", "35.00", "Cr", "35.00"],
      ["year", "", "Year to date", "0.00", "35.00", "Cr", "35.00"],
    ]);
  });
});

describe("report ledger: naming the account", () => {
  it("takes a code, a Chinese name or the account, and refuses an unknown or ambiguous one (exit 2)", () => {
    const byCode = runCli(["report", "ledger", CHINESE_SAMPLE, "660202", "-p", "2026-01", "--format", "csv"]).stdout;
    expect(runCli(["report", "ledger", CHINESE_SAMPLE, "管理费用-业务招待费", "-p", "2026-01", "--format", "csv"]).stdout).toBe(byCode);
    expect(runCli(["report", "ledger", CHINESE_SAMPLE, "Expenses:6602-管理费用:02-业务招待费", "-p", "2026-01", "--format", "csv"]).stdout).toBe(byCode);
    const unknown = runCli(["report", "ledger", CHINESE_SAMPLE, "9999"]);
    expect([unknown.code, unknown.stdout]).toEqual([2, ""]);
    expect(unknown.stderr).toContain("no account '9999'");
    const missing = runCli(["report", "ledger", CHINESE_SAMPLE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("name the account");
    const file = writeJournal("2026-01-01 open Assets:1001-现金\n2026-01-01 open Assets:Cash\n  code: \"1001\"\n");
    const ambiguous = runCli(["report", "ledger", file, "1001"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("'1001' names 2 accounts: Assets:1001-现金, Assets:Cash");
  });
});
