// Usage errors (exit status 2) in the chosen language: feeledger's own, one from each file that
// throws them (src/cli/context.ts, src/cli/reporting.ts, src/cli/commands/*), and commander's (an
// unknown option with its suggestion, an unknown command, an option without its value, too many
// arguments). In Chinese the line is Chinese, naming only what was typed, the options and the
// placeholders; in English it is byte for byte what feeledger printed before the catalogue had them.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const JOURNAL = join(import.meta.dirname, "..", "..", "samples", "customer-fees-2026.beancount");
const J = JOURNAL;

/** [arguments, the English line]; the Chinese line is checked for its language and what it quotes. */
const CASES: readonly [readonly string[], string][] = [
  // src/cli/context.ts
  [["check", "missing.beancount"], "feeledger: file not found: missing.beancount"],
  [["bal", J, "-p", "2026-13"], "feeledger: invalid period for --period: '2026-13' (expected 2026, 2026-03, 2026Q1 or 2026-01..2026-06)"],
  // src/cli/reporting.ts
  [["bal", J, "--bom"], "feeledger: --bom applies to CSV output only"],
  // src/cli/commands/*
  [["check", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["print", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["bal", J, "--flat", "--tree"], "feeledger: --flat and --tree exclude each other"],
  [["is", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["claims", J, "--status", "bogus"], "feeledger: unknown status 'bogus' (expected submitted, approved, rejected, posted)"],
  [["receipts", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["audit", J, "--rule", "x"], "feeledger: unknown --rule 'x' (expected split-claims, fapiao-after-claim, invoice-sequence, calendar, peer-outlier, near-limit, round-amounts, benford, gift-cap, no-customer)"],
  [["report", "structure", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["report", "customers", J, "--by", "x"], "feeledger: unknown --by 'x' (expected customer or department)"],
  [["report", "ledger", "-f", J], "feeledger: name the account: feeledger report ledger FILE ACCOUNT"],
  [["report", "payables", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["report", "schedules", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["report", "trial", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["report", "vouchers", "-f", J, "x"], "feeledger: unexpected argument 'x'"],
  [["approve", J], "feeledger: approve needs a claim id, e.g. feeledger approve FILE EC-2026-031"],
  [["post", J], "feeledger: post needs claim ids or --all"],
  [["pay", J, "EC-2026-142"], "feeledger: pay needs --from ACCOUNT, the bank or cash account that pays"],
  [["amortize", J], "feeledger: amortize needs --through YYYY-MM, the last month to write installments for"],
  [["allocate", J], "feeledger: allocate needs --through YYYY-MM, the last month to allocate"],
  [["close-period", J], "feeledger: close-period needs a month, YYYY-MM"],
  [["reopen-period", "-f", J, "2026-01", "x"], "feeledger: unexpected argument 'x'"],
  [["import", J, "x.json", "--from", "nope"], "feeledger: --from nope: the sources are dingtalk, feishu, ekuaibao, table"],
  [["export", "vouchers", J], "feeledger: export vouchers needs --target TARGET (kingdee-k3, kingdee-cloud, kingdee-jdy, yonyou-u8)"],
  [["fmt", J, "--align", "x"], "feeledger: --align must be file or block, not 'x'"],
  // commander's own
  [["check", J, "--beancoun"], "error: unknown option '--beancoun'\n(Did you mean --beancount?)"],
  [["chek", J], "error: unknown command 'chek'\n(Did you mean check?)"],
  [["bal", J, "--depth"], "error: option '--depth <N>' argument missing"],
  [["report", "trial", J, "x"], "error: too many arguments for 'trial'. Expected 1 argument but got 2."],
];

/**
 * The English words left in a Chinese line once what may stay is taken out: what is quoted, the
 * options and placeholders (--from, FILE, YYYY-MM), the words typed on the command line, the
 * journal's path, and the values and suggestions the English line lists too.
 */
function englishWords(line: string, args: readonly string[], english: string): string[] {
  const allowed = new Set(["feeledger", ...args.flatMap((arg) => arg.split(/[^A-Za-z]+/))]);
  for (const list of english.match(/\(expected [^)]*\)|\([^()]*, [^()]*\)|the sources are .*$|must be \w+ or \w+|Did you mean [^?]*/g) ?? []) {
    for (const word of list.replace(/^\(expected |^the sources are |^must be |^Did you mean (one of )?/, "").split(/[^\w-]+/)) if (word !== "or") allowed.add(word);
  }
  const rest = line.replaceAll(JOURNAL, "").replace(/'[^']*'/g, "").replace(/(^|\s)-{1,2}[A-Za-z][\w-]*/g, " ").replace(/\b[A-Z][A-Z-]+\b/g, "");
  return (rest.match(/(?<![\w-])[A-Za-z][\w-]*/g) ?? []).filter((word) => !allowed.has(word) && !word.split("-").every((part) => allowed.has(part)));
}

describe("usage errors", () => {
  it("are Chinese with --lang zh and as before in English, with exit status 2 in both", () => {
    for (const [args, english] of CASES) {
      const en = runCli([...args, "--lang", "en"]);
      expect(en.code, args.join(" ")).toBe(2);
      expect(en.stdout, args.join(" ")).toBe("");
      expect(en.stderr, args.join(" ")).toBe(`${english}\n`);

      const zh = runCli([...args, "--lang", "zh"]);
      expect(zh.code, args.join(" ")).toBe(2);
      expect(zh.stdout, args.join(" ")).toBe("");
      const said = zh.stderr.trimEnd();
      expect(said, args.join(" ")).toMatch(/[\u4e00-\u9fff]/);
      expect(englishWords(said, args, english), `${args.join(" ")}: ${said}`).toEqual([]);
      // What was typed is quoted as it was (the value, the option), and commander's suggestion stays.
      for (const quoted of english.match(/'[^']*'/g) ?? []) expect(said, args.join(" ")).toContain(quoted);
      const suggested = /\(Did you mean (.*)\?\)/.exec(english)?.[1];
      if (suggested !== undefined) expect(said.split("\n")[1], args.join(" ")).toBe(`（您是不是要用 ${suggested}？）`);
    }
  });

  it("follow FEELEDGER_LANG and the locale as the other messages do", () => {
    expect(runCli(["bal", J, "--bom"], { FEELEDGER_LANG: "zh" }).stderr).toBe("feeledger: --bom 只用于 CSV 输出\n");
    expect(runCli(["chek", J], { LANG: "zh_CN.UTF-8" }).stderr).toBe("错误：未知命令 'chek'\n（您是不是要用 check？）\n");
  });
});
