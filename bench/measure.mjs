// Measuring one command: wall and CPU time and peak memory (bench/run.mjs, bench/targets.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const FEELEDGER = join(ROOT, "bin", "feeledger");

export function installed(program) {
  return spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" }).status === 0;
}

export function firstLine(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n").find((line) => line.trim() !== "")?.trim() ?? "?";
}

export const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss". */
function clockSeconds(text) {
  return text.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Run one command with stdout discarded; wall seconds, CPU seconds, peak RSS in MB and minor page
 * faults (pages touched for the first time: each can cost 10-15 µs on a virtual machine) (null when they
 * cannot be measured), and the exit status.
 */
export function measure(command, args) {
  if (TIME !== null) {
    const result = spawnSync(TIME, ["-v", command, ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
    const report = result.stderr ?? "";
    const field = (name) => report.match(new RegExp(`\\t${name}: (.*)`))?.[1];
    const wall = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)");
    if (wall === undefined) throw new Error(`/usr/bin/time gave no report for ${command}: ${report.slice(-500)}`);
    return {
      wall: clockSeconds(wall),
      cpu: Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)")),
      rssMb: Number(field("Maximum resident set size \\(kbytes\\)")) / 1024,
      faults: Number(field("Minor \\(reclaiming a frame\\) page faults")),
      status: Number(field("Exit status")),
      stderr: report,
    };
  }
  // Without /usr/bin/time: node programs report their own resource usage as they exit.
  const started = process.hrtime.bigint();
  if (command === FEELEDGER) {
    const directory = mkdtempSync(join(os.tmpdir(), "feeledger-bench-"));
    const usageFile = join(directory, "usage.json");
    const hook = `process.on("exit",()=>require("fs").writeFileSync(${JSON.stringify(usageFile)},JSON.stringify(process.resourceUsage())))`;
    const main = JSON.stringify(join(ROOT, "dist", "cli", "main.js"));
    const run = `import(${main}).then((m) => { process.exitCode = m.main(["node", "feeledger", ...${JSON.stringify(args)}], m.processIo()); })`;
    const result = spawnSync(process.execPath, ["-e", `${hook};${run}`], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, "utf8")) : null;
    rmSync(directory, { recursive: true, force: true });
    return {
      wall,
      cpu: usage === null ? null : (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      rssMb: usage === null ? null : usage.maxRSS / 1024,
      faults: usage === null ? null : usage.minorPageFault,
      status: result.status,
      stderr: result.stderr ?? "",
    };
  }
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: null, rssMb: null, faults: null, status: result.status, stderr: result.stderr ?? "" };
}

export function median(values) {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

