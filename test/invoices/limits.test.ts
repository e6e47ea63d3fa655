// Receipt files are untrusted input: a zip bomb, an XML external entity, a huge file, random or
// corrupt bytes named .pdf each give a located warning at the posting, never a crash or a hang.
import { closeSync, openSync, writeSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { zipSync, strToU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { invoicePdf, invoiceXml } from "../../scripts/lib/invoice-files.mjs";
import { readInvoiceFile } from "../../src/invoices/read.js";
import { DEFAULT_LIMITS } from "../../src/invoices/limits.js";
import { FIELDS, books, problems, removeTemporaryFolders, temporaryFolder } from "./support.js";
import { diagnosticLines, runCli } from "../helpers/cli.js";

afterAll(removeTemporaryFolders);

/** check's warnings about the one receipt of a one-claim journal holding `bytes` as `name`. */
function warningFor(name: string, bytes: Uint8Array | string): [string, string, number, string][] {
  const file = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: name }] }], { [name]: bytes });
  return problems(file, (d) => d.code.startsWith("invoice-"));
}

const OFD_XML = strToU8('<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>');

describe("zip (OFD) limits", () => {
  it("a zip bomb: an entry that would inflate more than the ratio allows is not inflated", () => {
    const bomb = zipSync({ "OFD.xml": OFD_XML, "Doc_0/Attachs/invoice.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const [found] = warningFor("r/a.ofd", bomb);
    expect(found?.slice(0, 3)).toEqual(["invoice-unreadable", "warning", 12]);
    expect(found?.[3]).toMatch(/^receipt 'r\/a\.ofd' cannot be read as an invoice: 'Doc_0\/Attachs\/invoice\.xml' would inflate \d+ times \(a zip bomb\?\)$/);
  });

  it("more entries than allowed", () => {
    const entries: Record<string, Uint8Array> = { "OFD.xml": OFD_XML };
    for (let index = 0; index <= DEFAULT_LIMITS.maxZipEntries; index++) entries[`Doc_0/Res/${index}.xml`] = strToU8("<a/>");
    expect(warningFor("r/a.ofd", zipSync(entries))).toEqual([["invoice-unreadable", "warning", 12, `receipt 'r/a.ofd' cannot be read as an invoice: more than ${DEFAULT_LIMITS.maxZipEntries} entries in the OFD (zip) file`]]);
  });

  it("an entry whose declared size lies is cut at the declared size, never grown", () => {
    const zip = Buffer.from(zipSync({ "OFD.xml": OFD_XML, "Doc_0/Attachs/invoice.xml": strToU8(invoiceXml(FIELDS) + " ".repeat(1_000_000)) }));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), zip.indexOf(Buffer.from("Doc_0/Attachs/invoice.xml")) + 10);
    zip.writeUInt32LE(64, central + 24);
    const reading = readInvoiceFile(join(writeTo("a.ofd", zip)));
    expect(["unreadable", "other"]).toContain(reading.status);
  });

  it("a truncated zip", () => {
    const zip = zipSync({ "OFD.xml": OFD_XML });
    expect(warningFor("r/a.ofd", zip.subarray(0, zip.length - 10))[0]?.[3]).toMatch(/^receipt 'r\/a\.ofd' cannot be read as an invoice: not a readable OFD \(zip\) file/);
  });
});

function writeTo(name: string, bytes: Uint8Array | string): string {
  const file = join(temporaryFolder(), name);
  writeFileSync(file, bytes);
  return file;
}

/** A one-page PDF whose content stream is 100 MB of spaces deflated to about 100 kB. */
async function flateBombPdf(): Promise<Uint8Array> {
  const { PDFDocument, PDFName } = await import("pdf-lib");
  const document = await PDFDocument.create();
  const page = document.addPage([595, 420]);
  const content = document.context.register(document.context.stream(deflateSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 }), { Filter: "FlateDecode" }));
  page.node.set(PDFName.of("Contents"), content);
  return document.save({ useObjectStreams: false });
}

