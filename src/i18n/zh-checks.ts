// 中文消息（checks）：与 en-checks.ts 键相同、参数相同。
// 用语从会计习惯：科目、余额断言、报销单、审批、入账、凭证号、结账、发票、预算、标准。
import type { enChecks } from "./en-checks.js";
import type { Translation } from "./translation.js";

type Unexpected = Parameters<(typeof enChecks)["syntax-unexpected"]>[0];

function unexpected(p: Unexpected): string {
  if (p.kind === "end-of-directive") return "指令结束";
  if (p.kind === "end-of-line") return "行尾";
  if (p.kind === "indented-line") return "缩进行";
  return `${p.name} '${p.image}'`;
}

const INVALID_UTF8_HINT = "文件可能是 GBK 编码：请用 `iconv -f gbk -t utf-8` 转换";

export const zhChecks: Translation<typeof enChecks> = {
  "syntax-unexpected": (p) => `语法错误：此处不应出现${unexpected(p)}`,
  "syntax-stray-indent": () => "语法错误：指令之外出现了缩进行",
  "syntax-invalid-directive": (p) => `无效的指令：${p.why}`,
  "pipe-deprecated": () => "竖线符号 | 已不建议使用",
  "invalid-token": (p) => `无效的记号${p.unterminated ? "（字符串未闭合）" : ""}：'${p.text}'`,
  "invalid-date": (p) => `无效的日期：'${p.date}'（月份应在 1 到 12 之间，日应是该月有的日子）`,
  "invalid-number": (p) => `无效的数字格式：'${p.number}'`,
  "tags-after-postings": () => "第一条分录之后不能再写标签或链接",
  "too-many-strings": () => "交易的摘要字符串过多",
  "negative-price": () => "价格不能为负",
  "cost-price-currencies": (p) => `成本与价格的币种必须相同：${p.cost} != ${p.price}`,
  "per-unit-total-cost": () => "总成本写法中不能再写单位成本",
  "booking-method": (p) => `无效的记账方法：${p.name}`,
  "division-by-zero": () => "除数为零",
  "amount-precision": (p) => `这个数字有 ${p.digits} 位有效数字；feeledger 按 ${p.precision} 位计算（与 beancount 相同），含它的合计会被舍入`,
  "pushtag-unbalanced": (p) => `pushtag 的标签未被 poptag：'${p.tag}'`,
  "pushmeta-unbalanced": (p) => `pushmeta 的元数据键 '${p.key}' 未被 popmeta；元数据遗留`,
  "poptag-absent": (p) => `poptag 的标签并未 pushtag：'${p.tag}'`,
  "popmeta-absent": (p) => `popmeta 的元数据键并未 pushmeta：'${p.key}'`,
  "duplicate-meta": (p) => `元数据字段 '${p.key}' 重复（保留第一个值）`,
  "invalid-utf8-text": () => `日记账正文中有无效的 UTF-8（显示为 \ufffd）；${INVALID_UTF8_HINT}`,
  "invalid-utf8-comment": () => `注释中有无效的 UTF-8（显示为 \ufffd）；${INVALID_UTF8_HINT}`,
  "invalid-utf8-more": (p) => `本文件另有 ${p.count} 行含无效的 UTF-8；${INVALID_UTF8_HINT}`,
};
