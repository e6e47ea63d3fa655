// Properties of fmt on random journals built from the pieces real ones have (ASCII and CJK
// accounts, flags, numbers, costs and prices, comments, metadata, multi-line strings, headings,
// blank lines, indents of spaces or tabs, CRLF): formatting twice gives what formatting once
// gave, only spaces and tabs change, and the result reads as the same entries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatEdits } from "../../src/fmt/format.js";
import { journalDifference } from "../../src/fmt/same-entries.js";
import { applyEdits } from "../../src/edit/edits.js";

const FILE = "property.beancount";
const ACCOUNTS = ["Assets:Bank", "Assets:1002-银行存款:01-工商银行", "Expenses:6602-管理费用:01-客户管理费", "Expenses:ＣＲＭ", "Liabilities:2241-其他应付款:E01-王伟", "Equity:Opening", "Income:Sales"];
const blank = fc.constantFrom(" ", "  ", "\t", "   ", " \t");
const indent = fc.constantFrom("  ", "    ", "\t", " ");
const number = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom("", ".5", ".00", ".25"))
  .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction}`);
const comment = fc.constantFrom("", " ; 午餐", "  ; note", "\t; 备注：发票");
const posting = fc.record({
  indent, account: fc.constantFrom(...ACCOUNTS), flag: fc.constantFrom("", "! "), gap: blank, number, gap2: blank,
  suffix: fc.constantFrom("CNY", "CNY", "HOOL {10.00 USD}", "USD @ 7.1 CNY", "HOOL {{100 USD}} @@ 120 USD"), comment,
}).map((p) => `${p.indent}${p.flag}${p.account}${p.gap}${p.number}${p.gap2}${p.suffix}${p.comment}`);
const barePosting = fc.tuple(indent, fc.constantFrom(...ACCOUNTS), comment).map(([i, account, note]) => `${i}${account}${note}`);
const meta = fc.tuple(indent, fc.constantFrom('claim: "EC-1"', "months: 12", "amount: 12 CNY", 'note: "Assets:Bank  5 CNY"')).map(([i, m]) => `${i}${m}`);
const header = fc.constantFrom('2026-01-05 * "王伟" "拜访"', '2026-01-06 ! "Shop"', '2026-01-07 * "Multi\n  Assets:Bank   5 CNY\nline"', "2026-01-08 txn");
const transaction = fc.tuple(header, fc.array(fc.oneof(posting, posting, meta, barePosting), { minLength: 1, maxLength: 5 }))
  .map(([head, lines]) => [head, ...lines].join("\n"));
const dated = fc.tuple(fc.constantFrom("2026-01-31 balance Assets:Bank", "2026-01-31 price USD", "2026-02-01 balance Assets:1002-银行存款:01-工商银行"), blank, number, blank)
  .map(([head, gap, amount, gap2]) => `${head}${gap}${amount}${gap2}CNY`);
const other = fc.constantFrom("", "", "; comment  ", "* Heading", "** 二级标题", 'option "title" "Books"', 'include "other.beancount"', "pushtag #trip", "poptag #trip", "2026-01-01 open Assets:Bank CNY", "   ");
const journal = fc.tuple(fc.array(fc.oneof(transaction, transaction, dated, other), { maxLength: 12 }), fc.boolean())
  .map(([parts, crlf]) => {
    const text = parts.join("\n") + "\n";
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });

describe("fmt properties", () => {
  it("is idempotent, changes only spaces and tabs, and keeps the entries", () => {
    fc.assert(fc.property(journal, fc.constantFrom("file" as const, "block" as const), (text, align) => {
      const edits = formatEdits(FILE, text, { align });
      const once = applyEdits(text, edits);
      expect(applyEdits(once, formatEdits(FILE, once, { align }))).toBe(once);
      expect(once.replace(/[ \t]/g, "")).toBe(text.replace(/[ \t]/g, ""));
      expect(journalDifference(FILE, text, edits)).toBeNull();
    }), { numRuns: 400, seed: 20261205 });
  });
});
