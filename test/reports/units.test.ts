// The pieces under the reports: shares by largest remainder, periods, sparklines, table fitting.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/cli/context.js";
import { Decimal } from "../../src/core/number.js";
import { shiftPeriod, splitRange } from "../../src/reports/periods.js";
import { sharesOfTotal } from "../../src/reports/shares.js";
import { sparkline } from "../../src/render/sheet.js";
import { cutText, displayWidth, renderTable } from "../../src/render/table.js";
import { GOLDEN_DIR } from "./samples.js";

const decimals = (values: readonly (number | string)[]) => values.map((value) => new Decimal(value));
const texts = (shares: readonly (Decimal | null)[]) => shares.map((share) => share?.toFixed(2) ?? null);

describe("shares by the largest-remainder method", () => {
  it("gives the missing hundredths to the largest remainders, earlier rows first on ties", () => {
    expect(texts(sharesOfTotal(decimals([1, 1, 1])))).toEqual(["33.34", "33.33", "33.33"]);
    expect(texts(sharesOfTotal(decimals(["18653.00", "124120.00", "85406.00", "19496.00", "8700.00"]))))
      .toEqual(["7.28", "48.41", "33.31", "7.61", "3.39"]);
    expect(texts(sharesOfTotal(decimals([2, 1])))).toEqual(["66.67", "33.33"]);
  });

  it("gives what dividing to 28 digits gives (its floors and remainders, ties to the earlier row)", () => {
    // The method as first written: each share divided out, then floored.
    const byQuotients = (amounts: readonly Decimal[]) => {
      const total = amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
      const exact = amounts.map((amount) => amount.times(10000).dividedBy(total));
      const floors = exact.map((value) => value.floor());
      const missing = floors.reduce((left, floor) => left.minus(floor), new Decimal(10000)).toNumber();
      const order = exact.map((value, index) => ({ index, remainder: value.minus(floors[index]!) }))
        .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
      for (let i = 0; i < missing && i < order.length; i++) floors[order[i]!.index] = floors[order[i]!.index]!.plus(1);
      return floors.map((hundredths) => hundredths.dividedBy(100));
    };
    fc.assert(fc.property(fc.array(fc.integer({ min: -5_000_000, max: 50_000_000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (units, scale) => {
      const amounts = units.map((u) => new Decimal(u).dividedBy(10 ** scale));
      fc.pre(!amounts.reduce((a, b) => a.plus(b), new Decimal(0)).isZero());
      expect(texts(sharesOfTotal(amounts))).toEqual(texts(byQuotients(amounts)));
    }), { numRuns: 500 });
    expect(texts(sharesOfTotal(decimals([-1, 3])))).toEqual(texts(byQuotients(decimals([-1, 3]))));
    expect(texts(sharesOfTotal(decimals([-1, -2, -4])))).toEqual(["14.29", "28.57", "57.14"]);
  });

  it("has no shares of a zero total", () => {
    expect(sharesOfTotal(decimals([5, -5]))).toEqual([null, null]);
  });

  it("always adds up to exactly 100.00, each share within 0.01 of the exact one", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1_000_000, max: 100_000_000 }), { minLength: 1, maxLength: 30 }), (cents) => {
      const amounts = cents.map((c) => new Decimal(c).dividedBy(100));
      const total = amounts.reduce((a, b) => a.plus(b), new Decimal(0));
      fc.pre(!total.isZero());
      const shares = sharesOfTotal(amounts);
      expect(shares.reduce((sum, share) => sum.plus(share!), new Decimal(0)).toFixed(2)).toBe("100.00");
      shares.forEach((share, index) => {
        expect(share!.minus(amounts[index]!.times(100).dividedBy(total)).abs().lte("0.01")).toBe(true);
      });
    }), { numRuns: 300 });
  });
});

