// `feeledger receipts`: one row per evidence file, with the fields read from the file itself (not
// copied from the posting), where each came from, and its checks; on samples/ too.
import { afterAll, describe, expect, it } from "vitest";
import { invoiceOfdTagged, invoiceXml } from "../../scripts/lib/invoice-files.mjs";
import { FIELDS, books, removeTemporaryFolders } from "./support.js";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";

afterAll(removeTemporaryFolders);

function journalWithEvidence(): string {
  return books([
    { id: "EC-1", postings: [{ invoice: "26312000000000000001", receipt: "r/a.xml" }, { amount: "50.00", receipt: "r/b.ofd" }] },
    { id: "EC-2", date: "2026-03-12", postings: [{ amount: "10.00", receipt: "r/note.pdf" }, { amount: "10.00", receipt: "r/none.pdf" }] },
  ], {
    "r/a.xml": invoiceXml(FIELDS),
    "r/b.ofd": invoiceOfdTagged({ ...FIELDS, number: "26312000000000000002", total: "50.00", amount: "47.17", tax: "2.83" }),
    "r/note.pdf": "a placeholder receipt\n",
  });
}

describe("feeledger receipts", () => {
  it("JSON: the file's own fields and sources, the checks, what the other files are", () => {
    const run = runCli(["receipts", journalWithEvidence(), "--format", "json"]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout).receipts as Record<string, unknown>[];
    expect(rows.map((row) => [row.claim, row.kind, row.number, row.date, row.seller, row.buyerTaxId, row.total, (row.checks as { code: string }[]).map((c) => c.code), row.note])).toEqual([
      // The posting says ...0001: the file's own number is listed, and the mismatch is its check.
      ["EC-1", "invoice (xml)", FIELDS.number, FIELDS.date, FIELDS.sellerName, FIELDS.buyerTaxId, "106.00", ["invoice-number-mismatch"], ""],
      ["EC-1", "invoice (ofd)", "26312000000000000002", FIELDS.date, FIELDS.sellerName, FIELDS.buyerTaxId, "50.00", [], ""],
      ["EC-2", "not an invoice", "", "", "", "", "", [], "a text file, not an electronic invoice"],
      ["EC-2", "missing", "", "", "", "", "", ["receipt-missing"], ""],
    ]);
    expect((rows[1]!.sources as Record<string, string>).number).toBe("OFD Doc_0/Tags/CustomTag.xml InvoiceNo");
    expect(rows[0]!.file).toMatch(/r\/a\.xml$/);
  });

  it("CSV: a header and one row per file", () => {
    const run = runCli(["receipts", journalWithEvidence(), "--format", "csv"]);
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(["file", "claim", "status", "kind", "number", "date", "seller", "buyer tax id", "total", "read from", "checks", "note"]);
    expect(rows.slice(1).map((row) => row.slice(1, 4).concat(row.slice(9, 11)))).toEqual([
      ["EC-1", "posted", "invoice (xml)", "XML", "invoice-number-mismatch"],
      ["EC-1", "posted", "invoice (ofd)", "OFD Doc_0/Tags/CustomTag.xml", ""],
      ["EC-2", "posted", "not an invoice", "", ""],
      ["EC-2", "posted", "missing", "", "receipt-missing"],
    ]);
  });

  it("a journal without receipts", () => {
    const run = runCli(["receipts", books([{ id: "EC-1", postings: [{ invoice: FIELDS.number }] }], {})]);
    expect([run.code, run.stdout]).toEqual([0, "No claim names a receipt file.\n"]);
  });
});

describe("samples/", () => {
  it("nine receipts are invoice PDFs that agree with their claims, but EC-2026-003's (金额 + 税额 is not 价税合计)", () => {
    const run = runCli(["receipts", "samples/customer-fees-2026.beancount", "--format", "csv"]);
    const invoices = parseCsv(run.stdout).slice(1).filter((row) => row[3] === "invoice (pdf)");
    expect(invoices.map((row) => [row[1], row[10]])).toEqual([
      ["EC-2026-002", ""], ["EC-2026-003", "invoice-total-mismatch"], ["EC-2026-006", ""], ["EC-2026-006", ""], ["EC-2026-006", ""],
      ["EC-2026-133", ""], ["EC-2026-133", ""], ["EC-2026-138", ""], ["EC-2026-145", ""],
    ]);
    const check = runCli(["check", "samples/customer-fees-2026.beancount"]);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain("samples/customer-fees-2026.beancount:90:3: warning: receipt 'receipts/2026-01/ec-2026-003-hotel.pdf': 金额 547.17 (PDF text 合计 金额) + 税额 52.83 (PDF text 合计 税额) is not 价税合计 580.00 (PDF text 价税合计（小写）)");
  });
});
