#!/usr/bin/python3
"""Extract beancount's test-docstring ledgers and freeze beancount's answers.

    beancount-doc-ledgers.py OUT_DIR

Reads the installed beancount's own test modules (beancount 2.3.5, run with
/usr/bin/python3), takes every test function decorated with loader.load_doc
(its docstring is a ledger), writes each to OUT_DIR/NAME.beancount and
beancount's answer to OUT_DIR/NAME.json: {"errors": [[line, message]...],
"sums": [[account, commodity, amount]...]}. Nothing here is committed: the
ledgers are beancount's; scripts/compare-doc-ledgers.mjs compares feeledger's
answers with these and prints the figures docs/PLUGINS.md quotes.
"""

import ast
import json
import os
import sys
import textwrap

import beancount
from beancount import loader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

freeze = import_module("freeze-plugin-fixtures")


def is_load_doc(decorator):
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", "")
    return name == "load_doc"


def main(out):
    os.makedirs(out, exist_ok=True)
    root = os.path.dirname(beancount.__file__)
    count = 0
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith("_test.py"):
                continue
            path = os.path.join(folder, name)
            module = os.path.relpath(path, root)[:-3].replace(os.sep, ".")
            tree = ast.parse(open(path, encoding="utf-8").read())
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef) or not any(is_load_doc(d) for d in node.decorator_list):
                    continue
                doc = ast.get_docstring(node, clean=False)
                if doc is None:
                    continue
                text = textwrap.dedent(doc)
                base = os.path.join(out, f"{module}.{node.name}.{node.lineno}")
                with open(base + ".beancount", "w", encoding="utf-8") as ledger:
                    ledger.write(text)
                entries, errors, _options = loader.load_file(base + ".beancount")
                answer = {
                    "errors": [[(e.source or {}).get("lineno"), freeze.normalized(str(e.message))] for e in errors],
                    "sums": freeze.sums_of(entries),
                }
                with open(base + ".json", "w", encoding="utf-8") as frozen:
                    json.dump(answer, frozen, ensure_ascii=False)
                count += 1
    print(f"{count} ledgers written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
