#!/usr/bin/env node
// `npm run bench`: wall time and peak memory of feeledger on generated journals of 10k, 100k and
// 1M customer-fee claims, side by side with ledger-cli and bean-check where they are installed.
//
//   npm run bench [-- --sizes 10k,100k,1M] [--runs N] [--no-beancount] [--no-ledger] [--hledger]
//                    [--no-build] [--no-write]
//
// It first builds dist/ from src/ (tsc and scripts/bundle.mjs), so that what is measured is the source as it stands.
// Journals are generated into bench/out/ (not committed) by scripts/gen-scale.mjs unless present.
// Each command runs N times (default 3 up to 100k transactions, 1 above), the tools interleaved
// so that they share whatever else the machine is doing; the table shows the median wall time,
// the median CPU time (user + system) and the largest peak resident memory. The results go to
// stdout and to bench/results.md with a description of the machine. Benchmarks are scripts, not
// tests: nothing timed runs in CI.
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { join, relative } from "node:path";
import { countLabel, parseCount } from "../scripts/gen-scale.mjs";
import { FEELEDGER, ROOT, TIME, firstLine, installed, measure, median } from "./measure.mjs";

const OUT = join(ROOT, "bench", "out");
const USAGE = "usage: npm run bench -- [--sizes 10k,100k,1M] [--runs N] [--no-beancount] [--no-ledger] [--hledger] [--no-build] [--no-write]";

function parseArgs(argv) {
  const args = { sizes: [10_000, 100_000, 1_000_000], runs: null, beancount: true, ledger: true, hledger: false, build: true, write: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--sizes") {
      const list = (argv[++index] ?? "").split(",").map((size) => parseCount(size.trim()));
      if (list.length === 0 || list.some((size) => size === null)) fail("--sizes takes counts such as 10k,100k,1M");
      args.sizes = list;
    } else if (argument === "--runs") {
      args.runs = Number(argv[++index]);
      if (!Number.isInteger(args.runs) || args.runs < 1) fail("--runs takes a positive integer");
    } else if (argument === "--no-beancount") args.beancount = false;
    else if (argument === "--no-ledger") args.ledger = false;
    else if (argument === "--hledger") args.hledger = true;
    else if (argument === "--no-build") args.build = false;
    else if (argument === "--no-write") args.write = false;
    else if (argument === "-h" || argument === "--help") {
      process.stdout.write(USAGE + "\n");
      process.exit(0);
    } else fail(`unknown argument '${argument}'`);
  }
  return args;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function ensureJournal(count) {
  const label = countLabel(count);
  const beancount = join(OUT, `scale-${label}.beancount`);
  const ledger = join(OUT, `scale-${label}.ledger`);
  if (!existsSync(beancount) || !existsSync(ledger)) {
    process.stderr.write(`generating ${relative(ROOT, beancount)} and .ledger ...\n`);
    const result = spawnSync(process.execPath, [join(ROOT, "scripts", "gen-scale.mjs"), String(count), "--ledger", "--out", beancount], { stdio: "inherit" });
    if (result.status !== 0) fail(`could not generate the ${label} journal`);
  }
  return { label, count, beancount, ledger };
}

function commandsFor(journal, args, tools) {
  const file = relative(ROOT, journal.beancount);
  const ledgerFile = relative(ROOT, journal.ledger);
  const list = [
    { tool: "feeledger", shown: `feeledger check ${file}`, command: FEELEDGER, args: ["check", file] },
    { tool: "feeledger", shown: `feeledger bal ${file}`, command: FEELEDGER, args: ["bal", file] },
  ];
  if (tools.structure) list.push({ tool: "feeledger", shown: `feeledger report structure ${file}`, command: FEELEDGER, args: ["report", "structure", file] });
  if (args.ledger && tools.ledger) list.push({ tool: "ledger-cli", shown: `ledger -f ${ledgerFile} bal`, command: "ledger", args: ["-f", ledgerFile, "bal"] });
  if (args.hledger && tools.hledger) list.push({ tool: "hledger", shown: `hledger -f ${ledgerFile} bal`, command: "hledger", args: ["-f", ledgerFile, "bal"] });
  // -C: no pickle cache, so that every run parses the journal (feeledger keeps no cache either).
  if (args.beancount && tools.beancount) list.push({ tool: "beancount", shown: `bean-check -C ${file}`, command: "bean-check", args: ["-C", file] });
  return list;
}

