// TEMPORARY ADAPTER — to be replaced by buildVouchers and numberVouchers of src/periods/vouchers.ts
// (the official-books work) and then deleted. It builds the vouchers the export needs from the
// ledger so that `export vouchers` and its tests run end to end on this branch:
// - one voucher per transaction dated in the range (pending claims left out, pad-generated ones in);
// - 科目代码: the components' leading codes joined (6602-管理费用:01-客户拜访 → 660201); 科目名称: the
//   components without their codes joined by `-`; no `code:`/`name:` from the open;
// - no dimensions (辅助核算) at all, so no dimension codes;
// - the number from `voucher: "记-0001"` metadata; with `number`, the vouchers without one are
//   numbered after the highest of their month, in date then journal order (nothing is written).
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { isPendingClaim, metaText } from "../claims/claim.js";
import type { Ledger } from "../loader/load.js";
import type { Decimal } from "../core/number.js";
import { ZERO } from "../core/number.js";
import { feeledgerOption } from "../reports/journal-options.js";
import type { Voucher, VoucherLine } from "../periods/voucher-model.js";
import { accountLevels, componentCode } from "./accounts.js";

/** The 科目代码 this adapter gives an account (the real chart also reads the open's `code:`). */
export const temporaryAccountCode = componentCode;

/** The currency of the official books: the first operating_currency, else CNY. */
export function booksCurrencyOf(ledger: Ledger): string {
  return ledger.options.operatingCurrencies[0] ?? "CNY";
}

function parseNumber(text: string | null): { word: string; number: number } | null {
  const match = text === null ? null : /^(.+?)-(\d+)$/su.exec(text.trim());
  if (match === null) return null;
  const number = Number(match[2]);
  return Number.isSafeInteger(number) && number > 0 ? { word: match[1]!.trim(), number } : null;
}

function lineOf(transaction: BookedTransaction, posting: BookedTransaction["booked"][number], booksCurrency: string): VoucherLine {
  const levels = accountLevels(posting.account);
  const own = metaText(posting.source.meta, "narration");
  const summary = own !== null && own.trim() !== "" ? own : transaction.narration !== "" ? transaction.narration : transaction.payee ?? "";
  const rate = posting.cost ?? posting.price;
  let amount: Decimal = posting.units.number;
  let currency = posting.units.currency;
  let foreign: VoucherLine["foreign"] = null;
  if (currency !== booksCurrency && rate !== null && rate.currency === booksCurrency) {
    foreign = { amount: posting.units.number, currency, rate: rate.number };
    amount = posting.units.number.times(rate.number);
    currency = booksCurrency;
  }
  return {
    accountCode: componentCode(posting.account),
    accountName: levels.length === 0 ? posting.account : levels.map((level) => level.name).join("-"),
    account: posting.account,
    summary,
    debit: amount.isPositive() && !amount.isZero() ? amount : ZERO,
    credit: amount.isNegative() && !amount.isZero() ? amount.neg() : ZERO,
    currency,
    foreign,
    dimensions: [],
    span: posting.source.span,
  };
}

export function buildVouchers(ledger: Ledger, range: { readonly begin: string; readonly end: string }, options: { readonly number: boolean }): Voucher[] {
  const word = feeledgerOption(ledger.entries, "voucher-word")?.trim() || "记";
  const booksCurrency = booksCurrencyOf(ledger);
  const vouchers: Voucher[] = [];
  for (const entry of ledger.entries as readonly LedgerEntry[]) {
    if (entry.date >= range.end) break;
    if (entry.type !== "transaction" || entry.date < range.begin || isPendingClaim(entry)) continue;
    const written = parseNumber(metaText(entry.meta, "voucher"));
    const claim = metaText(entry.meta, "claim") !== null;
    vouchers.push({
      date: entry.date,
      word: written?.word ?? word,
      number: written?.number ?? null,
      attachments: entry.booked.filter((posting) => metaText(posting.source.meta, "invoice") !== null || metaText(posting.source.meta, "receipt") !== null).length,
      preparer: metaText(entry.meta, "prepared-by") ?? (claim ? metaText(entry.meta, "claimant") ?? "" : ""),
      lines: entry.booked.map((posting) => lineOf(entry, posting, booksCurrency)),
      span: entry.span,
    });
  }
  return options.number ? numberedOnTheFly(vouchers, word) : vouchers;
}

/** Numbers for the vouchers without one, after the highest of their month (written with `word`). */
function numberedOnTheFly(vouchers: readonly Voucher[], word: string): Voucher[] {
  const highest = new Map<string, number>();
  for (const voucher of vouchers) {
    const month = voucher.date.slice(0, 7);
    if (voucher.number !== null && voucher.word === word) highest.set(month, Math.max(highest.get(month) ?? 0, voucher.number));
  }
  const waiting = vouchers.map((voucher, index) => ({ voucher, index })).filter(({ voucher }) => voucher.number === null);
  waiting.sort((a, b) => (a.voucher.date < b.voucher.date ? -1 : a.voucher.date > b.voucher.date ? 1 : a.index - b.index));
  const numbered = [...vouchers];
  for (const { voucher, index } of waiting) {
    const month = voucher.date.slice(0, 7);
    const number = (highest.get(month) ?? 0) + 1;
    highest.set(month, number);
    numbered[index] = { ...voucher, word, number };
  }
  return numbered;
}
