// Closing months of small journals through the real CLI: how vouchers are numbered and written,
// where the close goes, the rule the writers follow (post, amortize, pay), and what `check` says
// about period directives.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { checkErrors, cli, journal, lineOf, ok, read, removeTemporaryFolders, vouchersOf, write } from "./journal.js";

afterAll(removeTemporaryFolders);

const CHART = `option "operating_currency" "CNY"

2026-01-01 open Assets:Bank CNY
2026-01-01 open Expenses:Fees CNY
2026-01-01 open Liabilities:Payable CNY
2026-01-01 open Equity:Opening CNY
`;

const entry = (date: string, narration: string, amount = "10.00", meta: string[] = []) =>
  [`${date} * "${narration}"`, ...meta.map((line) => `  ${line}`), `  Expenses:Fees  ${amount} CNY`, "  Liabilities:Payable", ""].join("\n");

/** The text with the voucher lines close-period adds (记-0001 ..., 转-0008 ...) taken out again. */
const withoutVouchers = (text: string) => text.replace(/^[ \t]*voucher: "(?:记-000[1-9]|转-00(?:0[89]|10))"\r?\n/gm, "");

describe("voucher numbers", () => {
  it("go in date order then file order, keep numbers written by hand and continue after the highest, in the journal's 凭证字", () => {
    const text = [
      CHART,
      '2026-01-01 custom "feeledger-option" "voucher-word" "转"',
      "",
      entry("2026-01-20", "third by date"),
      entry("2026-01-05", "first by date, with metadata", "10.00", ['customer: "ACME"']),
      entry("2026-01-20", "fourth: same day, later in the file"),
      entry("2026-01-10", "numbered by hand", "10.00", ['voucher: "转-0007"']),
      "2026-01-02 pad Assets:Bank Equity:Opening",
      "2026-01-03 balance Assets:Bank  500.00 CNY",
      entry("2026-02-01", "February"),
    ].join("\n");
    const file = journal(text);
    const run = ok("close-period", file, "2026-01", "--by", "钱坤");
    expect(run.stdout).toBe(`Closed 2026-01 by 钱坤 on 2027-01-15: 3 vouchers numbered 转-0008 to 转-0010 (${file}:${lineOf(read(file), '2026-01-31 custom "period-closed"')}).\n`);
    const after = read(file);
    // The pad's entry, the balance and the open get no number; February's entry is left alone.
    expect(vouchersOf(after, "2026-")).toEqual([
      { date: "2026-01-20", voucher: "转-0009" },
      { date: "2026-01-05", voucher: "转-0008" },
      { date: "2026-01-20", voucher: "转-0010" },
      { date: "2026-01-10", voucher: "转-0007" },
      { date: "2026-02-01", voucher: null },
    ]);
    // After the last metadata line, or as the first one.
    expect(after).toContain('2026-01-05 * "first by date, with metadata"\n  customer: "ACME"\n  voucher: "转-0008"\n  Expenses:Fees');
    expect(after).toContain('2026-01-20 * "third by date"\n  voucher: "转-0009"\n  Expenses:Fees');
    expect(after).toMatch(/\n2026-01-31 custom "period-closed" "2026-01"\n  digest: "sha256:[0-9a-f]{64}"\n  totals: "Assets:Bank 500.00 CNY; Equity:Opening -500.00 CNY; Expenses:Fees 40.00 CNY; Liabilities:Payable -40.00 CNY"\n  last-voucher: "转-0010"\n  closed-by: "钱坤"\n  closed-on: 2027-01-15\n$/);
    // Every other byte as it was.
    expect(withoutVouchers(after)).toBe(`${text}\n${after.slice(after.indexOf("2026-01-31 custom"))}`);
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
  });

  it("keep a CRLF file's line endings, and every other byte", () => {
    const text = `${CHART}\n${entry("2026-01-05", "a", "10.00", ['customer: "ACME"  ; a comment'])}\n${entry("2026-01-06", "b")}`.replace(/\n/g, "\r\n");
    const file = journal(text);
    ok("close-period", file, "2026-01", "--by", "钱坤");
    const after = read(file);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(after).toContain('  customer: "ACME"  ; a comment\r\n  voucher: "记-0001"\r\n');
    expect(withoutVouchers(after).startsWith(text)).toBe(true);
    expect(after).toMatch(/\r\n\r\n2026-01-31 custom "period-closed" "2026-01"\r\n(?:  [^\r\n]*\r\n){5}$/);
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
  });

  it("are checked in closed months: one missing or given twice is an error", () => {
    const file = journal(`${CHART}\n${entry("2026-01-05", "a")}\n${entry("2026-01-06", "b")}`);
    ok("close-period", file, "2026-01", "--by", "钱坤");
    write(file, read(file).replace('voucher: "记-0002"', 'voucher: "记-0001"'));
    let { errors } = checkErrors(file);
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [lineOf(read(file), '2026-01-06 * "b"'), "Voucher 记-0001 of 2026-01 is also the number of the transaction dated 2026-01-05; a number is given once"],
    ]);
    write(file, read(file).replace(/\n  voucher: "记-0001"(?=\n  Expenses:Fees  10.00 CNY\n  Liabilities:Payable\n\n2026-01-31)/, ""));
    ({ errors } = checkErrors(file));
    expect(errors.map((error) => error.message)).toEqual([
      "This transaction is in 2026-01, a closed month, and has no voucher number; a closed month's entries are all numbered when it is closed, so this one was added since (reopen the month with feeledger reopen-period to change it)",
    ]);
  });
});

