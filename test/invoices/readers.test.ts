// Each reader on invoice files built as the published structures are: every field read right, with
// its source; a file that is not an invoice is left alone; a scan is said to be one.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInvoiceFile } from "../../src/invoices/read.js";
import type { InvoiceReading, InvoiceRecord } from "../../src/invoices/record.js";
import {
  invoiceOfdAttached, invoiceOfdTagged, invoicePdf, invoiceXbrl, invoiceXml, textPdf,
} from "../../scripts/lib/invoice-files.mjs";
import { FIELDS, removeTemporaryFolders, temporaryFolder } from "./support.js";

afterAll(removeTemporaryFolders);

function fileWith(name: string, bytes: Uint8Array | string): string {
  const file = join(temporaryFolder(), name);
  writeFileSync(file, bytes);
  return file;
}

/** The record's fields as plain values, and their sources. */
function plain(reading: InvoiceReading): { values: Record<string, unknown>; sources: Record<string, string> } {
  expect(reading.status).toBe("invoice");
  const record = (reading as { record: InvoiceRecord }).record;
  const values: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [key, field] of Object.entries(record)) {
    if (key === "format") continue;
    const { value, source } = field as { value: { toFixed?: (n: number) => string } | string | boolean; source: string };
    values[key] = typeof value === "object" && value !== null && value.toFixed ? value.toFixed(2) : value;
    sources[key] = source;
  }
  return { values, sources };
}

const EXPECTED = {
  number: FIELDS.number, date: FIELDS.date, buyerName: FIELDS.buyerName, buyerTaxId: FIELDS.buyerTaxId,
  sellerName: FIELDS.sellerName, sellerTaxId: FIELDS.sellerTaxId, amount: "100.00", tax: "6.00", total: "106.00",
};

describe("数电发票 XML (root EInvoice)", () => {
  it("reads every field by its full path, the type and the blue-letter label", () => {
    const { values, sources } = plain(readInvoiceFile(fileWith("a.xml", invoiceXml({ ...FIELDS, kind: "专票" }))));
    expect(values).toEqual({ ...EXPECTED, kind: "专票", red: false });
    expect(sources.number).toBe("XML TaxSupervisionInfo/InvoiceNumber");
    expect(sources.total).toBe("XML EInvoiceData/BasicInformation/TotalTax-includedAmount");
    expect(sources.red).toBe("XML Header/InherentLabel/InIssuType/LabelCode");
  });

  it("a red-letter invoice: InIssuType N", () => {
    expect(plain(readInvoiceFile(fileWith("a.xml", invoiceXml({ ...FIELDS, red: true })))).values.red).toBe(true);
  });

  it("the item line's TotaltaxIncludedAmount is not taken for the total", () => {
    const xml = invoiceXml(FIELDS).replace("<TotalTax-includedAmount>106.00</TotalTax-includedAmount>", "");
    expect(plain(readInvoiceFile(fileWith("a.xml", xml))).values.total).toBeUndefined();
  });
});

describe("XBRL form (财政部 einv taxonomy)", () => {
  it("reads the facts, the accounting entity as the buyer, and the red flag", () => {
    const { values, sources } = plain(readInvoiceFile(fileWith("a.xml", invoiceXbrl({ ...FIELDS, red: true }))));
    expect(values).toEqual({ ...EXPECTED, red: true });
    expect(sources.buyerTaxId).toBe("XML einv:UnifiedSocialCreditCodeOfAccountingEntity");
  });
});

describe("PDF (text layer)", () => {
  it("a 数电 invoice: every printed label read, buyer before seller", async () => {
    const { values, sources } = plain(readInvoiceFile(fileWith("a.pdf", await invoicePdf({ ...FIELDS, kind: "专票" }))));
    expect(values).toEqual({ ...EXPECTED, kind: "专票" });
    expect(sources).toMatchObject({ number: "PDF text 发票号码", date: "PDF text 开票日期", buyerTaxId: "PDF text 购买方 纳税人识别号", sellerTaxId: "PDF text 销售方 纳税人识别号", total: "PDF text 价税合计（小写）" });
  });

  it("an older 增值税电子普通发票: 发票代码 and an 8-digit 发票号码", async () => {
    const { values } = plain(readInvoiceFile(fileWith("a.pdf", await invoicePdf({ ...FIELDS, code: "031002500404", number: "16728806" }))));
    expect(values).toMatchObject({ code: "031002500404", number: "16728806", kind: "普票", total: "106.00" });
  });

  it("the document information dictionary fills what the text lacks", async () => {
    const pdf = await textPdf([[30, 300, "这是一张发票的附页，没有票面字段，只有文字说明而已。"]], { InvoiceNumber: FIELDS.number, "TotalTax-includedAmount": "106.00", BuyerIdNum: FIELDS.buyerTaxId });
    const { values, sources } = plain(readInvoiceFile(fileWith("a.pdf", pdf)));
    expect(values).toEqual({ number: FIELDS.number, total: "106.00", buyerTaxId: FIELDS.buyerTaxId });
    expect(sources.number).toBe("PDF info InvoiceNumber");
  });

  it("a red-letter invoice: its label, or a negative total", async () => {
    expect(plain(readInvoiceFile(fileWith("a.pdf", await invoicePdf({ ...FIELDS, red: true })))).values.red).toBe(true);
    expect(plain(readInvoiceFile(fileWith("b.pdf", await invoicePdf({ ...FIELDS, amount: "-100.00", tax: "-6.00", total: "-106.00" })))).values.total).toBe("-106.00");
  });

  it("a PDF with no text layer is a scan: no field is guessed", async () => {
    expect(readInvoiceFile(fileWith("a.pdf", await textPdf([])))).toEqual({ status: "scan" });
  });

  it("a PDF with text but no 发票号码 is not an invoice", async () => {
    expect(readInvoiceFile(fileWith("a.pdf", await textPdf([[30, 300, "Receipt: lunch with ACME, 106.00 USD, thank you for your visit"]])))).toEqual({ status: "other", what: "a PDF without 发票号码" });
  });
});

describe("OFD", () => {
  it("the older layout: the invoice XML under Doc_0/Attachs/", () => {
    const { values, sources } = plain(readInvoiceFile(fileWith("a.ofd", invoiceOfdAttached({ ...FIELDS, code: "031002500404", number: "16728806" }))));
    expect(values).toEqual({ ...EXPECTED, code: "031002500404", number: "16728806", kind: "普票" });
    expect(sources.number).toBe("OFD Doc_0/Attachs/original_invoice.xml InvoiceNo");
  });

  it("the 数电 layout: CustomTag.xml's ObjectRefs into the page's TextObjects", () => {
    const { values, sources } = plain(readInvoiceFile(fileWith("a.ofd", invoiceOfdTagged(FIELDS))));
    expect(values).toEqual(EXPECTED);
    expect(sources.total).toBe("OFD Doc_0/Tags/CustomTag.xml TaxInclusiveTotalAmount");
  });
});

describe("files that are not electronic invoices", () => {
  it("a photo, a plain-text note, XML of another kind: left alone", () => {
    expect(readInvoiceFile(fileWith("a.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).status).toBe("other");
    expect(readInvoiceFile(fileWith("a.pdf", "发票（占位）EC-1 午餐 106.00 CNY\n")).status).toBe("other");
    expect(readInvoiceFile(fileWith("a.xml", "<order><id>1</id></order>"))).toEqual({ status: "other", what: "XML with root <order>" });
  });
});
