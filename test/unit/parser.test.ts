import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parser/parse.js";
import type { Directive, Transaction } from "../../src/core/data.js";
import { locate } from "../../src/source/location.js";

function parse(text: string) {
  return parseSource(text, "t.beancount");
}
function only<T extends Directive["type"]>(text: string, type: T): Extract<Directive, { type: T }> {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  expect(result.directives).toHaveLength(1);
  expect(result.directives[0]!.type).toBe(type);
  return result.directives[0] as Extract<Directive, { type: T }>;
}
function lineOf(text: string, offset: number): number {
  return locate({ text }, offset).line;
}

describe("transactions", () => {
  it("reads flag, payee, narration, tags, links, metadata and postings", () => {
    const text = [
      '2026-03-05 ! "王伟" "拜访ACME上海总部" #visit ^EC-2026-031',
      '  claim: "EC-2026-031"',
      "  #extra ^more",
      "  Expenses:6602-管理费用:01-客户拜访   553.00 CNY",
      '    invoice: "26442000000123456789"',
      "  Liabilities:2241-其他应付款:E01-王伟",
      "",
    ].join("\n");
    const txn = only(text, "transaction");
    expect(txn.flag).toBe("!");
    expect(txn.payee).toBe("王伟");
    expect(txn.narration).toBe("拜访ACME上海总部");
    expect(txn.tags).toEqual(["visit", "extra"]);
    expect(txn.links).toEqual(["EC-2026-031", "more"]);
    expect(txn.meta.map((m) => [m.key, m.value])).toEqual([["claim", { type: "string", value: "EC-2026-031" }]]);
    expect(txn.postings).toHaveLength(2);
    const [expense, payable] = txn.postings;
    expect(expense!.account).toBe("Expenses:6602-管理费用:01-客户拜访");
    expect(expense!.units!.number!.toString()).toBe("553");
    expect(expense!.units!.scale).toBe(2);
    expect(expense!.meta.map((m) => m.key)).toEqual(["invoice"]);
    expect(payable!.units).toBeNull();
    // Spans: the posting's span covers its metadata line; the transaction's the whole entry.
    expect(text.slice(expense!.span.start, expense!.span.end)).toBe('Expenses:6602-管理费用:01-客户拜访   553.00 CNY\n    invoice: "26442000000123456789"');
    expect(lineOf(text, payable!.span.start)).toBe(6);
    expect(text.slice(txn.span.start, txn.span.end).endsWith("E01-王伟")).toBe(true);
  });

  it("reads txn as *, one string as narration, and other flags", () => {
    expect(only('2026-01-01 txn "only narration"\n', "transaction")).toMatchObject({ flag: "*", payee: null, narration: "only narration" });
    expect(only('2026-01-01 P "x"\n', "transaction").flag).toBe("P");
    expect(only('2026-01-01 # "x"\n', "transaction").flag).toBe("#");
  });

  it("computes arithmetic exactly, with commas and unary minus", () => {
    const txn = only("2026-01-01 *\n  Assets:A  (100/3) USD\n  Assets:B  -(4 + 5) * 2 USD\n  Assets:C  1,234.50 USD\n", "transaction");
    expect(txn.postings[0]!.units!.number!.toString()).toBe("33.33333333333333333333333333");
    expect(txn.postings[1]!.units!.number!.toString()).toBe("-18");
    expect(txn.postings[2]!.units!.number!.toString()).toBe("1234.5");
    expect(txn.postings[2]!.units!.scale).toBe(2);
  });

  it("reads costs, cost dates and labels, per # total and prices", () => {
    const txn = only([
      "2026-01-01 *",
      '  Assets:Stock  10 ABC {5.00 # 1.00 USD, 2025-12-01, "lot1"} @ 6 USD',
      "  Assets:Stock  2 ABC {{20 USD}} @@ 14 USD",
      "  Assets:Stock  -1 ABC {} ",
      "  Assets:Stock  -1 ABC {*}",
      "  Assets:Cash",
      "",
    ].join("\n"), "transaction");
    const [a, b, c, d] = txn.postings;
    expect(a!.costSpec).toMatchObject({ currency: "USD", date: "2025-12-01", label: "lot1", merge: false });
    expect(a!.costSpec!.perUnit!.toString()).toBe("5");
    expect(a!.costSpec!.total!.toString()).toBe("1");
    expect(a!.price!.number!.toString()).toBe("6");
    expect(a!.priceIsTotal).toBe(false);
    expect(b!.costIsTotal).toBe(true);
    expect(b!.costSpec!.total!.toString()).toBe("20");
    expect(b!.costSpec!.perUnit).toBeNull();
    expect(b!.priceIsTotal).toBe(true);
    expect(c!.costSpec).toMatchObject({ perUnit: null, total: null, currency: null });
    expect(d!.costSpec!.merge).toBe(true);
  });

  it("attaches metadata after a posting to that posting, whatever the indentation", () => {
    const txn = only("2026-01-01 *\n  k1: 1\n  Assets:A  1 USD\n  k2: TRUE\n\tAssets:B\n      k3: 2026-01-02\n", "transaction");
    expect(txn.meta.map((m) => m.key)).toEqual(["k1"]);
    expect(txn.postings[0]!.meta.map((m) => m.value)).toEqual([{ type: "bool", value: true }]);
    expect(txn.postings[1]!.meta.map((m) => m.value)).toEqual([{ type: "date", value: "2026-01-02" }]);
  });

  it("reads every metadata value type", () => {
    const text = [
      "2026-01-01 *",
      '  st: "text"',
      "  ac: Assets:Bank",
      "  da: 2026-02-03",
      "  cu: USD",
      "  ta: #tag",
      "  bo: FALSE",
      "  nu: NULL",
      "  nb: 12.50",
      "  am: 12.50 CNY",
      "  em:",
      "  中文键: \"Unicode keys are a feeledger extension\"",
      "",
    ].join("\n");
    const values = Object.fromEntries(only(text, "transaction").meta.map((m) => [m.key, m.value.type]));
    expect(values).toEqual({ st: "string", ac: "account", da: "date", cu: "currency", ta: "tag", bo: "bool", nu: "null", nb: "number", am: "amount", em: "null", 中文键: "string" });
  });
});

