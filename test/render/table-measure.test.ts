// The table's measure of a cell (src/render/table.ts, tableMeasure) counts simple text itself:
// held to cli-table3's own measure on every character it counts so, and on text around them.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tableMeasure } from "../../src/render/table.js";

const { strlen } = createRequire(import.meta.url)("cli-table3/src/utils") as { strlen: (text: string) => number };

const counted = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCharCode(from + index));
const SIMPLE = [...counted(0x20, 0x7e), "…", ...counted(0x3001, 0x3011), ...counted(0x4e00, 0x9fff), ...counted(0xff01, 0xff60)];

describe("tableMeasure", () => {
  it("measures each simple character as cli-table3 does", () => {
    const measure = tableMeasure();
    for (const char of SIMPLE) expect(measure(char)).toBe(strlen(char));
  });

  it("measures texts as cli-table3 does", () => {
    const others = ["é", "😀", "\u0301", "ｱ", "\x1b[31m", "〰", "\u00ad", "👨‍👩‍👧", "\u3000"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...SIMPLE.slice(0, 200), ...SIMPLE.slice(-200), "…", "王", "。", ...others), { maxLength: 12 }), (pieces) => {
      const text = pieces.join("");
      expect(tableMeasure()(text)).toBe(strlen(text));
    }), { numRuns: 2000 });
  });
});
