// The claim checks of `check` on small inline ledgers: one reproducer per diagnostic. Claims not
// posted yet are written in a claim file (claims/pending.beancount), out of the books, as the books
// declare; the old layout (a ! claim in the books) has tests of its own.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { cli, journal, removeTemporaryFolders } from "./journal.js";
import fc from "fast-check";
import { fapiaoProblem, isFapiaoNumber } from "../../src/validation/fapiao.js";
import { periodContaining } from "../../src/validation/budget-control.js";

afterAll(removeTemporaryFolders);

const ACCOUNTS = `2026-01-01 open Assets:Cash CNY
  no-negative: TRUE
2026-01-01 open Assets:Bank CNY
  no-negative: TRUE
2026-01-01 open Assets:Bank:Sub CNY
2026-01-01 open Equity:Opening CNY
2026-01-01 open Expenses:Fees:Visits CNY
2026-01-01 open Expenses:Fees:Gifts CNY
2026-01-01 open Liabilities:Payable:Wang CNY

2026-01-01 * "opening"
  Assets:Cash   1000.00 CNY
  Equity:Opening
2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"
`;

/** A claim paid through the payable; `meta` lines are added to the claim, `posting` to the posting. */
function claim(date: string, id: string, amount: string, options: { flag?: string; meta?: string[]; account?: string; posting?: string[]; credit?: string } = {}): string {
  return [
    `${date} ${options.flag ?? "*"} "王伟" "claim ${id}"`,
    `  claim: "${id}"`,
    `  claimant: "王伟"`,
    ...(options.meta ?? ['approved-by: "赵敏"']).map((line) => `  ${line}`),
    `  ${options.account ?? "Expenses:Fees:Visits"}   ${amount} CNY`,
    ...(options.posting ?? []).map((line) => `    ${line}`),
    `  ${options.credit ?? "Liabilities:Payable:Wang"}`,
    "",
  ].join("\n");
}

/**
 * `check` a journal of ACCOUNTS + `text` whose claim file holds `pending`. Problems in the claim
 * file are marked `in: "claims"`.
 */
function check(text: string, pending = "") {
  const file = journal(ACCOUNTS + "\n" + text);
  const claims = join(dirname(file), "claims", "pending.beancount");
  if (pending !== "") {
    mkdirSync(dirname(claims), { recursive: true });
    writeFileSync(claims, pending);
  }
  const run = cli("check", file);
  const problems = diagnosticLines(run.stderr).map((d) => ({ ...(d.file === claims ? { in: "claims" } : {}), line: d.line, severity: d.severity, message: d.message }));
  return { code: run.code, problems, file, claims };
}

/** The line (1-based) of the first line of `text` that starts with `start`, in ACCOUNTS + "\n" + text. */
function lineOf(text: string, start: string): number {
  return (ACCOUNTS + "\n" + text).split("\n").findIndex((line) => line.startsWith(start)) + 1;
}

