// Balance assertions (beancount's ops/balance.py). Entries are sorted so that an assertion comes
// before its day's transactions: it checks the balance at the start of its day. The balance of
// an account includes its sub-accounts; only the asserted currency is compared, within the
// assertion's tolerance (explicit `~`, else one unit of its last digit, else exact).
import { message } from "../i18n/message.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Amount, Cost, LedgerEntry, Open } from "../core/data.js";
import { ScaledAmount, sumAtScale } from "../core/amount.js";
import type { LedgerOptions } from "../core/options.js";
import { subtract, pythonString, absolute } from "../core/scaled.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { accountSuggester } from "../core/nearest-names.js";
import { formatAmount } from "./format.js";
import { Inventory } from "./inventory.js";
import { ToleranceRules } from "./tolerance.js";
import { nonTransactions } from "../core/non-transactions.js";

/** beancount walks an account tree depth-first, children in name order. */
function compareTreeOrder(a: string, b: string): number {
  const partsA = a.split(":");
  const partsB = b.split(":");
  const length = Math.min(partsA.length, partsB.length);
  for (let index = 0; index < length; index++) {
    if (partsA[index] !== partsB[index]) return partsA[index]! < partsB[index]! ? -1 : 1;
  }
  return partsA.length - partsB.length;
}

/**
 * The running balance of one tracked account: what an Inventory would hold, kept as scaled integers
 * per currency while every addition is a ScaledAmount without cost whose sum stays safe (no object
 * made per posting), else moved into an Inventory for good. Positions are kept in the order an
 * Inventory keeps them: a currency whose sum reaches zero is removed, as its position would be.
 */
export class AccountBalance {
  private currencies: string[] = [];
  private scaled: number[] = [];
  private scales: number[] = [];
  /** Once set, the balance (the arrays above are then empty). */
  private inventory: Inventory | null = null;

  /** Add `scaled` × 10^-scale of `currency` (a safe integer), held without cost. */
  addScaled(currency: string, scaled: number, scale: number): void {
    if (this.inventory !== null) {
      this.inventory.add(new ScaledAmount(scaled, scale, currency), null);
      return;
    }
    const currencies = this.currencies;
    let index = 0;
    while (index < currencies.length && currencies[index] !== currency) index++;
    if (index === currencies.length) {
      // (Inventory.add ignores a zero addition to a currency it does not hold.)
      if (scaled === 0) return;
      currencies.push(currency);
      this.scaled.push(scaled);
      this.scales.push(scale);
      return;
    }
    const sum = sumAtScale(this.scaled[index]!, this.scales[index]!, scaled, scale);
    if (Number.isNaN(sum)) {
      this.toInventory().add(new ScaledAmount(scaled, scale, currency), null);
    } else if (sum === 0) {
      currencies.splice(index, 1);
      this.scaled.splice(index, 1);
      this.scales.splice(index, 1);
    } else {
      this.scaled[index] = sum;
      if (scale > this.scales[index]!) this.scales[index] = scale;
    }
  }

  /** Inventory.add(units, cost). */
  add(units: Amount, cost: Cost | null): void {
    if (cost === null && units instanceof ScaledAmount) this.addScaled(units.currency, units.scaled, units.scale);
    else this.toInventory().add(units, cost);
  }

  /** The balance as an Inventory (the live one once there is one; else made now, not kept). */
  snapshot(): Inventory {
    if (this.inventory !== null) return this.inventory;
    const inventory = new Inventory();
    for (let index = 0; index < this.currencies.length; index++) inventory.add(new ScaledAmount(this.scaled[index]!, this.scales[index]!, this.currencies[index]!), null);
    return inventory;
  }

  private toInventory(): Inventory {
    if (this.inventory === null) {
      this.inventory = this.snapshot();
      this.currencies = [];
      this.scaled = [];
      this.scales = [];
    }
    return this.inventory;
  }
}

/** The running balances of the asserted accounts and their sub-accounts. */
class AssertedBalances {
  private readonly asserted: ReadonlySet<string>;
  /** Per tracked account, its running balance; null for an account that is not tracked. */
  private readonly byAccount = new Map<string, AccountBalance | null>();
  /** Per asserted account, the tracked accounts of its subtree in tree order (null: re-sort). */
  private readonly subtrees = new Map<string, string[]>();
  private readonly sorted = new Set<string>();

