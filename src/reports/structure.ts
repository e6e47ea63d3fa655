// The cost structure report (费用结构): how the costs under a root split into groups over a period,
// with each group's share, the number of postings, and optionally the same for another period and
// the change. Shares are per commodity and add up to exactly 100.00.
import type { LedgerEntry } from "../core/data.js";
import { exclusiveEndText } from "../core/dates.js";
import { Decimal } from "../core/number.js";
import { DecimalSum } from "../core/amount.js";
import type { DisplayScales } from "./display.js";
import {
  accountGroupsUnder, costPostings, foldGroup, groupCell, groupingCaption, keptGroups, orderGroups, type CostSelection, type Group,
} from "./grouping.js";
import { inRange } from "./periods.js";
import { forEachPosting, type PostingVisitor } from "../books/postings.js";
import { sharesOfTotal } from "./shares.js";
import {
  TOTAL, amountText, changePercent, localized, percentText, periodCaption,
  type Sheet, type SheetColumn, type SheetRow,
} from "./sheet.js";
import { phrase, phraseEach } from "../i18n/phrase.js";

export interface DateBounds {
  readonly begin: string | null;
  readonly end: string | null;
}

export interface StructureQuery extends DateBounds {
  readonly selection: CostSelection;
  /** Keep the N largest groups and fold the rest into "other". */
  readonly top: number | null;
  /** Another period to set beside this one. */
  readonly compare: DateBounds | null;
}

/** One period's figures for a group. */
export interface Figures {
  readonly amount: Decimal;
  /** Percent of the commodity's total, two decimals; null when the total is zero. */
  readonly share: Decimal | null;
  /** Postings counted. */
  readonly count: number;
}

export interface StructureRow {
  readonly group: Group;
  readonly commodity: string;
  readonly current: Figures;
  readonly compare: Figures | null;
}

export interface StructureReport {
  readonly query: StructureQuery;
  readonly rows: readonly StructureRow[];
  /** Per commodity: the sums of the rows. */
  readonly totals: readonly StructureRow[];
}

export interface Sum { readonly amount: Decimal; readonly count: number }

function emptySum(): Sum {
  return { amount: new Decimal(0), count: 0 };
}

/** commodity -> group -> sum, over the postings in range (exported for the tests: the sums grouped by account are held to it). */
export function sumByGroup(postings: ReturnType<typeof costPostings>, range: DateBounds): Map<string, Map<Group, Sum>> {
  const running = new Map<string, Map<Group, { total: DecimalSum; count: number }>>();
  for (const posting of postings) {
    if (!inRange(posting.date, range)) continue;
    let byGroup = running.get(posting.commodity);
    if (byGroup === undefined) running.set(posting.commodity, (byGroup = new Map()));
    let sum = byGroup.get(posting.group);
    if (sum === undefined) byGroup.set(posting.group, (sum = { total: new DecimalSum(), count: 0 }));
    sum.total.add(posting.units);
    sum.count++;
  }
  const sums = new Map<string, Map<Group, Sum>>();
  for (const [commodity, byGroup] of running) {
    sums.set(commodity, new Map([...byGroup].map(([group, sum]) => [group, { amount: sum.total.value, count: sum.count }])));
  }
  return sums;
}

function fold(byGroup: ReadonlyMap<Group, Sum>, kept: ReadonlySet<Group> | null): Map<Group, Sum> {
  const folded = new Map<Group, Sum>();
  for (const [group, sum] of byGroup) {
    const target = foldGroup(group, kept);
    const previous = folded.get(target) ?? emptySum();
    folded.set(target, { amount: previous.amount.plus(sum.amount), count: previous.count + sum.count });
  }
  return folded;
}

function figures(sums: readonly Sum[]): Figures[] {
  const shares = sharesOfTotal(sums.map((s) => s.amount));
  return sums.map((sum, index) => ({ amount: sum.amount, share: shares[index]!, count: sum.count }));
}

function total(sums: readonly Sum[]): Figures {
  const amount = sums.reduce((a, s) => a.plus(s.amount), new Decimal(0));
  return { amount, share: amount.isZero() ? null : new Decimal(100), count: sums.reduce((n, s) => n + s.count, 0) };
}

/**
 * sumByGroup of costPostings for each range, grouped by account (where a posting's group follows
 * from its account alone, as costPostings finds it): in one pass over the entries, the postings
 * read in place (forEachPosting) and summed as they are read, no object made per posting.
 */
function sumByAccountGroup(entries: readonly LedgerEntry[], root: string, depth: number, ranges: readonly DateBounds[]): Map<string, Map<Group, Sum>>[] {
  const running = ranges.map(() => new Map<string, Map<Group, { total: DecimalSum; count: number }>>());
  const groupOf = accountGroupsUnder(root, depth);
  let target = running[0]!;
  const visit: PostingVisitor = (account, currency, scaled, scale, decimal) => {
    const group = groupOf(account);
    if (group === null) return;
    let byGroup = target.get(currency);
    if (byGroup === undefined) target.set(currency, (byGroup = new Map()));
    let sum = byGroup.get(group);
    if (sum === undefined) byGroup.set(group, (sum = { total: new DecimalSum(), count: 0 }));
    sum.total.addUnits(scaled, scale, decimal);
    sum.count++;
  };
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    const date = entry.date;
    for (let index = 0; index < ranges.length; index++) {
      if (!inRange(date, ranges[index]!)) continue;
      target = running[index]!;
      forEachPosting(entry, visit);
    }
  }
  return running.map((byCommodity) => {
    const sums = new Map<string, Map<Group, Sum>>();
    for (const [commodity, byGroup] of byCommodity) {
      sums.set(commodity, new Map([...byGroup].map(([group, sum]) => [group, { amount: sum.total.value, count: sum.count }])));
    }
    return sums;
  });
}

