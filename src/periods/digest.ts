// What a month's close records about the month, to tell later whether anything in it changed.
//
// The digest is a sha256 over the month's entries as booked: every entry of the books dated in the
// month (transactions, the ones pads generate among them, and opens, closes, balances, pads, notes,
// documents, events, queries, prices and custom directives; not the period directives themselves).
// Each entry is written out canonically, so that neither whitespace, nor how a number is written
// (`1,000.0` is `1000`), nor an elided amount written out, nor where the entry stands in which
// file changes it: transactions give date, flag, payee, narration, tags and links (sorted), their
// metadata (sorted by key) and each posting as booked (account, units, cost, price, flag, its
// metadata). The `voucher` metadata is left out: numbering the month must not change it. The
// entries' texts are sorted before hashing.
//
// The totals are each account's movement in the month (the sum of its postings' units, per
// commodity), recorded on the close so that a change can be told as the accounts whose totals
// differ, as "ACCOUNT NUMBER COMMODITY" joined by "; ".
import { addToAccountSums, type AccountSum } from "../core/account-sums.js";
import type { Hash } from "node:crypto";
import type { Amount, BookedPosting, LedgerEntry, MetaEntry, MetaValue } from "../core/data.js";
import { ScaledAmount } from "../core/amount.js";
import { Decimal } from "../core/number.js";
import { isPeriodDirective, lastDayOf, type Month } from "./directives.js";
import { VOUCHER_KEY } from "./numbering.js";

// node:crypto (15-20 ms of CPU to load) when a digest is first made, not when every `check` starts.
const createHash = (algorithm: string): Hash => process.getBuiltinModule("node:crypto").createHash(algorithm);

/** The entries of the books dated in `month` (the entries are sorted by date), period directives left out. */
export function monthEntries(entries: readonly LedgerEntry[], month: Month): LedgerEntry[] {
  const first = `${month}-01`;
  const last = lastDayOf(month);
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[middle]!.date < first) low = middle + 1;
    else high = middle;
  }
  const found: LedgerEntry[] = [];
  for (let index = low; index < entries.length && entries[index]!.date <= last; index++) {
    const entry = entries[index]!;
    if (!isPeriodDirective(entry)) found.push(entry);
  }
  return found;
}

const number = (value: Decimal): string => (value.isZero() ? "0" : value.toFixed());

/**
 * An amount's number as `number` writes it, read from the scaled integer when the amount has one
 * (most do: see core/amount.ts), which spares making a decimal per posting.
 */
function unitsNumber(amount: Amount): string {
  if (!(amount instanceof ScaledAmount)) return number(amount.number);
  const { scaled, scale } = amount;
  if (scaled === 0) return "0";
  if (scale === 0) return String(scaled);
  const digits = String(Math.abs(scaled)).padStart(scale + 1, "0");
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${scaled < 0 ? "-" : ""}${digits.slice(0, digits.length - scale)}${fraction === "" ? "" : `.${fraction}`}`;
}

// The canonical text of an entry: fields joined by "|", every free text (payee, narration, string
// values, comments) JSON-quoted, so that no text can pass for a separator; accounts, currencies,
// tags, links, keys and dates cannot hold one.
const quote = JSON.stringify;

function metaValueText(value: MetaValue): string {
  switch (value.type) {
    case "string": return quote(value.value);
    case "number": return `#${number(value.value)}`;
    case "amount": return `#${number(value.value.number)} ${value.value.currency}`;
    case "bool": return value.value ? "TRUE" : "FALSE";
    case "null": return "NULL";
    default: return `${value.type}:${value.value}`;
  }
}

/** The metadata as `key=value` sorted and joined, leaving out `leaveOut`. */
function metaText(meta: readonly MetaEntry[], leaveOut: string | null): string {
  if (meta.length === 0) return "";
  if (meta.length === 1) return meta[0]!.key === leaveOut ? "" : `${meta[0]!.key}=${metaValueText(meta[0]!.value)}`;
  const pairs: string[] = [];
  for (const entry of meta) if (entry.key !== leaveOut) pairs.push(`${entry.key}=${metaValueText(entry.value)}`);
  return pairs.sort().join(",");
}

const sorted = (labels: readonly string[]): string => (labels.length < 2 ? labels.join(" ") : [...labels].sort().join(" "));

function postingText(posting: BookedPosting): string {
  let text = `${posting.account} ${unitsNumber(posting.units)} ${posting.units.currency}`;
  if (posting.cost !== null) text += ` {${number(posting.cost.number)} ${posting.cost.currency} ${posting.cost.date} ${posting.cost.label === null ? "-" : quote(posting.cost.label)}}`;
  if (posting.price !== null) text += ` @${number(posting.price.number)} ${posting.price.currency}`;
  if (posting.source.flag !== null) text += ` !${posting.source.flag}`;
  const meta = posting.source.meta;
  return meta.length === 0 ? text : `${text} [${metaText(meta, null)}]`;
}

