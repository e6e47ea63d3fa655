// Report settings the journal declares itself, the way Fava reads its options:
//   2026-01-01 custom "feeledger-option" "report-root" "Expenses:6602-管理费用:01-客户管理费"
// The latest declaration of a name wins.
import type { LedgerEntry } from "../core/data.js";

export const REPORT_ROOT_OPTION = "report-root";

/** The value of a `custom "feeledger-option"` setting, or null when the journal declares none. */
export function feeledgerOption(entries: readonly LedgerEntry[], name: string): string | null {
  let found: string | null = null;
  for (const entry of entries) {
    if (entry.type !== "custom" || entry.customType !== "feeledger-option") continue;
    const [key, value] = entry.values;
    if (key?.type !== "string" || key.value !== name) continue;
    if (value?.type === "string" || value?.type === "account") found = value.value;
  }
  return found;
}

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

