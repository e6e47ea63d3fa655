// `feeledger amortize`: installments written through the CLI on temporary journals, and the
// balances `bal` shows afterwards.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { ACCOUNTS, CRM, PREPAID, installmentHeaders, journal, prepaid, read, samplesCopy } from "./journal.js";

function amortize(file: string, ...args: string[]) {
  return runCli(["amortize", file, ...args]);
}

/** Account → amount (as text) from `bal --format csv`. */
function balances(file: string, ...patterns: string[]): Map<string, string> {
  const run = runCli(["bal", file, ...patterns, "--format", "csv"]);
  expect(run.code, run.stderr).toBe(0);
  return new Map(parseCsv(run.stdout).slice(1).map(([account, , amount]) => [account!, amount!]));
}

/** Amounts of the `account` postings of the installments, in file order. */
function postedAmounts(text: string, account: string): string[] {
  const amounts: string[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!/摊销|amortization/.test(block)) continue;
    for (const line of block.split(/\r?\n/)) {
      const match = new RegExp(`^  ${account.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} +(-?[\\d.]+) CNY$`).exec(line);
      if (match) amounts.push(match[1]!);
    }
  }
  return amounts;
}

describe("amortize: amounts and months", () => {
  it("spreads 12000.00 over 12 months, 1000.00 on the last day of each month", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "12000.00", 12)}`);
    const run = amortize(file, "--through", "2026-12");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ Date +Schedule +Installment +Amount +Commodity\n/);
    expect(run.stdout).toContain(" 2026-12-31    2026-01-05-CRM系统          12/12    1,000.00    CNY");
    expect(run.stdout).toContain(`Wrote 12 installments to ${file}, and a schedule-id to 1 schedule.\n`);
    const text = read(file);
    expect(installmentHeaders(text)).toEqual(Array.from({ length: 12 }, (_, index) => {
      const month = String(index + 1).padStart(2, "0");
      const day = ["31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"][index];
      return `2026-${month}-${day} * "卓豪（Zoho）" "CRM 年度订阅 2026 摊销 ${index + 1}/12" #crm`;
    }));
    expect(postedAmounts(text, CRM)).toEqual(Array(12).fill("1000.00"));
    expect(postedAmounts(text, PREPAID)).toEqual(Array(12).fill("-1000.00"));
    const after = balances(file);
    expect(after.get(CRM)).toBe("12000.00");
    expect(after.has(PREPAID)).toBe(false); // nothing left
    expect(runCli(["check", file]).code).toBe(0);
  });

  it("rounds half up and gives the remainder to the last: 10000.00 over 3 is 3333.33, 3333.33, 3333.34", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "10000.00", 3)}`);
    expect(amortize(file, "--through", "2026-03").code).toBe(0);
    expect(postedAmounts(read(file), CRM)).toEqual(["3333.33", "3333.33", "3333.34"]);
    expect(balances(file, "CRM").get(CRM)).toBe("10000.00");
  });

  it("starts mid-year in the schedule's own month and runs into the next year", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-07-15", "12000.00", 12)}`);
    expect(amortize(file, "--through", "2026-12").code).toBe(0);
    const headers = installmentHeaders(read(file));
    expect(headers.map((line) => line.slice(0, 10))).toEqual(["2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"]);
    expect(headers[0]).toContain("摊销 1/12");
    expect(balances(file, "CRM").get(PREPAID)).toBe("6000.00");
    expect(amortize(file, "--through", "2027-12").code).toBe(0);
    expect(installmentHeaders(read(file)).at(-1)).toMatch(/^2027-06-30 .*摊销 12\/12/);
  });

  it("starts in the month a `start` date names", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "1200.00", 12, ["start: 2026-09-01"])}`);
    expect(amortize(file, "--through", "2026-12").code).toBe(0);
    expect(installmentHeaders(read(file)).map((line) => line.slice(0, 10))).toEqual(["2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"]);
  });

  it("starts the month after with start: \"next-month\" (长期待摊费用)", () => {
    const file = journal(`${ACCOUNTS}
