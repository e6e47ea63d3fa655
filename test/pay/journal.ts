// Small journals for the payment tests: a chart with two employees who have bank details, one who
// has none, their advance receivables, a bank and a cash account (both no-negative), and posted
// claims built with `postedClaim`.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../helpers/cli.js";

export const BANK = "Assets:1002-银行存款:01-工商银行";
export const CASH = "Assets:1001-库存现金";
export const VISIT = "Expenses:6602-管理费用:01-客户拜访";
export const WANG = "Liabilities:2241-其他应付款:E01-王伟";
export const LI = "Liabilities:2241-其他应付款:E02-李娜";
export const ZHANG = "Liabilities:2241-其他应付款:E03-张磊";
export const WANG_ADVANCE = "Assets:1221-其他应收款:E01-王伟";
export const LI_ADVANCE = "Assets:1221-其他应收款:E02-李娜";

export const CHART = `option "operating_currency" "CNY"

2026-01-01 open ${CASH} CNY
  no-negative: TRUE
2026-01-01 open ${BANK} CNY
  no-negative: TRUE
2026-01-01 open ${WANG_ADVANCE} CNY
2026-01-01 open ${LI_ADVANCE} CNY
2026-01-01 open ${WANG}
  employee: "王伟"
  bank-account: "6222000000000000101"
  bank: "工商银行上海张江支行"
2026-01-01 open ${LI}
  employee: "李娜"
  bank-account: "6214000000000000202"
  bank: "招商银行深圳科技园支行"
2026-01-01 open ${ZHANG}
  employee: "张磊"
2026-01-01 open ${VISIT}
2026-01-01 open Equity:4001-实收资本

2026-01-02 * "股东" "实收资本"
  ${BANK}  10000.00 CNY
  ${CASH}  500.00 CNY
  Equity:4001-实收资本
`;

/** A posted claim of `amount` CNY charged to the visit account and owed on `payable`. */
export function postedClaim(id: string, date: string, payable: string, amount: string, claimant = "王伟"): string {
  return `
${date} * "${claimant}" "客户拜访 ${id}" ^${id}
  claim: "${id}"
  claimant: "${claimant}"
  approved-by: "赵敏"
  approved-on: ${date}
  posted-on: ${date}
  ${VISIT}  ${amount} CNY
  ${payable}
`;
}

/** A pending (approved, not posted) claim. */
export function approvedClaim(id: string, date: string, payable: string, amount: string): string {
  return `
${date} ! "王伟" "客户拜访 ${id}"
  claim: "${id}"
  claimant: "王伟"
  status: "approved"
  approved-by: "赵敏"
  approved-on: ${date}
  ${VISIT}  ${amount} CNY
  ${payable}
`;
}

/** An advance (借款) paid to an employee in cash. */
export function advance(date: string, receivable: string, amount: string): string {
  return `
${date} * "预借差旅费"
  ${receivable}  ${amount} CNY
  ${CASH}
`;
}

const folders: string[] = [];

export function removeTemporaryFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function temporaryFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-pay-"));
  folders.push(dir);
  return dir;
}

/** `main.beancount` holding `text` (and other files of the same folder); returns its path. */
export function journal(text: string, others: Record<string, string> = {}): string {
  const dir = temporaryFolder();
  for (const [name, content] of Object.entries(others)) writeFileSync(join(dir, name), content);
  const file = join(dir, "main.beancount");
  writeFileSync(file, text);
  return file;
}

/** A fresh copy of samples/; returns the main journal's path. */
export function sampleCopy(): string {
  const dir = temporaryFolder();
  cpSync(fileURLToPath(new URL("../../samples/", import.meta.url)), dir, { recursive: true });
  return join(dir, "customer-fees-2026.beancount");
}

export const read = (file: string) => readFileSync(file, "utf8");
export const exists = (file: string) => existsSync(file);

export const TODAY = "2027-01-15";

export function cli(...args: string[]) {
  return runCli(args, { FEELEDGER_TODAY: TODAY });
}
