// On generated journals: the trial balance equals `bal` per account (opening before the period,
// closing after it), its gross debits and credits are the period's postings, debits equal credits
// in every column pair; the 明细账's running balance equals `bal` at each row's date. Journals come
// from fast-check (codes, parents with postings of their own, accounts without codes, elided
// amounts, a second currency, conversions at a price) and from scripts/gen-ledger.mjs (the frozen
// differential cases: costs, lots, pads, many currencies).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ChartOfAccounts } from "../../src/books/accounts.js";
import { addDays } from "../../src/core/dates.js";
import { Decimal } from "../../src/core/number.js";
import { loadLedger } from "../../src/loader/load.js";
import { balanceReport } from "../../src/reports/balances.js";
import { agree, trialBalance } from "../../src/reports/trial.js";
import { root } from "../helpers/journals.js";
import { amount, balanceUnder, balances, csvRecords, removeJournals, signedBalance, writeJournal } from "./helpers.js";

afterAll(removeJournals);

const ACCOUNTS = [
  "Assets:1001-库存现金",
  "Assets:1002-银行存款",
  "Assets:1002-银行存款:01-工商银行",
  "Assets:1002-银行存款:02-招商银行",
  "Assets:Petty",
  "Liabilities:2241-其他应付款:E01-王伟",
  "Liabilities:2241-其他应付款:E02-李娜",
  "Equity:4001-实收资本",
  "Income:6001-主营业务收入",
  "Expenses:6602-管理费用:01-客户管理费:01-客户拜访",
  "Expenses:6602-管理费用:02-业务招待费",
  "Expenses:Misc:Other",
];

/** What a ledger is asked for: accounts, parents never opened, codes. */
const LEDGER_TARGETS = ["Assets:1002-银行存款", "2241", "6602", "管理费用-客户管理费-客户拜访", "Expenses:Misc", "Assets:Petty", "1001"];

interface Posting { readonly account: string; readonly cents: number; readonly currency: string; readonly elided: boolean; readonly price?: string }
interface Transaction { readonly day: number; readonly postings: readonly Posting[] }

const account = fc.constantFrom(...ACCOUNTS);
const cents = fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0);

/** A transaction in one currency: some postings and one that balances them, written or elided. */
const plainTransaction = fc.record({
  day: fc.integer({ min: 0, max: 150 }),
  currency: fc.constantFrom("CNY", "CNY", "CNY", "USD"),
  amounts: fc.array(fc.tuple(account, cents), { minLength: 1, maxLength: 3 }),
  balancing: account,
  elided: fc.boolean(),
}).map(({ day, currency, amounts, balancing, elided }): Transaction => {
  const postings: Posting[] = amounts.map(([name, value]) => ({ account: name, cents: value, currency, elided: false }));
  postings.push({ account: balancing, cents: -amounts.reduce((sum, [, value]) => sum + value, 0), currency, elided });
  return { day, postings };
});

/** Whole dollars converted at 7.10: the dollars at a price, the yuan beside them. */
const conversion = fc.record({ day: fc.integer({ min: 0, max: 150 }), dollars: fc.integer({ min: -2000, max: 2000 }).filter((n) => n !== 0), from: account, to: account })
  .map(({ day, dollars, from, to }): Transaction => ({
    day,
    postings: [
      { account: from, cents: dollars * 100, currency: "USD", elided: false, price: "7.10 CNY" },
      { account: to, cents: -dollars * 710, currency: "CNY", elided: false },
    ],
  }));

const FIRST_DAY = "2025-12-01";
const dateOf = (day: number) => addDays(FIRST_DAY, day);
const money = (value: number) => `${value < 0 ? "-" : ""}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, "0")}`;

