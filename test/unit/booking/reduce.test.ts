// Lot matching and booking methods; messages and numbers as beancount 2.3.5 gives them.
import { describe, expect, it } from "vitest";
import type { BookingMethod } from "../../../src/core/data.js";
import { book, open, options, postingsOf, txn } from "./build.js";

function ledger(method: BookingMethod | null, ...sales: ReturnType<typeof txn>[]) {
  return [
    open("2020-01-01", "Assets:Stock", method),
    open("2020-01-01", "Assets:Cash"),
    open("2020-01-01", "Income:Gains"),
    txn("2020-01-02", "buy1", "Assets:Stock  10 HOOL {100.00 USD}", "Assets:Cash  -1000.00 USD"),
    txn("2020-01-03", "buy2", "Assets:Stock  10 HOOL {101.00 USD}", "Assets:Cash  -1010.00 USD"),
    txn("2020-01-04", "buy3", "Assets:Stock  5 HOOL {99.00 USD}", "Assets:Cash  -495.00 USD"),
    ...sales,
  ];
}

describe("reductions", () => {
  it("STRICT books an exact match and interpolates the gain", () => {
    const { entries, messages } = book(ledger(null, txn("2020-02-01", "sell", "Assets:Stock  -5 HOOL {100.00 USD}", "Assets:Cash  550.00 USD", "Income:Gains")));
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "sell")).toEqual([
      "Assets:Stock -5 HOOL {100.00 USD, 2020-01-02}",
      "Assets:Cash 550.00 USD",
      "Income:Gains -50.00 USD",
    ]);
  });

  it("STRICT refuses an ambiguous match and drops the group", () => {
    const { entries, diagnostics } = book(ledger(null, txn("2020-02-01", "sell", "Assets:Stock  -5 HOOL {}", "Assets:Cash  500.00 USD", "Income:Gains")));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([[
      "ambiguous-reduction",
      'Ambiguous matches for "-5 HOOL {}": 10 HOOL {100.00 USD, 2020-01-02}, 10 HOOL {101.00 USD, 2020-01-03}, 5 HOOL {99.00 USD, 2020-01-04}',
    ]]);
    expect(postingsOf(entries, "sell")).toEqual([]);
  });

  it("STRICT takes every matching lot when the reduction is their total", () => {
    const { entries, messages } = book(ledger(null, txn("2020-02-01", "all", "Assets:Stock  -25 HOOL {}", "Assets:Cash  2505.00 USD")));
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "all")).toEqual([
      "Assets:Stock -10 HOOL {100.00 USD, 2020-01-02}",
      "Assets:Stock -10 HOOL {101.00 USD, 2020-01-03}",
      "Assets:Stock -5 HOOL {99.00 USD, 2020-01-04}",
      "Assets:Cash 2505.00 USD",
    ]);
  });

  it("reports a reduction without a matching lot, and one larger than its lot", () => {
    const { messages, diagnostics } = book(ledger(
      null,
      txn("2020-02-01", "nomatch", "Assets:Stock  -5 HOOL {98.00 USD}", "Assets:Cash  490.00 USD"),
      txn("2020-02-02", "toomany", "Assets:Stock  -15 HOOL {100.00 USD}", "Assets:Cash  1500.00 USD"),
    ));
    expect(diagnostics.map((d) => d.code)).toEqual(["no-matching-lot", "insufficient-lots"]);
    expect(messages[0]).toBe('No position matches "-5 HOOL {98.00 USD}" against balance (5 HOOL {99.00 USD, 2020-01-04}, 10 HOOL {100.00 USD, 2020-01-02}, 10 HOOL {101.00 USD, 2020-01-03})');
    expect(messages[1]).toBe('Not enough lots to reduce "-15 HOOL {100.00 USD}": 10 HOOL {100.00 USD, 2020-01-02}');
  });

  it("matches by lot date and label", () => {
    const { entries, messages } = book([
      ...ledger(null),
      txn("2020-01-05", "labelled", 'Assets:Stock  2 HOOL {100.00 USD, "x"}', "Assets:Cash  -200.00 USD"),
      txn("2020-02-01", "by-date", "Assets:Stock  -1 HOOL {2020-01-03}", "Assets:Cash"),
      txn("2020-02-02", "by-label", 'Assets:Stock  -1 HOOL {"x"}', "Assets:Cash"),
    ]);
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "by-date")).toEqual(["Assets:Stock -1 HOOL {101.00 USD, 2020-01-03}", "Assets:Cash 101.00 USD"]);
    expect(postingsOf(entries, "by-label")).toEqual(['Assets:Stock -1 HOOL {100.00 USD, 2020-01-05, "x"}', "Assets:Cash 100.00 USD"]);
  });

  it("FIFO takes the oldest lots first, across several lots", () => {
    const { entries, messages } = book(ledger("FIFO", txn("2020-02-01", "sell", "Assets:Stock  -12 HOOL {}", "Assets:Cash")));
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "sell")).toEqual([
      "Assets:Stock -10 HOOL {100.00 USD, 2020-01-02}",
      "Assets:Stock -2 HOOL {101.00 USD, 2020-01-03}",
      "Assets:Cash 1202.00 USD",
    ]);
  });

  it("LIFO takes the newest lots first", () => {
    const { entries } = book(ledger("LIFO", txn("2020-02-01", "sell", "Assets:Stock  -7 HOOL {}", "Assets:Cash")));
    expect(postingsOf(entries, "sell")).toEqual([
      "Assets:Stock -5 HOOL {99.00 USD, 2020-01-04}",
      "Assets:Stock -2 HOOL {101.00 USD, 2020-01-03}",
      "Assets:Cash 697.00 USD",
    ]);
  });

  it("HIFO takes the most expensive lots first", () => {
    const { entries } = book(ledger("HIFO", txn("2020-02-01", "sell", "Assets:Stock  -12 HOOL {}", "Assets:Cash")));
    expect(postingsOf(entries, "sell")).toEqual([
      "Assets:Stock -10 HOOL {101.00 USD, 2020-01-03}",
      "Assets:Stock -2 HOOL {100.00 USD, 2020-01-02}",
      "Assets:Cash 1210.00 USD",
    ]);
  });

  it("STRICT_WITH_SIZE settles an ambiguity with the oldest lot of the exact size", () => {
    const { entries, messages } = book(ledger("STRICT_WITH_SIZE", txn("2020-02-01", "sell", "Assets:Stock  -10 HOOL {}", "Assets:Cash")));
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "sell")).toEqual(["Assets:Stock -10 HOOL {100.00 USD, 2020-01-02}", "Assets:Cash 1000.00 USD"]);
  });

  it("FIFO reports a reduction larger than all lots", () => {
    const { diagnostics } = book(ledger("FIFO", txn("2020-02-01", "sell", "Assets:Stock  -30 HOOL {}", "Assets:Cash")));
    expect(diagnostics.map((d) => d.code)).toEqual(["insufficient-lots"]);
  });

  it("refuses reductions of an AVERAGE account", () => {
    const { diagnostics } = book(ledger("AVERAGE", txn("2020-02-01", "sell", "Assets:Stock  -5 HOOL {100.00 USD}", "Assets:Cash  500.00 USD")));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["average-booking", "AVERAGE method is not supported"]]);
  });

  it("NONE never reduces: a negative lot is opened instead", () => {
    const { entries, messages } = book(ledger("NONE", txn("2020-02-01", "sell", "Assets:Stock  -5 HOOL {102.00 USD}", "Assets:Cash  510.00 USD")));
    expect(messages).toEqual([]);
    expect(postingsOf(entries, "sell")[0]).toBe("Assets:Stock -5 HOOL {102.00 USD, 2020-02-01}");
  });

  it("uses the option's default method for accounts that name none", () => {
    const { entries } = book(ledger(null, txn("2020-02-01", "sell", "Assets:Stock  -12 HOOL {}", "Assets:Cash")), options({ bookingMethod: "FIFO" }));
    expect(postingsOf(entries, "sell")).toHaveLength(3);
  });

  it("does not take the same lot twice within one transaction", () => {
    const { diagnostics } = book(ledger(
      null,
      txn("2020-02-01", "twice", "Assets:Stock  -8 HOOL {100.00 USD}", "Assets:Stock  -8 HOOL {100.00 USD}", "Assets:Cash  1600.00 USD"),
    ));
    expect(diagnostics.map((d) => d.message)).toEqual(['Not enough lots to reduce "-8 HOOL {100.00 USD}": 2 HOOL {100.00 USD, 2020-01-02}']);
  });
});
