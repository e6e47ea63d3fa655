// The bank's batch-payment file (批量代付 / 代发): one row per employee paid, for upload to the
// company's online banking. The columns are a generic template, the ones Chinese banks' 代发 and
// 批量转账 templates ask for under one name or another: 序号 (row number), 收款人姓名 (payee name),
// 收款账号 (account number), 开户行 (the payee's bank), 金额 (amount, plain decimal), 币种
// (commodity) and 用途 (memo: the claim ids). CSV in UTF-8 with a byte-order mark and CRLF line
// ends, so that Excel on Windows and the banks' upload pages read the Chinese. Account numbers are
// written as they are (digits only, no apostrophe): the upload needs them exact, and a spreadsheet
// that shows them as 6.22E+18 must not be used to save the file again.
import { renderCsv } from "./csv.js";

export interface BankFileRow {
  readonly name: string;
  readonly bankAccount: string;
  readonly bank: string;
  /** Plain decimal text. */
  readonly amount: string;
  readonly currency: string;
  readonly memo: string;
}

export const BANK_FILE_HEADER = ["序号", "收款人姓名", "收款账号", "开户行", "金额", "币种", "用途"] as const;

export function renderBankFile(rows: readonly BankFileRow[]): string {
  return renderCsv(
    BANK_FILE_HEADER,
    rows.map((row, index) => [String(index + 1), row.name, row.bankAccount, row.bank, row.amount, row.currency, row.memo]),
    { bom: true },
  );
}
