#!/usr/bin/env node
// Count the machine instructions one feeledger command line executes, under valgrind's cachegrind,
// for this checkout's build and, with --against, another build's: a figure for comparing two
// builds that does not move with the other processes on the machine, where wall and CPU time on a
// shared 2-core machine move by 10-25% between runs of the same build.
//
//   node bench/instructions.mjs [--against DIR] [--runs N] -- ARGS...
//
//   node bench/instructions.mjs --against /tmp/other-checkout -- report vouchers bench/out/scale-100k.beancount -p 2015..2024
//
// DIR is another checkout (or a copy of its bin/ and dist/) built with `npm run build`. Each build
// runs `node FLAGS --single-threaded --predictable DIR/bin/feeledger ARGS...` (FLAGS: bin/feeledger's own V8
// flags; with one flag more, V8 refuses the code caches made under them, so both builds compile
// their bundles from source, the same work on each side). `--single-threaded`: V8 then compiles optimized
// code and collects garbage on the main thread, in the same order every run (without it, how far the
// main thread gets before the other threads finish moves the count by 2-5%). `--predictable`: V8's
// collector then no longer times its work by the clock (idle-time and memory-reducing collections),
// which on a loaded host still moved one build's count by up to 4% between runs; with both, the
// count of one build repeats to within some 0.1% under any load. The price: the count includes what a real run does on
// the second core (Turbofan's compiles, concurrent marking), and it does not count what memory
// costs (cache misses, the kernel's page faults): a change that saves instructions but touches
// more memory can still be slower. Confirm a gain in time with pairs of real runs
// (bench/targets.mjs); use the count to see small changes the noise hides. Output goes nowhere;
// the exit status of each run is shown. Needs valgrind (`apt-get install valgrind`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT, installed } from "./measure.mjs";

function parseArgs(argv) {
  const args = { against: null, runs: 1, command: [] };
  const dash = argv.indexOf("--");
  const options = dash < 0 ? argv : argv.slice(0, dash);
  args.command = dash < 0 ? [] : argv.slice(dash + 1);
  for (let index = 0; index < options.length; index++) {
    const option = options[index];
    if (option === "--against") args.against = resolve(options[++index] ?? "");
    else if (option === "--runs") args.runs = Number(options[++index]);
    else fail(`unknown option '${option}'`);
  }
  if (args.command.length === 0 || !Number.isInteger(args.runs) || args.runs < 1) {
    fail("usage: node bench/instructions.mjs [--against DIR] [--runs N] -- ARGS...");
  }
  return args;
}

function fail(text) {
  process.stderr.write(`bench/instructions.mjs: ${text}\n`);
  process.exit(2);
}

/** bin/feeledger's V8 flags, from its `#!` line (`#!/usr/bin/env -S node FLAGS`). */
function binFlags(root) {
  const shebang = readFileSync(join(root, "bin", "feeledger"), "utf8").split("\n", 1)[0];
  const words = shebang.split(/\s+/);
  return words.slice(words.indexOf("node") + 1);
}

/** The instructions of one run of `root`'s bin/feeledger with `command`, and its exit status. */
function count(root, command) {
  const folder = mkdtempSync(join(tmpdir(), "feeledger-instructions-"));
  try {
    const out = join(folder, "cachegrind.out");
    const result = spawnSync("valgrind", [
      "--tool=cachegrind", "--cache-sim=no", `--cachegrind-out-file=${out}`,
      process.execPath, ...binFlags(root), "--single-threaded", "--predictable", join(root, "bin", "feeledger"), ...command,
    ], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
    const refs = result.stderr.match(/I\s+refs:\s+([\d,]+)/);
    if (refs === null) fail(`valgrind gave no count for ${root}: ${result.stderr.slice(-500)}`);
    // (valgrind exits with the status of the program it ran.)
    return { instructions: Number(refs[1].replaceAll(",", "")), status: result.status ?? "?" };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
const billions = (value) => `${(value / 1e9).toFixed(3)} G`;

const args = parseArgs(process.argv.slice(2));
if (!installed("valgrind")) fail("valgrind is not installed (apt-get install valgrind)");
const builds = [{ name: "this build", root: ROOT }];
if (args.against !== null) builds.push({ name: args.against, root: args.against });
for (const build of builds) {
  if (!existsSync(join(build.root, "dist"))) fail(`${build.root} has no dist/: run \`npm run build\` there first`);
  if (!existsSync(join(build.root, "bin", "feeledger"))) fail(`${build.root} has no bin/feeledger`);
}
const counts = builds.map(() => []);
// (Turn by turn, as the pairs of bench/targets.mjs are: nothing depends on the order here, but a
// build changed half-way through would show.)
for (let run = 0; run < args.runs; run++) {
  builds.forEach((build, index) => {
    const { instructions, status } = count(build.root, args.command);
    counts[index].push(instructions);
    process.stdout.write(`${build.name}: ${billions(instructions)} instructions (exit ${status})\n`);
  });
}
const figures = counts.map(median);
process.stdout.write(`\nfeeledger ${args.command.join(" ")}\n`);
builds.forEach((build, index) => process.stdout.write(`  ${build.name}: ${billions(figures[index])}${args.runs > 1 ? ` (median of ${args.runs})` : ""}\n`));
if (figures.length === 2) process.stdout.write(`  this build / other: ${(figures[0] / figures[1]).toFixed(4)}\n`);
