#!/usr/bin/env bash
# The tracker at 100 000 tickets and about 500 000 events (issue 10): every everyday command's
# median time and peak memory, the cold rebuild of the index, and a sync that brings 1 000 new
# events. The numbers go in docs/performance.md ("At 100 000 tickets").
#
#   bash bench/scale.sh                      # 100 000 tickets (generated once, ~5 minutes)
#   TICKETS=20000 RUNS=10 bash bench/scale.sh
#
# The repository is generated through the library (examples/gen_repo.rs, GEN_EXTRA=1 for about
# five events a ticket) and cached in target/bench-repo-scale-N; every measurement runs on a
# copy. Needs hyperfine and /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
tickets=${TICKETS:-100000}
runs=${RUNS:-20}
template=$root/target/bench-repo-scale-$tickets
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

cargo build --release --quiet --bin git-tracker --example gen_repo
bin=$root/target/release/git-tracker
gen=$root/target/release/examples/gen_repo

echo "== repository ($tickets tickets)"
GEN_EXTRA=1 "$gen" "$template" "$tickets" | tail -n 3
repo=$work/repo
cp -a "$template" "$repo"
rm -f "$repo"/.git/tracker/index*
g="$bin -C $repo"
echo "events: $(git -C "$repo" ls-tree -r --name-only tracker -- tickets | wc -l) files"

# rss CMD...: peak memory of one run, in MiB.
rss() {
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }'
}

summary=()
# measure NAME PREPARE CMD: hyperfine median, and the peak memory of one more run.
measure() {
    local name=$1 prepare=$2 cmd=$3 json=$work/$1.json
    if [ -n "$prepare" ]; then
        hyperfine -N --warmup 2 --runs "$runs" --style none --prepare "$prepare" \
            --export-json "$json" -n "$name" "$cmd" >/dev/null
        eval "$prepare"
    else
        hyperfine -N --warmup 2 --runs "$runs" --style none \
            --export-json "$json" -n "$name" "$cmd" >/dev/null
    fi
    local mem
    # shellcheck disable=SC2086
    mem=$(rss $cmd)
    summary+=("$(python3 - "$json" "$mem" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f'{r["command"]:<26} median {r["median"] * 1000:9.1f} ms   min {r["min"] * 1000:9.1f} ms   '
      f'max RSS {float(sys.argv[2]):7.1f} MiB   ({len(r["times"])} runs)')
EOF
)")
}

echo "== cold rebuild of the index"
t0=$(date +%s%N)
cold_mem=$(rss $g list --limit 1)
t1=$(date +%s%N)
echo "cold rebuild (list --limit 1, no index): $(((t1 - t0) / 1000000)) ms, max RSS $cold_mem MiB"
ls -l "$repo/.git/tracker/index.sqlite" | awk '{ printf "index: %.1f MiB\n", $5 / 1048576 }'

word=$($g show TRK-$((tickets / 2)) --format json | python3 -c '
import json, sys, re
t = json.load(sys.stdin)
words = [w for w in re.findall(r"[a-z]{5,}", t["description"].lower())]
print(words[0] if words else "ticket")')
echo "search word: $word (common: in every generated description)"
# A rare word, as most searches are: 50 tickets filed through the CLI hold it.
rare=frobnicator
for i in $(seq 50); do
    $g new --quiet "The $rare stalls ($i)" -m "Seen once in $rare logs." >/dev/null
done
count() { $g list --all --query "$1" --format json | grep -c '"key"'; }
echo "matches: '$rare' $(count $rare) tickets, '$word' $(count "$word") tickets"

measure new "" "$g new --quiet bench-ticket"
measure comment "" "$g comment --quiet TRK-$((tickets / 3)) -m bench-comment"
measure show "" "$g show TRK-$((tickets / 2))"
measure list-limit-50 "" "$g list --limit 50"
measure search-rare "" "$g list --all --query $rare"
measure search-common "" "$g list --all --query $word"
measure search-common-50 "" "$g list --all --query $word --limit 50"
measure status "" "$g status"
measure list-all-json "" "$g list --all --format json"

echo "== a sync that brings 1 000 new events"
git clone -q --bare "$repo" "$work/remote.git"
git -C "$repo" remote add origin "$work/remote.git"
$g sync --quiet
git clone -q "$work/remote.git" "$work/other"
$bin -C "$work/other" sync --quiet
for i in $(seq 1000); do
    $bin -C "$work/other" comment --quiet "TRK-$((i * 7 % tickets + 1))" -m "remote $i" >/dev/null
done
$bin -C "$work/other" sync --quiet
t0=$(date +%s%N)
sync_mem=$(rss $g sync)
t1=$(date +%s%N)
$g list --limit 1 >/dev/null
t2=$(date +%s%N)
echo "sync: $(((t1 - t0) / 1000000)) ms (max RSS $sync_mem MiB); then list --limit 1: $(((t2 - t1) / 1000000)) ms"

echo
echo "== summary ($tickets tickets; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
