// Interpolation and cost resolution; expected numbers are beancount 2.3.5's (checked with bean-check).
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/number.js";
import { book, open, options, postingsOf, txn } from "./build.js";

const accounts = [open("2020-01-01", "Assets:A"), open("2020-01-01", "Assets:B"), open("2020-01-01", "Assets:Stock")];

describe("interpolation", () => {
  it("fills the elided amount with the residual, rounded to a neat tolerance", () => {
    const { entries, messages } = book([...accounts, txn("2020-01-03", "interp", "Assets:A  10.00 EUR", "Assets:A  0.3333 EUR", "Assets:B")]);
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "interp")).toEqual(["Assets:A 10.00 EUR", "Assets:A 0.3333 EUR", "Assets:B -10.33 EUR"]);
  });

  it("keeps all 28 digits when no tolerance is inferred (integer units, @@ price)", () => {
    const { entries } = book([...accounts, txn("2020-01-03", "atat", "Assets:Stock  3 GBP @@ 10.00 USD", "Assets:A")]);
    expect(postingsOf(entries, "atat")).toEqual([
      "Assets:Stock 3 GBP @ 3.333333333333333333333333333 USD",
      "Assets:A -9.999999999999999999999999999 USD",
    ]);
  });

  it("rounds to the inferred_tolerance_default of the currency", () => {
    const ledgerOptions = options({ inferredToleranceDefault: new Map([["USD", new Decimal("0.005")]]) });
    const { entries } = book([...accounts, txn("2020-01-03", "interp", "Assets:Stock  1 GBP @ 1.123456 USD", "Assets:B")], ledgerOptions);
    expect(postingsOf(entries, "interp")).toEqual(["Assets:Stock 1 GBP @ 1.123456 USD", "Assets:B -1.12 USD"]);
  });

  it("resolves total costs to per-unit costs with Python's 28 digits", () => {
    const { entries } = book([
      ...accounts,
      txn("2020-01-08", "total", "Assets:Stock  3 HOOL {{100.00 USD}}", "Assets:A  -100.00 USD"),
      txn("2020-01-09", "hash", "Assets:Stock  3 HOOL {10 # 1.00 USD}", "Assets:A  -31.00 USD"),
    ]);
    expect(postingsOf(entries, "total")[0]).toBe("Assets:Stock 3 HOOL {33.33333333333333333333333333 USD, 2020-01-08}");
    expect(postingsOf(entries, "hash")[0]).toBe("Assets:Stock 3 HOOL {10.33333333333333333333333333 USD, 2020-01-09}");
  });

  it("interpolates units held at cost and an elided cost number and currency", () => {
    const { entries, messages } = book([
      ...accounts,
      txn("2020-01-07", "units", "Assets:Stock  HOOL {100.00 USD}", "Assets:A  -1000.00 USD"),
      txn("2020-01-08", "per", "Assets:Stock  4 HOOL {}", "Assets:A  -1000.00 USD"),
    ]);
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "units")[0]).toBe("Assets:Stock 10 HOOL {100.00 USD, 2020-01-07}");
    expect(postingsOf(entries, "per")[0]).toBe("Assets:Stock 4 HOOL {250.00 USD, 2020-01-08}");
  });

  it("keeps an explicit lot date and label", () => {
    const { entries } = book([...accounts, txn("2020-01-08", "dated", 'Assets:Stock  1 HOOL {5 USD, 2019-12-31, "lot1"}', "Assets:A")]);
    expect(postingsOf(entries, "dated")).toEqual(['Assets:Stock 1 HOOL {5 USD, 2019-12-31, "lot1"}', "Assets:A -5 USD"]);
  });

  it("orders booked postings by currency group, as beancount does", () => {
    const { entries } = book([...accounts, txn("2020-01-02", "mixed", "Assets:A  10 USD", "Assets:B  5 EUR", "Assets:A  -10 USD", "Assets:B  -5 EUR")]);
    expect(postingsOf(entries, "mixed")).toEqual(["Assets:A 10 USD", "Assets:A -10 USD", "Assets:B 5 EUR", "Assets:B -5 EUR"]);
  });

  it("copies the auto-posting into every currency group and drops it where nothing is left", () => {
    const { entries } = book([
      ...accounts,
      txn("2020-01-02", "two", "Assets:A  10 USD", "Assets:A  5 EUR", "Assets:B"),
      txn("2020-01-02", "nothing", "Assets:A  1.00 USD", "Assets:B  -1.00 USD", "Assets:Stock"),
    ]);
    expect(postingsOf(entries, "two")).toEqual(["Assets:A 10 USD", "Assets:B -10 USD", "Assets:A 5 EUR", "Assets:B -5 EUR"]);
    expect(postingsOf(entries, "nothing")).toEqual(["Assets:A 1.00 USD", "Assets:B -1.00 USD"]);
  });

  it("infers an elided currency from the other postings", () => {
    const { entries } = book([...accounts, txn("2020-01-02", "cur", "Assets:A  10.00 USD", "Assets:B  -10.00")]);
    expect(postingsOf(entries, "cur")).toEqual(["Assets:A 10.00 USD", "Assets:B -10.00 USD"]);
  });

  it("drops a transaction with two auto-postings, reporting at the transaction", () => {
    const transaction = txn("2020-01-08", "two autos", "Assets:A  1.00 USD", "Assets:B", "Assets:Stock");
    const { entries, diagnostics } = book([...accounts, transaction]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["categorization", "You may not have more than one auto-posting per currency"]]);
    expect(diagnostics[0]!.span).toEqual(transaction.span);
    expect(diagnostics[0]!.postingSpan).toEqual(transaction.postings[2]!.span);
    expect(entries.some((entry) => entry.type === "transaction" && entry.narration === "two autos")).toBe(false);
  });

  it("reports too many missing numbers and keeps the transaction without that group", () => {
    const { entries, messages } = book([...accounts, txn("2020-01-05", "many", "Assets:A  USD", "Assets:B", "Assets:Stock  1.00 USD")]);
    expect(messages).toEqual(["Too many missing numbers for currency group 'USD'"]);
    expect(postingsOf(entries, "many")).toEqual([]);
  });

  it("reports zero units and negative costs but keeps the postings", () => {
    const { entries, messages } = book([
      ...accounts,
      txn("2020-01-09", "zero", "Assets:Stock  0 HOOL {100.00 USD}", "Assets:A  0.00 USD"),
      txn("2020-01-10", "neg", "Assets:Stock  1 HOOL {-100.00 USD}", "Assets:A  100.00 USD"),
    ]);
    expect(messages).toEqual([
      'Amount is zero: "0 HOOL"',
      `Cost is negative: "Cost(number=Decimal('-100.00'), currency='USD', date=datetime.date(2020, 1, 10), label=None)"`,
    ]);
    expect(postingsOf(entries, "neg")).toHaveLength(2);
  });
});
