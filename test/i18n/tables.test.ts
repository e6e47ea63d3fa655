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
