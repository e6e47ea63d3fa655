// What is owed to employees on posted expense claims at a date (应付报销款): per payable account,
// each claim not fully paid with its amount, what linked payments paid, what is still owed, and its
// age in days (账龄) counted from the day it was posted (入账: `posted-on`, else the claim's date); a subtotal
// per employee, with the payable account's balance in the books beside it (a difference means
// payments or charges on the account that link no claim), and totals per commodity. Which claims
// are paid is claims/payments.ts's rule.
import type { BookedTransaction, IncompleteAmount, LedgerEntry, Open } from "../core/data.js";
import { DecimalSum, MAX_SCALE, POWERS_OF_TEN, decimalOf, hasNumber, sumAtScale } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { isPendingClaim, metaText } from "../claims/claim.js";
import { NO_LIABILITY, OpenDebt, claimBalanceList, owedOn, postedOnOf, rescaled, type ClaimBalanceList, type Debt } from "../claims/payments.js";
import { openDirectives, payeeOf } from "../claims/payees.js";
import { commonestScales, type DisplayScales } from "./display.js";
import { SUBTOTAL, TOTAL, amountText, periodCaption, type Sheet, type SheetColumn, type SheetRow } from "./sheet.js";
import { phrase } from "../i18n/phrase.js";
import { sheetOf, type SheetParts } from "./sheet-parts.js";

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
  /** displayScales of the entries, when asked for (counted in the pass that sums the payable accounts). */
  readonly scales?: DisplayScales;
}

const DAY = 86_400_000;
const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY);
}

/**
 * The days from 1970-01-01 to a YYYY-MM-DD date as Date.UTC counts them (a day past the month's
 * end runs into the next, as there), read from its digits without a Date: daysBetween(a, b) is
 * dayNumber(b) - dayNumber(a). NaN for any other text, a year before 100 (Date.UTC reads it as
 * 19xx) or a month outside 1-12: daysBetween then.
 */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let index = 0; index < 4; index++) {
    const digit = date.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    year = year * 10 + digit;
  }
  const m1 = date.charCodeAt(5) - 48;
  const m2 = date.charCodeAt(6) - 48;
  const d1 = date.charCodeAt(8) - 48;
  const d2 = date.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 100 || month < 1 || month > 12) return Number.NaN;
  // (The civil calendar's days, its years counted from March: Howard Hinnant's days_from_civil.)
  if (month <= 2) year--;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * displayScales' counts (reports/display.ts), a posting or balance at a time, in the same order:
 * each currency's units counted by their places as written.
 */
export class ScaleCounts {
  readonly counts = new Map<string, number[]>();
  /** The last currency counted and its counts (a journal is mostly one). */
  #lastCurrency: string | null = null;
  #lastCounts: number[] = [];

  count(currency: string, scale: number): void {
    if (currency !== this.#lastCurrency) {
      let byScale = this.counts.get(currency);
      if (byScale === undefined) this.counts.set(currency, (byScale = []));
      this.#lastCurrency = currency;
      this.#lastCounts = byScale;
    }
    this.#lastCounts[scale] = (this.#lastCounts[scale] ?? 0) + 1;
  }

  units(units: IncompleteAmount | null): void {
    if (units !== null && units.currency !== null && hasNumber(units)) this.count(units.currency, units.scale);
  }

  /** A compact transaction's posting at `at`, its units as written. */
  plainAt(entry: PlainTransaction, at: number): void {
    if (Number.isNaN(entry.scaledAt(at))) this.units(entry.unitsAt(at));
    else this.count(entry.currencyAt(at), entry.scaleAt(at));
  }

  /** What displayScales counts of an entry. */
  entry(entry: LedgerEntry): void {
    if (entry instanceof PlainTransaction) {
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) this.plainAt(entry, at);
    } else if (entry.type === "transaction") {
      for (const posting of entry.postings) this.units(posting.units);
    } else if (entry.type === "balance") this.count(entry.amount.currency, entry.amount.scale);
  }

  /** displayScales' result. */
  scales(): DisplayScales {
    return commonestScales(this.counts);
  }
}

/**
 * The balances of the payable accounts (each with its subaccounts, in its own currency) before
 * `end`, as owed, keyed as `groups` is: one pass over the entries for all of them. With `counts`,
 * every entry's units (in the range or not) counted into it in the same pass (see ScaleCounts).
 * With `claims` (claimBalanceList of the same entries, root and end), a claim's postings that it
 * knows not to be under the liabilities root are not looked up: the payable accounts are under it.
 * With `opens` (and `counts`: every entry read), each account's open set into it, as
 * openDirectives reads them.
 */
