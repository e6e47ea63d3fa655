// `feeledger report structure|trend|budget|tax FILE`: the cost reports (费用报表); `report schedules`,
// `report payables` and the official books' `report trial|ledger|vouchers` are registered from
// their own files (report-schedules.ts, report-payables.ts, report-trial.ts, ...).
import { Option, type Command } from "commander";
import { reportEntries } from "../../claims/pending.js";
import type { LedgerEntry } from "../../core/data.js";
import { budgetEndOf, budgetReport, budgetSheet } from "../../reports/budget.js";
import { displayScales, type DisplayScales } from "../../reports/display.js";
import type { Grouping } from "../../reports/grouping.js";
import { REPORT_ROOT_OPTION, feeledgerOption } from "../../reports/journal-options.js";
import { defaultedRange, type Interval } from "../../reports/periods.js";
import type { Sheet } from "../../reports/sheet.js";
import { structureReport, structureSheet } from "../../reports/structure.js";
import { taxReport, taxSheet } from "../../reports/tax.js";
import { trendReport, trendSheet } from "../../reports/trend.js";
import type { Ledger } from "../../loader/load.js";
import {
  EXIT_ERRORS, langOf, EXIT_OK, UsageError, parsePeriod, parsePositiveInteger, resolveJournal, todayOf,
  type CommandShared, type DateRange, type Io,
} from "../context.js";
import {
  addChartFlags, addIntervalFlags, addReportFlags, emitSheet, intervalOf, loadForReport, outputChoice, parseGrouping, reportRange,
  type OutputChoice, type ReportFlags,
} from "../reporting.js";
import { registerReportSchedules } from "./report-schedules.js";
import { registerReportPayables } from "./report-payables.js";
import { registerReportTrial } from "./report-trial.js";
import { registerReportLedger } from "./report-ledger.js";
import { registerReportVouchers } from "./report-vouchers.js";
import { registerReportCustomers } from "./report-customers.js";
import { message, say } from "../../i18n/message.js";

