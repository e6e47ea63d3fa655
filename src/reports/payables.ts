// What is owed to employees on posted expense claims at a date (应付报销款): per payable account,
// each claim not fully paid with its amount, what linked payments paid, what is still owed, and its
// age in days (账龄) counted from the day it was posted (入账: `posted-on`, else the claim's date); a subtotal
// per employee, with the payable account's balance in the books beside it (a difference means
// payments or charges on the account that link no claim), and totals per commodity. Which claims
// are paid is claims/payments.ts's rule.
import type { LedgerEntry } from "../core/data.js";
import { DecimalSum } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { isPendingClaim, metaText } from "../claims/claim.js";
import { claimBalances, owedOn } from "../claims/payments.js";
import { openDirectives, payeeOf } from "../claims/payees.js";
import type { DisplayScales } from "./display.js";
import { SUBTOTAL, TOTAL, amountText, periodCaption, type Localized, type Sheet, type SheetColumn, type SheetRow } from "./sheet.js";
import { phrase } from "../i18n/phrase.js";

export interface PayablesQuery {
  readonly liabilitiesRoot: string;
  /** Exclusive: only entries dated before it count; null for the whole journal. */
  readonly end: string | null;
  /** The date ages are counted to: the end date, else today. */
  readonly asOf: string;
}

export interface PayableClaim {
  readonly id: string;
  readonly date: string;
  readonly postedOn: string;
  readonly amount: Decimal;
  readonly paid: Decimal;
  readonly owed: Decimal;
  /** Days from posting to the as-of date (0 for a claim posted after it: dated before it, posted later). */
  readonly age: number;
}

export interface EmployeePayables {
  readonly account: string;
  /** The open's `employee`, else the claimant of the first claim. */
  readonly name: string;
  readonly currency: string;
  readonly claims: readonly PayableClaim[];
  readonly amount: Decimal;
  readonly paid: Decimal;
  readonly owed: Decimal;
  /** The account's credit balance in the books over the same entries (positive: owed). */
  readonly balance: Decimal;
}

export interface PayablesReport {
  readonly query: PayablesQuery;
  /** By account, then commodity. */
  readonly employees: readonly EmployeePayables[];
  readonly totals: readonly { readonly currency: string; readonly amount: Decimal; readonly paid: Decimal; readonly owed: Decimal }[];
}

const DAY = 86_400_000;
const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY);
}

/**
 * The balances of the payable accounts (each with its subaccounts, in its own currency) before
 * `end`, as owed, keyed as `groups` is: one pass over the entries for all of them.
 */
function accountBalances(
  entries: readonly LedgerEntry[], groups: ReadonlyMap<string, { account: string; currency: string }>, end: string | null,
): Map<string, Decimal> {
  const accounts = new Set([...groups.values()].map((group) => group.account));
  /** For each posting account seen, the group accounts it falls under (itself or an ancestor). */
  const under = new Map<string, string[]>();
  const groupAccountsOf = (account: string): string[] => {
    let found = under.get(account);
    if (found === undefined) {
      found = [];
      for (let prefix = account; ; prefix = prefix.slice(0, prefix.lastIndexOf(":"))) {
        if (accounts.has(prefix)) found.push(prefix);
        if (!prefix.includes(":")) break;
      }
      under.set(account, found);
    }
    return found;
  };
  const sums = new Map<string, DecimalSum>([...groups.keys()].map((key) => [key, new DecimalSum()]));
  // (Postings read in place, their units added as scaled integers: see books/postings.ts.)
  const add: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    for (const group of groupAccountsOf(account)) {
      const sum = sums.get(`${group}\u0000${currency}`);
      if (sum === undefined) continue;
      sum.addUnits(scaled, scale, decimal);
    }
  };
  for (const entry of entries) {
    if (end !== null && entry.date >= end) break;
    if (entry.type !== "transaction" || isPendingClaim(entry)) continue;
    forEachPosting(entry, add);
  }
  return new Map([...sums].map(([key, sum]) => [key, sum.value.neg()]));
}

