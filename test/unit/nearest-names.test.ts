// "Did you mean": the banded edit distance agrees with the plain one within its limit, counts a
// CJK character as one unit, and the suggestions are the nearest few only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountSuggester, editDistance, nearestNames } from "../../src/core/nearest-names.js";

const points = (text: string) => Int32Array.from(text, (character) => character.codePointAt(0)!);

/** The textbook Levenshtein distance over code points. */
function plainDistance(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  let previous = b.map((_, j) => j).concat(b.length);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

describe("editDistance", () => {
  it("is the Levenshtein distance when within the limit, else limit + 1", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", ":", "客", "户", "费"), maxLength: 12 });
    fc.assert(fc.property(word, word, fc.integer({ min: 1, max: 3 }), (left, right, limit) => {
      const plain = plainDistance(left, right);
      expect(editDistance(points(left), points(right), limit)).toBe(plain <= limit ? plain : limit + 1);
    }), { numRuns: 2000 });
  });

  it("counts a CJK character (and one outside the BMP) as one unit", () => {
    expect(editDistance(points("客户拜访"), points("客户拜放"), 3)).toBe(1);
    expect(editDistance(points("费用𠀀"), points("费用"), 3)).toBe(1);
  });
});

describe("nearestNames", () => {
  const opened = ["Expenses:Food", "Expenses:Fees", "Expenses:Fuel", "Expenses:Foo1", "Expenses:Foo2", "Expenses:Foo3", "Expenses:Foo4"];

  it("gives only those at the nearest distance, at most three, in name order", () => {
    expect(nearestNames("Expenses:Fod", opened)).toEqual(["Expenses:Food"]);
    expect(nearestNames("Expenses:Foo", opened)).toEqual(["Expenses:Foo1", "Expenses:Foo2", "Expenses:Foo3"]);
    expect(nearestNames("Expenses:Entertainment", opened)).toEqual([]);
  });

  it("reads full-width punctuation as the ASCII meant, and a last component under another code as close", () => {
    expect(nearestNames("Expenses：Food", opened)).toEqual(["Expenses:Food"]);
    expect(nearestNames("费用:客户拜访", ["费用:01-客户拜访", "费用:02-客户活动"])).toEqual(["费用:01-客户拜访"]);
  });

  it("stops suggesting once its budget of comparisons is spent, and never slows a journal of typos", () => {
    const accounts = Array.from({ length: 1000 }, (_, index) => `Expenses:A${index}`);
    const suggest = accountSuggester(accounts);
    const answers = Array.from({ length: 1000 }, (_, index) => suggest(`Expenses:A${index}x`));
    expect(answers[0]).toEqual(["Expenses:A0"]);
    expect(answers[999]).toEqual([]);
  });
});
