// The balance sheet's Equity:Conversions: what converting between currencies (`@` and `@@` prices)
// leaves in each commodity, as beancount's clamp books it, so that assets equal liabilities plus
// equity in every commodity. The expected figures are bean-query's (beancount 2.3.5) on the same
// journal, frozen here with their sign turned to the statement's (equity's credit positive):
//   balances from close
//     Equity:Conversions:Current   -200.00 USD, 1420.00 CNY
//   balances from open on 2026-02-01 close
//     Equity:Conversions:Current   -100.00 USD,  720.00 CNY
//     Equity:Conversions:Previous  -100.00 USD,  700.00 CNY
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { parseCsv } from "../helpers/csv.js";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "./samples.js";

const folder = mkdtempSync(join(tmpdir(), "feeledger-conversions-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const JOURNAL = `option "operating_currency" "CNY"
2026-01-01 open Assets:Bank CNY
2026-01-01 open Assets:BankUSD USD
2026-01-01 open Equity:Opening CNY
2026-01-01 open Expenses:CRM
2026-01-02 * "opening"
  Assets:Bank  10000.00 CNY
  Equity:Opening
2026-01-05 * "buy usd"
  Assets:BankUSD  100.00 USD @ 7.00 CNY
  Assets:Bank
2026-01-06 * "crm fee paid in USD"
  Expenses:CRM  50.00 USD
  Assets:BankUSD
2026-02-10 * "buy more usd"
  Assets:BankUSD  200.00 USD @@ 1430.00 CNY
  Assets:Bank
2026-02-12 * "crm fee in CNY at the day's rate"
  Expenses:CRM  710.00 CNY
  Assets:BankUSD  -100.00 USD @ 7.10 CNY
`;

function sheet(file: string, ...args: string[]): Record<string, string>[] {
  const result = runCli(["bs", file, "--format", "csv", ...args]);
  expect([result.code, result.stderr]).toEqual([0, ""]);
  const [header, ...rows] = parseCsv(result.stdout);
  return rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index] ?? ""])));
}

const conversions = (rows: Record<string, string>[]) =>
  rows.filter((row) => row.account!.startsWith("Equity:Conversions")).map((row) => [row.account, row.amount, row.commodity]);

/** Per commodity, total assets and liabilities plus equity. */
function sides(rows: Record<string, string>[]): Map<string, [string, string]> {
  const found = new Map<string, [string, string]>();
  for (const row of rows) {
    if (row.row !== "total") continue;
    const pair = found.get(row.commodity!) ?? ["", ""];
    if (row.account === "Total assets") pair[0] = row.amount!;
    if (row.account === "Liabilities and equity") pair[1] = row.amount!;
    found.set(row.commodity!, pair);
  }
  return found;
}

describe("bs: conversions between currencies", () => {
  const file = join(folder, "usd.beancount");
  writeFileSync(file, JOURNAL);

  it("shows what the conversions left as Equity:Conversions:Current, as beancount does", () => {
    const rows = sheet(file);
    expect(conversions(rows)).toEqual([
      ["Equity:Conversions:Current", "-1420.00", "CNY"],
      ["Equity:Conversions:Current", "200.00", "USD"],
    ]);
    expect([...sides(rows)]).toEqual([["CNY", ["7870.00", "7870.00"]], ["USD", ["150.00", "150.00"]]]);
  });

  it("with a beginning, splits them into previous and current conversions", () => {
    const rows = sheet(file, "-b", "2026-02-01");
    expect(conversions(rows)).toEqual([
      ["Equity:Conversions:Current", "-720.00", "CNY"],
      ["Equity:Conversions:Current", "100.00", "USD"],
      ["Equity:Conversions:Previous", "-700.00", "CNY"],
      ["Equity:Conversions:Previous", "100.00", "USD"],
    ]);
    expect([...sides(rows)].every(([, [assets, both]]) => new Decimal(assets).equals(both))).toBe(true);
  });

  it("before the first conversion, and on books in one currency, there is none", () => {
    expect(conversions(sheet(file, "-e", "2026-01-05"))).toEqual([]);
    for (const sample of [CHINESE_SAMPLE, ENGLISH_SAMPLE]) expect(conversions(sheet(sample))).toEqual([]);
  });
});
