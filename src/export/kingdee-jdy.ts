// 金蝶精斗云 凭证导入: an .xlsx workbook, sheet 凭证列表#2026年第3期 (the period's), one header row
// of 25 captions, one row per voucher line. Where each column was seen: docs/EXPORT-TARGETS.md.
import { field, monthSheetName } from "./fields.js";
import type { Column, SheetTarget } from "./target.js";

const COLUMNS: readonly Column[] = [
  { header: "日期", fill: field.date },
  { header: "凭证字", fill: field.word },
  { header: "凭证号", fill: field.number },
  { header: "附件数", fill: field.attachments },
  { header: "分录序号", fill: field.lineNumber(1) },
  { header: "摘要", fill: field.summary },
  { header: "科目代码", fill: field.accountCode },
  { header: "科目名称", fill: field.accountName },
  { header: "借方金额", fill: field.debit({ grouping: true, blankWhenZero: true }) },
  { header: "贷方金额", fill: field.credit({ grouping: true, blankWhenZero: true }) },
  { header: "客户", fill: field.dimensionCode("customer") },
  { header: "供应商", fill: field.dimensionCode("vendor") },
  { header: "职员", fill: field.dimensionCode("employee") },
  { header: "项目", fill: field.dimensionCode("project") },
  { header: "部门", fill: field.dimensionCode("department") },
  { header: "存货", fill: field.empty },
  { header: "自定义辅助核算类别", fill: field.empty },
  { header: "自定义辅助核算编码", fill: field.empty },
  { header: "自定义辅助核算类别1", fill: field.empty },
  { header: "自定义辅助核算编码1", fill: field.empty },
  { header: "数量", fill: field.empty },
  { header: "单价", fill: field.empty },
  { header: "原币金额", fill: field.originalAmount() },
  { header: "币别", fill: field.currencyCode },
  { header: "汇率", fill: field.rate },
];

export const KINGDEE_JDY: SheetTarget = {
  name: "kingdee-jdy",
  title: "金蝶精斗云 凭证导入",
  kind: "sheet",
  book: "xlsx",
  extension: ".xlsx",
  accountCodes: "plain",
  accountNameSeparator: "_",
  preparerRequired: false,
  dimensions: ["department", "employee", "customer", "vendor", "project"],
  currencies: { CNY: { code: "RMB", name: "人民币" } },
  onlyListedCurrencies: false,
  voucherWordCodes: null,
  rejectsZeroLines: false,
  summaryRequired: false,
  requires: [],
  sheets: [{ name: monthSheetName("凭证列表"), kind: "entries", headerRows: 1, columns: COLUMNS }],
};
