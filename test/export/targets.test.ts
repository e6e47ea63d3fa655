// Each target's file, written by the real CLI from samples/ and read back with a library (see
// read-back.ts): sheet names, header rows, column order, one voucher's debits equal to its credits,
// and the whole year's totals per account equal to what `bal` says each account moved.
import { Decimal } from "decimal.js";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { SAMPLE, balMovement, exportVouchers, nonZero } from "./helpers.js";
import { cellText, readGbkLines, readXls, readXlsx, type ReadCell, type ReadSheet } from "./read-back.js";

/** The headings as the vendors' templates have them (docs/EXPORT-TARGETS.md), written out here on purpose. */
const K3_CAPTIONS = [
  "凭证日期", "会计年度", "会计期间", "凭证字", "凭证号", "科目代码", "科目名称", "币别代码", "币别名称", "原币金额", "借方", "贷方", "制单", "审核",
  "核准", "出纳", "经办", "结算方式", "结算号", "凭证摘要", "数量", "数量单位", "单价", "参考信息", "业务日期", "往来业务编号", "附件数", "序号",
  "系统模块", "业务描述", "汇率类型", "汇率", "分录序号", "核算项目", "过账", "机制凭证", "现金流量",
];
const K3_KEYS = [
  "FDate", "FYear", "FPeriod", "FGroupID", "FNumber", "FAccountNum", "FAccountName", "FCurrencyNum", "FCurrencyName", "FAmountFor", "FDebit",
  "FCredit", "FPreparerID", "FCheckerID", "FApproveID", "FCashierID", "FHandler", "FSettleTypeID", "FSettleNo", "FExplanation", "FQuantity",
  "FMeasureUnitID", "FUnitPrice", "FReference", "FTransDate", "FTransNo", "FAttachments", "FSerialNum", "FObjectName", "FParameter",
  "FExchangeRateType", "FExchangeRate", "FEntryID", "FItem", "FPosted", "FInternalInd", "FCashFlow",
];
const CLOUD_KEYS = [
  "FBillHead(GL_VOUCHER)", "FAccountBookID", "FAccountBookID#Name", "FDate", "FBUSDATE", "FYEAR", "FPERIOD", "FVOUCHERGROUPID",
  "FVOUCHERGROUPID#Name", "FVOUCHERGROUPNO", "FATTACHMENTS", "FISADJUSTVOUCHER", "FACCBOOKORGID", "FACCBOOKORGID#Name", "FSourceBillKey",
  "FSourceBillKey#Name", "FIMPORTVERSION", "*Split*1", "FEntity", "FEXPLANATION", "FACCOUNTID", "FACCOUNTID#Name", "FDetailID#FFlex4",
  "FDetailID#FFlex4#Name", "FDetailID#FFlex5", "FDetailID#FFlex5#Name", "FDetailID#FFlex6", "FDetailID#FFlex6#Name", "FDetailID#FFlex7",
  "FDetailID#FFlex7#Name", "FCURRENCYID", "FCURRENCYID#Name", "FEXCHANGERATETYPE", "FEXCHANGERATETYPE#Name", "FEXCHANGERATE", "FUnitId",
  "FUnitId#Name", "FPrice", "FQty", "FAMOUNTFOR", "FDEBIT", "FCREDIT", "FSettleTypeID", "FSettleTypeID#Name", "FSETTLENO", "FBUSNO",
  "FEXPORTENTRYID",
];
const CLOUD_HEADER_FIELDS = CLOUD_KEYS.slice(0, CLOUD_KEYS.indexOf("*Split*1"));
const JDY_CAPTIONS = [
  "日期", "凭证字", "凭证号", "附件数", "分录序号", "摘要", "科目代码", "科目名称", "借方金额", "贷方金额", "客户", "供应商", "职员", "项目", "部门",
  "存货", "自定义辅助核算类别", "自定义辅助核算编码", "自定义辅助核算类别1", "自定义辅助核算编码1", "数量", "单价", "原币金额", "币别", "汇率",
];

/** One line of a written voucher, as read back. */
interface Entry {
  readonly voucher: string;
  readonly code: string;
  readonly debit: Decimal;
  readonly credit: Decimal;
}

const amount = (cell: ReadCell | undefined): Decimal => new Decimal(cellText(cell) === "" ? 0 : cellText(cell));

function headings(sheet: ReadSheet, row = 0): string[] {
  return sheet.rows[row]!.map(cellText);
}