function journalText(transactions: readonly Transaction[]): string {
  const lines = ACCOUNTS.map((name) => `2025-01-01 open ${name}`);
  lines.push('option "operating_currency" "CNY"', "");
  for (const transaction of [...transactions].sort((a, b) => a.day - b.day)) {
    lines.push(`${dateOf(transaction.day)} * "生成"`);
    for (const posting of transaction.postings) {
      lines.push(posting.elided ? `  ${posting.account}` : `  ${posting.account}  ${money(posting.cents)} ${posting.currency}${posting.price === undefined ? "" : ` @ ${posting.price}`}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

const PERIODS: readonly { period: string | null; begin: string | null; end: string | null }[] = [
  { period: null, begin: null, end: null },
  { period: "2026-01", begin: "2026-01-01", end: "2026-02-01" },
  { period: "2026Q1", begin: "2026-01-01", end: "2026-04-01" },
  { period: "2025-12..2026-02", begin: "2025-12-01", end: "2026-03-01" },
  { period: "2026-02-15..2026-03", begin: "2026-02-15", end: "2026-04-01" },
];

const journal = fc.array(fc.oneof({ weight: 5, arbitrary: plainTransaction }, { weight: 1, arbitrary: conversion }), { minLength: 1, maxLength: 25 });

/** The period's gross debits and credits under `name` in `currency`, from the generated postings. */
function grossOf(transactions: readonly Transaction[], name: string, currency: string, begin: string | null, end: string | null): [string, string] {
  let debit = 0;
  let credit = 0;
  for (const transaction of transactions) {
    const date = dateOf(transaction.day);
    if ((begin !== null && date < begin) || (end !== null && date >= end)) continue;
    for (const posting of transaction.postings) {
      if (posting.currency !== currency || !(posting.account === name || posting.account.startsWith(`${name}:`))) continue;
      if (posting.cents > 0) debit += posting.cents;
      else credit -= posting.cents;
    }
  }
  return [new Decimal(debit).dividedBy(100).toFixed(2), new Decimal(credit).dividedBy(100).toFixed(2)];
}

describe("report trial on generated journals", () => {
  it("equals bal per account and currency, the gross sums are the postings', debits equal credits", () => {
    fc.assert(fc.property(journal, fc.constantFrom(...PERIODS), (transactions, { period, begin, end }) => {
      // (With nothing before the end there is nothing to report: tested in trial.test.ts.)
      fc.pre(end === null || transactions.some((transaction) => dateOf(transaction.day) < end));
      const file = writeJournal(journalText(transactions));
      const rows = csvRecords(["report", "trial", file, ...(period === null ? [] : ["-p", period])]);
      const before = begin === null ? new Map() : balances(file, { end: begin });
      const after = balances(file, { end });
      for (const row of rows.filter((r) => r.row !== "total" && r.account !== "")) {
        const what = `${row.account} ${row.currency}`;
        expect(amount(row.opening_debit).minus(amount(row.opening_credit)).equals(balanceUnder(before, row.account!, row.currency!)), `${what} opening`).toBe(true);
        expect(amount(row.closing_debit).minus(amount(row.closing_credit)).equals(balanceUnder(after, row.account!, row.currency!)), `${what} closing`).toBe(true);
        expect([row.debit, row.credit], `${what} period`).toEqual(grossOf(transactions, row.account!, row.currency!, begin, end));
      }
      for (const name of after.keys()) for (const currency of after.get(name)!.keys()) {
        expect(rows.some((row) => row.account === name && row.currency === currency), `${name} ${currency} missing`).toBe(true);
      }
      for (const total of rows.filter((row) => row.row === "total")) {
        expect([total.opening_debit, total.debit, total.closing_debit]).toEqual([total.opening_credit, total.credit, total.closing_credit]);
      }
    }), { numRuns: 40 });
  });
});

describe("report ledger on generated journals", () => {
  it("runs each balance to bal's at the row's date, from bal's before the period", () => {
    fc.assert(fc.property(journal, fc.constantFrom(...PERIODS), fc.constantFrom(...LEDGER_TARGETS), fc.boolean(), (transactions, { period, begin }, target, rollup) => {
      const file = writeJournal(journalText(transactions));
      const rows = csvRecords(["report", "ledger", file, target, ...(period === null ? [] : ["-p", period]), ...(rollup ? ["--rollup"] : [])]);
      // bal at any date, in process (the code `bal` runs), the journal read once.
      const ledger = loadLedger(file);
      // A rolled-up ledger is its account's subtree; otherwise each ledger is one account's own postings.
      const balAt = (date: string | null, name: string, currency: string) => {
        if (date === null) return new Decimal(0);
        const report = balanceReport(ledger.entries, { patterns: [], begin: null, end: date, tree: false, depth: null, atCost: false });
        const byAccount = new Map<string, Map<string, Decimal>>();
        for (const row of report.rows) byAccount.set(row.account, new Map([...(byAccount.get(row.account) ?? []), [row.commodity, row.amount]]));
        return rollup ? balanceUnder(byAccount, name, currency) : byAccount.get(name)?.get(currency) ?? new Decimal(0);
      };
      let section = "";
      let running = new Decimal(0);
      rows.forEach((row, index) => {
        const key = `${row.account} ${row.currency}`;
        if (key !== section) {
          section = key;
          expect(row.kind).toBe("opening");
          expect(signedBalance(row).equals(balAt(begin, row.account!, row.currency!)), `${key} opening`).toBe(true);
          running = signedBalance(row);
          return;
        }
        if (row.kind !== "posting") {
          expect(signedBalance(row).equals(running)).toBe(true);
          return;
        }
        running = running.plus(amount(row.debit)).minus(amount(row.credit));
        expect(signedBalance(row).equals(running)).toBe(true);
        const next = rows[index + 1];
        if (next === undefined || next.kind !== "posting" || next.date !== row.date || `${next.account} ${next.currency}` !== key) {
          expect(running.equals(balAt(addDays(row.date!, 1), row.account!, row.currency!)), `${key} ${row.date}`).toBe(true);
        }
      });
    }), { numRuns: 40 });
  });
});

describe("trial balance of the generated differential journals (scripts/gen-ledger.mjs)", () => {
  const fixtures = join(root, "test/fixtures/differential");
  const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, "main.beancount"))).sort();

  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it("equals bal per account and currency before and after a period in the middle; debits equal credits", () => {
    for (const name of cases) {
      const ledger = loadLedger(join(fixtures, name, "main.beancount"));
      expect(ledger.diagnostics.filter((d) => d.severity === "error"), name).toEqual([]);
      const dates = ledger.entries.filter((entry) => entry.type === "transaction").map((entry) => entry.date);
      const begin = dates[Math.floor(dates.length / 3)]!;
      const end = dates[Math.floor((2 * dates.length) / 3)]!;
      if (begin >= end) continue;
      const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
      const report = trialBalance(ledger.entries, chart, { begin, end, depth: null, currency: "CNY" });
      const balAt = (date: string) => {
        const byAccount = new Map<string, Map<string, Decimal>>();
        for (const row of balanceReport(ledger.entries, { patterns: [], begin: null, end: date, tree: false, depth: null, atCost: false }).rows) {
          byAccount.set(row.account, new Map([...(byAccount.get(row.account) ?? []), [row.commodity, row.amount]]));
        }
        return byAccount;
      };
      const before = balAt(begin);
      const after = balAt(end);
      let rows = 0;
      for (const section of report.sections) {
        expect(section.balanced, `${name} ${section.currency}`).toBe(true);
        for (const row of section.rows) {
          rows++;
          // (These journals hold amounts of 28 significant digits, whose sums in another order differ in the last digit.)
          expect(agree(row.opening, balanceUnder(before, row.account.account, section.currency)), `${name} ${row.account.account} ${section.currency} opening`).toBe(true);
          expect(agree(row.closing, balanceUnder(after, row.account.account, section.currency)), `${name} ${row.account.account} ${section.currency} closing`).toBe(true);
        }
      }
      expect(rows, name).toBeGreaterThan(0);
    }
  });
});


