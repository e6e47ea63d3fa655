// 中文消息（cli）：与 en-cli.ts 键相同、参数相同。
import type { enCli } from "./en-cli.js";
import type { Translation } from "./translation.js";

export const zhCli: Translation<typeof enCli> = {
};
