#!/usr/bin/env node
// `node bench/customers-audit.mjs [JOURNAL] [--runs N]`: wall time of `report customers` and `audit`
// against `check` on one journal (default: a 100k-claim journal from scripts/gen-scale.mjs in
// bench/out/), the commands interleaved so that they share whatever else the machine is doing;
// medians of N runs (default 3). The bar: each within 1.2x of check. A second journal,
// the same with a per-claim policy (high enough that check finds no breach) and an allocation rule
// added (so that split-claims, near-limit and the allocation hook have work), is measured too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FEELEDGER = join(ROOT, "bin", "feeledger");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const positional = args.filter((arg, index) => !arg.startsWith("--") && index !== runsAt + 1);
let journal = positional[0];
if (journal === undefined) {
  mkdirSync(join(ROOT, "bench", "out"), { recursive: true });
  journal = join(ROOT, "bench", "out", "cust-100k.beancount");
  if (!existsSync(journal)) spawnSync("node", [join(ROOT, "scripts", "gen-scale.mjs"), "100k", "--out", journal], { stdio: "inherit" });
}
const ruled = journal.replace(/\.beancount$/, "") + "-rules.beancount";
writeFileSync(ruled, readFileSync(journal, "utf8") + `
2015-01-01 custom "feeledger-option" "report-root" "Expenses:6602-管理费用:01-客户管理费"
2015-01-01 custom "policy" Expenses:6602-管理费用:01-客户管理费:02-客户活动 "per-claim" 1000000.00 CNY
2015-01-01 custom "allocation" Expenses:6602-管理费用:01-客户管理费 "equal"
  shares: "南京博远科技, 武汉嘉禾医药"
  pool: "武汉嘉禾医药"
`);

function time(command) {
  const start = process.hrtime.bigint();
  const result = spawnSync(FEELEDGER, command, { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, FEELEDGER_TODAY: "2027-01-15" } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.join(" ")} failed: ${result.stderr}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const file of [journal, ruled]) {
  const commands = { check: ["check", file], "report customers": ["report", "customers", file, "--format", "csv"], audit: ["audit", file, "--format", "csv"] };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) for (const [name, command] of Object.entries(commands)) times[name].push(time(command));
  console.log(file);
  const check = median(times.check);
  for (const name of Object.keys(commands)) console.log(`  ${name.padEnd(18)} ${median(times[name]).toFixed(2)} s  (${(median(times[name]) / check).toFixed(2)}x check)`);
}
