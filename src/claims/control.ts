// What policies and budgets share: an `action` (warn or block), how severe a breach is for a
// claim in a given state, and the claim's amounts under an account subtree.
import type { BookedTransaction, MetaEntry } from "../core/data.js";
import { Decimal, formatNumber } from "../core/number.js";
import type { Severity } from "../diagnostics/diagnostic.js";
import { metaText } from "./claim.js";
import { isUnder } from "../core/accounts.js";
import { message, type Message } from "../i18n/message.js";
import type { Consequence } from "../i18n/en-checks.js";

export type ControlAction = "warn" | "block";

/** The `action` metadata: "warn" when absent. */
export function readAction(meta: readonly MetaEntry[]): ControlAction | { problem: Message } {
  const action = metaText(meta, "action");
  if (action === null || action === "warn") return "warn";
  if (action === "block") return "block";
  return { problem: message("control-action", { action }) };
}

/**
 * A breach blocks (error) only on a posted claim under a blocking rule; on a claim not yet posted
 * it is a warning that posting will be refused.
 */
export function breachSeverity(action: ControlAction, posted: boolean): Severity {
  return action === "block" && posted ? "error" : "warning";
}

/** What the action means for this claim (the breach message ends with it). */
export function breachConsequence(action: ControlAction, posted: boolean): Consequence {
  if (action === "warn") return "none";
  return posted ? "blocked" : "refused";
}

/** The sum of a transaction's booked postings under `root`, per currency. */
export function totalsUnder(transaction: BookedTransaction, root: string): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const posting of transaction.booked) {
    if (!isUnder(posting.account, root)) continue;
    const currency = posting.units.currency;
    totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(posting.units.number));
  }
  return totals;
}

/** "680.00 CNY", with at least `scale` decimals. */
export function money(value: Decimal, currency: string, scale: number): string {
  return `${formatNumber(value, scale)} ${currency}`;
}
