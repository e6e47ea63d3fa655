#!/usr/bin/env node
// Randomized beancount ledger generator for feeledger's differential tests.
//
//   node scripts/gen-ledger.mjs --seed N --out DIR
//
// Writes DIR/main.beancount plus included files (and document files) for a
// random but valid ledger.  Output depends only on the seed.  The generator
// keeps exact (rational) running balances for every (account, currency) pair
// whose postings it knows exactly, so balance and pad directives are always
// correct; postings whose amounts beancount computes (elided amounts, 28-digit
// divisions) make that pair "uncertain" from their date on, and no balance is
// asserted on it afterwards.
//
// Targets beancount 2.3.5 (Debian).  Things 2.3.5 rejects are left out:
// the HIFO booking method, plugins (they change numbers), reductions against
// AVERAGE accounts, account components starting with a non-uppercase/non-digit
// character.  See test/fixtures/differential/README.md.
//
// GEN_DEBUG=1 prints the pad plan (account, currency, dates, amounts) to stderr.

import { mulberry32 } from "./lib/mulberry32.mjs";
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const out = { seed: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') out.seed = argv[++i];
    else if (a === '--out') out.out = argv[++i];
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: gen-ledger.mjs --seed N --out DIR\n');
      process.exit(0);
    } else {
      process.stderr.write(`gen-ledger: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (out.seed === null || !/^\d+$/.test(out.seed) || !out.out) {
    process.stderr.write('usage: gen-ledger.mjs --seed N --out DIR\n');
    process.exit(2);
  }
  out.seed = Number(out.seed);
  return out;
}

// ---------------------------------------------------------------- PRNG

// mulberry32: 32-bit state, one multiply-xorshift round per draw.
function makeRng(seed) {
  const next = mulberry32(seed * 0x9e3779b1);
  const rng = {
    next,
    int(lo, hi) { return lo + Math.floor(next() * (hi - lo + 1)); }, // inclusive
    chance(p) { return next() < p; },
    pick(arr) { return arr[Math.floor(next() * arr.length)]; },
    weighted(pairs) { // [[value, weight], ...]
      let total = 0;
      for (const [, w] of pairs) total += w;
      let r = next() * total;
      for (const [v, w] of pairs) { r -= w; if (r < 0) return v; }
      return pairs[pairs.length - 1][0];
    },
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [arr[i], arr[j]] = [arr[j], arr[i]];
      }
      return arr;
    },
    sample(arr, n) { return rng.shuffle(arr.slice()).slice(0, n); },
  };
  return rng;
}

// ---------------------------------------------------------------- rationals

function gcd(a, b) {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}
function Q(n, d = 1n) {
  n = BigInt(n); d = BigInt(d);
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const ZERO = Q(0);
const qadd = (a, b) => Q(a.n * b.d + b.n * a.d, a.d * b.d);
const qsub = (a, b) => Q(a.n * b.d - b.n * a.d, a.d * b.d);
const qmul = (a, b) => Q(a.n * b.n, a.d * b.d);
const qdiv = (a, b) => Q(a.n * b.d, a.d * b.n);
const qneg = (a) => Q(-a.n, a.d);
const qabs = (a) => Q(a.n < 0n ? -a.n : a.n, a.d);
const qcmp = (a, b) => { const x = a.n * b.d - b.n * a.d; return x < 0n ? -1 : x > 0n ? 1 : 0; };
const qeq = (a, b) => qcmp(a, b) === 0;
const qsign = (a) => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
const qsum = (arr) => arr.reduce((s, x) => qadd(s, x), ZERO);
const pow10 = (k) => 10n ** BigInt(k);
const qpow10 = (k) => (k >= 0 ? Q(pow10(k)) : Q(1n, pow10(-k)));

function qFromStr(s) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`bad decimal ${s}`);
  const frac = m[3] || '';
  const n = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return Q(n, pow10(frac.length));
}

// Number of decimals needed to write q exactly, or Infinity.
function qDecimals(q) {
  let d = q.d, a = 0, b = 0;
  while (d % 2n === 0n) { d /= 2n; a++; }
  while (d % 5n === 0n) { d /= 5n; b++; }
  return d === 1n ? Math.max(a, b) : Infinity;
}

// Round half away from zero to k decimals.
function qRound(q, k) {
  const scaled = q.n * pow10(k);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  let i = abs / q.d;
  const r = abs % q.d;
  if (r * 2n >= q.d) i += 1n;
  return Q(neg ? -i : i, pow10(k));
}

function groupDigits(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

// Format q with exactly k decimals; q must be representable.
function fmtQ(q, k, commas = false) {
  const scaled = q.n * pow10(k);
  if (scaled % q.d !== 0n) throw new Error(`fmtQ: ${q.n}/${q.d} not representable with ${k} decimals`);
  let v = scaled / q.d;
  const neg = v < 0n;
  if (neg) v = -v;
  let s = v.toString().padStart(k + 1, '0');
  let ip = k ? s.slice(0, s.length - k) : s;
  const fp = k ? s.slice(s.length - k) : '';
  if (commas) ip = groupDigits(ip);
  return (neg ? '-' : '') + ip + (k ? '.' + fp : '');
}

// ---------------------------------------------------------------- dates

const DAY_MS = 86400000;
function dayOf(y, m, d) { return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS); }
function fmtDay(day, sep = '-') {
  const dt = new Date(day * DAY_MS);
  const y = dt.getUTCFullYear();
  const m = String(dt.getUTCMonth() + 1).padStart(2, '0');
  const d = String(dt.getUTCDate()).padStart(2, '0');
  return `${y}${sep}${m}${sep}${d}`;
}

// ---------------------------------------------------------------- pools

const CASH_POOL = [
  'Assets:1002-银行存款:工商银行',
  'Assets:1002-银行存款:02-招商银行',
  'Assets:1001-库存现金',
  'Assets:Bank:Checking',
  'Assets:Bank:Savings',
  'Assets:Bank:招商',
  'Assets:Cash:Wallet',
  'Assets:Alipay',
  'Assets:WeChat:零钱',
  'Assets:Broker:Cash',
  'Liabilities:CreditCard:CMB',
  'Liabilities:CreditCard:交通银行',
  'Liabilities:2202-应付账款:01-供应商',
];
const EXPENSE_POOL = [
  'Expenses:6602-管理费用:01-客户拜访',
  'Expenses:6602-管理费用:02-办公费',
  'Expenses:6602-管理费用:03-招待费',
  'Expenses:6601-销售费用:03-差旅费',
  'Expenses:Food:Restaurant',
  'Expenses:Food:Coffee',
  'Expenses:Travel:Flights',
  'Expenses:Office:文具',
  'Expenses:Bank-Fees',
  'Expenses:Taxes:个人所得税',
  'Expenses:Gifts',
];
const INCOME_POOL = ['Income:Salary', 'Income:6001-主营业务收入', 'Income:Consulting', 'Income:Interest:利息'];
const STOCK_POOL = [
  'Assets:Broker:Stocks',
  'Assets:Invest:A股-中信',
  'Assets:Invest:US-Stocks',
  'Assets:1101-交易性金融资产:01-股票',
  'Assets:Broker:HK',
];
const STOCKS = [
  { sym: 'ABC', ccy: 'USD', px: 120 },
  { sym: 'XYZ', ccy: 'USD', px: 35 },
  { sym: 'BRK.B', ccy: 'USD', px: 310 },
  { sym: 'HK.0700', ccy: 'HKD', px: 350 },
  { sym: 'SH600036', ccy: 'CNY', px: 35 },
  { sym: 'VT_X', ccy: 'USD', px: 95 },
  { sym: 'RY-ETF', ccy: 'CNY', px: 4 },
];
const FX = { USD: 7.1, EUR: 7.8, HKD: 0.91, JPY: 0.048 }; // CNY per unit

const PAYEES = ['星巴克', '京东商城', '中国国航', '客户 王总', '滴滴出行', 'Acme Corp', 'Landlord', 'Whole Foods',
  '招商银行', '顺丰速运', 'O\'Reilly', '海底捞', '上海 某某 科技有限公司'];
const NARRATIONS = ['午餐', '拜访客户 张经理', '办公用品采购', '机票 北京-上海', 'Monthly rent', 'Coffee with client',
  '工资', '报销 差旅费', 'Dividend reinvest', '招待客户晚宴', 'Office supplies', '年终奖', '利息收入',
  '说 \\"你好\\" 的礼物', 'Refund; partial', '季度 咨询费'];
const META_STRINGS = ['INV-2021-001', '客户拜访', '张三', '合同 #42', 'receipt ok', '北京市朝阳区', 'a "quoted" word'];
const TAGS = ['trip-2020', 'project/alpha', 'q1.report', 'tag_x', 'client-visit', 'reimbursable', 'y2021'];
const LINKS = ['inv-2020-001', 'order.42', 'contract/7', 'exp_report-3'];
const OTHER_FLAGS = ['&', '#', '?', '%', 'P', 'S', 'T', 'C', 'U', 'R', 'M'];
const POSTING_FLAGS = ['!', '*', '&', '?', '%', 'S', 'T', 'C', 'U', 'R', 'M', '#'];
const EVENT_TYPES = [['location', '北京'], ['location', 'Shanghai'], ['employer', 'Acme 公司'], ['address', '上海市 浦东新区']];

// ---------------------------------------------------------------- generator

class Gen {
  constructor(seed) {
    this.seed = seed;
    this.rng = makeRng(seed);
    this.accounts = new Map(); // name -> info
    this.entries = []; // {day, order, seq, lines, kind, accounts:[...], fileHint}
    this.seq = 0;
    this.log = []; // {day, account, ccy, q} exact known postings; q===null for uncertain
    this.docFiles = []; // [relative path from DIR, content]
    this.labelCounter = 0;
  }

  // -------------------------------------------------- setup
  setup() {
    const r = this.rng;
    this.size = r.weighted([['tiny', 12], ['small', 30], ['medium', 38], ['large', 20]]);
    this.nTx = { tiny: r.int(1, 3), small: r.int(8, 35), medium: r.int(40, 120), large: r.int(150, 300) }[this.size];
    const startYear = r.int(2012, 2024);
    this.start = dayOf(startYear, r.int(1, 12), r.int(1, 28));
    this.span = { tiny: r.int(5, 40), small: r.int(60, 400), medium: r.int(200, 900), large: r.int(365, 1100) }[this.size];
    this.end = this.start + this.span;

    // options -----------------------------------------------------------
    this.options = [];
    this.multiplier = qFromStr('0.5');
    this.tolDefaults = {};
    if (r.chance(0.7)) this.options.push(['title', r.pick(['测试账本 甲', 'Differential ledger', '公司 "乙" 账本', 'Seed ' + this.seed])]);
    const currencies = ['CNY'];
    if (r.chance(0.8)) currencies.push('USD');
    if (r.chance(0.3)) currencies.push('EUR');
    if (r.chance(0.25)) currencies.push('JPY');
    if (r.chance(0.3)) currencies.push('HKD');
    this.cashCcys = currencies;
    if (r.chance(0.6)) {
      for (const c of r.sample(currencies, r.int(1, Math.min(2, currencies.length)))) this.options.push(['operating_currency', c]);
    }
    this.defaultBooking = 'STRICT';
    if (r.chance(0.4)) {
      this.defaultBooking = r.pick(['STRICT', 'FIFO', 'LIFO', 'NONE']);
      this.options.push(['booking_method', this.defaultBooking]);
    }
    if (r.chance(0.45)) {
      const m = r.pick(['0.5', '0.6', '0.75', '1.1', '0.55']);
      this.multiplier = qFromStr(m);
      this.options.push(['inferred_tolerance_multiplier', m]);
    }
    if (r.chance(0.4)) {
      const choices = [['CNY', '0.01'], ['USD', '0.005'], ['*', '0.005'], ['JPY', '1'], ['EUR', '0.01'], ['*', '0.001']];
      const used = new Set();
      for (const [c, v] of r.sample(choices, r.int(1, 2))) {
        if (used.has(c)) continue;
        used.add(c);
        this.tolDefaults[c] = qFromStr(v);
        this.options.push(['inferred_tolerance_default', `${c}:${v}`]);
      }
    }
    this.inferFromCost = false;
    if (r.chance(0.4)) {
      const v = r.pick(['TRUE', 'FALSE']);
      this.inferFromCost = v === 'TRUE';
      this.options.push(['infer_tolerance_from_cost', v]);
    }

    // features ---------------------------------------------------------
    const tiny = this.size === 'tiny';
    this.f = {
      stocks: !tiny && r.chance(0.75),
      fx: currencies.length > 1 && r.chance(tiny ? 0.3 : 0.8),
      pads: r.chance(tiny ? 0.3 : 0.7),
      includes: r.chance(tiny ? 0.3 : 0.8),
      crlf: r.chance(0.25),
      dirs: r.chance(tiny ? 0.2 : 0.75), // note/document/event/query/custom/price
      division: r.chance(0.5),
      slashDates: r.chance(0.15),
    };

    // accounts -----------------------------------------------------------
    const nCash = tiny ? 1 : r.int(2, 6);
    const cashNames = r.sample(CASH_POOL, nCash);
    if (!tiny && cashNames.some((n) => n.startsWith('Assets:Bank:')) && r.chance(0.5)) cashNames.push('Assets:Bank');
    for (const name of cashNames) {
      let ccys;
      if (name === 'Assets:Broker:Cash') ccys = currencies.slice();
      else ccys = ['CNY', ...r.sample(currencies.filter((c) => c !== 'CNY'), r.int(0, currencies.length - 1))];
      if (!ccys.includes('CNY')) ccys.unshift('CNY');
      this.addAccount(name, 'cash', { ccys, constrain: r.chance(0.4) });
    }
    const nExp = tiny ? 1 : r.int(2, 7);
    for (const name of r.sample(EXPENSE_POOL, nExp)) this.addAccount(name, 'expense', { ccys: currencies, constrain: r.chance(0.1) && !tiny ? 'CNY' : false });
    const nInc = tiny ? (r.chance(0.25) ? 1 : 0) : r.int(1, 3);
    for (const name of r.sample(INCOME_POOL, nInc)) this.addAccount(name, 'income', { ccys: currencies });
    if (!tiny || r.chance(0.5)) this.addAccount('Equity:Opening-Balances', 'equity', { ccys: currencies });
    if (!tiny && r.chance(0.5)) this.addAccount(r.pick(['Equity:Conversions', 'Equity:3103-本年利润']), 'equity', { ccys: currencies });
    if (this.f.stocks) {
      this.addAccount(r.pick(['Income:Invest:PnL', 'Income:6111-投资收益']), 'pnl', { ccys: currencies });
      if (r.chance(0.6)) this.addAccount('Expenses:Invest:Commission', 'fee', { ccys: currencies });
      const nStock = r.int(1, 3);
      const stocks = r.sample(STOCKS, Math.min(STOCKS.length, nStock + r.int(0, 2)));
      for (const s of stocks) if (!currencies.includes(s.ccy)) currencies.push(s.ccy);
      const names = r.sample(STOCK_POOL, nStock);
      names.forEach((name, i) => {
        const comms = i < stocks.length ? [stocks[i]] : [r.pick(stocks)];
        if (r.chance(0.3)) { const extra = r.pick(stocks); if (!comms.includes(extra)) comms.push(extra); }
        const explicit = r.weighted([[null, 30], ['STRICT', 20], ['FIFO', 20], ['LIFO', 15], ['NONE', 10], ['AVERAGE', 5]]);
        this.addAccount(name, 'stock', {
          ccys: comms.map((c) => c.sym), constrain: r.chance(0.5), booking: explicit,
          stocks: comms,
        });
      });
      // make sure at least one cash account can pay for every stock currency
      const payers = this.byRole('cash');
      for (const s of stocks) {
        if (!payers.some((a) => a.ccys.includes(s.ccy))) {
          const a = payers.find((x) => !x.constrain) || payers[0];
          a.ccys.push(s.ccy);
          if (a.constraint) a.constraint.push(s.ccy);
        }
      }
      this.stocks = stocks;
    }
    this.cashCcys = currencies.filter((c) => !STOCKS.some((s) => s.sym === c));

    // open dates: most at the start, some later
    for (const a of this.accounts.values()) {
      a.openDay = r.chance(0.8) ? this.start - r.int(0, 30) : this.start + r.int(0, Math.floor(this.span / 3));
    }
    // a parent opens no later than its children (not required, but natural)
  }

  addAccount(name, role, { ccys, constrain = false, booking = null, stocks = null }) {
    let constraint = null;
    if (constrain === true) constraint = ccys.slice();
    else if (typeof constrain === 'string') { constraint = [constrain]; ccys = [constrain]; }
    this.accounts.set(name, {
      name, role, ccys: ccys.slice(), constrain: !!constraint, constraint,
      booking, method: booking || this.defaultBooking, stocks,
      lots: new Map(), // sym -> [{units, cost(Q), date, label, nice}]
      lotDates: new Set(), // every lot date and trade day used in this account
      refs: [],
    });
  }

  byRole(role) { return [...this.accounts.values()].filter((a) => a.role === role); }
  openAt(day, role, ccy = null) {
    return [...this.accounts.values()].filter((a) => (role === null || a.role === role) && a.openDay <= day
      && (ccy === null || (a.constraint ? a.constraint.includes(ccy) : a.ccys.includes(ccy))));
  }
  allows(a, ccy) { return !a.constraint || a.constraint.includes(ccy); }
  isParent(name) { return [...this.accounts.keys()].some((n) => n.startsWith(name + ':')); }

  // -------------------------------------------------- number writing

  tol(k) { return qmul(this.multiplier, qpow10(-k)); } // transaction tolerance from one k-decimal amount

  randDecimals(ccy) {
    if (ccy === 'JPY') return 0;
    return this.rng.weighted([[0, 25], [1, 10], [2, 50], [3, 8], [4, 7]]);
  }
  randAmount(ccy, lo, hi, k = this.randDecimals(ccy)) {
    const r = this.rng;
    const scale = pow10(k);
    const loS = BigInt(Math.round(lo)) * scale;
    const hiS = BigInt(Math.round(hi)) * scale;
    const span = hiS - loS;
    const v = loS + BigInt(Math.floor(r.next() * Number(span > 0n ? span : 1n)));
    return { q: Q(v === 0n ? 1n : v, scale), k };
  }

  // Render a number.  free=true: any equivalent spelling (expressions,
  // padding, commas); free=false: exactly k decimals, maybe comma groups.
  num(amt, free) {
    const r = this.rng;
    const { q } = amt;
    let k = Math.max(amt.k, qDecimals(q) === Infinity ? amt.k : qDecimals(q));
    const big = qcmp(qabs(q), Q(1000)) >= 0;
    if (!free) return fmtQ(q, k, big && r.chance(0.3));
    const style = r.weighted([['plain', 45], ['commas', big ? 15 : 0], ['pad', 8], ['sum', 10], ['mul', 8], ['div', 5], ['prec', 5], ['plus', 3], ['negparen', qsign(q) < 0 ? 8 : 0]]);
    const plain = (x, kk = Math.max(k, qDecimals(x))) => fmtQ(x, kk, false);
    switch (style) {
      case 'plain': return fmtQ(q, k);
      case 'commas': return fmtQ(q, k, true);
      case 'pad': return fmtQ(q, k + r.int(1, 2));
      case 'plus': return qsign(q) >= 0 ? '+' + fmtQ(q, k) : fmtQ(q, k);
      case 'sum': {
        const a = qRound(qmul(q, Q(r.int(1, 9), 10)), k);
        const b = qsub(q, a);
        const bs = qsign(b) < 0 ? `- ${plain(qneg(b), k)}` : `+ ${plain(b, k)}`;
        return `(${plain(a, k)} ${bs})`;
      }
      case 'negparen': {
        const p = qneg(q);
        const a = qRound(qmul(p, Q(r.int(1, 9), 10)), k);
        const b = qsub(p, a);
        if (qsign(b) < 0) return fmtQ(q, k);
        return `-(${plain(a, k)} + ${plain(b, k)})`;
      }
      case 'mul': {
        for (const f of r.shuffle(['2', '4', '5', '0.5', '0.25', '3.5', '1.5'])) {
          const fq = qFromStr(f);
          const a = qdiv(q, fq);
          if (qDecimals(a) <= 6) return r.chance(0.5) ? `${plain(a)} * ${f}` : `${f} * ${plain(a)}`;
        }
        return fmtQ(q, k);
      }
      case 'div': {
        const f = r.pick([2n, 4n, 5n, 8n]);
        const a = qmul(q, Q(f));
        return `(${plain(a)} / ${f})`;
      }
      case 'prec': { // c + a * b  (precedence)
        const a = qRound(qdiv(q, Q(r.int(3, 9))), Math.max(k, 0));
        const c = qsub(q, qmul(a, Q(2)));
        const cs = qsign(c) < 0 ? `-${plain(qneg(c), k)}` : plain(c, k);
        return `${cs} + ${plain(a, k)} * 2`;
      }
    }
    return fmtQ(q, k);
  }

  // -------------------------------------------------- decorations

  str(s) { return `"${s}"`; }
  tag() { return this.rng.pick(TAGS); }
  link() { return this.rng.pick(LINKS); }
  metaValue(day) {
    const r = this.rng;
    const t = r.weighted([['string', 25], ['account', 8], ['date', 10], ['currency', 6], ['tag', 5], ['bool', 8],
      ['null', 3], ['number', 10], ['expr', 5], ['amount', 12], ['empty', 3]]);
    switch (t) {
      case 'string': return this.str(r.pick(META_STRINGS).replace(/"/g, '\\"'));
      case 'account': return r.pick([...this.accounts.keys()]);
      case 'date': return fmtDay(day - r.int(0, 40));
      case 'currency': return r.pick(this.cashCcys);
      case 'tag': return '#' + this.tag();
      case 'bool': return r.pick(['TRUE', 'FALSE']);
      case 'null': return 'NULL';
      case 'number': return this.num(this.randAmount('CNY', 0, 5000), false);
      case 'expr': return r.pick(['(1 + 2) * 3', '100 / 4', '-(4 + 5)', '12 * 3.5', '2.5 - 1']);
      case 'amount': { const c = r.pick(this.cashCcys); return `${this.num(this.randAmount(c, 1, 900), false)} ${c}`; }
      case 'empty': return '';
    }
    return '"x"';
  }
  metaLines(day, indent, n) {
    const keys = this.rng.sample(['invoice', 'customer', 'visit-date', 'approved', 'amount-due', 'rate', 'ref-account',
      'cur', 'category', 'note_zh', 'x1', 'receipt', 'project-code', 'tax-rate', 'location'], n);
    return keys.map((k) => { const v = this.metaValue(day); return `${indent}${k}:${v === '' ? '' : ' ' + v}`; });
  }
  comment() {
    return this.rng.pick(['; 备注', '; TODO check', '; 客户: 王总', '; reconciled', ';;', '; note: see invoice']);
  }
  dateStr(day) { return fmtDay(day, this.f.slashDates && this.rng.chance(0.3) ? '/' : '-'); }

  // -------------------------------------------------- entries

  push(day, order, lines, kind, accounts, extra = {}) {
    const e = { day, order, seq: this.seq++, lines, kind, accounts, ...extra };
    this.entries.push(e);
    for (const name of accounts) this.accounts.get(name).refs.push(day);
    return e;
  }

  // A transaction is {day, postings:[{account, amt:{q,k}|null, ccy, free, cost, price, uncertain, elideCcy}]}
  emitTxn(day, postings, opts = {}) {
    const r = this.rng;
    const ind = r.weighted([['  ', 50], ['    ', 20], ['\t', 20], [' ', 5], ['   ', 5]]);
    const ind2 = ind === '\t' ? '\t\t' : ind + ind;
    const flag = opts.flag || r.weighted([['*', 50], ['!', 12], ['txn', 15], [r.pick(OTHER_FLAGS), 15], ['P', 2]]);
    const sform = r.weighted([['pn', 50], ['n', 35], ['none', 8], ['pempty', 4], ['emptyn', 3]]);
    let head = `${this.dateStr(day)} ${flag}`;
    const payee = opts.payee || r.pick(PAYEES);
    const narr = opts.narration || r.pick(NARRATIONS);
    if (sform === 'pn') head += ` ${this.str(payee)} ${this.str(narr)}`;
    else if (sform === 'n') head += ` ${this.str(narr)}`;
    else if (sform === 'pempty') head += ` ${this.str(payee)} ""`;
    else if (sform === 'emptyn') head += ` "" ${this.str(narr)}`;
    if (sform === 'none' && flag === 'txn' && r.chance(0.5)) head += ' ""';
    const nTags = r.weighted([[0, 60], [1, 25], [2, 15]]);
    for (let i = 0; i < nTags; i++) head += ` #${this.tag()}`;
    if (r.chance(0.25)) head += ` ^${this.link()}`;
    if (r.chance(0.15)) head += ' ' + this.comment();
    const lines = [head];
    const body = [];
    if (r.chance(0.15)) {
      const parts = [];
      for (let i = r.int(1, 3); i > 0; i--) parts.push(r.chance(0.6) ? '#' + this.tag() : '^' + this.link());
      body.push(ind + parts.join(' '));
    }
    if (r.chance(0.35)) body.push(...this.metaLines(day, ind, r.int(1, 4)));
    if (body.length > 1 && r.chance(0.5)) r.shuffle(body); // tags/links lines may follow metadata
    if (r.chance(0.08)) body.push(ind + '#' + this.tag());
    lines.push(...body);
    for (const p of postings) {
      if (r.chance(0.06)) lines.push(ind + this.comment());
      let line = ind;
      if (r.chance(0.1)) line += r.pick(POSTING_FLAGS) + ' ';
      line += p.account;
      if (p.raw) {
        line += '  ' + p.raw + ' ' + p.ccy;
      } else if (p.amt) {
        const sep = r.weighted([['  ', 50], ['    ', 25], [' ', 10], ['\t', 10], ['        ', 5]]);
        line += sep + this.num(p.amt, p.free) + ' ' + p.ccy;
      } else if (p.elideCcy) {
        line += '  ' + p.ccy;
      }
      if (p.cost) line += ' ' + p.cost;
      if (p.price) line += ' ' + p.price;
      if (r.chance(0.07)) line += ' ' + this.comment();
      lines.push(line);
      if (r.chance(0.12)) lines.push(...this.metaLines(day, ind2, r.int(1, 2)));
    }
    const accts = [...new Set(postings.map((p) => p.account))];
    for (const p of postings) {
      if (p.uncertainCcys) for (const c of p.uncertainCcys) this.log.push({ day, account: p.account, ccy: c, q: null });
      else if (p.amt) this.log.push({ day, account: p.account, ccy: p.ccy, q: p.amt.q });
    }
    return this.push(day, 0, lines, 'txn', accts, { isTxn: true });
  }

  // -------------------------------------------------- templates

  cashFor(day, ccy, exclude = []) {
    const c = this.openAt(day, 'cash', ccy).filter((a) => !exclude.includes(a.name));
    return c.length ? this.rng.pick(c) : null;
  }
  sink(day) {
    const eq = this.openAt(day, 'equity');
    return eq.length ? this.rng.pick(eq) : null;
  }
  pickCcy(acct) {
    const opts = acct.constraint || acct.ccys;
    return this.rng.weighted(opts.map((c) => [c, c === 'CNY' ? 3 : 1]));
  }

  tExpense(day) {
    const r = this.rng;
    const fund = r.pick(this.openAt(day, 'cash'));
    if (!fund) return false;
    const ccy = this.pickCcy(fund);
    const exps = this.openAt(day, 'expense', ccy);
    if (!exps.length) return false;
    const n = Math.min(exps.length, r.weighted([[1, 50], [2, 30], [3, 15], [4, 5]]));
    const chosen = r.sample(exps, n);
    const mode = r.weighted([['explicit', 50], ['elideFund', 20], ['elideExp', 20], ['division', this.f.division ? 12 : 0]]);
    const ps = [];
    if (mode === 'division') {
      // one expense amount is a non-terminating division; the funding leg is
      // the total rounded to 2 decimals, within the inferred tolerance.
      const numer = r.int(10, 9999);
      const den = r.pick([3, 7, 6, 9, 11]);
      if (numer % den === 0) return false;
      let total = Q(numer, den);
      const raw = r.pick([`(${numer}/${den})`, `(${numer} / ${den})`, `${numer}/${den}`, `(${numer}/${den}) * 1`]);
      ps.push({ account: chosen[0].name, ccy, amt: null, raw, uncertainCcys: [ccy] });
      for (const e of chosen.slice(1)) {
        const a = this.randAmount(ccy, 1, 800);
        total = qadd(total, a.q);
        ps.push({ account: e.name, ccy, amt: a, free: false });
      }
      const w = qRound(total, 2);
      const resid = qabs(qsub(total, w));
      if (qcmp(resid, qmul(this.tol(2), Q(9, 10))) >= 0) return false;
      ps.push({ account: fund.name, ccy, amt: { q: qneg(w), k: 2 }, free: false });
      if (r.chance(0.3)) r.shuffle(ps);
      this.emitTxn(day, ps);
      return true;
    }
    let total = ZERO;
    for (const e of chosen) {
      const a = this.randAmount(ccy, 1, r.chance(0.1) ? 50000 : 2000);
      total = qadd(total, a.q);
      ps.push({ account: e.name, ccy, amt: a, free: true });
    }
    if (mode === 'elideExp' && ps.length > 1) {
      const p = r.pick(ps);
      p.amt = null; p.uncertainCcys = [ccy];
      const t = this.randAmount(ccy, 2000, 9000);
      ps.push({ account: fund.name, ccy, amt: { q: qneg(t.q), k: t.k }, free: true });
    } else if (mode === 'elideFund') {
      ps.push({ account: fund.name, ccy, amt: null, uncertainCcys: [ccy] });
    } else {
      const k = Math.max(...ps.map((p) => p.amt.k));
      ps.push({ account: fund.name, ccy, amt: { q: qneg(total), k }, free: true });
    }
    if (r.chance(0.3)) r.shuffle(ps);
    this.emitTxn(day, ps);
    return true;
  }

  tIncome(day) {
    const r = this.rng;
    const incs = this.openAt(day, 'income');
    if (!incs.length) return false;
    const inc = r.pick(incs);
    const bank = r.pick(this.openAt(day, 'cash'));
    if (!bank) return false;
    const ccy = this.pickCcy(bank);
    const gross = this.randAmount(ccy, 500, 60000);
    const ps = [{ account: inc.name, ccy, amt: { q: qneg(gross.q), k: gross.k }, free: true }];
    let net = gross.q;
    const taxes = this.openAt(day, 'expense', ccy);
    if (taxes.length && r.chance(0.4)) {
      const t = this.randAmount(ccy, 1, Math.max(2, Math.floor(Number(gross.q.n / gross.q.d) / 5)));
      net = qsub(net, t.q);
      ps.push({ account: r.pick(taxes).name, ccy, amt: t, free: true });
    }
    if (r.chance(0.2)) {
      ps.push({ account: bank.name, ccy, amt: null, uncertainCcys: [ccy] });
    } else if (r.chance(0.15) && ps.length === 1) {
      ps[0].amt = null; ps[0].uncertainCcys = [ccy];
      ps.push({ account: bank.name, ccy, amt: { q: net, k: gross.k }, free: true });
    } else {
      ps.push({ account: bank.name, ccy, amt: { q: net, k: Math.max(gross.k, qDecimals(net)) }, free: true });
    }
    this.emitTxn(day, ps);
    return true;
  }

  tTransfer(day) {
    const r = this.rng;
    const from = r.pick(this.openAt(day, 'cash'));
    if (!from) return false;
    const ccy = this.pickCcy(from);
    const to = this.cashFor(day, ccy, [from.name]);
    if (!to) return false;
    const a = this.randAmount(ccy, 10, 20000);
    const ps = [
      { account: to.name, ccy, amt: a, free: true },
      r.chance(0.15) ? { account: from.name, ccy, amt: null, uncertainCcys: [ccy] }
        : { account: from.name, ccy, amt: { q: qneg(a.q), k: a.k }, free: true },
    ];
    if (r.chance(0.2)) {
      const fees = this.openAt(day, 'expense', ccy);
      if (fees.length && ps[1].amt) {
        const fee = this.randAmount(ccy, 1, 30, 2);
        ps.push({ account: r.pick(fees).name, ccy, amt: fee, free: true });
        ps[1].amt = { q: qsub(ps[1].amt.q, fee.q), k: Math.max(a.k, 2) };
      }
    }
    this.emitTxn(day, ps);
    return true;
  }

  tFx(day) {
    const r = this.rng;
    const foreign = r.pick(this.cashCcys.filter((c) => c !== 'CNY'));
    if (!foreign) return false;
    const hold = this.cashFor(day, foreign);
    if (!hold) return false;
    const base = r.chance(0.8) ? 'CNY' : r.pick(this.cashCcys.filter((c) => c !== foreign));
    const pay = this.cashFor(day, base, [hold.name]) || (this.allows(hold, base) ? hold : null);
    if (!pay) return false;
    const rate = base === 'CNY' ? FX[foreign] : FX[foreign] / (FX[base] || 1);
    const units = this.randAmount(foreign, 10, 5000, foreign === 'JPY' ? 0 : r.pick([0, 2, 2, 2]));
    const sell = r.chance(0.25);
    const uq = sell ? qneg(units.q) : units.q;
    const ps = [];
    let weight;
    if (r.chance(0.6)) {
      const pk = r.pick([2, 4, 4, 5]);
      const price = { q: qRound(Q(Math.round(rate * 1e6) * (1 + (r.next() - 0.5) * 0.04) | 0, 1e6), pk), k: pk };
      if (qsign(price.q) <= 0) return false;
      weight = qmul(uq, price.q);
      ps.push({ account: hold.name, ccy: foreign, amt: { q: uq, k: units.k }, free: false, price: `@ ${fmtQ(price.q, Math.max(pk, qDecimals(price.q)))} ${base}` });
    } else {
      const total = qRound(qmul(qabs(uq), Q(Math.round(rate * 1e4), 1e4)), 2);
      if (qsign(total) <= 0) return false;
      weight = qsign(uq) < 0 ? qneg(total) : total;
      ps.push({ account: hold.name, ccy: foreign, amt: { q: uq, k: units.k }, free: false, price: `@@ ${fmtQ(total, 2, r.chance(0.3))} ${base}` });
    }
    // counter leg
    const dec = qDecimals(weight);
    if (r.chance(0.15)) {
      ps.push({ account: pay.name, ccy: base, amt: null, uncertainCcys: [base] });
    } else {
      let k = base === 'JPY' ? 0 : 2;
      let w = qRound(weight, k);
      const resid = qabs(qsub(weight, w));
      if (k === 0 || qcmp(resid, qmul(this.tol(k), Q(8, 10))) >= 0) { k = Math.max(2, dec); w = weight; }
      ps.push({ account: pay.name, ccy: base, amt: { q: qneg(w), k }, free: false });
    }
    this.emitTxn(day, ps);
    return true;
  }

  stockAccounts(day, withHoldings = false) {
    return this.openAt(day, 'stock').filter((a) => !a.lotDates.has(day)
      && (!withHoldings || (a.method !== 'AVERAGE' && a.stocks.some((s) => this.hasUnits(a, s.sym)))));
  }
  hasUnits(a, sym) { return qsign(this.lotUnits(a, sym)) > 0; }
  lotUnits(a, sym) { return qsum((a.lots.get(sym) || []).map((l) => l.units)); }

  costSpec(parts) { return this.rng.shuffle(parts.slice()).join(', '); }

  tBuy(day) {
    const r = this.rng;
    const accts = this.stockAccounts(day);
    if (!accts.length) return false;
    const a = r.pick(accts);
    const s = r.pick(a.stocks);
    const cash = this.cashFor(day, s.ccy);
    if (!cash) return false;
    const uk = r.weighted([[0, 70], [1, 15], [2, 10], [3, 5]]);
    const units = this.randAmount(s.sym, 1, 200, uk);
    const form = r.weighted([['per', 60], ['total', 20], ['perTotal', 20]]);
    const px = this.randAmount(s.ccy, Math.max(1, s.px * 0.7), s.px * 1.3, r.pick([0, 2, 2, 4]));
    let costQ, weight, numPart;
    if (form === 'per') {
      costQ = px.q; weight = qmul(units.q, px.q);
      numPart = fmtQ(px.q, Math.max(px.k, qDecimals(px.q)), r.chance(0.2));
    } else if (form === 'total') {
      const t = qRound(qmul(units.q, px.q), 2);
      costQ = qdiv(t, units.q); weight = t;
      numPart = fmtQ(t, 2, r.chance(0.3));
    } else {
      const fee = this.randAmount(s.ccy, 1, 20, 2);
      costQ = qadd(px.q, qdiv(fee.q, units.q)); weight = qadd(qmul(units.q, px.q), fee.q);
      numPart = `${fmtQ(px.q, Math.max(px.k, qDecimals(px.q)))} # ${fmtQ(fee.q, 2)}`;
    }
    const parts = [`${numPart} ${s.ccy}`];
    let lotDate = day, label = null;
    if (r.chance(0.25)) {
      for (let i = 0; i < 10; i++) {
        const d = day - r.int(1, 90);
        if (!a.lotDates.has(d) && d >= this.start - 400) { lotDate = d; break; }
      }
      if (lotDate !== day) parts.push(fmtDay(lotDate));
    }
    if (r.chance(0.25)) {
      label = r.pick(['lot', 'batch', '批次', 'L']) + '-' + (++this.labelCounter);
      parts.push(this.str(label));
    }
    a.lotDates.add(lotDate); a.lotDates.add(day);
    const cost = form === 'total' ? `{{${this.costSpec(parts)}}}` : `{${this.costSpec(parts)}}`;
    let price = null;
    if (r.chance(0.2)) price = `@ ${fmtQ(px.q, Math.max(px.k, qDecimals(px.q)))} ${s.ccy}`;
    const ps = [{ account: a.name, ccy: s.sym, amt: units, free: r.chance(0.3), cost, price }];
    let total = weight;
    const fees = this.openAt(day, 'fee', s.ccy);
    if (fees.length && r.chance(0.5)) {
      const fee = this.randAmount(s.ccy, 1, 15, 2);
      total = qadd(total, fee.q);
      ps.push({ account: fees[0].name, ccy: s.ccy, amt: fee, free: true });
    }
    if (r.chance(0.3) && !(this.inferFromCost && uk > 0)) {
      ps.push({ account: cash.name, ccy: s.ccy, amt: null, uncertainCcys: [s.ccy] });
    } else {
      ps.push({ account: cash.name, ccy: s.ccy, amt: { q: qneg(total), k: Math.max(2, qDecimals(total)) }, free: form === 'per' });
    }
    const lots = a.lots.get(s.sym) || [];
    lots.push({ units: units.q, cost: costQ, ccy: s.ccy, date: lotDate, label, nice: qDecimals(costQ) <= 6 });
    a.lots.set(s.sym, lots);
    this.emitTxn(day, ps, { narration: r.pick(['Buy ' + s.sym, '买入 ' + s.sym, '建仓']) });
    return true;
  }

  // Reduce holdings: returns [{spec, units}] postings, updating the lot model.
  planReduction(a, s) {
    const r = this.rng;
    const lots = a.lots.get(s.sym);
    const total = this.lotUnits(a, s.sym);
    const uniq = (pred) => lots.filter(pred).length === 1;
    const out = [];
    // beancount 2.3.5 quirk: with infer_tolerance_from_cost, a reduction
    // spec naming only the currency ({USD}) on fractional units widens the
    // interpolation tolerance to 0.5 (elided amounts get rounded to
    // integers), then fails the balance check with the booked cost.
    const ccyOnly = (u) => !(this.inferFromCost && qDecimals(u) > 0);
    // More generally, with infer_tolerance_from_cost the tolerance used to
    // round an elided amount (computed from the unbooked cost spec and price)
    // can be wider than the one used to validate the booked transaction, and
    // booked units may change exponent (min(lot, requested) keeps the lot's
    // spelling).  Reductions with integer units contribute nothing, so under
    // that option reductions are whole units only.
    const partial = (u) => {
      if (this.inferFromCost) {
        const whole = u.n / u.d;
        if (whole < 1n) return null;
        if (u.d === 1n && r.chance(0.35)) return u;
        const c = BigInt(Math.max(1, Math.round((Number(whole) * r.int(1, 10)) / 10)));
        return Q(c);
      }
      const k = qDecimals(u) === Infinity ? 0 : qDecimals(u);
      if (r.chance(0.35)) return u;
      const cand = qRound(qmul(u, Q(r.int(1, 9), 10)), k);
      return qsign(cand) > 0 ? cand : u;
    };
    if (a.method === 'FIFO' || a.method === 'LIFO') {
      let lbl = lots.filter((l) => l.label && uniq((x) => x.label === l.label));
      if (lbl.length && r.chance(0.3)) {
        const l = r.pick(lbl);
        const u = partial(l.units);
        if (!u) return out;
        l.units = qsub(l.units, u);
        out.push({ spec: `{${this.str(l.label)}}`, units: u });
      } else {
        const u = partial(total);
        if (!u) return out;
        // consume: sort by date (stable); LIFO = Python's sorted(reverse=True)
        const order = lots.map((l, i) => ({ l, i }));
        order.sort((x, y) => (a.method === 'FIFO' ? x.l.date - y.l.date : y.l.date - x.l.date) || x.i - y.i);
        let rem = u;
        for (const { l } of order) {
          if (qsign(rem) <= 0) break;
          const take = qcmp(l.units, rem) <= 0 ? l.units : rem;
          l.units = qsub(l.units, take);
          rem = qsub(rem, take);
        }
        out.push({ spec: r.chance(0.8) || !ccyOnly(u) ? '{}' : `{${s.ccy}}`, units: u });
      }
    } else if (a.method === 'NONE') {
      const u = partial(total);
      if (!u) return out;
      const nice = lots.filter((l) => l.nice);
      const c = nice.length ? r.pick(nice).cost : qRound(Q(Math.round(s.px * 100), 100), 2);
      // under NONE a negative posting is just another lot (no matching)
      lots.push({ units: qneg(u), cost: c, ccy: s.ccy, date: -1, label: null, nice: true });
      out.push({ spec: `{${fmtQ(c, Math.max(2, qDecimals(c)))} ${s.ccy}}`, units: u });
    } else { // STRICT
      if (lots.length > 1 && r.chance(0.12) && !(this.inferFromCost && total.d !== 1n)) {
        for (const l of lots) l.units = ZERO;
        out.push({ spec: r.chance(0.5) || !ccyOnly(total) ? '{}' : `{${s.ccy}}`, units: total });
      } else {
        const targets = r.chance(0.25) && lots.length > 1 ? r.sample(lots, 2) : [r.pick(lots)];
        for (const l of targets) {
          const specs = [];
          if (lots.length === 1) specs.push([], ...(ccyOnly(l.units) ? [[`${s.ccy}`]] : []));
          if (l.label && uniq((x) => x.label === l.label)) specs.push([this.str(l.label)]);
          if (uniq((x) => x.date === l.date)) specs.push([fmtDay(l.date)]);
          if (l.nice && uniq((x) => qeq(x.cost, l.cost))) {
            const cs = `${fmtQ(l.cost, Math.max(qDecimals(l.cost), r.pick([0, 2])))} ${s.ccy}`;
            specs.push([cs]);
            if (uniq((x) => x.date === l.date)) specs.push([cs, fmtDay(l.date)]);
          }
          if (!specs.length) continue;
          const spec = r.pick(specs);
          const u = partial(l.units);
          if (!u) continue;
          l.units = qsub(l.units, u);
          out.push({ spec: `{${this.costSpec(spec)}}`, units: u });
        }
      }
    }
    a.lots.set(s.sym, lots.filter((l) => qsign(l.units) !== 0));
    return out;
  }

  tSell(day) {
    const r = this.rng;
    const accts = this.stockAccounts(day, true);
    if (!accts.length) return false;
    const a = r.pick(accts);
    const s = r.pick(a.stocks.filter((x) => this.hasUnits(a, x.sym)));
    const pnl = this.openAt(day, 'pnl')[0];
    const cash = this.cashFor(day, s.ccy);
    if (!pnl || !cash) return false;
    const costCcys = new Set();
    for (const lots of a.lots.values()) for (const l of lots) costCcys.add(l.ccy);
    const reds = this.planReduction(a, s);
    if (!reds.length) return false;
    a.lotDates.add(day);
    const px = this.randAmount(s.ccy, Math.max(1, s.px * 0.6), s.px * 1.5, r.pick([0, 2, 2]));
    const ps = [];
    let proceeds = ZERO;
    let priced = r.weighted([['@', 60], ['@@', 25], ['none', 15]]);
    // A reduction spec without a currency and without a price is bucketed by
    // the account's cost currencies: if those are several, beancount fails
    // with "Failed to categorize posting".  A price names the currency.
    if (priced === 'none' && costCcys.size > 1) priced = '@';
    for (const red of reds) {
      let price = null;
      const w = qmul(red.units, px.q);
      if (priced === '@') price = `@ ${fmtQ(px.q, Math.max(px.k, qDecimals(px.q)))} ${s.ccy}`;
      else if (priced === '@@') price = `@@ ${fmtQ(qRound(w, 2), 2)} ${s.ccy}`;
      proceeds = qadd(proceeds, priced === '@@' ? qRound(w, 2) : w);
      ps.push({ account: a.name, ccy: s.sym, amt: { q: qneg(red.units), k: Math.max(0, qDecimals(red.units)) }, free: false, cost: red.spec, price });
    }
    const fees = this.openAt(day, 'fee', s.ccy);
    if (fees.length && r.chance(0.4)) {
      const fee = this.randAmount(s.ccy, 1, 15, 2);
      proceeds = qsub(proceeds, fee.q);
      ps.push({ account: fees[0].name, ccy: s.ccy, amt: fee, free: true });
    }
    ps.push({ account: cash.name, ccy: s.ccy, amt: { q: proceeds, k: Math.max(2, qDecimals(proceeds)) }, free: true });
    ps.push({ account: pnl.name, ccy: s.ccy, amt: null, uncertainCcys: [s.ccy] });
    this.emitTxn(day, ps, { narration: r.pick(['Sell ' + s.sym, '卖出 ' + s.sym, '减仓']) });
    return true;
  }

  tOpening(day) {
    // several cash accounts, several currencies, one elided equity posting
    // (absorbing every currency) or one currency-only elision per currency.
    const r = this.rng;
    const eq = this.sink(day);
    if (!eq) return false;
    const ps = [];
    const ccys = new Set();
    for (const acct of r.sample(this.openAt(day, 'cash'), r.int(1, 3))) {
      const c = this.pickCcy(acct);
      const a = this.randAmount(c, 100, 100000);
      ps.push({ account: acct.name, ccy: c, amt: a, free: true });
      ccys.add(c);
    }
    if (!ps.length) return false;
    if (ccys.size > 1 && r.chance(0.4)) {
      for (const c of ccys) ps.push({ account: eq.name, ccy: c, amt: null, elideCcy: true, uncertainCcys: [c] });
    } else {
      ps.push({ account: eq.name, ccy: [...ccys][0], amt: null, uncertainCcys: [...ccys] });
    }
    this.emitTxn(day, ps, { narration: r.pick(['Opening balances', '期初余额', '初始化']) });
    return true;
  }

  tMultiSink(day) {
    // expenses in two currencies, elided equity/expense absorbing both
    const r = this.rng;
    const exps = this.openAt(day, 'expense').filter((e) => !e.constraint);
    const eq = this.sink(day);
    if (exps.length < 1 || !eq || this.cashCcys.length < 2) return false;
    const ps = [];
    const [c1, c2] = r.sample(this.cashCcys, 2);
    ps.push({ account: r.pick(exps).name, ccy: c1, amt: this.randAmount(c1, 1, 500), free: true });
    ps.push({ account: r.pick(exps).name, ccy: c2, amt: this.randAmount(c2, 1, 500), free: true });
    ps.push({ account: eq.name, ccy: c1, amt: null, uncertainCcys: [c1, c2] });
    this.emitTxn(day, ps);
    return true;
  }

  generateTransactions() {
    const r = this.rng;
    const days = [];
    for (let i = 0; i < this.nTx; i++) days.push(this.start + r.int(0, this.span));
    days.sort((x, y) => x - y);
    // opening transaction early on
    if (r.chance(0.7)) this.tOpening(this.start + r.int(0, 3));
    for (const day of days) {
      for (let tries = 0; tries < 6; tries++) {
        const t = r.weighted([
          ['expense', 35], ['income', 12], ['transfer', 10], ['fx', this.f.fx ? 10 : 0],
          ['buy', this.f.stocks ? 14 : 0], ['sell', this.f.stocks ? 12 : 0], ['opening', 3], ['multi', 4],
        ]);
        const ok = { expense: () => this.tExpense(day), income: () => this.tIncome(day), transfer: () => this.tTransfer(day),
          fx: () => this.tFx(day), buy: () => this.tBuy(day), sell: () => this.tSell(day), opening: () => this.tOpening(day),
          multi: () => this.tMultiSink(day) }[t]();
        if (ok) break;
      }
    }
  }

  // -------------------------------------------------- balances and pads

  firstUncertain(name, ccy) {
    let d = Infinity;
    for (const e of this.log) if (e.q === null && e.ccy === ccy && (e.account === name || e.account.startsWith(name + ':'))) d = Math.min(d, e.day);
    return d;
  }
  exactBalance(name, ccy, before) {
    let s = ZERO;
    for (const e of this.log) {
      if (e.day < before && e.ccy === ccy && (e.account === name || e.account.startsWith(name + ':'))) {
        if (e.q === null) throw new Error('internal: uncertain balance');
        s = qadd(s, e.q);
      }
    }
    return s;
  }
  ccysSeen(name) {
    const s = new Set();
    for (const e of this.log) if (e.account === name || e.account.startsWith(name + ':')) s.add(e.ccy);
    return [...s];
  }

  generatePads() {
    if (!this.f.pads) return;
    const r = this.rng;
    this.padWindows = [];
    const n = this.size === 'tiny' ? 1 : r.int(1, 4);
    const src = this.byRole('equity');
    if (!src.length) return;
    for (let i = 0; i < n; i++) {
      const cands = this.byRole('cash').filter((a) => !this.isParent(a.name));
      if (!cands.length) return;
      const a = r.pick(cands);
      const opts = (a.constraint || a.ccys);
      const ccy = r.pick(opts);
      const s = r.pick(src);
      const lo = Math.max(a.openDay, s.openDay);
      const unc = this.firstUncertain(a.name, ccy);
      const hi = Math.min(unc, this.end + 10);
      if (hi - lo < 2) continue;
      const P = lo + r.int(0, hi - lo - 2);
      const D = P + r.int(1, Math.min(60, hi - P));
      if (D > hi) continue;
      if (this.padWindows.some((w) => w.account === a.name && !(D < w.P || P > w.D))) continue;
      this.padWindows.push({ account: a.name, P, D, ccy, s });
    }
    // Amounts in the order of the balances they satisfy: each one depends on
    // every earlier pad of the same account.
    for (const w of this.padWindows.slice().sort((x, y) => x.D - y.D)) {
      const { P, D, ccy, s } = w;
      const a = this.accounts.get(w.account);
      const bal = this.exactBalance(a.name, ccy, D);
      const k = ccy === 'JPY' ? 0 : r.pick([0, 2, 2]);
      let X = qRound(qadd(bal, Q(r.int(-5000, 5000) * (r.chance(0.5) ? 1 : 3), 1)), k);
      if (qcmp(qabs(qsub(X, bal)), Q(1)) < 0) X = qadd(X, Q(100));
      const diff = qsub(X, bal);
      if (process.env.GEN_DEBUG) process.stderr.write(`pad ${a.name} ${ccy} P=${fmtDay(P)} D=${fmtDay(D)} bal=${fmtQ(bal, qDecimals(bal))} X=${fmtQ(X, qDecimals(X))}\n`);
      const padLines = [`${this.dateStr(P)} pad ${a.name} ${s.name}`];
      if (r.chance(0.15)) padLines[0] += ' ' + this.comment();
      if (r.chance(0.2)) padLines.push(...this.metaLines(P, '  ', 1));
      this.push(P, 0, padLines, 'pad', [a.name, s.name]);
      this.log.push({ day: P, account: a.name, ccy, q: diff });
      this.log.push({ day: P, account: s.name, ccy, q: null });
      this.push(D, -1, [`${this.dateStr(D)} balance ${a.name}  ${fmtQ(X, Math.max(k, qDecimals(X)), r.chance(0.2))} ${ccy}`], 'balance', [a.name], { bal: { account: a.name, ccy, day: D } });
    }
  }

  generateBalances() {
    const r = this.rng;
    const windows = this.padWindows || [];
    const existing = new Set(this.entries.filter((e) => e.bal).map((e) => `${e.bal.account}|${e.bal.ccy}|${e.bal.day}`));
    let n = { tiny: r.int(0, 2), small: r.int(2, 8), medium: r.int(6, 20), large: r.int(15, 40) }[this.size];
    const cands = [...this.accounts.values()].filter((a) => ['cash', 'stock', 'expense', 'income'].includes(a.role));
    for (let i = 0; i < n * 3 && n > 0; i++) {
      const a = r.weighted(cands.map((c) => [c, c.role === 'cash' ? 4 : c.role === 'stock' ? 3 : 1]));
      let ccys = this.ccysSeen(a.name);
      if (!ccys.length || r.chance(0.05)) ccys = a.constraint || a.ccys;
      const ccy = r.pick(ccys);
      if (a.constraint && !a.constraint.includes(ccy)) continue;
      const unc = this.firstUncertain(a.name, ccy);
      const lo = a.openDay;
      const hi = Math.min(unc, this.end + 20);
      if (hi < lo) continue;
      const D = lo + r.int(0, hi - lo);
      // (a parent of a padded account may be asserted inside the window: the pad amount is known)
      if (windows.some((w) => w.account === a.name && D >= w.P && D <= w.D)) continue;
      const key = `${a.name}|${ccy}|${D}`;
      if (existing.has(key)) continue;
      existing.add(key);
      const v = this.exactBalance(a.name, ccy, D);
      const dv = qDecimals(v);
      const form = r.weighted([['exact', 55], ['rounded', dv >= 2 ? 20 : 0], ['tilde', 15], ['padzeros', 10]]);
      let text;
      if (form === 'exact') text = fmtQ(v, dv, r.chance(0.2));
      else if (form === 'padzeros') text = fmtQ(v, dv + r.int(1, 2));
      else if (form === 'rounded') {
        const k = r.int(1, dv - 1);
        text = fmtQ(qRound(v, k), k); // |diff| <= 0.5*10^-k < 2*m*10^-k
      } else {
        const T = r.pick(['0.01', '0.05', '0.5', '1', '0.002']);
        const tq = qFromStr(T);
        const tk = T.includes('.') ? T.split('.')[1].length : 0;
        const k = Math.max(dv, tk);
        const delta = qRound(qmul(tq, Q(r.int(-9, 9), 10)), k + 1);
        const kk = Math.max(k, qDecimals(delta));
        text = `${fmtQ(qadd(v, delta), kk)} ~ ${T}`;
      }
      const lines = [`${this.dateStr(D)} balance ${a.name}${r.pick(['  ', ' ', '\t'])}${text} ${ccy}`];
      if (r.chance(0.1)) lines[0] += ' ' + this.comment();
      if (r.chance(0.1)) lines.push(...this.metaLines(D, '  ', 1));
      this.push(D, -1, lines, 'balance', [a.name], { bal: { account: a.name, ccy, day: D } });
      if (--n <= 0) break;
    }
  }

  // -------------------------------------------------- other directives

  generateDirectives() {
    const r = this.rng;
    const names = [...this.accounts.keys()];
    const rday = () => this.start + r.int(0, this.span);
    const openAcct = (d) => { const c = names.filter((n) => this.accounts.get(n).openDay <= d); return c.length ? r.pick(c) : null; };
    // commodity directives: one per currency at most
    for (const c of r.sample([...this.cashCcys, ...(this.stocks || []).map((s) => s.sym)], this.size === 'tiny' ? r.int(0, 1) : r.int(0, 4))) {
      const lines = [`${fmtDay(this.start - r.int(0, 400))} commodity ${c}`];
      if (r.chance(0.6)) lines.push(`  name: ${this.str(r.pick(['人民币', 'US Dollar', 'Some Corp', '某 股票']))}`);
      if (r.chance(0.3)) lines.push('  precision: 2');
      this.push(this.start - 1, 0, lines, 'commodity', []);
    }
    if (!this.f.dirs) return;
    const k = { tiny: 1, small: 2, medium: 4, large: 8 }[this.size];
    // prices
    for (let i = 0; i < k * 2; i++) {
      const d = rday();
      if (this.stocks && r.chance(0.6)) {
        const s = r.pick(this.stocks);
        this.push(d, 0, [`${this.dateStr(d)} price ${s.sym} ${this.num(this.randAmount(s.ccy, s.px * 0.8, s.px * 1.2, 2), false)} ${s.ccy}`], 'price', []);
      } else {
        const f = r.pick(this.cashCcys.filter((c) => c !== 'CNY'));
        if (f) this.push(d, 0, [`${this.dateStr(d)} price ${f} ${fmtQ(qRound(Q(Math.round(FX[f] * 1e4), 1e4), 4), 4)} CNY`], 'price', []);
      }
    }
    // notes
    for (let i = 0; i < k; i++) {
      const d = rday(); const a = openAcct(d);
      if (a) this.push(d, 0, [`${this.dateStr(d)} note ${a} ${this.str(r.pick(['与客户 王总 会面', 'Called the bank', '对账完成', 'Card replaced']))}`], 'note', [a]);
    }
    // events
    for (let i = 0; i < Math.ceil(k / 2); i++) {
      const d = rday(); const [t, v] = r.pick(EVENT_TYPES);
      this.push(d, 0, [`${this.dateStr(d)} event ${this.str(t)} ${this.str(v)}`], 'event', []);
    }
    // queries
    if (r.chance(0.6)) {
      const d = rday();
      this.push(d, 0, [`${this.dateStr(d)} query "cash" "SELECT account, sum(position) WHERE account ~ 'Assets' GROUP BY account"`], 'query', []);
    }
    // custom directives with every value type
    for (let i = 0; i < Math.ceil(k / 2); i++) {
      const d = rday(); const a = openAcct(d);
      if (!a) continue;
      const c = r.pick(this.cashCcys);
      const variants = [
        `custom "budget" ${a} "monthly" ${this.num(this.randAmount(c, 100, 9000, 2), false)} ${c}`,
        `custom "feeledger-test" "字符串" ${fmtDay(d - 3)} TRUE FALSE ${this.num(this.randAmount(c, 1, 99, 2), false)} ${c} 42 ${a}`,
        `custom "fava-option" "language" "zh"`,
        `custom "flags" ${a} FALSE 3.14159`,
      ];
      this.push(d, 0, [`${this.dateStr(d)} ${r.pick(variants)}`], 'custom', [a]);
    }
    // documents (files created in DIR)
    for (let i = 0; i < Math.ceil(k / 2); i++) {
      const d = rday(); const a = openAcct(d);
      if (!a) continue;
      const fname = r.pick(['receipt', 'invoice', '发票', 'statement']) + `-${this.seed}-${i}` + r.pick(['.pdf', '.jpg', '.txt']);
      this.push(d, 1, null, 'document', [a], { doc: { account: a, fname, day: d } });
    }
  }

  closeSome() {
    const r = this.rng;
    for (const a of this.accounts.values()) {
      if (!r.chance(0.12)) continue;
      const last = Math.max(a.openDay, ...a.refs);
      const d = last + r.int(1, 30);
      a.closeDay = d;
      this.push(d, 2, [`${this.dateStr(d)} close ${a.name}`], 'close', []);
    }
  }

  openEntries() {
    const r = this.rng;
    for (const a of this.accounts.values()) {
      let line = `${this.dateStr(a.openDay)} open ${a.name}`;
      if (a.constraint) line += ' ' + a.constraint.join(r.chance(0.8) ? ',' : ', ');
      if (a.booking) line += ` "${a.booking}"`;
      else if (a.role === 'cash' && r.chance(0.05)) line += ' "STRICT"';
      if (r.chance(0.1)) line += ' ' + this.comment();
      const lines = [line];
      if (r.chance(0.12)) lines.push(...this.metaLines(a.openDay, '  ', 1));
      this.push(a.openDay, -2, lines, 'open', []);
    }
  }

  // -------------------------------------------------- layout

  layout() {
    const r = this.rng;
    const files = new Map(); // path -> {entries:[], includes:[], crlf, pre:[]}
    const file = (p) => { if (!files.has(p)) files.set(p, { path: p, entries: [], includes: [] }); return files.get(p); };
    const main = file('main.beancount');
    let targets = ['main.beancount'];
    let acctFile = 'main.beancount';
    let glob = false;
    let subFile = null;
    if (this.f.includes) {
      if (r.chance(0.6)) { acctFile = r.pick(['accounts.beancount', 'accounts/科目.beancount']); main.includes.push(acctFile); file(acctFile); }
      const nParts = r.int(1, 4);
      const partNames = r.sample(['parts/2020.beancount', 'parts/bank.beancount', 'parts/expenses.beancount', 'parts/invest.beancount', 'parts/客户.beancount', 'parts/misc.beancount'], nParts);
      glob = r.chance(0.55);
      if (glob) main.includes.push('parts/*.beancount');
      else for (const p of partNames) main.includes.push(p);
      for (const p of partNames) file(p);
      targets.push(...partNames);
      if (r.chance(0.5)) {
        subFile = 'sub/dir/extra.beancount';
        file(subFile);
        if (r.chance(0.5)) file(partNames[0]).includes.push('../' + subFile);
        else main.includes.push(subFile);
        targets.push(subFile);
        if (r.chance(0.5)) {
          // nested include relative to the including file's directory
          file(subFile).includes.push('../more.beancount');
          file('sub/more.beancount');
          targets.push('sub/more.beancount');
        }
      }
    }
    this.glob = glob;
    for (const e of this.entries) {
      let p;
      if (e.kind === 'open' || e.kind === 'commodity') p = r.chance(0.85) ? acctFile : r.pick(targets);
      else p = r.pick(targets);
      if (e.kind === 'document') {
        const dir = dirname(p);
        const inSub = r.chance(0.4);
        const rel = inSub ? `docs/${e.doc.fname}` : (dir === '.' ? `documents/${e.doc.fname}` : `${'../'.repeat(dir.split('/').length)}documents/${e.doc.fname}`);
        const real = inSub ? join(dir, 'docs', e.doc.fname) : join('documents', e.doc.fname);
        this.docFiles.push([real, `document for ${e.doc.account} on ${fmtDay(e.doc.day)}\n`]);
        e.lines = [`${this.dateStr(e.day)} document ${e.doc.account} ${this.str(rel)}`];
      }
      file(p).entries.push(e);
    }
    if (glob && r.chance(0.5)) this.docFiles.push(['parts/notes.txt', 'this file must not be included by the glob\n2020-01-01 open Assets:Nope\n']);
    this.files = files;
  }

  renderFile(f) {
    const r = this.rng;
    const out = [];
    if (r.chance(0.7)) out.push(`;; ${f.path} — generated by scripts/gen-ledger.mjs (seed ${this.seed})`);
    if (f.path === 'main.beancount') {
      if (r.chance(0.5)) out.push('* Options');
      for (const [k, v] of this.options) out.push(`option "${k}" "${v.replace(/"/g, '\\"')}"`);
      out.push('');
    }
    for (const inc of f.includes) out.push(`include "${inc}"`);
    if (f.includes.length) out.push('');
    const es = f.entries.slice().sort((x, y) => x.day - y.day || x.order - y.order || x.seq - y.seq);
    if (r.chance(0.2)) r.shuffle(es); // beancount sorts; file order is free
    const headings = r.chance(0.5);
    // pushtag/pushmeta blocks over contiguous runs
    const pushes = [];
    if (es.length > 2 && r.chance(0.35)) {
      const i = r.int(0, es.length - 2), j = r.int(i + 1, Math.min(es.length, i + 8));
      pushes.push({ i, j, open: `pushtag #${this.tag()}`, close: null });
      pushes[0].close = pushes[0].open.replace('push', 'pop');
    }
    if (es.length > 2 && r.chance(0.3)) {
      const i = r.int(0, es.length - 2), j = r.int(i + 1, Math.min(es.length, i + 8));
      const key = r.pick(['batch-id', 'pushed-project', 'source-file']);
      pushes.push({ i, j, open: `pushmeta ${key}: ${r.pick(['"B-7"', '"导入批次"', 'TRUE', '42', '2021-01-01'])}`, close: `popmeta ${key}:` });
    }
    let lastMonth = null;
    es.forEach((e, idx) => {
      for (const p of pushes) if (p.i === idx) out.push(p.open);
      const month = fmtDay(e.day).slice(0, 7);
      if (headings && month !== lastMonth && r.chance(0.3)) out.push(r.pick(['* ', '** ', '*** ']) + r.pick(['Month ', '月份 ']) + month);
      lastMonth = month;
      if (r.chance(0.05)) out.push(this.comment());
      out.push(...e.lines);
      const blank = r.weighted([[0, 15], [1, 75], [2, 10]]);
      for (let b = 0; b < blank; b++) out.push('');
      for (const p of pushes) if (p.j === idx + 1) out.push(p.close);
    });
    for (const p of pushes) if (p.j > es.length) out.push(p.close);
    const crlf = this.f.crlf && r.chance(0.5);
    return out.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
  }

  run() {
    this.setup();
    this.generateTransactions();
    this.generatePads();
    this.generateBalances();
    this.generateDirectives();
    this.closeSome();
    this.openEntries();
    this.layout();
    const outFiles = [];
    for (const f of this.files.values()) outFiles.push([f.path, this.renderFile(f)]);
    for (const d of this.docFiles) outFiles.push(d);
    return outFiles;
  }
}

// ---------------------------------------------------------------- main

const args = parseArgs(process.argv.slice(2));
const gen = new Gen(args.seed);
const files = gen.run();
for (const [rel, text] of files) {
  const p = join(args.out, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
}
