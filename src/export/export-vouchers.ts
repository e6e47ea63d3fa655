// A period's vouchers in a target's import format: checked first (plan.ts), then written by the
// writer of the target's kind. Nothing is returned to write unless every check passed.
import type { Decimal } from "../core/number.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Voucher } from "../periods/voucher-model.js";
import { planExport } from "./plan.js";
import { writeWorkbook } from "./sheet-writer.js";
import type { ExportSettings, ExportTarget } from "./target.js";
import { writeText } from "./text-writer.js";

export interface ExportSummary {
  readonly vouchers: number;
  readonly lines: number;
  /** Totals of what was written, in the books currency: equal, as each voucher balances. */
  readonly totalDebit: Decimal;
  readonly totalCredit: Decimal;
}

export type ExportResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly summary: ExportSummary }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function exportVouchers(vouchers: readonly Voucher[], target: ExportTarget, settings: ExportSettings): ExportResult {
  const plan = planExport(vouchers, target, settings);
  if (plan.diagnostics.length > 0) return { ok: false, diagnostics: plan.diagnostics };
  const summary = { vouchers: plan.vouchers.length, lines: plan.lineCount, totalDebit: plan.totalDebit, totalCredit: plan.totalCredit };
  if (target.kind === "sheet") return { ok: true, bytes: writeWorkbook(target, plan.vouchers, settings), summary };
  const written = writeText(target, plan.vouchers, settings);
  return "diagnostics" in written ? { ok: false, diagnostics: written.diagnostics } : { ok: true, bytes: written.bytes, summary };
}
