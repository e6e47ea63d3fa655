// The wording of the diagnostics that explain a fault in the writer's terms, in one place, so that
// a message catalogue (one per language) can take them over: each function is one message, its
// parameters the parts that vary. The stable code of each is beside it in CODES.
import { fullWidthCharacter, type FullWidthCharacter } from "../core/full-width.js";

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

/** ` did you mean 'A', 'B' or 'C'?`, or nothing when there is no suggestion. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  const quoted = suggestions.map((name) => `'${name}'`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
  return `; did you mean ${list}?`;
}

export const MESSAGES = {
  /** A full-width or curly character where the syntax needs an ASCII one. */
  fullWidth: (found: FullWidthCharacter): string =>
    `${found.name} '${found.character}' (${codePoint(found.character)}) where ASCII '${found.ascii}' is expected`,

  /**
   * A posting whose amount (or cost, or price) has no currency that can be inferred. `position` is
   * 1-based; `part` says which currency is missing.
   */
  missingCurrency: (position: number, account: string, part: "amount" | "cost" | "price"): string =>
    `posting ${position} (${account}): its ${part} has no currency, and neither the other postings nor the account's holdings tell which; `
    + `write the currency after the ${part === "amount" ? "number" : part === "cost" ? "cost's number, inside the braces" : "price's number"}`,

  /**
   * An account name the roots and the component rules do not allow; a full-width colon in it (the
   * one full-width character whose ASCII one belongs in an account name) is named.
   */
  accountName: (account: string): string => {
    const colon = account.includes("\uff1a") ? fullWidthCharacter("\uff1a") : null;
    return `Invalid account name: '${account}'${colon === null ? "" : `: ${MESSAGES.fullWidth(colon)}`}`;
  },

  /** A reference to an account never opened (beancount's wording, then the nearest opened ones). */
  unknownAccount: (account: string, suggestions: readonly string[]): string =>
    `Invalid reference to unknown account '${account}'${didYouMean(suggestions)}`,

  /** A balance assertion on an account never opened (beancount's wording, then suggestions). */
  balanceUnknownAccount: (account: string, suggestions: readonly string[]): string =>
    suggestions.length === 0 ? `Account '${account}' does not exist: ` : `Account '${account}' does not exist${didYouMean(suggestions)}`,

  /** A budget, policy or other rule naming an account that is never opened, nor any under it. */
  ruleUnknownAccount: (rule: string, account: string, suggestions: readonly string[]): string =>
    `${rule} names ${account}, which is never opened (nor any account under it), so it applies to nothing${didYouMean(suggestions)}`,
} as const;
