// The passes after parsing that were made faster (checkval): each new algorithm answers as the
// one it replaced. AccountBalance (src/booking/balance.ts) holds what an Inventory would;
// validateAccountsAndCurrencies (src/validation/accounts.ts) reports what validateAccounts then
// validateCurrencyConstraints report; numberParts (src/validation/fapiao.ts) reads a fapiao
// number as isFapiaoNumber, numberHigh and numberLow do; linesBySpan finds lines as its Map did.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { AccountBalance } from "../../src/booking/balance.js";
import { Inventory } from "../../src/booking/inventory.js";
import { ScaledAmount } from "../../src/core/amount.js";
import type { Amount, Cost, Directive, LedgerEntry } from "../../src/core/data.js";
import { Decimal } from "../../src/core/number.js";
import { linesBySpan, linesBySpanMap, loadLedger } from "../../src/loader/load.js";
import { validateAccountsAndCurrencies } from "../../src/validation/accounts.js";
import { validateAccounts, validateCurrencyConstraints } from "../helpers/account-checks-before.js";
import { numberPartsOf } from "../../src/validation/fapiao.js";
import { numberPartsByRuns } from "../helpers/fapiao-before.js";

const dir = mkdtempSync(join(tmpdir(), "checkval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function positions(inventory: Inventory): string[] {
  return [...inventory].map((position) => `${position.units.number.toString()}/${position.units.scale} ${position.units.currency} ${position.cost === null ? "-" : position.cost.number.toString()}`);
}

describe("AccountBalance", () => {
  it("holds the positions an Inventory holds, in the same order and at the same scales", () => {
    const cost: Cost = { number: new Decimal("1.5"), currency: "USD", date: "2020-01-01", label: null };
    const addition = fc.record({
      scaled: fc.oneof(fc.integer({ min: -30, max: 30 }), fc.constantFrom(0, 2 ** 52, -(2 ** 52), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER)),
      scale: fc.integer({ min: 0, max: 4 }),
      currency: fc.constantFrom("CNY", "USD", "EUR"),
      kind: fc.constantFrom("scaled", "scaled", "scaled", "amount", "amount", "cost"),
    });
    fc.assert(fc.property(fc.array(addition, { maxLength: 40 }), (additions) => {
      const inventory = new Inventory();
      const balance = new AccountBalance();
      for (const { scaled, scale, currency, kind } of additions) {
        const units = new ScaledAmount(scaled, scale, currency);
        if (kind === "scaled") {
          inventory.add(units, null);
          balance.addScaled(currency, scaled, scale);
        } else {
          const plain: Amount = kind === "cost" ? units : { number: new Decimal(scaled).div(new Decimal(10).pow(scale)), scale, currency };
          inventory.add(plain, kind === "cost" ? cost : null);
          balance.add(plain, kind === "cost" ? cost : null);
        }
        expect(positions(balance.snapshot())).toEqual(positions(inventory));
        for (const asked of ["CNY", "USD", "EUR"]) {
          const a = balance.snapshot().unitsOf(asked);
          const b = inventory.unitsOf(asked);
          expect([a.value.toString(), a.scale]).toEqual([b.value.toString(), b.scale]);
        }
      }
    }), { numRuns: 300 });
  });
});

describe("validateAccountsAndCurrencies", () => {
  it("reports what validateAccounts then validateCurrencyConstraints report", () => {
    const account = fc.constantFrom("Assets:A", "Assets:A:B", "Assets:C", "Equity:E", "Expenses:X", "Expenses:Y");
    const date = fc.constantFrom("2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04");
    const currency = fc.constantFrom("CNY", "USD", "EUR");
    const open = fc.tuple(date, account, fc.array(currency, { maxLength: 2 })).map(([d, a, cs]) => `${d} open ${a}${cs.length > 0 ? " " + [...new Set(cs)].join(",") : ""}\n`);
    const close = fc.tuple(date, account).map(([d, a]) => `${d} close ${a}\n`);
    const posting = fc.tuple(account, fc.integer({ min: -9, max: 9 }), currency, fc.boolean())
      .map(([a, n, c, priced]) => `  ${a}  ${n} ${c}${priced ? " @ 2 JPY" : ""}\n`);
    const transaction = fc.tuple(date, fc.array(posting, { minLength: 1, maxLength: 4 }), account)
      .map(([d, ps, auto]) => `${d} * "t"\n${ps.join("")}  ${auto}\n`);
    const other = fc.tuple(date, account, account, fc.constantFrom("note", "pad", "balance")).map(([d, a, b, kind]) =>
      kind === "note" ? `${d} note ${a} "n"\n` : kind === "pad" ? `${d} pad ${a} ${b}\n` : `${d} balance ${a} 1 CNY\n`);
    const journal = fc.array(fc.oneof(open, open, close, transaction, transaction, transaction, other), { maxLength: 25 });
    let count = 0;
    fc.assert(fc.property(journal, (lines) => {
      const file = join(dir, `accounts-${count++}.beancount`);
      writeFileSync(file, lines.join("\n"));
      const entries = loadLedger(file).entries;
      const show = (d: { code: string; message: string; span: { start: number } }) => `${d.span.start} ${d.code}: ${d.message}`;
      expect(validateAccountsAndCurrencies(entries).map(show)).toEqual([...validateAccounts(entries), ...validateCurrencyConstraints(entries)].map(show));
    }), { numRuns: 200 });
  });
});

describe("numberParts", () => {
  it("reads a fapiao number as isFapiaoNumber, numberHigh and numberLow do", () => {
    const digits = (n: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((d) => d.join(""));
    const text = fc.oneof(
      digits(20),
      fc.tuple(digits(10), digits(8)).map(([a, b]) => `${a}-${b}`),
      fc.tuple(digits(12), digits(8)).map(([a, b]) => `${a}-${b}`),
      fc.constantFrom("99999999999999999999", "999999999999-99999999", "9999999999-99999999", "00000000000000000000"),
      fc.string({ maxLength: 22 }),
      fc.array(fc.constantFrom(..."0123456789-/:a９"), { minLength: 18, maxLength: 22 }).map((d) => d.join("")),
    );
    fc.assert(fc.property(text, (value) => {
      expect(numberPartsOf(value)).toEqual(numberPartsByRuns(value));
    }), { numRuns: 2000 });
  });
});

describe("linesBySpan", () => {
  it("gives each entry's line as the Map by file and start does, entries asked in any order", () => {
    const file = fc.constantFrom("a.beancount", "b.beancount", "c.beancount");
    const layout = fc.array(fc.tuple(file, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 500 })), { maxLength: 60 });
    fc.assert(fc.property(layout, fc.array(fc.tuple(fc.nat(), file, fc.integer({ min: 0, max: 400 }), fc.boolean()), { maxLength: 80 }), (written, asks) => {
      // Starts increase within each file (as the parser writes them); lines are arbitrary.
      const next = new Map<string, number>();
      const directives = written.map(([name, step]) => {
        const start = (next.get(name) ?? 0) + step;
        next.set(name, start);
        return { span: { file: name, start, end: start + 1 } };
      }) as unknown as Directive[];
      const lines = written.map(([, , line]) => line);
      const fast = linesBySpan(directives, lines);
      const reference = linesBySpanMap(directives, lines);
      for (const [pick, name, start, existing] of asks) {
        const entry = (existing && directives.length > 0
          ? directives[pick % directives.length]
          : { span: { file: name, start, end: start + 1 } }) as unknown as LedgerEntry;
        expect(fast(entry)).toBe(reference(entry));
      }
    }), { numRuns: 500 });
  });
});
