// cutText cuts text of simple characters by index (src/render/table.ts): the same result as cutting
// it piece by piece, as it cuts any other text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutText, displayWidth } from "../../src/render/table.js";
import { terminalUnits } from "../../src/render/terminal.js";

/** The cut piece by piece (the general way, for every text). */
function byPieces(text: string, width: number, from: "end" | "start"): string {
  if (displayWidth(text) <= width) return text;
  const units = terminalUnits(text);
  if (from === "start") units.reverse();
  let kept = "";
  let used = 1;
  for (const unit of units) {
    const w = unit.length === 1 || unit.length === 2 ? displayWidth(unit) : unit.length;
    if (used + w > width) break;
    kept = from === "start" ? unit + kept : kept + unit;
    used += w;
  }
  if (from === "end") return kept + "…";
  const colon = kept.indexOf(":");
  return "…" + (colon > 0 && colon < kept.length - 1 ? kept.slice(colon) : kept);
}

const pieces = ["a", "Z", " ", ":", "-", "银", "行", "存款", "：", "é", "\u00ad", "ｱ", "“", "…", "01", "😀", "\\x1b", "\\", "\u0301"];

describe("cutText", () => {
  it("cuts as piece by piece, at either end", () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join("")),
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom<"end" | "start">("end", "start"),
      (text, width, from) => {
        expect(cutText(text, width, from)).toBe(byPieces(text, width, from));
      },
    ), { numRuns: 2000 });
  });

  it("keeps whole components of an account cut at its start", () => {
    expect(cutText("Expenses:6602-管理费用:01-客户管理费:03-客户礼品", 16, "start")).toBe("…:03-客户礼品");
    expect(cutText("管理费用-客户管理费-客户拜访", 21, "end")).toBe("管理费用-客户管理费-…");
  });
});
