// 中文消息（用法错误）：与 en-usage.ts 键相同、参数相同。
import { fixed } from "./en-cli.js";
import type { enCommander, enUsage } from "./en-usage.js";
import type { Translation } from "./translation.js";

export const zhUsage: Translation<typeof enUsage> = {
  "usage no journal": fixed("没有指定账本文件（请写出文件名，或用 -f FILE 或 FEELEDGER_FILE 指定）"),
  "usage file not found": (p) => `找不到文件：${p.file}`,
  "usage file is a directory": (p) => `${p.file} 是目录，不是账本文件`,
  "usage unknown format": (p) => `未知的格式 '${p.value}'（应为 table、csv、json、xlsx 或 html）`,
  "usage invalid date": (p) => `${p.name} 的日期无效：'${p.value}'（应为 YYYY-MM-DD）`,
  "usage impossible date": (p) => `${p.name} 的日期无效：'${p.value}'`,
  "usage invalid month": (p) => `${p.name} 的月份无效：'${p.value}'（应为 YYYY-MM，如 2026-03）`,
  "usage not a whole number": (p) => `${p.flag} 应为不小于 1 的整数，而不是 '${p.value}'`,
  "usage empty range": (p) => `--begin ${p.begin} 不早于 --end ${p.end}：日期范围为空`,
  "usage invalid period": (p) => `${p.flag} 的期间无效：'${p.value}'（应为 2026、2026-03、2026Q1 或 2026-01..2026-06）`,
  "usage empty period": (p) => `${p.flag} 的期间为空：'${p.value}'`,
  "usage invalid account pattern": (p) => `科目模式无效：'${p.pattern}'`,
  "usage unexpected argument": (p) => `多余的参数 '${p.argument}'`,

  "usage period with begin or end": fixed("-p/--period 代替 -b 和 -e：二者只能用其一"),
  "usage bom without csv": fixed("--bom 只用于 CSV 输出"),
  "usage xlsx to terminal": fixed("xlsx 工作簿不能输出到终端：请用 -o FILE.xlsx 写入文件（或重定向标准输出）"),
  "usage ascii without chart": fixed("--ascii 只与 --chart 一起使用"),
  "usage chart format": (p) => `--chart 画在终端的表格里；${p.format} 输出没有放图的地方${p.format === "html" ? "（html 页面本身已有图表）" : ""}`,
  "usage intervals exclude": fixed("-M、-Q 和 -Y 只能用其一"),
  "usage depth with by": fixed("--depth 用于按科目分组，不能与 --by 同用"),
  "usage unknown by": (p) => `未知的 --by '${p.by}'（应为 customer、claimant、department、payee、tag 或 meta:KEY）`,

  "usage unknown status": (p) => `未知的状态 '${p.value}'（应为 ${p.statuses}）`,
  "usage no such account": (p) => `${p.file} 中没有科目 '${p.account}'（请写科目全名、科目代码如 6602，或科目名称如 管理费用-客户管理费）`,
  "usage ambiguous account": (p) => `'${p.account}' 对应 ${p.count} 个科目：${p.candidates}（请指定其中一个）`,
  "usage ledger needs account": fixed("请指定科目：feeledger report ledger FILE ACCOUNT"),
  "usage needs text": (p) => `${p.command} 需要 ${p.flag}`,
  "usage single line": (p) => `${p.flag} 只能写一行`,
  "usage needs claim id": (p) => `${p.command} 需要报销单号，如 feeledger ${p.command} FILE EC-2026-031`,
  "usage allocate needs through": fixed("allocate 需要 --through YYYY-MM，即分摊到的最后一个月"),
  "usage import init one export": fixed("import --init 只接受一个导出文件：feeledger import --init EXPORT --from SOURCE"),
  "usage import needs export": fixed("import 需要在账本之后写出导出文件：feeledger import FILE EXPORT... --from SOURCE"),
  "usage import needs from": (p) => `import 需要 --from SOURCE（${p.sources}）`,
  "usage import unknown source": (p) => `--from ${p.source}：来源只能是 ${p.sources}`,
  "usage output is claim file": (p) => `--output ${p.file} 是报销单文件，不在账内；请指定账内的文件`,
  "usage output not in journal": (p) => `--output ${p.file} 不属于账本 ${p.journal}；请先在其中加上 'include "${p.include}"'，摊销分期才会计入`,
  "usage amortize needs through": fixed("amortize 需要 --through YYYY-MM，即写入分期的最后一个月"),
  "usage needs month": (p) => `${p.command} 需要一个月份，YYYY-MM`,
  "usage close needs by": fixed("close-period 需要 --by NAME（结账人）"),
  "usage claims or all": fixed("请列出报销单或使用 --all，二者不能同时使用"),
  "usage post needs claims": fixed("post 需要报销单号或 --all"),
  "usage pay needs claims": fixed("pay 需要报销单号或 --all"),
  "usage pay needs from": fixed("pay 需要 --from ACCOUNT，即付款的银行或现金科目"),
  "usage bank file needs name": fixed("--bank-file 需要文件名"),
  "usage flat and tree": fixed("--flat 和 --tree 只能用其一"),
  "usage unknown rule": (p) => `未知的 --rule '${p.rule}'（应为 ${p.rules}）`,
  "usage unknown customers by": (p) => `未知的 --by '${p.by}'（应为 customer 或 department）`,
  "usage unknown align": (p) => `--align 只能是 file 或 block，而不是 '${p.value}'`,
  "usage export needs period": fixed("export vouchers 需要 -p PERIOD：一个月（2026-03）、一个季度（2026Q1）、一年或连续几个月（2026-01..2026-03）"),
  "usage export period open": (p) => `-p ${p.period} 缺少起点或终点：请写出两端，如 2026-01..2026-03`,
  "usage export period not months": (p) => `-p ${p.period} 不是整月：账簿按会计期间（月）导出，如 -p 2026-03`,
  "usage export needs target": (p) => `export vouchers 需要 --target TARGET（${p.targets}）`,
  "usage unknown target": (p) => `未知的 --target '${p.target}'（应为 ${p.targets}）`,
  "usage export needs output": (p) => `export vouchers 需要 -o FILE（要写入的 ${p.extension} 文件）`,
  "usage target extension": (p) => `--target ${p.target} 写出 ${p.extension} 文件（${p.title}）：-o 的文件名应为 *${p.extension}`,
  "usage target needs account book": (p) => `--target ${p.target} 需要 --account-book CODE：凭证所入账簿的编码`,
  "usage account book only kingdee": fixed("--account-book 和 --organization 只用于 --target kingdee-cloud"),
};

