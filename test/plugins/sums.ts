// What the plugin tests compare with beancount's frozen answers: per-account sums, prices, errors.
import type { LedgerEntry } from "../../src/core/data.js";
import { Decimal } from "../../src/core/number.js";

/** [account, commodity, amount] per non-zero sum of the transactions' units, sorted as Python sorts. */
export function unitSums(entries: readonly LedgerEntry[]): [string, string, string][] {
  const totals = new Map<string, { account: string; currency: string; sum: Decimal }>();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const key = `${posting.account}\u0000${posting.units.currency}`;
      const total = totals.get(key);
      if (total === undefined) totals.set(key, { account: posting.account, currency: posting.units.currency, sum: posting.units.number });
      else total.sum = total.sum.plus(posting.units.number);
    }
  }
  return [...totals.values()]
    .filter((total) => !total.sum.isZero())
    .sort((a, b) => (a.account !== b.account ? (a.account < b.account ? -1 : 1) : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((total) => [total.account, total.currency, total.sum.toFixed()]);
}

/** The same rules as normalized() of scripts/freeze-plugin-fixtures.py. */
export function normalizedMessage(message: string): string {
  const first = message.split("\n")[0]!.replaceAll(`${process.cwd()}/`, "");
  if (first.startsWith("Duplicate entry")) return "Duplicate entry";
  if (first.startsWith("Could not match position")) return "Could not match position";
  const plugin = /^(Error (?:importing|applying plugin) "[^"]*")/.exec(first);
  if (plugin !== null) return plugin[1]!;
  const currencies = /^(More than one (?:cost )?currency in account '[^']*'): (.*)$/.exec(first);
  if (currencies !== null) return `${currencies[1]}: ${currencies[2]!.split(",").sort().join(",")}`;
  const options = /^(.*; valid options: )(.*)$/.exec(first);
  if (options !== null) return `${options[1]}${options[2]!.split(", ").sort().join(", ")}`;
  return first;
}
