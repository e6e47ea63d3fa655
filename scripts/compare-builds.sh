#!/usr/bin/env bash
# Runs the same command lines with two builds of feeledger and reports every difference in their
# output, error output or exit status: how a performance change shows it traded no correctness.
#
#   scripts/compare-builds.sh OTHER [--big]
#
# OTHER is a directory holding another build (its bin/ and dist/, e.g. a copy made with
# `mkdir -p /tmp/before && cp -a bin dist package.json /tmp/before/ && ln -s "$PWD/node_modules" /tmp/before/`).
# The lines cover the reading commands (check, bal, reg, is, bs, claims, receipts, audit, print and
# every report) on each sample in zh and en, and the main sample's csv, json and html outputs; not the
# writers.
# --big adds the reports on the 100k journals of bench/out (made by bench/targets.mjs).
# Exit status 0 when every line matches, 1 otherwise; the outputs are kept in a temporary directory.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
other="${1:?usage: scripts/compare-builds.sh OTHER-BUILD-DIR [--big]}"
big="${2:-}"
out="$(mktemp -d)"
cd "$here"

lines=()
add() { lines+=("$*"); }
S=samples/customer-fees-2026.beancount
for lang in zh en; do
  for f in $S samples/customers-2026.beancount samples/english.beancount; do
    add --lang $lang check $f
    add --lang $lang bal $f
    add --lang $lang reg $f
    add --lang $lang is $f
    add --lang $lang bs $f
    add --lang $lang claims $f
    add --lang $lang print $f
    for r in structure trend budget tax schedules payables trial vouchers customers; do
      add --lang $lang report $r $f
    done
    add --lang $lang report ledger $f 管理费用
  done
  for fmt in csv json html; do
    add --lang $lang bal $S --format $fmt
    add --lang $lang reg $S --format $fmt
    add --lang $lang claims $S --format $fmt
    for r in structure trend budget payables trial vouchers customers; do
      add --lang $lang report $r $S --format $fmt
    done
  done
  add --lang $lang receipts $S
  add --lang $lang audit $S
  add --lang $lang claims $S --status posted
  add --lang $lang reg $S 管理费用 -p 2026Q2
  add --lang $lang claims $S --unpaid
  add --lang $lang bal $S --depth 2
done
if [ "$big" = "--big" ]; then
  for f in bench/out/scale-100k.beancount bench/out/claims-100k.beancount bench/out/split-100k.beancount bench/out/plugins-100k.beancount; do
    [ -f "$f" ] || continue
    for c in check bal reg is bs claims print "report structure" "report trend" "report budget" \
             "report payables" "report trial" "report vouchers" "report schedules" "report customers"; do
      add $c $f
    done
    add report ledger $f 管理费用
    add claims $f --format csv
    add report payables $f --format csv
    add report vouchers $f --format csv
  done
fi

diffs=0
i=0
for l in "${lines[@]}"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  COLUMNS=100 node "$other/bin/feeledger" --no-color $l > "$out/$i.a.out" 2> "$out/$i.a.err"; ra=$?
  # shellcheck disable=SC2086
  COLUMNS=100 node bin/feeledger --no-color $l > "$out/$i.b.out" 2> "$out/$i.b.err"; rb=$?
  if [ $ra -ne $rb ] || ! cmp -s "$out/$i.a.out" "$out/$i.b.out" || ! cmp -s "$out/$i.a.err" "$out/$i.b.err"; then
    echo "DIFFERS ($i): $l (exit $ra vs $rb)"
    diffs=$((diffs + 1))
  fi
done
echo "$i command lines, $diffs differ; outputs in $out"
[ $diffs -eq 0 ]
