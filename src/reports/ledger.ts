// The subsidiary ledger (明细账) of an account: an opening row (期初余额 with its direction), then
// each posting in date order with its date, voucher number, summary (摘要), debit, credit, the
// direction of the balance after it (借 when positive as beancount signs it, 贷 when negative, 平
// at zero) and that balance; after each month a 本月合计 row (the month's debits and credits) and a
// 本年累计 row (since the first of January, postings before the period included), each with the
// balance at the month's end. An account with subaccounts is reported account by account, each
// one that has postings in its turn (chart order), or as one rolled-up ledger with `rollup`. Each
// currency has its own ledger; the running balance is `bal` of the account at that row.
import type { Amount, BookedPosting, BookedTransaction, LedgerEntry, MetaEntry } from "../core/data.js";
import type { Decimal } from "../core/number.js";
import { isUnder } from "../core/accounts.js";
import { ScaledAmount, sumAtScale } from "../core/amount.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import { addDays, endOfMonth, exclusiveEndText } from "../core/dates.js";
import { entryMetaText } from "../claims/claim.js";
import type { BookAccount, ChartOfAccounts } from "../books/accounts.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { isBooksTransaction, lineSummary } from "../periods/vouchers.js";
import { VOUCHER_KEY } from "../periods/numbering.js";
import { amountPlainText, type DisplayScales } from "./display.js";
import { absolute, decimalAmount, isAbove, isBelow, isNil, negated, plus, zeroOf } from "./sums.js";
import { localized, periodCaption, type Cell, type Localized, type Sheet, type SheetColumn, type SheetRow } from "./sheet.js";
import type { SheetParts } from "./sheet-parts.js";
import { phrase } from "../i18n/phrase.js";
import { amountCell, amountShape, amountTableText } from "./table-amount.js";
import type { TableLines } from "../render/line-table.js";
import type { ByteTable } from "../render/byte-lines.js";
import { MeasuredWholes } from "./amount-widths.js";
import type { Lang } from "./sheet.js";

export interface LedgerQuery {
  /** The account reported (with its subaccounts). */
  readonly account: string;
  /** One ledger for the account and all its subaccounts, rather than one per account. */
  readonly rollup: boolean;
  readonly begin: string | null;
  readonly end: string | null;
  /** The books' currency, listed first. */
  readonly currency: string;
}

// Figures are amounts in the section's currency, sums of scaled integers while they fit (sums.ts).
export type LedgerRow =
  | { readonly kind: "opening"; readonly date: string | null; readonly balance: Amount }
  | {
    readonly kind: "posting"; readonly date: string; readonly voucher: string | null; readonly summary: string;
    /** The account posted to (a subaccount, in a rolled-up ledger). */
    readonly account: BookAccount;
    readonly debit: Amount; readonly credit: Amount; readonly balance: Amount;
  }
  /** 本月合计 (month) and 本年累计 (year), dated the month's last day in the period. */
  | { readonly kind: "month" | "year"; readonly date: string; readonly debit: Amount; readonly credit: Amount; readonly balance: Amount };

export interface LedgerSection {
  readonly account: BookAccount;
  readonly currency: string;
  /** The rows as an array, made when asked for (forEachRow makes them one at a time, none kept). */
  readonly rows: readonly LedgerRow[];
  /** Each row in order, made as it is visited: a long ledger's rows and their amounts were kept until drawn. */
  readonly forEachRow: (visit: (row: LedgerRow) => void) => void;
}

/** Each section's rows as walkLedger leaves them (the table reads them so, without a row object). */
const sectionWalks = new WeakMap<LedgerSection, (visit: (row: RowState) => void) => void>();

/** Each section's posting lines (a table makes room for its rows at once). */
const sectionLines = new WeakMap<LedgerSection, number>();

/** About how many rows a ledger's table has: its posting lines, and two a month (room made at once). */
export function ledgerTableRows(report: LedgerReport): number {
  return report.sections.reduce((rows, section) => {
    const lines = sectionLines.get(section) ?? 0;
    return rows + 1 + lines + Math.min(lines, 2 * 12 * 50);
  }, 0);
}

