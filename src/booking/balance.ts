// Balance assertions (beancount's ops/balance.py). Entries are sorted so that an assertion comes
// before its day's transactions: it checks the balance at the start of its day. The balance of
// an account includes its sub-accounts; only the asserted currency is compared, within the
// assertion's tolerance (explicit `~`, else one unit of its last digit, else exact).
import { message } from "../i18n/message.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { LedgerEntry, Open } from "../core/data.js";
import type { LedgerOptions } from "../core/options.js";
import { subtract, pythonString, absolute } from "../core/scaled.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { accountSuggester } from "../core/nearest-names.js";
import { formatAmount } from "./format.js";
import { Inventory } from "./inventory.js";
import { ToleranceRules } from "./tolerance.js";
import { nonTransactions } from "../core/non-transactions.js";

/** Whether `account` is `parent` or below it. */
function isWithin(account: string, parent: string): boolean {
  return account === parent || (account.length > parent.length && account.charCodeAt(parent.length) === 58 && account.startsWith(parent));
}

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

/** The running balances of the asserted accounts and their sub-accounts. */
class AssertedBalances {
  private readonly asserted: ReadonlySet<string>;
  /** Per tracked account, its running inventory; null for an account that is not tracked. */
  private readonly byAccount = new Map<string, Inventory | null>();
  /** Per asserted account, the tracked accounts of its subtree in tree order (null: re-sort). */
  private readonly subtrees = new Map<string, string[]>();
  private readonly sorted = new Set<string>();

  constructor(asserted: ReadonlySet<string>) {
    this.asserted = asserted;
  }

  /** The inventory of `account`, or null when no assertion covers it. */
  inventoryOf(account: string): Inventory | null {
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
    const inventory = tracked ? new Inventory() : null;
    this.byAccount.set(account, inventory);
    return inventory;
  }

  /** The balance of an asserted account and its sub-accounts. */
  subtreeBalance(account: string): Inventory {
    this.inventoryOf(account);
    const subtree = this.subtrees.get(account) ?? [];
    if (!this.sorted.has(account)) {
      subtree.sort(compareTreeOrder);
      this.sorted.add(account);
    }
    if (subtree.length === 1) return this.byAccount.get(subtree[0]!) ?? new Inventory();
    const total = new Inventory();
    for (const member of subtree) {
      const inventory = this.byAccount.get(member);
      if (inventory) total.addInventory(inventory);
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
        // (The units are made only for an account that is asserted.)
        const inventory = balances.inventoryOf(entry.accountAt(at));
        if (inventory !== null) inventory.add(entry.bookedUnitsAt(at), null);
      }
      continue;
    }
    if (entry.type === "transaction") {
      for (const posting of entry.booked) balances.inventoryOf(posting.account)?.add(posting.units, posting.cost);
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
