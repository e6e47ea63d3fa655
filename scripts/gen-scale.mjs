#!/usr/bin/env node
// A large, valid journal of customer-fee claims for benchmarks (bench/run.mjs).
//
//   node scripts/gen-scale.mjs N [--seed S] [--out FILE.beancount] [--ledger] [--shape bench|claims|split|plugins]
//
// N is a count of claims (transactions): 100000, or with a suffix, 10k, 100k, 1M. The claims are
// spread evenly over 2015-2024: 400 employees, 2,000 customers, five 客户管理费 categories, one
// to three expense postings per claim, `claim`, `claimant`, `customer` and `approved-by` (a
// department manager, never the claimant) metadata and a `^link` per claim; half are paid from
// the bank, half owed to the employee (其他应付款). The bank is asserted once a year (at the
// start of each year 2016-2025), and every assertion holds, so `check` finds nothing.
// `--ledger` also writes the same data in ledger-cli syntax next to it (FILE.ledger), for
// ledger-cli and hledger. Output depends only on N, the seed and the shape.
//
// Shapes (issue 18 measures `check` against ledger-cli on each):
// - bench (the default): as above.
// - claims: a claims-heavy journal: every claim also carries posting metadata (a 数电 `invoice`
//   number and a `category`) and a tag; a tenth are pending (flagged `!`, status "submitted",
//   owed to the employee) in a claim file beside FILE (FILE's name + "-claims.beancount", which
//   FILE declares); the bank is asserted on the first of every month instead of every year. The
//   ledger twin keeps the pending claims in its one file as `!` transactions.
// - split: the bench journal cut into 100 files by date under FILE's name + "-parts/", which FILE
//   includes (the ledger twin includes the same parts in ledger syntax).
// - plugins: the bench journal for beancount's auto_accounts and implicit_prices plugins: it
//   declares both and opens no account (auto_accounts opens each at its first use), and its CRM
//   system fees are bought in USD at a day's rate (`12.00 USD @ 7.05 CNY`), each giving
//   implicit_prices a price. The whole-dollar amounts and two-place rates keep every weight in
//   whole fen, so the bank assertions still hold. The ledger twin has the same `@` prices.
import { mulberry32 } from "./lib/mulberry32.mjs";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const USAGE = "usage: gen-scale.mjs N [--seed S] [--out FILE.beancount] [--ledger] [--shape bench|claims|split|plugins]   (N: 10000, 10k, 100k, 1M)";
export const SHAPES = ["bench", "claims", "split", "plugins"];
/** Files the split shape cuts the claims into. */
const SPLIT_PARTS = 100;

