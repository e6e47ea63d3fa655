// The register and the subsidiary ledger keep their running sums as scaled integers while they fit
// (src/reports/sums.ts) and write them without a Decimal (amountPlainText): both must give what
// the Decimal sums and plainAmount gave, including past the safe integers, where sums fall back to
// decimal.js, and for units written with more digits than a scaled integer holds.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Amount } from "../../src/core/data.js";
import { Decimal } from "../../src/core/number.js";
import { MAX_SCALE, ScaledAmount, decimalOf } from "../../src/core/amount.js";
import { amountPlainText, plainAmount } from "../../src/reports/display.js";
import { absolute, decimalAmount, isAbove, isBelow, isNil, negated, plus, zeroOf } from "../../src/reports/sums.js";
import { runCli } from "../helpers/cli.js";

const SAFE = Number.MAX_SAFE_INTEGER;

/** A scaled amount (never -0) or, one time in four, the same kind of value as a plain Decimal amount. */
const amounts = fc.tuple(
  fc.oneof(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -SAFE, max: SAFE }), fc.constantFrom(0, 10, -100, 1000, SAFE, -SAFE)),
  fc.integer({ min: 0, max: MAX_SCALE }),
  fc.boolean(),
).map(([scaled, scale, plain]): Amount => {
  const value = scaled || 0;
  return plain && value % 4 === 1 ? decimalAmount(decimalOf(value, scale), "CNY") : new ScaledAmount(value, scale, "CNY");
});

const displayScales = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }).map((scale) => new Map(scale === undefined ? [] : [["CNY", scale]]));

describe("amountPlainText", () => {
  it("writes a scaled amount as plainAmount writes its Decimal", () => {
    expect(amountPlainText(new ScaledAmount(251330, 2, "CNY"), new Map([["CNY", 2]]))).toBe("2513.30");
    expect(amountPlainText(new ScaledAmount(-5, 3, "CNY"), new Map([["CNY", 2]]))).toBe("-0.005");
    expect(amountPlainText(new ScaledAmount(7, 0, "CNY"), new Map([["CNY", 2]]))).toBe("7.00");
    expect(amountPlainText(new ScaledAmount(0, 4, "CNY"), new Map())).toBe("0");
    fc.assert(fc.property(amounts, displayScales, (amount, scales) => amountPlainText(amount, scales) === plainAmount(amount.number, "CNY", scales)), { numRuns: 3000 });
  });
});

describe("running sums", () => {
  it("agree with the Decimal sums, past the safe integers too", () => {
    fc.assert(fc.property(fc.array(amounts, { maxLength: 40 }), displayScales, (added, scales) => {
      let sum = zeroOf("CNY");
      let decimal = new Decimal(0);
      for (const amount of added) {
        sum = plus(sum, amount);
        decimal = decimal.plus(amount.number);
        if (amountPlainText(sum, scales) !== plainAmount(decimal, "CNY", scales)) return false;
      }
      return true;
    }), { numRuns: 1000 });
  });

  it("negate, take the absolute value and compare with zero as Decimal does", () => {
    fc.assert(fc.property(amounts, displayScales, (amount, scales) => {
      const number = amount.number;
      return amountPlainText(negated(amount), scales) === plainAmount(number.neg(), "CNY", scales)
        && amountPlainText(absolute(amount), scales) === plainAmount(number.abs(), "CNY", scales)
        && isAbove(amount) === (number.isPositive() && !number.isZero())
        && isBelow(amount) === (number.isNegative() && !number.isZero())
        && isNil(amount) === number.isZero();
    }), { numRuns: 2000 });
  });
});

describe("reg and report ledger past the safe integers", () => {
  // The bank's postings fit scaled integers and their sum soon does not (2^53 is about 9.007e15;
  // here 9e14 a month at two places); the cash's have more places than a scaled integer keeps.
  const journal = [
    "2026-01-01 open Assets:Bank CNY", "2026-01-01 open Assets:Cash CNY", "2026-01-01 open Equity:Capital CNY", "",
    ...Array.from({ length: 12 }, (_, month) => [
      `2026-${String(month + 1).padStart(2, "0")}-05 * "Capital"`,
      "  Assets:Bank  9000000000000.05 CNY",
      "  Equity:Capital  -9000000000000.05 CNY",
      "",
      `2026-${String(month + 1).padStart(2, "0")}-20 * "Change"`,
      "  Assets:Cash  -0.123456789012345678 CNY",
      "  Equity:Capital",
      "",
    ].join("\n")),
  ].join("\n");
  /** The places CNY is shown with: the most common (two, on 24 postings of the 36). */
  const cny = new Map([["CNY", 2]]);

  it("shows the Decimal sums", () => {
    const file = join(mkdtempSync(join(tmpdir(), "feeledger-sums-")), "big.beancount");
    writeFileSync(file, journal);
    for (const account of ["Assets:Bank", "Assets:Cash"]) {
      const rows = JSON.parse(runCli(["reg", file, account, "--format", "json"]).stdout).rows as { amount: string; balance: string }[];
      expect(rows).toHaveLength(12);
      let balance = new Decimal(0);
      for (const row of rows) {
        balance = balance.plus(row.amount);
        expect(row.balance).toBe(plainAmount(balance, "CNY", cny));
      }
      const ledger = JSON.parse(runCli(["report", "ledger", file, account, "--format", "json"]).stdout).rows as { kind: string; debit: string | null; credit: string | null; balance: string }[];
      const year = ledger.at(-1)!;
      expect(year.kind).toBe("year");
      expect(year.balance).toBe(plainAmount(balance.abs(), "CNY", cny));
      expect(year[account === "Assets:Bank" ? "debit" : "credit"]).toBe(plainAmount(balance.abs(), "CNY", cny));
    }
  });
});
