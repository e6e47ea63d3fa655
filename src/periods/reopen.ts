// Reopening the latest closed month (反结账), planned as a text edit:
// `feeledger reopen-period FILE YYYY-MM --by NAME --reason TEXT`.
//
// Only the latest closed month reopens (months close in order, so they reopen in reverse). The
// close stays in the text; a `custom "period-reopened"` directive with `reopened-by`,
// `reopened-on` and `reason` is appended after it, in the same file (directives.ts), and lifts it.
// Voucher numbers given at that close stay used: the next close of the month continues after its
// `last-voucher`. Reopening is allowed while the books have errors: a changed closed month is
// exactly when one reopens it.
import type { Ledger } from "../loader/load.js";
import { parseSource } from "../parser/parse.js";
import { appendEntries } from "../edit/append.js";
import type { TextEdit } from "../edit/edits.js";
import { PERIOD_REOPENED, REOPEN_KEYS, periodDirectiveLines, type Month, type PeriodClose } from "./directives.js";
import { periodState } from "./rule.js";
import { message, type Message } from "../i18n/message.js";

export interface ReopenRequest {
  readonly month: Month;
  readonly by: string;
  readonly reason: string;
  /** Today (reopened-on). */
  readonly on: string;
}

export type ReopenPlan =
  | { readonly kind: "refused"; readonly reason: Message }
  | { readonly kind: "planned"; readonly month: Month; readonly close: PeriodClose; readonly edit: TextEdit; readonly file: string; readonly line: number };

export function planReopen(ledger: Ledger, request: ReopenRequest): ReopenPlan {
  const { month } = request;
  const state = periodState(ledger.entries);
  const close = state.closed.get(month);
  if (close === undefined) {
    return { kind: "refused", reason: message("writer reopen not closed", { month, latest: state.latest }) };
  }
  if (month !== state.latest) {
    return { kind: "refused", reason: message("writer reopen not latest", { latest: `${state.latest}` }) };
  }
  // After the close, in its file: the books' order (date, then file order) then puts it after the close.
  const file = close.entry.span.file;
  const text = ledger.sources.get(file)!.text;
  const lines = periodDirectiveLines(PERIOD_REOPENED, month, [
    [REOPEN_KEYS.by, { string: request.by }],
    [REOPEN_KEYS.on, { date: request.on }],
    [REOPEN_KEYS.reason, { string: request.reason }],
  ]);
  const appended = appendEntries(file, text, [lines]);
  const start = appended.starts[0]!;
  const after = text + appended.edit.text;
  const parsed = parseSource(after.slice(start), file);
  const read = parsed.directives[0];
  if (parsed.diagnostics.length > 0 || parsed.directives.length !== 1 || read?.type !== "custom" || read.customType !== PERIOD_REOPENED) {
    throw new Error(`the reopening of ${month} written to ${file} does not read back as intended`);
  }
  return { kind: "planned", month, close, edit: appended.edit, file, line: after.slice(0, start).split("\n").length };
}
