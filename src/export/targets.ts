// The export targets by name: adding a format is adding a table file and a line here.
import { KINGDEE_CLOUD } from "./kingdee-cloud.js";
import { KINGDEE_JDY } from "./kingdee-jdy.js";
import { KINGDEE_K3 } from "./kingdee-k3.js";
import type { ExportTarget, TargetName } from "./target.js";
import { YONYOU_U8 } from "./yonyou-u8.js";

export const TARGETS: Readonly<Record<TargetName, ExportTarget>> = {
  "kingdee-k3": KINGDEE_K3,
  "kingdee-cloud": KINGDEE_CLOUD,
  "kingdee-jdy": KINGDEE_JDY,
  "yonyou-u8": YONYOU_U8,
};

export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];

export function findTarget(name: string): ExportTarget | null {
  return (TARGETS as Record<string, ExportTarget>)[name] ?? null;
}
