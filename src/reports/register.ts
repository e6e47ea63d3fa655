// The register: every posting to the matching accounts, in journal order, with a running total of
// the postings shown, per commodity (starting from zero at the beginning of the range).
import type { Amount, LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { ScaledAmount } from "../core/amount.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { amountPlainText, type DisplayScales } from "./display.js";
import { inRange } from "./periods.js";
import { decimalAmount, plus, zeroOf } from "./sums.js";
import { TOTAL, localized, periodCaption, type Cell, type Sheet, type SheetRow } from "./sheet.js";
import type { SheetParts } from "./sheet-parts.js";
import { phrase } from "../i18n/phrase.js";
import { amountTableText } from "./table-amount.js";
import type { TableLines } from "../render/line-table.js";

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
  readonly rows: readonly RegisterRow[];
  /** Final running total per commodity. */
  readonly totals: readonly Amount[];
}

export function registerReport(entries: readonly LedgerEntry[], query: RegisterQuery): RegisterReport {
  // Read in place (no posting objects); each account matched once; sums of scaled integers (sums.ts).
  const matches = new Map<string, boolean>();
  const shown = (account: string): boolean => {
    let match = matches.get(account);
    if (match === undefined) matches.set(account, (match = query.patterns.length === 0 || query.patterns.some((pattern) => pattern.test(account))));
    return match;
  };
  const running = new Map<string, Amount>();
  const rows: RegisterRow[] = [];
  let date = "";
  let payee: string | null = null;
  let narration = "";
  // (Given only the postings to accounts shown: forEachPosting reads no units of the others.)
  const addRow: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    const amount = decimal === null ? new ScaledAmount(scaled, scale, currency) : decimalAmount(decimal, currency);
    const total = plus(running.get(currency) ?? zeroOf(currency), amount);
    running.set(currency, total);
    rows.push({ date, payee, narration, account, amount, running: total });
  };
  for (const entry of entries) {
    if (entry.type !== "transaction" || !inRange(entry.date, query)) continue;
    date = entry.date;
    payee = entry.payee;
    narration = entry.narration;
    forEachPosting(entry, addRow, shown);
  }
  return { query, rows, totals: [...running.keys()].sort().map((commodity) => running.get(commodity)!) };
}

/** A row's description as the table shows it: payee | narration, or the narration alone. */
function descriptionOf(row: RegisterRow): string {
  return row.payee === null || row.payee === "" ? row.narration : `${row.payee} | ${row.narration}`;
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
  const rows = (visit: (row: SheetRow) => void) => {
    for (const row of report.rows) {
      visit({
        cells: {
          date: row.date,
          payee: row.payee,
          narration: row.narration,
          description: descriptionOf(row),
          account: row.account,
          amount: amountPlainText(row.amount, scales),
          commodity: row.amount.currency,
          balance: amountPlainText(row.running, scales),
        },
      });
    }
  };
  return { sheet, rows };
}

/**
 * The cells of registerSheetParts' rows as its terminal table shows them (render/line-table.ts),
 * made from the report's rows at each read: date, description, account, amount, commodity, balance.
 * The amounts are made again at each read rather than kept: keeping them cost as much in the
 * garbage collector's copying as making them.
 */
export function registerTableLines(report: RegisterReport, scales: DisplayScales): TableLines {
  return (visit, _heading, read) => {
    const cells: string[] = ["", "", "", "", "", ""];
    for (const row of report.rows) {
      cells[0] = row.date;
      // (The description, a column that may be cut, is read only by the first read.)
      if (read === 0) cells[1] = descriptionOf(row);
      cells[2] = row.account;
      cells[3] = amountTableText(row.amount, scales);
      cells[4] = row.amount.currency;
      cells[5] = amountTableText(row.running, scales);
      visit(cells);
    }
  };
}
