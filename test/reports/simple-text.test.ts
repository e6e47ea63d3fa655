// simple-text.ts writes a text as UTF-8 and measures it in one pass: the bytes Buffer.from makes,
// the width display-width.ts's simpleWidth gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simpleWidth } from "../../src/core/display-width.js";
import { measured, writeMeasured } from "../../src/reports/simple-text.js";

function written(text: string): { bytes: Buffer; width: number } {
  const buffer = Buffer.alloc(3 * text.length + 1);
  const end = writeMeasured(buffer, 0, text);
  return { bytes: buffer.subarray(0, end), width: measured.width };
}

describe("writeMeasured", () => {
  it("measures every UTF-16 code unit as simpleWidth does", () => {
    for (let code = 0; code < 0x10000; code++) {
      const text = String.fromCharCode(code);
      expect(written(text).width, `U+${code.toString(16)}`).toBe(simpleWidth(text));
    }
  });

  it("writes the bytes Buffer.from writes and the width simpleWidth gives, for any text", () => {
    const pieces = fc.oneof(
      fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }),
      fc.constantFrom("客户投诉处理：南京博远科技", "（未编号）", "附件 0 张", "\u00ad", "\ud800", "\udc00x", "😀", "a\u0301", "", "  "),
    );
    fc.assert(fc.property(fc.array(pieces, { maxLength: 5 }), (parts) => {
      const text = parts.join("");
      const { bytes, width } = written(text);
      expect(bytes.equals(Buffer.from(text))).toBe(true);
      expect(width).toBe(simpleWidth(text));
    }), { numRuns: 2000 });
  });

  it("writes at the place given", () => {
    const buffer = Buffer.alloc(20, 0x2e);
    const end = writeMeasured(buffer, 3, "记-0001");
    expect(buffer.toString("utf8", 0, end)).toBe("...记-0001");
    expect(measured.width).toBe(7);
  });
});