describe("claims", () => {
  it("accepts a well-formed claim in every state", () => {
    const text = claim("2026-02-01", "EC-1", "10.00", { meta: ['approved-by: "赵敏"', "approved-on: 2026-02-02", "posted-on: 2026-02-03"] });
    const pending = [
      claim("2026-02-01", "EC-2", "10.00", { flag: "!", meta: [] }),
      claim("2026-02-01", "EC-3", "10.00", { flag: "!", meta: ['status: "approved"', 'approved-by: "赵敏"', "approved-on: 2026-02-01"] }),
      claim("2026-02-01", "EC-4", "10.00", { flag: "!", meta: ['status: "rejected"', 'rejected-by: "赵敏"', "rejected-on: 2026-02-01", 'reason: "no"'] }),
    ].join("\n");
    expect(check(text, pending)).toMatchObject({ code: 0, problems: [] });
  });

  it("reports a posted claim without approved-by", () => {
    const text = claim("2026-02-01", "EC-1", "10.00", { meta: [] });
    expect(check(text).problems).toEqual([{ line: lineOf(text, "2026-02-01"), severity: "error", message: "EC-1: posted without approved-by" }]);
  });

  it("reports decision dates out of order, and a decision date that is not a date", () => {
    const text = [
      claim("2026-02-10", "EC-1", "10.00", { meta: ['approved-by: "赵敏"', "approved-on: 2026-02-09"] }),
      claim("2026-02-10", "EC-2", "10.00", { meta: ['approved-by: "赵敏"', "approved-on: 2026-02-11", "posted-on: 2026-02-10"] }),
      claim("2026-02-10", "EC-3", "10.00", { meta: ['approved-by: "赵敏"', 'approved-on: "soon"'] }),
    ].join("\n");
    const pending = claim("2026-02-10", "EC-4", "10.00", { flag: "!", meta: ['status: "rejected"', 'rejected-by: "赵敏"', "rejected-on: 2026-02-01"] });
    expect(check(text, pending).problems.map((p) => p.message)).toEqual([
      "EC-1: approved-on 2026-02-09 is before the claim date 2026-02-10",
      "EC-2: posted-on 2026-02-10 is before approved-on 2026-02-11",
      "EC-3: approved-on must be a date such as 2026-03-06",
      "EC-4: rejected-on 2026-02-01 is before the claim date 2026-02-10",
    ]);
  });

  it("reports a rejected claim that is posted, and statuses that contradict the flag", () => {
    const text = [
      claim("2026-02-10", "EC-1", "10.00", { meta: ['status: "rejected"', 'rejected-by: "赵敏"'] }),
      claim("2026-02-10", "EC-2", "10.00", { meta: ['status: "approved"', 'approved-by: "赵敏"'] }),
    ].join("\n");
    const pending = [
      claim("2026-02-10", "EC-3", "10.00", { flag: "!", meta: ['status: "posted"'] }),
      claim("2026-02-10", "EC-4", "10.00", { flag: "!", meta: ['status: "paid"'] }),
    ].join("\n");
    const { code, problems } = check(text, pending);
    expect(code).toBe(1);
    expect(problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      "error: EC-1: rejected but posted (flag *)",
      'warning: EC-2: posted (flag *) but its status says "approved"',
      'warning: EC-3: status says "posted" but flag ! keeps it out of the books',
      'warning: EC-4: unknown status "paid" (expected submitted, approved, rejected, posted)',
    ]);
  });

  it("reports the second of two claims with one id, naming the first", () => {
    const text = claim("2026-02-01", "EC-1", "10.00") + "\n" + claim("2026-02-05", "EC-1", "20.00");
    const { problems, file } = check(text);
    expect(problems).toEqual([{
      line: lineOf(text, "2026-02-05"), severity: "error", message: `claim id EC-1 is used twice; the first is at ${file}:${lineOf(text, "2026-02-01")}`,
    }]);
  });
});