  constructor(asserted: ReadonlySet<string>) {
    this.asserted = asserted;
  }

  /** The balance of `account`, or null when no assertion covers it. */
  balanceOf(account: string): AccountBalance | null {
    const known = this.byAccount.get(account);
    if (known !== undefined) return known;
    let tracked = false;
    for (let end = account.length; end > 0; end = account.lastIndexOf(":", end - 1)) {
      const ancestor = end === account.length ? account : account.slice(0, end);
      if (!this.asserted.has(ancestor)) continue;
      tracked = true;
      let subtree = this.subtrees.get(ancestor);
      if (subtree === undefined) {
        subtree = [];
        this.subtrees.set(ancestor, subtree);
      }
      subtree.push(account);
      this.sorted.delete(ancestor);
    }
    const balance = tracked ? new AccountBalance() : null;
    this.byAccount.set(account, balance);
    return balance;
  }

  /** The balance of an asserted account and its sub-accounts. */
  subtreeBalance(account: string): Inventory {
    this.balanceOf(account);
    const subtree = this.subtrees.get(account) ?? [];
    if (!this.sorted.has(account)) {
      subtree.sort(compareTreeOrder);
      this.sorted.add(account);
    }
    if (subtree.length === 1) return this.byAccount.get(subtree[0]!)?.snapshot() ?? new Inventory();
    const total = new Inventory();
    for (const member of subtree) {
      const balance = this.byAccount.get(member);
      if (balance) total.addInventory(balance.snapshot());
    }
    return total;
  }
}

/** Check every balance assertion; failures are reported at the assertion. */
export function checkBalanceAssertions(entries: readonly LedgerEntry[], options: LedgerOptions): Diagnostic[] {
  const asserted = new Set<string>();
  const opens = new Map<string, Open>();
  for (const entry of nonTransactions(entries)) {
    if (entry.type === "balance") asserted.add(entry.account);
    else if (entry.type === "open" && !opens.has(entry.account)) opens.set(entry.account, entry);
  }
  const diagnostics: Diagnostic[] = [];
  if (asserted.size === 0) return diagnostics;

  const rules = new ToleranceRules(options);
  const balances = new AssertedBalances(asserted);
  const suggest = accountSuggester(opens.keys());
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry instanceof PlainTransaction && entry.bookedAsPostings) {
      for (let at = entry.firstPosting(); at >= 0; at = entry.nextPosting(at)) {
        // (Units written as a scaled integer are added in place; others are made, only for an
        // account that is asserted.)
        const balance = balances.balanceOf(entry.accountAt(at));
        if (balance === null) continue;
        const scaled = entry.scaledAt(at);
        if (Number.isNaN(scaled)) balance.add(entry.bookedUnitsAt(at), null);
        else balance.addScaled(entry.currencyAt(at), scaled, entry.scaleAt(at));
      }
      continue;
    }
    if (entry.type === "transaction") {
      for (const posting of entry.booked) balances.balanceOf(posting.account)?.add(posting.units, posting.cost);
      continue;
    }
    if (entry.type !== "balance") continue;
    const expected = entry.amount;
    const open = opens.get(entry.account);
    if (open === undefined) {
      diagnostics.push(error(CODES.balanceUnknownAccount, MESSAGES.balanceUnknownAccount(entry.account, suggest(entry.account)), entry.span));
      continue;
    }
    if (open.currencies.length > 0 && !open.currencies.includes(expected.currency)) {
      diagnostics.push(error("balance-currency", message("balance-currency", { currency: expected.currency }), entry.span));
    }
    const current = balances.subtreeBalance(entry.account).unitsOf(expected.currency);
    const difference = subtract(current, { value: expected.number, scale: expected.scale });
    if (difference.value.abs().lte(rules.balanceTolerance(entry))) continue;
    diagnostics.push(error("balance-failed", message("balance-failed", {
      account: entry.account,
      expected: formatAmount(expected.number, expected.scale, expected.currency),
      accumulated: formatAmount(current.value, current.scale, expected.currency),
      difference: pythonString(absolute(difference)),
      tooMuch: difference.value.isPositive() && !difference.value.isZero(),
    }), entry.span));
  }
  return diagnostics;
}
