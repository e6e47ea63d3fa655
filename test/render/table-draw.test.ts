// renderTable draws its tables itself, as cli-table3 drew them (src/render/table.ts): the same
// bytes for any one-line cells, aligned either way, with or without colour codes and the gap.
import { createRequire } from "node:module";
import type TableType from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawPlainTable } from "../../src/render/table.js";

const require = createRequire(import.meta.url);
const Table = require("cli-table3") as typeof TableType;
const { strlen } = require("cli-table3/src/utils") as { strlen: (text: string) => number };

const pieces = ["", "a", "Bank", "1,234.56", "-20.00", "银行存款", "客户", "…", "é", "😀", "👨‍👩‍👧", "\u0301", "ｱ", "\x1b[1mhead\x1b[22m", "\x1b[31m-5.00\x1b[39m", " ", "x y"];
const cell = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((parts) => parts.join(""));

function byCliTable(head: string[], rows: string[][], aligns: ("left" | "right")[], compact: boolean): string[] {
  const colWidths = head.map((text, n) => rows.reduce((widest, cells) => Math.max(widest, strlen(cells[n]!) + 2), Math.max(1, strlen(text) + 2)));
  const table = new Table({
    head, colWidths, colAligns: aligns, style: { head: [], border: [], compact: true },
    chars: {
      top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "",
      "bottom-right": "", left: "", "left-mid": "", mid: "─", "mid-mid": compact ? "" : "─", right: "", "right-mid": "", middle: compact ? "" : "  ",
    },
  });
  for (const row of rows) table.push(row);
  return table.toString().split("\n");
}

describe("drawPlainTable", () => {
  it("draws what cli-table3 draws", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }).chain((columns) => fc.record({
        head: fc.array(cell, { minLength: columns, maxLength: columns }),
        rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 6 }),
        aligns: fc.array(fc.constantFrom<"left" | "right">("left", "right"), { minLength: columns, maxLength: columns }),
        compact: fc.boolean(),
      })),
      ({ head, rows, aligns, compact }) => {
        const colWidths = head.map((text, n) => rows.reduce((widest, cells) => Math.max(widest, strlen(cells[n]!) + 2), Math.max(1, strlen(text) + 2)));
        const drawn = drawPlainTable(head, rows, colWidths, aligns, compact ? "" : "  ", compact ? "" : "─", strlen);
        expect(drawn).toEqual(byCliTable(head, rows, aligns, compact));
      },
    ), { numRuns: 500 });
  });
});