describe("other directives", () => {
  it("reads open with currencies and booking method", () => {
    expect(only('2026-01-01 open Assets:Bank CNY, USD "FIFO"\n  no-negative: TRUE\n', "open")).toMatchObject({
      account: "Assets:Bank", currencies: ["CNY", "USD"], booking: "FIFO",
    });
  });
  it("reads balance with tolerance, pad, note, document, event, query, price, commodity, close", () => {
    const balance = only("2026-01-01 balance Assets:Bank  100.00 ~ 0.01 CNY\n", "balance");
    expect(balance.amount.number.toString()).toBe("100");
    expect(balance.amount.scale).toBe(2);
    expect(balance.tolerance!.toString()).toBe("0.01");
    expect(only("2026-01-01 pad Assets:Bank Equity:Opening\n", "pad")).toMatchObject({ account: "Assets:Bank", sourceAccount: "Equity:Opening" });
    expect(only('2026-01-01 note Assets:Bank "called"\n', "note").comment).toBe("called");
    expect(only('2026-01-01 document Assets:Bank "r.pdf" #t ^l\n', "document")).toMatchObject({ filename: "r.pdf", tags: ["t"], links: ["l"] });
    expect(only('2026-01-01 event "location" "上海"\n', "event")).toMatchObject({ eventType: "location", description: "上海" });
    expect(only('2026-01-01 query "q" "SELECT 1"\n', "query")).toMatchObject({ name: "q", queryString: "SELECT 1" });
    expect(only("2026-01-01 price USD 7.10 CNY\n", "price").amount.currency).toBe("CNY");
    expect(only("2026-01-01 commodity CNY\n", "commodity").currency).toBe("CNY");
    expect(only("2026-01-01 close Assets:Bank\n", "close").account).toBe("Assets:Bank");
  });
  it("reads custom values of every type", () => {
    const custom = only('2026-01-01 custom "budget" Expenses:Fees "monthly" 20000.00 CNY 2026-02-01 TRUE 12\n', "custom");
    expect(custom.customType).toBe("budget");
    expect(custom.values.map((v) => v.type)).toEqual(["account", "string", "amount", "date", "bool", "number"]);
  });
  it("collects options, includes and plugins, and applies pushed tags and metadata", () => {
    const result = parse('option "title" "T"\ninclude "other.beancount"\nplugin "some.plugin" "cfg"\npushtag #trip\npushmeta who: "me"\n2026-01-01 * "x"\npoptag #trip\npopmeta who:\n2026-01-02 * "y"\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.options).toMatchObject([{ name: "title", value: "T" }]);
    expect(result.includes).toMatchObject([{ path: "other.beancount" }]);
    expect(result.plugins).toMatchObject([{ module: "some.plugin", config: "cfg" }]);
    const [first, second] = result.directives as Transaction[];
    expect(first!.tags).toEqual(["trip"]);
    expect(first!.meta.map((m) => m.key)).toEqual(["who"]);
    expect(second!.tags).toEqual([]);
    expect(second!.meta).toEqual([]);
  });
});

describe("layout", () => {
  it("accepts CRLF line endings, a BOM, tabs, comments and org-mode headings", () => {
    const text = "\ufeff* Heading\r\n;; comment\r\n2026-01-01 open Assets:A ; trailing\r\n\r\n2026-01-02 *\t\"x\"\r\n\tAssets:A  1 USD\r\n  ; indented comment\r\n  Assets:B\r\n";
    const result = parse(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.directives.map((d) => d.type)).toEqual(["open", "transaction"]);
    expect((result.directives[1] as Transaction).postings).toHaveLength(2);
  });
  it("ends a transaction at a blank line or a column-0 comment; the orphan posting is an error on its line", () => {
    const text = "2026-01-02 * \"t\"\n  Assets:A  1 USD\n; comment\n  Assets:B  -1 USD\n";
    const result = parse(text);
    expect((result.directives[0] as Transaction).postings).toHaveLength(1);
    expect(result.diagnostics.map((d) => lineOf(text, d.span!.start))).toEqual([4]);
  });
});

describe("spans for writers", () => {
  it("end metadata and postings at their last token: no trailing comment, spaces or CR", () => {
    for (const ending of ["\n", "\r\n"]) {
      const text = ["2026-01-05 ! \"x\"", '  claim: "EC-1"   ; the id', "  Expenses:Visits   553.00 CNY  ; taxi", "    invoice: \"26442000000123456789\"", "  Assets:Bank", "  empty:", ""].join(ending);
      for (const direct of [true, false]) {
        const result = parseSource(text, "t.beancount", { direct });
        expect(result.diagnostics).toEqual([]);
        const txn = result.directives[0] as Transaction;
        const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
        expect(slice(txn.meta[0]!.span)).toBe('claim: "EC-1"');
        expect(slice(txn.postings[0]!.span)).toBe(["Expenses:Visits   553.00 CNY  ; taxi", '    invoice: "26442000000123456789"'].join(ending));
        expect(slice(txn.postings[0]!.meta[0]!.span)).toBe('invoice: "26442000000123456789"');
        expect(slice(txn.postings[1]!.span)).toBe(`Assets:Bank${ending}  empty:`);
        expect(slice(txn.postings[1]!.meta[0]!.span)).toBe("empty:");
      }
    }
  });
});

describe("errors", () => {
  const cases: [string, string, number][] = [
    ["impossible date", "2026-13-01 open Assets:A\n", 1],
    ["garbage line", "2026-01-01 open Assets:A\nthis is not beancount\n", 2],
    ["invalid number grouping", "2026-01-01 *\n  Assets:A  1,23.00 USD\n  Assets:B\n", 2],
    ["unknown directive", "2026-01-01 opne Assets:A\n", 1],
    ["lowercase account", "2026-01-01 open assets:foo\n", 1],
    ["too many strings", '2026-01-01 * "a" "b" "c"\n', 1],
    ["one-letter key", "2026-01-01 *\n  a: 1\n", 2],
    ["negative price", "2026-01-01 *\n  Assets:A  1 ABC @ -2 USD\n  Assets:B\n", 2],
    ["division by zero", "2026-01-01 *\n  Assets:A  1/0 USD\n  Assets:B\n", 2],
  ];
  for (const [name, text, line] of cases) {
    it(`${name}: drops the directive and reports line ${line}`, () => {
      const result = parse(text);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.diagnostics.every((d) => d.severity === "error" && d.span !== null)).toBe(true);
      expect(lineOf(text, result.diagnostics[0]!.span!.start)).toBe(line);
      expect(result.directives.filter((d) => d.type === "transaction" || d.type === "open")
        .every((d) => lineOf(text, d.span.start) !== line)).toBe(true);
    });
  }
  it("goes on after a syntax error with the next directive", () => {
    const result = parse('2026-01-01 open Assets:A\n2026-01-02 * "broken" "x" "y"\n  Assets:A  1 USD\n2026-01-03 open Assets:B\n');
    expect(result.directives.map((d) => d.type)).toEqual(["open", "open"]);
  });
  it("reports an unclosed pushtag", () => {
    expect(parse("pushtag #t\n").diagnostics.map((d) => d.message)).toEqual(["Unbalanced pushed tag: 't'"]);
  });
});
