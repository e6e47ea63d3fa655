// Every table fits the width it is given (COLUMNS): 80, 120 and 200 columns. Text columns shrink
// first; amounts, dates and ids are never cut, and stay in the first part when a table must split.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { displayWidth } from "../../src/render/terminal.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "../reports/samples.js";
import { renderSheet, sheetDocument } from "../../src/render/sheet.js";
import { localized, type Sheet } from "../../src/reports/sheet.js";

const COMMANDS: readonly (readonly string[])[] = [
  ["bal", CHINESE_SAMPLE],
  ["bal", "--tree", CHINESE_SAMPLE],
  ["reg", CHINESE_SAMPLE],
  ["claims", CHINESE_SAMPLE],
  ["is", CHINESE_SAMPLE, "-p", "2026"],
  ["bs", CHINESE_SAMPLE],
  ["report", "structure", CHINESE_SAMPLE, "-p", "2026"],
  ["report", "structure", CHINESE_SAMPLE, "-p", "2026", "--by", "customer", "--compare", "2025"],
  ["report", "trend", CHINESE_SAMPLE, "-p", "2026"],
  ["report", "budget", CHINESE_SAMPLE, "-p", "2026"],
  ["report", "tax", CHINESE_SAMPLE, "-p", "2026"],
  ["report", "schedules", CHINESE_SAMPLE],
  ["report", "payables", CHINESE_SAMPLE],
  ["report", "trial", CHINESE_SAMPLE, "-p", "2026"],
  ["report", "ledger", CHINESE_SAMPLE, "6602", "-p", "2026-03"],
  ["report", "vouchers", CHINESE_SAMPLE, "-p", "2026-03"],
  ["reg", ENGLISH_SAMPLE],
  ["claims", ENGLISH_SAMPLE],
];

const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const AMOUNT = /-?\d{1,3}(?:,\d{3})*\.\d{2}\b/g;

describe("tables fit the terminal", () => {
  for (const args of COMMANDS) {
    for (const width of [80, 120, 200]) {
      it(`${args.filter((a) => !a.startsWith("/")).join(" ")} at ${width} columns`, () => {
        const result = runCli(args, { COLUMNS: String(width) });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const lines = result.stdout.split("\n");
        for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        // Dates and amounts are whole wherever they are shown: none is cut with an ellipsis.
        expect(result.stdout).not.toMatch(/\d{4}-\d{2}-\d?…|\d,\d{0,2}…|\d\.\d?…|…\d{0,2}-\d{2}\b|…[\d,]*\.\d{2}\b/);
      });
    }
  }

  it("at 80 columns the register keeps date, description, account and amounts in one block", () => {
    const result = runCli(["reg", CHINESE_SAMPLE], { COLUMNS: "80" });
    const [header] = result.stdout.split("\n").filter((line) => /Date/.test(line));
    expect(header).toMatch(/Date.*Desc.*Account.*Amount.*Commodity.*Balance/);
    expect(result.stdout.split("\n\n").filter((block) => /Date/.test(block))).toHaveLength(1);
  });

  it("the same dates and amounts appear at every width (nothing is lost)", () => {
    const figures = (width: number) => {
      const out = runCli(["reg", CHINESE_SAMPLE, "-p", "2026-03"], { COLUMNS: String(width) }).stdout;
      return [(out.match(DATE) ?? []).join(" "), (out.match(AMOUNT) ?? []).join(" ")];
    };
    expect(figures(80)).toEqual(figures(200));
  });

  it("money columns show two decimals in tables while CSV, JSON and xlsx keep the exact value", () => {
    const sheet: Sheet = {
      report: "tax", caption: [localized("Tax", "税")], facts: {},
      columns: [{ key: "label", header: localized("Item", "项目"), kind: "text" }, { key: "amount", header: localized("Amount", "金额"), kind: "amount" }],
      rows: [{ cells: { label: "added back", amount: "2528.3019" } }, { cells: { label: "negative", amount: "-0.005" } }],
      totals: [],
    };
    const style = { lang: "en" as const, color: false, width: 100, bom: false };
    const table = renderSheet(sheet, { ...style, format: "table" });
    expect(table).toContain("2,528.30");
    expect(table).toContain("-0.01");
    expect(table).not.toContain("2528.3019");
    expect(renderSheet(sheet, { ...style, format: "csv" })).toContain("2528.3019");
    expect(renderSheet(sheet, { ...style, format: "json" })).toContain('"2528.3019"');
    expect(sheetDocument(sheet, "en").sections[0]!.rows[0]!.cells).toContain("2528.3019");
  });
});
