// The claims list draws its table itself (src/claims/list-table.ts): the same bytes as
// writeTableFrom for any cells, columns, footer and width, colour off.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeListTable } from "../../src/claims/list-table.js";
import { writeTableFrom, type Column, type Row } from "../../src/render/table.js";
import { tableArbitraries } from "../helpers/table-cells.js";

const pieces = ["", "a", "EC-2026-001", "1234.56", "-20.00", "12", "王伟", "华东销售部", "上海恒通食品", "…", "é", "😀", "\u0301", "ｱ", " ", "x y", "\x1b[1m", "a\nb", "\u202e", "posted", "budget-exceeded, policy-per-claim", "12%", "\u3000", "\u00a0", "\ufeff"];
const { cell, column } = tableArbitraries(pieces);

function both(columns: readonly Column[], rows: readonly (readonly string[] | Row)[], footer: readonly (readonly string[] | Row)[], width: number | undefined): [string, string] {
  const source = (visit: (row: readonly string[] | Row) => void) => { for (const row of rows) visit(row); };
  const table: string[] = [];
  writeTableFrom(columns, source, { color: false, width }, footer, (text) => { table.push(text); });
  const list: string[] = [];
  writeListTable(columns, source, { color: false, width }, footer, (text) => { list.push(text); });
  // Written as bytes: the UTF-8 of the same text (a lone surrogate as U+FFFD, as Buffer.from writes it),
  // whether the pieces are given back (copied: their buffer is then filled again) or kept as given
  // (a stream that holds them: none is written over).
  const text = Buffer.from(list.join(""), "utf8");
  const asText = () => { throw new Error("written as text"); };
  const copied: Buffer[] = [];
  writeListTable(columns, source, { color: false, width }, footer, asText, 0, (piece) => { copied.push(Buffer.from(piece)); return true; });
  expect(Buffer.concat(copied).equals(text)).toBe(true);
  const kept: Buffer[] = [];
  writeListTable(columns, source, { color: false, width }, footer, asText, 0, (piece) => { kept.push(piece); });
  expect(Buffer.concat(kept).equals(text)).toBe(true);
  return [list.join(""), table.join("")];
}

