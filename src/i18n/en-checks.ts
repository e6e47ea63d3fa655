// English messages of the validator's and the loader's diagnostics (check, and every command that loads a journal).
// One function per key; zh-checks.ts has the same keys with the same parameters. Composed into the
// whole catalogue in en.ts. The text is what feeledger has always printed (beancount's wording where
// beancount reports the same problem).

type Unexpected = { kind: "end-of-directive" | "end-of-line" | "indented-line" | "token"; name: string; image: string };

function unexpected(p: Unexpected): string {
  if (p.kind === "end-of-directive") return "end of directive";
  if (p.kind === "end-of-line") return "end of line";
  if (p.kind === "indented-line") return "indented line";
  return `${p.name} '${p.image}'`;
}

/** Why a claim's approvals do not cover it: what it charges and each approver's limit. */
export interface Shortfall {
  /** What the claim charges, e.g. "1376.00 CNY" (amounts joined with " and "; "" when nothing). */
  readonly charged: string;
  /** Whether it charges in several currencies (which no one limit covers). */
  readonly several: boolean;
  readonly reasons: readonly { readonly by: string; readonly limit: string | null; readonly on: string }[];
}

export function shortfallText(p: Shortfall): string {
  if (p.several) return `approvals do not cover ${p.charged}: an approval limit is in one currency, so it cannot cover a claim charged in several (split the claim)`;
  const reasons = p.reasons.map((r) => (r.limit === null ? `${r.by} has no approval limit on ${r.on}` : `${r.by} may approve up to ${r.limit}`));
  return `approvals do not cover ${p.charged === "" ? "the claim" : p.charged} (${reasons.join("; ")})`;
}

