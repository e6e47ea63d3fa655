// Long tables drawn in two reads of their rows (src/render/line-table.ts): the same bytes as
// writeTableFrom for any cells, columns, heading lines, footer and width, colour off; with colour
// it is writeTableFrom's own drawing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainAscii, simpleCutAtEnd, writeTableLines } from "../../src/render/line-table.js";
import { terminalText } from "../../src/render/terminal.js";
import { PLAIN_ASCII, cutText, groupedNumber, groupedNumberLength, simpleHadBackslash, simpleTableWidth, tableMeasure, writeTableFrom, type Column, type Row } from "../../src/render/table.js";
import { tableArbitraries } from "../helpers/table-cells.js";

const pieces = [
  "", "a", "2026-01-05", "1234.56", "-20.00", "99605081483.63", "-0.005", "12", "1.", ".5", "--1", "王伟", "工商银行 | 实收资本到账", "Assets:1002-银行存款:01-工商银行",
  "…", "é", "😀", "\u0301", "ｱ", " ", "\u3000", "\u00a0", "x y", "\x1b[1m", "a\nb", "a\r\nb", "\t", "\u202e", "12%", "CNY", "借", "Opening balance",
];
const { cell, column } = tableArbitraries(pieces);

function both(columns: readonly Column[], rows: readonly (readonly string[] | string)[], footer: readonly Row[], width: number | undefined, color = false): [string, string] {
  const table: string[] = [];
  writeTableFrom(columns, (visit) => { for (const row of rows) visit(typeof row === "string" ? { heading: row } : row); }, { color, width }, footer, (text) => { table.push(text); });
  const lines: string[] = [];
  // (One array for every row's cells, as the reports give them.)
  const cells: string[] = [];
  writeTableLines(columns, (visit, heading, read) => {
    for (const row of rows) {
      if (typeof row === "string") heading(row);
      else {
        cells.length = 0;
        cells.push(...row);
        // (Reads after the first do not read the cells of the columns that may be cut.)
        if (read > 0) columns.forEach((column, index) => { if (column.shrink !== undefined && index < cells.length) cells[index] = "not read"; });
        visit(cells);
      }
    }
  }, { color, width }, footer, (text) => { lines.push(text); });
  return [lines.join(""), table.join("")];
}

const table = (count: number) => fc.record({
  columns: fc.array(column, { minLength: count, maxLength: count }),
  // (Rows a cell short or long too: a missing cell is empty, an extra one not shown; strings are heading lines.)
  rows: fc.array(fc.oneof(fc.array(cell, { minLength: Math.max(0, count - 1), maxLength: count + 1 }), cell), { maxLength: 10 }),
  footer: fc.array(fc.oneof(fc.array(cell, { minLength: count, maxLength: count }).map((cells): Row => ({ cells })), cell.map((heading): Row => ({ heading }))), { maxLength: 3 }),
  width: fc.option(fc.integer({ min: 10, max: 140 }), { nil: undefined }),
});

describe("writeTableLines", () => {
  it("draws what writeTableFrom draws", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 7 }).chain(table), ({ columns, rows, footer, width }) => {
      const [lines, drawn] = both(columns, rows, footer, width);
      expect(lines).toBe(drawn);
    }), { numRuns: 3000 });
  });

  it("draws what writeTableFrom draws with colour", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain(table), ({ columns, rows, footer, width }) => {
      const [lines, drawn] = both(columns, rows, footer, width, true);
      expect(lines).toBe(drawn);
    }), { numRuns: 300 });
  });

  it("draws long tables (many pieces) and repeated texts as writeTableFrom does", () => {
    const columns: Column[] = [
      { header: "Date", repeat: true }, { header: "Description", shrink: "end" }, { header: "Account", shrink: "start" },
      { header: "Amount", align: "right" }, { header: "Balance", align: "right" },
    ];
    const rows: (string[] | string)[] = [];
    for (let n = 0; n < 5000; n++) {
      if (n % 700 === 0) rows.push(`Section ${n}`);
      rows.push([`2026-01-${String(n % 28 + 1).padStart(2, "0")}`, `客户 ${n % 3000} | 拜访客户 ${n}`, n % 2 === 0 ? "Assets:1002-银行存款:01-工商银行" : "Expenses:6602-管理费用", String(n * 137 - 40_000), `${n * 1_234_567}.${String(n % 100).padStart(2, "0")}`]);
    }
    for (const width of [undefined, 200, 80, 40, 20]) {
      const [lines, drawn] = both(columns, rows, [{ heading: "Total" }, { cells: ["", "", "", "1.00", "2.00"] }], width);
      expect(lines).toBe(drawn);
    }
  });
});

