// `feeledger import FILE EXPORT... --from dingtalk|feishu|ekuaibao|table [--map MAP.yaml] [--to CLAIM-FILE] [--dry-run] [--skip-bad]`:
// bring the claims of an approval system's export into a claim file (src/import/ is the pipeline).
// `feeledger import --init EXPORT --from SOURCE` prints a starter map.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { inClaimFile } from "../../claims/pending.js";
import { unifiedDiff } from "../../edit/diff.js";
import { editsByFile, type TextEdit } from "../../edit/edits.js";
import { createFileAtomically, FileExistsError } from "../../edit/new-file.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { renderTable } from "../../render/table.js";
import { terminalText } from "../../render/terminal.js";
import { placeText, type ImportProblem } from "../../import/document.js";
import type { DocumentRead } from "../../import/documents.js";
import { EMPTY_MAP, readMap, type ImportMap } from "../../import/map.js";
import { planImport, type ImportPlan, type Outcome } from "../../import/plan.js";
import { PRESETS, SOURCES, type Preset } from "../../import/presets/index.js";
import { ExportShapeError, readDocuments } from "../../import/read.js";
import { ExportReadError } from "../../import/sheet.js";
import { starterMap } from "../../import/starter.js";
import { importTarget } from "../../import/target.js";
import { writeJournalEdits, reportWriteFailure } from "../writing.js";
import {
  EXIT_ERRORS, EXIT_OK, UsageError, journalTextOut, langOf, requireReadableFile, resolveJournal, todayOf, useColor, type CommandShared, type Io,
} from "../context.js";
import { message, say, translate } from "../../i18n/message.js";
import type { Lang } from "../../i18n/lang.js";

interface ImportOptions {
  from?: string;
  map?: string;
  to?: string;
  dryRun?: boolean;
  skipBad?: boolean;
  init?: boolean;
}

/** Exports of more documents than this show a progress bar on a terminal. */
const PROGRESS_ABOVE = 2000;

export function registerImport(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("import")
    .argument("[FILE-AND-EXPORTS...]")
    .option("--from <SOURCE>")
    .option("--map <MAP.yaml>")
    .option("--to <CLAIM-FILE>")
    .option("--dry-run")
    .option("--skip-bad")
    .option("--init")
    .action((args: string[], options: ImportOptions) => {
      const preset = presetOf(options.from);
      if (options.init === true) {
        if (args.length !== 1) throw new UsageError(message("usage import init one export", {}));
        setExit(runInit(io, args[0]!, preset));
        return;
      }
      const journal = resolveJournal(io, global().file, args);
      if (journal.rest.length === 0) throw new UsageError(message("usage import needs export", {}));
      setExit(runImport(io, journal.file, journal.rest, preset, options, global().color));
    });
}

function presetOf(from: string | undefined): Preset {
  if (from === undefined) throw new UsageError(message("usage import needs from", { sources: SOURCES.join(", ") }));
  const preset = (PRESETS as Record<string, Preset>)[from];
  if (preset === undefined) throw new UsageError(message("usage import unknown source", { source: from, sources: SOURCES.join(", ") }));
  return preset;
}

function runInit(io: Io, file: string, preset: Preset): number {
  requireReadableFile(file);
  try {
    io.stdout(starterMap(file, preset, langOf(io)));
    return EXIT_OK;
  } catch (thrown) {
    if (thrown instanceof ExportReadError || thrown instanceof ExportShapeError) {
      io.stderr(`feeledger: ${terminalText(translate(thrown.said, langOf(io)))}\n`);
      return EXIT_ERRORS;
    }
    throw thrown;
  }
}

/** A bar on standard error for a large export, only when it is a terminal. */
function progressBar(io: Io, label: string, lang: Lang): { tick: () => void; start: (total: number) => void; stop: () => void } {
  if (!io.stderrIsTty) return { tick: () => {}, start: () => {}, stop: () => {} };
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof import("cli-progress");
  let bar: import("cli-progress").SingleBar | null = null;
  return {
    start: (total) => {
      if (total <= PROGRESS_ABOVE) return;
      bar = new cliProgress.SingleBar({ stream: process.stderr, format: say(lang, "import progress bar", { label }), clearOnComplete: true }, cliProgress.Presets.legacy);
      bar.start(total, 0);
    },
    tick: () => bar?.increment(),
    stop: () => { bar?.stop(); bar = null; },
  };
}

