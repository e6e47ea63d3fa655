// Differential test against beancount: for every generated ledger and every bean-example ledger,
// `bal --flat --format csv` must give beancount's sums (frozen in expected.csv by
// scripts/freeze-fixtures.py) to the last digit, and `check` must pass.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { parseCsv } from "../helpers/csv.js";
import { runCli } from "../helpers/cli.js";

const fixtures = new URL("../fixtures/", import.meta.url).pathname;

function cases(): { name: string; ledger: string; expected: string }[] {
  const found = [];
  const differential = join(fixtures, "differential");
  if (existsSync(differential)) {
    for (const name of readdirSync(differential).sort()) {
      const ledger = join(differential, name, "main.beancount");
      if (existsSync(ledger)) found.push({ name, ledger, expected: join(differential, name, "expected.csv") });
    }
  }
  const examples = join(fixtures, "bean-example");
  if (existsSync(examples)) {
    for (const name of readdirSync(examples).filter((n) => n.endsWith(".beancount")).sort()) {
      found.push({ name, ledger: join(examples, name), expected: join(examples, name.replace(/\.beancount$/, ".expected.csv")) });
    }
  }
  return found;
}

function sums(csv: string): Map<string, Decimal> {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual(["account", "commodity", "amount"]);
  const result = new Map<string, Decimal>();
  for (const [account, commodity, amount] of rows) result.set(`${account} ${commodity}`, new Decimal(amount!));
  return result;
}

const all = cases();

describe("differential against beancount", () => {
  it("has a corpus of generated and bean-example ledgers", () => {
    expect(all.filter((c) => c.name.startsWith("case-")).length).toBeGreaterThanOrEqual(50);
    expect(all.filter((c) => c.name.startsWith("example-")).length).toBeGreaterThanOrEqual(3);
  });

  for (const testCase of all) {
    it(`${testCase.name}: bal --flat --format csv equals beancount's sums, check passes`, () => {
      const expected = sums(readFileSync(testCase.expected, "utf8"));
      const balance = runCli(["bal", testCase.ledger, "--flat", "--format", "csv"]);
      expect(balance.stderr).toBe("");
      expect(balance.code).toBe(0);
      const actual = sums(balance.stdout);
      const differences: string[] = [];
      for (const [key, value] of expected) {
        const got = actual.get(key);
        if (got === undefined || !got.equals(value)) differences.push(`${key}: beancount ${value.toFixed()} feeledger ${got?.toFixed() ?? "(missing)"}`);
      }
      for (const [key, value] of actual) if (!expected.has(key)) differences.push(`${key}: beancount (none) feeledger ${value.toFixed()}`);
      expect(differences).toEqual([]);
      const check = runCli(["check", testCase.ledger]);
      expect(check.stderr.split("\n").filter((l) => / error: /.test(l))).toEqual([]);
      expect(check.code).toBe(0);
    });
  }
});
