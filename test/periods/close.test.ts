// Closing months on samples/ through the real CLI: three months closed (after their installments are
// written), then a changed amount reported as period-changed at the close, a claim dated in a closed
// month posted into the first open month with incurred-on, a reopen with its trail, and voucher
// numbers never given twice after a reopen.
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineDiff } from "../claims/journal.js";
import { diagnosticLines } from "../helpers/cli.js";
import { checkErrors, cli, folderCopy, lineOf, ok, read, removeTemporaryFolders, vouchersOf, write } from "./journal.js";

afterAll(removeTemporaryFolders);

const GIFT = "Expenses:6602-管理费用:01-客户管理费:03-客户礼品";
const VISIT = "Expenses:6602-管理费用:01-客户管理费:01-客户拜访";
const GIFT_VENDOR = "Liabilities:2202-应付账款:V03-礼遇礼品";
const WANG = "Liabilities:2241-其他应付款:E01-王伟";
const ACCOUNTS = "2026/accounts.beancount";

/** samples/ with the installments through 2026-03 written, before any close. */
let amortized: string;
/** The same with 2026-01, 2026-02 and 2026-03 closed by 钱坤. */
let closed: string;
/** The outputs of the three closes. */
const closeOutputs: string[] = [];

beforeAll(() => {
  amortized = folderCopy();
  ok("amortize", amortized, "--through", "2026-03");
  closed = folderCopy(dirname(amortized));
  for (const month of ["2026-01", "2026-02", "2026-03"]) closeOutputs.push(ok("close-period", closed, month, "--by", "钱坤").stdout);
});

/** A fresh copy of the closed samples; returns its main file. */
const closedCopy = () => folderCopy(dirname(closed));
const accountsOf = (main: string) => join(dirname(main), ACCOUNTS);

