#!/usr/bin/env bash
# Check by hand that bean-check accepts what `feeledger fmt` writes: copy the real-world ledgers
# ($FEELEDGER_REALWORLD or ../shared/realworld-ledgers) and the bean-example fixtures, run bean-check
# on each main journal, format every journal file with feeledger fmt, run bean-check again, and
# compare (its messages with the copy's folder taken out). Prints one line per journal and a
# summary; exit 1 if any journal's bean-check output changed. Needs bean-check (beancount) and a
# built feeledger (npm run build). Tests never run this: it calls beancount.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
realworld="${FEELEDGER_REALWORLD:-$repo/../shared/realworld-ledgers}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$realworld" "$work/realworld"
cp -r "$repo/test/fixtures/bean-example" "$work/bean-example"
cp -r "$repo/samples" "$work/samples"
chmod -R u+w "$work"

mains=()
while IFS=$'\t' read -r dir entry _; do
  [ "$dir" = dir ] && continue
  mains+=("realworld/$dir/$entry")
done < "$work/realworld/MANIFEST.tsv"
for file in "$work"/bean-example/*.beancount; do mains+=("bean-example/$(basename "$file")"); done
mains+=(samples/customer-fees-2026.beancount samples/english.beancount samples/english-claims.beancount)

# Sorted: bean-check orders two errors of one line differently from run to run.
check() { (cd "$work" && PYTHONHASHSEED=0 bean-check "$1" 2>&1 | sed "s|$work/||g" | sort || true); }
declare -A before
for main in "${mains[@]}"; do before[$main]="$(check "$main")"; done

mapfile -t files < <(cd "$work" && find . -type f \( -name '*.beancount' -o -name '*.bean' \) | sort)
(cd "$work" && "$repo/bin/feeledger" fmt "${files[@]}" > "$work/fmt.out")
echo "feeledger fmt: $(wc -l < "$work/fmt.out") of ${#files[@]} journal files changed"

changed=0
for main in "${mains[@]}"; do
  after="$(check "$main")"
  if [ "$after" = "${before[$main]}" ]; then
    if [ -z "$after" ]; then echo "same (clean): $main"; else echo "same ($(printf '%s\n' "$after" | grep -c . ) lines of bean-check output, as before): $main"; fi
  else
    echo "CHANGED: $main"; diff <(printf '%s\n' "${before[$main]}") <(printf '%s\n' "$after") | head -20
    changed=$((changed + 1))
  fi
done
echo "${#mains[@]} journals, bean-check output changed for $changed"
[ "$changed" -eq 0 ]
