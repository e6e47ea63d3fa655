// Plain transactions are kept compact (src/core/plain-transaction.ts): their metadata lines and
// postings live in one flat array, the objects are made when asked for, and the hot checks read
// them in place (a cursor over the postings, rawMeta, hasKey) and book them in place. Everything
// read in place must be what the objects say, and booking in place must give what the general
// booking gives for the same transaction as a plain object.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNBOOKED, metaValue, type BookedPosting, type LedgerEntry, type Transaction } from "../../src/core/data.js";
import { PlainTransaction, transactionWith } from "../../src/core/plain-transaction.js";
import { ScaledAmount, decimalOf } from "../../src/core/amount.js";
import { bookTransaction } from "../../src/booking/book.js";
import { ToleranceRules } from "../../src/booking/tolerance.js";
import { Inventory } from "../../src/booking/inventory.js";
import { loadLedger } from "../../src/loader/load.js";
import { changedClaim } from "../../src/edit/claims.js";
import { journals, root } from "../helpers/journals.js";

function ledgers() {
  const mains = [
    ...journals(join(root, "samples")).filter((file) => !file.includes("/2026/")),
    ...journals(join(root, "test/fixtures/differential")).filter((file) => file.endsWith("/main.beancount")),
    ...journals(join(root, "test/fixtures/bean-example")),
  ];
  return mains.map((file) => loadLedger(file));
}

/** The same transaction as a plain object, unbooked. */
function asObject(transaction: Transaction): Transaction {
  return {
    type: "transaction", date: transaction.date, span: transaction.span, meta: transaction.meta, flag: transaction.flag,
    payee: transaction.payee, narration: transaction.narration, tags: transaction.tags, links: transaction.links,
    postings: transaction.postings, booked: UNBOOKED,
  } as Transaction;
}

