// Pads and balance assertions, as beancount 2.3.5's ops/pad.py and ops/balance.py behave
// (the expectations below were produced with bean-check on the same ledgers).
import { describe, expect, it } from "vitest";
import { checkBalanceAssertions } from "../../../src/booking/balance.js";
import { applyPads } from "../../../src/booking/pad.js";
import type { Directive, LedgerEntry } from "../../../src/core/data.js";
import { balance, book, open, options, pad, postingsOf, txn } from "./build.js";

function run(entries: Directive[]): { entries: LedgerEntry[]; pads: string[]; balances: string[] } {
  const booked = book(entries);
  const padded = applyPads(booked.entries, options());
  return {
    entries: padded.value,
    pads: padded.diagnostics.map((d) => `${d.code}: ${d.message}`),
    balances: checkBalanceAssertions(padded.value, options()).map((d) => `${d.code}: ${d.message}`),
  };
}

const opens = ["Assets:A", "Assets:A:B", "Equity:Open", "Assets:C", "Assets:D"].map((account) => open("2020-01-01", account));

describe("pad", () => {
  it("inserts a 'P' transaction after the pad for the next assertion of each currency", () => {
    const padEntry = pad("2020-01-02", "Assets:C", "Equity:Open");
    const result = run([...opens, padEntry, balance("2020-01-07", "Assets:C", "1.5 USD"), balance("2020-01-07", "Assets:C", "2 EUR")]);
    expect(result.pads).toEqual([]);
    expect(result.balances).toEqual([]);
    const index = result.entries.indexOf(padEntry);
    const inserted = result.entries.slice(index + 1, index + 3);
    expect(inserted.map((entry) => entry.type === "transaction" && [entry.flag, entry.date, entry.narration])).toEqual([
      ["P", "2020-01-02", "(Padding inserted for Balance of 1.5 USD for difference 1.5 USD)"],
      ["P", "2020-01-02", "(Padding inserted for Balance of 2 EUR for difference 2 EUR)"],
    ]);
    expect(postingsOf(result.entries, "(Padding inserted for Balance of 1.5 USD for difference 1.5 USD)")).toEqual([
      "Assets:C 1.5 USD",
      "Equity:Open -1.5 USD",
    ]);
  });

  it("pads the parent from the balance of its whole subtree, even for a sub-account's assertion", () => {
    const result = run([
      ...opens,
      pad("2020-01-02", "Assets:A", "Equity:Open"),
      txn("2020-01-03", "x", "Assets:A:B  5.00 USD", "Equity:Open"),
      balance("2020-01-04", "Assets:A:B", "20.000 USD"),
      balance("2020-01-05", "Assets:A", "30 USD"),
    ]);
    expect(postingsOf(result.entries, "(Padding inserted for Balance of 20.000 USD for difference 15.000 USD)")).toEqual([
      "Assets:A 15.000 USD",
      "Equity:Open -15.000 USD",
    ]);
    expect(result.balances).toEqual([
      "balance-failed: Balance failed for 'Assets:A:B': expected 20.000 USD != accumulated 5.00 USD (15.000 too little)",
      "balance-failed: Balance failed for 'Assets:A': expected 30 USD != accumulated 20.000 USD (10.000 too little)",
    ]);
  });

  it("reports a pad replaced by a later pad before any assertion as unused, and pads a currency once", () => {
    const result = run([
      ...opens,
      pad("2020-01-06", "Assets:C", "Equity:Open"),
      pad("2020-01-06", "Assets:C", "Equity:Open"),
      balance("2020-01-07", "Assets:C", "1.5 USD"),
      balance("2020-01-08", "Assets:C", "1.3 USD"),
    ]);
    expect(result.pads).toEqual(["unused-pad: Unused Pad entry"]);
    expect(result.balances).toEqual(["balance-failed: Balance failed for 'Assets:C': expected 1.3 USD != accumulated 1.5 USD (0.2 too much)"]);
  });

  it("reports an unused pad when the assertion already holds", () => {
    const result = run([...opens, pad("2020-01-06", "Assets:C", "Equity:Open"), balance("2020-01-07", "Assets:C", "0 USD")]);
    expect(result.pads).toEqual(["unused-pad: Unused Pad entry"]);
  });
});

describe("balance assertions", () => {
  const spending = txn("2020-01-08", "y", "Assets:D  -1267.83 USD", "Equity:Open");

  it("allows one unit of the last digit written", () => {
    expect(run([...opens, spending, balance("2020-01-09", "Assets:D", "-1267.8 USD")]).balances).toEqual([]);
    expect(run([...opens, spending, balance("2020-01-09", "Assets:D", "-1268 USD")]).balances).toEqual([
      "balance-failed: Balance failed for 'Assets:D': expected -1268 USD != accumulated -1267.83 USD (0.17 too much)",
    ]);
    expect(run([...opens, spending, balance("2020-01-10", "Assets:D", "-1267.84 USD", "0.02")]).balances).toEqual([]);
  });

  it("checks at the start of the day", () => {
    const result = run([...opens, balance("2020-01-08", "Assets:D", "0 USD"), spending]);
    expect(result.balances).toEqual([]);
  });

  it("includes sub-accounts and checks only the asserted currency", () => {
    const result = run([
      ...opens,
      txn("2020-01-03", "b", "Assets:A:B  5.00 USD", "Assets:A  7 EUR", "Equity:Open  -5.00 USD", "Equity:Open  -7 EUR"),
      balance("2020-01-04", "Assets:A", "5.00 USD"),
    ]);
    expect(result.balances).toEqual([]);
  });

  it("reports unknown accounts and currencies the open does not allow", () => {
    const result = run([
      ...opens,
      open("2020-01-01", "Assets:Only", null, ["EUR"]),
      balance("2020-01-10", "Assets:Nope", "0 USD"),
      balance("2020-01-10", "Assets:Only", "0 USD"),
    ]);
    expect(result.balances).toEqual([
      "balance-unknown-account: Account 'Assets:Nope' does not exist: ",
      "balance-currency: Invalid currency 'USD' for Balance directive: ",
    ]);
  });

  it("prints a tiny difference as Python's str() does", () => {
    const result = run([...opens, txn("2020-01-03", "t", "Assets:C  0.0000001 USD", "Equity:Open"), balance("2020-01-04", "Assets:C", "0 USD")]);
    expect(result.balances).toEqual(["balance-failed: Balance failed for 'Assets:C': expected 0 USD != accumulated 0.0000001 USD (1E-7 too much)"]);
  });
});