describe("fapiao and receipts", () => {
  it("knows the shapes of a fapiao number", () => {
    const problem = (value: string) => fapiaoProblem({ type: "string", value })?.text ?? null;
    expect(problem("26442000000123456789")).toBeNull(); // 数电发票: 20 digits
    expect(problem("044031900111-12345678")).toBeNull(); // 12-digit code and 8-digit number
    expect(problem("4400231130-12345678")).toBeNull(); // 10-digit code
    for (const bad of ["2644200000012345678", "264420000001234567890", "044031900111-1234567", "044031900111 12345678", "04403190011-12345678", "", "ABCDEFGHIJKLMNOPQRST"]) {
      expect(problem(bad), bad).toMatch(/^malformed fapiao number/);
    }
    expect(fapiaoProblem({ type: "number", value: null as never, scale: 0 })?.text).toMatch(/must be a quoted fapiao number/);
  });

  it("reports a malformed invoice at its posting", () => {
    const text = claim("2026-02-01", "EC-1", "10.00", { posting: ['invoice: "12345"'] });
    expect(check(text).problems).toEqual([{
      line: lineOf(text, "  Expenses:Fees:Visits"), severity: "error",
      message: `malformed fapiao number "12345": expected 20 digits (数电发票) or a 10- or 12-digit code, '-', and an 8-digit number`,
    }]);
  });

  it("tells a fapiao number without the regular expression exactly as with it", () => {
    const FAPIAO = /^(\d{20}|\d{10}-\d{8}|\d{12}-\d{8})$/;
    const character = fc.constantFrom("0", "5", "9", "-", "a", "/", ":", " ", "٣", "\n");
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
    const text = fc.oneof(
      fc.string({ unit: character, maxLength: 23 }),
      digits(20), digits(19), digits(21),
      fc.tuple(digits(10), digits(8)).map(([code, number]) => `${code}-${number}`),
      fc.tuple(digits(12), digits(8)).map(([code, number]) => `${code}-${number}`),
      fc.tuple(digits(11), digits(8)).map(([code, number]) => `${code}-${number}`),
      fc.tuple(digits(20), fc.nat(20), character).map(([number, at, c]) => number.slice(0, at) + c + number.slice(at + 1)),
    );
    fc.assert(fc.property(text, (value) => {
      expect(isFapiaoNumber(value), value).toBe(FAPIAO.test(value));
    }), { numRuns: 3000 });
  });

  it("reports a fapiao used twice, in the books or in a claim in progress, also on a transaction that is not a claim", () => {
    const text = [
      claim("2026-02-01", "EC-1", "10.00", { posting: ['invoice: "26442000000123456789"'] }),
      '2026-02-04 * "vendor" "bill"',
      '  invoice: "26442000000123456789"',
      "  Expenses:Fees:Gifts   5.00 CNY",
      "  Assets:Cash",
      "",
    ].join("\n");
    const pending = claim("2026-02-03", "EC-2", "10.00", { flag: "!", meta: [], posting: ['invoice: "26442000000123456789"'] });
    const { problems, file } = check(text, pending);
    const first = (ACCOUNTS + "\n" + text).split("\n").findIndex((line) => line.startsWith("  Expenses:Fees:Visits")) + 1;
    expect(problems.map((p) => [p.in ?? "books", p.line, p.message])).toEqual([
      ["books", lineOf(text, "2026-02-04"), `fapiao 26442000000123456789 is claimed twice: first in EC-1 at ${file}:${first}`],
      ["claims", 4, `fapiao 26442000000123456789 is claimed twice: first in EC-1 at ${file}:${first}`],
    ]);
  });

  it("tells fapiao numbers of different forms apart, even with the same digits", () => {
    const text = [
      claim("2026-02-01", "EC-1", "10.00", { posting: ['invoice: "12345678900012345678"'] }),
      claim("2026-02-02", "EC-2", "10.00", { posting: ['invoice: "1234567890-12345678"'] }),
      claim("2026-02-03", "EC-3", "10.00", { posting: ['invoice: "123456789000-12345678"'] }),
      claim("2026-02-04", "EC-4", "10.00", { posting: ['invoice: "1234567890-12345678"'] }),
    ].join("\n");
    const { problems, file } = check(text);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(text, "2026-02-04") + 4, `fapiao 1234567890-12345678 is claimed twice: first in EC-2 at ${file}:${lineOf(text, "2026-02-02") + 4}`],
    ]);
  });

  it("a late claim in progress, dated before the posted entry with its fapiao, is the one in error and cannot be posted", () => {
    const text = claim("2026-02-05", "EC-1", "10.00", { posting: ['invoice: "26442000000123456789"'] });
    const pending = claim("2026-02-03", "EC-2", "10.00", { flag: "!", meta: ['status: "approved"', 'approved-by: "赵敏"'], posting: ['invoice: "26442000000123456789"'] });
    const { problems, file, claims } = check(text, pending);
    const message = `fapiao 26442000000123456789 is claimed twice: first in EC-1 at ${file}:${lineOf(text, "  Expenses:Fees:Visits")}`;
    expect(problems.map((p) => [p.in ?? "books", p.line, p.message])).toEqual([["claims", 6, message]]);
    const before = [readFileSync(file, "utf8"), readFileSync(claims, "utf8")];
    const post = cli("post", file, "EC-2");
    expect(post.code).toBe(1);
    expect(diagnosticLines(post.stderr).filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
      expect.stringMatching(/^EC-2 not posted: fapiao 26442000000123456789 is claimed twice: /),
    ]);
    expect([readFileSync(file, "utf8"), readFileSync(claims, "utf8")]).toEqual(before);
  });

  it("does not count a rejected claim's fapiao: a corrected claim may use it again", () => {
    const pending = [
      claim("2026-02-03", "EC-2", "10.00", { flag: "!", meta: ['status: "rejected"', 'rejected-by: "赵敏"', 'reason: "wrong date"'], posting: ['invoice: "26442000000123456789"'] }),
      claim("2026-02-05", "EC-3", "10.00", { flag: "!", meta: [], posting: ['invoice: "26442000000123456789"'] }),
    ].join("\n");
    expect(check("", pending)).toMatchObject({ code: 0, problems: [] });
  });

  it("reports a receipt file that does not exist, relative to the file that declares it", () => {
    const main = journal(`${ACCOUNTS}\ninclude "parts/claims.beancount"\n`);
    const part = join(dirname(main), "parts", "claims.beancount");
    mkdirSync(join(dirname(part), "receipts"), { recursive: true });
    writeFileSync(join(dirname(part), "receipts", "here.pdf"), "receipt");
    writeFileSync(part, claim("2026-02-01", "EC-1", "10.00", { posting: ['receipt: "receipts/here.pdf"'] }) + "\n"
      + claim("2026-02-02", "EC-2", "10.00", { posting: ['receipt: "receipts/missing.pdf"'] }));
    const run = cli("check", main);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr)).toEqual([expect.objectContaining({ file: part, line: 13, message: "receipt file does not exist: 'receipts/missing.pdf'" })]);
  });
});

