// `feeledger bal FILE [ACCOUNT-PATTERN...]`: balances by account and commodity.
import { balanceReport } from "../../reports/balances.js";
import { reportEntries } from "../../claims/pending.js";
import { marketValue } from "../../prices/valuation.js";
import { displayScales, plainAmount } from "../../reports/display.js";
import { renderCsv } from "../../render/csv.js";
import { renderJson } from "../../render/json.js";
import { renderTable } from "../../render/table.js";
import type { DocumentRow } from "../../render/document.js";
import { addOutputFlags, emit, emitDocument, loadForReport, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import { Option, type Command } from "commander";
import { message, say } from "../../i18n/message.js";
import {
  EXIT_ERRORS, UsageError, compileAccountPattern, parsePositiveInteger, resolveJournal, type CommandShared, type Io,
} from "../context.js";

export interface BalanceContext {
  readonly file: string;
  readonly patterns: readonly string[];
  readonly tree: boolean;
  readonly depth: number | null;
  readonly begin: string | null;
  readonly end: string | null;
  readonly atCost: boolean;
  /** Value what is held at cost at its market price (the latest before `end`). */
  readonly atValue: boolean;
  /** Also count the claim files' submitted and approved claims (--pending). */
  readonly pending: boolean;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}



export function runBalance(io: Io, context: BalanceContext): number {
  const patterns = context.patterns.map(compileAccountPattern);
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const report = balanceReport(reportEntries(ledger, context.pending), {
    patterns, begin: context.begin, end: context.end, tree: context.tree, depth: context.depth, atCost: context.atCost,
    atValue: context.atValue ? marketValue(ledger.entries, context.end) : null,
  }, ledger.options.accountRoots);
  const scales = displayScales(ledger.entries);
  const amountText = (amount: Parameters<typeof plainAmount>[0], commodity: string) => plainAmount(amount, commodity, scales);
  const { output } = context;
  const headers = (["column account", "column amount", "column commodity"] as const).map((key) => say(output.lang, key, {}));
  const totalLabel = say(output.lang, "table total", {});
  switch (output.format) {
    case "csv":
      return emit(io, output.file, renderCsv(["account", "commodity", "amount"], report.rows.map((r) => [r.account, r.commodity, amountText(r.amount, r.commodity)]), { bom: output.bom }), ledger);
    case "json":
      return emit(io, output.file, renderJson({
        rows: report.rows.map((r) => ({ account: r.account, commodity: r.commodity, amount: amountText(r.amount, r.commodity) })),
        totals: report.totals.map((t) => ({ commodity: t.commodity, amount: amountText(t.amount, t.commodity) })),
      }), ledger);
    case "xlsx":
    case "html": {
      const title = say(output.lang, "bal title", {});
      const rows: DocumentRow[] = [
        ...report.rows.map((r) => ({ cells: [r.account, amountText(r.amount, r.commodity), r.commodity] })),
        ...report.totals.map((t, index) => ({ cells: [index === 0 ? totalLabel : "", amountText(t.amount, t.commodity), t.commodity], total: true })),
      ];
      const columns = [{ header: headers[0], kind: "text" as const }, { header: headers[1], kind: "amount" as const }, { header: headers[2], kind: "text" as const }];
      return emitDocument(io, output, { title, caption: [], sections: [{ name: title, title, columns, rows }] }, ledger);
    }
    case "table": {
      let previous = "";
      const rows = report.rows.map((r) => {
        const name = context.tree ? "  ".repeat(r.level) + (r.level === 0 ? r.account : r.account.split(":").pop()!) : r.account;
        const shown = r.account === previous ? "" : name;
        previous = r.account;
        return [shown, amountText(r.amount, r.commodity), r.commodity];
      });
      const footer = report.totals.map((t, index) => [index === 0 ? totalLabel : "", amountText(t.amount, t.commodity), t.commodity]);
      return emit(io, output.file, renderTable(
        [{ header: headers[0], shrink: context.tree ? "end" : "start" }, { header: headers[1], align: "right" }, { header: headers[2] }],
        rows, { color: output.color, width: output.width }, footer,
      ) + "\n", ledger);
    }
  }
}

export function registerBalance(program: Command, { io, setExit, global }: CommandShared): void {
  const command = program
    .command("bal")
    .alias("balance")
    .argument("[FILE-AND-PATTERNS...]")
    .option("--flat")
    .option("--tree")
    .addOption(new Option("--depth <N>").argParser((value: string) => parsePositiveInteger(value, "--depth")))
    .option("-b, --begin <DATE>")
    .option("-e, --end <DATE>")
    .option("-p, --period <PERIOD>")
    .option("--cost")
    .option("--value")
    .option("--pending");
  addOutputFlags(command)
    .action((args: string[], options: ReportFlags & { flat?: boolean; tree?: boolean; depth?: number; cost?: boolean; value?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      if (options.flat && options.tree) throw new UsageError(message("usage flat and tree", {}));
      setExit(runBalance(io, {
        file: journal.file,
        patterns: journal.rest,
        tree: options.tree === true,
        depth: options.depth ?? null,
        ...reportRange(options),
        atCost: options.cost === true,
        atValue: options.value === true,
        pending: options.pending === true,
        output: outputChoice(io, options, global().color),
        color: global().color,
      }));
    });
}
