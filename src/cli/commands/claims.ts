// `feeledger claims FILE [--status S] [--unpaid] [--claimant NAME] [--customer NAME] [-b/-e DATE] [--format F]`:
// one row per expense claim with its state, amount, receipts, problems and whether it is paid, and
// for a partly approved claim (approvals that do not cover it yet) who may still approve it. The
// table shows that column only when a listed claim is partly approved; CSV and JSON always have it.
import type { Command } from "commander";
import { message, say } from "../../i18n/message.js";
import { CLAIM_STATUSES, type ClaimStatus } from "../../claims/claim.js";
import { booksWithClaims } from "../../claims/pending.js";
import { ClaimTotals, claimAuthority, claimRows, claimTotals, forEachClaimRow, type ClaimQuery, type ClaimRow } from "../../claims/report.js";
import type { Amount } from "../../core/data.js";
import { claimBalanceList } from "../../claims/payments.js";
import { amountPlainText, displayScales, plainAmount } from "../../reports/display.js";
import { locate } from "../../source/location.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { writeTableFrom, type Column } from "../../render/table.js";
import { SCALED_CELL, writeListTable, type ScaledCells } from "../../claims/list-table.js";
import { MAX_SCALE, POWERS_OF_TEN, ScaledAmount } from "../../core/amount.js";
import type { DocumentKind } from "../../render/document.js";
import { addOutputFlags, diagnosticCodes, emit, emitDocument, emitPieces, loadWithProblems, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import {
  EXIT_ERRORS, UsageError, resolveJournal, todayOf, type CommandShared, type Io,
} from "../context.js";

export interface ClaimsContext {
  readonly file: string;
  readonly query: ClaimQuery;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

/** How the table and the workbook treat each column: ids, dates and amounts are never cut. */
const TABLE_COLUMNS: Readonly<Record<ClaimColumn, { kind: DocumentKind; shrink?: "end" }>> = {
  claim: { kind: "text" }, date: { kind: "date" }, claimant: { kind: "text", shrink: "end" },
  department: { kind: "text", shrink: "end" }, customer: { kind: "text", shrink: "end" }, status: { kind: "text" },
  paid: { kind: "text" }, amount: { kind: "amount" }, commodity: { kind: "text" },
  receipts: { kind: "count" }, problems: { kind: "text", shrink: "end" }, awaiting: { kind: "text", shrink: "end" },
  owed: { kind: "amount" },
};

// CSV and JSON keep the older columns first and add `awaiting`, `paid` and `owed` at the end; the
// table shows Paid beside Status, and Awaiting last.
type ClaimColumn = "claim" | "date" | "claimant" | "department" | "customer" | "status" | "paid" | "amount" | "commodity" | "receipts" | "problems" | "awaiting" | "owed";
const HEADER: readonly ClaimColumn[] = ["claim", "date", "claimant", "department", "customer", "status", "amount", "commodity", "receipts", "problems", "awaiting", "paid", "owed"];
const TABLE_HEADER: readonly ClaimColumn[] = ["claim", "date", "claimant", "department", "customer", "status", "paid", "amount", "commodity", "receipts", "problems", "awaiting"];

/** The status as listed: "partly approved" while the approvals do not cover the claim. */
function statusText(row: ClaimRow): string {
  return row.partlyApproved ? "partly approved" : row.status;
}

/** Who may still approve a partly approved claim, or "no one" when no declared limit covers it. */
function awaitingText(row: ClaimRow): string {
  return row.partlyApproved ? (row.awaiting.length > 0 ? row.awaiting.join(", ") : "no one") : "";
}

/** The text of each count of receipts (counts repeat). */
const RECEIPTS: string[] = [];
const receiptsText = (count: number): string => (RECEIPTS[count] ??= String(count));

/** The scales and currency asked for last, and its usual places (rows mostly share one currency). */
let lastScales: ReadonlyMap<string, number> | null = null;
let lastCurrency = "";
let lastPlaces = 0;

/** scales.get(currency) ?? 0. */
function usualPlaces(scales: ReadonlyMap<string, number>, currency: string): number {
  if (scales !== lastScales || currency !== lastCurrency) {
    lastScales = scales;
    lastCurrency = currency;
    lastPlaces = scales.get(currency) ?? 0;
  }
  return lastPlaces;
}

/**
 * amountPlainText(units, scales) as a scaled integer at its places (scaledText's text is then
 * amountPlainText's), put into `into` at `column`: false (nothing put) when `units` is not a
 * ScaledAmount or that integer is not a safe one.
 */
export function scaledAmountInto(units: unknown, scales: ReadonlyMap<string, number>, into: ScaledCells, column: number): boolean {
  if (!(units instanceof ScaledAmount)) return false;
  // (As scaledPlainText writes it: the trailing zeros dropped, then at least the usual places.)
  let scaled = units.scaled;
  let places = units.scale;
  while (places > 0 && scaled % 10 === 0) {
    scaled /= 10;
    places -= 1;
  }
  const shown = Math.max(places, usualPlaces(scales, units.currency));
  if (shown - places > MAX_SCALE || shown > MAX_SCALE) return false;
  scaled *= POWERS_OF_TEN[shown - places]!;
  if (!Number.isSafeInteger(scaled) || Object.is(scaled, -0)) return false;
  into.scaled[column] = scaled;
  into.places[column] = shown;
  return true;
}

export function runClaims(io: Io, context: ClaimsContext): number {
  const loaded = loadWithProblems(io, context.file, context.color, todayOf(io));
  if (loaded === null) return EXIT_ERRORS;
  const { ledger, diagnostics } = loaded;
  // Every claim: posted ones in the books, the others in the claim files (rejected ones included);
  // payments are in the books only.
  const claims = booksWithClaims(ledger, "all");
  const balances = claimBalanceList(ledger.entries, { liabilitiesRoot: ledger.options.accountRoots.liabilities, end: null }, undefined, true);
  const expensesRoot = ledger.options.accountRoots.expenses;
  const authority = claimAuthority(claims, expensesRoot);
  const scales = displayScales(claims);
  // (Amounts written from their scaled integers while they are ones, as plainAmount writes them.)
  const amount = (row: ClaimRow) => amountPlainText(row.units, scales);
  const owed = (row: ClaimRow) => (row.owed === null ? "" : plainAmount(row.owed, row.commodity, scales));
  // (Most claims have no problems: their column is empty, without diagnosticCodes' copies and set.)
  const problems = (row: ClaimRow) => (row.problems.length === 0 ? "" : diagnosticCodes(row.problems));
  const cells = (row: ClaimRow) => [
    row.claim, row.date, row.claimant, row.department, row.customer, statusText(row), amount(row), row.commodity, String(row.receipts), problems(row), awaitingText(row), row.paid ?? "", owed(row),
  ];
  /** The table's cells of a row, the first `shown` (Awaiting is shown only when a claim awaits approval). */
  const tableCells = (row: ClaimRow, shown: number) => {
    const cells = [
      row.claim, row.date, row.claimant, row.department, row.customer, statusText(row), row.paid ?? "", amount(row), row.commodity, receiptsText(row.receipts), problems(row),
    ];
    if (shown > cells.length) cells.push(awaitingText(row));
    return cells;
  };
  const { output } = context;
  // The table without colour of books that declare no approval limit (no claim can be partly
  // approved: the Awaiting column is known to be left out) is drawn from the rows as they come,
  // none kept (a hundred thousand claims); any other output from the list of rows.
  const streamed = output.format === "table" && !output.color && !authority.declared;
  const rows = streamed ? [] : claimRows(claims, expensesRoot, diagnostics, context.query, balances);
  const headerText = (key: ClaimColumn) => say(output.lang, `claims column ${key}`, {});
  const totalLabel = say(output.lang, "table total", {});
  switch (output.format) {
    case "csv":
      return emit(io, output.file, renderCsv(HEADER, rows.map(cells), { bom: output.bom }), ledger);
    case "json":
      return emit(io, output.file, renderJson({
        claims: rows.map((row) => ({
          claim: row.claim, date: row.date, claimant: row.claimant, department: row.department, customer: row.customer,
          status: statusText(row), amount: amount(row), commodity: row.commodity, receipts: row.receipts, awaiting: row.awaiting,
          file: row.entry.span.file, line: locate(ledger.sources.get(row.entry.span.file)!, row.entry.span.start).line,
          problems: row.problems.map((d) => ({ code: d.code, severity: d.severity, message: d.message })),
          paid: row.paid, owed: row.owed === null ? null : owed(row),
        })),
        totals: claimTotals(rows).map((total) => ({ commodity: total.currency, amount: amountPlainText(total, scales) })),
      }), ledger);
    case "xlsx":
    case "html": {
      // The CSV's columns (the table's and who paid, what is still owed), under the table's headings.
      const title = say(output.lang, "claims title", {});
      const columns = HEADER.map((key) => ({ header: headerText(key), kind: TABLE_COLUMNS[key]!.kind }));
      const documentRows = [
        ...rows.map((row) => ({ cells: cells(row) })),
        ...claimTotals(rows).map((total, index) => ({ cells: HEADER.map((key) => (key === "claim" && index === 0 ? totalLabel : key === "amount" ? amountPlainText(total, scales) : key === "commodity" ? total.currency : "")), total: true })),
      ];
      return emitDocument(io, output, { title, caption: [], sections: [{ name: title, title, columns, rows: documentRows }] }, ledger);
    }
    case "table": {
      const shown = !streamed && rows.some((row) => row.partlyApproved) ? TABLE_HEADER.length : TABLE_HEADER.length - 1;
      const columns = TABLE_HEADER.slice(0, shown).map((key): Column => ({
        header: headerText(key), align: key === "amount" || key === "receipts" ? "right" : "left", shrink: TABLE_COLUMNS[key]!.shrink, repeat: key === "claim",
      }));
      const footerOf = (totals: readonly Amount[]) => totals.map((total, index) => [index === 0 ? totalLabel : "", "", "", "", "", "", "", amountPlainText(total, scales), total.currency, "", "", ""].slice(0, shown));
      // (To standard output as bytes when it takes them: the list's table is drawn in UTF-8.)
      const writeBytes = output.file === null ? io.stdoutBytes : undefined;
      const draw = (write: (text: string) => void) => {
        if (streamed) {
          // (The totals added up as the rows come; the footer asked for after them.)
          const totals = new ClaimTotals();
          // (One array for every row's cells: writeListTable reads them as they come and keeps only the texts.)
          const cells: string[] = new Array<string>(shown).fill("");
          // (An amount kept as a scaled integer is given as one, its text not made: see scaledAmountInto.)
          const scaledCells: ScaledCells = { scaled: new Float64Array(shown), places: new Uint8Array(shown) };
          const source = (visit: (cells: readonly string[]) => void) => {
            forEachClaimRow(claims, expensesRoot, diagnostics, context.query, balances, (row) => {
              totals.add(row);
              cells[0] = row.claim; cells[1] = row.date; cells[2] = row.claimant; cells[3] = row.department; cells[4] = row.customer;
              cells[5] = statusText(row); cells[6] = row.paid ?? ""; cells[7] = scaledAmountInto(row.units, scales, scaledCells, 7) ? SCALED_CELL : amount(row); cells[8] = row.commodity;
              cells[9] = receiptsText(row.receipts); cells[10] = problems(row);
              visit(cells);
            }, authority, true);
          };
          writeListTable(columns, source, { color: false, width: output.width }, () => footerOf(totals.amounts()), write, balances.size + ledger.claims.length, writeBytes, scaledCells);
        } else {
          const source = (visit: (cells: readonly string[]) => void) => { for (const row of rows) visit(tableCells(row, shown)); };
          const footer = footerOf(claimTotals(rows));
          // (Without colour, drawn by the list's own lighter path: the same bytes.)
          if (output.color) writeTableFrom(columns, source, { color: true, width: output.width }, footer, write);
          else writeListTable(columns, source, { color: false, width: output.width }, footer, write, rows.length, writeBytes);
        }
        write("\n");
      };
      return emitPieces(io, output.file, draw, ledger);
    }
  }
}

function parseStatus(value: string | undefined): ClaimStatus | null {
  if (value === undefined) return null;
  if ((CLAIM_STATUSES as readonly string[]).includes(value)) return value as ClaimStatus;
  throw new UsageError(message("usage unknown status", { value, statuses: CLAIM_STATUSES.join(", ") }));
}

export function registerClaims(program: Command, { io, setExit, global }: CommandShared): void {
  const command = program
    .command("claims")
    .argument("[FILE]")
    .option("--status <STATUS>")
    .option("--unpaid")
    .option("--claimant <NAME>")
    .option("--customer <NAME>")
    .option("-b, --begin <DATE>")
    .option("-e, --end <DATE>")
    .option("-p, --period <PERIOD>");
  addOutputFlags(command)
    .action((file: string | undefined, options: ReportFlags & { status?: string; unpaid?: boolean; claimant?: string; customer?: string }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runClaims(io, {
        file: journal.file,
        query: {
          status: parseStatus(options.status), claimant: options.claimant ?? null, customer: options.customer ?? null,
          ...reportRange(options), unpaid: options.unpaid === true,
        },
        output: outputChoice(io, options, global().color),
        color: global().color,
      }));
    });
}
