// Reading an OFD invoice (GB/T 33190-2016: a zip of XML parts). Two layouts: the older
// e-invoice carries its invoice XML under Doc_0/Attachs/ (root eInvoice); the 数电发票 carries
// Doc_0/Tags/CustomTag.xml, whose elements (InvoiceNo, IssueDate, ...) point by ObjectRef at
// TextObjects of the page content (Doc_0/Pages/Page_N/Content.xml). The zip is untrusted: its
// entry count, each entry's compression ratio and the total size are checked from the directory
// before anything is inflated, and only the parts needed are.
import { createRequire } from "node:module";
import type { InvoiceLimits } from "./limits.js";
import type { FieldKey, InvoiceReading, RecordDraft } from "./record.js";
import { setField } from "./record.js";
import { child, parseXml, readInvoiceXml, rootOf, type XmlNode } from "./xml.js";

/** Which zip entries to inflate. */
function wanted(name: string): boolean {
  return name === "OFD.xml" || /^Doc_\d+\/(Attachs\/[^/]+\.xml|Tags\/[^/]+\.xml|Pages\/Page_\d+\/Content\.xml)$/i.test(name);
}

/** The needed parts of the zip, or why it was refused. */
function unzipParts(bytes: Uint8Array, limits: InvoiceLimits): Map<string, string> | { reason: string } {
  let entries = 0;
  let total = 0;
  let refusal: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    // fflate is loaded when an OFD file is first read, not at every start.
    files = (createRequire(import.meta.url)("fflate") as typeof import("fflate")).unzipSync(bytes, {
      filter: (entry) => {
        entries++;
        if (refusal !== null || !wanted(entry.name)) return false;
        if (entries > limits.maxZipEntries) refusal = `more than ${limits.maxZipEntries} entries in the OFD (zip) file`;
        else if (entry.originalSize > limits.maxZipRatio * Math.max(entry.size, 1)) refusal = `'${entry.name}' would inflate ${Math.round(entry.originalSize / Math.max(entry.size, 1))} times (a zip bomb?)`;
        else if ((total += entry.originalSize) > limits.maxZipBytes) refusal = `the OFD's parts would inflate to more than ${limits.maxZipBytes / 1024 / 1024} MB`;
        return refusal === null;
      },
    });
  } catch (thrown) {
    return { reason: `not a readable OFD (zip) file (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
  if (entries > limits.maxZipEntries) refusal ??= `more than ${limits.maxZipEntries} entries in the OFD (zip) file`;
  if (refusal !== null) return { reason: refusal };
  const decoder = new TextDecoder("utf-8");
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

/** Every element of `node` and below, with its local name. */
function* elements(node: XmlNode | XmlNode[] | undefined, name = ""): Generator<{ name: string; node: XmlNode }> {
  if (node === undefined) return;
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, name);
    return;
  }
  yield { name, node };
  if (typeof node === "string") return;
  for (const [key, value] of Object.entries(node)) if (!key.startsWith("@_") && key !== "#text") yield* elements(value as XmlNode | XmlNode[], key);
}

/** The text of every TextObject with an ID on the pages, by ID. */
function textObjects(parts: Map<string, string>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [name, text] of parts) {
    if (!/Pages\/Page_\d+\/Content\.xml$/i.test(name)) continue;
    const parsed = parseXml(text);
    if ("reason" in parsed) continue;
    for (const element of elements(parsed.tree)) {
      if (element.name !== "TextObject" || typeof element.node === "string") continue;
      const id = element.node["@_ID"];
      const codes = element.node.TextCode;
      const pieces = (Array.isArray(codes) ? codes : [codes]).map((code) => (typeof code === "string" ? code : typeof code === "object" && code !== null && typeof (code as Record<string, unknown>)["#text"] === "string" ? (code as Record<string, string>)["#text"] : ""));
      if (typeof id === "string") texts.set(id, pieces.join(""));
    }
  }
  return texts;
}

// CustomTag.xml element names and the record field each fills.
const TAGS: Readonly<Record<string, FieldKey>> = {
  InvoiceNo: "number", InvoiceCode: "code", IssueDate: "date", BuyerName: "buyerName", BuyerTaxID: "buyerTaxId", SellerName: "sellerName",
  SellerTaxID: "sellerTaxId", TaxExclusiveTotalAmount: "amount", TaxTotalAmount: "tax", TaxInclusiveTotalAmount: "total",
};

/** The 数电 layout: tags pointing at the page's text objects. */
function readTags(parts: Map<string, string>, tagFile: string): InvoiceReading {
  const parsed = parseXml(parts.get(tagFile)!);
  if ("reason" in parsed) return { status: "unreadable", reason: `${tagFile}: ${parsed.reason}` };
  const texts = textObjects(parts);
  const draft: RecordDraft = { format: "ofd" };
  for (const element of elements(parsed.tree)) {
    const key = TAGS[element.name];
    if (key === undefined) continue;
    const references = child(element.node, "ObjectRef") === undefined ? [] : [(element.node as Record<string, XmlNode | XmlNode[]>).ObjectRef].flat();
    const value = references.map((reference) => texts.get(typeof reference === "string" ? reference : String((reference as Record<string, unknown>)["#text"] ?? ""))).filter((text) => text !== undefined).join("");
    setField(draft, key, value, `OFD ${tagFile} ${element.name}`);
  }
  if (draft.number === undefined) return { status: "other", what: "an OFD whose tags carry no InvoiceNo" };
  return { status: "invoice", record: draft };
}

/** The invoice in an OFD file's bytes. */
export function readOfd(bytes: Uint8Array, limits: InvoiceLimits): InvoiceReading {
  const parts = unzipParts(bytes, limits);
  if ("reason" in parts) return { status: "unreadable", reason: parts.reason };
  if (!parts.has("OFD.xml")) return { status: "unreadable", reason: "a zip file without OFD.xml: not an OFD document" };
  for (const [name, text] of parts) {
    if (!/^Doc_\d+\/Attachs\//i.test(name)) continue;
    const reading = readInvoiceXml(text, `OFD ${name}`);
    if (reading.status === "invoice") return { status: "invoice", record: { ...reading.record, format: "ofd" } };
  }
  const tagFile = [...parts.keys()].find((name) => /^Doc_\d+\/Tags\/CustomTag\.xml$/i.test(name));
  if (tagFile !== undefined) return readTags(parts, tagFile);
  const root = parseXml(parts.get("OFD.xml")!);
  if (!("reason" in root) && rootOf(root.tree) !== null) return { status: "other", what: "an OFD without invoice data (no Attachs invoice XML, no CustomTag.xml)" };
  return { status: "unreadable", reason: "OFD.xml is not well-formed XML" };
}
