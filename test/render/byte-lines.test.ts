// The register's and the ledger's one-read byte writer (src/render/byte-lines.ts): whenever it
// takes a table (`ok`), the same bytes as writeTableLines for the same cells (amounts given to
// writeTableLines as amountCell's text), for any columns, heading lines, footer and width; and its
// amounts' digits are amountCell's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteTable, writtenAmountText } from "../../src/render/byte-lines.js";
import { writeTableLines } from "../../src/render/line-table.js";
import type { Column, Row } from "../../src/render/table.js";
import { amountCell } from "../../src/reports/table-amount.js";
import { tableArbitraries } from "../helpers/table-cells.js";

const pieces = [
  "", "a", "2026-01-05", "1234.56", "-20.00", "99605081483.63", "12", "1.", "王伟", "工商银行 | 实收资本到账", "Assets:1002-银行存款:01-工商银行",
  "…", "é", "😀", "ｱ", " ", "\u3000", "x y", "a\nb", "\\", "12%", "CNY", "借", "Opening balance", "客户活动：深圳",
];
const { cell, column } = tableArbitraries(pieces);
/** The simple texts this writer takes (the other pieces mostly make it refuse a table). */
const simple = tableArbitraries(["", "a", "2026-01-05", "1234.56", "-20.00", "12", "王伟", "工商银行 | 实收资本到账", "Assets:1002-银行存款:01-工商银行", "…", " ", "x y", "CNY", "借", "客户活动：深圳"]);

/** A cell given to both: a text, two texts joined by " | ", or an amount. */
type Given = { text: string; second?: string } | { magnitude: number; scale: number; places: number; negative: boolean };

const amount = fc.record({
  magnitude: fc.oneof(
    fc.integer({ min: 0, max: 2_000_000 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    // (About the edges: of 32-bit integers, of 2^52 where the quotient by 10 or 100 is taken
    // without a remainder below it, of a quotient's rounding, of the thousands' groups.)
    fc.integer({ min: -300, max: 300 }).chain((near) => fc.constantFrom(2 ** 31, 2 ** 52, 2 ** 53 - 301, 10 ** 9, 10 ** 12, 10 ** 15, 99_999_999_999_999).map((edge) => Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, edge + near)))),
  ),
  scale: fc.integer({ min: 0, max: 12 }),
  places: fc.integer({ min: 0, max: 12 }),
  negative: fc.boolean(),
}).map((given) => ({ ...given, negative: given.negative && given.magnitude > 0 }));
const givenOf = (cell: fc.Arbitrary<string>): fc.Arbitrary<Given> => fc.oneof(
  cell.map((text) => ({ text })),
  fc.tuple(cell, cell).map(([text, second]) => ({ text, second })),
  amount,
);

function textOf(cellGiven: Given): string {
  if ("text" in cellGiven) return cellGiven.second === undefined ? cellGiven.text : `${cellGiven.text} | ${cellGiven.second}`;
  const text = amountCell(cellGiven.magnitude, cellGiven.scale, cellGiven.places);
  return cellGiven.negative ? `-${text}` : text;
}

/** writeTableLines' text and ByteTable's (null when it does not take the table). */
function both(columns: readonly Column[], rows: readonly (readonly Given[] | string)[], footer: readonly Row[], width: number | undefined): [string, string | null] {
  const lines: string[] = [];
  writeTableLines(columns, (visit, heading) => {
    for (const row of rows) {
      if (typeof row === "string") heading(row);
      else visit(row.map(textOf));
    }
  }, { color: false, width }, footer, (text) => { lines.push(text); });
  const table = new ByteTable(columns, 2);
  for (const row of rows) {
    if (typeof row === "string") {
      table.heading(row);
      continue;
    }
    table.startRow();
    for (let index = 0; index < columns.length; index++) {
      const cellGiven = row[index] ?? { text: "" };
      if ("text" in cellGiven) table.text(index, cellGiven.text, cellGiven.second ?? null);
      else if (!table.amount(index, cellGiven.magnitude, cellGiven.scale, cellGiven.places, cellGiven.negative)) table.text(index, textOf(cellGiven));
    }
    table.endRow();
  }
  table.footer(footer);
  if (!table.ok) return [lines.join(""), null];
  const bytes: Buffer[] = [];
  table.write(width, "before\n\n", "\n", (piece) => { bytes.push(Buffer.from(piece)); });
  const written = Buffer.concat(bytes).toString("utf8");
  expect(written.startsWith("before\n\n")).toBe(true);
  expect(written.endsWith("\n")).toBe(true);
  return [lines.join(""), written.slice("before\n\n".length, -1)];
}

