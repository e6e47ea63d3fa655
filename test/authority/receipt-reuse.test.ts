// receipt-reused: one receipt file backs one claim, whether the second claim names the same file
// (however the path is written) or a copy of its bytes under another name, in the books or in a
// claim file (whose receipt paths are relative to the claim file).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { append, claim, claimFileOf, cli, journal, read, removeTemporaryFolders, sampleCopy } from "../claims/journal.js";

afterAll(removeTemporaryFolders);

const ACCOUNTS = "2026-01-01 open Expenses:Visits CNY\n2026-01-01 open Liabilities:Payable CNY\n\n";

/** A claim whose postings carry these receipts (one posting each). */
function withReceipts(date: string, id: string, receipts: string[], options: { flag?: string; meta?: string[] } = {}): string {
  return claim({
    date, id, flag: options.flag ?? "*", meta: options.meta ?? ['approved-by: "赵敏"'],
    lines: [...receipts.flatMap((receipt) => ["Expenses:Visits   10.00 CNY", `  receipt: "${receipt}"`]), "Liabilities:Payable"],
  });
}

/** A journal of `text` with receipt files `files` (name -> content) beside it. */
function ledger(text: string, files: Record<string, string>): string {
  const file = journal(ACCOUNTS + text);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dirname(file), name)), { recursive: true });
    writeFileSync(join(dirname(file), name), content);
  }
  return file;
}

/** The books of `ledger` declaring claims/*.beancount, with `claims` as claims/pending.beancount; returns its path. */
function claimFile(file: string, claims: string): string {
  writeFileSync(file, '2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n' + read(file));
  const path = join(dirname(file), "claims", "pending.beancount");
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, claims);
  return path;
}

/** What a claim in the books must not have: a `!` claim there is the old layout (claim-in-books). */
const IN_BOOKS = /: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; /;

function problems(file: string) {
  const run = cli("check", file);
  return diagnosticLines(run.stderr).map((d) => ({ line: d.line, severity: d.severity, message: d.message }));
}

/** The 1-based line of the first line of the file starting with `start` after line `after`. */
function lineOf(file: string, start: string, after = 0): number {
  return read(file).split("\n").findIndex((line, index) => index >= after && line.startsWith(start)) + 1;
}