describe("close-period on samples/", () => {
  it("numbers each month's vouchers from 记-0001 in date order then file order, and adds nothing else but the closes", () => {
    expect(closeOutputs.map((output) => output.replace(/:\d+\)\.\n$/, ":LINE).\n"))).toEqual([
      `Closed 2026-01 by 钱坤 on 2027-01-15: 22 vouchers numbered 记-0001 to 记-0022 (${closed}:LINE).\n`,
      `Closed 2026-02 by 钱坤 on 2027-01-15: 13 vouchers numbered 记-0001 to 记-0013 (${closed}:LINE).\n`,
      `Closed 2026-03 by 钱坤 on 2027-01-15: 16 vouchers numbered 记-0001 to 记-0016 (${closed}:LINE).\n`,
    ]);
    // The last close names its own line (the earlier ones moved down as later months were numbered).
    expect(closeOutputs[2]).toContain(`(${closed}:${lineOf(read(closed), '2026-03-31 custom "period-closed"')}).`);
    // The opening entry of the included chart is dated 2026-01-01: the month's first voucher.
    expect(vouchersOf(read(accountsOf(closed)), "2026-01")).toEqual([{ date: "2026-01-01", voucher: "记-0001" }]);
    for (const [month, count] of [["2026-01", 21], ["2026-02", 13], ["2026-03", 16]] as const) {
      const main = vouchersOf(read(closed), month);
      expect(main).toHaveLength(count);
      const numbers = main.map((entry) => Number(entry.voucher!.slice(2)));
      const first = month === "2026-01" ? 2 : 1;
      // Date order then file order: the appended installments (month end) come last.
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, index) => first + index));
      const byNumber = [...main].sort((a, b) => a.voucher!.localeCompare(b.voucher!));
      expect(byNumber.map((entry) => entry.date)).toEqual(main.map((entry) => entry.date).sort());
      for (const entry of main) expect(entry.voucher).toMatch(/^记-\d{4}$/);
    }
    // Only voucher lines and the three closes are added; nothing is removed.
    const diff = lineDiff(read(amortized), read(closed));
    expect(diff.removed).toEqual([]);
    const closeLines = diff.added.filter((line) => !/^  voucher: "记-\d{4}"$/.test(line));
    expect(closeLines.map((line) => line.replace(/"sha256:[0-9a-f]{64}"/, '"sha256:…"').replace(/^(  totals: ).*/, "$1…"))).toEqual(
      ["2026-01", "2026-02", "2026-03"].flatMap((month, index) => [
        "",
        `${month}-${["31", "28", "31"][index]} custom "period-closed" "${month}"`,
        '  digest: "sha256:…"',
        "  totals: …",
        `  last-voucher: "记-00${["22", "13", "16"][index]}"`,
        '  closed-by: "钱坤"',
        "  closed-on: 2027-01-15",
      ]));
    expect(lineDiff(read(accountsOf(amortized)), read(accountsOf(closed))).added).toEqual(['  voucher: "记-0001"']);
    expect(checkErrors(closed)).toEqual({ code: 0, errors: [] });
  });

  it("records each account's movement in the month on the close", () => {
    const totals = /^2026-02-28 custom "period-closed" "2026-02"\n(?:  .*\n)*?  totals: "(.*)"$/m.exec(read(closed))![1]!;
    expect(totals.split("; ")).toContain(`${GIFT} 12384.00 CNY`);
    // The vendor was paid in the month what it was owed for it: no movement, not listed.
    expect(totals).not.toContain(GIFT_VENDOR);
    // bal agrees: the movement of 2026-02 alone.
    const bal = ok("bal", closed, GIFT, "-b", "2026-02-01", "-e", "2026-03-01", "--format", "csv").stdout;
    expect(bal).toContain(`${GIFT},CNY,12384.00`);
  });

  it("reports a changed amount in a closed month at the close (period-changed), naming the accounts whose totals differ", () => {
    const file = closedCopy();
    const text = read(file);
    const gift = lineOf(text, `  ${GIFT}`, lineOf(text, "2026-02-04 * ")) - 1;
    const lines = text.split("\n");
    expect(lines[gift]).toMatch(/^  Expenses:6602-管理费用:01-客户管理费:03-客户礼品 +11400\.00 CNY$/);
    lines[gift] = lines[gift]!.replace("11400.00", "11900.00");
    write(file, lines.join("\n"));
    const { code, errors } = checkErrors(file);
    expect(code).toBe(1);
    expect(errors).toEqual([{
      file, line: lineOf(read(file), '2026-02-28 custom "period-closed"'), column: 1, severity: "error",
      message: `2026-02 has changed since it was closed by 钱坤 on 2027-01-15: totals differ for ${GIFT} (12384.00 CNY at the close, 12884.00 CNY now), ${GIFT_VENDOR} (0 CNY at the close, -500.00 CNY now); a closed month must stay as closed: undo the change, or reopen the month (feeledger reopen-period) and close it again`,
    }]);
    // A writer refuses while the books have that error.
    const post = cli("close-period", file, "2026-04", "--by", "钱坤");
    expect(post.code).toBe(1);
    expect(post.stderr).toContain("feeledger: 2026-04 not closed: the journal has 1 error; nothing was written");
  });

  it("reports an entry added, removed or altered without a change of totals, in any file", () => {
    // A narration changed.
    let file = closedCopy();
    write(file, read(file).replace('"春节客户礼盒 30 份（定制坚果礼盒）"', '"春节客户礼盒 30 份"'));
    let { errors } = checkErrors(file);
    expect(errors.map((error) => error.message)).toEqual([
      "2026-02 has changed since it was closed by 钱坤 on 2027-01-15: an entry was added, removed or altered, though no account's total differs; a closed month must stay as closed: undo the change, or reopen the month (feeledger reopen-period) and close it again",
    ]);
    // An entry added in the included chart: the close says so, and the entry has no number.
    file = closedCopy();
    const accounts = accountsOf(file);
    write(accounts, `${read(accounts)}\n2026-03-10 * "调整" "test"\n  ${VISIT}  10.00 CNY\n  ${WANG}\n`);
    ({ errors } = checkErrors(file));
    expect(errors.map((error) => [error.file, error.line, error.message.slice(0, 60)])).toEqual([
      [file, lineOf(read(file), '2026-03-31 custom "period-closed"'), "2026-03 has changed since it was closed by 钱坤 on 2027-01-15:"],
      [accounts, lineOf(read(accounts), "2026-03-10"), "This transaction is in 2026-03, a closed month, and has no v"],
    ]);
    expect(errors[0]!.message).toContain(`totals differ for ${VISIT} (830.00 CNY at the close, 840.00 CNY now), ${WANG} (-526.00 CNY at the close, -536.00 CNY now)`);
  });

  it("does not see reformatting or reordering: whitespace, how a number is written, an elided amount written out, the entry moved", () => {
    const file = closedCopy();
    const text = read(file);
    const start = text.indexOf("2026-02-04 * ");
    const end = text.indexOf("\n\n", start) + 2;
    const entry = text.slice(start, end);
    const reformatted = entry
      .replace(/11400\.00 CNY/, "11,400.0   CNY")
      .replace("  Liabilities:2202-应付账款:V03-礼遇礼品", "\tLiabilities:2202-应付账款:V03-礼遇礼品   -11400 CNY")
      .replace('  customer: "多客户"', '  customer:   "多客户"');
    expect(reformatted).not.toBe(entry);
    write(file, `${text.slice(0, start)}${text.slice(end)}\n${reformatted}`);
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
  });
});

