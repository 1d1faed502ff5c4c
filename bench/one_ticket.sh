#!/usr/bin/env bash
# One ticket with many events (issues 8 and 9): what a user with push access can make every
# reader pay. Builds a tracker whose one ticket has N events, written straight onto the branch
# with `git fast-import` (one commit, as a push would bring them), then times `show` and `log`
# of that ticket with hyperfine and measures their peak memory with `/usr/bin/time -v`.
# See docs/performance.md ("One ticket with many events") for the results.
#
#   bash bench/one_ticket.sh                  # 10 000 and 20 000 events
#   EVENTS="10000" RUNS=20 bash bench/one_ticket.sh
#   BIN=/path/to/other/git-tracker bash bench/one_ticket.sh   # another build, e.g. an older one
#   KEEP=/tmp/one bash bench/one_ticket.sh    # keep each repository as /tmp/one-N (to profile)
#
# The events form one chain (each names the previous one as its parent, with the next Lamport
# clock), cycling through state changes, comments, comment edits, assignments, watch/unwatch of
# 1 000 different people and title edits; the last two are concurrent state changes to
# different states, so the ticket ends contested. Needs git, python3 and hyperfine.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
sizes=${EVENTS:-10000 20000}
runs=${RUNS:-10}
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --bin git-tracker
    bin=$root/target/release/git-tracker
else
    bin=$BIN
fi
out=$root/target/bench-one-ticket
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export HOME=$work GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com

# make_repo DIR N: a repository whose tracker has one ticket (TRK-1) with N events besides its
# create event.
make_repo() {
    local dir=$1 n=$2
    git init -q "$dir"
    git -C "$dir" commit -q --allow-empty -m first
    "$bin" -C "$dir" init >/dev/null 2>&1
    "$bin" -C "$dir" new "A ticket with $n events" >/dev/null 2>&1
    local file tip
    file=$(git -C "$dir" ls-tree -r --name-only tracker -- tickets | head -n 1)
    tip=$(git -C "$dir" rev-parse tracker)
    python3 - "$file" "$tip" "$n" <<'EOF' | git -C "$dir" fast-import --quiet
import hashlib, sys

path, tip, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
ticket_dir, create = path.rsplit("/", 1)
create = create[: -len(".toml")]
out = sys.stdout.buffer

def eid(k):
    return hashlib.md5(f"bench-event-{k}".encode()).hexdigest()

def data(b):
    out.write(b"data %d\n" % len(b) + b + b"\n")

msg = f"{n} events on one ticket (bench/one_ticket.sh)".encode()
out.write(b"commit refs/heads/tracker\ncommitter Bench <bench@example.com> 1767225600 +0000\n")
data(msg)
out.write(f"from {tip}\n".encode())
state, prev, comments = "POSTED", create, []
for k in range(1, n + 1):
    lamport, parents = k + 1, [prev]
    m = k % 8
    who = f"person{k % 1000}"
    if k > n - 2:  # the last two: concurrent changes, to different states
        lamport, parents = n, [eid(n - 2) if n > 2 else create]
        body = f'kind = "state"\nfrom = "{state}"\nto = "{"TESTING" if k == n else "WAITING"}"\n'
    elif m == 0:
        to = "RESOLVING" if state != "RESOLVING" else "WAITING"
        body = f'kind = "state"\nfrom = "{state}"\nto = "{to}"\nmessage = "step {k}"\n'
        state = to
    elif m in (1, 5):
        body = f'kind = "comment"\nbody = "Comment number {k}.\\nWith a second line."\n'
        comments.append(eid(k))
    elif m == 2:
        body = f'kind = "assign"\n\n[assignee]\nname = "P {k % 500}"\nemail = "p{k % 500}@example.com"\n'
    elif m == 3:
        body = f'kind = "watch"\n\n[person]\nname = "W"\nemail = "{who}@example.com"\n'
    elif m == 4:
        body = f'kind = "comment-edit"\ncomment = "{comments[-1]}"\nbody = "Edited at {k}."\n'
    elif m == 6:
        body = f'kind = "unwatch"\n\n[person]\nname = "W"\nemail = "person{(k + 500) % 1000}@example.com"\n'
    else:
        body = f'kind = "edit"\ntitle = "Title, version {k}"\n'
    head, _, table = body.partition("\n\n")
    text = (f'version = 1\n{head}\nlamport = {lamport}\nparents = {parents!r}\n'
            f'at = "2026-01-01T00:00:00Z"\n\n[author]\nname = "Bench"\nemail = "bench@example.com"\n')
    text = text.replace("'", '"')
    if table:
        text += "\n" + table
    out.write(f"M 100644 inline {ticket_dir}/{eid(k)}.toml\n".encode())
    data(text.encode())
    prev = eid(k)
out.write(b"\n")
EOF
    # The first command after the push updates the local index; the timings below do not
    # include it.
    "$bin" -C "$dir" list >/dev/null
}

summary=()
for n in $sizes; do
    repo=$work/repo-$n
    echo "== one ticket with $n events"
    t0=$(date +%s%N)
    make_repo "$repo" "$n"
    t1=$(date +%s%N)
    echo "built in $(((t1 - t0) / 1000000)) ms; branch objects: $(git -C "$repo" count-objects -vH | grep size-pack)"
    if [ -n "${KEEP:-}" ]; then rm -rf "$KEEP-$n" && cp -a "$repo" "$KEEP-$n"; fi
    "$bin" -C "$repo" show TRK-1 --format json >"$out/show-$n.out.json"
    python3 - "$out/show-$n.out.json" <<'EOF'
import json, sys
t = json.load(open(sys.argv[1]))
print(f"show --format json: {len(t['transitions'])} transitions, {len(t['comments'])} comments, "
      f"{len(t['watchers'])} watchers, contested {t['contested']}")
EOF
    for cmd in show log; do
        hyperfine -N --warmup 1 --runs "$runs" --style basic \
            --export-json "$out/$cmd-$n.json" -n "$cmd-$n" "$bin -C $repo $cmd TRK-1"
        /usr/bin/time -v "$bin" -C "$repo" "$cmd" TRK-1 2>"$out/$cmd-$n.time" >/dev/null
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/$cmd-$n.time")
        summary+=("$(python3 - "$out/$cmd-$n.json" "$rss" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: s * 1000
print(f'{r["command"]:<12} mean {ms(r["mean"]):8.1f} ms ± {ms(r["stddev"] or 0):6.1f}   '
      f'median {ms(r["median"]):8.1f}   min {ms(r["min"]):8.1f}   '
      f'CPU (user + sys) {ms(r["user"] + r["system"]):8.1f} ms   ({len(r["times"])} runs)   '
      f'max RSS {int(sys.argv[2]) / 1024:7.1f} MiB')
EOF
)")
    done
done
echo
echo "== summary ($("$bin" --version); load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs)"
printf '%s\n' "${summary[@]}" | tee "$out/summary.txt"