function accountBalances(
  entries: readonly LedgerEntry[], groups: ReadonlyMap<string, { account: string; currency: string }>, end: string | null, counts: ScaleCounts | null = null,
  claims: ClaimBalanceList | null = null, opens: Map<string, Open> | null = null,
): Map<string, Decimal> {
  /** Each group account's sums by currency. */
  const byAccount = new Map<string, Map<string, DecimalSum>>();
  const sums = new Map<string, DecimalSum>();
  for (const [key, group] of groups) {
    let byCurrency = byAccount.get(group.account);
    if (byCurrency === undefined) byAccount.set(group.account, (byCurrency = new Map()));
    const sum = new DecimalSum();
    byCurrency.set(group.currency, sum);
    sums.set(key, sum);
  }
  /** For each posting account seen, the sums of the group accounts it falls under (itself or an ancestor): mostly none. */
  const under = new Map<string, Map<string, DecimalSum>[]>();
  // (The last account asked for: forEachPosting asks isPayable, then add, for the same posting.)
  let lastAccount: string | null = null;
  let lastFound: Map<string, DecimalSum>[] = [];
  const sumsOf = (account: string): Map<string, DecimalSum>[] => {
    if (account === lastAccount) return lastFound;
    let found = under.get(account);
    if (found === undefined) {
      found = [];
      for (let prefix = account; ; prefix = prefix.slice(0, prefix.lastIndexOf(":"))) {
        const byCurrency = byAccount.get(prefix);
        if (byCurrency !== undefined) found.push(byCurrency);
        if (!prefix.includes(":")) break;
      }
      under.set(account, found);
    }
    lastAccount = account;
    lastFound = found;
    return found;
  };
  const isPayable = (account: string) => sumsOf(account).length > 0;
  const add: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    for (const byCurrency of sumsOf(account)) byCurrency.get(currency)?.addUnits(scaled, scale, decimal);
  };
  /** The next claim of `claims` (in journal order, as the entries) and where it is in the entries. */
  let nextClaim = 0;
  let nextOrder = claims === null || claims.size === 0 ? -1 : claims.orderAt(0);
  // (An index loop, the compact transactions' postings read in one loop that counts and sums:
  // the commonest path, its few calls made before V8 optimizes it, a hundred thousand times.)
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    /** Where the entry's only posting under the root is (a claim owing a lone debt); NO_LIABILITY: it has none; else -1. */
    let only = -1;
    if (index === nextOrder) {
      only = claims!.liabilityPostingAt(nextClaim);
      if (only < 0 && only !== NO_LIABILITY) only = -1;
      nextOrder = ++nextClaim < claims!.size ? claims!.orderAt(nextClaim) : -1;
    }
    const inRange = end === null || entry.date < end;
    if (!inRange && counts === null) break;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      // (Counted, in range or not; summed when in range and not a pending claim, its postings under
      // the root when known: see below.)
      const summed = inRange && only !== NO_LIABILITY && !(entry.flag === "!" && isPendingClaim(entry));
      if (!summed && counts === null) continue;
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        if (counts !== null) counts.plainAt(entry, at);
        if (!summed || (only >= 0 && at !== only)) continue;
        const account = entry.accountAt(at);
        const found = sumsOf(account);
        if (found.length === 0) continue;
        const scaled = entry.bookedScaledAt(at);
        if (Number.isNaN(scaled)) {
          const units = entry.bookedUnitsAt(at);
          for (const byCurrency of found) byCurrency.get(units.currency)?.addDecimal(units.number);
        } else {
          const currency = entry.bookedCurrencyAt(at);
          const scale = entry.bookedScaleAt(at);
          for (const byCurrency of found) byCurrency.get(currency)?.addScaled(scaled, scale);
        }
      }
      continue;
    }
    if (opens !== null && entry.type === "open") opens.set(entry.account, entry);
    if (!inRange || entry.type !== "transaction" || isPendingClaim(entry)) {
      counts?.entry(entry);
      continue;
    }
    counts?.entry(entry);
    // (Read in place, the units only of the postings to a payable: see books/postings.ts.)
    forEachPosting(entry, add, isPayable);
  }
  return new Map([...sums].map(([key, sum]) => [key, sum.value.neg()]));
}

