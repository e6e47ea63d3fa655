// What `check` verifies for the official books: each account's `code:` and `name:` are quoted text,
// no two accounts share a code unless one is under the other (金蝶 and 用友 key accounts by code), dimension declarations are well
// formed, and a dimension value of a kind that has declared codes has one too.
import type { LedgerEntry, MetaEntry } from "../core/data.js";
import type { AccountRoots } from "../core/options.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { isUnder } from "../core/accounts.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DimensionKind } from "../periods/voucher-model.js";
import { isPendingClaim } from "../claims/claim.js";
import { ChartOfAccounts } from "./accounts.js";
import { DIMENSION_KEYS, DIMENSION_KINDS, readDimensionCodes } from "./dimensions.js";
import { message } from "../i18n/message.js";
import { nonTransactions } from "../core/non-transactions.js";

/** Bad `code:` or `name:` values on opens, and codes shared by more than one account. */
export function checkAccountCodes(entries: readonly LedgerEntry[], roots: AccountRoots): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "open") continue;
    for (const line of entry.meta) {
      if (line.key !== "code" && line.key !== "name") continue;
      const value = line.value;
      if (value.type !== "string") {
        diagnostics.push(error("account-code", message("account-code-quoted", { key: line.key, account: entry.account, example: line.key === "code" ? "660201" : "管理费用-客户管理费" }), line.span));
      } else if (value.value.trim() === "") {
        diagnostics.push(error("account-code", message("account-code-empty", { key: line.key, account: entry.account }), line.span));
      } else if (line.key === "code" && /\s/.test(value.value.trim())) {
        diagnostics.push(error("account-code", message("account-code-spaces", { account: entry.account, code: value.value }), line.span));
      }
    }
  }
  const chart = new ChartOfAccounts(entries, roots);
  const byCode = new Map<string, string[]>();
  for (const member of chart.treeOrder(chart.opened)) {
    if (member.code === null) continue;
    const sharing = byCode.get(member.code);
    if (sharing === undefined) byCode.set(member.code, [member.account]);
    else sharing.push(member.account);
  }
  for (const [code, accounts] of byCode) {
    // A subaccount whose last component has no code shares its parent's: in the books it is that
    // account. Only accounts of different lines sharing a code are a conflict.
    const heads = accounts.filter((account) => !accounts.some((other) => other !== account && isUnder(account, other)));
    if (heads.length < 2) continue;
    const opened = heads.map((account) => chart.account(account).open).filter((open) => open !== null);
    const at = opened.length === 0 ? null : opened[opened.length - 1]!.span;
    diagnostics.push(warning(
      "account-code-duplicate",
      message("account-code-duplicate", { code, accounts: heads.join(", ") }),
      at,
    ));
  }
  return diagnostics;
}

/**
 * Malformed or repeated `custom "dimension"` declarations; and, for each kind that has declared
 * codes, each value of that kind used without one (a warning, once per value, where first used).
 */
export function checkDimensions(entries: readonly LedgerEntry[], metaKeys: ReadonlySet<string>): Diagnostic[] {
  const { codes, diagnostics } = readDimensionCodes(entries);
  const declaredKinds = DIMENSION_KINDS.filter((kind) => (codes.get(kind)?.size ?? 0) > 0 && metaKeys.has(DIMENSION_KEYS[kind]));
  if (declaredKinds.length === 0) return diagnostics;
  const reported = new Set<string>();
  const look = (kind: DimensionKind, meta: readonly MetaEntry[]) => {
    for (const line of meta) {
      if (line.key !== DIMENSION_KEYS[kind] || line.value.type !== "string") continue;
      const name = line.value.value.trim();
      if (name === "" || codes.get(kind)?.has(name) === true || reported.has(`${kind}\u0000${name}`)) continue;
      reported.add(`${kind}\u0000${name}`);
      diagnostics.push(warning("dimension-undeclared", message("dimension-undeclared", { kind, name }), line.span));
    }
  };
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type !== "transaction" || isPendingClaim(entry)) continue;
    if (entry instanceof PlainTransaction && !declaredKinds.some((kind) => entry.hasKey(DIMENSION_KEYS[kind]))) continue;
    for (const kind of declaredKinds) {
      look(kind, entry.meta);
      for (const posting of entry.postings) look(kind, posting.meta);
    }
  }
  return diagnostics;
}

