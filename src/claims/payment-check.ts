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
  const parsed = parseSource(text, file);
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
 * Check the journal with the payment `text` appended so that its first line is line `line` of the
 * file `file`.
 */
export function checkPayment(ledger: Ledger, plan: PaymentPlan, file: string, text: string, line: number, context: DomainContext): PaymentCheck {
  const paymentFile = `${file} (the payment)`;
  const payment = readBack(text, paymentFile, plan, ledger);
  const unpadded = withoutPadding(ledger.entries);
  const at = insertionIndex(unpadded, plan.date, line, ledger);
  const { entries, diagnostics: padsAndAssertions } = padAndAssert([...unpadded.slice(0, at), payment, ...unpadded.slice(at)], ledger.options);
  const after = [
    ...padsAndAssertions,
    ...validateAccountsAndCurrencies(entries),
    ...checkTransactionBalances(entries, ledger.options),
    ...runDomainChecks({ ...ledger, entries }, context),
  ];
  // The journal as it is is checked only when the payment's journal has errors to compare (the
  // domain checks run over every entry: a second run for nothing doubles the cost of a clean payment).
  const errors = after.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length === 0) return { problems: [], paymentFile };
  const known = new Set([...ledger.diagnostics, ...runDomainChecks(ledger, context)].map(keyOf));
  const problems = errors.filter((diagnostic) => !known.has(keyOf(diagnostic)));
  return { problems, paymentFile };
}
