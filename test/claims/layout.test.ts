// The claim-file layout through the real CLI: claims in progress live in claim files the books
// declare, out of the books; they are checked against the books but counted only by --pending;
// `post` moves them in (to the post-to file); a ! claim left in the books is the old layout.
// Today is fixed at 2026-12-31.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { append, claim, claimFileOf, cli, journal, read, removeTemporaryFolders, sampleCopy } from "./journal.js";

afterAll(removeTemporaryFolders);

const VISIT = "Expenses:6602-管理费用:01-客户管理费:01-客户拜访";
const ENTERTAINMENT = "Expenses:6602-管理费用:02-业务招待费";
const GIFT = "Expenses:6602-管理费用:01-客户管理费:03-客户礼品";
const CASH = "Assets:1001-库存现金";
const PAYABLE = "Liabilities:2241-其他应付款:E01-王伟";

/** bal --format csv as account -> amount (CNY only in these journals). */
function balances(file: string, ...flags: string[]): Map<string, string> {
  const run = cli("bal", file, "--format", "csv", ...flags);
  expect(run.code, run.stderr).toBe(0);
  return new Map(parseCsv(run.stdout).slice(1).map((row) => [row[0]!, row[2]!]));
}

function problems(file: string) {
  const run = cli("check", file);
  return { code: run.code, lines: diagnosticLines(run.stderr) };
}

/** A small journal whose books declare claims/*.beancount; returns both paths. */
function smallJournal(books: string, claims: string | null) {
  const file = journal(`2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n${books}`);
  const claimFile = join(dirname(file), "claims", "pending.beancount");
  if (claims !== null) {
    mkdirSync(dirname(claimFile), { recursive: true });
    writeFileSync(claimFile, claims);
  }
  return { file, claimFile };
}

const OPEN = `2026-01-01 open Expenses:Fees CNY
2026-01-01 open Liabilities:Payable CNY
2026-03-01 open Expenses:Late CNY
`;

