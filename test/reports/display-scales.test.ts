// displayScales reads compact transactions in place (no posting objects): it must count what
// reading every transaction's `postings` counted, for units kept as scaled integers, units with
// more digits than one holds, postings without units, several currencies and balance entries.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LedgerEntry } from "../../src/core/data.js";
import { hasNumber } from "../../src/core/amount.js";
import { loadLedger } from "../../src/loader/load.js";
import { commonestScales, displayScales } from "../../src/reports/display.js";
import { PlainTransaction } from "../../src/core/plain-transaction.js";

/** displayScales as it was written before it read in place: through the posting objects. */
function scalesThroughObjects(entries: readonly LedgerEntry[]): Map<string, number> {
  const counts = new Map<string, number[]>();
  const count = (currency: string, scale: number) => {
    let byScale = counts.get(currency);
    if (byScale === undefined) counts.set(currency, (byScale = []));
    byScale[scale] = (byScale[scale] ?? 0) + 1;
  };
  for (const entry of entries) {
    if (entry.type === "transaction") {
      for (const posting of entry.postings) {
        const units = posting.units;
        if (units !== null && units.currency !== null && hasNumber(units)) count(units.currency, units.scale);
      }
    } else if (entry.type === "balance") count(entry.amount.currency, entry.amount.scale);
  }
  // (The choice among the counts is displayScales' own: what is tested here is the counting.)
  return commonestScales(counts);
}

/** A number with `places` decimals (up to 30 digits: past what a scaled integer keeps). */
const numbers = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.integer({ min: 0, max: 20 })).map(([digits, places]) => {
  const text = digits.toString().padStart(places + 1, "0");
  return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
});

const transactions = fc.array(fc.tuple(fc.constantFrom("CNY", "USD", "EUR"), numbers, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 30 });

describe("displayScales", () => {
  it("counts what the posting objects hold", () => {
    const dir = mkdtempSync(join(tmpdir(), "display-scales-"));
    fc.assert(fc.property(transactions, (lines) => {
      const text = ["2020-01-01 open Assets:A", "2020-01-01 open Assets:B", ""];
      lines.forEach(([currency, number, elided, balance], index) => {
        const day = `2020-02-${String(1 + (index % 28)).padStart(2, "0")}`;
        if (balance) text.push(`${day} balance Assets:C ${number} ${currency}`, "");
        text.push(`${day} * "t${index}"`, `  Assets:A  ${number} ${currency}`, elided ? "  Assets:B" : `  Assets:B  -${number} ${currency}`, "");
      });
      const file = join(dir, "journal.beancount");
      writeFileSync(file, text.join("\n"));
      const ledger = loadLedger(file);
      expect(ledger.entries.some((entry) => entry instanceof PlainTransaction)).toBe(true);
      expect([...displayScales(ledger.entries)]).toEqual([...scalesThroughObjects(ledger.entries)]);
    }), { numRuns: 150 });
  });
});
