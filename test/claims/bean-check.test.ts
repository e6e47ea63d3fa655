// feeledger and beancount agree on the books, before and after `post` moves claims into them:
// `bal` (without --pending) gives beancount's balances, frozen by scripts/freeze-claim-layout.sh
// with bean-check 2.3.5 (which accepted both states with no error) and bean-query. The claim files
// are not in the books, so neither tool counts them until they are posted.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { parseCsv } from "../helpers/csv.js";
import { cli, removeTemporaryFolders, sampleCopy } from "./journal.js";

afterAll(removeTemporaryFolders);

const fixtures = new URL("../fixtures/claim-layout/", import.meta.url).pathname;

/** account and commodity -> exact amount, from a CSV with the columns account,commodity,amount. */
function amounts(csv: string): Map<string, string> {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual(["account", "commodity", "amount"]);
  return new Map(rows.map(([account, commodity, amount]) => [`${account} ${commodity}`, new Decimal(amount!).toFixed()]));
}

function feeledgerBalances(file: string): Map<string, string> {
  const run = cli("bal", file, "--format", "csv");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return amounts(run.stdout);
}

const frozen = (name: string) => amounts(readFileSync(join(fixtures, name), "utf8"));

describe("bal equals beancount's balances of the books, before and after post", () => {
  for (const name of ["customer-fees-2026", "english"]) {
    it(name, () => {
      const file = join(dirname(sampleCopy()), `${name}.beancount`);
      const before = frozen(`${name}.before.csv`);
      expect(feeledgerBalances(file)).toEqual(before);
      const post = cli("post", file, "--all", "--on", "2026-12-31");
      expect(post.code, post.stderr).toBe(0);
      const after = frozen(`${name}.after.csv`);
      expect(after).not.toEqual(before);
      expect(feeledgerBalances(file)).toEqual(after);
    });
  }
});
