// Which group a cost posting belongs to, for the structure and trend reports: the account below the
// report root (to a depth), or a property of the posting (customer, claimant, department, payee,
// tags, any metadata key). Posting metadata wins over the transaction's; a posting without the
// property falls in the "unassigned" group. Grouped by customer or department, a pooled posting
// (多客户) is split by the journal's allocation rules (allocation/allocator.ts) into its parts.
import type { Amount, BookedTransaction, LedgerEntry, MetaValue } from "../core/data.js";
import { entryMetaText, metaText, valueText } from "../claims/claim.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { ScaledAmount } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { chartOrder } from "../core/chart-order.js";
import { DEFAULT_OPTIONS } from "../core/options.js";
import { isUnder } from "../core/accounts.js";
import { OTHER, UNASSIGNED, type Localized } from "./sheet.js";
import { allocatorFor } from "../allocation/allocator.js";

export type Grouping =
  /** The account below the root, `depth` components deep. */
  | { readonly kind: "account"; readonly depth: number }
  /** A metadata value (customer, claimant, department are metadata keys too). */
  | { readonly kind: "meta"; readonly key: string }
  | { readonly kind: "payee" }
  /** The transaction's tags together, e.g. `#gift #visit` (so every posting counts once). */
  | { readonly kind: "tag" };

export const UNASSIGNED_GROUP: unique symbol = Symbol("unassigned");
export const OTHER_GROUP: unique symbol = Symbol("other");
export type Group = string | typeof UNASSIGNED_GROUP | typeof OTHER_GROUP;

/** The postings a cost report looks at: those under the root, with their group. */
export interface CostPosting {
  readonly date: string;
  readonly group: Group;
  /** The posting's account. */
  readonly account: string;
  readonly commodity: string;
  /** The posting's units (sum them with DecimalSum: no Decimal per posting). */
  readonly units: Amount;
}

export interface CostSelection {
  /** The account whose subtree is reported. */
  readonly root: string;
  readonly grouping: Grouping;
  /** The income root, for allocation by revenue (default Income). */
  readonly incomeRoot?: string;
}

/** The group of an account under `root` grouped by account `depth` deep: the root itself, or its next `depth` parts. */
function accountGroup(account: string, root: string, depth: number): Group {
  if (account === root) return root;
  const rootDepth = root.split(":").length;
  return account.split(":").slice(rootDepth, rootDepth + depth).join(":");
}

/**
 * A posting account's group grouped by account `depth` deep under `root`, as costPostings finds it,
 * or null when the account is not under the root: found once per account (for the reports that
 * read postings in place).
 */
export function accountGroupsUnder(root: string, depth: number): (account: string) => Group | null {
  const groups = new Map<string, Group | null>();
  return (account) => {
    let group = groups.get(account);
    if (group === undefined) groups.set(account, (group = isUnder(account, root) ? accountGroup(account, root, depth) : null));
    return group;
  };
}

function groupOf(entry: BookedTransaction, account: string, postingMeta: (key: string) => string | null, root: string, grouping: Grouping): Group {
  switch (grouping.kind) {
    case "account":
      return accountGroup(account, root, grouping.depth);
    case "meta":
      return postingMeta(grouping.key) ?? entryMetaText(entry, grouping.key) ?? UNASSIGNED_GROUP;
    case "payee":
      return entry.payee ?? UNASSIGNED_GROUP;
    case "tag":
      return entry.tags.length === 0 ? UNASSIGNED_GROUP : [...entry.tags].sort().map((tag) => `#${tag}`).join(" ");
  }
}

export function costPostings(entries: readonly LedgerEntry[], selection: CostSelection): CostPosting[] {
  return postingsUnder(entries, [selection.root], selection.grouping, selection.incomeRoot);
}

/**
 * A posting under a report root as forEachCostPosting gives it: its date, group and account, and its
 * units `scaled` × 10^-scale in `currency`, or `decimal` when that is not null.
 */
export type CostVisitor = (date: string, group: Group, account: string, currency: string, scaled: number, scale: number, decimal: Decimal | null) => void;

/**
 * The postings under any of `roots` (none under another), with their group, as objects (see
 * forEachCostPosting).
 */
export function postingsUnder(entries: readonly LedgerEntry[], roots: readonly string[], grouping: Grouping, incomeRoot?: string): CostPosting[] {
  const postings: CostPosting[] = [];
  forEachCostPosting(entries, roots, grouping, incomeRoot, (date, group, account, currency, scaled, scale, decimal) => {
    const units: Amount = decimal === null ? new ScaledAmount(scaled, scale, currency) : { number: decimal, scale, currency };
    postings.push({ date, group, account, commodity: currency, units });
  });
  return postings;
}

/**
 * Each posting under any of `roots` (none under another), with its group, to `visit`: a compact
 * transaction is read in place (core/plain-transaction.ts), no object made per posting, and its
 * own value of a metadata key looked up once; objects are made only for pooled postings to split.
 */
