// feeledger's settings written in the journal, in the shape Fava uses for its own options
// (`custom "fava-option"`), which beancount and Fava ignore:
//   2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"
// A setting's value is a string (or an account). Where one declaration counts, the latest wins.
import type { LedgerEntry } from "./data.js";
import type { Span } from "./span.js";
import { nonTransactions } from "./non-transactions.js";

/** One `custom "feeledger-option" NAME VALUE` line. */
export interface OptionDeclaration {
  /** The value as written (a path, a pattern, an account, a word). */
  readonly value: string;
  /** The declaration (its file is what a path in `value` is relative to). */
  readonly span: Span;
}

/** Every declaration of the setting `name`, in entry order. */
export function optionDeclarations(entries: readonly LedgerEntry[], name: string): OptionDeclaration[] {
  const found: OptionDeclaration[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "custom" || entry.customType !== "feeledger-option") continue;
    const [key, value] = entry.values;
    if (key?.type === "string" && key.value === name && (value?.type === "string" || value?.type === "account")) found.push({ value: value.value, span: entry.span });
  }
  return found;
}

/** The value of the latest declaration of `name`, or null when the journal declares none. */
export function feeledgerOption(entries: readonly LedgerEntry[], name: string): string | null {
  return optionDeclarations(entries, name).pop()?.value ?? null;
}
