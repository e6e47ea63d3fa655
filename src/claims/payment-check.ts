// The journal as it would be after a payment is appended, checked before anything is written.
// The payment's text is read back (it must parse to exactly the planned transaction), booked, and
// put where the loader would sort it (date, type, line); the pads are worked out again and the
// loader's later stages (balance assertions, open and close, currency constraints, balancing) and
// every domain check (`no-negative` accounts among them) run over the result. Errors that the
// journal did not have before are the payment's problems.
import type { BookedTransaction, LedgerEntry } from "../core/data.js";
import { typeOrder } from "../core/data.js";
import { Decimal } from "../core/number.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ledger } from "../loader/load.js";
import { parseSource } from "../parser/parse.js";
import { bookEntries } from "../booking/book.js";
import { checkTransactionBalances } from "../booking/residual.js";
import { validateAccountsAndCurrencies } from "../validation/accounts.js";
import { runDomainChecks, type DomainContext } from "../validation/domain.js";
import { locate } from "../source/location.js";
import { nonTransactions } from "../core/non-transactions.js";
import type { PaymentPlan } from "./payment-plan.js";
import { padAndAssert, withoutPadding } from "./posting.js";

export interface PaymentCheck {
  /** Errors the journal would have after the payment that it does not have now. */
  readonly problems: readonly Diagnostic[];
  /** The name the payment's own spans carry (it is not in any file yet): its problems name it. */
  readonly paymentFile: string;
}

const keyOf = (diagnostic: Diagnostic): string => `${diagnostic.code}\u0000${diagnostic.span?.file ?? ""}\u0000${diagnostic.span?.start ?? -1}`;

/** Each account's net in each commodity, as "account currency" -> amount. */
function nets(postings: readonly { account: string; units: { number: Decimal; currency: string } }[]): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const posting of postings) {
    const key = `${posting.account} ${posting.units.currency}`;
    sums.set(key, (sums.get(key) ?? new Decimal(0)).plus(posting.units.number));
  }
  return sums;
}

/** The postings the plan asks for, to compare with what the text reads back as. */
function plannedPostings(plan: PaymentPlan): { account: string; units: { number: Decimal; currency: string } }[] {
  const postings: { account: string; units: { number: Decimal; currency: string } }[] = [];
  for (const employee of plan.employees) {
    postings.push({ account: employee.payee.account, units: { number: employee.owed, currency: employee.currency } });
    if (employee.offset !== null) postings.push({ account: employee.offset.account, units: { number: employee.offset.amount.neg(), currency: employee.currency } });
  }
  for (const total of plan.totals) postings.push({ account: plan.from, units: { number: total.amount.neg(), currency: total.currency } });
  return postings;
}

/** Read the payment's text back: a writer must never write something other than what it planned. */
function readBack(text: string, file: string, plan: PaymentPlan, ledger: Ledger): BookedTransaction {
  // Read with its final line end, as it is written: the direct reader (parser/direct.ts) reads a
  // transaction whose last line ends, and gives what the grammar gives for it, which is otherwise
  // built (its self-analysis alone a few dozen milliseconds) for this one transaction.
  const parsed = parseSource(`${text}\n`, file);
  const transaction = parsed.directives[0];
  const fail = (why: string) => new Error(`the payment written for ${plan.claims.join(" ")} does not read back as planned: ${why}`);
  if (parsed.diagnostics.length > 0 || parsed.directives.length !== 1 || transaction?.type !== "transaction") throw fail(parsed.diagnostics[0]?.message ?? "not one transaction");
  const booked = bookEntries([transaction], ledger.options);
  const entry = booked.value[0];
  if (booked.diagnostics.length > 0 || entry?.type !== "transaction") throw fail(booked.diagnostics[0]?.message ?? "not booked");
  const want = nets(plannedPostings(plan));
  const got = nets(entry.booked);
  const same = want.size === got.size && [...want].every(([key, value]) => got.get(key)?.equals(value) === true);
  if (!same || entry.date !== plan.date || entry.links.join(" ") !== plan.claims.join(" ")) throw fail("its date, links or amounts differ");
  return entry;
}

/**
 * Where the loader would put an entry dated `date` at line `line` of a file: after every entry that
 * sorts before it by (date, type, line), as beancount sorts.
 */
