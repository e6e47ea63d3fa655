// Table headers and labels in the chosen language: each table command's header line in Chinese with
// --lang zh and in English with --lang en, from the one catalogue.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");
const JOURNAL = join(SAMPLES, "customer-fees-2026.beancount");

/** Each table command with a word of its header in each language. */
const TABLES: readonly { args: readonly string[]; en: readonly string[]; zh: readonly string[] }[] = [
  { args: ["bal"], en: ["Account", "Amount", "Commodity", "Total"], zh: ["科目", "金额", "币种", "合计"] },
  { args: ["claims"], en: ["Claim", "Claimant", "Status", "Receipts"], zh: ["报销单", "报销人", "状态", "票据"] },
  { args: ["report", "schedules"], en: ["Schedule", "Monthly", "Remaining"], zh: ["摊销计划", "每月", "剩余"] },
  { args: ["receipts"], en: ["File", "Seller", "Buyer tax id"], zh: ["文件", "销售方", "购买方税号"] },
  { args: ["bs"], en: ["Balance sheet", "Total assets", "Liabilities and equity"], zh: ["资产负债表", "资产合计", "负债和所有者权益合计"] },
  { args: ["is"], en: ["Income statement", "Net income", "Total income"], zh: ["利润表", "净利润", "收入合计"] },
  { args: ["report", "structure"], en: ["Total"], zh: ["合计"] },
  { args: ["report", "trial"], en: ["Total"], zh: ["合计", "科目余额表"] },
];

describe("table headers", () => {
  for (const table of TABLES) {
    it(`of ${table.args.join(" ")} follow --lang`, () => {
      const chinese = runCli([...table.args, JOURNAL, "--lang", "zh"], { COLUMNS: "200" });
      const english = runCli([...table.args, JOURNAL, "--lang", "en"], { COLUMNS: "200", LANG: "zh_CN.UTF-8" });
      expect(chinese.code).toBe(english.code);
      for (const word of table.zh) expect(chinese.stdout, word).toContain(word);
      for (const word of table.en) expect(chinese.stdout, word).not.toContain(word);
      for (const word of table.en) expect(english.stdout, word).toContain(word);
    });
  }
});

/** Labels built with parameters (a period, a count, a date): each report's in Chinese with --lang zh, in English with --lang en. */
const LABELS: readonly { args: readonly string[]; en: readonly string[]; zh: readonly string[] }[] = [
  { args: ["report", "trend", "-Q"], en: ["Previous (2026-Q3)", "Year ago (2025-Q4)", "latest 2026-Q4 vs 2026-Q3 and 2025-Q4"], zh: ["上期（2026-Q3）", "上年同期（2025-Q4）", "2026-Q4 环比 2026-Q3、同比 2025-Q4"] },
  { args: ["report", "structure", "-p", "2026Q2", "--compare", "2026Q1"], en: ["compared with 2026-01-01..2026-03-31"], zh: ["对比 2026-01-01..2026-03-31"] },
  { args: ["report", "vouchers", "-p", "2026-03"], en: ["Total: 14 vouchers", "(unnumbered)", "0 attachments", "1 attachment ", "prepared by 王伟"], zh: ["合计：凭证 14 张", "（未编号）", "附件 0 张", "附件 1 张", "制单 王伟"] },
  { args: ["report", "trial", "-p", "2026-03", "--depth", "2"], en: ["levels 1-2"], zh: ["1-2 级科目"] },
  { args: ["report", "payables", "-e", "2026-01-01"], en: ["Nothing is owed on posted claims dated before 2026-01-01."], zh: ["已入账的报销单（2026-01-01 之前）没有应付未付的款项。"] },
];

describe("labels built with parameters", () => {
  for (const table of LABELS) {
    it(`of ${table.args.join(" ")} follow --lang`, () => {
      const chinese = runCli([...table.args.slice(0, 2), JOURNAL, ...table.args.slice(2), "--lang", "zh"], { COLUMNS: "250" });
      const english = runCli([...table.args.slice(0, 2), JOURNAL, ...table.args.slice(2), "--lang", "en"], { COLUMNS: "250", LANG: "zh_CN.UTF-8" });
      expect(chinese.code, chinese.stderr).toBe(0);
      expect(english.code, english.stderr).toBe(0);
      for (const words of table.zh) expect(chinese.stdout, words).toContain(words);
      for (const words of table.en) expect(chinese.stdout, words).not.toContain(words);
      for (const words of table.en) expect(english.stdout, words).toContain(words);
      // Beyond the journal's own names (accounts, commodities, customers) no English word is left.
      const left = chinese.stdout.replace(/\S*(Expenses|Assets|Liabilities|Income|Equity):\S*/g, " ").match(/\b[a-z]{2,}\b/gi) ?? [];
      expect(left.filter((word) => !["CNY", "USD", "ACME", "CRM", "BC", "Q"].includes(word)), table.args.join(" ")).toEqual([]);
    });
  }
});
