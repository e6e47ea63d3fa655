// The byte splice under every writer: text offsets map back to the bytes Buffer.toString("utf8")
// decoded them from (each maximal invalid subpart one U+FFFD, as the WHATWG Encoding Standard
// says), bytes outside the edits are copied untouched, and an edit of undecodable bytes is refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byteOffsetsOf, spliceEdits, UndecodableEditError } from "../../src/edit/bytes.js";
import type { TextEdit } from "../../src/edit/edits.js";

/** Every offset of `text` that does not split a surrogate pair. */
function boundaries(text: string): number[] {
  const result: number[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    const previous = text.charCodeAt(offset - 1);
    const next = text.charCodeAt(offset);
    if (!(previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) result.push(offset);
  }
  return result;
}

/** Bytes biased towards the hard cases: leads, continuations, the edges of each range, ASCII. */
const interestingByte = fc.oneof(
  fc.constantFrom(0x00, 0x0a, 0x0d, 0x20, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xfe, 0xff),
  fc.integer({ min: 0, max: 255 }),
);
const byteArrays = fc.oneof(
  fc.array(interestingByte, { maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
  // Valid text with bytes dropped or changed in it.
  fc.tuple(fc.string({ unit: "binary", maxLength: 20 }), fc.array(fc.tuple(fc.nat(), interestingByte), { maxLength: 4 })).map(([text, changes]) => {
    const bytes = [...Buffer.from(text, "utf8")];
    for (const [at, value] of changes) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return Buffer.from(bytes);
  }),
);

describe("mapping text offsets to byte offsets", () => {
  it("agrees with Buffer.toString on every boundary of arbitrary bytes (prefix and suffix decode alike)", () => {
    fc.assert(fc.property(byteArrays, (bytes) => {
      const text = bytes.toString("utf8");
      const positions = boundaries(text);
      const mapped = byteOffsetsOf(bytes, positions);
      if (!("offsets" in mapped)) throw new Error("no offsets");
      expect(mapped.offsets[mapped.offsets.length - 1]).toBe(bytes.length);
      positions.forEach((position, index) => {
        const byte = mapped.offsets[index]!;
        expect(bytes.subarray(0, byte).toString("utf8")).toBe(text.slice(0, position));
        expect(bytes.subarray(byte).toString("utf8")).toBe(text.slice(position));
      });
    }), { numRuns: 1000, seed: 11 });
  });

  it("counts one U+FFFD per maximal invalid subpart, as Node does", () => {
    // (bytes, the decoded text): truncated sequences, overlongs, surrogates, bytes above U+10FFFF.
    const cases: [number[], string][] = [
      [[0xe4, 0xb8], "\ufffd"],
      [[0xe4, 0xb8, 0x41], "\ufffdA"],
      [[0xf0, 0x9f, 0x98], "\ufffd"],
      [[0xc0, 0x80], "\ufffd\ufffd"],
      [[0xe0, 0x80, 0x80], "\ufffd\ufffd\ufffd"],
      [[0xed, 0xa0, 0x80], "\ufffd\ufffd\ufffd"],
      [[0xf4, 0x90, 0x80, 0x80], "\ufffd\ufffd\ufffd\ufffd"],
      [[0xd6, 0xd0, 0xce, 0xc4], "\ufffd\ufffd\ufffd\ufffd"],
      [[0xff, 0x0a], "\ufffd\n"],
      [[0xf0, 0x9f, 0x98, 0x80], "\u{1f600}"],
    ];
    for (const [bytes, text] of cases) {
      expect(Buffer.from(bytes).toString("utf8")).toBe(text);
      const mapped = byteOffsetsOf(Buffer.from(bytes), [text.length]);
      expect(mapped).toEqual({ offsets: [bytes.length] });
    }
  });
});

describe("splicing edits into bytes", () => {
  const GBK = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]);

  it("copies the bytes outside the edits, invalid ones included, and encodes only the new text", () => {
    const bytes = Buffer.concat([Buffer.from("\ufeffa; "), GBK, Buffer.from(" \xff\r\n", "latin1"), Buffer.from("状态: x\r\n"), Buffer.from([0xe4, 0xb8])]);
    const text = bytes.toString("utf8");
    const at = text.indexOf("x");
    const edits: TextEdit[] = [
      { file: "f", start: at, end: at + 1, text: "已批准" },
      { file: "f", start: text.length, end: text.length, text: "\r\n; end" },
    ];
    const result = spliceEdits("f", bytes, text, edits);
    const xByte = bytes.indexOf(Buffer.from("x"));
    expect(result).toEqual(Buffer.concat([bytes.subarray(0, xByte), Buffer.from("已批准"), bytes.subarray(xByte + 1), Buffer.from("\r\n; end")]));
  });

  it("gives back the exact bytes when there is no edit", () => {
    fc.assert(fc.property(byteArrays, (bytes) => {
      expect(spliceEdits("f", bytes, bytes.toString("utf8"), [])).toEqual(bytes);
    }), { numRuns: 500, seed: 12 });
  });

  it("puts the new text between the untouched bytes before and after the replaced range", () => {
    fc.assert(fc.property(byteArrays, fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), (bytes, a, b, insert) => {
      const text = bytes.toString("utf8");
      const positions = boundaries(text);
      const start = positions[a % positions.length]!;
      const end = positions.filter((position) => position >= start)[b % positions.filter((position) => position >= start).length]!;
      const edit: TextEdit = { file: "f", start, end, text: insert.replace(/\ufffd/g, "") };
      const replacedHasInvalid = text.slice(start, end).includes("\ufffd");
      let result: Buffer;
      try {
        result = spliceEdits("f", bytes, text, [edit]);
      } catch (thrown) {
        // Given by its length, the text is made when needed: the same refusal.
        expect(() => spliceEdits("f", bytes, { length: text.length, text: () => text }, [edit])).toThrow((thrown as Error).message);
        expect(thrown).toBeInstanceOf(UndecodableEditError);
        expect(replacedHasInvalid).toBe(true);
        return;
      }
      // Every byte before and after the edit kept, and the new text between, as UTF-8. (Undecodable
      // bytes brought together by a deletion may decode differently afterwards: the bytes are what count.)
      expect(spliceEdits("f", bytes, { length: text.length, text: () => text }, [edit])).toEqual(result);
      const mapped = byteOffsetsOf(bytes, [start, end]) as { offsets: number[] };
      expect(result).toEqual(Buffer.concat([bytes.subarray(0, mapped.offsets[0]), Buffer.from(edit.text, "utf8"), bytes.subarray(mapped.offsets[1])]));
      expect(bytes.subarray(0, mapped.offsets[0]).toString("utf8")).toBe(text.slice(0, start));
      expect(bytes.subarray(mapped.offsets[1]).toString("utf8")).toBe(text.slice(end));
    }), { numRuns: 2000, seed: 13 });
  });

  it("refuses to replace bytes that are not UTF-8, naming the place", () => {
    const bytes = Buffer.concat([Buffer.from('line one\n  status: "'), GBK, Buffer.from('"\n')]);
    const text = bytes.toString("utf8");
    const start = text.indexOf('"') + 1;
    expect(() => spliceEdits("j.beancount", bytes, text, [{ file: "j.beancount", start, end: start + 4, text: "approved" }]))
      .toThrow(/^j\.beancount:2:12: error: the text to change holds bytes that are not UTF-8.*iconv -f gbk -t utf-8 j\.beancount/);
    // Inserting beside them is fine.
    expect(spliceEdits("j.beancount", bytes, text, [{ file: "j.beancount", start, end: start, text: "x" }]))
      .toEqual(Buffer.concat([Buffer.from('line one\n  status: "x'), GBK, Buffer.from('"\n')]));
  });

  it("refuses to write U+FFFD copied from undecodable text", () => {
    const bytes = Buffer.from("a\n");
    expect(() => spliceEdits("j", bytes, "a\n", [{ file: "j", start: 2, end: 2, text: "b \ufffd\n" }])).toThrow(UndecodableEditError);
    expect(() => spliceEdits("j", bytes, { length: 2, text: () => "a\n" }, [{ file: "j", start: 2, end: 2, text: "b \ufffd\n" }])).toThrow(/^j:2:1: error: the text to write holds U\+FFFD/);
  });

  it("appends to valid UTF-8 given the text's length, without making the text", () => {
    const bytes = Buffer.from("状态 𠀀\n");
    const length = bytes.toString("utf8").length;
    const edits: TextEdit[] = [{ file: "j", start: length, end: length, text: "a\n" }, { file: "j", start: length, end: length, text: "b\n" }];
    expect(spliceEdits("j", bytes, { length, text: () => { throw new Error("the text was asked for"); } }, edits)).toEqual(Buffer.from("状态 𠀀\na\nb\n"));
  });
});
