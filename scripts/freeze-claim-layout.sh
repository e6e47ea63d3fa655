#!/usr/bin/env bash
# Freeze what beancount says about the sample books before and after `feeledger post`, for
# test/claims/bean-check.test.ts (the tests never call beancount).
#
#   scripts/freeze-claim-layout.sh
#
# On a scratch copy of samples/, for each sample's books (customer-fees-2026.beancount and
# english.beancount, which declare their claim files with a custom directive that beancount
# ignores): bean-check must accept them with no output; bean-query's balances are written to
# test/fixtures/claim-layout/NAME.before.csv; then `bin/feeledger post ... --all --on 2026-12-31`
# moves the approved claims into the books, bean-check must accept them again, and the balances go
# to NAME.after.csv. Each CSV has the columns
# account,commodity,amount, one row per account and commodity whose sum is not zero, sorted, as
# bean-query prints them with the padding trimmed. Needs beancount 2.3.5 (bean-check, bean-query)
# and a built feeledger (npm run build).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=test/fixtures/claim-layout
version=$(bean-check --version 2>&1 | awk '{print $2}')
if [ "$version" != "2.3.5" ]; then
  echo "freeze-claim-layout: expected beancount 2.3.5, found $version" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r samples "$work/samples"

check() {
  local out
  if ! out=$(bean-check "$1" 2>&1) || [ -n "$out" ]; then
    echo "freeze-claim-layout: bean-check failed on $1 ($2):" >&2
    echo "$out" >&2
    exit 1
  fi
}

balances() {
  bean-query -f csv "$1" "select account, currency, sum(number) as amount group by account, currency order by account, currency" \
    | tr -d '\r' | awk -F, 'NR == 1 { print "account,commodity,amount"; next }
               { for (i = 1; i <= NF; i++) gsub(/^ +| +$/, "", $i) }
               $3 !~ /^-?0(\.0+)?$/ { print $1 "," $2 "," $3 }' > "$2"
}

mkdir -p "$OUT"
for name in customer-fees-2026 english; do
  main="$work/samples/$name.beancount"
  check "$main" "before post"
  balances "$main" "$OUT/$name.before.csv"
  FEELEDGER_TODAY=2026-12-31 bin/feeledger post "$main" --all --on 2026-12-31 > /dev/null
  check "$main" "after post"
  balances "$main" "$OUT/$name.after.csv"
done
echo "freeze-claim-layout: wrote $OUT/*.csv"
