// 中文消息（导入、导出、格式化）：与 en-exchange.ts 键相同、参数相同。
import type { enExchange } from "./en-exchange.js";
import { fixed } from "./en-cli.js";
import type { Translation } from "./translation.js";

const zhFmt = {
  "fmt formatted": (p: { file: string }) => `已格式化 ${p.file}`,
  "fmt cannot read": (p: { file: string; why: string }) => `feeledger：无法读取 ${p.file}：${p.why}；未写入任何内容`,
  "fmt refused": (p: { file: string; why: string }) => `feeledger：${p.file} 未格式化：${p.why}；未写入任何内容（请报告此问题）`,
};

export const zhExchange: Translation<typeof enExchange> = { ...zhFmt };