describe("a compact plain transaction", () => {
  const loaded = ledgers();
  const plain = loaded.flatMap((ledger) => ledger.entries.filter((entry): entry is LedgerEntry & PlainTransaction => entry instanceof PlainTransaction));

  it("is what most transactions of the samples and fixtures are", () => {
    const transactions = loaded.flatMap((ledger) => ledger.entries.filter((entry) => entry.type === "transaction"));
    expect(plain.length).toBeGreaterThan(transactions.length / 2);
    expect(plain.some((transaction) => transaction.bookedAsPostings && transaction.booked.some((posting) => posting.interpolated))).toBe(true);
  });

  it("reads in place what its objects say", () => {
    for (const transaction of plain) {
      const postings = transaction.postings;
      const cursor: number[] = [];
      for (let at = transaction.firstPosting(); at >= 0; at = transaction.nextPosting(at)) cursor.push(at);
      expect(cursor).toHaveLength(postings.length);
      cursor.forEach((at, index) => {
        expect(transaction.accountAt(at)).toBe(postings[index]!.account);
        expect(transaction.unitsAt(at)).toEqual(postings[index]!.units);
        if (transaction.bookedAsPostings) expect(transaction.bookedCurrencyAt(at)).toBe(transaction.booked[index]!.units.currency);
        expect(transaction.spanAt(at)).toEqual(postings[index]!.span);
        if (transaction.bookedAsPostings) {
          const units = transaction.booked[index]!.units;
          expect(transaction.bookedUnitsAt(at)).toEqual(units);
          const scaled = transaction.bookedScaledAt(at);
          if (!Number.isNaN(scaled)) expect(decimalOf(scaled, transaction.bookedScaleAt(at)).equals(units.number)).toBe(true);
        }
      });
      const keys = new Set([...transaction.meta.map((entry) => entry.key), ...postings.flatMap((posting) => posting.meta.map((entry) => entry.key))]);
      for (const key of [...keys, "claim", "invoice", "receipt", "no-such-key"]) {
        expect(transaction.hasKey(key)).toBe(keys.has(key));
        const raw = transaction.rawMeta(key);
        const value = metaValue(transaction.meta, key);
        expect(raw === undefined ? undefined : typeof raw === "string" ? { type: "string", value: raw } : raw).toEqual(value);
      }
      expect(transaction.span).toEqual({ file: transaction.file, start: transaction.start, end: transaction.end });
    }
  });

  it("reads units kept as an object as that object, whatever booking filled in for the posting without units", () => {
    const file = join(mkdtempSync(join(tmpdir(), "feeledger-plain-")), "long.beancount");
    writeFileSync(file, "2026-01-01 open Assets:A\n2026-01-01 open Expenses:C\n\n2026-01-02 * \"long\"\n  Expenses:C  0.100000000000000000001 CNY\n  Assets:A\n");
    const transaction = loadLedger(file).entries.find((entry) => entry instanceof PlainTransaction) as PlainTransaction;
    // (Booked as its postings with a scaled fill: the object's digits must not read as the fill's.)
    transaction.bookAsPostings(new ScaledAmount(-500, 2, "CNY"));
    const [long, filled] = [transaction.firstPosting(), transaction.nextPosting(transaction.firstPosting())];
    expect(transaction.bookedScaledAt(long)).toBeNaN();
    expect(transaction.bookedUnitsAt(long).number.toFixed()).toBe("0.100000000000000000001");
    expect(transaction.bookedCurrencyAt(long)).toBe("CNY");
    expect([transaction.bookedScaledAt(filled), transaction.bookedScaleAt(filled), transaction.bookedCurrencyAt(filled)]).toEqual([-500, 2, "CNY"]);
  });

  it("gives the same objects for its postings and booked postings while it is the one read", () => {
    const transaction = plain.find((entry) => entry.bookedAsPostings && entry.booked.some((posting) => posting.interpolated))!;
    const postings = transaction.postings;
    const booked = transaction.booked;
    expect(transaction.postings).toBe(postings);
    booked.forEach((posting, index) => expect(posting.source).toBe(postings[index]));
    const other = plain.find((entry) => entry !== transaction)!;
    void other.postings;
    // Another transaction's objects were made since: new objects, equal to the first.
    expect(transaction.postings).not.toBe(postings);
    expect(transaction.postings).toEqual(postings);
  });

  it("is booked in place as the general booking books it as a plain object", () => {
    const balances = { get: () => new Inventory() } as never;
    let compared = 0;
    for (const ledger of loaded) {
      // Under the ledger's own options (tolerances).
      const rules = new ToleranceRules(ledger.options);
      const methods = { byAccount: new Map(), fallback: ledger.options.bookingMethod };
      for (const transaction of ledger.entries) {
        if (!(transaction instanceof PlainTransaction)) continue;
        const diagnostics: never[] = [];
        const general = bookTransaction(asObject(transaction), balances, methods, rules, diagnostics);
        if (general === null || diagnostics.length > 0) continue;
        const booked: readonly BookedPosting[] = transaction.booked;
        expect(booked).toEqual(general.booked);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(plain.length / 2);
  });

  it("changed for an edit keeps its booking and the spans of its metadata", () => {
    const claim = plain.find((entry) => entry.meta.some((line) => line.key === "claim") && entry.meta.length > 1)!;
    const key = claim.meta[1]!.key;
    const changed = changedClaim(claim, { flag: "!", meta: [{ key, value: { type: "string", value: "changed" } }] });
    expect(changed.flag).toBe("!");
    expect(changed.meta[1]).toMatchObject({ key, value: { type: "string", value: "changed" } });
    expect(changed.meta[1]!.span).toEqual(claim.meta[1]!.span);
    expect(changed.booked).toEqual(claim.booked);
    expect(transactionWith(claim, {}).booked).toEqual(claim.booked);
  });
});

describe("a transaction too long for the compact layout", () => {
  it("is kept as objects, the same from the direct reader and the grammar", async () => {
    const { parseSource } = await import("../../src/parser/parse.js");
    const postings = Array.from({ length: 1500 }, (_, index) => `  Expenses:Visits:V${index}  1.00 CNY\n`).join("");
    const long = `2026-01-02 * "many postings"\n${postings}  Assets:Bank\n\n2026-01-03 * "a long value"\n  note: "${"x".repeat(70_000)}"\n  Expenses:Visits  1.00 CNY\n  Assets:Bank\n\n2026-01-04 * "short"\n  Expenses:Visits  1.00 CNY\n  Assets:Bank\n`;
    const direct = parseSource(long, "t.beancount");
    const grammar = parseSource(long, "t.beancount", { direct: false });
    expect(direct).toEqual(grammar);
    expect(direct.directives.map((entry) => entry instanceof PlainTransaction)).toEqual([false, false, true]);
    expect(direct.directives[0]!.type === "transaction" && direct.directives[0]!.postings).toHaveLength(1501);
  });
});

describe("comparing compact transactions in tests (test/helpers/setup.ts)", () => {
  it("sees their metadata lines and postings, kept where toEqual alone would not look", async () => {
    const { parseSource } = await import("../../src/parser/parse.js");
    const read = (value: string, amount: string) => parseSource(`2026-01-02 * "x"\n  claim: "${value}"\n  Expenses:Visits  ${amount} CNY\n  Assets:Bank\n`, "t.beancount").directives[0];
    expect(read("EC-1", "1.00")).toBeInstanceOf(PlainTransaction);
    expect(read("EC-1", "1.00")).toEqual(read("EC-1", "1.00"));
    expect(read("EC-1", "1.00")).not.toEqual(read("EC-2", "1.00"));
    expect(read("EC-1", "1.00")).not.toEqual(read("EC-1", "1.01"));
  });
});
