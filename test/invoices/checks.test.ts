// Each check of an invoice file against its claim fires on its case, at the posting that names the
// file, naming it; and stays quiet on a near miss. A correct invoice file gives no diagnostic.
import { afterAll, describe, expect, it } from "vitest";
import { invoiceOfdTagged, invoicePdf, invoiceXml } from "../../scripts/lib/invoice-files.mjs";
import { COMPANY_TAX_ID, FIELDS, books, problems, removeTemporaryFolders } from "./support.js";
import { diagnosticLines, runCli } from "../helpers/cli.js";

afterAll(removeTemporaryFolders);

const invoiceCodes = (d: { code: string }) => d.code.startsWith("invoice-") || d.code.startsWith("fapiao-") || d.code.startsWith("receipt-");
const xml = (changes: Partial<Record<keyof typeof FIELDS | "red" | "kind", unknown>> = {}) => invoiceXml({ ...FIELDS, ...changes });
// The posting line of the first claim's first posting in the journals `books` writes (with tax-id).
const POSTING = 12;

describe("a correct invoice file", () => {
  it.each([
    ["XML", "r/a.xml", () => xml()],
    ["OFD", "r/a.ofd", () => invoiceOfdTagged(FIELDS)],
    ["PDF", "r/a.pdf", () => invoicePdf(FIELDS)],
  ])("%s: no diagnostic at all, and check exits 0 with nothing to say", async (_, name, make) => {
    const file = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: name }] }], { [name]: await make() });
    expect(problems(file)).toEqual([]);
    const run = runCli(["check", file]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});

describe("the number", () => {
  it("differs from the posting's invoice: an error at the posting naming the file", () => {
    const file = books([{ id: "EC-1", postings: [{ invoice: "26312000000012345679", receipt: "r/a.xml" }] }], { "r/a.xml": xml() });
    expect(problems(file, invoiceCodes)).toEqual([["invoice-number-mismatch", "error", POSTING, `receipt 'r/a.xml' is invoice ${FIELDS.number} (XML TaxSupervisionInfo/InvoiceNumber), but the posting says invoice "26312000000012345679"`]]);
  });

  it("an older invoice matches code-number", () => {
    const file = books([{ id: "EC-1", postings: [{ invoice: "031002500404-16728806", receipt: "r/a.ofd" }] }], { "r/a.ofd": invoiceOfdTagged({ ...FIELDS, number: "16728806" }) });
    // (The tagged OFD carries no InvoiceCode: the number alone, 8 digits, is not the posting's.)
    expect(problems(file, invoiceCodes).map((p) => p[0])).toEqual(["invoice-number-mismatch", "invoice-number-shape"]);
  });

  it("a 数电 number that is not 20 digits: a warning", () => {
    const file = books([{ id: "EC-1", postings: [{ receipt: "r/a.xml" }] }], { "r/a.xml": xml({ number: "2631200000001234567" }) });
    expect(problems(file, invoiceCodes)).toEqual([["invoice-number-shape", "warning", POSTING, "receipt 'r/a.xml': invoice number 2631200000001234567 (XML TaxSupervisionInfo/InvoiceNumber) is not the 20 digits of a 数电发票"]]);
  });
});

describe("the buyer's tax id", () => {
  it("is not the company's declared one: an error", () => {
    const file = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ buyerTaxId: "91310115MA1K4B2X8Q" }) });
    expect(problems(file, invoiceCodes)).toEqual([["invoice-buyer", "error", POSTING, `receipt 'r/a.xml' is made out to buyer tax id 91310115MA1K4B2X8Q (XML EInvoiceData/BuyerInformation/BuyerIdNum), not the company's ${COMPANY_TAX_ID}`]]);
  });

  it("near misses: lower case letters; no tax id declared", () => {
    const lower = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ buyerTaxId: COMPANY_TAX_ID.toLowerCase() }) });
    const undeclared = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ buyerTaxId: "91310115MA1K4B2X8Q" }) }, null);
    expect([problems(lower), problems(undeclared)]).toEqual([[], []]);
  });
});

