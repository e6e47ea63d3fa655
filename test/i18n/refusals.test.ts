// The refusals that come from below the commands, in the chosen language: pay's (its reasons,
// "Nothing to pay", the offset line, a payment the checks refuse, a closed month), a problem the
// checks found quoted as a writer's reason, where the books would put an entry (post-to), the
// "errors; nothing was written" lines, the reports' "nothing to report", an import map's problems,
// an export that cannot be read, import's --to checks, the starter map of `import --init`, and a
// write refused (-o a directory). Each is run through the command line on a small journal, in
// Chinese and in English (the English as it always was).
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { BANK, CASH, CHART, WANG, WANG_ADVANCE, advance, approvedClaim, journal, postedClaim, removeTemporaryFolders } from "../pay/journal.js";

afterAll(removeTemporaryFolders);

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

/** Run in both languages: [zh, en], each with its exit code, stdout and stderr; the journal must not change. */
function both(file: string, args: readonly string[]) {
  const before = readFileSync(file, "utf8");
  const runs = (["zh", "en"] as const).map((lang) => runCli([...args, "--lang", lang], { COLUMNS: "200" }));
  expect(readFileSync(file, "utf8")).toBe(before);
  return { zh: runs[0]!, en: runs[1]! };
}

describe("pay", () => {
  it("says there is nothing to pay, in either language", () => {
    const file = journal(CHART + postedClaim("EC-2026-001", "2026-03-02", WANG, "300.00"));
    const { zh, en } = both(file, ["pay", file, "--all", "--from", BANK, "--on", "2026-03-01"]);
    expect([zh.code, zh.stdout]).toEqual([0, "无需付款：没有 2026-03-01 及以前日期、已入账且尚未付清的报销单。\n"]);
    expect([en.code, en.stdout]).toEqual([0, "Nothing to pay: no posted claim dated on or before 2026-03-01 is still owed.\n"]);
  });

  it("says why it refuses a claim and the paying account, in either language", () => {
    const file = journal(CHART + approvedClaim("EC-2026-001", "2026-03-02", WANG, "300.00"));
    const { zh, en } = both(file, ["pay", file, "EC-2026-001", "EC-2026-404", "--from", "Equity:4001-实收资本", "--on", "2026-03-20"]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("error: EC-2026-001 未付款：它尚未入账（状态为 approved）；请先入账\n");
    expect(zh.stderr).toContain("feeledger: EC-2026-404 未付款：日记账中没有报销单 EC-2026-404\n");
    expect(zh.stderr).toContain("feeledger: --from Equity:4001-实收资本 不是资产科目（请从 Assets 下的库存现金或银行存款科目付款）\n");
    expect(zh.stderr.endsWith("\n未写入任何内容\n")).toBe(true);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("error: EC-2026-001 not paid: it is not posted (it is approved); post it first\n");
    expect(en.stderr).toContain("feeledger: EC-2026-404 not paid: no claim EC-2026-404 in the journal\n");
    expect(en.stderr).toContain("feeledger: --from Equity:4001-实收资本 is not an asset account (pay from cash or a bank account under Assets)\n");
    expect(en.stderr.endsWith("\nnothing was written\n")).toBe(true);
  });

  it("says what it offset against an advance, in either language", () => {
    const file = journal(CHART + advance("2026-03-01", WANG_ADVANCE, "100.00") + postedClaim("EC-2026-001", "2026-03-02", WANG, "300.00"));
    const { zh, en } = both(file, ["pay", file, "EC-2026-001", "--from", BANK, "--on", "2026-03-20", "--dry-run"]);
    expect(zh.stderr).toContain(`王伟：应付 300.00 CNY，冲抵 ${WANG_ADVANCE} 上未还的借款 100.00 CNY（借款余额 100.00 CNY），实付 200.00 CNY\n`);
    expect(en.stderr).toContain(`王伟: 300.00 CNY owed, 100.00 CNY offset against the open advance on ${WANG_ADVANCE} (100.00 CNY), 200.00 CNY paid\n`);
  });

  it("refuses a payment the checks refuse, and one in a closed month, in either language", () => {
    const file = journal(CHART + postedClaim("EC-2026-001", "2026-03-02", WANG, "800.00"));
    const overdrawn = both(file, ["pay", file, "EC-2026-001", "--from", CASH, "--on", "2026-03-20"]);
    expect(overdrawn.zh.stderr).toContain(`feeledger: 付款被拒绝：${CASH} 余额小于零：付款后为 -300.00 CNY（开设时设了 no-negative: TRUE）\n`);
    expect(overdrawn.zh.stderr.endsWith("EC-2026-001 的付款被拒绝；未写入任何内容\n")).toBe(true);
    expect(overdrawn.en.stderr).toContain(`feeledger: payment refused: ${CASH} goes below zero: -300.00 CNY after the payment (opened with no-negative: TRUE)\n`);
    expect(overdrawn.en.stderr.endsWith("payment of EC-2026-001 refused; nothing was written\n")).toBe(true);

    const closed = journal(CHART + postedClaim("EC-2026-001", "2026-03-02", WANG, "300.00"));
    for (const month of ["2026-01", "2026-02", "2026-03"]) expect(runCli(["close-period", closed, month, "--by", "钱坤"]).code).toBe(0);
    const run = both(closed, ["pay", closed, "EC-2026-001", "--from", BANK, "--on", "2026-03-20"]);
    expect(run.zh.stderr).toBe("feeledger: EC-2026-001 的付款被拒绝：2026-03-20 在已结账的月份（截至 2026-03）；请在 2026-04-01 或之后付款；未写入任何内容\n");
    expect(run.en.stderr).toBe("feeledger: payment of EC-2026-001 refused: 2026-03-20 is in a closed month (closed through 2026-03); pay on 2026-04-01 or later; nothing was written\n");
  });

  it("says where the books would put the payment when post-to names a file not included", () => {
    const file = journal(CHART + '2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}.beancount"\n' + postedClaim("EC-2026-001", "2026-03-02", WANG, "300.00"));
    const { zh, en } = both(file, ["pay", file, "EC-2026-001", "--from", BANK, "--on", "2026-03-20"]);
    expect(zh.stderr).toContain(`error: "post-to" 为 2026-03-20 指定的文件 books/2026.beancount 不在日记账的 include 之中；请先在 ${file} 中加入 'include "books/2026.beancount"'，写入其中的内容才会计入账簿\n`);
    expect(zh.stderr.endsWith("\n未写入任何内容\n")).toBe(true);
    expect(en.stderr).toContain(`error: "post-to" names books/2026.beancount for 2026-03-20, which the journal does not include; add 'include "books/2026.beancount"' to ${file} first, so that what is written there counts\n`);
  });
});

describe("the writers and the reports", () => {
  it("quote a problem the checks found in the chosen language (post)", () => {
    const file = journal(CHART + approvedClaim("EC-2026-001", "2026-03-02", CASH, "800.00"));
    const { zh, en } = both(file, ["post", file, "EC-2026-001", "--on", "2026-03-20"]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`error: EC-2026-001 未入账：${CASH} 余额小于零：这条分录后为 -300.00 CNY（开设时设了 no-negative: TRUE）\n`);
    expect(en.stderr).toContain(`error: EC-2026-001 not posted: ${CASH} goes below zero: -300.00 CNY after this posting (opened with no-negative: TRUE)\n`);
  });

  it("stop on the journal's errors, in either language", () => {
    const file = journal(CHART + "2026-03-01 * \"x\"\n  Expenses:Unknown  1.00 CNY\n  " + BANK + "\n");
    const approve = both(file, ["approve", file, "EC-2026-001", "--by", "赵敏", "--on", "2026-03-02"]);
    expect(approve.zh.stderr.endsWith("日记账有 1 个错误；未写入任何内容\n")).toBe(true);
    expect(approve.en.stderr.endsWith("1 error in the journal; nothing was written\n")).toBe(true);
    const pay = both(file, ["pay", file, "--all", "--from", BANK, "--on", "2026-03-02"]);
    expect(pay.zh.stderr.endsWith("日记账有 1 个错误；未写入任何内容\n")).toBe(true);
    expect(pay.en.stderr.endsWith("1 error in the journal; nothing was written\n")).toBe(true);
    const amortize = both(file, ["amortize", file, "--through", "2026-03"]);
    expect(amortize.zh.stderr.endsWith("1 个错误；未写入任何内容\n")).toBe(true);
    expect(amortize.en.stderr.endsWith("1 error; nothing was written\n")).toBe(true);
    const report = both(file, ["bal", file]);
    expect(report.zh.stderr.endsWith(`1 个错误；详情请运行 'feeledger check ${file}'\n`)).toBe(true);
    expect(report.en.stderr.endsWith(`1 error; run 'feeledger check ${file}' for details\n`)).toBe(true);
  });

  it("say there is nothing to report, in either language", () => {
    const file = journal(CHART);
    for (const args of [["report", "vouchers", file, "-p", "2025"], ["report", "trial", file, "-e", "2025-06-01"]]) {
      const { zh, en } = both(file, args);
      expect([zh.code, zh.stdout]).toEqual([0, ""]);
      expect(zh.stderr).toMatch(/^feeledger: 无可报告：(期间内|期末之前)没有交易\n$/);
      expect(en.stderr).toMatch(/^feeledger: nothing to report: no transactions (in the period|before the end of the period)\n$/);
    }
  });

  it("say no claim names a receipt file, in either language", () => {
    const file = journal(CHART);
    const { zh, en } = both(file, ["receipts", file]);
    expect([zh.code, zh.stdout]).toEqual([0, "没有报销单指明票据文件。\n"]);
    expect([en.code, en.stdout]).toEqual([0, "No claim names a receipt file.\n"]);
  });

  it("refuse a bank file that exists already, in either language", () => {
    const file = journal(CHART + postedClaim("EC-2026-001", "2026-03-02", WANG, "300.00"), { "bank.csv": "old\n" });
    const bank = join(dirname(file), "bank.csv");
    const { zh, en } = both(file, ["pay", file, "EC-2026-001", "--from", BANK, "--on", "2026-03-20", "--bank-file", bank]);
    expect([zh.code, zh.stderr]).toEqual([1, `feeledger: --bank-file ${bank} 已存在；未写入任何内容（请换一个文件名，或先把旧文件移走）\n`]);
    expect([en.code, en.stderr]).toEqual([1, `feeledger: --bank-file ${bank} already exists; nothing was written (choose another name, or move the old file away)\n`]);
  });

  it("refuse to write a report over a directory, in either language (a usage error)", () => {
    const file = journal(CHART);
    const folder = join(dirname(file), "out");
    mkdirSync(folder);
    const { zh, en } = both(file, ["bal", file, "-o", folder]);
    expect([zh.code, zh.stderr]).toEqual([2, `feeledger: -o ${folder} 是文件夹；未写入任何内容\n`]);
    expect([en.code, en.stderr]).toEqual([2, `feeledger: -o ${folder} is a directory; nothing was written\n`]);
  });
});

describe("import", () => {
  const CLAIMS = '2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n';

  it("says what is wrong with a map, at its line and column, in either language", () => {
    const file = journal(CHART, { "export.csv": "a,b\n", "map.yaml": "prefix: \"DD/\"\ncolour: red\n" });
    const map = join(dirname(file), "map.yaml");
    const { zh, en } = both(file, ["import", file, join(dirname(file), "export.csv"), "--from", "dingtalk", "--map", map]);
    expect(zh.stderr).toBe(`${map}:1:9: error: 前缀 prefix "DD/" 只能包含字母、数字、'-'、'_' 和 '.'\n${map}:2:1: error: 未知的键 "colour"（映射文件的键：source, prefix, currency, customer, department, accounts, payables, columns, names）\n`
      + "映射文件有错误；未写入任何内容\n");
    expect(en.stderr).toBe(`${map}:1:9: error: prefix "DD/" may hold only letters, digits, '-', '_' and '.'\n${map}:2:1: error: unknown key "colour" (the map's keys: source, prefix, currency, customer, department, accounts, payables, columns, names)\n`
      + "the map has errors; nothing was written\n");
  });

  it("says why --to will not do, in either language (a usage error)", () => {
    const file = journal(CHART, { "export.csv": "a,b\n" });
    const { zh, en } = both(file, ["import", file, join(dirname(file), "export.csv"), "--from", "dingtalk"]);
    expect([zh.code, zh.stderr]).toEqual([2, `feeledger: 日记账没有声明报销单文件；请在 ${file} 中加入一行，例如 2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n`]);
    expect([en.code, en.stderr]).toEqual([2, `feeledger: the journal declares no claim files; add a line such as 2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount" to ${file}\n`]);
    const covered = journal(CHART + CLAIMS, { "export.csv": "a,b\n" });
    const other = both(covered, ["import", covered, join(dirname(covered), "export.csv"), "--from", "dingtalk", "--to", "elsewhere.beancount"]);
    expect(other.zh.stderr).toBe('feeledger: elsewhere.beancount 不是日记账的报销单文件：claims 选项包括 "claims/*.beancount"\n');
    expect(other.en.stderr).toBe('feeledger: elsewhere.beancount is not a claim file of the journal: the claims option covers "claims/*.beancount"\n');
  });

  it("says an export cannot be read, keeping its place, in either language", () => {
    const file = journal(CHART + CLAIMS, { "export.pdf": "%PDF", "export.csv": "编号,金额\n1,2\n" });
    mkdirSync(join(dirname(file), "claims"));
    const to = join(dirname(file), "claims", "import.beancount");
    const pdf = join(dirname(file), "export.pdf");
    const kind = both(file, ["import", file, pdf, "--from", "dingtalk", "--to", to]);
    expect([kind.zh.code, kind.zh.stderr]).toEqual([1, `feeledger: ${pdf}：导出文件应为 .xlsx、.xls、.csv 或 .json（各系统 API 的返回）\n`]);
    expect([kind.en.code, kind.en.stderr]).toEqual([1, `feeledger: ${pdf}: an export is .xlsx, .xls, .csv or .json (the systems' API answers)\n`]);
    const csv = join(dirname(file), "export.csv");
    const header = both(file, ["import", file, csv, "--from", "dingtalk", "--to", to]);
    expect(header.zh.stderr).toMatch(new RegExp(`^feeledger: ${csv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：找不到表头行：`));
    expect(header.en.stderr).toMatch(/: no header row found: none of the first rows names two of the /);
  });

  it("prints the starter map with its comments in Chinese, the keys as they are", () => {
    const xlsx = join(SAMPLES, "import", "dingtalk.xlsx");
    const zh = runCli(["import", "--init", xlsx, "--from", "dingtalk", "--lang", "zh"]);
    const en = runCli(["import", "--init", xlsx, "--from", "dingtalk", "--lang", "en"]);
    expect(zh.code).toBe(0);
    const keys = (text: string) => text.split("\n").filter((line) => !line.trimStart().startsWith("#"));
    expect(keys(zh.stdout)).toEqual(keys(en.stdout));
    expect(en.stdout).toBe(runCli(["import", "--init", xlsx, "--from", "dingtalk"]).stdout);
    expect(zh.stdout).toContain("# 费用类型 -> 科目（账簿中已开设的费用科目）。找到的所有费用类型：\n");
    expect(zh.stdout).toContain("-> id: 单据编号（审批编号）：报销单号为映射的前缀加此编号\n");
    for (const line of zh.stdout.split("\n").filter((line) => line.startsWith("#"))) {
      expect(line).not.toMatch(/\b(the|of|and|or|is|are)\b/);
    }
  });
});

// Not reached from the command line on purpose: fmt refuses only when formatting would change what
// the journal says (a bug to report); its reasons are catalogue keys (`fmt reason ...`), checked by
// catalogue.test.ts and by test/fmt's journalDifference tests in English.