// Differential test of the plugins: each fixture ledger under fixtures/ loaded by feeledger gives
// beancount's sums, prices and errors (frozen in expected.json by scripts/freeze-plugin-fixtures.py).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { loadLedger } from "../../src/loader/load.js";
import { locate } from "../../src/source/location.js";
import { reportedSpan } from "../../src/render/diagnostics.js";
import { normalizedMessage, unitSums } from "./sums.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, "main.beancount"))).sort();

interface Expected {
  sums: [string, string, string][];
  prices: [string, string, string, string][];
  errors: [number | null, string][];
}

describe("plugins against beancount 2.3.5", () => {
  it("has a fixture for every plugin it runs natively", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    it(`${name}: sums, prices and errors as beancount's`, () => {
      const file = join(fixtures, name, "main.beancount");
      const expected = JSON.parse(readFileSync(join(fixtures, name, "expected.json"), "utf8")) as Expected;
      const ledger = loadLedger(file, { today: "2027-01-15" });
      // Compared as numbers: beancount keeps the digits written, decimal.js drops trailing zeros.
      expect(unitSums(ledger.entries)).toEqual(expected.sums.map(([account, currency, amount]) => [account, currency, new Decimal(amount).toFixed()]));
      const prices = ledger.entries.flatMap((entry) => (entry.type === "price" ? [[entry.date, entry.currency, entry.amount.number.toFixed(), entry.amount.currency]] : []));
      expect(prices.sort()).toEqual(expected.prices.map(([date, currency, number, quote]) => [date, currency, new Decimal(number).toFixed(), quote]).sort());
      const source = ledger.sources.get(file)!;
      const errors = ledger.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => {
        const span = reportedSpan(diagnostic);
        return { line: span === null ? null : locate(source, span.start).line, message: normalizedMessage(diagnostic.message) };
      });
      // An error beancount places outside the ledger (line null) may be anywhere in feeledger's.
      const unmatched = errors.slice();
      const missing: string[] = [];
      for (const [line, message] of expected.errors) {
        const at = unmatched.findIndex((error) => error.message === message && (line === null || error.line === line));
        if (at < 0) missing.push(`${line ?? "?"}: ${message}`);
        else unmatched.splice(at, 1);
      }
      expect({ missing, unexpected: unmatched.map((error) => `${error.line ?? "?"}: ${error.message}`) }).toEqual({ missing: [], unexpected: [] });
    });
  }
});