describe("policies", () => {
  const POLICIES = `2026-01-01 custom "policy" Expenses:Fees "per-claim" 100.00 CNY
2026-01-01 custom "policy" Expenses:Fees:Gifts "per-claim" 50.00 CNY
  action: "block"
2026-01-01 custom "policy" Expenses:Fees "per-month" 150.00 CNY
2026-01-01 custom "policy" Expenses:Fees "receipt-above" 30.00 CNY
`;

  it("warns or blocks per claim; a claim in progress under a block only warns", () => {
    const text = POLICIES + [
      claim("2026-02-01", "EC-1", "120.00"),
      claim("2026-02-01", "EC-2", "60.00", { account: "Expenses:Fees:Gifts", posting: ['invoice: "26442000000123456789"'] }),
    ].join("\n");
    const pending = claim("2026-02-01", "EC-3", "60.00", { flag: "!", meta: [], account: "Expenses:Fees:Gifts", posting: ['invoice: "26442000000123456780"'] });
    const { code, problems } = check(text, pending);
    expect(code).toBe(1);
    expect(problems.filter((p) => !p.message.includes("receipt-above")).map((p) => `${p.severity}: ${p.message}`)).toEqual([
      "warning: EC-1: 120.00 CNY under Expenses:Fees is over the per-claim limit of 100.00 CNY",
      "error: EC-2: 60.00 CNY under Expenses:Fees:Gifts is over the per-claim limit of 50.00 CNY (action block)",
      "warning: EC-2: takes the posted claims of 2026-02 under Expenses:Fees to 180.00 CNY, over the per-month limit of 150.00 CNY",
      "warning: EC-3: 60.00 CNY under Expenses:Fees:Gifts is over the per-claim limit of 50.00 CNY (action block: posting it will be refused)",
      "warning: EC-3: posting it would take the posted claims of 2026-02 under Expenses:Fees to 240.00 CNY, over the per-month limit of 150.00 CNY",
    ]);
  });

  it("per-month: the posted claim that takes the month over, and each one after it; a claim in progress as it would be", () => {
    const text = POLICIES + [
      claim("2026-02-01", "EC-1", "90.00", { posting: ['invoice: "26442000000000000001"'] }),
      claim("2026-02-11", "EC-3", "50.00", { posting: ['invoice: "26442000000000000003"'] }),
      claim("2026-02-20", "EC-4", "20.00", { posting: ['invoice: "26442000000000000004"'] }),
      claim("2026-03-01", "EC-5", "90.00", { posting: ['invoice: "26442000000000000005"'] }),
    ].join("\n");
    const pending = [
      claim("2026-02-10", "EC-2", "90.00", { flag: "!", meta: [], posting: ['invoice: "26442000000000000002"'] }),
      claim("2026-03-10", "EC-6", "60.00", { flag: "!", meta: [], posting: ['invoice: "26442000000000000006"'] }),
      claim("2026-03-11", "EC-7", "61.00", { flag: "!", meta: [], posting: ['invoice: "26442000000000000007"'] }),
    ].join("\n");
    // Each claim in progress is weighed alone against the posted claims of its month: EC-6 and EC-7
    // both fit beside March's 90.00; together they would not, which `post` finds when it gets there.
    expect(check(text, pending).problems.map((p) => p.message)).toEqual([
      "EC-4: takes the posted claims of 2026-02 under Expenses:Fees to 160.00 CNY, over the per-month limit of 150.00 CNY",
      "EC-2: posting it would take the posted claims of 2026-02 under Expenses:Fees to 250.00 CNY, over the per-month limit of 150.00 CNY",
      "EC-7: posting it would take the posted claims of 2026-03 under Expenses:Fees to 151.00 CNY, over the per-month limit of 150.00 CNY",
    ]);
  });

  it("receipt-above: each posting above the amount needs evidence; `require` narrows it", () => {
    const text = POLICIES + `2026-03-01 custom "policy" Expenses:Fees "receipt-above" 30.00 CNY\n  require: "receipt"\n` + [
      claim("2026-02-01", "EC-1", "40.00"),
      claim("2026-02-02", "EC-2", "40.00", { posting: ['invoice: "26442000000000000001"'] }),
      claim("2026-02-03", "EC-3", "30.00"),
      claim("2026-03-02", "EC-4", "40.00", { posting: ['invoice: "26442000000000000002"'] }),
      claim("2026-03-03", "EC-5", "40.00", { meta: ['approved-by: "赵敏"', 'receipt: "main.beancount"'] }),
    ].join("\n");
    expect(check(text).problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(text, "2026-02-01") + 4, "EC-1: 40.00 CNY to Expenses:Fees:Visits is over 30.00 CNY and has no invoice or receipt (policy receipt-above for Expenses:Fees)"],
      [lineOf(text, "2026-03-02") + 4, "EC-4: 40.00 CNY to Expenses:Fees:Visits is over 30.00 CNY and has no receipt (policy receipt-above for Expenses:Fees)"],
    ]);
  });

  it("a later policy for the same account and kind replaces the earlier; rejected claims are not checked", () => {
    const text = `2026-01-01 custom "policy" Expenses:Fees "per-claim" 100.00 CNY\n2026-03-01 custom "policy" Expenses:Fees "per-claim" 200.00 CNY\n` + [
      claim("2026-02-01", "EC-1", "150.00"),
      claim("2026-03-01", "EC-2", "150.00"),
    ].join("\n");
    const pending = claim("2026-02-01", "EC-3", "500.00", { flag: "!", meta: ['status: "rejected"'] });
    expect(check(text, pending).problems.map((p) => p.message)).toEqual(["EC-1: 150.00 CNY under Expenses:Fees is over the per-claim limit of 100.00 CNY"]);
  });

  it("reports a policy it cannot read", () => {
    const text = `2026-01-01 custom "policy" Expenses:Fees "per-week" 100.00 CNY\n2026-01-01 custom "policy" Expenses:Fees "per-claim" 100.00 CNY\n  action: "stop"\n`;
    const { code, problems } = check(text);
    expect(code).toBe(1);
    expect(problems.map((p) => p.message)).toEqual([
      'policy kind must be per-claim, per-month or receipt-above: custom "policy" ACCOUNT "per-claim"|"per-month"|"receipt-above" AMOUNT',
      'action must be "warn" or "block", not "stop"',
    ]);
  });
});

