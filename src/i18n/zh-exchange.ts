// 中文消息（导入、导出、格式化）：与 en-exchange.ts 键相同、参数相同。
import type { enExchange, enExport, enFmt, enFmtReasons, enImport, enImportFile, enImportMap, enStarter } from "./en-exchange.js";
import { fixed } from "./en-cli.js";
import { merged, type Translation } from "./translation.js";

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

const zhImport: Translation<typeof enImport> = {
  "import no amount": fixed("没有金额"),
  "import amount not a number": (p) => `金额 ${p.value} 不是数字`,
  "import amount unreadable": (p) => `无法把 "${p.value}" 读作金额`,
  "import amount zero": fixed("金额为零"),
  "import amount negative": (p) => `金额 ${p.amount} 小于零（退款不是报销明细）`,
  "import no date": fixed("没有日期"),
  "import date unreadable": (p) => `无法把 ${p.value} 读作日期`,
  "import date unreadable text": (p) => `无法把 "${p.value}" 读作日期`,
  "import not a day": (p) => `"${p.value}" 不是日历上的日期`,
  "import not a time": (p) => `"${p.value}" 不是一天中的时刻`,
  "import number not whole": (p) => `单据编号 ${p.value} 不是整数`,
  "import number lost digits": (p) => `单据编号 ${p.value} 被存成了数字，已丢失位数；请在表格中把该列设为文本，或重新导出`,
  "import no number": fixed("没有单据编号"),
  "import no claimant": fixed("没有报销人"),
  "import no status": fixed("没有审批状态"),
  "import unknown status": (p) => `未知的审批状态 "${p.status}"`,
  "import currency": (p) => `金额的币种为 ${p.currency}，而映射文件的币种为 ${p.mapCurrency}`,
  "import no payable": (p) => `映射文件中没有 ${p.claimant} 的应付科目（payables）`,
  "import no lines": fixed("单据没有费用明细"),
  "import no category": fixed("没有费用类型"),
  "import unknown category": (p) => `未知的费用类型 "${p.category}"：请把它加到映射文件的 accounts 中`,
  "import no finish time": fixed("已审批的单据没有完成时间：无法确定审批日期"),
  "import no approver": fixed("已审批的单据除报销人本人外没有审批人"),
  "import no document date": fixed("没有日期：费用明细和单据都没有"),
  "import also at": (p) => `导出文件的 ${p.place} 也有这张单据`,
  "import still submitted": (p) => `${p.id} 在账本中仍为已提交（${p.where}）：请用 feeledger reject 驳回`,
  "import rejected in": (p) => `在${p.source}中已${p.rejected ? "驳回" : "撤回"}${p.still === null ? "" : `；${p.still}`}`,
  "import already in journal": (p) => `已在账本中，状态 ${p.status}（${p.where}）`,
  "import id taken": (p) => `报销单号 ${p.id} 已被另一张报销单使用（${p.where}）；请在映射文件中设置 prefix`,
  "import read": (p) => `${p.file}：${p.kind}${p.sheet === null ? "" : `（工作表 ${p.sheet}）`}${p.encoding === null ? "" : `，${p.encoding}`}，${p.count} 张单据`,
  "import progress reading": fixed("读取中"),
  "import progress bar": (p) => `${p.label} [{bar}] {value}/{total} 张单据`,
  "import map errors": fixed("映射文件有错误；未写入任何内容"),
  "import journal errors": (p) => `账本中有 ${p.count} 个错误；未写入任何内容`,
  "import would bring errors": fixed("导入会给账本带来错误；未写入任何内容"),
  "import bad documents": (p) => `${p.count} 张单据有问题；未写入任何内容（--skip-bad 可导入其余单据）`,
  "import nothing to import": fixed("没有需要导入的单据；未写入任何内容"),
  "import wrote": (p) => `已写入 ${p.file}${p.bad > 0 ? `；${p.bad} 张有问题的单据未导入（--skip-bad）` : ""}`,
  "import appeared": (p) => `feeledger：规划导入期间出现了 ${p.file}；未写入任何内容（请重新运行）`,
  "import Document": fixed("单据"),
  "import Claim": fixed("报销单"),
  "import Outcome": fixed("结果"),
  "import Detail": fixed("说明"),
  "import imported": fixed("已导入"),
  "import ready": fixed("可导入"),
  "import updated": fixed("已更新"),
  "import skipped": fixed("已跳过"),
  "import bad": fixed("有问题"),
  "import state and lines": (p) => `${p.approved ? "已审批" : "已提交"}，${p.lines} 行明细`,
  "import approved by": (p) => `由 ${p.names} 审批（${p.where}）`,
  "import problems in row": (p) => `${p.count} 个问题（第 ${p.row} 行）`,
  "import more not listed": (p) => `（另有 ${p.count} 张未列出）`,
  "import summary": (p) => `${p.importedWord} ${p.imported}，已更新 ${p.updated}，已跳过 ${p.skipped}，有问题 ${p.bad}`,
};

