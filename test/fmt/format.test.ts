// The formatter on small journals: alignment (CJK and full-width text counted two columns),
// what it keeps (comments, metadata, strings, headings, directives, costs and prices), indents,
// flags, tabs, line ends, and the block scope.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/display-width.js";
import { formatted } from "./support.js";

/** The display column where `needle` starts on `line`. */
function columnOf(line: string, needle: string): number {
  const at = line.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, at));
}

describe("fmt aligns amounts", () => {
  it("right-aligns every number of the file on one column, two spaces after the widest account", () => {
    const text = [
      "2026-01-05 * \"Shop\" \"Pens\"",
      "  Expenses:Office 12.50 CNY",
      "  Assets:Bank:Checking   -12.50 CNY",
      "",
      "2026-01-06 * \"Rent\"",
      "    Expenses:Rent        3000 CNY",
      "  Assets:Bank:Checking",
      "",
    ].join("\n");
    expect(formatted(text)).toBe([
      "2026-01-05 * \"Shop\" \"Pens\"",
      "  Expenses:Office        12.50 CNY",
      "  Assets:Bank:Checking  -12.50 CNY",
      "",
      "2026-01-06 * \"Rent\"",
      "  Expenses:Rent           3000 CNY",
      "  Assets:Bank:Checking",
      "",
    ].join("\n"));
  });

  it("counts CJK accounts two columns a character, so the currencies line up on screen", () => {
    const text = [
      "2026-01-05 * \"王伟\" \"拜访客户\"",
      "  Expenses:6602-管理费用:01-客户管理费:01-客户拜访 86.00 CNY",
      "  Liabilities:2241-其他应付款:E01-王伟 -86.00 CNY",
      "  Assets:Cash 0 CNY",
      "",
    ].join("\n");
    const lines = formatted(text).split("\n").slice(1, 4);
    const columns = lines.map((line) => columnOf(line, "CNY"));
    expect(new Set(columns).size).toBe(1);
    // Two columns after the widest account (41 display columns with its indent), then the widest number.
    expect(columns[0]).toBe(displayWidth("  Expenses:6602-管理费用:01-客户管理费:01-客户拜访") + 2 + "-86.00".length + 1);
  });

  it("counts full-width letters and digits two columns", () => {
    const text = "2026-01-05 *\n  Expenses:ＣＲＭ系统 1 CNY\n  Assets:Cash:Petty -1 CNY\n";
    const lines = formatted(text).split("\n");
    expect(columnOf(lines[1]!, "CNY")).toBe(columnOf(lines[2]!, "CNY"));
    expect(lines[1]).toBe("  Expenses:ＣＲＭ系統 1 CNY".replace("統", "统").replace(" 1 CNY", "   1 CNY"));
  });

  it("aligns balance and price directives with the postings", () => {
    const text = "2026-01-31 balance Assets:Bank 100.00 CNY\n2026-01-31 price USD 7.1 CNY\n\n2026-01-05 *\n  Assets:Bank 1 CNY\n  Equity:Open\n";
    const lines = formatted(text).split("\n");
    expect(lines[0]).toBe("2026-01-31 balance Assets:Bank  100.00 CNY");
    expect(lines[1]).toBe("2026-01-31 price USD               7.1 CNY");
    expect(lines[4]).toBe("  Assets:Bank                        1 CNY");
  });

  it("per block: each run of lines between blank lines has its own column", () => {
    const text = "2026-01-05 *\n  Assets:A 1 CNY\n  Equity:Opening-Balances -1 CNY\n\n2026-01-06 *\n  Assets:A 1 CNY\n  Equity:B -1 CNY\n";
    expect(formatted(text, "block")).toBe(
      "2026-01-05 *\n  Assets:A                  1 CNY\n  Equity:Opening-Balances  -1 CNY\n\n2026-01-06 *\n  Assets:A   1 CNY\n  Equity:B  -1 CNY\n",
    );
    expect(formatted(text, "file")).toContain("\n  Equity:B                 -1 CNY\n");
  });
});

describe("fmt keeps everything but white space", () => {
  const journal = [
    "; -*- mode: org -*-",
    "option \"title\"   \"Books\"",
    "include   \"other.beancount\"",
    "plugin \"beancount.plugins.auto_accounts\"",
    "* Accounts",
    "** Banks   ",
    "2026-01-01 open Assets:Bank CNY   ; opened",
    "pushtag #trip",
    "",
    "2026-01-05 ! \"Payee\" \"A narration",
    "  Assets:Bank   5 CNY",
    "that runs over lines\"",
    "  memo: \"note\"  ",
    "  ! Expenses:Travel 5 CNY ; taxi",
    "    receipt: \"r.pdf\"",
    "  Assets:Bank -10 CNY",
    "  Assets:Stock 10 HOOL {100.00 USD, 2026-01-01, \"lot\"} @ 110 USD",
    "  Assets:Stock -2 HOOL {{200 USD}} @@ 220 USD",
    "  Assets:Fund (1 + 2) CNY",
    "poptag #trip",
    "2026-01-06 custom \"budget\" Expenses:Travel \"month\" 100 CNY",
    "",
  ].join("\n");

  it("keeps comments, headings, options, includes, tags, metadata and lines inside a string", () => {
    const out = formatted(journal).split("\n");
    const before = journal.split("\n");
    for (const index of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 19, 20]) expect(out[index]).toBe(before[index]);
    expect(out[13]).toBe("  ! Expenses:Travel    5 CNY ; taxi");
    expect(out[15]).toBe("  Assets:Bank        -10 CNY");
    expect(out[16]).toBe("  Assets:Stock        10 HOOL {100.00 USD, 2026-01-01, \"lot\"} @ 110 USD");
    expect(out[17]).toBe("  Assets:Stock        -2 HOOL {{200 USD}} @@ 220 USD");
    expect(out[18]).toBe("  Assets:Fund (1 + 2) CNY");
  });

  it("changes only spaces and tabs, and the same again changes nothing", () => {
    const once = formatted(journal);
    expect(once.replace(/[ \t]/g, "")).toBe(journal.replace(/[ \t]/g, ""));
    expect(formatted(once)).toBe(once);
  });

  it("makes every posting's indent the file's most common one, tabs included", () => {
    const text = "2026-01-05 *\n\tAssets:A\t1 CNY\n\tEquity:B\t-1 CNY\n\n2026-01-06 *\n    Assets:A 2 CNY\n\tEquity:B\n";
    expect(formatted(text)).toBe("2026-01-05 *\n\tAssets:A   1 CNY\n\tEquity:B  -1 CNY\n\n2026-01-06 *\n\tAssets:A   2 CNY\n\tEquity:B\n");
  });

  it("keeps CRLF line ends, a missing final newline and a byte order mark", () => {
    const text = "\uFEFF; books\r\n2026-01-05 *\r\n  Assets:A 1 CNY\r\n  Equity:B -1 CNY";
    expect(formatted(text)).toBe("\uFEFF; books\r\n2026-01-05 *\r\n  Assets:A   1 CNY\r\n  Equity:B  -1 CNY");
  });

  it("leaves a file without amounts as it is", () => {
    const text = "; nothing here\n\n2026-01-01 open Assets:Bank\n";
    expect(formatted(text)).toBe(text);
    expect(formatted("")).toBe("");
  });

  it("does not touch a line with bytes that were not UTF-8", () => {
    const text = "2026-01-05 *\n  Assets:A 1 CNY ; \uFFFD\n  Equity:B -1 CNY\n";
    expect(formatted(text).split("\n")[1]).toBe("  Assets:A 1 CNY ; \uFFFD");
  });
});
