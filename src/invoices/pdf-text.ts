// The fields of a PDF invoice from its text layer: the printed labels of the 数电发票 (发票号码,
// 开票日期, 名称, 统一社会信用代码/纳税人识别号, 合计, 价税合计（小写）) and of the older
// 增值税电子普通发票 (发票代码 as well), and the document information dictionary's custom keys where
// the issuer wrote them. The buyer's block comes before the seller's on the page (left of it, or
// above), so the first 名称 and tax id are the buyer's. Too little text is a scan: no field is
// guessed.
import type { InvoiceReading, RecordDraft } from "./record.js";
import { parseMoney, setDate, setMoney, setText } from "./record.js";

/** One run of text on a page: its position (PDF user space, y up) and its characters. */
export interface PdfTextItem {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** What the PDF worker gives back: the text runs and the document information (custom keys included). */
export interface PdfContent {
  readonly items: readonly PdfTextItem[];
  readonly info: Readonly<Record<string, string>>;
}

// Below this many characters of text, a page is a scanned image (invoice-precheck's threshold).
const SCAN_TEXT = 20;

/** The text in reading order: runs on one baseline joined by a space, lines top to bottom, pages in order. */
export function textLines(items: readonly PdfTextItem[]): string[] {
  const lines = new Map<string, PdfTextItem[]>();
  for (const item of items) {
    if (item.text.trim() === "") continue;
    const key = `${item.page}:${Math.round(item.y)}`;
    const line = lines.get(key);
    if (line) line.push(item);
    else lines.set(key, [item]);
  }
  return [...lines.values()]
    .sort((a, b) => a[0]!.page - b[0]!.page || b[0]!.y - a[0]!.y)
    .map((line) => line.sort((a, b) => a.x - b.x).map((item) => item.text.trim()).join(" "));
}

const LABEL = "[:：]?\\s*";
const NUMBER = new RegExp(`发票号码${LABEL}(\\d{8,20})`);
const CODE = new RegExp(`发票代码${LABEL}(\\d{10,12})`);
const DATE = new RegExp(`开票日期${LABEL}(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}-\\d{1,2}-\\d{1,2})`);
const NAME = /(?<![\u4e00-\u9fff])名\s*称[:：]\s*([^\s:：]+)/g;
const TAX_ID = /(?:统一社会信用代码\s*\/\s*纳税人识别号|纳税人识别号)[:：]?\s*([0-9A-Z]{15,20})/g;
const TOTAL = /[（(]\s*小写\s*[)）]\s*[¥￥]?\s*(-?[\d,]+\.\d{1,2})/;
const SUBTOTALS = /(?<!税)合\s*计\s*[¥￥]?\s*(-?[\d,]+\.\d{1,2})\s+[¥￥]?\s*(-?[\d,]+\.\d{1,2}|\*+)/;
const SPECIAL = /增值税专用发票/;
const ORDINARY = /普通发票/;
const RED = /红字|销项负数/;

/** The invoice a PDF's text and information dictionary show. */
export function readPdfContent(content: PdfContent): InvoiceReading {
  const text = textLines(content.items).join("\n");
  const info = content.info;
  const infoHasInvoice = info.InvoiceNumber !== undefined && info.InvoiceNumber !== "";
  if (text.replace(/\s/g, "").length < SCAN_TEXT && !infoHasInvoice) return { status: "scan" };
  if (!NUMBER.test(text) && !infoHasInvoice) return { status: "other", what: "a PDF without 发票号码" };
  const draft: RecordDraft = { format: "pdf" };
  setText(draft, "number", NUMBER.exec(text)?.[1], "PDF text 发票号码");
  const code = CODE.exec(text)?.[1];
  if (code !== undefined && draft.number !== undefined && draft.number.value.length === 8) setText(draft, "code", code, "PDF text 发票代码");
  setDate(draft, DATE.exec(text)?.[1], "PDF text 开票日期");
  const names = [...text.matchAll(NAME)].map((match) => match[1]);
  setText(draft, "buyerName", names[0], "PDF text 购买方 名称");
  setText(draft, "sellerName", names[1], "PDF text 销售方 名称");
  const taxIds = [...text.matchAll(TAX_ID)].map((match) => match[1]);
  setText(draft, "buyerTaxId", taxIds[0], "PDF text 购买方 纳税人识别号");
  setText(draft, "sellerTaxId", taxIds[1], "PDF text 销售方 纳税人识别号");
  setMoney(draft, "total", TOTAL.exec(text)?.[1], "PDF text 价税合计（小写）");
  const subtotals = SUBTOTALS.exec(text);
  setMoney(draft, "amount", subtotals?.[1], "PDF text 合计 金额");
  if (subtotals?.[2] !== undefined && parseMoney(subtotals[2]) !== null) setMoney(draft, "tax", subtotals[2], "PDF text 合计 税额");
  if (SPECIAL.test(text)) draft.kind = { value: "专票", source: "PDF text 增值税专用发票" };
  else if (ORDINARY.test(text)) draft.kind = { value: "普票", source: "PDF text 普通发票" };
  if (RED.test(text)) draft.red = { value: true, source: "PDF text 红字" };
  // The information dictionary, where the issuer wrote it, fills what the text did not give.
  setText(draft, "number", info.InvoiceNumber, "PDF info InvoiceNumber");
  setDate(draft, info.IssueTime, "PDF info IssueTime");
  setText(draft, "sellerName", info.SellerName, "PDF info SellerName");
  setText(draft, "sellerTaxId", info.SellerIdNum, "PDF info SellerIdNum");
  setText(draft, "buyerName", info.BuyerName, "PDF info BuyerName");
  setText(draft, "buyerTaxId", info.BuyerIdNum, "PDF info BuyerIdNum");
  setMoney(draft, "amount", info.TotalAmWithoutTax, "PDF info TotalAmWithoutTax");
  setMoney(draft, "tax", info.TotalTaxAm, "PDF info TotalTaxAm");
  setMoney(draft, "total", info["TotalTax-includedAmount"], "PDF info TotalTax-includedAmount");
  return { status: "invoice", record: draft };
}
