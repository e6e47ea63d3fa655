// registerReport keeps its rows column by column (scaled integers, shared strings) and sums the
// running totals on the integers while they stay safe: the rows, totals and cells must be what the
// row objects and plus() (sums.ts) gave, past the safe integers and for Decimal units too; and
// groupedInteger, amountCell's integer part, is groupThousands of the integer's text.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Amount, LedgerEntry } from "../../src/core/data.js";
import { ScaledAmount } from "../../src/core/amount.js";
import { loadLedger } from "../../src/loader/load.js";
import { forEachPosting } from "../../src/books/postings.js";
import { amountPlainText, displayScales } from "../../src/reports/display.js";
import { decimalAmount, plus, zeroOf } from "../../src/reports/sums.js";
import { registerReport, registerSheetParts, type RegisterQuery } from "../../src/reports/register.js";
import { inRange } from "../../src/reports/periods.js";
import { groupedInteger } from "../../src/reports/table-amount.js";
import { groupThousands } from "../../src/render/table.js";
import type { SheetRow } from "../../src/reports/sheet.js";
import { CHINESE_SAMPLE, ENGLISH_SAMPLE } from "./samples.js";

/** The register as row objects, summed with plus(): what registerReport made before its columns. */
function referenceRows(entries: readonly LedgerEntry[], query: RegisterQuery) {
  const running = new Map<string, Amount>();
  const rows: { date: string; payee: string | null; narration: string; account: string; amount: Amount; running: Amount }[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction" || !inRange(entry.date, query)) continue;
    forEachPosting(entry, (account, currency, scaled, scale, decimal) => {
      if (!(query.patterns.length === 0 || query.patterns.some((pattern) => pattern.test(account)))) return;
      const amount = decimal === null ? new ScaledAmount(scaled, scale, currency) : decimalAmount(decimal, currency);
      const total = plus(running.get(currency) ?? zeroOf(currency), amount);
      running.set(currency, total);
      rows.push({ date: entry.date, payee: entry.payee, narration: entry.narration, account, amount, running: total });
    });
  }
  return { rows, totals: [...running.keys()].sort().map((currency) => running.get(currency)!) };
}

const plain = (amount: Amount) => ({ text: amount.number.toString(), currency: amount.currency, scaled: amount instanceof ScaledAmount });

function expectSameRegister(entries: readonly LedgerEntry[], query: RegisterQuery): void {
  const report = registerReport(entries, query);
  const reference = referenceRows(entries, query);
  expect(report.columns.count).toBe(reference.rows.length);
  expect(report.rows.map((row) => ({ ...row, amount: plain(row.amount), running: plain(row.running) })))
    .toEqual(reference.rows.map((row) => ({ ...row, amount: plain(row.amount), running: plain(row.running) })));
  expect(report.totals.map(plain)).toEqual(reference.totals.map(plain));
  const scales = displayScales(entries);
  const cells: SheetRow["cells"][] = [];
  registerSheetParts(report, scales).rows((row) => { cells.push(row.cells); });
  expect(cells.map((cell) => [cell.amount, cell.balance])).toEqual(reference.rows.map((row) => [amountPlainText(row.amount, scales), amountPlainText(row.running, scales)]));
}

describe("registerReport's columns", () => {
  it("hold the rows and totals of the samples as row objects did", () => {
    for (const file of [CHINESE_SAMPLE, ENGLISH_SAMPLE]) {
      const { entries } = loadLedger(file);
      for (const patterns of [[], [/Assets/i], [/Expenses/i, /Income/i], [/^nothing$/]]) {
        expectSameRegister(entries, { patterns, begin: null, end: null });
        expectSameRegister(entries, { patterns, begin: "2026-03-01", end: "2026-06-01" });
      }
    }
  });

  it("sum as plus() sums, past the safe integers and with units too long for a scaled integer", () => {
    const folder = mkdtempSync(join(tmpdir(), "feeledger-register-"));
    const digits = fc.oneof(fc.integer({ min: 0, max: 999_999 }).map(String), fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String));
    const units = fc.tuple(fc.boolean(), digits, fc.option(fc.integer({ min: 0, max: 999_999_999 }).map(String), { nil: undefined }), fc.constantFrom("CNY", "USD"))
      .map(([negative, whole, fraction, currency]) => `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`} ${currency}`);
    let run = 0;
    fc.assert(fc.property(fc.array(fc.tuple(units, fc.boolean()), { minLength: 1, maxLength: 12 }), (postings) => {
      const lines = ["2026-01-01 open Assets:A", "2026-01-01 open Assets:B", "2026-01-01 open Equity:X", ""];
      postings.forEach(([amount, payee], index) => {
        lines.push(`2026-02-${String(1 + (index % 28)).padStart(2, "0")} * ${payee ? '"P" ' : ""}"n${index}"`, `  Assets:${index % 3 === 0 ? "B" : "A"}  ${amount}`, "  Equity:X", "");
      });
      const file = join(folder, `journal-${run++}.beancount`);
      writeFileSync(file, lines.join("\n"));
      const { entries } = loadLedger(file);
      expectSameRegister(entries, { patterns: [], begin: null, end: null });
      expectSameRegister(entries, { patterns: [/Assets/i], begin: null, end: null });
    }), { numRuns: 80 });
  });
});

describe("groupedInteger", () => {
  it("is groupThousands of the integer's text", () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.maxSafeInteger().map(Math.abs), fc.constantFrom(0, 999, 1000, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER)), (value) => {
      expect(groupedInteger(value)).toBe(groupThousands(String(value)));
    }), { numRuns: 20_000 });
  });
});
