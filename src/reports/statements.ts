// The financial statements. Amounts are shown with their normal sign: income, liabilities and
// equity (credit balances in the journal) are negated, so a profit and a liability are positive.
// - Income statement (利润表): Income and Expenses over a period; net income = income - expenses.
// - Balance sheet (资产负债表): Assets, Liabilities and Equity at a date (the end is exclusive),
//   with the earnings not yet closed into equity as rows of Equity, so assets = liabilities +
//   equity: income and expenses before the beginning (when one is given) as previous earnings,
//   the rest as current earnings, under the account names beancount's options give them; and
//   what converting between currencies left in each commodity as Equity:Conversions (previous and
//   current in the same way), as beancount's clamp adds it, so that each commodity balances.
import type { LedgerEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { LedgerOptions } from "../core/options.js";
import { END_OF_TIME, exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import { balanceReport, type BalanceQuery, type BalanceRow } from "./balances.js";
import { chartOrder } from "../core/chart-order.js";
import type { DisplayScales } from "./display.js";
import { isUnder } from "../core/accounts.js";
import { phrase } from "../i18n/phrase.js";
import { TOTAL, amountText, periodCaption, type Localized, type Sheet, type SheetRow } from "./sheet.js";

export interface StatementQuery {
  readonly begin: string | null;
  readonly end: string | null;
  /** Aggregate accounts deeper than this. */
  readonly depth: number | null;
  /** Value what is held at cost at market (see BalanceQuery.atValue), or null for the units. */
  readonly atValue?: BalanceQuery["atValue"];
}

export type Section = "assets" | "liabilities" | "equity" | "income" | "expenses";

export interface StatementLine {
  readonly section: Section;
  readonly account: string;
  readonly commodity: string;
  /** With its normal sign. */
  readonly amount: Decimal;
}

export interface StatementTotal {
  readonly label: Localized;
  readonly commodity: string;
  readonly amount: Decimal;
}

export interface Statement {
  readonly kind: "income" | "balance";
  readonly query: StatementQuery;
  readonly lines: readonly StatementLine[];
  readonly totals: readonly StatementTotal[];
}

export const SECTION_NAMES: Record<Section, Localized> = {
  assets: phrase("section assets", {}),
  liabilities: phrase("section liabilities", {}),
  equity: phrase("section equity", {}),
  income: phrase("section income", {}),
  expenses: phrase("section expenses", {}),
};

const CREDIT_SECTIONS: ReadonlySet<Section> = new Set(["liabilities", "equity", "income"]);

function sectionOf(account: string, options: LedgerOptions): Section | null {
  const roots = options.accountRoots;
  for (const section of ["assets", "liabilities", "equity", "income", "expenses"] as const) {
    if (isUnder(account, roots[section])) return section;
  }
  return null;
}

/** Balances per account and commodity in [begin, end), sorted by account. */
function balances(entries: readonly LedgerEntry[], options: LedgerOptions, query: StatementQuery, begin: string | null, end: string | null) {
  return balanceReport(entries, { patterns: [], begin, end, tree: false, depth: query.depth, atCost: false, atValue: query.atValue ?? null }, options.accountRoots).rows;
}

/**
 * What the postings of [begin, end) leave in each commodity, positions held at cost counted at
 * their cost (beancount's summarize.conversions, which books the negation to Equity:Conversions):
 * nothing for a journal in one currency; for a price conversion (`100 USD @ 7 CNY`) the units
 * bought and the other currency paid. `unitRows`: the balances in units over the same dates.
 */
function conversionsOf(entries: readonly LedgerEntry[], unitRows: readonly BalanceRow[], begin: string | null, end: string | null): Map<string, Decimal> {
  const left = new Map<string, Decimal>();
  const add = (commodity: string, amount: Decimal) => left.set(commodity, (left.get(commodity) ?? new Decimal(0)).plus(amount));
  for (const row of unitRows) add(row.commodity, row.amount);
  for (const entry of entries) {
    // (A compact transaction holds no cost.)
    if (entry.type !== "transaction" || entry instanceof PlainTransaction) continue;
    if ((begin !== null && entry.date < begin) || (end !== null && entry.date >= end)) continue;
    for (const posting of entry.booked) {
      if (posting.cost === null) continue;
      add(posting.units.currency, posting.units.number.negated());
      add(posting.cost.currency, posting.units.number.times(posting.cost.number));
    }
  }
  return left;
}

function normal(section: Section, amount: Decimal): Decimal {
  return CREDIT_SECTIONS.has(section) ? amount.negated() : amount;
}

/** Sum of the lines of some sections per commodity, in commodity order. */
function sectionTotals(lines: readonly StatementLine[], sections: readonly Section[], label: Localized, sign = 1): StatementTotal[] {
  const sums = new Map<string, Decimal>();
  for (const line of lines) {
    if (!sections.includes(line.section)) continue;
    sums.set(line.commodity, (sums.get(line.commodity) ?? new Decimal(0)).plus(line.amount.times(sign)));
  }
  return [...sums.keys()].sort().map((commodity) => ({ label, commodity, amount: sums.get(commodity)! }));
}

function commodities(lines: readonly StatementLine[]): string[] {
  return [...new Set(lines.map((line) => line.commodity))].sort();
}

/** Totals for every commodity in the lines, zero where a section has none. */
function filled(totals: readonly StatementTotal[], all: readonly string[], label: Localized): StatementTotal[] {
  return all.map((commodity) => totals.find((t) => t.commodity === commodity) ?? { label, commodity, amount: new Decimal(0) });
}

export function incomeStatement(entries: readonly LedgerEntry[], options: LedgerOptions, query: StatementQuery): Statement {
  const lines: StatementLine[] = [];
  for (const row of balances(entries, options, query, query.begin, query.end)) {
    const section = sectionOf(row.account, options);
    if (section === "income" || section === "expenses") lines.push({ section, account: row.account, commodity: row.commodity, amount: normal(section, row.amount) });
  }
  lines.sort((a, b) => (a.section === b.section ? 0 : a.section === "income" ? -1 : 1));
  const all = commodities(lines);
  const income = filled(sectionTotals(lines, ["income"], TOTAL_INCOME), all, TOTAL_INCOME);
  const expenses = filled(sectionTotals(lines, ["expenses"], TOTAL_EXPENSES), all, TOTAL_EXPENSES);
  const net = all.map((commodity, index) => ({ label: NET_INCOME, commodity, amount: income[index]!.amount.minus(expenses[index]!.amount) }));
  return { kind: "income", query, lines, totals: [...income, ...expenses, ...net] };
}

export function balanceSheet(entries: readonly LedgerEntry[], options: LedgerOptions, query: StatementQuery): Statement {
  const byAccount = new Map<string, StatementLine>();
  const addLine = (section: Section, account: string, commodity: string, amount: Decimal) => {
    const key = `${account}\u0000${commodity}`;
    const previous = byAccount.get(key);
    byAccount.set(key, { section, account, commodity, amount: previous === undefined ? amount : previous.amount.plus(amount) });
  };
  const equityRoot = options.accountRoots.equity;
  const atDepth = (account: string) => (query.depth === null ? account : account.split(":").slice(0, query.depth).join(":"));
  const current = { earnings: atDepth(`${equityRoot}:${options.accountCurrentEarnings}`), conversions: atDepth(`${equityRoot}:${options.accountCurrentConversions}`) };
  const previous = { earnings: atDepth(`${equityRoot}:${options.accountPreviousEarnings}`), conversions: atDepth(`${equityRoot}:${options.accountPreviousConversions}`) };
  // Income and expenses before the beginning are previous earnings, the rest current earnings;
  // conversions likewise.
  const spans = query.begin === null
    ? [{ from: null, to: query.end, ...current }]
    : [{ from: null, to: query.begin, ...previous }, { from: query.begin, to: query.end, ...current }];
  for (const span of spans) {
    const rows = balances(entries, options, query, span.from, span.to);
    for (const row of rows) {
      const section = sectionOf(row.account, options);
      if (section === null) continue;
      if (section === "income" || section === "expenses") addLine("equity", span.earnings, row.commodity, row.amount.negated());
      else addLine(section, row.account, row.commodity, normal(section, row.amount));
    }
    const unitRows = query.atValue ? balances(entries, options, { ...query, atValue: null }, span.from, span.to) : rows;
    // (The conversions account takes the negation of what is left: shown with equity's sign, that is what is left.)
    for (const [commodity, amount] of conversionsOf(entries, unitRows, span.from, span.to)) addLine("equity", span.conversions, commodity, amount);
  }
  const order: Section[] = ["assets", "liabilities", "equity"];
  const compareAccounts = chartOrder(options.accountRoots);
  const lines = [...byAccount.values()]
    .filter((line) => !line.amount.isZero())
    .sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section) || compareAccounts(a.account, b.account) || (a.commodity < b.commodity ? -1 : 1));
  const all = commodities(lines);
  const assets = filled(sectionTotals(lines, ["assets"], TOTAL_ASSETS), all, TOTAL_ASSETS);
  const liabilities = filled(sectionTotals(lines, ["liabilities"], TOTAL_LIABILITIES), all, TOTAL_LIABILITIES);
  const equity = filled(sectionTotals(lines, ["equity"], TOTAL_EQUITY), all, TOTAL_EQUITY);
  const both = all.map((commodity, index) => ({ label: LIABILITIES_AND_EQUITY, commodity, amount: liabilities[index]!.amount.plus(equity[index]!.amount) }));
  return { kind: "balance", query, lines, totals: [...assets, ...liabilities, ...equity, ...both] };
}

