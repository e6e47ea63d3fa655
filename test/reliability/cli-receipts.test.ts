// Issue #11, item 19: a `receipt:` outside the journal's folder tree (`../../etc/passwd`, an absolute
// path, a symbolic link out) counted as evidence without a word: `check` warns (`receipt-outside`).
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { removeTemporaryFolders, temporaryFolder } from "./cli-support.js";

afterAll(removeTemporaryFolders);

/** books/main.beancount with a posted claim whose postings carry receipts, and a file outside books/. */
function books(receiptsOf: (folder: string, outside: string) => readonly string[]): { file: string; outside: string } {
  const dir = temporaryFolder();
  const outside = join(dir, "elsewhere.pdf");
  const receipts = receiptsOf(join(dir, "books"), outside);
  writeFileSync(outside, "not with the books");
  mkdirSync(join(dir, "books", "receipts", "2026-01"), { recursive: true });
  writeFileSync(join(dir, "books", "receipts", "2026-01", "lunch.pdf"), "receipt");
  symlinkSync(outside, join(dir, "books", "receipts", "link.pdf"));
  symlinkSync(join(dir, "books", "receipts", "2026-01", "lunch.pdf"), join(dir, "books", "receipts", "inside-link.pdf"));
  const postings = receipts.map((receipt) => `  Expenses:Food   10.00 CNY\n    receipt: "${receipt}"\n`).join("");
  const file = join(dir, "books", "main.beancount");
  writeFileSync(file, `2026-01-01 open Expenses:Food CNY
2026-01-01 open Liabilities:Payable CNY

2026-01-05 * "王伟" "lunch"
  claim: "EC-1"
  claimant: "王伟"
  status: "posted"
  approved-by: "赵敏"
  approved-on: 2026-01-06
  posted-on: 2026-01-06
${postings}  Liabilities:Payable
`);
  return { file, outside };
}

const outsideWarnings = (stderr: string) => diagnosticLines(stderr).filter((d) => d.message.startsWith("receipt file is outside"));

describe("receipts outside the journal's folder tree", () => {
  it("warn for ../ out of the tree, an absolute path outside, and a symbolic link out", () => {
    const { file, outside } = books((_, outside) => ["../elsewhere.pdf", outside, "receipts/link.pdf", "receipts/../../elsewhere.pdf"]);
    const run = runCli(["check", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(outsideWarnings(run.stderr).map((d) => [d.line, d.severity, d.message])).toEqual([
      [11, "warning", "receipt file is outside the journal's folder: '../elsewhere.pdf' (receipts belong with the books)"],
      [13, "warning", `receipt file is outside the journal's folder: '${outside}' (receipts belong with the books)`],
      [15, "warning", "receipt file is outside the journal's folder: 'receipts/link.pdf' (receipts belong with the books)"],
      [17, "warning", "receipt file is outside the journal's folder: 'receipts/../../elsewhere.pdf' (receipts belong with the books)"],
    ]);
    const claims = runCli(["claims", file, "--format", "csv"]);
    expect(claims.stdout).toContain("receipt-outside");
  });

  it("no warning for receipts in the tree: relative, with .. that stays inside, absolute inside, a link inside", () => {
    const { file } = books((folder) => [
      "receipts/2026-01/lunch.pdf", "receipts/2026-01/../2026-01/lunch.pdf", "receipts/inside-link.pdf", join(folder, "receipts", "2026-01", "lunch.pdf"),
    ]);
    const run = runCli(["check", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("a missing receipt outside is an error about the missing file only", () => {
    const { file } = books(() => ["../../../../../../no-such-receipt.pdf"]);
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => d.message)).toEqual(["receipt file does not exist: '../../../../../../no-such-receipt.pdf'"]);
  });
});