2026-04-13 * "恒信装修" "客户体验中心装修"
  Assets:1801-长期待摊费用:01-客户体验中心装修  100000.00 CNY
    amortize: Expenses:6602-管理费用:01-客户管理费:06-客户体验中心
    months: 36
    start: "next-month"
  Liabilities:2202-应付账款:V01-Zoho
`);
    const april = amortize(file, "--through", "2026-04");
    expect(april.stdout).toContain("Nothing to write");
    expect(amortize(file, "--through", "2026-06").code).toBe(0);
    expect(installmentHeaders(read(file))).toEqual([
      '2026-05-31 * "恒信装修" "客户体验中心装修 摊销 1/36"',
      '2026-06-30 * "恒信装修" "客户体验中心装修 摊销 2/36"',
    ]);
    expect(amortize(file, "--through", "2029-12").code).toBe(0);
    const amounts = postedAmounts(read(file), "Expenses:6602-管理费用:01-客户管理费:06-客户体验中心");
    expect(amounts).toHaveLength(36);
    expect(amounts.slice(0, 35).every((amount) => amount === "2777.78")).toBe(true);
    expect(amounts[35]).toBe("2777.70");
    expect(installmentHeaders(read(file)).at(-1)).toMatch(/^2029-04-30 /);
    expect(balances(file, "1801").has("Assets:1801-长期待摊费用:01-客户体验中心装修")).toBe(false);
  });

  it("credits 累计摊销 when `credit` names it, leaving the intangible asset at cost", () => {
    const file = journal(`${ACCOUNTS}
2026-03-20 * "数智实施" "CRM 二期实施费"
  Assets:1701-无形资产:CRM实施  50000.00 CNY
    amortize: ${CRM}
    credit: Assets:1702-累计摊销:CRM实施
    months: 24
  Liabilities:2202-应付账款:V01-Zoho
`);
    expect(amortize(file, "--through", "2026-12").code).toBe(0);
    let after = balances(file);
    expect(after.get("Assets:1701-无形资产:CRM实施")).toBe("50000.00");
    expect(after.get("Assets:1702-累计摊销:CRM实施")).toBe("-20833.30");
    expect(after.get(CRM)).toBe("20833.30");
    expect(amortize(file, "--through", "2028-02").code).toBe(0);
    const amounts = postedAmounts(read(file), "Assets:1702-累计摊销:CRM实施");
    expect(amounts).toHaveLength(24);
    expect(amounts.at(-1)).toBe("-2083.41");
    after = balances(file);
    expect(after.get("Assets:1702-累计摊销:CRM实施")).toBe("-50000.00");
    expect(after.get(CRM)).toBe("50000.00");
  });

  it("recognises income received in advance: Dr 合同负债 / Cr 其他业务收入, debit first", () => {
    const file = journal(`${ACCOUNTS}
2026-07-02 * "ACME" "预收 2026 年 7—12 月驻场客户服务费"
  Assets:1002-银行存款  30000.00 CNY
  Liabilities:2204-合同负债:C01-ACME  -30000.00 CNY
    amortize: Income:6051-其他业务收入
    months: 6
`);
    expect(amortize(file, "--through", "2026-09").code).toBe(0);
    const text = read(file);
    const first = text.slice(text.indexOf("2026-07-31"));
    expect(first.split("\n").slice(0, 4)).toEqual([
      '2026-07-31 * "ACME" "预收 2026 年 7—12 月驻场客户服务费 摊销 1/6"',
      '  schedule: "2026-07-02-C01-ACME"',
      expect.stringMatching(/^  Liabilities:2204-合同负债:C01-ACME +5000\.00 CNY$/),
      expect.stringMatching(/^  Income:6051-其他业务收入 +-5000\.00 CNY$/),
    ]);
    expect(balances(file).get("Liabilities:2204-合同负债:C01-ACME")).toBe("-15000.00");
    expect(amortize(file, "--through", "2026-12").code).toBe(0);
    const after = balances(file);
    expect(after.get("Income:6051-其他业务收入")).toBe("-30000.00");
    expect(after.has("Liabilities:2204-合同负债:C01-ACME")).toBe(false);
  });

  it("says amortization n/N for an English narration", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "6000.00", 12, [], '"Pipewise" "CRM annual subscription"')}`);
    expect(amortize(file, "--through", "2026-01").code).toBe(0);
    expect(installmentHeaders(read(file))).toEqual(['2026-01-31 * "Pipewise" "CRM annual subscription amortization 1/12"']);
  });
});

