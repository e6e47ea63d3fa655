// The chart of accounts as the official books see it (科目表): each account's code (科目代码), name
// (科目名称), kind and side (借/贷 nature), in chart order.
//
// A component's code is the run of ASCII letters and digits before its first `-`, when it has a
// digit (`6602-管理费用` → 6602, `E01-王伟` → E01; `CRM系统` and `Opening-Balances` have none); its
// name is the rest (管理费用). An account's code is
// its parent's code followed by its last component's code, and its name its parent's name and its
// last component's name joined by `-`, so `Expenses:6602-管理费用:01-客户管理费:01-客户拜访` is
// 66020101 管理费用-客户管理费-客户拜访. The root (Assets, Expenses, ...) has neither. An `open` with
// `code: "..."` or `name: "..."` sets the account's own, and its subaccounts build on it.
import type { LedgerEntry, Open } from "../core/data.js";
import type { AccountRoots } from "../core/options.js";
import { nonTransactions } from "../core/non-transactions.js";

export type AccountKind = "assets" | "liabilities" | "equity" | "income" | "expenses";

/** Debit-natured (借) or credit-natured (贷). */
export type AccountSide = "debit" | "credit";

/** Chart order of the kinds, for accounts without a code. */
const KIND_ORDER: readonly AccountKind[] = ["assets", "liabilities", "equity", "income", "expenses"];

export interface BookAccount {
  /** The beancount account. */
  readonly account: string;
  /** 科目代码, or null when neither the components nor the open give one. */
  readonly code: string | null;
  /** 科目名称. */
  readonly name: string;
  /** The last level's own name (客户拜访), or the open's `name:`: what an indented chart shows. */
  readonly shortName: string;
  /** The root's kind, or null for a root the options do not name. */
  readonly kind: AccountKind | null;
  /** Assets and expenses are debit-natured; liabilities, equity and income credit-natured. */
  readonly side: AccountSide;
  /** Components below the root: 1 for a first-level account (一级科目). */
  readonly level: number;
  /** The parent account, or null for a first-level account. */
  readonly parent: string | null;
  /** The account's `open`, or null (a parent never opened itself, or an account used without one). */
  readonly open: Open | null;
}

// A code has a digit: `Opening-Balances` and `Bank-Fees` are English words joined, not codes.
const LEADING_CODE = /^([A-Za-z]*[0-9][A-Za-z0-9]*)-(.*)$/s;

/**
 * A component's code and name: `01-客户拜访` → 01, 客户拜访; `E01-王伟` → E01, 王伟; `CRM系统` and
 * `Opening-Balances` → no code (a code is ASCII letters and digits with at least one digit).
 */
export function splitComponent(component: string): { code: string; name: string } {
  const match = LEADING_CODE.exec(component);
  if (match === null) return { code: "", name: component };
  return { code: match[1]!, name: match[2] === "" ? match[1]! : match[2]! };
}

export function sideOf(kind: AccountKind | null): AccountSide {
  return kind === "assets" || kind === "expenses" ? "debit" : kind === null ? "debit" : "credit";
}

/** The text of an open's `code:` or `name:` when it is a non-empty quoted string; else undefined. */
export function openText(open: Open, key: "code" | "name"): string | undefined {
  for (const entry of open.meta) {
    if (entry.key !== key) continue;
    return entry.value.type === "string" && entry.value.value.trim() !== "" ? entry.value.value.trim() : undefined;
  }
  return undefined;
}

/**
 * The accounts of a journal as the books name them. Built from the opens; any other account asked
 * for (a parent, or one used without an open) is worked out on first use.
 */
export class ChartOfAccounts {
  readonly #roots: AccountRoots;
  readonly #opens = new Map<string, Open>();
  readonly #accounts = new Map<string, BookAccount>();

