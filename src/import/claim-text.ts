// Source documents -> claim text, as a person would write the claim in a claim file:
//
//   2026-12-22 ! "王伟" "ACME年终拜访"
//     claim: "DD-202612221030000123456"
//     approval-id: "202612221030000123456"
//     claimant: "王伟"
//     department: "华东销售部"
//     customer: "ACME"
//     status: "approved"
//     approved-by: "赵敏"
//     approved-on: 2026-12-23
//     Expenses:6602-管理费用:01-客户管理费:01-客户拜访                 96.00 CNY
//       invoice: "031002502811-80423087"
//       narration: "出租车"
//     Liabilities:2241-其他应付款:E01-王伟
//
// Further approvers as approved-by-2/approved-on-2, ... (the claims lifecycle's way of keeping
// several). Amounts end at the file's usual amount column.
import { displayWidth } from "../edit/amortize.js";
import { formatMetaValue } from "../edit/claims.js";
import type { SourceDocument } from "./document.js";

/** Where amounts end when the journal gives no example. */
export const DEFAULT_AMOUNT_COLUMN = 70;

const quoted = (text: string) => formatMetaValue({ type: "string", value: text.replace(/[\r\n\t]+/g, " ") });

/** The metadata keys of the n-th approval (1: approved-by, 2: approved-by-2, ...). */
export function approvalKeys(index: number): { by: string; on: string } {
  return index === 0 ? { by: "approved-by", on: "approved-on" } : { by: `approved-by-${index + 1}`, on: `approved-on-${index + 1}` };
}

export function claimId(prefix: string, number: string): string {
  return `${prefix}${number}`;
}

export function claimLines(document: SourceDocument, prefix: string, currency: string, column: number): string[] {
  const narration = document.title ?? document.lines.find((line) => line.narration !== null)?.narration ?? "报销";
  const lines = [`${document.date} ! ${quoted(document.claimant)} ${quoted(narration)}`];
  lines.push(`  claim: ${quoted(claimId(prefix, document.number))}`);
  lines.push(`  approval-id: ${quoted(document.number)}`);
  lines.push(`  claimant: ${quoted(document.claimant)}`);
  if (document.department !== null) lines.push(`  department: ${quoted(document.department)}`);
  if (document.customer !== null) lines.push(`  customer: ${quoted(document.customer)}`);
  lines.push(`  status: ${quoted(document.state === "approved" ? "approved" : "submitted")}`);
  document.approvals.forEach((approval, index) => {
    const keys = approvalKeys(index);
    lines.push(`  ${keys.by}: ${quoted(approval.by)}`);
    lines.push(`  ${keys.on}: ${approval.on}`);
  });
  for (const line of document.lines) {
    const lead = `  ${line.account}`;
    const amount = line.amount.toFixed(Math.max(2, line.amount.decimalPlaces()));
    const gap = Math.max(2, column - displayWidth(lead) - amount.length);
    lines.push(`${lead}${" ".repeat(gap)}${amount} ${currency}`);
    if (line.invoice !== null) lines.push(`    invoice: ${quoted(line.invoice)}`);
    if (line.customer !== null) lines.push(`    customer: ${quoted(line.customer)}`);
    if (line.narration !== null) lines.push(`    narration: ${quoted(line.narration)}`);
  }
  lines.push(`  ${document.payable}`);
  return lines;
}