describe("claim files", () => {
  it("hold only claims: anything else there is an error at its line, and is left out", () => {
    const claims = [
      "; comments, org headings and pushtag are fine",
      "* March",
      "pushtag #march",
      claim({ date: "2026-02-01", id: "EC-1", lines: ["Expenses:Fees  10.00 CNY", "Liabilities:Payable"] }),
      "poptag #march",
      "2026-01-01 open Assets:Cash CNY",
      "",
      claim({ date: "2026-02-02", id: "EC-2", flag: "*", meta: ['approved-by: "赵敏"'], lines: ["Expenses:Fees  10.00 CNY", "Liabilities:Payable"] }),
      '2026-02-03 ! "no claim metadata"\n  Expenses:Fees  10.00 CNY\n  Liabilities:Payable\n',
      'option "title" "x"',
      'include "other.beancount"',
    ].join("\n");
    const { file, claimFile } = smallJournal(OPEN, claims);
    const { code, lines } = problems(file);
    expect(code).toBe(1);
    const at = (start: string) => claims.split("\n").findIndex((line) => line.startsWith(start)) + 1;
    const refused = (what: string) => `A claim file holds only claims (flag ! with claim metadata); ${what} belongs in the books`;
    expect(lines.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [claimFile, at("2026-01-01 open"), "error", refused("an open directive")],
      [claimFile, at("2026-02-02"), "error", refused("a claim flagged * (a posted entry)")],
      [claimFile, at("2026-02-03"), "error", refused("a transaction without claim metadata")],
      [claimFile, at("option"), "error", refused("option 'title'")],
      [claimFile, at("include"), "error", refused("an include")],
    ]);
    // The one claim is listed.
    const list = parseCsv(cli("claims", file, "--format", "csv").stdout).slice(1);
    expect(list.map((row) => [row[0], row[5]])).toEqual([["EC-1", "submitted"]]);
  });

  it("stay out of the books: a claim file that the books include is an error at the declaration", () => {
    const { file, claimFile } = smallJournal(`${OPEN}include "claims/pending.beancount"\n`,
      claim({ date: "2026-02-01", id: "EC-1", lines: ["Expenses:Fees  10.00 CNY", "Liabilities:Payable"] }));
    const { code, lines } = problems(file);
    expect(code).toBe(1);
    expect(lines.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [file, 1, "error", `"${claimFile}" is declared as a claim file but the books include it, so its claims count as posted entries; remove its include (a claim file stays out of the books)`],
      [claimFile, 1, "warning", expect.stringMatching(/^EC-1: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; move its text to a claim file \("claims\/\*\.beancount", declared in .*\) until it is posted$/)],
    ]);
  });

  it("may be none yet: a glob that matches nothing is fine, a named file that does not exist is a warning", () => {
    expect(problems(smallJournal(OPEN, null).file)).toEqual({ code: 0, lines: [] });
    const file = journal(`2026-01-01 custom "feeledger-option" "claims" "claims.beancount"\n${OPEN}`);
    expect(problems(file).lines.map((d) => [d.line, d.severity, d.message])).toEqual([
      [1, "warning", `Claim file "${join(dirname(file), "claims.beancount")}" does not exist (no claims are read from it)`],
    ]);
  });

  it("are checked against the books: accounts open at the claim's date, their currencies, the claim balancing", () => {
    const claims = [
      claim({ date: "2026-02-01", id: "EC-1", lines: ["Expenses:Late  10.00 CNY", "Liabilities:Payable"] }),
      claim({ date: "2026-03-02", id: "EC-2", lines: ["Expenses:Unknown  10.00 CNY", "Liabilities:Payable"] }),
      claim({ date: "2026-03-03", id: "EC-3", lines: ["Expenses:Fees  10.00 USD", "Liabilities:Payable  -10.00 USD"] }),
      claim({ date: "2026-03-04", id: "EC-4", lines: ["Expenses:Fees  10.00 CNY", "Liabilities:Payable  -9.00 CNY"] }),
      claim({ date: "2026-03-05", id: "EC-5", lines: ["Expenses:Fees  10.00 CNY", "Liabilities:Payable"] }),
    ].join("\n");
    const { file, claimFile } = smallJournal(OPEN, claims);
    const { code, lines } = problems(file);
    expect(code).toBe(1);
    const at = (date: string) => claims.split("\n").findIndex((line) => line.startsWith(date)) + 1;
    expect(lines.map((d) => [d.file, d.line, d.message])).toEqual([
      [claimFile, at("2026-02-01"), "Invalid reference to inactive account 'Expenses:Late'"],
      [claimFile, at("2026-03-02"), "Invalid reference to unknown account 'Expenses:Unknown'"],
      [claimFile, at("2026-03-03"), "Invalid currency USD for account 'Expenses:Fees'"],
      [claimFile, at("2026-03-03"), "Invalid currency USD for account 'Liabilities:Payable'"],
      [claimFile, at("2026-03-04"), "Transaction does not balance: (1.00 CNY)"],
    ]);
  });

  it("with an error stop neither the books' reports nor decisions on other claims; --pending then refuses", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    append(claims, "\n" + claim({ date: "2026-12-30", id: "EC-2026-153", lines: [`${VISIT}  100.00 CNY`, `${PAYABLE}  -90.00 CNY`] }));
    expect(problems(file).code).toBe(1);
    expect(cli("bal", file).code).toBe(0);
    expect(cli("report", "structure", file).code).toBe(0);
    const pending = cli("bal", file, "--pending");
    expect(pending.code).toBe(1);
    expect(pending.stderr).toContain("Transaction does not balance: (10.00 CNY)");
    expect(cli("approve", file, "EC-2026-142", "--by", "赵敏").code).toBe(0);
    const approve = cli("approve", file, "EC-2026-153", "--by", "赵敏");
    expect(approve.code).toBe(1);
    expect(approve.stderr).toContain("EC-2026-153 not approved: Transaction does not balance: (10.00 CNY)");
    const reject = cli("reject", file, "EC-2026-153", "--by", "赵敏", "--reason", "金额不平");
    expect(reject.code, reject.stderr).toBe(0);
  });
});

