// The trial balance (科目余额表): per account, in chart order, its code and name, the balance before
// the period (期初余额), the gross debits and credits in it (本期发生额, not netted) and the balance
// after it (期末余额), a balance in the debit column when positive (as beancount signs it) and in
// the credit column when negative. Parents roll up their subaccounts (a parent never opened still
// has its row); `depth` limits the levels shown. Amounts stay in each posting's own currency, one
// section per currency, the books' currency first; every figure equals `bal` over the same postings.
//
// Each section ends with a total of its first-level accounts, where debits must equal credits in
// each column pair. Two kinds of transaction leave something in a currency, shown as a row each so
// that the total balances and every amount is accounted for: those that convert between currencies
// (a cost, a price, or several currencies: beancount's Equity:Conversions), and those that balance
// only within beancount's tolerance (尾差, what beancount's `account_rounding` would collect). Each
// row is the sum of what those transactions leave, worked out transaction by transaction; a total
// that still does not balance (to the 28 significant digits sums are kept to) is flagged: the
// figures would then be wrong.
import type { LedgerEntry } from "../core/data.js";
import { Decimal } from "../core/number.js";
import { exclusiveEndText } from "../core/dates.js";
import type { BookAccount, ChartOfAccounts } from "../books/accounts.js";
import { Movements, convertsCurrencies, forEachPosting, type PostingVisitor } from "../books/postings.js";
import { DecimalSum } from "../core/amount.js";
import { isBooksTransaction } from "../periods/vouchers.js";
import type { DisplayScales } from "./display.js";
import { TOTAL, amountText, periodCaption, type Cell, type Localized, type Sheet, type SheetColumn, type SheetRow } from "./sheet.js";
import { phrase } from "../i18n/phrase.js";

export interface TrialQuery {
  /** Inclusive start, or null: nothing before (opening balances are zero). */
  readonly begin: string | null;
  /** Exclusive end, or null. */
  readonly end: string | null;
  /** Levels shown (1: first-level accounts only), or null for all. */
  readonly depth: number | null;
  /** The currency listed first (the books' currency). */
  readonly currency: string;
}

export interface Figures {
  /** Signed balance before the period. */
  readonly opening: Decimal;
  /** Gross debits (positive postings) and credits (negative postings, as a positive sum) in the period. */
  readonly debit: Decimal;
  readonly credit: Decimal;
  /** Signed balance after the period: opening + debit - credit. */
  readonly closing: Decimal;
}

export interface TrialRow extends Figures {
  readonly account: BookAccount;
  readonly currency: string;
}

/** A total row: the sums of each column. */
export interface ColumnTotals {
  readonly openingDebit: Decimal;
  readonly openingCredit: Decimal;
  readonly debit: Decimal;
  readonly credit: Decimal;
  readonly closingDebit: Decimal;
  readonly closingCredit: Decimal;
}

export interface TrialSection {
  readonly currency: string;
  readonly rows: readonly TrialRow[];
  /** What transactions converting between currencies leave in this one (the balancing side), or null when nothing. */
  readonly conversions: Figures | null;
  /** What transactions balanced only within their tolerance leave (the balancing side), or null when nothing. */
  readonly rounding: Figures | null;
  readonly total: ColumnTotals;
  /** Debits equal credits in every column pair of the total. */
  readonly balanced: boolean;
}

export interface TrialReport {
  readonly query: TrialQuery;
  readonly sections: readonly TrialSection[];
}

const ZERO = new Decimal(0);

function figuresOf(movements: Movements): Figures {
  const opening = movements.opening.value;
  const debit = movements.debit.value;
  const credit = movements.credit.value;
  return { opening, debit, credit, closing: opening.plus(debit).minus(credit) };
}

function plus(a: Figures, b: Figures): Figures {
  return { opening: a.opening.plus(b.opening), debit: a.debit.plus(b.debit), credit: a.credit.plus(b.credit), closing: a.closing.plus(b.closing) };
}

