#!/usr/bin/env bash
# Importing GitHub issues (issue 14, R36): generates the JSON that `gh issue list --state all
# --json number,title,body,author,assignees,labels,state,createdAt,closedAt,comments` prints for
# N issues, then times `git tracker import --from github` into an empty repository, the same
# import again (nothing to add), and `export` of the result.
# See docs/performance.md ("Import and export") for the results; the target is 10 000 issues
# in at most 30 s.
#
#   bash bench/import_github.sh                      # 10 000 issues, release build
#   ISSUES=2000 bash bench/import_github.sh
#   BIN=target/debug/git-tracker bash bench/import_github.sh   # another build
#
# The issues are made by a seeded generator: 300 users, 12 labels (0 to 3 an issue), 0 to 6
# comments an issue (about 3 on average), a third of them closed, bodies of a few hundred
# bytes with CRLF line ends and some non-ASCII text. Needs git and python3.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
n=${ISSUES:-10000}
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --bin git-tracker
    bin=$root/target/release/git-tracker
else
    bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export HOME=$work GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com

python3 - "$n" > "$work/issues.json" <<'PY'
import json, random, sys
from datetime import datetime, timedelta, timezone

n = int(sys.argv[1])
rng = random.Random(14)
users = [f"user{i}" for i in range(300)] + ["app/dependabot", "zoë-dev"]
labels = ["bug", "enhancement", "documentation", "good first issue", "help wanted",
          "question", "wontfix", "duplicate", "ui", "performance", "security", "mobile app"]
start = datetime(2019, 1, 1, tzinfo=timezone.utc)
fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
author = lambda u: {"id": "U_" + u, "is_bot": u.startswith("app/"), "login": u, "name": u.title()}
issues = []
for number in range(1, n + 1):
    created = start + timedelta(minutes=30 * number + rng.randrange(30))
    comments = []
    t = created
    for c in range(rng.choice([0, 0, 1, 2, 3, 3, 4, 5, 6])):
        t += timedelta(hours=rng.randrange(1, 72))
        comments.append({
            "author": {"login": rng.choice(users)}, "authorAssociation": "NONE",
            "body": f"Comment {c} on #{number}: " + "seen it too. " * rng.randrange(1, 20),
            "createdAt": fmt(t), "id": f"IC_{number}_{c}", "includesCreatedEdit": False,
            "isMinimized": False, "minimizedReason": "", "reactionGroups": [],
            "url": f"https://github.com/acme/app/issues/{number}#issuecomment-{c}",
            "viewerDidAuthor": False,
        })
    closed = rng.random() < 0.33
    issues.append({
        "assignees": [{"id": "U_" + u, "login": u, "name": u.title()}
                      for u in rng.sample(users, rng.choice([0, 0, 1, 1, 2]))],
        "author": author(rng.choice(users)),
        "body": None if number % 17 == 0 else
                f"Steps to reproduce #{number}:\r\n1. open it\r\n2. café ☕\r\n\r\n"
                + "It fails. " * rng.randrange(5, 60),
        "closedAt": fmt(t + timedelta(hours=5)) if closed else None,
        "comments": comments,
        "createdAt": fmt(created),
        "labels": [{"color": "ededed", "description": "", "id": "LA_" + l, "name": l}
                   for l in rng.sample(labels, rng.choice([0, 1, 1, 2, 3]))],
        "number": number,
        "state": "CLOSED" if closed else "OPEN",
        "title": f"Issue {number}: something about {rng.choice(labels)} — ünïcode",
    })
json.dump(issues, sys.stdout, indent=2, ensure_ascii=False)
PY

git init -q "$work/repo"
size=$(du -h "$work/issues.json" | cut -f1)
echo "$n issues, $size of JSON ($(nproc) cores; $bin)"

seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
t0=$(seconds)
"$bin" -C "$work/repo" --quiet import --from github "$work/issues.json"
t1=$(seconds)
echo "import (empty repository):   $(python3 -c "print(f'{$t1-$t0:.1f}')") s, $(git -C "$work/repo" rev-list --count tracker) commits"
t0=$(seconds)
"$bin" -C "$work/repo" import --from github "$work/issues.json" 2>&1 | sed 's/^/    /'
t1=$(seconds)
echo "the same import again:       $(python3 -c "print(f'{$t1-$t0:.1f}')") s"
t0=$(seconds)
"$bin" -C "$work/repo" --quiet export -o "$work/export.json"
t1=$(seconds)
echo "export:                      $(python3 -c "print(f'{$t1-$t0:.1f}')") s, $(du -h "$work/export.json" | cut -f1)"
count=$("$bin" -C "$work/repo" list --all --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["tickets"]))')
echo "tickets listed:              $count"
[ "$count" = "$n" ]
