// 用友 U8 总账 凭证引入 (总账工具): a text file, GBK with CRLF line ends, first line
// `填制凭证,V800`, then one line of 48 comma-separated fields per voucher line; a voucher is the
// lines with one 制单日期 + 凭证类别字 + 凭证号. The headers below name the fields for the docs
// only (the file has no header row). Where each field was seen: docs/EXPORT-TARGETS.md.
import { field } from "./fields.js";
import type { Column, TextTarget } from "./target.js";

const zero = field.integer(0);

/** Fields 22 to 48: no public generator fills them; all three write these same values. */
const TRAILING: readonly (0 | null)[] = [
  null, null, null, null, null, null, 0, null, 0, null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0, null, 0, 0, 0, 0,
];

const COLUMNS: readonly Column[] = [
  { header: "制单日期", fill: field.date },
  { header: "凭证类别字", fill: field.word },
  { header: "凭证号", fill: field.number },
  { header: "附单据数", fill: field.attachments },
  { header: "摘要", fill: field.summary },
  { header: "科目编码", fill: field.accountCode },
  { header: "借方", fill: field.debit() },
  { header: "贷方", fill: field.credit() },
  { header: "数量", fill: field.empty },
  { header: "外币", fill: field.foreignAmountOrZero },
  { header: "汇率", fill: field.rateOrZero },
  { header: "制单人", fill: field.preparer },
  { header: "结算方式", fill: field.empty },
  { header: "票号", fill: field.empty },
  { header: "发生日期", fill: field.empty },
  { header: "部门编码", fill: field.dimensionCode("department") },
  { header: "个人编码", fill: field.dimensionCode("employee") },
  { header: "客户编码", fill: field.dimensionCode("customer") },
  { header: "供应商编码", fill: field.dimensionCode("vendor") },
  { header: "业务员", fill: field.empty },
  { header: "项目编码", fill: field.dimensionCode("project") },
  ...TRAILING.map((value, index): Column => ({ header: String(22 + index), fill: value === 0 ? zero : field.empty })),
];

export const YONYOU_U8: TextTarget = {
  name: "yonyou-u8",
  title: "用友 U8 总账 凭证引入",
  kind: "text",
  extension: ".txt",
  accountCodes: "plain",
  accountNameSeparator: "-",
  preparerRequired: true,
  dimensions: ["department", "employee", "customer", "vendor", "project"],
  currencies: {},
  onlyListedCurrencies: false,
  voucherWordCodes: null,
  // 金额借方 and 金额贷方: one of them must not be 0 (the import's field rules).
  rejectsZeroLines: true,
  // 摘要 is among the fields every line must have.
  summaryRequired: true,
  requires: [],
  firstLine: "填制凭证,V800",
  separator: ",",
  separatorReplacement: "，",
  lineEnd: "\r\n",
  encoding: "gbk",
  columns: COLUMNS,
};
