// Customer profitability (客户盈利分析): per customer (or department), the revenue it brings, the
// customer-management costs spent on it by category (the report root's children), their total, the
// cost as a percent of revenue, the customer's share of all costs (exact: the shares add up to
// 100.00), the contribution (revenue − cost) and a rank by contribution. Revenue is income (under
// the income root) naming the customer on the posting or its transaction, or booked to an account
// opened with `customer:` metadata. Pooled postings (多客户) are split by the allocation rules.
// Customers with costs and no revenue, and with revenue and no costs, are both shown.
import type { LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import { accountValues } from "../allocation/allocator.js";
import { isUnder } from "../core/accounts.js";
import type { DisplayScales } from "./display.js";
import {
  OTHER_GROUP, UNASSIGNED_GROUP, forEachCostPosting, foldGroup, groupCell, groupingCaption, keptGroups, type Group,
} from "./grouping.js";
import { inRange } from "./periods.js";
import type { DateBounds } from "./structure.js";
import { sharesOfTotal } from "./shares.js";
import {
  TOTAL, amountText, localized, percentOf, percentText, periodCaption, type Cell, type Sheet, type SheetColumn, type SheetRow,
} from "./sheet.js";
import { phrase, phraseEach } from "../i18n/phrase.js";

export interface CustomersQuery extends DateBounds {
  /** The customer-management cost root. */
  readonly root: string;
  readonly incomeRoot: string;
  readonly by: "customer" | "department";
  /** Keep the N customers with the largest costs; fold the rest into "other". */
  readonly top: number | null;
  /** Another period to set beside this one. */
  readonly compare: DateBounds | null;
}

/** A row's figures in the compared period. */
export interface ComparedFigures {
  readonly revenue: Decimal;
  readonly cost: Decimal;
  readonly contribution: Decimal;
}

export interface CustomerRow {
  readonly group: Group;
  readonly commodity: string;
  readonly revenue: Decimal;
  /** Cost per category (the root's child account), in `categories` order. */
  readonly costs: readonly Decimal[];
  readonly cost: Decimal;
  /** Percent of all costs of the commodity; the rows' shares add up to 100.00. */
  readonly costShare: Decimal | null;
  /** Cost as a percent of revenue; null without revenue. */
  readonly costRatio: Decimal | null;
  readonly contribution: Decimal;
  /** 1 for the largest contribution; null for (unassigned) and (other). */
  readonly rank: number | null;
  /** With --compare: the same customer in the other period. */
  readonly compare: ComparedFigures | null;
}

export interface CustomersReport {
  readonly query: CustomersQuery;
  readonly categories: readonly string[];
  readonly rows: readonly CustomerRow[];
  readonly totals: readonly CustomerRow[];
}

interface Running { revenue: DecimalSum; costs: Map<string, DecimalSum> }

function categoryOf(account: string, root: string): string {
  if (account === root) return root.split(":").pop()!;
  return account.split(":")[root.split(":").length]!;
}

export function customersReport(entries: readonly LedgerEntry[], query: CustomersQuery): CustomersReport {
  const grouping = { kind: "meta", key: query.by } as const;
  const byAccount = accountValues(entries, query.by);
  const table = new Map<string, Map<Group, Running>>();
  const compareTable = new Map<string, Map<Group, Running>>();
  const runningIn = (commodity: string, group: Group, table: Map<string, Map<Group, Running>>): Running => {
    let byGroup = table.get(commodity);
    if (byGroup === undefined) table.set(commodity, (byGroup = new Map()));
    let sums = byGroup.get(group);
    if (sums === undefined) byGroup.set(group, (sums = { revenue: new DecimalSum(), costs: new Map() }));
    return sums;
  };
  // Each account's category (the root's child it is under), or null for an income account.
  const categoryByAccount = new Map<string, string | null>();
  const add = (within: Map<string, Map<Group, Running>>, group: Group, account: string, currency: string, scaled: number, scale: number, decimal: Decimal | null): void => {
    let category = categoryByAccount.get(account);
    if (category === undefined) categoryByAccount.set(account, (category = isUnder(account, query.root) ? categoryOf(account, query.root) : null));
    if (category !== null) {
      const costs = runningIn(currency, group, within).costs;
      let sum = costs.get(category);
      if (sum === undefined) costs.set(category, (sum = new DecimalSum()));
      sum.addUnits(scaled, scale, decimal);
      return;
    }
    const revenueGroup = group === UNASSIGNED_GROUP ? byAccount.get(account) ?? null : group;
    // Income that names no customer is not a customer's revenue.
    if (revenueGroup === null) return;
    runningIn(currency, revenueGroup, within).revenue.addUnits(scaled, scale, decimal);
  };
  // One pass over the books for both costs and revenue.
  forEachCostPosting(entries, [query.root, query.incomeRoot], grouping, query.incomeRoot, (date, group, account, currency, scaled, scale, decimal) => {
    if (inRange(date, query)) add(table, group, account, currency, scaled, scale, decimal);
    if (query.compare !== null && inRange(date, query.compare)) add(compareTable, group, account, currency, scaled, scale, decimal);
  });
  // The categories with a posting in either period.
  const categories = new Set<string>();
  for (const within of [table, compareTable]) for (const byGroup of within.values()) for (const sums of byGroup.values()) for (const category of sums.costs.keys()) categories.add(category);
  const categoryList = [...categories].sort();
  const rows: CustomerRow[] = [];
  const totals: CustomerRow[] = [];
  const settled = (byGroup: Map<Group, Running> | undefined) => new Map<Group, { revenue: Decimal; costs: Decimal[] }>([...byGroup ?? []].map(([group, sums]) => [group, {
    revenue: sums.revenue.value.neg(),
    costs: categoryList.map((category) => sums.costs.get(category)?.value ?? new Decimal(0)),
  }]));
  for (const commodity of [...new Set([...table.keys(), ...compareTable.keys()])].sort()) {
    const raw = settled(table.get(commodity));
    const rawCompared = settled(compareTable.get(commodity));
    // A customer of the compared period only is a row too, with nothing in this one.
    for (const group of rawCompared.keys()) if (!raw.has(group)) raw.set(group, { revenue: new Decimal(0), costs: categoryList.map(() => new Decimal(0)) });
    const costOf = (group: Group) => (raw.get(group)?.costs ?? []).reduce((a, b) => a.plus(b), new Decimal(0));
    const named = [...raw.keys()].filter((group) => typeof group === "string");
    const kept = keptGroups(named, costOf, query.top);
    const folded = new Map<Group, { revenue: Decimal; costs: Decimal[] }>();
    for (const [group, sums] of raw) {
      const other = rawCompared.get(group);
      // A pool whose postings all moved to their parts (or cancel out) is not a customer.
      const empty = (figures: { revenue: Decimal; costs: Decimal[] } | undefined) => figures === undefined || (figures.revenue.isZero() && figures.costs.every((cost) => cost.isZero()));
      if (empty(sums) && empty(other)) continue;
      const target = typeof group === "string" ? foldGroup(group, kept) : group;
      const previous = folded.get(target);
      folded.set(target, previous === undefined ? { revenue: sums.revenue, costs: [...sums.costs] }
        : { revenue: previous.revenue.plus(sums.revenue), costs: previous.costs.map((cost, index) => cost.plus(sums.costs[index]!)) });
    }
    const contributions = new Map<Group, Decimal>();
    for (const [group, sums] of folded) contributions.set(group, sums.revenue.minus(sums.costs.reduce((a, b) => a.plus(b), new Decimal(0))));
    // (Sorted with their contributions at hand: no look-up per comparison.)
    const ranked = [...contributions].filter(([group]) => typeof group === "string")
      .sort(([a, ofA], [b, ofB]) => ofB.comparedTo(ofA) || (String(a) < String(b) ? -1 : 1)).map(([group]) => group);
    const order: Group[] = [...ranked];
    if (folded.has(UNASSIGNED_GROUP)) order.push(UNASSIGNED_GROUP);
    if (folded.has(OTHER_GROUP)) order.push(OTHER_GROUP);
    const costsOf = order.map((group) => folded.get(group)!.costs.reduce((a, b) => a.plus(b), new Decimal(0)));
    const compared = new Map<Group, ComparedFigures>();
    if (query.compare !== null) {
      for (const [group, sums] of rawCompared) {
        const target = typeof group === "string" ? foldGroup(group, kept) : group;
        const cost = sums.costs.reduce((a, b) => a.plus(b), new Decimal(0));
        const previous = compared.get(target);
        const revenue = sums.revenue.plus(previous?.revenue ?? 0);
        const total = cost.plus(previous?.cost ?? 0);
        compared.set(target, { revenue, cost: total, contribution: revenue.minus(total) });
      }
    }
    const comparedOf = (group: Group): ComparedFigures | null => query.compare === null ? null
      : compared.get(group) ?? { revenue: new Decimal(0), cost: new Decimal(0), contribution: new Decimal(0) };
    const shares = sharesOfTotal(costsOf);
    order.forEach((group, index) => {
      const sums = folded.get(group)!;
      const cost = costsOf[index]!;
      rows.push({
        group, commodity, revenue: sums.revenue, costs: sums.costs, cost, costShare: shares[index]!,
        costRatio: percentOf(cost, sums.revenue), contribution: sums.revenue.minus(cost),
        rank: typeof group === "string" ? index + 1 : null, compare: comparedOf(group),
      });
    });
    const revenue = [...folded.values()].reduce((a, s) => a.plus(s.revenue), new Decimal(0));
    const cost = costsOf.reduce((a, b) => a.plus(b), new Decimal(0));
    totals.push({
      group: "", commodity, revenue, cost, contribution: revenue.minus(cost), rank: null,
      costs: categoryList.map((_, index) => [...folded.values()].reduce((a, s) => a.plus(s.costs[index]!), new Decimal(0))),
      costShare: cost.isZero() ? null : new Decimal(100), costRatio: percentOf(cost, revenue),
      compare: query.compare === null ? null : [...compared.values()].reduce((a, c) => ({
        revenue: a.revenue.plus(c.revenue), cost: a.cost.plus(c.cost), contribution: a.contribution.plus(c.contribution),
      }), { revenue: new Decimal(0), cost: new Decimal(0), contribution: new Decimal(0) }),
    });
  }
  return { query, categories: categoryList, rows, totals };
}

function compareCaption(compare: DateBounds) {
  const other = periodCaption(compare.begin, compare.end);
  return phraseEach("label compared with", { en: { period: other.en }, zh: { period: other.zh } });
}

export function customersSheet(report: CustomersReport, scales: DisplayScales): Sheet {
  const { query } = report;
  const name = query.by === "customer" ? phrase("customers Customer", {}) : phrase("customers Department", {});
  const columns: SheetColumn[] = [
    { key: "rank", header: phrase("customers Rank", {}), kind: "count" },
    { key: query.by, header: name, kind: "text", label: true, shrink: "end" },
    { key: "revenue", header: phrase("customers Revenue", {}), kind: "amount" },
    ...report.categories.map((category): SheetColumn => ({ key: `cost:${category}`, header: localized(category, category), kind: "amount" })),
    { key: "cost", header: phrase("customers Cost", {}), kind: "amount" },
    { key: "cost_share", header: phrase("customers Cost share", {}), kind: "percent" },
    { key: "cost_ratio", header: phrase("customers Cost/revenue", {}), kind: "percent" },
    { key: "contribution", header: phrase("customers Contribution", {}), kind: "amount" },
    { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
  ];
  if (query.compare !== null) {
    columns.push(
      { key: "compare_revenue", header: phrase("customers Revenue (cmp)", {}), kind: "amount" },
      { key: "compare_cost", header: phrase("customers Cost (cmp)", {}), kind: "amount" },
      { key: "compare_contribution", header: phrase("customers Contribution (cmp)", {}), kind: "amount" },
      { key: "change", header: phrase("customers Change", {}), kind: "amount" },
    );
  }
  const toRow = (row: CustomerRow, label: Cell): SheetRow => {
    const cells: Record<string, Cell> = {
      rank: row.rank === null ? null : String(row.rank),
      [query.by]: label,
      revenue: amountText(row.revenue, row.commodity, scales),
      cost: amountText(row.cost, row.commodity, scales),
      cost_share: percentText(row.costShare),
      cost_ratio: percentText(row.costRatio),
      contribution: amountText(row.contribution, row.commodity, scales),
      commodity: row.commodity,
    };
    report.categories.forEach((category, index) => { cells[`cost:${category}`] = amountText(row.costs[index]!, row.commodity, scales); });
    if (row.compare !== null) {
      cells.compare_revenue = amountText(row.compare.revenue, row.commodity, scales);
      cells.compare_cost = amountText(row.compare.cost, row.commodity, scales);
      cells.compare_contribution = amountText(row.compare.contribution, row.commodity, scales);
      cells.change = amountText(row.contribution.minus(row.compare.contribution), row.commodity, scales);
    }
    return { cells, alert: row.rank !== null && row.contribution.isNegative() };
  };
  return {
    report: "customers",
    caption: [
      phrase("customers Customer profitability", {}), localized(query.root, query.root), groupingCaption({ kind: "meta", key: query.by }), periodCaption(query.begin, query.end),
      ...(query.compare === null ? [] : [compareCaption(query.compare)]),
    ],
    facts: {
      root: query.root, income_root: query.incomeRoot, by: query.by, begin: query.begin, end: exclusiveEndText(query.end),
      compare_begin: query.compare?.begin ?? null, compare_end: exclusiveEndText(query.compare?.end ?? null),
    },
    columns,
    rows: report.rows.map((row) => toRow(row, groupCell(row.group))),
    totals: report.totals.map((row) => toRow(row, TOTAL)),
  };
}
