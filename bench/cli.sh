#!/usr/bin/env bash
# End-to-end timings of the release binary on a 10 000-ticket repository, and the object
# store's size before and after packing. See docs/performance.md for the results.
#
#   bash bench/cli.sh            # everything
#   TICKETS=2000 bash bench/cli.sh
#   CHURN=0 bash bench/cli.sh    # skip the automatic-packing check (~2 minutes)
#   NO_HYPERFINE=1 bash bench/cli.sh   # the fallback timing loop even when hyperfine is there
#
# Uses hyperfine when installed (Debian: apt-get install hyperfine), else a plain loop timed
# with `date +%s%N`. The generated repository is cached in target/bench-repo-10k (shared with
# `cargo bench --bench store`); every measurement runs on a copy, so the cache never changes.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
tickets=${TICKETS:-10000}
churn=${CHURN:-1000}
runs=${RUNS:-20}
if [ "$tickets" = 10000 ]; then name=bench-repo-10k; else name=bench-repo-$tickets; fi
template=$root/target/$name
out=$root/target/bench-cli
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1

echo "== build"
cargo build --release --quiet --bin git-tracker --example gen_repo
bin=$root/target/release/git-tracker
gen=$root/target/release/examples/gen_repo

echo "== repository ($tickets tickets)"
cargo run --release --quiet --example gen_repo -- "$template" "$tickets"

repo=$work/repo
cp -a "$template" "$repo"
idx=$repo/.git/tracker/index-v2.bin
mid=$((tickets / 2))

echo
echo "== object store"
loose() { find "$1/.git/objects" -path '*/objects/[0-9a-f][0-9a-f]/*' -type f | wc -l; }
echo "after set-up:  $("$gen" stats "$repo")"
echo "               du -sh .git/objects: $(du -sh "$repo/.git/objects" | cut -f1), loose (find): $(loose "$repo")"
"$gen" pack "$repo" | sed 's/^/after pack:    /'
echo "               du -sh .git/objects: $(du -sh "$repo/.git/objects" | cut -f1), loose (find): $(loose "$repo")"
echo "local index:   $(du -h "$idx" | cut -f1) ($(stat -c %s "$idx") bytes)"
"$bin" -C "$repo" list >"$out/list.txt"
"$bin" -C "$repo" list --format json >"$out/list.json"
echo "list output:   $(wc -l <"$out/list.txt") lines; list --format json: $(stat -c %s "$out/list.json") bytes"

echo
echo "== timings (release binary, repository packed, page cache warm)"
g="$bin -C $repo"
results=()

# time_loop NAME PREPARE CMD: RUNS runs of CMD (after PREPARE each time), in milliseconds.
time_loop() {
    local label=$1 prepare=$2 cmd=$3 i t0 t1 times=()
    eval "$cmd" >/dev/null 2>&1 # warm-up
    for ((i = 0; i < runs; i++)); do
        eval "$prepare"
        t0=$(date +%s%N)
        eval "$cmd" >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($(((t1 - t0) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '
        { v[NR] = $1; s += $1 }
        END { printf "%-28s mean %8.1f ms   median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d runs)\n",
                     l, s / NR / 1000, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, v[NR] / 1000, NR }'
}

bench() { # bench NAME PREPARE CMD
    local label=$1 prepare=$2 cmd=$3
    if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then
        local args=(--runs "$runs" --style basic --export-json "$out/$label.json")
        if [ -n "$prepare" ]; then args+=(--prepare "$prepare"); else args+=(--warmup 3); fi
        hyperfine "${args[@]}" -n "$label" "$cmd"
        results+=("$(python3 - "$out/$label.json" <<'EOF' 2>/dev/null || echo "$label (see $out/$label.json)"
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: s * 1000
print(f'{r["command"]:<28} mean {ms(r["mean"]):8.1f} ms ± {ms(r["stddev"] or 0):5.1f}   '
      f'median {ms(r["median"]):8.1f} ms   min {ms(r["min"]):8.1f} ms   max {ms(r["max"]):8.1f} ms   '
      f'({len(r["times"])} runs)')
EOF
)")
    else
        results+=("$(time_loop "$label" "${prepare:-:}" "$cmd")")
        echo "${results[-1]}"
    fi
}

bench version "" "$g --version"
bench list "" "$g list"
bench list-json "" "$g list --format json"
bench list-all "" "$g list --all"
bench show "" "$g show TRK-$mid"
bench list-cold "rm -f $idx" "$g list"
bench new "" "$g new 'A ticket filed by bench/cli.sh' -m 'Nothing to see.'"

echo
echo "== summary ($("$bin" --version), $tickets tickets)"
printf '%s\n' "${results[@]}" | tee "$out/summary.txt"

echo
echo "== library phases in one fresh process (50 rounds on a fresh copy)"
cp -a "$template" "$work/phases"
"$gen" phases "$work/phases" 50 | tee "$out/phases.txt"

echo
echo "== full repack (what the automatic upkeep does when its 16th pack is due)"
# Simulated on a fresh copy by listing 15 packs in .git/tracker/packs (the upkeep's own
# bookkeeping, see src/store/gc.rs): pack_now then merges, i.e. packs the whole history.
cp -a "$template" "$work/repack"
for i in $(seq 1 15); do printf '%040d\n' "$i"; done >>"$work/repack/.git/tracker/packs"
"$gen" pack "$work/repack" | tee "$out/repack.txt"
git -C "$work/repack" count-objects -v | grep -E '^(count|in-pack|packs|size-pack):' | tr '\n' ' '
echo

if [ "$churn" -gt 0 ]; then
    echo
    echo "== automatic packing: $churn one-event commits (snapshot + comment) on a fresh copy"
    cp -a "$template" "$work/churn"
    "$gen" churn "$work/churn" "$churn" | tee "$out/churn.txt"
fi
echo
echo "(raw results in $out)"
