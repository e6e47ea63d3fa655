// Builders of electronic invoice files for tests, the benchmark and samples/: the 数电发票 XML
// (root EInvoice, as the official sample), its XBRL form, a PDF with the printed labels in a text
// layer, and OFD zips in both layouts (Doc_0/Attachs/ invoice XML; Doc_0/Tags/CustomTag.xml
// pointing into the page content). docs/INVOICES.md says where each structure was verified.
//
// The PDF's Chinese text: no CJK font is needed. The text is shown with a Type 0 font (Identity-H)
// whose character codes are numbered 1, 2, ... over the characters used, as a subset font's are,
// and whose ToUnicode CMap gives each code's character; the font is not embedded (a viewer
// substitutes one), but the text layer, which is what feeledger reads, is exact, as in the PDFs
// the tax bureau's platform issues (embedded subset fonts with ToUnicode).
import { PDFDocument, PDFHexString, PDFName, PDFString, beginText, endText, moveText, setFontAndSize, showText } from "pdf-lib";
import { zipSync, strToU8 } from "fflate";

/**
 * @typedef {object} InvoiceFields
 * @property {string} number 发票号码 (20 digits, or 8 for an older e-invoice)
 * @property {string} [code] 发票代码 (older e-invoice)
 * @property {string} date YYYY-MM-DD
 * @property {string} buyerName
 * @property {string} buyerTaxId
 * @property {string} sellerName
 * @property {string} sellerTaxId
 * @property {string} amount 金额 without tax, e.g. "100.00"
 * @property {string} tax
 * @property {string} total 价税合计
 * @property {"专票"|"普票"} [kind]
 * @property {boolean} [red] a red-letter invoice (InIssuType N)
 * @property {string} [item] the item line's name
 */

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The 数电发票 XML (root EInvoice, no namespace), with the official sample's paths. */
export function invoiceXml(fields) {
  const kind = fields.kind ?? "普票";
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<EInvoice>
  <Header>
    <EIid>${escape(fields.number)}</EIid>
    <EInvoiceTag>SWEI3100</EInvoiceTag>
    <Version>0.2</Version>
    <InherentLabel>
      <InIssuType><LabelCode>${fields.red ? "N" : "Y"}</LabelCode><LabelName>是否蓝字发票标志</LabelName></InIssuType>
      <EInvoiceType><LabelCode>01</LabelCode><LabelName>电子发票</LabelName></EInvoiceType>
      <GeneralOrSpecialVAT><LabelCode>${kind === "专票" ? "01" : "02"}</LabelCode><LabelName>${kind === "专票" ? "增值税专用发票" : "普通发票"}</LabelName></GeneralOrSpecialVAT>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation>
      <SellerIdNum>${escape(fields.sellerTaxId)}</SellerIdNum>
      <SellerName>${escape(fields.sellerName)}</SellerName>
    </SellerInformation>
    <BuyerInformation>
      <BuyerIdNum>${escape(fields.buyerTaxId)}</BuyerIdNum>
      <BuyerName>${escape(fields.buyerName)}</BuyerName>
    </BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>${fields.amount}</TotalAmWithoutTax>
      <TotalTaxAm>${fields.tax}</TotalTaxAm>
      <TotalTax-includedAmount>${fields.total}</TotalTax-includedAmount>
      <Drawer>示例</Drawer>
    </BasicInformation>
    <IssuItemInformation>
      <ItemName>${escape(fields.item ?? "*餐饮服务*餐费")}</ItemName>
      <Amount>${fields.amount}</Amount>
      <TaxRate>0.060000</TaxRate>
      <ComTaxAm>${fields.tax}</ComTaxAm>
      <TotaltaxIncludedAmount>${fields.total}</TotaltaxIncludedAmount>
    </IssuItemInformation>
  </EInvoiceData>
  <TaxSupervisionInfo>
    <InvoiceNumber>${escape(fields.number)}</InvoiceNumber>
    <IssueTime>${fields.date} 10:08:05</IssueTime>
    <TaxBureauCode>13100000000</TaxBureauCode>
  </TaxSupervisionInfo>
</EInvoice>
`;
}

/** The XBRL instance (财政部 einv taxonomy, 2023-12-31): facts as children of xbrli:xbrl. */
export function invoiceXbrl(fields) {
  const fact = (name, value, money = false) => `  <einv:${name} contextRef="c1"${money ? ' unitRef="u1" decimals="2"' : ""}>${escape(value)}</einv:${name}>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:einv="http://xbrl.mof.gov.cn/taxonomy/2023-12-31/einv" xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
  <xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="http://xbrl.mof.gov.cn">${escape(fields.buyerTaxId)}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>${fields.date}</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:unit id="u1"><xbrli:measure>iso4217:CNY</xbrli:measure></xbrli:unit>
${fact("InvoiceNumber", fields.number)}${fact("IssueTime", fields.date)}${fact("WhetherEinvoiceIsRedEinvoice", fields.red ? "true" : "false")}${fact("UnifiedSocialCreditCodeOfAccountingEntity", fields.buyerTaxId)}${fact("NameOfAccountingEntity", fields.buyerName)}${fact("SellerName", fields.sellerName)}${fact("SellerIdNum", fields.sellerTaxId)}${fact("TotalAmWithoutTax", fields.amount, true)}${fact("TotalTaxAm", fields.tax, true)}${fact("TotalTax-includedAmount", fields.total, true)}</xbrli:xbrl>
`;
}

const hex4 = (number) => number.toString(16).padStart(4, "0").toUpperCase();

/** The ToUnicode CMap of a subset font: code -> character, for each character of `codes`. */
function toUnicodeFor(codes) {
  const pairs = [...codes].map(([character, code]) => `<${hex4(code)}> <${[...character].map((c) => hex4(c.codePointAt(0))).join("")}>`);
  const blocks = [];
  for (let index = 0; index < pairs.length; index += 100) {
    const block = pairs.slice(index, index + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${blocks.join("\n")}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

/** A Type 0 font (Identity-H, not embedded) whose ToUnicode map gives `codes`; its reference. */
function subsetFont(document, codes) {
  const context = document.context;
  const toUnicode = context.register(context.flateStream(toUnicodeFor(codes)));
  const descriptor = context.register(context.obj({
    Type: "FontDescriptor", FontName: "InvoiceSong", Flags: 4, FontBBox: [0, -200, 1000, 900], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 700, StemV: 80,
  }));
  const cidFont = context.register(context.obj({
    Type: "Font", Subtype: "CIDFontType2", BaseFont: "InvoiceSong",
    CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
    FontDescriptor: descriptor, DW: 1000, CIDToGIDMap: "Identity",
  }));
  return context.register(context.obj({ Type: "Font", Subtype: "Type0", BaseFont: "InvoiceSong", Encoding: "Identity-H", DescendantFonts: [cidFont], ToUnicode: toUnicode }));
}

/** Text as the subset font's codes, 4 hex digits each. */
function encode(text, codes) {
  return PDFHexString.of([...text].map((character) => hex4(codes.get(character))).join(""));
}

/**
 * A PDF whose pages show `lines` ([x, y, text] in points) in the Unicode font; `info` adds custom
 * keys to the document information dictionary.
 * @returns {Promise<Uint8Array>}
 */
export async function textPdf(lines, info = {}) {
  const document = await PDFDocument.create({ updateMetadata: false });
  const page = document.addPage([595, 420]);
  const codes = new Map();
  for (const [, , text] of lines) for (const character of text) if (!codes.has(character)) codes.set(character, codes.size + 1);
  page.node.setFontDictionary(PDFName.of("F1"), subsetFont(document, codes));
  for (const [x, y, text] of lines) page.pushOperators(beginText(), setFontAndSize("F1", 7), moveText(x, y), showText(encode(text, codes)), endText());
  const infoDict = document.getInfoDict();
  for (const [key, value] of Object.entries(info)) infoDict.set(PDFName.of(key), PDFHexString.fromText(value));
  return document.save({ useObjectStreams: false });
}

/** The printed lines of an invoice PDF (数电 layout, or the older e-invoice's with 发票代码). */
export function invoicePdfLines(fields) {
  const older = fields.code !== undefined;
  const kind = fields.kind ?? "普票";
  const title = older ? "增值税电子普通发票" : kind === "专票" ? "电子发票（增值税专用发票）" : "电子发票（普通发票）";
  const date = fields.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$1年$2月$3日");
  const lines = [[200, 390, title]];
  if (older) lines.push([380, 372, `发票代码：${fields.code}`]);
  lines.push([380, 360, `发票号码：${fields.number}`], [380, 345, `开票日期：${date}`]);
  lines.push([30, 310, "购买方信息"], [60, 310, `名称：${fields.buyerName}`], [300, 310, "销售方信息"], [330, 310, `名称：${fields.sellerName}`]);
  lines.push([60, 295, `统一社会信用代码/纳税人识别号：${fields.buyerTaxId}`], [330, 295, `统一社会信用代码/纳税人识别号：${fields.sellerTaxId}`]);
  lines.push([30, 260, "项目名称"], [250, 260, "金额"], [350, 260, "税率/征收率"], [450, 260, "税额"]);
  lines.push([30, 245, fields.item ?? "*餐饮服务*餐费"], [250, 245, fields.amount], [350, 245, "6%"], [450, 245, fields.tax]);
  lines.push([30, 200, "合 计"], [250, 200, `¥${fields.amount}`], [450, 200, `¥${fields.tax}`]);
  lines.push([30, 180, "价税合计（大写）"], [350, 180, `（小写）¥${fields.total}`]);
  if (fields.red) lines.push([30, 160, "备注：红字发票，被红冲蓝字数电发票号码：00000000000000000000"]);
  lines.push([30, 120, "开票人：示例"]);
  return lines;
}

/** An invoice PDF: the printed labels in the text layer. */
export function invoicePdf(fields, info = {}) {
  return textPdf(invoicePdfLines(fields), info);
}

const OFD_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" DocType="OFD" Version="1.0">
  <ofd:DocBody>
    <ofd:DocInfo><ofd:DocID>0123456789abcdef</ofd:DocID><ofd:Creator>feeledger tests</ofd:Creator></ofd:DocInfo>
    <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
  </ofd:DocBody>
</ofd:OFD>
`;

const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>100</ofd:MaxUnitID></ofd:CommonData>
<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>
`;

/** The older e-invoice's XML (root eInvoice) as an OFD carries it under Doc_0/Attachs/. */
export function olderInvoiceXml(fields) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<fp:eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019">
  <fp:InvoiceCode>${escape(fields.code ?? "")}</fp:InvoiceCode>
  <fp:InvoiceNo>${escape(fields.number)}</fp:InvoiceNo>
  <fp:IssueDate>${fields.date.replace(/-/g, "")}</fp:IssueDate>
  <fp:BuyerInfo><fp:BuyerName>${escape(fields.buyerName)}</fp:BuyerName><fp:BuyerTaxID>${escape(fields.buyerTaxId)}</fp:BuyerTaxID></fp:BuyerInfo>
  <fp:SellerInfo><fp:SellerName>${escape(fields.sellerName)}</fp:SellerName><fp:SellerTaxID>${escape(fields.sellerTaxId)}</fp:SellerTaxID></fp:SellerInfo>
  <fp:TaxExclusiveTotalAmount>${fields.amount}</fp:TaxExclusiveTotalAmount>
  <fp:TaxTotalAmount>${fields.tax}</fp:TaxTotalAmount>
  <fp:TaxInclusiveTotalAmount>${fields.total}</fp:TaxInclusiveTotalAmount>
</fp:eInvoice>
`;
}

