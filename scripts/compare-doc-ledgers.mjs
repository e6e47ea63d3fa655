#!/usr/bin/env node
// Compare feeledger with beancount on the ledgers scripts/beancount-doc-ledgers.py extracted:
//   node scripts/compare-doc-ledgers.mjs DIR [--list]
// A ledger beancount loads without error is "valid": feeledger must give its sums and no error.
// Any other is "faulty": feeledger must report at least one error. Prints both figures (and with
// --list, each ledger that falls short). Needs the build (npm run build).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadLedger } from "../dist/loader/load.js";
import { Decimal } from "../dist/core/number.js";

const [folder, flag] = process.argv.slice(2);
if (folder === undefined) {
  process.stderr.write("usage: compare-doc-ledgers.mjs DIR [--list]\n");
  process.exit(2);
}

function sums(entries) {
  const totals = new Map();
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      const key = `${posting.account}\u0000${posting.units.currency}`;
      const previous = totals.get(key);
      totals.set(key, previous === undefined ? posting.units.number : previous.plus(posting.units.number));
    }
  }
  return new Map([...totals].filter(([, sum]) => !sum.isZero()));
}

let valid = 0, validSame = 0, faulty = 0, faultyFlagged = 0;
const shortfalls = [];
for (const name of readdirSync(folder).filter((file) => file.endsWith(".beancount")).sort()) {
  const file = join(folder, name);
  const expected = JSON.parse(readFileSync(file.replace(/\.beancount$/, ".json"), "utf8"));
  let ledger;
  try {
    ledger = loadLedger(file, { today: "2027-01-15" });
  } catch (thrown) {
    shortfalls.push(`${name}: internal error ${thrown.message}`);
    if (expected.errors.length === 0) valid++; else faulty++;
    continue;
  }
  const errors = ledger.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (expected.errors.length === 0) {
    valid++;
    const want = new Map(expected.sums.map(([account, currency, amount]) => [`${account}\u0000${currency}`, amount]));
    const got = sums(ledger.entries);
    const same = want.size === got.size && [...want].every(([key, amount]) => got.has(key) && got.get(key).equals(new Decimal(amount)));
    if (same && errors.length === 0) validSame++;
    else shortfalls.push(`${name}: valid in beancount; feeledger ${errors.length > 0 ? `reports ${errors[0].message}` : "gives other sums"}`);
  } else {
    faulty++;
    if (errors.length > 0) faultyFlagged++;
    else shortfalls.push(`${name}: beancount reports ${expected.errors[0][1]}; feeledger none`);
  }
}
const percent = (part, whole) => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`);
process.stdout.write(`valid ledgers: ${validSame}/${valid} identical sums and no error (${percent(validSame, valid)})\n`);
process.stdout.write(`faulty ledgers: ${faultyFlagged}/${faulty} flagged (${percent(faultyFlagged, faulty)})\n`);
if (flag === "--list") for (const line of shortfalls) process.stdout.write(`${line}\n`);
