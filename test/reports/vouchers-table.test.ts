// `report vouchers` draws its terminal table itself (src/reports/vouchers-table.ts): the same bytes
// as the sheet's path (vouchersTable and vouchersRows through writeSheetTableFrom) for any journal,
// width and language, colour off; its amounts and measures as the general ones make them.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ChartOfAccounts } from "../../src/books/accounts.js";
import { readDimensionCodes } from "../../src/books/dimensions.js";
import { loadLedger } from "../../src/loader/load.js";
import { booksCurrency, buildVouchers } from "../../src/periods/vouchers.js";
import { displayScales, scaledPlainText } from "../../src/reports/display.js";
import { vouchersReport, vouchersRows, vouchersTable } from "../../src/reports/vouchers.js";
import {
  VoucherLines, amountCellWidth, readVoucherLines, shapedAmountText, tableSimpleWidth, writeVouchersTable,
} from "../../src/reports/vouchers-table.js";
import { tableAmount, writeSheetTableFrom, type SheetStyle } from "../../src/render/sheet.js";
import { displayWidth, groupedNumber, tableMeasure } from "../../src/render/table.js";
import { terminalText } from "../../src/render/terminal.js";
import { simpleWidth } from "../../src/core/display-width.js";
import { amountCell } from "../../src/reports/table-amount.js";
import type { Lang } from "../../src/i18n/lang.js";
import { removeJournals, writeJournal } from "../books/helpers.js";

afterAll(removeJournals);

/** Both drawings of `report vouchers` for a journal: [the direct one, the sheet's]. */
function both(text: string, lang: Lang, width: number, range: { begin: string | null; end: string | null } = { begin: null, end: null }): [string, string] {
  const ledger = loadLedger(writeJournal(text));
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
  const source = { entries: ledger.entries, options: ledger.options, chart, dimensionCodes: readDimensionCodes(ledger.entries).codes };
  const scales = displayScales(ledger.entries);
  const style: SheetStyle = { format: "table", lang, color: false, width, bom: false };
  const vouchers = buildVouchers(source, range);
  const report = vouchersReport(vouchers, range, booksCurrency(ledger.options));
  const sheet: string[] = [];
  writeSheetTableFrom(vouchersTable(report, scales), style, vouchersRows(report, scales, "table", lang), (piece) => { sheet.push(piece); });
  const strlen = tableMeasure();
  const lines = new VoucherLines(scales, lang, strlen);
  readVoucherLines(source, range, lines);
  expect(lines.count).toBe(vouchers.length);
  const direct: Buffer[] = [];
  writeVouchersTable(lines, range, booksCurrency(ledger.options), scales, style, (bytes) => { direct.push(Buffer.from(bytes)); }, strlen);
  // The usual places counted while reading (as the command reads) are displayScales', and so is the table.
  const counted = new VoucherLines(null, lang, strlen);
  readVoucherLines(source, range, counted);
  expect(new Map([...counted.scalesOf].sort())).toEqual(new Map([...scales].sort()));
  const again: Buffer[] = [];
  writeVouchersTable(counted, range, booksCurrency(ledger.options), counted.scalesOf, style, (bytes) => { again.push(Buffer.from(bytes)); }, strlen);
  expect(Buffer.concat(again).toString("utf8")).toBe(Buffer.concat(direct).toString("utf8"));
  return [Buffer.concat(direct).toString("utf8"), sheet.join("")];
}

const HEAD = `option "operating_currency" "CNY"
2026-01-01 custom "dimension" "customer" "C001" "ACME"
2026-01-01 custom "dimension" "employee" "E01" "王伟"
2026-01-01 custom "dimension" "部门" "D01" "华东销售部"
2026-01-01 commodity CNY
2026-01-01 commodity BTC
2026-01-01 open Assets:1002-银行存款:01-工商银行
2026-01-01 open Assets:1002-银行存款:03-美元户
2026-01-01 open Liabilities:2241-其他应付款:E01-王伟
2026-01-01 open Equity:4001-实收资本
2026-01-01 open Expenses:6602-管理费用:01-客户管理费:01-客户拜访
2026-01-01 open Expenses:6602-管理费用:03-一个非常非常非常长的科目名称用来测试截断
  name: "自定义 name "
2026-01-01 open Expenses:Misc
`;

