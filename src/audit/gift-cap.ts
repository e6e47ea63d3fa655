// gift-cap: gifts and hospitality to one customer in a calendar year over a cap (`limit`, default
// 5000.00 CNY) under `account` (default: each account under the root whose name has 礼品 or gift).
// Pooled gifts count by the allocation rules. Found at the posting that takes the year over.
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { claimId } from "../claims/claim.js";
import { allocatorFor, postingValue } from "../allocation/allocator.js";
import { DEFAULT_POOL } from "../allocation/rules.js";
import { money, touches } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";
import { inRange } from "../reports/periods.js";

const NAME = "gift-cap";
const GIFT = /礼品|gift/i;

export const GIFT_CAP: AuditRule = {
  name: NAME,
  summary: "gifts to one customer in a year over a cap",
  settings: { limit: "amount", account: "account" },
  run(context) {
    const limit = context.settings.amount(NAME, "limit") ?? { number: new Decimal(5000), scale: 2, currency: "CNY" };
    const account = context.settings.account(NAME, "account");
    const isGift = (name: string) => account !== null ? isUnder(name, account) : isUnder(name, context.root) && GIFT.test(name.slice(context.root.length));
    const allocator = allocatorFor(context.entries, "customer", context.incomeRoot);
    const totals = new Map<string, Decimal>();
    const findings: Finding[] = [];
    for (const entry of context.entries) {
      if (entry.type !== "transaction" || !touches(entry, isGift)) continue;
      entry.booked.forEach((posting, index) => {
        if (posting.units.currency !== limit.currency || !isGift(posting.account)) return;
        const customer = postingValue(entry, posting, "customer");
        if (customer === null) return;
        const allocated = allocator?.partsOf(entry, index, customer) ?? null;
        // A pool no rule splits is not a customer.
        if (allocated === null && customer === DEFAULT_POOL) return;
        const parts = allocated ?? [{ name: customer, amount: posting.units.number }];
        for (const part of parts) {
          const key = `${entry.date.slice(0, 4)}\u0000${part.name}`;
          const before = totals.get(key) ?? new Decimal(0);
          const after = before.plus(part.amount);
          totals.set(key, after);
          if (before.greaterThan(limit.number) || !after.greaterThan(limit.number) || !inRange(entry.date, context.range)) continue;
          findings.push({
            code: "gift-cap", severity: "high", date: entry.date, span: posting.source.span, claim: claimId(entry),
            reason: `gifts to ${part.name} in ${entry.date.slice(0, 4)} reach ${money(after, limit.currency)}, over the yearly cap of ${money(limit.number, limit.currency)}`,
          });
        }
      });
    }
    return findings;
  },
};
