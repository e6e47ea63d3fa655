// Every report's figures agree with `feeledger bal --format csv` over the same data and period,
// with and without pending claims.
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { parseCsv } from "../helpers/csv.js";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "./samples.js";

type Table = Record<string, string>[];

function csvRows(args: readonly string[]): Table {
  const result = runCli([...args, "--format", "csv"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const [header, ...rows] = parseCsv(result.stdout);
  return rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index] ?? ""])));
}

/** bal's flat balances over [begin, end): sum of the accounts `select` accepts, per commodity. */
function balSum(file: string, range: { begin?: string; end?: string }, select: (account: string) => boolean, pending: boolean): Map<string, Decimal> {
  const args = ["bal", file];
  if (range.begin) args.push("-b", range.begin);
  if (range.end) args.push("-e", range.end);
  if (pending) args.push("--pending");
  const sums = new Map<string, Decimal>();
  for (const row of csvRows(args)) {
    if (!select(row.account!)) continue;
    sums.set(row.commodity!, (sums.get(row.commodity!) ?? new Decimal(0)).plus(row.amount!));
  }
  return sums;
}

const under = (root: string) => (account: string) => account === root || account.startsWith(`${root}:`);
const zero = new Decimal(0);

function expectAmount(actual: string | undefined, expected: Decimal | undefined, what: string): void {
  expect(new Decimal(actual ?? "0").equals(expected ?? zero), `${what}: report ${actual} bal ${expected?.toFixed()}`).toBe(true);
}

const SAMPLES = [
  { name: "Chinese", file: CHINESE_SAMPLE, root: "Expenses:6602-管理费用:01-客户管理费", entertainment: ["Expenses:6602-管理费用:02-业务招待费"], revenue: ["Income:6001-主营业务收入", "Income:6051-其他业务收入"], commodity: "CNY" },
  { name: "English", file: ENGLISH_SAMPLE, root: "Expenses:CustomerCare", entertainment: ["Expenses:Entertainment:Clients"], revenue: ["Income:Sales"], commodity: "USD" },
];
const PERIODS = [
  { period: "2026", begin: "2026-01-01", end: "2027-01-01" },
  { period: "2026Q2", begin: "2026-04-01", end: "2026-07-01" },
  { period: "2026-03", begin: "2026-03-01", end: "2026-04-01" },
];