/** The entries of a sheet whose data starts at `first`, reading the columns by their headings. */
function sheetEntries(sheet: ReadSheet, first: number, names: { date: string; number: string; code: string; debit: string; credit: string }): Entry[] {
  const head = headings(sheet);
  const at = (name: string) => {
    const index = head.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  };
  const entries: Entry[] = [];
  let voucher = "";
  for (const row of sheet.rows.slice(first)) {
    // 云星空 writes a voucher's date and number on its first line only.
    if (cellText(row[at(names.number)]) !== "") voucher = `${cellText(row[at(names.date)]).slice(0, 7)} ${cellText(row[at(names.number)])}`;
    entries.push({ voucher, code: cellText(row[at(names.code)]), debit: amount(row[at(names.debit)]), credit: amount(row[at(names.credit)]) });
  }
  return entries;
}

function u8Entries(lines: readonly string[]): Entry[] {
  return lines.slice(1).map((line) => {
    const fields = line.split(",");
    return { voucher: `${fields[0]!.slice(0, 7)} ${fields[2]}`, code: fields[5]!, debit: new Decimal(fields[6]!), credit: new Decimal(fields[7]!) };
  });
}

function expectVouchersBalance(entries: readonly Entry[]): void {
  const byVoucher = new Map<string, { debit: Decimal; credit: Decimal }>();
  for (const entry of entries) {
    const sums = byVoucher.get(entry.voucher) ?? { debit: new Decimal(0), credit: new Decimal(0) };
    byVoucher.set(entry.voucher, { debit: sums.debit.plus(entry.debit), credit: sums.credit.plus(entry.credit) });
  }
  expect(byVoucher.size).toBeGreaterThan(100);
  for (const [voucher, sums] of byVoucher) expect(sums.debit.toFixed(2), `voucher ${voucher}`).toBe(sums.credit.toFixed(2));
}

function movementByCode(entries: readonly Entry[]): Map<string, string> {
  const byCode = new Map<string, Decimal>();
  for (const entry of entries) byCode.set(entry.code, (byCode.get(entry.code) ?? new Decimal(0)).plus(entry.debit).minus(entry.credit));
  return nonZero(byCode);
}

const YEAR = ["-p", "2026", "--number"];