describe("writeListTable", () => {
  it("draws what writeTableFrom draws", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 7 }).chain((count) => fc.record({
        columns: fc.array(column, { minLength: count, maxLength: count }),
        // (Rows a cell short or long too: a missing cell is empty, an extra one not shown.)
        rows: fc.array(fc.array(cell, { minLength: count - 1, maxLength: count + 1 }), { maxLength: 8 }),
        footer: fc.array(fc.array(cell, { minLength: count, maxLength: count }), { maxLength: 2 }),
        width: fc.option(fc.integer({ min: 10, max: 140 }), { nil: undefined }),
      })),
      ({ columns, rows, footer, width }) => {
        const [list, table] = both(columns, rows, footer, width);
        expect(list).toBe(table);
      },
    ), { numRuns: 3000 });
  });

  it("draws heading lines and alert rows as writeTableFrom does", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 7 }).chain((count) => {
        const cells = fc.array(cell, { minLength: count - 1, maxLength: count + 1 });
        const row: fc.Arbitrary<readonly string[] | Row> = fc.oneof(
          cells,
          cells.map((given) => ({ cells: given, alert: true })),
          cells.map((given) => ({ cells: given })),
          cell.map((heading) => ({ heading })),
        );
        return fc.record({
          columns: fc.array(column, { minLength: count, maxLength: count }),
          rows: fc.array(row, { maxLength: 8 }),
          footer: fc.array(row, { maxLength: 3 }),
          width: fc.option(fc.integer({ min: 10, max: 140 }), { nil: undefined }),
        });
      }),
      ({ columns, rows, footer, width }) => {
        const [list, table] = both(columns, rows, footer, width);
        expect(list).toBe(table);
      },
    ), { numRuns: 3000 });
  });

  it("draws a long list as writeTableFrom does, split and cut", () => {
    const columns: Column[] = [
      { header: "Claim", repeat: true }, { header: "Date" }, { header: "Claimant", shrink: "end" }, { header: "Department", shrink: "end" },
      { header: "Customer", shrink: "end" }, { header: "Status" }, { header: "Paid" }, { header: "Amount", align: "right" }, { header: "Commodity" },
      { header: "Receipts", align: "right" }, { header: "Problems", shrink: "end" },
    ];
    const names = ["王伟", "李娜", "欧阳明月", "Alice"];
    const rows = Array.from({ length: 5000 }, (_, n) => [
      `EC-2026-${String(n).padStart(5, "0")}`, "2026-01-08", names[n % 4]!, n % 3 === 0 ? "" : "华东销售部", `客户${n % 17}有限公司`.repeat(1 + (n % 3)),
      "posted", n % 2 === 0 ? "paid" : "unpaid", `${n * 137}.${String(n % 100).padStart(2, "0")}`, "CNY", String(n % 5), n % 7 === 0 ? "budget-exceeded, policy-per-claim" : "",
    ]);
    const footer = [["Total", "", "", "", "", "", "", "123456789.00", "CNY", "", ""]];
    for (const width of [40, 60, 80, 100, 160, 400, undefined]) {
      const [list, table] = both(columns, rows, footer, width);
      expect(list).toBe(table);
    }
  });

  it("draws columns of many texts, plain ASCII or not, as writeTableFrom does", () => {
    // (More texts than a column keeps drawn: each cell written as it comes, a plain ASCII text from
    // the bytes kept as it was read, any other from its text.)
    const columns: Column[] = [
      { header: "Id", repeat: true }, { header: "Text", shrink: "end" }, { header: "Number", align: "right" }, { header: "Last" },
    ];
    const texts = (n: number) => [`ID-${n}`, `王${n}`, `a b ${n}`, `${n}\u00e9`, `x${n} `, `\u3000${n}`, `${n}`.repeat(1 + (n % 9))][n % 7]!;
    const rows = Array.from({ length: 6000 }, (_, n) => [texts(n), texts(n + 3), n % 11 === 0 ? `${n}%` : `${n * 7919}.${n % 10}`, n % 5 === 0 ? "" : texts(n + 5)]);
    const footer = [["Total", "", "123456789.00", ""]];
    for (const width of [30, 50, 80, 120, undefined]) {
      const [list, table] = both(columns, rows, footer, width);
      expect(list).toBe(table);
    }
  });
  it("draws the same table whatever number of rows it is told to expect", () => {
    // (Room made at once for the rows expected, a column's texts appended past it or short of it:
    // a column of ids stops looking its texts up after some thousands, then reserves that room.)
    const columns: Column[] = [{ header: "Id", repeat: true }, { header: "Name", shrink: "end" }, { header: "Amount", align: "right" }];
    const rows = Array.from({ length: 6000 }, (_, n) => [`EC-2026-${String(n).padStart(5, "0")}`, ["王伟", "李娜", "Alice"][n % 3]!, `${n * 7919}.${n % 10}`]);
    const footer = [["Total", "", "123456789.00"]];
    const source = (visit: (row: readonly string[] | Row) => void) => { for (const row of rows) visit(row); };
    for (const width of [30, undefined]) {
      const table: string[] = [];
      writeTableFrom(columns, source, { color: false, width }, footer, (text) => { table.push(text); });
      for (const expected of [0, 100, 5999, 6000, 20000]) {
        const pieces: Buffer[] = [];
        writeListTable(columns, source, { color: false, width }, footer, () => { throw new Error("written as text"); }, expected, (piece) => { pieces.push(Buffer.from(piece)); return true; });
        expect(Buffer.concat(pieces).toString("utf8")).toBe(table.join(""));
      }
    }
  });
});