/** Vouchers read through buildVouchers (a price, a pad) and one of a posting too long for a scaled integer. */
const SPECIAL = `
2026-03-02 pad Assets:1002-银行存款:03-美元户 Equity:4001-实收资本
2026-03-03 balance Assets:1002-银行存款:03-美元户  500.00 USD

2026-03-04 * "美元付款" "海外展会费"
  prepared-by: "赵敏"
  project: "海外展"
  Expenses:6602-管理费用:01-客户管理费:01-客户拜访    710.00 CNY
  Assets:1002-银行存款:03-美元户                  -100.00 USD @ 7.10 CNY

2026-03-05 * "大数" "很多位数"
  claimant: "王伟"
  Expenses:Misc      123456789012345678901234.5 CNY
  Equity:4001-实收资本
`;

const ACCOUNTS = [
  "Assets:1002-银行存款:01-工商银行", "Assets:1002-银行存款:03-美元户", "Liabilities:2241-其他应付款:E01-王伟", "Equity:4001-实收资本",
  "Expenses:6602-管理费用:01-客户管理费:01-客户拜访", "Expenses:6602-管理费用:03-一个非常非常非常长的科目名称用来测试截断", "Expenses:Misc",
];
const NAMES = ["王伟", "ACME", "华东销售部", "蓝海物流", "Alice Smith", "李", "x", "上海恒通食品有限公司", "é", "😀", "a\\\\b", "tab\\there", "ｱｲ", "…", "ends "];
const TEXTS = ["", "拜访客户：南京博远科技", "lunch", "股东投入", "a  0 attachments", "很长的摘要很长的摘要很长的摘要很长的摘要很长的摘要很长的摘要很长的摘要", "bell\\x07", "ｱ", "😀 party", " "];
const KEYS = ["claimant", "customer", "department", "project", "vendor"];
const AMOUNTS = ["10.00", "0.001", "1234567.125", "99.995", "5", "0.10", "100000000000.00", "12345678901234.56", "1.5", "0.00012345", "7.123456789"];

const meta = (indent: string) => fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...NAMES)), { maxLength: 3 })
  .map((lines) => lines.map(([key, name]) => `${indent}${key}: "${name}"\n`).join(""));

/** A transaction whose postings balance: each amount posted, the last posting without units. */
const transaction = fc.record({
  day: fc.integer({ min: 2, max: 28 }),
  month: fc.integer({ min: 1, max: 3 }),
  payee: fc.constantFrom(...TEXTS),
  narration: fc.constantFrom(...TEXTS),
  voucher: fc.constantFrom(null, "记-0007", "转-12", "bad", "记-0"),
  preparedBy: fc.constantFrom(null, "赵敏", "", "Bob "),
  claim: fc.boolean(),
  // (A claim flagged ! is pending: not in the books.)
  flag: fc.constantFrom("*", "*", "*", "!"),
  meta: meta("  "),
  postings: fc.array(fc.record({
    account: fc.constantFrom(...ACCOUNTS),
    amount: fc.constantFrom(...AMOUNTS),
    negative: fc.boolean(),
    currency: fc.constantFrom("CNY", "CNY", "CNY", "USD", "BTC"),
    meta: meta("    "),
    invoice: fc.boolean(),
    narration: fc.constantFrom(null, "午餐招待", " "),
  }), { minLength: 1, maxLength: 4 }),
  last: fc.constantFrom(...ACCOUNTS),
}).map((t) => {
  let text = `2026-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")} ${t.flag} "${t.payee}" "${t.narration}"\n`;
  if (t.voucher !== null) text += `  voucher: "${t.voucher}"\n`;
  if (t.preparedBy !== null) text += `  prepared-by: "${t.preparedBy}"\n`;
  if (t.claim) text += `  claim: "EC-1"\n  approved-by: "王伟"\n`;
  text += t.meta;
  const currencies = new Set<string>();
  for (const posting of t.postings) {
    text += `  ${posting.account}  ${posting.negative ? "-" : ""}${posting.amount} ${posting.currency}\n${posting.meta}`;
    if (posting.invoice) text += `    invoice: "123"\n`;
    if (posting.narration !== null) text += `    narration: "${posting.narration}"\n`;
    currencies.add(posting.currency);
  }
  // (One posting without units per currency: it balances that currency.)
  for (const currency of currencies) text += `  ${t.last}  ${currency === "CNY" ? "" : `0 ${currency}`}\n`;
  return currencies.size === 1 ? text.replace(/ 0 (USD|BTC)\n$/u, "\n") : text;
});

