// `feeledger receipts FILE [--format F]`: every evidence file of every claim, one row each, with the
// number, date, seller, buyer tax id and total read from the file itself, where each came from, and
// the checks that concern it.
import type { Command } from "commander";
import { Option } from "commander";
import { message, say } from "../../i18n/message.js";
import { booksWithClaims } from "../../claims/pending.js";
import { receiptEvidence, type ReceiptEvidence } from "../../invoices/evidence.js";
import { receiptRows, type ReceiptRow } from "../../reports/receipts.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable } from "../../render/table.js";
import { diagnosticCodes, loadWithProblems, outputChoice, type OutputChoice } from "../reporting.js";
import { EXIT_ERRORS, EXIT_OK, UsageError, resolveJournal, todayOf, type CommandShared, type Io } from "../context.js";

export interface ReceiptsContext {
  readonly file: string;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

const HEADER = ["file", "claim", "status", "kind", "number", "date", "seller", "buyer tax id", "total", "read from", "checks", "note"];
// The table keeps what a reviewer compares; what the file is shows under Read from when it is not an invoice.
const TABLE_HEADER = ["file", "claim", "number", "date", "seller", "buyer tax id", "total", "read from", "checks"] as const;

export function runReceipts(io: Io, context: ReceiptsContext): number {
  const loaded = loadWithProblems(io, context.file, context.color, todayOf(io));
  if (loaded === null) return EXIT_ERRORS;
  const { ledger, diagnostics } = loaded;
  const evidence = receiptEvidence(booksWithClaims(ledger, "all"), ledger.options.accountRoots.expenses)
    .flatMap((citation) => (citation.kind === "file" ? [citation.use] : [] as ReceiptEvidence[]));
  const rows = receiptRows(evidence, diagnostics, process.cwd());
  const cells = (row: ReceiptRow) => [row.file, row.claim, row.status, row.kind, row.number, row.date, row.seller, row.buyerTaxId, row.total, row.readFrom, diagnosticCodes(row.checks), row.note];
  switch (context.output.format) {
    case "csv":
      io.stdout(renderCsv(HEADER, rows.map(cells)));
      break;
    case "json":
      io.stdout(renderJson({
        receipts: rows.map((row) => ({
          file: row.file, claim: row.claim, status: row.status, kind: row.kind, number: row.number, date: row.date, seller: row.seller,
          buyerTaxId: row.buyerTaxId, total: row.total, sources: row.sources, note: row.note,
          checks: row.checks.map((d) => ({ code: d.code, severity: d.severity, message: d.message })),
        })),
      }));
      break;
    case "table": {
      if (rows.length === 0) {
        io.stdout(say(context.output.lang, "stop no receipt files", {}) + "\n");
        break;
      }
      const columns = TABLE_HEADER.map((header) => ({
        header: say(context.output.lang, `receipts column ${header}`, {}), align: header === "total" ? "right" as const : "left" as const,
        shrink: header === "file" ? "start" as const : header === "seller" ? "end" as const : undefined,
        repeat: header === "file",
      }));
      const tableCells = (row: ReceiptRow) => [row.file, row.claim, row.number, row.date, row.seller, row.buyerTaxId, row.total, row.readFrom || row.kind, diagnosticCodes(row.checks)];
      io.stdout(renderTable(columns, rows.map(tableCells), { color: context.output.color, width: context.output.width }) + "\n");
      break;
    }
  }
  return EXIT_OK;
}

export function registerReceipts(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("receipts")
    .argument("[FILE]")
    .addOption(new Option("--format <FORMAT>").default("table"))
    .action((file: string | undefined, options: { format: string }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      setExit(runReceipts(io, { file: journal.file, output: outputChoice(io, { format: options.format }, global().color), color: global().color }));
    });
}
