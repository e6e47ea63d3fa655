// 中文消息：与 en.ts 键相同、参数相同（编译器与 test/i18n 检查）。
// 用语从会计习惯：科目、余额断言、报销单、审批、入账、凭证号、结账。
import { merged } from "./translation.js";
import type { Catalogue } from "./en.js";
import { provideChinese } from "./message.js";
import { zhChecks } from "./zh-checks.js";
import { zhCli } from "./zh-cli.js";
import { zhExchange } from "./zh-exchange.js";
import { zhCommander, zhUsage } from "./zh-usage.js";
import { zhRefusals } from "./zh-refusals.js";

/** `；是否应为 'A'、'B' 或 'C'？`，没有建议时为空。 */
function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  const quoted = suggestions.map((name) => `'${name}'`);
  return `；是否应为 ${quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join("、")} 或 ${quoted[quoted.length - 1]}`}？`;
}

const PUNCTUATION: Record<string, string> = {
  ":": "冒号", ",": "逗号", "(": "左括号", ")": "右括号", '"': "引号", ";": "分号", ".": "句点", "-": "减号", "+": "加号",
  "@": "@ 符号", "#": "# 符号", "{": "左花括号", "}": "右花括号", "/": "斜杠", "^": "^ 符号", "~": "波浪号", "!": "感叹号", "*": "星号",
};

/** 输入法打出的全角或中文标点的名称：“全角冒号”。 */
function fullWidthName(character: string, ascii: string): string {
  if (character === "\u201c" || character === "\u201d") return "中文引号";
  if (character === "\u3002") return "中文句号";
  if (character === "\u3001") return "顿号";
  if (ascii === " ") return "全角空格";
  return `全角${PUNCTUATION[ascii] ?? (/^[0-9]$/.test(ascii) ? "数字" : /^[A-Za-z]$/.test(ascii) ? "字母" : "字符")}`;
}

const zhCore: Omit<
  Catalogue,
  keyof typeof zhChecks | keyof typeof zhCli | keyof typeof zhExchange | keyof typeof zhUsage | keyof typeof zhCommander | keyof typeof zhRefusals
> = {
  "unbalanced": (p) => `借贷不平：差额 ${p.residual}`,
  "balance-unknown-account": (p) => `科目 '${p.account}' 不存在${didYouMean(p.suggestions)}`,
  "balance-currency": (p) => `余额断言的币种 '${p.currency}' 不是该科目允许的币种`,
  "balance-failed": (p) => `余额断言不符：'${p.account}' 应为 ${p.expected}，实际累计 ${p.accumulated}（${p.tooMuch ? "多" : "少"} ${p.difference}）`,
  "pad-at-cost": (p) => `不能用 pad 补平按成本计价的持仓：${p.balance}`,
  "unused-pad": () => "pad 指令未被使用（其后没有需要补平的余额断言）",
  "currency-constraint": (p) => `币种 ${p.currency} 不是科目 '${p.account}' 允许的币种`,
  "missing-document": (p) => `文件不存在：'${p.file}'`,

  "claim-status-unknown": (p) => `${p.id}：未知的状态 "${p.written}"（应为 ${p.expected} 之一）`,
  "claim-rejected-posted": (p) => `${p.id}：已驳回却已入账（标记 ${p.flag}）`,
  "claim-posted-status": (p) => `${p.id}：已入账（标记 ${p.flag}），但状态仍为 "${p.status}"`,
  "claim-pending-status-posted": (p) => `${p.id}：状态为 "posted"，但标记 ! 使它不在账内`,
  "claim-no-claimant": (p) => `${p.id}：没有报销人（请加 claimant: "姓名"，即报销给谁）`,
  "claim-unapproved": (p) => `${p.id}：未经审批（无 approved-by）就已入账`,
  "claim-self-approved": (p) => `${p.id}：由报销人 ${p.claimant} 本人审批（违反不相容职务分离）`,
  "claim-approved-twice": (p) => `${p.id}：${p.by} 审批了两次（${p.first} 与 ${p.second}），同一人的审批只算一次`,
  "claim-date-malformed": (p) => `${p.id}：${p.key} 应为日期，如 2026-03-06`,
  "claim-too-early": (p) => `${p.id}：${p.key} ${p.date} 早于${p.limitName === "claim-date" ? "报销日期" : ` ${p.limitName}`} ${p.limit}`,
  "claim-duplicate-id": (p) => `报销单号 ${p.id} 用了两次；第一次在 ${p.first}`,

  "period-unnumbered": (p) => `这笔交易在已结账的 ${p.month}，却没有凭证号；结账时该月的分录都已编号，所以它是结账后加的（要修改请先用 feeledger reopen-period 反结账）`,
  "voucher-duplicate": (p) => `${p.month} 的凭证号 ${p.voucher} 也是 ${p.firstDate} 那笔交易的编号；一个凭证号只能用一次`,

  "full-width": (p) => `${fullWidthName(p.character, p.ascii)} '${p.character}'（${p.codePoint}）处应为半角的 '${p.ascii}'`,
  "missing-currency": (p) =>
    `第 ${p.position} 条分录（${p.account}）的${p.part === "amount" ? "金额" : p.part === "cost" ? "成本" : "价格"}没有币种，其他分录和该科目的余额都无法推断；`
    + `请在${p.part === "amount" ? "数字" : p.part === "cost" ? "花括号内成本的数字" : "价格的数字"}后写上币种`,
  "account-name": (p) => `科目名称无效：'${p.account}'${p.fullWidthColon ? "：其中的全角冒号 '：' 应为半角 ':'" : ""}`,
  "unknown-account": (p) => `引用了未开设的科目 '${p.account}'${didYouMean(p.suggestions)}`,
  "rule-unknown-account": (p) => `${p.rule} 指定的科目 ${p.account} 从未开设（其下也没有已开设的科目），不起作用${didYouMean(p.suggestions)}`,

  "check-summary": (p) => `${p.errors} 个错误，${p.warnings} 个警告`,
};

export const zh: Catalogue = merged(zhCore, zhChecks, zhCli, zhExchange, zhUsage, zhCommander, zhRefusals);

// message.ts looks Chinese up here once this module is loaded (it does not import it itself).
provideChinese(zh);