const format = (value, digits) => (value === null ? "n/a" : value.toFixed(digits));
const percent = (part, whole) => (part === null || whole === null || !whole ? "n/a" : `${(100 * part / whole).toFixed(0)}%`);

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    process.stderr.write("building dist/ (tsc, then the bundle bin/feeledger loads) ...\n");
    const build = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.json")], { stdio: "inherit" });
    if (build.status !== 0) process.stderr.write("warning: tsc reported errors; measuring what it emitted\n");
    spawnSync(process.execPath, [join(ROOT, "scripts", "bundle.mjs")], { stdio: "inherit" });
  }
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) fail("dist/ is missing: run `npm run build` first");
  const tools = {
    ledger: installed("ledger"),
    hledger: installed("hledger"),
    beancount: installed("bean-check"),
    structure: spawnSync(FEELEDGER, ["report", "structure", "--help"], { cwd: ROOT, stdio: "ignore" }).status === 0,
  };
  const loadBefore = os.loadavg();
  const rows = [];
  for (const count of args.sizes) {
    const journal = ensureJournal(count);
    const runs = args.runs ?? (count <= 100_000 ? 3 : 1);
    const commands = commandsFor(journal, args, tools);
    const samples = commands.map(() => []);
    for (let run = 0; run < runs; run++) {
      commands.forEach((command, index) => {
        process.stderr.write(`${journal.label} run ${run + 1}/${runs}: ${command.shown}\n`);
        samples[index].push(measure(command.command, command.args));
      });
    }
    commands.forEach((command, index) => {
      const results = samples[index];
      const failed = results.find((result) => result.status !== 0);
      if (failed) process.stderr.write(`warning: '${command.shown}' exited with ${failed.status}:\n${failed.stderr.split("\n").slice(0, 5).join("\n")}\n`);
      rows.push({
        size: journal.label,
        count,
        megabytes: statSync(journal.beancount).size / 1e6,
        tool: command.tool,
        shown: command.shown,
        wall: median(results.map((result) => result.wall)),
        cpu: median(results.map((result) => result.cpu)),
        rssMb: results.some((result) => result.rssMb === null) ? null : Math.max(...results.map((result) => result.rssMb)),
        status: failed ? failed.status : 0,
        runs,
      });
    });
  }
  const loadAfter = os.loadavg();

  const header = "| transactions | command | wall s | CPU s | peak MB | exit |";
  const lines = [header, "|---:|---|---:|---:|---:|---:|"];
  for (const row of rows) {
    lines.push(`| ${row.size} (${row.megabytes.toFixed(0)} MB) | \`${row.shown}\` | ${format(row.wall, 2)} | ${format(row.cpu, 2)} | ${format(row.rssMb, 0)} | ${row.status} |`);
  }
  const comparisons = [];
  for (const count of args.sizes) {
    const check = rows.find((row) => row.count === count && row.shown.startsWith("feeledger check"));
    const ledger = rows.find((row) => row.count === count && row.tool === "ledger-cli");
    if (check && ledger) {
      comparisons.push(`- ${check.size}: \`feeledger check\` takes ${percent(check.wall, ledger.wall)} of ledger-cli's wall time`
        + ` (${percent(check.cpu, ledger.cpu)} of its CPU time) and ${percent(check.rssMb, ledger.rssMb)} of its peak memory.`);
    }
  }
  const checks = rows.filter((row) => row.shown.startsWith("feeledger check"));
  if (checks.length > 1) {
    comparisons.push(`- Scaling of \`feeledger check\`, CPU time per 1,000 transactions: ${checks.map((row) => `${row.size} ${format(row.cpu === null ? null : 1000 * row.cpu / row.count, 3)} s`).join(", ")}.`);
  }
  const table = lines.join("\n");
  process.stdout.write(`\n${table}\n\n${comparisons.join("\n")}\n`);

  if (args.write) {
    const cpus = os.cpus();
    const reproduce = ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");
    const text = [
      "# Benchmark results",
      "",
      `Written by \`${reproduce}\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}; docs/PERFORMANCE.md explains the figures.`,
      "",
      `- Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()} (${os.arch()})`,
      `- Load average (1, 5, 15 min) before: ${loadBefore.map((load) => load.toFixed(2)).join(", ")}; after: ${loadAfter.map((load) => load.toFixed(2)).join(", ")}`,
      `- Node.js ${process.version}; ${tools.ledger ? firstLine("ledger", ["--version"]) : "ledger-cli not installed"}; ${tools.beancount ? "bean-check " + firstLine("bean-check", ["--version"]) : "bean-check not installed"}${args.hledger && tools.hledger ? "; hledger " + firstLine("hledger", ["--version"]) : ""}`,
      `- Journals: \`node scripts/gen-scale.mjs N --ledger\` (seed 1); wall and CPU time are medians of each command's runs, peak memory the largest (maximum resident set size)${TIME ? ", all from /usr/bin/time -v" : ", from the process's own resource usage"}`,
      "",
      table,
      "",
      ...comparisons,
      "",
    ].join("\n");
    writeFileSync(join(ROOT, "bench", "results.md"), text);
    process.stderr.write("wrote bench/results.md\n");
  }
}

main();
