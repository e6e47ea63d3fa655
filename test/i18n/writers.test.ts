// The writers' own lines (what each did) in the chosen language: approve, post, pay, amortize,
// close-period and reopen-period on a copy of the samples, in Chinese with --lang zh; the English
// lines are those the README and the writers' tests show.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { displayWidth } from "../../src/core/display-width.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

function copyOfSamples(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-writers-"));
  cpSync(SAMPLES, dir, { recursive: true });
  return join(dir, "customer-fees-2026.beancount");
}

/**
 * Each dry run (after `before` sets up what it needs) exits 0 in Chinese and in English, its last
 * line of standard error (through `normalise`) is the expected one, and the journal is unchanged.
 */
function expectDryRuns(
  journal: string,
  runs: readonly (readonly [readonly string[], string, string])[],
  before: (args: readonly string[]) => void,
  normalise: (line: string) => string = (line) => line,
): void {
  for (const [args, zh, en] of runs) {
    before(args);
    const text = readFileSync(journal, "utf8");
    for (const [lang, expected] of [["zh", zh], ["en", en]] as const) {
      const result = runCli([...args, "--lang", lang], { COLUMNS: "200" });
      expect(result.code, `${args[0]} ${lang}: ${result.stderr}`).toBe(0);
      expect(normalise(result.stderr.trimEnd().split("\n").at(-1)!), `${args[0]} ${lang}`).toBe(expected);
    }
    expect(readFileSync(journal, "utf8"), args[0]).toBe(text);
  }
}