/**
 * `value` × 10^scale as a safe integer, or NaN when that is not one (more places than `scale`, or
 * too many digits): read from the Decimal's digit words (decimal.js's documented internals, as
 * sheet.ts's fixedText reads them), without making another Decimal.
 */
export function scaledOf(value: Decimal, scale: number): number {
  const { d: words, e: exponent, s: sign } = value as unknown as { readonly d: readonly number[] | null; readonly e: number; readonly s: number };
  if (words === null || words.length === 0 || !(scale >= 0 && scale <= MAX_SCALE)) return Number.NaN;
  let digits = words[0]!;
  if (digits === 0) return 0;
  // (The first word's digits counted without making its text.)
  let count = 1;
  for (let power = 10; count < 7 && digits >= power; power *= 10) count++;
  const last = words.length - 1;
  for (let index = 1; index <= last; index++) {
    let word = words[index]!;
    let width = 7;
    // (The last word's trailing zeros are not digits of the value: 1.5 is [1, 5000000].)
    if (index === last) for (; word !== 0 && word % 10 === 0; word /= 10) width--;
    // (Past a safe integer, a product or sum of floats rounds to 2^53 or more: it is seen here.)
    digits = digits * POWERS_OF_TEN[width]! + word;
    if (digits > Number.MAX_SAFE_INTEGER) return Number.NaN;
    count += width;
  }
  // The first digit stands at 10^exponent: the digits as an integer are value × 10^(count - 1 - exponent).
  const shift = exponent + 1 - count + scale;
  let scaled: number;
  if (shift >= 0) {
    if (shift > MAX_SCALE) return Number.NaN;
    scaled = digits * POWERS_OF_TEN[shift]!;
    if (scaled > Number.MAX_SAFE_INTEGER) return Number.NaN;
  } else {
    if (-shift > MAX_SCALE) return Number.NaN;
    const power = POWERS_OF_TEN[-shift]!;
    if (digits % power !== 0) return Number.NaN;
    scaled = digits / power;
  }
  return sign < 0 ? -scaled : scaled;
}

/**
 * A running sum of scaled integers (`scaled` × 10^-scale) while every part and partial sum is a
 * safe integer at a scale up to MAX_SCALE: then each partial sum has at most 16 significant digits,
 * and Decimal additions in any order would have been exact too. `exact` turns false, for good,
 * when a part or a partial sum is not such an integer.
 */
interface ScaledSum {
  scaled: number;
  scale: number;
  exact: boolean;
}

function addTo(sum: ScaledSum, value: Decimal, scale: number): void {
  if (sum.exact) addScaledTo(sum, scaledOf(value, scale), scale);
}

/** addTo for a part given as `scaled` × 10^-scale (NaN: not a safe integer). */
function addScaledTo(sum: ScaledSum, scaled: number, scale: number): void {
  if (!sum.exact) return;
  const total = Number.isNaN(scaled) ? Number.NaN : sumAtScale(sum.scaled, sum.scale, scaled, scale);
  if (Number.isNaN(total)) {
    sum.exact = false;
    return;
  }
  sum.scaled = total;
  sum.scale = Math.max(sum.scale, scale);
}

/** What was paid on a claim owing a lone debt no payment touched (see ClaimBalanceList.forEachBalance). */
const NOTHING_PAID = new Decimal(0);

/**
 * A claim owed on, its Decimals those of its debt (made when first asked for: most claims are not
 * paid, and the table writes their amounts from the debt's scaled integer, see amountScaledAt).
 * A claim owing a lone debt that no payment touched is made without a Debt, from the debt's
 * scaled integer (`scaled` at `scale`, with `debt` null).
 */
export class OwedClaim implements PayableClaim {
  readonly #debt: Debt | null;
  /** What is owed when something was paid (or the debt was made from a Decimal); null: the amount. */
  readonly #owed: Decimal | null;
  readonly #scaled: number;
  readonly #scale: number;
  /** The lone debt's amount, made when first asked for. */
  #amount: Decimal | null = null;
  constructor(readonly id: string, readonly date: string, readonly postedOn: string, debt: Debt | null, owed: Decimal | null, readonly age: number, scaled = 0, scale = 0) {
    this.#debt = debt;
    this.#owed = owed;
    this.#scaled = scaled;
    this.#scale = scale;
  }

