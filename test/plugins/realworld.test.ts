// Every real public ledger that beancount 2.3.5 loads without error (plugins run; third-party
// plugins it cannot import aside) gives beancount's sums in feeledger, and no error, and bal --cost
// and --value give bean-query's sum(cost(position)) and sum(value(position)). The ledgers
// are found at <repo>/../shared/realworld-ledgers or $FEELEDGER_REALWORLD, never committed;
// realworld-sums.json holds only each ledger's name, the sha256 of its entry file and beancount's
// sums (scripts/freeze-plugin-fixtures.py --realworld).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { balanceReport } from "../../src/reports/balances.js";
import { marketValue } from "../../src/prices/valuation.js";
import { loadLedger } from "../../src/loader/load.js";
import { unitSums } from "./sums.js";

const repository = resolve(new URL(".", import.meta.url).pathname, "../..");
const folder = [process.env.FEELEDGER_REALWORLD, join(repository, "..", "shared", "realworld-ledgers")].find((candidate) => candidate !== undefined && candidate !== "" && existsSync(candidate));

interface Frozen {
  dir: string;
  entry: string;
  sha256: string;
  unimported_plugins: number;
  sums: [string, string, string][];
  /** bean-query's sum(cost(position)) per account, where it differs from the units' sums. */
  cost?: [string, string, string][];
  /** bean-query's sum(value(position)) per account, where it differs from the units' sums. */
  value?: [string, string, string][];
}

const exact = (sums: readonly [string, string, string][]) => sums.map(([account, currency, amount]) => [account, currency, new Decimal(amount).toFixed()]);

const frozen = JSON.parse(readFileSync(new URL("./realworld-sums.json", import.meta.url), "utf8")) as Frozen[];

describe.skipIf(folder === undefined)("real-world ledgers against beancount 2.3.5", () => {
  for (const ledger of frozen) {
    const file = join(folder ?? "", ledger.dir, ledger.entry);
    // A ledger missing, or changed since its sums were frozen, is not the one they are about: skipped.
    const present = existsSync(file) && createHash("sha256").update(readFileSync(file)).digest("hex") === ledger.sha256;
    it.skipIf(!present)(`${ledger.dir}/${ledger.entry}: beancount's sums, no error`, () => {
      const loaded = loadLedger(file, { today: "2027-01-15" });
      expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
      expect(unitSums(loaded.entries)).toEqual(exact(ledger.sums));
      // bal --cost and bal --value: what bean-query's cost() and value() sum to.
      const query = { patterns: [], begin: null, end: null, tree: false, depth: null, atCost: false };
      const rows = (report: ReturnType<typeof balanceReport>) => report.rows.map((row) => [row.account, row.commodity, row.amount.toFixed()]).sort();
      expect(rows(balanceReport(loaded.entries, { ...query, atCost: true }))).toEqual(exact(ledger.cost ?? ledger.sums).sort());
      expect(rows(balanceReport(loaded.entries, { ...query, atValue: marketValue(loaded.entries, null) }))).toEqual(exact(ledger.value ?? ledger.sums).sort());
    });
  }
});
