// What the official-books tests share: journals written to temporary files, CSV output of the real
// CLI as records, and `bal`'s balances to compare with.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";

const folders: string[] = [];

/** A journal in a temporary folder (removed by removeJournals). */
export function writeJournal(text: string, name = "main.beancount"): string {
  const folder = mkdtempSync(join(tmpdir(), "feeledger-books-"));
  folders.push(folder);
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

export function removeJournals(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export type Records = Record<string, string>[];

/** The CSV a command writes, as records keyed by the header; the command must succeed quietly. */
export function csvRecords(args: readonly string[], expectedCode = 0): Records {
  const result = runCli([...args, "--format", "csv"]);
  expect(result.code, result.stderr).toBe(expectedCode);
  if (expectedCode === 0) expect(result.stderr).toBe("");
  const [header, ...rows] = parseCsv(result.stdout);
  return rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index] ?? ""])));
}

/** `bal --format csv` over [begin, end): account → commodity → amount. */
export function balances(file: string, range: { begin?: string | null; end?: string | null }): Map<string, Map<string, Decimal>> {
  const args = ["bal", file];
  if (range.begin) args.push("-b", range.begin);
  if (range.end) args.push("-e", range.end);
  const result = new Map<string, Map<string, Decimal>>();
  for (const row of csvRecords(args)) {
    let byCommodity = result.get(row.account!);
    if (byCommodity === undefined) result.set(row.account!, (byCommodity = new Map()));
    byCommodity.set(row.commodity!, new Decimal(row.amount!));
  }
  return result;
}

/** The balance of an account and its subaccounts in one commodity. */
export function balanceUnder(balancesByAccount: Map<string, Map<string, Decimal>>, account: string, commodity: string): Decimal {
  let sum = new Decimal(0);
  for (const [name, byCommodity] of balancesByAccount) {
    if (name === account || name.startsWith(`${account}:`)) sum = sum.plus(byCommodity.get(commodity) ?? 0);
  }
  return sum;
}

/** A trial or ledger amount cell as a number (empty is zero). */
export function amount(text: string | undefined): Decimal {
  return new Decimal(text === undefined || text === "" ? 0 : text);
}

/** A 明细账 row's balance with its sign back: Dr positive, Cr negative. */
export function signedBalance(row: Record<string, string>): Decimal {
  const size = amount(row.balance);
  return row.direction === "Cr" ? size.neg() : size;
}
