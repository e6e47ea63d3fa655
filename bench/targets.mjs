#!/usr/bin/env node
// The targets of issue 18, each measured and set against its bar:
//
//   node bench/targets.mjs [--size 100k] [--pairs N] [--only shapes,commands,writers,scaling,startup]
//                          [--shapes bench,claims,split,plugins,example] [--no-build] [--no-write]
//
// - shapes:   `check` against `ledger bal` on five journals of 100k transactions (the bench's own,
//             a claims-heavy one, bean-example scaled, one split over 100 included files, one
//             with beancount's auto_accounts and implicit_prices plugins): the median of the ratios of pairs run back to back; at most 0.4, and less peak memory.
//             --shapes runs some of them (ledger-cli takes minutes on the example).
// - commands: every reading command against `check` on the bench journal, pair by pair; at most
//             1.2x (`print` 2x).
// - writers:  approve, post, pay and amortize on the claims-heavy journal (a fresh copy per run)
//             against `check` on the same copy; at most 1.5x.
// - scaling:  `check` on 100k, 300k and 1M transactions: CPU seconds and peak memory per 1,000
//             transactions, which must not grow (at most 10% above the 100k figure).
// - startup:  `feeledger --version` and `check` on a ten-line journal, median of 11 runs; at most 0.12 s.
//
// Journals are generated into bench/out/ (not committed) unless there. The results are printed
// and written to bench/targets.md with the machine and its load, each section between its own
// markers: a run replaces the sections it ran and keeps the others. A script, not a test.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { basename, join, relative } from "node:path";
import { countLabel, parseCount } from "../scripts/gen-scale.mjs";
import { FEELEDGER, ROOT, TIME, firstLine, installed, measure, median } from "./measure.mjs";

const OUT = join(ROOT, "bench", "out");
const SECTIONS = ["shapes", "commands", "writers", "scaling", "startup"];
const SHAPES = ["bench", "claims", "split", "plugins", "example"];
const USAGE = `usage: node bench/targets.mjs [--size 100k] [--pairs N] [--only ${SECTIONS.join(",")}] [--shapes ${SHAPES.join(",")}] [--no-build] [--no-write]`;
const BANK = "Assets:1002-银行存款:01-工商银行";

