// The benchmark journal generator (scripts/gen-scale.mjs) must write journals that feeledger checks
// without a problem, the same every time, with a ledger-cli twin of the same transactions.
// Nothing here is timed: the benchmark itself is bench/run.mjs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const script = new URL("../../scripts/gen-scale.mjs", import.meta.url).pathname;

function generate(count: string, out: string, ...extra: string[]): void {
  const result = spawnSync(process.execPath, [script, count, "--out", out, ...extra], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}

describe("scripts/gen-scale.mjs", () => {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-scale-"));
  const journal = join(dir, "scale.beancount");
  generate("1500", journal, "--ledger");
  const text = readFileSync(journal, "utf8");

  it("writes a journal that check finds no problem in, balance assertions included", () => {
    expect(text.match(/^\d{4}-\d\d-\d\d \* "/gm)).toHaveLength(1501); // the claims and the capital paid in
    expect(text.match(/^\d{4}-01-01 balance /gm)).toHaveLength(10);
    const result = runCli(["check", journal]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("writes claims with their metadata, approved by someone other than the claimant", () => {
    const claims = [...text.matchAll(/\n {2}claim: "(EC-[^"]+)"\n {2}claimant: "([^"]+)"\n {2}customer: "[^"]+"\n {2}approved-by: "([^"]+)"/g)];
    expect(claims).toHaveLength(1500);
    for (const [, , claimant, approver] of claims) expect(approver).not.toBe(claimant);
  });

  it("writes the same transactions in ledger-cli syntax", () => {
    const ledger = readFileSync(join(dir, "scale.ledger"), "utf8");
    expect(ledger.match(/^\d{4}-\d\d-\d\d \* .* \| /gm)).toHaveLength(1501);
    expect(ledger.match(/ = [\d.]+ CNY$/gm)).toHaveLength(10);
  });

  it("depends only on the count and the seed", () => {
    const again = join(dir, "again.beancount");
    generate("1500", again);
    expect(readFileSync(again, "utf8")).toBe(text);
    const other = join(dir, "other.beancount");
    generate("1500", other, "--seed", "2");
    expect(readFileSync(other, "utf8")).not.toBe(text);
  });

  it("writes a claims-heavy journal: posting metadata, tags, pending claims in a claim file, monthly assertions", () => {
    const heavy = join(dir, "claims.beancount");
    generate("1500", heavy, "--shape", "claims", "--ledger");
    const books = readFileSync(heavy, "utf8");
    const pending = readFileSync(join(dir, "claims-claims.beancount"), "utf8");
    expect(books).toContain('custom "feeledger-option" "claims" "claims-claims.beancount"');
    expect(books.match(/^\d{4}-\d\d-01 balance /gm)!.length).toBe(120);
    expect(books).toMatch(/\n {4}invoice: "\d{20}"\n {4}category: "/);
    const pendingClaims = pending.match(/^\d{4}-\d\d-\d\d ! .* #crm \^EC-/gm)!.length;
    const postedClaims = books.match(/^\d{4}-\d\d-\d\d \* ".*" #crm \^EC-/gm)!.length;
    expect(pendingClaims).toBeGreaterThan(50);
    expect(pendingClaims + postedClaims).toBe(1500);
    const result = runCli(["check", heavy]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // The ledger twin has every claim, the pending ones flagged.
    const ledger = readFileSync(join(dir, "claims.ledger"), "utf8");
    expect(ledger.match(/^\d{4}-\d\d-\d\d ! /gm)).toHaveLength(pendingClaims);
  });

  it("writes the bench journal split over 100 included files, the same transactions", () => {
    const split = join(dir, "split.beancount");
    generate("1500", split, "--shape", "split");
    const main = readFileSync(split, "utf8");
    expect(main.match(/^include "split-parts\/part-\d{3}\.beancount"$/gm)).toHaveLength(100);
    const whole = runCli(["bal", journal, "--format", "csv"]);
    const parts = runCli(["bal", split, "--format", "csv"]);
    expect(parts.stderr).toBe("");
    expect(parts.stdout).toBe(whole.stdout);
  });

  it("writes a journal for the auto_accounts and implicit_prices plugins: no open, CRM fees in USD at a price", () => {
    const plugins = join(dir, "plugins.beancount");
    generate("1500", plugins, "--shape", "plugins", "--ledger");
    const books = readFileSync(plugins, "utf8");
    expect(books).toContain('plugin "beancount.plugins.auto_accounts"\nplugin "beancount.plugins.implicit_prices"\n');
    expect(books).not.toMatch(/^\d{4}-\d\d-\d\d open /m);
    const priced = books.match(/^ {2}Expenses:\S+:05-CRM系统费用 {2}\d+\.00 USD @ [67]\.\d\d CNY$/gm)!;
    expect(priced.length).toBeGreaterThan(300);
    expect(books).not.toMatch(/05-CRM系统费用 {2}[\d.]+ CNY/);
    // Every weight is whole fen, so the yearly bank assertions hold: check finds nothing.
    expect(books.match(/^\d{4}-01-01 balance /gm)).toHaveLength(10);
    const result = runCli(["check", plugins]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // The ledger twin has the same prices.
    const ledger = readFileSync(join(dir, "plugins.ledger"), "utf8");
    expect(ledger.match(/ USD @ [67]\.\d\d CNY$/gm)).toHaveLength(priced.length);
  });

  it("refuses a count it cannot read", () => {
    const result = spawnSync(process.execPath, [script, "lots"], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not a count of transactions/);
  });
});