describe("writeVouchersTable", () => {
  it("draws what the sheet's table draws, for any journal, width and language", () => {
    fc.assert(fc.property(
      fc.array(transaction, { minLength: 1, maxLength: 8 }),
      // (A width no table reaches: no column cut, the lists of dimensions drawn from their pieces.)
      fc.oneof(fc.integer({ min: 40, max: 220 }), fc.constant(100_000)),
      fc.constantFrom<Lang>("en", "zh"),
      // (What a range leaves out still counts for the commodities' usual places.)
      fc.constantFrom({ begin: null, end: null }, { begin: "2026-02-01", end: "2026-03-01" }, { begin: null, end: "2026-03-03" }, { begin: "2026-03-01", end: null }),
      (transactions, width, lang, range) => {
        const journal = HEAD + transactions.map((text) => `\n${text}`).join("") + SPECIAL;
        const ledger = loadLedger(writeJournal(journal));
        // (Only journals the report lists: one with errors is refused before either drawing.)
        fc.pre(ledger.diagnostics.every((diagnostic) => diagnostic.severity !== "error"));
        const [direct, sheet] = both(journal, lang, width, range);
        expect(direct).toBe(sheet);
      },
    ), { numRuns: 200 });
  }, 180_000);

  it("draws a long list of distinct dimensions as the sheet's table does, cut at any width", () => {
    let journal = HEAD;
    for (let n = 0; n < 600; n++) {
      journal += `\n2026-01-${String(1 + (n % 28)).padStart(2, "0")} * "p" "拜访客户：${NAMES[n % 7]}"\n  claimant: "${NAMES[n % 5]}"\n  customer: "客户${n % 37}有限公司"\n`
        + (n % 3 === 0 ? `  department: "华东销售部"\n` : "")
        + `  Expenses:6602-管理费用:01-客户管理费:01-客户拜访  ${n * 13}.${String(n % 100).padStart(2, "0")} CNY\n`
        + (n % 4 === 0 ? `    project: "P${n % 9}"\n` : "")
        + `  Liabilities:2241-其他应付款:E01-王伟\n`;
    }
    for (const width of [40, 50, 60, 70, 80, 90, 100, 120, 160, 250, 100_000]) {
      for (const lang of ["en", "zh"] as const) {
        const [direct, sheet] = both(journal, lang, width);
        expect(direct).toBe(sheet);
      }
    }
    const [direct, sheet] = both(journal, "en", 100, { begin: "2026-01-05", end: "2026-01-20" });
    expect(direct).toBe(sheet);
  }, 180_000);

  it("draws one heading for vouchers whose parts differ but whose heading texts are the same", () => {
    // (The parts are two spaces apart: a summary and a preparer's name with two spaces in a row
    // can make one heading of different parts. Such a heading is compared as its text.)
    const journal = HEAD + `
2026-01-05 * "p" "x  0 attachments  prepared by Bob"
  Expenses:Misc  1.00 CNY
  Equity:4001-实收资本

2026-01-05 * "p" "x"
  prepared-by: "Bob  0 attachments"
  Expenses:Misc  2.00 CNY
  Equity:4001-实收资本

2026-01-05 * "p" "x"
  prepared-by: "Bob"
  Expenses:Misc  3.00 CNY
  Equity:4001-实收资本

2026-01-05 * "p" "x"
  prepared-by: "Bob"
  Expenses:Misc  4.00 CNY
  Equity:4001-实收资本
`;
    for (const width of [60, 100_000]) {
      const [direct, sheet] = both(journal, "en", width);
      expect(direct).toBe(sheet);
    }
    // (The first two under one heading, the last two under another.)
    const [direct] = both(journal, "en", 100_000);
    expect(direct.split("\n").filter((line) => line.startsWith(" 2026-01-05")).length).toBe(2);
  });

  it("draws lists that come back after others, of postings with and without metadata, as the sheet's table does", () => {
    // (A list is looked up only among those of one piece and the last made after each: a list
    // seen again after another is made again, and drawn alike.)
    let journal = HEAD;
    for (let n = 0; n < 120; n++) {
      journal += `\n2026-02-${String(1 + (n % 28)).padStart(2, "0")} * "p" "n${n % 3}"\n  claimant: "${NAMES[n % 2]}"\n  customer: "${NAMES[(n >> 1) % 3]}"\n`
        + (n % 5 === 0 ? `  voucher: "记-${n}"\n  prepared-by: "赵敏"\n` : "")
        + `  Expenses:6602-管理费用:01-客户管理费:01-客户拜访  ${n + 1}.50 CNY\n`
        + (n % 2 === 0 ? `    customer: "${NAMES[n % 4]}"\n` : "")
        + (n % 3 === 0 ? `    invoice: "F${n}"\n    narration: "own ${n}"\n` : "")
        + `  Expenses:Misc  1.00 CNY\n`
        + (n % 4 === 1 ? `    project: "P${n % 3}"\n    claimant: "${NAMES[n % 3]}"\n` : "")
        + `  Liabilities:2241-其他应付款:E01-王伟\n`;
    }
    for (const width of [40, 60, 100, 100_000]) {
      for (const lang of ["en", "zh"] as const) {
        const [direct, sheet] = both(journal, lang, width);
        expect(direct).toBe(sheet);
      }
    }
  }, 180_000);
});