describe("close-period refuses", () => {
  it("a month holding claims approved but not posted, listing them (the first close may be any month)", () => {
    const file = folderCopy();
    const before = read(file);
    const run = cli("close-period", file, "2026-12", "--by", "钱坤");
    expect(run.code).toBe(1);
    const claims = join(dirname(file), "claims", "2026-12.beancount");
    expect(diagnosticLines(run.stderr).map((line) => [line.file, line.line, line.message])).toEqual([
      [claims, 4, "EC-2026-133 is approved but not posted, dated 2026-12-22: post it (or reject it) before closing 2026-12"],
      [claims, 23, "EC-2026-138 is approved but not posted, dated 2026-12-24: post it (or reject it) before closing 2026-12"],
    ]);
    expect(run.stderr).toContain("feeledger: 2026-12 not closed: 2026-12 holds 2 claims not posted; nothing was written");
    expect(read(file)).toBe(before);
  });

  it("months out of order, a month not ended yet, and says when a month is closed already", () => {
    const file = closedCopy();
    const before = read(file);
    let run = cli("close-period", file, "2026-05", "--by", "钱坤");
    expect([run.code, run.stderr]).toEqual([1, "feeledger: 2026-05 not closed: months close in order: 2026-03 is the latest closed month, so 2026-04 is the next to close; nothing was written\n"]);
    run = cli("close-period", file, "2025-12", "--by", "钱坤");
    expect([run.code, run.stderr]).toEqual([1, "feeledger: 2025-12 not closed: 2025-12 is before 2026-03, the latest closed month: months close in order, and it cannot be closed after a later one; nothing was written\n"]);
    run = cli("close-period", file, "2026-02", "--by", "钱坤");
    expect([run.code, run.stdout]).toEqual([0, "2026-02 is already closed by 钱坤 on 2027-01-15; nothing to do\n"]);
    const fresh = folderCopy();
    run = cli("close-period", fresh, "2027-01", "--by", "钱坤");
    expect([run.code, run.stderr]).toEqual([1, "feeledger: 2027-01 not closed: 2027-01 has not ended: it can be closed from 2027-01-31 (today is 2027-01-15); nothing was written\n"]);
    expect(read(file)).toBe(before);
    expect(cli("close-period", file, "2026-4", "--by", "钱坤").code).toBe(2);
  });

  it("nothing is written with --dry-run: the diff shows the voucher lines and the close", () => {
    const file = folderCopy();
    const before = read(file);
    const run = cli("close-period", file, "2026-02", "--by", "钱坤", "--dry-run");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('+  voucher: "记-0001"\n');
    expect(run.stdout).toContain('+2026-02-28 custom "period-closed" "2026-02"\n');
    expect(run.stderr).toContain("2026-02 would be closed, 12 vouchers numbered 记-0001 to 记-0012; nothing was written (--dry-run)\n");
    // The installment of the CRM schedule due in February is not written yet: said, not refused.
    expect(run.stderr).toContain('warning: Schedule "2026-01-05-CRM系统": installment 2/12 due 2026-02-28 is not written, and once 2026-02 is closed amortize cannot write it');
    expect(read(file)).toBe(before);
  });
});

