// 金蝶 K/3 WISE 标准凭证引入: an .xls workbook (Excel 97-2003), sheet Page1 with one row per
// voucher line under the 37 captions, and sheet t_Schema describing each field to K/3.
// Where each column and constant was seen: docs/EXPORT-TARGETS.md.
import { field } from "./fields.js";
import type { Column, Fill, SheetTarget } from "./target.js";

interface K3Field {
  readonly caption: string;
  /** The field key t_Schema names (FKey, FFieldName, FExpFieldName and FImpFieldName alike). */
  readonly key: string;
  readonly valueType: string;
  /** t_Schema's FColIndex (K/3 leaves out 6 and 16). */
  readonly index: number;
  readonly fill: Fill;
}

const DIMENSION_CATEGORIES = { department: "部门", employee: "职员", customer: "客户", vendor: "供应商", project: "项目" } as const;

const FIELDS: readonly K3Field[] = [
  { caption: "凭证日期", key: "FDate", valueType: "DateTime", index: 1, fill: field.date },
  { caption: "会计年度", key: "FYear", valueType: "Decimal(28,10)", index: 2, fill: field.year },
  { caption: "会计期间", key: "FPeriod", valueType: "Decimal(28,10)", index: 3, fill: field.period },
  { caption: "凭证字", key: "FGroupID", valueType: "Varchar(80)", index: 4, fill: field.word },
  { caption: "凭证号", key: "FNumber", valueType: "Decimal(28,10)", index: 5, fill: field.number },
  { caption: "科目代码", key: "FAccountNum", valueType: "Varchar(40)", index: 7, fill: field.accountCode },
  { caption: "科目名称", key: "FAccountName", valueType: "Varchar(255)", index: 8, fill: field.accountName },
  { caption: "币别代码", key: "FCurrencyNum", valueType: "Varchar(10)", index: 9, fill: field.currencyCode },
  { caption: "币别名称", key: "FCurrencyName", valueType: "Varchar(40)", index: 10, fill: field.currencyName },
  { caption: "原币金额", key: "FAmountFor", valueType: "Decimal(28,10)", index: 11, fill: field.originalAmount() },
  { caption: "借方", key: "FDebit", valueType: "Decimal(28,10)", index: 12, fill: field.debit() },
  { caption: "贷方", key: "FCredit", valueType: "Decimal(28,10)", index: 13, fill: field.credit() },
  { caption: "制单", key: "FPreparerID", valueType: "Varchar(255)", index: 14, fill: field.preparer },
  { caption: "审核", key: "FCheckerID", valueType: "Varchar(255)", index: 15, fill: field.text("NONE") },
  { caption: "核准", key: "FApproveID", valueType: "Varchar(255)", index: 17, fill: field.text("NONE") },
  { caption: "出纳", key: "FCashierID", valueType: "Varchar(255)", index: 18, fill: field.text("NONE") },
  { caption: "经办", key: "FHandler", valueType: "Varchar(50)", index: 19, fill: field.empty },
  { caption: "结算方式", key: "FSettleTypeID", valueType: "Varchar(80)", index: 20, fill: field.text("*") },
  { caption: "结算号", key: "FSettleNo", valueType: "Varchar(255)", index: 21, fill: field.empty },
  { caption: "凭证摘要", key: "FExplanation", valueType: "Varchar(255)", index: 22, fill: field.summary },
  { caption: "数量", key: "FQuantity", valueType: "Decimal(28,10)", index: 23, fill: field.integer(0) },
  { caption: "数量单位", key: "FMeasureUnitID", valueType: "Varchar(255)", index: 24, fill: field.text("*") },
  { caption: "单价", key: "FUnitPrice", valueType: "Decimal(28,10)", index: 25, fill: field.integer(0) },
  { caption: "参考信息", key: "FReference", valueType: "Varchar(255)", index: 26, fill: field.empty },
  { caption: "业务日期", key: "FTransDate", valueType: "DateTime", index: 27, fill: field.date },
  { caption: "往来业务编号", key: "FTransNo", valueType: "Varchar(255)", index: 28, fill: field.empty },
  { caption: "附件数", key: "FAttachments", valueType: "Decimal(28,10)", index: 29, fill: field.attachments },
  { caption: "序号", key: "FSerialNum", valueType: "Decimal(28,10)", index: 30, fill: field.number },
  { caption: "系统模块", key: "FObjectName", valueType: "Varchar(100)", index: 31, fill: field.empty },
  { caption: "业务描述", key: "FParameter", valueType: "Varchar(100)", index: 32, fill: field.empty },
  { caption: "汇率类型", key: "FExchangeRateType", valueType: "Varchar(80)", index: 33, fill: field.text("公司汇率") },
  { caption: "汇率", key: "FExchangeRate", valueType: "Decimal(28,10)", index: 34, fill: field.rate },
  { caption: "分录序号", key: "FEntryID", valueType: "Decimal(28,10)", index: 35, fill: field.lineNumber(0) },
  { caption: "核算项目", key: "FItem", valueType: "Text", index: 36, fill: field.dimensionsJoined(DIMENSION_CATEGORIES) },
  { caption: "过账", key: "FPosted", valueType: "Decimal(28,10)", index: 37, fill: field.integer(0) },
  { caption: "机制凭证", key: "FInternalInd", valueType: "Varchar(10)", index: 38, fill: field.empty },
  { caption: "现金流量", key: "FCashFlow", valueType: "Text", index: 39, fill: field.empty },
];

const SCHEMA_HEADER = [
  "FType", "FKey", "FFieldName", "FCaption", "FValueType", "FNeedSave", "FColIndex", "FSrcTableName", "FSrcFieldName", "FExpFieldName",
  "FImpFieldName", "FDefaultVal", "FSearch", "FItemPageName", "FTrueType", "FPrecision", "FSearchName", "FIsShownList", "FViewMask", "FPage",
];

/** t_Schema: the class (VoucherData, 123), the page, then one FieldInfo row per Page1 column. */
const SCHEMA_ROWS: readonly (readonly string[])[] = [
  SCHEMA_HEADER,
  ["ClassInfo", "ClassType", "", "VoucherData"],
  ["ClassInfo", "ClassTypeID", "", "123"],
  ["PageInfo", "Page1", "", "Page1"],
  ...FIELDS.map((f) => ["FieldInfo", f.key, f.key, f.caption, f.valueType, "", String(f.index), "", "", f.key, f.key, "", "0", "", "", "0", "0", "0", "0", "1"]),
];

const COLUMNS: readonly Column[] = FIELDS.map((f) => ({ header: f.caption, fill: f.fill }));

export const KINGDEE_K3: SheetTarget = {
  name: "kingdee-k3",
  title: "金蝶 K/3 WISE 标准凭证引入",
  kind: "sheet",
  book: "xls",
  extension: ".xls",
  accountCodes: "dotted",
  accountNameSeparator: "-",
  preparerRequired: true,
  dimensions: ["department", "employee", "customer", "vendor", "project"],
  currencies: { CNY: { code: "RMB", name: "人民币" }, USD: { code: "USD", name: "美元" }, HKD: { code: "HKD", name: "港币" }, EUR: { code: "EUR", name: "欧元" }, JPY: { code: "JPY", name: "日元" } },
  onlyListedCurrencies: false,
  voucherWordCodes: null,
  rejectsZeroLines: false,
  summaryRequired: false,
  requires: [],
  sheets: [
    { name: "Page1", kind: "entries", headerRows: 1, columns: COLUMNS },
    { name: "t_Schema", kind: "fixed", rows: SCHEMA_ROWS },
  ],
};
