// The presets by source name (--from).
import { DINGTALK } from "./dingtalk.js";
import { EKUAIBAO } from "./ekuaibao.js";
import { FEISHU } from "./feishu.js";
import { TABLE } from "./table.js";
import type { Preset, Source } from "./preset.js";

export type { Preset, Source } from "./preset.js";

export const PRESETS: Readonly<Record<Source, Preset>> = { dingtalk: DINGTALK, feishu: FEISHU, ekuaibao: EKUAIBAO, table: TABLE };

export const SOURCES = Object.keys(PRESETS) as Source[];