/** commander 的错误（“您是不是要用”对应 "(Did you mean ...?)"）。 */
export const zhCommander: Translation<typeof enCommander> = {
  "usage commander unknown option": (p) => `错误：未知选项 '${p.option}'${suggestion(p.suggestions)}`,
  "usage commander unknown command": (p) => `错误：未知命令 '${p.command}'${suggestion(p.suggestions)}`,
  "usage commander missing argument": (p) => `错误：缺少必需的参数 '${p.argument}'`,
  "usage commander option missing argument": (p) => `错误：选项 '${p.option}' 缺少值`,
  "usage commander missing mandatory option": (p) => `错误：未指定必需的选项 '${p.option}'`,
  "usage commander too many arguments": (p) =>
    `错误：${p.command === "" ? "" : `'${p.command}' 的`}参数过多：应有 ${p.expected} 个参数，实际有 ${p.received} 个。`,
  "usage commander invalid option value": (p) => `错误：选项 '${p.option}' 的值 '${p.value}' 无效。${p.reason === "" ? "" : ` ${p.reason}`}`,
  "usage commander invalid argument value": (p) => `错误：参数 '${p.argument}' 的值 '${p.value}' 无效。${p.reason === "" ? "" : ` ${p.reason}`}`,
  "usage commander conflicting options": (p) => `错误：选项 '${p.option}' 不能与选项 '${p.other}' 同时使用`,
};

function suggestion(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  return `\n（您是不是要用 ${suggestions.join("、")}？）`;
}
