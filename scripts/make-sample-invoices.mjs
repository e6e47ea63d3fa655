#!/usr/bin/env node
// Writes the sample invoice files of samples/: a few receipts of the main sample's claims become
// electronic invoices (PDFs with the printed labels in their text layer) whose fields agree with
// the claim, and one is deliberately wrong (EC-2026-003's hotel: 金额 + 税额 is not 价税合计, as
// on an altered invoice). The other sample receipts stay the plain-text placeholders they were.
//
//   npm run build && node scripts/make-sample-invoices.mjs
//
// The fields come from the journal (the posting's invoice, amount and the claim's date), read by
// feeledger's own loader from dist/. The output depends only on the journal.
import { writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadLedger } from "../dist/loader/load.js";
import { invoicePdf } from "./lib/invoice-files.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUYER = { buyerName: "上海云帆智能科技有限公司", buyerTaxId: "91310115MA1K4B2X7Q" };
/** Receipt file -> its seller and item, and whether it is the deliberately wrong one. */
const RECEIPTS = {
  "receipts/2026-01/ec-2026-002-lunch.pdf": { sellerName: "上海外滩小南国餐饮有限公司", sellerTaxId: "91310101MA1FP3LX2C", item: "*餐饮服务*餐费" },
  "receipts/2026-01/ec-2026-003-hotel.pdf": { sellerName: "深圳福田香格里拉酒店有限公司", sellerTaxId: "91440300MA5DK1RQ8N", item: "*住宿服务*住宿费", wrong: true },
  "receipts/2026-01/ec-2026-006-flight.pdf": { sellerName: "中国国际航空股份有限公司", sellerTaxId: "91110000100018688X", item: "*运输服务*国内航空旅客运输服务" },
  "receipts/2026-01/ec-2026-006-hotel.pdf": { sellerName: "北京国贸大酒店有限公司", sellerTaxId: "91110105MA01A7KX3W", item: "*住宿服务*住宿费" },
  "receipts/2026-01/ec-2026-006-dinner.pdf": { sellerName: "北京全聚德餐饮有限公司", sellerTaxId: "91110101MA00F4QX6D", item: "*餐饮服务*餐费" },
  "receipts/2026-12/ec-2026-133-flight.pdf": { sellerName: "中国东方航空股份有限公司", sellerTaxId: "91310000132141237X", item: "*运输服务*国内航空旅客运输服务" },
  "receipts/2026-12/ec-2026-133-hotel.pdf": { sellerName: "北京金融街威斯汀大酒店有限公司", sellerTaxId: "91110102MA01C2WX5P", item: "*住宿服务*住宿费" },
  "receipts/2026-12/ec-2026-138-dinner.pdf": { sellerName: "广州陶陶居饮食有限公司", sellerTaxId: "91440101MA5CT8JX4G", item: "*餐饮服务*餐费" },
  "receipts/2026-12/ec-2026-145-gift.pdf": { sellerName: "上海礼遇礼品有限公司", sellerTaxId: "91310104MA1FR6GX9H", item: "*日用杂品*伴手礼礼盒" },
};

/** 价税合计 split at 6% (13% for goods), to the cent: 金额 = total / (1 + rate), 税额 = the rest. */
function split(total, rate) {
  const cents = Math.round(Number(total) * 100);
  const amount = Math.round(cents / (1 + rate));
  return { amount: (amount / 100).toFixed(2), tax: ((cents - amount) / 100).toFixed(2), total: (cents / 100).toFixed(2) };
}

const journal = join(root, "samples", "customer-fees-2026.beancount");
const ledger = loadLedger(journal);
const written = [];
for (const entry of [...ledger.entries, ...ledger.claims]) {
  if (entry.type !== "transaction") continue;
  for (const posting of entry.booked) {
    const receipt = posting.source.meta.find((meta) => meta.key === "receipt")?.value.value;
    const invoice = posting.source.meta.find((meta) => meta.key === "invoice")?.value.value;
    if (receipt === undefined) continue;
    const file = join(dirname(posting.source.span.file), receipt);
    const key = relative(join(root, "samples"), file);
    const seller = RECEIPTS[key];
    if (seller === undefined) continue;
    const goods = seller.item.startsWith("*日用");
    const sums = split(posting.units.number.toFixed(2), goods ? 0.13 : 0.06);
    // The wrong one: 税额 raised by 20.00 while 价税合计 stays what was paid.
    if (seller.wrong) sums.tax = (Number(sums.tax) + 20).toFixed(2);
    const fields = { number: invoice, date: entry.date, ...BUYER, ...seller, ...sums, kind: "普票" };
    writeFileSync(file, await invoicePdf(fields));
    written.push(key);
  }
}
process.stdout.write(`wrote ${written.length} sample invoices:\n${written.map((key) => `  samples/${key}\n`).join("")}`);
