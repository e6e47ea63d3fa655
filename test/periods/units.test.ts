// The pure parts of closing a month: voucher numbers, and the digest and totals of a month's entries.
import { afterAll, describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { monthDigest, monthEntries, monthTotals, formatTotals, parseTotals, totalDifferences } from "../../src/periods/digest.js";
import { assignVoucherNumbers, parseVoucher, voucherText } from "../../src/periods/numbering.js";
import { bookingDate, isLocked, periodState } from "../../src/periods/rule.js";
import { journal, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

describe("voucher numbers", () => {
  it("are the word, a hyphen and at least 4 digits", () => {
    expect(voucherText("记", 1)).toBe("记-0001");
    expect(voucherText("转", 12345)).toBe("转-12345");
    expect(parseVoucher("记-0012")).toEqual({ word: "记", number: 12 });
    expect(parseVoucher("收-款-3")).toEqual({ word: "收-款", number: 3 });
    expect(parseVoucher("0012")).toBeNull();
    expect(parseVoucher("记-")).toBeNull();
  });

  it("continue after the highest written or recorded, never giving a number twice", () => {
    expect(assignVoucherNumbers([null, null, null], "记", 0)).toEqual({ assigned: [1, 2, 3], last: 3 });
    expect(assignVoucherNumbers(["记-0002", null, "记-0005", null], "记", 0)).toEqual({ assigned: [null, 6, null, 7], last: 7 });
    // 1..12 were given at an earlier close; the entry that had 12 is gone.
    expect(assignVoucherNumbers(["记-0001", null], "记", 12)).toEqual({ assigned: [null, 13], last: 13 });
    // Another word's numbers (or unreadable ones) do not count.
    expect(assignVoucherNumbers(["转-0009", "x", null], "记", 0)).toEqual({ assigned: [null, null, 1], last: 1 });
  });
});

const CHART = `option "operating_currency" "CNY"
2026-01-01 open Assets:Bank CNY
2026-01-01 open Expenses:Fees CNY
2026-01-01 open Equity:Opening CNY
`;

function month(text: string, which = "2026-01") {
  const ledger = loadLedger(journal(`${CHART}${text}`));
  expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return monthEntries(ledger.entries, which);
}

describe("a month's digest", () => {
  const original = `
2026-01-05 * "Zoho" "CRM" #crm #b
  customer: "ACME"
  invoice: "1"
  Expenses:Fees  1,000.00 CNY
  Assets:Bank
2026-01-06 * "fees"
  Expenses:Fees  10.00 CNY
  Assets:Bank  -10.00 CNY
2026-01-06 balance Assets:Bank  -1000.00 CNY
2026-02-01 * "February"
  Expenses:Fees  5.00 CNY
  Assets:Bank
`;

  it("does not change with whitespace, number writing, elided amounts, tag or metadata order, entry order, or a voucher", () => {
    const digest = monthDigest(month(original));
    const rewritten = `
2026-01-06 balance   Assets:Bank   -1000 CNY
2026-01-06 * "fees"
  voucher: "记-0002"
  Expenses:Fees     10.0 CNY
  Assets:Bank
2026-01-05 * "Zoho"   "CRM" #b #crm
  invoice: "1"
  customer:  "ACME"
  voucher: "记-0001"
  Expenses:Fees  1000 CNY
  Assets:Bank  -1000.00 CNY
`;
    expect(monthDigest(month(rewritten))).toBe(digest);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("changes with anything the books hold: an amount, a narration, metadata, a flag, a date in the month, an entry more or less", () => {
    const digest = monthDigest(month(original));
    const changes = [
      original.replace("1,000.00", "1,000.01"),
      original.replace('"CRM"', '"CRM 2026"'),
      original.replace('invoice: "1"', 'invoice: "2"'),
      original.replace('2026-01-06 * "fees"', '2026-01-06 ! "fees"'),
      original.replace('2026-01-06 * "fees"', '2026-01-07 * "fees"'),
      original.replace("2026-01-06 balance Assets:Bank  -1000.00 CNY\n", ""),
      `${original}2026-01-31 note Assets:Bank "checked"\n`,
    ];
    for (const changed of changes) expect(monthDigest(month(changed))).not.toBe(digest);
    // Another month's entries do not count.
    expect(monthDigest(month(original.replace("5.00 CNY", "6.00 CNY")))).toBe(digest);
  });

  it("totals each account's movement, which a close records and reads back", () => {
    const totals = monthTotals(month(original));
    expect(formatTotals(totals)).toBe("Assets:Bank -1010.00 CNY; Expenses:Fees 1010.00 CNY");
    expect(formatTotals(parseTotals(formatTotals(totals))!)).toBe(formatTotals(totals));
    expect(parseTotals("Assets:Bank CNY")).toBeNull();
    const now = monthTotals(month(original.replace("10.00 CNY", "12.00 CNY").replace("-10.00 CNY", "-12.00 CNY")));
    expect(totalDifferences(totals, now).map((d) => [d.account, d.then?.amount.toFixed(2), d.now?.amount.toFixed(2)])).toEqual([
      ["Assets:Bank", "-1010.00", "-1012.00"], ["Expenses:Fees", "1010.00", "1012.00"],
    ]);
  });
});

describe("the rule", () => {
  it("locks every date through the latest closed month; a reopening lifts its close", () => {
    const closeOf = (which: string, last: string) => `${last} custom "period-closed" "${which}"\n  digest: "sha256:${"0".repeat(64)}"\n`;
    const ledger = loadLedger(journal(`${CHART}${closeOf("2026-02", "2026-02-28")}${closeOf("2026-03", "2026-03-31")}2026-03-31 custom "period-reopened" "2026-03"\n`));
    const state = periodState(ledger.entries);
    expect([...state.closed.keys()]).toEqual(["2026-02"]);
    expect(state.latest).toBe("2026-02");
    expect([isLocked(state, "2026-01-15"), isLocked(state, "2026-02-28"), isLocked(state, "2026-03-01")]).toEqual([true, true, false]);
    expect(bookingDate(state, "2026-01-15", "2026-02-20")).toBe("2026-03-01");
    expect(bookingDate(state, "2026-01-15", "2026-03-20")).toBe("2026-03-20");
    expect(bookingDate(state, "2026-03-05", "2026-03-01")).toBe("2026-03-05");
    expect(periodState(loadLedger(journal(CHART)).entries).latest).toBeNull();
  });
});