describe("budget control", () => {
  it("finds the budget period containing a date", () => {
    expect(periodContaining("monthly", "2026-02-14")).toEqual({ start: "2026-02-01", end: "2026-03-01", label: "2026-02" });
    expect(periodContaining("quarterly", "2026-08-31")).toEqual({ start: "2026-07-01", end: "2026-10-01", label: "2026-Q3" });
    expect(periodContaining("yearly", "2026-08-31")).toEqual({ start: "2026-01-01", end: "2027-01-01", label: "2026" });
    expect(periodContaining("weekly", "2026-03-08")).toEqual({ start: "2026-03-02", end: "2026-03-09", label: "the week of 2026-03-02" }); // a Sunday
    expect(periodContaining("daily", "2026-03-08")).toEqual({ start: "2026-03-08", end: "2026-03-09", label: "2026-03-08" });
  });

  it("counts every entry of the books in the period, and names each posted claim over it", () => {
    const text = `2026-01-01 custom "budget" Expenses:Fees "monthly" 100.00 CNY\n  action: "block"\n` + [
      '2026-02-01 * "vendor" "not a claim"', "  Expenses:Fees:Gifts   60.00 CNY", "  Assets:Cash", "",
      claim("2026-02-02", "EC-1", "30.00"),
      claim("2026-02-04", "EC-3", "20.00"),
      claim("2026-02-05", "EC-4", "5.00"),
      claim("2026-03-01", "EC-5", "90.00"),
    ].join("\n");
    const pending = [
      claim("2026-02-03", "EC-2", "500.00", { flag: "!", meta: [] }),
      claim("2026-03-02", "EC-6", "10.00", { flag: "!", meta: [] }),
      claim("2026-03-03", "EC-7", "11.00", { flag: "!", meta: ['status: "rejected"'] }),
    ].join("\n");
    const { code, problems } = check(text, pending);
    expect(code).toBe(1);
    // A claim in progress is weighed as it would be posted: the period's books plus the claim.
    expect(problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      "error: EC-3: takes Expenses:Fees to 110.00 CNY in 2026-02, over its monthly budget of 100.00 CNY (action block)",
      "error: EC-4: takes Expenses:Fees to 115.00 CNY in 2026-02, over its monthly budget of 100.00 CNY (action block)",
      "warning: EC-2: posting it would take Expenses:Fees to 615.00 CNY in 2026-02, over its monthly budget of 100.00 CNY (action block: posting it will be refused)",
    ]);
  });

  it("prorates by day as Fava does when the budget changes inside the period, and warns by default", () => {
    // 31 days of March: 15 at 3100/31 = 1500.00, 16 at 6200/31 = 3200.00.
    const text = `2026-01-01 custom "budget" Expenses:Fees "monthly" 3100.00 CNY\n2026-03-16 custom "budget" Expenses:Fees "monthly" 6200.00 CNY\n`
      + [claim("2026-03-20", "EC-1", "4700.00"), claim("2026-03-21", "EC-2", "0.01")].join("\n");
    expect(check(text).problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      "warning: EC-2: takes Expenses:Fees to 4700.01 CNY in 2026-03, over its monthly budget of 4700.00 CNY",
    ]);
  });
});

