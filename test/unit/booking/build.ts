// A tiny builder of directives for booking tests, until they become inline ledgers:
// postings are written as in a ledger ("Assets:Stock  -5 HOOL {100.00 USD, 2020-01-02} @ 110 USD").
import type {
  Balance, BookingMethod, CostSpec, Directive, IncompleteAmount, LedgerEntry, Open, Pad, Posting, Transaction,
} from "../../../src/core/data.js";
import { Decimal, parseNumberLiteral } from "../../../src/core/number.js";
import { DEFAULT_OPTIONS, type LedgerOptions } from "../../../src/core/options.js";
import type { Span } from "../../../src/core/span.js";
import { bookEntries } from "../../../src/booking/book.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";

let nextOffset = 0;

/** A fresh span; offsets only need to be distinct. */
export function span(): Span {
  const start = nextOffset;
  nextOffset += 10;
  return { file: "test.beancount", start, end: start + 5 };
}

const NUMBER = /^-?[0-9][0-9,]*(\.[0-9]*)?$/;
const CURRENCY = /^[A-Z][A-Z0-9'._-]*$/;

function incompleteAmount(words: readonly string[]): IncompleteAmount | null {
  let number: Decimal | null = null;
  let scale = 0;
  let currency: string | null = null;
  for (const word of words) {
    if (NUMBER.test(word)) {
      const parsed = parseNumberLiteral(word);
      number = parsed.value;
      scale = parsed.scale;
    } else if (CURRENCY.test(word)) currency = word;
    else throw new Error(`bad amount word: ${word}`);
  }
  return number === null && currency === null ? null : { number, scale, currency };
}

function costSpec(text: string): CostSpec {
  const spec = {
    perUnit: null as Decimal | null, total: null as Decimal | null, perUnitScale: 0, totalScale: 0,
    currency: null as string | null, date: null as string | null, label: null as string | null, merge: false, hash: false,
  };
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(part)) spec.date = part;
    else if (/^".*"$/.test(part)) spec.label = part.slice(1, -1);
    else if (part === "*") spec.merge = true;
    else {
      const [before, after] = part.includes("#") ? part.split("#") as [string, string] : [part, null];
      const beforeWords = before.trim().split(/\s+/).filter((word) => word !== "");
      for (const word of beforeWords) {
        if (NUMBER.test(word)) {
          const parsed = parseNumberLiteral(word);
          spec.perUnit = parsed.value;
          spec.perUnitScale = parsed.scale;
        } else spec.currency = word;
      }
      if (after !== null) {
        spec.hash = true;
        for (const word of after.trim().split(/\s+/).filter((w) => w !== "")) {
          if (NUMBER.test(word)) {
            const parsed = parseNumberLiteral(word);
            spec.total = parsed.value;
            spec.totalScale = parsed.scale;
          } else spec.currency = word;
        }
      }
    }
  }
  return spec;
}

/** A posting from its ledger text: account, then optional units, cost and price. */
export function posting(text: string): Posting {
  const match = /^(\S+)\s*([^{@]*?)\s*(\{\{[^}]*\}\}|\{[^}]*\})?\s*(?:(@@?)\s*(.*))?$/.exec(text.trim());
  if (match === null) throw new Error(`bad posting: ${text}`);
  const [, account, unitsText, costText, at, priceText] = match;
  const units = incompleteAmount((unitsText ?? "").split(/\s+/).filter((word) => word !== ""));
  let spec: CostSpec | null = null;
  let costIsTotal = false;
  if (costText !== undefined) {
    costIsTotal = costText.startsWith("{{");
    spec = costSpec(costIsTotal ? costText.slice(2, -2) : costText.slice(1, -1));
    if (costIsTotal && spec.perUnit !== null) {
      spec = { ...spec, total: spec.perUnit, totalScale: spec.perUnitScale, perUnit: null, perUnitScale: 0 };
    }
  }
  const price = at === undefined ? null : incompleteAmount((priceText ?? "").split(/\s+/).filter((word) => word !== ""));
  return {
    span: span(),
    flag: null,
    account: account!,
    units,
    costSpec: spec,
    costIsTotal,
    price: price ?? (at === undefined ? null : { number: null, scale: 0, currency: null }),
    priceIsTotal: at === "@@",
    meta: [],
  };
}

export function txn(date: string, narration: string, ...postings: string[]): Transaction {
  return {
    type: "transaction", date, span: span(), meta: [], flag: "*", payee: null, narration,
    tags: [], links: [], postings: postings.map(posting),
  };
}

export function open(date: string, account: string, booking: BookingMethod | null = null, currencies: string[] = []): Open {
  return { type: "open", date, span: span(), meta: [], account, currencies, booking };
}

export function balance(date: string, account: string, amount: string, tolerance: string | null = null): Balance {
  const [numberText, currency] = amount.split(/\s+/) as [string, string];
  const parsed = parseNumberLiteral(numberText);
  return {
    type: "balance", date, span: span(), meta: [], account,
    amount: { number: parsed.value, scale: parsed.scale, currency },
    tolerance: tolerance === null ? null : new Decimal(tolerance),
  };
}

export function pad(date: string, account: string, sourceAccount: string): Pad {
  return { type: "pad", date, span: span(), meta: [], account, sourceAccount };
}

export function options(overrides: Partial<LedgerOptions> = {}): LedgerOptions {
  return { ...DEFAULT_OPTIONS, ...overrides };
}

/** Book the entries, returning the booked entries and the diagnostics' messages. */
export function book(entries: readonly Directive[], ledgerOptions: LedgerOptions = options()): {
  entries: LedgerEntry[];
  diagnostics: readonly Diagnostic[];
  messages: string[];
} {
  const result = bookEntries(entries, ledgerOptions);
  return { entries: result.value, diagnostics: result.diagnostics, messages: result.diagnostics.map((d) => d.message) };
}

/** The booked postings of the transaction with this narration, as ledger-like text lines. */
export function postingsOf(entries: readonly LedgerEntry[], narration: string): string[] {
  const entry = entries.find((candidate) => candidate.type === "transaction" && candidate.narration === narration);
  if (entry === undefined || entry.type !== "transaction") throw new Error(`no transaction "${narration}"`);
  return entry.booked.map((p) => {
    let text = `${p.account} ${p.units.number.toFixed(Math.max(p.units.scale, 0))} ${p.units.currency}`;
    if (p.cost !== null) {
      text += ` {${p.cost.number.toFixed(Math.max(p.cost.scale, 0))} ${p.cost.currency}, ${p.cost.date}`;
      text += p.cost.label === null ? "}" : `, "${p.cost.label}"}`;
    }
    if (p.price !== null) text += ` @ ${p.price.number.toFixed(Math.max(p.price.scale, 0))} ${p.price.currency}`;
    return text;
  });
}
