// Transactions with price annotations (`10.00 USD @ 7.19 CNY`, `@@ total`) are booked with
// integers when they are simple (bookPricedTransaction in src/booking/book.ts), and their balance
// checked with integers (weightsSumToZero in src/booking/residual.ts). Both must give exactly what
// the general path gives: the same booked postings (numbers, scales, currencies, order, which are
// interpolated), the same diagnostics, the same "does not balance" errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookEntries, roundedScaled } from "../../../src/booking/book.js";
import { quantize } from "../../../src/core/scaled.js";
import { decimalOf, scaledOf } from "../../../src/core/amount.js";
import { checkTransactionBalances } from "../../../src/booking/residual.js";
import type { Amount, BookedTransaction, Directive, Posting, Transaction } from "../../../src/core/data.js";
import { Decimal } from "../../../src/core/number.js";
import { ScaledAmount } from "../../../src/core/amount.js";
import { DEFAULT_OPTIONS, type LedgerOptions } from "../../../src/core/options.js";
import { parseSource } from "../../../src/parser/parse.js";
import { numberKey } from "../../../src/plugins/implicit-prices.js";
import { sortByBeancountKey } from "../../../src/plugins/run.js";

/** The transaction with every price as a plain object: bookPricedTransaction leaves it to the general path. */
function generalOnly(transaction: Transaction): Transaction {
  const postings: Posting[] = transaction.postings.map((posting) => posting.price === null ? posting : {
    span: posting.span, flag: posting.flag, account: posting.account, units: posting.units, costSpec: posting.costSpec,
    costIsTotal: posting.costIsTotal, price: { number: posting.price.number, scale: posting.price.scale, currency: posting.price.currency },
    priceIsTotal: posting.priceIsTotal, meta: posting.meta,
  });
  return {
    type: "transaction", date: transaction.date, span: transaction.span, meta: transaction.meta, flag: transaction.flag, payee: transaction.payee,
    narration: transaction.narration, tags: transaction.tags, links: transaction.links, postings, booked: [],
  } as unknown as Transaction;
}

function amountText(amount: Amount | null): string | null {
  return amount === null ? null : `${amount.number.toFixed(Math.max(amount.scale, 0))}/${amount.scale} ${amount.currency}`;
}

function described(entries: readonly Directive[]): unknown[] {
  return entries.filter((entry) => entry.type === "transaction").map((entry) => (entry as BookedTransaction).booked.map((posting) => [
    posting.account, amountText(posting.units), amountText(posting.price), posting.cost, posting.interpolated,
  ]));
}

function expectSameBooking(text: string, options: LedgerOptions = DEFAULT_OPTIONS): readonly Directive[] {
  const parsed = parseSource(text, "t.beancount");
  expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const fast = bookEntries(parsed.directives, options);
  const again = parseSource(text, "t.beancount");
  const general = bookEntries(again.directives.map((entry) => entry.type === "transaction" ? generalOnly(entry) : entry), options);
  expect(described(fast.value)).toEqual(described(general.value));
  expect(fast.diagnostics).toEqual(general.diagnostics);
  expect(checkTransactionBalances(fast.value, options)).toEqual(checkTransactionBalances(general.value, options));
  return fast.value;
}

const NUMBERS = ["10", "-3", "257.00", "1,000.50", "0", "-0.00", "0.000001", "3.33", "-1850.94", "123456789.12", "999999999999.99"];
const PRICES = ["7.19", "7", "0", "0.1389", "1,234.5", "7.123456789", "0.000001", "3", "99999.99"];