describe("--pending", () => {
  it("adds the submitted and approved claims of the claim files, never the rejected ones", () => {
    const file = sampleCopy();
    const books = balances(file);
    const pending = balances(file, "--pending");
    // In progress: EC-2026-133 (1320 + 1180 visits, 1460 entertainment), -138 (64, 780), -142 (96, 1280), -145 (680 gifts).
    // Rejected, never counted: EC-2026-059 (2300 entertainment), -117 (168 visits, 920 entertainment).
    expect(Number(pending.get(VISIT)) - Number(books.get(VISIT))).toBe(1320 + 1180 + 64 + 96);
    expect(Number(pending.get(ENTERTAINMENT)) - Number(books.get(ENTERTAINMENT))).toBe(1460 + 780 + 1280);
    expect(Number(pending.get(GIFT)) - Number(books.get(GIFT))).toBe(680);
    expect(pending.get("Liabilities:2241-其他应付款:E04-刘洋")).toBeUndefined();
    expect(books.get("Liabilities:2241-其他应付款:E01-王伟")).toBeUndefined();
    expect(pending.get("Liabilities:2241-其他应付款:E01-王伟")).toBe("-1376.00");
  });
});

describe("a late claim, dated before a balance assertion of the books", () => {
  it("does not break check while it is in progress; posting it is refused, naming the assertion", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    append(claims, "\n" + claim({
      date: "2026-03-20", id: "EC-2026-160", claimant: "王伟",
      lines: [`${VISIT}  120.00 CNY`, `  invoice: "26312099999999999977"`, CASH],
    }));
    const check = cli("check", file);
    expect(check.code, check.stderr).toBe(0);
    expect(balances(file).get(CASH)).toBe("5614.00");
    expect(balances(file, "--pending").get(CASH)).toBe("5494.00");
    // The workflow goes on: it can be approved, and other claims posted.
    expect(cli("approve", file, "EC-2026-160", "--by", "赵敏", "--on", "2026-12-30").code).toBe(0);
    expect(cli("post", file, "EC-2026-133").code).toBe(0);
    const books = read(file);
    const waiting = read(claims);
    const post = cli("post", file, "EC-2026-160");
    expect(post.code).toBe(1);
    const assertion = books.split("\n").indexOf(`2026-04-01 balance ${CASH}                        5568.00 CNY`) + 1;
    expect(diagnosticLines(post.stderr)).toEqual([expect.objectContaining({
      file: claims, severity: "error",
      message: `EC-2026-160 not posted: Balance failed for '${CASH}': expected 5568.00 CNY != accumulated 5448.00 CNY (120.00 too little) (at ${file}:${assertion}) (and 3 more)`,
    })]);
    expect(read(file)).toBe(books);
    expect(read(claims)).toBe(waiting);
  });
});

