// 中文消息（checks）：与 en-checks.ts 键相同、参数相同。
// 用语从会计习惯：科目、余额断言、报销单、审批、入账、凭证号、结账、发票、预算、标准。
import type { Consequence, DimensionProblem, enChecks, Shortfall } from "./en-checks.js";
import type { Translation } from "./translation.js";

type Unexpected = Parameters<ReturnType<typeof enChecks>["syntax-unexpected"]>[0];

function unexpected(p: Unexpected): string {
  if (p.kind === "end-of-directive") return "指令结束";
  if (p.kind === "end-of-line") return "行尾";
  if (p.kind === "indented-line") return "缩进行";
  return `${p.name} '${p.image}'`;
}

export function shortfallText(p: Shortfall): string {
  if (p.several) return `审批额度不足以覆盖 ${p.charged}：审批额度只按一种币种设定，不能覆盖多币种的报销单（请拆分报销单）`;
  const reasons = p.reasons.map((r) => (r.limit === null ? `${r.by} 在 ${r.on} 没有审批额度` : `${r.by} 的审批额度为 ${r.limit}`));
  return `审批额度不足以覆盖${p.charged === "" ? "该报销单" : ` ${p.charged}`}（${reasons.join("；")}）`;
}

/** "甲"、"甲或乙"、"甲、乙或丙"。 */
function eitherOf(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join("、")}或${names[names.length - 1]}`;
}

export function stillNeededText(awaiting: readonly string[]): string {
  return awaiting.length > 0 ? ` ${eitherOf(awaiting)} 的审批` : "额度足够的人的审批（但已声明的审批额度都不够）";
}

function consequenceText(consequence: Consequence): string {
  return consequence === "none" ? "" : consequence === "blocked" ? "（action block：阻止）" : "（action block：入账将被拒绝）";
}

const PERIODS: Record<string, string> = { daily: "日", weekly: "周", monthly: "月", quarterly: "季度", yearly: "年度" };

function dimensionProblem(p: DimensionProblem): string {
  switch (p.kind) {
    case "count": return `custom "dimension" 应有 3 个值，而不是 ${p.count} 个`;
    case "not-string": return `custom "dimension" 的值须为加引号的字符串，而不是 ${p.type}${p.text === null ? "" : ` ${p.text}`}`;
    case "unknown-kind": return `未知的辅助核算类别 "${p.text}"`;
    case "code-empty": return "辅助核算代码为空";
    case "name-empty": return "辅助核算名称为空";
    case "code-spaces": return `辅助核算代码 "${p.text}" 含有空格`;
  }
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
  "too-many-missing": (p) => `币种组 '${p.currency}' 中缺少的数字太多，无法推算`,
  "unresolved-currency": (p) => `无法确定${p.part === "units" ? "数量" : p.part === "cost" ? "成本" : "价格"}的币种`,
  "infer-per-unit-cost": () => "不能只由总成本推算单位成本",
  "infer-units-zero-price": () => "价格为零，无法推算数量",
  "infer-price-at-cost": () => "按成本计价的持仓不能推算价格",
  "infer-price-zero-units": () => "数量为零，无法推算价格",
  "zero-units-at-cost": (p) => `数量为零："${p.amount}"`,
  "negative-cost": (p) => `成本为负："${p.cost}"`,
  "auto-postings": () => "同一币种只能有一条不写金额的分录",
  "total-price-without-units": (p) => `没有数量的分录写了总价：${p.price}。`,
  "no-matching-lot": (p) => `没有与 "${p.posting}" 相符的持仓批次，余额为 ${p.balance}`,
  "ambiguous-reduction": (p) => `"${p.posting}" 可匹配多个批次，无法确定：${p.matches}`,
  "insufficient-lots": (p) => `批次不足，无法减少 "${p.posting}"：${p.matches}`,
  "average-booking": () => "不支持 AVERAGE（平均成本）记账方法",
  "duplicate-open": (p) => `科目 ${p.account} 重复开设（open 指令重复）`,
  "duplicate-close": (p) => `科目 ${p.account} 重复关闭（close 指令重复）`,
  "close-unopened": (p) => `关闭了未开设的科目 ${p.account}`,
  "close-before-open": (p) => `科目 ${p.account} 的关闭日期早于开设日期`,
  "inactive-account": (p) => `引用了已关闭或尚未开设的科目 '${p.account}'`,
  "duplicate-commodity": (p) => `币种 '${p.currency}' 的 commodity 指令重复`,
  "duplicate-balance": () => "同一天同一科目的余额断言重复且金额不同",
  "account-negative": (p) => `${p.account} 余额小于零：这条分录后为 ${p.balance}（开设时设了 no-negative: TRUE）`,

  "compat-root": (p) => `科目根 '${p.root}' 须以 ASCII 大写字母开头，beancount 才能接受`,
  "compat-component": (p) => `beancount 不接受科目 '${p.account}'：第一级须以大写字母或数字开头（如 '1002-${p.component}'）`,
  "compat-meta-key": (p) => `beancount 不接受元数据键 '${p.key}'（须为 ASCII、小写字母开头、至少两个字符）`,
  "compat-tag": (p) => `beancount 不接受标签 '#${p.tag}'（只能用 A-Z a-z 0-9 - _ / .）`,
  "compat-link": (p) => `beancount 不接受链接 '^${p.link}'（只能用 A-Z a-z 0-9 - _ / .）`,

  "receipt-not-path": () => `receipt 应为加引号的文件路径，如 "receipts/2026-03/train.pdf"`,
  "receipt-missing": (p) => `票据文件不存在：'${p.file}'`,
  "receipt-outside": (p) => `票据文件不在账簿所在的文件夹内：'${p.file}'（票据应与账簿放在一起）`,
  "receipt-reused": (p) => `票据 '${p.written}' 被两张报销单使用：第一次在 ${p.claim}，位于 ${p.place}`,
  "receipt-same-content": (p) => `票据 '${p.written}' 与 '${p.earlier}' 内容相同，后者已先用于 ${p.claim}，位于 ${p.place}`,
  "fapiao-not-string": () => `invoice 应为加引号的发票号码，如 "26442000000123456789"`,
  "fapiao-malformed": (p) => `发票号码 "${p.number}" 格式不对：应为 20 位数字（数电发票），或 10 位或 12 位发票代码、'-' 和 8 位发票号码`,
  "fapiao-duplicate": (p) => `发票 ${p.number} 被重复报销：第一次${p.claim === null ? "" : `在 ${p.claim}，`}位于 ${p.place}`,

  "claim-in-books": (p) => `${p.id}：尚未入账的报销单写在了账簿里，bean-check、Fava 和 feeledger 都会把它算作已发生的费用；`
    + (p.declared !== null
      ? `请把它移到报销单文件（"${p.declared}"，在 ${p.declaredIn} 中声明）里，直到入账`
      : `请把它移到报销单文件里（在账簿中用 \`${p.first} custom "feeledger-option" "claims" "claims/*.beancount"\` 声明），直到入账`),
  "approval-shortfall": (p) => shortfallText(p),
  "approval-still-needed": (p) => stillNeededText(p.awaiting),
  "claim-approval-limit": (p) => `${p.id}：${shortfallText(p.shortfall)}`,
  "claim-approval-limit-pending": (p) => `${p.id}：${shortfallText(p.shortfall)}；在取得${stillNeededText(p.awaiting)}之前不能入账`,

  "schedule-overdue": (p) =>
    `摊销计划 "${p.id}"：${p.count} 期逾期未摊（${p.first === p.last ? p.first : `${p.first} 至 ${p.last}`}）；运行 'feeledger amortize ${p.main} --through ${p.last}' 即可写入`,
  "schedule-never-opened": (p) => `摊销计划 "${p.id}" 记入的科目 ${p.account} 从未开设`,
  "schedule-before-open": (p) => `摊销计划 "${p.id}" 于 ${p.first} 记入 ${p.account}，早于该科目的开设日期（${p.opened}）`,
  "schedule-after-close": (p) => `摊销计划 "${p.id}" 记入 ${p.account} 直到 ${p.last}，晚于该科目的关闭日期（${p.closed}）`,

  "period-changed": (p) => {
    const who = [p.by === null ? null : `结账人 ${p.by}`, p.on === null ? null : `结账日 ${p.on}`].filter((part) => part !== null);
    const closed = `${p.month} 结账后被改动过${who.length === 0 ? "" : `（${who.join("，")}）`}`;
    const advice = "；已结账的月份必须保持结账时的样子：请撤销改动，或反结账（feeledger reopen-period）后重新结账";
    if (p.totals === "unknown") return `${closed}（有分录被增加、删除或修改）${advice}`;
    if (p.totals.length === 0) return `${closed}：有分录被增加、删除或修改，但各科目合计未变${advice}`;
    return `${closed}：以下科目合计不同：${p.totals.map((d) => `${d.account}（结账时 ${d.then}，现在 ${d.now}）`).join("、")}${advice}`;
  },
  "control-action": (p) => `action 应为 "warn"（警告）或 "block"（阻止），而不是 "${p.action}"`,
  "budget-no-account": () => '预算须先写科目：custom "budget" ACCOUNT "PERIOD" AMOUNT',
  "budget-period": () => "预算期间应为 daily、weekly、monthly、quarterly 或 yearly（日、周、月、季、年）",
  "budget-no-amount": () => "预算须写金额，如 20000.00 CNY",
  "budget-exceeded": (p) =>
    `${p.id}：${p.posted ? "" : "若入账，将"}使 ${p.account} 在 ${p.period} 累计达到 ${p.total}，超出${PERIODS[p.budgetPeriod] ?? p.budgetPeriod}预算 ${p.budget}${consequenceText(p.consequence)}`,
  "policy-no-account": (p) => `报销标准须先写科目：${p.usage}`,
  "policy-kind": (p) => `报销标准的类型应为 per-claim（每单）、per-month（每月）或 receipt-above（超额须附票据）：${p.usage}`,
  "policy-no-amount": (p) => `报销标准须写金额，如 500.00 CNY：${p.usage}`,
  "policy-require": (p) => `require 应为 "either"、"receipt" 或 "invoice"，而不是 "${p.require}"`,
  "policy-per-claim": (p) => `${p.id}：${p.account} 下 ${p.total}，超出每单标准 ${p.limit}${consequenceText(p.consequence)}`,
  "policy-receipt-above": (p) =>
    `${p.id}：记入 ${p.account} 的 ${p.amount} 超过 ${p.limit}，却没有${p.evidence === "either" ? "发票或票据" : p.evidence === "invoice" ? "发票" : "票据"}（${p.policyAccount} 的 receipt-above 标准）${consequenceText(p.consequence)}`,
  "policy-per-month": (p) =>
    `${p.id}：${p.posted ? "" : "若入账，将"}使 ${p.month} ${p.account} 下已入账的报销累计达到 ${p.total}，超出每月标准 ${p.limit}${consequenceText(p.consequence)}`,
  "approval-limit-no-name": (p) => `审批额度须先写审批人姓名：${p.usage}`,
  "approval-limit-no-amount": (p) => `审批额度须在姓名后写金额，如 1000.00 CNY：${p.usage}`,
  "approval-limit-negative": (p) => `审批额度不能为负：${p.usage}`,
  "approval-limit-extra": (p) => `审批额度只写姓名和金额，不能再写别的：${p.usage}`,
  "share-no-weight": (p) => `分摊份额 "${p.share}" 没有权重：请写名称、空格和数字，如 "ACME 60"`,
  "share-no-name": (p) => `分摊份额 "${p.share}" 没有名称`,
  "share-twice": (p) => `"${p.name}" 在分摊份额中出现了两次`,
  "share-weight": (p) => `"${p.name}" 的权重必须大于零`,
  "shares-empty": () => "分摊份额中没有任何对象",
  "allocation-no-account": (p) => `分摊规则须先写科目：${p.usage}`,
  "allocation-method": (p) => `分摊方法应为 equal（平均）、ratio（比例）、revenue（按收入）或 headcount（按人数）：${p.usage}`,
  "allocation-extra": (p) => `分摊规则只写科目和方法；shares、by 和 pool 写成元数据：${p.usage}`,
  "allocation-by": (p) => `by 应为 "customer"（客户）或 "department"（部门），而不是 "${p.by}"`,
  "allocation-pool": () => "pool 须写出汇集的名称",
  "allocation-ratio-shares": () => '按比例分摊须写 shares："NAME WEIGHT, NAME WEIGHT"',
  "allocation-shares-method": (p) => `shares 只用于 ratio 和 equal，不用于 ${p.method}`,
  "allocation-shares-pool": (p) => `shares 中出现了汇集本身 "${p.pool}"`,
  "option-invalid-value": (p) =>
    `选项 '${p.name}' 有误：${p.why === "booking-method" ? `未知的记账方法 '${p.value}'` : p.why === "tolerance-shape" ? "应为 币种:容差" : p.why === "number" ? `无效的数字 '${p.value}'` : `未知的模式 '${p.value}'`}`,
  "option-read-only": (p) => `选项 '${p.name}' 不能设置`,
  "option-deprecated": (p) => `选项 '${p.name}' 只是暂时允许，以后将被取消`,
  "option-unknown": (p) => `无效的选项：'${p.name}'`,
  "option-default-tolerance": () => "选项 'default_tolerance' 已不建议使用；请改用 'inferred_tolerance_default'",
  "include-cycle": (p) => `include 循环引用：${p.chain}`,
  "duplicate-include": (p) => `同一文件被读入两次："${p.file}"`,
  "missing-include": (p) => `文件 "${p.file}" 不存在`,
  "option-in-include": (p) => `被 include 的文件中的选项 '${p.name}' 不起作用（只有主文件的选项有效）`,
  "plugin-in-include": (p) => `被 include 的文件中的插件 '${p.module}' 不会运行（beancount 只运行主文件的插件）`,
  "claim-file-missing": (p) => `报销单文件 "${p.file}" 不存在（没有从中读到报销单）`,
  "claim-file-included": (p) => `"${p.file}" 声明为报销单文件，账簿却 include 了它，其中的报销单会被当作已入账的分录；请删去这条 include（报销单文件不属于账簿）`,
  "claim-file-content": (p) =>
    `报销单文件只能写报销单（标记 ! 并带报销元数据）；${
      p.what === "option" ? `选项 '${p.name}'` : p.what === "include" ? "include" : p.what === "plugin" ? "插件"
      : p.what === "directive" ? `${p.name} 指令` : p.what === "transaction" ? "没有报销元数据的交易" : `标记为 ${p.name} 的报销单（已入账的分录）`}应写在账簿里`,
  "plugin-failed": (p) => `应用插件 "${p.module}" 出错：${p.why}`,
  "plugin-config": (p) => `应用插件 "${p.module}" 出错：${p.takes === "none" ? "它不接受配置" : "它需要配置字符串"}`,
  "plugin-import": (p) => `无法导入插件 "${p.module}"：没有这个模块`,
  "plugin-not-run": (p) => `feeledger 不运行插件 '${p.module}'${p.hint === null ? "" : `（${p.hint}）`}`,
  "plugin-missing-commodity": (p) => `币种 '${p.currency}' 缺少 commodity 指令`,
  "plugin-non-leaf": (p) => `非末级科目 '${p.account}' 上有分录`,
  "plugin-sellgains": (p) => `价格与收入/收益不符：${p.price} 对 ${p.proceeds}`,
  "plugin-config-syntax": (p) => `配置有语法错误：${p.text}`,
  "plugin-invalid-clause": (p) => `无效的配置项：${p.clause}`,
  "plugin-duplicate-entry": (p) => `重复的分录：${p.date} ${p.type} 与 ${p.file}:${p.otherDate} 处的分录相同`,
  "plugin-coherent-cost": (p) => `币种 '${p.currency}' 既有按成本计价的持仓，又有不按成本计价的`,
  "plugin-average-cost": (p) => `减少持仓的分录的成本与平均成本相差太大（${p.cost} 对 ${p.average}）`,
  "plugin-unique-prices": () => "同一天的价格记录互相矛盾",
  "plugin-one-commodity": (p) => `科目 '${p.account}' 中有不止一种币种：${p.currencies}`,
  "plugin-unused-account": (p) => `科目 '${p.account}' 开设后从未使用`,
  "plugin-subaccount": (p) => `无效的子科目名称：'${p.subaccount}'`,
  "plugin-no-price": (p) => `找不到 ${p.currency}/${p.costCurrency} 的有效价格`,
  "plugin-zero-units": (p) => `科目 ${p.account} 中以 ${p.costCurrency} 计价的 ${p.currency} 持仓数量合计为零，这不应发生`,
  "plugin-commodity-attr-config": () => "commodity_attr 插件的配置无效；已跳过",
  "plugin-missing-attribute": (p) => `币种 ${p.currency} 的 commodity 指令缺少属性 '${p.attribute}'`,
  "plugin-attribute-value": (p) => `币种 ${p.currency} 的 commodity 指令的属性 ${p.attribute} 的值 '${p.value}' 无效；可用的值：${p.values}`,
  "period-directive-month": (p) => `${p.directive} 指令只写一个月份，格式为 "YYYY-MM"`,
  "period-close-date": (p) => `${p.month} 的结账指令应以该月最后一天 ${p.last} 为日期`,
  "period-close-digest": (p) => `${p.month} 的结账指令没有可读的摘要（"sha256:" 加 64 位十六进制数字），无法判断该月是否被改动`,
  "period-reopen-date": (p) => `${p.month} 的反结账指令应以该月最后一天 ${p.last} 或之后为日期`,
  "schedule-zero": () => "摊销计划须有不为零的金额",
  "schedule-key-account": (p) => `'${p.key}' 须写科目`,
  "schedule-past-last-month": (p) => `从 ${p.first} 起 ${p.months} 个月超出了日期所能表示的最后一个月 ${p.last}`,
  "schedule-id-empty": () => "'schedule-id' 须为非空字符串",
  "schedule-months-needed": () => "摊销计划须写 'months: N'，即 1 到 1200 的整数月数",
  "schedule-next-month": (p) => `'start: "next-month"'：${p.last} 之后没有月份可以开始`,
  "schedule-start": () => "'start' 须为日期、\"YYYY-MM\"、\"this-month\" 或 \"next-month\"",
  "schedule-id-duplicate": (p) => `已有别的摊销计划使用 schedule-id "${p.id}"`,
  "schedule-unknown": (p) => `没有 schedule-id 为 "${p.id}" 的摊销计划`,
  "schedule-outside": (p) => `摊销计划 "${p.id}" 的 ${p.date} 一期不在其 ${p.months} 个月内（${p.first} 至 ${p.last}）`,
  "schedule-second": (p) => `摊销计划 "${p.id}" 在 ${p.month} 有第二期；每月只摊一期`,
  "schedule-amount": (p) => `摊销计划 "${p.id}" 第 ${p.number}/${p.months} 期记入 ${p.account} ${p.amount}；计划应为 ${p.expected}`,
  "schedule-total": (p) => `摊销计划 "${p.id}" 已写入的各期合计 ${p.written}，超过其总额 ${p.total}`,

  "account-code-quoted": (p) => `${p.account} 的 ${p.key}: 须为加引号的文字，如 ${p.key}: "${p.example}"`,
  "account-code-empty": (p) => `${p.account} 的 ${p.key}: 为空`,
  "account-code-spaces": (p) => `${p.account} 的 code: 含有空格："${p.code}"`,
  "account-code-duplicate": (p) => `科目代码 ${p.code} 被 ${p.accounts} 共用：请在各自的 open 上用 code: "..." 给每个科目自己的代码（正式账簿按代码区分科目）`,
  "dimension-undeclared": (p) => `${p.kind} "${p.name}" 没有代码：请用 custom "dimension" "${p.kind}" CODE "${p.name}" 声明`,
  "dimension-directive": (p) => `${dimensionProblem(p.problem)}；应为 custom "dimension" KIND CODE NAME，KIND 为 ${p.kinds} 之一`,
  "dimension-name-duplicate": (p) => `${p.kind} "${p.name}" 已声明代码 "${p.code}"（${p.date}）；一个名称只有一个代码`,
  "dimension-code-duplicate": (p) => `${p.kind} 代码 "${p.code}" 已用于 "${p.name}"（${p.date}）；一个代码只对应一个${p.kind}`,

  "period-claim-approved": (p) => `${p.id} 已审批但未入账，日期 ${p.date}：结账 ${p.month} 之前请先入账（或驳回）`,
  "period-claim-in-books": (p) => `${p.id} 是写在账簿里的未完成报销单，日期 ${p.date}：结账会把它原样冻结；结账 ${p.month} 之前请把它移到报销单文件（或作出审批决定）`,
  "period-installment-unwritten": (p) =>
    `摊销计划 "${p.id}"：${p.date} 到期的第 ${p.number}/${p.months} 期尚未写入，${p.month} 结账后 amortize 将无法写入（运行 feeledger amortize ${p.file} --through ${p.month} 写入）`,
  "invoice-number-mismatch": (p) => `票据 '${p.file}' 是发票 ${p.id}（${p.source}），但分录写的是发票 "${p.invoice}"`,
  "invoice-number-shape": (p) => `票据 '${p.file}'：发票号码 ${p.number} 不是数电发票的 20 位数字`,
  "invoice-buyer": (p) => `票据 '${p.file}' 的购买方纳税人识别号为 ${p.buyer}，不是本公司的 ${p.taxId}`,
  "invoice-date-after-claim": (p) => `票据 '${p.file}' 的开票日期 ${p.date} 晚于报销日期 ${p.claimDate}`,
  "invoice-red": (p) => `票据 '${p.file}' 是红字（冲红）发票（${p.flag ?? `价税合计为负 ${p.total}`}）：它冲销一张发票，不能作为费用的凭据`,
  "invoice-total-mismatch": (p) => `票据 '${p.file}'：金额 ${p.amount} + 税额 ${p.tax} 不等于价税合计 ${p.total}`,
  "invoice-over-claimed": (p) => `发票 ${p.number}${p.file === null ? "" : `（票据 '${p.file}'）`}累计报销 ${p.sum} CNY，超过 '${p.totalFile}' 中的价税合计 ${p.total}`,
  "invoice-claimed-twice": (p) => `发票 ${p.number}${p.file === null ? "" : `（读自票据 '${p.file}'）`}被重复报销：第一次在 ${p.claim}，位于 ${p.place}`,
  "invoice-unreadable": (p) => `票据 '${p.file}' 无法读作发票：${p.reason}`,
  "invoice-scan": (p) => `票据 '${p.file}' 是没有文字层的 PDF（扫描件）：读不出发票信息，请人工核对`,
  "audit-rule-shape": () => 'audit-rule 只写规则名称，阈值写成元数据：custom "audit-rule" "RULE"',
  "audit-rule-unknown": (p) => `未知的稽核规则 "${p.name}"（已知：${p.known}）`,
  "audit-rule-setting": (p) => `稽核规则 "${p.name}" 没有设置项 "${p.key}"（可用：${p.settings}）`,
  "audit-rule-value": (p) =>
    `稽核规则 "${p.name}" 的 "${p.key}" 应为${p.wanted === "number" ? "不为负的数字" : p.wanted === "amount" ? "金额，如 3000.00 CNY" : p.wanted === "bool" ? " TRUE 或 FALSE" : p.wanted === "account" ? "科目" : "字符串"}`,
  "file-missing": (p) => `文件 "${p.file}" 不存在`,
  "file-unreadable": (p) => `无法读取 "${p.file}"：${p.why}`,
  "file-directory": (p) => `'${p.file}' 是文件夹，不是日记账文件`,
  "file-not-regular": (p) =>
    `'${p.file}' ${p.kind === "fifo" ? "是命名管道（FIFO）" : p.kind === "character-device" ? "是字符设备" : p.kind === "block-device" ? "是块设备" : p.kind === "socket" ? "是套接字" : "不是普通文件"}，不是日记账文件：只读取普通文件`,
};
