// The register: every posting to the matching accounts, in journal order, with a running total of
// the postings shown, per commodity (starting from zero at the beginning of the range).
import type { Amount, LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { ScaledAmount, sumAtScale } from "../core/amount.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { amountPlainText, scaledPlainText, type DisplayScales } from "./display.js";
import { inRange } from "./periods.js";
import { decimalAmount, plus } from "./sums.js";
import { TOTAL, localized, periodCaption, type Cell, type Sheet, type SheetRow } from "./sheet.js";
import type { SheetParts } from "./sheet-parts.js";
import { phrase } from "../i18n/phrase.js";
import { amountCell, amountShape, amountTableText } from "./table-amount.js";
import type { TableLines } from "../render/line-table.js";
import type { ByteTable } from "../render/byte-lines.js";
import { MeasuredWholes } from "./amount-widths.js";

export interface RegisterQuery {
  /** Case-insensitive account patterns; any may match (every account when empty). */
  readonly patterns: readonly RegExp[];
  readonly begin: string | null;
  readonly end: string | null;
}

export interface RegisterRow {
  readonly date: string;
  readonly payee: string | null;
  readonly narration: string;
  readonly account: string;
  /** The posting's units (their currency is the row's commodity). */
  readonly amount: Amount;
  /** Sum of the rows so far in this commodity, this one included. */
  readonly running: Amount;
}

export interface RegisterReport {
  readonly query: RegisterQuery;
  /** The rows as objects, made when asked for (the report keeps them as RegisterColumns). */
  readonly rows: readonly RegisterRow[];
  /** The rows, column by column. */
  readonly columns: RegisterColumns;
  /** Final running total per commodity. */
  readonly totals: readonly Amount[];
}

/**
 * A register's rows kept column by column: per row its transaction (date, payee, narration), its
 * account and commodity (shared strings), and its amount and running total as scaled integers
 * (NaN when the amount is a Decimal, then in `decimals` / `runningDecimals` by row). A register of
 * a large journal has tens of thousands of rows: a row object and two amount objects each lived as
 * long as the report, and the garbage collector's copying of them cost as much as making them.
 */
export interface RegisterColumns {
  readonly count: number;
  readonly transactions: readonly LedgerEntry[];
  readonly accounts: readonly string[];
  readonly currencies: readonly string[];
  readonly scaled: readonly number[];
  readonly scales: readonly number[];
  readonly runningScaled: readonly number[];
  readonly runningScales: readonly number[];
  readonly decimals: ReadonlyMap<number, Amount>;
  readonly runningDecimals: ReadonlyMap<number, Amount>;
}

/** Row `row`'s amount (`running` false) or running total as an Amount. */
function amountAt(columns: RegisterColumns, row: number, running: boolean): Amount {
  const scaled = running ? columns.runningScaled[row]! : columns.scaled[row]!;
  if (Number.isNaN(scaled)) return (running ? columns.runningDecimals : columns.decimals).get(row)!;
  return new ScaledAmount(scaled, running ? columns.runningScales[row]! : columns.scales[row]!, columns.currencies[row]!);
}

/** The transaction-shaped fields a row shows. */
type Shown = Extract<LedgerEntry, { type: "transaction" }>;

export function registerReport(entries: readonly LedgerEntry[], query: RegisterQuery): RegisterReport {
  // Read in place (no posting objects); each account matched once; sums of scaled integers (sums.ts).
  const matches = new Map<string, boolean>();
  const shown = (account: string): boolean => {
    let match = matches.get(account);
    if (match === undefined) matches.set(account, (match = query.patterns.length === 0 || query.patterns.some((pattern) => pattern.test(account))));
    return match;
  };
  const transactions: LedgerEntry[] = [];
  const accounts: string[] = [];
  const currencies: string[] = [];
  const scaledColumn: number[] = [];
  const scaleColumn: number[] = [];
  const runningScaled: number[] = [];
  const runningScales: number[] = [];
  const decimals = new Map<number, Amount>();
  const runningDecimals = new Map<number, Amount>();
  // The running totals per commodity: a scaled integer and its scale, or (NaN) a Decimal amount.
  const totalIndex = new Map<string, number>();
  const totalScaled: number[] = [];
  const totalScales: number[] = [];
  const totalDecimals: (Amount | null)[] = [];
  let lastCurrency: string | null = null;
  let last = -1;
  let entry: LedgerEntry | null = null;
  // (Given only the postings to accounts shown: forEachPosting reads no units of the others.)
  const addRow: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    if (currency !== lastCurrency) {
      let index = totalIndex.get(currency);
      if (index === undefined) {
        totalIndex.set(currency, (index = totalScaled.length));
        totalScaled.push(0);
        totalScales.push(0);
        totalDecimals.push(null);
      }
      lastCurrency = currency;
      last = index;
    }
    const row = accounts.length;
    transactions.push(entry!);
    accounts.push(account);
    currencies.push(currency);
    // plus(running, amount) (sums.ts) on the scaled integers while they stay safe, else on amounts.
    let sum = Number.NaN;
    if (decimal === null) {
      scaledColumn.push(scaled);
      scaleColumn.push(scale);
      if (totalDecimals[last] === null) sum = sumAtScale(totalScaled[last]!, totalScales[last]!, scaled, scale);
    } else {
      scaledColumn.push(Number.NaN);
      scaleColumn.push(0);
      decimals.set(row, decimalAmount(decimal, currency));
    }
    if (Number.isNaN(sum)) {
      const before = totalDecimals[last] ?? new ScaledAmount(totalScaled[last]!, totalScales[last]!, currency);
      const total = plus(before, decimal === null ? new ScaledAmount(scaled, scale, currency) : decimals.get(row)!);
      if (total instanceof ScaledAmount) {
        totalScaled[last] = total.scaled;
        totalScales[last] = total.scale;
        totalDecimals[last] = null;
      } else {
        totalDecimals[last] = total;
        runningDecimals.set(row, total);
      }
    } else {
      totalScaled[last] = sum;
      if (scale > totalScales[last]!) totalScales[last] = scale;
    }
    if (totalDecimals[last] === null) {
      runningScaled.push(totalScaled[last]!);
      runningScales.push(totalScales[last]!);
    } else {
      runningScaled.push(Number.NaN);
      runningScales.push(0);
    }
  };
  // (By index: a for-of loop's iterator made a result object per entry until V8 optimized the loop.)
  for (let at = 0; at < entries.length; at++) {
    const each = entries[at]!;
    if (each.type !== "transaction" || !inRange(each.date, query)) continue;
    entry = each;
    forEachPosting(each, addRow, shown);
  }
  const columns: RegisterColumns = {
    count: accounts.length, transactions, accounts, currencies, scaled: scaledColumn, scales: scaleColumn, runningScaled, runningScales, decimals, runningDecimals,
  };
  const totals = [...totalIndex.keys()].sort().map((currency) => {
    const index = totalIndex.get(currency)!;
    return totalDecimals[index] ?? new ScaledAmount(totalScaled[index]!, totalScales[index]!, currency);
  });
  let rows: RegisterRow[] | null = null;
  return {
    query,
    columns,
    totals,
    get rows(): readonly RegisterRow[] {
      rows ??= Array.from({ length: columns.count }, (_, row) => {
        const transaction = columns.transactions[row] as Shown;
        return {
          date: transaction.date, payee: transaction.payee, narration: transaction.narration, account: columns.accounts[row]!,
          amount: amountAt(columns, row, false), running: amountAt(columns, row, true),
        };
      });
      return rows;
    },
  };
}