describe("the amount claimed against the invoice", () => {
  it("over all postings and claims citing it, more than its total: an error where it goes over", () => {
    const file = books([
      { id: "EC-1", postings: [{ amount: "60.00", invoice: FIELDS.number, receipt: "r/a.xml" }, { amount: "40.00", invoice: FIELDS.number, receipt: "r/a.xml" }] },
      { id: "EC-2", date: "2026-03-12", postings: [{ amount: "6.01", invoice: FIELDS.number }] },
    ], { "r/a.xml": xml() });
    const found = problems(file, invoiceCodes);
    expect(found.filter((p) => p[0] === "invoice-over-claimed")).toEqual([["invoice-over-claimed", "error", 27, `106.01 CNY is claimed against invoice ${FIELDS.number}, more than its total 106.00 (XML EInvoiceData/BasicInformation/TotalTax-includedAmount) in 'r/a.xml'`]]);
  });

  it("exactly the total: quiet", () => {
    const file = books([{ id: "EC-1", postings: [{ amount: "60.00", invoice: FIELDS.number, receipt: "r/a.xml" }, { amount: "46.00", invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml() });
    expect(problems(file, (d) => d.code.startsWith("invoice-"))).toEqual([]);
  });
});

describe("the issue date", () => {
  it("after the claim's date: an error; on the claim's date: quiet", () => {
    const late = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ date: "2026-03-11" }) });
    const same = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ date: "2026-03-10" }) });
    expect(problems(late, invoiceCodes)).toEqual([["invoice-date-after-claim", "error", POSTING, "receipt 'r/a.xml' was issued on 2026-03-11 (XML TaxSupervisionInfo/IssueTime), after the claim's date 2026-03-10"]]);
    expect(problems(same)).toEqual([]);
  });
});

describe("duplicates", () => {
  it("the same number in two claims where only the files carry it: an error at the second", () => {
    const file = books([
      { id: "EC-1", postings: [{ receipt: "r/a.xml" }] },
      { id: "EC-2", date: "2026-03-12", postings: [{ amount: "0.00", receipt: "r/b.xml" }] },
    ], { "r/a.xml": xml(), "r/b.xml": xml().replace("<Drawer>示例</Drawer>", "<Drawer>另一份</Drawer>") });
    expect(problems(file, invoiceCodes)).toEqual([["fapiao-duplicate", "error", 23, `fapiao ${FIELDS.number} (read from receipt 'r/b.xml') is claimed twice: first in EC-1 at ${file}:12`]]);
  });

  it("a file's number against another claim's invoice value", () => {
    const file = books([
      { id: "EC-1", postings: [{ amount: "50.00", invoice: FIELDS.number }] },
      { id: "EC-2", date: "2026-03-12", postings: [{ amount: "50.00", receipt: "r/a.xml" }] },
    ], { "r/a.xml": xml() });
    expect(problems(file, invoiceCodes).map((p) => [p[0], p[2]])).toEqual([["fapiao-duplicate", 23]]);
  });

  it("near miss: two postings of one claim sharing one invoice file", () => {
    const file = books([{ id: "EC-1", postings: [{ amount: "60.00", receipt: "r/a.xml" }, { amount: "46.00", receipt: "r/a.xml" }] }], { "r/a.xml": xml() });
    expect(problems(file)).toEqual([]);
  });
});

describe("red-letter invoices and sums", () => {
  it("a red-letter invoice as evidence: an error, by its label or by a negative total", () => {
    const labelled = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ red: true }) });
    const negative = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ amount: "-100.00", tax: "-6.00", total: "-106.00" }) });
    expect(problems(labelled, invoiceCodes)).toEqual([["invoice-red", "error", POSTING, "receipt 'r/a.xml' is a red-letter (红字, 冲红) invoice (XML Header/InherentLabel/InIssuType/LabelCode): it cancels an invoice and is no evidence of a cost"]]);
    expect(problems(negative, invoiceCodes).map((p) => p[0])).toEqual(["invoice-red"]);
  });

  it("金额 + 税额 more than 0.01 from 价税合计: a warning; 0.01 apart: quiet", () => {
    const off = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ tax: "6.02" }) });
    const cent = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ tax: "6.01" }) });
    expect(problems(off, invoiceCodes).map((p) => [p[0], p[1]])).toEqual([["invoice-total-mismatch", "warning"]]);
    expect(problems(cent)).toEqual([]);
  });
});

describe("claims shows invoice problems; check prints them located", () => {
  it("the problems column and the FILE:LINE:COL line", () => {
    const file = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.xml" }] }], { "r/a.xml": xml({ date: "2026-03-11" }) });
    const claims = runCli(["claims", file, "--format", "json"]);
    expect(JSON.parse(claims.stdout).claims[0].problems.map((p: { code: string }) => p.code)).toEqual(["invoice-date-after-claim"]);
    const check = runCli(["check", file]);
    expect(check.code).toBe(1);
    expect(diagnosticLines(check.stderr)).toEqual([expect.objectContaining({ file, line: POSTING, column: 3, severity: "error" })]);
  });
});
