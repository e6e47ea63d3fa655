// Report settings the journal declares itself, the way Fava reads its options:
//   2026-01-01 custom "feeledger-option" "report-root" "Expenses:6602-管理费用:01-客户管理费"
// The latest declaration of a name wins.
import type { LedgerEntry } from "../core/data.js";
export { feeledgerOption } from "../core/feeledger-options.js";

export const REPORT_ROOT_OPTION = "report-root";

/** The accounts whose `open` carries `tax: "<kind>"` (e.g. "entertainment", "revenue"). */
export function accountsMarked(entries: readonly LedgerEntry[], key: string, value: string): string[] {
  const accounts: string[] = [];
  for (const entry of entries) {
    if (entry.type !== "open") continue;
    const mark = entry.meta.find((m) => m.key === key)?.value;
    if (mark?.type === "string" && mark.value === value) accounts.push(entry.account);
  }
  return accounts;
}

