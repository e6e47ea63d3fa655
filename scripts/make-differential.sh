#!/usr/bin/env bash
# Regenerate feeledger's differential fixtures from scratch.
#
#   scripts/make-differential.sh
#
# Needs node (>= 20) and beancount 2.3.5 (Debian: bean-check, bean-example and
# the Python module, run with /usr/bin/python3).  Tests never call beancount;
# they read what this script freezes.  See test/fixtures/differential/README.md.
#
# Environment: SEEDS (default 60) random cases; PYTHON (default /usr/bin/python3).
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
SEEDS=${SEEDS:-60}
DIFF=test/fixtures/differential
EX=test/fixtures/bean-example
# bean-example defaults its date range to "today"; fixed dates keep it reproducible.
EX_BEGIN=2023-01-01
EX_END=2024-12-31
EX_BIRTH=1980-05-12

version=$("$PY" -c 'import beancount; print(beancount.__version__)')
if [ "$version" != "2.3.5" ]; then
  echo "make-differential: expected beancount 2.3.5, found $version (fixtures would differ)" >&2
  exit 1
fi

check() { # bean-check must be silent and succeed
  local out
  if ! out=$(bean-check "$1" 2>&1) || [ -n "$out" ]; then
    echo "make-differential: bean-check failed on $1:" >&2
    echo "$out" >&2
    exit 1
  fi
}

# ---- random ledgers ---------------------------------------------------------
mkdir -p "$DIFF"
rm -rf "$DIFF"/case-*
cases=()
for seed in $(seq 1 "$SEEDS"); do
  dir=$(printf '%s/case-%03d' "$DIFF" "$seed")
  node scripts/gen-ledger.mjs --seed "$seed" --out "$dir"
  check "$dir/main.beancount"
  cases+=("$dir")
done
"$PY" scripts/freeze-fixtures.py "${cases[@]}"

# ---- bean-example ledgers ---------------------------------------------------
mkdir -p "$EX"
rm -f "$EX"/example-*.beancount "$EX"/example-*.expected.csv
for seed in 1 2 3; do
  f="$EX/example-$seed.beancount"
  PYTHONHASHSEED=0 bean-example -s "$seed" --date-begin "$EX_BEGIN" --date-end "$EX_END" \
    --date-birth "$EX_BIRTH" -o "$f" 2>/dev/null
  # plugins change numbers; includes and document directives would need files.
  if grep -nE '^(plugin|include)|^[0-9].* document |^option "documents"' "$f"; then
    echo "make-differential: $f uses plugin/include/documents; handle it before freezing" >&2
    exit 1
  fi
  check "$f"
  "$PY" scripts/freeze-fixtures.py "$f"
done

# ---- summary ----------------------------------------------------------------
n_cases=$(ls -d "$DIFF"/case-* | wc -l)
n_ex=$(ls "$EX"/example-*.expected.csv | wc -l)
echo "differential: $n_cases cases, $(du -sh "$DIFF" | cut -f1); bean-example: $n_ex ledgers, $(du -sh "$EX" | cut -f1)"
