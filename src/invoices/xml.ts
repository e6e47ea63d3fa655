// Reading invoice XML: the 数电发票 file (root `EInvoice`), its XBRL form (财政部's einv taxonomy,
// root `xbrl`), and the older e-invoice's `eInvoice` (inside an OFD's Doc_0/Attachs/). Untrusted
// input: a document with a DOCTYPE is refused (no entity of any kind is expanded, so no external
// entity is fetched and no entity expansion bomb grows), and text is read as text (numbers are not
// converted, so a 20-digit invoice number keeps its digits). docs/INVOICES.md has the paths and
// where they were verified.
import { createRequire } from "node:module";
import type { XMLParser } from "fast-xml-parser";
import type { FieldKey, InvoiceFormat, InvoiceReading, RecordDraft } from "./record.js";
import { setField } from "./record.js";

/** An element as fast-xml-parser gives it: text, or children by name (attributes under `@_`). */
export type XmlNode = string | { readonly [name: string]: XmlNode | XmlNode[] | string };

// Made when first needed: loading fast-xml-parser takes longer than the rest of a small `check`.
let parser: XMLParser | undefined;
const xmlParser = (): XMLParser => parser ??= new (createRequire(import.meta.url)("fast-xml-parser") as typeof import("fast-xml-parser")).XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
});

/** The document's tree, or why it was refused. */
export function parseXml(text: string): { tree: Record<string, XmlNode> } | { reason: string } {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { reason: "XML with a DOCTYPE or entity declaration: not read (external entities are refused)" };
  try {
    return { tree: xmlParser().parse(text, true) as Record<string, XmlNode> };
  } catch (thrown) {
    return { reason: `not well-formed XML (${thrown instanceof Error ? thrown.message.split("\n")[0] : String(thrown)})` };
  }
}

/** The child element `name` (the first when repeated), or undefined. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === "string") return undefined;
  const found = node[name];
  return Array.isArray(found) ? found[0] : found;
}

/** The text of the element at `path` (names separated by `/`), or undefined. */
export function textAt(node: XmlNode | undefined, path: string): string | undefined {
  let current = node;
  for (const name of path.split("/")) current = child(current, name);
  if (current === undefined) return undefined;
  if (typeof current === "string") return current;
  const text = current["#text"];
  return typeof text === "string" ? text : undefined;
}

/** The root element's name and node (after a leading `?xml` declaration). */
export function rootOf(tree: Record<string, XmlNode>): { name: string; node: XmlNode } | null {
  for (const [name, node] of Object.entries(tree)) {
    if (name.startsWith("?") || name === "#text") continue;
    return { name, node: Array.isArray(node) ? node[0] : node };
  }
  return null;
}

/** Where each field is, as [field, path below the root]; the first path found for a field wins. */
type FieldPaths = readonly (readonly [FieldKey, string])[];

// The 数电发票 XML (root EInvoice). The totals by their full path: each item line has a
// TotaltaxIncludedAmount of its own.
const EINVOICE: FieldPaths = [
  ["number", "TaxSupervisionInfo/InvoiceNumber"], ["number", "Header/EIid"], ["date", "TaxSupervisionInfo/IssueTime"],
  ["sellerName", "EInvoiceData/SellerInformation/SellerName"], ["sellerTaxId", "EInvoiceData/SellerInformation/SellerIdNum"],
  ["buyerName", "EInvoiceData/BuyerInformation/BuyerName"], ["buyerTaxId", "EInvoiceData/BuyerInformation/BuyerIdNum"],
  ["amount", "EInvoiceData/BasicInformation/TotalAmWithoutTax"], ["tax", "EInvoiceData/BasicInformation/TotalTaxAm"],
  ["total", "EInvoiceData/BasicInformation/TotalTax-includedAmount"],
];

