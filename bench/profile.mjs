#!/usr/bin/env node
// Summarise a V8 .cpuprofile (from `node --cpu-prof`): self and total time per function.
//
//   node bench/profile.mjs FILE.cpuprofile [--top N] [--by function|file]
//
// Self time is the time a function was on top of the stack; total time counts its callees too
// (a recursive function is counted once per sample).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

function parseArgs(argv) {
  const args = { file: null, top: 30, by: "function" };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--top") args.top = Number(argv[++index]);
    else if (argument === "--by") args.by = argv[++index];
    else if (args.file === null) args.file = argument;
    else throw new Error(`unknown argument '${argument}'`);
  }
  if (args.file === null || !(args.top > 0) || !["function", "file"].includes(args.by)) {
    process.stderr.write("usage: profile.mjs FILE.cpuprofile [--top N] [--by function|file]\n");
    process.exit(2);
  }
  return args;
}

function location(callFrame) {
  let url = callFrame.url;
  if (url.startsWith("file://")) url = relative(process.cwd(), fileURLToPath(url));
  return url === "" ? "(native)" : url;
}

function label(callFrame, by) {
  const file = location(callFrame);
  if (by === "file") return file;
  const name = callFrame.functionName || "(anonymous)";
  return file === "(native)" ? name : `${name}  ${file}:${callFrame.lineNumber + 1}`;
}

export function summarise(profile, by) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Sample time: the delta before each sample is attributed to it.
  const microseconds = new Map();
  profile.samples.forEach((id, index) => {
    microseconds.set(id, (microseconds.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (const [id, time] of microseconds) {
    all += time;
    const own = label(nodes.get(id).callFrame, by);
    self.set(own, (self.get(own) ?? 0) + time);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parent.get(current)) {
      const name = label(nodes.get(current).callFrame, by);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + time);
    }
  }
  return { self, total, all };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const profile = JSON.parse(readFileSync(args.file, "utf8"));
  const { self, total, all } = summarise(profile, args.by);
  const ms = (us) => (us / 1000).toFixed(0).padStart(7);
  const pct = (us) => ((100 * us) / all).toFixed(1).padStart(5) + "%";
  process.stdout.write(`total sampled: ${(all / 1e6).toFixed(2)} s\n\n   self ms  self%   total ms total%  ${args.by}\n`);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, args.top);
  for (const [name, time] of rows) {
    process.stdout.write(`${ms(time)}  ${pct(time)}  ${ms(total.get(name))}  ${pct(total.get(name))}  ${name}\n`);
  }
}

main();
