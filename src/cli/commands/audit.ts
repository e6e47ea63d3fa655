// `feeledger audit FILE [-p PERIOD] [--rule RULE] [--strict] [--format table|csv|json]`: findings no
// fixed limit catches (费用稽核), over the books and the claims in progress, each located at its
// entry with a rule code, a severity and a reason; sorted by severity, then date. The journal's own
// errors are listed first (an audit is most needed then); exit 0 whatever is found, or 1 with
// --strict when anything is.
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { booksWithClaims } from "../../claims/pending.js";
import { REPORT_ROOT_OPTION, feeledgerOption } from "../../reports/journal-options.js";
import { auditSheet, findingPlaces, ruleNamed, runAudit } from "../../audit/audit.js";
import { AUDIT_RULES } from "../../audit/registry.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { terminalText } from "../../render/terminal.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, requireReadableFile, resolveJournal, useColor, type CommandShared, type DateRange, type Io,
} from "../context.js";
import { addReportFlags, emit, emitSheet, outputChoice, reportRange, type OutputChoice, type ReportFlags } from "../reporting.js";
import { message } from "../../i18n/message.js";

export interface AuditContext {
  readonly file: string;
  readonly range: DateRange;
  readonly rule: string | null;
  readonly strict: boolean;
  readonly output: OutputChoice;
  readonly color: boolean | undefined;
}

export function runAuditCommand(io: Io, context: AuditContext): number {
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file);
  const entries = booksWithClaims(ledger, "active");
  const root = feeledgerOption(ledger.entries, REPORT_ROOT_OPTION) ?? ledger.options.accountRoots.expenses;
  const query = {
    range: context.range, root, rule: context.rule,
    expensesRoot: ledger.options.accountRoots.expenses, incomeRoot: ledger.options.accountRoots.income,
  };
  const result = runAudit(entries, query);
  const errors = sortDiagnostics([...ledger.diagnostics, ...result.diagnostics], [...ledger.sources.keys()]).filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const style = { color: useColor(io, "stderr", context.color), excerpt: false };
    for (const diagnostic of errors) io.stderr(formatDiagnostic(diagnostic, ledger.sources, style, context.file) + "\n");
    io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"} in the journal; the audit covers what could be read\n`);
  }
  const place = findingPlaces(result.findings, ledger.sources);
  const exit = context.strict && result.findings.length > 0 ? EXIT_ERRORS : EXIT_OK;
  if (context.output.format !== "table") {
    const written = emitSheet(io, context.output, auditSheet(result, query, place), ledger);
    return written === EXIT_OK ? exit : written;
  }
  const lines = result.findings.map((finding) => `${terminalText(place(finding))}: ${finding.severity}: ${finding.code}: ${finding.claim === null ? "" : `${finding.claim}: `}${terminalText(finding.reason)}\n`);
  const counts = (["high", "medium", "low"] as const).map((severity) => `${result.findings.filter((finding) => finding.severity === severity).length} ${severity}`);
  lines.push(result.findings.length === 0 ? "No findings.\n" : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} (${counts.join(", ")})\n`);
  const written = emit(io, context.output.file, lines.join(""), ledger);
  return written === EXIT_OK ? exit : written;
}

export function registerAudit(program: Command, { io, setExit, global }: CommandShared): void {
  addReportFlags(program.command("audit")
    .argument("[FILE]"), { pending: false })
    .option("--rule <RULE>")
    .option("--strict")
    .action((file: string | undefined, flags: ReportFlags & { rule?: string; strict?: boolean }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(message("usage unexpected argument", { argument: journal.rest[0]! }));
      if (flags.rule !== undefined && ruleNamed(flags.rule) === null) {
        throw new UsageError(message("usage unknown rule", { rule: flags.rule, rules: AUDIT_RULES.map((rule) => rule.name).join(", ") }));
      }
      setExit(runAuditCommand(io, {
        file: journal.file, range: reportRange(flags), rule: flags.rule ?? null, strict: flags.strict === true,
        output: outputChoice(io, flags, global().color), color: global().color,
      }));
    });
}
