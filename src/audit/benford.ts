// benford: the first digits of the amounts claimed under the root, against Benford's law
// (P(d) = log10(1 + 1/d)), by the mean absolute deviation of the nine proportions; above `mad`
// (default 0.015, Nigrini's bound for nonconformity of first digits) with at least `min-count`
// (default 300) amounts, one finding at the first claim of the period. Fewer amounts mean nothing.
import type { BookedTransaction } from "../core/data.js";
import { claimFinding, forEachCharge } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";

const NAME = "benford";

export function firstDigit(text: string): number {
  const match = /[1-9]/.exec(text);
  return match === null ? 0 : Number(match[0]);
}

/** The first digit of a positive integer. */
function leadingDigit(value: number): number {
  let rest = value;
  while (rest >= 10) rest = Math.floor(rest / 10);
  return rest;
}

/** The mean absolute deviation of first-digit proportions from Benford's. */
export function benfordDeviation(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  let deviation = 0;
  for (let digit = 1; digit <= 9; digit++) deviation += Math.abs(counts[digit]! / total - Math.log10(1 + 1 / digit));
  return deviation / 9;
}

export const BENFORD: AuditRule = {
  name: NAME,
  summary: "first digits of the amounts far from Benford's law (only with enough amounts)",
  settings: { mad: "number", "min-count": "number" },
  run(context) {
    const limit = context.settings.number(NAME, "mad", 0.015);
    const minCount = context.settings.number(NAME, "min-count", 300);
    const counts = new Array<number>(10).fill(0);
    let first = null as BookedTransaction | null;
    let total = 0;
    for (const claim of context.claims) {
      forEachCharge(claim, context.root, (_account, _currency, scaled, _scale, decimal) => {
        counts[decimal === null ? leadingDigit(scaled) : firstDigit(decimal.toFixed())]!++;
        total++;
        first ??= claim;
      });
    }
    const findings: Finding[] = [];
    if (first === null || total < minCount) return findings;
    const deviation = benfordDeviation(counts);
    if (deviation > limit) {
      findings.push(claimFinding("benford", "low", first,
        `the first digits of ${total} amounts claimed from ${first.date} deviate from Benford's law (mean absolute deviation ${deviation.toFixed(4)}, over ${limit})`));
    }
    return findings;
  },
};
