// decodeUtf8 (src/source/files.ts) decodes a journal's pieces by transcode instead of Buffer's
// toString("utf8"): it must give the same text for every UTF-8 input, and null (the caller then
// decodes as before and reports the bytes) for anything else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/source/files.js";

describe("decodeUtf8", () => {
  it("decodes any text as toString('utf8') does (ASCII, Latin-1, CJK, astral, a BOM)", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: fc.constantFrom("a", "\n", "é", "王", "：", "\ufeff", "😀", "\u0000", "\u07ff", "\u0800", "\uffff") }),
    );
    fc.assert(fc.property(text, (value) => {
      const bytes = Buffer.from(value, "utf8");
      expect(decodeUtf8(bytes)).toBe(bytes.toString("utf8"));
    }), { numRuns: 2000 });
  });

  it("gives null for bytes that are not UTF-8, else their text", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (raw) => {
      const bytes = Buffer.from(raw);
      const decoded = decodeUtf8(bytes);
      if (decoded === null) expect(bytes.toString("utf8")).toContain("\ufffd");
      else expect(decoded).toBe(bytes.toString("utf8"));
    }), { numRuns: 5000 });
  });

  it("decodes a piece cut from a larger buffer (a subarray) by its own bytes only", () => {
    const whole = Buffer.from("2026-01-01 * \"王伟\" \"客户活动\"\n  Expenses:Fee  1.00 CNY\n", "utf8");
    const part = whole.subarray(11, whole.indexOf(10) + 1);
    expect(decodeUtf8(part)).toBe(part.toString("utf8"));
  });
});