/** A section whose rows are those `walk` leaves, made by `forEachRow`, as an array only when `rows` is read. */
function section(account: BookAccount, currency: string, walk: (visit: (row: RowState) => void) => void): LedgerSection {
  let rows: LedgerRow[] | null = null;
  const forEachRow = (visit: (row: LedgerRow) => void) => { walk((row) => { visit(rowOf(row, currency)); }); };
  const made: LedgerSection = {
    account, currency, forEachRow,
    get rows(): readonly LedgerRow[] {
      if (rows === null) {
        const all: LedgerRow[] = [];
        forEachRow((row) => { all.push(row); });
        rows = all;
      }
      return rows;
    },
  };
  sectionWalks.set(made, walk);
  return made;
}

export interface LedgerReport {
  readonly query: LedgerQuery;
  /** The account asked for. */
  readonly target: BookAccount;
  readonly sections: readonly LedgerSection[];
}

/**
 * A ledger's posting lines, column by column (a long ledger's lines lived as objects, each with its
 * amount's, until the table was drawn): per line its transaction, account, summary, and units as
 * a scaled integer and its scale (NaN: a Decimal amount, in `decimals` by line).
 */
interface PostingLines {
  readonly transactions: BookedTransaction[];
  /** Per line, its transaction's `voucher` (read once per transaction as the books are read, not at each read of the rows). */
  readonly vouchers: (string | null)[];
  readonly accounts: string[];
  readonly summaries: string[];
  readonly scaled: number[];
  readonly scales: number[];
  readonly decimals: Map<number, Amount>;
}

/** What is gathered per ledger before its rows are made. */
interface Gathered {
  readonly currency: string;
  opening: Amount;
  /** Debits and credits from the first of January of the period's first year to its start. */
  yearDebit: Amount;
  yearCredit: Amount;
  readonly lines: PostingLines;
}

const NO_META: readonly MetaEntry[] = [];

/** The units the visitor read, as an amount. */
function visitedUnits(currency: string, scaled: number, scale: number, decimal: Decimal | null): Amount {
  return decimal === null ? new ScaledAmount(scaled, scale, currency) : decimalAmount(decimal, currency);
}

