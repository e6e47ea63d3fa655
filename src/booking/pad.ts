// Pad directives (beancount's ops/pad.py): a pad stands for the transaction, dated the pad's
// day and flagged 'P', that makes the next balance assertion hold.
//
// For each padded account, a running balance of the account and all its sub-accounts is kept
// over the entries in order. A pad of the account makes it active and clears the currencies
// already padded. At a balance assertion of the account or of any sub-account, if the running
// balance in that currency is off by more than the assertion's tolerance, an active pad that
// has not padded this currency yet inserts the difference (expected minus running balance,
// into the padded account itself, against the pad's source account). Every assertion then marks
// its currency as padded. A pad that inserted nothing is an "Unused Pad entry".
// Generated transactions follow their pad in the entries.
import { message } from "../i18n/message.js";
import type { BookedPosting, BookedTransaction, LedgerEntry, Pad, Posting } from "../core/data.js";
import type { ScaledNumber } from "../core/number.js";
import type { LedgerOptions } from "../core/options.js";
import { negate, subtract } from "../core/scaled.js";
import { error, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { formatAmount } from "./format.js";
import { Inventory } from "./inventory.js";
import { ToleranceRules } from "./tolerance.js";
import { nonTransactions } from "../core/non-transactions.js";

/** The running state of one padded account. */
interface PaddedAccount {
  readonly account: string;
  readonly balance: Inventory;
  active: Pad | null;
  padded: Set<string>;
}

/** The padded accounts that are `account` or one of its parents, cached per account. */
function paddedAncestors(
  account: string,
  padded: ReadonlyMap<string, PaddedAccount>,
  cache: Map<string, readonly PaddedAccount[]>,
): readonly PaddedAccount[] {
  let found = cache.get(account);
  if (found !== undefined) return found;
  const list: PaddedAccount[] = [];
  let end = account.length;
  for (;;) {
    const state = padded.get(end === account.length ? account : account.slice(0, end));
    if (state !== undefined) list.push(state);
    end = account.lastIndexOf(":", end - 1);
    if (end <= 0) break;
  }
  found = list;
  cache.set(account, found);
  return found;
}

function syntheticPosting(pad: Pad, account: string, number: ScaledNumber, currency: string): BookedPosting {
  const source: Posting = {
    span: pad.span,
    flag: null,
    account,
    units: { number: number.value, scale: number.scale, currency },
    costSpec: null,
    costIsTotal: false,
    price: null,
    priceIsTotal: false,
    meta: [],
  };
  return {
    source,
    account,
    units: { number: number.value, scale: number.scale, currency },
    cost: null,
    price: null,
    interpolated: false,
  };
}

function paddingTransaction(pad: Pad, expected: string, difference: ScaledNumber, currency: string): BookedTransaction {
  const booked = [
    syntheticPosting(pad, pad.account, difference, currency),
    syntheticPosting(pad, pad.sourceAccount, negate(difference), currency),
  ];
  return {
    type: "transaction",
    date: pad.date,
    span: pad.span,
    meta: pad.meta,
    flag: "P",
    payee: null,
    narration: `(Padding inserted for Balance of ${expected} for difference ${formatAmount(difference.value, difference.scale, currency)})`,
    tags: [],
    links: [],
    postings: booked.map((posting) => posting.source),
    booked,
  };
}

/** Insert the padding transactions; report pads at cost and unused pads. */
export function applyPads(entries: readonly LedgerEntry[], options: LedgerOptions): Result<LedgerEntry[]> {
  const padded = new Map<string, PaddedAccount>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "pad" && !padded.has(entry.account)) {
      padded.set(entry.account, { account: entry.account, balance: new Inventory(), active: null, padded: new Set() });
    }
  }
  if (padded.size === 0) return { value: entries.slice(), diagnostics: [] };

  const rules = new ToleranceRules(options);
  const cache = new Map<string, readonly PaddedAccount[]>();
  const generated = new Map<Pad, BookedTransaction[]>();
  const atCost: { account: string; diagnostic: Diagnostic }[] = [];

  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.type === "transaction") {
      for (const posting of entry.booked) {
        const states = paddedAncestors(posting.account, padded, cache);
        for (const state of states) state.balance.add(posting.units, posting.cost);
      }
    } else if (entry.type === "pad") {
      const state = padded.get(entry.account)!;
      state.active = entry;
      state.padded = new Set();
    } else if (entry.type === "balance") {
      const expected = entry.amount;
      for (const state of paddedAncestors(entry.account, padded, cache)) {
        const current = state.balance.unitsOf(expected.currency);
        const difference = subtract(current, { value: expected.number, scale: expected.scale });
        const pad = state.active;
        if (difference.value.abs().gt(rules.balanceTolerance(entry)) && pad !== null && !state.padded.has(expected.currency)) {
          for (const position of state.balance) {
            if (position.units.currency !== expected.currency || position.cost === null) continue;
            atCost.push({
              account: state.account,
              diagnostic: error("pad-at-cost", message("pad-at-cost", { balance: state.balance.toString() }), entry.span),
            });
          }
          const amount = subtract({ value: expected.number, scale: expected.scale }, current);
          const transaction = paddingTransaction(pad, formatAmount(expected.number, expected.scale, expected.currency), amount, expected.currency);
          let list = generated.get(pad);
          if (list === undefined) {
            list = [];
            generated.set(pad, list);
          }
          list.push(transaction);
          state.balance.add(transaction.booked[0]!.units, null);
        }
        state.padded.add(expected.currency);
      }
    }
  }

  // beancount reports per padded account in name order, then the unused pads in entry order.
  atCost.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  const diagnostics: Diagnostic[] = atCost.map((item) => item.diagnostic);
  const result: LedgerEntry[] = [];
  for (const entry of entries) {
    result.push(entry);
    if (entry.type !== "pad") continue;
    const inserted = generated.get(entry);
    if (inserted === undefined) diagnostics.push(error("unused-pad", message("unused-pad", {}), entry.span));
    else for (const transaction of inserted) result.push(transaction);
  }
  return { value: result, diagnostics };
}