describe("export vouchers: each target's file read back", () => {
  it("kingdee-k3: an .xls with Page1 (the 37 captions) and t_Schema; vouchers balance; totals are the year's movement", () => {
    const run = exportVouchers(SAMPLE, "kingdee-k3", [...YEAR, "--preparer", "孙强"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.bytes!.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1"); // an OLE2 compound file: BIFF8 .xls
    const sheets = readXls(run.bytes!);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["Page1", "t_Schema"]);
    const [page, schema] = sheets as [ReadSheet, ReadSheet];
    expect(headings(page)).toEqual(K3_CAPTIONS);
    expect(headings(schema).slice(0, 7)).toEqual(["FType", "FKey", "FFieldName", "FCaption", "FValueType", "FNeedSave", "FColIndex"]);
    expect(schema.rows.slice(1, 4).map((row) => row.slice(0, 4).map(cellText))).toEqual([
      ["ClassInfo", "ClassType", "", "VoucherData"], ["ClassInfo", "ClassTypeID", "", "123"], ["PageInfo", "Page1", "", "Page1"],
    ]);
    const fields = schema.rows.slice(4);
    expect(fields.map((row) => cellText(row[1]))).toEqual(K3_KEYS);
    expect(fields.map((row) => cellText(row[3]))).toEqual(K3_CAPTIONS);
    const entries = sheetEntries(page, 1, { date: "凭证日期", number: "凭证号", code: "科目代码", debit: "借方", credit: "贷方" });
    expectVouchersBalance(entries);
    expect(movementByCode(entries)).toEqual(balMovement(SAMPLE, "2026-01-01", "2027-01-01", true));
    // Amounts are number cells in 0.00; codes are text with the levels dotted.
    const row = page.rows[1]!;
    expect(row[K3_CAPTIONS.indexOf("借方")]).toEqual({ number: expect.any(Number), format: "0.00" });
    expect(entries.map((entry) => entry.code)).toContain("6602.01.01");
  });

  it("kingdee-cloud: an .xlsx with 凭证#单据头(FBillHead), keys then captions, header fields on each voucher's first line only", async () => {
    const run = exportVouchers(SAMPLE, "kingdee-cloud", [...YEAR, "--account-book", "001", "--organization", "100"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const sheets = await readXlsx(run.bytes!);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["凭证#单据头(FBillHead)"]);
    const sheet = sheets[0]!;
    expect(headings(sheet, 0)).toEqual(CLOUD_KEYS);
    expect(headings(sheet, 1).slice(0, 4)).toEqual(["*单据头(序号)", "*(单据头)账簿#编码", "(单据头)账簿#名称", "*(单据头)日期"]);
    expect(headings(sheet, 1)[CLOUD_KEYS.indexOf("FACCOUNTID")]).toBe("*(分录)科目编码#编码");
    const column = (key: string) => CLOUD_KEYS.indexOf(key);
    let vouchers = 0;
    for (const row of sheet.rows.slice(2)) {
      const first = cellText(row[column("FEntity")]) === "1";
      if (first) vouchers++;
      for (const key of CLOUD_HEADER_FIELDS) {
        if (key.endsWith("#Name") || ["FSourceBillKey", "FIMPORTVERSION"].includes(key)) continue;
        expect(cellText(row[column(key)]) !== "", `${key} on ${first ? "a first" : "a later"} line`).toBe(first);
      }
      if (first) {
        expect(row[column("FBillHead(GL_VOUCHER)")]).toEqual({ text: String(vouchers) });
        expect(row[column("FAccountBookID")]).toEqual({ text: "001" });
        expect(row[column("FACCBOOKORGID")]).toEqual({ text: "100" });
        expect(row[column("FVOUCHERGROUPID")]).toEqual({ text: "PRE001" });
      }
      expect(cellText(row[column("FCURRENCYID")])).toBe("PRE001");
    }
    expect(vouchers).toBe(172);
    const entries = sheetEntries(sheet, 2, { date: "FDate", number: "FVOUCHERGROUPNO", code: "FACCOUNTID", debit: "FDEBIT", credit: "FCREDIT" });
    expectVouchersBalance(entries);
    expect(movementByCode(entries)).toEqual(balMovement(SAMPLE, "2026-01-01", "2027-01-01", true));
  });

  it("kingdee-jdy: an .xlsx with the 25 captions of the 精斗云 template; the sheet is named for the month", async () => {
    const run = exportVouchers(SAMPLE, "kingdee-jdy", YEAR);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const sheets = await readXlsx(run.bytes!);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["凭证列表"]);
    const sheet = sheets[0]!;
    expect(headings(sheet)).toEqual(JDY_CAPTIONS);
    const entries = sheetEntries(sheet, 1, { date: "日期", number: "凭证号", code: "科目代码", debit: "借方金额", credit: "贷方金额" });
    expectVouchersBalance(entries);
    expect(movementByCode(entries)).toEqual(balMovement(SAMPLE, "2026-01-01", "2027-01-01", false));

    const march = await readXlsx(exportVouchers(SAMPLE, "kingdee-jdy", ["-p", "2026-03", "--number"]).bytes!);
    expect(march.map((one) => one.name)).toEqual(["凭证列表#2026年第3期"]);
    // 2026-03-02, 记-0001: 50000.00 from 招商银行 to 工商银行; the side a line is not on stays empty.
    expect(march[0]!.rows[1]![JDY_CAPTIONS.indexOf("借方金额")]).toEqual({ number: 50000, format: "#,##0.00" });
    expect(march[0]!.rows[1]![JDY_CAPTIONS.indexOf("贷方金额")]).toBeNull();
  });

  it("yonyou-u8: GBK text with CRLF, 填制凭证,V800 first, 48 fields a line; GBK round trip; vouchers balance; totals are the year's movement", () => {
    const run = exportVouchers(SAMPLE, "yonyou-u8", [...YEAR, "--preparer", "孙强"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = readGbkLines(run.bytes!);
    // Round trip: what Node's GBK decoder read, encoded again, is the file byte for byte.
    expect(iconv.encode(lines.map((line) => `${line}\r\n`).join(""), "gbk").equals(run.bytes!)).toBe(true);
    expect(lines[0]).toBe("填制凭证,V800");
    expect(run.bytes!.includes(Buffer.from("填制凭证", "utf8"))).toBe(false);
    for (const line of lines.slice(1)) {
      const fields = line.split(",");
      expect(fields).toHaveLength(48);
      expect(fields[0]).toMatch(/^2026-\d\d-\d\d$/);
      expect(fields[1]).toBe("记");
      expect(fields[6]).toMatch(/^\d+\.\d\d$/);
      expect(fields[7]).toMatch(/^\d+\.\d\d$/);
      expect(fields.slice(27).join(",")).toBe("0,,0,,,,,,,,,0,0,0,0,0,,0,0,0,0");
    }
    const entries = u8Entries(lines);
    expectVouchersBalance(entries);
    expect(movementByCode(entries)).toEqual(balMovement(SAMPLE, "2026-01-01", "2027-01-01", false));
    expect(lines).toContain("2026-03-05,记,2,1,拜访ACME上海总部,66020101,553.00,0.00,,0,0,王伟,,,,D01,E01,C01,,,,,,,,,,0,,0,,,,,,,,,0,0,0,0,0,,0,0,0,0");
  });
});
