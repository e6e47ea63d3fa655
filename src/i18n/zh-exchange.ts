// 中文消息（导入、导出、格式化）：与 en-exchange.ts 键相同、参数相同。
import type { enExchange, enExport, enFmt } from "./en-exchange.js";
import { fixed } from "./en-cli.js";
import type { Translation } from "./translation.js";

const zhFmt: Translation<typeof enFmt> = {
  "fmt formatted": (p) => `已格式化 ${p.file}`,
  "fmt cannot read": (p) => `feeledger：无法读取 ${p.file}：${p.why}；未写入任何内容`,
  "fmt refused": (p) => `feeledger：${p.file} 未格式化：${p.why}；未写入任何内容（请报告此问题）`,
};

const firstHere = (count: number, unit: string): string => `本期共 ${count} ${unit}（此处为第一处）`;

const zhExport: Translation<typeof enExport> = {
  "export-currency-books": (p) => `${p.title} 没有账本本位币 ${p.currency} 的币种代码（已知：${p.known}）`,
  "export-duplicate-number": (p) => `凭证号 ${p.voucher} 与 ${p.date} 那张凭证相同：目标系统会把两张凭证合并（请给其中一张重新编号）`,
  "export-voucher-word": (p) => `${p.title} 没有凭证字 ${p.word} 的代码（已知：${p.known}）；${firstHere(p.count, "张凭证使用它")}`,
  "export-account-code": (p) => `${p.account} 没有科目代码，而 ${p.title} 需要：请在科目各级名称前加代码（6602-管理费用），或在 open 上写 code:；${firstHere(p.count, "行")}`,
  "export-parent-account": (p) => `${p.account}（${p.code}）有下级科目：${p.title} 只接受明细科目，请记到它的某个下级科目；${firstHere(p.count, "行")}`,
  "export-currency-line": (p) => `这条分录的币种为 ${p.currency}，却没有以账本本位币 ${p.books} 计的价格或成本：请加上（@ 汇率 ${p.books}），凭证才有原币和汇率；${firstHere(p.count, "行")}`,
  "export-currency-code": (p) => `${p.title} 没有币种 ${p.currency} 的代码（已知：${p.known}）；${firstHere(p.count, "行")}`,
  "export-dimension-kind": (p) => `${p.title} 没有这一行的辅助核算 ${p.dimension}（${p.name}）对应的列；${firstHere(p.count, "行带有它")}`,
  "export-dimension-code": (p) => `辅助核算 ${p.dimension} "${p.name}" 没有声明代码：请用 custom "dimension" "${p.dimension}" "CODE" "${p.name}" 声明；${firstHere(p.count, "行")}`,
  "export-zero-line": (p) => `这一行的金额按 ${p.places} 位小数为 0：${p.title} 只接受有借方或贷方金额的行`,
  "export-summary": (p) => `这一行没有摘要，而 ${p.title} 需要：请给交易写上摘要；${firstHere(p.count, "行")}`,
  "export-unbalanced": (p) => `凭证借方合计 ${p.debits} 与贷方合计 ${p.credits} ${p.currency} 不等（按文件所用的 ${p.places} 位小数）`,
  "export-too-many-lines": (p) => `${p.extension} 工作表最多容纳 ${p.limit} 行凭证分录：这张凭证及其后的凭证放不下（请分次导出较少的月份）`,
  "export-unnumbered": (p) => `本期有 ${p.count} 张凭证没有凭证号（此处为第一张）：请结账以在账本中编号，或加 --number 只为本文件编号`,
  "export-preparer": (p) => `本期有 ${p.count} 张凭证没有制单人，而 ${p.title} 需要（此处为第一张）：请加 --preparer 姓名，或在交易上写 prepared-by:`,
  "export-unencodable": (p) => `这一行的文字含有 ${p.characters}，${p.encoding} 无法表示：${p.title} 按 ${p.encoding} 读取文件（请修改账本中的文字）`,
  "export no vouchers": (p) => `feeledger：${p.period} 没有凭证；未写入任何内容`,
  "export problems": (p) => `导出到 ${p.title} 有 ${p.count} 个问题；未写入 ${p.output}`,
  "export wrote": (p) => `已将 ${p.period} 的 ${p.vouchers} 张凭证（${p.lines} 行分录）导出到 ${p.output}，供 ${p.title} 引入：借方 ${p.debit} = 贷方 ${p.credit} ${p.currency}`,
};

export const zhExchange: Translation<typeof enExchange> = { ...zhFmt, ...zhExport };
