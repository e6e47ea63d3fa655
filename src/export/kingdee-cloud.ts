// 金蝶云星空 凭证引入: an .xlsx workbook, sheet 凭证#单据头(FBillHead); row 1 the field keys, row 2
// the captions, then one row per voucher line, the voucher's header fields on its first line only.
// The dimensions are the standard flexible items (FDetailID#FFLEXn). Where each column was seen:
// docs/EXPORT-TARGETS.md.
import { field } from "./fields.js";
import type { Column, SheetTarget } from "./target.js";

const first = field.onFirstLine;

const COLUMNS: readonly Column[] = [
  { header: "FBillHead(GL_VOUCHER)", caption: "*单据头(序号)", fill: first(field.sequenceText) },
  { header: "FAccountBookID", caption: "*(单据头)账簿#编码", fill: first(field.setting("accountBook")) },
  { header: "FAccountBookID#Name", caption: "(单据头)账簿#名称", fill: field.empty },
  { header: "FDate", caption: "*(单据头)日期", fill: first(field.date) },
  { header: "FBUSDATE", caption: "(单据头)业务日期", fill: first(field.date) },
  { header: "FYEAR", caption: "(单据头)会计年度", fill: first(field.year) },
  { header: "FPERIOD", caption: "(单据头)期间", fill: first(field.period) },
  { header: "FVOUCHERGROUPID", caption: "*(单据头)凭证字#编码", fill: first(field.wordCode) },
  { header: "FVOUCHERGROUPID#Name", caption: "(单据头)凭证字#名称", fill: first(field.word) },
  { header: "FVOUCHERGROUPNO", caption: "*(单据头)凭证号", fill: first(field.number) },
  { header: "FATTACHMENTS", caption: "(单据头)附件数", fill: first(field.attachments) },
  { header: "FISADJUSTVOUCHER", caption: "(单据头)是否调整期凭证", fill: first(field.text("否")) },
  { header: "FACCBOOKORGID", caption: "(单据头)核算组织#编码", fill: first(field.setting("organization")) },
  { header: "FACCBOOKORGID#Name", caption: "(单据头)核算组织#名称", fill: field.empty },
  { header: "FSourceBillKey", caption: "(单据头)业务类型#编码", fill: field.empty },
  { header: "FSourceBillKey#Name", caption: "(单据头)业务类型#名称", fill: field.empty },
  { header: "FIMPORTVERSION", caption: "(单据头)引入版本号", fill: field.empty },
  { header: "*Split*1", caption: "间隔列", fill: field.empty },
  { header: "FEntity", caption: "*分录(序号)", fill: field.lineNumber(1) },
  { header: "FEXPLANATION", caption: "(分录)摘要", fill: field.summary },
  { header: "FACCOUNTID", caption: "*(分录)科目编码#编码", fill: field.accountCode },
  { header: "FACCOUNTID#Name", caption: "(分录)科目编码#名称", fill: field.accountName },
  { header: "FDetailID#FFlex4", caption: "(分录)供应商#编码", fill: field.dimensionCode("vendor") },
  { header: "FDetailID#FFlex4#Name", caption: "(分录)供应商#名称(Null)", fill: field.dimensionName("vendor") },
  { header: "FDetailID#FFlex5", caption: "(分录)部门#编码", fill: field.dimensionCode("department") },
  { header: "FDetailID#FFlex5#Name", caption: "(分录)部门#名称(Null)", fill: field.dimensionName("department") },
  { header: "FDetailID#FFlex6", caption: "(分录)客户#编码", fill: field.dimensionCode("customer") },
  { header: "FDetailID#FFlex6#Name", caption: "(分录)客户#名称(Null)", fill: field.dimensionName("customer") },
  { header: "FDetailID#FFlex7", caption: "(分录)员工#编码", fill: field.dimensionCode("employee") },
  { header: "FDetailID#FFlex7#Name", caption: "(分录)员工#名称(Null)", fill: field.dimensionName("employee") },
  { header: "FCURRENCYID", caption: "*(分录)币别#编码", fill: field.currencyCode },
  { header: "FCURRENCYID#Name", caption: "(分录)币别#名称", fill: field.currencyName },
  { header: "FEXCHANGERATETYPE", caption: "*(分录)汇率类型#编码", fill: field.text("HLTX01_SYS") },
  { header: "FEXCHANGERATETYPE#Name", caption: "(分录)汇率类型#名称", fill: field.text("固定汇率") },
  { header: "FEXCHANGERATE", caption: "(分录)汇率", fill: field.rate },
  { header: "FUnitId", caption: "(分录)单位#编码", fill: field.empty },
  { header: "FUnitId#Name", caption: "(分录)单位#名称", fill: field.empty },
  { header: "FPrice", caption: "(分录)单价", fill: field.empty },
  { header: "FQty", caption: "(分录)数量", fill: field.empty },
  { header: "FAMOUNTFOR", caption: "(分录)原币金额", fill: field.originalAmount() },
  { header: "FDEBIT", caption: "(分录)借方金额", fill: field.debit({ blankWhenZero: true }) },
  { header: "FCREDIT", caption: "(分录)贷方金额", fill: field.credit({ blankWhenZero: true }) },
  { header: "FSettleTypeID", caption: "(分录)结算方式#编码", fill: field.empty },
  { header: "FSettleTypeID#Name", caption: "(分录)结算方式#名称", fill: field.empty },
  { header: "FSETTLENO", caption: "(分录)结算号", fill: field.empty },
  { header: "FBUSNO", caption: "(分录)业务编号", fill: field.empty },
  { header: "FEXPORTENTRYID", caption: "(分录)现金流量#分录ID", fill: field.empty },
];

export const KINGDEE_CLOUD: SheetTarget = {
  name: "kingdee-cloud",
  title: "金蝶云星空 凭证引入",
  kind: "sheet",
  book: "xlsx",
  extension: ".xlsx",
  accountCodes: "dotted",
  accountNameSeparator: "_",
  preparerRequired: false,
  // 项目 has no standard flexible item: each account book declares its own (FDetailID#FF1000nn).
  dimensions: ["department", "employee", "customer", "vendor"],
  currencies: { CNY: { code: "PRE001", name: "人民币" }, HKD: { code: "PRE002", name: "香港元" }, JPY: { code: "PRE004", name: "日本日圆" }, USD: { code: "PRE007", name: "美元" } },
  onlyListedCurrencies: true,
  voucherWordCodes: { 记: "PRE001" },
  rejectsZeroLines: false,
  summaryRequired: false,
  requires: ["accountBook"],
  sheets: [{ name: "凭证#单据头(FBillHead)", kind: "entries", headerRows: 2, columns: COLUMNS }],
};
