// What `pay` pays: the named posted claims (or every one still owed), grouped per employee, i.e.
// per payable account, and per commodity; each group's total is what its claims still owe. An open
// advance of the employee (借款 / 备用金: a debit balance on the advance receivable on the payment
// date) is offset first: the payable is debited in full, the receivable credited with the part
// offset, and only the rest comes out of the paying account. Everything is checked here that can be
// known without the ledger after the payment (see payment-check.ts for the rest); any refusal
// refuses the whole payment.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import type { AccountRoots } from "../core/options.js";
import { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { claimId, claimStatus } from "./claim.js";
import { claimBalances, owedOn, type ClaimBalance } from "./payments.js";
import { advanceAccount, balanceThrough, closeDates, openDirectives, payeeOf, type Payee } from "./payees.js";
import { placeOf } from "./place.js";
import { message, type Message } from "../i18n/message.js";

export interface PaymentRequest {
  /** Claim ids, or every posted claim still owed that is dated on or before the payment date. */
  readonly claims: readonly string[] | "all";
  /** The asset account the money comes out of (bank or cash). */
  readonly from: string;
  readonly date: string;
  /** Offset open advances (the default); false pays in full (--no-offset). */
  readonly offset: boolean;
  /** A bank file is asked for: every employee paid through the bank needs a `bank-account`. */
  readonly bankFile: boolean;
}

export interface PaidClaim {
  readonly id: string;
  readonly claim: BookedTransaction;
  /** The claim's credit to the payable. */
  readonly amount: Decimal;
  /** What this payment settles: all that is still owed. */
  readonly owed: Decimal;
}

export interface Offset {
  /** The employee's advance receivable. */
  readonly account: string;
  /** Its debit balance on the payment date, before this payment. */
  readonly open: Decimal;
  /** The part of the payable settled against it. */
  readonly amount: Decimal;
}

export interface EmployeePayment {
  readonly payee: Payee;
  readonly currency: string;
  /** Digits the claims wrote the commodity with (the writer may use more). */
  readonly scale: number;
  readonly claims: readonly PaidClaim[];
  /** The debit to the payable: the sum of what the claims owe. */
  readonly owed: Decimal;
  readonly offset: Offset | null;
  /** What the paying account pays this employee: owed less the offset. */
  readonly paid: Decimal;
}

export interface PaymentPlan {
  readonly date: string;
  readonly from: string;
  /** By payable account, then commodity. */
  readonly employees: readonly EmployeePayment[];
  /** The claims' ids in claim date order (then journal order): the payment's links. */
  readonly claims: readonly string[];
  /** The credit to the paying account per commodity; commodities fully offset are left out. */
  readonly totals: readonly { readonly currency: string; readonly amount: Decimal; readonly scale: number }[];
}

/** With --all, a claim owed that cannot be paid by this payment, and why (the rest are paid). */
export interface Skipped {
  readonly id: string;
  readonly claim: BookedTransaction;
  readonly reason: Message;
}

export interface Refusal {
  /** The claim refused, or null for a reason that concerns the whole payment. */
  readonly id: string | null;
  readonly claim: BookedTransaction | null;
  readonly reason: Message;
}

export type PaymentPlanResult =
  | { readonly kind: "plan"; readonly plan: PaymentPlan; readonly skipped: readonly Skipped[] }
  | { readonly kind: "nothing"; readonly reason: Message; readonly skipped: readonly Skipped[] }
  | { readonly kind: "refused"; readonly refusals: readonly Refusal[] };

interface Journal {
  readonly entries: readonly LedgerEntry[];
  readonly options: { readonly accountRoots: AccountRoots };
  readonly sources: ReadonlyMap<string, { text: string }>;
}

/** Characters beancount takes in a link (`^EC-2026-031`): the payment must read in bean-check too. */
const LINK = /^[A-Za-z0-9\-_/.]+$/;

/**
 * Every claim carrying each of `ids`, in ledger order (findClaims of each), found in one pass over
 * the entries rather than one per id.
 */
function claimsNamed(entries: readonly LedgerEntry[], ids: ReadonlySet<string>): Map<string, LedgerEntry[]> {
  const found = new Map<string, LedgerEntry[]>();
  for (const id of ids) found.set(id, []);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const id = claimId(entry);
    if (id !== null) found.get(id)?.push(entry);
  }
  return found;
}

/** Why a named claim cannot be paid, or null when it can. `found`: the claims carrying `id` (findClaims). */
function claimProblem(journal: Journal, id: string, found: readonly LedgerEntry[], balance: ClaimBalance | undefined, date: string): Message | null {
  if (found.length === 0) return message("writer no claim", { id });
  if (found.length > 1) return message("writer claim id used", { id, count: found.length, places: found.map((entry) => placeOf(entry.span, journal.sources)).join(", ") });
  if (balance === undefined) {
    const status = claimStatus(found[0] as BookedTransaction);
    return message("pay not posted", { status: `${status}` });
  }
  if (balance.debts.length === 0) return message("pay owes nothing", {});
  if (balance.debts.every((debt) => owedOn(debt).isZero())) {
    const payments = balance.debts.flatMap((debt) => debt.payments.map((payment) => payment.entry));
    return message("pay already paid", { payments: [...new Set(payments)].map((entry) => ({ date: entry.date, place: placeOf(entry.span, journal.sources) })) });
  }
  if (balance.claim.date > date) return message("pay dated after", { claimDate: balance.claim.date, date });
  if (!LINK.test(id)) return message("pay not a link", { id });
  return null;
}

