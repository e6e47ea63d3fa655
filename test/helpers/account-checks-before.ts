// The account and currency checks as they were before validateAccountsAndCurrencies walked the
// postings once for both (src/validation/accounts.ts): kept here as the answer it must give.
import type { Close, LedgerEntry, Open } from "../../src/core/data.js";
import { PlainTransaction } from "../../src/core/plain-transaction.js";
import { error, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../../src/diagnostics/messages.js";
import { accountSuggester } from "../../src/core/nearest-names.js";
import { message } from "../../src/i18n/message.js";
import { nonTransactions } from "../../src/core/non-transactions.js";
import { referencedAccounts } from "../../src/validation/accounts.js";

function allowedAfterClose(entry: LedgerEntry): boolean {
  return entry.type === "balance" || entry.type === "document" || entry.type === "note";
}

/** Open/close bookkeeping and references to unknown or inactive accounts (entries sorted). */
export function validateAccounts(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const opens = new Map<string, Open>();
  const closes = new Map<string, Close>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "open") {
      if (opens.has(entry.account)) diagnostics.push(error("duplicate-open", message("duplicate-open", { account: entry.account }), entry.span));
      else opens.set(entry.account, entry);
    } else if (entry.type === "close") {
      if (closes.has(entry.account)) diagnostics.push(error("duplicate-close", message("duplicate-close", { account: entry.account }), entry.span));
      else closes.set(entry.account, entry);
      const open = opens.get(entry.account);
      if (open === undefined) diagnostics.push(error("close-unopened", message("close-unopened", { account: entry.account }), entry.span));
      else if (entry.date < open.date) diagnostics.push(error("close-before-open", message("close-before-open", { account: entry.account }), entry.span));
    }
  }
  // Each account's open and close dates, looked up once per posting.
  const active = new Map<string, { readonly from: string; readonly to: string | null }>();
  for (const [account, open] of opens) active.set(account, { from: open.date, to: closes.get(account)?.date ?? null });
  const suggest = accountSuggester(opens.keys());
  // (`date`: the entry's, read once per entry: a compact transaction reads it from its chunk.)
  const check = (entry: LedgerEntry, account: string, date: string): void => {
    const range = active.get(account);
    if (range === undefined) {
      diagnostics.push(error(CODES.unknownAccount, MESSAGES.unknownAccount(account, suggest(account)), entry.span));
      return;
    }
    if (date < range.from || (range.to !== null && date > range.to && !allowedAfterClose(entry))) {
      diagnostics.push(error("inactive-account", message("inactive-account", { account }), entry.span));
    }
  };
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position]!;
    if (entry.type === "open" || entry.type === "close") continue;
    if (entry.type !== "transaction") {
      const accounts = referencedAccounts(entry);
      for (let index = 0; index < accounts.length; index++) {
        if (accounts.indexOf(accounts[index]!) === index) check(entry, accounts[index]!, entry.date);
      }
      continue;
    }
    // Transactions are most entries: their postings are walked in place, each account once.
    const date = entry.date;
    if (entry instanceof PlainTransaction) {
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        const account = entry.accountAt(at);
        let repeated = false;
        for (let earlier = entry.firstPosting(); earlier !== at && !repeated; earlier = entry.nextPosting(earlier)) repeated = entry.accountAt(earlier) === account;
        if (!repeated) check(entry, account, date);
      }
      continue;
    }
    const postings = entry.postings;
    for (let index = 0; index < postings.length; index++) {
      const account = postings[index]!.account;
      let repeated = false;
      for (let earlier = 0; earlier < index && !repeated; earlier++) repeated = postings[earlier]!.account === account;
      if (!repeated) check(entry, account, date);
    }
  }
  return diagnostics;
}

export function validateCurrencyConstraints(entries: readonly LedgerEntry[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const allowed = new Map<string, ReadonlySet<string>>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "open" && entry.currencies.length > 0 && !allowed.has(entry.account)) {
      allowed.set(entry.account, new Set(entry.currencies));
    }
  }
  if (allowed.size === 0) return diagnostics;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        const currencies = allowed.get(entry.accountAt(at));
        const currency = entry.bookedCurrencyAt(at);
        if (currencies !== undefined && !currencies.has(currency)) {
          diagnostics.push(error("currency-constraint", message("currency-constraint", { currency, account: entry.accountAt(at) }), entry.span));
        }
      }
      continue;
    }
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const currencies = allowed.get(posting.account);
      if (currencies !== undefined && !currencies.has(posting.units.currency)) {
        diagnostics.push(error("currency-constraint", message("currency-constraint", { currency: posting.units.currency, account: posting.account }), entry.span));
      }
    }
  }
  return diagnostics;
}
