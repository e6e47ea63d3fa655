// 中文消息（checks）：与 en-checks.ts 键相同、参数相同。
import type { enChecks } from "./en-checks.js";
import type { Translation } from "./translation.js";

export const zhChecks: Translation<typeof enChecks> = {
};
