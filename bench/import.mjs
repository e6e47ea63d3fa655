#!/usr/bin/env node
// Benchmark of `feeledger import` (#14: an export of 100,000 detail rows, 10,000 documents, imports
// in at most 20 s with at most 1 GB of memory on the 2-core machine). Not a test: run it by hand.
//
//   node bench/import.mjs [--documents N] [--runs N] [--no-build]
//
// It builds dist/ (unless --no-build), writes a 钉钉 .xlsx of N documents of 10 lines each with
// scripts/make-import-samples.mjs (into a temporary folder), copies samples/ beside it, and imports
// the export into a new claim file of the sample books, timed by /usr/bin/time -v: wall and CPU
// time, peak resident memory. The load average is printed with each run: on a shared machine the
// wall time is not the figure to keep (re-measure on an idle one); CPU time moves less.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const documents = option("--documents", 10_000);
const runs = option("--runs", 1);

if (!args.includes("--no-build")) {
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}
const work = mkdtempSync(join(os.tmpdir(), "feeledger-import-bench-"));
const made = spawnSync(process.execPath, [join(ROOT, "scripts", "make-import-samples.mjs"), "--bench", work, "--documents", String(documents)], { stdio: "inherit" });
if (made.status !== 0) process.exit(1);

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const field = (report, name) => new RegExp(`${name}: (.*)`).exec(report)?.[1]?.trim();
const seconds = (clock) => clock.split(":").reduce((total, part) => total * 60 + Number(part), 0);

console.log(`feeledger import: ${documents} documents, ${documents * 10} detail rows (${join(work, "bench.xlsx")}); ${os.cpus().length} cores, node ${process.version}`);
for (let run = 1; run <= runs; run++) {
  rmSync(join(work, "samples"), { recursive: true, force: true });
  cpSync(join(ROOT, "samples"), join(work, "samples"), { recursive: true });
  const command = [join(ROOT, "bin", "feeledger"), "import", "samples/customer-fees-2026.beancount", join(work, "bench.xlsx"),
    "--from", "dingtalk", "--map", join(work, "bench-map.yaml"), "--to", "samples/claims/bench.beancount"];
  const load = os.loadavg().map((value) => value.toFixed(2)).join(" ");
  const started = process.hrtime.bigint();
  const child = TIME === null ? spawnSync(command[0], command.slice(1), { cwd: work, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(TIME, ["-v", ...command], { cwd: work, encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = child.stdout.trim().split("\n").pop();
  if (child.status !== 0) {
    console.error(child.stderr.slice(-2000));
    process.exit(1);
  }
  if (TIME === null) {
    console.log(`run ${run}: wall ${wall.toFixed(1)} s (no /usr/bin/time: no CPU time or memory); load average before ${load}; ${summary}`);
    continue;
  }
  const report = child.stderr;
  const cpu = Number(field(report, "User time \\(seconds\\)")) + Number(field(report, "System time \\(seconds\\)"));
  const rss = Number(field(report, "Maximum resident set size \\(kbytes\\)")) / 1024;
  const elapsed = seconds(field(report, "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)"));
  console.log(`run ${run}: wall ${elapsed.toFixed(1)} s, CPU ${cpu.toFixed(1)} s, peak memory ${rss.toFixed(0)} MB; load average before ${load}, after ${os.loadavg().map((v) => v.toFixed(2)).join(" ")}; ${summary}`);
}
rmSync(work, { recursive: true, force: true });