describe("XML", () => {
  it("an external entity is never fetched: a document with a DOCTYPE is refused", () => {
    const secret = writeTo("secret.txt", "26312000000099999999");
    const xxe = invoiceXml(FIELDS).replace('<?xml version="1.0" encoding="utf-8" standalone="yes"?>', `<?xml version="1.0"?><!DOCTYPE EInvoice [<!ENTITY leak SYSTEM "file://${secret}">]>`).replace(`<InvoiceNumber>${FIELDS.number}</InvoiceNumber>`, "<InvoiceNumber>&leak;</InvoiceNumber>");
    expect(warningFor("r/a.xml", xxe)).toEqual([["invoice-unreadable", "warning", 12, "receipt 'r/a.xml' cannot be read as an invoice: XML with a DOCTYPE or entity declaration: not read (external entities are refused)"]]);
  });

  it("entity expansion (billion laughs) is refused the same way", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><EInvoice><Header><EIid>&lol2;</EIid></Header></EInvoice>`;
    expect(warningFor("r/a.xml", laughs)[0]?.[0]).toBe("invoice-unreadable");
  });

  it("XML that is not well-formed, or not UTF-8", () => {
    expect(warningFor("r/a.xml", "<EInvoice><Header>")[0]?.[3]).toMatch(/^receipt 'r\/a\.xml' cannot be read as an invoice: not well-formed XML/);
    expect(warningFor("r/a.xml", Buffer.from([0x3c, 0x61, 0x3e, 0xc4, 0xe3, 0x3c, 0x2f, 0x61, 0x3e]))[0]?.[3]).toBe("receipt 'r/a.xml' cannot be read as an invoice: XML that is not UTF-8 text");
  });
});

describe("PDF", () => {
  it("a 50 MB PDF is not read: larger than the size cap", () => {
    const file = join(temporaryFolder(), "huge.pdf");
    const handle = openSync(file, "w");
    writeSync(handle, "%PDF-1.7\n");
    const block = Buffer.alloc(1024 * 1024, 0x20);
    for (let index = 0; index < 50; index++) writeSync(handle, block);
    closeSync(handle);
    expect(readInvoiceFile(file)).toEqual({ status: "unreadable", reason: "larger than 20 MB: not read" });
  });

  it("random bytes named .pdf: a located warning", () => {
    const random = new Uint8Array(4096);
    for (let index = 0; index < random.length; index++) random[index] = (index * 7919 + 13) % 251;
    const file = books([{ id: "EC-1", postings: [{ invoice: FIELDS.number, receipt: "r/a.pdf" }] }], { "r/a.pdf": random });
    const run = runCli(["check", file]);
    expect(run.code).toBe(0);
    expect(diagnosticLines(run.stderr)).toEqual([{ file, line: 12, column: 3, severity: "warning", message: "receipt 'r/a.pdf' cannot be read as an invoice: not a PDF file (its first bytes say otherwise)" }]);
  });

  it("a PDF header over garbage: pdf.js's refusal as a warning", async () => {
    const valid = await invoicePdf(FIELDS);
    const corrupt = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(valid.subarray(200, 600)).reverse()]);
    const [found] = warningFor("r/a.pdf", corrupt);
    expect(found?.slice(0, 3)).toEqual(["invoice-unreadable", "warning", 12]);
    expect(found?.[3]).toMatch(/^receipt 'r\/a\.pdf' cannot be read as an invoice: not a readable PDF \(/);
  });

  it("a flate bomb in a PDF's content (100 MB of spaces in 100 kB) is read or cut off at the cap, never a crash", async () => {
    const file = writeTo("bomb.pdf", await flateBombPdf());
    expect(readInvoiceFile(writeTo("warm.pdf", await invoicePdf(FIELDS))).status).toBe("invoice");
    const reading = readInvoiceFile(file, { ...DEFAULT_LIMITS, pdfTimeoutMs: 2000 });
    expect(["scan", "unreadable"]).toContain(reading.status);
  });

  it("past the time cap the reader is ended, and the next file is read by a fresh one", async () => {
    // A warm reader can read a small invoice in under a millisecond, so the file that runs out of
    // time is one whose content inflates to 100 MB: no machine does that in 1 ms.
    expect(readInvoiceFile(writeTo("a.pdf", await invoicePdf(FIELDS))).status).toBe("invoice");
    const slow = writeTo("slow.pdf", await flateBombPdf());
    expect(readInvoiceFile(slow, { ...DEFAULT_LIMITS, pdfTimeoutMs: 1 })).toEqual({ status: "unreadable", reason: "not a readable PDF (reading it took longer than 0.001 s)" });
    expect(readInvoiceFile(writeTo("b.pdf", await invoicePdf(FIELDS))).status).toBe("invoice");
  });
});