export function forEachCostPosting(entries: readonly LedgerEntry[], roots: readonly string[], grouping: Grouping, incomeRoot: string | undefined, visit: CostVisitor): void {
  const allocator = grouping.kind === "meta" ? allocatorFor(entries, grouping.key, incomeRoot ?? DEFAULT_OPTIONS.accountRoots.income) : null;
  const metaKey = grouping.kind === "meta" ? grouping.key : null;
  // Each account's root, or null: found once per account (a look-up costs a fraction of comparing
  // an account's characters with each root's).
  const rootByAccount = new Map<string, string | null>();
  const rootOf = (account: string) => {
    let found = rootByAccount.get(account);
    if (found === undefined) {
      found = null;
      for (const root of roots) {
        if (isUnder(account, root)) {
          found = root;
          break;
        }
      }
      rootByAccount.set(account, found);
    }
    return found;
  };
  // Grouped by account, a posting's group follows from its account alone: found once per account.
  const accountGroups = grouping.kind === "account" ? new Map<string, Group>() : null;
  const accountGroup = (entry: BookedTransaction, account: string, root: string): Group => {
    let group = accountGroups!.get(account);
    if (group === undefined) accountGroups!.set(account, (group = groupOf(entry, account, () => null, root, grouping)));
    return group;
  };
  const add = (entry: BookedTransaction, index: number, account: string, group: Group, currency: string, scaled: number, scale: number, decimal: Decimal | null) => {
    const parts = allocator !== null && typeof group === "string" ? allocator.partsOf(entry, index, group) : null;
    if (parts === null) {
      visit(entry.date, group, account, currency, scaled, scale, decimal);
      return;
    }
    for (const part of parts) visit(entry.date, part.name, account, currency, 0, scale, part.amount);
  };
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      // The transaction's own value of the grouping key: looked up for its first posting without one.
      let entryGroup: Group | null = null;
      let index = 0;
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at), index++) {
        const account = entry.accountAt(at);
        const root = rootOf(account);
        if (root === null) continue;
        let group: Group;
        if (accountGroups !== null) {
          group = accountGroup(entry, account, root);
        } else if (metaKey !== null) {
          // (As groupOf: the posting's own value, else the transaction's, else unassigned.)
          const own = entry.postingMetaCountAt(at) === 0 ? null : rawText(entry.rawMetaAt(at, metaKey));
          group = own ?? (entryGroup ??= entryMetaText(entry, metaKey) ?? UNASSIGNED_GROUP);
        } else {
          group = groupOf(entry, account, () => null, root, grouping);
        }
        const scaled = entry.bookedScaledAt(at);
        if (Number.isNaN(scaled)) {
          const units = entry.bookedUnitsAt(at);
          add(entry, index, account, group, units.currency, 0, units.scale, units.number);
        } else {
          add(entry, index, account, group, entry.bookedCurrencyAt(at), scaled, entry.bookedScaleAt(at), null);
        }
      }
      continue;
    }
    for (let index = 0; index < entry.booked.length; index++) {
      const posting = entry.booked[index]!;
      const root = rootOf(posting.account);
      if (root === null) continue;
      const group = accountGroups !== null ? accountGroup(entry, posting.account, root) : groupOf(entry, posting.account, (key) => metaText(posting.source.meta, key), root, grouping);
      const units = posting.units;
      if (units instanceof ScaledAmount) add(entry, index, posting.account, group, units.currency, units.scaled, units.scale, null);
      else add(entry, index, posting.account, group, units.currency, 0, units.scale, units.number);
    }
  }
}

function rawText(raw: string | MetaValue | undefined): string | null {
  return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
}

/**
 * Groups in the order shown: accounts in chart order, other groupings largest first; then
 * "unassigned", then "other".
 */
/** Groups below one report root share their root, so the default root names order them as well as any. */
const compareAccounts = chartOrder(DEFAULT_OPTIONS.accountRoots);

export function orderGroups(groups: Iterable<Group>, amountOf: (group: Group) => Decimal, grouping: Grouping): Group[] {
  const rank = (group: Group) => (group === UNASSIGNED_GROUP ? 1 : group === OTHER_GROUP ? 2 : 0);
  return [...groups].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (typeof a !== "string" || typeof b !== "string") return 0;
    if (grouping.kind !== "account") {
      const byAmount = amountOf(b).comparedTo(amountOf(a));
      if (byAmount !== 0) return byAmount;
    }
    return compareAccounts(a, b);
  });
}

/** With `top`, the groups kept on their own (the largest); every other one folds into "other". */
export function keptGroups(groups: Iterable<Group>, amountOf: (group: Group) => Decimal, top: number | null): ReadonlySet<Group> | null {
  if (top === null) return null;
  const all = [...groups];
  if (all.length <= top) return null;
  const largest = all.sort((a, b) => amountOf(b).comparedTo(amountOf(a)) || compareAccounts(String(a), String(b))).slice(0, top);
  return new Set(largest);
}

export function foldGroup(group: Group, kept: ReadonlySet<Group> | null): Group {
  return kept === null || kept.has(group) ? group : OTHER_GROUP;
}

/** The group's cell: its name, or the localized "unassigned" / "other". */
export function groupCell(group: Group): string | Localized {
  return group === UNASSIGNED_GROUP ? UNASSIGNED : group === OTHER_GROUP ? OTHER : group;
}

const META_NAMES: Record<string, string> = { customer: "客户", claimant: "报销人", department: "部门" };

/** A human description of the grouping, for captions. */
export function groupingCaption(grouping: Grouping): Localized {
  switch (grouping.kind) {
    case "account": return { en: `by account (depth ${grouping.depth})`, zh: `按科目（${grouping.depth} 级）` };
    case "meta": return { en: `by ${grouping.key}`, zh: `按${META_NAMES[grouping.key] ?? ` ${grouping.key}`}` };
    case "payee": return { en: "by payee", zh: "按收款方" };
    case "tag": return { en: "by tag", zh: "按标签" };
  }
}
