// Approval authority (审批权限) through the real CLI, on copies of the sample journal, whose
// limits follow samples/README.md: 赵敏, 钱坤, 吴芳 1000.00 CNY; 孙强 5000.00 CNY; 周建国 50000.00 CNY.
// Claims in progress live in the sample's claim files (claims/2026-12.beancount for December):
// approve edits them there, post moves them into the books. Today is fixed at 2026-12-31.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { append, changedLines, claim, claimFileOf, cli, TODAY, journal, newReceipt, read, removeTemporaryFolders, sampleCopy } from "../claims/journal.js";

afterAll(removeTemporaryFolders);

const VISIT = "Expenses:6602-管理费用:01-客户管理费:01-客户拜访";
const PAYABLE = "Liabilities:2241-其他应付款:E01-王伟";
/** EC-2026-142: 王伟's submitted claim of 1376.00 CNY, above a department manager's 1000.00. */
const CLAIM = "EC-2026-142";
// December 2026 is over the sample's warn-level 客户管理费 budget already, said once at the claim
// that crossed the line (EC-2026-136): the claims in progress after it carry no budget warning.
/** What a claim in the books must not have: a `!` claim there is the old layout (claim-in-books). */
const IN_BOOKS = /: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; /;

/** The `claims --format csv` row of one claim, as a record. */
function claimRow(file: string, id: string): Record<string, string> {
  const run = cli("claims", file, "--format", "csv");
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsv(run.stdout);
  const row = rows.find((cells) => cells[0] === id);
  expect(row, `${id} listed`).toBeDefined();
  return Object.fromEntries(header!.map((name, index) => [name, row![index]!]));
}

/** The texts of the journal `file` and of its December claim file (when it has one). */
function texts(file: string): Record<string, string> {
  const claims = claimFileOf(file);
  return existsSync(claims) ? { [file]: read(file), [claims]: read(claims) } : { [file]: read(file) };
}

/** Run a writer that must refuse: exit 1, the books and the claim file byte-identical; returns its diagnostics. */
function refused(file: string, ...args: string[]) {
  const before = texts(file);
  const run = cli(...args.slice(0, 1), file, ...args.slice(1));
  expect(run.code, run.stderr).toBe(1);
  expect(texts(file)).toEqual(before);
  return diagnosticLines(run.stderr);
}

function errors(file: string) {
  const run = cli("check", file);
  return { code: run.code, errors: diagnosticLines(run.stderr).filter((d) => d.severity === "error").map((d) => d.message) };
}

