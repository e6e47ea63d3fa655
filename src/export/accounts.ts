// Account codes and names as a target writes them, and which accounts are parents (非明细科目).
//
// The chart's code of `Expenses:6602-管理费用:01-客户管理费:01-客户拜访` (src/books/accounts.ts) is
// its components' leading codes joined, 66020101, and its name their names joined by `-`. 用友 and
// 精斗云 take the code as it is; 金蝶 K3 and 云星空 separate the levels with dots (6602.01.01), and
// 精斗云 and 云星空 join the names of the levels with `_`. A code or name the journal sets on the account's
// open (`code:`, `name:`) does not follow the components, so it is written exactly as given.
import { splitComponent } from "../books/accounts.js";
import type { VoucherLine } from "../periods/voucher-model.js";
import type { ExportTarget } from "./target.js";

/** The levels below the root: each component's leading code (or "") and name, as the chart reads them. */
function accountLevels(account: string): { code: string; name: string }[] {
  return account.split(":").slice(1).map(splitComponent);
}

/** The line's 科目代码 as the target writes it. */
export function targetAccountCode(line: VoucherLine, target: ExportTarget): string | null {
  const code = line.accountCode;
  if (code === null || target.accountCodes === "plain") return code;
  const codes = accountLevels(line.account).map((level) => level.code).filter((level) => level !== "");
  return codes.join("") === code ? codes.join(".") : code;
}

/** The line's 科目名称 as the target writes it. */
export function targetAccountName(line: VoucherLine, target: ExportTarget): string {
  if (target.accountNameSeparator === "-") return line.accountName;
  const names = accountLevels(line.account).map((level) => level.name);
  return names.join("-") === line.accountName ? names.join(target.accountNameSeparator) : line.accountName;
}

/**
 * The accounts that are parents in the official books: those with a sub-account whose code differs
 * from their own. (A sub-account without a code of its own, such as `1701-无形资产:CRM实施`, shares
 * its parent's code: the books see one account, 1701, and it is a leaf.)
 */
export function parentAccounts(accounts: Iterable<string>, codeOf: (account: string) => string | null): Set<string> {
  const parents = new Set<string>();
  for (const account of accounts) {
    const code = codeOf(account);
    for (let colon = account.lastIndexOf(":"); colon > 0; colon = account.lastIndexOf(":", colon - 1)) {
      const ancestor = account.slice(0, colon);
      if (codeOf(ancestor) !== code) parents.add(ancestor);
    }
  }
  return parents;
}
