// The scanner's character classes (src/parser/scanner.ts), read from one table, against the
// predicates they replaced, written out here as they were: for every UTF-16 code unit and for
// charCodeAt's NaN past the end of a text; and matchAccount through them against the rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAccountChar, isComponentStart, isCurrencyChar, isKeyChar, isTagChar, matchAccount } from "../../src/parser/scanner.js";

const upper = (c: number) => c >= 65 && c <= 90;
const lower = (c: number) => c >= 97 && c <= 122;
const digit = (c: number) => c >= 48 && c <= 57;
const unicodeSpace = (c: number) => c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029;
const word = (c: number) => c >= 0x80 && !unicodeSpace(c);
const before = {
  account: (c: number) => upper(c) || lower(c) || digit(c) || c === 45 || word(c),
  componentStart: (c: number) => upper(c) || digit(c) || word(c),
  currency: (c: number) => upper(c) || digit(c) || c === 39 || c === 46 || c === 95 || c === 45,
  tag: (c: number) => upper(c) || lower(c) || digit(c) || c === 45 || c === 95 || c === 47 || c === 46 || word(c),
  key: (c: number) => upper(c) || lower(c) || digit(c) || c === 45 || c === 95 || word(c),
};

/** matchAccount as it read before, through the predicates above. */
function matchAccountBefore(text: string, p: number): number {
  let q = p + 1;
  while (q < text.length && before.account(text.charCodeAt(q))) q++;
  let end = p;
  while (text.charCodeAt(q) === 58 && before.componentStart(text.charCodeAt(q + 1))) {
    q += 2;
    while (q < text.length && before.account(text.charCodeAt(q))) q++;
    end = q;
  }
  return end;
}

describe("character classes", () => {
  it("give the predicates' answers for every code unit and for NaN", () => {
    for (let c = 0; c <= 0xffff; c++) {
      expect(isAccountChar(c)).toBe(before.account(c));
      expect(isComponentStart(c)).toBe(before.componentStart(c));
      expect(isCurrencyChar(c)).toBe(before.currency(c));
      expect(isTagChar(c)).toBe(before.tag(c));
      expect(isKeyChar(c)).toBe(before.key(c));
    }
    for (const f of [isAccountChar, isComponentStart, isCurrencyChar, isTagChar, isKeyChar]) expect(f(Number.NaN)).toBe(false);
  });

  it("matchAccount ends where it ended before", () => {
    const piece = fc.constantFrom("Assets", "Expenses", ":", ":", "-", "0", "a", "Z", "客", "户", " ", "\u3000", "\u00a0", "\n", ";", "'", ".", "_", "\ud83d");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), (parts, at) => {
        const text = parts.join("");
        const p = text.length === 0 ? 0 : at % text.length;
        expect(matchAccount(text, p)).toBe(matchAccountBefore(text, p));
      }),
      { numRuns: 2000 },
    );
  });
});
