// `bal --cost` and `bal --value` against bean-query's sum(cost(position)) and sum(value(position))
// (beancount 2.3.5; frozen in expected.json by scripts/freeze-valuation-fixtures.py).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { runCli } from "../helpers/cli.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, "main.beancount"))).sort();

/** [account, commodity, amount] rows of `bal … --format csv`, amounts as exact decimals. */
function balanceRows(args: readonly string[]): string[][] {
  const result = runCli(["bal", ...args, "--format", "csv"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const rows = parse(result.stdout, { bom: true }) as string[][];
  return rows.slice(1).map(([account, commodity, amount]) => [account!, commodity!, new Decimal(amount!).toFixed()]).sort();
}

const exact = (rows: string[][]) => rows.map(([account, commodity, amount]) => [account, commodity, new Decimal(amount!).toFixed()]).sort();

describe("bal --cost and --value against bean-query", () => {
  it("has fixtures", () => expect(cases.length).toBeGreaterThanOrEqual(3));

  for (const name of cases) {
    const file = join(fixtures, name, "main.beancount");
    const expected = JSON.parse(readFileSync(join(fixtures, name, "expected.json"), "utf8")) as Record<string, string[][]>;
    it(`${name}: --cost is sum(cost(position))`, () => {
      expect(balanceRows([file, "--cost"])).toEqual(exact(expected.cost!));
    });
    it(`${name}: --value is sum(value(position)), at the latest prices`, () => {
      expect(balanceRows([file, "--value"])).toEqual(exact(expected.value!));
    });
    for (const key of Object.keys(expected).filter((query) => query.startsWith("value<"))) {
      const end = key.slice("value<".length);
      it(`${name}: --value -e ${end} is sum(value(position, the day before)) of the entries before`, () => {
        expect(balanceRows([file, "--value", "-e", end])).toEqual(exact(expected[key]!));
      });
    }
  }

  it("--value differs from the units where a price is known", () => {
    const file = join(fixtures, "inverse", "main.beancount");
    expect(balanceRows([file, "Assets:Canada"])).toEqual([["Assets:Canada", "CAD", "100"]]);
    expect(balanceRows([file, "Assets:Canada", "--value"])).toEqual([["Assets:Canada", "USD", "76.33587786259541984732824427"]]);
  });

  it("bs --value values the assets as bal --value does (the example ledger, at each end)", () => {
    const file = join(fixtures, "example", "main.beancount");
    for (const end of [[], ["-e", "2020-03-01"]]) {
      const result = runCli(["bs", file, "--value", ...end, "--format", "csv"]);
      expect(result.code).toBe(0);
      const assets = (parse(result.stdout) as string[][]).filter((row) => row[0] === "data" && row[1] === "Assets").map(([, , account, amount, commodity]) => [account!, commodity!, new Decimal(amount!).toFixed()]).sort();
      expect(assets).toEqual(balanceRows([file, "^Assets:", "--value", ...end]));
      // The funds held at cost are in dollars; what has no cost (vacation hours) stays.
      expect(assets.filter(([, commodity]) => commodity === "RGAGX" || commodity === "VBMPX")).toEqual([]);
      expect(assets.some(([, commodity]) => commodity === "VACHR")).toBe(true);
    }
  });
});
