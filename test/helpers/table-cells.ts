// Random cells and columns for the property tests that hold a table writer of their own to
// writeTableFrom's bytes (the claims list, the register's and ledger's line writer).
import fc from "fast-check";
import type { Column } from "../../src/render/table.js";

/** Cells made of up to five of `pieces`, and columns headed by such a cell, of every alignment, cut and repeat. */
export function tableArbitraries(pieces: readonly string[]): { cell: fc.Arbitrary<string>; column: fc.Arbitrary<Column> } {
  const cell = fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((parts) => parts.join(""));
  const column: fc.Arbitrary<Column> = fc.record({
    header: cell,
    align: fc.constantFrom<"left" | "right" | undefined>("left", "right", undefined),
    shrink: fc.constantFrom<"end" | "start" | undefined>("end", "start", undefined),
    repeat: fc.constantFrom<boolean | undefined>(true, false, undefined),
  }, { requiredKeys: ["header"] });
  return { cell, column };
}
