// The payment `pay` writes, as text appended to a journal file:
//
//   2026-12-31 * "工商银行" "报销款支付（网银批量代付）" ^EC-2026-133 ^EC-2026-138
//     Liabilities:2241-其他应付款:E02-李娜                            844.00 CNY
//     Liabilities:2241-其他应付款:E03-张磊                           3960.00 CNY
//     Assets:1221-其他应收款:E03-张磊                               -2000.00 CNY
//     Assets:1002-银行存款:01-工商银行                              -2804.00 CNY
//
// The payee is the paying account's last component without its code (工商银行, 库存现金); the
// narration says 报销款支付, with （网银批量代付） when a bank file goes with it (English words when
// the accounts have no Chinese). One link per claim. Per employee: the debit to the payable (what
// the claims owe), then the credit to the advance receivable for the part offset; last, one credit
// to the paying account per commodity. Amounts are written with the commodity's usual digits and
// end at the file's usual amount column.
import type { Decimal } from "../core/number.js";
import type { PaymentPlan } from "../claims/payment-plan.js";
import { appendEntriesAt } from "./append.js";
import { displayWidth } from "./amortize.js";
import type { FileEnd } from "./file-end.js";
import type { TextEdit } from "./edits.js";

export interface PaymentEdit {
  readonly edit: TextEdit;
  /** The payment's text as appended (its lines joined with "\n"). */
  readonly entry: string;
  /** Offset of the payment's first line in the file after the edit. */
  readonly start: number;
}

const CHINESE = /\p{Script=Han}/u;

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `工商银行` of `Assets:1002-银行存款:01-工商银行`. */
export function accountLabel(account: string): string {
  const last = account.slice(account.lastIndexOf(":") + 1);
  const withoutCode = last.replace(/^[A-Za-z]*\d+-/, "");
  return withoutCode === "" ? last : withoutCode;
}

/** The payment transaction's lines. `scaleOf` gives the commodity's usual digits. */
export function paymentLines(plan: PaymentPlan, column: number, scaleOf: (currency: string) => number, bankFile: boolean): string[] {
  const accounts = [plan.from, ...plan.employees.map((employee) => employee.payee.account)];
  const chinese = accounts.some((account) => CHINESE.test(account));
  const narration = chinese
    ? (bankFile ? "报销款支付（网银批量代付）" : "报销款支付")
    : (bankFile ? "Expense claims reimbursed (batch transfer)" : "Expense claims reimbursed");
  const links = plan.claims.map((id) => ` ^${id}`).join("");
  const posting = (account: string, value: Decimal, currency: string, scale: number): string => {
    const amount = value.toFixed(Math.max(scaleOf(currency), scale, value.decimalPlaces()));
    const lead = `  ${account}`;
    const gap = Math.max(2, column - displayWidth(lead) - amount.length);
    return `${lead}${" ".repeat(gap)}${amount} ${currency}`;
  };
  const lines = [`${plan.date} * ${quote(accountLabel(plan.from))} ${quote(narration)}${links}`];
  for (const employee of plan.employees) {
    lines.push(posting(employee.payee.account, employee.owed, employee.currency, employee.scale));
    if (employee.offset !== null) lines.push(posting(employee.offset.account, employee.offset.amount.neg(), employee.currency, employee.scale));
  }
  for (const total of plan.totals) lines.push(posting(plan.from, total.amount.neg(), total.currency, total.scale));
  return lines;
}

/** The payment appended to `file` (whose end is `end`, file-end.ts), aligned with its amounts. */
export function paymentEdit(plan: PaymentPlan, file: string, end: FileEnd, scaleOf: (currency: string) => number, bankFile: boolean): PaymentEdit {
  const lines = paymentLines(plan, end.amountColumn(), scaleOf, bankFile);
  const appended = appendEntriesAt(file, end.length, [lines], end.layout);
  return { edit: appended.edit, entry: lines.join("\n"), start: appended.starts[0]! };
}