describe("booking transactions with price annotations", () => {
  it("books as the general path does (random transactions)", () => {
    const posting = fc.tuple(
      fc.constantFrom("Expenses:A", "Expenses:B", "Assets:C"),
      fc.constantFrom(...NUMBERS),
      fc.constantFrom("USD", "CNY", "EUR"),
      fc.option(fc.tuple(fc.constantFrom("@", "@@"), fc.constantFrom(...PRICES), fc.constantFrom("CNY", "USD")), { nil: null }),
    ).map(([account, number, currency, price]) => `  ${account}  ${number} ${currency}${price === null ? "" : ` ${price[0]} ${price[1]} ${price[2]}`}`);
    const transaction = fc.tuple(fc.array(posting, { minLength: 1, maxLength: 5 }), fc.constantFrom("", "  Liabilities:D", "  Liabilities:D  -10.00 CNY"))
      .map(([postings, last]) => `2026-01-01 * "t"\n${postings.join("\n")}\n${last}\n`);
    const tolerances = [
      DEFAULT_OPTIONS,
      { ...DEFAULT_OPTIONS, inferredToleranceDefault: new Map([["CNY", new Decimal("0.005")], ["*", new Decimal("0.01")]]) },
      { ...DEFAULT_OPTIONS, inferToleranceFromCost: true },
    ];
    fc.assert(fc.property(fc.array(transaction, { minLength: 1, maxLength: 5 }), fc.constantFrom(...tolerances), (texts, options) => {
      expectSameBooking(texts.join("\n"), options);
    }), { numRuns: 2000 });
  });

  it("books the usual foreign-currency expense with integers, as the general path does", () => {
    const booked = expectSameBooking([
      "2026-01-01 * \"claim\"",
      "  Expenses:Fees  3080.94 CNY",
      "  Expenses:CRM  257.00 USD @ 7.19 CNY",
      "  Expenses:CRM  1197.00 USD @ 7.16 CNY",
      "  Liabilities:Payable",
      "",
      "2026-01-02 * \"total\"",
      "  Expenses:CRM  3 USD @@ 10.00 CNY",
      "  Liabilities:Payable",
      "",
      "2026-01-03 * \"rounding\"",
      "  Expenses:CRM  3.33 USD @ 7.1234 CNY",
      "  Liabilities:Payable  -23.80 CNY",
      "",
    ].join("\n"));
    // (The integer path keeps the written price, a ScaledAmount; the general path makes a new object.)
    expect((booked[0] as BookedTransaction).booked[1]!.price).toBeInstanceOf(ScaledAmount);
  });

  it("keys implicit prices by the number as Decimal writes it", () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 15 }), (scaled, scale) => {
      const amount = new ScaledAmount(scaled === 0 ? 0 : scaled, scale, "CNY");
      expect(numberKey(amount)).toBe(amount.number.toString());
    }), { numRuns: 5000 });
  });

  it("sorts after a plugin as the keyed stable sort did", () => {
    const oldSort = (entries: readonly Directive[], lineOf: (entry: Directive) => number): Directive[] => {
      const keyed = entries.map((entry, index) => ({ entry, index, line: lineOf(entry) }));
      keyed.sort((left, right) => {
        if (left.entry.date !== right.entry.date) return left.entry.date < right.entry.date ? -1 : 1;
        const order = (entry: Directive) => entry.type === "open" ? -2 : entry.type === "balance" ? -1 : entry.type === "document" ? 1 : entry.type === "close" ? 2 : 0;
        return order(left.entry) - order(right.entry) || left.line - right.line || left.index - right.index;
      });
      return keyed.map((item) => item.entry);
    };
    const entry = fc.tuple(fc.constantFrom("2026-01-01", "2026-01-02", "2026-01-03"), fc.constantFrom("open", "balance", "close", "document", "price", "note"), fc.nat(5))
      .map(([date, type, line]) => ({ type, date, line } as unknown as Directive));
    fc.assert(fc.property(fc.array(entry, { maxLength: 40 }), fc.boolean(), (written, presorted) => {
      // (Each entry told apart: equal keys must keep their order.)
      const entries = written.map((item, id) => ({ ...item, id }) as Directive);
      const lineOf = (item: Directive) => (item as unknown as { line: number }).line;
      const input = presorted ? oldSort(entries, lineOf) : entries;
      expect(sortByBeancountKey(input as never, lineOf as never)).toEqual(oldSort(input, lineOf));
    }), { numRuns: 3000 });
  });

  it("rounds scaled integers half to even as quantize does", () => {
    const scaledInteger = fc.oneof(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: -100000, max: 100000 }));
    fc.assert(fc.property(scaledInteger, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 14 }), (scaled, scale, wanted) => {
      const rounding = wanted % scale;
      const quantized = quantize({ value: decimalOf(scaled, scale), scale }, rounding);
      const expected = scaledOf(quantized.value, rounding);
      const rounded = roundedScaled(scaled, scale, rounding);
      if (expected === null) expect(rounded).toBeNaN();
      else expect(rounded).toBe(expected);
    }), { numRuns: 20000 });
    expect(roundedScaled(18478300, 4, 2)).toBe(184783);
    expect(roundedScaled(125, 2, 1)).toBe(12);
    expect(roundedScaled(135, 2, 1)).toBe(14);
    expect(roundedScaled(-125, 2, 1)).toBe(-12);
    expect(roundedScaled(-4, 2, 1)).toBeNaN();
  });
});
