// Interpret `option "name" "value"` lines (of the top-level file, as beancount does).
import { Decimal } from "../core/number.js";
import { BOOKING_METHODS, type BookingMethod } from "../core/data.js";
import { DEFAULT_OPTIONS, type LedgerOptions } from "../core/options.js";
import type { Span } from "../core/span.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";
import type { MessageParams } from "../i18n/en.js";

/** Options beancount knows but feeledger does not need to interpret. */
const ACCEPTED = new Set([
  "filename", "include", "plugin_processing_mode", "long_string_maxlines", "insert_pythonpath",
  "display_precision", "allow_pipe_separator", "allow_deprecated_none_for_tags_and_links",
  "experiment_explicit_tolerances", "plugin", "input_hash", "dcontext", "commodities",
  "account_unrealized_gains",
]);

/** Options beancount refuses to be set (READ_ONLY_OPTIONS of its parser/options.py). */
const READ_ONLY = new Set(["filename", "plugin"]);

/** Options beancount 2.3.5 marks deprecated: setting one is an error there (DeprecatedError). */
const DEPRECATED: ReadonlySet<string> = new Set([
  "allow_pipe_separator",
  "allow_deprecated_none_for_tags_and_links",
]);

export function interpretOptions(options: readonly { name: string; value: string; span: Span }[]): { options: LedgerOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const result = {
    ...DEFAULT_OPTIONS,
    accountRoots: { ...DEFAULT_OPTIONS.accountRoots },
    operatingCurrencies: [] as string[],
    documents: [] as string[],
    inferredToleranceDefault: new Map<string, Decimal>(),
    raw: new Map<string, string[]>(),
  };
  for (const { name, value, span } of options) {
    const list = result.raw.get(name) ?? [];
    list.push(value);
    result.raw.set(name, list);
    const invalid = (why: MessageParams<"option-invalid-value">["why"], shown = value) => diagnostics.push(error("option", message("option-invalid-value", { name, why, value: shown }), span));
    switch (name) {
      case "title": result.title = value; break;
      case "operating_currency": result.operatingCurrencies.push(value); break;
      case "booking_method":
        if ((BOOKING_METHODS as readonly string[]).includes(value)) result.bookingMethod = value as BookingMethod;
        else invalid("booking-method");
        break;
      case "inferred_tolerance_default":
      case "default_tolerance": {
        const match = /^([^:]+):(.+)$/.exec(value);
        if (match === null) { invalid("tolerance-shape"); break; }
        try {
          result.inferredToleranceDefault.set(match[1]!, new Decimal(match[2]!));
        } catch { invalid("number", match[2]!); }
        break;
      }
      case "inferred_tolerance_multiplier":
      case "tolerance_multiplier":
        try { result.toleranceMultiplier = new Decimal(value); } catch { invalid("number"); }
        break;
      case "infer_tolerance_from_cost": result.inferToleranceFromCost = value.toLowerCase() === "true" || value === "1"; break;
      case "name_assets": result.accountRoots.assets = value; break;
      case "name_liabilities": result.accountRoots.liabilities = value; break;
      case "name_equity": result.accountRoots.equity = value; break;
      case "name_income": result.accountRoots.income = value; break;
      case "name_expenses": result.accountRoots.expenses = value; break;
      case "account_previous_balances": result.accountPreviousBalances = value; break;
      case "account_previous_earnings": result.accountPreviousEarnings = value; break;
      case "account_previous_conversions": result.accountPreviousConversions = value; break;
      case "account_current_earnings": result.accountCurrentEarnings = value; break;
      case "account_current_conversions": result.accountCurrentConversions = value; break;
      case "account_rounding": result.accountRounding = value; break;
      case "conversion_currency": result.conversionCurrency = value; break;
      case "render_commas": result.renderCommas = value.toLowerCase() === "true" || value === "1"; break;
      case "documents": result.documents.push(value); break;
      default:
        if (READ_ONLY.has(name)) diagnostics.push(error("option", message("option-read-only", { name }), span));
        else if (DEPRECATED.has(name)) diagnostics.push(error("option-deprecated", message("option-deprecated", { name: name as MessageParams<"option-deprecated">["name"] }), span));
        else if (!ACCEPTED.has(name)) diagnostics.push(error("option", message("option-unknown", { name }), span));
        else if (name === "plugin_processing_mode" && value !== "default" && value !== "raw") invalid("mode");
    }
  }
  if (result.raw.has("default_tolerance")) {
    const first = options.find((o) => o.name === "default_tolerance")!;
    diagnostics.push(warning("option", message("option-default-tolerance", {}), first.span));
  }
  return { options: result, diagnostics };
}
