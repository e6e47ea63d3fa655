// `feeledger pay` through the real CLI: the entry it writes, the bank file, advances offset, and
// every refusal (each leaves the journal byte-identical and writes no bank file).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { runCli } from "../helpers/cli.js";
import { join, dirname } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/main.js";
import { runPay } from "../../src/cli/commands/pay.js";
import { parseCsv } from "../helpers/csv.js";
import {
  BANK, CASH, CHART, LI, LI_ADVANCE, WANG, WANG_ADVANCE, ZHANG, advance, approvedClaim, cli, exists, journal, postedClaim, read,
  removeTemporaryFolders, sampleCopy,
} from "./journal.js";

afterAll(removeTemporaryFolders);

/**
 * What the command appended to the file, with runs of spaces squeezed to two (the amounts are
 * aligned to the file's usual column: the sample test checks that).
 */
function appended(before: string, after: string): string {
  expect(after.startsWith(before)).toBe(true);
  return after.slice(before.length).replace(/ {2,}/g, "  ");
}

/** Run pay, which must refuse: exit 1, the messages on stderr, the journal unchanged, no bank file. */
function expectRefused(file: string, args: readonly string[], ...messages: string[]) {
  const before = read(file);
  const bankFile = join(dirname(file), "bank.csv");
  const run = cli("pay", file, ...args, "--bank-file", bankFile);
  expect(run.code, run.stderr).toBe(1);
  for (const message of messages) expect(run.stderr).toContain(message);
  expect(run.stderr).toContain("nothing was written");
  expect(read(file)).toBe(before);
  expect(exists(bankFile)).toBe(false);
  return run;
}

const TWO_EMPLOYEES = CHART
  + postedClaim("EC-2026-001", "2026-03-02", WANG, "300.00")
  + postedClaim("EC-2026-002", "2026-03-03", LI, "80.50", "李娜")
  + postedClaim("EC-2026-003", "2026-03-01", WANG, "120.00");

