#!/usr/bin/env bash
# What a priority move costs against a comment (issue 13, R25) at 10 000 ranked tickets:
# `priority KEY --up`, `--bottom` (the end farthest from the top: its position is counted
# over the whole ranking) and `--before KEY` against `comment KEY -m …`, on copies of a
# generated repository whose tickets in progress are all ranked.
#
#   bash bench/priority.sh                       # release binary, 16 000 tickets (10 000+ in progress)
#   PROFILE=debug RUNS=40 bash bench/priority.sh # without a release build (slower, same comparison)
#
# The repository is examples/gen_repo.rs's (TICKETS tickets, about 64 % of them in progress),
# then `gen_repo rank` ranks every ticket in progress with one `priority` event each (the keys
# `--bottom` gives, in key order). It is cached in target/bench-repo-TICKETS-ranked[-debug].
# Each variant works on its own copy; the variants run interleaved, run i acting on the i-th
# of a set of ranked tickets spread over the ranking (the same in every variant), and the
# times include Python's process start, the same for all. Results go to target/bench-priority/.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
profile=${PROFILE:-release}
tickets=${TICKETS:-16000}
runs=${RUNS:-100}
out=$root/target/bench-priority
mkdir -p "$out"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

if [ "$profile" = release ]; then
    cargo build --release --quiet --bin git-tracker --example gen_repo
    dir=$root/target/release
    suffix=
else
    cargo build --quiet --bin git-tracker --example gen_repo
    dir=$root/target/debug
    suffix=-debug
fi
bin=$dir/git-tracker
gen=$dir/examples/gen_repo
template=$root/target/bench-repo-$tickets-ranked$suffix
if [ ! -f "$template/ranked.txt" ]; then
    rm -rf "$template"
    "$gen" "$template" "$tickets" | tail -n 2
    "$gen" rank "$template" | tee "$template/ranked.txt"
    "$gen" pack "$template" | sed -n 1p
fi
cat "$template/ranked.txt"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for v in comment up bottom before; do
    cp -a "$template" "$work/$v"
    "$bin" -C "$work/$v" list --limit 1 >/dev/null # the index at the current schema
done

echo "== $runs runs per variant, interleaved ($profile binary; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$bin" "$work" "$runs" "$out" <<'EOF'
import json, statistics, subprocess, sys, time
binary, work, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
listing = subprocess.run([binary, "-C", f"{work}/comment", "list", "--sort", "priority",
                          "--format", "json"], capture_output=True, check=True).stdout
ranked = [t["key"] for t in json.loads(listing)["tickets"] if t["priority"] is not None]
print(f"ranked tickets: {len(ranked)}")
middle = ranked[len(ranked) // 2]
# Run i acts on a ticket spread over the ranking (never the middle one, the anchor).
step = max(1, (len(ranked) - 2) // (runs + 3))
targets = [k for k in ranked[1::step] if k != middle][: runs + 3]
variants = [
    ("comment KEY -m bench", "comment", lambda k: ["comment", k, "-m", "bench"]),
    ("priority KEY --up", "up", lambda k: ["priority", k, "--up"]),
    ("priority KEY --bottom", "bottom", lambda k: ["priority", k, "--bottom"]),
    ("priority KEY --before MID", "before", lambda k: ["priority", k, "--before", middle]),
]
times = {name: [] for name, _, _ in variants}
for i, key in enumerate(targets):
    for name, copy, args in variants:
        cmd = [binary, "-C", f"{work}/{copy}", *args(key)]
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if i >= 3:  # the first three rounds warm up
            times[name].append((time.perf_counter() - t0) * 1000)
json.dump(times, open(f"{out}/times.json", "w"))
base = statistics.median(times["comment KEY -m bench"])
for name, _, _ in variants:
    m = statistics.median(times[name])
    print(f"{name:<26} median {m:7.2f} ms  ({m - base:+.2f} ms against comment)")
EOF
for v in up bottom before; do
    n=$("$bin" -C "$work/$v" list --sort priority --format json |
        python3 -c 'import json,sys; print(sum(1 for t in json.load(sys.stdin)["tickets"] if t["priority"]))')
    echo "after the $v runs: $n ranked; longest key $("$bin" -C "$work/$v" list --sort priority --format json |
        python3 -c 'import json,sys; print(max(len(t["rank"] or "") for t in json.load(sys.stdin)["tickets"]))') characters"
done