const TOTAL_INCOME = phrase("statement total income", {});
const TOTAL_EXPENSES = phrase("statement total expenses", {});
const NET_INCOME = phrase("statement net income", {});
const TOTAL_ASSETS = phrase("statement total assets", {});
const TOTAL_LIABILITIES = phrase("statement total liabilities", {});
const TOTAL_EQUITY = phrase("statement total equity", {});
const LIABILITIES_AND_EQUITY = phrase("statement liabilities and equity", {});

export function statementSheet(statement: Statement, scales: DisplayScales): Sheet {
  const { query } = statement;
  const toRow = (section: Localized, account: string | Localized, commodity: string, amount: Decimal): SheetRow => ({
    cells: { section, account, commodity, amount: amountText(amount, commodity, scales) },
  });
  const title = statement.kind === "income" ? phrase("statement income title", {}) : phrase("statement balance title", {});
  const when = statement.kind === "income"
    ? periodCaption(query.begin, query.end)
    : query.end === null || query.end === END_OF_TIME
      ? phrase("caption at the latest entry", {})
      : phrase("caption before", { end: query.end });
  return {
    report: statement.kind === "income" ? "income-statement" : "balance-sheet",
    caption: [title, when],
    facts: { begin: query.begin, end: exclusiveEndText(query.end) },
    columns: [
      { key: "section", header: phrase("column section", {}), kind: "text", heading: true },
      { key: "account", header: phrase("column account", {}), kind: "text", shrink: "start" },
      { key: "amount", header: phrase("column amount", {}), kind: "amount" },
      { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
    ],
    rows: statement.lines.map((line) => toRow(SECTION_NAMES[line.section], line.account, line.commodity, line.amount)),
    totals: statement.totals.map((total) => toRow(TOTAL, total.label, total.commodity, total.amount)),
  };
}
