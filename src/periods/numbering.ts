// Voucher numbers (凭证号) of a month, the rule: `close-period` gives each transaction of the books
// dated in the month a `voucher: "记-0001"` metadata line, in date order then file order, counting
// from 1 again each month. The word (凭证字) is `custom "feeledger-option" "voucher-word" "记"`
// (default 记); the number has 4 digits, more when it needs them.
//
// A number once given is never given again in that month: numbers already written are kept as
// they are, and new ones continue after the highest number the month has ever had, which is the
// highest written now or the highest an earlier close recorded (`last-voucher` on the close
// directive: an entry deleted after a reopen leaves its number used).
//
// Which transactions need one: every transaction of the books, except the ones pads generate (flag
// `P`: not written by anyone) and claims not posted yet written in the books (the old layout:
// a request, not a voucher). This file is pure: the text edits are made in close.ts.
import { optionDeclarations } from "../core/feeledger-options.js";
import type { LedgerEntry, Transaction } from "../core/data.js";
import { isPendingClaim } from "../claims/claim.js";

export const VOUCHER_KEY = "voucher";
export const VOUCHER_WORD_OPTION = "voucher-word";
export const DEFAULT_VOUCHER_WORD = "记";

/** A voucher number as written: the word and the number within its month. */
export interface VoucherNumber {
  readonly word: string;
  readonly number: number;
}

/** `记-0001`: the word, a hyphen, the number with at least 4 digits. */
export function voucherText(word: string, number: number): string {
  return `${word}-${String(number).padStart(4, "0")}`;
}

/** The word and number of a written voucher (`记-0001`, `记-12`), or null when it reads as neither (or is number 0). */
export function parseVoucher(text: string): VoucherNumber | null {
  const match = /^(.+?)-(\d{1,9})$/su.exec(text.trim());
  if (match === null || match[1]!.trim() === "" || Number(match[2]) === 0) return null;
  return { word: match[1]!.trim(), number: Number(match[2]) };
}

/** The journal's 凭证字: the latest `voucher-word` option, else 记. */
export function voucherWord(entries: readonly LedgerEntry[]): string {
  const declared = optionDeclarations(entries, VOUCHER_WORD_OPTION).pop();
  const word = declared?.value.trim() ?? "";
  return word === "" ? DEFAULT_VOUCHER_WORD : word;
}

/** Whether a transaction of the books is a voucher that a closed month must number. */
export function needsVoucher(entry: LedgerEntry): entry is LedgerEntry & Transaction {
  return entry.type === "transaction" && entry.flag !== "P" && !isPendingClaim(entry);
}

/**
 * The numbers to give a month's vouchers. `written` is each voucher's number as written, in
 * voucher order (date, then file order), or null for one without; `lastUsed` the highest number of
 * `word` an earlier close of the month recorded (0 when none). Returns, for each voucher without a
 * number, the number it gets (in the same positions; null where one is written), and the highest
 * number of the month afterwards.
 */
export function assignVoucherNumbers(written: readonly (string | null)[], word: string, lastUsed: number): { assigned: (number | null)[]; last: number } {
  let last = lastUsed;
  for (const text of written) {
    const parsed = text === null ? null : parseVoucher(text);
    if (parsed !== null && parsed.word === word && parsed.number > last) last = parsed.number;
  }
  const assigned = written.map((text) => (text === null ? ++last : null));
  return { assigned, last };
}