describe("periods", () => {
  it.each([
    ["2026", "2026-01-01", "2027-01-01"],
    ["2026-03", "2026-03-01", "2026-04-01"],
    ["2026-3", "2026-03-01", "2026-04-01"],
    ["2026Q1", "2026-01-01", "2026-04-01"],
    ["2026-q4", "2026-10-01", "2027-01-01"],
    ["2026-02-28", "2026-02-28", "2026-03-01"],
    ["2026-01..2026-06", "2026-01-01", "2026-07-01"],
    ["2025Q4..2026-02", "2025-10-01", "2026-03-01"],
    ["2026-03..", "2026-03-01", null],
    ["..2026", null, "2027-01-01"],
  ])("-p %s is [%s, %s)", (text, begin, end) => {
    expect(parsePeriod(text)).toEqual({ begin, end });
  });

  it.each(["2026H1", "2026-13", "2026Q5", "2026-02-30", "..", "2026-06..2026-01", "last year"])("-p %s is refused", (text) => {
    expect(() => parsePeriod(text)).toThrow(/period/);
  });

  it("cuts a range into months, quarters and years, the ends clipped, headed 2026-01, 2026-Q1, 2026", () => {
    expect(splitRange("2026-01-15", "2026-03-10", "month")).toEqual([
      { label: "2026-01", begin: "2026-01-15", end: "2026-02-01" },
      { label: "2026-02", begin: "2026-02-01", end: "2026-03-01" },
      { label: "2026-03", begin: "2026-03-01", end: "2026-03-10" },
    ]);
    expect(splitRange("2025-11-01", "2026-07-01", "quarter").map((p) => p.label)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(splitRange("2025-06-01", "2027-01-01", "year").map((p) => p.label)).toEqual(["2025", "2026"]);
  });

  it("shifts a period by months, keeping the days (a month's end stays in range)", () => {
    expect(shiftPeriod({ label: "2026-03", begin: "2026-03-01", end: "2026-04-01" }, "month", -1)).toEqual({ label: "2026-02", begin: "2026-02-01", end: "2026-03-01" });
    expect(shiftPeriod({ label: "2026-Q4", begin: "2026-10-01", end: "2027-01-01" }, "quarter", -12)).toEqual({ label: "2025-Q4", begin: "2025-10-01", end: "2026-01-01" });
    expect(shiftPeriod({ label: "2026-03", begin: "2026-03-31", end: "2026-04-01" }, "month", -1).begin).toBe("2026-02-28");
  });
});

describe("terminal rendering", () => {
  it("draws sparklines from the lowest to the highest value", () => {
    expect(sparkline(["0", "50", "100"])).toBe("▁▅█");
    expect(sparkline(["7", "7"])).toBe("▄▄");
    expect(sparkline(["0.00", "0.00"])).toBe("▁▁");
  });

  it("measures Chinese as two columns and cuts account names at a component", () => {
    expect(displayWidth("01-客户拜访")).toBe(11);
    expect(cutText("Expenses:6602-管理费用:01-客户管理费:03-客户礼品", 16, "start")).toBe("…:03-客户礼品");
    expect(cutText("Quarterly review trip", 10, "end")).toBe("Quarterly…");
  });

  it("splits a table too wide into parts that fit, repeating the label column", () => {
    const columns = [{ header: "Group", repeat: true }, ...Array.from({ length: 12 }, (_, i) => ({ header: `2026-${String(i + 1).padStart(2, "0")}`, align: "right" as const }))];
    const rows = [["01-客户拜访", ...Array.from({ length: 12 }, () => "123456.00")]];
    const text = renderTable(columns, rows, { color: false, width: 60 });
    const lines = text.split("\n");
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(60);
    expect(lines.filter((line) => line.includes("01-客户拜访"))).toHaveLength(text.split("\n\n").length);
    expect(text.split("\n\n").length).toBeGreaterThan(1);
  });

  it("keeps every golden table within 100 columns", () => {
    for (const name of readdirSync(GOLDEN_DIR).filter((n) => n.endsWith(".txt"))) {
      const lines = readFileSync(join(GOLDEN_DIR, name), "utf8").split("\n");
      for (const line of lines) expect(displayWidth(line), `${name}: ${line}`).toBeLessThanOrEqual(100);
    }
  });
});
