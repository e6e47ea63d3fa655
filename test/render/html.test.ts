// The web pages: one self-contained file (no script, nothing from the network), printable on A4
// landscape, and for trend, structure and budget a chart whose values are the table's, read
// from the page itself (scripts/check-html.mjs does the same in a real browser).
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE } from "../reports/samples.js";

/** Attribute values of the elements with class "mark" (the chart's points and bars). */
function marks(html: string): { label: string; value: string; series: string | null; period: string | null }[] {
  return [...html.matchAll(/<(?:circle|rect) class="mark"([^>]*)>/g)].map((match) => {
    const attribute = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(match[1]!)?.[1] ?? null;
    return { label: attribute("data-label")!, value: attribute("data-value")!, series: attribute("data-series"), period: attribute("data-period") };
  });
}

/** The body rows of the page's first table: cells' exact values (data-value) or text. */
function tableRows(html: string): { cells: string[]; texts: string[] }[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => {
    const cells = [...row[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)];
    return {
      cells: cells.map((cell) => /data-value="([^"]*)"/.exec(cell[1]!)?.[1] ?? cell[2]!),
      texts: cells.map((cell) => cell[2]!),
    };
  });
}

function headers(html: string): string[] {
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)![1]!;
  return [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((match) => match[1]!);
}

function page(args: readonly string[]): string {
  const result = runCli([...args, "--format", "html"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("html pages", () => {
  const REPORTS = [
    ["bal", CHINESE_SAMPLE], ["reg", CHINESE_SAMPLE, "-p", "2026-03"], ["claims", CHINESE_SAMPLE], ["is", CHINESE_SAMPLE, "-p", "2026"], ["bs", CHINESE_SAMPLE],
    ["report", "structure", CHINESE_SAMPLE, "-p", "2026"], ["report", "trend", CHINESE_SAMPLE, "-p", "2026"], ["report", "budget", CHINESE_SAMPLE, "-p", "2026"],
    ["report", "tax", CHINESE_SAMPLE, "-p", "2026"], ["report", "schedules", CHINESE_SAMPLE], ["report", "payables", CHINESE_SAMPLE],
    ["report", "trial", CHINESE_SAMPLE, "-p", "2026"], ["report", "ledger", CHINESE_SAMPLE, "6602", "-p", "2026-03"], ["report", "vouchers", CHINESE_SAMPLE, "-p", "2026-03"],
  ];
  for (const args of REPORTS) {
    it(`${args.filter((a) => !a.startsWith("/")).join(" ")}: one self-contained page, printable on A4 landscape`, () => {
      const html = page(args);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="(en|zh-CN)">/);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain("@page { size: A4 landscape;");
      expect(html).not.toMatch(/<script|<link|src=|href=|url\(|@import/i);
      expect(html).toMatch(/<table>[\s\S]*<\/table>/);
      expect(html.endsWith("</html>\n")).toBe(true);
    });
  }

  it("structure: a bar per group whose value is the table's amount", () => {
    const html = page(["report", "structure", CHINESE_SAMPLE, "-p", "2026", "--by", "customer"]);
    const amountAt = headers(html).indexOf("Amount");
    const rows = tableRows(html);
    const bars = marks(html);
    expect(bars.length).toBe(rows.length);
    bars.forEach((bar, index) => {
      expect(bar.label).toBe(rows[index]!.texts[0]);
      expect(bar.value).toBe(rows[index]!.cells[amountAt]);
    });
  });

  it("trend: a point per group and period whose value is the table's", () => {
    const html = page(["report", "trend", CHINESE_SAMPLE, "-p", "2026"]);
    const columns = headers(html);
    const rows = tableRows(html);
    const points = marks(html);
    expect(points.length).toBe(rows.length * 12);
    for (const point of points) {
      const row = rows.find((candidate) => candidate.texts[0] === point.label)!;
      expect(row, point.label).toBeDefined();
      expect(point.value).toBe(row.cells[columns.indexOf(point.period!)]);
    }
  });

  it("budget: budget and actual bars with the table's figures", () => {
    const html = page(["report", "budget", CHINESE_SAMPLE, "-p", "2026", "-Q", "--lang", "zh"]);
    const bars = marks(html);
    const budgets = bars.filter((bar) => bar.series === "预算").map((bar) => bar.value);
    const actuals = bars.filter((bar) => bar.series === "实际").map((bar) => bar.value);
    const rows = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((body) => tableRows(`<tbody>${body[1]}</tbody>`));
    const columns = headers(html);
    expect(budgets).toEqual(rows.map((row) => row.cells[columns.indexOf("预算")]));
    expect(actuals).toEqual(rows.map((row) => row.cells[columns.indexOf("实际")]));
    expect(html).toContain('<html lang="zh-CN">');
  });

  it("text from the journal is escaped", () => {
    const html = page(["reg", CHINESE_SAMPLE, "-p", "2026-03"]);
    expect(html).not.toMatch(/<(?!\/?(?:html|head|meta|title|style|body|h1|h2|p|figure|svg|section|table|thead|tbody|tfoot|tr|th|td|g|line|text|polyline|circle|rect|title)\b)[a-z]/i);
  });

  it("--chart draws in the terminal; --ascii uses no character outside ASCII for the chart", () => {
    for (const report of ["structure", "trend", "budget"]) {
      const unicode = runCli(["report", report, CHINESE_SAMPLE, "-p", "2026", "--chart"]);
      expect(unicode.code).toBe(0);
      expect(unicode.stdout).toMatch(/[▁▂▃▄▅▆▇█░]/);
      const ascii = runCli(["report", report, CHINESE_SAMPLE, "-p", "2026", "--chart", "--ascii"]);
      expect(ascii.code).toBe(0);
      const chart = ascii.stdout.slice(runCli(["report", report, CHINESE_SAMPLE, "-p", "2026"]).stdout.length);
      expect(chart.length).toBeGreaterThan(0);
      // Labels are the journal's (Chinese) names; the bars and sparklines are ASCII.
      expect(chart.replace(/[\u3000-\u9fff\uff00-\uffef]/g, "")).toMatch(/^[\x20-\x7e\n…]*$/);
      expect(chart).toMatch(/[#=+*:.\-_]{2,}/);
    }
    expect(runCli(["report", "tax", CHINESE_SAMPLE, "--chart"]).code).toBe(2);
    expect(runCli(["report", "trend", CHINESE_SAMPLE, "--ascii"]).code).toBe(2);
  });
});