export function ledgerReport(entries: readonly LedgerEntry[], chart: ChartOfAccounts, query: LedgerQuery): LedgerReport {
  const inTree = new Map<string, boolean>();
  const covers = (account: string): boolean => {
    let under = inTree.get(account);
    if (under === undefined) inTree.set(account, (under = isUnder(account, query.account)));
    return under;
  };
  const yearStart = query.begin === null ? null : `${query.begin.slice(0, 4)}-01-01`;
  /** ledger account → currency → gathered. */
  const gathered = new Map<string, Map<string, Gathered>>();
  const gatheredOf = (account: string, currency: string): Gathered => {
    const key = query.rollup ? query.account : account;
    let byCurrency = gathered.get(key);
    if (byCurrency === undefined) gathered.set(key, (byCurrency = new Map()));
    let found = byCurrency.get(currency);
    if (found === undefined) {
      const lines: PostingLines = { transactions: [], vouchers: [], accounts: [], summaries: [], scaled: [], scales: [], decimals: new Map() };
      byCurrency.set(currency, (found = { currency, opening: zeroOf(currency), yearDebit: zeroOf(currency), yearCredit: zeroOf(currency), lines }));
    }
    return found;
  };

  let inYear = false;
  // (Given only the postings to the accounts covered: forEachPosting reads no units of the others.)
  const addOpening: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    const amount = visitedUnits(currency, scaled, scale, decimal);
    const target = gatheredOf(account, currency);
    target.opening = plus(target.opening, amount);
    if (!inYear) return;
    if (isAbove(amount)) target.yearDebit = plus(target.yearDebit, amount);
    else if (isBelow(amount)) target.yearCredit = plus(target.yearCredit, negated(amount));
  };
  // The posting lines of the transaction read. Its booked postings are made only when a line of it
  // is reported and one of them has a `narration` of its own (rare; every other line's summary is
  // the transaction's): undefined until then, null when not needed.
  let transaction: BookedTransaction | null = null;
  let booked: readonly BookedPosting[] | null | undefined;
  // The transaction's `voucher`, read when a line of it is reported (undefined until then).
  let voucher: string | null | undefined;
  let index = 0;
  let at = 0;
  // (Each posting's place counted as its account is asked about, so that only the postings covered
  // have their units read.)
  const coversLine = (account: string): boolean => {
    at = index++;
    return covers(account);
  };
  const addLine: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    const entry = transaction!;
    booked ??= entry instanceof PlainTransaction && !entry.hasKey("narration") ? null : entry.booked;
    const { lines } = gatheredOf(account, currency);
    if (decimal !== null) lines.decimals.set(lines.accounts.length, decimalAmount(decimal, currency));
    if (voucher === undefined) voucher = entryMetaText(entry, VOUCHER_KEY);
    lines.transactions.push(entry);
    lines.vouchers.push(voucher);
    lines.accounts.push(account);
    lines.summaries.push(lineSummary(entry, booked === null ? NO_META : booked[at]!.source.meta));
    lines.scaled.push(decimal === null ? scaled : Number.NaN);
    lines.scales.push(decimal === null ? scale : 0);
  };

  // (By index: a for-of loop's iterator made a result object per entry until V8 optimized the loop.)
  for (let at = 0; at < entries.length; at++) {
    const entry = entries[at]!;
    if (entry.type !== "transaction") continue;
    if (query.end !== null && entry.date >= query.end) break;
    if (!isBooksTransaction(entry)) continue;
    if (query.begin !== null && entry.date < query.begin) {
      inYear = entry.date >= yearStart!;
      forEachPosting(entry, addOpening, covers);
      continue;
    }
    transaction = entry;
    booked = undefined;
    voucher = undefined;
    index = 0;
    forEachPosting(entry, addLine, coversLine);
  }

  const accounts = query.rollup ? [chart.account(query.account)] : chart.treeOrder(gathered.keys()).filter((account) => gathered.has(account.account));
  const sections: LedgerSection[] = [];
  for (const account of accounts) {
    const byCurrency = gathered.get(account.account);
    if (byCurrency === undefined) continue;
    const currencies = [...byCurrency.keys()].sort((a, b) => (a === query.currency ? -1 : b === query.currency ? 1 : a < b ? -1 : a > b ? 1 : 0));
    for (const currency of currencies) {
      const found = byCurrency.get(currency)!;
      if (found.lines.accounts.length === 0 && isNil(found.opening)) continue;
      const made = section(account, currency, (visit) => { walkLedger(found, chart, query, visit); });
      sectionLines.set(made, found.lines.accounts.length);
      sections.push(made);
    }
  }
  if (sections.length === 0) {
    const opening = new RowState(EMPTY_LINES, chart);
    opening.date = query.begin;
    sections.push(section(chart.account(query.account), query.currency, (visit) => { visit(opening); }));
  }
  return { query, target: chart.account(query.account), sections };
}

/**
 * A running sum of a ledger's rows (balance, month's and year's debits and credits): an integer and
 * its scale while every amount added is scaled and the sum a safe integer, else the Amount plus()
 * makes (the same values plus() made one object per addition: now one per row shown).
 */
class Running {
  scaled = 0;
  scale = 0;
  currency = "";
  decimal: Amount | null = null;

  constructor(start: Amount) {
    this.set(start);
  }

  set(start: Amount): void {
    this.currency = start.currency;
    if (start instanceof ScaledAmount) {
      this.scaled = start.scaled;
      this.scale = start.scale;
      this.decimal = null;
    } else this.decimal = start;
  }

  /** Add `scaled` × 10^-scale (of the ledger's currency). */
  addScaled(scaled: number, scale: number, currency: string): void {
    if (this.decimal === null) {
      const sum = sumAtScale(this.scaled, this.scale, scaled, scale);
      if (!Number.isNaN(sum)) {
        this.scaled = sum;
        if (scale > this.scale) this.scale = scale;
        return;
      }
    }
    this.decimal = plus(this.value(), new ScaledAmount(scaled, scale, currency));
  }

  add(amount: Amount): void {
    if (amount instanceof ScaledAmount) this.addScaled(amount.scaled, amount.scale, amount.currency);
    else this.decimal = plus(this.value(), amount);
  }

