// Approval authority (审批权限): how much each person may approve, and whether a claim's approvals
// cover what it charges.
//
//   2026-01-01 custom "approval-limit" "赵敏" 1000.00 CNY
//
// A declaration holds from its date; a later one for the same person (names compared by personKey)
// replaces it. The limit that counts for an approval is the one in force on its date (`approved-on`,
// or the claim's date when the approval has none). When the books declare no limit at all, there
// are no limits: one approval by someone other than the claimant covers any claim. Once any limit is
// declared (even one written wrongly), an approver without a limit in force covers nothing.
//
// A claim's approvals are `approved-by`/`approved-on` (the first, as before limits existed), then
// `approved-by-2`/`approved-on-2`, `-3`, ... for each further approver: every approval keeps its
// person and date, and the keys stay valid beancount metadata (one key per line, unique per entry).
// The claim is covered when the highest limit among its approvers (the claimant's own approval
// never counts) is at least its charges: the sum of its positive postings to expense accounts, the
// Amount column of `claims`. A limit covers only its own currency, so a claim charged in two
// currencies cannot be covered by any limit (split it into one claim per currency).
import type { BookedTransaction, Custom, LedgerEntry, MetaEntry, MetaValue, Transaction } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { Span } from "../core/span.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { personKeys } from "../core/names.js";
import { isUnder } from "../core/accounts.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { entryMetaText, valueText } from "./claim.js";
import { money } from "./control.js";
import { message, say, type Message } from "../i18n/message.js";
import type { Shortfall } from "../i18n/en-checks.js";
import { nonTransactions } from "../core/non-transactions.js";

export interface ApprovalLimit {
  /** The name as the declaration writes it. */
  readonly person: string;
  /** personKey of the name. */
  readonly key: string;
  readonly limit: Decimal;
  readonly scale: number;
  readonly currency: string;
  /** First day the limit holds. */
  readonly start: string;
  readonly span: Span;
}

export interface Authority {
  /** Whether the books declare any approval limit; without one there are no limits. */
  readonly declared: boolean;
  /** Each person's limits by personKey, in date order. */
  readonly limits: ReadonlyMap<string, readonly ApprovalLimit[]>;
  /** The root of expense accounts: what a claim charges is what it posts under it. */
  readonly expensesRoot: string;
  /** personKey, remembered. */
  readonly keyOf: (name: string) => string;
}

const USAGE = 'custom "approval-limit" "NAME" AMOUNT';

export function readApprovalLimit(entry: Custom, keyOf: (name: string) => string): ApprovalLimit | { problem: Message } {
  const [name, amount, extra] = entry.values;
  if (name?.type !== "string" || keyOf(name.value) === "") return { problem: message("approval-limit-no-name", { usage: USAGE }) };
  if (amount?.type !== "amount") return { problem: message("approval-limit-no-amount", { usage: USAGE }) };
  if (amount.value.number.isNegative()) return { problem: message("approval-limit-negative", { usage: USAGE }) };
  if (extra !== undefined) return { problem: message("approval-limit-extra", { usage: USAGE }) };
  return {
    person: name.value, key: keyOf(name.value), limit: amount.value.number, scale: amount.value.scale,
    currency: amount.value.currency, start: entry.date, span: entry.span,
  };
}

/** Every approval limit of the books, and the declarations that cannot be read, as errors. */
export function collectAuthority(entries: readonly LedgerEntry[], expensesRoot: string): { authority: Authority; diagnostics: Diagnostic[] } {
  const keyOf = personKeys();
  const limits = new Map<string, ApprovalLimit[]>();
  const diagnostics: Diagnostic[] = [];
  let declared = false;
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "custom" || entry.customType !== "approval-limit") continue;
    declared = true;
    const limit = readApprovalLimit(entry, keyOf);
    if ("problem" in limit) {
      diagnostics.push(error("approval-limit-malformed", limit.problem, entry.span));
      continue;
    }
    const list = limits.get(limit.key);
    if (list) list.push(limit);
    else limits.set(limit.key, [limit]);
  }
  return { authority: { declared, limits, expensesRoot, keyOf }, diagnostics };
}