describe("groupedNumberLength", () => {
  it("is the length of groupedNumber's text of a number, -1 for other text", () => {
    const numberText = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)), fc.boolean())
      .map(([minus, whole, fraction, percent]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}${percent ? "%" : ""}`);
    fc.assert(fc.property(fc.oneof(numberText, cell, fc.string()), (text) => {
      const isNumber = /^(-?\d+(?:\.\d+)?)(%?)$/.test(text);
      expect(groupedNumberLength(text)).toBe(isNumber ? groupedNumber(text).length : -1);
    }), { numRuns: 5000 });
  });
});

describe("groupedNumber", () => {
  it("groups what NUMBER matches (a plain number, optionally with %), and leaves any other text", () => {
    const NUMBER = /^(-?\d+(?:\.\d+)?)(%?)$/;
    const byPattern = (text: string) => {
      const number = NUMBER.exec(text);
      if (number === null) return text;
      const [whole, fraction] = number[1]!.split(".");
      const sign = whole!.startsWith("-") ? "-" : "";
      const digits = whole!.slice(sign.length);
      const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}${number[2]}`;
    };
    const numberText = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{0,20}$/), fc.option(fc.stringMatching(/^\d{0,6}$/)), fc.constantFrom("", "%", "%%", "x", "\n"))
      .map(([minus, whole, fraction, tail]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}${tail}`);
    fc.assert(fc.property(fc.oneof(numberText, cell, fc.string()), (text) => {
      expect(groupedNumber(text)).toBe(byPattern(text));
    }), { numRuns: 5000 });
  });
});

describe("isPlainAscii and simpleCutAtEnd", () => {
  // Printable ASCII, the ellipsis, CJK punctuation and ideographs, fullwidth forms, and a few others.
  const characters = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x2026, 0x3001, 0x3011, 0x4e00, 0x9fff, 0xff01, 0xff60, 0x1f, 0x7f, 0xa0, 0x2027, 0x3000),
    fc.integer({ min: 0x4e00, max: 0x4e20 }),
  ).map((code) => String.fromCharCode(code));
  const texts = fc.array(characters, { maxLength: 40 }).map((chars) => chars.join(""));

  it("isPlainAscii is PLAIN_ASCII's test", () => {
    fc.assert(fc.property(texts, (text) => isPlainAscii(text) === PLAIN_ASCII.test(text)), { numRuns: 5000 });
  });

  it("simpleCutAtEnd cuts as cutText does, measured as tableMeasure measures", () => {
    const strlen = tableMeasure();
    fc.assert(fc.property(texts, fc.integer({ min: 0, max: 50 }), (text, width) => {
      if (simpleTableWidth(text) < 0 || text.includes("\\") || simpleTableWidth(text) <= width) return true;
      const cut = simpleCutAtEnd(text, width);
      return cut.text === cutText(text, width, "end") && cut.drawn === strlen(cut.text);
    }), { numRuns: 10_000 });
  });
});

/** simpleTableWidth as it was measured with a regular expression of its characters. */
const TABLE_SIMPLE = /^[\x20-\x7e\u2026\u3001-\u3011\u4e00-\u9fff\uff01-\uff60]*$/;
const simpleByPattern = (text: string): number =>
  TABLE_SIMPLE.test(text) ? [...text].reduce((width, character) => width + (character.charCodeAt(0) < 0x2027 ? 1 : 2), 0) : -1;

describe("simpleTableWidth", () => {
  it("is the width of TABLE_SIMPLE's texts, tells a backslash, and counts only text terminalText leaves as it is", () => {
    const characters = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0x2026, 0x2025, 0x2027, 0x3000, 0x3001, 0x3011, 0x3012, 0x4dff, 0x4e00, 0x9fff, 0xa000, 0xff00, 0xff01, 0xff60, 0xff61, 0x5c, 0x0a, 0x1b, 0x202e, 0xd83d),
    ).map((code) => String.fromCharCode(code));
    fc.assert(fc.property(fc.array(characters, { maxLength: 30 }).map((chars) => chars.join("")), (text) => {
      const width = simpleTableWidth(text);
      expect(width).toBe(simpleByPattern(text));
      if (width >= 0) {
        expect(simpleHadBackslash).toBe(text.includes("\\"));
        expect(terminalText(text)).toBe(text);
      }
    }), { numRuns: 20_000 });
  });
});
