// A claim's life through the real CLI on copies of the sample journal: submit (a claim added to a
// claim file), approve, post (the claim moves into the books); reject; and every way the validator
// stops a claim. Today is fixed at 2026-12-31.
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { append, changedLines, claim, claimFileOf, cli, lineDiff, newReceipt, read, removeTemporaryFolders, sampleCopy } from "./journal.js";

afterAll(removeTemporaryFolders);

const VISIT = "Expenses:6602-管理费用:01-客户管理费:01-客户拜访";
const GIFT = "Expenses:6602-管理费用:01-客户管理费:03-客户礼品";
const ENTERTAINMENT = "Expenses:6602-管理费用:02-业务招待费";
const PAYABLE = "Liabilities:2241-其他应付款:E01-王伟";
const CASH = "Assets:1001-库存现金";

/** The `claims --format csv` row of one claim, as a record. */
function claimRow(file: string, id: string): Record<string, string> {
  const run = cli("claims", file, "--format", "csv");
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsv(run.stdout);
  const row = rows.find((cells) => cells[0] === id);
  expect(row, `${id} listed`).toBeDefined();
  return Object.fromEntries(header!.map((name, index) => [name, row![index]!]));
}

/** Run a writer that must refuse: exit 1, each message on stderr, the file byte-identical. */
function expectRefused(file: string, command: string, args: readonly string[], ...messages: string[]) {
  const before = read(file);
  const run = cli(command, file, ...args);
  expect(run.code, run.stderr).toBe(1);
  for (const message of messages) expect(run.stderr).toContain(message);
  expect(read(file)).toBe(before);
  return run;
}

function cnyBalance(file: string, pattern: string, ...flags: string[]): string | undefined {
  const run = cli("bal", file, pattern, "--format", "csv", ...flags);
  expect(run.code, run.stderr).toBe(0);
  return parseCsv(run.stdout).slice(1).find((row) => row[0] === pattern)?.[2];
}

