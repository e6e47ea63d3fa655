// `feeledger claims FILE [--status S] [--unpaid] [--claimant NAME] [--customer NAME] [-b/-e DATE] [--format F]`:
// one row per expense claim with its state, amount, receipts, problems and whether it is paid, and
// for a partly approved claim (approvals that do not cover it yet) who may still approve it. The
// table shows that column only when a listed claim is partly approved; CSV and JSON always have it.
import { Option, type Command } from "commander";
import { CLAIM_STATUSES, type ClaimStatus } from "../../claims/claim.js";
import { booksWithClaims } from "../../claims/pending.js";
import { claimRows, claimTotals, type ClaimQuery, type ClaimRow } from "../../claims/report.js";
import { claimBalances } from "../../claims/payments.js";
import { displayScales, plainAmount } from "../../reports/display.js";
import { locate } from "../../source/location.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable } from "../../render/table.js";
import { diagnosticCodes, loadWithProblems } from "../reporting.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, parseDateRange, parseFormat, resolveJournal, todayOf, useColor,
  type CommandShared, type Io, type OutputFormat,
} from "../context.js";

export interface ClaimsContext {
  readonly file: string;
  readonly query: ClaimQuery;
  readonly format: OutputFormat;
  readonly color: boolean | undefined;
}

// CSV and JSON keep the older columns first and add `awaiting`, `paid` and `owed` at the end; the
// table shows Paid beside Status, and Awaiting last.
const HEADER = ["claim", "date", "claimant", "department", "customer", "status", "amount", "commodity", "receipts", "problems", "awaiting", "paid", "owed"];
const TABLE_HEADER = ["claim", "date", "claimant", "department", "customer", "status", "paid", "amount", "commodity", "receipts", "problems", "awaiting"];

/** The status as listed: "partly approved" while the approvals do not cover the claim. */
function statusText(row: ClaimRow): string {
  return row.partlyApproved ? "partly approved" : row.status;
}

/** Who may still approve a partly approved claim, or "no one" when no declared limit covers it. */
function awaitingText(row: ClaimRow): string {
  return row.partlyApproved ? (row.awaiting.length > 0 ? row.awaiting.join(", ") : "no one") : "";
}

export function runClaims(io: Io, context: ClaimsContext): number {
  const loaded = loadWithProblems(io, context.file, context.color, todayOf(io));
  if (loaded === null) return EXIT_ERRORS;
  const { ledger, diagnostics } = loaded;
  // Every claim: posted ones in the books, the others in the claim files (rejected ones included);
  // payments are in the books only.
  const claims = booksWithClaims(ledger, "all");
  const balances = claimBalances(ledger.entries, { liabilitiesRoot: ledger.options.accountRoots.liabilities, end: null });
  const rows = claimRows(claims, ledger.options.accountRoots.expenses, diagnostics, context.query, balances);
  const scales = displayScales(claims);
  const amount = (row: { amount: ClaimRow["amount"]; commodity: string }) => plainAmount(row.amount, row.commodity, scales);
  const owed = (row: ClaimRow) => (row.owed === null ? "" : amount({ amount: row.owed, commodity: row.commodity }));
  const cells = (row: ClaimRow) => [
    row.claim, row.date, row.claimant, row.department, row.customer, statusText(row), amount(row), row.commodity, String(row.receipts), diagnosticCodes(row.problems), awaitingText(row), row.paid ?? "", owed(row),
  ];
  const tableCells = (row: ClaimRow) => [
    row.claim, row.date, row.claimant, row.department, row.customer, statusText(row), row.paid ?? "", amount(row), row.commodity, String(row.receipts), diagnosticCodes(row.problems), awaitingText(row),
  ];
  switch (context.format) {
    case "csv":
      io.stdout(renderCsv(HEADER, rows.map(cells)));
      break;
    case "json":
      io.stdout(renderJson({
        claims: rows.map((row) => ({
          claim: row.claim, date: row.date, claimant: row.claimant, department: row.department, customer: row.customer,
          status: statusText(row), amount: amount(row), commodity: row.commodity, receipts: row.receipts, awaiting: row.awaiting,
          file: row.entry.span.file, line: locate(ledger.sources.get(row.entry.span.file)!, row.entry.span.start).line,
          problems: row.problems.map((d) => ({ code: d.code, severity: d.severity, message: d.message })),
          paid: row.paid, owed: row.owed === null ? null : owed(row),
        })),
        totals: claimTotals(rows).map((total) => ({ commodity: total.commodity, amount: amount(total) })),
      }));
      break;
    case "table": {
      const shown = rows.some((row) => row.partlyApproved) ? TABLE_HEADER.length : TABLE_HEADER.length - 1;
      const columns = TABLE_HEADER.slice(0, shown).map((header) => ({ header: header[0]!.toUpperCase() + header.slice(1), align: header === "amount" || header === "receipts" ? "right" as const : "left" as const }));
      const footer = claimTotals(rows).map((total, index) => [index === 0 ? "Total" : "", "", "", "", "", "", "", amount(total), total.commodity, "", "", ""].slice(0, shown));
      io.stdout(renderTable(columns, rows.map((row) => tableCells(row).slice(0, shown)), { color: useColor(io, "stdout", context.color) }, footer) + "\n");
      break;
    }
  }
  return EXIT_OK;
}

function parseStatus(value: string | undefined): ClaimStatus | null {
  if (value === undefined) return null;
  if ((CLAIM_STATUSES as readonly string[]).includes(value)) return value as ClaimStatus;
  throw new UsageError(`unknown status '${value}' (expected ${CLAIM_STATUSES.join(", ")})`);
}

export function registerClaims(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("claims")
    .description("list expense claims: state, amount, receipts and problems")
    .argument("[FILE]", "the journal")
    .option("--status <STATUS>", `only claims in this state (${CLAIM_STATUSES.join(", ")})`)
    .option("--unpaid", "only posted claims not fully paid (unpaid or partly paid)")
    .option("--claimant <NAME>", "only this person's claims (names match ignoring case, width and spaces)")
    .option("--customer <NAME>", "only claims for this customer")
    .option("-b, --begin <DATE>", "claims dated on or after DATE")
    .option("-e, --end <DATE>", "claims dated before DATE (exclusive)")
    .addOption(new Option("--format <FORMAT>", "table, csv or json").default("table"))
    .action((file: string | undefined, options: { status?: string; unpaid?: boolean; claimant?: string; customer?: string; begin?: string; end?: string; format: string }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(`unexpected argument '${journal.rest[0]}'`);
      setExit(runClaims(io, {
        file: journal.file,
        query: {
          status: parseStatus(options.status), claimant: options.claimant ?? null, customer: options.customer ?? null,
          ...parseDateRange(options.begin, options.end), unpaid: options.unpaid === true,
        },
        format: parseFormat(options.format),
        color: global().color,
      }));
    });
}