  get amount(): Decimal { return this.#debt !== null ? this.#debt.amount : (this.#amount ??= decimalOf(this.#scaled, this.#scale)); }
  get paid(): Decimal { return this.#debt !== null ? this.#debt.paid : NOTHING_PAID; }
  /** (The amount itself, the same Decimal, when nothing was paid.) */
  get owed(): Decimal { return this.#owed ?? this.amount; }

  /** Whether what is owed is the amount (nothing paid), as `owed === amount` tells. */
  get owesAmount(): boolean {
    return this.#owed === null || this.#owed === this.#debt?.amount;
  }

  /** The amount × 10^scale when nothing was paid and that is a safe integer read without a Decimal, else NaN. */
  amountScaledAt(scale: number): number {
    const debt = this.#debt;
    if (debt === null) return rescaled(this.#scaled, this.#scale, scale);
    return this.#owed === null && debt instanceof OpenDebt ? debt.amountScaledAt(scale) : Number.NaN;
  }
}

/**
 * The claims of an employee's payables as the report keeps them, in journal order: `items` four
 * numbers a claim and `postedOn` its posting date. A claim owing a lone debt no payment touched
 * (most claims): its number in `list`, its age, and what it owes, the liability posting's units
 * negated (more than zero), as a scaled integer and its scale; its PayableClaim made only when
 * asked for (the table writes its row from these: a hundred thousand claims make no object
 * each). Any other: -1 - its index in `kept`, then three zeros.
 */
export interface ClaimRun {
  readonly list: ClaimBalanceList;
  readonly items: number[];
  readonly postedOn: string[];
  readonly kept: OwedClaim[];
}

/** How many numbers a claim has in ClaimRun.items. */
export const ITEM_NUMBERS = 4;

interface Group extends ClaimRun {
  readonly account: string;
  readonly currency: string;
  /** Set once every group is made (see payablesReport). */
  name: string;
  /** The claim the group was made for. */
  readonly first: BookedTransaction;
  readonly amount: ScaledSum;
  /** What was paid on the claims (most are not paid at all: nothing added for them). */
  readonly paid: ScaledSum;
}

/** A sum of the claims' `part` as Decimals, in claim order (each partial sum rounded to the Decimal's precision as it comes). */
function decimalSum(claims: readonly PayableClaim[], part: (claim: PayableClaim) => Decimal): Decimal {
  return claims.reduce((total, claim) => total.plus(part(claim)), new Decimal(0));
}

/**
 * The group's amount, paid and owed. While the scaled sums were exact, owed is amount less paid
 * (each claim owes its amount less what was paid on it), all exact; else the Decimal sums as
 * they always were, claim by claim.
 */
function groupSums(group: Group): { amount: Decimal; paid: Decimal; owed: Decimal } {
  if (group.amount.exact && group.paid.exact) {
    const amount = decimalOf(group.amount.scaled, group.amount.scale);
    if (group.paid.scaled === 0) return { amount, paid: new Decimal(0), owed: amount };
    const paid = decimalOf(group.paid.scaled, group.paid.scale);
    return { amount, paid, owed: decimalOf(sumAtScale(group.amount.scaled, group.amount.scale, -group.paid.scaled, group.paid.scale), Math.max(group.amount.scale, group.paid.scale)) };
  }
  const claims = claimsOf(group);
  return { amount: decimalSum(claims, (claim) => claim.amount), paid: decimalSum(claims, (claim) => claim.paid), owed: decimalSum(claims, (claim) => claim.owed) };
}

/** The run's claims as PayableClaims, in order. */
function claimsOf(run: ClaimRun): PayableClaim[] {
  const { items, list, postedOn, kept } = run;
  const claims: PayableClaim[] = [];
  for (let item = 0, claim = 0; item < items.length; item += ITEM_NUMBERS, claim++) {
    const index = items[item]!;
    claims.push(index < 0 ? kept[-1 - index]! : new OwedClaim(list.idAt(index), list.claimAt(index).date, postedOn[claim]!, null, null, items[item + 1]!, items[item + 2]!, items[item + 3]!));
  }
  return claims;
}

/** The claims of the employees of payablesReport, as it keeps them. */
const claimRuns = new WeakMap<EmployeePayables, ClaimRun>();

/**
 * The employee's claims as payablesReport keeps them (see ClaimRun: the table reads them in one
 * loop, a row a claim), or undefined for an employee it did not make.
 */
export function claimRunOf(employee: EmployeePayables): ClaimRun | undefined {
  return claimRuns.get(employee);
}

/** How many claims the employee has (employee.claims.length, without making them). */
export function claimCountOf(employee: EmployeePayables): number {
  const run = claimRuns.get(employee);
  return run === undefined ? employee.claims.length : run.postedOn.length;
}

/** With `withScales`, the report has displayScales(entries) too, counted in a pass it makes anyway. */
export function payablesReport(entries: readonly LedgerEntry[], query: PayablesQuery, withScales = false): PayablesReport {
  const groups = new Map<string, Group>();
  /** The groups by account, then currency (no key text made per claim). */
  const byAccount = new Map<string, Map<string, Group>>();
  /** Each account's first group (an account mostly owes in one currency): found with one look-up. */
  const firstGroups = new Map<string, Group>();
  /** The group of (account, currency), made for its first claim (`first`: named after it, see below). */
  const groupOf = (account: string, currency: string, claim: BookedTransaction): Group => {
    const first = firstGroups.get(account);
    if (first !== undefined && first.currency === currency) return first;
    let currencies = byAccount.get(account);
    if (currencies === undefined) byAccount.set(account, (currencies = new Map()));
    let group = currencies.get(currency);
    if (group === undefined) {
      group = { account, currency, name: "", first: claim, list, items: [], postedOn: [], kept: [], amount: { scaled: 0, scale: 0, exact: true }, paid: { scaled: 0, scale: 0, exact: true } };
      currencies.set(currency, group);
      groups.set(`${account}\u0000${currency}`, group);
      if (first === undefined) firstGroups.set(account, group);
    }
    return group;
  };
  // (The last date asked for and its age: claims come in date order, many a day. A date's age is
  // read from its digits, dayNumber's: daysBetween's for a text it does not read.)
  let lastPostedOn: string | null = null;
  let lastAge = 0;
  const asOfDay = dayNumber(query.asOf);
  const ageOf = (postedOn: string): number => {
    if (postedOn === lastPostedOn) return lastAge;
    const day = dayNumber(postedOn);
    const age = Math.max(0, Number.isNaN(day) || Number.isNaN(asOfDay) ? daysBetween(postedOn, query.asOf) : asOfDay - day);
    lastPostedOn = postedOn;
    lastAge = age;
    return age;
  };
  // (Only the claims that owe something have a balance: the others cannot be listed here.)
  const list = claimBalanceList(entries, { liabilitiesRoot: query.liabilitiesRoot, end: query.end }, undefined, true);
  list.forEachBalance((index, claim, at) => {
    // A lone debt no payment touched (most claims): what it owes is its amount, the liability
    // posting's units negated (more than zero), read in place; no balance, debt or PayableClaim
    // made for it (see ClaimRun).
    const scaled = -claim.bookedScaledAt(at);
    const scale = claim.bookedScaleAt(at);
    const group = groupOf(claim.accountAt(at), claim.bookedCurrencyAt(at), claim);
    const postedOn = postedOnOf(claim);
    group.items.push(index, ageOf(postedOn), scaled, scale);
    group.postedOn.push(postedOn);
    addScaledTo(group.amount, scaled, scale);
  }, (balance) => {
    for (const debt of balance.debts) {
      // (Nothing paid on a debt kept as a scaled integer, most of them: what it owes is its amount,
      // read without a Decimal; the claim's Decimals are made when asked for.)
      const unpaid = debt instanceof OpenDebt && debt.paid.isZero();
      const scaled = unpaid ? debt.amountScaledAt(debt.scale) : Number.NaN;
      const owed = Number.isNaN(scaled) ? owedOn(debt) : null;
      if (owed === null ? scaled === 0 : owed.isZero()) continue;
      const group = groupOf(debt.account, debt.currency, balance.claim);
      group.kept.push(new OwedClaim(balance.id, balance.claim.date, balance.postedOn, debt, owed, ageOf(balance.postedOn)));
      group.items.push(-group.kept.length, 0, 0, 0);
      group.postedOn.push(balance.postedOn);
      if (owed === null) addScaledTo(group.amount, scaled, debt.scale);
      else addTo(group.amount, debt.amount, debt.scale);
      if (!debt.paid.isZero()) addTo(group.paid, debt.paid, debt.scale);
    }
  });
  const counts = withScales ? new ScaleCounts() : null;
  // (The opens read in that pass over the entries when it reads them all: counting the scales.)
  const opens = counts === null ? openDirectives(entries) : new Map<string, Open>();
  const balances = accountBalances(entries, groups, query.end, counts, list, counts === null ? null : opens);
  // Each group named after its account's payee, else its first claim's claimant.
  for (const group of groups.values()) group.name = payeeOf(group.account, opens).name ?? metaText(group.first.meta, "claimant") ?? "";
  const employees = [...groups.values()]
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((group): EmployeePayables => {
      /** The claims as PayableClaims, made when first asked for (the table reads the run). */
      let claims: PayableClaim[] | null = null;
      const employee: EmployeePayables = {
        account: group.account, currency: group.currency, name: group.name,
        get claims(): PayableClaim[] { return (claims ??= claimsOf(group)); },
        ...groupSums(group),
        balance: balances.get(`${group.account}\u0000${group.currency}`)!,
      };
      claimRuns.set(employee, group);
      return employee;
    });
  const totals = new Map<string, { currency: string; amount: Decimal; paid: Decimal; owed: Decimal }>();
  for (const employee of employees) {
    const total = totals.get(employee.currency) ?? { currency: employee.currency, amount: new Decimal(0), paid: new Decimal(0), owed: new Decimal(0) };
    totals.set(employee.currency, {
      currency: employee.currency, amount: total.amount.plus(employee.amount), paid: total.paid.plus(employee.paid), owed: total.owed.plus(employee.owed),
    });
  }
  const sortedTotals = [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return counts === null ? { query, employees, totals: sortedTotals } : { query, employees, totals: sortedTotals, scales: counts.scales() };
}


export function payablesSheet(report: PayablesReport, scales: DisplayScales): Sheet {
  return sheetOf(payablesSheetParts(report, scales));
}

/**
 * payablesSheet as its parts, the rows made as they are visited: the data formats read them through
 * sheetOf; the terminal table (payables-table.ts) takes only the sheet's columns and caption.
 */
export function payablesSheetParts(report: PayablesReport, scales: DisplayScales): SheetParts {
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
  const rows = (visit: (row: SheetRow) => void): void => {
    /** The text of each age (ages repeat). */
    const ageTexts: string[] = [];
    for (const employee of report.employees) {
      const { account, name, currency } = employee;
      // (Made once per employee, not per claim: the table compares each row's heading with the last.)
      const payee = `${name}  ${account}`;
      /** Nothing paid, as the commodity shows it: most claims. */
      let nothing: string | null = null;
      for (const claim of employee.claims) {
        const amount = money(claim.amount, currency);
        const paid = claim.paid.isZero() ? (nothing ??= money(claim.paid, currency)) : money(claim.paid, currency);
        visit({
          cells: {
            payee, account, employee: name, claim: claim.id, date: claim.date, posted: claim.postedOn, commodity: currency,
            // (Owed is the amount itself, the same Decimal, when nothing was paid.)
            amount, paid, owed: claim.owed === claim.amount ? amount : money(claim.owed, currency),
            age: (ageTexts[claim.age] ??= String(claim.age)), balance: null,
          },
        });
      }
      visit({
        // Owed on the claims but not in the books (or the other way round) stands out.
        alert: !employee.balance.equals(employee.owed),
        cells: {
          payee, account, employee: name, claim: SUBTOTAL, date: null, posted: null, commodity: currency,
          amount: money(employee.amount, currency), paid: money(employee.paid, currency), owed: money(employee.owed, currency),
          age: null, balance: money(employee.balance, currency),
        },
      });
    }
  };
  const totals: SheetRow[] = report.totals.map((total) => ({
    cells: {
      payee: TOTAL, account: TOTAL, employee: null, claim: null, date: null, posted: null, commodity: total.currency,
      amount: money(total.amount, total.currency), paid: money(total.paid, total.currency), owed: money(total.owed, total.currency), age: null, balance: null,
    },
  }));
  const { query } = report;
  return {
    sheet: {
      report: "payables",
      caption: [phrase("payables Owed on expense claims", {}), periodCaption(null, query.end), phrase("payables ages at", { date: query.asOf })],
      facts: { end: query.end, asOf: query.asOf },
      columns,
      rows: [],
      totals,
    },
    rows,
  };
}