describe("amortize: what is already there", () => {
  it("writes nothing new when run twice (same bytes)", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "12000.00", 12)}`);
    expect(amortize(file, "--through", "2026-06").code).toBe(0);
    const once = read(file);
    const again = amortize(file, "--through", "2026-06");
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("Nothing to write: the journal holds every installment due through 2026-06.\n");
    expect(read(file)).toBe(once);
    // The schedule got its id once, and every installment names it.
    expect(once.match(/schedule-id: "2026-01-05-CRM系统"/g)).toHaveLength(1);
    expect(once.match(/^  schedule: "2026-01-05-CRM系统"$/gm)).toHaveLength(6);
  });

  it("writes nothing when --through is before the first month", () => {
    const main = `${ACCOUNTS}\n${prepaid("2026-05-05", "12000.00", 12)}`;
    const file = journal(main);
    const run = amortize(file, "--through", "2026-04");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Nothing to write");
    expect(read(file)).toBe(main);
  });

  it("recognises installments written by hand, with or without the schedule link", () => {
    const file = journal(`${ACCOUNTS}
${prepaid("2026-01-05", "12000.00", 12, ['schedule-id: "zoho-2026"'])}
2026-01-31 * "1 月 CRM 费用摊销"
  ${CRM}  1000.00 CNY
  ${PREPAID}  -1000.00 CNY

2026-02-27 * "2 月摊销（手工）"
  ${PREPAID}  -1000.00 CNY
  ${CRM}  1000.00 CNY

2026-03-31 * "3 月摊销"
  schedule: "zoho-2026"
  ${CRM}  1000.00 CNY
  ${PREPAID}  -1000.00 CNY

2026-04-30 * "unrelated: same accounts, another amount"
  ${CRM}  999.00 CNY
  ${PREPAID}  -999.00 CNY
`);
    const before = read(file);
    const run = amortize(file, "--through", "2026-04");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote 1 installment to ${file}.\n`); // the schedule had its id
    const text = read(file);
    expect(installmentHeaders(text)).toEqual(['2026-04-30 * "卓豪（Zoho）" "CRM 年度订阅 2026 摊销 4/12" #crm']);
    expect(text.startsWith(before)).toBe(true); // the id was written already: only an append
    expect(balances(file, "CRM").get(CRM)).toBe("4999.00");
  });

  it("does not let two alike schedules share one hand-written installment", () => {
    const file = journal(`${ACCOUNTS}
${prepaid("2026-01-05", "1200.00", 12)}
${prepaid("2026-01-05", "1200.00", 12)}
2026-01-31 * "手工摊销"
  ${CRM}  100.00 CNY
  ${PREPAID}  -100.00 CNY
`);
    expect(amortize(file, "--through", "2026-01").code).toBe(0);
    const text = read(file);
    expect(installmentHeaders(text)).toHaveLength(1);
    expect(text).toContain('schedule: "2026-01-05-CRM系统-2"');
    expect(balances(file, "CRM").get(CRM)).toBe("200.00");
  });

  it("ignores a schedule on a pending claim", () => {
    const main = `${ACCOUNTS}
2026-01-05 ! "王伟" "CRM 插件"
  claim: "EC-2026-001"
  claimant: "王伟"
  ${PREPAID}  1200.00 CNY
    amortize: ${CRM}
    months: 12
  Liabilities:2202-应付账款:V01-Zoho
`;
    const file = journal(main);
    expect(amortize(file, "--through", "2026-12").stdout).toContain("Nothing to write");
    expect(read(file)).toBe(main);
  });
});