describe("the writers' lines", () => {
  it("speak Chinese with --lang zh, from approval to reopening a month", () => {
    const journal = copyOfSamples();
    const steps: [readonly string[], RegExp][] = [
      [["approve", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29"], /^EC-2026-142：由 孙强 于 2026-12-29 审批通过（claims\/2026-12\.beancount:\d+）$/],
      [["post", journal, "EC-2026-142", "--on", "2026-12-31"], /^EC-2026-142：于 2026-12-31 入账（由 claims\/2026-12\.beancount:\d+ 移至 customer-fees-2026\.beancount:\d+）$/],
      [["pay", journal, "EC-2026-142", "--from", "Assets:1002-银行存款:01-工商银行", "--on", "2027-01-05"], /^已于 2027-01-05 从 Assets:1002-银行存款:01-工商银行 支付 1 张报销单：1,376\.00 CNY（customer-fees-2026\.beancount:\d+）。$/],
      [["amortize", journal, "--through", "2026-02"], /^已将 2 期摊销写入 customer-fees-2026\.beancount，并为 1 个摊销计划写入 schedule-id。$/],
      [["close-period", journal, "2026-01", "--by", "钱坤"], /^2026-01 已由 钱坤 于 2027-01-15 结账：22 张凭证编号为 记-0001 至 记-0022（customer-fees-2026\.beancount:\d+）。$/],
      [["reopen-period", journal, "2026-01", "--by", "钱坤", "--reason", "补记"], /^2026-01 已由 钱坤 于 2027-01-15 反结账（customer-fees-2026\.beancount:\d+）；原结账记录仍在 customer-fees-2026\.beancount:\d+；已有凭证保留编号，新凭证从 记-0022 之后编起。$/],
    ];
    for (const [args, expected] of steps) {
      const result = runCli([...args, "--lang", "zh"], { COLUMNS: "200" });
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
      const lines = result.stdout.replaceAll(`${dirname(journal)}/`, "").trimEnd().split("\n");
      expect(lines[lines.length - 1], args[0]).toMatch(expected);
      expect(result.stdout, args[0]).not.toMatch(/\b(approved|posted|Paid|Wrote|Closed|Reopened|Total|Employee|Schedule)\b/);
    }
  });

  it("say what a dry run would have written, in the chosen language, and write nothing", () => {
    const journal = copyOfSamples();
    const dir = dirname(journal);
    const runs: [readonly string[], string, string][] = [
      [["amortize", journal, "--through", "2026-02", "--dry-run"], "将写入 2 期摊销；未写入任何内容（--dry-run 试运行）", "2 installments would be written; nothing was written (--dry-run)"],
      [["allocate", join(dir, "customers-2026.beancount"), "--through", "2026-01", "--dry-run"], "将写入 4 笔分摊；未写入任何内容（--dry-run 试运行）", "4 allocations would be written; nothing was written (--dry-run)"],
      [["import", journal, join(dir, "import/ekuaibao.json"), "--from", "ekuaibao", "--map", join(dir, "import/map.yaml"), "--to", join(dir, "claims/2026-12-import.beancount"), "--dry-run"], "未写入任何内容（--dry-run 试运行）", "nothing was written (--dry-run)"],
      [["reopen-period", journal, "2026-01", "--by", "钱坤", "--reason", "补记", "--dry-run"], "2026-01 将被反结账；未写入任何内容（--dry-run 试运行）", "2026-01 would be reopened; nothing was written (--dry-run)"],
    ];
    expectDryRuns(journal, runs, (args) => {
      // (Last: a month to reopen needs a close, which would stop the others from writing into it.)
      if (args[0] === "reopen-period") expect(runCli(["close-period", journal, "2026-01", "--by", "钱坤"]).code).toBe(0);
    });
  });

  it("say what approve, reject, post, pay and close-period would do on a dry run, in either language", () => {
    const journal = copyOfSamples();
    const dir = dirname(journal);
    const bank = "Assets:1002-银行存款:01-工商银行";
    const bankFile = join(dir, "bank.csv");
    const runs: [readonly string[], string, string][] = [
      [["approve", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29", "--dry-run"], "将审批通过 1 张报销单；未写入任何内容（--dry-run 试运行）", "1 claim would be approved; nothing was written (--dry-run)"],
      [["reject", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29", "--reason", "缺发票", "--dry-run"], "将驳回 1 张报销单；未写入任何内容（--dry-run 试运行）", "1 claim would be rejected; nothing was written (--dry-run)"],
      [["post", journal, "EC-2026-133", "EC-2026-138", "--on", "2026-12-31", "--dry-run"], "将入账 2 张报销单；未写入任何内容（--dry-run 试运行）", "2 claims would be posted; nothing was written (--dry-run)"],
      [["close-period", journal, "2026-01", "--by", "钱坤", "--dry-run"], "2026-01 将被结账，21 张凭证将编号为 记-0001 至 记-0021；未写入任何内容（--dry-run 试运行）", "2026-01 would be closed, 21 vouchers numbered 记-0001 to 记-0021; nothing was written (--dry-run)"],
      [["pay", journal, "EC-2026-133", "--from", bank, "--on", "2027-01-05", "--bank-file", bankFile, "--dry-run"], `将从 ${bank} 支付 1 张报销单（PAID），并写出银行代发文件 ${bankFile}（1 行）；未写入任何内容（--dry-run 试运行）`, `1 claim would be paid (PAID from ${bank}), and ${bankFile} with 1 row; nothing was written (--dry-run)`],
    ];
    expectDryRuns(
      journal,
      runs,
      (args) => {
        // (Pay needs a posted claim: EC-2026-133 is posted for real first.)
        if (args[0] === "pay") expect(runCli(["post", journal, "EC-2026-133", "--on", "2026-12-31"]).code).toBe(0);
      },
      (line) => line.replace(/\d[\d,]*\.\d\d CNY/, "PAID"),
    );
    expect(() => readFileSync(bankFile)).toThrow();
  });

  it("say there is nothing to do, in either language, and write nothing", () => {
    const journal = copyOfSamples();
    const customers = join(dirname(journal), "customers-2026.beancount");
    // Each run twice: for real (in English), then again in each language, which finds it done.
    const runs: [readonly string[], string, string][] = [
      [["approve", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29"], "EC-2026-142 已由 孙强 于 2026-12-29 审批通过；无需操作", "EC-2026-142 is already approved by 孙强 on 2026-12-29; nothing to do"],
      [["post", journal, "EC-2026-142", "--on", "2026-12-31"], "EC-2026-142 已于 2026-12-31 入账；无需操作", "EC-2026-142 is already posted on 2026-12-31; nothing to do"],
      [["amortize", journal, "--through", "2026-01"], "无需写入：日记账已包含截至 2026-01 到期的全部摊销。", "Nothing to write: the journal holds every installment due through 2026-01."],
      [["allocate", customers, "--through", "2026-01"], "无需写入：日记账已包含截至 2026-01 的全部分摊。", "Nothing to write: the journal holds every allocation through 2026-01."],
      [["close-period", journal, "2026-01", "--by", "钱坤"], "2026-01 已由 钱坤 于 2027-01-15 结账；无需操作", "2026-01 is already closed by 钱坤 on 2027-01-15; nothing to do"],
    ];
    for (const [args, zh, en] of runs) {
      expect(runCli(args).code, args[0]).toBe(0);
      const before = readFileSync(journal, "utf8");
      for (const [lang, expected] of [["zh", zh], ["en", en]] as const) {
        const result = runCli([...args, "--lang", lang], { COLUMNS: "200" });
        expect(result.code, `${args[0]} ${lang}: ${result.stderr}`).toBe(0);
        expect(result.stdout, `${args[0]} ${lang}`).toBe(`${expected}\n`);
      }
      expect(readFileSync(journal, "utf8"), args[0]).toBe(before);
    }
  });

  it("refuse to write into a closed month in either language (amortize, allocate)", () => {
    const journal = copyOfSamples();
    const customers = join(dirname(journal), "customers-2026.beancount");
    expect(runCli(["close-period", journal, "2026-01", "--by", "钱坤"]).code).toBe(0);
    const before = readFileSync(journal, "utf8");
    const activities = "Expenses:6602-管理费用:01-客户管理费:02-客户活动";
    const runs: [readonly string[], string[], string[]][] = [
      [["amortize", journal, "--through", "2026-02"],
        ["feeledger: 摊销计划 \"2026-01-05-CRM系统\" 的第 1/12 期（1000.00 CNY）于 2026-01-31 到期，落在已结账的月份",
          "1 期摊销落在已结账（截至 2026-01）的月份；未写入任何内容（请先用 feeledger reopen-period 反结账再写入）"],
        ["feeledger: installment 1/12 of schedule \"2026-01-05-CRM系统\" (1000.00 CNY) is due 2026-01-31, in a closed month",
          "1 installment is due in months closed through 2026-01; nothing was written (reopen the months with feeledger reopen-period to write it)"]],
      [["allocate", customers, "--through", "2026-01"],
        [`feeledger: ${activities} 于 2026-01-16 的分摊落在已结账的月份`, "4 笔分摊落在已结账（截至 2026-01）的月份；未写入任何内容（请先用 feeledger reopen-period 反结账）"],
        [`feeledger: the allocation of ${activities} on 2026-01-16 falls in a closed month`, "4 allocations fall in months closed through 2026-01; nothing was written (reopen the months with feeledger reopen-period first)"]],
    ];
    for (const [args, zh, en] of runs) {
      for (const [lang, [first, last]] of [["zh", zh], ["en", en]] as const) {
        const result = runCli([...args, "--lang", lang], { COLUMNS: "200" });
        expect(result.code, `${args[0]} ${lang}`).toBe(1);
        const lines = result.stderr.trimEnd().split("\n");
        expect([lines[0], lines.at(-1)], `${args[0]} ${lang}`).toEqual([first, last]);
      }
    }
    expect(readFileSync(journal, "utf8")).toBe(before);
  });

  it("say why close-period and reopen-period refuse, in either language, and write nothing", () => {
    const journal = copyOfSamples();
    const runs: [readonly string[] | null, readonly string[], string, string][] = [
      [null, ["reopen-period", journal, "2026-01", "--by", "钱坤", "--reason", "补记"],
        "feeledger: 2026-01 未反结账：2026-01 未结账（没有任何已结账的月份）；未写入任何内容", "feeledger: 2026-01 not reopened: 2026-01 is not closed (no month is); nothing was written"],
      [null, ["close-period", journal, "2027-01", "--by", "钱坤"],
        "feeledger: 2027-01 未结账：2027-01 尚未结束：自 2027-01-31 起才能结账（今天是 2027-01-15）；未写入任何内容", "feeledger: 2027-01 not closed: 2027-01 has not ended: it can be closed from 2027-01-31 (today is 2027-01-15); nothing was written"],
      [["close-period", journal, "2026-01", "--by", "钱坤"], ["close-period", journal, "2026-03", "--by", "钱坤"],
        "feeledger: 2026-03 未结账：月份须按顺序结账：最近结账的月份是 2026-01，下一个应结账的是 2026-02；未写入任何内容", "feeledger: 2026-03 not closed: months close in order: 2026-01 is the latest closed month, so 2026-02 is the next to close; nothing was written"],
      [["close-period", journal, "2026-02", "--by", "钱坤"], ["reopen-period", journal, "2026-01", "--by", "钱坤", "--reason", "补记"],
        "feeledger: 2026-01 未反结账：只能反结账最近结账的月份，即 2026-02：月份须按倒序反结账，请先反结账 2026-02；未写入任何内容", "feeledger: 2026-01 not reopened: only the latest closed month can be reopened, and that is 2026-02: months reopen in reverse order, so reopen 2026-02 first; nothing was written"],
      [null, ["close-period", journal, "2025-12", "--by", "钱坤"],
        "feeledger: 2025-12 未结账：2025-12 早于最近结账的月份 2026-02：月份须按顺序结账，不能在较晚的月份之后再结账；未写入任何内容", "feeledger: 2025-12 not closed: 2025-12 is before 2026-02, the latest closed month: months close in order, and it cannot be closed after a later one; nothing was written"],
    ];
    for (const [setup, args, zh, en] of runs) {
      if (setup !== null) expect(runCli(setup).code, setup.join(" ")).toBe(0);
      const before = readFileSync(journal, "utf8");
      for (const [lang, expected] of [["zh", zh], ["en", en]] as const) {
        const result = runCli([...args, "--lang", lang], { COLUMNS: "200" });
        expect(result.code, `${args[0]} ${args[2]} ${lang}`).toBe(1);
        expect(result.stderr.trimEnd().split("\n").at(-1), `${args[0]} ${args[2]} ${lang}`).toBe(expected);
      }
      expect(readFileSync(journal, "utf8"), args[0]).toBe(before);
    }
  });

  it("say why approve, reject and post refuse a claim, in either language, and write nothing", () => {
    const journal = copyOfSamples();
    const claims = join(dirname(journal), "claims", "2026-12.beancount");
    const runs: [readonly string[] | null, readonly string[], string, string][] = [
      [null, ["approve", journal, "EC-9999", "--by", "孙强", "--on", "2026-12-29"], "feeledger: 日记账中没有报销单 EC-9999", "feeledger: no claim EC-9999 in the journal"],
      [null, ["post", journal, "EC-2026-142", "--on", "2026-12-31"],
        "error: EC-2026-142 未入账：它已提交但尚未审批（请先审批）", "error: EC-2026-142 not posted: it is submitted, not approved (approve it first)"],
      [["reject", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29", "--reason", "缺发票"], ["approve", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29"],
        "error: EC-2026-142 未审批通过：它已由 孙强 于 2026-12-29 驳回；被驳回的报销单不能审批", "error: EC-2026-142 not approved: it was rejected by 孙强 on 2026-12-29; a rejected claim cannot be approved"],
      [null, ["reject", journal, "EC-2026-142", "--by", "周建国", "--on", "2026-12-29", "--reason", "重复"],
        "error: EC-2026-142 未驳回：它已由 孙强 于 2026-12-29 驳回", "error: EC-2026-142 not rejected: it is already rejected by 孙强 on 2026-12-29"],
    ];
    for (const [setup, args, zh, en] of runs) {
      if (setup !== null) expect(runCli(setup).code, setup.join(" ")).toBe(0);
      const before = [readFileSync(journal, "utf8"), readFileSync(claims, "utf8")];
      for (const [lang, expected] of [["zh", zh], ["en", en]] as const) {
        const result = runCli([...args, "--lang", lang], { COLUMNS: "200" });
        expect(result.code, `${args[0]} ${lang}`).toBe(1);
        const last = result.stderr.trimEnd().split("\n").at(-1)!;
        expect(last.replace(`${claims}:38:1: `, ""), `${args[0]} ${lang}: ${last}`).toBe(expected);
      }
      expect([readFileSync(journal, "utf8"), readFileSync(claims, "utf8")], args[0]).toEqual(before);
    }
    // One refused among several: none is written, and the last line says so.
    const post = ["post", journal, "EC-2026-138", "EC-2026-142", "--on", "2026-12-31"];
    const zh = runCli([...post, "--lang", "zh"]).stderr.replaceAll(`${claims}:38:1: `, "");
    expect(zh).toContain("error: EC-2026-142 未入账：它的状态是 rejected，尚未审批\n");
    expect(zh.trimEnd().split("\n").at(-1)).toBe("未写入任何内容：1 张报销单被拒绝");
    expect(runCli([...post, "--lang", "en"]).stderr.trimEnd().split("\n").at(-1)).toBe("nothing was written: 1 claim refused");
  });

  it("keep their English words with --lang en", () => {
    const journal = copyOfSamples();
    const approve = runCli(["approve", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29", "--lang", "en"], { LANG: "zh_CN.UTF-8" });
    expect(approve.stdout.replaceAll(`${dirname(journal)}/`, "")).toMatch(/^EC-2026-142: approved by 孙强 on 2026-12-29 \(claims\/2026-12\.beancount:\d+\)\n$/);
    const close = runCli(["close-period", journal, "2026-01", "--by", "钱坤", "--lang", "en"]);
    expect(close.stdout.replaceAll(`${dirname(journal)}/`, "")).toMatch(/^Closed 2026-01 by 钱坤 on 2027-01-15: 21 vouchers numbered 记-0001 to 记-0021 \(customer-fees-2026\.beancount:\d+\)\.\n$/);
  });

  it("fit an 80-column terminal in either language (pay, amortize and allocate print tables)", () => {
    for (const lang of ["en", "zh"]) {
      const journal = copyOfSamples();
      const customers = join(dirname(journal), "customers-2026.beancount");
      const runs = [
        runCli(["approve", journal, "EC-2026-142", "--by", "孙强", "--on", "2026-12-29", "--lang", lang], { COLUMNS: "80" }),
        runCli(["post", journal, "EC-2026-133", "EC-2026-138", "EC-2026-142", "--on", "2026-12-31", "--lang", lang], { COLUMNS: "80" }),
        runCli(["pay", journal, "--all", "--from", "Assets:1002-银行存款:01-工商银行", "--on", "2027-01-05", "--lang", lang], { COLUMNS: "80" }),
        runCli(["amortize", journal, "--through", "2026-12", "--lang", lang], { COLUMNS: "80" }),
        runCli(["allocate", customers, "--through", "2026-01", "--lang", lang], { COLUMNS: "80" }),
      ];
      for (const run of runs.slice(2)) {
        expect(run.code, run.stderr).toBe(0);
        const table = run.stdout.split("\n").filter((line) => line.startsWith(" ") || line.startsWith("\u2500"));
        expect(table.length).toBeGreaterThan(2);
        for (const line of table) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      }
    }
  });
});
