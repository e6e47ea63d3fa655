// The list's table takes an amount as a scaled integer (SCALED_CELL): drawn as its text,
// scaledText(scaled, places), would be, without making the text (src/claims/list-table.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCALED_CELL, scaledLength, writeListTable, writeScaled } from "../../src/claims/list-table.js";
import { scaledAmountInto } from "../../src/cli/commands/claims.js";
import { ScaledAmount, scaledText } from "../../src/core/amount.js";
import { amountPlainText } from "../../src/reports/display.js";
import { groupThousands, writeTableFrom, type Column } from "../../src/render/table.js";

const scaledInteger = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
  // (Each side of a power of ten: scaledLength counts digits by comparing with them.)
  fc.integer({ min: 1, max: 15 }).chain((power) => fc.constantFrom(10 ** power - 1, 10 ** power, -(10 ** power), 1 - 10 ** power)),
  fc.maxSafeInteger().map((value) => Math.trunc(value)),
);

describe("writeScaled", () => {
  it("writes scaledText grouped in threes, scaledLength long", () => {
    fc.assert(fc.property(scaledInteger, fc.integer({ min: 0, max: 15 }), (scaled, places) => {
      const text = groupThousands(scaledText(scaled, places));
      expect(scaledLength(scaled, places)).toBe(text.length);
      const buffer = Buffer.alloc(text.length + 4, 120);
      writeScaled(buffer, 2, scaled, places, text.length);
      expect(buffer.toString("latin1")).toBe(`xx${text}xx`);
    }), { numRuns: 5000 });
  });
});

describe("scaledAmountInto", () => {
  it("gives amountPlainText's number", () => {
    fc.assert(fc.property(scaledInteger, fc.integer({ min: 0, max: 15 }), fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }), (scaled, scale, shown) => {
      const units = new ScaledAmount(scaled === 0 ? 0 : scaled, scale, "CNY");
      const scales = new Map<string, number>(shown === undefined ? [] : [["CNY", shown]]);
      const into = { scaled: new Float64Array(2), places: new Uint8Array(2) };
      if (scaledAmountInto(units, scales, into, 1)) expect(scaledText(into.scaled[1]!, into.places[1]!)).toBe(amountPlainText(units, scales));
    }), { numRuns: 5000 });
  });
});

describe("writeListTable with scaled cells", () => {
  it("draws what the cells' texts draw", () => {
    const cellText = fc.constantFrom("", "a", "EC-2026-001", "王伟", "posted", "12", "x y", "1234.56");
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }).chain((count) => fc.record({
        columns: fc.array(fc.record({ header: fc.constantFrom("A", "Amount", "金额", "Owed"), align: fc.constantFrom("left" as const, "right" as const), shrink: fc.constantFrom(undefined, "end" as const) }), { minLength: count, maxLength: count }),
        rows: fc.array(fc.array(fc.oneof(cellText.map((text) => ({ text })), fc.record({ scaled: scaledInteger, places: fc.integer({ min: 0, max: 4 }) })), { minLength: count, maxLength: count }), { maxLength: 12 }),
        width: fc.option(fc.integer({ min: 10, max: 140 }), { nil: undefined }),
      })),
      ({ columns, rows, width }) => {
        const texts = rows.map((row) => row.map((cell) => ("text" in cell ? cell.text : scaledText(cell.scaled, cell.places))));
        const footer = [texts[0] ?? columns.map(() => "")];
        const expected: string[] = [];
        writeTableFrom(columns as Column[], (visit) => { for (const row of texts) visit(row); }, { color: false, width }, footer, (text) => { expected.push(text); });
        const scaledCells = { scaled: new Float64Array(columns.length), places: new Uint8Array(columns.length) };
        const cells = new Array<string>(columns.length).fill("");
        const source = (visit: (row: readonly string[]) => void) => {
          for (const row of rows) {
            row.forEach((cell, index) => {
              if ("text" in cell) cells[index] = cell.text;
              else {
                cells[index] = SCALED_CELL;
                scaledCells.scaled[index] = cell.scaled;
                scaledCells.places[index] = cell.places;
              }
            });
            visit(cells);
          }
        };
        const text: string[] = [];
        writeListTable(columns as Column[], source, { color: false, width }, footer, (piece) => { text.push(piece); }, 0, undefined, scaledCells);
        expect(text.join("")).toBe(expected.join(""));
        const bytes: Buffer[] = [];
        writeListTable(columns as Column[], source, { color: false, width }, footer, () => { throw new Error("written as text"); }, 0, (piece) => { bytes.push(Buffer.from(piece)); }, scaledCells);
        expect(Buffer.concat(bytes).toString("utf8")).toBe(expected.join(""));
      },
    ), { numRuns: 2000 });
  });

  it("draws a long column of scaled amounts (cells not kept drawn) as their texts", () => {
    const columns: Column[] = [{ header: "Claim" }, { header: "Amount", align: "right" }, { header: "Owed", align: "right" }];
    const rows = Array.from({ length: 6000 }, (_, n) => ({ id: `EC-${n}`, scaled: (n * 7919) % 100_000_003 - (n % 11 === 0 ? 5_000_000 : 0), places: n % 3 }));
    const expected: string[] = [];
    writeTableFrom(columns, (visit) => { for (const row of rows) visit([row.id, scaledText(row.scaled, row.places), n2(row)]); }, { color: false, width: undefined }, [], (text) => { expected.push(text); });
    const scaledCells = { scaled: new Float64Array(3), places: new Uint8Array(3) };
    const bytes: Buffer[] = [];
    writeListTable(columns, (visit) => {
      for (const row of rows) {
        scaledCells.scaled[1] = row.scaled;
        scaledCells.places[1] = row.places;
        visit([row.id, SCALED_CELL, n2(row)]);
      }
    }, { color: false, width: undefined }, [], () => { throw new Error("written as text"); }, rows.length, (piece) => { bytes.push(Buffer.from(piece)); }, scaledCells);
    expect(Buffer.concat(bytes).toString("utf8")).toBe(expected.join(""));
  });
});

/** A right-aligned text cell that is a plain number kept without its commas (ColumnTexts' UNGROUPED). */
function n2(row: { scaled: number }): string {
  return `${row.scaled * 3}.5`;
}
