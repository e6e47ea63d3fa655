// The claims list: one row per claim (per commodity, for the rare claim in two), with its state,
// the total it charges to expense accounts, how many postings carry evidence, and its problems.
// An approved claim whose approvals do not cover it yet (approval authority, see authority.ts) is
// partly approved, and its row names who may still approve it.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId, claimStatus, metaText, postingMetaText, type ClaimStatus } from "./claim.js";
import { approvalCoverage, claimCharges, collectAuthority } from "./authority.js";
import { isUnder } from "../core/accounts.js";
import { spanWithin } from "./place.js";
import { owedOn, paidState, type ClaimBalance, type PaidState } from "./payments.js";

export interface ClaimQuery {
  readonly status: ClaimStatus | null;
  /** Compared by personKey: `王 伟` finds 王伟's claims. */
  readonly claimant: string | null;
  /** Matches the claim's customer or any of its postings' customers. */
  readonly customer: string | null;
  /** Inclusive start date or null. */
  readonly begin: string | null;
  /** Exclusive end date or null. */
  readonly end: string | null;
  /** Only posted claims not fully paid (unpaid or partly paid). */
  readonly unpaid?: boolean;
}

export interface ClaimRow {
  readonly claim: string;
  readonly date: string;
  readonly claimant: string;
  /** Distinct values over the expense postings (a posting's own wins over the claim's), joined by ", ". */
  readonly department: string;
  readonly customer: string;
  readonly status: ClaimStatus;
  /** Approved, not posted, and its approvals do not cover it yet: posting it will be refused. */
  readonly partlyApproved: boolean;
  /** Who may still approve a partly approved claim so that it is covered (lowest limit first). */
  readonly awaiting: readonly string[];
  /** The claim's total debit to expense accounts in `commodity`. */
  readonly amount: Decimal;
  readonly commodity: string;
  /** Postings that carry an `invoice` or a `receipt`. */
  readonly receipts: number;
  /** Diagnostics located in the claim. */
  readonly problems: readonly Diagnostic[];
  /** Whether the books paid it (see payments.ts); null for a claim not posted (or a second one with its id). */
  readonly paid: PaidState | null;
  /** What is still owed on it in `commodity`; null for a claim not posted. */
  readonly owed: Decimal | null;
  readonly entry: BookedTransaction;
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ""))];
}

/** `balances`: what each posted claim owes and was paid (claimBalances), for the paid column. */
export function claimRows(
  entries: readonly LedgerEntry[], expensesRoot: string, diagnostics: readonly Diagnostic[], query: ClaimQuery, balances: ReadonlyMap<string, ClaimBalance> = new Map(),
): ClaimRow[] {
  const rows: ClaimRow[] = [];
  const { authority } = collectAuthority(entries, expensesRoot);
  const wanted = query.claimant === null ? null : authority.keyOf(query.claimant);
  for (const entry of entries) {
    // (A claim: its id read once.)
    const id = entry.type === "transaction" ? claimId(entry) : null;
    if (id === null || entry.type !== "transaction") continue;
    if (query.begin !== null && entry.date < query.begin) continue;
    if (query.end !== null && entry.date >= query.end) continue;
    const status = claimStatus(entry);
    if (query.status !== null && status !== query.status) continue;
    const found = balances.get(id);
    const balance = found?.claim === entry ? found : undefined; // a second claim with the id is not the one paid
    const paid = balance === undefined ? null : paidState(balance);
    if (query.unpaid === true && (paid === null || paid === "paid")) continue;
    const claimant = metaText(entry.meta, "claimant") ?? "";
    if (wanted !== null && authority.keyOf(claimant) !== wanted) continue;
    const expenses = entry.booked.filter((posting) => isUnder(posting.account, expensesRoot));
    const byPosting = (key: string) => {
      const values = distinct(expenses.map((posting) => postingMetaText(entry, posting.source, key)));
      return values.length > 0 ? values : distinct([metaText(entry.meta, key)]);
    };
    const customers = byPosting("customer");
    if (query.customer !== null && !customers.includes(query.customer)) continue;
    const totals = claimCharges(entry, expensesRoot);
    if (totals.size === 0) totals.set(expenses[0]?.units.currency ?? entry.booked[0]?.units.currency ?? "", new Decimal(0));
    const receipts = entry.postings.filter((posting) => metaText(posting.meta, "invoice") !== null || metaText(posting.meta, "receipt") !== null).length;
    const problems = diagnostics.filter((d) => d.span !== null && spanWithin(d.span, entry.span));
    const coverage = authority.declared && status === "approved" && entry.flag === "!" ? approvalCoverage(entry, authority) : null;
    const partlyApproved = coverage !== null && !coverage.covered && coverage.counted.length > 0;
    const awaiting = partlyApproved ? coverage.awaiting : [];
    for (const [commodity, amount] of totals) {
      const owed = balance === undefined ? null
        : balance.debts.filter((debt) => debt.currency === commodity).reduce((sum, debt) => sum.plus(owedOn(debt)), new Decimal(0));
      rows.push({
        claim: id, date: entry.date, claimant, department: byPosting("department").join(", "),
        customer: customers.join(", "), status, partlyApproved, awaiting, amount, commodity, receipts, problems, paid, owed, entry,
      });
    }
  }
  return rows;
}

/** Totals of the rows' amounts per commodity, in first-seen order. */
export function claimTotals(rows: readonly ClaimRow[]): { commodity: string; amount: Decimal }[] {
  const totals = new Map<string, Decimal>();
  for (const row of rows) totals.set(row.commodity, (totals.get(row.commodity) ?? new Decimal(0)).plus(row.amount));
  return [...totals].map(([commodity, amount]) => ({ commodity, amount }));
}