/** One entry, canonically (it starts with its date, so sorting the texts of entries in date order only reorders a day's). */
function entryText(entry: LedgerEntry): string {
  const head = `${entry.date}|${entry.type}`;
  switch (entry.type) {
    case "transaction": {
      let text = `${head}|${entry.flag}|${entry.payee === null ? "-" : quote(entry.payee)}|${quote(entry.narration)}|${sorted(entry.tags)}|${sorted(entry.links)}|${metaText(entry.meta, VOUCHER_KEY)}`;
      for (const posting of entry.booked) text += `|${postingText(posting)}`;
      return text;
    }
    case "open": return `${head}|${entry.account}|${sorted(entry.currencies)}|${entry.booking ?? "-"}|${metaText(entry.meta, null)}`;
    case "close": return `${head}|${entry.account}|${metaText(entry.meta, null)}`;
    case "commodity": return `${head}|${entry.currency}|${metaText(entry.meta, null)}`;
    case "balance":
      return `${head}|${entry.account}|${number(entry.amount.number)} ${entry.amount.currency}|${entry.tolerance === null ? "-" : number(entry.tolerance)}|${metaText(entry.meta, null)}`;
    case "pad": return `${head}|${entry.account}|${entry.sourceAccount}|${metaText(entry.meta, null)}`;
    case "note": return `${head}|${entry.account}|${quote(entry.comment)}|${metaText(entry.meta, null)}`;
    case "document": return `${head}|${entry.account}|${quote(entry.filename)}|${sorted(entry.tags)}|${sorted(entry.links)}|${metaText(entry.meta, null)}`;
    case "event": return `${head}|${quote(entry.eventType)}|${quote(entry.description)}|${metaText(entry.meta, null)}`;
    case "query": return `${head}|${quote(entry.name)}|${quote(entry.queryString)}|${metaText(entry.meta, null)}`;
    case "price": return `${head}|${entry.currency}|${number(entry.amount.number)} ${entry.amount.currency}|${metaText(entry.meta, null)}`;
    case "custom": return `${head}|${quote(entry.customType)}|${entry.values.map(metaValueText).join(" ")}|${metaText(entry.meta, null)}`;
  }
}

/**
 * An entry's canonical text, kept per entry object: writers check the books several times over,
 * mostly with the same entry objects, and the entries of the books never change once loaded.
 */
const texts = new WeakMap<LedgerEntry, string>();
function cachedEntryText(entry: LedgerEntry): string {
  let text = texts.get(entry);
  if (text === undefined) {
    text = entryText(entry);
    texts.set(entry, text);
  }
  return text;
}

/** The digest of a month's entries (monthEntries: in date order), as "sha256:" and 64 hex digits. */
export function monthDigest(entries: readonly LedgerEntry[]): string {
  const hash = createHash("sha256");
  let day: string[] = [];
  const flush = () => {
    if (day.length > 1) day.sort();
    hash.update(`${day.join("\n")}\n`);
    day = [];
  };
  for (let index = 0; index < entries.length; index++) {
    if (index > 0 && entries[index]!.date !== entries[index - 1]!.date) flush();
    day.push(cachedEntryText(entries[index]!));
  }
  flush();
  return `sha256:${hash.digest("hex")}`;
}

/** One account's movement in one commodity. */
export interface AccountTotal {
  readonly account: string;
  readonly currency: string;
  readonly amount: Decimal;
  /** Digits to show. */
  readonly scale: number;
}

/** Each account's movement in the month's transactions, per commodity, sorted by account then commodity; zero totals left out. */
export function monthTotals(entries: readonly LedgerEntry[]): AccountTotal[] {
  const sums = new Map<string, AccountSum>();
  for (const entry of entries) {
    if (entry.type === "transaction") for (const posting of entry.booked) addToAccountSums(sums, posting);
  }
  return [...sums.values()]
    .filter((sum) => !sum.amount.isZero())
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

export function formatAmount(total: AccountTotal): string {
  return `${total.amount.toFixed(Math.max(total.scale, total.amount.decimalPlaces()))} ${total.currency}`;
}

/** Totals as the close records them: "ACCOUNT NUMBER COMMODITY" joined by "; ". */
export function formatTotals(totals: readonly AccountTotal[]): string {
  return totals.map((total) => `${total.account} ${formatAmount(total)}`).join("; ");
}

/** Totals as a close recorded them, or null when the text cannot be read. */
export function parseTotals(text: string): AccountTotal[] | null {
  const totals: AccountTotal[] = [];
  if (text.trim() === "") return totals;
  for (const part of text.split(";")) {
    const match = /^\s*(\S+)\s+(-?\d+(?:\.(\d+))?)\s+(\S+)\s*$/.exec(part);
    if (match === null) return null;
    totals.push({ account: match[1]!, amount: new Decimal(match[2]!), scale: match[3]?.length ?? 0, currency: match[4]! });
  }
  return totals;
}

export interface TotalDifference {
  readonly account: string;
  readonly currency: string;
  /** As recorded at the close, and as the books give it now (null: no movement). */
  readonly then: AccountTotal | null;
  readonly now: AccountTotal | null;
}

/** The accounts and commodities whose totals differ, sorted by account. */
export function totalDifferences(then: readonly AccountTotal[], now: readonly AccountTotal[]): TotalDifference[] {
  const keyOf = (total: AccountTotal) => `${total.account}\u0000${total.currency}`;
  const before = new Map(then.map((total) => [keyOf(total), total]));
  const after = new Map(now.map((total) => [keyOf(total), total]));
  const differences: TotalDifference[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key) ?? null;
    const current = after.get(key) ?? null;
    if (old !== null && current !== null && old.amount.equals(current.amount)) continue;
    const [account, currency] = key.split("\u0000") as [string, string];
    differences.push({ account, currency, then: old, now: current });
  }
  return differences.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.currency < b.currency ? -1 : 1));
}
