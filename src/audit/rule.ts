// What an audit rule is: a name (for --rule and `custom "audit-rule"`), its settings' keys, and a
// function from the audit's context to findings. The registry (registry.ts) lists them.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import type { Finding } from "./finding.js";
import type { AuditSettings, SettingKinds } from "./settings.js";

export interface AuditContext {
  /** The books and the claims in progress (not rejected), in date order. */
  readonly entries: readonly LedgerEntry[];
  /** Claims among `entries` dated in the range, not rejected. */
  readonly claims: readonly BookedTransaction[];
  /** Inclusive begin, exclusive end; null: open. */
  readonly range: { readonly begin: string | null; readonly end: string | null };
  /** The customer-management cost root (report-root). */
  readonly root: string;
  readonly expensesRoot: string;
  readonly incomeRoot: string;
  readonly settings: AuditSettings;
}

export interface AuditRule {
  /** Stable name, e.g. "split-claims". */
  readonly name: string;
  /** One line for `audit --help` and the docs. */
  readonly summary: string;
  readonly settings: SettingKinds;
  readonly run: (context: AuditContext) => Finding[];
}