  value(): Amount {
    return this.decimal ?? new ScaledAmount(this.scaled, this.scale, this.currency);
  }
}

/**
 * A figure of a row: a scaled integer and its scale, or (`decimal` not null) an Amount, as a
 * Running sum holds it; read in place by the table, made an Amount by amount().
 */
class Figure {
  scaled = 0;
  scale = 0;
  decimal: Amount | null = null;

  set(scaled: number, scale: number): void {
    this.scaled = scaled;
    this.scale = scale;
    this.decimal = null;
  }

  setAmount(amount: Amount): void {
    if (amount instanceof ScaledAmount) this.set(amount.scaled, amount.scale);
    else this.decimal = amount;
  }

  setRunning(running: Running): void {
    this.scaled = running.scaled;
    this.scale = running.scale;
    this.decimal = running.decimal;
  }

  copy(figure: Figure): void {
    this.scaled = figure.scaled;
    this.scale = figure.scale;
    this.decimal = figure.decimal;
  }

  isNil(): boolean {
    return this.decimal === null ? this.scaled === 0 : isNil(this.decimal);
  }

  amount(currency: string): Amount {
    return this.decimal ?? new ScaledAmount(this.scaled, this.scale, currency);
  }
}

/**
 * A ledger's row as walkLedger leaves it for its visitor: one object filled again for each row
 * (rowOf makes it a LedgerRow). A posting row's line is its index in `lines`; its debit or credit
 * (the other one nil) is the posting's units; the balance is the running balance after the row
 * (a month's and a year's rows: the balance after the last posting row).
 */
class RowState {
  kind: LedgerRow["kind"] = "opening";
  date: string | null = null;
  line = -1;
  readonly debit = new Figure();
  readonly credit = new Figure();
  readonly balance = new Figure();

  constructor(readonly lines: PostingLines, readonly chart: ChartOfAccounts) {}
}

const EMPTY_LINES: PostingLines = { transactions: [], vouchers: [], accounts: [], summaries: [], scaled: [], scales: [], decimals: new Map() };

/** The LedgerRow of a row walked (amounts of `currency`). */
function rowOf(row: RowState, currency: string): LedgerRow {
  if (row.kind === "opening") return { kind: "opening", date: row.date, balance: row.balance.amount(currency) };
  if (row.kind === "posting") {
    const { lines, line } = row;
    return {
      kind: "posting", date: row.date!, voucher: lines.vouchers[line]!, summary: lines.summaries[line]!,
      account: row.chart.account(lines.accounts[line]!), debit: row.debit.amount(currency), credit: row.credit.amount(currency), balance: row.balance.amount(currency),
    };
  }
  return { kind: row.kind, date: row.date!, debit: row.debit.amount(currency), credit: row.credit.amount(currency), balance: row.balance.amount(currency) };
}

