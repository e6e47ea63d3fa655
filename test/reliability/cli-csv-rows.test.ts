// Issue #11, item 18: a group really named "(unassigned)", "(other)" or "Total" could not be told
// from the rows a report makes up. CSV and JSON now say what each row is in a first column `row`
// (data, total, unassigned, other) and leave a made-up row's label empty; tables look as before.
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { journal, removeTemporaryFolders } from "./cli-support.js";

afterAll(removeTemporaryFolders);

const posting = (date: string, customer: string | null, amount: string) => `
${date} * "visit"
${customer === null ? "" : `  customer: "${customer}"\n`}  Expenses:Visits   ${amount} CNY
  Assets:Cash
`;

const TEXT = `2026-01-01 open Assets:Cash CNY
2026-01-01 open Expenses:Visits CNY
${posting("2026-01-05", "Total", "100.00")}${posting("2026-01-06", "(unassigned)", "40.00")}${posting("2026-01-07", "(other)", "30.00")}${posting("2026-01-08", null, "20.00")}${posting("2026-01-09", "ACME", "5.00")}${posting("2026-01-10", "Beta", "4.00")}`;

function csvRecords(args: readonly string[]): Record<string, string>[] {
  const run = runCli([...args, "--format", "csv"]);
  expect(run.code, run.stderr).toBe(0);
  const [header, ...rows] = parseCsv(run.stdout);
  expect(header![0]).toBe("row");
  return rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index]!])));
}

describe("made-up rows are marked in CSV and JSON", () => {
  const file = journal(TEXT);

  it("structure --by customer --top: real groups named Total, (unassigned), (other) are data", () => {
    const rows = csvRecords(["report", "structure", file, "--by", "customer", "--top", "4"]);
    expect(rows.map((row) => [row.row, row.group, row.amount])).toEqual([
      ["data", "Total", "100.00"],
      ["data", "(unassigned)", "40.00"],
      ["data", "(other)", "30.00"],
      ["unassigned", "", "20.00"],
      ["other", "", "9.00"],
      ["total", "", "199.00"],
    ]);
    const json = JSON.parse(runCli(["report", "structure", file, "--by", "customer", "--top", "4", "--format", "json"]).stdout);
    expect(json.rows.map((row: { row: string; group: string | null }) => [row.row, row.group])).toEqual([
      ["data", "Total"], ["data", "(unassigned)"], ["data", "(other)"], ["unassigned", null], ["other", null],
    ]);
    expect(json.totals.map((row: { row: string; group: string | null }) => [row.row, row.group])).toEqual([["total", null]]);
  });

  it("trend, reg, is, bs, budget and tax mark their totals the same way", () => {
    const trend = csvRecords(["report", "trend", file, "--by", "customer"]);
    expect(trend.filter((row) => row.group === "Total").map((row) => row.row)).toEqual(["data"]);
    expect(trend.filter((row) => row.row === "total").map((row) => [row.group, row.total])).toEqual([["", "199.00"]]);
    expect(trend.filter((row) => row.row === "unassigned").map((row) => [row.group, row.total])).toEqual([["", "20.00"]]);
    const reg = csvRecords(["reg", file, "Visits"]);
    expect(reg.at(-1)).toMatchObject({ row: "total", date: "", amount: "199.00" });
    expect(reg.slice(0, -1).every((row) => row.row === "data")).toBe(true);
    const income = csvRecords(["is", file]);
    expect(income.filter((row) => row.row === "total").map((row) => [row.section, row.account])).toEqual([
      ["", "Total income"], ["", "Total expenses"], ["", "Net income"],
    ]);
    expect(csvRecords(["bs", file]).filter((row) => row.row === "total").every((row) => row.section === "")).toBe(true);
    const tax = csvRecords(["report", "tax", file]);
    expect(tax.every((row) => row.row === "data" || (row.row === "total" && row.year === ""))).toBe(true);
  });

  it("tables look as before: the made-up labels are shown", () => {
    const table = runCli(["report", "structure", file, "--by", "customer", "--top", "4"]).stdout;
    expect(table).toContain(" Total ");
    expect(table.match(/\(unassigned\)/g)).toHaveLength(2);
    expect(table.match(/\(other\)/g)).toHaveLength(2);
  });
});
