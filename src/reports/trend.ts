// The trend report (费用变动趋势): costs under a root per month, quarter or year, one column per
// period, by group, with a total column and row, and the latest period set against the one before
// it (环比) and against the same days a year before (同比).
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import type { DisplayScales } from "./display.js";
import {
  accountGroupsUnder, costPostings, foldGroup, type CostPosting, groupCell, groupingCaption, keptGroups, orderGroups, type CostSelection, type Group,
} from "./grouping.js";
import { inRange, intervalMonths, periodIndex, reportPeriods, shiftPeriod, yearsOf, type Interval, type Period } from "./periods.js";
import {
  TOTAL, amountText, changePercent, intervalCaption, localized, omittedCaption, omittedFacts, percentText, periodCaption,
  type Cell, type Sheet, type SheetColumn, type SheetRow,
} from "./sheet.js";
import { phrase } from "../i18n/phrase.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";

export interface TrendQuery {
  readonly selection: CostSelection;
  readonly begin: string;
  readonly end: string;
  readonly interval: Interval;
  readonly top: number | null;
  /**
   * Today: periods that have not started are left out (never compared), unless costs are dated
   * after today in the range (a journal with entries to come shows them).
   */
  readonly today?: string;
}

export interface TrendRow {
  readonly group: Group;
  readonly commodity: string;
  /** One amount per period. */
  readonly amounts: readonly Decimal[];
  readonly total: Decimal;
  /** The latest period's days one period earlier. */
  readonly previous: Decimal;
  /** The latest period's days a year earlier. */
  readonly yearAgo: Decimal;
}

export interface TrendReport {
  readonly query: TrendQuery;
  /** The periods shown: those of the range in years with data (see reportPeriods). */
  readonly periods: readonly Period[];
  /** Runs of years in the range without data, left out. */
  readonly omitted: readonly string[];
  readonly previous: Period;
  readonly yearAgo: Period;
  readonly rows: readonly TrendRow[];
  /** Per commodity, the sums of the rows. */
  readonly totals: readonly TrendRow[];
}

export interface Sums { amounts: Decimal[]; previous: Decimal; yearAgo: Decimal }

const zero = () => new Decimal(0);

function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), zero());
}

function addSums(target: Sums, source: Sums): void {
  source.amounts.forEach((amount, index) => { target.amounts[index] = target.amounts[index]!.plus(amount); });
  target.previous = target.previous.plus(source.previous);
  target.yearAgo = target.yearAgo.plus(source.yearAgo);
}

type Running = Map<string, Map<Group, { amounts: DecimalSum[]; previous: DecimalSum; yearAgo: DecimalSum }>>;

function runningSums(running: Running, commodity: string, group: Group, periods: readonly Period[]) {
  let byGroup = running.get(commodity);
  if (byGroup === undefined) running.set(commodity, (byGroup = new Map()));
  let sums = byGroup.get(group);
  if (sums === undefined) byGroup.set(group, (sums = { amounts: periods.map(() => new DecimalSum()), previous: new DecimalSum(), yearAgo: new DecimalSum() }));
  return sums;
}

function finished(running: Running): Map<string, Map<Group, Sums>> {
  const raw = new Map<string, Map<Group, Sums>>();
  for (const [commodity, byGroup] of running) {
    raw.set(commodity, new Map([...byGroup].map(([group, sums]) => [group, { amounts: sums.amounts.map((sum) => sum.value), previous: sums.previous.value, yearAgo: sums.yearAgo.value }])));
  }
  return raw;
}

/**
 * commodity -> group -> sums per period, the previous period and the year-ago one, of cost postings
 * (added up as scaled integers: DecimalSum, no Decimal per posting). Exported for the tests.
 */
export function postingSums(postings: readonly CostPosting[], periods: readonly Period[], previous: Period, yearAgo: Period): Map<string, Map<Group, Sums>> {
  const running: Running = new Map();
  for (const posting of postings) {
    const index = periodIndex(periods, posting.date);
    const isPrevious = inRange(posting.date, previous);
    const isYearAgo = inRange(posting.date, yearAgo);
    if (index < 0 && !isPrevious && !isYearAgo) continue;
    const sums = runningSums(running, posting.commodity, posting.group, periods);
    if (index >= 0) sums.amounts[index]!.add(posting.units);
    if (isPrevious) sums.previous.add(posting.units);
    if (isYearAgo) sums.yearAgo.add(posting.units);
  }
  return finished(running);
}

