// peer-outlier: a claimant's spending in a category against the department's peers, by the robust
// z-score on the median absolute deviation (Iglewicz and Hoaglin: 0.6745 × (x − median) / MAD),
// flagged above `z` (default 3.5) when the department has at least `min-peers` (default 4) claimants
// spending in the category. Found at the claimant's largest claim there.
import type { BookedTransaction } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { entryMetaText } from "../claims/claim.js";
import { decimalOf } from "../core/amount.js";
import { categoryOf, claimFinding, claimantOf, forEachCharge, money } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";

const NAME = "peer-outlier";

interface Spend { total: Decimal; largest: BookedTransaction; largestAmount: Decimal }

export function median(values: readonly Decimal[]): Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : sorted[middle - 1]!.plus(sorted[middle]!).dividedBy(2);
}

export const PEER_OUTLIER: AuditRule = {
  name: NAME,
  summary: "a claimant's spending per category far above the department's peers (robust z-score on the MAD)",
  settings: { z: "number", "min-peers": "number" },
  run(context) {
    const threshold = context.settings.decimal(NAME, "z", new Decimal(3.5));
    const minPeers = context.settings.number(NAME, "min-peers", 4);
    // department -> category|currency -> claimant -> spend
    const table = new Map<string, Map<string, Map<string, Spend>>>();
    for (const claim of context.claims) {
      const claimant = claimantOf(claim);
      const department = entryMetaText(claim, "department");
      if (claimant === null || department === null) continue;
      const byClaim = new Map<string, Decimal>();
      forEachCharge(claim, context.root, (account, currency, scaled, scale, decimal) => {
        const key = `${categoryOf(account, context.root)}\u0000${currency}`;
        byClaim.set(key, (byClaim.get(key) ?? new Decimal(0)).plus(decimal ?? decimalOf(scaled, scale)));
      });
      let byCategory = table.get(department);
      if (byCategory === undefined) table.set(department, (byCategory = new Map()));
      for (const [key, amount] of byClaim) {
        let byClaimant = byCategory.get(key);
        if (byClaimant === undefined) byCategory.set(key, (byClaimant = new Map()));
        const spend = byClaimant.get(claimant);
        if (spend === undefined) byClaimant.set(claimant, { total: amount, largest: claim, largestAmount: amount });
        else {
          spend.total = spend.total.plus(amount);
          if (amount.greaterThan(spend.largestAmount)) { spend.largest = claim; spend.largestAmount = amount; }
        }
      }
    }
    const findings: Finding[] = [];
    for (const [department, byCategory] of table) {
      for (const [key, byClaimant] of byCategory) {
        if (byClaimant.size < minPeers) continue;
        const totals = [...byClaimant.values()].map((spend) => spend.total);
        const middle = median(totals);
        const mad = median(totals.map((total) => total.minus(middle).abs()));
        if (mad.isZero()) continue;
        const [category, currency] = key.split("\u0000") as [string, string];
        for (const [claimant, spend] of byClaimant) {
          const z = spend.total.minus(middle).times("0.6745").dividedBy(mad);
          if (!z.greaterThan(threshold)) continue;
          findings.push(claimFinding("peer-outlier", "medium", spend.largest,
            `${claimant} spent ${money(spend.total, currency)} on ${category}, robust z ${z.toFixed(1)} against ${byClaimant.size} peers in ${department} (median ${money(middle, currency)})`));
        }
      }
    }
    return findings;
  },
};