describe("approving in two steps under limits", () => {
  it("a manager's approval leaves the claim partly approved; a second approver within their limit completes it", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const books = read(file);
    const submitted = read(claims);

    // Step 1: 赵敏 (1000.00 CNY) approves 1376.00 CNY: recorded in the claim file, with a warning that it is not covered.
    const first = cli("approve", file, CLAIM, "--by", "赵敏", "--on", "2026-12-29");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`EC-2026-142: approved by 赵敏 on 2026-12-29 (${claims}:38)\n`);
    expect(diagnosticLines(first.stderr)).toEqual([
      expect.objectContaining({
        file: claims, severity: "warning",
        message: "EC-2026-142: approvals do not cover 1376.00 CNY (赵敏 may approve up to 1000.00 CNY); posting it will be refused until it has an approval by 孙强 or 周建国",
      }),
    ]);
    expect(changedLines(submitted, read(claims))).toEqual({
      removed: ['  status: "submitted"'],
      added: ['  status: "approved"', '  approved-by: "赵敏"', "  approved-on: 2026-12-29"],
    });
    expect(read(file)).toBe(books);
    expect(claimRow(file, CLAIM)).toMatchObject({ status: "partly approved", awaiting: "孙强, 周建国", problems: "claim-approval-limit" });
    // Not an error while it is pending.
    expect(errors(file)).toEqual({ code: 0, errors: [] });

    // post refuses it (nothing moves), named or with --all (which still posts the two covered approved claims).
    expect(refused(file, "post", CLAIM).map((d) => d.message)).toEqual([
      "EC-2026-142 not posted: approvals do not cover 1376.00 CNY (赵敏 may approve up to 1000.00 CNY); it needs an approval by 孙强 or 周建国",
    ]);
    const copy = sampleCopyWithClaims(read(claims));
    const all = cli("post", copy, "--all");
    expect(all.code).toBe(1);
    expect(all.stdout.split("\n").filter(Boolean).map((line) => line.split(":")[0])).toEqual(["EC-2026-133", "EC-2026-138"]);
    expect(diagnosticLines(all.stderr).filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
      "EC-2026-142 not posted: approvals do not cover 1376.00 CNY (赵敏 may approve up to 1000.00 CNY); it needs an approval by 孙强 or 周建国",
    ]);
    expect(read(claimFileOf(copy)).match(/^ {2}claim: ".*"$/gm)).toEqual(['  claim: "EC-2026-142"', '  claim: "EC-2026-145"']);

    // Step 2: 孙强 (5000.00 CNY) approves: a second approval with its own person and date.
    const partly = read(claims);
    const second = cli("approve", file, CLAIM, "--by", "孙强", "--on", "2026-12-30");
    expect(second.code, second.stderr).toBe(0);
    expect(diagnosticLines(second.stderr).map((d) => d.message)).toEqual([]);
    expect(second.stdout).toMatch(/^EC-2026-142: approved by 孙强 on 2026-12-30 \(/);
    expect(changedLines(partly, read(claims))).toEqual({
      removed: [],
      added: ['  approved-by-2: "孙强"', "  approved-on-2: 2026-12-30"],
    });
    const approvals = '  status: "approved"\n  approved-by: "赵敏"\n  approved-on: 2026-12-29\n  approved-by-2: "孙强"\n  approved-on-2: 2026-12-30\n  Expenses:';
    expect(read(claims)).toContain(approvals);
    expect(read(file)).toBe(books);
    expect(claimRow(file, CLAIM)).toMatchObject({ status: "approved", awaiting: "", problems: "" });

    // Covered: a third approver is refused, and the claim posts: it leaves the claim file for the
    // books with both approvals.
    expect(refused(file, "approve", CLAIM, "--by", "周建国").map((d) => d.message)).toEqual([
      "EC-2026-142 not approved: it is already approved by 赵敏 on 2026-12-29 and 孙强 on 2026-12-30",
    ]);
    const post = cli("post", file, CLAIM, "--on", "2026-12-31");
    expect(post.code, post.stderr).toBe(0);
    expect(post.stdout).toContain("EC-2026-142: posted on 2026-12-31");
    expect(read(claims)).not.toContain(CLAIM);
    expect(read(file)).toContain(approvals.replace('status: "approved"', 'status: "posted"').replace("  Expenses:", "  posted-on: 2026-12-31\n  Expenses:"));
    expect(claimRow(file, CLAIM)).toMatchObject({ status: "posted", problems: "" });
    expect(errors(file)).toEqual({ code: 0, errors: [] });
  });

  it("an approver whose limit covers the claim approves it in one step", () => {
    const file = sampleCopy();
    const run = cli("approve", file, CLAIM, "--by", "孙强");
    expect(run.code, run.stderr).toBe(0);
    expect(diagnosticLines(run.stderr).map((d) => d.message)).toEqual([]);
    expect(claimRow(file, CLAIM)).toMatchObject({ status: "approved", awaiting: "" });
    expect(cli("post", file, CLAIM).code).toBe(0);
    expect(claimRow(file, CLAIM)).toMatchObject({ status: "posted", problems: "" });
    expect(read(claimFileOf(file))).not.toContain(CLAIM);
  });

  it("one person approves once, names compared after normalisation; the claimant never", () => {
    const file = sampleCopy();
    expect(cli("approve", file, CLAIM, "--by", "赵敏", "--on", "2026-12-29").code).toBe(0);
    const partly = texts(file);
    expect(partly[claimFileOf(file)]).toContain('  approved-by: "赵敏"\n');
    for (const same of ["赵敏", " 赵 敏", "赵敏\u200b", "赵\u3000敏"]) {
      const again = cli("approve", file, CLAIM, "--by", same, "--on", "2026-12-30");
      expect(again).toMatchObject({
        code: 0,
        stdout: "EC-2026-142 is already approved by 赵敏 on 2026-12-29 (one person's approval counts once); it still needs an approval by 孙强 or 周建国; nothing to do\n",
      });
      expect(texts(file)).toEqual(partly);
    }
    for (const claimant of ["王伟", "王 伟", "王伟\ufeff"]) {
      expect(refused(file, "approve", CLAIM, "--by", claimant).map((d) => d.message)).toEqual([
        "EC-2026-142 not approved: approved by its own claimant 王伟 (separation of duties)",
      ]);
    }
  });

  it("a second manager's approval does not raise the limit: it still waits for 孙强 or 周建国", () => {
    const file = sampleCopy();
    expect(cli("approve", file, CLAIM, "--by", "赵敏", "--on", "2026-12-29").code).toBe(0);
    const run = cli("approve", file, CLAIM, "--by", "钱坤", "--on", "2026-12-30");
    expect(run.code, run.stderr).toBe(0);
    expect(diagnosticLines(run.stderr).map((d) => d.message)).toEqual([
      "EC-2026-142: approvals do not cover 1376.00 CNY (赵敏 may approve up to 1000.00 CNY; 钱坤 may approve up to 1000.00 CNY); posting it will be refused until it has an approval by 孙强 or 周建国",
    ]);
    expect(cli("approve", file, CLAIM, "--by", "周建国", "--on", "2026-12-31").code).toBe(0);
    expect(read(claimFileOf(file))).toContain('  approved-by-2: "钱坤"\n  approved-on-2: 2026-12-30\n  approved-by-3: "周建国"\n  approved-on-3: 2026-12-31\n');
    expect(claimRow(file, CLAIM)).toMatchObject({ status: "approved", awaiting: "", problems: "" });
  });

  it("keeps CRLF line endings and a BOM through both approvals", () => {
    const lf = sampleCopy();
    const crlf = sampleCopy();
    // The books and the claim file both in CRLF with a BOM; the approvals edit the claim file.
    for (const name of [crlf, claimFileOf(crlf)]) writeFileSync(name, "\ufeff" + read(name).replace(/\n/g, "\r\n"));
    const books = read(crlf);
    for (const file of [lf, crlf]) {
      expect(cli("approve", file, CLAIM, "--by", "赵敏", "--on", "2026-12-29").code).toBe(0);
      expect(cli("approve", file, CLAIM, "--by", "孙强", "--on", "2026-12-30").code).toBe(0);
    }
    expect(read(claimFileOf(lf))).toContain('  approved-by-2: "孙强"\n');
    expect(read(claimFileOf(crlf))).toBe("\ufeff" + read(claimFileOf(lf)).replace(/\n/g, "\r\n"));
    expect(read(crlf)).toBe(books);
  });

  it("a further approval goes after the previous approval lines, before other metadata", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    append(claims, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-150",
      meta: ['status: "approved"', 'approved-by: "赵敏"', "approved-on: 2026-12-30", 'note: "客户要求加急"'],
      lines: [`${VISIT}   1500.00 CNY`, `  invoice: "26312099999999999911"`, `  receipt: "${newReceipt(claims, "ec-2026-150")}"`, PAYABLE],
    }));
    expect(cli("approve", file, "EC-2026-150", "--by", "孙强").code).toBe(0);
    expect(read(claims)).toContain('  approved-on: 2026-12-30\n  approved-by-2: "孙强"\n  approved-on-2: 2026-12-31\n  note: "客户要求加急"\n');
  });
});