describe("where the close goes", () => {
  it("into the post-to file for the month's last day; the reopening follows it there", () => {
    const main = journal(`${CHART}2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}-{MM}.beancount"\ninclude "books/*.beancount"\n`);
    const books = join(dirname(main), "books");
    mkdirSync(books);
    writeFileSync(join(books, "2026-01.beancount"), entry("2026-01-05", "a"));
    const run = ok("close-period", main, "2026-01", "--by", "钱坤");
    const january = join(books, "2026-01.beancount");
    expect(run.stdout).toBe(`Closed 2026-01 by 钱坤 on 2027-01-15: 1 voucher numbered 记-0001 (${january}:6).\n`);
    expect(read(january)).toMatch(/^2026-01-05 \* "a"\n  voucher: "记-0001"\n(?:.*\n){3}2026-01-31 custom "period-closed" "2026-01"\n/);
    // February's file does not exist: refused, with the include to add.
    const refused = cli("close-period", main, "2026-02", "--by", "钱坤");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`feeledger: 2026-02 not closed: "post-to" names books/2026-02.beancount for 2026-02-28, which the journal does not include`);
    const closedText = read(january);
    const dry = ok("reopen-period", main, "2026-01", "--by", "钱坤", "--reason", "补记", "--dry-run");
    expect(dry.stdout).toContain('+2026-01-31 custom "period-reopened" "2026-01"\n+  reopened-by: "钱坤"\n');
    expect(dry.stderr).toBe("2026-01 would be reopened; nothing was written (--dry-run)\n");
    expect(read(january)).toBe(closedText);
    ok("reopen-period", main, "2026-01", "--by", "钱坤", "--reason", "补记");
    expect(read(january)).toMatch(/\n2026-01-31 custom "period-reopened" "2026-01"\n  reopened-by: "钱坤"\n  reopened-on: 2027-01-15\n  reason: "补记"\n$/);
    expect(read(main)).not.toContain("period-");
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
  });
});

