// The accounting voucher (记账凭证) as the official books take it: what `report vouchers` lists, what
// `close-period` numbers and what `export vouchers` writes for 金蝶 and 用友. One voucher is one
// transaction of the books; its lines are the transaction's postings, debit or credit.
import type { Decimal } from "../core/number.js";
import type { Span } from "../core/span.js";

/** An auxiliary dimension (辅助核算) value on a voucher line, with its declared code. */
export interface DimensionValue {
  /** department (部门), employee (职员), customer (客户), vendor (供应商) or project (项目). */
  readonly kind: DimensionKind;
  /** The code declared with `custom "dimension" KIND CODE NAME`, or null when none is declared. */
  readonly code: string | null;
  /** The name as the journal writes it (metadata value). */
  readonly name: string;
}

export type DimensionKind = "department" | "employee" | "customer" | "vendor" | "project";

export interface VoucherLine {
  /** Account code (科目代码): the components' leading codes joined, or the open's `code:`; null when the account has none. */
  readonly accountCode: string | null;
  /** Account name (科目名称): the components without codes joined by `-`, or the open's `name:`. */
  readonly accountName: string;
  /** The beancount account. */
  readonly account: string;
  /** Summary (摘要): the transaction's narration (the posting's own `narration` metadata if any). */
  readonly summary: string;
  /** Exactly one of debit and credit is non-zero (both zero only for a zero posting), in the booked currency. */
  readonly debit: Decimal;
  readonly credit: Decimal;
  /** The posting's currency (币别). */
  readonly currency: string;
  /** Amount in the original currency and the rate to the operating currency, when the journal prices it; else null. */
  readonly foreign: { readonly amount: Decimal; readonly currency: string; readonly rate: Decimal } | null;
  readonly dimensions: readonly DimensionValue[];
  readonly span: Span;
  /**
   * The line's amount (debit positive, credit negative) × 10^amountScale, a safe integer, when the
   * books have it so (the common posting, read in place): reports add and show it without making
   * the Decimals. Absent otherwise.
   */
  readonly scaledAmount?: number;
  readonly amountScale?: number;
}

export interface Voucher {
  readonly date: string;
  /** 凭证字, e.g. 记 (custom "feeledger-option" "voucher-word"). */
  readonly word: string;
  /** The voucher's number within its month (记-0001 is 1), or null when not numbered yet. */
  readonly number: number | null;
  /** Attachments (附件数): how many postings carry an invoice or a receipt. */
  readonly attachments: number;
  /** Who prepared it (制单): the claim's claimant or the `prepared-by` metadata, else empty. */
  readonly preparer: string;
  readonly lines: readonly VoucherLine[];
  /** The transaction's place in the journal. */
  readonly span: Span;
}
