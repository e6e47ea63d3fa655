#!/usr/bin/python3
"""Freeze bean-query's cost and market value sums for feeledger's `bal --cost` and `bal --value`.

    freeze-valuation-fixtures.py [CASE_DIR...]

Without arguments, every directory under test/prices/fixtures/ that holds a main.beancount is
frozen. For each, expected.json is written next to it: for each query, [account, commodity,
amount] per position of each account's sum (amounts as format(decimal, 'f')), sorted:

  cost:            SELECT account, sum(cost(position))
  value:           SELECT account, sum(value(position))
  value<END:       SELECT account, sum(value(position, END - 1 day)) WHERE date < END
                   for each END of ENDS below (feeledger: bal --value -e END)

Run with /usr/bin/python3 (beancount 2.3.5).
"""

import datetime
import json
import os
import sys

from beancount import loader
from beancount.query import query

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "test", "prices", "fixtures")
ENDS = ["2020-02-01", "2020-03-01", "2020-03-11", "2021-03-01", "2021-04-01"]


def rows_of(entries, options, sql):
    _types, rows = query.run_query(entries, options, sql)
    out = []
    for account, inventory in rows:
        for position in inventory:
            assert position.cost is None
            if position.units.number != 0:
                out.append([account, position.units.currency, format(position.units.number, "f")])
    return sorted(out)


def freeze_case(case):
    entries, errors, options = loader.load_file(os.path.join(case, "main.beancount"))
    assert not errors, errors
    result = {
        "cost": rows_of(entries, options, "SELECT account, sum(cost(position))"),
        "value": rows_of(entries, options, "SELECT account, sum(value(position))"),
    }
    for end in ENDS:
        day = datetime.date.fromisoformat(end) - datetime.timedelta(days=1)
        result["value<" + end] = rows_of(
            entries, options, f"SELECT account, sum(value(position, {day})) WHERE date < {end}")
    with open(os.path.join(case, "expected.json"), "w") as out:
        json.dump(result, out, indent=1, ensure_ascii=False)
        out.write("\n")


def main(argv):
    cases = argv or [os.path.join(FIXTURES, name) for name in sorted(os.listdir(FIXTURES))
                     if os.path.exists(os.path.join(FIXTURES, name, "main.beancount"))]
    for case in cases:
        freeze_case(case)


if __name__ == "__main__":
    main(sys.argv[1:])