function insertionIndex(entries: readonly LedgerEntry[], date: string, line: number, ledger: Ledger): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[middle]!.date <= date) low = middle + 1;
    else high = middle;
  }
  let index = low;
  while (index > 0) {
    const previous = entries[index - 1]!;
    if (previous.date !== date) break;
    const order = typeOrder(previous);
    if (order < 0) break;
    if (order === 0) {
      const source = ledger.sources.get(previous.span.file);
      if (source === undefined || locate(source, previous.span.start).line <= line) break;
    }
    index--;
  }
  return index;
}

/**
 * The diagnostics of the journal with the payment among its entries: pads made again, balance
 * assertions, accounts and currencies, balancing and the domain checks, each over every entry.
 */
function afterRechecking(ledger: Ledger, payment: BookedTransaction, date: string, line: number, context: DomainContext): Diagnostic[] {
  const unpadded = withoutPadding(ledger.entries);
  const at = insertionIndex(unpadded, date, line, ledger);
  const { entries, diagnostics: padsAndAssertions } = padAndAssert([...unpadded.slice(0, at), payment, ...unpadded.slice(at)], ledger.options);
  return [
    ...padsAndAssertions,
    ...validateAccountsAndCurrencies(entries),
    ...checkTransactionBalances(entries, ledger.options),
    ...runDomainChecks({ ...ledger, entries }, context),
  ];
}

/**
 * Whether the loader's stages can find no new error but in the payment itself: the journal has no
 * pad (so none is made again, and no padding changes), no balance assertion after the payment's
 * day (one on that day is checked before the day's transactions: every assertion sees the amounts
 * it saw when the journal was loaded), and its pads and assertions were checked when it was loaded
 * (not plugin_processing_mode "raw"). The journal loaded without errors (pay stops on any).
 */
function onlyThePayment(ledger: Ledger, date: string): boolean {
  if (ledger.options.raw.get("plugin_processing_mode")?.at(-1) === "raw") return false;
  for (const entry of nonTransactions(ledger.entries)) {
    if (entry.type === "pad" || (entry.type === "balance" && entry.date > date)) return false;
  }
  return true;
}

/**
 * afterRechecking's diagnostics, errors alike and in the same order, when onlyThePayment: no pads
 * and assertions to check again (padAndAssert would give the entries with the payment and no
 * error); accounts and currencies checked for the payment among the entries that are not
 * transactions (an entry's problems depend only on itself and the opens and closes, and every other
 * entry's were found without error at load); the payment's own balance (each transaction is checked
 * on its own); the domain checks over every entry, as before.
 */
function afterAppending(ledger: Ledger, payment: BookedTransaction, line: number, context: DomainContext): Diagnostic[] {
  const at = insertionIndex(ledger.entries, payment.date, line, ledger);
  const entries = [...ledger.entries.slice(0, at), payment, ...ledger.entries.slice(at)];
  return [
    ...validateAccountsAndCurrencies([...nonTransactions(ledger.entries), payment]),
    ...checkTransactionBalances([payment], ledger.options),
    ...runDomainChecks({ ...ledger, entries }, context),
  ];
}

/**
 * The errors of the journal with the payment `text` appended (checkPayment), and the name its
 * spans carry. `everything`: every stage over every entry even when onlyThePayment (the tests
 * compare the two).
 */
export function errorsAfterPayment(
  ledger: Ledger, plan: PaymentPlan, file: string, text: string, line: number, context: DomainContext, everything = false,
): { errors: Diagnostic[]; paymentFile: string } {
  const paymentFile = `${file} (the payment)`;
  const payment = readBack(text, paymentFile, plan, ledger);
  const after = !everything && onlyThePayment(ledger, plan.date)
    ? afterAppending(ledger, payment, line, context)
    : afterRechecking(ledger, payment, plan.date, line, context);
  return { errors: after.filter((diagnostic) => diagnostic.severity === "error"), paymentFile };
}

/**
 * Check the journal with the payment `text` appended so that its first line is line `line` of the
 * file `file`.
 */
export function checkPayment(ledger: Ledger, plan: PaymentPlan, file: string, text: string, line: number, context: DomainContext): PaymentCheck {
  const { errors, paymentFile } = errorsAfterPayment(ledger, plan, file, text, line, context);
  // The journal as it is is checked only when the payment's journal has errors to compare (the
  // domain checks run over every entry: a second run for nothing doubles the cost of a clean payment).
  if (errors.length === 0) return { problems: [], paymentFile };
  const known = new Set([...ledger.diagnostics, ...runDomainChecks(ledger, context)].map(keyOf));
  const problems = errors.filter((diagnostic) => !known.has(keyOf(diagnostic)));
  return { problems, paymentFile };
}
