// `feeledger bal FILE [ACCOUNT-PATTERN...]`: balances by account and commodity.
import { balanceReport } from "../../reports/balances.js";
import { reportEntries } from "../../claims/pending.js";
import { displayScales, plainAmount } from "../../reports/display.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable } from "../../render/table.js";
import { loadForReport } from "../reporting.js";
import { Option, type Command } from "commander";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, compileAccountPattern, parseDateRange, parseFormat, parsePositiveInteger, resolveJournal,
  useColor, type CommandShared, type Io, type OutputFormat,
} from "../context.js";

export interface BalanceContext {
  readonly file: string;
  readonly patterns: readonly string[];
  readonly tree: boolean;
  readonly depth: number | null;
  readonly begin: string | null;
  readonly end: string | null;
  readonly atCost: boolean;
  /** Also count the claim files' submitted and approved claims (--pending). */
  readonly pending: boolean;
  readonly format: OutputFormat;
  readonly color: boolean | undefined;
}


export function runBalance(io: Io, context: BalanceContext): number {
  const patterns = context.patterns.map(compileAccountPattern);
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const report = balanceReport(reportEntries(ledger, context.pending), {
    patterns, begin: context.begin, end: context.end, tree: context.tree, depth: context.depth, atCost: context.atCost,
  }, ledger.options.accountRoots);
  const scales = displayScales(ledger.entries);
  const amountText = (amount: Parameters<typeof plainAmount>[0], commodity: string) => plainAmount(amount, commodity, scales);
  switch (context.format) {
    case "csv":
      io.stdout(renderCsv(["account", "commodity", "amount"], report.rows.map((r) => [r.account, r.commodity, amountText(r.amount, r.commodity)])));
      break;
    case "json":
      io.stdout(renderJson({
        rows: report.rows.map((r) => ({ account: r.account, commodity: r.commodity, amount: amountText(r.amount, r.commodity) })),
        totals: report.totals.map((t) => ({ commodity: t.commodity, amount: amountText(t.amount, t.commodity) })),
      }));
      break;
    case "table": {
      let previous = "";
      const rows = report.rows.map((r) => {
        const name = context.tree ? "  ".repeat(r.level) + (r.level === 0 ? r.account : r.account.split(":").pop()!) : r.account;
        const shown = r.account === previous ? "" : name;
        previous = r.account;
        return [shown, amountText(r.amount, r.commodity), r.commodity];
      });
      const footer = report.totals.map((t, index) => [index === 0 ? "Total" : "", amountText(t.amount, t.commodity), t.commodity]);
      io.stdout(renderTable(
        [{ header: "Account" }, { header: "Amount", align: "right" }, { header: "Commodity" }],
        rows, { color: useColor(io, "stdout", context.color) }, footer,
      ) + "\n");
      break;
    }
  }
  return EXIT_OK;
}

export function registerBalance(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("bal")
    .alias("balance")
    .description("balances by account and commodity")
    .argument("[FILE-AND-PATTERNS...]", "the journal, then account patterns (case-insensitive regular expressions)")
    .option("--flat", "each account's own postings (default)")
    .option("--tree", "roll subaccounts up into their parents")
    .option("--depth <N>", "aggregate accounts deeper than N", (value: string) => parsePositiveInteger(value, "--depth"))
    .option("-b, --begin <DATE>", "include postings on or after DATE")
    .option("-e, --end <DATE>", "include postings before DATE (exclusive)")
    .option("--cost", "value what is held at cost at its cost")
    .option("--pending", "also count the submitted and approved claims of the claim files (never rejected ones)")
    .addOption(new Option("--format <FORMAT>", "table, csv or json").default("table"))
    .action((args: string[], options: { flat?: boolean; tree?: boolean; depth?: number; begin?: string; end?: string; cost?: boolean; pending?: boolean; format: string }) => {
      const journal = resolveJournal(io, global().file, args);
      if (options.flat && options.tree) throw new UsageError("--flat and --tree exclude each other");
      setExit(runBalance(io, {
        file: journal.file,
        patterns: journal.rest,
        tree: options.tree === true,
        depth: options.depth ?? null,
        ...parseDateRange(options.begin, options.end),
        atCost: options.cost === true,
        pending: options.pending === true,
        format: parseFormat(options.format),
        color: global().color,
      }));
    });
}
