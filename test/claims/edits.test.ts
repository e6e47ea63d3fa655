// The claim writers' text edits on odd layouts, and refusing to overwrite a file changed underneath.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { BookedTransaction, MetaValue } from "../../src/core/data.js";
import { loadLedger } from "../../src/loader/load.js";
import { applyEdits } from "../../src/edit/edits.js";
import { claimEdits, formatMetaValue, type ClaimChange } from "../../src/edit/claims.js";
import { planChanges, writeChanges, StaleFileError } from "../../src/edit/write.js";
import { claimId } from "../../src/claims/claim.js";
import { runDecision } from "../../src/cli/commands/claim-decision.js";
import type { Io } from "../../src/cli/context.js";
import { journal, read, removeTemporaryFolders, sampleCopy } from "./journal.js";

afterAll(removeTemporaryFolders);

const ACCOUNTS = "2026-01-01 open Expenses:Fees\n2026-01-01 open Liabilities:Payable\n\n";
const POST: ClaimChange = {
  flag: "*",
  meta: [{ key: "status", value: { type: "string", value: "posted" } }, { key: "posted-on", value: { type: "date", value: "2026-03-09" } }],
};

/** Load `text` and apply `change` to its one claim; returns the new text. */
function edited(text: string, change: ClaimChange = POST): string {
  const file = journal(text);
  const ledger = loadLedger(file);
  expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const claim = ledger.entries.find((entry) => claimId(entry) !== null) as BookedTransaction;
  const source = ledger.sources.get(file)!.text;
  return applyEdits(source, claimEdits(claim, source, change));
}

describe("claim edits", () => {
  it("follow the metadata's own indentation (a tab) and keep trailing comments", () => {
    const text = `${ACCOUNTS}2026-03-05 ! "王伟" "visit" ; header comment\n\tclaim: "EC-1" ; why\n\tstatus: "approved"   ; set by hand\n\t; a comment line\n\tExpenses:Fees  10.00 CNY\n\tLiabilities:Payable\n`;
    expect(edited(text)).toBe(`${ACCOUNTS}2026-03-05 * "王伟" "visit" ; header comment\n\tclaim: "EC-1" ; why\n\tstatus: "posted"   ; set by hand\n\tposted-on: 2026-03-09\n\t; a comment line\n\tExpenses:Fees  10.00 CNY\n\tLiabilities:Payable\n`);
  });

  it("work on the last entry of a file without a final newline, with CRLF", () => {
    const text = `${ACCOUNTS}2026-03-05 ! "visit"\r\n    claim: "EC-1"\r\n    Expenses:Fees  10.00 CNY\r\n    Liabilities:Payable`.replace(/\n/g, "\r\n").replace(/\r\r/g, "\r");
    expect(edited(text)).toBe(text.replace("! ", "* ").replace('claim: "EC-1"\r\n', 'claim: "EC-1"\r\n    status: "posted"\r\n    posted-on: 2026-03-09\r\n'));
  });

  it("put new lines after the header when the claim's metadata is pushed from outside", () => {
    const text = `${ACCOUNTS}pushmeta claim: "EC-1"\n2026-03-05 ! "visit"\n   Expenses:Fees  10.00 CNY\n   Liabilities:Payable\npopmeta claim:\n`;
    expect(edited(text)).toBe(`${ACCOUNTS}pushmeta claim: "EC-1"\n2026-03-05 * "visit"\n   status: "posted"\n   posted-on: 2026-03-09\n   Expenses:Fees  10.00 CNY\n   Liabilities:Payable\npopmeta claim:\n`);
  });

  it("give no edit when the change is already made", () => {
    const text = `${ACCOUNTS}2026-03-05 * "visit"\n  claim: "EC-1"\n  status: "posted"\n  posted-on: 2026-03-09\n  Expenses:Fees  10.00 CNY\n  Liabilities:Payable\n`;
    expect(edited(text)).toBe(text);
  });

  it("quote and escape strings, and write dates bare", () => {
    const values: MetaValue[] = [{ type: "string", value: 'a "b" \\ c' }, { type: "date", value: "2026-03-06" }];
    expect(values.map(formatMetaValue)).toEqual(['"a \\"b\\" \\\\ c"', "2026-03-06"]);
  });
});

describe("a file changed underneath", () => {
  it("writeChanges refuses when the file differs from what the edits were planned on", () => {
    const file = journal("2026-01-01 open Assets:Cash\n");
    const changes = planChanges([{ file, start: 0, end: 0, text: "; added\n" }], (name) => readFileSync(name, "utf8"));
    writeFileSync(file, "2026-01-01 open Assets:Bank\n");
    expect(() => writeChanges(changes)).toThrow(StaleFileError);
    expect(read(file)).toBe("2026-01-01 open Assets:Bank\n");
  });

  it("post reports it and leaves the other edit in place", () => {
    const file = sampleCopy();
    let stdout = "";
    let stderr = "";
    const io: Io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: { NO_COLOR: "1", FEELEDGER_TODAY: "2026-12-31" }, stdoutIsTty: false, stderrIsTty: false };
    const someoneElse = read(file) + "\n; edited by someone else meanwhile\n";
    const code = runDecision(io, {
      file, claims: ["EC-2026-133"], decision: { kind: "post", on: "2026-12-31" }, dryRun: false, color: false,
      beforeWrite: () => writeFileSync(file, someoneElse),
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`feeledger: ${file} changed on disk since it was read; nothing was written (run the command again)`);
    expect(stdout).toBe("");
    expect(read(file)).toBe(someoneElse);
  });
});
