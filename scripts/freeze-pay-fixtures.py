#!/usr/bin/python3
"""Freeze beancount's answers on the books after `feeledger pay`.

    freeze-pay-fixtures.py [CASE-DIR...]      (default: every test/fixtures/pay/*/)

Each case directory holds case.json:

    journal   the journal to start from: "samples/..." (relative to the repository,
              the whole samples/ folder is copied) or a path inside the case directory
              (its folder is copied)
    today     FEELEDGER_TODAY for the commands
    commands  feeledger argument lists, run in order on the copy; "{journal}" is the
              copied journal, "{dir}" the copy's folder; each must exit 0

After the commands, bean-check (beancount 2.3.5) must report nothing on the
journal, or the script fails and writes nothing for the case. It then writes:

    expected.csv  bean-query's balances: account,commodity,amount, one row per
                  (account, commodity) whose summed units are not zero, sorted,
                  amounts as bean-query prints them (spaces trimmed), "\\n" line ends
    after.sha256  the SHA-256 of the files the journal loads and of every file the
                  commands changed or made (the bank file), "HASH  relative/path"
                  sorted by path: the test makes sure it compares with the very text
                  bean-check read

Needs bin/feeledger built (npm run build) and beancount (apt-get install beancount).
test/pay/frozen.test.ts runs the same commands and compares.
"""

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    from beancount import loader
except ImportError:  # pragma: no cover
    sys.exit("freeze-pay-fixtures: the beancount module is required (use /usr/bin/python3)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FEELEDGER = os.path.join(ROOT, "bin", "feeledger")
QUERY = "select account, currency, sum(number) as amount group by account, currency order by account, currency"


def copy_source(case_dir, case, work):
    """Copy the case's starting folder into work; return the copied journal's path."""
    journal = case["journal"]
    if journal.startswith("samples/"):
        shutil.copytree(os.path.join(ROOT, "samples"), os.path.join(work, "samples"))
        return os.path.join(work, journal)
    folder = os.path.dirname(journal)
    shutil.copytree(os.path.join(case_dir, folder), os.path.join(work, folder))
    return os.path.join(work, journal)


def run_commands(case, journal):
    env = dict(os.environ, NO_COLOR="1", FEELEDGER_TODAY=case["today"])
    for command in case["commands"]:
        args = [arg.replace("{journal}", journal).replace("{dir}", os.path.dirname(journal)) for arg in command]
        done = subprocess.run([FEELEDGER, *args], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"feeledger {' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def all_files(work):
    found = {}
    for folder, _dirs, files in os.walk(work):
        for name in files:
            full = os.path.join(folder, name)
            found[os.path.relpath(full, work).replace(os.sep, "/")] = sha256(full)
    return found


def loaded_files(journal):
    """Every file beancount loads for the journal (the journal and its includes)."""
    _entries, _errors, options = loader.load_file(journal)
    return options["include"]


def file_hashes(work, journal, before):
    """Hashes of the files the journal loads and of every file the commands changed or made."""
    after = all_files(work)
    wanted = {os.path.relpath(path, work).replace(os.sep, "/") for path in loaded_files(journal)}
    wanted |= {path for path, digest in after.items() if before.get(path) != digest}
    return [f"{after[path]}  {path}" for path in sorted(wanted) if path in after]


def balances(journal):
    done = subprocess.run(["bean-query", "-f", "csv", journal, QUERY], capture_output=True, text=True, check=True)
    rows = []
    for row in list(csv.reader(io.StringIO(done.stdout)))[1:]:
        account, currency, amount = (cell.strip() for cell in row)
        if amount and float(amount) != 0:
            rows.append((account, currency, amount))
    return sorted(rows)


def freeze(case_dir):
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    with tempfile.TemporaryDirectory(prefix="feeledger-pay-freeze-") as work:
        journal = copy_source(case_dir, case, work)
        before = all_files(work)
        run_commands(case, journal)
        checked = subprocess.run(["bean-check", journal], capture_output=True, text=True)
        if checked.returncode != 0 or checked.stdout.strip() or checked.stderr.strip():
            raise SystemExit(f"bean-check on {case_dir} after the commands:\n{checked.stdout}{checked.stderr}")
        rows = balances(journal)
        hashes = file_hashes(work, journal, before)
    with open(os.path.join(case_dir, "expected.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["account", "commodity", "amount"])
        writer.writerows(rows)
    with open(os.path.join(case_dir, "after.sha256"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in hashes))
    print(f"{case_dir}: bean-check clean, {len(rows)} balances")


def main(argv):
    cases = argv or sorted(
        os.path.join(ROOT, "test", "fixtures", "pay", name)
        for name in os.listdir(os.path.join(ROOT, "test", "fixtures", "pay"))
        if os.path.isfile(os.path.join(ROOT, "test", "fixtures", "pay", name, "case.json"))
    )
    for case_dir in cases:
        freeze(case_dir)


if __name__ == "__main__":
    main(sys.argv[1:])