/** Visit the rows of a ledger gathered, each left in one RowState (see rowOf). */
function walkLedger(found: Gathered, chart: ChartOfAccounts, query: LedgerQuery, visit: (row: RowState) => void): void {
  const lines = found.lines;
  const row = new RowState(lines, chart);
  row.date = query.begin;
  row.balance.setAmount(found.opening);
  visit(row);
  const zero = zeroOf(found.opening.currency);
  const balance = new Running(found.opening);
  const monthDebit = new Running(zero);
  const monthCredit = new Running(zero);
  const yearDebit = new Running(found.yearDebit);
  const yearCredit = new Running(found.yearCredit);
  let month: string | null = null;
  const lastDay = query.end === null ? null : addDays(query.end, -1);
  // (The balance as of the last row made: a month's rows show it again.)
  const lastBalance = new Figure();
  lastBalance.setAmount(found.opening);
  const closeMonth = () => {
    if (month === null) return;
    const monthEnd = endOfMonth(`${month}-01`);
    row.date = lastDay !== null && lastDay < monthEnd ? lastDay : monthEnd;
    row.line = -1;
    row.balance.copy(lastBalance);
    row.kind = "month";
    row.debit.setRunning(monthDebit);
    row.credit.setRunning(monthCredit);
    visit(row);
    row.kind = "year";
    row.debit.setRunning(yearDebit);
    row.credit.setRunning(yearCredit);
    visit(row);
  };
  const { currency } = found;
  for (let line = 0; line < lines.accounts.length; line++) {
    const lineDate = lines.transactions[line]!.date;
    const scaled = lines.scaled[line]!;
    // (A new month only when the date does not start with this one's YYYY-MM.)
    if (month === null || !lineDate.startsWith(month)) {
      const lineMonth = lineDate.slice(0, 7);
      closeMonth();
      if (month !== null && lineMonth.slice(0, 4) !== month.slice(0, 4)) {
        yearDebit.set(zero);
        yearCredit.set(zero);
      }
      month = lineMonth;
      monthDebit.set(zero);
      monthCredit.set(zero);
    }
    row.debit.set(0, 0);
    row.credit.set(0, 0);
    if (Number.isNaN(scaled)) {
      const amount = lines.decimals.get(line)!;
      balance.add(amount);
      if (isAbove(amount)) {
        row.debit.setAmount(amount);
        monthDebit.add(amount);
        yearDebit.add(amount);
      } else if (isBelow(amount)) {
        const credit = negated(amount);
        row.credit.setAmount(credit);
        monthCredit.add(credit);
        yearCredit.add(credit);
      }
    } else {
      const scale = lines.scales[line]!;
      balance.addScaled(scaled, scale, currency);
      if (scaled > 0) {
        row.debit.set(scaled, scale);
        monthDebit.addScaled(scaled, scale, currency);
        yearDebit.addScaled(scaled, scale, currency);
      } else if (scaled < 0) {
        row.credit.set(-scaled, scale);
        monthCredit.addScaled(-scaled, scale, currency);
        yearCredit.addScaled(-scaled, scale, currency);
      }
    }
    lastBalance.setRunning(balance);
    row.kind = "posting";
    row.date = lineDate;
    row.line = line;
    row.balance.copy(lastBalance);
    visit(row);
  }
  closeMonth();
}

export type Direction = "debit" | "credit" | "zero";

/** 借 when the balance is positive (a debit balance as beancount signs it), 贷 when negative, 平 at zero. */
export function directionOf(balance: Amount): Direction {
  return isNil(balance) ? "zero" : isAbove(balance) ? "debit" : "credit";
}

export const DIRECTIONS: Readonly<Record<Direction, Localized>> = {
  debit: phrase("ledger Dr", {}),
  credit: phrase("ledger Cr", {}),
  zero: phrase("ledger Nil", {}),
};

const ROW_SUMMARIES: Readonly<Record<"opening" | "month" | "year", Localized>> = {
  opening: phrase("ledger Opening balance", {}),
  month: phrase("ledger Month total", {}),
  year: phrase("ledger Year to date", {}),
};

/** `66020101 管理费用-客户管理费-客户拜访`, or the name alone without a code. */
export function accountTitle(account: BookAccount): string {
  return account.code === null ? account.name : `${account.code} ${account.name}`;
}

/** A subaccount's cell in a rolled-up ledger (its code and short name), made once per subaccount. */
function subaccountTexts(): (posted: BookAccount) => string {
  const texts = new Map<BookAccount, string>();
  return (posted) => {
    let text = texts.get(posted);
    if (text === undefined) texts.set(posted, (text = `${posted.code ?? ""} ${posted.shortName}`.trim()));
    return text;
  };
}

/** The heading line of a section's ledger: its account's title and currency. */
function sectionHeading(section: LedgerSection): string {
  return `${accountTitle(section.account)}  ${section.currency}`;
}

