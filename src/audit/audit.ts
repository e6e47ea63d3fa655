// The audit (费用稽核): run the rules over the books and the claims in progress, and the sheet its
// CSV and JSON are rendered from.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { claimStatus, isClaim } from "../claims/claim.js";
import { inRange } from "../reports/periods.js";
import type { Sheet } from "../reports/sheet.js";
import { exclusiveEndText } from "../core/dates.js";
import type { Location } from "../source/location.js";
import type { SourceFile } from "../source/files.js";
import { locateMany } from "../source/locate-many.js";
import { sortFindings, type Finding } from "./finding.js";
import { AUDIT_RULES } from "./registry.js";
import type { AuditContext, AuditRule } from "./rule.js";
import { readAuditSettings } from "./settings.js";
import { phrase } from "../i18n/phrase.js";

export interface AuditQuery {
  readonly range: { readonly begin: string | null; readonly end: string | null };
  readonly root: string;
  readonly expensesRoot: string;
  readonly incomeRoot: string;
  /** Run only this rule; null: every rule not turned off. */
  readonly rule: string | null;
}

export interface AuditResult {
  readonly findings: readonly Finding[];
  /** Thresholds written wrongly (custom "audit-rule"). */
  readonly diagnostics: readonly Diagnostic[];
}

export function ruleNamed(name: string): AuditRule | null {
  return AUDIT_RULES.find((rule) => rule.name === name) ?? null;
}

/** `entries`: the books and the claims in progress, in date order. */
export function runAudit(entries: readonly LedgerEntry[], query: AuditQuery): AuditResult {
  const { settings, diagnostics } = readAuditSettings(entries, new Map(AUDIT_RULES.map((rule) => [rule.name, rule.settings])));
  const claims: BookedTransaction[] = [];
  for (const entry of entries) {
    if (entry.type === "transaction" && inRange(entry.date, query.range) && isClaim(entry) && claimStatus(entry) !== "rejected") claims.push(entry);
  }
  const context: AuditContext = { entries, claims, range: query.range, root: query.root, expensesRoot: query.expensesRoot, incomeRoot: query.incomeRoot, settings };
  const findings: Finding[] = [];
  for (const rule of AUDIT_RULES) {
    if (query.rule !== null ? rule.name !== query.rule : !settings.enabled(rule.name)) continue;
    for (const finding of rule.run(context)) findings.push(finding);
  }
  return { findings: sortFindings(findings), diagnostics };
}

/** Where each finding is, as FILE:LINE:COL (files read once more, in pieces, only where something was found). */
export function findingPlaces(findings: readonly Finding[], sources: ReadonlyMap<string, SourceFile>): (finding: Finding) => string {
  const byFile = new Map<string, Map<number, Location>>();
  for (const file of new Set(findings.map((finding) => finding.span.file))) {
    const source = sources.get(file);
    if (source === undefined) continue;
    try {
      byFile.set(file, locateMany(source, findings.filter((finding) => finding.span.file === file).map((finding) => finding.span.start)));
    } catch {
      // A file changed or gone since it was loaded: its findings name the file alone.
    }
  }
  return (finding) => {
    const location = byFile.get(finding.span.file)?.get(finding.span.start);
    return location === undefined ? finding.span.file : `${finding.span.file}:${location.line}:${location.column}`;
  };
}

export function auditSheet(result: AuditResult, query: AuditQuery, place: (finding: Finding) => string): Sheet {
  return {
    report: "audit",
    caption: [phrase("audit Audit findings", {})],
    facts: { root: query.root, begin: query.range.begin, end: exclusiveEndText(query.range.end), rule: query.rule },
    columns: [
      { key: "location", header: phrase("audit Location", {}), kind: "text" },
      { key: "severity", header: phrase("audit Severity", {}), kind: "text" },
      { key: "rule", header: phrase("audit Rule", {}), kind: "text" },
      { key: "date", header: phrase("label Date", {}), kind: "text" },
      { key: "claim", header: phrase("label Claim", {}), kind: "text" },
      { key: "claimant", header: phrase("audit Claimant", {}), kind: "text" },
      { key: "reason", header: phrase("audit Reason", {}), kind: "text" },
    ],
    rows: result.findings.map((finding) => ({
      cells: {
        location: place(finding), severity: finding.severity, rule: finding.code, date: finding.date, claim: finding.claim,
        claimant: finding.claimant ?? null, reason: finding.reason,
      },
    })),
    totals: [],
  };
}