describe("receipt-reused", () => {
  it("the same file in two claims, however its path is written: an error at the second, naming the first", () => {
    const file = ledger(
      withReceipts("2026-02-01", "EC-1", ["r/taxi.pdf"]) + withReceipts("2026-02-02", "EC-2", ["r/./taxi.pdf"]) + withReceipts("2026-02-03", "EC-3", ["r/../r/taxi.pdf"]),
      { "r/taxi.pdf": "taxi 86.00" },
    );
    const first = lineOf(file, "  Expenses:Visits");
    expect(problems(file)).toEqual([
      { line: lineOf(file, "  Expenses:Visits", first), severity: "error", message: `receipt 'r/./taxi.pdf' is used by two claims: first in EC-1 at ${file}:${first}` },
      { line: lineOf(file, "  Expenses:Visits", lineOf(file, "  Expenses:Visits", first)), severity: "error", message: `receipt 'r/../r/taxi.pdf' is used by two claims: first in EC-1 at ${file}:${first}` },
    ]);
  });

  it("a copy under another name (same bytes) is the same receipt; same size with other bytes is not", () => {
    const file = ledger(
      withReceipts("2026-02-01", "EC-1", ["r/hotel.pdf"]) + withReceipts("2026-02-02", "EC-2", ["r/hotel-copy.pdf"]) + withReceipts("2026-02-03", "EC-3", ["r/hotel-other.pdf"]),
      { "r/hotel.pdf": "hotel 480.00", "r/hotel-copy.pdf": "hotel 480.00", "r/hotel-other.pdf": "hotel 490.00" },
    );
    const first = lineOf(file, "  Expenses:Visits");
    expect(problems(file)).toEqual([{
      line: lineOf(file, "  Expenses:Visits", first), severity: "error",
      message: `receipt 'r/hotel-copy.pdf' has the same content as 'r/hotel.pdf', used first in EC-1 at ${file}:${first}`,
    }]);
  });

  it("postings of one claim may share a receipt; a rejected claim does not count; a missing file is receipt-missing only", () => {
    const rejected = { flag: "!", meta: ['status: "rejected"', 'rejected-by: "赵敏"'] };
    const file = ledger(
      withReceipts("2026-02-01", "EC-1", ["r/bill.pdf", "r/bill.pdf"])
      + withReceipts("2026-02-03", "EC-3", ["r/dinner.pdf"])
      + withReceipts("2026-02-04", "EC-4", ["r/gone.pdf"])
      + withReceipts("2026-02-05", "EC-5", ["r/gone.pdf"]),
      { "r/bill.pdf": "bill", "r/dinner.pdf": "dinner" },
    );
    // The rejected claim in a claim file, where it stays as the record of the decision.
    const claims = claimFile(file, withReceipts("2026-02-02", "EC-2", ["../r/dinner.pdf"], rejected));
    const expected = ["receipt file does not exist: 'r/gone.pdf'", "receipt file does not exist: 'r/gone.pdf'"];
    expect(problems(file).map((p) => p.message)).toEqual(expected);
    // The old layout: the rejected claim written in the books does not count either.
    writeFileSync(claims, "");
    append(file, withReceipts("2026-02-02", "EC-2", ["r/dinner.pdf"], rejected));
    const found = problems(file);
    expect(found.filter((p) => !IN_BOOKS.test(p.message)).map((p) => p.message)).toEqual(expected);
    expect(found.filter((p) => IN_BOOKS.test(p.message)).map((p) => p.message)).toEqual([expect.stringMatching(/^EC-2: /)]);
  });

  it("a claim in a claim file names its receipt from its own folder: the same file as in the books is reused", () => {
    const file = ledger(withReceipts("2026-02-01", "EC-1", ["r/taxi.pdf"]), { "r/taxi.pdf": "taxi 86.00" });
    const claims = claimFile(file, withReceipts("2026-02-02", "EC-2", ["../r/taxi.pdf"], { flag: "!", meta: ['status: "submitted"'] })
      + withReceipts("2026-02-03", "EC-3", ["../r/./taxi.pdf"], { flag: "!", meta: ['status: "approved"', 'approved-by: "赵敏"'] }));
    const first = lineOf(file, "  Expenses:Visits");
    const run = cli("check", file);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [claims, lineOf(claims, "  Expenses:Visits"), "error", `receipt '../r/taxi.pdf' is used by two claims: first in EC-1 at ${file}:${first}`],
      [claims, lineOf(claims, "  Expenses:Visits", lineOf(claims, "  Expenses:Visits")), "error", `receipt '../r/./taxi.pdf' is used by two claims: first in EC-1 at ${file}:${first}`],
    ]);
  });

  it("a claim in progress reusing another claim's receipt cannot be posted, before or after that claim is posted", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    const dinner = "receipts/2026-12/ec-2026-142-dinner.pdf";
    /** The line of EC-2026-142's posting above its invoice and its dinner receipt, in `path`. */
    const postingLine = (path: string) => read(path).split("\n").findIndex((line) => line.includes(`receipt: "`) && line.endsWith(`${dinner}"`)) - 1;
    append(claims, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-150", meta: ['status: "approved"', 'approved-by: "孙强"', "approved-on: 2026-12-30"],
      lines: ["Expenses:6602-管理费用:02-业务招待费   1280.00 CNY", '  invoice: "26312099999999999921"', `  receipt: "../${dinner}"`, "Liabilities:2241-其他应付款:E01-王伟"],
    }));
    const refusedToPost = (message: string | RegExp) => {
      const before = [read(file), read(claims)];
      const post = cli("post", file, "EC-2026-150");
      expect(post.code).toBe(1);
      expect(diagnosticLines(post.stderr).filter((d) => d.severity === "error").map((d) => d.message))
        .toEqual([typeof message === "string" ? `EC-2026-150 not posted: ${message}` : expect.stringMatching(message)]);
      expect([read(file), read(claims)]).toEqual(before);
    };

    // EC-2026-142 is in progress in the same claim file.
    expect(postingLine(claims)).toBe(46);
    const pending = `receipt '../${dinner}' is used by two claims: first in EC-2026-142 at ${claims}:46`;
    expect(problems(file).filter((p) => p.severity === "error").map((p) => p.message)).toEqual([pending]);
    // Posted, EC-2026-150 would be in the books, which come first: EC-2026-142's receipt, still in
    // progress, would then be the second use; the refusal points there.
    refusedToPost(new RegExp(`^EC-2026-150 not posted: receipt '\\.\\./${dinner}' is used by two claims: first in EC-2026-150 at .* \\(at ${claims}:46\\)$`));

    // Once EC-2026-142 is approved and posted (moved into the books), its receipt is still taken.
    expect(cli("approve", file, "EC-2026-142", "--by", "孙强").code).toBe(0);
    const post = cli("post", file, "EC-2026-142");
    expect(post.code, post.stderr).toBe(0);
    expect(read(claims)).not.toContain('claim: "EC-2026-142"');
    const line = postingLine(file);
    expect(read(file).split("\n").slice(line - 12, line).join("\n")).toContain('claim: "EC-2026-142"');
    const posted = `receipt '../${dinner}' is used by two claims: first in EC-2026-142 at ${file}:${line}`;
    expect(problems(file).filter((p) => p.severity === "error").map((p) => p.message)).toEqual([posted]);
    refusedToPost(posted);
  });

  it("a late claim in progress, dated before the posted claim whose receipt it reuses, is the one in error and cannot be posted", () => {
    const file = sampleCopy();
    const claims = claimFileOf(file);
    // EC-2026-136 (posted, 2026-12-23) has this receipt; EC-2026-150 (approved, 2026-12-20) names it too.
    const repair = "receipts/2026-12/ec-2026-136-repair.pdf";
    const books = read(file).split("\n");
    const first = books.findIndex((line) => line.endsWith(`receipt: "${repair}"`)) - 1;
    expect(books.slice(first - 12, first).join("\n")).toContain('claim: "EC-2026-136"');
    append(claims, "\n" + claim({
      date: "2026-12-20", id: "EC-2026-150", meta: ['status: "approved"', 'approved-by: "孙强"', "approved-on: 2026-12-20"],
      lines: ["Expenses:6602-管理费用:02-业务招待费   100.00 CNY", '  invoice: "26312099999999999922"', `  receipt: "../${repair}"`, "Liabilities:2241-其他应付款:E01-王伟"],
    }));
    const run = cli("check", file);
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).filter((d) => d.severity === "error").map((d) => [d.file, d.line, d.message])).toEqual([[
      claims, lineOf(claims, "  Expenses:6602-管理费用:02-业务招待费   100.00 CNY"),
      `receipt '../${repair}' is used by two claims: first in EC-2026-136 at ${file}:${first}`,
    ]]);
    const before = [read(file), read(claims)];
    const post = cli("post", file, "EC-2026-150");
    expect(post.code).toBe(1);
    expect(diagnosticLines(post.stderr).filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
      expect.stringMatching(new RegExp(`^EC-2026-150 not posted: receipt '${repair}' is used by two claims: `)),
    ]);
    expect([read(file), read(claims)]).toEqual(before);
  });

  it("the samples reuse no receipt", () => {
    const file = sampleCopy();
    for (const journalFile of [file, join(dirname(file), "english.beancount")]) {
      expect(problems(journalFile).filter((p) => p.severity === "error")).toEqual([]);
    }
  });
});