describe("account rules", () => {
  it("names the posting that takes a no-negative account (with its subaccounts) below zero, each time", () => {
    const text = [
      claim("2026-02-01", "EC-1", "600.00", { credit: "Assets:Cash" }),
      claim("2026-02-02", "EC-2", "600.00", { credit: "Assets:Cash" }),
      claim("2026-02-04", "EC-4", "10.00", { credit: "Assets:Cash" }),
      '2026-02-05 * "deposit"', "  Assets:Cash   500.00 CNY", "  Equity:Opening", "",
      claim("2026-02-06", "EC-5", "400.00", { credit: "Assets:Cash" }),
      claim("2026-02-07", "EC-6", "1.00", { credit: "Assets:Bank:Sub" }),
    ].join("\n");
    // A claim in progress paid from cash moves no balance.
    const pending = claim("2026-02-03", "EC-3", "900.00", { flag: "!", meta: [], credit: "Assets:Cash" });
    expect(check(text, pending).problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(text, "2026-02-02") + 5, "Assets:Cash goes below zero: -200.00 CNY after this posting (opened with no-negative: TRUE)"],
      [lineOf(text, "2026-02-06") + 5, "Assets:Cash goes below zero: -110.00 CNY after this posting (opened with no-negative: TRUE)"],
      [lineOf(text, "2026-02-07") + 5, "Assets:Bank goes below zero: -1.00 CNY after this posting (opened with no-negative: TRUE)"],
    ]);
  });
});