describe("post into a closed month", () => {
  const LATE = [
    "",
    '2026-03-20 ! "王伟" "补交：三月客户拜访出租车"',
    '  claim: "EC-2026-160"',
    '  claimant: "王伟"',
    '  status: "approved"',
    '  approved-by: "赵敏"',
    "  approved-on: 2026-03-25",
    `  ${VISIT}  120.00 CNY`,
    "  Liabilities:2241-其他应付款:E01-王伟",
    "",
  ].join("\n");

  it("books a claim dated in a closed month on the first day of the first open month, keeping its date as incurred-on", () => {
    const file = closedCopy();
    const claims = join(dirname(file), "claims", "2026-12.beancount");
    write(claims, read(claims) + LATE);
    const run = cli("post", file, "EC-2026-160", "--on", "2026-03-31");
    expect(run.code, run.stderr).toBe(0);
    const landed = lineOf(read(file), "2026-04-01 * \"王伟\" \"补交");
    expect(run.stdout).toBe(`EC-2026-160: posted on 2026-03-31, booked on 2026-04-01 as 2026-03 is closed (incurred-on 2026-03-20) (moved from ${claims}:63 to ${file}:${landed})\n`);
    expect(read(file).endsWith([
      '2026-04-01 * "王伟" "补交：三月客户拜访出租车"',
      '  claim: "EC-2026-160"',
      '  claimant: "王伟"',
      '  status: "posted"',
      '  approved-by: "赵敏"',
      "  approved-on: 2026-03-25",
      "  posted-on: 2026-03-31",
      "  incurred-on: 2026-03-20",
      `  ${VISIT}  120.00 CNY`,
      "  Liabilities:2241-其他应付款:E01-王伟",
      "",
    ].join("\n"))).toBe(true);
    // The closed month is as it was; April has the cost.
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
    const april = (journal: string) => ok("bal", journal, VISIT, "-b", "2026-04-01", "-e", "2026-05-01", "--format", "csv").stdout;
    expect(Number(/,CNY,([\d.]+)/.exec(april(file))![1]) - Number(/,CNY,([\d.]+)/.exec(april(amortized))![1])).toBe(120);
  });

  it("books it on the posting date when that is later than the first open month's first day", () => {
    const file = closedCopy();
    const claims = join(dirname(file), "claims", "2026-12.beancount");
    write(claims, read(claims) + LATE);
    const run = cli("post", file, "EC-2026-160", "--on", "2026-04-10");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("booked on 2026-04-10 as 2026-03 is closed (incurred-on 2026-03-20)");
    expect(read(file)).toContain('2026-04-10 * "王伟" "补交：三月客户拜访出租车"');
    expect(checkErrors(file).code).toBe(0);
  });
});