/** The limit of `name` in force on `date` (entries are sorted, so each list is in date order). */
export function limitOn(authority: Authority, name: string, date: string): ApprovalLimit | null {
  let found: ApprovalLimit | null = null;
  for (const limit of authority.limits.get(authority.keyOf(name)) ?? []) {
    if (limit.start <= date) found = limit;
    else break;
  }
  return found;
}

/** One approval recorded in a claim. */
export interface Approval {
  /** The approver as written. */
  readonly by: string;
  /** The approval's date, or null when it has none (or one that is not a date). */
  readonly on: string | null;
  /** 1 for `approved-by`, N for `approved-by-N`. */
  readonly number: number;
}

const NUMBERED = /^approved-(by|on)-([1-9]\d*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The metadata keys of approval `number`. */
export function approvalKeys(number: number): { by: string; on: string } {
  return number === 1 ? { by: "approved-by", on: "approved-on" } : { by: `approved-by-${number}`, on: `approved-on-${number}` };
}

/** The number of a further approval's key (`approved-on-2` -> 2), or null for any other key. */
export function furtherApprovalNumber(key: string): number | null {
  // Every claim's keys come through here: most end in a letter, which settles it without the regex.
  const last = key.charCodeAt(key.length - 1);
  if (last < 48 || last > 57) return null;
  const match = NUMBERED.exec(key);
  const number = match === null ? 0 : Number(match[2]);
  return number >= 2 ? number : null;
}

const isFurtherApprovalKey = (key: string): boolean => furtherApprovalNumber(key) !== null;

/** An approval's date from its `approved-on` value as kept (see PlainTransaction.rawMeta): null when absent or not a date. */
export function approvalDate(value: MetaValue | string | undefined): string | null {
  return dateOf(value);
}

function dateOf(value: MetaValue | string | undefined): string | null {
  if (value === undefined) return null;
  const text = typeof value === "string" ? value : value.type === "date" || value.type === "string" ? value.value : null;
  return text !== null && DATE.test(text) ? text : null;
}

/** The claim's approvals in their order: `approved-by`, then `approved-by-2`, `-3`, ... */
export function claimApprovals(claim: Transaction): Approval[] {
  const first = entryMetaText(claim, "approved-by");
  if (claim instanceof PlainTransaction && !claim.someMetaKey(isFurtherApprovalKey)) {
    // Almost every claim has one approval at most: read it in place, into an array of its size (an
    // empty array grown by a push gets room for 17: 26 MB of garbage over 100,000 claims).
    return first === null ? [] : [{ by: first, on: dateOf(claim.rawMeta("approved-on")), number: 1 }];
  }
  const approvals: Approval[] = [];
  const further = new Map<number, { by?: string | null; on?: MetaValue }>();
  for (const entry of claim.meta as readonly MetaEntry[]) {
    const number = furtherApprovalNumber(entry.key);
    if (number === null) continue;
    const slot = further.get(number) ?? {};
    if (entry.key.startsWith("approved-by-")) slot.by ??= valueText(entry.value);
    else slot.on ??= entry.value;
    further.set(number, slot);
  }
  if (first !== null) approvals.push({ by: first, on: dateOf(claim.meta.find((entry) => entry.key === "approved-on")?.value), number: 1 });
  for (const number of [...further.keys()].sort((a, b) => a - b)) {
    const slot = further.get(number)!;
    if (slot.by !== undefined && slot.by !== null) approvals.push({ by: slot.by, on: dateOf(slot.on), number });
  }
  return approvals;
}

/** What a claim charges: its positive postings under the expenses root, per currency, in first-seen order. */
export function claimCharges(claim: BookedTransaction, expensesRoot: string): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const posting of claim.booked) {
    if (!isUnder(posting.account, expensesRoot) || !posting.units.number.greaterThan(0)) continue;
    totals.set(posting.units.currency, (totals.get(posting.units.currency) ?? new Decimal(0)).plus(posting.units.number));
  }
  return totals;
}

