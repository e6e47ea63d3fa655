// Journals with claims whose receipts are invoice files the tests build (scripts/lib/invoice-files.mjs).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadLedger } from "../../src/loader/load.js";
import { runDomainChecks } from "../../src/validation/domain.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { locate } from "../../src/source/location.js";
import { temporaryFolder } from "../reliability/cli-support.js";

export const COMPANY_TAX_ID = "91310115MA1K4B2X7Q";

/** A correct invoice for a 106.00 CNY claim dated 2026-03-10. */
export const FIELDS = {
  number: "26312000000012345678", date: "2026-03-09", buyerName: "上海云帆智能科技有限公司", buyerTaxId: COMPANY_TAX_ID,
  sellerName: "上海示例餐饮有限公司", sellerTaxId: "91310101MA1FP3LX2C", amount: "100.00", tax: "6.00", total: "106.00",
} as const;

export { removeTemporaryFolders, temporaryFolder } from "../reliability/cli-support.js";

/** One posting of a claim: its amount, and the `invoice` and `receipt` it carries. */
export interface PostingSpec {
  readonly amount?: string;
  readonly invoice?: string;
  readonly receipt?: string;
}

export interface ClaimSpec {
  readonly id: string;
  readonly date?: string;
  readonly postings: readonly PostingSpec[];
}

/**
 * main.beancount in a fresh folder with posted claims, and `files` (name -> bytes) written beside
 * it; `taxId` declares the company's tax id unless null.
 */
export function books(claims: readonly ClaimSpec[], files: Record<string, Uint8Array | string>, taxId: string | null = COMPANY_TAX_ID): string {
  const dir = temporaryFolder();
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  const header = `${taxId === null ? "" : `2026-01-01 custom "feeledger-option" "tax-id" "${taxId}"\n`}2026-01-01 open Expenses:Visits CNY
2026-01-01 open Liabilities:Payable CNY
`;
  const body = claims.map((claim) => {
    const date = claim.date ?? "2026-03-10";
    const postings = claim.postings.map((posting) => `  Expenses:Visits   ${posting.amount ?? "106.00"} CNY\n${posting.invoice === undefined ? "" : `    invoice: "${posting.invoice}"\n`}${posting.receipt === undefined ? "" : `    receipt: "${posting.receipt}"\n`}`).join("");
    return `
${date} * "王伟" "visit"
  claim: "${claim.id}"
  claimant: "王伟"
  status: "posted"
  approved-by: "赵敏"
  approved-on: ${date}
  posted-on: ${date}
${postings}  Liabilities:Payable
`;
  }).join("");
  const file = join(dir, "main.beancount");
  writeFileSync(file, header + body);
  return file;
}

/** The diagnostics of `check` on the journal, as [code, severity, line, message]. */
export function problems(file: string, only: (d: Diagnostic) => boolean = () => true): [string, string, number, string][] {
  const ledger = loadLedger(file);
  const diagnostics = [...ledger.diagnostics, ...runDomainChecks(ledger, { today: "2027-01-15" })];
  return diagnostics.filter(only).map((d) => [d.code, d.severity, d.span === null ? 0 : locate(ledger.sources.get(d.span.file)!, d.span.start).line, d.message]);
}
