#!/usr/bin/python3
"""Freeze beancount's answers for feeledger's differential fixtures.

    freeze-fixtures.py PATH...

PATH is either a case directory (reads PATH/main.beancount, writes
PATH/expected.csv) or a ledger file FOO.beancount (writes FOO.expected.csv
next to it).

Each ledger is loaded with beancount.loader.load_file (beancount 2.3.5, with
its default validations); any error makes the script fail loudly with a
non-zero exit status and writes nothing for that ledger.

expected.csv has the columns account,commodity,amount: one row per (account,
commodity) whose summed units are non-zero, summing the units of every posting
of every Transaction among the loaded entries (pad-generated 'P' transactions
included), in loaded-entry order, with Python's default decimal context.
Rows are sorted by account then commodity (plain string order), amounts are
format(decimal, 'f'), written with the csv module (minimal quoting, "\\n" line
ends).  This is the flat units-only balance report.
"""

import collections
import csv
import decimal
import os
import sys

try:
    from beancount import loader
    from beancount.core import data
    from beancount.parser import printer
except ImportError:  # pragma: no cover
    sys.exit("freeze-fixtures: the beancount module is required (use /usr/bin/python3)")


def paths_for(arg):
    if os.path.isdir(arg):
        return os.path.join(arg, "main.beancount"), os.path.join(arg, "expected.csv")
    if arg.endswith(".beancount"):
        return arg, arg[: -len(".beancount")] + ".expected.csv"
    raise SystemExit(f"freeze-fixtures: {arg}: not a case directory or .beancount file")


def freeze(ledger, out):
    entries, errors, _options = loader.load_file(ledger)
    if errors:
        sys.stderr.write(f"freeze-fixtures: {ledger}: beancount reported {len(errors)} error(s):\n")
        printer.print_errors(errors, file=sys.stderr)
        return False
    totals = collections.OrderedDict()
    for entry in entries:
        if not isinstance(entry, data.Transaction):
            continue
        for posting in entry.postings:
            units = posting.units
            key = (posting.account, units.currency)
            totals[key] = totals.get(key, decimal.Decimal(0)) + units.number
    rows = sorted((k for k, v in totals.items() if v != 0))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account", "commodity", "amount"])
        for account, currency in rows:
            w.writerow([account, currency, format(totals[(account, currency)], "f")])
    os.replace(tmp, out)
    return True


def main(argv):
    if not argv:
        sys.exit(__doc__)
    failed = []
    for arg in argv:
        ledger, out = paths_for(arg)
        if not freeze(ledger, out):
            failed.append(ledger)
    if failed:
        sys.stderr.write("freeze-fixtures: FAILED: %d ledger(s) did not load cleanly:\n" % len(failed))
        for f in failed:
            sys.stderr.write(f"  {f}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