/** A fresh sample copy whose December claim file holds `text`. */
function sampleCopyWithClaims(text: string): string {
  const file = sampleCopy();
  writeFileSync(claimFileOf(file), text);
  return file;
}

describe("what check says about authority", () => {
  it("a posted claim whose approvals do not cover it is an error; covered ones are not", () => {
    const file = sampleCopy();
    // EC-2026-125 (李娜, 1009.00 CNY) was approved by 孙强; say 赵敏 (1000.00 CNY) approved it instead.
    const text = read(file);
    const approval = text.indexOf('approved-by: "孙强"', text.indexOf('claim: "EC-2026-125"'));
    writeFileSync(file, text.slice(0, approval) + 'approved-by: "赵敏"' + text.slice(approval + 'approved-by: "孙强"'.length));
    expect(errors(file)).toEqual({ code: 1, errors: ["EC-2026-125: approvals do not cover 1009.00 CNY (赵敏 may approve up to 1000.00 CNY)"] });
    expect(claimRow(file, "EC-2026-125")).toMatchObject({ status: "posted", problems: "claim-approval-limit", awaiting: "" });
  });

  it("the limit in force on the approval date counts; a later declaration for the person replaces it", () => {
    const file = sampleCopy();
    append(file, '\n2026-12-30 custom "approval-limit" "赵 敏" 2000.00 CNY\n');
    expect(cli("approve", file, CLAIM, "--by", "赵敏", "--on", "2026-12-29").stderr).toContain("赵敏 may approve up to 1000.00 CNY");
    const other = sampleCopy();
    append(other, '\n2026-12-30 custom "approval-limit" "赵 敏" 2000.00 CNY\n');
    const run = cli("approve", other, CLAIM, "--by", "赵敏", "--on", "2026-12-30");
    expect(run.code, run.stderr).toBe(0);
    expect(diagnosticLines(run.stderr).map((d) => d.message)).toEqual([]);
    expect(claimRow(other, CLAIM).status).toBe("approved");
  });

  it("an approver with no limit covers nothing once limits exist; a limit covers only its currency", () => {
    const file = sampleCopy();
    append(file, '\n2026-01-01 custom "approval-limit" "Frank" 100000.00 USD\n');
    expect(cli("approve", file, CLAIM, "--by", "李四", "--on", "2026-12-29").code).toBe(0);
    expect(cli("approve", file, CLAIM, "--by", "Frank", "--on", "2026-12-30").code).toBe(0);
    expect(diagnosticLines(cli("check", file).stderr).filter((d) => d.message.startsWith(CLAIM)).map((d) => d.message)).toEqual([
      "EC-2026-142: approvals do not cover 1376.00 CNY (李四 has no approval limit on 2026-12-29; Frank may approve up to 100000.00 USD); posting it will be refused until it has an approval by 孙强 or 周建国",
    ]);
  });

  it("without any declared limit, one approval by someone other than the claimant is enough", () => {
    const pending = claim({ date: "2026-02-01", id: "EC-1", lines: ["Expenses:Visits   99999.00 CNY", "Liabilities:Payable"] });
    // In a claim file, and (the old layout) written in the books.
    for (const { file, claims } of [smallJournal(pending), { file: journal(SMALL_ACCOUNTS + pending), claims: null }]) {
      const approve = cli("approve", file, "EC-1", "--by", "赵敏");
      expect(approve.code, approve.stderr).toBe(0);
      expect(diagnosticLines(approve.stderr).filter((d) => !IN_BOOKS.test(d.message))).toEqual([]);
      expect(read(claims ?? file)).toContain('  approved-by: "赵敏"\n');
      const post = cli("post", file, "EC-1");
      expect(post.code, post.stderr).toBe(0);
      expect(read(file)).toMatch(/^2026-02-01 \* "王伟"/m);
      expect(cli("check", file)).toMatchObject({ code: 0, stderr: "" });
    }
  });

  it("reports approval-limit declarations it cannot read, where they are", () => {
    const text = [
      '2026-01-01 custom "approval-limit" 1000.00 CNY',
      '2026-01-01 custom "approval-limit" "赵敏"',
      '2026-01-01 custom "approval-limit" "赵敏" -5.00 CNY',
      '2026-01-01 custom "approval-limit" " \u200b" 1000.00 CNY',
      '2026-01-01 custom "approval-limit" "赵敏" 1000.00 CNY "extra"',
      "",
    ].join("\n");
    const file = journal(text);
    const run = cli("check", file);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => [d.line, d.column, d.message])).toEqual([
      [1, 1, 'approval-limit needs a person\'s name first: custom "approval-limit" "NAME" AMOUNT'],
      [2, 1, 'approval-limit needs an amount such as 1000.00 CNY after the name: custom "approval-limit" "NAME" AMOUNT'],
      [3, 1, 'an approval limit cannot be negative: custom "approval-limit" "NAME" AMOUNT'],
      [4, 1, 'approval-limit needs a person\'s name first: custom "approval-limit" "NAME" AMOUNT'],
      [5, 1, 'approval-limit takes a name and an amount, nothing more: custom "approval-limit" "NAME" AMOUNT'],
    ]);
  });

  it("a claim without a claimant is an error, pending (in a claim file or in the books) or posted", () => {
    const { file, claims } = smallJournal(`2026-02-01 ! "王伟" "no claimant"
  claim: "EC-1"
  Expenses:Visits   10.00 CNY
  Liabilities:Payable
`, `
2026-02-01 * "王伟" "empty claimant"
  claim: "EC-2"
  claimant: " "
  approved-by: "赵敏"
  Expenses:Visits   10.00 CNY
  Liabilities:Payable

2026-02-02 ! "王伟" "no claimant, in the old layout"
  claim: "EC-3"
  Expenses:Visits   10.00 CNY
  Liabilities:Payable
`);
    const run = cli("check", file);
    expect(run.code).toBe(1);
    const lines = diagnosticLines(run.stderr);
    expect(lines.filter((d) => !IN_BOOKS.test(d.message)).map((d) => [d.file, d.line, d.message])).toEqual([
      [file, 5, 'EC-2: no claimant (add claimant: "NAME", the person it reimburses)'],
      [file, 12, 'EC-3: no claimant (add claimant: "NAME", the person it reimburses)'],
      [claims, 1, 'EC-1: no claimant (add claimant: "NAME", the person it reimburses)'],
    ]);
    expect(lines.filter((d) => IN_BOOKS.test(d.message)).map((d) => [d.file, d.line, d.severity])).toEqual([[file, 12, "warning"]]);
    for (const id of ["EC-1", "EC-3"]) {
      const before = { books: read(file), claims: read(claims) };
      const approve = cli("approve", file, id, "--by", "赵敏");
      expect(approve.code).toBe(1);
      expect(diagnosticLines(approve.stderr).filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
        `${id} not approved: no claimant (add claimant: "NAME", the person it reimburses)`,
      ]);
      expect({ books: read(file), claims: read(claims) }).toEqual(before);
    }
  });

  it("checks the dates of further approvals, and posting after the last of them", () => {
    const text = `2026-01-01 open Expenses:Visits CNY
2026-01-01 open Liabilities:Payable CNY

${claim({ date: "2026-02-10", id: "EC-1", flag: "*", meta: ['approved-by: "赵敏"', "approved-on: 2026-02-10", 'approved-by-2: "孙强"', "approved-on-2: 2026-02-09"], lines: ["Expenses:Visits   10.00 CNY", "Liabilities:Payable"] })}
${claim({ date: "2026-02-10", id: "EC-2", flag: "*", meta: ['approved-by: "赵敏"', "approved-on: 2026-02-10", 'approved-by-2: "孙强"', "approved-on-2: 2026-02-12", "posted-on: 2026-02-11"], lines: ["Expenses:Visits   10.00 CNY", "Liabilities:Payable"] })}
${claim({ date: "2026-02-10", id: "EC-3", flag: "*", meta: ['approved-by: "赵敏"', 'approved-by-2: "Zhao Min"', 'approved-by-3: "赵 敏"', 'approved-on-3: "soon"'], lines: ["Expenses:Visits   10.00 CNY", "Liabilities:Payable"] })}`;
    const run = cli("check", journal(text));
    expect(diagnosticLines(run.stderr).map((d) => `${d.severity}: ${d.message}`)).toEqual([
      "error: EC-1: approved-on-2 2026-02-09 is before the claim date 2026-02-10",
      "error: EC-2: posted-on 2026-02-11 is before approved-on-2 2026-02-12",
      "warning: EC-3: 赵 敏 approves it twice (approved-by and approved-by-3); one person's approval counts once",
      "error: EC-3: approved-on-3 must be a date such as 2026-03-06",
    ]);
  });
});

