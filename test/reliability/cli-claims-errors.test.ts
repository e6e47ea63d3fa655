// Issue #11, item 7: `claims` on a journal with errors printed a wrong total and exited 0 (an amount
// line that does not read drops its claim); it refuses like `bal` and every other report.
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { journal, removeTemporaryFolders } from "./cli-support.js";

afterAll(removeTemporaryFolders);

const OPENS = `2026-01-01 open Assets:Cash CNY
2026-01-01 open Expenses:Food CNY
2026-01-01 open Liabilities:Payable:WangWei CNY
`;

const claim = (id: string, date: string, amount: string) => `
${date} ! "王伟" "lunch"
  claim: "${id}"
  claimant: "王伟"
  status: "submitted"
  Expenses:Food   ${amount} CNY
  Liabilities:Payable:WangWei
`;

describe("claims refuses a journal with errors", () => {
  it("an amount line that does not read: the errors, no list and no total, exit 1", () => {
    const file = journal(OPENS + claim("EC-1", "2026-01-05", "100.00") + claim("EC-2", "2026-01-06", "1OO.00"));
    for (const format of ["table", "csv", "json"]) {
      const run = runCli(["claims", file, "--format", format]);
      expect(run.code, format).toBe(1);
      expect(run.stdout, format).toBe("");
      expect(diagnosticLines(run.stderr).map((d) => [d.line, d.severity])).toEqual([[16, "error"]]);
      expect(run.stderr).toContain(`1 error; run 'feeledger check ${file}' for details`);
    }
    // As bal does.
    expect(runCli(["bal", file]).code).toBe(1);
  });

  it("a journal that does not balance is refused too", () => {
    const run = runCli(["claims", journal(OPENS + claim("EC-1", "2026-01-05", "100.00") + "\n2026-01-07 * \"x\"\n  Assets:Cash  1 CNY\n  Expenses:Food  2 CNY\n")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
  });

  it("a claim's own problems (a missing receipt) are listed, not refused", () => {
    const text = OPENS + claim("EC-1", "2026-01-05", "100.00").replace("  Liabilities", '    receipt: "receipts/none.pdf"\n  Liabilities');
    const run = runCli(["claims", journal(text), "--format", "csv"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("receipt-missing");
  });
});
