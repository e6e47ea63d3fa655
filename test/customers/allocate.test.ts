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

describe("allocate on the samples (January, every part worked by hand)", () => {
  it("splits the 2026 gala's pooled costs by January revenue and the gifts by ratio", async () => {
    const { cpSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const work = mkdtempSync(join(tmpdir(), "feeledger-allocate-samples-"));
    cpSync(new URL("../../samples", import.meta.url).pathname, join(work, "samples"), { recursive: true });
    // (A terminal wide enough that the table shows every part whole.)
    const result = runCli(["allocate", join(work, "samples", "customers-2026.beancount"), "--through", "2026-01"], { COLUMNS: "200" });
    expect(result.code).toBe(0);
    // January revenue: ACME 420,000.00, 华盛集团 260,000.00 (total 680,000.00); the rule on the root is "revenue".
    //   16,800.00 × 420/680 = 10,376.470.. -> 10,376.47; × 260/680 = 6,423.529.. -> 6,423.52; 0.01 left to ACME: 10,376.48.
    //      860.00 × 420/680 =    531.176.. ->    531.17; × 260/680 =   328.823.. ->   328.82; 0.01 left to ACME:    531.18.
    //      420.00 × 420/680 =    259.411.. ->    259.41; × 260/680 =   160.588.. ->   160.58; 0.01 left to ACME:    259.42.
    // The gifts' own rule (deeper) is ratio 40:30:30: 9,600.00 -> 3,840.00, 2,880.00, 2,880.00 exactly.
    const parts = result.stdout.split("\n").filter((line) => line.startsWith(" 2026-")).map((line) => line.split(/\s{2,}/).slice(-1)[0]);
    expect(parts).toEqual([
      "ACME 10376.48, 华盛集团 6423.52",
      "ACME 3840.00, 北辰医药 2880.00, 华盛集团 2880.00",
      "ACME 531.18, 华盛集团 328.82",
      "ACME 259.42, 华盛集团 160.58",
    ]);
    // Each set adds up to its source: 16,800.00, 9,600.00, 860.00, 420.00.
    expect(result.stdout).toContain("Wrote 4 allocations");
  });
});