const SMALL_ACCOUNTS = "2026-01-01 open Expenses:Visits CNY\n2026-01-01 open Liabilities:Payable CNY\n";

/**
 * A small journal whose books (its accounts, then `books`) declare claims/*.beancount, with
 * `claims` as claims/2026.beancount; returns both paths.
 */
function smallJournal(claims: string, books = ""): { file: string; claims: string } {
  const file = journal(`2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n${SMALL_ACCOUNTS}${books}`);
  const claimFile = join(dirname(file), "claims", "2026.beancount");
  mkdirSync(dirname(claimFile), { recursive: true });
  writeFileSync(claimFile, claims);
  return { file, claims: claimFile };
}

describe("claims: who may still approve", () => {
  it("lists the people whose limit covers the claim, lowest first, without the claimant or earlier approvers", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    // 周建国's own 12000.00 CNY claim can only go to someone with a limit of at least that much.
    append(claims, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-150", claimant: "周建国",
      lines: [`${VISIT}   12000.00 CNY`, `  invoice: "26312099999999999912"`, `  receipt: "${newReceipt(claims, "ec-2026-150")}"`, PAYABLE],
    }));
    append(file, '\n2026-01-01 custom "approval-limit" "董事长 刘总" 100000.00 CNY\n');
    expect(cli("approve", file, "EC-2026-150", "--by", "孙强").code).toBe(0);
    expect(claimRow(file, "EC-2026-150")).toMatchObject({ status: "partly approved", awaiting: "董事长 刘总" });
    expect(cli("approve", file, CLAIM, "--by", "吴芳").code).toBe(0);
    expect(claimRow(file, CLAIM).awaiting).toBe("孙强, 周建国, 董事长 刘总");

    const json = JSON.parse(cli("claims", file, "--format", "json", "--status", "approved").stdout) as { claims: { claim: string; status: string; awaiting: string[] }[] };
    expect(json.claims.map((row) => [row.claim, row.status, row.awaiting])).toEqual([
      ["EC-2026-133", "approved", []], ["EC-2026-138", "approved", []],
      ["EC-2026-142", "partly approved", ["孙强", "周建国", "董事长 刘总"]], ["EC-2026-150", "partly approved", ["董事长 刘总"]],
    ]);
    // The table has the column only while some listed claim is partly approved.
    const table = runCli(["claims", file, "-b", "2026-12-28"], { ...TODAY, COLUMNS: "300" }).stdout;
    expect(table.split("\n")[0]).toMatch(/Problems\s+Awaiting$/);
    expect(table).toMatch(/EC-2026-150 .* partly approved .* claim-approval-limit\s+董事长 刘总\n/);
    expect(runCli(["claims", file, "-e", "2026-12-28"], { ...TODAY, COLUMNS: "300" }).stdout.split("\n")[0]).toMatch(/Problems$/);
  });

  it("says no one when no declared limit covers the claim", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    append(claims, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-150", claimant: "周建国",
      lines: [`${VISIT}   60000.00 CNY`, `  invoice: "26312099999999999913"`, `  receipt: "${newReceipt(claims, "ec-2026-150")}"`, PAYABLE],
    }));
    const run = cli("approve", file, "EC-2026-150", "--by", "孙强");
    expect(run.code, run.stderr).toBe(0);
    expect(read(claims)).toContain('  approved-by: "孙强"\n');
    expect(diagnosticLines(run.stderr).map((d) => d.message)).toContain(
      "EC-2026-150: approvals do not cover 60000.00 CNY (孙强 may approve up to 5000.00 CNY); posting it will be refused until it has an approval by someone whose limit covers it, and no declared approval limit does",
    );
    expect(claimRow(file, "EC-2026-150")).toMatchObject({ status: "partly approved", awaiting: "no one" });
  });

  it("--claimant matches names after normalisation", () => {
    const file = sampleCopy();
    const ids = (name: string) => parseCsv(cli("claims", file, "--format", "csv", "--claimant", name, "-b", "2026-12-01").stdout).slice(1).map((row) => row[0]);
    expect(ids("王伟")).toEqual(["EC-2026-122", "EC-2026-142"]);
    expect(ids("王 伟")).toEqual(["EC-2026-122", "EC-2026-142"]);
    expect(ids("王伟\u200b")).toEqual(["EC-2026-122", "EC-2026-142"]);
    expect(ids("王")).toEqual([]);
  });
});
