// file-end.ts reads what an append needs off a file's bytes; each figure must be the one the decoded
// text gives (edits.ts lineEnds, appendLayout; amortize.ts amountColumn).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bytesEnd, fileEnd, isSpaceAt } from "../../src/edit/file-end.js";
import { amountColumn } from "../../src/edit/amortize.js";
import { appendLayout, lineEnds } from "../../src/edit/edits.js";
import { byteAmountColumnBefore } from "../helpers/file-end-before.js";

/** Every character a regular expression's \s matches, and some that it does not. */
const SPACES = ["\t", "\v", "\f", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u202f", "\u205f", "\u3000", "\ufeff"];
const NOT_SPACES = ["\u0085", "\u180e", "\u200b", "\u2027", "\u202e", "\ufffd", "\u00a1"];
const piece = fc.constantFrom(" ", "  ", "    ", "! ", "* ", "!", "\n", "\r\n", "\r", "\u2028", "\u2029", ":", "-", ",", ".", "1", "25", "0.50",
  "1,000.25", "CNY", " CNY", "Assets", "Expenses:Food", "银行存款", "工商银行", "𠀀", "\u{1F600}", "ａ", "x", ";", "2024-01-01 * \"a\"",
  "  Assets:银行存款  -12.50 CNY", ...SPACES, ...NOT_SPACES);
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
/** Text as a file holds it, and as the loader decodes it (a lone surrogate is written as U+FFFD). */
const file = fc.array(line, { maxLength: 20 }).map((lines) => Buffer.from(lines.join("\n"), "utf8"));

function expectSame(bytes: Buffer): void {
  const text = bytes.toString("utf8");
  const end = bytesEnd(bytes, text.length);
  const ends = lineEnds(text);
  expect(end.length).toBe(text.length);
  expect(end.ends).toEqual(ends);
  expect(end.layout).toEqual(appendLayout(text, ends.eol));
  expect(end.amountColumn(), JSON.stringify(text)).toBe(amountColumn(text));
  // The column asked for first counts the line ends in the same pass: the same figures.
  const columnFirst = bytesEnd(bytes, text.length);
  expect(columnFirst.amountColumn(), JSON.stringify(text)).toBe(byteAmountColumnBefore(bytes));
  expect(columnFirst.ends).toEqual(ends);
  expect(columnFirst.layout).toEqual(appendLayout(text, ends.eol));
}

describe("bytesEnd", () => {
  it("finds what the decoded text gives", () => {
    fc.assert(fc.property(file, expectSame), { numRuns: 3000 });
  });

  it("finds it in posting lines, files that end in blank lines, and empty files", () => {
    const posting = fc.tuple(fc.constantFrom("  ", "    ", "  * ", "  ! ", " \t"), fc.constantFrom("Assets:Cash", "Expenses:餐费:午餐", "Assets:𠀀", "A:B\u3000C", "AB"),
      fc.constantFrom("  ", " ", "\t"), fc.constantFrom("10.00", "-1,234.5", "7", "1.", ".5", "-", "12a"), fc.constantFrom(" CNY", "  USD", " ", "", "\u3000X", " \u00a0"))
      .map((parts) => parts.join(""));
    const lines = fc.array(fc.oneof(posting, line), { maxLength: 25 });
    const ending = fc.constantFrom("", "\n", "\r\n", "\n\n", "\n  \t\n", "\r\n\r\n", " ");
    fc.assert(fc.property(lines, fc.constantFrom("\n", "\r\n"), ending, (parts, eol, tail) => expectSame(Buffer.from(parts.join(eol) + tail, "utf8"))), { numRuns: 3000 });
    expectSame(Buffer.alloc(0));
  });

  it("finds the column the byte scan it replaced found (the amount read first, the account measured by its characters)", () => {
    const account = fc.array(fc.constantFrom("Assets", "Expenses", ":", "银行存款", "工商银行", "-", "01", "𠀀", "\u{1F600}", "ａ", "é", "·", "—", "、", "（", "x",
      "\t", "\u3000", "\u00a0", "\u2005", "\ufeff", "\u0085", "\u200b"), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
    const posting = fc.tuple(fc.constantFrom(" ", "  ", "    ", "  * ", "  ! ", "  *", " \t", "\u3000"), account, fc.constantFrom("  ", " ", "   ", "\t", ""),
      fc.constantFrom("10.00", "-1,234.5", "7", "1.", ".5", "-", "12a", "\"x\"", "1,", ",1", "-0.001"), fc.constantFrom(" CNY", "  USD", " ", "", "\u3000X", " \u00a0", " \t", " 1"))
      .map((parts) => parts.join(""));
    const lines = fc.array(fc.oneof(posting, line), { maxLength: 25 });
    fc.assert(fc.property(lines, fc.constantFrom("\n", "\r\n"), (parts, eol) => {
      const bytes = Buffer.from(parts.join(eol), "utf8");
      expect(bytesEnd(bytes, 0).amountColumn(), JSON.stringify(parts)).toBe(byteAmountColumnBefore(bytes));
    }), { numRuns: 5000 });
  });

  it("counts columns past a thousand as the ones before (a tie goes to the larger)", () => {
    const long = `Assets:${"长".repeat(600)}`;
    for (const lines of [
      [`  ${long}  1.00 CNY`, "  Assets:Cash  2.00 CNY"],
      [`  ${long}  1.00 CNY`, `  ${long}  10.00 CNY`, "  Assets:Cash  2.00 CNY", "  Assets:Cash  2.00 CNY"],
      [`  ${long}  1.00 CNY`, `  ${long}  1.00 CNY`, "  Assets:Cash  2.00 CNY"],
      [`  ${long}  1.00 CNY`, `  ${long}x  1.00 CNY`, "  Assets:Cash  2.00 CNY"],
    ]) {
      const bytes = Buffer.from(lines.join("\n"), "utf8");
      expect(bytesEnd(bytes, 0).amountColumn()).toBe(byteAmountColumnBefore(bytes));
      expect(bytesEnd(bytes, 0).amountColumn()).toBe(amountColumn(bytes.toString("utf8")));
    }
  });

  it("tells the characters \\s matches as the regular expression does", () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      expect(isSpaceAt(Buffer.from(character + "x", "utf8"), 0), code.toString(16)).toBe(/\s/.test(character));
    }
  });
});

describe("fileEnd", () => {
  it("reads the text when the bytes are not kept or not UTF-8", () => {
    const text = "2024-01-01 * \"x\"\n  Assets:Cash  10.00 CNY\n  Income:Pay\n";
    const bytes = Buffer.from(text, "utf8");
    for (const source of [{ text, decodedBytes: null, decodedLength: null }, { text, decodedBytes: bytes, decodedLength: text.length }]) {
      const end = fileEnd(source);
      expect(end.length).toBe(text.length);
      expect(end.amountColumn()).toBe(amountColumn(text));
    }
    const gbk = Buffer.concat([bytes, Buffer.from([0xc4, 0xe3, 0x0a])]);
    const decoded = gbk.toString("utf8");
    let asked = false;
    const end = fileEnd({ get text() { asked = true; return decoded; }, decodedBytes: gbk, decodedLength: decoded.length });
    expect(asked).toBe(true);
    expect(end.length).toBe(decoded.length);
    expect(end.ends).toEqual(lineEnds(decoded));
  });
});
