// The pooled postings through a month whose allocation the books do not hold yet: what `allocate` writes.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { allocatorFor, postingValue, writtenAllocations, type AllocationPlan } from "./allocator.js";

export interface PlannedAllocation {
  readonly transaction: BookedTransaction;
  /** The pooled posting's index in the transaction. */
  readonly index: number;
  readonly plan: AllocationPlan;
}

/** In journal order; `through` is the last day included. */
export function pendingAllocations(entries: readonly LedgerEntry[], incomeRoot: string, through: string): PlannedAllocation[] {
  const written = writtenAllocations(entries);
  const planned: PlannedAllocation[] = [];
  for (const key of ["customer", "department"] as const) {
    const allocator = allocatorFor(entries, key, incomeRoot);
    if (allocator === null) continue;
    for (const entry of entries) {
      if (entry.type !== "transaction" || entry.date > through) continue;
      entry.booked.forEach((posting, index) => {
        const group = postingValue(entry, posting, key);
        const plan = group === null ? null : allocator.planFor(entry, index, group);
        if (plan !== null && !written.has(plan.key)) planned.push({ transaction: entry, index, plan });
      });
    }
  }
  return planned.sort((a, b) => (a.transaction.date < b.transaction.date ? -1 : a.transaction.date > b.transaction.date ? 1 : 0));
}