describe("amortize: where and how it writes", () => {
  it("--dry-run prints a unified diff and writes nothing", () => {
    const main = `${ACCOUNTS}\n${prepaid("2026-01-05", "10000.00", 3)}`;
    const file = journal(main);
    const run = amortize(file, "--through", "2026-02", "--dry-run");
    expect(run.code).toBe(0);
    expect(read(file)).toBe(main);
    expect(run.stderr).toBe("2 installments would be written; nothing was written (--dry-run)\n");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`--- ${file}`);
    expect(lines[1]).toBe(`+++ ${file}`);
    expect(lines).toContain('+    schedule-id: "2026-01-05-CRM系统"');
    expect(lines).toContain('+2026-02-28 * "卓豪（Zoho）" "CRM 年度订阅 2026 摊销 2/3" #crm');
    expect(lines.filter((line) => line.startsWith("-") && !line.startsWith("---"))).toEqual([]); // insertions only, none at EOF as "-undefined"
    // What the diff adds is exactly what a real run writes.
    expect(amortize(file, "--through", "2026-02").code).toBe(0);
    const added = lines.filter((line) => line.startsWith("+") && !line.startsWith("+++")).map((line) => line.slice(1));
    const written = read(file).split("\n").filter((line) => !main.split("\n").includes(line) || line === "");
    expect(written.filter((line) => line !== "")).toEqual(added.filter((line) => line !== ""));
  });

  it("changes only the lines it must: one metadata line on the schedule, entries appended after a blank line", () => {
    const main = `${ACCOUNTS}\n${prepaid("2026-01-05", "12000.00", 12)}\n; 注释保留\n`;
    const file = journal(main);
    expect(amortize(file, "--through", "2026-01").code).toBe(0);
    const text = read(file);
    const idLine = '    schedule-id: "2026-01-05-CRM系统"\n';
    const at = text.indexOf(idLine);
    expect(text.slice(0, at) + text.slice(at + idLine.length, at + idLine.length + main.length - at)).toBe(main);
    expect(text.slice(main.length + idLine.length)).toBe(
      `\n2026-01-31 * "卓豪（Zoho）" "CRM 年度订阅 2026 摊销 1/12" #crm\n  schedule: "2026-01-05-CRM系统"\n  ${CRM}  1000.00 CNY\n  ${PREPAID}  -1000.00 CNY\n`,
    );
  });

  it("keeps CRLF line endings and a missing final newline", () => {
    const main = `${ACCOUNTS}\n${prepaid("2026-01-05", "12000.00", 12)}`.replace(/\n/g, "\r\n").replace(/\r\n$/, "");
    const file = journal(main);
    expect(amortize(file, "--through", "2026-02").code).toBe(0);
    const text = read(file);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text.endsWith("CNY")).toBe(true);
    expect(text).toContain('  Liabilities:2202-应付账款:V01-Zoho\r\n\r\n2026-01-31 * ');
    expect(text).toContain('摊销 1/12" #crm\r\n');
    expect(installmentHeaders(text)).toHaveLength(2);
    expect(runCli(["check", file]).code).toBe(0);
  });

  it("lines amounts up with the file's own column", () => {
    const file = journal(`${ACCOUNTS}
2026-01-05 * "卓豪（Zoho）" "CRM 年度订阅 2026"
  ${PREPAID}                                  12000.00 CNY
    amortize: ${CRM}
    months: 12
  Liabilities:2202-应付账款:V01-Zoho                           -12000.00 CNY
`);
    expect(amortize(file, "--through", "2026-01").code).toBe(0);
    const text = read(file);
    // Both end at display column 72, CJK characters counting two, as in the samples.
    expect(text).toContain(`  ${CRM}${" ".repeat(12)}1000.00 CNY\n  ${PREPAID}${" ".repeat(34)}-1000.00 CNY\n`);
  });

  it("appends to the included file that holds the schedule", () => {
    const file = journal(`${ACCOUNTS}\ninclude "crm.beancount"\n`, { "crm.beancount": prepaid("2026-01-05", "1200.00", 12) });
    expect(amortize(file, "--through", "2026-02").code).toBe(0);
    expect(installmentHeaders(read(file))).toEqual([]);
    expect(installmentHeaders(read(join(dirname(file), "crm.beancount")))).toHaveLength(2);
  });

  it("--output appends to a file the journal includes, and refuses one it does not", () => {
    const file = journal(`${ACCOUNTS}\ninclude "amortization.beancount"\n${prepaid("2026-01-05", "1200.00", 12)}`, { "amortization.beancount": "" });
    const other = join(dirname(file), "elsewhere.beancount");
    writeFileSync(other, "");
    const before = read(file);
    const refused = amortize(file, "--through", "2026-02", "--output", other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`feeledger: --output ${other} is not part of the journal ${file}; add 'include "elsewhere.beancount"' to it first, so that the installments count\n`);
    expect(read(file)).toBe(before);

    const target = join(dirname(file), "amortization.beancount");
    const run = amortize(file, "--through", "2026-02", "--output", target);
    expect(run.code, run.stderr).toBe(0);
    expect(installmentHeaders(read(target))).toHaveLength(2);
    expect(read(target).startsWith("2026-01-31 *")).toBe(true);
    expect(read(file)).toContain('schedule-id: "2026-01-05-CRM系统"');
    expect(installmentHeaders(read(file))).toEqual([]);
    expect(amortize(file, "--through", "2026-02").stdout).toContain("Nothing to write");
  });

  it("refuses to write into a journal with errors", () => {
    const main = `${ACCOUNTS}\n${prepaid("2026-01-05", "1200.00", 12)}\n2026-01-06 * "unbalanced"\n  ${CRM}  1.00 CNY\n  ${PREPAID}  -2.00 CNY\n`;
    const file = journal(main);
    const run = amortize(file, "--through", "2026-02");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: Transaction does not balance");
    expect(run.stderr).toContain("nothing was written");
    expect(read(file)).toBe(main);
  });

  it("asks for --through", () => {
    const file = journal(`${ACCOUNTS}\n${prepaid("2026-01-05", "1200.00", 12)}`);
    const run = amortize(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--through YYYY-MM");
    expect(amortize(file, "--through", "2026-13").code).toBe(2);
  });
});