function runImport(io: Io, file: string, exports: readonly string[], preset: Preset, options: ImportOptions, colorFlag: boolean | undefined): number {
  requireReadableFile(file);
  for (const exported of exports) requireReadableFile(exported);
  const color = useColor(io, "stderr", colorFlag);
  const lang = langOf(io);
  let map: ImportMap = EMPTY_MAP;
  if (options.map !== undefined) {
    requireReadableFile(options.map);
    const read = readMap(options.map);
    if ("problems" in read) {
      for (const problem of read.problems) io.stderr(terminalText(`${options.map}:${problem.line}:${problem.column}: error: ${translate(problem.said, lang)}`) + "\n");
      io.stderr(say(lang, "import map errors", {}) + "\n");
      return EXIT_ERRORS;
    }
    map = read.map;
  }
  const ledger = loadLedger(file, { keepText: true });
  const errors = sortDiagnostics(ledger.diagnostics.filter((d) => d.severity === "error" && !inClaimFile(ledger, d)), [...ledger.sources.keys()]);
  if (errors.length > 0) {
    for (const diagnostic of errors) io.stderr(formatDiagnostic(diagnostic, ledger.sources, { color, excerpt: true, lang }, file) + "\n");
    io.stderr(say(lang, "import journal errors", { count: errors.length }) + "\n");
    return EXIT_ERRORS;
  }
  const target = importTarget(ledger, options.to);
  if ("problem" in target) throw new UsageError(target.problem);

  const reads: DocumentRead[] = [];
  const progress = progressBar(io, say(lang, "import progress reading", {}), lang);
  try {
    for (const exported of exports) {
      const read = readDocuments(exported, preset, map, progress.tick);
      io.stderr(terminalText(say(lang, "import read", { file: exported, ...read.how, count: read.reads.length })) + "\n");
      reads.push(...read.reads);
    }
  } catch (thrown) {
    progress.stop();
    if (thrown instanceof ExportReadError || thrown instanceof ExportShapeError) {
      io.stderr(`feeledger: ${terminalText(translate(thrown.said, lang))}\n`);
      return EXIT_ERRORS;
    }
    throw thrown;
  }
  progress.stop();
  const plan = planImport(reads, {
    ledger, target: target.file, targetText: target.text, declaration: target.declaration, map, label: preset.label,
    skipBad: options.skipBad === true, domain: { today: todayOf(io) },
  });
  const tell = (problem: ImportProblem, severity: "error" | "warning") => io.stderr(terminalText(`${placeText(problem.place)}: ${severity}: ${lang === "zh" ? problem.zh : problem.message}`) + "\n");
  for (const outcome of plan.outcomes) if (outcome.kind === "bad") for (const problem of outcome.problems) tell(problem, "error");
  for (const warning of plan.warnings) tell(warning, "warning");
  for (const refusal of plan.refusals) io.stderr(formatDiagnostic(refusal, ledger.sources, { color, excerpt: false }, file) + "\n");
  const bad = plan.outcomes.filter((outcome) => outcome.kind === "bad").length;
  const failed = bad > 0 || plan.refusals.length > 0;
  // When a bad document stops the import, the good ones are ready but not imported.
  io.stdout(summary(plan, useColor(io, "stdout", colorFlag), plan.edits.length === 0 && failed ? "ready" : "imported", lang));

  if (plan.edits.length === 0) {
    if (failed) io.stderr(say(lang, plan.refusals.length > 0 ? "import would bring errors" : "import bad documents", { count: bad }) + "\n");
    else io.stderr(say(lang, "import nothing to import", {}) + "\n");
    return failed ? EXIT_ERRORS : EXIT_OK;
  }
  const textOf = (name: string) => (name === target.file ? plan.targetText : ledger.sources.get(name)!.text);
  if (options.dryRun === true) {
    for (const [name, edits] of editsByFile(plan.edits)) io.stdout(journalTextOut(io, unifiedDiff(name, textOf(name), edits)));
    io.stderr(say(lang, "writer dry run", { would: null }) + "\n");
    return failed ? EXIT_ERRORS : EXIT_OK;
  }
  if (!write(io, plan.edits, target.file, target.text === null, textOf, lang)) return EXIT_ERRORS;
  io.stderr(terminalText(say(lang, "import wrote", { file: target.file, bad })) + "\n");
  return failed ? EXIT_ERRORS : EXIT_OK;
}

