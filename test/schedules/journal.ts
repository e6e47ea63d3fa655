// Temporary journals for the schedule tests: a chart of accounts plus the entries a test needs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ACCOUNTS = `option "operating_currency" "CNY"

2026-01-01 open Assets:1002-银行存款
2026-01-01 open Assets:1123-预付账款:CRM系统
2026-01-01 open Assets:1701-无形资产:CRM实施
2026-01-01 open Assets:1702-累计摊销:CRM实施
2026-01-01 open Assets:1801-长期待摊费用:01-客户体验中心装修
2026-01-01 open Liabilities:2202-应付账款:V01-Zoho
2026-01-01 open Liabilities:2204-合同负债:C01-ACME
2026-01-01 open Income:6051-其他业务收入
2026-01-01 open Expenses:6602-管理费用:01-客户管理费:05-CRM系统费用
2026-01-01 open Expenses:6602-管理费用:01-客户管理费:06-客户体验中心
`;

export const CRM = "Expenses:6602-管理费用:01-客户管理费:05-CRM系统费用";
export const PREPAID = "Assets:1123-预付账款:CRM系统";

/** A prepaid schedule of `amount` over `months`, with extra metadata lines for the posting. */
export function prepaid(date: string, amount: string, months: number, extra: readonly string[] = [], strings = '"卓豪（Zoho）" "CRM 年度订阅 2026" #crm'): string {
  return [
    `${date} * ${strings}`,
    `  ${PREPAID}  ${amount} CNY`,
    `    amortize: ${CRM}`,
    `    months: ${months}`,
    ...extra.map((line) => `    ${line}`),
    "  Liabilities:2202-应付账款:V01-Zoho",
    "",
  ].join("\n");
}

/** A fresh folder holding `main.beancount` (and any other files given); returns the main file's path. */
export function journal(main: string, others: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-schedules-"));
  writeFileSync(join(dir, "main.beancount"), main);
  for (const [name, text] of Object.entries(others)) writeFileSync(join(dir, name), text);
  return join(dir, "main.beancount");
}

/** A temporary copy of samples/ ; returns the folder. */
export function samplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-samples-"));
  cpSync(new URL("../../samples/", import.meta.url).pathname, join(dir, "samples"), { recursive: true });
  return join(dir, "samples");
}

export function read(file: string): string {
  return readFileSync(file, "utf8");
}

/** The lines of the transactions that carry `摊销`/`amortization` in their narration, as written. */
export function installmentHeaders(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /^\d{4}-\d{2}-\d{2} \* .*(摊销|amortization) \d+\/\d+/.test(line));
}