describe("the rule writers follow", () => {
  const claimsJournal = (books: string, claims: string) => {
    const main = journal(`${CHART}2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n\n${books}`);
    mkdirSync(join(dirname(main), "claims"));
    const claimFile = join(dirname(main), "claims", "pending.beancount");
    writeFileSync(claimFile, claims);
    return { main, claimFile };
  };
  const claim = (date: string, id: string, status: string) => [
    `${date} ! "王伟" "claim ${id}"`, `  claim: "${id}"`, '  claimant: "王伟"', `  status: "${status}"`,
    ...(status === "approved" ? ['  approved-by: "赵敏"', `  approved-on: ${date}`] : []),
    "  Expenses:Fees  25.00 CNY", "  Liabilities:Payable", "",
  ].join("\n");

  it("post: months before the first close are closed too; a claim dated there goes to the first open month", () => {
    const { main, claimFile } = claimsJournal(entry("2026-03-05", "March"), claim("2026-01-20", "EC-1", "approved"));
    ok("close-period", main, "2026-03", "--by", "钱坤");
    const run = ok("post", main, "EC-1", "--on", "2026-02-10");
    expect(run.stdout).toMatch(/^EC-1: posted on 2026-02-10, booked on 2026-04-01 as 2026-01 is closed \(incurred-on 2026-01-20\) \(moved from /);
    expect(read(main)).toContain('2026-04-01 * "王伟" "claim EC-1"\n  claim: "EC-1"\n  claimant: "王伟"\n  status: "posted"\n  approved-by: "赵敏"\n  approved-on: 2026-01-20\n  posted-on: 2026-02-10\n  incurred-on: 2026-01-20\n');
    expect(read(claimFile)).toBe("");
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
  });

  it("post: the post-to file is the one of the date the claim is booked on", () => {
    const main = journal(`${CHART}2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}-{MM}.beancount"\ninclude "books/*.beancount"\n`);
    mkdirSync(join(dirname(main), "books"));
    mkdirSync(join(dirname(main), "claims"));
    for (const month of ["01", "02"]) writeFileSync(join(dirname(main), "books", `2026-${month}.beancount`), entry(`2026-${month}-05`, month));
    writeFileSync(join(dirname(main), "claims", "pending.beancount"), claim("2026-01-20", "EC-1", "submitted"));
    ok("close-period", main, "2026-01", "--by", "钱坤");
    ok("approve", main, "EC-1", "--by", "赵敏", "--on", "2026-02-02");
    ok("post", main, "EC-1", "--on", "2026-02-03");
    expect(read(join(dirname(main), "books", "2026-02.beancount"))).toContain('2026-02-03 * "王伟" "claim EC-1"');
    expect(read(join(dirname(main), "books", "2026-01.beancount"))).not.toContain("EC-1");
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
  });

  it("post: a claim of the old layout, written in the books in a closed month, is refused", () => {
    const main = journal(`${CHART}\n${claim("2026-01-20", "EC-1", "approved")}\n${entry("2026-03-05", "March")}`);
    ok("close-period", main, "2026-03", "--by", "钱坤");
    const before = read(main);
    const run = cli("post", main, "EC-1", "--on", "2026-04-02");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: EC-1 not posted: it is written in the books in 2026-01, a closed month, where nothing may change; move its text to a claim file and post it from there (it is then booked in the first open month)");
    expect(read(main)).toBe(before);
  });

  it("close: a claim in progress written in the books in the month is in the way; errors in claim files are not", () => {
    let main = journal(`${CHART}\n${claim("2026-01-20", "EC-1", "submitted")}`);
    let run = cli("close-period", main, "2026-01", "--by", "钱坤");
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((line) => line.message)).toEqual([
      "EC-1 is a claim in progress written in the books, dated 2026-01-20: the close would freeze it as it is; move it to a claim file (or decide it) before closing 2026-01",
    ]);
    // A submitted claim in a claim file waits; one with an error there (no claimant) is not the books'.
    ({ main } = claimsJournal(entry("2026-01-05", "a"), `${claim("2026-01-20", "EC-1", "submitted")}\n${claim("2026-01-21", "EC-2", "submitted").replace('  claimant: "王伟"\n', "")}`));
    expect(cli("check", main).code).toBe(1);
    run = ok("close-period", main, "2026-01", "--by", "钱坤");
    expect(run.stdout).toContain("1 voucher numbered 记-0001");
  });

  it("amortize: a schedule in a closed month gets no schedule-id; its installments in open months are written", () => {
    const main = journal(`${CHART}2026-01-01 open Assets:Prepaid CNY\n\n2026-01-20 * "Zoho" "CRM"\n  Assets:Prepaid  1200.00 CNY\n    amortize: Expenses:Fees\n    months: 12\n    start: "next-month"\n  Liabilities:Payable\n`);
    ok("close-period", main, "2026-01", "--by", "钱坤");
    const run = ok("amortize", main, "--through", "2026-02");
    expect(run.stdout).toContain(`Wrote 1 installment to ${main}.\n`);
    expect(read(main)).not.toContain("schedule-id");
    expect(read(main)).toContain('2026-02-28 * "Zoho" "CRM amortization 1/12"\n  schedule: "2026-01-20-Prepaid"\n');
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
  });

  it("pay: a payment dated in a closed month is refused", () => {
    const main = journal(`${CHART}\n2026-01-02 * "opening"\n  Assets:Bank  1000.00 CNY\n  Equity:Opening\n\n${claim("2026-01-20", "EC-1", "approved").replace(" ! ", " * ").replace('"approved"', '"posted"')}`);
    ok("close-period", main, "2026-01", "--by", "钱坤");
    const before = read(main);
    const run = cli("pay", main, "EC-1", "--from", "Assets:Bank", "--on", "2026-01-31");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("feeledger: payment of EC-1 refused: 2026-01-31 is in a closed month (closed through 2026-01); pay on 2026-02-01 or later; nothing was written\n");
    expect(read(main)).toBe(before);
    expect(ok("pay", main, "EC-1", "--from", "Assets:Bank", "--on", "2026-02-01").stdout).toContain("Paid 1 claim on 2026-02-01");
  });
});

