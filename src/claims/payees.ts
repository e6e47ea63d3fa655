// Who a payable account is owed to, read from its `open` directive's metadata:
//
//   2026-01-01 open Liabilities:2241-其他应付款:E01-王伟
//     employee: "王伟"
//     department: "华东销售部"
//     bank-account: "6222000000000000101"     (the bank file's 收款账号)
//     bank: "工商银行上海张江支行"               (the bank file's 开户行)
//     advance-account: Assets:1221-其他应收款:E01-王伟   (optional, see advanceAccount)
//
// and the employee's advance (借款 / 备用金) receivable, whose open balance `pay` offsets.
import type { LedgerEntry, Open } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { isPendingClaim, metaText } from "./claim.js";

export interface Payee {
  /** The payable account. */
  readonly account: string;
  /** `employee` of its open, else null. */
  readonly name: string | null;
  readonly bankAccount: string | null;
  readonly bank: string | null;
  /** `advance-account` of its open, else null. */
  readonly advanceAccount: string | null;
}

/** The metadata of each account's open (the last open of an account wins). */
export function openDirectives(entries: readonly LedgerEntry[]): Map<string, Open> {
  const opens = new Map<string, Open>();
  for (const entry of entries) if (entry.type === "open") opens.set(entry.account, entry);
  return opens;
}

/** The close date of each closed account. */
export function closeDates(entries: readonly LedgerEntry[]): Map<string, string> {
  const closes = new Map<string, string>();
  for (const entry of entries) if (entry.type === "close") closes.set(entry.account, entry.date);
  return closes;
}

const blankToNull = (text: string | null): string | null => (text === null || text.trim() === "" ? null : text.trim());

export function payeeOf(account: string, opens: ReadonlyMap<string, Open>): Payee {
  const meta = opens.get(account)?.meta ?? [];
  return {
    account,
    name: blankToNull(metaText(meta, "employee")),
    bankAccount: blankToNull(metaText(meta, "bank-account")),
    bank: blankToNull(metaText(meta, "bank")),
    advanceAccount: blankToNull(metaText(meta, "advance-account")),
  };
}

/** The code that starts an account's last component: `E01` of `...:E01-王伟`, or null. */
export function employeeCode(account: string): string | null {
  const last = account.slice(account.lastIndexOf(":") + 1);
  return /^([A-Za-z]+\d+)(?:-|$)/.exec(last)?.[1] ?? null;
}

export type AdvanceAccount =
  | { readonly account: string }
  | { readonly none: true }
  | { readonly ambiguous: readonly string[] };

/**
 * The employee's advance receivable: `advance-account` on the payable's open, else the one asset
 * account open on `date` whose last component starts with the same employee code (`E01-` of
 * `Liabilities:2241-其他应付款:E01-王伟` finds `Assets:1221-其他应收款:E01-王伟`). A code that needs a
 * letter keeps bank accounts (`01-工商银行`) out; more than one match is for the user to settle.
 */
export function advanceAccount(payee: Payee, opens: ReadonlyMap<string, Open>, closes: ReadonlyMap<string, string>, assetsRoot: string, date: string, exclude: string): AdvanceAccount {
  if (payee.advanceAccount !== null) return { account: payee.advanceAccount };
  const code = employeeCode(payee.account);
  if (code === null) return { none: true };
  const found: string[] = [];
  for (const [account, open] of opens) {
    if (account === exclude || !isUnder(account, assetsRoot) || open.date > date) continue;
    const closed = closes.get(account);
    if (closed !== undefined && closed <= date) continue;
    if (employeeCode(account) === code) found.push(account);
  }
  if (found.length === 0) return { none: true };
  return found.length === 1 ? { account: found[0]! } : { ambiguous: found.sort() };
}

/** The balance of an account and its subaccounts in one commodity over entries dated on or before `date` (pending claims left out). */
export function balanceThrough(entries: readonly LedgerEntry[], account: string, currency: string, date: string): Decimal {
  let sum = new Decimal(0);
  for (const entry of entries) {
    if (entry.date > date) break;
    if (entry.type !== "transaction" || isPendingClaim(entry)) continue;
    for (const posting of entry.booked) {
      if (posting.units.currency === currency && isUnder(posting.account, account)) sum = sum.plus(posting.units.number);
    }
  }
  return sum;
}
