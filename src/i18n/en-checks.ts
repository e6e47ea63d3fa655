// English messages of the validator's and the loader's diagnostics (check, and every command that loads a journal).
// One function per key; zh-checks.ts has the same keys with the same parameters. Composed into the
// whole catalogue in en.ts. The text is what feeledger has always printed (beancount's wording where
// beancount reports the same problem).

type Unexpected = { kind: "end-of-directive" | "end-of-line" | "indented-line" | "token"; name: string; image: string };

function unexpected(p: Unexpected): string {
  if (p.kind === "end-of-directive") return "end of directive";
  if (p.kind === "end-of-line") return "end of line";
  if (p.kind === "indented-line") return "indented line";
  return `${p.name} '${p.image}'`;
}

const INVALID_UTF8_HINT = "the file may be in GBK: convert it with `iconv -f gbk -t utf-8`";

export const enChecks = {
  // Parser
  "syntax-unexpected": (p: Unexpected) => `syntax error, unexpected ${unexpected(p)}`,
  "syntax-stray-indent": (_p: Record<string, never>) => "syntax error, unexpected indented line outside of a directive",
  "syntax-invalid-directive": (p: { why: string }) => `invalid directive: ${p.why}`,
  "pipe-deprecated": (_p: Record<string, never>) => "Pipe symbol is deprecated.",
  "invalid-token": (p: { text: string; unterminated: boolean }) => `Invalid token${p.unterminated ? ": unterminated string" : ""}: '${p.text}'`,
  "invalid-date": (p: { date: string }) => `Invalid date: '${p.date}' (month must be in 1..12 and day valid for the month)`,
  "invalid-number": (p: { number: string }) => `Invalid number format: '${p.number}'`,
  "tags-after-postings": (_p: Record<string, never>) => "Tags or links after the first posting are not allowed",
  "too-many-strings": (_p: Record<string, never>) => "Too many strings on transaction description",
  "negative-price": (_p: Record<string, never>) => "Negative prices are not allowed",
  "cost-price-currencies": (p: { cost: string; price: string }) => `Cost and price currencies must match: ${p.cost} != ${p.price}`,
  "per-unit-total-cost": (_p: Record<string, never>) => "Per-unit cost may not be specified using total cost syntax",
  "booking-method": (p: { name: string }) => `Invalid booking method: ${p.name}`,
  "division-by-zero": (_p: Record<string, never>) => "Division by zero",
  "amount-precision": (p: { digits: number; precision: number }) =>
    `this number has ${p.digits} significant digits; feeledger computes with ${p.precision} (as beancount does), so totals that include it are rounded`,
  "pushtag-unbalanced": (p: { tag: string }) => `Unbalanced pushed tag: '${p.tag}'`,
  "pushmeta-unbalanced": (p: { key: string }) => `Unbalanced metadata key '${p.key}'; leftover metadata`,
  "poptag-absent": (p: { tag: string }) => `Attempting to pop absent tag: '${p.tag}'`,
  "popmeta-absent": (p: { key: string }) => `Attempting to pop absent metadata key: '${p.key}'`,
  "duplicate-meta": (p: { key: string }) => `Duplicate metadata field '${p.key}' (the first value is kept)`,
  "invalid-utf8-text": (_p: Record<string, never>) => `invalid UTF-8 (shown as \ufffd) in the journal's text; ${INVALID_UTF8_HINT}`,
  "invalid-utf8-comment": (_p: Record<string, never>) => `invalid UTF-8 (shown as \ufffd) in a comment; ${INVALID_UTF8_HINT}`,
  "invalid-utf8-more": (p: { count: number }) => `and ${p.count} more line${p.count === 1 ? "" : "s"} with invalid UTF-8 in this file; ${INVALID_UTF8_HINT}`,
};
