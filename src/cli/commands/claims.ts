// `feeledger claims FILE [--status S] [--claimant NAME] [--customer NAME] [-b/-e DATE] [--format F]`:
// one row per expense claim with its state, amount, receipts and problems.
import { Option, type Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { runDomainChecks } from "../../validation/domain.js";
import { CLAIM_STATUSES, type ClaimStatus } from "../../claims/claim.js";
import { claimRows, claimTotals, type ClaimQuery, type ClaimRow } from "../../claims/report.js";
import { displayScales, plainAmount } from "../../reports/display.js";
import { locate } from "../../source/location.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable } from "../../render/table.js";
import { showBlockingErrors } from "../reporting.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, parseDateRange, parseFormat, requireReadableFile, resolveJournal, todayOf, useColor,
  type CommandShared, type Io, type OutputFormat,
} from "../context.js";

export interface ClaimsContext {
  readonly file: string;
  readonly query: ClaimQuery;
  readonly format: OutputFormat;
  readonly color: boolean | undefined;
}

const HEADER = ["claim", "date", "claimant", "department", "customer", "status", "amount", "commodity", "receipts", "problems"];

/** The distinct codes of a row's problems, errors first. */
function problemCodes(row: ClaimRow): string {
  const ordered = [...row.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return [...new Set(ordered.map((d) => d.code))].join(", ");
}

export function runClaims(io: Io, context: ClaimsContext): number {
  const today = todayOf(io);
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file);
  // As `bal`: a journal with errors (an amount line that did not read drops its claim) would give a
  // wrong list and a wrong total. A claim's own problems (a missing receipt) are listed, not refused.
  if (showBlockingErrors(io, ledger.diagnostics, ledger, context.file, context.color)) return EXIT_ERRORS;
  const diagnostics = [...ledger.diagnostics, ...runDomainChecks(ledger, { today })];
  const rows = claimRows(ledger.entries, ledger.options.accountRoots.expenses, diagnostics, context.query);
  const scales = displayScales(ledger.entries);
  const amount = (row: { amount: ClaimRow["amount"]; commodity: string }) => plainAmount(row.amount, row.commodity, scales);
  const cells = (row: ClaimRow) => [
    row.claim, row.date, row.claimant, row.department, row.customer, row.status, amount(row), row.commodity, String(row.receipts), problemCodes(row),
  ];
  switch (context.format) {
    case "csv":
      io.stdout(renderCsv(HEADER, rows.map(cells)));
      break;
    case "json":
      io.stdout(renderJson({
        claims: rows.map((row) => ({
          claim: row.claim, date: row.date, claimant: row.claimant, department: row.department, customer: row.customer,
          status: row.status, amount: amount(row), commodity: row.commodity, receipts: row.receipts,
          file: row.entry.span.file, line: locate(ledger.sources.get(row.entry.span.file)!, row.entry.span.start).line,
          problems: row.problems.map((d) => ({ code: d.code, severity: d.severity, message: d.message })),
        })),
        totals: claimTotals(rows).map((total) => ({ commodity: total.commodity, amount: amount(total) })),
      }));
      break;
    case "table": {
      const columns = HEADER.map((header) => ({ header: header[0]!.toUpperCase() + header.slice(1), align: header === "amount" || header === "receipts" ? "right" as const : "left" as const }));
      const footer = claimTotals(rows).map((total, index) => [index === 0 ? "Total" : "", "", "", "", "", "", amount(total), total.commodity, "", ""]);
      io.stdout(renderTable(columns, rows.map(cells), { color: useColor(io, "stdout", context.color) }, footer) + "\n");
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
    .option("--claimant <NAME>", "only this person's claims")
    .option("--customer <NAME>", "only claims for this customer")
    .option("-b, --begin <DATE>", "claims dated on or after DATE")
    .option("-e, --end <DATE>", "claims dated before DATE (exclusive)")
    .addOption(new Option("--format <FORMAT>", "table, csv or json").default("table"))
    .action((file: string | undefined, options: { status?: string; claimant?: string; customer?: string; begin?: string; end?: string; format: string }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(`unexpected argument '${journal.rest[0]}'`);
      setExit(runClaims(io, {
        file: journal.file,
        query: {
          status: parseStatus(options.status), claimant: options.claimant ?? null, customer: options.customer ?? null,
          ...parseDateRange(options.begin, options.end),
        },
        format: parseFormat(options.format),
        color: global().color,
      }));
    });
}
