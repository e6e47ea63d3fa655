// The direct reader (src/parser/direct.ts) reads plain transactions without tokens; the grammar
// reads everything else. Whatever the text, parsing with and without the direct reader must give
// the same directives and the same diagnostics; and so must parsing the text whole and in the
// pieces a large file is read in (cut at line ends, down to one line a piece).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parser/parse.js";
import { journals, root } from "../helpers/journals.js";
import { DirectReader } from "../../src/parser/direct.js";

/** The text cut after every `every`-th newline, as source/files.ts cuts a large file into pieces. */
function pieces(text: string, every: number): string[] {
  const result: string[] = [];
  let start = 0;
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
    if (++count % every !== 0) continue;
    result.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length || result.length === 0) result.push(text.slice(start));
  return result;
}

/** Both readers agree, and reading the text in pieces gives what reading it whole gives. */
function expectSameAsGrammar(text: string, file = "t.beancount"): void {
  const direct = parseSource(text, file);
  const grammar = parseSource(text, file, { direct: false });
  expect(direct).toEqual(grammar);
  for (const every of [1, 3]) {
    const split = pieces(text, every);
    expect(split.join("")).toBe(text);
    expect(parseSource(split, file)).toEqual(direct);
    expect(parseSource(split, file, { direct: false })).toEqual(grammar);
  }
}

const PLAIN = [
  'option "operating_currency" "CNY"',
  'include "other.beancount" ; parts',
  'plugin "beancount.plugins.auto_accounts"',
  'plugin "beancount.plugins.implicit_prices" ; prices',
  'plugin "beancount.plugins.check_commodity" "{\'a\': \"b\"}"',
  '2026-01-01 custom "feeledger-option" "claims" "claims.beancount"',
  '2026-01-01 custom "budget" "x"',
  '  note: "预算"',
  "2026-01-01 open Assets:1002-银行存款 CNY",
  '2026-01-01 open Liabilities:2241-其他应付款:E01-王伟 CNY, USD "FIFO" ; 员工',
  '  employee: "王伟"',
  "  ; a comment line inside",
  "  since: 2020-01-01",
  "2026-01-01 commodity CNY",
  '  name: "人民币"',
  "2026-01-01 balance Assets:1002-银行存款 1,000.00 ~ 0.01 CNY",
  "",
  '2026-01-08 * "王伟" "拜访ACME上海总部" #visit ^EC-2026-002',
  '  claim: "EC-2026-002"',
  "  approved-on: 2026-01-09",
  "  amount-limit: 500.00 CNY",
  "  count: -3",
  "  paid: TRUE",
  "  nothing:",
  "  where: Assets:1002-银行存款",
  "  unit: CNY",
  "  Expenses:6602-管理费用:01-客户管理费:01-客户拜访   1,086.00 CNY ; taxi",
  '    invoice: "031002500404-16728806"',
  "  ; a comment line inside",
  "  Liabilities:2241-其他应付款:E01-王伟  -1,086.00 CNY",
  "",
  '2026-01-09 ! "只有摘要"',
  "  Expenses:A  5.",
  "  Assets:B",
  "2026-01-10 txn",
  "  Assets:B  -0 CNY",
  "  Assets:C",
  "",
].join("\n");