function fail(message) {
  process.stderr.write(`gen-scale: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** "100k" -> 100000, "1M" -> 1000000, "2500" -> 2500. */
export function parseCount(text) {
  const match = /^(\d+)([kKmM]?)$/.exec(text);
  if (match === null) return null;
  const multiplier = match[2] === "" ? 1 : match[2].toLowerCase() === "k" ? 1_000 : 1_000_000;
  const count = Number(match[1]) * multiplier;
  return count > 0 ? count : null;
}

/** 100000 -> "100k", 1000000 -> "1M", 2500 -> "2500". */
export function countLabel(count) {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}

function parseArgs(argv) {
  const args = { count: null, seed: 1, out: null, ledger: false, shape: "bench" };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--seed") {
      const seed = argv[++index];
      if (seed === undefined || !/^\d+$/.test(seed)) fail("--seed needs a non-negative integer");
      args.seed = Number(seed);
    } else if (argument === "--out") {
      args.out = argv[++index];
      if (args.out === undefined) fail("--out needs a file name");
    } else if (argument === "--shape") {
      args.shape = argv[++index];
      if (!SHAPES.includes(args.shape)) fail(`--shape takes one of ${SHAPES.join(", ")}`);
    } else if (argument === "--ledger") {
      args.ledger = true;
    } else if (argument === "-h" || argument === "--help") {
      process.stdout.write(USAGE + "\n");
      process.exit(0);
    } else if (args.count === null && !argument.startsWith("-")) {
      args.count = parseCount(argument);
      if (args.count === null) fail(`not a count of transactions: '${argument}'`);
    } else {
      fail(`unknown argument '${argument}'`);
    }
  }
  if (args.count === null) fail("the number of transactions is missing");
  args.out ??= `bench/out/${args.shape === "bench" ? "scale" : args.shape}-${countLabel(args.count)}.beancount`;
  return args;
}

/** mulberry32: a small deterministic generator of floats in [0, 1). */
function makeRandom(seed) {
  const next = mulberry32(seed * 0x9e3779b1 + 0x2545f491);
  return {
    /** An integer in [low, high]. */
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (probability) => next() < probability,
  };
}

// ---------------------------------------------------------------- the company's books

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "婷", "建国", "丽", "鹏"];
const CITIES = ["上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "苏州", "天津"];
const WORDS = ["云帆", "华信", "东方", "宏达", "新世纪", "金桥", "天成", "博远", "恒通", "瑞丰", "安泰", "中和", "汇智", "德胜", "长城", "星辰", "鼎盛", "嘉禾", "九州", "万象"];
const KINDS = ["科技", "贸易", "实业", "制造", "物流", "医药", "传媒", "咨询", "电子", "食品"];

const ROOT = "Expenses:6602-管理费用:01-客户管理费";
const CATEGORIES = [
  { account: `${ROOT}:01-客户拜访`, narration: "拜访客户", low: 5_000, high: 300_000 },
  { account: `${ROOT}:02-客户活动`, narration: "客户活动", low: 50_000, high: 2_000_000 },
  { account: `${ROOT}:03-客户礼品`, narration: "客户礼品", low: 10_000, high: 50_000 },
  { account: `${ROOT}:04-客户投诉处理`, narration: "客户投诉处理", low: 20_000, high: 500_000 },
  { account: `${ROOT}:05-CRM系统费用`, narration: "CRM系统费用", low: 30_000, high: 1_000_000 },
];
const BANK = "Assets:1002-银行存款:01-工商银行";
const CAPITAL = "Equity:3001-实收资本";
const PAYABLE = "Liabilities:2241-其他应付款";
const OPENED = "2015-01-01";
/** Employees 1-10 are department managers, who approve the claims. */
const MANAGERS = 10;
const FIRST_YEAR = 2015;
const YEARS = 10;
/** The capital paid in, in fen (分): large enough that the bank never runs dry. */
const CAPITAL_FEN = 100_000_000_000_00;

function employees() {
  const list = [];
  for (let index = 0; index < 400; index++) {
    const name = SURNAMES[index % SURNAMES.length] + GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length];
    const code = `E${String(index + 1).padStart(4, "0")}`;
    list.push({ index, name, code, account: `${PAYABLE}:${code}-${name}` });
  }
  return list;
}

function customers() {
  const list = [];
  for (const city of CITIES) for (const word of WORDS) for (const kind of KINDS) list.push(`${city}${word}${kind}`);
  return list; // 2,000
}

/** Fen as a decimal with two places: 12345 -> "123.45". */
function yuan(fen) {
  const sign = fen < 0 ? "-" : "";
  const digits = String(Math.abs(fen)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const DAY_MS = 86_400_000;
function isoDate(dayNumber) {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Text output in large chunks, so a 1M journal does not sit in memory as one string. */
function makeWriter(file) {
  mkdirSync(dirname(file), { recursive: true });
  const descriptor = openSync(file, "w");
  let pending = [];
  let size = 0;
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size > 1 << 20) this.flush();
    },
    flush() {
      writeSync(descriptor, pending.join(""));
      pending = [];
      size = 0;
    },
    close() {
      this.flush();
      closeSync(descriptor);
    },
  };
}

/** The claims, one object each, in date order; `visit` is called with each. */
function generateClaims(count, seed, visit) {
  const random = makeRandom(seed);
  const staff = employees();
  const clients = customers();
  const firstDay = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
  const days = Date.UTC(FIRST_YEAR + YEARS, 0, 1) / DAY_MS - firstDay;
  for (let index = 0; index < count; index++) {
    const date = isoDate(firstDay + Math.floor((index * days) / count));
    const claimant = random.pick(staff);
    // The department manager approves; a manager's own claims go to the next manager.
    const manager = staff[(claimant.index % MANAGERS) === claimant.index ? (claimant.index + 1) % MANAGERS : claimant.index % MANAGERS];
    const customer = random.pick(clients);
    const lines = [];
    const postingCount = random.integer(1, 3);
    for (let line = 0; line < postingCount; line++) {
      const category = random.pick(CATEGORIES);
      lines.push({ account: category.account, narration: category.narration, fen: random.integer(category.low, category.high) });
    }
    const paidFromBank = random.chance(0.5);
    const id = `EC-${date.slice(0, 4)}-${String(index + 1).padStart(7, "0")}`;
    // Drawn for every shape, so that the shapes share their amounts and dates.
    const pending = random.chance(0.1);
    // 数电 numbers: 20 digits, unique (the claim's number and the line's).
    const invoices = lines.map((_, line) => `${date.slice(2, 4)}44${String(random.integer(1000, 9999))}${String(index + 1).padStart(10, "0")}${String(line).padStart(2, "0")}`);
    visit({ id, date, claimant, approver: manager, customer, lines, paidFromBank, pending, invoices });
  }
}

function beancountHeader(staff, shape) {
  const parts = [
    `; A generated benchmark journal of customer-fee claims (scripts/gen-scale.mjs).\n`,
    `option "title" "客户管理费 benchmark"\noption "operating_currency" "CNY"\n\n`,
  ];
  if (shape === "plugins") {
    // auto_accounts opens every account at its first use; implicit_prices records each `@` price.
    parts.push(`plugin "beancount.plugins.auto_accounts"\nplugin "beancount.plugins.implicit_prices"\n\n`);
    parts.push(`${OPENED} commodity CNY\n${OPENED} commodity USD\n`);
  } else {
    parts.push(`${OPENED} commodity CNY\n`, `${OPENED} open ${BANK} CNY\n`, `${OPENED} open ${CAPITAL} CNY\n`);
    for (const category of CATEGORIES) parts.push(`${OPENED} open ${category.account} CNY\n`);
    for (const employee of staff) parts.push(`${OPENED} open ${employee.account} CNY\n  employee: "${employee.name}"\n`);
  }
  parts.push(`\n${OPENED} * "工商银行" "实收资本到账"\n  ${BANK}  ${yuan(CAPITAL_FEN)} CNY\n  ${CAPITAL}\n\n`);
  return parts.join("");
}

/** A line's amount as both syntaxes write it: CNY, or whole US dollars at a two-place rate. */
function lineAmount(line) {
  return line.dollars === undefined ? `${yuan(line.fen)} CNY` : `${line.dollars}.00 USD @ ${yuan(line.rate)} CNY`;
}

/**
 * For the plugins shape: the CRM system fees bought in whole US dollars at the day's rate
 * (6.80-7.29 CNY, in fen), each line's fen becoming the exact weight dollars × rate.
 */
function inDollars(claim, dayNumber) {
  const rate = 680 + (dayNumber % 50);
  for (const line of claim.lines) {
    if (line.account !== CATEGORIES[4].account) continue;
    line.dollars = Math.max(1, Math.round(line.fen / rate));
    line.rate = rate;
    line.fen = line.dollars * rate;
  }
}

function beancountClaim(claim, heavy) {
  const pending = heavy && claim.pending;
  const tag = heavy ? " #crm" : "";
  const text = [
    `${claim.date} ${pending ? "!" : "*"} "${claim.claimant.name}" "${claim.lines[0].narration}：${claim.customer}"${tag} ^${claim.id}\n`,
    `  claim: "${claim.id}"\n  claimant: "${claim.claimant.name}"\n  customer: "${claim.customer}"\n`,
    pending ? `  status: "submitted"\n` : `  approved-by: "${claim.approver.name}"\n`,
  ];
  claim.lines.forEach((line, index) => {
    text.push(`  ${line.account}  ${lineAmount(line)}\n`);
    if (heavy) text.push(`    invoice: "${claim.invoices[index]}"\n    category: "${line.narration}"\n`);
  });
  text.push(`  ${claim.paidFromBank ? BANK : claim.claimant.account}\n\n`);
  return text.join("");
}

function ledgerHeader() {
  return `; A generated benchmark journal of customer-fee claims (scripts/gen-scale.mjs), ledger syntax.\n\n`
    + `${OPENED} * 工商银行 | 实收资本到账\n    ${BANK}  ${yuan(CAPITAL_FEN)} CNY\n    ${CAPITAL}\n\n`;
}

function ledgerClaim(claim, heavy) {
  const flag = heavy && claim.pending ? "!" : "*";
  const text = [
    `${claim.date} ${flag} ${claim.claimant.name} | ${claim.lines[0].narration}：${claim.customer}\n`,
    `    ; claim: ${claim.id}\n    ; claimant: ${claim.claimant.name}\n    ; customer: ${claim.customer}\n`,
    `    ; approved-by: ${claim.approver.name}\n`,
  ];
  if (heavy) text.push(`    ; :crm:\n`);
  claim.lines.forEach((line, index) => {
    text.push(`    ${line.account}  ${lineAmount(line)}\n`);
    if (heavy) text.push(`        ; invoice: ${claim.invoices[index]}\n        ; category: ${line.narration}\n`);
  });
  text.push(`    ${claim.paidFromBank ? BANK : claim.claimant.account}\n\n`);
  return text.join("");
}

/**
 * Where the claims go: one file, or for the split shape a main file including SPLIT_PARTS parts
 * cut by claim number (so by date), each part opened when its first claim comes.
 */
function makeOutputs(args) {
  const ledgerName = (file) => file.replace(/\.beancount$/, "") + ".ledger";
  const beancount = makeWriter(args.out);
  const ledger = args.ledger ? makeWriter(ledgerName(args.out)) : null;
  if (args.shape === "claims") {
    const claimsName = `${basename(args.out).replace(/\.beancount$/, "")}-claims.beancount`;
    const claims = makeWriter(join(dirname(args.out), claimsName));
    claims.write(`; Claims not posted yet (scripts/gen-scale.mjs --shape claims).\n\n`);
    beancount.write(`${OPENED} custom "feeledger-option" "claims" "${claimsName}"\n\n`);
    return { beancount, ledger, claims, claimAt: () => {}, close: () => { beancount.close(); claims.close(); ledger?.close(); } };
  }
  if (args.shape !== "split") return { beancount, ledger, claimAt: () => {}, close: () => { beancount.close(); ledger?.close(); } };
  const folder = `${basename(args.out).replace(/\.beancount$/, "")}-parts`;
  let part = -1;
  let parts = null;
  const outputs = {
    beancount,
    ledger,
    claimAt(index) {
      const wanted = Math.floor((index * SPLIT_PARTS) / args.count);
      if (wanted === part) return;
      parts?.beancount.close();
      parts?.ledger?.close();
      part = wanted;
      const name = `${folder}/part-${String(part + 1).padStart(3, "0")}.beancount`;
      beancount.write(`include "${name}"\n`);
      ledger?.write(`include ${ledgerName(name)}\n`);
      const file = join(dirname(args.out), name);
      parts = { beancount: makeWriter(file), ledger: args.ledger ? makeWriter(ledgerName(file)) : null };
      outputs.beancount = parts.beancount;
      outputs.ledger = parts.ledger;
    },
    close() {
      parts?.beancount.close();
      parts?.ledger?.close();
      beancount.close();
      ledger?.close();
    },
  };
  return outputs;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const staff = employees();
  const heavy = args.shape === "claims";
  const outputs = makeOutputs(args);
  outputs.beancount.write(beancountHeader(staff, args.shape));
  outputs.ledger?.write(ledgerHeader());

  // The bank balance in fen, asserted at the start of each year (each month for the claims
  // shape), before that day's claims. Pending claims move the bank too: a flag changes no sum.
  let bank = CAPITAL_FEN;
  const periodOf = (date) => (heavy ? date.slice(0, 7) : date.slice(0, 4));
  const firstOf = (period) => (heavy ? `${period}-01` : `${period}-01-01`);
  const following = (period) => {
    if (!heavy) return String(Number(period) + 1);
    const [year, month] = period.split("-").map(Number);
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  };
  let nextAssertion = following(periodOf(`${FIRST_YEAR}-01-01`));
  const assert = (period) => {
    const date = firstOf(period);
    outputs.beancount.write(`${date} balance ${BANK}  ${yuan(bank)} CNY\n\n`);
    outputs.ledger?.write(`${date} * 余额核对\n    ${BANK}  0 CNY = ${yuan(bank)} CNY\n\n`);
  };
  let index = 0;
  generateClaims(args.count, args.seed, (claim) => {
    outputs.claimAt(index++);
    while (nextAssertion <= periodOf(claim.date)) {
      assert(nextAssertion);
      nextAssertion = following(nextAssertion);
    }
    // A pending claim is owed to its claimant once posted, never paid from the bank yet.
    if (heavy && claim.pending) claim.paidFromBank = false;
    if (args.shape === "plugins") inDollars(claim, Date.parse(claim.date) / DAY_MS);
    (heavy && claim.pending ? outputs.claims : outputs.beancount).write(beancountClaim(claim, heavy));
    outputs.ledger?.write(ledgerClaim(claim, heavy));
    if (claim.paidFromBank) for (const line of claim.lines) bank -= line.fen;
  });
  const end = periodOf(`${FIRST_YEAR + YEARS}-01-01`);
  while (nextAssertion <= end) {
    assert(nextAssertion);
    nextAssertion = following(nextAssertion);
  }
  outputs.close();
}

// Run when executed, not when bench/run.mjs imports the count helpers.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