/** The subsidiary ledger's sheet, its rows made as they are visited (see SheetParts). */
export function ledgerSheetParts(report: LedgerReport, scales: DisplayScales): SheetParts {
  const { query } = report;
  const columns: SheetColumn[] = [
    { key: "ledger", header: phrase("ledger Ledger", {}), kind: "text", heading: true, show: "table" },
    { key: "code", header: phrase("label Code", {}), kind: "text", show: "data" },
    { key: "name", header: phrase("label Account name", {}), kind: "text", show: "data" },
    { key: "account", header: phrase("column account", {}), kind: "text", show: "data" },
    { key: "currency", header: phrase("column commodity", {}), kind: "text", show: "data" },
    { key: "kind", header: phrase("ledger Row", {}), kind: "text", show: "data" },
    { key: "date", header: phrase("label Date", {}), kind: "text", label: true },
    { key: "voucher", header: phrase("label Voucher", {}), kind: "text" },
    { key: "summary", header: phrase("label Summary", {}), kind: "text", shrink: "end" },
    ...(query.rollup ? [
      { key: "detail", header: phrase("ledger Subaccount", {}), kind: "text", shrink: "end", show: "table" } as const,
      { key: "posting_code", header: phrase("ledger Posting code", {}), kind: "text", show: "data" } as const,
      { key: "posting_account", header: phrase("ledger Posting account", {}), kind: "text", show: "data" } as const,
    ] : []),
    { key: "debit", header: phrase("label Debit", {}), kind: "amount" },
    { key: "credit", header: phrase("label Credit", {}), kind: "amount" },
    { key: "direction", header: phrase("ledger Dr/Cr", {}), kind: "text" },
    { key: "balance", header: phrase("label Balance", {}), kind: "amount" },
  ];
  // A subaccount's cell (only a rolled-up ledger shows it).
  const subaccount = subaccountTexts();
  const detailOf = (posted: BookAccount): string | null => (query.rollup ? subaccount(posted) : null);
  const money = (value: Amount) => amountPlainText(value, scales);
  const rows = (visit: (row: SheetRow) => void) => {
    for (const section of report.sections) {
      const ledger = sectionHeading(section);
      const { code, name, account } = section.account;
      const currency = section.currency;
      // Each row one object literal of the same keys in the same order (spreading the section's cells
      // and the balance's into every row made a row a dictionary: slow to build and to read).
      section.forEachRow((row) => {
        const direction = DIRECTIONS[directionOf(row.balance)];
        const balance = money(absolute(row.balance));
        let cells: Record<string, Cell>;
        if (row.kind === "posting") {
          cells = {
            ledger, code, name, account, currency, kind: "posting", date: row.date, voucher: row.voucher, summary: row.summary,
            detail: detailOf(row.account), posting_code: row.account.code, posting_account: row.account.account,
            // The side a posting is not on stays blank, as a written 明细账 leaves it.
            debit: isNil(row.debit) ? null : money(row.debit), credit: isNil(row.credit) ? null : money(row.credit), direction, balance,
          };
        } else if (row.kind === "opening") {
          cells = { ledger, code, name, account, currency, kind: "opening", date: row.date, voucher: null, summary: ROW_SUMMARIES.opening, debit: null, credit: null, direction, balance };
        } else {
          cells = { ledger, code, name, account, currency, kind: row.kind, date: row.date, voucher: null, summary: ROW_SUMMARIES[row.kind], debit: money(row.debit), credit: money(row.credit), direction, balance };
        }
        visit({ cells });
      });
    }
  };
  const title = accountTitle(report.target);
  const sheet: Sheet = {
    report: "ledger",
    caption: [
      phrase("ledger Subsidiary ledger", {}),
      localized(title, title),
      ...(query.rollup ? [phrase("ledger rolled up", {})] : []),
      periodCaption(query.begin, query.end),
    ],
    facts: { account: query.account, rollup: query.rollup ? "true" : "false", begin: query.begin, end: exclusiveEndText(query.end) },
    columns,
    rows: [],
    totals: [],
  };
  return { sheet, rows };
}

/** The words both terminal tables of a ledger write beside a row's figures, in one language. */
function rowWords(lang: Lang): { directions: Record<Direction, string>; summaries: Record<"opening" | "month" | "year", string> } {
  return {
    directions: { debit: DIRECTIONS.debit[lang], credit: DIRECTIONS.credit[lang], zero: DIRECTIONS.zero[lang] },
    summaries: { opening: ROW_SUMMARIES.opening[lang], month: ROW_SUMMARIES.month[lang], year: ROW_SUMMARIES.year[lang] },
  };
}

/** The direction of a running balance (借, 贷 or 平). */
function balanceDirection(balance: Figure): Direction {
  return balance.decimal !== null ? directionOf(balance.decimal) : balance.scaled === 0 ? "zero" : balance.scaled > 0 ? "debit" : "credit";
}