  constructor(entries: readonly LedgerEntry[], roots: AccountRoots) {
    this.#roots = roots;
    for (const entry of nonTransactions(entries)) {
      if (entry.type === "open" && !this.#opens.has(entry.account)) this.#opens.set(entry.account, entry);
    }
  }

  /** Every opened account, in the order the journal opens them. */
  get opened(): readonly string[] {
    return [...this.#opens.keys()];
  }

  account(account: string): BookAccount {
    const known = this.#accounts.get(account);
    if (known !== undefined) return known;
    const made = this.make(account);
    this.#accounts.set(account, made);
    return made;
  }

  private make(account: string): BookAccount {
    const colon = account.lastIndexOf(":");
    const open = this.#opens.get(account) ?? null;
    const kind = kindOf(account, this.#roots);
    if (colon < 0) return { account, code: null, name: account, shortName: account, kind, side: sideOf(kind), level: 0, parent: null, open };
    const parentName = account.slice(0, colon);
    const parent = this.account(parentName);
    const own = splitComponent(account.slice(colon + 1));
    const code = (open !== null ? openText(open, "code") : undefined) ?? ((parent.code ?? "") + own.code);
    const inheritedName = parent.level === 0 ? own.name : `${parent.name}-${own.name}`;
    const ownName = open !== null ? openText(open, "name") : undefined;
    return {
      account, code: code === "" ? null : code, name: ownName ?? inheritedName, shortName: ownName ?? own.name, kind, side: sideOf(kind), level: parent.level + 1,
      parent: parent.level === 0 ? null : parentName, open,
    };
  }

  /** The account and its ancestors down to the first level, deepest first. */
  lineage(account: string): BookAccount[] {
    const lineage: BookAccount[] = [];
    for (let current: BookAccount | null = this.account(account); current !== null && current.level > 0; current = current.parent === null ? null : this.account(current.parent)) {
      lineage.push(current);
    }
    return lineage;
  }

  /**
   * Chart order between two accounts: by code (coded accounts first), then, for accounts without
   * one or sharing one, by kind (assets, liabilities, equity, income, expenses) and name.
   */
  compare(left: string, right: string): number {
    const a = this.account(left);
    const b = this.account(right);
    if (a.code !== null && b.code !== null && a.code !== b.code) return a.code < b.code ? -1 : 1;
    if ((a.code === null) !== (b.code === null)) return a.code === null ? 1 : -1;
    const kinds = kindRank(a.kind) - kindRank(b.kind);
    if (kinds !== 0) return kinds;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /**
   * The accounts and all their ancestors (first level and below) in chart order: each parent
   * before its subaccounts, siblings by `compare`, so that a parent's subtree is one run.
   */
  treeOrder(accounts: Iterable<string>): BookAccount[] {
    const children = new Map<string | null, Set<string>>();
    for (const account of accounts) {
      for (const member of this.lineage(account)) {
        let siblings = children.get(member.parent);
        if (siblings === undefined) children.set(member.parent, (siblings = new Set()));
        if (siblings.has(member.account)) break;
        siblings.add(member.account);
      }
    }
    const ordered: BookAccount[] = [];
    const visit = (parent: string | null) => {
      const siblings = children.get(parent);
      if (siblings === undefined) return;
      for (const account of [...siblings].sort((a, b) => this.compare(a, b))) {
        ordered.push(this.account(account));
        visit(account);
      }
    };
    visit(null);
    return ordered;
  }
}

function kindRank(kind: AccountKind | null): number {
  return kind === null ? KIND_ORDER.length : KIND_ORDER.indexOf(kind);
}

export function kindOf(account: string, roots: AccountRoots): AccountKind | null {
  const colon = account.indexOf(":");
  const root = colon < 0 ? account : account.slice(0, colon);
  for (const kind of KIND_ORDER) if (roots[kind] === root) return kind;
  return null;
}

/**
 * The account a user names: a beancount account, a code (科目代码) or a name (科目名称) among
 * `accounts` and their parents. A code or name several accounts share names the highest of them
 * when the others are under it (a subaccount whose component has no code shares its parent's).
 */
export function findAccount(chart: ChartOfAccounts, accounts: Iterable<string>, text: string): { account: string } | { candidates: string[] } | null {
  const wanted = text.trim();
  const matches: string[] = [];
  const seen = new Set<string>();
  for (const account of accounts) {
    for (const member of chart.lineage(account)) {
      if (seen.has(member.account)) break;
      seen.add(member.account);
      if (member.account === wanted) return { account: member.account };
      if (member.code === wanted || member.name === wanted) matches.push(member.account);
    }
  }
  if (matches.length === 0) return null;
  const heads = matches.filter((account) => !matches.some((other) => other !== account && account.startsWith(`${other}:`)));
  return heads.length === 1 ? { account: heads[0]! } : { candidates: heads.sort((a, b) => chart.compare(a, b)) };
}