describe("writeVouchersTable's pieces", () => {
  it("fills a piece again only once it is given back, with the same text either way", () => {
    let journal = HEAD;
    for (let n = 0; n < 4000; n++) {
      journal += `\n2026-01-${String(1 + (n % 28)).padStart(2, "0")} * "p" "拜访客户：${NAMES[n % 7]}"\n  claimant: "${NAMES[n % 5]}"\n  customer: "客户${n}"\n`
        + `  Expenses:6602-管理费用:01-客户管理费:01-客户拜访  ${n * 13}.${String(n % 100).padStart(2, "0")} CNY\n  Liabilities:2241-其他应付款:E01-王伟\n`;
    }
    const ledger = loadLedger(writeJournal(journal));
    const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
    const source = { entries: ledger.entries, options: ledger.options, chart, dimensionCodes: readDimensionCodes(ledger.entries).codes };
    const range = { begin: null, end: null };
    const style: SheetStyle = { format: "table", lang: "zh", color: false, width: 160, bom: false };
    const drawn = (give: (bytes: Buffer) => boolean | void): void => {
      const strlen = tableMeasure();
      const lines = new VoucherLines(null, "zh", strlen);
      readVoucherLines(source, range, lines);
      writeVouchersTable(lines, range, booksCurrency(ledger.options), lines.scalesOf, style, give, strlen);
    };
    // Pieces kept as given (a stream that holds them), and pieces copied and given back.
    const kept: Buffer[] = [];
    drawn((bytes) => { kept.push(bytes); });
    const copied: Buffer[] = [];
    const given = new Set<ArrayBufferLike>();
    drawn((bytes) => { copied.push(Buffer.from(bytes)); given.add(bytes.buffer); return true; });
    const text = Buffer.concat(kept).toString("utf8");
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 256 * 1024);
    expect(Buffer.concat(copied).toString("utf8")).toBe(text);
    // (Given back, the same memory is filled again: the first small piece's, then one other.)
    expect(given.size).toBeLessThanOrEqual(2);
    expect(copied.length).toBeGreaterThan(4);
    // (Kept, no piece shares memory with another: each is still the text it was given as.)
    expect(new Set(kept.map((bytes) => bytes.buffer)).size).toBe(kept.length);
  }, 60_000);
});

describe("the direct table's amounts and measures", () => {
  it("writes an amount as scaledPlainText, tableAmount and groupedNumber do", () => {
    fc.assert(fc.property(
      fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 8 }),
      (scaled, scale, places) => {
        const scales = new Map([["X", places]]);
        const expected = groupedNumber(tableAmount(scaledPlainText(scaled, scale, "X", scales)));
        expect(amountCell(scaled, scale, places)).toBe(expected);
        expect(amountCellWidth(scaled, scale, places)).toBe(expected.length);
        const shaped = shapedAmountText(scaled, scale, places);
        if (shaped !== null) expect(shaped).toBe(expected);
      },
    ), { numRuns: 5000 });
  });

  it("measures simple text as displayWidth and the table's measure do", () => {
    const characters = ["a", " ", "\\", "王", "；", "：", "…", "、", "ｱ", "é", "\u00ad", "\u3000", "😀", "\u0301", "\x1b", "\u202e", "-", "\u2014", "\uff5e"];
    const strlen = tableMeasure();
    fc.assert(fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 12 }).map((parts) => parts.join("")), (text) => {
      const simple = tableSimpleWidth(text);
      if (simple >= 0) {
        expect(simple).toBe(displayWidth(text));
        expect(simple).toBe(strlen(text));
        expect(terminalText(text)).toBe(text);
      }
      const shown = simpleWidth(text);
      if (shown >= 0) {
        expect(shown).toBe(displayWidth(text));
        expect(terminalText(text)).toBe(text);
      }
    }), { numRuns: 3000 });
  });
});