function fail(message) {
  process.stderr.write(`bench/targets: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { size: 100_000, pairs: 5, only: SECTIONS, shapes: SHAPES, build: true, write: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--size") args.size = parseCount(argv[++index] ?? "") ?? fail("--size takes a count such as 100k");
    else if (argument === "--pairs") {
      args.pairs = Number(argv[++index]);
      if (!Number.isInteger(args.pairs) || args.pairs < 1) fail("--pairs takes a positive integer");
    } else if (argument === "--only") {
      args.only = (argv[++index] ?? "").split(",");
      if (args.only.some((section) => !SECTIONS.includes(section))) fail(`--only takes some of ${SECTIONS.join(",")}`);
    } else if (argument === "--shapes") {
      args.shapes = (argv[++index] ?? "").split(",");
      if (args.shapes.some((shape) => !SHAPES.includes(shape))) fail(`--shapes takes some of ${SHAPES.join(",")}`);
    } else if (argument === "--no-build") args.build = false;
    else if (argument === "--no-write") args.write = false;
    else if (argument === "-h" || argument === "--help") {
      process.stdout.write(USAGE + "\n");
      process.exit(0);
    } else fail(`unknown argument '${argument}'`);
  }
  return args;
}

const log = (text) => process.stderr.write(`${text}\n`);

/** A generated journal (and its ledger twin) under bench/out, made once. */
function journal(shape, count) {
  const name = `${shape === "bench" ? "scale" : shape}-${countLabel(count)}`;
  const beancount = join(OUT, `${name}.beancount`);
  const ledger = join(OUT, `${name}.ledger`);
  if (!existsSync(beancount) || !existsSync(ledger)) {
    log(`generating ${relative(ROOT, beancount)} and .ledger ...`);
    const script = shape === "example" ? ["scripts/gen-example.mjs", String(count)] : ["scripts/gen-scale.mjs", String(count), "--shape", shape];
    const result = spawnSync(process.execPath, [...script, "--ledger", "--out", beancount], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) return null;
  }
  return { shape, name, beancount: relative(ROOT, beancount), ledger: relative(ROOT, ledger) };
}

/** A command as run and as shown. */
const feeledger = (...args) => ({ command: FEELEDGER, args, shown: `feeledger ${args.join(" ")}` });
const ledgerBal = (file) => ({ command: "ledger", args: ["-f", file, "bal"], shown: `ledger -f ${file} bal` });

function run(command, prepare) {
  prepare?.();
  const result = measure(command.command, command.args);
  if (result.status !== 0 && result.status !== 1) log(`warning: '${command.shown}' exited with ${result.status}: ${result.stderr.split("\n").slice(-3).join(" ")}`);
  return result;
}

/**
 * `pairs` runs of `base` and `other` back to back: the median of other/base wall times (what the
 * targets are judged by), the median of other/base CPU times (user + system: less moved by other
 * processes on the machine, shown beside it), each side's median wall time and largest peak
 * memory. The order turns with every pair (base first, then other first, ...), so that neither
 * side always runs in the wake of the other.
 */
function paired(base, other, pairs, prepare) {
  const ratios = [];
  const cpuRatios = [];
  const baseRuns = [];
  const otherRuns = [];
  for (let pair = 0; pair < pairs; pair++) {
    const baseFirst = pair % 2 === 0;
    log(`  pair ${pair + 1}/${pairs}: ${baseFirst ? `${base.shown} | ${other.shown}` : `${other.shown} | ${base.shown}`}`);
    const otherBefore = baseFirst ? null : run(other, prepare);
    const baseRun = run(base, prepare);
    const otherRun = otherBefore ?? run(other, prepare);
    baseRuns.push(baseRun);
    otherRuns.push(otherRun);
    ratios.push(otherRun.wall / baseRun.wall);
    if (baseRun.cpu !== null && otherRun.cpu !== null && baseRun.cpu > 0) cpuRatios.push(otherRun.cpu / baseRun.cpu);
  }
  const summary = (runs) => ({
    wall: median(runs.map((r) => r.wall)), rssMb: Math.max(...runs.map((r) => r.rssMb ?? 0)),
    faults: runs.every((r) => typeof r.faults === "number") ? median(runs.map((r) => r.faults)) : null,
    status: runs.find((r) => r.status !== 0)?.status ?? 0,
  });
  return { ratio: median(ratios), cpuRatio: median(cpuRatios), base: summary(baseRuns), other: summary(otherRuns) };
}

const seconds = (value) => (value === null ? "n/a" : value.toFixed(2));
const times = (value) => (value === null ? "n/a" : `${value.toFixed(2)}x`);
const thousands = (value) => `${(value / 1000).toFixed(1)}k`;
/**
 * A pair's ratio as shown: wall, then CPU and each side's median count of page faults when they
 * were measured (memory touched for the first time: on a virtual machine a large share of the time).
 */
const pairFigure = (result) => `${times(result.ratio)} (${seconds(result.other.wall)} s vs ${seconds(result.base.wall)} s${result.cpuRatio === null ? "" : `; CPU ${times(result.cpuRatio)}`}${
  result.other.faults === null || result.base.faults === null ? "" : `; page faults ${thousands(result.other.faults)} vs ${thousands(result.base.faults)}`})`;
const met = (ok) => (ok ? "met" : "**not met**");

function shapes(args, rows) {
  if (!installed("ledger")) return log("shapes: ledger-cli is not installed; skipped");
  // The example shape needs beancount's bean-example; ledger-cli takes minutes on it (--shapes leaves it out).
  const list = args.shapes.filter((shape) => shape !== "example" || (installed("bean-example") && installed("bean-report")));
  for (const shape of list) {
    const files = journal(shape, args.size);
    if (files === null) {
      log(`shapes: could not generate the ${shape} journal; skipped`);
      continue;
    }
    log(`shape ${shape}:`);
    // ledger-cli is the base of the pair here: its time is the denominator.
    const result = paired(ledgerBal(files.ledger), feeledger("check", files.beancount), args.pairs);
    rows.push({
      section: "check against ledger-cli",
      what: `${shape} (${(journalBytes(join(ROOT, files.beancount)) / 1e6).toFixed(0)} MB)`,
      command: `feeledger check ${files.beancount}` + " | " + `ledger -f ${files.ledger} bal`,
      figure: `${pairFigure(result)}; ${result.other.rssMb.toFixed(0)} MB vs ${result.base.rssMb.toFixed(0)} MB`,
      target: "≤ 0.40x, less memory",
      ok: result.ratio <= 0.4 && result.other.rssMb < result.base.rssMb && result.other.status === 0,
    });
  }
}

/** The bytes of a journal with its included files (the split shape keeps them in NAME-parts/). */
function journalBytes(file) {
  const parts = file.replace(/\.beancount$/, "-parts");
  const partsBytes = existsSync(parts) ? readdirSync(parts).filter((name) => name.endsWith(".beancount")).reduce((sum, name) => sum + statSync(join(parts, name)).size, 0) : 0;
  return statSync(file).size + partsBytes;
}

function commands(args, rows) {
  const files = journal("bench", args.size);
  if (files === null) return log("commands: could not generate the bench journal; skipped");
  const file = files.beancount;
  const all = ["-p", "2015..2024"];
  const list = [
    ["bal", file],
    ["reg", file, BANK],
    ["is", file],
    ["bs", file],
    ["claims", file],
    ["report", "structure", file, ...all],
    ["report", "trend", file, ...all],
    ["report", "budget", file, ...all],
    ["report", "tax", file, ...all],
    ["report", "schedules", file],
    ["report", "payables", file],
    ["report", "trial", file, ...all],
    ["report", "ledger", file, BANK, ...all],
    ["report", "vouchers", file, ...all],
    ["report", "customers", file, ...all],
    ["print", file],
  ];
  const check = feeledger("check", file);
  for (const command of list) {
    log(`command ${command.slice(0, 2).join(" ")}:`);
    const result = paired(check, feeledger(...command), args.pairs);
    const bar = command[0] === "print" ? 2 : 1.2;
    rows.push({
      section: "commands against check",
      what: command[0] === "report" ? `report ${command[1]}` : command[0],
      command: `feeledger ${command.join(" ")}`,
      figure: pairFigure(result),
      target: `≤ ${bar.toFixed(1)}x`,
      ok: result.ratio <= bar && result.other.status <= 1,
    });
  }
}

function writers(args, rows) {
  const files = journal("claims", args.size);
  if (files === null) return log("writers: could not generate the claims journal; skipped");
  const work = join(OUT, "writers");
  const main = join(work, basename(files.beancount));
  const fresh = () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    for (const suffix of [".beancount", "-claims.beancount"]) cpSync(join(ROOT, files.beancount.replace(/\.beancount$/, suffix)), join(work, basename(files.beancount).replace(/\.beancount$/, suffix)));
  };
  // A submitted claim to approve, and the first posted claim owed to its claimant to pay.
  fresh();
  const claimsText = spawnSync("grep", ["-m1", "-o", 'claim: "EC-[^"]*"', join(work, basename(files.beancount).replace(/\.beancount$/, "-claims.beancount"))], { encoding: "utf8" }).stdout;
  const pending = /"(EC-[^"]+)"/.exec(claimsText)?.[1];
  const payables = spawnSync(FEELEDGER, ["report", "payables", main, "--format", "csv"], { encoding: "utf8", maxBuffer: 1 << 28 }).stdout.split("\n");
  const owed = payables.map((line) => /(EC-\d{4}-\d+)/.exec(line)?.[1]).find((id) => id !== undefined);
  if (pending === undefined || owed === undefined) return log("writers: no pending or owed claim found in the claims journal; skipped");
  const approved = () => {
    fresh();
    spawnSync(FEELEDGER, ["approve", main, pending, "--by", "审批人", "--on", "2025-01-02"], { stdio: "ignore" });
  };
  const list = [
    { command: feeledger("approve", main, pending, "--by", "审批人", "--on", "2025-01-02"), prepare: fresh },
    { command: feeledger("post", main, pending, "--on", "2025-01-03"), prepare: approved },
    { command: feeledger("pay", main, owed, "--from", BANK, "--on", "2025-01-05"), prepare: fresh },
    { command: feeledger("amortize", main, "--through", "2024-12"), prepare: fresh },
  ];
  for (const { command, prepare } of list) {
    log(`writer ${command.args[0]}:`);
    const result = paired(feeledger("check", main), command, args.pairs, prepare);
    rows.push({
      section: "writers against check",
      what: command.args[0],
      command: command.shown.replace(ROOT, ""),
      figure: pairFigure(result),
      target: "≤ 1.5x",
      ok: result.ratio <= 1.5 && result.other.status === 0,
    });
  }
  rmSync(work, { recursive: true, force: true });
}

function scaling(args, rows) {
  const figures = [];
  for (const count of [100_000, 300_000, 1_000_000]) {
    const files = journal("bench", count);
    if (files === null) continue;
    log(`scaling ${countLabel(count)}:`);
    const runs = [0, 1, 2].slice(0, count > 300_000 ? 1 : 3).map(() => run(feeledger("check", files.beancount)));
    const cpu = median(runs.map((r) => r.cpu));
    const rss = Math.max(...runs.map((r) => r.rssMb ?? 0));
    figures.push({ count, cpu, rss, wall: median(runs.map((r) => r.wall)), file: files.beancount });
  }
  const first = figures[0];
  for (const figure of figures) {
    const cpuPerK = figure.cpu === null ? null : (1000 * figure.cpu) / figure.count;
    const rssPerK = (1000 * figure.rss) / figure.count;
    const basePerK = first.cpu === null ? null : (1000 * first.cpu) / first.count;
    rows.push({
      section: "scaling of check",
      what: countLabel(figure.count),
      command: `feeledger check ${figure.file}`,
      figure: `${seconds(figure.wall)} s, ${cpuPerK === null ? "n/a" : cpuPerK.toFixed(4)} CPU s and ${rssPerK.toFixed(2)} MB per 1,000 transactions`,
      target: "per 1,000 at most 1.1 × the 100k figure",
      ok: cpuPerK !== null && basePerK !== null && cpuPerK <= basePerK * 1.1 && rssPerK <= ((1000 * first.rss) / first.count) * 1.1,
    });
  }
}

function startup(args, rows) {
  const small = join(OUT, "ten-lines.beancount");
  mkdirSync(OUT, { recursive: true });
  writeFileSync(small, [
    "2026-01-01 open Assets:Bank CNY",
    "2026-01-01 open Expenses:Fees CNY",
    "",
    '2026-01-05 * "Bank" "fee"',
    "  Expenses:Fees  1.00 CNY",
    "  Assets:Bank",
    "",
    "2026-02-01 balance Assets:Bank  -1.00 CNY",
    "",
    "",
  ].join("\n"));
  for (const command of [feeledger("--version"), feeledger("check", relative(ROOT, small))]) {
    log(`startup ${command.shown}:`);
    const runs = Array.from({ length: 11 }, () => run(command));
    const wall = median(runs.map((r) => r.wall));
    rows.push({ section: "start-up", what: command.args[0], command: command.shown, figure: `${seconds(wall)} s`, target: "≤ 0.12 s", ok: wall <= 0.12 });
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    log("building dist/ ...");
    if (spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" }).status !== 0) fail("the build failed");
  }
  const loadBefore = os.loadavg();
  const rows = [];
  const sections = { shapes, commands, writers, scaling, startup };
  for (const section of args.only) {
    const before = rows.length;
    sections[section](args, rows);
    for (const row of rows.slice(before)) row.key = section;
  }
  const loadAfter = os.loadavg();

  const table = (sectionRows) => [
    "| target | case | figure | bar | result |",
    "|---|---|---|---|---|",
    ...sectionRows.map((row) => `| ${row.section} | ${row.what} | ${row.figure} | ${row.target} | ${met(row.ok)} |`),
  ].join("\n");
  process.stdout.write(`\n${table(rows)}\n\n${rows.filter((row) => row.ok).length} of ${rows.length} targets met.\n`);
  if (args.write) {
    const cpus = os.cpus();
    const reproduce = ["node bench/targets.mjs", ...process.argv.slice(2)].join(" ");
    const about = [
      `Written by \`${reproduce}\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      "",
      `- Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()} (${os.arch()})`,
      `- Load average (1, 5, 15 min) before: ${loadBefore.map((load) => load.toFixed(2)).join(", ")}; after: ${loadAfter.map((load) => load.toFixed(2)).join(", ")}`,
      `- Node.js ${process.version}; ${installed("ledger") ? firstLine("ledger", ["--version"]) : "ledger-cli not installed"}`,
      `- Ratios are medians over ${args.pairs} pairs run back to back, of wall time (judged) and of CPU time (user + system, shown as CPU), with each side's median count of minor page faults (pages touched for the first time); times${TIME ? " from /usr/bin/time -v" : ""}`,
    ];
    const file = join(ROOT, "bench", "targets.md");
    let text = existsSync(file) ? readFileSync(file, "utf8") : [
      "# Performance targets (issue 18)",
      "",
      "Each section is written by `node bench/targets.mjs --only SECTION`: a run rewrites the sections it",
      "ran, between their markers, and keeps the rest of this file (other sections, notes) as it is.",
      "docs/PERFORMANCE.md explains the figures.",
      "",
    ].join("\n");
    for (const section of args.only) {
      const sectionRows = rows.filter((row) => row.key === section);
      const block = [
        `<!-- section ${section} -->`,
        `## ${section}`,
        "",
        ...about,
        "",
        table(sectionRows),
        "",
        `${sectionRows.filter((row) => row.ok).length} of ${sectionRows.length} targets met.`,
        "",
        "Commands (from the repository's root):",
        "",
        ...sectionRows.map((row) => `- ${row.section}, ${row.what}: \`${row.command}\``),
        `<!-- /section ${section} -->`,
      ].join("\n");
      text = replaceBlock(text, section, block);
    }
    writeFileSync(file, text);
    log("wrote bench/targets.md");
  }
}

/** `text` with the block between the markers of `section` replaced by `block`, or `block` appended. */
function replaceBlock(text, section, block) {
  const open = `<!-- section ${section} -->`;
  const close = `<!-- /section ${section} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close, start);
  if (start >= 0 && end >= 0) return text.slice(0, start) + block + text.slice(end + close.length);
  return `${text.replace(/\n*$/, "\n\n")}${block}\n`;
}

main();
