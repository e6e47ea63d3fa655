// `post` reads back the removal of claims from their claim file by parsing only the part of the
// file around the removed lines (workflow.ts removalReadsBack), not the whole file twice. Held to
// the whole file's read-back over random claim files (comments, blank lines, pushtag, other
// transactions, repeated ids, CRLF, a BOM) and random sets of leaving claims, right or wrong.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerEntry, Transaction } from "../../src/core/data.js";
import { parseSource } from "../../src/parser/parse.js";
import { applyEdits, type TextEdit } from "../../src/edit/edits.js";
import { claimBlock, removalEdits } from "../../src/edit/move.js";
import { claimId } from "../../src/claims/claim.js";
import { removalReadsBack } from "../../src/claims/workflow.js";

const FILE = "claims.beancount";

/** The read-back as it was: the whole file's claim ids before, less the leaving ones, against after. */
function wholeReadsBack(text: string, removals: readonly TextEdit[], leaving: readonly string[]): boolean {
  const ids = (source: string) => parseSource(source, FILE).directives.map((d) => claimId(d as LedgerEntry)).filter((id): id is string => id !== null).sort();
  const left = new Set(leaving);
  const expected = ids(text).filter((id) => !left.has(id) || (left.delete(id), false));
  return ids(applyEdits(text, removals)).join("\n") === expected.join("\n");
}

const item = fc.oneof(
  fc.record({ kind: fc.constant("claim" as const), id: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 1, max: 9 }), comment: fc.boolean(), note: fc.boolean() }),
  fc.constantFrom("", "", "   ", "; a comment", "pushtag #trip", "poptag #trip", "pushmeta project: \"A\"", "popmeta project:",
    "2026-03-05 * \"posted\" \"not a claim\"\n  Expenses:Fees  1.00 CNY\n  Assets:Cash"),
);

function fileOf(items: readonly (string | { id: number; day: number; comment: boolean; note: boolean })[], eol: string, bom: boolean): string {
  const lines = items.map((entry) => typeof entry === "string" ? entry
    : [...(entry.comment ? [`; about EC-${entry.id}`] : []), `2026-03-0${entry.day} ! "王伟" "visit"`, `  claim: "EC-${entry.id}"`,
      ...(entry.note ? ["  ; a note"] : []), "  Expenses:Fees  10.00 CNY", "  Liabilities:Payable"].join("\n"));
  return (bom ? "\ufeff" : "") + lines.join("\n").replace(/\n/g, eol) + eol;
}

describe("reading back the removal of claims from a claim file", () => {
  it("agrees with reading back the whole file", () => {
    fc.assert(fc.property(
      fc.array(item, { minLength: 1, maxLength: 40 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.nat(3),
      (items, eol, bom, picks, wrong) => {
        const text = fileOf(items, eol, bom);
        const claims = (parseSource(text, FILE).directives as Transaction[]).filter((d) => d.type === "transaction" && d.flag === "!");
        fc.pre(claims.length > 0);
        const chosen = [...new Set(picks.map((pick) => pick % claims.length))].map((index) => claims[index]!);
        const removals = removalEdits(FILE, text, chosen.map((claim) => claimBlock(claim, text)));
        const ids = chosen.map((claim) => claimId(claim)!);
        // Right, one short, one too many, or one named wrongly.
        const leaving = wrong === 0 ? ids : wrong === 1 ? ids.slice(1) : wrong === 2 ? [...ids, "EC-9"] : ["EC-9", ...ids.slice(1)];
        expect(removalReadsBack(FILE, text, removals, leaving)).toBe(wholeReadsBack(text, removals, leaving));
      },
    ), { numRuns: 400 });
  });
});
