// The register: every posting to the matching accounts, in journal order, with a running total of
// the postings shown, per commodity (starting from zero at the beginning of the range).
import type { LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import type { DisplayScales } from "./display.js";
import { inRange } from "./periods.js";
import { TOTAL, amountText, localized, periodCaption, type Cell, type Sheet } from "./sheet.js";
import { phrase } from "../i18n/phrase.js";

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
  readonly commodity: string;
  readonly amount: Decimal;
  /** Sum of the rows so far in this commodity, this one included. */
  readonly running: Decimal;
}

export interface RegisterReport {
  readonly query: RegisterQuery;
  readonly rows: readonly RegisterRow[];
  /** Final running total per commodity. */
  readonly totals: readonly { readonly commodity: string; readonly amount: Decimal }[];
}

export function registerReport(entries: readonly LedgerEntry[], query: RegisterQuery): RegisterReport {
  const running = new Map<string, Decimal>();
  const rows: RegisterRow[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction" || !inRange(entry.date, query)) continue;
    for (const posting of entry.booked) {
      if (query.patterns.length > 0 && !query.patterns.some((pattern) => pattern.test(posting.account))) continue;
      const { currency, number } = posting.units;
      const total = (running.get(currency) ?? new Decimal(0)).plus(number);
      running.set(currency, total);
      rows.push({ date: entry.date, payee: entry.payee, narration: entry.narration, account: posting.account, commodity: currency, amount: number, running: total });
    }
  }
  return { query, rows, totals: [...running.keys()].sort().map((commodity) => ({ commodity, amount: running.get(commodity)! })) };
}

export function registerSheet(report: RegisterReport, scales: DisplayScales): Sheet {
  const { query } = report;
  const totalCells = (commodity: string, amount: Decimal): Record<string, Cell> => ({
    date: TOTAL, payee: null, narration: null, description: null, account: null,
    amount: amountText(amount, commodity, scales), commodity, balance: amountText(amount, commodity, scales),
  });
  return {
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
    rows: report.rows.map((row) => ({
      cells: {
        date: row.date,
        payee: row.payee,
        narration: row.narration,
        description: row.payee === null || row.payee === "" ? row.narration : `${row.payee} | ${row.narration}`,
        account: row.account,
        amount: amountText(row.amount, row.commodity, scales),
        commodity: row.commodity,
        balance: amountText(row.running, row.commodity, scales),
      },
    })),
    totals: report.totals.map((total) => ({ cells: totalCells(total.commodity, total.amount) })),
  };
}