/** The sums of each range (current, then compared): by account in one pass, else from costPostings. */
export function structureSums(entries: readonly LedgerEntry[], query: StructureQuery): Map<string, Map<Group, Sum>>[] {
  const ranges = query.compare === null ? [query] : [query, query.compare];
  const { grouping, root } = query.selection;
  if (grouping.kind === "account") return sumByAccountGroup(entries, root, grouping.depth, ranges);
  const postings = costPostings(entries, query.selection);
  return ranges.map((range) => sumByGroup(postings, range));
}

export function structureReport(entries: readonly LedgerEntry[], query: StructureQuery): StructureReport {
  const [current, compared = null] = structureSums(entries, query) as [Map<string, Map<Group, Sum>>, Map<string, Map<Group, Sum>>?];
  const commodities = [...new Set([...current.keys(), ...(compared?.keys() ?? [])])].sort();
  const rows: StructureRow[] = [];
  const totals: StructureRow[] = [];
  for (const commodity of commodities) {
    const raw = current.get(commodity) ?? new Map<Group, Sum>();
    const rawCompared = compared?.get(commodity) ?? new Map<Group, Sum>();
    const amountIn = (sums: ReadonlyMap<Group, Sum>) => (group: Group) => sums.get(group)?.amount ?? new Decimal(0);
    const visible = [...new Set([...raw.keys(), ...rawCompared.keys()])]
      .filter((group) => !amountIn(raw)(group).isZero() || !amountIn(rawCompared)(group).isZero());
    const kept = keptGroups(visible, amountIn(raw), query.top);
    const sums = fold(raw, kept);
    const comparedSums = fold(rawCompared, kept);
    const groups = orderGroups(new Set(visible.map((group) => foldGroup(group, kept))), amountIn(sums), query.selection.grouping);
    const currentSums = groups.map((group) => sums.get(group) ?? emptySum());
    const currentFigures = figures(currentSums);
    const comparedList = groups.map((group) => comparedSums.get(group) ?? emptySum());
    const comparedFigures = compared === null ? null : figures(comparedList);
    groups.forEach((group, index) => rows.push({
      group, commodity, current: currentFigures[index]!, compare: comparedFigures === null ? null : comparedFigures[index]!,
    }));
    totals.push({ group: "", commodity, current: total(currentSums), compare: compared === null ? null : total(comparedList) });
  }
  return { query, rows, totals };
}

export function structureSheet(report: StructureReport, scales: DisplayScales): Sheet {
  const { query } = report;
  const columns: SheetColumn[] = [
    { key: "group", header: phrase("label Group", {}), kind: "text", label: true, shrink: "start" },
    { key: "amount", header: phrase("column amount", {}), kind: "amount" },
    { key: "commodity", header: phrase("column commodity", {}), kind: "text" },
    { key: "share", header: phrase("structure Share", {}), kind: "percent" },
    { key: "count", header: phrase("structure Count", {}), kind: "count" },
  ];
  if (query.compare !== null) {
    columns.push(
      { key: "compare_amount", header: phrase("structure Compared", {}), kind: "amount" },
      { key: "compare_share", header: phrase("structure Share (cmp)", {}), kind: "percent" },
      { key: "compare_count", header: phrase("structure Count (cmp)", {}), kind: "count" },
      { key: "change", header: phrase("structure Change", {}), kind: "amount" },
      { key: "change_percent", header: phrase("structure Change %", {}), kind: "percent" },
    );
  }
  const toRow = (row: StructureRow, label: SheetRow["cells"][string]): SheetRow => {
    const cells: Record<string, SheetRow["cells"][string]> = {
      group: label,
      amount: amountText(row.current.amount, row.commodity, scales),
      commodity: row.commodity,
      share: percentText(row.current.share),
      count: String(row.current.count),
    };
    if (row.compare !== null) {
      cells.compare_amount = amountText(row.compare.amount, row.commodity, scales);
      cells.compare_share = percentText(row.compare.share);
      cells.compare_count = String(row.compare.count);
      cells.change = amountText(row.current.amount.minus(row.compare.amount), row.commodity, scales);
      cells.change_percent = percentText(changePercent(row.current.amount, row.compare.amount));
    }
    return { cells };
  };
  const grouping = groupingCaption(query.selection.grouping);
  const captionParts = [phrase("structure Cost structure", {}), localized(query.selection.root, query.selection.root), grouping, periodCaption(query.begin, query.end)];
  if (query.compare !== null) {
    const other = periodCaption(query.compare.begin, query.compare.end);
    captionParts.push(phraseEach("label compared with", { en: { period: other.en }, zh: { period: other.zh } }));
  }
  return {
    report: "structure",
    caption: captionParts,
    facts: {
      root: query.selection.root,
      begin: query.begin,
      end: exclusiveEndText(query.end),
      compare_begin: query.compare?.begin ?? null,
      compare_end: exclusiveEndText(query.compare?.end ?? null),
    },
    columns,
    rows: report.rows.map((row) => toRow(row, groupCell(row.group))),
    totals: report.totals.map((row) => toRow(row, TOTAL)),
    chart: { kind: "shares", label: ["group", "commodity"], value: "amount", share: "share" },
  };
}