/** An OFD of the older e-invoice: the invoice XML under Doc_0/Attachs/. */
export function invoiceOfdAttached(fields) {
  return zipSync({
    "OFD.xml": strToU8(OFD_XML),
    "Doc_0/Document.xml": strToU8(DOCUMENT_XML),
    "Doc_0/Pages/Page_0/Content.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2"/></ofd:Content></ofd:Page>`),
    "Doc_0/Attachs/original_invoice.xml": strToU8(olderInvoiceXml(fields)),
  });
}

/** An OFD of a 数电发票: Doc_0/Tags/CustomTag.xml naming TextObjects of the page by ObjectRef. */
export function invoiceOfdTagged(fields) {
  const tagged = [
    ["InvoiceNo", fields.number], ["IssueDate", fields.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$1年$2月$3日")],
    ["BuyerName", fields.buyerName], ["BuyerTaxID", fields.buyerTaxId], ["SellerName", fields.sellerName], ["SellerTaxID", fields.sellerTaxId],
    ["TaxExclusiveTotalAmount", fields.amount], ["TaxTotalAmount", fields.tax], ["TaxInclusiveTotalAmount", fields.total],
  ];
  const objects = tagged.map(([, value], index) => `<ofd:TextObject ID="${10 + index}" Boundary="10 ${10 + index * 8} 80 6" Font="3" Size="3"><ofd:TextCode X="0" Y="3">${escape(value)}</ofd:TextCode></ofd:TextObject>`);
  const tags = tagged.map(([name], index) => `<${name}><ofd:ObjectRef PageRef="1">${10 + index}</ofd:ObjectRef></${name}>`);
  return zipSync({
    "OFD.xml": strToU8(OFD_XML),
    "Doc_0/Document.xml": strToU8(DOCUMENT_XML),
    "Doc_0/Pages/Page_0/Content.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${objects.join("")}</ofd:Layer></ofd:Content></ofd:Page>`),
    "Doc_0/Tags/CustomTags.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CustomTag TypeID="invoice"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>`),
    "Doc_0/Tags/CustomTag.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><eInvoice xmlns:ofd="http://www.ofdspec.org">${tags.join("")}</eInvoice>`),
  });
}
