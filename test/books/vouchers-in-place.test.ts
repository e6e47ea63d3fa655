// Vouchers of compact transactions are read in place (src/periods/vouchers.ts, plainVoucherOf):
// held here to what the objects of the same transactions give, field by field, on the samples and
// on a journal with the metadata that matters (numbers, attachments, summaries, preparers, blank
// and non-string values, dimensions on the transaction and on postings). The report's scaled amount
// text is held to amountText of its Decimal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChartOfAccounts } from "../../src/books/accounts.js";
import { readDimensionCodes } from "../../src/books/dimensions.js";
import { decimalOf } from "../../src/core/amount.js";
import type { LedgerEntry } from "../../src/core/data.js";
import { PlainTransaction } from "../../src/core/plain-transaction.js";
import { loadLedger } from "../../src/loader/load.js";
import { buildVouchers } from "../../src/periods/vouchers.js";
import type { Voucher } from "../../src/periods/voucher-model.js";
import { amountText } from "../../src/reports/sheet.js";
import { vouchersReport } from "../../src/reports/vouchers.js";
import { scaledPlainText } from "../../src/reports/display.js";
import { removeJournals, writeJournal } from "./helpers.js";
import { afterAll } from "vitest";

afterAll(removeJournals);

const JOURNAL = `option "operating_currency" "CNY"
2026-01-01 custom "dimension" "customer" "C001" "ACME"
2026-01-01 custom "dimension" "employee" "E01" "王伟"
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Liabilities:2241-其他应付款:E01-王伟
2026-01-01 open Equity:4001-实收资本
2026-01-01 open Expenses:6602-管理费用:01-客户拜访
2026-01-01 open Expenses:6602-管理费用:02-业务招待费

2026-01-02 * "投资款" "股东投入"
  voucher: "记-0007"
  Assets:1002-银行存款:01-工商银行     100000.00 CNY
  Equity:4001-实收资本

2026-01-08 * "王伟" "拜访ACME"
  claim: "EC-1"
  claimant: "王伟"
  customer: "ACME"
  Expenses:6602-管理费用:01-客户拜访      86.10 CNY
    invoice: "031002500404-16728806"
    customer: "  "
  Expenses:6602-管理费用:02-业务招待费     420 CNY
    receipt: "r.pdf"
    customer: "蓝海物流"
    narration: "午餐招待"
  Expenses:6602-管理费用:02-业务招待费       0.00 CNY
    narration: " "
  Liabilities:2241-其他应付款:E01-王伟

2026-01-09 * "" ""
  prepared-by: "赵敏"
  voucher: "bad"
  project: 12
  Expenses:6602-管理费用:01-客户拜访    0.005 CNY
    invoice: TRUE
  Assets:1002-银行存款:01-工商银行   -0.005 CNY

2026-01-10 * "只有收款人"
  customer: "ACME"
  Expenses:6602-管理费用:01-客户拜访    12345678901.123 CNY
    claimant: "王伟"
  Assets:1002-银行存款:01-工商银行
`;

/** The same transaction as a plain object (voucherOf then reads it through its objects). */
function asObject(entry: LedgerEntry): LedgerEntry {
  if (!(entry instanceof PlainTransaction)) return entry;
  return {
    type: "transaction", date: entry.date, span: entry.span, meta: entry.meta, flag: entry.flag, payee: entry.payee, narration: entry.narration,
    tags: entry.tags, links: entry.links, postings: entry.postings, booked: entry.booked,
  } as unknown as LedgerEntry;
}

/** A voucher as plain data (Decimals as text). */
function plain(voucher: Voucher): unknown {
  return {
    ...voucher,
    lines: voucher.lines.map((line) => ({
      accountCode: line.accountCode, accountName: line.accountName, account: line.account, summary: line.summary,
      debit: line.debit.toFixed(), credit: line.credit.toFixed(), currency: line.currency, foreign: line.foreign,
      dimensions: line.dimensions, span: line.span,
    })),
  };
}

function bothWays(file: string): { inPlace: Voucher[]; objects: Voucher[]; compact: number } {
  const ledger = loadLedger(file);
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const { codes } = readDimensionCodes(ledger.entries);
  const range = { begin: null, end: null };
  const inPlace = buildVouchers({ entries: ledger.entries, options: ledger.options, chart, dimensionCodes: codes }, range);
  const objects = buildVouchers({ entries: ledger.entries.map(asObject), options: ledger.options, chart, dimensionCodes: codes }, range);
  const compact = ledger.entries.filter((entry) => entry instanceof PlainTransaction && entry.bookedAsPostings).length;
  return { inPlace, objects, compact };
}

describe("vouchers read in place", () => {
  for (const file of ["samples/customer-fees-2026.beancount", "samples/customers-2026.beancount", "samples/english.beancount", "samples/english-claims.beancount"]) {
    it(`are the vouchers of the objects: ${file}`, () => {
      const { inPlace, objects, compact } = bothWays(file);
      expect(compact).toBeGreaterThan(0);
      expect(inPlace.map(plain)).toEqual(objects.map(plain));
      expect(vouchersReport(inPlace, { begin: null, end: null }, "CNY").totals.map((t) => [t.currency, t.debit.toFixed(), t.credit.toFixed()]))
        .toEqual(vouchersReport(objects, { begin: null, end: null }, "CNY").totals.map((t) => [t.currency, t.debit.toFixed(), t.credit.toFixed()]));
    });
  }

  it("read numbers, attachments, summaries, preparers and dimensions as the objects do", () => {
    const { inPlace, objects, compact } = bothWays(writeJournal(JOURNAL));
    expect(compact).toBe(4);
    expect(inPlace.map(plain)).toEqual(objects.map(plain));
    expect(inPlace.map((voucher) => [voucher.number, voucher.attachments, voucher.preparer])).toEqual([[7, 0, ""], [null, 2, "王伟"], [null, 1, "赵敏"], [null, 0, ""]]);
    const report = (vouchers: Voucher[]) => {
      const built = vouchersReport(vouchers, { begin: null, end: null }, "CNY");
      return [[...built.unbalanced], built.totals.map((t) => [t.currency, t.debit.toFixed(), t.credit.toFixed()])];
    };
    expect(report(inPlace)).toEqual(report(objects));
  });
});

describe("PlainTransaction.postingMetaCountAt", () => {
  it("is the number of each posting's own metadata lines", () => {
    const ledger = loadLedger(writeJournal(JOURNAL));
    let postings = 0;
    for (const entry of ledger.entries) {
      if (!(entry instanceof PlainTransaction)) continue;
      const counts: number[] = [];
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) counts.push(entry.postingMetaCountAt(at));
      expect(counts).toEqual(entry.postings.map((posting) => posting.meta.length));
      postings += counts.length;
    }
    expect(postings).toBeGreaterThan(4);
  });
});

describe("scaledPlainText", () => {
  it("is amountText of the Decimal", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 12 }), fc.option(fc.integer({ min: 0, max: 8 })),
      (scaled, scale, usual) => {
        const scales = new Map(usual === null ? [] : [["CNY", usual]]);
        expect(scaledPlainText(scaled, scale, "CNY", scales)).toBe(amountText(decimalOf(scaled, scale), "CNY", scales));
      },
    ), { numRuns: 2000 });
  });

  it("keeps the places of round numbers", () => {
    const scales = new Map([["CNY", 2]]);
    for (const [scaled, scale] of [[100, 2], [1000, 0], [5, 3], [12_000, 3], [10, 1]] as const) {
      expect(scaledPlainText(scaled, scale, "CNY", scales)).toBe(amountText(decimalOf(scaled, scale), "CNY", scales));
    }
  });
});