describe("a claim's life: submit, approve, post", () => {
  it("stays in its claim file, out of the books, until posted; then moves into the books", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const books = read(file);
    const claimsBefore = read(claims);
    // Submit: the employee's claim form is added to a claim file, with flag ! and no status.
    append(claims, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-150",
      lines: [`${VISIT}   420.00 CNY`, `  invoice: "26312099999999999901"`, `  receipt: "${newReceipt(claims, "ec-2026-150")}"`, PAYABLE],
    }));
    expect(cli("check", file).code).toBe(0);
    // December is over the warn-level 客户管理费 budget already, said once at the claim that crossed
    // the line (EC-2026-136): this claim gets no budget warning.
    expect(claimRow(file, "EC-2026-150")).toMatchObject({ status: "submitted", amount: "420.00", commodity: "CNY", receipts: "1", problems: "" });
    const before = cnyBalance(file, VISIT);
    expect(Number(cnyBalance(file, VISIT, "--pending")) - Number(before)).toBe(420 + 1320 + 1180 + 64 + 96);

    const submitted = read(claims);
    const approve = cli("approve", file, "EC-2026-150", "--by", "赵敏");
    expect(approve.code, approve.stderr).toBe(0);
    expect(approve.stdout).toBe(`EC-2026-150: approved by 赵敏 on 2026-12-31 (${claims}:${submitted.split("\n").indexOf('2026-12-30 ! "王伟" "test claim EC-2026-150"') + 1})\n`);
    expect(changedLines(submitted, read(claims))).toEqual({
      removed: [],
      added: ['  status: "approved"', '  approved-by: "赵敏"', "  approved-on: 2026-12-31"],
    });
    expect(read(file)).toBe(books);
    expect(claimRow(file, "EC-2026-150").status).toBe("approved");
    expect(cnyBalance(file, VISIT)).toBe(before);

    const post = cli("post", file, "EC-2026-150", "--on", "2027-01-04");
    expect(post.code, post.stderr).toBe(0);
    const header = '2026-12-30 * "王伟" "test claim EC-2026-150"';
    const posted = [
      header, '  claim: "EC-2026-150"', '  claimant: "王伟"', '  department: "华东销售部"', '  customer: "ACME"',
      '  status: "posted"', '  approved-by: "赵敏"', "  approved-on: 2026-12-31", "  posted-on: 2027-01-04",
      `  ${VISIT}   420.00 CNY`, `    invoice: "26312099999999999901"`, '    receipt: "claims/receipts/test/ec-2026-150.pdf"', `  ${PAYABLE}`,
    ].join("\n");
    // The claim file is as it was before the claim was added; the books gain the posted entry at
    // their end (after one blank line), its receipt named from the books' folder; nothing else changes.
    expect(read(claims)).toBe(claimsBefore);
    expect(read(file)).toBe(`${books}\n${posted}\n`);
    expect(post.stdout).toBe(`EC-2026-150: posted on 2027-01-04 (moved from ${claims}:${submitted.split("\n").indexOf('2026-12-30 ! "王伟" "test claim EC-2026-150"') + 1} to ${file}:${read(file).split("\n").indexOf(header) + 1})\n`);
    expect(claimRow(file, "EC-2026-150").status).toBe("posted");
    expect(Number(cnyBalance(file, VISIT)) - Number(before)).toBe(420);
    expect(cli("check", file).code).toBe(0);
  });

  it("posts the sample's approved claims with --all, and then has nothing left to post", () => {
    const file = sampleCopy();
    const run = cli("post", file, "--all");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n").filter(Boolean).map((line) => line.split(":")[0])).toEqual(["EC-2026-133", "EC-2026-138"]);
    // December is over the (warn-level) 客户管理费 budget: posting goes ahead with one warning, at
    // EC-2026-133 (dated 2026-12-22, it is now the first claim over the line), not at EC-2026-138.
    expect(diagnosticLines(run.stderr).map((d) => [d.severity, d.message.slice(0, 12)])).toEqual([["warning", "EC-2026-133:"]]);
    expect(run.stderr).toContain("over its monthly budget of 24000.00 CNY");
    const again = cli("post", file, "--all");
    expect(again).toMatchObject({ code: 0, stdout: "no approved claims to post; nothing to do\n" });
    const csv = parseCsv(cli("claims", file, "--status", "approved", "--format", "csv").stdout);
    expect(csv.length).toBe(1);
    // Both left the claim file; the two submitted claims stay there.
    expect(read(claimFileOf(file)).match(/^\d{4}-\d{2}-\d{2} ! /gm)).toEqual(["2026-12-28 ! ", "2026-12-29 ! "]);
  });
});

describe("reject", () => {
  it("records who, when and why in the claim file, and a rejected claim cannot be approved or posted", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const books = read(file);
    const before = read(claims);
    const run = cli("reject", file, "EC-2026-142", "--by", "赵敏", "--reason", '发票抬头不符，"请重开"', "--on", "2026-12-30");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("EC-2026-142: rejected by 赵敏 on 2026-12-30");
    expect(read(file)).toBe(books);
    expect(changedLines(before, read(claims))).toEqual({
      removed: ['  status: "submitted"'],
      added: ['  status: "rejected"', '  rejected-by: "赵敏"', "  rejected-on: 2026-12-30", '  reason: "发票抬头不符，\\"请重开\\""'],
    });
    expect(claimRow(file, "EC-2026-142").status).toBe("rejected");

    const post = expectRefused(file, "post", ["EC-2026-142"]);
    expect(diagnosticLines(post.stderr)).toEqual([expect.objectContaining({ severity: "error", message: "EC-2026-142 not posted: it is rejected, not approved" })]);
    expectRefused(file, "approve", ["EC-2026-142", "--by", "孙强"], "EC-2026-142 not approved: it was rejected by 赵敏 on 2026-12-30");
  });

  it("refuses a posted claim", () => {
    expectRefused(sampleCopy(), "reject", ["EC-2026-031", "--by", "孙强", "--reason", "late"], "EC-2026-031 not rejected: it is already posted");
  });
});