/** 映射文件中某一部分的叫法：`prefix`、`交通费 的科目`。 */
const MAP_PARTS: Record<string, string> = { "the map": "映射文件", account: "科目", payable: "应付科目", column: "列", name: "名称" };
const mapPart = (p: { what: string; of: string | null }): string => (p.of === null ? MAP_PARTS[p.what] ?? p.what : `${p.of} 的${MAP_PARTS[p.what] ?? p.what}`);

const zhImportMap: Translation<typeof enImportMap> = {
  "map cannot read": (p) => `无法读取映射文件：${p.why}`,
  "map yaml": (p) => `YAML 格式错误：${p.why}`,
  "map not a mapping": fixed("映射文件应为 YAML 映射（每行 键: 值）"),
  "map must be text": (p) => `${mapPart(p)} 应为文本`,
  "map must be mapping": (p) => `${mapPart(p)} 应为映射（每行一个 "名称: 值"）`,
  "map key must be text": (p) => `${mapPart(p)} 的键应为文本`,
  "map prefix": (p) => `前缀 prefix "${p.text}" 只能包含字母、数字、'-'、'_' 和 '.'`,
  "map currency": (p) => `币种 currency "${p.text}" 不是有效的商品名称（如 CNY、USD）`,
  "map unknown field": (p) => `columns 中有未知字段 "${p.field}"（可用的字段：${p.fields}）`,
  "map unknown key": (p) => `未知的键 "${p.key}"（映射文件的键：${p.keys}）`,
};

const zhImportFile: Translation<typeof enImportFile> = {
  "export file cannot read": (p) => `无法读取 ${p.file}：${p.why}`,
  "export file kind": (p) => `${p.file}：导出文件应为 .xlsx、.xls、.csv 或 .json（各系统 API 的返回）`,
  "export file csv": (p) => `${p.file}：无法读取 CSV：${p.why}`,
  "export file workbook": (p) => `${p.file}：无法读取工作簿（${p.why}）；请另存为 .xlsx`,
  "export file no sheet": (p) => `${p.file}：工作簿中没有工作表`,
  "export file not json": (p) => `${p.file}：不是 JSON：${p.why}`,
  "export file no header": (p) =>
    `${p.file}：找不到表头行：前几行都没有出现 ${p.label} 的任意两个列名（${p.examples} 等）；请在映射文件中指定列名（columns:）`,
  "export file no id column": (p) => `${p.file}：没有单据编号列（${p.idColumns.join(" 或 ")}）；请在映射文件中指定（columns: id: ...）`,
  "export file json": (p) => `${p.file}：--from ${p.source} 读取电子表格（.xlsx、.xls、.csv），不读取 JSON`,
  "import to no claims option": (p) =>
    `日记账没有声明报销单文件；请在 ${p.main} 中加入一行，例如 2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"`,
  "import to name it": (p) => `请用 --to FILE 指定要写入的报销单文件（claims 选项包括 ${p.patterns}）`,
  "import to not covered": (p) => `${p.file} 不是日记账的报销单文件：claims 选项包括 ${p.patterns}`,
  "import to not read": (p) => `${p.file} 未作为报销单文件读取（见 feeledger check）；未写入任何内容`,
  "import to no folder": (p) => `${p.file} 所在的文件夹不存在`,
};