/**
 * The rows of the report's sections in order, each section's ledger given to `heading` where it
 * changes; `enter` is told each section before its rows, and ends the walk by returning false.
 * (Each row read where the walk leaves it: rowOf's LedgerRow is not made.)
 */
function forEachLedgerRow(report: LedgerReport, enter: (section: LedgerSection) => boolean, heading: (ledger: string) => void, visit: (row: RowState) => void): void {
  let current: string | null = null;
  for (const section of report.sections) {
    if (!enter(section)) return;
    const ledger = sectionHeading(section);
    sectionWalks.get(section)!((row) => {
      if (ledger !== current) heading(ledger);
      current = ledger;
      visit(row);
    });
  }
}

/**
 * The cells of ledgerSheetParts' rows as its terminal table shows them (render/line-table.ts),
 * made from the report's rows at each read: date, voucher, summary, (with rollup) subaccount,
 * debit, credit, direction, balance; each section's ledger a heading line where it changes.
 */
export function ledgerTableLines(report: LedgerReport, scales: DisplayScales, lang: Lang): TableLines {
  const { rollup } = report.query;
  const detailOf = subaccountTexts();
  const { directions, summaries } = rowWords(lang);
  return (visit, heading, _read, measuring) => {
    const cells: string[] = new Array<string>(rollup ? 8 : 7).fill("");
    const last = cells.length - 1;
    const debitAt = rollup ? 4 : 3;
    // The longest amount given per column (debit, credit, balance): a read that only measures is
    // given an amount only when it is longer (see TableLines), its length from amountShape.
    const longest = [-1, -1, -1];
    // (The integer parts measured per amount column: see MeasuredWholes.)
    const wholes = [new MeasuredWholes(), new MeasuredWholes(), new MeasuredWholes()];
    let currency: string | null = null;
    let places = 0;
    /** The cell of `value` (its magnitude with `magnitude`) in amount column `column`. */
    const money = (value: Amount, column: number, magnitude: boolean): string => {
      let text: string;
      if (value instanceof ScaledAmount) {
        if (value.currency !== currency) {
          currency = value.currency;
          places = scales.get(currency) ?? 0;
        }
        const scaled = value.scaled;
        const negative = scaled < 0 && !magnitude;
        const size = scaled < 0 ? -scaled : scaled;
        if (measuring === true) {
          const length = amountShape(size, value.scale, places);
          if (length >= 0 && length + (negative ? 1 : 0) <= longest[column]!) return "";
        }
        text = negative ? `-${amountCell(size, value.scale, places)}` : amountCell(size, value.scale, places);
      } else {
        text = amountTableText(magnitude ? absolute(value) : value, scales);
      }
      if (text.length > longest[column]!) longest[column] = text.length;
      return text;
    };
    /** The cell of a figure (its magnitude with `magnitude`) in amount column `column`. */
    const figure = (value: Figure, column: number, magnitude: boolean): string => {
      if (value.decimal !== null) return money(value.decimal, column, magnitude);
      const scaled = value.scaled;
      const negative = scaled < 0 && !magnitude;
      const size = scaled < 0 ? -scaled : scaled;
      if (measuring === true) {
        if (wholes[column]!.covered(size, value.scale, places, negative)) return "";
        const length = amountShape(size, value.scale, places);
        if (length >= 0 && length + (negative ? 1 : 0) <= longest[column]!) return "";
      }
      const text = negative ? `-${amountCell(size, value.scale, places)}` : amountCell(size, value.scale, places);
      if (text.length > longest[column]!) longest[column] = text.length;
      return text;
    };
    // (Every amount of a section is of its currency: its places, for figure().)
    const enter = (section: LedgerSection): boolean => {
      currency = section.currency;
      places = scales.get(currency) ?? 0;
      return true;
    };
    forEachLedgerRow(report, enter, heading, (row) => {
      cells[0] = row.date ?? "";
      if (row.kind === "posting") {
        const { lines, line } = row;
        cells[1] = lines.vouchers[line] ?? "";
        cells[2] = lines.summaries[line]!;
        if (rollup) cells[3] = detailOf(row.chart.account(lines.accounts[line]!));
        cells[debitAt] = row.debit.isNil() ? "" : figure(row.debit, 0, false);
        cells[debitAt + 1] = row.credit.isNil() ? "" : figure(row.credit, 1, false);
      } else {
        cells[1] = "";
        cells[2] = summaries[row.kind];
        if (rollup) cells[3] = "";
        cells[debitAt] = row.kind === "opening" ? "" : figure(row.debit, 0, false);
        cells[debitAt + 1] = row.kind === "opening" ? "" : figure(row.credit, 1, false);
      }
      cells[last - 1] = directions[balanceDirection(row.balance)];
      cells[last] = figure(row.balance, 2, true);
      visit(cells);
    });
  };
}