// The XBRL instance (财政部 einv taxonomy): facts are children of the root. The instance is the
// receiving entity's accounting record of the invoice: the accounting entity is the buyer.
const XBRL: FieldPaths = [
  ["number", "InvoiceNumber"], ["date", "IssueTime"], ["date", "DateOfIssue"], ["sellerName", "SellerName"], ["sellerTaxId", "SellerIdNum"],
  ["buyerName", "BuyerName"], ["buyerTaxId", "BuyerIdNum"], ["buyerName", "NameOfAccountingEntity"], ["buyerTaxId", "UnifiedSocialCreditCodeOfAccountingEntity"],
  ["amount", "TotalAmWithoutTax"], ["tax", "TotalTaxAm"], ["total", "TotalTax-includedAmount"],
];

// The older e-invoice's XML (root eInvoice, as in an OFD's Doc_0/Attachs/original_invoice.xml).
const OLDER_EINVOICE: FieldPaths = [
  ["code", "InvoiceCode"], ["number", "InvoiceNo"], ["date", "IssueDate"], ["sellerName", "SellerInfo/SellerName"], ["sellerTaxId", "SellerInfo/SellerTaxID"],
  ["buyerName", "BuyerInfo/BuyerName"], ["buyerTaxId", "BuyerInfo/BuyerTaxID"],
  ["amount", "TaxExclusiveTotalAmount"], ["tax", "TaxTotalAmount"], ["total", "TaxInclusiveTotalAmount"],
];

/** A record of `format` from the fields at `paths`; `prefix` names a path in a source ("XML ", "XML einv:"). */
function readFields(root: XmlNode, format: InvoiceFormat, paths: FieldPaths, prefix: string): RecordDraft {
  const draft: RecordDraft = { format };
  for (const [key, path] of paths) setField(draft, key, textAt(root, path), `${prefix}${path}`);
  return draft;
}

function readEInvoice(root: XmlNode, label: string): RecordDraft {
  const draft = readFields(root, "xml", EINVOICE, `${label} `);
  const kind = textAt(root, "Header/InherentLabel/GeneralOrSpecialVAT/LabelCode");
  if (kind === "01" || kind === "02") draft.kind = { value: kind === "01" ? "专票" : "普票", source: `${label} Header/InherentLabel/GeneralOrSpecialVAT/LabelCode` };
  const blue = textAt(root, "Header/InherentLabel/InIssuType/LabelCode");
  if (blue !== undefined && blue !== "") draft.red = { value: blue !== "Y", source: `${label} Header/InherentLabel/InIssuType/LabelCode` };
  return draft;
}

function readXbrl(root: XmlNode, label: string): RecordDraft {
  const draft = readFields(root, "xbrl", XBRL, `${label} einv:`);
  const red = textAt(root, "WhetherEinvoiceIsRedEinvoice");
  if (red === "true" || red === "false") draft.red = { value: red === "true", source: `${label} einv:WhetherEinvoiceIsRedEinvoice` };
  return draft;
}

function readOlderEInvoice(root: XmlNode, label: string): RecordDraft {
  const draft = readFields(root, "xml", OLDER_EINVOICE, `${label} `);
  draft.kind = { value: "普票", source: `${label} eInvoice (增值税电子普通发票)` };
  return draft;
}

/** The invoice in an XML text; `label` names the file part for the sources ("XML", "OFD Doc_0/Attachs/x.xml"). */
export function readInvoiceXml(text: string, label = "XML"): InvoiceReading {
  const parsed = parseXml(text);
  if ("reason" in parsed) return { status: "unreadable", reason: parsed.reason };
  const root = rootOf(parsed.tree);
  if (root === null) return { status: "unreadable", reason: "an XML file with no root element" };
  switch (root.name) {
    case "EInvoice": return { status: "invoice", record: readEInvoice(root.node, label) };
    case "xbrl": return { status: "invoice", record: readXbrl(root.node, label) };
    case "eInvoice": return { status: "invoice", record: readOlderEInvoice(root.node, label) };
    default: return { status: "other", what: `XML with root <${root.name}>` };
  }
}