const zhStarter: Translation<typeof enStarter> = {
  "starter title": (p) =>
    `# feeledger 导入映射：用于${p.label}的导出文件，由 ${p.file} 生成\n`
    + `# （feeledger import --init ${p.file} --from ${p.source}）。请填写空白处，与账簿一起保存在 git 中，\n`
    + `# 导入命令：feeledger import BOOKS EXPORT --from ${p.source} --map THIS-FILE`,
  "starter columns": (p) => `# ${p.file} 的列（表头在第 ${p.row} 行${p.second === null ? "" : `和第 ${p.second} 行，两行表头`}）：`,
  "starter not read": fixed("（不读取）"),
  "starter api answer": (p) => `# ${p.file} 是 API 的返回（${p.count} 张单据）；其字段按 docs/IMPORT.md 所述读取。`,
  "starter prefix": fixed("# 报销单号由此前缀加来源系统的单据编号组成（编号本身另存为 approval-id）。"),
  "starter defaults": fixed("# 单据未写明时使用："),
  "starter accounts": fixed("# 费用类型 -> 科目（账簿中已开设的费用科目）。找到的所有费用类型："),
  "starter payables": fixed("# 报销人 -> 报销单贷记的应付科目。可对所有人用一个模式，例如"),
  "starter payables each": fixed("# 或每位报销人一行（找到的所有报销人）："),
  "starter names": fixed("# API 的返回中人员（和部门）以编号出现：请为每个编号填写名称。"),
  "starter columns of fields": fixed("# 各字段所在的列（预设的猜测；若你的导出文件不同，请修改列名）："),
  "starter not found": fixed("（未找到）"),
  "starter field id": fixed("单据编号（审批编号）：报销单号为映射的前缀加此编号"),
  "starter field title": fixed("标题，作为报销单的摘要"),
  "starter field date": fixed("单据发起的时间（发起时间）"),
  "starter field finished": fixed("单据完成的时间（完成时间）：即审批日期"),
  "starter field claimant": fixed("报销人（发起人姓名）"),
  "starter field department": fixed("报销人所在部门"),
  "starter field customer": fixed("费用所属的客户"),
  "starter field approvers": fixed("审批人（历史审批人姓名），全部，按顺序"),
  "starter field status": fixed("单据状态（审批中、完成、已撤销）"),
  "starter field result": fixed("审批结果（同意、拒绝）"),
  "starter field category": fixed("明细行的费用类型"),
  "starter field amount": fixed("明细行的金额"),
  "starter field detail-date": fixed("明细行的日期"),
  "starter field invoice": fixed("明细行的发票号码"),
  "starter field narration": fixed("明细行的说明"),
};

const zhFmtReasons: Translation<typeof enFmtReasons> = {
  "fmt reason line": (p) => `第 ${p.line} 行的改动不只是空格和制表符`,
  "fmt reason entry": (p) => `第 ${p.line} 行的 ${p.type} 条目读出来会不同`,
  "fmt reason count": (p) => `读出来会是 ${p.formatted} 个条目，而不是 ${p.old} 个`,
  "fmt reason controls": fixed("它的选项、include 或插件读出来会不同"),
  "fmt reason problems": fixed("读取时会出现不同的错误或警告"),
};

export const zhExchange: Translation<typeof enExchange> = merged(zhFmt, zhExport, zhImport, zhImportMap, zhImportFile, zhStarter, zhFmtReasons);
