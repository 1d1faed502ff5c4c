#!/usr/bin/env bash
# git-tracker against Fossil's tickets, side by side (issue 10). Fossil (fossil-scm.org) keeps
# its tickets in the SQLite database that is its repository and answers ticket commands from
# its TICKET and TICKETCHNG tables; it is the speed peer. This script gives both tools the same
# 10 000 tickets and times the same seven operations in each, with hyperfine, in one run. See
# docs/performance.md ("Against Fossil") for the results.
#
#   bash bench/vs-fossil.sh                 # 10 000 tickets (about 3 minutes once both
#                                           # repositories are cached, see below)
#   TICKETS=500 bash bench/vs-fossil.sh     # a quick check of the script itself
#   RUNS=30 WARMUP=5 WORD=printer bash bench/vs-fossil.sh
#   KEEP=1 bash bench/vs-fossil.sh          # keep the work directory (the copies timed)
#
# Installs Debian's fossil and hyperfine when missing (apt-get, as scripts/test.sh does for
# chromium); needs git and Python 3.11+ (tomllib). Raw results go to target/bench-vs-fossil/.
#
# THE WORKLOAD. Both repositories hold the same tickets, built through each tool's bulk path
# (building is not timed):
#  * Ours: examples/gen_repo.rs, as for every number in docs/performance.md (cached in
#    target/bench-repo-10k, shared with bench/cli.sh and `cargo bench`): 9 900 tickets in
#    bulk commits through `Store::commit`, then 400 ordinary `Tracker` calls. Making its
#    37 000 events through the command line would take about half an hour, and it is the
#    repository, not its making, that is measured.
#  * Fossil: the same events, read back from our branch (`git log --raw` and
#    `git cat-file --batch`, in commit order; within a bulk commit by ticket number, then
#    Lamport clock), each written as one Fossil ticket-change artifact (D, J, K, U and Z
#    cards, docs fossil-scm.org/home/doc/trunk/www/fileformat.wiki), and the directory of
#    artifacts made into a repository by `fossil reconstruct`, Fossil's own bulk path. The
#    repository is what `fossil ticket add`/`set` would have made (the same kind of
#    artifacts, crosslinked by the same code) but for the dates, authors and ticket ids,
#    which are ours; one `fossil ticket add` process per event would take over 10 minutes.
#    So both hold the same titles, descriptions, comments, assignments and state changes,
#    by the same people at the same times, in the same order.
#  * How our events map onto Fossil's default ticket setup, as its web forms write them:
#    create = title, type Code_Defect, status Open, opened_by, and the description as
#    `icomment` with its `mimetype` (as the "new ticket" page stores it) and `username`;
#    comment = `icomment`, `mimetype`, `username` (the "edit ticket" page's remark);
#    state = `status` and `resolution` (plus the message as a remark when there is one);
#    assign = `assigned_to`. Our states map to Fossil's default statuses: POSTED Open,
#    OPEN Verified, RESOLVING Review, WAITING Deferred, TESTING and PUBLISHED Tested, and the
#    four finished states Closed (resolution Fixed, Fixed, Rejected, External_Bug), since
#    Fossil's own "ticket closed" test is status='Closed'.
#  * Fossil's ticket table gets the two columns of its customization guide
#    (www/custom_ticket.wiki), `assigned_to` and `opened_by` (our reporter), and one report,
#    "Open tickets", with the columns of our `list` (id, reported, reporter, assignee, status,
#    priority, title), newest first. Both are rows an administrator adds through the web UI
#    (Admin > Tickets > Table, and Tickets > New report format); here `fossil sql` writes
#    them, then `fossil rebuild`.
#
# THE OPERATIONS (ours / Fossil), each tool's normal command line, `-R REPO` for Fossil:
#  * create:  `new TITLE -m DESC` / `fossil ticket add title T icomment D type … status Open
#             opened_by … mimetype … username …` (the fields the "new ticket" page sets).
#             Each run adds one ticket.
#  * comment: `comment KEY -m TEXT` / `fossil ticket set UUID icomment TEXT mimetype …
#             username …`. Each run adds one comment to the same ticket.
#  * close:   `state KEY resolved -m TEXT` / `fossil ticket set UUID status Closed resolution
#             Fixed icomment TEXT …`, on an in-progress ticket that hyperfine's --prepare
#             step reopens before every run (`state KEY open --reopen` / `status Verified
#             resolution Open`), so each run adds two events to that ticket in both tools.
#  * list open, table: `list` / `fossil ticket show 'Open tickets'` (the report above, as
#             Fossil's tab-separated flat file).
#  * list open, JSON: `list --format json` / `fossil json report run -r N -f o`, the same
#             report through Fossil's JSON API. `json report run` takes no filter, hence the
#             report rather than `fossil ticket show 0 FILTER`.
#  * show:    `show KEY` / `fossil ticket history UUID`: our `show` prints the fields,
#             description, comments and transitions; Fossil's CLI has no single-ticket view,
#             and `ticket history` is the command that prints a ticket's description,
#             remarks and every field change (a report with a filter would print only the
#             current fields).
#  * search a word: `list --all --query WORD`: every ticket whose title, description,
#             solution or comments hold the word (FTS5 over the local index; `--all`
#             because a query without a state term lists open tickets only). The number of
#             matches is printed beside Fossil's (a LIKE substring match, which could find
#             more). When `list --help` does not mention `--query` (an older build), `list
#             --all --format json | grep -c WORD` through a shell (hyperfine runs it without
#             -N and subtracts the shell's start-up), which sees titles only, marked as such
#             in the output. Fossil: `fossil ticket show 0 "title LIKE '%WORD%' OR tkt_id IN
#             (SELECT tkt_id FROM ticketchng WHERE icomment LIKE '%WORD%')"`, report 0 (every
#             column of TICKET) filtered on the title, the description and the comments. Not
#             `fossil search`: it searches only the timeline (check-in and ticket-change
#             comments); Fossil's full-text index for tickets serves only its web UI.
#
# HOW IT IS TIMED. hyperfine with -N (no shell) except for the stand-in, WARMUP warm-up runs
# and RUNS timed runs per command, output to /dev/null, page cache warm. For each operation
# ours runs and then Fossil's, one after the other. Reads run on one copy of each
# repository; each write operation starts from a fresh copy of each. Our copies are packed
# (`gen_repo pack`) and their local index is current, as in bench/cli.sh; the Fossil
# repository is as `fossil rebuild` leaves it. Before the timings the script checks that both
# repositories hold the same number of tickets and list the same number of open ones; after
# each write, that it did what it says. The Fossil repository is cached in
# target/bench-fossil-N/ and made again when the tip of our cached repository, or this script's
# conversion, changes (about 50 s at 10 000 tickets).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
tickets=${TICKETS:-10000}
runs=${RUNS:-20}
warmup=${WARMUP:-3}
word=${WORD:-printer}
if [ "$tickets" = 10000 ]; then name=bench-repo-10k; else name=bench-repo-$tickets; fi
template=$root/target/$name
fossil_cache=$root/target/bench-fossil-$tickets
out=$root/target/bench-vs-fossil
mkdir -p "$out"
rm -f "$out"/*.json
work=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work"; fi

missing=()
command -v fossil >/dev/null 2>&1 || missing+=(fossil)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v git >/dev/null 2>&1 || missing+=(git)
python3 -c 'import tomllib' >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} (apt-get)"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
fi

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(loadavg)

echo "== build"
cargo build --release --quiet --bin git-tracker --example gen_repo
bin=$root/target/release/git-tracker
gen=$root/target/release/examples/gen_repo

# From here on both tools run with a private HOME (Fossil keeps its global settings in
# ~/.fossil), as the user "bench" (Fossil takes it from USER, our tool from the git identity).
export HOME=$work/home USER=bench
mkdir -p "$HOME"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

echo "== our repository ($tickets tickets, examples/gen_repo.rs)"
"$gen" "$template" "$tickets"
tip=$(git -C "$template" rev-parse tracker)

# The artifacts of a Fossil repository holding the same events as our branch: convert
# REPO DIR writes one ticket-change artifact per event file into DIR.
convert() {
    python3 - "$1" "$2" <<'EOF'
import hashlib, os, subprocess, sys, tomllib

repo, outdir = sys.argv[1], sys.argv[2]

def git(*args, data=None):
    return subprocess.run(["git", "-C", repo, *args], input=data, capture_output=True,
                          check=True).stdout

# Every event file in the order the branch got it: commits oldest first (first parents),
# and within one commit by ticket number, then Lamport clock.
log = git("log", "--reverse", "--first-parent", "--raw", "--no-abbrev", "--no-renames",
          "--format=C %H", "tracker", "--", "tickets/").decode()
commits = []
for line in log.splitlines():
    if line.startswith("C "):
        commits.append([])
    elif line.startswith(":"):
        meta, path = line.split("\t", 1)
        meta = meta.split()
        if meta[4] == "A" and path.endswith(".toml"):
            commits[-1].append((path, meta[3]))
raw = git("cat-file", "--batch",
          data="".join(oid + "\n" for c in commits for _, oid in c).encode())
content, pos = {}, 0
while pos < len(raw):
    nl = raw.index(b"\n", pos)
    oid, _, size = raw[pos:nl].decode().split()
    content[oid] = raw[nl + 1 : nl + 1 + int(size)]
    pos = nl + 1 + int(size) + 1

ESCAPES = {" ": "\\s", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v",
           "\0": "\\0", "\\": "\\\\"}
def fossilize(s):
    return "".join(ESCAPES.get(c, c) for c in s)

# Our state -> Fossil's (status, resolution), from its default ticket setup.
STATUS = {"POSTED": ("Open", "Open"), "OPEN": ("Verified", "Open"),
          "RESOLVING": ("Review", "Open"), "WAITING": ("Deferred", "Open"),
          "TESTING": ("Tested", "Open"), "PUBLISHED": ("Tested", "Open"),
          "RESOLVED": ("Closed", "Fixed"), "VALIDATED": ("Closed", "Fixed"),
          "ABANDONNED": ("Closed", "Rejected"), "TRANSFERED": ("Closed", "External_Bug")}

def login(person):
    return person["email"].split("@")[0]

numbers, n = {}, 0
for commit in commits:
    events = []
    for path, oid in commit:
        e = tomllib.loads(content[oid].decode())
        ticket = path.split("/")[2]
        if e["kind"] == "create":
            numbers[ticket] = e["number"]
        events.append((ticket, e))
    events.sort(key=lambda te: (numbers[te[0]], te[1]["lamport"]))
    for ticket, e in events:
        remark = lambda text: {"icomment": text, "mimetype": "text/plain",
                               "username": e["author"]["name"]}
        kind = e["kind"]
        if kind == "create":
            j = {"title": e["title"], "type": "Code_Defect", "status": "Open",
                 "opened_by": login(e["author"])} | remark(e.get("description", ""))
            if "assignee" in e:
                j["assigned_to"] = login(e["assignee"])
        elif kind == "state":
            status, resolution = STATUS[e["to"]]
            j = {"status": status, "resolution": resolution}
            if e.get("message"):
                j |= remark(e["message"])
        elif kind == "comment":
            j = remark(e["body"])
        elif kind == "assign":
            j = {"assigned_to": login(e["assignee"]) if "assignee" in e else ""}
        else:
            sys.exit(f"{path}: no Fossil equivalent for a {kind!r} event")
        # Fossil orders a ticket's changes by their D card: the Lamport clock as milliseconds
        # keeps two events of one command (same second) in order.
        text = "D %s.%03d\n" % (e["at"].rstrip("Z"), min(e["lamport"], 999))
        for name, value in sorted(j.items()):
            text += f"J {name} {fossilize(value)}".rstrip(" ") + "\n"
        text += f"K {ticket}00000000\nU {login(e['author'])}\n"
        text += f"Z {hashlib.md5(text.encode()).hexdigest()}\n"
        n += 1
        d = os.path.join(outdir, "%04d" % (n // 1000))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "%07d" % n), "w") as f:
            f.write(text)
print(f"{n} ticket-change artifacts for {len(numbers)} tickets")
EOF
}

# The ticket table of Fossil's customization guide (the default one plus assigned_to and
# opened_by) and the report "Open tickets".
fossil_setup_sql() {
    cat <<'EOF'
REPLACE INTO config(name, value, mtime) VALUES('ticket-table', 'CREATE TABLE repository.ticket(
  -- Do not change any column that begins with tkt_
  tkt_id INTEGER PRIMARY KEY,
  tkt_uuid TEXT UNIQUE,
  tkt_mtime DATE,
  tkt_ctime DATE,
  -- Add as many fields as required below this line
  type TEXT,
  status TEXT,
  subsystem TEXT,
  priority TEXT,
  severity TEXT,
  foundin TEXT,
  private_contact TEXT,
  resolution TEXT,
  title TEXT,
  comment TEXT,
  assigned_to TEXT,
  opened_by TEXT
);
CREATE TABLE repository.ticketchng(
  -- Do not change any column that begins with tkt_
  tkt_id INTEGER REFERENCES ticket,
  tkt_rid INTEGER REFERENCES blob,
  tkt_mtime DATE,
  tkt_user TEXT,
  -- Add as many fields as required below this line
  login TEXT,
  username TEXT,
  mimetype TEXT,
  icomment TEXT
);
CREATE INDEX repository.ticketchng_idx1 ON ticketchng(tkt_id, tkt_mtime);', now());
INSERT INTO reportfmt(owner, title, mtime, cols, sqlcode) VALUES('bench', 'Open tickets', now(), '',
'SELECT
  substr(tkt_uuid,1,10) AS ''#'',
  date(tkt_ctime) AS ''reported'',
  opened_by AS ''reporter'',
  assigned_to AS ''assignee'',
  status,
  priority,
  title
FROM ticket
WHERE status<>''Closed''
ORDER BY tkt_ctime DESC');
EOF
}

echo
echo "== Fossil repository (the same events, fossil reconstruct)"
# The cache is keyed by our tip and by the code that makes the Fossil repository.
made_from="$tip $(declare -f convert fossil_setup_sql | md5sum | cut -c1-12)"
if [ "$(cat "$fossil_cache/source" 2>/dev/null)" = "$made_from" ] && [ -f "$fossil_cache/repo.fossil" ]; then
    echo "reusing $fossil_cache (made from tracker tip $tip)"
else
    rm -rf "$fossil_cache" "$work/artifacts" "$work/new.fossil"
    t0=$(date +%s%N)
    mkdir "$work/artifacts"
    convert "$template" "$work/artifacts"
    t1=$(date +%s%N)
    fossil reconstruct "$work/new.fossil" "$work/artifacts" >"$work/reconstruct.log"
    fossil_setup_sql | fossil sql -R "$work/new.fossil"
    fossil rebuild -R "$work/new.fossil" >"$work/rebuild.log"
    t2=$(date +%s%N)
    echo "converted in $(((t1 - t0) / 1000000)) ms; reconstruct + rebuild in $(((t2 - t1) / 1000000)) ms"
    mkdir -p "$fossil_cache"
    mv "$work/new.fossil" "$fossil_cache/repo.fossil"
    echo "$made_from" >"$fossil_cache/source"
    rm -rf "$work/artifacts"
fi
echo "repository file: $(du -h "$fossil_cache/repo.fossil" | cut -f1); our .git/objects: $(du -sh "$template/.git/objects" | cut -f1) before packing"

# Fresh copies: ours with a current local index, packed (as bench/cli.sh); Fossil's file.
cp -a "$template" "$work/ours"
rm -rf "$work"/ours/.git/tracker/index*
"$bin" -C "$work/ours" list >/dev/null
"$gen" pack "$work/ours" | sed -n 1p
# Copies are never deleted before the end: on a file system without a journal, ext4 skips the
# inodes freed in the last minutes when it allocates one, so deleting a repository copy just
# before a timing would slow every file a command creates (we create more files than Fossil,
# whose whole repository is one file) for reasons that are the benchmark's, not the tools'.
ours_copy() { cp -a "$work/ours" "$1"; }
fossil_copy() { cp "$fossil_cache/repo.fossil" "$1"; }
ours=$work/ours-read
fsl=$work/read.fossil
ours_copy "$ours"
fossil_copy "$fsl"

# The tickets the operations work on: TRK-<middle> for show and comment, and for close the
# in-progress ticket in state OPEN nearest to it. Fossil's ticket uuid is our id and eight 0s.
mid=$((tickets / 2))
"$bin" -C "$ours" list --format json >"$out/list-open.json"
"$bin" -C "$ours" list --all --format json >"$out/list-all.json"
read -r show_key show_uuid close_key close_uuid ours_all ours_open <<<"$(
    python3 - "$out/list-all.json" "$out/list-open.json" "$mid" <<'EOF'
import json, sys
every = json.load(open(sys.argv[1]))["tickets"]
open_ = json.load(open(sys.argv[2]))["tickets"]
mid = int(sys.argv[3])
show = next(t for t in every if t["number"] == mid)
close = min((t for t in open_ if t["state"] == "OPEN"), key=lambda t: abs(t["number"] - mid))
print(show["key"], show["id"] + "00000000", close["key"], close["id"] + "00000000",
      len(every), len(open_))
EOF
)"
check() { # check ACTUAL EXPECTED: stop unless equal
    if [ "$1" != "$2" ]; then
        echo "error: check failed: got '$1', expected '$2'" >&2
        exit 1
    fi
}
fossil_count() { # fossil_count REPO FILTER: tickets matching FILTER
    fossil sql -R "$1" "SELECT count(*) FROM ticket WHERE $2"
}
fossil_all=$(fossil_count "$fsl" 1)
fossil_open=$(fossil ticket show 'Open tickets' -R "$fsl" | tail -n +2 | wc -l)
echo "tickets: ours $ours_all, Fossil $fossil_all; open: ours $ours_open (list), Fossil $fossil_open ('Open tickets')"
if [ "$ours_all" != "$tickets" ] || [ "$fossil_all" != "$tickets" ] || [ "$ours_open" != "$fossil_open" ]; then
    echo "error: the two repositories do not hold the same tickets" >&2
    exit 1
fi
rn=$(fossil sql -R "$fsl" "SELECT rn FROM reportfmt WHERE title='Open tickets'")
echo "show: $show_key / $show_uuid; comment: $show_key; close (reopened before each run): $close_key / $close_uuid"

if "$bin" list --help | grep -q -- '--query'; then
    search_ours="$bin -C $ours list --all --query $word"
    search_count="$bin -C $ours list --all --query $word --format json | grep -c '\"key\"'"
    search_note="list --all --query"
else
    search_ours="$bin -C $ours list --all --format json | grep -c $word"
    search_count=$search_ours
    search_note="today's stand-in: list --all --format json, grep -c; titles only"
fi
search_filter="title LIKE '%$word%' OR tkt_id IN (SELECT tkt_id FROM ticketchng WHERE icomment LIKE '%$word%')"

# bench OP TOOL PREPARE CMD [shell]: hyperfine, results in $out/OP.TOOL.json.
bench() {
    local op=$1 tool=$2 prepare=$3 cmd=$4 shell=${5:-}
    local args=(--runs "$runs" --warmup "$warmup" --style basic --export-json "$out/$op.$tool.json")
    if [ -z "$shell" ]; then args+=(-N); fi
    if [ -n "$prepare" ]; then args+=(--prepare "$prepare"); fi
    hyperfine "${args[@]}" -n "$op: $tool" "$cmd" 2>&1 | grep -v '^ *$'
}
title="A ticket filed by bench/vs-fossil.sh"
desc="Nothing to see."
fossil_remark="mimetype text/plain username Bench"

echo
echo "== timings (hyperfine, $runs runs after $warmup warm-up runs, medians in the summary)"
load_timed=$(loadavg)

# create: each run adds one ticket, on fresh copies.
ours_copy "$work/ours-create" && fossil_copy "$work/create.fossil"
bench create ours "" "$bin -C $work/ours-create new '$title' -m '$desc'"
bench create fossil "" "fossil ticket add title '$title' icomment '$desc' type Code_Defect status Open opened_by bench $fossil_remark -R $work/create.fossil"
n_ours=$("$bin" -C "$work/ours-create" list --all --format json | grep -c '"key"')
n_fossil=$(fossil_count "$work/create.fossil" 1)
echo "check: tickets after create: ours $n_ours, Fossil $n_fossil (expected $((tickets + runs + warmup)))"
check "$n_ours $n_fossil" "$((tickets + runs + warmup)) $((tickets + runs + warmup))"

# comment: each run adds one comment to the same ticket, on fresh copies.
ours_copy "$work/ours-comment" && fossil_copy "$work/comment.fossil"
bench comment ours "" "$bin -C $work/ours-comment comment $show_key -m 'A comment from bench/vs-fossil.sh.'"
bench comment fossil "" "fossil ticket set $show_uuid icomment 'A comment from bench/vs-fossil.sh.' $fossil_remark -R $work/comment.fossil"
c_ours=$("$bin" -C "$work/ours-comment" show "$show_key" --format json | grep -c 'A comment from bench')
c_fossil=$(fossil sql -R "$work/comment.fossil" "SELECT count(*) FROM ticketchng WHERE icomment LIKE 'A comment from bench%'")
echo "check: comments added: ours $c_ours, Fossil $c_fossil (expected $((runs + warmup)))"
check "$c_ours $c_fossil" "$((runs + warmup)) $((runs + warmup))"

# close: the ticket is closed once first, then reopened before each run; fresh copies.
ours_copy "$work/ours-close" && fossil_copy "$work/close.fossil"
"$bin" -q -C "$work/ours-close" state "$close_key" resolved
fossil ticket set "$close_uuid" status Closed resolution Fixed -R "$work/close.fossil" >/dev/null
bench close ours "$bin -q -C $work/ours-close state $close_key open --reopen" \
    "$bin -C $work/ours-close state $close_key resolved -m 'Fixed by bench/vs-fossil.sh.'"
bench close fossil "fossil ticket set $close_uuid status Verified resolution Open -R $work/close.fossil" \
    "fossil ticket set $close_uuid status Closed resolution Fixed icomment 'Fixed by bench/vs-fossil.sh.' $fossil_remark -R $work/close.fossil"
s_ours=$("$bin" -C "$work/ours-close" show "$close_key" --format json | grep -c '"to": "RESOLVED"')
s_fossil=$(fossil sql -R "$work/close.fossil" "SELECT count(*) FROM ticketchng WHERE icomment LIKE 'Fixed by bench%'")
st_fossil=$(fossil sql -R "$work/close.fossil" "SELECT status FROM ticket WHERE tkt_uuid='$close_uuid'")
echo "check: closings: ours $s_ours (plus the first), Fossil $s_fossil; Fossil status now $st_fossil"
check "$s_ours $s_fossil $st_fossil" "$((runs + warmup + 1)) $((runs + warmup)) 'Closed'"

# reads: one copy of each.
bench list ours "" "$bin -C $ours list"
bench list fossil "" "fossil ticket show 'Open tickets' -R $fsl"
bench list-json ours "" "$bin -C $ours list --format json"
bench list-json fossil "" "fossil json report run -r $rn -f o -R $fsl"
bench show ours "" "$bin -C $ours show $show_key"
bench show fossil "" "fossil ticket history $show_uuid -R $fsl"
if [[ $search_ours == *"|"* ]]; then
    bench search ours "" "$search_ours" shell
else
    bench search ours "" "$search_ours"
fi
bench search fossil "" "fossil ticket show 0 \"$search_filter\" -R $fsl"
m_ours=$(eval "$search_count")
m_fossil=$(fossil_count "$fsl" "$search_filter")
echo "matches for '$word': ours $m_ours ($search_note), Fossil $m_fossil tickets (title, description, comments)"
load_end=$(loadavg)

echo
echo "== summary"
python3 - "$out" "$search_note" <<'EOF' | tee "$out/summary.md"
import json, sys
out, note = sys.argv[1], sys.argv[2]
rows = [("create a ticket", "create"), ("comment on a ticket", "comment"),
        ("close a ticket", "close"), ("list open tickets, table", "list"),
        ("list open tickets, JSON", "list-json"), ("show one ticket", "show"),
        (f"search a word ({note})", "search")]
res = {(op, tool): json.load(open(f"{out}/{op}.{tool}.json"))["results"][0]
       for _, op in rows for tool in ("ours", "fossil")}
ms = lambda s: f"{s * 1000:.1f} ms"
print("| Operation | git-tracker (median) | Fossil (median) | ours / Fossil |")
print("|---|---|---|---|")
for label, op in rows:
    a, b = res[op, "ours"]["median"], res[op, "fossil"]["median"]
    print(f"| {label} | {ms(a)} | {ms(b)} | {a / b:.2f} |")
print()
print("| Operation (git-tracker / Fossil) | mean ± σ | min | CPU (user + system) |")
print("|---|---|---|---|")
for label, op in rows:
    a, b = res[op, "ours"], res[op, "fossil"]
    sd = lambda r: f"{ms(r['mean'])} ± {(r['stddev'] or 0) * 1000:.1f}"
    cpu = lambda r: ms(r["user"] + r["system"])
    print(f"| {label.split(' (')[0]} | {sd(a)} / {sd(b)} | {ms(a['min'])} / {ms(b['min'])} "
          f"| {cpu(a)} / {cpu(b)} |")
EOF
echo
echo "Tickets: $tickets ($ours_open open); $runs runs after $warmup warm-up runs per command."
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), Linux $(uname -r)"
echo "Load average (1, 5, 15 min): $load_start at the start, $load_timed before the timings, $load_end at the end"
echo "Versions: $("$bin" --version) (commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', modified')); $(fossil version | sed 's/^This is //'); $(hyperfine --version)"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "(raw results in $out)"
