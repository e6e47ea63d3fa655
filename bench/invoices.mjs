#!/usr/bin/env node
// `node bench/invoices.mjs [--count N] [--runs N] [--formats pdf,xml,ofd] [--no-build] [--against DIR]`: wall and
// CPU time of `feeledger check` on a journal of N claims (default 1,000), each with its own invoice
// file, by format: all PDF, all XML, all OFD, and a mix (a third each). Issue #19's bar: under 5 s
// for 1,000 invoice files on the 2-core machine. Also the same journal with placeholder (plain
// text) receipts, which are not read as invoices: the cost of reading is the difference.
// The journals and files are generated into bench/out/invoices-* (not committed). It prints the
// table with the machine's load average before and after (the machine may be shared).
// `--against DIR`: also time DIR/bin/feeledger (another checkout, built) on the same journals, the
// two in turn run by run, and give the ratio of each pair (this build over DIR's): the figure to
// quote on a busy machine, where absolute times drift.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { invoiceOfdTagged, invoicePdf, invoiceXml } from "../scripts/lib/invoice-files.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "bench", "out");
const FEELEDGER = join(ROOT, "bin", "feeledger");

function parseArgs(argv) {
  const args = { count: 1000, runs: 3, formats: ["pdf", "xml", "ofd", "mix", "text"], build: true, against: null };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--count") args.count = Number(argv[++index]);
    else if (argument === "--runs") args.runs = Number(argv[++index]);
    else if (argument === "--formats") args.formats = (argv[++index] ?? "").split(",");
    else if (argument === "--no-build") args.build = false;
    else if (argument === "--against") args.against = join(argv[++index] ?? "", "bin", "feeledger");
    else {
      process.stderr.write("usage: node bench/invoices.mjs [--count N] [--runs N] [--formats pdf,xml,ofd,mix,text] [--no-build] [--against DIR]\n");
      process.exit(2);
    }
  }
  return args;
}

const TAX_ID = "91310115MA1K4B2X7Q";

/** The fields of claim `index`'s invoice: a distinct number, a total of 100.00 + index cents. */
function fieldsOf(index) {
  const total = (10000 + index) / 100;
  const amount = Math.round((total / 1.06) * 100) / 100;
  return {
    number: `26312${String(index).padStart(15, "0")}`, date: "2026-03-01", buyerName: "上海云帆智能科技有限公司", buyerTaxId: TAX_ID,
    sellerName: "上海示例餐饮有限公司", sellerTaxId: "91310101MA1FP3LX2C", amount: amount.toFixed(2), tax: (total - amount).toFixed(2), total: total.toFixed(2),
  };
}

/** The journal of `count` claims with receipts of `format`; its path. */
async function makeJournal(format, count) {
  const dir = join(OUT, `invoices-${format}-${count}`);
  const file = join(dir, "main.beancount");
  if (existsSync(file)) return file;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "r"), { recursive: true });
  const parts = [`2026-01-01 custom "feeledger-option" "tax-id" "${TAX_ID}"\n2026-01-01 open Expenses:Visits CNY\n2026-01-01 open Liabilities:Payable CNY\n`];
  for (let index = 0; index < count; index++) {
    const fields = fieldsOf(index);
    const kind = format === "mix" ? ["pdf", "xml", "ofd"][index % 3] : format;
    const name = `r/${index}.${kind === "text" ? "pdf" : kind}`;
    const bytes = kind === "pdf" ? await invoicePdf(fields) : kind === "xml" ? invoiceXml(fields) : kind === "ofd" ? invoiceOfdTagged(fields) : `placeholder receipt ${index}\n`;
    writeFileSync(join(dir, name), bytes);
    parts.push(`
2026-03-02 * "王伟" "visit ${index}"
  claim: "EC-${index}"
  claimant: "王伟"
  approved-by: "赵敏"
  approved-on: 2026-03-02
  posted-on: 2026-03-02
  Expenses:Visits   ${fields.total} CNY
    invoice: "${fields.number}"
    receipt: "${name}"
  Liabilities:Payable
`);
  }
  writeFileSync(file, parts.join(""));
  return file;
}

/** Wall time and CPU time (user + system of the children) of one `check`. */
function measure(file, feeledger = FEELEDGER) {
  const start = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-f", "%U %S", feeledger, "check", file], { encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = result.stderr.trim().split("\n");
  const [user, system] = lines.pop().split(" ").map(Number);
  return { wall, cpu: user + system, status: result.status, summary: lines.pop() || "no diagnostic" };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const args = parseArgs(process.argv.slice(2));
if (args.build) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
const loadBefore = os.loadavg().map((value) => value.toFixed(2)).join(", ");
const rows = [];
for (const format of args.formats) {
  const file = await makeJournal(format, args.count);
  const runs = [];
  const other = [];
  for (let run = 0; run < args.runs; run++) {
    runs.push(measure(file));
    if (args.against !== null) other.push(measure(file, args.against));
  }
  rows.push({ format, wall: median(runs.map((run) => run.wall)), cpu: median(runs.map((run) => run.cpu)), status: runs[0].status, summary: runs[0].summary });
  if (args.against !== null) {
    const ratio = (key) => median(runs.map((run, index) => run[key] / other[index][key])).toFixed(2);
    rows.push({ format: `${format} (against)`, wall: median(other.map((run) => run.wall)), cpu: median(other.map((run) => run.cpu)), status: other[0].status, summary: other[0].summary, ratio: `wall ${ratio("wall")}, CPU ${ratio("cpu")}` });
  }
}
const loadAfter = os.loadavg().map((value) => value.toFixed(2)).join(", ");
const lines = [
  `feeledger check, ${args.count} claims with one invoice file each, median of ${args.runs} runs`,
  ...(args.against === null ? [] : [`against: ${args.against} (rows "(against)"; ratios: this build over that one, median of the pairs)`]),
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}; load average before ${loadBefore}, after ${loadAfter}`,
  "",
  `| receipts | wall s | CPU s | exit | check says |${args.against === null ? "" : " ratio |"}`,
  `|---|---|---|---|---|${args.against === null ? "" : "---|"}`,
  ...rows.map((row) => `| ${row.format} | ${row.wall.toFixed(2)} | ${row.cpu.toFixed(2)} | ${row.status} | ${row.summary} |${args.against === null ? "" : ` ${row.ratio ?? ""} |`}`),
];
process.stdout.write(lines.join("\n") + "\n");
