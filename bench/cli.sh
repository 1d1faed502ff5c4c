#!/usr/bin/env bash
# End-to-end timings of the release binary on a 10 000-ticket repository, and the object
# store's size before and after packing. See docs/performance.md for the results.
#
#   bash bench/cli.sh            # everything (about 5.5 minutes, 4 of them the merge step)
#   TICKETS=2000 bash bench/cli.sh
#   CHURN=0 bash bench/cli.sh    # skip the automatic-packing check (1 000 commits)
#   MERGE=0 bash bench/cli.sh    # skip the steady-state merge (4 095 commits, then 3 merges)
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
merge=${MERGE:-4095}
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

# copy DIR: a fresh copy of the cached repository with a current local index. The cache may
# hold an index written by an older version (another file name or schema); without this the
# first command on the copy would pay for a full rebuild.
copy() {
    cp -a "$template" "$1"
    rm -f "$1"/.git/tracker/index-v*
    "$bin" -C "$1" list >/dev/null
}

repo=$work/repo
copy "$repo"
idx=$repo/.git/tracker/index.sqlite # git_tracker::store::INDEX_FILE
mid=$((tickets / 2))

echo
echo "== object store"
loose() { find "$1/.git/objects" -path '*/objects/[0-9a-f][0-9a-f]/*' -type f | wc -l; }
echo "after set-up:  $("$gen" stats "$repo")"
echo "               du -sh .git/objects: $(du -sh "$repo/.git/objects" | cut -f1), loose (find): $(loose "$repo")"
"$gen" pack "$repo" | sed 's/^/after pack:    /'
echo "               du -sh .git/objects: $(du -sh "$repo/.git/objects" | cut -f1), loose (find): $(loose "$repo")"
"$bin" -C "$repo" list >"$out/list.txt"
echo "local index:   $(du -h "$idx" | cut -f1) ($(stat -c %s "$idx") bytes)"
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
bench list-cold "rm -f $idx $idx-wal $idx-shm" "$g list"
bench new "" "$g new 'A ticket filed by bench/cli.sh' -m 'Nothing to see.'"

echo
echo "== summary ($("$bin" --version), $tickets tickets)"
printf '%s\n' "${results[@]}" | tee "$out/summary.txt"

echo
echo "== library phases in one fresh process (50 rounds on a fresh copy)"
copy "$work/phases"
"$gen" phases "$work/phases" 50 | tee "$out/phases.txt"

echo
echo "== first merge in a packed repository (as after a clone)"
# The upkeep's bookkeeping (src/store/gc.rs) lists its small packs in .git/tracker/packs and
# merges when the next pack would be the 16th. Simulated on a fresh copy by listing 15 packs:
# pack_now then merges. Before the packer walked only loose commits, this packed the whole
# history again (5.5 s at 10 000 tickets, 4 minutes at 100 000); now it finds the few commits
# gen_repo left loose.
cp -a "$template" "$work/repack"
for i in $(seq 1 15); do printf '%040d\n' "$i"; done >>"$work/repack/.git/tracker/packs"
"$gen" pack "$work/repack" | tee "$out/repack.txt"
git -C "$work/repack" count-objects -v | grep -E '^(count|in-pack|packs|size-pack):' | tr '\n' ' '
echo

if [ "$merge" -gt 0 ]; then
    echo
    echo "== steady-state merge: the 16th pack after $merge one-event commits since the last merge"
    # A fresh copy, packed, then put in the state the upkeep leaves right after a merge at
    # the current tip: no loose commit, no small packs listed, counter at zero.
    # The cached history has only 500 commits, so `gen_repo churn` adds the recent history for
    # real: $merge ordinary commits, which write a small pack every 256 commits (15 of them for
    # 4 095 commits). On copies of the result pack_now is the merge: it packs what the loose
    # commits brought and the small packs' objects, and deletes the small packs. The `packs` file is
    # left empty, not "\n" as gc.rs writes it after a merge (that reads as one phantom entry and
    # brings the merge one pack early), so that the merge is the 16th pack.
    m=$work/merge
    copy "$m"
    "$gen" pack "$m" >/dev/null
    st=$m/.git/tracker
    since_tip=$(git -C "$m" rev-parse --verify 'tracker^{commit}')
    : >"$st/packs"
    : >"$st/unpacked"
    "$gen" churn "$m" "$merge" >"$out/merge-churn.txt"
    grep -E "^commit +(0|[0-9]*000|$merge):|^(of which|per commit|slowest|highest)" \
        "$out/merge-churn.txt"
    since=$(git -C "$m" rev-list --count "$since_tip..tracker")
    echo "small packs listed: $(grep -c . "$st/packs"); commits since the last merge: $since"
    : >"$out/merge.txt"
    for i in 1 2 3; do
        rm -rf "$work/merge-$i"
        cp -a "$m" "$work/merge-$i"
        "$gen" pack "$work/merge-$i" | tee -a "$out/merge.txt"
    done
    git -C "$work/merge-3" count-objects -v | grep -E '^(count|in-pack|packs|size-pack):' |
        tr '\n' ' '
    echo "(small packs listed: $(grep -c . "$work/merge-3/.git/tracker/packs"))"
    rm -rf "$work"/merge-*
fi

if [ "$churn" -gt 0 ]; then
    echo
    echo "== automatic packing: $churn one-event commits (snapshot + comment) on a fresh copy"
    copy "$work/churn"
    "$gen" churn "$work/churn" "$churn" | tee "$out/churn.txt"
fi
echo
echo "(raw results in $out)"