/** "A", "A or B", "A, B or C". */
function eitherOf(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

export function stillNeededText(awaiting: readonly string[]): string {
  return awaiting.length > 0 ? `an approval by ${eitherOf(awaiting)}` : "an approval by someone whose limit covers it, and no declared approval limit does";
}

/** What a breached rule's action means for the claim: nothing more, blocked, or posting will be refused. */
export type Consequence = "none" | "blocked" | "refused";

function consequenceText(consequence: Consequence): string {
  return consequence === "none" ? "" : consequence === "blocked" ? " (action block)" : " (action block: posting it will be refused)";
}

/** Why a `custom "dimension"` directive cannot be read. */
export type DimensionProblem =
  | { readonly kind: "count"; readonly count: number }
  | { readonly kind: "not-string"; readonly type: string; readonly text: string | null }
  | { readonly kind: "unknown-kind"; readonly text: string }
  | { readonly kind: "code-empty" | "name-empty" }
  | { readonly kind: "code-spaces"; readonly text: string };

function dimensionProblem(p: DimensionProblem): string {
  switch (p.kind) {
    case "count": return `custom "dimension" takes 3 values, not ${p.count}`;
    case "not-string": return `custom "dimension" takes quoted strings, not ${p.text === null ? `a ${p.type}` : `the ${p.type} ${p.text}`}`;
    case "unknown-kind": return `unknown dimension kind "${p.text}"`;
    case "code-empty": return "the dimension code is empty";
    case "name-empty": return "the dimension name is empty";
    case "code-spaces": return `the dimension code "${p.text}" has spaces`;
  }
}

const INVALID_UTF8_HINT = "the file may be in GBK: convert it with `iconv -f gbk -t utf-8`";

export const enChecks = () => ({
  // Parser
  "syntax-unexpected": (p: Unexpected) => `syntax error, unexpected ${unexpected(p)}`,
  "syntax-stray-indent": (_p: Record<string, never>) => "syntax error, unexpected indented line outside of a directive",
  "syntax-invalid-directive": (p: { why: string }) => `invalid directive: ${p.why}`,
  "pipe-deprecated": (_p: Record<string, never>) => "Pipe symbol is deprecated.",
  "invalid-token": (p: { text: string; unterminated: boolean }) => `Invalid token${p.unterminated ? ": unterminated string" : ""}: '${p.text}'`,
  "invalid-date": (p: { date: string }) => `Invalid date: '${p.date}' (month must be in 1..12 and day valid for the month)`,
  "invalid-number": (p: { number: string }) => `Invalid number format: '${p.number}'`,
  "tags-after-postings": (_p: Record<string, never>) => "Tags or links after the first posting are not allowed",
  "too-many-strings": (_p: Record<string, never>) => "Too many strings on transaction description",
  "negative-price": (_p: Record<string, never>) => "Negative prices are not allowed",
  "cost-price-currencies": (p: { cost: string; price: string }) => `Cost and price currencies must match: ${p.cost} != ${p.price}`,
  "per-unit-total-cost": (_p: Record<string, never>) => "Per-unit cost may not be specified using total cost syntax",
  "booking-method": (p: { name: string }) => `Invalid booking method: ${p.name}`,
  "division-by-zero": (_p: Record<string, never>) => "Division by zero",
  "amount-precision": (p: { digits: number; precision: number }) =>
    `this number has ${p.digits} significant digits; feeledger computes with ${p.precision} (as beancount does), so totals that include it are rounded`,
  "pushtag-unbalanced": (p: { tag: string }) => `Unbalanced pushed tag: '${p.tag}'`,
  "pushmeta-unbalanced": (p: { key: string }) => `Unbalanced metadata key '${p.key}'; leftover metadata`,
  "poptag-absent": (p: { tag: string }) => `Attempting to pop absent tag: '${p.tag}'`,
  "popmeta-absent": (p: { key: string }) => `Attempting to pop absent metadata key: '${p.key}'`,
  "duplicate-meta": (p: { key: string }) => `Duplicate metadata field '${p.key}' (the first value is kept)`,
  "invalid-utf8-text": (_p: Record<string, never>) => `invalid UTF-8 (shown as \ufffd) in the journal's text; ${INVALID_UTF8_HINT}`,
  "invalid-utf8-comment": (_p: Record<string, never>) => `invalid UTF-8 (shown as \ufffd) in a comment; ${INVALID_UTF8_HINT}`,
  "invalid-utf8-more": (p: { count: number }) => `and ${p.count} more line${p.count === 1 ? "" : "s"} with invalid UTF-8 in this file; ${INVALID_UTF8_HINT}`,
  // Booking (beancount's wording)
  "too-many-missing": (p: { currency: string }) => `Too many missing numbers for currency group '${p.currency}'`,
  "unresolved-currency": (p: { part: "units" | "cost" | "price" }) => `Could not resolve ${p.part} currency`,
  "infer-per-unit-cost": (_p: Record<string, never>) => "Cannot infer per-unit cost only from total",
  "infer-units-zero-price": (_p: Record<string, never>) => "Cannot infer units from a zero price",
  "infer-price-at-cost": (_p: Record<string, never>) => "Cannot infer price for postings with units held at cost",
  "infer-price-zero-units": (_p: Record<string, never>) => "Cannot infer a price for zero units",
  "zero-units-at-cost": (p: { amount: string }) => `Amount is zero: "${p.amount}"`,
  "negative-cost": (p: { cost: string }) => `Cost is negative: "${p.cost}"`,
  "auto-postings": (_p: Record<string, never>) => "You may not have more than one auto-posting per currency",
  "total-price-without-units": (p: { price: string }) => `Total price on a posting without units: ${p.price}.`,
  "no-matching-lot": (p: { posting: string; balance: string }) => `No position matches "${p.posting}" against balance ${p.balance}`,
  "ambiguous-reduction": (p: { posting: string; matches: string }) => `Ambiguous matches for "${p.posting}": ${p.matches}`,
  "insufficient-lots": (p: { posting: string; matches: string }) => `Not enough lots to reduce "${p.posting}": ${p.matches}`,
  "average-booking": (_p: Record<string, never>) => "AVERAGE method is not supported",
  // Accounts, commodities, balance assertions (beancount's wording)
  "duplicate-open": (p: { account: string }) => `Duplicate open directive for ${p.account}`,
  "duplicate-close": (p: { account: string }) => `Duplicate close directive for ${p.account}`,
  "close-unopened": (p: { account: string }) => `Unopened account ${p.account} is being closed`,
  "close-before-open": (p: { account: string }) => `Closing date for account ${p.account} is before opening date`,
  "inactive-account": (p: { account: string }) => `Invalid reference to inactive account '${p.account}'`,
  "duplicate-commodity": (p: { currency: string }) => `Duplicate commodity directives for '${p.currency}'`,
  "duplicate-balance": (_p: Record<string, never>) => "Duplicate balance assertion with different amounts",
  "account-negative": (p: { account: string; balance: string }) => `${p.account} goes below zero: ${p.balance} after this posting (opened with no-negative: TRUE)`,

  // What bean-check would reject (check --beancount)
  "compat-root": (p: { root: string }) => `account root '${p.root}' must start with an ASCII capital letter for beancount`,
  "compat-component": (p: { account: string; component: string }) =>
    `beancount rejects account '${p.account}': its first component must start with a capital letter or a digit (e.g. '1002-${p.component}')`,
  "compat-meta-key": (p: { key: string }) => `beancount rejects metadata key '${p.key}' (ASCII, lowercase first, at least two characters)`,
  "compat-tag": (p: { tag: string }) => `beancount rejects tag '#${p.tag}' (only A-Z a-z 0-9 - _ / .)`,
  "compat-link": (p: { link: string }) => `beancount rejects link '^${p.link}' (only A-Z a-z 0-9 - _ / .)`,

  // Receipts and fapiao
  "receipt-not-path": (_p: Record<string, never>) => `receipt must be a quoted file path, e.g. "receipts/2026-03/train.pdf"`,
  "receipt-missing": (p: { file: string }) => `receipt file does not exist: '${p.file}'`,
  "receipt-outside": (p: { file: string }) => `receipt file is outside the journal's folder: '${p.file}' (receipts belong with the books)`,
  "receipt-reused": (p: { written: string; claim: string; place: string }) => `receipt '${p.written}' is used by two claims: first in ${p.claim} at ${p.place}`,
  "receipt-same-content": (p: { written: string; earlier: string; claim: string; place: string }) =>
    `receipt '${p.written}' has the same content as '${p.earlier}', used first in ${p.claim} at ${p.place}`,
  "fapiao-not-string": (_p: Record<string, never>) => `invoice must be a quoted fapiao number, e.g. "26442000000123456789"`,
  "fapiao-malformed": (p: { number: string }) =>
    `malformed fapiao number "${p.number}": expected 20 digits (数电发票) or a 10- or 12-digit code, '-', and an 8-digit number`,
  "fapiao-duplicate": (p: { number: string; claim: string | null; place: string }) =>
    `fapiao ${p.number} is claimed twice: first${p.claim === null ? "" : ` in ${p.claim}`} at ${p.place}`,

  // Claims
  "claim-in-books": (p: { id: string; declared: string | null; declaredIn: string; first: string }) =>
    `${p.id}: a claim not posted yet is in the books, where bean-check, Fava and feeledger count it as spent; `
    + (p.declared !== null
      ? `move its text to a claim file ("${p.declared}", declared in ${p.declaredIn}) until it is posted`
      : `move its text to a claim file declared in the books with \`${p.first} custom "feeledger-option" "claims" "claims/*.beancount"\` until it is posted`),
  "approval-shortfall": (p: Shortfall) => shortfallText(p),
  "approval-still-needed": (p: { awaiting: readonly string[] }) => stillNeededText(p.awaiting),
  "claim-approval-limit": (p: { id: string; shortfall: Shortfall }) => `${p.id}: ${shortfallText(p.shortfall)}`,
  "claim-approval-limit-pending": (p: { id: string; shortfall: Shortfall; awaiting: readonly string[] }) =>
    `${p.id}: ${shortfallText(p.shortfall)}; posting it will be refused until it has ${stillNeededText(p.awaiting)}`,

  // Schedules (摊销)
  "schedule-overdue": (p: { id: string; count: number; first: string; last: string; main: string }) =>
    `Schedule "${p.id}": ${p.count} installment${p.count === 1 ? "" : "s"} overdue (${p.first === p.last ? p.first : `${p.first} to ${p.last}`}); 'feeledger amortize ${p.main} --through ${p.last}' writes ${p.count === 1 ? "it" : "them"}`,
  "schedule-never-opened": (p: { id: string; account: string }) => `Schedule "${p.id}" posts to ${p.account}, which is never opened`,
  "schedule-before-open": (p: { id: string; account: string; first: string; opened: string }) =>
    `Schedule "${p.id}" posts to ${p.account} on ${p.first}, before it is opened (${p.opened})`,
  "schedule-after-close": (p: { id: string; account: string; last: string; closed: string }) =>
    `Schedule "${p.id}" posts to ${p.account} until ${p.last}, after it is closed (${p.closed})`,

  // Closed periods
  "period-changed": (p: { month: string; by: string | null; on: string | null; totals: "unknown" | readonly { account: string; then: string; now: string }[] }) => {
    const closed = `${p.month} has changed since it was closed${p.by === null ? "" : ` by ${p.by}`}${p.on === null ? "" : ` on ${p.on}`}`;
    const advice = "; a closed month must stay as closed: undo the change, or reopen the month (feeledger reopen-period) and close it again";
    if (p.totals === "unknown") return `${closed} (an entry was added, removed or altered)${advice}`;
    if (p.totals.length === 0) return `${closed}: an entry was added, removed or altered, though no account's total differs${advice}`;
    return `${closed}: totals differ for ${p.totals.map((d) => `${d.account} (${d.then} at the close, ${d.now} now)`).join(", ")}${advice}`;
  },
  // Rules on claims: budgets, policies (报销标准), approval limits, allocation
  "control-action": (p: { action: string }) => `action must be "warn" or "block", not "${p.action}"`,
  "budget-no-account": (_p: Record<string, never>) => 'budget needs an account first: custom "budget" ACCOUNT "PERIOD" AMOUNT',
  "budget-period": (_p: Record<string, never>) => "budget period must be daily, weekly, monthly, quarterly or yearly",
  "budget-no-amount": (_p: Record<string, never>) => "budget needs an amount such as 20000.00 CNY",
  "budget-exceeded": (p: { id: string; posted: boolean; account: string; total: string; period: string; budgetPeriod: string; budget: string; consequence: Consequence }) =>
    `${p.id}: ${p.posted ? "takes" : "posting it would take"} ${p.account} to ${p.total} in ${p.period}, over its ${p.budgetPeriod} budget of ${p.budget}${consequenceText(p.consequence)}`,
  "policy-no-account": (p: { usage: string }) => `policy needs an account first: ${p.usage}`,
  "policy-kind": (p: { usage: string }) => `policy kind must be per-claim, per-month or receipt-above: ${p.usage}`,
  "policy-no-amount": (p: { usage: string }) => `policy needs an amount such as 500.00 CNY: ${p.usage}`,
  "policy-require": (p: { require: string }) => `require must be "either", "receipt" or "invoice", not "${p.require}"`,
  "policy-per-claim": (p: { id: string; total: string; account: string; limit: string; consequence: Consequence }) =>
    `${p.id}: ${p.total} under ${p.account} is over the per-claim limit of ${p.limit}${consequenceText(p.consequence)}`,
  "policy-receipt-above": (p: { id: string; amount: string; account: string; limit: string; evidence: "either" | "receipt" | "invoice"; policyAccount: string; consequence: Consequence }) =>
    `${p.id}: ${p.amount} to ${p.account} is over ${p.limit} and has no ${p.evidence === "either" ? "invoice or receipt" : p.evidence} (policy receipt-above for ${p.policyAccount})${consequenceText(p.consequence)}`,
  "policy-per-month": (p: { id: string; posted: boolean; month: string; account: string; total: string; limit: string; consequence: Consequence }) =>
    `${p.id}: ${p.posted ? "takes" : "posting it would take"} the posted claims of ${p.month} under ${p.account} to ${p.total}, over the per-month limit of ${p.limit}${consequenceText(p.consequence)}`,
  "approval-limit-no-name": (p: { usage: string }) => `approval-limit needs a person's name first: ${p.usage}`,
  "approval-limit-no-amount": (p: { usage: string }) => `approval-limit needs an amount such as 1000.00 CNY after the name: ${p.usage}`,
  "approval-limit-negative": (p: { usage: string }) => `an approval limit cannot be negative: ${p.usage}`,
  "approval-limit-extra": (p: { usage: string }) => `approval-limit takes a name and an amount, nothing more: ${p.usage}`,
  "share-no-weight": (p: { share: string }) => `share "${p.share}" has no weight: write the name, a space and a number, e.g. "ACME 60"`,
  "share-no-name": (p: { share: string }) => `share "${p.share}" has no name`,
  "share-twice": (p: { name: string }) => `"${p.name}" appears twice in shares`,
  "share-weight": (p: { name: string }) => `the weight of "${p.name}" must be above zero`,
  "shares-empty": (_p: Record<string, never>) => "shares names nobody",
  "allocation-no-account": (p: { usage: string }) => `allocation needs an account first: ${p.usage}`,
  "allocation-method": (p: { usage: string }) => `allocation method must be equal, ratio, revenue or headcount: ${p.usage}`,
  "allocation-extra": (p: { usage: string }) => `allocation takes an account and a method only; shares, by and pool are metadata: ${p.usage}`,
  "allocation-by": (p: { by: string }) => `by must be "customer" or "department", not "${p.by}"`,
  "allocation-pool": (_p: Record<string, never>) => "pool must name the pooled value",
  "allocation-ratio-shares": (_p: Record<string, never>) => 'ratio needs shares: "NAME WEIGHT, NAME WEIGHT"',
  "allocation-shares-method": (p: { method: string }) => `shares apply to ratio and equal, not to ${p.method}`,
  "allocation-shares-pool": (p: { pool: string }) => `shares name the pool "${p.pool}" itself`,
  // Loading: options, includes, claim files (beancount's wording for beancount's own)
  "option-invalid-value": (p: { name: string; why: "booking-method" | "tolerance-shape" | "number" | "mode"; value: string }) =>
    `Error for option '${p.name}': ${p.why === "booking-method" ? `unknown booking method '${p.value}'` : p.why === "tolerance-shape" ? "expected CURRENCY:TOLERANCE" : p.why === "number" ? `invalid number '${p.value}'` : `unknown mode '${p.value}'`}`,
  "option-read-only": (p: { name: string }) => `Option '${p.name}' may not be set`,
  "option-deprecated": (p: { name: "allow_pipe_separator" | "allow_deprecated_none_for_tags_and_links" }): string =>
    p.name === "allow_pipe_separator" ? "Allowing pipe separator temporary; this will go away eventually." : "Allowing None for tags and link will go away eventually.",
  "option-unknown": (p: { name: string }) => `Invalid option: '${p.name}'`,
  "option-default-tolerance": (_p: Record<string, never>) => "Option 'default_tolerance' is deprecated; use 'inferred_tolerance_default'",
  "include-cycle": (p: { chain: string }) => `Include cycle: ${p.chain}`,
  "duplicate-include": (p: { file: string }) => `Duplicate filename parsed: "${p.file}"`,
  "missing-include": (p: { file: string }) => `File "${p.file}" does not exist`,
  "option-in-include": (p: { name: string }) => `Option '${p.name}' in an included file is ignored (only the top-level file's options apply)`,
  "plugin-in-include": (p: { module: string }) => `Plugin '${p.module}' in an included file is not run (beancount runs only the top-level file's plugins)`,
  "claim-file-missing": (p: { file: string }) => `Claim file "${p.file}" does not exist (no claims are read from it)`,
  "claim-file-included": (p: { file: string }) =>
    `"${p.file}" is declared as a claim file but the books include it, so its claims count as posted entries; remove its include (a claim file stays out of the books)`,
  "claim-file-content": (p: { what: "option" | "include" | "plugin" | "directive" | "transaction" | "posted-claim"; name: string }) =>
    `A claim file holds only claims (flag ! with claim metadata); ${
      p.what === "option" ? `option '${p.name}'` : p.what === "include" ? "an include" : p.what === "plugin" ? "a plugin"
      : p.what === "directive" ? `${/^[aeiou]/.test(p.name) ? "an" : "a"} ${p.name} directive`
      : p.what === "transaction" ? "a transaction without claim metadata" : `a claim flagged ${p.name} (a posted entry)`} belongs in the books`,
  // Plugins (beancount's wording; `why` is the plugin's own, as beancount shows it)
  "plugin-failed": (p: { module: string; why: string }) => `Error applying plugin "${p.module}": ${p.why}`,
  "plugin-config": (p: { module: string; takes: "none" | "required" }) =>
    `Error applying plugin "${p.module}": ${p.takes === "none" ? "it takes no configuration" : "it needs a configuration string"}`,
  "plugin-import": (p: { module: string }) => `Error importing "${p.module}": no such module`,
  "plugin-not-run": (p: { module: string; hint: string | null }) => `Plugin '${p.module}' is not run by feeledger${p.hint === null ? "" : ` (${p.hint})`}`,
  "plugin-missing-commodity": (p: { currency: string }) => `Missing Commodity directive for '${p.currency}'`,
  "plugin-non-leaf": (p: { account: string }) => `Non-leaf account '${p.account}' has postings on it`,
  "plugin-sellgains": (p: { price: string; proceeds: string }) => `Invalid price vs. proceeds/gains: ${p.price} vs. ${p.proceeds}`,
  "plugin-config-syntax": (p: { text: string }) => `Syntax error in config: ${p.text}`,
  "plugin-invalid-clause": (p: { clause: string }) => `Invalid clause: ${p.clause}`,
  "plugin-duplicate-entry": (p: { date: string; type: string; file: string; otherDate: string }) =>
    `Duplicate entry: ${p.date} ${p.type} == the entry at ${p.file}:${p.otherDate}`,
  "plugin-coherent-cost": (p: { currency: string }) => `Currency '${p.currency}' is used both with and without cost`,
  "plugin-average-cost": (p: { cost: string; average: string }) => `Cost basis on reducing posting is too far from the average cost (${p.cost} vs. ${p.average})`,
  "plugin-unique-prices": (_p: Record<string, never>) => "Disagreeing price entries",
  "plugin-one-commodity": (p: { account: string; currencies: string }) => `More than one currency in account '${p.account}': ${p.currencies}`,
  "plugin-unused-account": (p: { account: string }) => `Unused account '${p.account}'`,
  "plugin-subaccount": (p: { subaccount: string }) => `Invalid subaccount name: '${p.subaccount}'`,
  "plugin-no-price": (p: { currency: string; costCurrency: string }) => `A valid price for ${p.currency}/${p.costCurrency} could not be found`,
  "plugin-zero-units": (p: { currency: string; costCurrency: string; account: string }) =>
    `Number of units of ${p.currency} in ${p.costCurrency} in holdings sum to zero for account ${p.account} and should not`,
  "plugin-commodity-attr-config": (_p: Record<string, never>) => "Invalid configuration for commodity_attr plugin; skipping.",
  "plugin-missing-attribute": (p: { attribute: string; currency: string }) => `Missing attribute '${p.attribute}' for Commodity directive ${p.currency}`,
  "plugin-attribute-value": (p: { value: string; attribute: string; currency: string; values: string }) =>
    `Invalid value '${p.value}' for attribute ${p.attribute}, Commodity directive ${p.currency}; valid options: ${p.values}`,
  "period-directive-month": (p: { directive: string }) => `A ${p.directive} directive names one month, as "YYYY-MM"`,
  "period-close-date": (p: { month: string; last: string }) => `The close of ${p.month} must be dated its last day, ${p.last}`,
  "period-close-digest": (p: { month: string }) => `The close of ${p.month} has no readable digest ("sha256:" and 64 hex digits), so it cannot tell whether the month changed`,
  "period-reopen-date": (p: { month: string; last: string }) => `The reopening of ${p.month} must be dated on or after its last day, ${p.last}`,
  // Schedules (摊销计划)
  "schedule-zero": (_p: Record<string, never>) => "A schedule needs a nonzero amount to spread",
  "schedule-key-account": (p: { key: string }) => `'${p.key}' must name an account`,
  "schedule-past-last-month": (p: { months: number; first: string; last: string }) => `${p.months} months from ${p.first} run past ${p.last}, the last month a date can have`,
  "schedule-id-empty": (_p: Record<string, never>) => "'schedule-id' must be a non-empty string",
  "schedule-months-needed": (_p: Record<string, never>) => "A schedule needs 'months: N', a whole number of months from 1 to 1200",
  "schedule-next-month": (p: { last: string }) => `'start: "next-month"' has no month after ${p.last} to start in`,
  "schedule-start": (_p: Record<string, never>) => "'start' must be a date, \"YYYY-MM\", \"this-month\" or \"next-month\"",
  "schedule-id-duplicate": (p: { id: string }) => `Another schedule already has schedule-id "${p.id}"`,
  "schedule-unknown": (p: { id: string }) => `No schedule has schedule-id "${p.id}"`,
  "schedule-outside": (p: { id: string; date: string; months: number; first: string; last: string }) =>
    `Installment of schedule "${p.id}" dated ${p.date} is outside its ${p.months} months (${p.first} to ${p.last})`,
  "schedule-second": (p: { id: string; month: string }) => `Second installment of schedule "${p.id}" for ${p.month}; it has one a month`,
  "schedule-amount": (p: { number: number; months: number; id: string; amount: string; account: string; expected: string }) =>
    `Installment ${p.number}/${p.months} of schedule "${p.id}" posts ${p.amount} to ${p.account}; the schedule gives ${p.expected}`,
  "schedule-total": (p: { id: string; written: string; total: string }) => `Installments written for schedule "${p.id}" add up to ${p.written}, more than its total ${p.total}`,

  // The official books: account codes and dimensions (辅助核算)
  "account-code-quoted": (p: { key: string; account: string; example: string }) => `${p.key}: of ${p.account} must be quoted text, e.g. ${p.key}: "${p.example}"`,
  "account-code-empty": (p: { key: string; account: string }) => `${p.key}: of ${p.account} is empty`,
  "account-code-spaces": (p: { account: string; code: string }) => `code: of ${p.account} has spaces: "${p.code}"`,
  "account-code-duplicate": (p: { code: string; accounts: string }) =>
    `account code ${p.code} is shared by ${p.accounts}: give each its own with code: "..." on its open (the official books key accounts by code)`,
  "dimension-undeclared": (p: { kind: string; name: string }) => `${p.kind} "${p.name}" has no code: declare one with custom "dimension" "${p.kind}" CODE "${p.name}"`,
  "dimension-directive": (p: { problem: DimensionProblem; kinds: string }) =>
    `${dimensionProblem(p.problem)}; expected custom "dimension" KIND CODE NAME, KIND one of ${p.kinds}`,
  "dimension-name-duplicate": (p: { kind: string; name: string; code: string; date: string }) =>
    `${p.kind} "${p.name}" is already declared with code "${p.code}" (${p.date}); a name has one code`,
  "dimension-code-duplicate": (p: { kind: string; code: string; name: string; date: string }) =>
    `${p.kind} code "${p.code}" is already declared for "${p.name}" (${p.date}); a code names one ${p.kind}`,

  // Closing a period (结账)
  "period-claim-approved": (p: { id: string; date: string; month: string }) => `${p.id} is approved but not posted, dated ${p.date}: post it (or reject it) before closing ${p.month}`,
  "period-claim-in-books": (p: { id: string; date: string; month: string }) =>
    `${p.id} is a claim in progress written in the books, dated ${p.date}: the close would freeze it as it is; move it to a claim file (or decide it) before closing ${p.month}`,
  "period-installment-unwritten": (p: { id: string; number: number; months: number; date: string; month: string; file: string }) =>
    `Schedule "${p.id}": installment ${p.number}/${p.months} due ${p.date} is not written, and once ${p.month} is closed amortize cannot write it (feeledger amortize ${p.file} --through ${p.month} writes it)`,
  // Invoices read from receipt files (发票)
  "invoice-number-mismatch": (p: { file: string; id: string; source: string; invoice: string }) =>
    `receipt '${p.file}' is invoice ${p.id} (${p.source}), but the posting says invoice "${p.invoice}"`,
  "invoice-number-shape": (p: { file: string; number: string }) => `receipt '${p.file}': invoice number ${p.number} is not the 20 digits of a 数电发票`,
  "invoice-buyer": (p: { file: string; buyer: string; taxId: string }) => `receipt '${p.file}' is made out to buyer tax id ${p.buyer}, not the company's ${p.taxId}`,
  "invoice-date-after-claim": (p: { file: string; date: string; claimDate: string }) => `receipt '${p.file}' was issued on ${p.date}, after the claim's date ${p.claimDate}`,
  "invoice-red": (p: { file: string; flag: string | null; total: string }) =>
    `receipt '${p.file}' is a red-letter (红字, 冲红) invoice (${p.flag ?? `negative total ${p.total}`}): it cancels an invoice and is no evidence of a cost`,
  "invoice-total-mismatch": (p: { file: string; amount: string; tax: string; total: string }) =>
    `receipt '${p.file}': 金额 ${p.amount} + 税额 ${p.tax} is not 价税合计 ${p.total}`,
  "invoice-over-claimed": (p: { sum: string; number: string; file: string | null; total: string; totalFile: string }) =>
    `${p.sum} CNY is claimed against invoice ${p.number}${p.file === null ? "" : ` (receipt '${p.file}')`}, more than its total ${p.total} in '${p.totalFile}'`,
  "invoice-claimed-twice": (p: { number: string; file: string | null; claim: string; place: string }) =>
    `fapiao ${p.number}${p.file === null ? "" : ` (read from receipt '${p.file}')`} is claimed twice: first in ${p.claim} at ${p.place}`,
  "invoice-unreadable": (p: { file: string; reason: string }) => `receipt '${p.file}' cannot be read as an invoice: ${p.reason}`,
  "invoice-scan": (p: { file: string }) => `receipt '${p.file}' is a PDF without a text layer (a scan): its invoice fields cannot be read; check it by eye`,
  // Audit rules' settings
  "audit-rule-shape": (_p: Record<string, never>) => 'audit-rule takes the rule\'s name only, its thresholds as metadata: custom "audit-rule" "RULE"',
  "audit-rule-unknown": (p: { name: string; known: string }) => `unknown audit rule "${p.name}" (known: ${p.known})`,
  "audit-rule-setting": (p: { name: string; key: string; settings: string }) => `audit rule "${p.name}" has no setting "${p.key}" (it has: ${p.settings})`,
  "audit-rule-value": (p: { key: string; name: string; wanted: "number" | "amount" | "bool" | "account" | "text" }) =>
    `"${p.key}" of audit rule "${p.name}" takes ${p.wanted === "number" ? "a number, not negative" : p.wanted === "amount" ? "an amount such as 3000.00 CNY" : p.wanted === "bool" ? "TRUE or FALSE" : p.wanted === "account" ? "an account" : "a string"}`,
  // Reading files
  "file-missing": (p: { file: string }) => `File "${p.file}" does not exist`,
  "file-unreadable": (p: { file: string; why: string }) => `Cannot read "${p.file}": ${p.why}`,
  "file-directory": (p: { file: string }) => `'${p.file}' is a directory, not a journal file`,
  "file-not-regular": (p: { file: string; kind: "fifo" | "character-device" | "block-device" | "socket" | "other" }) =>
    `'${p.file}' is ${p.kind === "fifo" ? "a FIFO (named pipe)" : p.kind === "character-device" ? "a character device" : p.kind === "block-device" ? "a block device" : p.kind === "socket" ? "a socket" : "not a regular file"}, not a journal file: only regular files are read`,
});
