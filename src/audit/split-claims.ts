// split-claims (拆分报销): one claimant, or one customer, with several claims within `days` (default
// 7) charging one category that has a per-claim limit (custom "policy" ... "per-claim"): each claim
// under the limit, together over it. Found at the claim that takes the run over the limit.
import type { BookedTransaction } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { addDays } from "../core/dates.js";
import { claimId, entryMetaText } from "../claims/claim.js";
import { readPolicy, type Policy } from "../validation/policies.js";
import { DEFAULT_POOL } from "../allocation/rules.js";
import { chargesUnder, claimFinding, claimantOf, money } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";

const NAME = "split-claims";

interface Charge { claim: BookedTransaction; total: Decimal }

function perClaimPolicies(context: Parameters<AuditRule["run"]>[0]): Map<string, Policy[]> {
  const byAccount = new Map<string, Policy[]>();
  for (const entry of context.entries) {
    if (entry.type !== "custom" || entry.customType !== "policy") continue;
    const policy = readPolicy(entry);
    if ("problem" in policy || policy.kind !== "per-claim") continue;
    byAccount.set(policy.account, [...(byAccount.get(policy.account) ?? []), policy]);
  }
  return byAccount;
}

function inForce(policies: readonly Policy[], date: string): Policy | null {
  let found: Policy | null = null;
  for (const policy of policies) if (policy.start <= date) found = policy;
  return found;
}

export const SPLIT_CLAIMS: AuditRule = {
  name: NAME,
  summary: "several claims within N days by one claimant (or for one customer), each under a per-claim limit, together over it",
  settings: { days: "number" },
  run(context) {
    const days = context.settings.number(NAME, "days", 7);
    const findings: Finding[] = [];
    const found = new Set<BookedTransaction>();
    for (const [account, policies] of perClaimPolicies(context)) {
      for (const [who, keyOf] of [["claimant", claimantOf], ["customer", (claim: BookedTransaction) => entryMetaText(claim, "customer")]] as const) {
        const runs = new Map<string, Charge[]>();
        for (const claim of context.claims) {
          const key = keyOf(claim);
          const policy = inForce(policies, claim.date);
          if (key === null || key === DEFAULT_POOL || policy === null) continue;
          const total = chargesUnder(claim, account).get(policy.currency);
          if (total === undefined || total.greaterThan(policy.limit)) continue;
          const list = runs.get(key) ?? [];
          runs.set(key, list);
          const windowStart = addDays(claim.date, -days);
          const window = list.filter((charge) => charge.claim.date >= windowStart);
          const before = window.reduce((sum, charge) => sum.plus(charge.total), new Decimal(0));
          if (window.length > 0 && !before.greaterThan(policy.limit) && before.plus(total).greaterThan(policy.limit) && !found.has(claim)) {
            found.add(claim);
            const ids = [...window.map((charge) => claimId(charge.claim)), claimId(claim)].join(", ");
            findings.push(claimFinding("split-claim", "high", claim,
              `${window.length + 1} claims ${who === "claimant" ? "by" : "for"} ${key} within ${days} days (${ids}) charge ${money(before.plus(total), policy.currency)} to ${account}, each under its per-claim limit of ${money(policy.limit, policy.currency)}`));
          }
          list.push({ claim, total });
        }
      }
    }
    return findings;
  },
};
