// 来自命令之下的拒绝理由：账簿把分录写到哪里（post-to）、pay 为何拒绝或无需付款、写入命令引用的检查问题、
// “有错误，未写入任何内容”以及报表的“无可报告”。键与参数同 en-refusals.ts。
import type { enBooks, enPay, enQuoted, enRefusals, enStops, enWrites } from "./en-refusals.js";
import { fixed } from "./en-cli.js";
import { merged, type Translation } from "./translation.js";

const zhBooks: Translation<typeof enBooks> = {
  "books post-to no file": (p) => `"${p.option}" 选项没有指定文件`,
  "books post-to not included": (p) =>
    `"${p.option}" 为 ${p.date} 指定的文件 ${p.relative} 不在日记账的 include 之中；请先在 ${p.main} 中加入 'include "${p.include}"'，写入其中的内容才会计入账簿`,
  "books target claim file": (p) => `它的目标文件 ${p.file}（post-to）是报销单文件；入账的报销单应写入账簿`,
  "books target not in books": (p) => `它的目标文件 ${p.target} 不在账簿中；请在 ${p.declaring} 中加入一行 ${p.include} 后重新入账`,
  "books target missing": (p) => `它的目标文件 ${p.target} 不存在；请创建该文件，在 ${p.declaring} 中加入一行 ${p.include} 后重新入账`,
  "books pushtag": (p) => `它的标签 #${p.tag} 来自 ${p.file} 中的 pushtag，移入账簿时不会随之带走；请先把标签写在报销单的日期行上`,
  "books pushmeta": (p) => `它的元数据 '${p.key}' 来自 ${p.file} 中的 pushmeta，移入账簿时不会随之带走；请先把它写进报销单`,
};

const zhPay: Translation<typeof enPay> = {
  "pay nothing to pay": (p) => `无需付款：${p.reason}。`,
  "pay nothing owed": (p) => `没有 ${p.date} 及以前日期、已入账且尚未付清的报销单`,
  "pay not paid": (p) => `${p.id} 未付款：${p.reason}`,
  "pay not posted": (p) => `它尚未入账（状态为 ${p.status}）；请先入账`,
  "pay owes nothing": fixed("它没有应付款：它没有贷记任何负债科目（入账时已结清）"),
  "pay already paid": (p) => `它已付款（${p.payments.map((payment) => `${payment.date}，${payment.place}`).join("；")}）`,
  "pay dated after": (p) => `它的日期 ${p.claimDate} 晚于付款日期 ${p.date}`,
  "pay not a link": (p) => `它的单号不能写成 beancount 链接（^${p.id}）：只能用字母、数字和 - _ / .`,
  "pay from not asset": (p) => `--from ${p.from} 不是资产科目（请从 ${p.assets} 下的库存现金或银行存款科目付款）`,
  "pay from not open": (p) => `--from ${p.from} 在 ${p.date} 未开设`,
  "pay advance ambiguous": (p) =>
    `${p.account}：其员工编码对应多个资产科目（${p.candidates}）；请在其 open 上用 advance-account 指定借款科目，或用 --no-offset 付款`,
  "pay no bank account": (p) => `${p.account} 的 open 上没有 bank-account，银行代发文件需要它（请在那里加上 bank-account: "..." 和 bank: "..."）`,
  "pay nothing written": fixed("未写入任何内容"),
  "pay closed month": (p) =>
    `${p.claims} 的付款被拒绝：${p.date} 在已结账的月份（截至 ${p.latest}）；请在 ${p.first} 或之后付款；未写入任何内容`,
  "pay refused because": (p) => `付款被拒绝：${p.problem.zh}`,
  "pay refused": (p) => `${p.claims} 的付款被拒绝；未写入任何内容`,
  "pay offset": (p) => `${p.name}：应付 ${p.owed}，冲抵 ${p.account} 上未还的借款 ${p.offset}（借款余额 ${p.open}），实付 ${p.paid}`,
  "pay cannot write bank file": (p) => `无法写出银行代发文件：${p.why}；未写入任何内容`,
};

const zhQuoted: Translation<typeof enQuoted> = {
  "writer check problem": (p) =>
    `${p.problem.zh}${p.elsewhere === null ? "" : `（位于 ${p.elsewhere}）`}${p.more > 0 ? `（另有 ${p.more} 个问题）` : ""}`,
};

const zhStops: Translation<typeof enStops> = {
  "stop journal errors": (p) => `日记账有 ${p.count} 个错误；未写入任何内容`,
  "stop errors": (p) => `${p.count} 个错误；未写入任何内容`,
  "stop report errors": (p) => `${p.count} 个错误；详情请运行 'feeledger check ${p.file}'`,
  "stop cannot write": (p) => `无法写入 ${p.file}：${p.why}；未写入任何内容`,
  "stop cannot write journal": (p) => `无法写入日记账：${p.why}${p.nothingWritten ? "；未写入任何内容" : ""}`,
  "stop nothing in period": fixed("无可报告：期间内没有交易"),
  "stop nothing before end": fixed("无可报告：期末之前没有交易"),
  "stop no receipt files": fixed("没有报销单指明票据文件。"),
};

const WHAT: Record<string, string> = { "the journal file": "日记账文件", "the output file": "输出文件", "the file": "文件" };
const KIND: Record<string, string> = {
  "a directory": "文件夹", "a FIFO (named pipe)": "命名管道（FIFO）", "a device": "设备", "a socket": "套接字", "not a regular file": "特殊文件",
};
const written = (p: { what: string; file: string }): string => (p.what === "" ? p.file : `${WHAT[p.what] ?? p.what} ${p.file}`);

const zhWrites: Translation<typeof enWrites> = {
  "write not regular": (p) => `${written(p)} 是${KIND[p.kind] ?? p.kind}，不是普通文件；未写入任何内容`,
  "write read-only": (p) => `${written(p)} 对你是只读的；未写入任何内容（如需修改，请先使其可写）`,
  "write folder not writable": (p) => `无法写入 ${written(p)}：其所在文件夹 ${p.folder} 不可写（写入前要先在那里建临时文件）；未写入任何内容`,
  "write no folder": (p) => `无法写入 ${p.file}：文件夹 ${p.folder} 不存在`,
  "write same file": (p) => `${p.other} 与 ${p.file} 是同一个文件（${p.real}）；未写入任何内容`,
  "write output is journal": (p) =>
    `-o ${p.file} 是日记账的文件${p.also === null ? "" : `（${p.also}）`}：报表写到那里会覆盖账簿；未写入任何内容（请另选文件）`,
  "write output directory": (p) => `-o ${p.file} 是文件夹；未写入任何内容`,
  "write stale": (p) => `${p.file} 在读取之后已被改动；未写入任何内容（请重新运行命令）`,
  "write exists": (p) => `${p.file} 已存在；未写入任何内容（请换一个文件名，或先把旧文件移走）`,
};

export const zhRefusals: Translation<typeof enRefusals> = merged(zhBooks, zhPay, zhQuoted, zhStops, zhWrites);
