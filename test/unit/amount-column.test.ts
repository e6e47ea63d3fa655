// amountColumn (src/edit/amortize.ts) measures each account once and matches without the `u` flag:
// it must find the same column as measuring every posting's whole lead, as it did before.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { amountColumn, displayWidth } from "../../src/edit/amortize.js";

/** The definition: the most frequent display width of a posting's lead up to its amount's end (the larger on a tie). */
function reference(text: string): number {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/^( +(?:[!*] +)?\S+:\S* +-?[\d,]*\d(?:\.\d+)?) +\S/gmu)) {
    const end = displayWidth(match[1]!);
    counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [end, count] of counts) if (count > bestCount || (count === bestCount && end > best)) { best = end; bestCount = count; }
  return best;
}

const piece = fc.constantFrom(" ", "  ", "    ", "! ", "* ", "\t", "\n", "\r\n", ":", "-", ",", ".", "1", "25", "0.50", "CNY", " CNY",
  "Assets", "Expenses:Food", "银行存款", "工商银行", "𠀀", "\u{1F600}", "ａ", "x", "\uD800", ";", "2024-01-01 * \"a\"");
const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));

describe("amountColumn", () => {
  it("agrees with measuring each lead whole", () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const text = lines.join("\n");
      expect(amountColumn(text)).toBe(reference(text));
    }), { numRuns: 3000 });
  });

  it("counts wide and astral characters in the account as two columns", () => {
    const text = "2024-01-01 * \"x\"\n  Expenses:𠀀银行  10.00 CNY\n  Assets:Cash  -10.00 CNY\n  Assets:Cash  -1.00 CNY\n";
    expect(amountColumn(text)).toBe(reference(text));
    expect(amountColumn("  Expenses:𠀀银行  10.00 CNY\n")).toBe(2 + 9 + 6 + 2 + 5);
  });
});
