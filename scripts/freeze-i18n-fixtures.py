#!/usr/bin/python3
"""Freeze beancount's balance sheet accounts for test/fixtures/i18n/chinese-roots.beancount.

For the balance sheet from 2026-03-01 (as `feeledger bs -b 2026-03-01`): beancount's clamp moves
income and expenses before the beginning into the previous-earnings account and clear moves the
rest into the current-earnings account, both named from the journal's options. Writes
chinese-roots.json beside the journal: each balance-sheet account with its balance.
Run: /usr/bin/python3 scripts/freeze-i18n-fixtures.py
"""
import datetime
import json
import os

from beancount import loader
from beancount.ops import summarize
from beancount.parser import options
from beancount.core import realization

HERE = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "i18n")
journal = os.path.join(HERE, "chinese-roots.beancount")
entries, errors, options_map = loader.load_file(journal)
assert not errors, errors
begin = datetime.date(2026, 3, 1)
end = datetime.date(2027, 1, 1)
clamped, _ = summarize.clamp_opt(entries, begin, end, options_map)
cleared, _ = summarize.clear_opt(clamped, end, options_map)
roots = options.get_account_types(options_map)
balances = {}
for account in realization.iter_children(realization.realize(cleared)):
    if account.account.split(":")[0] not in (roots.assets, roots.liabilities, roots.equity):
        continue
    for position in account.balance:
        balances[account.account] = f"{position.units.number} {position.units.currency}"
with open(os.path.join(HERE, "chinese-roots.json"), "w", encoding="utf-8") as out:
    json.dump({
        "current_earnings": options.get_current_accounts(options_map)[0],
        "previous_earnings": options.get_previous_accounts(options_map)[0],
        "balances": balances,
    }, out, ensure_ascii=False, indent=2, sort_keys=True)
    out.write("\n")
