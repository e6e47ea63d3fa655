// Allocation rules (分摊 / 分账) declared in the books:
//   2026-01-01 custom "allocation" ACCOUNT "equal"|"ratio"|"revenue"|"headcount"
//     by: "customer"|"department"      (default customer)
//     shares: "ACME 60, 北辰医药 40"     (ratio: names and weights; equal: the names, optional)
//     pool: "多客户"                     (the pooled value; default 多客户)
// A rule holds from its date until a later rule for the same account and `by`. Names are never
// metadata keys (keys must stay valid beancount), so the shares are one string.
import type { Custom, LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { Span } from "../core/span.js";
import { metaText } from "../claims/claim.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message, type Message } from "../i18n/message.js";
import { nonTransactions } from "../core/non-transactions.js";

export type AllocationMethod = "equal" | "ratio" | "revenue" | "headcount";
export type AllocationKey = "customer" | "department";
const METHODS: readonly AllocationMethod[] = ["equal", "ratio", "revenue", "headcount"];

export const DEFAULT_POOL = "多客户";

export interface Share {
  readonly name: string;
  readonly weight: Decimal;
}

export interface AllocationRule {
  /** Postings under this account (its subtree) are allocated. */
  readonly account: string;
  readonly method: AllocationMethod;
  /** The metadata key whose pooled value is split. */
  readonly by: AllocationKey;
  /** The value that marks a posting as pooled. */
  readonly pool: string;
  /** ratio: the weights; equal: the names (weights 1); otherwise empty. */
  readonly shares: readonly Share[];
  /** First day the rule holds. */
  readonly start: string;
  readonly span: Span;
}

const USAGE = 'custom "allocation" ACCOUNT "equal"|"ratio"|"revenue"|"headcount"';

/** `ACME 60, 北辰医药 40` (the weight after the last space of each part; commas or ；/、 between parts). */
export function parseShares(text: string, weighted: boolean): Share[] | { problem: Message } {
  const shares: Share[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[,，;；、]/)) {
    const part = raw.trim();
    if (part === "") continue;
    let name = part;
    let weight = new Decimal(1);
    const match = /^(.*?)[\s:：]+(\d+(?:\.\d+)?)$/u.exec(part);
    if (match !== null) {
      name = match[1]!.trim();
      weight = new Decimal(match[2]!);
    } else if (weighted) {
      return { problem: message("share-no-weight", { share: part }) };
    }
    if (name === "") return { problem: message("share-no-name", { share: part }) };
    if (seen.has(name)) return { problem: message("share-twice", { name }) };
    if (weighted && !weight.greaterThan(0)) return { problem: message("share-weight", { name }) };
    seen.add(name);
    shares.push({ name, weight });
  }
  if (shares.length === 0) return { problem: message("shares-empty", {}) };
  return shares;
}

export function readAllocationRule(entry: Custom): AllocationRule | { problem: Message } {
  const [account, method] = entry.values;
  if (account?.type !== "account") return { problem: message("allocation-no-account", { usage: USAGE }) };
  if (method?.type !== "string" || !(METHODS as readonly string[]).includes(method.value)) {
    return { problem: message("allocation-method", { usage: USAGE }) };
  }
  if (entry.values.length > 2) return { problem: message("allocation-extra", { usage: USAGE }) };
  const by = metaText(entry.meta, "by") ?? "customer";
  if (by !== "customer" && by !== "department") return { problem: message("allocation-by", { by }) };
  const pool = metaText(entry.meta, "pool") ?? DEFAULT_POOL;
  if (pool.trim() === "") return { problem: message("allocation-pool", {}) };
  const sharesText = metaText(entry.meta, "shares");
  let shares: Share[] = [];
  if (method.value === "ratio" && sharesText === null) return { problem: message("allocation-ratio-shares", {}) };
  if (sharesText !== null) {
    if (method.value === "revenue" || method.value === "headcount") return { problem: message("allocation-shares-method", { method: method.value }) };
    const parsed = parseShares(sharesText, method.value === "ratio");
    if ("problem" in parsed) return parsed;
    if (parsed.some((share) => share.name === pool)) return { problem: message("allocation-shares-pool", { pool }) };
    shares = method.value === "equal" ? parsed.map((share) => ({ name: share.name, weight: new Decimal(1) })) : parsed;
  }
  return { account: account.value, method: method.value as AllocationMethod, by, pool, shares, start: entry.date, span: entry.span };
}

/** Every well-formed rule in date order, and an error for each malformed one. */
export function allocationRules(entries: readonly LedgerEntry[]): { rules: AllocationRule[]; diagnostics: Diagnostic[] } {
  const rules: AllocationRule[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "custom" || entry.customType !== "allocation") continue;
    const rule = readAllocationRule(entry);
    if ("problem" in rule) diagnostics.push(error("allocation-malformed", rule.problem, entry.span));
    else rules.push(rule);
  }
  return { rules, diagnostics };
}