describe("the validator stops what must not be posted", () => {
  it("a fapiao claimed twice: an error at the second posting naming the first; that claim cannot be posted", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const firstLine = read(claims).split("\n").findIndex((line) => line.includes('invoice: "26312071475314518145"')); // in EC-2026-142
    append(claims, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-151", meta: ['status: "approved"', 'approved-by: "孙强"', "approved-on: 2026-12-30"],
      lines: [`${ENTERTAINMENT}   1280.00 CNY`, `  invoice: "26312071475314518145"`, `  receipt: "${newReceipt(claims, "ec-2026-151")}"`, PAYABLE],
    }));
    const check = cli("check", file);
    expect(check.code).toBe(1);
    const errors = diagnosticLines(check.stderr).filter((d) => d.severity === "error");
    const postingLine = read(claims).split("\n").findIndex((line) => line.startsWith(`  ${ENTERTAINMENT}   1280.00`)) + 1;
    expect(errors).toEqual([expect.objectContaining({
      file: claims, line: postingLine, column: 3,
      message: `fapiao 26312071475314518145 is claimed twice: first in EC-2026-142 at ${claims}:${firstLine}`,
    })]);
    expect(claimRow(file, "EC-2026-151").problems).toBe("fapiao-duplicate");

    expectRefused(file, "post", ["EC-2026-151"], "EC-2026-151 not posted: fapiao 26312071475314518145 is claimed twice");
    // The first use stays good: EC-2026-142 can still be approved.
    expect(cli("approve", file, "EC-2026-142", "--by", "赵敏").code).toBe(0);
  });

  it("an approver who is the claimant: approve refuses; check reports a posted one", () => {
    const file = sampleCopy();
    const before = read(file);
    const run = expectRefused(file, "approve", ["EC-2026-142", "--by", "王伟"]);
    expect(diagnosticLines(run.stderr)).toEqual([expect.objectContaining({
      severity: "error", message: "EC-2026-142 not approved: approved by its own claimant 王伟 (separation of duties)",
    })]);

    writeFileSync(file, before.replace('claimant: "李娜"\n  department: "华南销售部"\n  customer: "蓝海物流"\n  approved-by: "赵敏"', 'claimant: "李娜"\n  department: "华南销售部"\n  customer: "蓝海物流"\n  approved-by: "李娜"'));
    const check = cli("check", file);
    expect(check.code).toBe(1);
    expect(diagnosticLines(check.stderr).filter((d) => d.severity === "error").map((d) => d.message))
      .toEqual(["EC-2026-003: approved by its own claimant 李娜 (separation of duties)"]);
  });

  it("a policy warning: a claim over the warn-level entertainment limit is posted with a warning", () => {
    const file = sampleCopy();
    append(claimFileOf(file), "\n" + claim({
      date: "2026-12-30", id: "EC-2026-152", claimant: "李娜", meta: ['status: "approved"', 'approved-by: "孙强"', "approved-on: 2026-12-30"],
      lines: [`${ENTERTAINMENT}   3500.00 CNY`, `  invoice: "26312099999999999902"`, `  receipt: "${newReceipt(claimFileOf(file), "ec-2026-152")}"`, "Liabilities:2241-其他应付款:E02-李娜"],
    }));
    const run = cli("post", file, "EC-2026-152");
    expect(run.code, run.stderr).toBe(0);
    expect(diagnosticLines(run.stderr)).toEqual([expect.objectContaining({
      severity: "warning", message: `EC-2026-152: 3500.00 CNY under ${ENTERTAINMENT} is over the per-claim limit of 3000.00 CNY`,
    })]);
    expect(claimRow(file, "EC-2026-152")).toMatchObject({ status: "posted", problems: "policy-per-claim" });
    expect(cli("check", file).code).toBe(0);
  });

  it("a policy block: EC-2026-145's 680.00 gift can be approved (with a warning) but not posted", () => {
    const file = sampleCopy();
    const approve = cli("approve", file, "EC-2026-145", "--by", "吴芳");
    expect(approve.code, approve.stderr).toBe(0);
    expect(approve.stderr).toContain(`EC-2026-145: 680.00 CNY under ${GIFT} is over the per-claim limit of 500.00 CNY (action block: posting it will be refused)`);
    const books = read(file);
    const approved = read(claimFileOf(file));
    const post = cli("post", file, "EC-2026-145");
    expect(post.code).toBe(1);
    const lines = diagnosticLines(post.stderr);
    expect(lines).toEqual([expect.objectContaining({
      severity: "error", file: claimFileOf(file), line: approved.split("\n").indexOf('2026-12-29 ! "陈静" "年终客户伴手礼补充采购" #gift') + 1,
      message: `EC-2026-145 not posted: 680.00 CNY under ${GIFT} is over the per-claim limit of 500.00 CNY (action block)`,
    })]);
    expect(read(file)).toBe(books);
    expect(read(claimFileOf(file))).toBe(approved);
  });

  it("a budget block: a claim that takes a blocking monthly budget over is refused, others pass", () => {
    const file = sampleCopy();
    append(file, `\n2026-12-01 custom "budget" ${VISIT} "monthly" 3000.00 CNY\n  action: "block"\n`);
    expect(cli("check", file).code).toBe(0); // 2167.00 posted so far in December
    const run = cli("post", file, "--all");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("EC-2026-138: posted on 2026-12-31");
    expect(diagnosticLines(run.stderr).filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
      `EC-2026-133 not posted: takes ${VISIT} to 4667.00 CNY in 2026-12, over its monthly budget of 3000.00 CNY (action block)`,
    ]);
    expect(claimRow(file, "EC-2026-133").status).toBe("approved");
    expect(claimRow(file, "EC-2026-138").status).toBe("posted");
  });

  it("cash going negative: a claim paid from 库存现金 beyond its balance is refused", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const form = claim({
      date: "2027-01-05", id: "EC-2027-001", meta: ['status: "approved"', 'approved-by: "周建国"', "approved-on: 2027-01-05"],
      lines: [`${VISIT}   6000.00 CNY`, `  invoice: "26312099999999999903"`, `  receipt: "${newReceipt(claims, "ec-2027-001")}"`, `${CASH}   -6000.00 CNY`],
    });
    append(claims, "\n" + form);
    expect(cli("check", file).code).toBe(0); // in progress: not in the books yet
    const claimsBefore = read(claims);
    expectRefused(file, "post", ["EC-2027-001", "--on", "2027-01-05"], `EC-2027-001 not posted: ${CASH} goes below zero: -386.00 CNY after this posting (opened with no-negative: TRUE)`);
    expect(read(claims)).toBe(claimsBefore);

    // Written into the books by hand, it is an error there.
    append(file, "\n" + form.replace('2027-01-05 ! "王伟"', '2027-01-05 * "王伟"').replace('status: "approved"\n  ', "").replace('receipt: "receipts/', 'receipt: "claims/receipts/'));
    writeFileSync(claims, claimsBefore.slice(0, claimsBefore.length - form.length - 1));
    const check = cli("check", file);
    expect(check.code).toBe(1);
    const cashLine = read(file).split("\n").findIndex((line) => line.startsWith(`  ${CASH}   -6000.00`)) + 1;
    expect(diagnosticLines(check.stderr).filter((d) => d.severity === "error")).toEqual([expect.objectContaining({
      line: cashLine, column: 3, message: `${CASH} goes below zero: -386.00 CNY after this posting (opened with no-negative: TRUE)`,
    })]);
  });

  it("posting before approval, and an unknown or unapproved claim, are refused with one reason each", () => {
    expectRefused(sampleCopy(), "post", ["EC-2026-133", "EC-2026-142", "EC-2026-999", "--on", "2026-12-23"],
      "EC-2026-133 not posted: posted-on 2026-12-23 is before approved-on 2026-12-24",
      "EC-2026-142 not posted: it is submitted, not approved (approve it first)",
      "feeledger: no claim EC-2026-999 in the journal");
  });

  it("an approval dated before the claim is refused", () => {
    expectRefused(sampleCopy(), "approve", ["EC-2026-142", "--by", "赵敏", "--on", "2026-12-27"],
      "EC-2026-142 not approved: approved-on 2026-12-27 is before the claim date 2026-12-28");
  });

  it("usage problems exit 2 and write nothing", () => {
    const file = sampleCopy();
    const before = read(file);
    const runs = [
      cli("approve", file, "EC-2026-142"),
      cli("approve", file, "--by", "赵敏"),
      cli("reject", file, "EC-2026-142", "--by", "赵敏"),
      cli("post", file),
      cli("post", file, "EC-2026-133", "--all"),
      cli("post", file, "EC-2026-133", "--on", "2026-13-01"),
    ];
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(runs.map((run) => run.stderr.trim())).toEqual([
      "feeledger: approve needs --by NAME",
      "feeledger: approve needs a claim id, e.g. feeledger approve FILE EC-2026-031",
      "feeledger: reject needs --reason TEXT",
      "feeledger: post needs claim ids or --all",
      "feeledger: name claims or use --all, not both",
      "feeledger: invalid date for --on: '2026-13-01'",
    ]);
    expect(read(file)).toBe(before);
  });

  it("named claims are posted all or none", () => {
    const run = expectRefused(sampleCopy(), "post", ["EC-2026-138", "EC-2026-142"], "nothing was written: 1 claim refused");
    expect(run.stdout).toBe("");
  });
});

