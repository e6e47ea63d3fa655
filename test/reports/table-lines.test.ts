// The register and the subsidiary ledger draw their terminal tables from the report's rows in two
// reads (registerTableLines, ledgerTableLines: src/render/line-table.ts): the same bytes as the
// sheet's table drawn from its rows (writeSheetTableFrom), in both languages, at any width.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { ChartOfAccounts } from "../../src/books/accounts.js";
import { booksCurrency } from "../../src/periods/vouchers.js";
import { displayScales } from "../../src/reports/display.js";
import { fillRegisterTable, registerReport, registerSheetParts, registerTableLines } from "../../src/reports/register.js";
import { fillLedgerTable, ledgerReport, ledgerSheetParts, ledgerTableLines, ledgerTableRows } from "../../src/reports/ledger.js";
import { sheetTableOf, writeSheetTableFrom, writeSheetTableLines, type SheetStyle } from "../../src/render/sheet.js";
import { ByteTable } from "../../src/render/byte-lines.js";
import type { SheetParts } from "../../src/reports/sheet-parts.js";
import type { TableLines } from "../../src/render/line-table.js";
import type { Lang } from "../../src/reports/sheet.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "./samples.js";

const WIDTHS = [undefined, 200, 100, 80, 60, 40, 24];

/** How many tables the one-read byte writer (render/byte-lines.ts) took, and how many it was offered. */
const bytesTaken = { taken: 0, offered: 0 };

/**
 * The table drawn from the sheet's rows, from `lines` in two reads and (with `fill`, when it takes
 * the table) by a ByteTable in one read: the same bytes.
 */
function expectSame(parts: SheetParts, lines: TableLines, lang: Lang, width: number | undefined, fill?: (table: ByteTable) => boolean, rows = 16): void {
  const style: SheetStyle = { format: "table", lang, color: false, width: width ?? Number.POSITIVE_INFINITY, bom: false };
  const drawn: string[] = [];
  writeSheetTableFrom(parts.sheet, style, parts.rows, (text) => { drawn.push(text); });
  const written: string[] = [];
  writeSheetTableLines(parts.sheet, style, parts.rows, lines, (text) => { written.push(text); });
  expect(written.join("")).toBe(drawn.join(""));
  if (fill === undefined) return;
  bytesTaken.offered++;
  const around = sheetTableOf(parts.sheet, style)!;
  const table = new ByteTable(around.columns, rows);
  if (!fill(table)) return;
  table.footer(around.footer);
  if (!table.ok) return;
  bytesTaken.taken++;
  const bytes: Buffer[] = [];
  table.write(width, around.before, "\n", (piece) => { bytes.push(Buffer.from(piece)); });
  expect(Buffer.concat(bytes).toString("utf8")).toBe(drawn.join(""));
}

describe("registerTableLines", () => {
  for (const file of [CHINESE_SAMPLE, ENGLISH_SAMPLE]) {
    const ledger = loadLedger(file);
    const scales = displayScales(ledger.entries);
    for (const patterns of [[], [/Assets/i], [/Expenses/i, /Income/i], [/^nothing$/]]) {
      it(`draws ${file.split("/").pop()} ${patterns.map(String).join(" ")} as the sheet's table`, () => {
        for (const [begin, end] of [[null, null], ["2026-03-01", "2026-06-01"]] as const) {
          const report = registerReport(ledger.entries, { patterns, begin, end });
          for (const lang of ["zh", "en"] as const) {
            for (const width of WIDTHS) expectSame(registerSheetParts(report, scales), registerTableLines(report, scales), lang, width, (table) => fillRegisterTable(report, scales, table), report.columns.count);
          }
        }
      });
    }
  }
});

describe("ledgerTableLines", () => {
  for (const file of [CHINESE_SAMPLE, ENGLISH_SAMPLE]) {
    const ledger = loadLedger(file);
    const scales = displayScales(ledger.entries);
    const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);
    const accounts = [...new Set(chart.opened.map((account) => account.split(":").slice(0, 2).join(":")))].slice(0, 8);
    it(`draws ${file.split("/").pop()}'s ledgers as the sheet's table`, () => {
      for (const account of accounts) {
        for (const rollup of [false, true]) {
          for (const [begin, end] of [[null, null], ["2026-02-01", "2026-05-01"]] as const) {
            const report = ledgerReport(ledger.entries, chart, { account, rollup, begin, end, currency: booksCurrency(ledger.options) });
            for (const lang of ["zh", "en"] as const) {
              for (const width of WIDTHS) expectSame(ledgerSheetParts(report, scales), ledgerTableLines(report, scales, lang), lang, width, (table) => fillLedgerTable(report, scales, lang, table), ledgerTableRows(report));
            }
          }
        }
      }
    });
  }
});

describe("registerTableLines and ledgerTableLines past the safe integers", () => {
  // Sums that leave the safe integers (9e12 a month at two places, in and out), units with more
  // places than a scaled integer keeps, a period that starts within the year (opening and year's
  // sums of them too), subaccounts (rollup).
  const journal = [
    "2026-01-01 open Assets:Bank CNY", "2026-01-01 open Assets:Bank:Sub CNY", "2026-01-01 open Assets:Cash CNY", "2026-01-01 open Equity:Capital CNY", "",
    ...Array.from({ length: 12 }, (_, month) => {
      const date = `2026-${String(month + 1).padStart(2, "0")}`;
      return [
        `${date}-05 * "Capital"`, "  Assets:Bank  9000000000000.05 CNY", "  Equity:Capital  -9000000000000.05 CNY", "",
        `${date}-12 * "Back" "out"`, `  Assets:Bank:Sub  -${month % 3 === 0 ? "12000000000000.10" : "1.5"} CNY`, "  Equity:Capital", "",
        `${date}-20 * "Change"`, "  Assets:Cash  -0.123456789012345678 CNY", "  Assets:Bank  0.000000000000000001 CNY", "  Equity:Capital", "",
      ].join("\n");
    }),
  ].join("\n");
  const file = join(mkdtempSync(join(tmpdir(), "feeledger-lines-")), "big.beancount");
  writeFileSync(file, journal);
  const ledger = loadLedger(file);
  const scales = displayScales(ledger.entries);
  const chart = new ChartOfAccounts(ledger.entries, ledger.options.accountRoots);

  it("draws them as the sheet's table", () => {
    expect(ledger.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    for (const [begin, end] of [[null, null], ["2026-03-15", "2026-11-01"]] as const) {
      for (const patterns of [[], [/Assets/i]]) {
        const report = registerReport(ledger.entries, { patterns, begin, end });
        for (const width of WIDTHS) expectSame(registerSheetParts(report, scales), registerTableLines(report, scales), "en", width, (table) => fillRegisterTable(report, scales, table), 1);
      }
      for (const account of ["Assets", "Assets:Bank", "Assets:Cash", "Equity"]) {
        for (const rollup of [false, true]) {
          const report = ledgerReport(ledger.entries, chart, { account, rollup, begin, end, currency: booksCurrency(ledger.options) });
          for (const lang of ["zh", "en"] as const) {
            for (const width of WIDTHS) expectSame(ledgerSheetParts(report, scales), ledgerTableLines(report, scales, lang), lang, width, (table) => fillLedgerTable(report, scales, lang, table), ledgerTableRows(report));
          }
        }
      }
    }
  });
});

describe("the one-read byte writer", () => {
  it("took most of the tables above", () => {
    // (Run after the others in this file: vitest runs a file's tests in order.)
    expect(bytesTaken.offered).toBeGreaterThan(100);
    expect(bytesTaken.taken * 2).toBeGreaterThan(bytesTaken.offered);
  });
});