/** What the trend derives from the cost postings, grouped by account (exported for the tests). */
export interface AccountCosts {
  /** The years with cost postings. */
  readonly years: ReadonlySet<number>;
  /** Whether a cost posting is dated after `after` and before `before`. */
  toCome(after: string, before: string): boolean;
  /** postingSums of costPostings, the postings read in place (forEachPosting), in the same order. */
  sums(periods: readonly Period[], previous: Period, yearAgo: Period): Map<string, Map<Group, Sums>>;
}

/** The cost postings under `root` grouped by account `depth` deep, read in place: see AccountCosts. */
export function accountCosts(entries: readonly LedgerEntry[], root: string, depth: number): AccountCosts {
  // A posting's account -> its group (as costPostings finds it), or null when it is not under the root.
  const groupOf = accountGroupsUnder(root, depth);
  const transactions = entries.filter((entry): entry is BookedTransaction => entry.type === "transaction");
  let found = false;
  const find: PostingVisitor = (account) => { if (!found && groupOf(account) !== null) found = true; };
  const hasCosts = (transaction: BookedTransaction) => {
    found = false;
    forEachPosting(transaction, find);
    return found;
  };
  const years = new Set<number>();
  for (const transaction of transactions) {
    const year = Number(transaction.date.slice(0, 4));
    if (!years.has(year) && hasCosts(transaction)) years.add(year);
  }
  return {
    years,
    toCome: (after, before) => transactions.some((transaction) => transaction.date > after && transaction.date < before && hasCosts(transaction)),
    sums(periods, previous, yearAgo) {
      const running: Running = new Map();
      let index = -1;
      let isPrevious = false;
      let isYearAgo = false;
      const visit: PostingVisitor = (account, currency, scaled, scale, decimal) => {
        const group = groupOf(account);
        if (group === null) return;
        const sums = runningSums(running, currency, group, periods);
        if (index >= 0) sums.amounts[index]!.addUnits(scaled, scale, decimal);
        if (isPrevious) sums.previous.addUnits(scaled, scale, decimal);
        if (isYearAgo) sums.yearAgo.addUnits(scaled, scale, decimal);
      };
      for (const transaction of transactions) {
        const date = transaction.date;
        index = periodIndex(periods, date);
        isPrevious = inRange(date, previous);
        isYearAgo = inRange(date, yearAgo);
        if (index < 0 && !isPrevious && !isYearAgo) continue;
        forEachPosting(transaction, visit);
      }
      return finished(running);
    },
  };
}

/** The trend over the periods of the range in years with costs; null when there are none. */
export function trendReport(entries: readonly LedgerEntry[], query: TrendQuery): TrendReport | null {
  const { grouping, root } = query.selection;
  const today = query.today;
  // Grouped by account, the postings are read in place (accountCosts), no object made per posting.
  const byAccount = grouping.kind === "account" ? accountCosts(entries, root, grouping.depth) : null;
  const postings = byAccount === null ? costPostings(entries, query.selection) : null;
  const dates = byAccount ?? {
    years: yearsOf(postings!.map((posting) => posting.date)),
    toCome: (after: string, before: string) => postings!.some((posting) => posting.date > after && posting.date < before),
  };
  const shown = reportPeriods(query.begin, query.end, query.interval, dates.years);
  const { omitted } = shown;
  const toCome = today !== undefined && dates.toCome(today, query.end);
  const periods = today === undefined || toCome ? shown.periods : shown.periods.filter((period) => period.begin <= today);
  const latest = periods[periods.length - 1];
  if (latest === undefined) return null;
  if (latest.end < query.end) query = { ...query, end: latest.end };
  const previous = shiftPeriod(latest, query.interval, -intervalMonths(query.interval));
  const yearAgo = shiftPeriod(latest, query.interval, -12);
  const emptySums = (): Sums => ({ amounts: periods.map(zero), previous: zero(), yearAgo: zero() });

  // commodity -> group -> sums, added up as scaled integers (DecimalSum: no Decimal per posting)
  const raw = byAccount !== null ? byAccount.sums(periods, previous, yearAgo) : postingSums(postings!, periods, previous, yearAgo);

  const rows: TrendRow[] = [];
  const totals: TrendRow[] = [];
  for (const commodity of [...raw.keys()].sort()) {
    const byGroup = raw.get(commodity)!;
    const visible = [...byGroup.keys()].filter((group) => {
      const sums = byGroup.get(group)!;
      return sums.amounts.some((a) => !a.isZero()) || !sums.previous.isZero() || !sums.yearAgo.isZero();
    });
    const totalOf = (sums: Sums | undefined) => (sums === undefined ? zero() : sumOf(sums.amounts));
    const kept = keptGroups(visible, (group) => totalOf(byGroup.get(group)), query.top);
    const folded = new Map<Group, Sums>();
    for (const group of visible) {
      const target = foldGroup(group, kept);
      let sums = folded.get(target);
      if (sums === undefined) folded.set(target, (sums = emptySums()));
      addSums(sums, byGroup.get(group)!);
    }
    const grandTotal = emptySums();
    for (const group of orderGroups(folded.keys(), (group) => totalOf(folded.get(group)), query.selection.grouping)) {
      const sums = folded.get(group)!;
      addSums(grandTotal, sums);
      rows.push({ group, commodity, amounts: sums.amounts, total: sumOf(sums.amounts), previous: sums.previous, yearAgo: sums.yearAgo });
    }
    totals.push({
      group: "", commodity, amounts: grandTotal.amounts, total: sumOf(grandTotal.amounts), previous: grandTotal.previous, yearAgo: grandTotal.yearAgo,
    });
  }
  return { query, periods, omitted, previous, yearAgo, rows, totals };
}