describe("writers", () => {
  it("--dry-run prints the unified diff of both files and writes nothing", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const books = read(file);
    const before = read(claims);
    const run = cli("post", file, "EC-2026-133", "--dry-run");
    expect(run.code, run.stderr).toBe(0);
    const header = before.split("\n").indexOf('2026-12-22 ! "张磊" "北辰医药框架协议签约（北京）"') + 1;
    const [removal, addition] = run.stdout.split(/(?=^--- )/m);
    expect(removal!.split("\n").slice(0, 4)).toEqual([`--- ${claims}`, `+++ ${claims}`, `@@ -${header - 3},25 +${header - 3},6 @@`, ` ${before.split("\n")[header - 4]}`]);
    expect(removal).toContain('\n-2026-12-22 ! "张磊" "北辰医药框架协议签约（北京）"\n');
    const last = books.split("\n").length - 1;
    expect(addition!.split("\n").slice(0, 3)).toEqual([`--- ${file}`, `+++ ${file}`, `@@ -${last - 2},3 +${last - 2},23 @@`]);
    expect(addition).toContain('\n+2026-12-22 * "张磊" "北辰医药框架协议签约（北京）"\n');
    expect(addition).toContain('\n+  status: "posted"\n');
    expect(addition).toContain("\n+  posted-on: 2026-12-31\n");
    expect(run.stderr).toContain("1 claim would be posted; nothing was written (--dry-run)");
    expect(read(file)).toBe(books);
    expect(read(claims)).toBe(before);
  });

  it("running a command twice changes nothing the second time", () => {
    const file = sampleCopy();
    for (const args of [["approve", "EC-2026-142", "--by", "孙强"], ["reject", "EC-2026-145", "--by", "吴芳", "--reason", "超标"], ["post", "EC-2026-142"]]) {
      const first = cli(args[0]!, file, ...args.slice(1));
      expect(first.code, first.stderr).toBe(0);
      const once = readFileSync(file);
      const second = cli(args[0]!, file, ...args.slice(1), "--on", "2027-02-01");
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/is already (approved|rejected|posted).*; nothing to do\n$/);
      expect(readFileSync(file).equals(once)).toBe(true);
    }
  });

  it("keeps every other byte: CRLF line endings, a BOM, the included file", () => {
    const lf = sampleCopy();
    const crlf = sampleCopy();
    const original = read(lf);
    const originalClaims = read(claimFileOf(lf));
    writeFileSync(crlf, "\ufeff" + original.replace(/\n/g, "\r\n"));
    writeFileSync(claimFileOf(crlf), "\ufeff" + originalClaims.replace(/\n/g, "\r\n"));
    const accounts = readFileSync(join(dirname(crlf), "2026/accounts.beancount"));
    for (const file of [lf, crlf]) {
      expect(cli("approve", file, "EC-2026-142", "--by", "孙强").code).toBe(0);
      expect(cli("reject", file, "EC-2026-145", "--by", "吴芳", "--reason", "超标").code).toBe(0);
      expect(cli("post", file, "--all").code).toBe(0);
    }
    for (const [edited, plain] of [[crlf, lf], [claimFileOf(crlf), claimFileOf(lf)]] as const) {
      const text = read(edited);
      expect(text.startsWith("\ufeff")).toBe(true);
      expect(/[^\r]\n/.test(text)).toBe(false);
      expect(text).toBe("\ufeff" + read(plain).replace(/\n/g, "\r\n"));
    }
    expect(readFileSync(join(dirname(crlf), "2026/accounts.beancount")).equals(accounts)).toBe(true);
    // The books only gain the three posted claims; the claim file only loses them and gains the rejection.
    const books = lineDiff(original, read(lf));
    expect(books.removed).toEqual([]);
    expect(books.added.filter((line) => /^\d/.test(line))).toEqual([
      '2026-12-22 * "张磊" "北辰医药框架协议签约（北京）"', '2026-12-24 * "李娜" "星河零售年终答谢拜访"', '2026-12-28 * "王伟" "ACME年终拜访及新年计划沟通"',
    ]);
    expect(read(lf).startsWith(original)).toBe(true);
    const claims = lineDiff(originalClaims, read(claimFileOf(lf)));
    expect(claims.added).toEqual(['  status: "rejected"', '  rejected-by: "吴芳"', "  rejected-on: 2026-12-31", '  reason: "超标"']);
    expect(claims.removed.filter((line) => /^\d/.test(line))).toEqual([
      '2026-12-22 ! "张磊" "北辰医药框架协议签约（北京）"', '2026-12-24 ! "李娜" "星河零售年终答谢拜访"', '2026-12-28 ! "王伟" "ACME年终拜访及新年计划沟通"',
    ]);
  });

  it("writes a posted claim in the line endings of the books when its claim file has others", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const original = read(claims);
    writeFileSync(claims, original.replace(/\n/g, "\r\n"));
    const run = cli("post", file, "EC-2026-138");
    expect(run.code, run.stderr).toBe(0);
    expect(read(file)).not.toContain("\r");
    expect(read(file)).toContain('\n2026-12-24 * "李娜" "星河零售年终答谢拜访"\n  claim: "EC-2026-138"\n');
    expect(read(claims)).not.toMatch(/[^\r]\n/);
    expect(read(claims)).not.toContain("EC-2026-138");
  });

  it("edits a claim written in the books (the old layout) in place, in its file only", () => {
    const file = sampleCopy();
    const part = join(dirname(file), "2026", "december.beancount");
    writeFileSync(part, claim({
      date: "2026-12-30", id: "EC-2026-160", claimant: "李娜",
      lines: [`${VISIT}   80.00 CNY`, `  invoice: "26312099999999999904"`, "Liabilities:2241-其他应付款:E02-李娜"],
    }).replace(/\n/g, "\r\n"));
    append(file, '\ninclude "2026/december.beancount"\n');
    const main = read(file);
    const run = cli("approve", file, "EC-2026-160", "--by", "钱坤");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("2026/december.beancount:1)");
    expect(read(file)).toBe(main);
    expect(read(part)).toContain('  customer: "ACME"\r\n  status: "approved"\r\n  approved-by: "钱坤"\r\n  approved-on: 2026-12-31\r\n  Expenses:');
  });
});

