// Chart order: how an accountant expects a list of accounts to read.
import type { AccountRoots } from "./options.js";

const KINDS = ["assets", "liabilities", "equity", "income", "expenses"] as const;

interface ComponentKey {
  /** The component's leading digits as a number, or null when it has none ("01-客户拜访" -> 1). */
  readonly code: bigint | null;
  readonly name: string;
}

/**
 * A comparator putting accounts in chart order: by kind (assets, liabilities, equity, income,
 * expenses, as the journal names its roots; other roots last), then component by component by
 * code (the leading digits, compared as numbers; a coded component before an uncoded one), then
 * by name in code-point order. A parent comes before its subaccounts.
 */
export function chartOrder(roots: AccountRoots): (left: string, right: string) => number {
  const rankOfRoot = new Map<string, number>(KINDS.map((kind, index) => [roots[kind], index]));
  const keys = new Map<string, { readonly rank: number; readonly components: readonly ComponentKey[] }>();
  const keyOf = (account: string) => {
    let key = keys.get(account);
    if (key === undefined) {
      const parts = account.split(":");
      key = { rank: rankOfRoot.get(parts[0]!) ?? KINDS.length, components: parts.map(componentKey) };
      keys.set(account, key);
    }
    return key;
  };
  return (left, right) => {
    if (left === right) return 0;
    const a = keyOf(left);
    const b = keyOf(right);
    if (a.rank !== b.rank) return a.rank - b.rank;
    const shared = Math.min(a.components.length, b.components.length);
    for (let index = 0; index < shared; index++) {
      const order = compareComponents(a.components[index]!, b.components[index]!);
      if (order !== 0) return order;
    }
    return a.components.length - b.components.length;
  };
}

function componentKey(component: string): ComponentKey {
  const digits = /^\d+/.exec(component)?.[0] ?? "";
  return { code: digits === "" ? null : BigInt(digits), name: component };
}

function compareComponents(a: ComponentKey, b: ComponentKey): number {
  if (a.code !== null && b.code !== null) {
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  } else if (a.code !== null || b.code !== null) {
    return a.code !== null ? -1 : 1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