/** A row's description as the table shows it: payee | narration, or the narration alone. */
function descriptionOf(transaction: Shown): string {
  return transaction.payee === null || transaction.payee === "" ? transaction.narration : `${transaction.payee} | ${transaction.narration}`;
}

/** The register's sheet, its rows made as they are visited (see SheetParts). */
export function registerSheetParts(report: RegisterReport, scales: DisplayScales): SheetParts {
  const { query } = report;
  const totalCells = (amount: Amount): Record<string, Cell> => ({
    date: TOTAL, payee: null, narration: null, description: null, account: null,
    amount: amountPlainText(amount, scales), commodity: amount.currency, balance: amountPlainText(amount, scales),
  });
  const sheet: Sheet = {
    report: "register",
    caption: [
      phrase("register Register", {}),
      ...(query.patterns.length === 0 ? [] : [localized(query.patterns.map((p) => p.source).join(" "), query.patterns.map((p) => p.source).join(" "))]),
      periodCaption(query.begin, query.end),
    ],
    facts: { patterns: query.patterns.map((p) => p.source), begin: query.begin, end: exclusiveEndText(query.end) },
    columns: [
      { key: "date", header: phrase("label Date", {}), kind: "text" },
      { key: "payee", header: phrase("register Payee", {}), kind: "text", show: "data" },
      { key: "narration", header: phrase("register Narration", {}), kind: "text", show: "data" },
      { key: "description", header: phrase("register Description", {}), kind: "text", show: "table", shrink: "end" },
      { key: "account", header: phrase("column account", {}), kind: "text", shrink: "start" },
      { key: "amount", header: phrase("column amount", {}), kind: "amount" },
      { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
      { key: "balance", header: phrase("label Balance", {}), kind: "amount" },
    ],
    rows: [],
    totals: report.totals.map((total) => ({ cells: totalCells(total) })),
  };
  const { columns } = report;
  const plainAt = (row: number, running: boolean): string => {
    const scaled = running ? columns.runningScaled[row]! : columns.scaled[row]!;
    if (Number.isNaN(scaled)) return amountPlainText(amountAt(columns, row, running), scales);
    return scaledPlainText(scaled, running ? columns.runningScales[row]! : columns.scales[row]!, columns.currencies[row]!, scales);
  };
  const rows = (visit: (row: SheetRow) => void) => {
    for (let row = 0; row < columns.count; row++) {
      const transaction = columns.transactions[row] as Shown;
      visit({
        cells: {
          date: transaction.date,
          payee: transaction.payee,
          narration: transaction.narration,
          description: descriptionOf(transaction),
          account: columns.accounts[row]!,
          amount: plainAt(row, false),
          commodity: columns.currencies[row]!,
          balance: plainAt(row, true),
        },
      });
    }
  };
  return { sheet, rows };
}

/**
 * The cells of registerSheetParts' rows as its terminal table shows them (render/line-table.ts),
 * made from the report's columns at each read: date, description, account, amount, commodity,
 * balance. The amounts are made again at each read rather than kept: keeping them cost as much in
 * the garbage collector's copying as making them. A read that only measures is given an amount's
 * text only when it is longer than any given before in its column (its length told by amountShape
 * without making it), else "": an amount's cell is printable ASCII, as wide as it is long.
 */
export function registerTableLines(report: RegisterReport, scales: DisplayScales): TableLines {
  const { columns } = report;
  return (visit, _heading, read, measuring) => {
    const cells: string[] = ["", "", "", "", "", ""];
    let currency: string | null = null;
    let places = 0;
    let longestAmount = -1;
    let longestRunning = -1;
    // (The integer parts measured per column: see MeasuredWholes.)
    const amountWholes = new MeasuredWholes();
    const runningWholes = new MeasuredWholes();
    /** The cell of row `row`'s amount or running total; when measuring, "" unless longer than `longest`. */
    const amountText = (row: number, running: boolean, longest: number): string => {
      const scaled = running ? columns.runningScaled[row]! : columns.scaled[row]!;
      if (Number.isNaN(scaled)) return amountTableText(amountAt(columns, row, running), scales);
      const scale = running ? columns.runningScales[row]! : columns.scales[row]!;
      const magnitude = scaled < 0 ? -scaled : scaled;
      if (measuring === true) {
        if ((running ? runningWholes : amountWholes).covered(magnitude, scale, places, scaled < 0)) return "";
        const length = amountShape(magnitude, scale, places);
        if (length >= 0 && length + (scaled < 0 ? 1 : 0) <= longest) return "";
      }
      return scaled < 0 ? `-${amountCell(magnitude, scale, places)}` : amountCell(magnitude, scale, places);
    };
    for (let row = 0; row < columns.count; row++) {
      if (columns.currencies[row] !== currency) {
        currency = columns.currencies[row]!;
        places = scales.get(currency) ?? 0;
      }
      cells[0] = columns.transactions[row]!.date;
      // (The description, a column that may be cut, is read only by the first read.)
      if (read === 0) cells[1] = descriptionOf(columns.transactions[row] as Shown);
      cells[2] = columns.accounts[row]!;
      const amount = amountText(row, false, longestAmount);
      if (amount.length > longestAmount) longestAmount = amount.length;
      cells[3] = amount;
      cells[4] = currency;
      const running = amountText(row, true, longestRunning);
      if (running.length > longestRunning) longestRunning = running.length;
      cells[5] = running;
      visit(cells);
    }
  };
}

/**
 * registerTableLines' cells given once to a ByteTable (render/byte-lines.ts): date, description
 * (payee and narration kept as the two), account, amount, commodity, balance; an amount as its
 * scaled integer (a Decimal one, or one amountShape cannot write, as its text). False when the
 * table does not take a cell (the caller then draws with registerTableLines).
 */
export function fillRegisterTable(report: RegisterReport, scales: DisplayScales, table: ByteTable): boolean {
  const { columns } = report;
  const { transactions, accounts, currencies, scaled: amounts, scales: amountScales, runningScaled, runningScales } = columns;
  let currency: string | null = null;
  let places = 0;
  /** Row `row`'s amount or running total into column `column`. */
  const amount = (column: number, row: number, running: boolean): void => {
    const scaled = running ? runningScaled[row]! : amounts[row]!;
    if (!Number.isNaN(scaled)) {
      const scale = running ? runningScales[row]! : amountScales[row]!;
      if (table.amount(column, scaled < 0 ? -scaled : scaled, scale, places, scaled < 0)) return;
    }
    table.text(column, amountTableText(amountAt(columns, row, running), scales));
  };
  for (let row = 0; row < columns.count; row++) {
    const rowCurrency = currencies[row]!;
    if (rowCurrency !== currency) {
      currency = rowCurrency;
      places = scales.get(currency) ?? 0;
    }
    const transaction = transactions[row] as Shown;
    table.startRow();
    table.text(0, transaction.date);
    const payee = transaction.payee;
    if (payee === null || payee === "") table.text(1, transaction.narration);
    else table.text(1, payee, transaction.narration);
    table.text(2, accounts[row]!);
    amount(3, row, false);
    table.text(4, rowCurrency);
    amount(5, row, true);
    table.endRow();
    if (!table.ok) return false;
  }
  return true;
}
