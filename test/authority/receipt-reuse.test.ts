// receipt-reused: one receipt file backs one claim, whether the second claim names the same file
// (however the path is written) or a copy of its bytes under another name.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { append, claim, cli, journal, read, removeTemporaryFolders, sampleCopy } from "../claims/journal.js";

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
    const file = ledger(
      withReceipts("2026-02-01", "EC-1", ["r/bill.pdf", "r/bill.pdf"])
      + withReceipts("2026-02-02", "EC-2", ["r/dinner.pdf"], { flag: "!", meta: ['status: "rejected"', 'rejected-by: "赵敏"'] })
      + withReceipts("2026-02-03", "EC-3", ["r/dinner.pdf"])
      + withReceipts("2026-02-04", "EC-4", ["r/gone.pdf"])
      + withReceipts("2026-02-05", "EC-5", ["r/gone.pdf"]),
      { "r/bill.pdf": "bill", "r/dinner.pdf": "dinner" },
    );
    expect(problems(file).map((p) => p.message)).toEqual([
      "receipt file does not exist: 'r/gone.pdf'",
      "receipt file does not exist: 'r/gone.pdf'",
    ]);
  });

  it("a pending claim reusing a posted claim's receipt cannot be posted", () => {
    const file = sampleCopy();
    const text = read(file);
    // In EC-2026-142: the posting line, above its invoice and receipt lines.
    const firstLine = text.split("\n").findIndex((line) => line.includes('receipt: "receipts/2026-12/ec-2026-142-dinner.pdf"')) - 1;
    append(file, "\n" + claim({
      date: "2026-12-30", id: "EC-2026-150", meta: ['status: "approved"', 'approved-by: "孙强"', "approved-on: 2026-12-30"],
      lines: ["Expenses:6602-管理费用:02-业务招待费   1280.00 CNY", '  invoice: "26312099999999999921"', '  receipt: "receipts/2026-12/ec-2026-142-dinner.pdf"', "Liabilities:2241-其他应付款:E01-王伟"],
    }));
    const message = `receipt 'receipts/2026-12/ec-2026-142-dinner.pdf' is used by two claims: first in EC-2026-142 at ${file}:${firstLine}`;
    expect(problems(file).filter((p) => p.severity === "error").map((p) => p.message)).toEqual([message]);
    const before = read(file);
    const post = cli("post", file, "EC-2026-150");
    expect(post.code).toBe(1);
    expect(diagnosticLines(post.stderr).map((d) => d.message)).toEqual([`EC-2026-150 not posted: ${message}`]);
    expect(read(file)).toBe(before);
  });

  it("the samples reuse no receipt", () => {
    const file = sampleCopy();
    for (const journalFile of [file, join(dirname(file), "english.beancount")]) {
      expect(problems(journalFile).filter((p) => p.severity === "error")).toEqual([]);
    }
  });
});
