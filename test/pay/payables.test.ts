// `feeledger report payables`: what is owed per employee at a date, claim by claim, with ages.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv.js";
import { BANK, CHART, LI, WANG, cli, journal, postedClaim, removeTemporaryFolders, sampleCopy } from "./journal.js";

afterAll(removeTemporaryFolders);

function csvRecords(stdout: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(stdout);
  return rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index] ?? ""])));
}

const JOURNAL = CHART
  + postedClaim("EC-1", "2026-03-02", WANG, "300.00")
  + postedClaim("EC-2", "2026-03-05", WANG, "200.00")
  + postedClaim("EC-3", "2026-03-06", LI, "50.00", "李娜")
  + `
2026-03-20 * "工商银行" "报销款支付" ^EC-1 ^EC-2
  ${WANG}  400.00 CNY
  ${BANK}

2026-03-25 * "工商银行" "未注明报销单的付款"
  ${LI}  20.00 CNY
  ${BANK}
`;

describe("report payables", () => {
  it("lists each claim not fully paid with amount, paid, owed and age; a subtotal per employee with the account's balance; totals", () => {
    const run = cli("report", "payables", journal(JOURNAL), "-e", "2026-04-01", "--format", "csv");
    expect(run.code, run.stderr).toBe(0);
    expect(csvRecords(run.stdout)).toEqual([
      { row: "data", account: WANG, employee: "王伟", claim: "EC-2", date: "2026-03-05", posted: "2026-03-05", commodity: "CNY", amount: "200.00", paid: "100.00", owed: "100.00", age: "27", balance: "" },
      { row: "subtotal", account: WANG, employee: "王伟", claim: "", date: "", posted: "", commodity: "CNY", amount: "200.00", paid: "100.00", owed: "100.00", age: "", balance: "100.00" },
      { row: "data", account: LI, employee: "李娜", claim: "EC-3", date: "2026-03-06", posted: "2026-03-06", commodity: "CNY", amount: "50.00", paid: "0.00", owed: "50.00", age: "26", balance: "" },
      // The payment that links no claim shows as a balance below what the claims owe.
      { row: "subtotal", account: LI, employee: "李娜", claim: "", date: "", posted: "", commodity: "CNY", amount: "50.00", paid: "0.00", owed: "50.00", age: "", balance: "30.00" },
      { row: "total", account: "", employee: "", claim: "", date: "", posted: "", commodity: "CNY", amount: "250.00", paid: "100.00", owed: "150.00", age: "", balance: "" },
    ]);
  });

  it("at an earlier date, counts only the claims and payments before it; without -e, ages are counted to today", () => {
    const file = journal(JOURNAL);
    const early = csvRecords(cli("report", "payables", file, "-e", "2026-03-20", "--format", "csv").stdout);
    expect(early.filter((row) => row.claim.startsWith("EC-")).map((row) => [row.claim, row.owed, row.age])).toEqual([["EC-1", "300.00", "18"], ["EC-2", "200.00", "15"], ["EC-3", "50.00", "14"]]);
    const now = csvRecords(cli("report", "payables", file, "--format", "csv").stdout);
    expect(now.find((row) => row.claim === "EC-3")!.age).toBe("315"); // 2026-03-06 to 2027-01-15
  });

  it("gives JSON with amounts as strings and ages as numbers, and a Chinese table", () => {
    const file = journal(JOURNAL);
    const json = JSON.parse(cli("report", "payables", file, "-e", "2026-04-01", "--format", "json").stdout) as { report: string; end: string; rows: { claim: string; owed: string; age: number | null }[] };
    expect(json.report).toBe("payables");
    expect(json.end).toBe("2026-04-01");
    expect(json.rows[0]).toMatchObject({ claim: "EC-2", owed: "100.00", age: 27 });
    const table = cli("report", "payables", file, "-e", "2026-04-01", "--lang", "zh").stdout;
    expect(table).toContain("应付报销款");
    expect(table).toContain("王伟  Liabilities:2241-其他应付款:E01-王伟");
    expect(table).toMatch(/小计 +CNY +200\.00 +100\.00 +100\.00 +100\.00/);
  });

  it("on the sample: nothing owed until the approved claims are posted, then those two, then nothing after pay", () => {
    const file = sampleCopy();
    expect(cli("report", "payables", file).stdout).toBe("Nothing is owed on posted claims.\n");
    // With -o the sentence goes into the file, as the table would have.
    const out = join(dirname(file), "payables.txt");
    const written = cli("report", "payables", file, "-o", out);
    expect([written.code, written.stdout]).toEqual([0, ""]);
    expect(readFileSync(out, "utf8")).toBe("Nothing is owed on posted claims.\n");
    expect(cli("post", file, "EC-2026-133", "EC-2026-138", "--on", "2026-12-31").code).toBe(0);
    const owed = csvRecords(cli("report", "payables", file, "--format", "csv").stdout);
    expect(owed.map((row) => [row.row, row.employee, row.claim, row.owed, row.age, row.balance])).toEqual([
      ["data", "李娜", "EC-2026-138", "844.00", "15", ""], ["subtotal", "李娜", "", "844.00", "", "844.00"],
      ["data", "张磊", "EC-2026-133", "3960.00", "15", ""], ["subtotal", "张磊", "", "3960.00", "", "3960.00"],
      ["total", "", "", "4804.00", "", ""],
    ]);
    expect(cli("pay", file, "--all", "--from", "Assets:1002-银行存款:01-工商银行", "--on", "2027-01-05").code).toBe(0);
    expect(cli("report", "payables", file).stdout).toBe("Nothing is owed on posted claims.\n");
    expect(parseCsv(cli("report", "payables", file, "--format", "csv").stdout)).toEqual([["row", "account", "employee", "claim", "date", "posted", "commodity", "amount", "paid", "owed", "age", "balance"]]);
  });
});