describe("the direct reader", () => {
  it("reads plain transactions itself", () => {
    const text = '2026-01-08 * "王伟" "拜访" ^EC-1\n  claim: "EC-1"\n  Expenses:A  86.00 CNY\n  Assets:B\n';
    const transaction = new DirectReader(text, "t.beancount").transaction(0);
    expect(transaction).not.toBeNull();
    expect(transaction!.postings.map((p) => p.account)).toEqual(["Expenses:A", "Assets:B"]);
  });

  it("reads price annotations itself, and gives such a transaction as objects", () => {
    const text = "2026-01-01 *\n  Expenses:A  10 USD @ 7.16 CNY\n  Expenses:B  -2 USD @@ 14.30 CNY\n  Assets:B\n";
    const transaction = new DirectReader(text, "t").transaction(0);
    expect(transaction).not.toBeNull();
    expect(transaction!.postings.map((p) => [p.price?.number.toString() ?? null, p.priceIsTotal])).toEqual([["7.16", false], ["14.3", true], [null, false]]);
  });

  it("leaves costs, negative or incomplete prices, arithmetic and escapes to the grammar", () => {
    for (const line of [
      "  Assets:S  10 ABC {5.00 USD}", "  Assets:S  10 ABC {5.00 USD} @ 6 USD", "  Assets:S  10 ABC @ -6 USD", "  Assets:S  10 ABC @ USD",
      "  Assets:S  10 ABC @ 6", "  Assets:S  10 @ 6 USD", "  Assets:S  10 ABC @6 USD", "  Assets:S  10 ABC @ (6/2) USD", "  Assets:S  (100/3) CNY",
      "  Assets:S  1+2 CNY",
    ]) {
      expect(new DirectReader(`2026-01-01 *\n${line}\n  Assets:B\n`, "t").transaction(0)).toBeNull();
    }
    expect(new DirectReader('2026-01-01 * "a \\" b"\n  Assets:B\n', "t").transaction(0)).toBeNull();
  });

  it("reads plugin lines itself (a journal with plugins need not build the grammar)", () => {
    expect(new DirectReader('plugin "m"\n', "t").plugin(0)).toEqual({ kind: "plugin", module: "m", config: null, span: { file: "t", start: 0, end: 10 } });
    expect(new DirectReader('plugin "m" "c" ; x\n', "t").plugin(0)).toMatchObject({ module: "m", config: "c" });
    for (const line of ['plugin "m" "c" "d"', "plugin m", 'plugin "m"\n  k: "v"', 'plugin "m" 1']) {
      expect(new DirectReader(`${line}\n`, "t").plugin(0)).toBeNull();
    }
  });

  it("gives what the grammar gives on a journal of plain transactions", () => {
    expectSameAsGrammar(PLAIN);
    expectSameAsGrammar(PLAIN.replace(/\n/g, "\r\n"));
    expectSameAsGrammar("\ufeff" + PLAIN);
    expectSameAsGrammar(PLAIN.trimEnd());
    expectSameAsGrammar(`pushtag #t\npushmeta src: "x"\n${PLAIN}popmeta src:\npoptag #t\n`);
  });

  it("gives what the grammar gives on every journal in the repository", () => {
    const files = [...journals(join(root, "samples")), ...journals(join(root, "test/fixtures"))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSameAsGrammar(readFileSync(file, "utf8"), file);
  });

  it("gives the same, metadata keys included, when one reader reads file after file (as the loader does)", () => {
    const files = [...journals(join(root, "samples")), ...journals(join(root, "test/fixtures"))];
    const shared = { reader: null };
    const texts = [PLAIN, ...files.map((file) => readFileSync(file, "utf8")), PLAIN];
    const names = ["a.beancount", ...files, "b.beancount"];
    texts.forEach((text, index) => {
      const alone = parseSource(text, names[index]!);
      expect(parseSource(text, names[index]!, { shared })).toEqual(alone);
      expect([...parseSource(pieces(text, 2), names[index]!, { shared }).metaKeys].sort()).toEqual([...alone.metaKeys].sort());
    });
    expect(shared.reader).not.toBeNull();
  });

  const FRAGMENTS = [
    "2026-01-01", "2026-02-30", "2026/01/05", " ", "  ", "\t", "\n", "\r\n", "*", "!", "txn", "P", "\"", "\"x\"", "\"a\\\"b\"",
    "Assets:A", "Expenses:费用:01-客户", "资产:现金", "CNY", "TRUE", "NULL", "1,234.56", "1,23", "5.", ".5", "-", "-0", "+",
    "(", ")", "/", "*", "{", "}", "@", "#tag", "#", "^link", "key:", "客户:", "k:", ";", "; c", "\u3000", "2026-01-01 open Assets:A",
    "9999999999999999999999999999999999.5", "10 ABC", "12.50 CNY", "\"p\" \"n\" \"x\"",
    // The other directives the direct reader reads: open, commodity, balance, custom, option, include.
    "open", "commodity", "balance", "option", "2026-01-01 commodity CNY", "2026-01-02 balance Assets:A 1.00 CNY", "~", "~ 0.01",
    ",", "CNY, USD", "\"FIFO\"", "\"NOPE\"", "option \"title\" \"账\"", "\n  employee: \"王伟\"", "\n  ; note", "\n  Assets:B",
    // Price annotations.
    "@@", " @ ", " @@ ", "10 USD @ 7.16 CNY", "-3 USD @@ 21.50 CNY", " @ 7 CNY", " @@ 1,000.5 CNY", " @ -7 CNY", " @ CNY", "\n  Assets:A  5 USD @ 7 CNY",
    // Plugin lines (with a config, with one string too many, with none).
    "plugin", "plugin \"m\"", "plugin \"m\" \"c\"", "plugin \"m\" \"c\" \"d\"", "plugin \"m\"\"c\"", "plugin 1",
    "custom", "include", "2026-01-01 custom \"t\"", "2026-01-01 custom \"t\" \"v\" 2026-01-02", "include \"a.beancount\"", "TRUE 1.5 CNY",
  ];

  /** A posting line with units and a price annotation, well formed or nearly. */
  const pricedPosting = fc.tuple(
    fc.constantFrom("Assets:A", "Expenses:6602-管理费用:05-CRM系统费用", "Assets:B"),
    fc.constantFrom("10", "-3", "257.00", "1,000.50", "0", "-0", "0.000001", "12345678901234567", ""),
    fc.constantFrom(" USD", " CNY", " ABC", "", " TRUE"),
    fc.constantFrom(" @ ", " @@ ", "@ ", " @", " @@@ ", "  @  "),
    fc.constantFrom("7.19", "7", "-7.19", "0", "1,234.5", "99999999999999999.5", "", "(7)", "+7"),
    fc.constantFrom(" CNY", " USD", "", " NULL", " CNY ; rate", " CNY {1 USD}"),
    fc.constantFrom("", "\n    rate: \"x\"", "\n    invoice: 12"),
  ).map(([account, number, currency, at, price, priceCurrency, meta]) => `  ${account}  ${number}${currency}${at}${price}${priceCurrency}${meta}`);

  it("gives what the grammar gives on random priced postings", () => {
    const transaction = fc.tuple(fc.array(pricedPosting, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "  Assets:C", "  Assets:C  1 CNY"), fc.constantFrom("", '  claim: "x"\n'))
      .map(([postings, last, meta]) => `2026-01-01 * "p" "n" #t\n${meta}${postings.join("\n")}\n${last}\n`);
    fc.assert(fc.property(fc.array(transaction, { minLength: 1, maxLength: 4 }), (texts) => expectSameAsGrammar(texts.join("\n"))), { numRuns: 600 });
  });

  it("gives what the grammar gives on claims whose keys, tags, links, strings and dates repeat or change", () => {
    // Keys that are prefixes of each other and come in changing orders (the key expected next is
    // then right, wrong or a prefix), twice in one scope or in the transaction and a posting;
    // values equal to the payee or a link; tags and links repeated; dates repeated, changed, impossible.
    const key = fc.constantFrom("claim", "claimant", "claimant2", "c", "category", "invoice", "approved-by", "approved-b", "客户");
    const value = fc.constantFrom('"王伟"', '"EC-1"', '"EC-2026-0000001"', '"拜访"', '"15448089000000000100"', "2026-01-01", "TRUE", '""');
    const metaLines = (indent: string) => fc.array(fc.tuple(key, value), { maxLength: 4 }).map((lines) => lines.map(([k, v]) => `${indent}${k}: ${v}\n`).join(""));
    const transaction = fc.tuple(
      fc.constantFrom("2026-01-01", "2026-01-01", "2026-01-02", "2026-02-30", "2026-01-0x"),
      fc.constantFrom('"王伟" "拜访"', '"王伟"', '"EC-1" "n"', ""),
      fc.array(fc.constantFrom(" #crm", " #crm", " #cr", " #crmx", " ^EC-1", " ^EC-2026-0000001", " ^EC-1"), { maxLength: 3 }),
      metaLines("  "),
      fc.array(fc.tuple(fc.constantFrom("  Expenses:6602-管理费用:01-客户拜访  10.00 CNY", "  Assets:A  -1 CNY", "  Expenses:6602-管理费用:01-客户拜访:", "  Assets:A\u3000"), metaLines("    ")), { minLength: 1, maxLength: 3 }),
      fc.constantFrom("  Liabilities:2241-其他应付款:E01-王伟\n", ""),
    ).map(([date, strings, labels, meta, postings, last]) => `${date} * ${strings}${labels.join("")}\n${meta}${postings.map(([line, lines]) => `${line}\n${lines}`).join("")}${last}`);
    fc.assert(fc.property(fc.array(transaction, { minLength: 1, maxLength: 5 }), (texts) => expectSameAsGrammar(texts.join("\n"))), { numRuns: 800 });
  });

  it("gives what the grammar gives on random and mutated text", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (parts) => expectSameAsGrammar(parts.join(""))), { numRuns: 1500 });
    const edits = fc.array(fc.record({ at: fc.nat(), fragment: fc.constantFrom(...FRAGMENTS), remove: fc.boolean() }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(edits, (list) => {
      let text = PLAIN;
      for (const edit of list) {
        const at = edit.at % (text.length + 1);
        text = edit.remove ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + edit.fragment + text.slice(at);
      }
      expectSameAsGrammar(text);
    }), { numRuns: 1500 });
  });
});
