// Fapiao patterns across claims:
// - invoice-sequence: one claimant's fapiao from one seller's series in an unbroken run of numbers
//   (n, n+1, n+2, ...) of at least `run` (default 3) across two or more claims: a pad bought at once.
//   The series is the fapiao code before the dash (`031002500404-16728806`), or all but the last
//   eight digits of a 20-digit 全电发票 number.
// - fapiao-after-claim: a fapiao whose `invoice-date` is after the claim's date (`submitted-on`, else
//   the claim's own date): spending claimed before it was invoiced.
import type { BookedTransaction } from "../core/data.js";
import { claimId, entryMetaText } from "../claims/claim.js";
import { claimFinding, claimantOf, postingTexts } from "./claims.js";
import type { Finding } from "./finding.js";
import type { AuditRule } from "./rule.js";

interface Invoice { series: string; number: bigint; text: string; claim: BookedTransaction }

export function invoiceSeries(text: string): { series: string; number: bigint } | null {
  const dashed = /^(\d{10,12})-(\d{8})$/.exec(text.trim());
  if (dashed !== null) return { series: dashed[1]!, number: BigInt(dashed[2]!) };
  const digital = /^(\d{12})(\d{8})$/.exec(text.trim());
  if (digital !== null) return { series: digital[1]!, number: BigInt(digital[2]!) };
  return null;
}

/** The values of `key` on the claim and on its postings. */
function textsOf(claim: BookedTransaction, key: string): string[] {
  const own = entryMetaText(claim, key);
  const texts = postingTexts(claim, key);
  return own === null ? texts : [own, ...texts];
}

export const INVOICE_SEQUENCE: AuditRule = {
  name: "invoice-sequence",
  summary: "one claimant's fapiao from one seller in an unbroken run of numbers across claims",
  settings: { run: "number" },
  run(context) {
    const minimum = Math.max(2, context.settings.number("invoice-sequence", "run", 3));
    const byKey = new Map<string, Invoice[]>();
    for (const claim of context.claims) {
      const claimant = claimantOf(claim);
      if (claimant === null) continue;
      for (const text of textsOf(claim, "invoice")) {
        const parsed = invoiceSeries(text);
        if (parsed === null) continue;
        const key = `${claimant}\u0000${parsed.series}`;
        byKey.set(key, [...(byKey.get(key) ?? []), { ...parsed, text, claim }]);
      }
    }
    const findings: Finding[] = [];
    for (const [key, invoices] of byKey) {
      const sorted = invoices.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
      let start = 0;
      for (let index = 1; index <= sorted.length; index++) {
        if (index < sorted.length && sorted[index]!.number === sorted[index - 1]!.number + 1n) continue;
        const run = sorted.slice(start, index);
        const claims = new Set(run.map((invoice) => invoice.claim));
        if (run.length >= minimum && claims.size >= 2) {
          const last = run.reduce((latest, invoice) => (invoice.claim.date >= latest.claim.date ? invoice : latest));
          findings.push(claimFinding("invoice-sequence", "medium", last.claim,
            `${key.split("\u0000")[0]}: ${run.length} fapiao numbered in a row (${run[0]!.text} .. ${run[run.length - 1]!.text}) across ${claims.size} claims (${[...claims].map((claim) => claimId(claim)).join(", ")})`));
        }
        start = index;
      }
    }
    return findings;
  },
};

export const FAPIAO_AFTER_CLAIM: AuditRule = {
  name: "fapiao-after-claim",
  summary: "fapiao dated (invoice-date) after the claim",
  settings: {},
  run(context) {
    const findings: Finding[] = [];
    for (const claim of context.claims) {
      const claimed = entryMetaText(claim, "submitted-on") ?? claim.date;
      const late = textsOf(claim, "invoice-date").filter((date) => date > claimed).sort().pop();
      if (late !== undefined) findings.push(claimFinding("fapiao-after-claim", "high", claim, `a fapiao is dated ${late}, after the claim (${claimed})`));
    }
    return findings;
  },
};
