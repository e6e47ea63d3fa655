// The text of moving a claim out of its claim file (edit/move.ts): which lines are the claim's,
// which blank line goes with it, and how a receipt path is named from the books' folder.
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../src/core/data.js";
import { parseSource } from "../../src/parser/parse.js";
import { applyEdits } from "../../src/edit/edits.js";
import { claimBlock, rebasedPath, removalEdits } from "../../src/edit/move.js";

/** A claim dated 2026-03-0N with id EC-N. */
const claim = (n: number, eol = "\n") => [`2026-03-0${n} ! "王伟" "visit ${n}"`, `  claim: "EC-${n}"`, "  Expenses:Fees  10.00 CNY", "  Liabilities:Payable"].join(eol);

/** The text left when the claims with these ids leave `text`. */
function without(text: string, ...ids: number[]): string {
  const claims = parseSource(text, "claims.beancount").directives as Transaction[];
  const blocks = ids.map((id) => claimBlock(claims.find((entry) => entry.narration === `visit ${id}`)!, text));
  return applyEdits(text, removalEdits("claims.beancount", text, blocks));
}

describe("the claim's lines", () => {
  it("are its comment lines written directly above it, its own lines and indented comments, with the last line's ending", () => {
    const text = `; the file\n\n; about claim 1\n;   more about it\n${claim(1)}\n  ; a note inside\n\n${claim(2)}\n`;
    const first = parseSource(text, "f").directives[0] as Transaction;
    const block = claimBlock(first, text);
    expect(text.slice(block.start, block.end)).toBe(`; about claim 1\n;   more about it\n${claim(1)}\n  ; a note inside\n`);
  });

  it("end at the end of a file without a final newline, and leave a BOM in place", () => {
    const text = `\ufeff${claim(1)}`;
    const block = claimBlock(parseSource(text, "f").directives[0] as Transaction, text);
    expect(text.slice(block.start, block.end)).toBe(claim(1));
  });
});

describe("removing claims", () => {
  const three = `; header\n\n${claim(1)}\n\n${claim(2)}\n\n${claim(3)}\n`;

  it("takes the blank line after a claim, else the one before it", () => {
    expect(without(three, 2)).toBe(`; header\n\n${claim(1)}\n\n${claim(3)}\n`);
    expect(without(three, 1)).toBe(`; header\n\n${claim(2)}\n\n${claim(3)}\n`);
    expect(without(three, 3)).toBe(`; header\n\n${claim(1)}\n\n${claim(2)}\n`);
  });

  it("takes each blank line once when several claims leave together", () => {
    expect(without(three, 2, 3)).toBe(`; header\n\n${claim(1)}\n`);
    expect(without(three, 1, 3)).toBe(`; header\n\n${claim(2)}\n`);
    expect(without(three, 1, 2, 3)).toBe("; header\n");
    expect(without(`${claim(1)}\n\n${claim(2)}\n`, 1, 2)).toBe("");
  });

  it("takes no other line when no blank line is next to the claim", () => {
    expect(without(`${claim(1)}\n${claim(2)}\n`, 1)).toBe(`${claim(2)}\n`);
    expect(without(`; header\n\n; about 1\n${claim(1)}`, 1)).toBe("; header\n");
  });

  it("keeps CRLF line endings and a BOM", () => {
    const text = `\ufeff${claim(1, "\r\n")}\r\n\r\n${claim(2, "\r\n")}\r\n`;
    expect(without(text, 1)).toBe(`\ufeff${claim(2, "\r\n")}\r\n`);
    expect(without(text, 2)).toBe(`\ufeff${claim(1, "\r\n")}\r\n`);
  });

  it("gives back a file that only lacks the claims: removing then adding back is the identity", () => {
    const text = `; header\n\n${claim(1)}\n\n${claim(2)}\n`;
    expect(without(text + "\n" + claim(3) + "\n", 3)).toBe(text);
  });
});

describe("receipt paths", () => {
  it("name the same file from the folder of the books", () => {
    expect(rebasedPath("../receipts/2026-12/a.pdf", "books/claims/2026-12.beancount", "books/main.beancount")).toBe("receipts/2026-12/a.pdf");
    expect(rebasedPath("receipts/a.pdf", "books/claims.beancount", "books/main.beancount")).toBe("receipts/a.pdf");
    expect(rebasedPath("a.pdf", "claims/x.beancount", "books/2027/01.beancount")).toBe("../../claims/a.pdf");
    expect(rebasedPath("/srv/receipts/a.pdf", "claims/x.beancount", "main.beancount")).toBe("/srv/receipts/a.pdf");
  });
});
