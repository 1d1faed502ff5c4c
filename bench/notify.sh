#!/usr/bin/env bash
# What mail notifications cost a write command (issue 11): `comment` on the 10 000-ticket
# repository with the current release binary against one built at BASE (default: the commit
# before the mail code), both with no transport configured, and the current binary with a
# file: transport (every comment then composes and writes one mail per watcher).
#
#   bash bench/notify.sh                 # about 4 minutes the first time (builds BASE)
#   RUNS=200 BASE=<commit> bash bench/notify.sh
#
# Each variant works on its own copy of the cached repository (target/bench-repo-10k, made by
# examples/gen_repo.rs as for bench/cli.sh). The variants run interleaved, each run on a
# ticket not commented before (the same one in every variant), so that the machine's drift
# and a ticket's growing history weigh on all three alike; the times include Python's process
# start, the same for all. Results go to target/bench-notify/.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
base=${BASE:-371b0ec}
runs=${RUNS:-100}
out=$root/target/bench-notify
mkdir -p "$out"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

cargo build --release --quiet --bin git-tracker --example gen_repo
now=$root/target/release/git-tracker
template=$root/target/bench-repo-10k
[ -d "$template" ] || "$root/target/release/examples/gen_repo" "$template" 10000 | tail -n 2

# The binary at BASE, built once in a worktree of its own.
basedir=$root/target/bench-notify-base
if [ ! -x "$basedir/target/release/git-tracker" ] ||
    [ "$(git -C "$basedir" rev-parse HEAD 2>/dev/null)" != "$(git rev-parse "$base")" ]; then
    rm -rf "$basedir"
    git worktree prune
    git worktree add --detach "$basedir" "$base" >/dev/null
    (cd "$basedir" && cargo build --release --quiet --bin git-tracker)
fi
old=$basedir/target/release/git-tracker

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for v in base none file; do
    cp -a "$template" "$work/$v"
    # Bring each copy's index to its binary's schema before timing.
    bin=$now
    [ "$v" = base ] && bin=$old
    "$bin" -C "$work/$v" list --limit 1 >/dev/null
done
git -C "$work/file" config tracker.mail.transport "file:$work/mail"
git -C "$work/file" config tracker.mail.from tracker@example.com

echo "== comment, interleaved: run i comments on TRK-(100+i) with each variant in turn ($runs runs; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$old" "$now" "$work" "$runs" "$out" <<'EOF2'
import json, statistics, subprocess, sys, time
old, now, work, runs, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
variants = [
    ("base, no transport", old, "base"),
    ("now, no transport", now, "none"),
    ("now, file: transport", now, "file"),
]
times = {name: [] for name, _, _ in variants}
for i in range(runs + 3):
    for name, binary, copy in variants:
        args = [binary, "-C", f"{work}/{copy}", "comment", f"TRK-{100 + i}", "-m", "bench"]
        t0 = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if i >= 3:  # the first three rounds warm up
            times[name].append((time.perf_counter() - t0) * 1000)
json.dump(times, open(f"{out}/times.json", "w"))
base = statistics.median(times["base, no transport"])
for name, _, _ in variants:
    m = statistics.median(times[name])
    print(f"{name:<24} median {m:6.2f} ms  ({m - base:+.2f} ms against base)")
EOF2
echo "mails written by the file: variant: $(find "$work/mail" -name '*.eml' | wc -l)"
