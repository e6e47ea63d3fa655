// Account checks: names, open before use, nothing after close, duplicate opens and closes.
import type { LedgerEntry, Open, Close } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { AccountRoots } from "../core/options.js";
import { appendAll, error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { accountSuggester } from "../core/nearest-names.js";
import { message } from "../i18n/message.js";
import { nonTransactions } from "../core/non-transactions.js";
import { lazyPattern, type Pattern } from "./lazy-pattern.js";

/** Accounts an entry refers to (not counting its own open or close). */
export function referencedAccounts(entry: LedgerEntry): string[] {
  switch (entry.type) {
    case "transaction": return entry.postings.map((p) => p.account);
    case "balance": case "note": case "document": return [entry.account];
    case "pad": return [entry.account, entry.sourceAccount];
    default: return [];
  }
}

/**
 * Whether an account name is valid for feeledger: a configured root, then components that each
 * start with an uppercase letter, a digit or a letter without case (CJK), followed by letters,
 * digits and dashes. Beancount is stricter (see compat.ts).
 */
export function isValidAccountName(account: string, roots: AccountRoots): boolean {
  const parts = account.split(":");
  if (parts.length < 2) return false;
  const root = parts[0]!;
  if (root !== roots.assets && root !== roots.liabilities && root !== roots.equity && root !== roots.income && root !== roots.expenses) return false;
  for (let i = 1; i < parts.length; i++) if (!COMPONENT.test(parts[i]!)) return false;
  return true;
}
// An account component in ASCII is tested with the ASCII pattern (the same matches among ASCII
// names); only other names reach the Unicode one, made and compiled when first needed: with its
// \p classes (thousands of ranges) that took about a fifth of a clean check of a short journal.
const ASCII_COMPONENT = /^[A-Z0-9][A-Za-z0-9-]*$/;
const UNICODE_COMPONENT = lazyPattern(() => /^[\p{Lu}\p{Lo}\p{Nd}][\p{L}\p{Nd}\p{M}-]*$/u);
const COMPONENT: Pattern = { test: (component) => ASCII_COMPONENT.test(component) || UNICODE_COMPONENT.test(component) };

export function accountTypeOf(account: string, roots: AccountRoots): keyof AccountRoots | null {
  const root = account.slice(0, account.indexOf(":") >>> 0);
  for (const key of Object.keys(roots) as (keyof AccountRoots)[]) if (roots[key] === root) return key;
  return null;
}

/** Beancount allows balance assertions, documents and notes after an account's close (ALLOW_AFTER_CLOSE). */
function allowedAfterClose(entry: LedgerEntry): boolean {
  return entry.type === "balance" || entry.type === "document" || entry.type === "note";
}

/** An account's open and close dates, and the currencies its open allows (null: any). */
interface AccountRange {
  readonly from: string;
  readonly to: string | null;
  readonly currencies: ReadonlySet<string> | null;
}

/**
 * Open/close bookkeeping and references to unknown or inactive accounts (entries sorted), then the
 * currency constraints of open directives, in one walk over the postings: each posting's account
 * is looked up once for both (the load of a large journal walks a few hundred thousand postings;
 * two walks each with its own Map lookup cost about twice as much).
 */
export function validateAccountsAndCurrencies(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const opens = new Map<string, Open>();
  const closes = new Map<string, Close>();
  // (The first open of the account that lists currencies.)
  const allowed = new Map<string, ReadonlySet<string>>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "open") {
      if (opens.has(entry.account)) diagnostics.push(error("duplicate-open", message("duplicate-open", { account: entry.account }), entry.span));
      else opens.set(entry.account, entry);
      if (entry.currencies.length > 0 && !allowed.has(entry.account)) allowed.set(entry.account, new Set(entry.currencies));
    } else if (entry.type === "close") {
      if (closes.has(entry.account)) diagnostics.push(error("duplicate-close", message("duplicate-close", { account: entry.account }), entry.span));
      else closes.set(entry.account, entry);
      const open = opens.get(entry.account);
      if (open === undefined) diagnostics.push(error("close-unopened", message("close-unopened", { account: entry.account }), entry.span));
      else if (entry.date < open.date) diagnostics.push(error("close-before-open", message("close-before-open", { account: entry.account }), entry.span));
    }
  }
  // (Every account with a currency constraint has an open, so has a range.)
  const active = new Map<string, AccountRange>();
  for (const [account, open] of opens) active.set(account, { from: open.date, to: closes.get(account)?.date ?? null, currencies: allowed.get(account) ?? null });
  const suggest = accountSuggester(opens.keys());
  const constraints: Diagnostic[] = [];
  // (Without constraints the booked postings are not read: a transaction not booked as its
  // postings would make them.)
  const constrained = allowed.size > 0;
  const check = (entry: LedgerEntry, account: string, range: AccountRange | undefined, date: string): void => {
    if (range === undefined) {
      diagnostics.push(error(CODES.unknownAccount, MESSAGES.unknownAccount(account, suggest(account)), entry.span));
      return;
    }
    if (date < range.from || (range.to !== null && date > range.to && !allowedAfterClose(entry))) {
      diagnostics.push(error("inactive-account", message("inactive-account", { account }), entry.span));
    }
  };
  const constrain = (entry: LedgerEntry, account: string, currencies: ReadonlySet<string> | null | undefined, currency: string): void => {
    if (currencies != null && !currencies.has(currency)) {
      constraints.push(error("currency-constraint", message("currency-constraint", { currency, account }), entry.span));
    }
  };
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position]!;
    if (entry.type === "open" || entry.type === "close") continue;
    if (entry.type !== "transaction") {
      const accounts = referencedAccounts(entry);
      for (let index = 0; index < accounts.length; index++) {
        if (accounts.indexOf(accounts[index]!) === index) check(entry, accounts[index]!, active.get(accounts[index]!), entry.date);
      }
      continue;
    }
    const date = entry.date;
    if (entry instanceof PlainTransaction) {
      const asPostings = !constrained || entry.bookedAsPostings;
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        const account = entry.accountAt(at);
        const range = active.get(account);
        if (asPostings && range !== undefined && range.currencies !== null) constrain(entry, account, range.currencies, entry.bookedCurrencyAt(at));
        let repeated = false;
        for (let earlier = entry.firstPosting(); earlier !== at && !repeated; earlier = entry.nextPosting(earlier)) repeated = entry.accountAt(earlier) === account;
        if (!repeated) check(entry, account, range, date);
      }
      if (!asPostings) for (const posting of entry.booked) constrain(entry, posting.account, active.get(posting.account)?.currencies, posting.units.currency);
      continue;
    }
    const postings = entry.postings;
    for (let index = 0; index < postings.length; index++) {
      const account = postings[index]!.account;
      let repeated = false;
      for (let earlier = 0; earlier < index && !repeated; earlier++) repeated = postings[earlier]!.account === account;
      if (!repeated) check(entry, account, active.get(account), date);
    }
    if (constrained) for (const posting of entry.booked) constrain(entry, posting.account, active.get(posting.account)?.currencies, posting.units.currency);
  }
  appendAll(diagnostics, constraints);
  return diagnostics;
}