describe("period directives in check", () => {
  it("a directive that cannot be read is period-malformed and counts for nothing", () => {
    const main = journal(`${CHART}\n${entry("2026-01-05", "a")}
2026-01-31 custom "period-closed" "2026-1"
2026-01-30 custom "period-closed" "2026-01"
  digest: "sha256:${"0".repeat(64)}"
2026-01-31 custom "period-closed" "2026-01"
  digest: "md5:1"
2026-01-15 custom "period-reopened" "2026-01"
`);
    const { errors } = checkErrors(main);
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [12, 'A period-closed directive names one month, as "YYYY-MM"'],
      [13, "The close of 2026-01 must be dated its last day, 2026-01-31"],
      [15, 'The close of 2026-01 has no readable digest ("sha256:" and 64 hex digits), so it cannot tell whether the month changed'],
      [17, "The reopening of 2026-01 must be dated on or after its last day, 2026-01-31"],
    ]);
  });

  it("a reopen written later by date lifts the close, wherever it is written", () => {
    const main = journal(`${CHART}\n${entry("2026-01-05", "a")}`);
    ok("close-period", main, "2026-01", "--by", "钱坤");
    const text = read(main);
    write(main, `2026-02-03 custom "period-reopened" "2026-01"\n  reopened-by: "钱坤"\n${text.replace("10.00 CNY", "12.00 CNY")}`);
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
    // A new close, dated 2026-01-31, would come before that reopening: refused until it is dated so.
    const run = cli("close-period", main, "2026-01", "--by", "钱坤");
    expect([run.code, run.stderr]).toEqual([1, `feeledger: 2026-01 not closed: the reopening of 2026-01 at ${main}:1 is dated 2026-02-03, after 2026-01-31, the date a close is written on, so it would still come after the new close; date it 2026-01-31, written after the close it lifts; nothing was written\n`]);
    write(main, `${read(main).split("\n").slice(2).join("\n")}\n2026-01-31 custom "period-reopened" "2026-01"\n`);
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
    expect(ok("close-period", main, "2026-01", "--by", "钱坤").stdout).toContain("no voucher to number (the last is 记-0001)");
    expect(checkErrors(main)).toEqual({ code: 0, errors: [] });
  });
});