/** What every report subcommand is given. */
export interface ReportContext {
  readonly file: string;
  readonly range: DateRange;
  /** Also count the claim files' submitted and approved claims (--pending). */
  readonly pending: boolean;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

export interface StructureContext extends ReportContext {
  /** --root, else the journal's `report-root` option, else the Expenses root. */
  readonly root: string | null;
  readonly grouping: Grouping;
  readonly top: number | null;
  readonly compare: DateRange | null;
}

export interface TrendContext extends ReportContext {
  readonly root: string | null;
  readonly grouping: Grouping;
  readonly top: number | null;
  readonly interval: Interval;
}

export interface BudgetContext extends ReportContext {
  readonly interval: Interval;
  /** Count the whole year's budget, not only the months to date (--full-year). */
  readonly fullYear: boolean;
}

/**
 * Load the journal, build the sheet from what counts (the books, plus the claims in progress with
 * --pending), write it; 1 when the journal has errors.
 */
function runSheet(io: Io, context: ReportContext, build: (ledger: Ledger, entries: readonly LedgerEntry[]) => Sheet | null): number {
  const ledger = loadForReport(io, context.file, context.color, context.pending);
  if (ledger === null) return EXIT_ERRORS;
  const sheet = build(ledger, reportEntries(ledger, context.pending));
  if (sheet === null) {
    io.stderr(`feeledger: ${say(langOf(io), "stop nothing in period", {})}\n`);
    return EXIT_OK;
  }
  return emitSheet(io, context.output, sheet, ledger);
}

function reportRoot(ledger: Ledger, root: string | null): string {
  return root ?? feeledgerOption(ledger.entries, REPORT_ROOT_OPTION) ?? ledger.options.accountRoots.expenses;
}

/** The places to show amounts with: counted over every posting only when the report shows an amount. */
function scalesFor(report: { readonly rows: readonly unknown[]; readonly totals: readonly unknown[] }, entries: readonly LedgerEntry[]): DisplayScales {
  return report.rows.length === 0 && report.totals.length === 0 ? new Map() : displayScales(entries);
}

export function runStructure(io: Io, context: StructureContext): number {
  return runSheet(io, context, (ledger, entries) => {
    const range = defaultedRange(context.range, entries, todayOf(io));
    if (range === null) return null;
    const selection = { root: reportRoot(ledger, context.root), grouping: context.grouping };
    const report = structureReport(entries, { selection, ...range, top: context.top, compare: context.compare });
    return structureSheet(report, scalesFor(report, entries));
  });
}

export function runTrend(io: Io, context: TrendContext): number {
  return runSheet(io, context, (ledger, entries) => {
    const range = defaultedRange(context.range, entries, todayOf(io));
    if (range === null) return null;
    const selection = { root: reportRoot(ledger, context.root), grouping: context.grouping };
    const report = trendReport(entries, { selection, ...range, interval: context.interval, top: context.top, today: todayOf(io) });
    return report === null ? null : trendSheet(report, scalesFor(report, entries));
  });
}

export function runBudget(io: Io, context: BudgetContext): number {
  return runSheet(io, context, (ledger, entries) => {
    const range = defaultedRange(context.range, entries, todayOf(io));
    if (range === null) return null;
    const budgetEnd = budgetEndOf(context.range, range, todayOf(io), context.fullYear);
    const report = budgetReport(entries, { ...range, interval: context.interval, budgetEnd }, entries === ledger.entries);
    // (No budget, no amount shown: the pass over every posting for their places is saved.)
    return report === null ? null : budgetSheet(report, scalesFor(report, entries));
  });
}

export function runTax(io: Io, context: ReportContext): number {
  return runSheet(io, context, (_ledger, entries) => {
    const range = defaultedRange(context.range, entries, todayOf(io));
    if (range === null) return null;
    const report = taxReport(entries, { ...range });
    return taxSheet(report, scalesFor(report, entries));
  });
}

type Flags = ReportFlags & {
  root?: string; by?: string; depth?: number; top?: number; compare?: string;
  monthly?: boolean; quarterly?: boolean; yearly?: boolean; fullYear?: boolean;
};

/** A subcommand taking FILE and the common report flags. */
function subcommand(report: Command, name: string): Command {
  return addReportFlags(report.command(name).argument("[FILE]"));
}

function addGroupingFlags(command: Command): Command {
  return command
    .option("--root <ACCOUNT>")
    .addOption(new Option("--depth <N>").argParser((value: string) => parsePositiveInteger(value, "--depth")))
    .option("--by <WHAT>")
    .addOption(new Option("--top <N>").argParser((value: string) => parsePositiveInteger(value, "--top")));
}

export function registerReport(program: Command, { io, setExit, global }: CommandShared): Command {
  const report = program.command("report");
  const common = (file: string | undefined, flags: Flags): ReportContext => {
    const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
    if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
    return { file: journal.file, range: reportRange(flags), pending: flags.pending === true, output: outputChoice(io, flags, global().color), color: global().color };
  };

  addChartFlags(addGroupingFlags(subcommand(report, "structure")))
    .option("--compare <PERIOD>")
    .action((file: string | undefined, flags: Flags) => {
      setExit(runStructure(io, {
        ...common(file, flags), root: flags.root ?? null, grouping: parseGrouping(flags.by, flags.depth), top: flags.top ?? null,
        compare: flags.compare === undefined ? null : parsePeriod(flags.compare, "--compare"),
      }));
    });

  addChartFlags(addIntervalFlags(addGroupingFlags(subcommand(report, "trend"))))
    .action((file: string | undefined, flags: Flags) => {
      setExit(runTrend(io, {
        ...common(file, flags), root: flags.root ?? null, grouping: parseGrouping(flags.by, flags.depth), top: flags.top ?? null,
        interval: intervalOf(flags, "month"),
      }));
    });

  addChartFlags(addIntervalFlags(subcommand(report, "budget")))
    .option("--full-year")
    .action((file: string | undefined, flags: Flags) => {
      setExit(runBudget(io, { ...common(file, flags), interval: intervalOf(flags, "month"), fullYear: flags.fullYear === true }));
    });

  addIntervalFlags(subcommand(report, "tax"), "year")
    .action((file: string | undefined, flags: Flags) => {
      intervalOf(flags, "year");
      setExit(runTax(io, common(file, flags)));
    });

  registerReportSchedules(report, { io, setExit, global });
  registerReportPayables(report, { io, setExit, global });
  registerReportTrial(report, { io, setExit, global });
  registerReportLedger(report, { io, setExit, global });
  registerReportVouchers(report, { io, setExit, global });
  registerReportCustomers(report, { io, setExit, global });
  return report;
}
