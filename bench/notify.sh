#!/usr/bin/env bash
# What mail notifications cost a write command (issue 11): `comment` on the 10 000-ticket
# repository with the current release binary against one built at BASE (default: the commit
# before the mail code), both with no transport configured, and the current binary with a
# file: transport (every comment then composes and writes one mail per watcher).
#
#   bash bench/notify.sh                 # about 4 minutes the first time (builds BASE)
#   RUNS=60 BASE=<commit> bash bench/notify.sh
#
# Each variant works on its own copy of the cached repository (target/bench-repo-10k, made by
# examples/gen_repo.rs as for bench/cli.sh). hyperfine runs the variants one after the other,
# so the script repeats the whole set ROUNDS times and prints every median, to show the drift
# of this machine beside the difference.
# Needs hyperfine. Results go to target/bench-notify/.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
base=${BASE:-371b0ec}
runs=${RUNS:-40}
rounds=${ROUNDS:-3}
out=$root/target/bench-notify
mkdir -p "$out"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

command -v hyperfine >/dev/null || { echo "needs hyperfine" >&2; exit 1; }
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
    # Bring each copy's index to its binary's schema before timing, and give TRK-5000 a
    # second watcher (the commenter, Bench, is not mailed about their own comment).
    bin=$now
    [ "$v" = base ] && bin=$old
    "$bin" -C "$work/$v" list --limit 1 >/dev/null
    "$bin" -C "$work/$v" watch TRK-5000 ann@example.com >/dev/null 2>&1
done
git -C "$work/file" config tracker.mail.transport "file:$work/mail"
git -C "$work/file" config tracker.mail.from tracker@example.com

echo "== comment on TRK-5000 ($runs runs per variant, $rounds rounds; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg))"
for r in $(seq "$rounds"); do
    hyperfine -N --warmup 3 --runs "$runs" --style none --export-json "$out/round-$r.json" \
        -n "base ($base), no transport" "$old -C $work/base comment TRK-5000 -m bench" \
        -n "now, no transport" "$now -C $work/none comment TRK-5000 -m bench" \
        -n "now, file: transport" "$now -C $work/file comment TRK-5000 -m bench" >/dev/null
    python3 - "$out/round-$r.json" "$r" <<'EOF'
import json, sys
for res in json.load(open(sys.argv[1]))["results"]:
    print(f'round {sys.argv[2]}  {res["command"]:<32} median {res["median"] * 1000:6.2f} ms')
EOF
done
echo "mails written by the file: variant: $(find "$work/mail" -name '*.eml' | wc -l)"
