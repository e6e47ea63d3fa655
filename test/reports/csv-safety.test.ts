// CSV safety: text a spreadsheet would run as a formula is neutralised, commas, quotes and
// newlines are quoted (RFC 4180), Chinese text stays UTF-8, --bom adds the byte-order mark, and
// -o FILE picks the format from the extension.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv.js";
import { runCli } from "../helpers/cli.js";

const JOURNAL = `
2026-01-01 open Assets:Bank CNY
2026-01-01 open Expenses:Fees:Gifts CNY
2026-01-01 open Expenses:Fees:Visits CNY

2026-01-05 * "=HYPERLINK(\\"http://evil.example\\",\\"x\\")" "+SUM(A1:A9)"
  customer: "@evil"
  Expenses:Fees:Gifts    100.00 CNY
  Assets:Bank

2026-01-06 * "-2+3" "ACME, Inc. said \\"thanks\\""
  customer: "客户, \\"引号\\" 公司"
  Expenses:Fees:Visits    25.50 CNY
  Assets:Bank

2026-01-07 * "-100" "two
lines"
  customer: "\\tstarts with a tab"
  Expenses:Fees:Visits    10.00 CNY
  Assets:Bank
`;

let dir = "";
let journal = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "feeledger-csv-"));
  journal = join(dir, "nasty.beancount");
  writeFileSync(journal, JOURNAL);
});

function csv(args: readonly string[]): { text: string; rows: string[][] } {
  const result = runCli([...args, "--format", "csv"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return { text: result.stdout, rows: parseCsv(result.stdout) };
}

describe("CSV safety rules", () => {
  it("neutralises cells starting with = + - @ or a tab, but not plain numbers", () => {
    const { rows } = csv(["reg", journal, "Expenses"]);
    expect(rows[0]).toEqual(["row", "date", "payee", "narration", "account", "amount", "commodity", "balance"]);
    expect(rows[1]!.slice(2, 4)).toEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+SUM(A1:A9)"]);
    expect(rows[2]![2]).toBe("'-2+3");
    // A payee that is a plain number is data, not a formula; amounts are plain numbers too.
    expect(rows[3]![2]).toBe("-100");
    expect(rows.map((row) => row[5])).toEqual(["amount", "100.00", "25.50", "10.00", "135.50"]);
    const structure = csv(["report", "structure", journal, "--root", "Expenses", "--by", "customer"]).rows;
    expect(structure.map((row) => row[1])).toContain("'@evil");
    expect(structure.map((row) => row[1])).toContain("'\tstarts with a tab");
  });

  it("quotes commas, quotes and newlines (RFC 4180, CRLF records) and keeps Chinese as UTF-8", () => {
    const { text, rows } = csv(["reg", journal, "Visits"]);
    expect(text).toContain('"ACME, Inc. said ""thanks"""');
    expect(text).toContain('"two\nlines"');
    expect(text.split("\r\n")[0]).toBe("row,date,payee,narration,account,amount,commodity,balance");
    expect(rows[2]![3]).toBe("two\nlines");
    const structure = csv(["report", "structure", journal, "--root", "Expenses", "--by", "customer"]);
    expect(structure.text).toContain('"客户, ""引号"" 公司",25.50,CNY');
  });

  it("--bom starts CSV with a byte-order mark, on stdout and in a file", () => {
    expect(csv(["reg", journal]).text.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = runCli(["reg", journal, "--format", "csv", "--bom"]);
    expect(withBom.stdout.charCodeAt(0)).toBe(0xfeff);
    const file = join(dir, "structure.csv");
    expect(runCli(["report", "structure", journal, "--root", "Expenses", "--by", "customer", "-o", file, "--bom"]).code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("客户");
  });

  it("--bom with a format other than CSV is a usage error", () => {
    const result = runCli(["reg", journal, "--bom"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--bom applies to CSV output only");
  });

  it("-o FILE writes the format its extension names; --format wins over the extension", () => {
    for (const [name, check] of [
      ["out.csv", (text: string) => text.startsWith("row,date,payee")],
      ["out.json", (text: string) => JSON.parse(text).report === "register"],
      ["out.txt", (text: string) => text.startsWith("Register")],
    ] as const) {
      const file = join(dir, name);
      const result = runCli(["reg", journal, "Expenses", "-o", file]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe("");
      expect(check(readFileSync(file, "utf8")), name).toBe(true);
    }
    const file = join(dir, "forced.txt");
    expect(runCli(["reg", journal, "Expenses", "-o", file, "--format", "json"]).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).rows).toHaveLength(3);
  });

  it("JSON keeps amounts as strings and text unchanged (no neutralising)", () => {
    const result = runCli(["reg", journal, "Expenses", "--format", "json"]);
    const json = JSON.parse(result.stdout);
    expect(json.rows[0].payee).toBe('=HYPERLINK("http://evil.example","x")');
    expect(json.rows[0].amount).toBe("100.00");
    expect(json.totals[0].balance).toBe("135.50");
  });

  it("tables put a newline inside a cell on one line", () => {
    const result = runCli(["reg", journal, "Visits", "--no-color"]);
    expect(result.stdout).toContain("-100 | two lines");
  });
});