/** Write the edits; a new claim file is created (never over a file that appeared meanwhile), and removed again if the other edits fail. */
function write(io: Io, edits: readonly TextEdit[], target: string, created: boolean, textOf: (file: string) => string, lang: Lang): boolean {
  const others = created ? edits.filter((edit) => edit.file !== target) : edits;
  if (created) {
    const text = edits.filter((edit) => edit.file === target).map((edit) => edit.text).join("");
    try {
      createFileAtomically(target, text);
    } catch (thrown) {
      if (thrown instanceof FileExistsError) {
        io.stderr(say(lang, "import appeared", { file: terminalText(target) }) + "\n");
        return false;
      }
      if (reportWriteFailure(io, thrown)) return false;
      throw thrown;
    }
  }
  if (others.length === 0) return true;
  if (writeJournalEdits(io, others, textOf)) return true;
  if (created) fs.rmSync(target, { force: true });
  return false;
}

/** Documents listed one by one up to this many; beyond it, the updated and bad ones and those skipped for a reason other than being there already, up to this many rows. */
const LISTED = 200;

function summary(plan: ImportPlan, color: boolean, imported: "imported" | "ready", lang: Lang): string {
  const word = (key: "imported" | "ready" | "updated" | "skipped" | "bad") => say(lang, `import ${key}`, {});
  const importedWord = word(imported);
  const counts = { imported: 0, updated: 0, skipped: 0, bad: 0 };
  for (const outcome of plan.outcomes) counts[outcome.kind]++;
  const notable = (outcome: Outcome) => outcome.kind === "updated" || outcome.kind === "bad" || (outcome.kind === "skipped" && !outcome.reason.en.startsWith("already in the journal"));
  const listed = plan.outcomes.length <= LISTED ? plan.outcomes : plan.outcomes.filter(notable);
  const rows = listed.slice(0, LISTED).map((outcome) => {
    switch (outcome.kind) {
      case "imported": return [outcome.document.number, outcome.id, importedWord, say(lang, "import state and lines", { approved: outcome.document.state === "approved", lines: outcome.document.lines.length })];
      case "updated": return [outcome.document.number, outcome.id, word("updated"), say(lang, "import approved by", { names: outcome.document.approvals.map((a) => a.by).join(lang === "zh" ? "、" : ", "), where: outcome.where })];
      case "skipped": return [outcome.document.number, outcome.id, word("skipped"), outcome.reason[lang]];
      case "bad": return [outcome.number ?? "", "", word("bad"), say(lang, "import problems in row", { count: outcome.problems.length, row: outcome.place.row })];
    }
  });
  const header = (key: "Document" | "Claim" | "Outcome" | "Detail") => say(lang, `import ${key}`, {});
  const table = rows.length === 0 ? "" : renderTable(
    [{ header: header("Document") }, { header: header("Claim") }, { header: header("Outcome") }, { header: header("Detail"), shrink: "end" }], rows, { color },
  ) + "\n";
  const more = listed.length > LISTED ? say(lang, "import more not listed", { count: listed.length - LISTED }) + "\n" : "";
  return `${table}${more}${say(lang, "import summary", { imported: counts.imported, importedWord, updated: counts.updated, skipped: counts.skipped, bad: counts.bad })}\n`;
}
