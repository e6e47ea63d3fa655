// Long tables (a year of vouchers, a 明细账 of thousands of rows) are drawn a block of rows at a time
// with their headings put in by feeledger: the text is what cli-table3 draws for the whole table at
// once with its spanning heading cells, and the time grows with the rows, not their square.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { renderTable, type Column, type Row } from "../../src/render/table.js";

const Table = createRequire(import.meta.url)("cli-table3") as new (options: object) => { push(row: unknown): void; toString(): string };

const CHARS = {
  top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "",
  "bottom-right": "", left: "", "left-mid": "", mid: "─", "mid-mid": "─", right: "", "right-mid": "", middle: "  ",
};

/** The whole table drawn by cli-table3 at once, headings as cells spanning it (how tables were drawn). */
function drawnAtOnce(columns: readonly Column[], rows: readonly Row[], footer: readonly Row[]): string {
  const table = new Table({ head: columns.map((c) => c.header), style: { head: [], border: [], compact: true }, colAligns: columns.map((c) => c.align ?? "left"), chars: CHARS });
  const push = (row: Row) => table.push("heading" in row ? [{ content: row.heading, colSpan: columns.length }] : [...row.cells]);
  rows.forEach(push);
  if (footer.length > 0) {
    table.push(columns.map(() => ""));
    footer.forEach(push);
  }
  return table.toString().split("\n").map((line) => line.trimEnd()).join("\n");
}

const columns: Column[] = [{ header: "科目代码" }, { header: "科目名称" }, { header: "借方", align: "right" }, { header: "Balance", align: "right" }];

function rowsOf(count: number): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < count; index++) {
    if (index % 7 === 0) rows.push({ heading: `2026-01-${String((index % 28) + 1).padStart(2, "0")}  记-${String(index).padStart(4, "0")}  拜访客户` });
    rows.push({ cells: [String(6602 + (index % 5) * 101), index % 3 === 0 ? "管理费用-客户管理费-客户拜访" : "Bank", `${index * 37}.50`, `-${index}.00`] });
  }
  return rows;
}

describe("long tables", () => {
  it("draw as cli-table3 draws them at once, over several blocks, headings and footer included", () => {
    const rows = rowsOf(650);
    const footer: Row[] = [{ heading: "合计" }, { cells: ["", "", "12345.00", "0.00"] }];
    const ours = renderTable(columns, rows, { color: false }, footer);
    const theirs = drawnAtOnce(columns, rows.map((row) => ("cells" in row ? { cells: row.cells.map((cell, index) => (index >= 2 ? cell.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : cell)) } : row)), [
      { heading: "合计" }, { cells: ["", "", "12,345.00", "0.00"] },
    ]);
    expect(ours.split("\n").length).toBeGreaterThan(700);
    expect(ours).toBe(theirs);
  });

  // Counted, not timed (a timed ratio failed under load on CI): cli-table3 lays a table out in time
  // quadratic in its rows, so it lays out none of these, and each distinct text is measured once.
  it("are drawn without cli-table3's layout, measuring in proportion to their rows", () => {
    const load = createRequire(import.meta.url);
    const utilities = load("cli-table3/src/utils") as { strlen: (text: string) => number };
    const prototype = Table.prototype as { toString(): string };
    const { toString } = prototype;
    const { strlen } = utilities;
    let layouts = 0;
    let measures = 0;
    prototype.toString = function (this: unknown) {
      layouts++;
      return toString.call(this);
    };
    utilities.strlen = (text) => {
      measures++;
      return strlen(text);
    };
    const count = (rows: number) => {
      layouts = 0;
      measures = 0;
      const lines = renderTable(columns, rowsOf(rows), { color: false }).split("\n").length;
      return { layouts, measures, lines };
    };
    try {
      const small = count(1000);
      const large = count(4000);
      expect(large.lines).toBeGreaterThan(4000);
      expect([small.layouts, large.layouts]).toEqual([0, 0]);
      // None, whatever the rows: ASCII and the common CJK text of these headers and accounts are counted, not measured.
      expect([small.measures, large.measures]).toEqual([0, 0]);
    } finally {
      prototype.toString = toString;
      utilities.strlen = strlen;
    }
  });
});