describe("claims", () => {
  it("lists every claim with its state, amount, receipts and problems", () => {
    const file = sampleCopy();
    const run = cli("claims", file, "--format", "csv");
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual(["claim", "date", "claimant", "department", "customer", "status", "amount", "commodity", "receipts", "problems", "awaiting", "paid", "owed"]);
    expect(rows.length).toBe(66);
    const count = (status: string) => rows.filter((row) => row[5] === status).length;
    expect([count("posted"), count("submitted"), count("approved"), count("rejected")]).toEqual([60, 2, 2, 2]);
    expect(rows.find((row) => row[0] === "EC-2026-031")).toEqual(["EC-2026-031", "2026-03-05", "王伟", "华东销售部", "ACME", "posted", "553.00", "CNY", "1", "", "", "paid", "0.00"]);
    // Every posted claim of the sample is paid (the 网银批量代付 entries link them); pending ones have no paid state.
    expect(new Set(rows.filter((row) => row[5] === "posted").map((row) => row[11]))).toEqual(new Set(["paid"]));
    expect(new Set(rows.filter((row) => row[5] !== "posted").map((row) => row[11]))).toEqual(new Set([""]));
    expect(rows.find((row) => row[0] === "EC-2026-071")![9]).toBe("policy-receipt-above");
    expect(rows.find((row) => row[0] === "EC-2026-053")![9]).toBe("policy-per-claim");
    expect(rows.find((row) => row[0] === "EC-2026-145")![9]).toBe("policy-per-claim");
    expect(rows.find((row) => row[0] === "EC-2026-059")!.slice(5, 7)).toEqual(["rejected", "2300.00"]);
  });

  it("filters by status, claimant, customer and dates", () => {
    const file = sampleCopy();
    const ids = (...args: string[]) => parseCsv(cli("claims", file, "--format", "csv", ...args).stdout).slice(1).map((row) => row[0]);
    expect(ids("--status", "rejected")).toEqual(["EC-2026-059", "EC-2026-117"]);
    expect(ids("--claimant", "王伟", "-b", "2026-12-01")).toEqual(["EC-2026-122", "EC-2026-142"]);
    expect(ids("--customer", "北辰医药", "--status", "approved")).toEqual(["EC-2026-133"]);
    expect(ids("-b", "2026-12-24", "-e", "2026-12-29")).toEqual(["EC-2026-138", "EC-2026-142"]);
    expect(cli("claims", file, "--status", "paid").code).toBe(2);
  });

  it("gives JSON with amounts as strings, the claim's line and its problems", () => {
    const file = sampleCopy();
    const run = cli("claims", file, "--format", "json", "--status", "submitted");
    const parsed = JSON.parse(run.stdout) as { claims: { claim: string; amount: string; line: number; problems: { code: string; severity: string }[] }[]; totals: unknown[] };
    expect(parsed.claims.map((row) => [row.claim, row.amount])).toEqual([["EC-2026-142", "1376.00"], ["EC-2026-145", "680.00"]]);
    expect(parsed.claims[1]!.problems).toEqual([
      expect.objectContaining({ code: "policy-per-claim", severity: "warning" }),
    ]);
    expect(parsed.totals).toEqual([{ commodity: "CNY", amount: "2056.00" }]);
    expect(read(claimFileOf(file)).split("\n")[parsed.claims[0]!.line - 1]).toBe('2026-12-28 ! "王伟" "ACME年终拜访及新年计划沟通"');
  });
});
