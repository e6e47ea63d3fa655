// gift-cap: gifts and hospitality to one customer in a calendar year over a cap (`limit`, default
// 5000.00 CNY) under `account` (default: each account under the root whose name has 礼品 or gift).
// Pooled gifts count by the allocation rules. Found at the posting that takes the year over.
import { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import type { Amount, BookedTransaction } from "../core/data.js";
import type { Span } from "../core/span.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { isUnder } from "../core/accounts.js";
import { claimId, entryMetaText, valueText } from "../claims/claim.js";
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
    const giftAccounts = new Map<string, boolean>();
    const isGift = (name: string) => {
      let gift = giftAccounts.get(name);
      if (gift === undefined) giftAccounts.set(name, (gift = account !== null ? isUnder(name, account) : isUnder(name, context.root) && GIFT.test(name.slice(context.root.length))));
      return gift;
    };
    const allocator = allocatorFor(context.entries, "customer", context.incomeRoot);
    // Each gift's parts, per customer and year; most transactions touch no gift account.
    const gifts = (visit: (entry: BookedTransaction, span: () => Span, name: string, amount: Amount) => void) => {
      for (const entry of context.entries) {
        if (entry.type !== "transaction" || !touches(entry, isGift)) continue;
        const gift = (index: number, account: string, units: Amount, customer: string | null, span: () => Span) => {
          if (units.currency !== limit.currency || !isGift(account) || customer === null) return;
          const allocated = allocator?.partsOf(entry, index, customer) ?? null;
          // A pool no rule splits is not a customer.
          if (allocated === null && customer === DEFAULT_POOL) return;
          if (allocated === null) visit(entry, span, customer, units);
          else for (const part of allocated) visit(entry, span, part.name, { number: part.amount, scale: units.scale, currency: units.currency });
        };
        if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
          let index = 0;
          for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at), index++) {
            const raw = entry.rawMetaAt(at, "customer");
            const customer = raw === undefined ? entryMetaText(entry, "customer") : typeof raw === "string" ? raw : valueText(raw);
            const place = at;
            gift(index, entry.accountAt(at), entry.bookedUnitsAt(at), customer, () => entry.spanAt(place));
          }
        } else {
          entry.booked.forEach((posting, index) => gift(index, posting.account, posting.units, postingValue(entry, posting, "customer"), () => posting.source.span));
        }
      }
    };
    const key = (entry: BookedTransaction, name: string) => `${entry.date.slice(0, 4)}\u0000${name}`;
    // First the year's totals; then, only for the customers over the cap, the gift that passed it.
    const totals = new Map<string, DecimalSum>();
    gifts((entry, _span, name, amount) => {
      let sum = totals.get(key(entry, name));
      if (sum === undefined) totals.set(key(entry, name), (sum = new DecimalSum()));
      sum.add(amount);
    });
    const over = new Set([...totals].filter(([, sum]) => sum.value.greaterThan(limit.number)).map(([name]) => name));
    const findings: Finding[] = [];
    if (over.size === 0) return findings;
    const running = new Map<string, Decimal>();
    gifts((entry, span, name, amount) => {
      if (!over.has(key(entry, name))) return;
      const before = running.get(key(entry, name)) ?? new Decimal(0);
      const after = before.plus(amount.number);
      running.set(key(entry, name), after);
      if (before.greaterThan(limit.number) || !after.greaterThan(limit.number) || !inRange(entry.date, context.range)) return;
      findings.push({
        code: "gift-cap", severity: "high", date: entry.date, span: span(), claim: claimId(entry), claimant: entryMetaText(entry, "claimant"),
        reason: `gifts to ${name} in ${entry.date.slice(0, 4)} reach ${money(after, limit.currency)}, over the yearly cap of ${money(limit.number, limit.currency)}`,
      });
    });
    return findings;
  },
};