export function trendSheet(report: TrendReport, scales: DisplayScales): Sheet {
  const { query, periods } = report;
  const latest = periods[periods.length - 1]!;
  const columns: SheetColumn[] = [
    { key: "group", header: phrase("label Group", {}), kind: "text", label: true, shrink: "start" },
    { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
    { key: "sparkline", header: phrase("trend Trend", {}), kind: "text", show: "table" },
    ...periods.map((period): SheetColumn => ({ key: period.label, header: localized(period.label, period.label), kind: "amount" })),
    { key: "total", header: phrase("table total", {}), kind: "amount" },
    { key: "previous", header: phrase("trend Previous", { period: report.previous.label }), kind: "amount" },
    { key: "change_previous", header: phrase("trend Change vs previous", {}), kind: "amount" },
    { key: "change_previous_percent", header: phrase("trend Change vs previous %", {}), kind: "percent" },
    { key: "year_ago", header: phrase("trend Year ago", { period: report.yearAgo.label }), kind: "amount" },
    { key: "change_year_ago", header: phrase("trend Change vs year ago", {}), kind: "amount" },
    { key: "change_year_ago_percent", header: phrase("trend Change vs year ago %", {}), kind: "percent" },
  ];
  const last = (row: TrendRow) => row.amounts[row.amounts.length - 1]!;
  const toRow = (row: TrendRow, label: Cell): SheetRow => {
    const cells: Record<string, Cell> = { group: label, commodity: row.commodity };
    const amounts = row.amounts.map((amount) => amountText(amount, row.commodity, scales));
    cells.sparkline = { series: amounts };
    periods.forEach((period, index) => { cells[period.label] = amounts[index]!; });
    cells.total = amountText(row.total, row.commodity, scales);
    cells.previous = amountText(row.previous, row.commodity, scales);
    cells.change_previous = amountText(last(row).minus(row.previous), row.commodity, scales);
    cells.change_previous_percent = percentText(changePercent(last(row), row.previous));
    cells.year_ago = amountText(row.yearAgo, row.commodity, scales);
    cells.change_year_ago = amountText(last(row).minus(row.yearAgo), row.commodity, scales);
    cells.change_year_ago_percent = percentText(changePercent(last(row), row.yearAgo));
    return { cells };
  };
  return {
    report: "trend",
    caption: [
      phrase("trend Cost trend", {}), localized(query.selection.root, query.selection.root),
      groupingCaption(query.selection.grouping), intervalCaption(query.interval), periodCaption(query.begin, query.end),
      phrase("trend latest vs", { latest: latest.label, previous: report.previous.label, yearAgo: report.yearAgo.label }),
      ...omittedCaption(report.omitted),
    ],
    facts: {
      root: query.selection.root, interval: query.interval, begin: query.begin, end: exclusiveEndText(query.end),
      latest: latest.label, previous: report.previous.label, year_ago: report.yearAgo.label, ...omittedFacts(report.omitted),
    },
    columns,
    rows: report.rows.map((row) => toRow(row, groupCell(row.group))),
    totals: report.totals.map((row) => toRow(row, TOTAL)),
    chart: { kind: "lines", label: ["group", "commodity"], values: periods.map((period) => period.label) },
  };
}
