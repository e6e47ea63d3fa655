// round-amounts: a claimant whose amounts under the root are whole multiples of `unit` (default
// 100) far more often than everyone's: at least `min-count` (default 5) amounts, a share of round
// ones of at least `share` percent (default 50) and at least twice the journal's share. Found at
// the claimant's last round claim.
import type { BookedTransaction } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { decimalOf } from "../core/amount.js";
import { claimFinding, claimantOf, forEachCharge } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";

const NAME = "round-amounts";

interface Count { all: number; round: number; last: BookedTransaction | null }

export const ROUND_AMOUNTS: AuditRule = {
  name: NAME,
  summary: "a claimant's share of round amounts far above the journal's",
  settings: { unit: "number", share: "number", "min-count": "number" },
  run(context) {
    const unit = context.settings.decimal(NAME, "unit", new Decimal(100));
    const share = context.settings.number(NAME, "share", 50);
    const minCount = context.settings.number(NAME, "min-count", 5);
    if (unit.isZero()) return [];
    // Integer arithmetic on the scaled amounts when the unit is a whole number.
    const wholeUnit = unit.isInteger() && unit.lessThan(1e6) ? unit.toNumber() : null;
    const counts = new Map<string, Count>();
    const everyone: Count = { all: 0, round: 0, last: null };
    for (const claim of context.claims) {
      const claimant = claimantOf(claim);
      if (claimant === null) continue;
      let count = counts.get(claimant);
      if (count === undefined) counts.set(claimant, (count = { all: 0, round: 0, last: null }));
      forEachCharge(claim, context.root, (_account, _currency, scaled, scale, decimal) => {
        const round = decimal === null && wholeUnit !== null && scale <= 6 ? scaled % (wholeUnit * 10 ** scale) === 0
          : (decimal ?? decimalOf(scaled, scale)).modulo(unit).isZero();
        count!.all++;
        everyone.all++;
        if (round) { count!.round++; everyone.round++; count!.last = claim; }
      });
    }
    const findings: Finding[] = [];
    if (everyone.all === 0) return findings;
    const overall = (everyone.round * 100) / everyone.all;
    for (const [claimant, count] of counts) {
      if (count.all < minCount || count.last === null) continue;
      const own = (count.round * 100) / count.all;
      if (own < share || own < 2 * overall) continue;
      findings.push(claimFinding("round-amounts", "low", count.last,
        `${claimant}: ${count.round} of ${count.all} amounts are whole multiples of ${unit.toFixed()} (${own.toFixed(0)}%, the journal's ${overall.toFixed(0)}%)`));
    }
    return findings;
  },
};