describe("pay", () => {
  it("writes one entry per payment: Dr each payable, Cr the bank, a link per claim; and the bank file", () => {
    const file = journal(TWO_EMPLOYEES);
    const before = read(file);
    const bankFile = join(dirname(file), "代发.csv");
    const run = cli("pay", file, "--all", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(appended(before, read(file))).toBe(`
2026-03-20 * "工商银行" "报销款支付（网银批量代付）" ^EC-2026-003 ^EC-2026-001 ^EC-2026-002
  Liabilities:2241-其他应付款:E01-王伟  420.00 CNY
  Liabilities:2241-其他应付款:E02-李娜  80.50 CNY
  Assets:1002-银行存款:01-工商银行  -500.50 CNY
`);
    const bytes = read(bankFile);
    expect(bytes.startsWith("\ufeff")).toBe(true);
    expect(bytes).toBe("\ufeff序号,收款人姓名,收款账号,开户行,金额,币种,用途\r\n"
      + "1,王伟,6222000000000000101,工商银行上海张江支行,420.00,CNY,报销款 EC-2026-003 EC-2026-001\r\n"
      + "2,李娜,6214000000000000202,招商银行深圳科技园支行,80.50,CNY,报销款 EC-2026-002\r\n");
    expect(run.stdout).toContain("Paid 3 claims on 2026-03-20 from Assets:1002-银行存款:01-工商银行: 500.50 CNY");
    expect(run.stdout).toContain(`Wrote the bank file ${bankFile} (2 rows).`);
    expect(cli("check", file).code).toBe(0);
    // Paid now: nothing left to pay, and `claims` says so.
    expect(cli("pay", file, "--all", "--from", BANK, "--on", "2026-03-21").stdout).toBe("Nothing to pay: no posted claim dated on or before 2026-03-21 is still owed.\n");
    const claims = parseCsv(cli("claims", file, "--format", "csv").stdout);
    expect(claims.slice(1).map((row) => [row[0], row[11], row[12]])).toEqual([
      ["EC-2026-003", "paid", "0.00"], ["EC-2026-001", "paid", "0.00"], ["EC-2026-002", "paid", "0.00"],
    ]);
  });

  it("pays named claims only, and without --bank-file says 报销款支付", () => {
    const file = journal(TWO_EMPLOYEES);
    const before = read(file);
    const run = cli("pay", file, "EC-2026-001", "--from", CASH, "--on", "2026-03-20");
    expect(run.code, run.stderr).toBe(0);
    expect(appended(before, read(file))).toBe(`
2026-03-20 * "库存现金" "报销款支付" ^EC-2026-001
  Liabilities:2241-其他应付款:E01-王伟  300.00 CNY
  Assets:1001-库存现金  -300.00 CNY
`);
    const unpaid = parseCsv(cli("claims", file, "--unpaid", "--format", "csv").stdout).slice(1).map((row) => row[0]);
    expect(unpaid).toEqual(["EC-2026-003", "EC-2026-002"]);
  });

  it("pays what is still owed on a partly paid claim", () => {
    const file = journal(TWO_EMPLOYEES + `
2026-03-10 * "工商银行" "部分支付" ^EC-2026-001
  ${WANG}  100.00 CNY
  ${BANK}
`);
    const partly = parseCsv(cli("claims", file, "--unpaid", "--format", "csv").stdout).find((row) => row[0] === "EC-2026-001");
    expect([partly![11], partly![12]]).toEqual(["partly", "200.00"]);
    const before = read(file);
    expect(cli("pay", file, "EC-2026-001", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
    expect(appended(before, read(file))).toContain(`  ${WANG}  200.00 CNY\n`);
    expect(parseCsv(cli("claims", file, "--format", "csv").stdout).find((row) => row[0] === "EC-2026-001")![11]).toBe("paid");
  });

  it("offsets an employee's open advance: Dr payable, Cr the receivable, Cr the bank for the rest", () => {
    const file = journal(TWO_EMPLOYEES + advance("2026-02-20", WANG_ADVANCE, "150.00"));
    const before = read(file);
    const bankFile = join(dirname(file), "bank.csv");
    const run = cli("pay", file, "--all", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile);
    expect(run.code, run.stderr).toBe(0);
    expect(appended(before, read(file))).toBe(`
2026-03-20 * "工商银行" "报销款支付（网银批量代付）" ^EC-2026-003 ^EC-2026-001 ^EC-2026-002
  Liabilities:2241-其他应付款:E01-王伟  420.00 CNY
  Assets:1221-其他应收款:E01-王伟  -150.00 CNY
  Liabilities:2241-其他应付款:E02-李娜  80.50 CNY
  Assets:1002-银行存款:01-工商银行  -350.50 CNY
`);
    expect(run.stdout).toContain("王伟: 420.00 CNY owed, 150.00 CNY offset against the open advance on Assets:1221-其他应收款:E01-王伟 (150.00 CNY), 270.00 CNY paid");
    expect(parseCsv(read(bankFile)).slice(1).map((row) => [row[1], row[4]])).toEqual([["王伟", "270.00"], ["李娜", "80.50"]]);
    const balances = parseCsv(cli("bal", file, "1221|2241", "--format", "csv").stdout).slice(1);
    expect(balances).toEqual([]); // the advance and both payables are settled
  });

  it("offsets only what is owed when the advance is larger; the bank then pays nothing and the file has no row", () => {
    const file = journal(CHART + postedClaim("EC-1", "2026-03-02", WANG, "100.00") + advance("2026-02-20", WANG_ADVANCE, "300.00"));
    const before = read(file);
    const bankFile = join(dirname(file), "bank.csv");
    const run = cli("pay", file, "EC-1", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile);
    expect(run.code, run.stderr).toBe(0);
    expect(appended(before, read(file))).toBe(`
2026-03-20 * "工商银行" "报销款支付（网银批量代付）" ^EC-1
  Liabilities:2241-其他应付款:E01-王伟  100.00 CNY
  Assets:1221-其他应收款:E01-王伟  -100.00 CNY
`);
    expect(read(bankFile)).toBe("\ufeff序号,收款人姓名,收款账号,开户行,金额,币种,用途\r\n");
    expect(cli("bal", file, "1221", "--format", "csv").stdout).toContain(`${WANG_ADVANCE},CNY,200.00`);
  });

  it("--no-offset pays in full; advance-account names the receivable when the codes do not match", () => {
    const file = journal(TWO_EMPLOYEES + advance("2026-02-20", WANG_ADVANCE, "150.00"));
    const before = read(file);
    expect(cli("pay", file, "EC-2026-001", "--from", BANK, "--on", "2026-03-20", "--no-offset").code).toBe(0);
    expect(appended(before, read(file))).not.toContain("1221");

    const named = journal(CHART.replace(`open ${LI}\n`, `open ${LI}\n  advance-account: ${WANG_ADVANCE}\n`)
      + postedClaim("EC-1", "2026-03-02", LI, "100.00", "李娜") + advance("2026-02-20", WANG_ADVANCE, "40.00") + advance("2026-02-20", LI_ADVANCE, "70.00"));
    const namedBefore = read(named);
    expect(cli("pay", named, "EC-1", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
    expect(appended(namedBefore, read(named))).toContain(`  ${WANG_ADVANCE}  -40.00 CNY\n  ${BANK}  -60.00 CNY\n`);
  });

  it("does not offset an advance paid back or given after the payment date", () => {
    const file = journal(CHART + postedClaim("EC-1", "2026-03-02", WANG, "100.00") + advance("2026-03-25", WANG_ADVANCE, "50.00")
      + advance("2026-02-01", WANG_ADVANCE, "30.00") + `
2026-02-10 * "还款"
  ${CASH}  30.00 CNY
  ${WANG_ADVANCE}
`);
    const before = read(file);
    expect(cli("pay", file, "EC-1", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
    expect(appended(before, read(file))).not.toContain("1221");
  });

  it("keeps CRLF line ends, a BOM, and a file without a final newline", () => {
    const crlf = journal(`\ufeff${TWO_EMPLOYEES.replace(/\n/g, "\r\n")}`);
    const before = read(crlf);
    expect(cli("pay", crlf, "EC-2026-002", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
    expect(appended(before, read(crlf))).toBe(`\r\n2026-03-20 * "工商银行" "报销款支付" ^EC-2026-002\r\n  ${LI}  80.50 CNY\r\n  ${BANK}  -80.50 CNY\r\n`);
    const open = journal(TWO_EMPLOYEES.trimEnd());
    const openBefore = read(open);
    expect(cli("pay", open, "EC-2026-002", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
    expect(appended(openBefore, read(open))).toBe(`\n\n2026-03-20 * "工商银行" "报销款支付" ^EC-2026-002\n  ${LI}  80.50 CNY\n  ${BANK}  -80.50 CNY`);
  });

  it("--dry-run prints the entry as a diff and writes nothing", () => {
    const file = journal(TWO_EMPLOYEES);
    const before = read(file);
    const bankFile = join(dirname(file), "bank.csv");
    const run = cli("pay", file, "EC-2026-002", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile, "--dry-run");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`+2026-03-20 * "工商银行" "报销款支付（网银批量代付）" ^EC-2026-002\n+  ${LI}  80.50 CNY\n`);
    expect(run.stderr).toBe(`1 claim would be paid (80.50 CNY from ${BANK}), and ${bankFile} with 1 row; nothing was written (--dry-run)\n`);
    expect(read(file)).toBe(before);
    expect(exists(bankFile)).toBe(false);
  });

  it("goes to the post-to file of the payment's month, which the journal must include", () => {
    const option = `2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}-{MM}.beancount"\n`;
    const file = journal(`${TWO_EMPLOYEES}${option}include "books/*.beancount"\n`);
    const books = join(dirname(file), "books");
    mkdirSync(books);
    writeFileSync(join(books, "2026-03.beancount"), "; 三月\n");
    const main = read(file);
    expect(cli("pay", file, "EC-2026-002", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
    expect(read(file)).toBe(main);
    expect(read(join(books, "2026-03.beancount"))).toBe(`; 三月\n\n2026-03-20 * "工商银行" "报销款支付" ^EC-2026-002\n  ${LI}  80.50 CNY\n  ${BANK}  -80.50 CNY\n`);
    expectRefused(file, ["EC-2026-001", "--from", BANK, "--on", "2026-04-02"], `"post-to" names books/2026-04.beancount for 2026-04-02, which the journal does not include`);
  });
});

describe("pay, less common journals", () => {
  it("pays each commodity on its own: one credit to the bank and one bank file row per employee and commodity", () => {
    const file = journal(CHART.replace(`open ${BANK} CNY`, `open ${BANK}`) + `
2026-01-03 * "股东" "美元户"
  ${BANK}  100.00 USD
  Equity:4001-实收资本
` + postedClaim("EC-1", "2026-03-02", WANG, "300.00") + postedClaim("EC-2", "2026-03-03", WANG, "300.00").replace(/ CNY/g, " USD").replace("300.00", "12.50"));
    const before = read(file);
    const bankFile = join(dirname(file), "bank.csv");
    const run = cli("pay", file, "--all", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile);
    expect(run.code, run.stderr).toBe(0);
    expect(appended(before, read(file))).toBe(`
2026-03-20 * "工商银行" "报销款支付（网银批量代付）" ^EC-1 ^EC-2
  Liabilities:2241-其他应付款:E01-王伟  300.00 CNY
  Liabilities:2241-其他应付款:E01-王伟  12.50 USD
  Assets:1002-银行存款:01-工商银行  -300.00 CNY
  Assets:1002-银行存款:01-工商银行  -12.50 USD
`);
    expect(parseCsv(read(bankFile)).slice(1).map((row) => [row[1], row[4], row[5], row[6]])).toEqual([["王伟", "300.00", "CNY", "报销款 EC-1"], ["王伟", "12.50", "USD", "报销款 EC-2"]]);
  });

  it("with --all, skips (with a warning) a claim whose id cannot be a beancount link, and pays the rest", () => {
    const file = journal(TWO_EMPLOYEES + postedClaim("EC-2026-004", "2026-03-04", LI, "10.00", "李娜").replace(" ^EC-2026-004", "").replace(/EC-2026-004/g, "报销 4"));
    const run = cli("pay", file, "--all", "--from", BANK, "--on", "2026-03-20");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("warning: 报销 4 not paid: its id cannot be written as a beancount link");
    expect(run.stdout).toContain("Paid 3 claims");
    expectRefused(file, ["报销 4", "--from", BANK, "--on", "2026-03-20"], "报销 4 not paid: its id cannot be written as a beancount link");
  });

  it("writes English words in a journal without Chinese account names", () => {
    const file = journal(`2026-01-01 open Assets:Bank:Checking USD
2026-01-01 open Liabilities:Payable:Employees:Alice
2026-01-01 open Expenses:Visits
2026-01-01 open Equity:Opening

2026-01-02 * "Opening"
  Assets:Bank:Checking  1000.00 USD
  Equity:Opening

2026-02-01 * "Alice" "Client lunch" ^EC-7
  claim: "EC-7"
  claimant: "Alice"
  approved-by: "Bob"
  Expenses:Visits  42.00 USD
  Liabilities:Payable:Employees:Alice
`);
    const before = read(file);
    expect(cli("pay", file, "EC-7", "--from", "Assets:Bank:Checking", "--on", "2026-02-10").code).toBe(0);
    expect(appended(before, read(file))).toBe(`
2026-02-10 * "Checking" "Expense claims reimbursed" ^EC-7
  Liabilities:Payable:Employees:Alice  42.00 USD
  Assets:Bank:Checking  -42.00 USD
`);
  });
});

describe("pay refuses, writing nothing", () => {
  it("claims not posted, already paid, unknown, settled in cash, or dated after the payment; all named claims or none", () => {
    const file = journal(TWO_EMPLOYEES + approvedClaim("EC-2026-009", "2026-03-04", WANG, "10.00") + `
2026-03-05 * "王伟" "现金报销" ^EC-2026-010
  claim: "EC-2026-010"
  claimant: "王伟"
  approved-by: "赵敏"
  Expenses:6602-管理费用:01-客户拜访  30.00 CNY
  ${CASH}

2026-03-10 * "工商银行" "报销款支付" ^EC-2026-003
  ${WANG}  120.00 CNY
  ${BANK}
`);
    const run = expectRefused(file, ["EC-2026-001", "EC-2026-009", "EC-2026-003", "EC-2026-404", "EC-2026-010", "--from", BANK, "--on", "2026-03-04"],
      "error: EC-2026-009 not paid: it is not posted (it is approved); post it first",
      "error: EC-2026-003 not paid: it is already paid (2026-03-10 at",
      "feeledger: EC-2026-404 not paid: no claim EC-2026-404 in the journal",
      "error: EC-2026-010 not paid: it owes nothing: it credits no liability account");
    expect(run.stderr).not.toContain("EC-2026-001 not paid");
    expectRefused(file, ["EC-2026-002", "--from", BANK, "--on", "2026-03-02"], "EC-2026-002 not paid: it is dated 2026-03-03, after the payment date 2026-03-02");
  });

  it("an account that is not an asset, or not open", () => {
    const file = journal(TWO_EMPLOYEES);
    expectRefused(file, ["--all", "--from", ZHANG, "--on", "2026-03-20"], `--from ${ZHANG} is not an asset account`);
    expectRefused(file, ["--all", "--from", "Assets:1002-银行存款:02-招商银行", "--on", "2026-03-20"], "--from Assets:1002-银行存款:02-招商银行 is not open on 2026-03-20");
  });

  it("a payment that takes a no-negative account below zero", () => {
    const file = journal(TWO_EMPLOYEES);
    expectRefused(file, ["--all", "--from", CASH, "--on", "2026-03-20"],
      "feeledger: payment refused: Assets:1001-库存现金 goes below zero: -0.50 CNY after the payment (opened with no-negative: TRUE)");
  });

  it("a payment that breaks a later balance assertion (the sample's year-end balance)", () => {
    const file = sampleCopy();
    expect(cli("post", file, "EC-2026-133", "--on", "2026-12-31").code).toBe(0);
    expectRefused(file, ["EC-2026-133", "--from", "Assets:1002-银行存款:01-工商银行", "--on", "2026-12-31"],
      "error: Balance failed for 'Assets:1002-银行存款:01-工商银行': expected 285202.00 CNY != accumulated 281242.00 CNY (3960.00 too little)");
  });

  it("an employee paid through the bank without bank-account, when a bank file is asked for", () => {
    const file = journal(CHART + postedClaim("EC-1", "2026-03-02", ZHANG, "100.00", "张磊"));
    expectRefused(file, ["EC-1", "--from", BANK, "--on", "2026-03-20"], `${ZHANG} has no bank-account on its open, which the bank file needs`);
    // Without a bank file the payment is fine.
    expect(cli("pay", file, "EC-1", "--from", BANK, "--on", "2026-03-20").code).toBe(0);
  });

  it("a bank file that already exists", () => {
    const file = journal(TWO_EMPLOYEES);
    const bankFile = join(dirname(file), "old.csv");
    writeFileSync(bankFile, "an earlier batch\n");
    const before = read(file);
    const run = cli("pay", file, "--all", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("already exists; nothing was written");
    expect(read(file)).toBe(before);
    expect(read(bankFile)).toBe("an earlier batch\n");
  });

  it("a journal that changed on disk since it was read (and the bank file made for it is taken back)", () => {
    const file = journal(TWO_EMPLOYEES);
    const bankFile = join(dirname(file), "bank.csv");
    let stdout = "";
    let stderr = "";
    const io: Io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: { NO_COLOR: "1" }, stdoutIsTty: false, stderrIsTty: false };
    const someoneElse = `${read(file)}; edited meanwhile\n`;
    const code = runPay(io, {
      file, claims: "all", from: BANK, on: "2026-03-20", offset: true, bankFile, dryRun: false, color: false,
      beforeWrite: () => writeFileSync(file, someoneElse),
    });
    expect(code).toBe(1);
    expect(stderr).toContain("changed on disk since it was read; nothing was written");
    expect(stdout).toBe("");
    expect(read(file)).toBe(someoneElse);
    expect(exists(bankFile)).toBe(false);
  });

  it("a write that fails part way (a full disk) or is refused (the journal became a FIFO): one message, the bank file taken back", () => {
    const failing = journal(TWO_EMPLOYEES);
    const before = read(failing);
    const bankFile = join(dirname(failing), "bank.csv");
    const full = runCli(["pay", failing, "--all", "--from", BANK, "--on", "2026-03-20", "--bank-file", bankFile], { FEELEDGER_TODAY: "2026-03-31", FEELEDGER_FAIL_WRITE_AFTER_BYTES: "10" });
    expect(full.code, full.stderr).toBe(1);
    expect(full.stderr).toContain("feeledger: cannot write the journal: ENOSPC");
    expect(read(failing)).toBe(before);
    expect(exists(bankFile)).toBe(false);

    const file = journal(TWO_EMPLOYEES);
    let stdout = "";
    let stderr = "";
    const io: Io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: { NO_COLOR: "1" }, stdoutIsTty: false, stderrIsTty: false };
    const code = runPay(io, {
      file, claims: "all", from: BANK, on: "2026-03-20", offset: true, bankFile: null, dryRun: false, color: false,
      beforeWrite: () => { rmSync(file); execFileSync("mkfifo", [file]); },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^feeledger: .*FIFO.*nothing was written\n$/);
    expect(stdout).toBe("");
  });

  it("usage: no claims, claims and --all, no --from", () => {
    const file = journal(TWO_EMPLOYEES);
    expect(cli("pay", file, "--from", BANK).code).toBe(2);
    expect(cli("pay", file, "EC-2026-001", "--all", "--from", BANK).code).toBe(2);
    expect(cli("pay", file, "EC-2026-001").stderr).toContain("pay needs --from ACCOUNT");
  });
});