/** Whether `account` is opened on or before `date` and not closed by then. */
function openOn(account: string, opens: ReturnType<typeof openDirectives>, closes: ReadonlyMap<string, string>, date: string): boolean {
  const open = opens.get(account);
  const closed = closes.get(account);
  return open !== undefined && open.date <= date && (closed === undefined || closed > date);
}

export function planPayment(journal: Journal, request: PaymentRequest): PaymentPlanResult {
  const roots = journal.options.accountRoots;
  // Named claims: only their balances are needed (and those of the claims their payments tie them to).
  const balances = claimBalances(journal.entries, { liabilitiesRoot: roots.liabilities, end: null }, request.claims === "all" ? undefined : new Set(request.claims));
  const refusals: Refusal[] = [];
  const chosen: ClaimBalance[] = [];
  const skipped: Skipped[] = [];
  if (request.claims === "all") {
    for (const balance of balances.values()) {
      if (balance.claim.date > request.date || balance.debts.every((debt) => owedOn(debt).isZero())) continue;
      if (LINK.test(balance.id)) chosen.push(balance);
      else skipped.push({ id: balance.id, claim: balance.claim, reason: message("pay not a link", { id: balance.id }) });
    }
  } else {
    const ids = new Set(request.claims);
    const named = claimsNamed(journal.entries, ids);
    for (const id of ids) {
      const balance = balances.get(id);
      const found = named.get(id)!;
      const problem = claimProblem(journal, id, found, balance, request.date);
      if (problem !== null) refusals.push({ id, claim: balance?.claim ?? (found[0] as BookedTransaction | undefined) ?? null, reason: problem });
      else chosen.push(balance!);
    }
  }

  const opens = openDirectives(journal.entries);
  const closes = closeDates(journal.entries);
  if (!isUnder(request.from, roots.assets)) {
    refusals.push({ id: null, claim: null, reason: message("pay from not asset", { from: request.from, assets: roots.assets }) });
  } else if (!openOn(request.from, opens, closes, request.date)) {
    refusals.push({ id: null, claim: null, reason: message("pay from not open", { from: request.from, date: request.date }) });
  }
  if (refusals.length > 0) return { kind: "refused", refusals };
  if (chosen.length === 0) return { kind: "nothing", reason: message("pay nothing owed", { date: request.date }), skipped };

  chosen.sort((a, b) => (a.claim.date < b.claim.date ? -1 : a.claim.date > b.claim.date ? 1 : 0));
  const groups = new Map<string, { account: string; currency: string; scale: number; claims: PaidClaim[] }>();
  for (const balance of chosen) {
    for (const debt of balance.debts) {
      const owed = owedOn(debt);
      if (owed.isZero()) continue;
      const key = `${debt.account}\u0000${debt.currency}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { account: debt.account, currency: debt.currency, scale: debt.scale, claims: [] }));
      group.scale = Math.max(group.scale, debt.scale);
      group.claims.push({ id: balance.id, claim: balance.claim, amount: debt.amount, owed });
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));

  // What is left of each advance as employees are paid (two payables may name one advance account).
  const advanceLeft = new Map<string, Decimal>();
  const employees: EmployeePayment[] = [];
  for (const group of ordered) {
    const payee = payeeOf(group.account, opens);
    const owed = group.claims.reduce((sum, claim) => sum.plus(claim.owed), new Decimal(0));
    let offset: Offset | null = null;
    if (request.offset) {
      const advance = advanceAccount(payee, opens, closes, roots.assets, request.date, request.from);
      if ("ambiguous" in advance) {
        refusals.push({ id: null, claim: null, reason: message("pay advance ambiguous", { account: group.account, candidates: advance.ambiguous.join(", ") }) });
        continue;
      }
      if ("account" in advance) {
        const key = `${advance.account}\u0000${group.currency}`;
        const open = advanceLeft.get(key) ?? balanceThrough(journal.entries, advance.account, group.currency, request.date);
        const amount = open.greaterThan(0) ? Decimal.min(open, owed) : new Decimal(0);
        advanceLeft.set(key, open.minus(amount));
        if (amount.greaterThan(0)) offset = { account: advance.account, open, amount };
      }
    }
    const paid = owed.minus(offset?.amount ?? 0);
    if (request.bankFile && paid.greaterThan(0) && payee.bankAccount === null) {
      refusals.push({ id: null, claim: null, reason: message("pay no bank account", { account: group.account }) });
    }
    employees.push({ payee, currency: group.currency, scale: group.scale, claims: group.claims, owed, offset, paid });
  }
  if (refusals.length > 0) return { kind: "refused", refusals };

  const totals = new Map<string, { currency: string; amount: Decimal; scale: number }>();
  for (const employee of employees) {
    const total = totals.get(employee.currency) ?? { currency: employee.currency, amount: new Decimal(0), scale: 0 };
    totals.set(employee.currency, { currency: employee.currency, amount: total.amount.plus(employee.paid), scale: Math.max(total.scale, employee.scale) });
  }
  return {
    kind: "plan",
    skipped,
    plan: {
      date: request.date,
      from: request.from,
      employees,
      claims: chosen.map((balance) => balance.id),
      totals: [...totals.values()].filter((total) => !total.amount.isZero()),
    },
  };
}
