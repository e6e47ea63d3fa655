#!/usr/bin/python3
"""Freeze beancount's answers for feeledger's plugin fixtures.

    freeze-plugin-fixtures.py [CASE_DIR...]
    freeze-plugin-fixtures.py --realworld DIR OUT.json

Without arguments, every directory under test/plugins/fixtures/ that holds a
main.beancount is frozen.  For each, expected.json is written next to it:

  sums:   [account, commodity, amount] per non-zero sum of the units of every
          posting of every Transaction beancount's loader returns (plugins
          run), sorted; amounts as format(decimal, 'f').
  prices: [date, commodity, number, currency] of every Price entry, sorted.
  errors: [line, message] of every error; line is null when beancount places
          the error outside the ledger (a plugin's "<check_commodity>:0" and
          the like); message is the first line of beancount's message, with
          what depends on Python or the machine left out (see normalized();
          the test applies the same rules to feeledger's messages).

With --realworld, every ledger listed in DIR/MANIFEST.tsv that beancount loads
without error (but for third-party plugins it cannot import) is frozen as [dir, entry, sha256 of the entry file, sums] into
OUT.json (the ledgers themselves are never copied), with bean-query's
sum(cost(position)) and sum(value(position)) per account where they differ from
the sums of the units (ledgers with lots or prices).

Run with /usr/bin/python3 (beancount 2.3.5).
"""

import collections
import decimal
import hashlib
import json
import os
import re
import sys

from beancount import loader
from beancount.core import data
from beancount.query import query

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "test", "plugins", "fixtures")


def sums_of(entries):
    totals = collections.OrderedDict()
    for entry in entries:
        if not isinstance(entry, data.Transaction):
            continue
        for posting in entry.postings:
            key = (posting.account, posting.units.currency)
            totals[key] = totals.get(key, decimal.Decimal(0)) + posting.units.number
    return [[account, currency, format(totals[(account, currency)], "f")]
            for account, currency in sorted(k for k, v in totals.items() if v != 0)]


def query_sums(entries, options, sql):
    """[account, commodity, amount] per position of each account's sum in a bean-query, sorted."""
    _types, rows = query.run_query(entries, options, sql)
    return sorted([account, position.units.currency, format(position.units.number, "f")]
                  for account, inventory in rows for position in inventory
                  if position.units.number != 0)


def normalized(message):
    """The part of a message that does not depend on Python or the machine: no entry reprs, no
    tracebacks, no set order, paths relative to the working directory (the repository)."""
    message = message.split("\n")[0].replace(os.getcwd() + os.sep, "")
    if message.startswith("Duplicate entry"):
        return "Duplicate entry"
    if message.startswith("Could not match position"):
        return "Could not match position"
    match = re.match(r'(Error (?:importing|applying plugin) "[^"]*")', message)
    if match:
        return match.group(1)
    match = re.match(r"(More than one (?:cost )?currency in account '[^']*'): (.*)$", message)
    if match:
        return match.group(1) + ": " + ",".join(sorted(match.group(2).split(",")))
    match = re.match(r"(.*; valid options: )(.*)$", message)
    if match:
        return match.group(1) + ", ".join(sorted(match.group(2).split(", ")))
    return message


def message_of(error):
    return normalized(str(error.message))


def freeze_case(case):
    ledger = os.path.join(case, "main.beancount")
    entries, errors, _options = loader.load_file(ledger)
    errors_out = []
    for error in errors:
        meta = error.source or {}
        filename = meta.get("filename")
        line = meta.get("lineno") if filename == os.path.abspath(ledger) else None
        errors_out.append([line, message_of(error)])
    errors_out.sort(key=lambda e: (e[0] if e[0] is not None else -1, e[1]))
    prices = sorted([str(e.date), e.currency, format(e.amount.number, "f"), e.amount.currency]
                    for e in entries if isinstance(e, data.Price))
    result = {"sums": sums_of(entries), "prices": prices, "errors": errors_out}
    with open(os.path.join(case, "expected.json"), "w") as out:
        json.dump(result, out, indent=1, ensure_ascii=False)
        out.write("\n")


def freeze_realworld(folder, out_path):
    frozen = []
    with open(os.path.join(folder, "MANIFEST.tsv")) as manifest:
        rows = [line.rstrip("\n").split("\t") for line in manifest][1:]
    for row in rows:
        name, entry = row[0], row[1]
        ledger = os.path.join(folder, name, entry)
        if not os.path.exists(ledger):
            continue
        entries, errors, options = loader.load_file(ledger)
        # A third-party plugin beancount cannot import does not count: feeledger warns about it.
        foreign = [e for e in errors if str(e.message).startswith("Error importing")]
        if len(errors) > len(foreign):
            sys.stderr.write(f"{name}: {len(errors) - len(foreign)} error(s) in beancount, left out\n")
            continue
        with open(ledger, "rb") as source:
            digest = hashlib.sha256(source.read()).hexdigest()
        record = {"dir": name, "entry": entry, "sha256": digest,
                  "unimported_plugins": len(foreign), "sums": sums_of(entries)}
        # bean-query's cost and market value sums, where they differ from the units' (lots, prices).
        for key, sql in (("cost", "SELECT account, sum(cost(position))"),
                         ("value", "SELECT account, sum(value(position))")):
            valued = query_sums(entries, options, sql)
            if valued != record["sums"]:
                record[key] = valued
        frozen.append(record)
    with open(out_path, "w") as out:
        json.dump(frozen, out, indent=1, ensure_ascii=False)
        out.write("\n")


def main(argv):
    # merge_meta's file is relative to the working directory, as the tests run: the repository.
    os.chdir(os.path.join(HERE, ".."))
    if argv[:1] == ["--realworld"]:
        freeze_realworld(argv[1], argv[2])
        return
    cases = argv or [os.path.join(FIXTURES, name) for name in sorted(os.listdir(FIXTURES))
                     if os.path.exists(os.path.join(FIXTURES, name, "main.beancount"))]
    for case in cases:
        freeze_case(case)


if __name__ == "__main__":
    main(sys.argv[1:])