export function payablesReport(entries: readonly LedgerEntry[], query: PayablesQuery): PayablesReport {
  const opens = openDirectives(entries);
  const groups = new Map<string, { account: string; currency: string; name: string; claims: PayableClaim[] }>();
  for (const balance of claimBalances(entries, { liabilitiesRoot: query.liabilitiesRoot, end: query.end }).values()) {
    for (const debt of balance.debts) {
      const owed = owedOn(debt);
      if (owed.isZero()) continue;
      const key = `${debt.account}\u0000${debt.currency}`;
      let group = groups.get(key);
      if (group === undefined) {
        const name = payeeOf(debt.account, opens).name ?? metaText(balance.claim.meta, "claimant") ?? "";
        groups.set(key, (group = { account: debt.account, currency: debt.currency, name, claims: [] }));
      }
      group.claims.push({
        id: balance.id, date: balance.claim.date, postedOn: balance.postedOn, amount: debt.amount, paid: debt.paid, owed, age: Math.max(0, daysBetween(balance.postedOn, query.asOf)),
      });
    }
  }
  const sum = (claims: readonly PayableClaim[], part: (claim: PayableClaim) => Decimal) => claims.reduce((total, claim) => total.plus(part(claim)), new Decimal(0));
  const balances = accountBalances(entries, groups, query.end);
  const employees = [...groups.values()]
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((group) => ({
      ...group,
      amount: sum(group.claims, (claim) => claim.amount),
      paid: sum(group.claims, (claim) => claim.paid),
      owed: sum(group.claims, (claim) => claim.owed),
      balance: balances.get(`${group.account}\u0000${group.currency}`)!,
    }));
  const totals = new Map<string, { currency: string; amount: Decimal; paid: Decimal; owed: Decimal }>();
  for (const employee of employees) {
    const total = totals.get(employee.currency) ?? { currency: employee.currency, amount: new Decimal(0), paid: new Decimal(0), owed: new Decimal(0) };
    totals.set(employee.currency, {
      currency: employee.currency, amount: total.amount.plus(employee.amount), paid: total.paid.plus(employee.paid), owed: total.owed.plus(employee.owed),
    });
  }
  return { query, employees, totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)) };
}


export function payablesSheet(report: PayablesReport, scales: DisplayScales): Sheet {
  const columns: SheetColumn[] = [
    { key: "payee", header: phrase("payables Employee", {}), kind: "text", heading: true, show: "table" },
    { key: "account", header: phrase("payables Payable", {}), kind: "text", show: "data" },
    { key: "employee", header: phrase("payables Employee", {}), kind: "text", show: "data" },
    { key: "claim", header: phrase("label Claim", {}), kind: "text", label: true },
    { key: "date", header: phrase("label Date", {}), kind: "text", show: "data" },
    { key: "posted", header: phrase("payables Posted", {}), kind: "text" },
    { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
    { key: "amount", header: phrase("column amount", {}), kind: "amount" },
    { key: "paid", header: phrase("payables Paid", {}), kind: "amount" },
    { key: "owed", header: phrase("payables Owed", {}), kind: "amount" },
    { key: "age", header: phrase("payables Days", {}), kind: "count" },
    { key: "balance", header: phrase("payables Balance", {}), kind: "amount" },
  ];
  const money = (value: Decimal, currency: string) => amountText(value, currency, scales);
  const rows: SheetRow[] = [];
  for (const employee of report.employees) {
    for (const claim of employee.claims) {
      rows.push({
        cells: {
          payee: `${employee.name}  ${employee.account}`, account: employee.account, employee: employee.name, claim: claim.id, date: claim.date, posted: claim.postedOn, commodity: employee.currency,
          amount: money(claim.amount, employee.currency), paid: money(claim.paid, employee.currency), owed: money(claim.owed, employee.currency),
          age: String(claim.age), balance: null,
        },
      });
    }
    rows.push({
      // Owed on the claims but not in the books (or the other way round) stands out.
      alert: !employee.balance.equals(employee.owed),
      cells: {
        payee: `${employee.name}  ${employee.account}`, account: employee.account, employee: employee.name, claim: SUBTOTAL, date: null, posted: null, commodity: employee.currency,
        amount: money(employee.amount, employee.currency), paid: money(employee.paid, employee.currency), owed: money(employee.owed, employee.currency),
        age: null, balance: money(employee.balance, employee.currency),
      },
    });
  }
  const totals: SheetRow[] = report.totals.map((total) => ({
    cells: {
      payee: TOTAL, account: TOTAL, employee: null, claim: null, date: null, posted: null, commodity: total.currency,
      amount: money(total.amount, total.currency), paid: money(total.paid, total.currency), owed: money(total.owed, total.currency), age: null, balance: null,
    },
  }));
  const { query } = report;
  return {
    report: "payables",
    caption: [phrase("payables Owed on expense claims", {}), periodCaption(null, query.end), phrase("payables ages at", { date: query.asOf })],
    facts: { end: query.end, asOf: query.asOf },
    columns,
    rows,
    totals,
  };
}