describe("post-to", () => {
  it("names the file a posted claim goes to; a target that does not exist or is not in the books is refused with the include line to add", () => {
    const file = sampleCopy();
    const folder = dirname(file);
    append(file, '\n2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}/{MM}.beancount"\n');
    const claims = read(claimFileOf(file));
    const books = read(file);
    const target = join(folder, "books", "2026", "12.beancount");
    const missing = cli("post", file, "EC-2026-138");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`EC-2026-138 not posted: its target ${target} does not exist; create it, add the line include "books/2026/12.beancount" to ${file} and post again`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, "; 2026 年 12 月入账的报销单\n");
    const outside = cli("post", file, "EC-2026-138");
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain(`EC-2026-138 not posted: its target ${target} is not in the books; add the line include "books/2026/12.beancount" to ${file} and post again`);
    expect(read(file)).toBe(books);
    expect(read(claimFileOf(file))).toBe(claims);

    append(file, 'include "books/2026/12.beancount"\n');
    const post = cli("post", file, "EC-2026-138");
    expect(post.code, post.stderr).toBe(0);
    expect(post.stdout).toContain(`to ${target}:3)`);
    // The receipt is named from the target's folder.
    expect(read(target)).toMatch(/^; 2026 年 12 月入账的报销单\n\n2026-12-24 \* "李娜" "星河零售年终答谢拜访"\n[^]*\n {4}receipt: "\.\.\/\.\.\/receipts\/2026-12\/ec-2026-138-dinner\.pdf"\n[^]*E02-李娜\n$/);
    expect(cli("check", file).code).toBe(0);
  });
});

describe("pushtag in a claim file", () => {
  it("tags a claim while it is in progress, and posting refuses to lose the tag", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    append(claims, "\npushtag #year-end\n" + claim({
      date: "2026-12-30", id: "EC-2026-161", meta: ['status: "approved"', 'approved-by: "赵敏"', "approved-on: 2026-12-30"],
      lines: [`${VISIT}  50.00 CNY`, `  invoice: "26312099999999999978"`, PAYABLE],
    }) + "poptag #year-end\n");
    expect(cli("check", file).code).toBe(0);
    const byTag = JSON.parse(cli("report", "structure", file, "--by", "tag", "-p", "2026-12", "--pending", "--format", "json").stdout);
    expect(byTag.rows.find((row: { group: string }) => row.group === "#year-end")).toMatchObject({ amount: "50.00" });
    const post = cli("post", file, "EC-2026-161");
    expect(post.code).toBe(1);
    expect(post.stderr).toContain(`EC-2026-161 not posted: its tag #year-end comes from a pushtag in ${claims} and would not go with it into the books; write the tag on the claim's date line first`);
  });
});

describe("the old layout: a ! claim in the books", () => {
  it("counts as beancount counts it, and check warns how to move it to a claim file", () => {
    const file = sampleCopy();
    const books = balances(file);
    // Put EC-2026-142 back in the books, where it used to be.
    const claims = read(claimFileOf(file));
    const start = claims.indexOf('2026-12-28 ! "王伟"');
    const end = claims.indexOf("\n\n", start) + 1;
    append(file, "\n" + claims.slice(start, end).replace("../receipts/", "receipts/"));
    writeFileSync(claimFileOf(file), claims.slice(0, start) + claims.slice(end + 1));
    const run = cli("check", file);
    expect(run.code).toBe(0);
    const line = read(file).split("\n").indexOf('2026-12-28 ! "王伟" "ACME年终拜访及新年计划沟通"') + 1;
    expect(diagnosticLines(run.stderr).filter((d) => d.message.startsWith("EC-2026-142"))).toEqual([
      {
        file, line, column: 1, severity: "warning",
        message: `EC-2026-142: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; move its text to a claim file ("claims/*.beancount", declared in ${file}) until it is posted`,
      },
    ]);
    // Counted like any transaction of the books, as bean-check counts it; --pending does not count it twice.
    expect(Number(balances(file).get(VISIT)) - Number(books.get(VISIT))).toBe(96);
    expect(Number(balances(file, "--pending").get(VISIT)) - Number(balances(file).get(VISIT))).toBe(1320 + 1180 + 64);
  });

  it("without claim files declared, the warning shows the directive to declare them", () => {
    const file = journal(`${OPEN}\n${claim({ date: "2026-02-01", id: "EC-1", lines: ["Expenses:Fees  10.00 CNY", "Liabilities:Payable"] })}`);
    expect(problems(file).lines.map((d) => d.message)).toEqual([
      'EC-1: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; move its text to a claim file declared in the books with `2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"` until it is posted',
    ]);
  });
});