/** An approval that counts toward coverage, with the limit in force on its date. */
export interface CountedApproval {
  readonly approval: Approval;
  /** The approver's limit on the approval's date; null when none was in force (or no limits exist). */
  readonly limit: ApprovalLimit | null;
}

export interface Coverage {
  /** Whether the approvals cover what the claim charges. */
  readonly covered: boolean;
  /** What the claim charges, per currency (empty when it charges nothing). */
  readonly charges: ReadonlyMap<string, Decimal>;
  /** The approvals that count: every one but the claimant's own. */
  readonly counted: readonly CountedApproval[];
  /**
   * Who may still approve it so that it is covered: the declared people whose latest limit covers
   * it, lowest limit first, leaving out the claimant and those who approved it already. Empty when
   * it is covered or when the books declare no limits.
   */
  readonly awaiting: readonly string[];
}

/** Whether `limit` covers charges of `charges` (one currency at most). */
function covers(limit: ApprovalLimit, charges: ReadonlyMap<string, Decimal>): boolean {
  if (charges.size === 0) return true;
  if (charges.size > 1) return false;
  const amount = charges.get(limit.currency);
  return amount !== undefined && amount.lessThanOrEqualTo(limit.limit);
}

/** Whether the approvals of `claim` cover what it charges, and who may still approve it. */
export function approvalCoverage(claim: BookedTransaction, authority: Authority, approvals: readonly Approval[] = claimApprovals(claim)): Coverage {
  const claimant = authority.keyOf(entryMetaText(claim, "claimant") ?? "");
  const counted = approvals
    .filter((approval) => authority.keyOf(approval.by) !== claimant)
    .map((approval) => ({ approval, limit: authority.declared ? limitOn(authority, approval.by, approval.on ?? claim.date) : null }));
  const charges = authority.declared ? claimCharges(claim, authority.expensesRoot) : new Map<string, Decimal>();
  if (!authority.declared) return { covered: counted.length > 0, charges, counted, awaiting: [] };
  const covered = counted.some(({ limit }) => limit !== null && covers(limit, charges));
  if (covered) return { covered, charges, counted, awaiting: [] };
  const approved = new Set(approvals.map((approval) => authority.keyOf(approval.by)));
  const candidates: ApprovalLimit[] = [];
  for (const [key, limits] of authority.limits) {
    const latest = limits[limits.length - 1]!;
    if (key !== claimant && !approved.has(key) && covers(latest, charges)) candidates.push(latest);
  }
  // A stable sort: people with one limit keep the order of their first declarations.
  candidates.sort((a, b) => a.limit.comparedTo(b.limit));
  return { covered, charges, counted, awaiting: candidates.map((limit) => limit.person) };
}

/**
 * Why a claim's approvals do not cover it, e.g. "approvals do not cover 1376.00 CNY (赵敏 may
 * approve up to 1000.00 CNY)". Amounts show at least two decimals, or as many as the limits have.
 */
export function shortfall(coverage: Coverage, claimDate: string): string {
  return say("en", "approval-shortfall", shortfallOf(coverage, claimDate));
}

/** The same, as the catalogue's parameters (src/i18n). */
export function shortfallOf(coverage: Coverage, claimDate: string): Shortfall {
  const scale = Math.max(2, ...coverage.counted.map(({ limit }) => limit?.scale ?? 0));
  const charged = [...coverage.charges].map(([currency, amount]) => money(amount, currency, scale)).join(" and ");
  const reasons = coverage.counted.map(({ approval, limit }) => ({
    by: approval.by, limit: limit === null ? null : money(limit.limit, limit.currency, limit.scale), on: approval.on ?? claimDate,
  }));
  return { charged, several: coverage.charges.size > 1, reasons };
}

/** What it takes to cover the claim: "an approval by 孙强 or 周建国", or that no one may. */
export function stillNeeded(coverage: Coverage): string {
  return say("en", "approval-still-needed", { awaiting: coverage.awaiting });
}
