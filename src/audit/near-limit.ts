// near-limit: a claim just under a limit — within `margin` percent (default 5) below a per-claim
// policy limit of a category it charges, or below an approval tier (the amounts of
// custom "approval-limit"): at most the limit, at least the limit less the margin.
import { Decimal } from "../core/number.js";
import { readPolicy } from "../validation/policies.js";
import { chargesUnder, claimFinding, money } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";

const NAME = "near-limit";

interface Limit { account: string; limit: Decimal; currency: string; start: string; what: string }

export const NEAR_LIMIT: AuditRule = {
  name: NAME,
  summary: "claims just under a per-claim limit or an approval tier (within margin percent)",
  settings: { margin: "number" },
  run(context) {
    const margin = context.settings.decimal(NAME, "margin", new Decimal(5));
    const limits: Limit[] = [];
    const tiers = new Set<string>();
    for (const entry of context.entries) {
      if (entry.type !== "custom") continue;
      if (entry.customType === "policy") {
        const policy = readPolicy(entry);
        if (!("problem" in policy) && policy.kind === "per-claim") {
          limits.push({ account: policy.account, limit: policy.limit, currency: policy.currency, start: policy.start, what: `the per-claim limit of ${policy.account}` });
        }
      } else if (entry.customType === "approval-limit") {
        const amount = entry.values[1];
        if (amount?.type !== "amount" || tiers.has(`${amount.value.number.toFixed()} ${amount.value.currency}`)) continue;
        tiers.add(`${amount.value.number.toFixed()} ${amount.value.currency}`);
        limits.push({ account: context.expensesRoot, limit: amount.value.number, currency: amount.value.currency, start: entry.date, what: "an approval tier" });
      }
    }
    const findings: Finding[] = [];
    for (const claim of context.claims) {
      for (const limit of limits) {
        if (limit.start > claim.date) continue;
        const total = chargesUnder(claim, limit.account).get(limit.currency);
        const floor = limit.limit.times(new Decimal(100).minus(margin)).dividedBy(100);
        if (total === undefined || total.greaterThan(limit.limit) || total.lessThan(floor)) continue;
        findings.push(claimFinding("near-limit", "medium", claim,
          `charges ${money(total, limit.currency)}, just under ${limit.what} (${money(limit.limit, limit.currency)}; within ${margin.toFixed()}%)`));
        break;
      }
    }
    return findings;
  },
};