const isNothing = (figures: Figures) => figures.opening.isZero() && figures.debit.isZero() && figures.credit.isZero() && figures.closing.isZero();

/** The trial balance of the books' transactions (pending claims are not in the books). */
export function trialBalance(entries: readonly LedgerEntry[], chart: ChartOfAccounts, query: TrialQuery): TrialReport {
  // account → currency → sums of the account's own postings.
  const own = new Map<string, Map<string, Movements>>();
  // currency → what converting transactions leave (the sum of their units, before and in the period).
  const converted = new Map<string, Movements>();
  let lastAccount = "";
  let lastByCurrency: Map<string, Movements> | undefined;
  const movementsOf = (account: string, currency: string): Movements => {
    if (account !== lastAccount || lastByCurrency === undefined) {
      lastAccount = account;
      lastByCurrency = own.get(account);
      if (lastByCurrency === undefined) own.set(account, (lastByCurrency = new Map()));
    }
    let movements = lastByCurrency.get(currency);
    if (movements === undefined) lastByCurrency.set(currency, (movements = new Movements()));
    return movements;
  };
  // currency → what transactions balanced within their tolerance leave.
  const rounded = new Map<string, Movements>();
  const movementsIn = (residuals: Map<string, Movements>, currency: string): Movements => {
    let movements = residuals.get(currency);
    if (movements === undefined) residuals.set(currency, (movements = new Movements()));
    return movements;
  };
  /** Book the other side of what a transaction leaves in a currency. */
  const takeUp = (residuals: Map<string, Movements>, currency: string, left: Decimal, before: boolean) => {
    const residual = left.neg();
    if (residual.isZero()) return;
    const target = movementsIn(residuals, currency);
    if (before) target.opening.addDecimal(residual);
    else if (residual.isPositive()) target.debit.addDecimal(residual);
    else target.credit.addDecimal(residual.neg());
  };
  // The sum of a one-currency transaction's postings, read as they are visited.
  const left = new DecimalSum();
  let leftCurrency = "";
  const addLeft: PostingVisitor = (_account, currency, scaled, scale, decimal) => {
    leftCurrency = currency;
    left.addUnits(scaled, scale, decimal);
  };

  const addOpening: PostingVisitor = (account, currency, scaled, scale, decimal) => movementsOf(account, currency).addOpening(scaled, scale, decimal);
  const addMovement: PostingVisitor = (account, currency, scaled, scale, decimal) => movementsOf(account, currency).addMovement(scaled, scale, decimal);
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    if (query.end !== null && entry.date >= query.end) break;
    if (!isBooksTransaction(entry)) continue;
    const before = query.begin !== null && entry.date < query.begin;
    forEachPosting(entry, before ? addOpening : addMovement);
    if (convertsCurrencies(entry)) {
      const sums = new Map<string, Movements>();
      forEachPosting(entry, (_account, currency, scaled, scale, decimal) => movementsIn(sums, currency).addOpening(scaled, scale, decimal));
      for (const [currency, sum] of sums) takeUp(converted, currency, sum.opening.value, before);
    } else {
      left.reset();
      forEachPosting(entry, addLeft);
      if (!left.isZero()) takeUp(rounded, leftCurrency, left.value, before);
    }
  }

  // Roll each account's own figures up into its ancestors. An account is shown when it or a
  // subaccount has something (a parent whose own postings offset its subaccounts' sums to zero is
  // still shown, above them).
  const rolled = new Map<string, Map<string, Figures>>();
  const shown = new Set<string>();
  for (const [account, byCurrency] of own) {
    const lineage = chart.lineage(account);
    for (const [currency, movements] of byCurrency) {
      const figures = figuresOf(movements);
      if (!isNothing(figures)) for (const member of lineage) shown.add(`${member.account}\u0000${currency}`);
      for (const member of lineage) {
        let memberFigures = rolled.get(member.account);
        if (memberFigures === undefined) rolled.set(member.account, (memberFigures = new Map()));
        const previous = memberFigures.get(currency);
        memberFigures.set(currency, previous === undefined ? figures : plus(previous, figures));
      }
    }
  }

  const currencies = new Set<string>();
  for (const byCurrency of rolled.values()) for (const currency of byCurrency.keys()) currencies.add(currency);
  for (const residuals of [converted, rounded]) {
    for (const [currency, movements] of residuals) if (!isNothing(figuresOf(movements))) currencies.add(currency);
  }
  const ordered = [...currencies].sort((a, b) => (a === query.currency ? -1 : b === query.currency ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const tree = chart.treeOrder(own.keys());

  const sections: TrialSection[] = ordered.map((currency) => {
    const rows: TrialRow[] = [];
    let total = emptyTotals();
    for (const account of tree) {
      const figures = rolled.get(account.account)?.get(currency);
      if (figures === undefined || !shown.has(`${account.account}\u0000${currency}`)) continue;
      if (account.level === 1) total = addToTotals(total, figures);
      if (query.depth === null || account.level <= query.depth) rows.push({ account, currency, ...figures });
    }
    const residualRow = (residuals: Map<string, Movements>): Figures | null => {
      const movements = residuals.get(currency);
      const figures = movements === undefined ? null : figuresOf(movements);
      if (figures === null || isNothing(figures)) return null;
      total = addToTotals(total, figures);
      return figures;
    };
    const conversions = residualRow(converted);
    const rounding = residualRow(rounded);
    const balanced = agree(total.openingDebit, total.openingCredit) && agree(total.debit, total.credit) && agree(total.closingDebit, total.closingCredit);
    return { currency, rows, conversions, rounding, total, balanced };
  });
  return { query, sections };
}

/**
 * Whether two column totals are equal to the precision sums are kept to: 28 significant digits,
 * as beancount's. (Amounts written with up to 28 digits, such as a cost divided out, lose their
 * last digits in sums taken in different orders; money written in cents sums exactly.)
 */
export function agree(left: Decimal, right: Decimal): boolean {
  if (left.equals(right)) return true;
  return left.minus(right).abs().lte(Decimal.max(left.abs(), right.abs()).times(AGREEMENT));
}

/** Three digits short of the 28 kept: the rounding of a few hundred sums at most. */
const AGREEMENT = new Decimal("1e-25");

function emptyTotals(): ColumnTotals {
  return { openingDebit: ZERO, openingCredit: ZERO, debit: ZERO, credit: ZERO, closingDebit: ZERO, closingCredit: ZERO };
}

function addToTotals(total: ColumnTotals, figures: Figures): ColumnTotals {
  return {
    openingDebit: total.openingDebit.plus(debitPart(figures.opening)),
    openingCredit: total.openingCredit.plus(creditPart(figures.opening)),
    debit: total.debit.plus(figures.debit),
    credit: total.credit.plus(figures.credit),
    closingDebit: total.closingDebit.plus(debitPart(figures.closing)),
    closingCredit: total.closingCredit.plus(creditPart(figures.closing)),
  };
}

/** A signed balance's debit column: itself when positive, else zero. */
export function debitPart(balance: Decimal): Decimal {
  return balance.isPositive() && !balance.isZero() ? balance : ZERO;
}

/** A signed balance's credit column: its size when negative, else zero. */
export function creditPart(balance: Decimal): Decimal {
  return balance.isNegative() && !balance.isZero() ? balance.neg() : ZERO;
}

export const CONVERSIONS: Localized = phrase("trial (currency conversions)", {});
export const ROUNDING: Localized = phrase("trial (rounding within tolerance)", {});

export function trialSheet(report: TrialReport, scales: DisplayScales): Sheet {
  const several = report.sections.length > 1;
  const columns: SheetColumn[] = [
    { key: "currency", header: phrase("column commodity", {}), kind: "text", ...(several ? { heading: true } : { show: "data" as const }) },
    { key: "code", header: phrase("label Code", {}), kind: "text", label: true },
    { key: "title", header: phrase("label Account name", {}), kind: "text", label: true, shrink: "end", show: "table" },
    { key: "name", header: phrase("label Account name", {}), kind: "text", show: "data" },
    { key: "account", header: phrase("column account", {}), kind: "text", show: "data" },
    { key: "level", header: phrase("trial Level", {}), kind: "count", show: "data" },
    { key: "opening_debit", header: phrase("trial Opening Dr", {}), kind: "amount" },
    { key: "opening_credit", header: phrase("trial Opening Cr", {}), kind: "amount" },
    { key: "debit", header: phrase("trial Period Dr", {}), kind: "amount" },
    { key: "credit", header: phrase("trial Period Cr", {}), kind: "amount" },
    { key: "closing_debit", header: phrase("trial Closing Dr", {}), kind: "amount" },
    { key: "closing_credit", header: phrase("trial Closing Cr", {}), kind: "amount" },
  ];
  const rows: SheetRow[] = [];
  const totals: SheetRow[] = [];
  for (const section of report.sections) {
    const money = (value: Decimal) => amountText(value, section.currency, scales);
    const figureCells = (figures: Figures): Record<string, Cell> => ({
      opening_debit: money(debitPart(figures.opening)), opening_credit: money(creditPart(figures.opening)),
      debit: money(figures.debit), credit: money(figures.credit),
      closing_debit: money(debitPart(figures.closing)), closing_credit: money(creditPart(figures.closing)),
    });
    for (const row of section.rows) {
      rows.push({
        cells: {
          currency: section.currency, code: row.account.code, title: indented(row.account), name: row.account.name, account: row.account.account,
          level: String(row.account.level), ...figureCells(row),
        },
      });
    }
    for (const [figures, name] of [[section.conversions, CONVERSIONS], [section.rounding, ROUNDING]] as const) {
      if (figures !== null) rows.push({ cells: { currency: section.currency, code: null, title: name, name, account: null, level: null, ...figureCells(figures) } });
    }
    const total = section.total;
    totals.push({
      alert: !section.balanced,
      cells: {
        currency: section.currency, code: TOTAL, title: section.balanced ? null : UNBALANCED, name: section.balanced ? null : UNBALANCED, account: null, level: null,
        opening_debit: money(total.openingDebit), opening_credit: money(total.openingCredit), debit: money(total.debit), credit: money(total.credit),
        closing_debit: money(total.closingDebit), closing_credit: money(total.closingCredit),
      },
    });
  }
  const { query } = report;
  const unbalanced = report.sections.filter((section) => !section.balanced).map((section) => section.currency);
  return {
    report: "trial",
    caption: [
      phrase("trial Trial balance", {}),
      periodCaption(query.begin, query.end),
      ...(query.depth === null ? [] : [query.depth === 1 ? phrase("trial first level", {}) : phrase("trial levels", { depth: query.depth })]),
      ...(unbalanced.length === 0 ? [] : [unbalancedCaption(unbalanced)]),
    ],
    facts: { begin: query.begin, end: exclusiveEndText(query.end), depth: query.depth === null ? null : String(query.depth), unbalanced },
    columns,
    rows,
    totals,
  };
}

/** A table's account name: the level's own name, indented two spaces a level. */
export function indented(account: BookAccount): string {
  return `${"  ".repeat(Math.max(0, account.level - 1))}${account.shortName}`;
}

const UNBALANCED: Localized = phrase("trial debits ≠ credits", {});

/** The warning a trial balance whose totals do not balance carries. */
export function unbalancedCaption(currencies: readonly string[]): Localized {
  return phrase("trial debits and credits differ", { currencies });
}