describe("reopen-period", () => {
  it("reopens only the latest closed month, keeps the close as the trail, and numbers are never given twice", () => {
    const file = closedCopy();
    let run = cli("reopen-period", file, "2026-02", "--by", "钱坤", "--reason", "调整");
    expect([run.code, run.stderr]).toEqual([1, "feeledger: 2026-02 not reopened: only the latest closed month can be reopened, and that is 2026-03: months reopen in reverse order, so reopen 2026-03 first; nothing was written\n"]);
    expect(cli("reopen-period", file, "2026-03", "--by", "钱坤").code).toBe(2); // --reason is required

    const closedText = read(file);
    run = ok("reopen-period", file, "2026-03", "--by", "钱坤", "--reason", "补记三月出租车费");
    const closeLine = lineOf(closedText, '2026-03-31 custom "period-closed"');
    const reopenLine = lineOf(read(file), '2026-03-31 custom "period-reopened"');
    expect(run.stdout).toBe(`Reopened 2026-03 by 钱坤 on 2027-01-15 (${file}:${reopenLine}); its close stays at ${file}:${closeLine}; its vouchers keep their numbers, and new ones will follow 记-0016.\n`);
    expect(read(file)).toBe(`${closedText}\n2026-03-31 custom "period-reopened" "2026-03"\n  reopened-by: "钱坤"\n  reopened-on: 2027-01-15\n  reason: "补记三月出租车费"\n`);
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });

    // March is open again: its last voucher (the installment at the end of the file) is removed and
    // a March entry added; the next close keeps the numbers, skips 记-0016 and gives 记-0017.
    let text = read(file);
    const last = text.lastIndexOf('  voucher: "记-0016"');
    const start = text.lastIndexOf("\n\n", last) + 2;
    const end = text.indexOf("\n\n", last) + 2;
    expect(text.slice(start, end)).toMatch(/^2026-03-31 \* "杭州数智信息技术有限公司" "CRM 二期（客户服务模块）实施费 摊销 1\/24"/);
    text = `${text.slice(0, start)}${text.slice(end)}\n2026-03-30 * "出租车" "补记"\n  ${VISIT}  35.00 CNY\n  ${WANG}\n`;
    write(file, text);
    run = ok("close-period", file, "2026-03", "--by", "钱坤");
    expect(run.stdout).toMatch(/^Closed 2026-03 by 钱坤 on 2027-01-15: 1 voucher numbered 记-0017 \(/);
    const march = vouchersOf(read(file), "2026-03");
    expect(march.map((entry) => entry.voucher)).toEqual([...Array.from({ length: 15 }, (_, index) => `记-${String(index + 1).padStart(4, "0")}`), "记-0017"]);
    expect(read(file)).toMatch(/2026-03-31 custom "period-closed" "2026-03"\n(?:  .*\n)*?  last-voucher: "记-0017"\n  closed-by: "钱坤"\n  closed-on: 2027-01-15\n$/);
    // Both closes and the reopening stay in the text.
    expect(read(file).match(/^2026-03-31 custom "period-(?:closed|reopened)" "2026-03"$/gm)).toEqual([
      '2026-03-31 custom "period-closed" "2026-03"', '2026-03-31 custom "period-reopened" "2026-03"', '2026-03-31 custom "period-closed" "2026-03"',
    ]);
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
  });

  it("is allowed while a closed month has changed (that is when one reopens it)", () => {
    const file = closedCopy();
    write(file, read(file).replace('"春节客户礼盒 30 份（定制坚果礼盒）"', '"春节客户礼盒 30 份"'));
    // 2026-02 changed; 2026-03 is the latest: reopen it, then 2026-02.
    ok("reopen-period", file, "2026-03", "--by", "钱坤", "--reason", "二月改错");
    expect(checkErrors(file).code).toBe(1);
    ok("reopen-period", file, "2026-02", "--by", "钱坤", "--reason", "二月改错");
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
    // Closing again records the month as it is now, numbers kept.
    const run = ok("close-period", file, "2026-02", "--by", "钱坤");
    expect(run.stdout).toMatch(/^Closed 2026-02 by 钱坤 on 2027-01-15: no voucher to number \(the last is 记-0013\) \(/);
    expect(checkErrors(file)).toEqual({ code: 0, errors: [] });
  });
});

describe("amortize with closed months", () => {
  it("amortize refuses installments due in closed months, and writes nothing", () => {
    const file = folderCopy();
    ok("close-period", file, "2026-01", "--by", "钱坤");
    const before = read(file);
    const run = cli("amortize", file, "--through", "2026-02");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe([
      'feeledger: installment 1/12 of schedule "2026-01-05-CRM系统" (1000.00 CNY) is due 2026-01-31, in a closed month',
      "1 installment is due in months closed through 2026-01; nothing was written (reopen the months with feeledger reopen-period to write it)",
      "",
    ].join("\n"));
    expect(read(file)).toBe(before);
  });
});
