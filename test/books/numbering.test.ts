// The voucher-numbering rule (numberVouchers): each month from 1, in date order then journal order,
// written numbers kept and never given again.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { numberVouchers, numberingItems, type NumberingItem } from "../../src/periods/vouchers.js";
import { parseVoucher as parseVoucherText, voucherText, voucherWord } from "../../src/periods/numbering.js";
import { removeJournals, writeJournal } from "./helpers.js";

afterAll(removeJournals);

const texts = (items: readonly NumberingItem[], word = "记", issued?: ReadonlyMap<string, number>) =>
  numberVouchers(items, word, issued).numbers.map((number) => number?.text ?? null);

describe("voucher numbers", () => {
  it("reads and writes 记-0001", () => {
    expect(voucherText("记", 1)).toBe("记-0001");
    expect(voucherText("收", 12345)).toBe("收-12345");
    expect(parseVoucherText("记-0007")).toEqual({ word: "记", number: 7 });
    expect(parseVoucherText(" 转-12 ")).toEqual({ word: "转", number: 12 });
    expect(parseVoucherText("记-0000")).toBeNull();
    expect(parseVoucherText("记0001")).toBeNull();
    expect(parseVoucherText("-0001")).toBeNull();
  });

  it("numbers each month from 1 in date order, then in the order given", () => {
    const items = [
      { date: "2026-01-20", written: null },
      { date: "2026-01-05", written: null },
      { date: "2026-02-01", written: null },
      { date: "2026-01-05", written: null },
      { date: "2026-02-01", written: null },
    ];
    expect(texts(items)).toEqual(["记-0003", "记-0001", "记-0001", "记-0002", "记-0002"]);
    expect(numberVouchers(items, "记").numbers.every((number) => number?.kept === false)).toBe(true);
  });

  it("keeps numbers already written, and gives new ones after the month's highest", () => {
    const items = [
      { date: "2026-03-01", written: null },
      { date: "2026-03-02", written: "记-0002" },
      { date: "2026-03-03", written: null },
      { date: "2026-03-04", written: "记-0005" },
      { date: "2026-03-05", written: null },
      { date: "2026-04-01", written: null },
    ];
    const result = numberVouchers(items, "记");
    expect(result.numbers.map((number) => number?.text)).toEqual(["记-0006", "记-0002", "记-0007", "记-0005", "记-0008", "记-0001"]);
    expect(result.numbers.map((number) => number?.kept)).toEqual([false, true, false, true, false, false]);
    expect(result.problems).toEqual([]);
  });

  it("never gives again a number given before (issued), nor counts another word's numbers", () => {
    const items = [{ date: "2026-03-10", written: "收-0009" }, { date: "2026-03-11", written: null }];
    expect(texts(items)).toEqual(["收-0009", "记-0001"]);
    expect(texts(items, "记", new Map([["2026-03", 4]]))).toEqual(["收-0009", "记-0005"]);
  });

  it("keeps a malformed voucher as written, without a number, and names two transactions with one number", () => {
    const items = [
      { date: "2026-05-01", written: "第一号" },
      { date: "2026-05-02", written: "记-0001" },
      { date: "2026-05-03", written: "记-1" },
      { date: "2026-05-04", written: null },
    ];
    const result = numberVouchers(items, "记");
    expect(result.numbers.map((number) => number?.text ?? null)).toEqual([null, "记-0001", "记-0001", "记-0002"]);
    expect(result.problems.map((problem) => [problem.code, problem.items])).toEqual([["voucher-malformed", [0]], ["voucher-duplicate", [1, 2]]]);
  });

  it("always gives each month's vouchers of the word distinct numbers, new ones running on from the highest kept", () => {
    const item = fc.record({
      date: fc.constantFrom("2026-01-03", "2026-01-15", "2026-01-31", "2026-02-01", "2026-02-14"),
      written: fc.option(fc.integer({ min: 1, max: 30 }).map((number) => voucherText("记", number)), { freq: 3 }),
    });
    fc.assert(fc.property(fc.array(item, { maxLength: 40 }), (items) => {
      // Written numbers are distinct per month (a journal with duplicates gets a problem, tested above).
      const seen = new Set<string>();
      const distinct = items.filter((i) => i.written === null || !seen.has(`${i.date.slice(0, 7)} ${i.written}`) && seen.add(`${i.date.slice(0, 7)} ${i.written}`));
      const { numbers, problems } = numberVouchers(distinct, "记");
      expect(problems).toEqual([]);
      for (const month of ["2026-01", "2026-02"]) {
        const inMonth = distinct.map((i, index) => ({ ...i, index })).filter((i) => i.date.startsWith(month));
        const given = inMonth.map((i) => numbers[i.index]!);
        expect(new Set(given.map((n) => n.number)).size).toBe(given.length);
        const highestKept = Math.max(0, ...given.filter((n) => n.kept).map((n) => n.number));
        const fresh = inMonth.filter((i) => i.written === null).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
        expect(fresh.map((i) => numbers[i.index]!.number)).toEqual(fresh.map((_, n) => highestKept + n + 1));
        for (const i of inMonth) if (i.written !== null) expect(numbers[i.index]!.text).toBe(i.written);
      }
    }), { numRuns: 300 });
  });

  it("numbers a journal's transactions of the books in the range, not pending claims nor what a pad generates", () => {
    const ledger = loadLedger(writeJournal([
      '2026-01-01 custom "feeledger-option" "voucher-word" "转"',
      "2026-01-01 open Assets:1001-现金",
      "2026-01-01 open Assets:1002-银行",
      "2026-01-01 open Equity:4001-实收资本",
      "2026-01-01 open Expenses:6602-管理费用",
      "2026-01-01 open Liabilities:2241-其他应付款",
      "2026-01-02 pad Assets:1002-银行 Equity:4001-实收资本",
      "2026-01-03 balance Assets:1002-银行  100.00 CNY",
      '2026-01-09 * "打车"',
      "  Expenses:6602-管理费用  35.00 CNY",
      "  Assets:1001-现金",
      '2026-01-05 * "投入"',
      '  voucher: "转-0004"',
      "  Assets:1001-现金  1000.00 CNY",
      "  Equity:4001-实收资本",
      '2026-01-07 ! "王伟" "待审批"',
      '  claim: "EC-9"',
      '  claimant: "王伟"',
      "  Expenses:6602-管理费用  10.00 CNY",
      "  Liabilities:2241-其他应付款",
      '2026-02-01 * "下月"',
      "  Expenses:6602-管理费用  1.00 CNY",
      "  Assets:1001-现金",
      "",
    ].join("\n")));
    const found = numberingItems(ledger.entries, { begin: "2026-01-01", end: "2026-02-01" });
    expect(found.map(({ transaction, item }) => [transaction.narration, item])).toEqual([
      ["投入", { date: "2026-01-05", written: "转-0004" }],
      ["打车", { date: "2026-01-09", written: null }],
    ]);
    expect(texts(found.map(({ item }) => item), voucherWord(ledger.entries))).toEqual(["转-0004", "转-0005"]);
  });
});