const tableOf = ({ cell, column }: typeof simple) => (count: number) => fc.record({
  columns: fc.array(column, { minLength: count, maxLength: count }),
  rows: fc.array(fc.oneof(fc.array(givenOf(cell), { minLength: count, maxLength: count }), cell), { maxLength: 10 }),
  footer: fc.array(fc.oneof(fc.array(cell, { minLength: count, maxLength: count }).map((cells): Row => ({ cells })), cell.map((heading): Row => ({ heading }))), { maxLength: 3 }),
  width: fc.option(fc.integer({ min: 10, max: 140 }), { nil: undefined }),
});

describe("ByteTable", () => {
  it("draws what writeTableLines draws, whenever it takes the table", () => {
    let taken = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: 7 }).chain(tableOf({ cell, column })), ({ columns, rows, footer, width }) => {
      const [lines, written] = both(columns, rows, footer, width);
      if (written === null) return;
      taken++;
      expect(written).toBe(lines);
    }), { numRuns: 3000 });
    expect(taken).toBeGreaterThan(200);
  });

  it("takes tables of simple texts and draws them as writeTableLines does", () => {
    let taken = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }).chain(tableOf(simple)), ({ columns, rows, footer, width }) => {
      const [lines, written] = both(columns, rows, footer, width);
      if (written === null) return;
      taken++;
      expect(written).toBe(lines);
    }), { numRuns: 3000 });
    // (Most are taken: the writer is tried, not only its refusals.)
    expect(taken).toBeGreaterThan(1000);
  });

  it("draws long tables (texts that stop repeating, many pieces) as writeTableLines does", () => {
    const columns: Column[] = [
      { header: "Date", repeat: true }, { header: "Description", shrink: "end" }, { header: "Account", shrink: "start" },
      { header: "Amount", align: "right" }, { header: "Commodity" }, { header: "Balance", align: "right" },
    ];
    const rows: (Given[] | string)[] = [];
    let balance = 0;
    for (let n = 0; n < 12_000; n++) {
      if (n % 3000 === 0) rows.push(`Section ${n}`);
      const change = (n % 7 === 0 ? 1 : -1) * (n * 137 + 5);
      balance += change;
      rows.push([
        { text: `2026-01-${String((n % 28) + 1).padStart(2, "0")}` },
        n % 5 === 0 ? { text: `拜访客户 ${n}` } : { text: `客户 ${n % 300}`, second: `客户活动：深圳 ${n}` },
        { text: n % 2 === 0 ? "Assets:1002-银行存款:01-工商银行" : `Expenses:6602-管理费用:${n % 9}` },
        { magnitude: Math.abs(change), scale: 2, places: 2, negative: change < 0 },
        { text: "CNY" },
        { magnitude: Math.abs(balance), scale: 2, places: 2, negative: balance < 0 },
      ]);
    }
    for (const width of [undefined, 250, 100, 80, 40, 20]) {
      const [lines, written] = both(columns, rows, [{ heading: "Total" }, { cells: ["Total", "", "", "1.00", "CNY", "2.00"] }], width);
      expect(written).not.toBeNull();
      expect(written).toBe(lines);
    }
  });
});

describe("writtenAmountText", () => {
  it("is amountCell's text, after a minus when negative", () => {
    fc.assert(fc.property(amount, ({ magnitude, scale, places, negative }) => {
      const written = writtenAmountText(magnitude, scale, places, negative);
      if (written !== null) expect(written).toBe((negative ? "-" : "") + amountCell(magnitude, scale, places));
    }), { numRuns: 5000 });
  });
});
