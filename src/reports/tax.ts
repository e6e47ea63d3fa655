// The 业务招待费 test of 企业所得税法实施条例 第四十三条, per year: entertainment is deductible at 60%
// of what was spent, but at most 5‰ of the year's sales revenue; the rest is added back to taxable
// income (纳税调增) and never carried forward.
//   entertainment: postings to accounts whose open has `tax: "entertainment"` (and their subaccounts)
//   revenue:       the negated balance of accounts marked `tax: "revenue"` (主营业务收入, 其他业务收入)
// Every figure is exact; nothing is rounded.
import type { LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import type { DisplayScales } from "./display.js";
import { accountsMarked } from "./journal-options.js";
import { isUnder } from "../core/accounts.js";
import { inRange } from "./periods.js";
import { TOTAL, amountText, periodCaption, type Cell, type Sheet, type SheetRow } from "./sheet.js";
import { phrase } from "../i18n/phrase.js";

export const DEDUCTIBLE_SHARE = new Decimal("0.6");
export const REVENUE_CAP = new Decimal("0.005");

export interface TaxQuery {
  readonly begin: string;
  readonly end: string;
}

export interface TaxRow {
  /** The year (2026), or null on the total row. */
  readonly year: string | null;
  readonly commodity: string;
  readonly entertainment: Decimal;
  readonly revenue: Decimal;
}

export interface TaxReport {
  readonly query: TaxQuery;
  readonly entertainmentAccounts: readonly string[];
  readonly revenueAccounts: readonly string[];
  readonly rows: readonly TaxRow[];
  /** Sums over the years, per commodity, when there is more than one year. */
  readonly totals: readonly TaxRow[];
}

/** The figures of the test for one year. */
export interface EntertainmentTest {
  readonly sixtyPercent: Decimal;
  readonly revenueCap: Decimal;
  readonly deductible: Decimal;
  readonly addBack: Decimal;
}

export function entertainmentTest(row: TaxRow): EntertainmentTest {
  const sixtyPercent = row.entertainment.times(DEDUCTIBLE_SHARE);
  const revenueCap = row.revenue.times(REVENUE_CAP);
  const deductible = Decimal.max(0, Decimal.min(sixtyPercent, revenueCap));
  return { sixtyPercent, revenueCap, deductible, addBack: row.entertainment.minus(deductible) };
}

export function taxReport(entries: readonly LedgerEntry[], query: TaxQuery): TaxReport {
  const entertainmentAccounts = accountsMarked(entries, "tax", "entertainment");
  const revenueAccounts = accountsMarked(entries, "tax", "revenue");
  // year -> commodity -> sum, in one pass: a range of thousands of years costs what its entries cost.
  // Postings read in place (forEachPosting), summed as scaled integers; each account classed once.
  const entertainmentSums = new Map<string, Map<string, DecimalSum>>();
  const revenueSums = new Map<string, Map<string, DecimalSum>>();
  const sumOf = (sums: Map<string, Map<string, DecimalSum>>, year: string, currency: string): DecimalSum => {
    let byCommodity = sums.get(year);
    if (byCommodity === undefined) sums.set(year, (byCommodity = new Map()));
    let sum = byCommodity.get(currency);
    if (sum === undefined) byCommodity.set(currency, (sum = new DecimalSum()));
    return sum;
  };
  const ENTERTAINMENT = 1;
  const REVENUE = 2;
  const classes = new Map<string, number>();
  const classOf = (account: string): number => {
    let found = classes.get(account);
    if (found === undefined) {
      found = (entertainmentAccounts.some((a) => isUnder(account, a)) ? ENTERTAINMENT : 0) | (revenueAccounts.some((a) => isUnder(account, a)) ? REVENUE : 0);
      classes.set(account, found);
    }
    return found;
  };
  let year = "";
  const addPosting: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    const found = classOf(account);
    if ((found & ENTERTAINMENT) !== 0) sumOf(entertainmentSums, year, currency).addUnits(scaled, scale, decimal);
    if ((found & REVENUE) !== 0) sumOf(revenueSums, year, currency).addUnits(-scaled, scale, decimal === null ? null : decimal.negated());
  };
  for (const entry of entries) {
    if (entry.type !== "transaction" || !inRange(entry.date, query)) continue;
    year = entry.date.slice(0, 4);
    forEachPosting(entry, addPosting);
  }
  const values = (sums: Map<string, Map<string, DecimalSum>>) => new Map([...sums].map(([key, byCommodity]) => [key, new Map([...byCommodity].map(([currency, sum]) => [currency, sum.value]))]));
  const entertainment = values(entertainmentSums);
  const revenue = values(revenueSums);
  const rows: TaxRow[] = [];
  for (const year of [...new Set([...entertainment.keys(), ...revenue.keys()])].sort()) {
    const spent = entertainment.get(year) ?? new Map<string, Decimal>();
    const earned = revenue.get(year) ?? new Map<string, Decimal>();
    for (const commodity of [...new Set([...spent.keys(), ...earned.keys()])].sort()) {
      rows.push({ year, commodity, entertainment: spent.get(commodity) ?? new Decimal(0), revenue: earned.get(commodity) ?? new Decimal(0) });
    }
  }
  const years = new Set(rows.map((row) => row.year));
  const totals: TaxRow[] = [];
  if (years.size > 1) {
    for (const commodity of [...new Set(rows.map((row) => row.commodity))].sort()) {
      const mine = rows.filter((row) => row.commodity === commodity);
      totals.push({
        year: null, commodity,
        entertainment: mine.reduce((sum, row) => sum.plus(row.entertainment), new Decimal(0)),
        revenue: mine.reduce((sum, row) => sum.plus(row.revenue), new Decimal(0)),
      });
    }
  }
  return { query, entertainmentAccounts, revenueAccounts, rows, totals };
}