describe("amortize on the samples", () => {
  it("writes the year's installments of the four schedules, and bal shows them", () => {
    const dir = samplesCopy();
    const file = join(dir, "customer-fees-2026.beancount");
    const run = amortize(file, "--through", "2026-12");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote 36 installments to ${file}, and a schedule-id to 4 schedules.\n`); // 12 + 10 + 8 + 6
    const after = balances(file);
    expect(after.get(CRM)).toBe("41533.30"); // 8700.00 before, + 12000.00 + 10 × 2083.33
    expect(after.get("Expenses:6602-管理费用:01-客户管理费:06-客户体验中心")).toBe("22222.24");
    expect(after.get("Assets:1702-累计摊销:CRM实施")).toBe("-20833.30");
    expect(after.get("Assets:1801-长期待摊费用:01-客户体验中心装修")).toBe("77777.76");
    expect(after.get("Income:6051-其他业务收入")).toBe("-54000.00");
    expect(after.has(PREPAID)).toBe(false);
    expect(after.has("Liabilities:2204-合同负债:C01-ACME")).toBe(false);
    const check = runCli(["check", file], { FEELEDGER_TODAY: "2027-01-15" });
    expect(check.code).toBe(0);
    expect(check.stderr).not.toContain("schedule");
  });
});
