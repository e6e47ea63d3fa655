// What an import reads from an export: the fields of a document (an approval: its number, who
// claims, when, its status) and of each of its detail lines (a cost: category, amount, fapiao).
// A preset (presets/) names the columns each field has in one system's exports; the user's map
// (map.ts) can name others.

/** The fields, as the map's `columns` names them. */
export const FIELDS = [
  "id", "title", "date", "finished", "claimant", "department", "customer", "approvers", "status", "result",
  "category", "amount", "detail-date", "invoice", "narration",
] as const;

export type Field = (typeof FIELDS)[number];

/** Fields of the document, written once on its first row (or on every row, or left blank on the rows after it: forward-filled). */
export const DOCUMENT_FIELDS: readonly Field[] = ["id", "title", "date", "finished", "claimant", "department", "approvers", "status", "result"];

/** Fields of each detail line (one row per line). The customer may be either: a line's own wins. */
export const LINE_FIELDS: readonly Field[] = ["category", "amount", "detail-date", "invoice", "narration", "customer"];

/** Where a document stands in its source system. */
export type SourceState = "approved" | "submitted" | "rejected" | "withdrawn";

/** The words of status and result cells, by what they mean. */
export interface StatusWords {
  readonly approved: readonly string[];
  readonly running: readonly string[];
  readonly rejected: readonly string[];
  readonly withdrawn: readonly string[];
}

/** The words every system uses; a preset adds its own. */
export const COMMON_STATUS_WORDS: StatusWords = {
  approved: ["完成", "已完成", "同意", "已同意", "通过", "已通过", "审批通过"],
  running: ["审批中", "进行中", "待审批", "新创建"],
  rejected: ["拒绝", "已拒绝", "驳回", "已驳回", "不同意"],
  withdrawn: ["撤销", "已撤销", "撤回", "已撤回", "取消", "已取消", "终止", "已终止", "删除", "已删除"],
};

/** A column name made comparable: NFKC (full-width brackets), no white space, lower case. */
export function columnKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

const keyCache = new WeakMap<StatusWords, Map<readonly string[], Set<string>>>();

/** Each list of words as a set of keys (computed once per preset). */
function keysOf(words: StatusWords): Map<readonly string[], Set<string>> {
  let keys = keyCache.get(words);
  if (keys === undefined) {
    keys = new Map([words.approved, words.running, words.rejected, words.withdrawn].map((list) => [list, new Set(list.map(columnKey))]));
    keyCache.set(words, keys);
  }
  return keys;
}

/**
 * What a document's status and result cells say, or null when the words are unknown. A refusal in
 * either wins; then a withdrawal; a running status; then approval (a result of 同意, or a finished
 * status with no result).
 */
export function sourceState(status: string, result: string, words: StatusWords): SourceState | null {
  const keys = keysOf(words);
  const is = (text: string, list: readonly string[]) => text !== "" && keys.get(list)!.has(columnKey(text));
  if (is(result, words.rejected) || is(status, words.rejected)) return "rejected";
  if (is(status, words.withdrawn) || is(result, words.withdrawn)) return "withdrawn";
  if (is(status, words.running)) return "submitted";
  if (is(result, words.approved) || (result === "" && is(status, words.approved))) return "approved";
  if (status === "" && result === "") return null;
  if (is(status, words.approved) && result !== "") return null;
  return null;
}