/**
 * ledgerTableLines' cells given once to a ByteTable (render/byte-lines.ts), each section's ledger
 * a heading line where it changes; a figure as its scaled integer (a Decimal one, or one
 * amountShape cannot write, as its text). False when the table does not take a cell (the caller
 * then draws with ledgerTableLines).
 */
export function fillLedgerTable(report: LedgerReport, scales: DisplayScales, lang: Lang, table: ByteTable): boolean {
  const { rollup } = report.query;
  const detailOf = subaccountTexts();
  const { directions, summaries } = rowWords(lang);
  const last = rollup ? 7 : 6;
  const debitAt = rollup ? 4 : 3;
  let currency: string | null = null;
  let places = 0;
  /** `value` (its magnitude with `magnitude`) into column `column`, as ledgerTableLines' money(). */
  const money = (value: Amount, column: number, magnitude: boolean): void => {
    if (value instanceof ScaledAmount) {
      if (value.currency !== currency) {
        currency = value.currency;
        places = scales.get(currency) ?? 0;
      }
      const scaled = value.scaled;
      const size = scaled < 0 ? -scaled : scaled;
      const negative = scaled < 0 && !magnitude;
      if (!table.amount(column, size, value.scale, places, negative)) table.text(column, negative ? `-${amountCell(size, value.scale, places)}` : amountCell(size, value.scale, places));
      return;
    }
    table.text(column, amountTableText(magnitude ? absolute(value) : value, scales));
  };
  /** A figure (its magnitude with `magnitude`) into column `column`, as ledgerTableLines' figure(). */
  const figure = (value: Figure, column: number, magnitude: boolean): void => {
    if (value.decimal !== null) {
      money(value.decimal, column, magnitude);
      return;
    }
    const scaled = value.scaled;
    const negative = scaled < 0 && !magnitude;
    const size = scaled < 0 ? -scaled : scaled;
    if (!table.amount(column, size, value.scale, places, negative)) table.text(column, negative ? `-${amountCell(size, value.scale, places)}` : amountCell(size, value.scale, places));
  };
  // (A section's places for figure(); the walk ends at the first cell the table does not take.)
  const enter = (section: LedgerSection): boolean => {
    currency = section.currency;
    places = scales.get(currency) ?? 0;
    return table.ok;
  };
  forEachLedgerRow(report, enter, (ledger) => table.heading(ledger), (row) => {
    table.startRow();
    table.text(0, row.date ?? "");
    if (row.kind === "posting") {
      const { lines, line } = row;
      table.text(1, lines.vouchers[line] ?? "");
      table.text(2, lines.summaries[line]!);
      if (rollup) table.text(3, detailOf(row.chart.account(lines.accounts[line]!)));
      if (row.debit.isNil()) table.text(debitAt, "");
      else figure(row.debit, debitAt, false);
      if (row.credit.isNil()) table.text(debitAt + 1, "");
      else figure(row.credit, debitAt + 1, false);
    } else {
      table.text(1, "");
      table.text(2, summaries[row.kind]);
      if (rollup) table.text(3, "");
      if (row.kind === "opening") {
        table.text(debitAt, "");
        table.text(debitAt + 1, "");
      } else {
        figure(row.debit, debitAt, false);
        figure(row.credit, debitAt + 1, false);
      }
    }
    table.text(last - 1, directions[balanceDirection(row.balance)]);
    figure(row.balance, last, true);
    table.endRow();
  });
  return table.ok;
}
