#!/usr/bin/env bash
# Cost of shared ticket numbers after a plain `git merge` (issue 9, finding 5): `new` in a
# repository where a merge brought SHARED tickets whose numbers the local side also used,
# followed by LATER commits, against the same history without shared numbers. The numbers go
# in docs/performance.md ("Shared numbers").
#
#   bash bench/shared_numbers.sh                 # 100 shared numbers, 3 000 later commits
#   SHARED=1000 LATER=300 bash bench/shared_numbers.sh
#
# Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
shared=${SHARED:-100}
later=${LATER:-3000}
work=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work"; fi

export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

cargo build --release --quiet --bin git-tracker --example gen_repo
bin=$root/target/release/git-tracker
gen=$root/target/release/examples/gen_repo

# make NAME MERGE: an origin with SHARED tickets from clone "a", and clone NAME holding SHARED
# tickets of its own; with MERGE=yes they were created apart (same numbers) and combined by a
# plain `git pull` in a worktree; with MERGE=no, NAME synced first (unique numbers). Then
# LATER commits in NAME.
make() {
    local name=$1 merge=$2 dir=$work/$1
    git init -q --bare "$dir-origin.git"
    git init -q "$dir-a" && git -C "$dir-a" remote add origin "$dir-origin.git"
    "$bin" -C "$dir-a" init --quiet
    "$bin" -C "$dir-a" sync --quiet
    git clone -q "$dir-origin.git" "$dir"
    "$bin" -C "$dir" sync --quiet
    for i in $(seq "$shared"); do "$bin" -C "$dir-a" new --quiet "a $i" >/dev/null; done
    "$bin" -C "$dir-a" sync --quiet
    if [ "$merge" = no ]; then "$bin" -C "$dir" sync --quiet; fi
    for i in $(seq "$shared"); do "$bin" -C "$dir" new --quiet "b $i" >/dev/null; done
    if [ "$merge" = yes ]; then
        git -C "$dir" fetch -q origin tracker
        git -C "$dir" worktree add -q "$dir-wt" tracker
        git -C "$dir-wt" merge -q --no-edit origin/tracker
        git -C "$dir" worktree remove "$dir-wt"
    fi
    for i in $(seq "$later"); do "$bin" -C "$dir" comment --quiet "TRK-$((i % shared + 1))" -m "later $i" >/dev/null; done
    "$bin" -C "$dir" list --all >/dev/null
}

echo "== building the two repositories ($shared tickets a side, $later later commits each)"
make shared yes
make unique no
keys_shared=$("$bin" -C "$work/shared" list --all --format json | grep -c '"key"')
keys_unique=$("$bin" -C "$work/unique" list --all --format json | grep -c '"key"')
echo "tickets: $keys_shared (with shared numbers), $keys_unique (unique)"

# Pack both now, so that no automatic packing (every 256 commits) falls inside one series.
"$gen" pack "$work/shared" >/dev/null
"$gen" pack "$work/unique" >/dev/null
echo "== git tracker new"
hyperfine -N --warmup 3 --runs 60 \
    -n "shared numbers" "$bin -C $work/shared new --quiet x" \
    -n "unique numbers" "$bin -C $work/unique new --quiet x"
echo "== git tracker list"
hyperfine -N --warmup 3 --runs 30 \
    -n "shared numbers" "$bin -C $work/shared list" \
    -n "unique numbers" "$bin -C $work/unique list"
echo "== after the index is deleted (the settlement is computed again, once)"
hyperfine -N --warmup 1 --runs 10 \
    --prepare "rm -f $work/shared/.git/tracker/index.sqlite*" \
    -n "shared numbers, cold" "$bin -C $work/shared list" \
    --prepare "rm -f $work/unique/.git/tracker/index.sqlite*" \
    -n "unique numbers, cold" "$bin -C $work/unique list"
