// English messages: the text feeledger has always printed (beancount's own wording where it
// reports the same problem, so that its messages can be compared). One function per message key;
// zh.ts has the same keys with the same parameters (the compiler and test/i18n check it).

import { merged } from "./translation.js";
import { enChecks } from "./en-checks.js";
import { enCli } from "./en-cli.js";
import { enExchange } from "./en-exchange.js";
import { enCommander, enUsage } from "./en-usage.js";
import { enRefusals } from "./en-refusals.js";

/** `; did you mean 'A', 'B' or 'C'?`, or nothing when there is no suggestion. */
function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  const quoted = suggestions.map((name) => `'${name}'`);
  return `; did you mean ${quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`}?`;
}

const PUNCTUATION: Record<string, string> = {
  ":": "colon", ",": "comma", "(": "left parenthesis", ")": "right parenthesis", '"': "quotation mark",
  ";": "semicolon", ".": "full stop", "-": "hyphen-minus", "+": "plus sign", "@": "at sign", "#": "number sign",
  "{": "left brace", "}": "right brace", "/": "slash", "^": "caret", "~": "tilde", "!": "exclamation mark", "*": "asterisk",
};

/** What a full-width or typographic character typed for `ascii` is called: "full-width colon". */
function fullWidthName(character: string, ascii: string): string {
  if (character === "\u201c" || character === "\u201d") return "curly quotation mark";
  if (character === "\u3002") return "ideographic full stop";
  if (character === "\u3001") return "ideographic comma";
  if (ascii === " ") return "full-width space";
  const kind = PUNCTUATION[ascii] ?? (/^[0-9]$/.test(ascii) ? "digit" : /^[A-Za-z]$/.test(ascii) ? "letter" : "character");
  return `full-width ${kind}`;
}

const enCore = () => ({
  // Booking and balance assertions (beancount's wording)
  "unbalanced": (p: { residual: string }) => `Transaction does not balance: ${p.residual}`,
  "balance-unknown-account": (p: { account: string; suggestions: readonly string[] }) =>
    p.suggestions.length === 0 ? `Account '${p.account}' does not exist: ` : `Account '${p.account}' does not exist${didYouMean(p.suggestions)}`,
  "balance-currency": (p: { currency: string }) => `Invalid currency '${p.currency}' for Balance directive: `,
  "balance-failed": (p: { account: string; expected: string; accumulated: string; difference: string; tooMuch: boolean }) =>
    `Balance failed for '${p.account}': expected ${p.expected} != accumulated ${p.accumulated} (${p.difference} ${p.tooMuch ? "too much" : "too little"})`,
  "pad-at-cost": (p: { balance: string }) => `Attempt to pad an entry with cost for balance: ${p.balance}`,
  "unused-pad": (_p: Record<string, never>) => "Unused Pad entry",
  "currency-constraint": (p: { currency: string; account: string }) => `Invalid currency ${p.currency} for account '${p.account}'`,
  "missing-document": (p: { file: string }) => `File does not exist: '${p.file}'`,

  // Claims
  "claim-status-unknown": (p: { id: string; written: string; expected: string }) => `${p.id}: unknown status "${p.written}" (expected ${p.expected})`,
  "claim-rejected-posted": (p: { id: string; flag: string }) => `${p.id}: rejected but posted (flag ${p.flag})`,
  "claim-posted-status": (p: { id: string; flag: string; status: string }) => `${p.id}: posted (flag ${p.flag}) but its status says "${p.status}"`,
  "claim-pending-status-posted": (p: { id: string }) => `${p.id}: status says "posted" but flag ! keeps it out of the books`,
  "claim-no-claimant": (p: { id: string }) => `${p.id}: no claimant (add claimant: "NAME", the person it reimburses)`,
  "claim-unapproved": (p: { id: string }) => `${p.id}: posted without approved-by`,
  "claim-self-approved": (p: { id: string; claimant: string }) => `${p.id}: approved by its own claimant ${p.claimant} (separation of duties)`,
  "claim-approved-twice": (p: { id: string; by: string; first: string; second: string }) =>
    `${p.id}: ${p.by} approves it twice (${p.first} and ${p.second}); one person's approval counts once`,
  "claim-date-malformed": (p: { id: string; key: string }) => `${p.id}: ${p.key} must be a date such as 2026-03-06`,
  "claim-too-early": (p: { id: string; key: string; date: string; limitName: string; limit: string }) =>
    `${p.id}: ${p.key} ${p.date} is before ${p.limitName === "claim-date" ? "the claim date" : p.limitName} ${p.limit}`,
  "claim-duplicate-id": (p: { id: string; first: string }) => `claim id ${p.id} is used twice; the first is at ${p.first}`,

  // Closed periods
  "period-unnumbered": (p: { month: string }) =>
    `This transaction is in ${p.month}, a closed month, and has no voucher number; a closed month's entries are all numbered when it is closed, so this one was added since (reopen the month with feeledger reopen-period to change it)`,
  "voucher-duplicate": (p: { voucher: string; month: string; firstDate: string }) =>
    `Voucher ${p.voucher} of ${p.month} is also the number of the transaction dated ${p.firstDate}; a number is given once`,

  // Messages that name the likely slip
  "full-width": (p: { character: string; codePoint: string; ascii: string }) =>
    `${fullWidthName(p.character, p.ascii)} '${p.character}' (${p.codePoint}) where ASCII '${p.ascii}' is expected`,
  "missing-currency": (p: { position: number; account: string; part: "amount" | "cost" | "price" }) =>
    `posting ${p.position} (${p.account}): its ${p.part === "amount" ? "amount" : p.part === "cost" ? "cost" : "price"} has no currency, and neither the other postings nor the account's holdings tell which; `
    + `write the currency after the ${p.part === "amount" ? "number" : p.part === "cost" ? "cost's number, inside the braces" : "price's number"}`,
  "account-name": (p: { account: string; fullWidthColon: boolean }) =>
    `Invalid account name: '${p.account}'${p.fullWidthColon ? ": full-width colon '\uff1a' (U+FF1A) where ASCII ':' is expected" : ""}`,
  "unknown-account": (p: { account: string; suggestions: readonly string[] }) =>
    `Invalid reference to unknown account '${p.account}'${didYouMean(p.suggestions)}`,
  "rule-unknown-account": (p: { rule: string; account: string; suggestions: readonly string[] }) =>
    `${p.rule} names ${p.account}, which is never opened (nor any account under it), so it applies to nothing${didYouMean(p.suggestions)}`,

  // The summary line of check
  "check-summary": (p: { errors: number; warnings: number }) =>
    `${p.errors} error${p.errors === 1 ? "" : "s"}, ${p.warnings} warning${p.warnings === 1 ? "" : "s"}`,
});

function allOfEnglish() {
  return merged(enCore(), enChecks(), enCli(), enExchange(), enUsage(), enCommander(), enRefusals());
}

let made: ReturnType<typeof allOfEnglish> | undefined;

/**
 * The English catalogue, made when a message is first written: each part is a function, so that
 * loading the catalogue makes none of its thousand closures (a quarter of the work of a clean
 * `check` on a short journal, which writes no message).
 */
export function english(): ReturnType<typeof allOfEnglish> {
  return (made ??= allOfEnglish());
}

/**
 * The catalogue as an object, for help and the tests. Pure for esbuild: a bundle that only writes
 * messages through english() (dist/plain-check.cjs, scripts/bundle.mjs) leaves it out.
 */
export const en = /* @__PURE__ */ english();

export type MessageKey = keyof typeof en;
/** What each message needs to be written. */
export type MessageParams<K extends MessageKey> = Parameters<(typeof en)[K]>[0];
/** A catalogue: every key of the English one, each taking the same parameters. */
export type Catalogue = { readonly [K in MessageKey]: (typeof en)[K] };