for (const sample of SAMPLES) {
  for (const pending of [false, true]) {
    const pendingArgs = pending ? ["--pending"] : [];
    describe(`${sample.name} sample${pending ? ", with pending claims" : ""}: reports agree with bal`, () => {
      for (const { period, begin, end } of PERIODS) {
        it(`structure ${period}: each account group and the total; shares add up to 100.00`, () => {
          const rows = csvRows(["report", "structure", sample.file, "-p", period, ...pendingArgs]);
          const total = rows.find((row) => row.row === "total")!;
          expectAmount(total.amount, balSum(sample.file, { begin, end }, under(sample.root), pending).get(sample.commodity), "total");
          for (const row of rows.filter((r) => r.row !== "total")) {
            expectAmount(row.amount, balSum(sample.file, { begin, end }, under(`${sample.root}:${row.group}`), pending).get(sample.commodity), row.group!);
          }
          const shares = rows.filter((r) => r.row !== "total").reduce((sum, row) => sum.plus(row.share!), new Decimal(0));
          expect(shares.toFixed(2)).toBe("100.00");
        });

        it(`structure ${period} --by customer --top 3: the same total, shares add up to 100.00`, () => {
          const rows = csvRows(["report", "structure", sample.file, "-p", period, "--by", "customer", "--top", "3", ...pendingArgs]);
          const total = rows.find((row) => row.row === "total")!;
          expectAmount(total.amount, balSum(sample.file, { begin, end }, under(sample.root), pending).get(sample.commodity), "total");
          const body = rows.filter((r) => r.row !== "total");
          expect(body.reduce((sum, row) => sum.plus(row.amount!), new Decimal(0)).equals(new Decimal(total.amount!))).toBe(true);
          expect(body.reduce((sum, row) => sum.plus(row.share!), new Decimal(0)).toFixed(2)).toBe("100.00");
        });

        it(`reg ${period}: the final running total of each pattern`, () => {
          for (const pattern of [sample.root, "Assets", sample.entertainment[0]!]) {
            const rows = csvRows(["reg", sample.file, pattern, "-p", period, ...pendingArgs]);
            const total = rows.find((row) => row.row === "total");
            const fromBal = balSum(sample.file, { begin, end }, (account) => new RegExp(pattern, "iu").test(account), pending).get(sample.commodity);
            expectAmount(total?.amount, fromBal, pattern);
            if (rows.length > 1) expect(rows[rows.length - 2]!.balance).toBe(total!.balance);
          }
        });

        it(`is ${period}: every line, total income, total expenses, net income`, () => {
          const rows = csvRows(["is", sample.file, "-p", period, ...pendingArgs]);
          const income = balSum(sample.file, { begin, end }, under("Income"), pending).get(sample.commodity) ?? zero;
          const expenses = balSum(sample.file, { begin, end }, under("Expenses"), pending).get(sample.commodity) ?? zero;
          const totals = new Map(rows.filter((r) => r.row === "total").map((r) => [r.account, r.amount]));
          expectAmount(totals.get("Total income"), income.negated(), "total income");
          expectAmount(totals.get("Total expenses"), expenses, "total expenses");
          expectAmount(totals.get("Net income"), income.negated().minus(expenses), "net income");
          for (const row of rows.filter((r) => r.row !== "total")) {
            const sign = row.section === "Income" ? -1 : 1;
            expectAmount(row.amount, balSum(sample.file, { begin, end }, (a) => a === row.account, pending).get(sample.commodity)?.times(sign), row.account!);
          }
        });

        it(`bs before ${end}: assets, liabilities, equity with earnings; assets = liabilities + equity`, () => {
          const rows = csvRows(["bs", sample.file, "-e", end, ...pendingArgs]);
          const totals = new Map(rows.filter((r) => r.row === "total").map((r) => [r.account, r.amount]));
          const sum = (root: string) => balSum(sample.file, { end }, under(root), pending).get(sample.commodity) ?? zero;
          expectAmount(totals.get("Total assets"), sum("Assets"), "assets");
          expectAmount(totals.get("Total liabilities"), sum("Liabilities").negated(), "liabilities");
          expectAmount(totals.get("Total equity"), sum("Equity").plus(sum("Income")).plus(sum("Expenses")).negated(), "equity");
          expect(totals.get("Total assets")).toBe(totals.get("Liabilities and equity"));
        });
      }

      it("trend -M over 2026: every month of the total row, the total column, every cell by account", () => {
        const rows = csvRows(["report", "trend", sample.file, "-M", "-p", "2026", ...pendingArgs]);
        const total = rows.find((row) => row.row === "total")!;
        for (let month = 1; month <= 12; month++) {
          const label = `2026-${String(month).padStart(2, "0")}`;
          const begin = `${label}-01`;
          const end = month === 12 ? "2027-01-01" : `2026-${String(month + 1).padStart(2, "0")}-01`;
          expectAmount(total[label], balSum(sample.file, { begin, end }, under(sample.root), pending).get(sample.commodity), label);
          for (const row of rows.filter((r) => r.row !== "total")) {
            expectAmount(row[label], balSum(sample.file, { begin, end }, under(`${sample.root}:${row.group}`), pending).get(sample.commodity), `${row.group} ${label}`);
          }
        }
        expectAmount(total.total, balSum(sample.file, { begin: "2026-01-01", end: "2027-01-01" }, under(sample.root), pending).get(sample.commodity), "year");
      });

      it("budget -Q over 2026: the actual of every budgeted account and quarter", () => {
        const rows = csvRows(["report", "budget", sample.file, "-Q", "-p", "2026", ...pendingArgs]);
        expect(rows.length).toBeGreaterThan(0);
        const quarters: Record<string, [string, string]> = {
          "2026-Q1": ["2026-01-01", "2026-04-01"], "2026-Q2": ["2026-04-01", "2026-07-01"], "2026-Q3": ["2026-07-01", "2026-10-01"],
          "2026-Q4": ["2026-10-01", "2027-01-01"], Total: ["2026-01-01", "2027-01-01"],
        };
        for (const row of rows) {
          const [begin, end] = quarters[row.row === "total" ? "Total" : row.period!]!;
          expectAmount(row.actual, balSum(sample.file, { begin, end }, under(row.account!), pending).get(row.commodity!), `${row.account} ${row.period}`);
          expectAmount(row.remaining, new Decimal(row.budget!).minus(row.actual!), "remaining");
        }
      });

      it("tax -Y: entertainment spent, revenue, and the 60% / 5‰ test", () => {
        const [row] = csvRows(["report", "tax", sample.file, "-Y", ...pendingArgs]);
        const range = { begin: "2026-01-01", end: "2027-01-01" };
        const spent = balSum(sample.file, range, (a) => sample.entertainment.some((e) => under(e)(a)), pending).get(sample.commodity)!;
        const revenue = balSum(sample.file, range, (a) => sample.revenue.some((r) => under(r)(a)), pending).get(sample.commodity)!.negated();
        expectAmount(row!.entertainment, spent, "entertainment");
        expectAmount(row!.revenue, revenue, "revenue");
        const deductible = Decimal.min(spent.times("0.6"), revenue.times("0.005"));
        expectAmount(row!.deductible, deductible, "deductible");
        expectAmount(row!.add_back, spent.minus(deductible), "add back");
      });
    });
  }
}