export function taxSheet(report: TaxReport, scales: DisplayScales): Sheet {
  const money = (value: Decimal, commodity: string) => amountText(value, commodity, scales);
  const toRow = (row: TaxRow, year: Cell): SheetRow => {
    // A total row adds each year's own test: the cap holds year by year.
    const tests = row.year === null
      ? report.rows.filter((r) => r.commodity === row.commodity).map(entertainmentTest)
      : [entertainmentTest(row)];
    const sum = (pick: (test: EntertainmentTest) => Decimal) => tests.reduce((total, test) => total.plus(pick(test)), new Decimal(0));
    return {
      cells: {
        year,
        commodity: row.commodity,
        entertainment: money(row.entertainment, row.commodity),
        sixty_percent: money(sum((t) => t.sixtyPercent), row.commodity),
        revenue: money(row.revenue, row.commodity),
        revenue_cap: money(sum((t) => t.revenueCap), row.commodity),
        deductible: money(sum((t) => t.deductible), row.commodity),
        add_back: money(sum((t) => t.addBack), row.commodity),
      },
    };
  };
  const { query } = report;
  return {
    report: "tax",
    caption: [
      phrase("tax Entertainment deduction test (EIT Regulations art. 43)", {}),
      periodCaption(query.begin, query.end),
    ],
    facts: {
      begin: query.begin, end: exclusiveEndText(query.end),
      entertainment_accounts: report.entertainmentAccounts, revenue_accounts: report.revenueAccounts,
    },
    columns: [
      { key: "year", header: phrase("tax Year", {}), kind: "text", label: true },
      { key: "commodity", header: phrase("column commodity", {}), kind: "text", label: true },
      { key: "entertainment", header: phrase("tax Entertainment spent", {}), kind: "amount" },
      { key: "sixty_percent", header: phrase("tax 60% of it", {}), kind: "amount" },
      { key: "revenue", header: phrase("tax Sales revenue", {}), kind: "amount" },
      { key: "revenue_cap", header: phrase("tax 5‰ of revenue", {}), kind: "amount" },
      { key: "deductible", header: phrase("tax Deductible (the smaller)", {}), kind: "amount" },
      { key: "add_back", header: phrase("tax Added back (纳税调增)", {}), kind: "amount" },
    ],
    transpose: true,
    rows: report.rows.map((row) => toRow(row, row.year)),
    totals: report.totals.map((row) => toRow(row, TOTAL)),
  };
}
