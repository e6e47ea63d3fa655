// The diagnostics that name the likely slip (a full-width character, a mistyped account, a
// missing currency, a rule on an account never opened): their stable codes, and each message built
// from the catalogue (src/i18n) by key and parameters, so check prints it in the reader's language.
import type { FullWidthCharacter } from "../core/full-width.js";
import { message, type Message } from "../i18n/message.js";

/** Stable codes of these diagnostics. */
export const CODES = {
  fullWidth: "full-width",
  missingCurrency: "categorization",
  accountName: "account-name",
  unknownAccount: "unknown-account",
  balanceUnknownAccount: "balance-unknown-account",
  ruleUnknownAccount: "rule-unknown-account",
} as const;

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

export const MESSAGES = {
  /** A full-width or curly character where the syntax needs an ASCII one. */
  fullWidth: (found: FullWidthCharacter): Message =>
    message("full-width", { character: found.character, codePoint: codePoint(found.character), ascii: found.ascii }),

  /** A posting whose amount (or cost, or price) has no currency that can be inferred; `position` is 1-based. */
  missingCurrency: (position: number, account: string, part: "amount" | "cost" | "price"): Message =>
    message("missing-currency", { position, account, part }),

  /**
   * An account name the roots and the component rules do not allow; a full-width colon in it (the
   * one full-width character whose ASCII one belongs in an account name) is named.
   */
  accountName: (account: string): Message => message("account-name", { account, fullWidthColon: account.includes("\uff1a") }),

  /** A reference to an account never opened (beancount's wording, then the nearest opened ones). */
  unknownAccount: (account: string, suggestions: readonly string[]): Message => message("unknown-account", { account, suggestions }),

  /** A balance assertion on an account never opened (beancount's wording, then suggestions). */
  balanceUnknownAccount: (account: string, suggestions: readonly string[]): Message => message("balance-unknown-account", { account, suggestions }),

  /** A budget, policy or other rule naming an account that is never opened, nor any under it. */
  ruleUnknownAccount: (rule: string, account: string, suggestions: readonly string[]): Message =>
    message("rule-unknown-account", { rule, account, suggestions }),
} as const;
