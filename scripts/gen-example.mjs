#!/usr/bin/env node
// A bean-example ledger scaled to N transactions, for the benchmark's "bean-example" shape
// (bench/run.mjs, issue 18): lots, prices, many commodities, as a personal beancount user has.
//
//   node scripts/gen-example.mjs N [--out FILE.beancount] [--ledger]
//
// beancount's bean-example writes ten years of one person's finances (about 3,900 transactions,
// 3,100 prices); this runs it with seeds 1, 2, ... and appends the copies, each copy's accounts
// moved under a segment of their own (Assets:US:... -> Assets:P02:US:...) so that the people do not
// share lots, until at least N transactions are written (whole copies: 100k gives 101,530). Options and commodity declarations come from the
// first copy only. `--ledger` converts the result to ledger-cli syntax with `bean-report FILE ledger`
// (FILE.ledger beside it). Needs beancount's bean-example (and bean-report for --ledger) on PATH:
// a benchmark script may call beancount; the tests never do.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { countLabel, parseCount } from "./gen-scale.mjs";

const USAGE = "usage: gen-example.mjs N [--out FILE.beancount] [--ledger]   (N: 10000, 10k, 100k)";
const TRANSACTION = /^\d{4}-\d\d-\d\d [*!] /gm;

function fail(message) {
  process.stderr.write(`gen-example: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { count: null, out: null, ledger: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--out") args.out = argv[++index] ?? fail("--out needs a file name");
    else if (argument === "--ledger") args.ledger = true;
    else if (args.count === null && !argument.startsWith("-")) args.count = parseCount(argument) ?? fail(`not a count of transactions: '${argument}'`);
    else fail(`unknown argument '${argument}'`);
  }
  if (args.count === null) fail("the number of transactions is missing");
  args.out ??= `bench/out/example-${countLabel(args.count)}.beancount`;
  return args;
}

/** One person's ten years from bean-example with this seed. */
function example(seed) {
  const result = spawnSync("bean-example", ["--seed", String(seed), "--date-begin", "2015-01-01", "--date-end", "2025-01-01"], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.status !== 0) fail(`bean-example failed (is beancount installed?): ${(result.stderr ?? result.error?.message ?? "").trim().split("\n").pop()}`);
  return result.stdout;
}

/** The copy's accounts under their own segment; its options and commodity declarations left out. */
function asCopy(text, copy) {
  const segment = `P${String(copy).padStart(2, "0")}`;
  const kept = [];
  let skipping = false;
  for (const line of text.split("\n")) {
    if (/^(option|plugin) /.test(line) || /^\d{4}-\d\d-\d\d commodity /.test(line)) {
      skipping = true;
      continue;
    }
    if (skipping && /^\s+\S/.test(line)) continue; // the declaration's metadata
    skipping = false;
    kept.push(line);
  }
  return kept.join("\n").replace(/(?<![\w:-])(Assets|Liabilities|Equity|Income|Expenses):/g, `$1:${segment}:`);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const parts = [`; bean-example ledgers appended to ${args.count} transactions (scripts/gen-example.mjs).\n`];
  let written = 0;
  for (let seed = 1; written < args.count; seed++) {
    // Whole copies only: bean-example writes its directives by kind, not in date order, so a cut
    // copy would lose earlier transactions than the balance assertions it keeps expect.
    const text = seed === 1 ? example(seed) : asCopy(example(seed), seed);
    written += text.match(TRANSACTION)?.length ?? 0;
    parts.push(text);
  }
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, parts.join("\n"));
  if (args.ledger) {
    const ledgerFile = args.out.replace(/\.beancount$/, "") + ".ledger";
    const result = spawnSync("bean-report", [args.out, "ledger"], { encoding: "utf8", maxBuffer: 1 << 30 });
    if (result.status !== 0) fail(`bean-report could not convert ${args.out}: ${(result.stderr ?? "").trim().split("\n").pop()}`);
    writeFileSync(ledgerFile, result.stdout);
  }
}

main();
