// The allocate writer: entries appended as amortize appends, idempotent, --dry-run writes nothing,
// a run with nothing to do leaves every byte, and reports read the same before and after.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { OPENS, writeJournal } from "./journal.js";

const BOOKS = `${OPENS}
2026-01-01 custom "allocation" Expenses:Fees "ratio"
  shares: "ACME 2, Beta 1"

2026-03-10 * "客户答谢会"
  customer: "多客户"
  Expenses:Fees:Events   100.00 CNY
  Liabilities:Payable

2026-04-10 * "客户答谢会（四月）"
  customer: "多客户"
  Expenses:Fees:Events    10.00 CNY
  Liabilities:Payable
`;

describe("allocate", () => {
  it("writes one entry per pooled posting through the month, then nothing", () => {
    const file = writeJournal(BOOKS);
    const report = () => runCli(["report", "customers", file, "-p", "2026", "--format", "csv"]).stdout;
    const before = report();
    const first = runCli(["allocate", file, "--through", "2026-03"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const text = readFileSync(file, "utf8");
    // 100.00 by 2:1 -> 66.66 + 33.33, 0.01 to ACME: 66.67 / 33.33. April is not reached.
    expect(text.slice(BOOKS.length)).toBe(`
2026-03-10 * "客户答谢会 分摊"
  allocation-of: "${/allocation-of: "([0-9a-f]{12})"/.exec(text)![1]}"
  Expenses:Fees:Events  -100.00 CNY
    customer: "多客户"
  Expenses:Fees:Events    66.67 CNY
    customer: "ACME"
  Expenses:Fees:Events    33.33 CNY
    customer: "Beta"
`);
    expect(runCli(["check", file]).code).toBe(0);
    expect(report()).toBe(before);
    const second = runCli(["allocate", file, "--through", "2026-03"]);
    expect(second.stdout).toBe("Nothing to write: the journal holds every allocation through 2026-03.\n");
    expect(readFileSync(file, "utf8")).toBe(text);
    runCli(["allocate", file, "--through", "2026-12"]);
    expect(readFileSync(file, "utf8").match(/allocation-of/g)).toHaveLength(2);
    expect(report()).toBe(before);
  });

  it("--dry-run prints a diff and writes nothing; CRLF files get CRLF lines", () => {
    const file = writeJournal(BOOKS.replace(/\n/g, "\r\n"));
    const bytes = readFileSync(file);
    const result = runCli(["allocate", file, "--through", "2026-12", "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+  Expenses:Fees:Events    66.67 CNY");
    expect(result.stderr).toBe("2 allocations would be written; nothing was written (--dry-run)\n");
    expect(readFileSync(file).equals(bytes)).toBe(true);
    runCli(["allocate", file, "--through", "2026-12"]);
    const written = readFileSync(file, "utf8");
    expect(written.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("refuses a journal with errors and a malformed rule, writing nothing", () => {
    const file = writeJournal(`${BOOKS}\n2026-01-01 custom "allocation" Expenses:Fees "ratio"\n`);
    const bytes = readFileSync(file);
    const result = runCli(["allocate", file, "--through", "2026-12"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: ratio needs shares");
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("needs --through", () => {
    const file = writeJournal(BOOKS);
    writeFileSync(file, BOOKS);
    expect(runCli(["allocate", file]).code).toBe(2);
  });
});
