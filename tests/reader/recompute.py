#!/usr/bin/env python3
"""An independent reader of the git-tracker branch, written from docs/format.md alone.

Usage: recompute.py REPO [BRANCH]

Uses only `git` and `tomllib`. Prints one JSON document: {"tickets": [...]} where each ticket
has the fields of `git tracker show --format json` (without schema_version and provisional),
its priority (position in the ranking) and rank key included.
The test suite compares its output with the tool's own.
"""
import json
import re
import subprocess
import sys
import tomllib
from datetime import datetime, timezone

HEX = set("0123456789abcdef")
KINDS = {"create", "state", "comment", "comment-edit", "comment-delete", "assign", "watch",
         "unwatch", "edit", "field", "priority", "raise", "raise-refuse",
         "depend", "undepend", "label", "attach", "origin", "transfer"}
MOVES = {"top", "bottom", "up", "down", "before", "after", "raise", "reopen"}
# docs/format.md, "Priorities": base-62 digits in ASCII order, not ending in 0.
RANK = re.compile(r"[0-9A-Za-z]{0,1023}[1-9A-Za-z]")
FINISHED = {"RESOLVED", "ABANDONNED", "TRANSFERED", "VALIDATED"}
# A person is their email, ignoring ASCII case (str.lower would also fold other letters).
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# docs/format.md, "Limits".
MAX_NUMBER = 999_999_999
MAX_TITLE_CHARS = 256
MAX_FINGERPRINT_CHARS = 200
MAX_LINK_KEY_CHARS = 64
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_EVENT_FILE_BYTES = MAX_TEXT_BYTES + 64 * 1024
MAX_CONFIG_BYTES = 1024 * 1024
AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
TEXTS = ("description", "solution", "body", "message", "value", "reason")


def is_id(s):
    return len(s) == 32 and set(s) <= HEX


def git(repo, *args, data=None):
    return subprocess.run(["git", "-C", repo, *args], input=data, capture_output=True,
                          check=True).stdout


def read_files(repo, branch):
    """{ticket_id: {event_id: bytes}} for every well-named event file, and the config."""
    listing = git(repo, "ls-tree", "-r", "-z", "--full-tree", branch).split(b"\0")
    wanted = []
    for entry in filter(None, listing):
        meta, path = entry.split(b"\t", 1)
        _mode, kind, oid = meta.split()
        wanted.append((path.decode(), oid.decode()))
    batch = git(repo, "cat-file", "--batch", data="".join(o + "\n" for _, o in wanted).encode())
    contents, pos = {}, 0
    for path, oid in wanted:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        contents[path] = batch[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1
    tickets, config = {}, None
    for path, data in contents.items():
        parts = path.split("/")
        if path == "tracker.toml":
            if len(data) <= MAX_CONFIG_BYTES:
                try:
                    config = tomllib.loads(data.decode())
                except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                    config = None
        elif (len(parts) == 4 and parts[0] == "tickets" and is_id(parts[2])
              and parts[1] == parts[2][:2] and parts[3].endswith(".toml")
              and is_id(parts[3][:-5])):
            tickets.setdefault(parts[2], {})[parts[3][:-5]] = data
    return tickets, config or {}


def valid_at(v):
    """`at`: a string of exactly the form YYYY-MM-DDTHH:MM:SSZ naming a real time."""
    if type(v) is not str or not AT.fullmatch(v):
        return False
    try:
        datetime(int(v[0:4]), int(v[5:7]), int(v[8:10]), int(v[11:13]), int(v[14:16]),
                 int(v[17:19]), tzinfo=timezone.utc)
    except ValueError:
        return False
    return True


def within_limits(e):
    if e["kind"] == "create":
        n = e.get("number")
        if type(n) is not int or not 1 <= n <= MAX_NUMBER:
            return False
    title = e.get("title")
    if type(title) is str and len(title) > MAX_TITLE_CHARS:
        return False
    if e["kind"] == "create" and "fingerprint" in e:
        f = e["fingerprint"]
        if type(f) is not str or not f.strip() \
                or len(f) > MAX_FINGERPRINT_CHARS or any(ord(c) < 32 or 127 <= ord(c) < 160 for c in f):
            return False
    if e["kind"] in ("origin", "transfer"):
        key = e.get("key")
        if (type(e.get("tracker")) is not str or type(e.get("ticket")) is not str
                or not is_id(e["ticket"]) or type(key) is not str or not key.strip()
                or len(key) > MAX_LINK_KEY_CHARS):
            return False
    if e["kind"] == "priority":
        if type(e.get("rank")) is not str or not RANK.fullmatch(e["rank"]):
            return False
        if e.get("move") not in MOVES:
            return False
        if any(k in e and not (type(e[k]) is str and is_id(e[k])) for k in ("anchor", "request")):
            return False
    if e["kind"] == "raise":
        if type(e.get("reason")) is not str or type(e.get("urgent", False)) is not bool:
            return False
    if e["kind"] == "raise-refuse":
        if type(e.get("request")) is not str or not is_id(e["request"]) \
                or type(e.get("message")) is not str:
            return False
    # `commit` (any kind, optional; written by `scan`): a full commit id. Not part of the fold.
    if "commit" in e:
        c = e["commit"]
        if type(c) is not str or len(c) not in (40, 64) or not set(c) <= HEX:
            return False
    return all(len(e[k].encode()) <= MAX_TEXT_BYTES for k in TEXTS if type(e.get(k)) is str)


def parse(data):
    if len(data) > MAX_EVENT_FILE_BYTES:
        return None
    try:
        e = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if e.get("version") != 1 or e.get("kind") not in KINDS or e.get("lamport", 0) < 1:
        return None
    if not valid_at(e.get("at")) or not within_limits(e):
        return None
    if e["kind"] in ("depend", "undepend") and not (type(e.get("on")) is str and is_id(e["on"])):
        return None
    if e["kind"] == "label" and not valid_label_change(e):
        return None
    if e["kind"] == "attach" and not valid_files(e.get("files")):
        return None
    return e


SHA = re.compile(r"[0-9a-f]{64}")


def valid_files(files):
    """docs/format.md, `attach`: 1 to 32 files, names unique and valid, sizes within the
    hard cap, SHA-256 as 64 lowercase hex digits (the path is checked by fold)."""
    if type(files) is not list or not 1 <= len(files) <= 32:
        return False
    names = set()
    for f in files:
        if type(f) is not dict or not all(k in f for k in ("name", "path", "size", "sha256")):
            return False
        n = f["name"]
        if (type(n) is not str or not 1 <= len(n) <= 100 or n.startswith(".") or n.strip() != n
                or any(c in "/\\" or ord(c) < 32 or 127 <= ord(c) < 160 for c in n)
                or n in names):
            return False
        names.add(n)
        if type(f["size"]) is not int or not 0 <= f["size"] <= 64 * 1024 * 1024:
            return False
        if type(f["sha256"]) is not str or not SHA.fullmatch(f["sha256"]):
            return False
    return True


def valid_label(v):
    """docs/format.md, "Limits": 1 to 50 characters, no whitespace, control characters or
    commas, not starting with + or -."""
    return type(v) is str and 1 <= len(v) <= 50 and v[0] not in "+-" and not any(
        c.isspace() or ord(c) < 32 or 127 <= ord(c) < 160 or c == "," for c in v)


def valid_label_change(e):
    add, remove = e.get("add", []), e.get("remove", [])
    return (type(add) is list and type(remove) is list and (add or remove)
            and len(add) + len(remove) <= 100
            and all(valid_label(v) for v in add + remove) and not set(add) & set(remove))


def person(p):
    return {"name": p["name"], "email": p["email"]}


def email_key(p):
    return p["email"].translate(ASCII_LOWER)


def add_watcher(watchers, p):
    if not any(email_key(w) == email_key(p) for w in watchers):
        watchers.append(person(p))


def value_set(e, field):
    """(True, value) when event e sets the field, else (False, None). Values are compared as
    written, except the assignee: its email ignoring ASCII case, or None when unassigned."""
    k = e["kind"]
    if k == "create":
        if field == "state":
            return True, "POSTED"
        if field == "assignee":
            return True, email_key(e["assignee"]) if "assignee" in e else None
        return True, e.get(field, "")  # title, description; no solution yet
    if k == "state" and field == "state":
        return True, e["to"]
    if k == "assign" and field == "assignee":
        return True, email_key(e["assignee"]) if "assignee" in e else None
    if k == "edit" and field in ("title", "description", "solution") and field in e:
        return True, e[field]
    if field == "priority":
        if k == "create":
            return True, None
        if k == "priority":
            return True, e["rank"]
    return False, None


def ancestors(e, by_id):
    """Every event reached through `parents`; ids naming no event are skipped. On a cycle an
    event reaches itself."""
    seen, todo = set(), list(e.get("parents", []))
    while todo:
        p = todo.pop()
        if p in by_id and p not in seen:
            seen.add(p)
            todo.extend(by_id[p].get("parents", []))
    return seen


def contested(events):
    """Fields whose setters that are no ancestor of another setter give different values."""
    by_id = {}
    for e in events:
        by_id.setdefault(e["id"], e)
    anc = {e["id"]: ancestors(e, by_id) for e in events}
    out = []
    for field in ("state", "assignee", "title", "description", "solution", "priority"):
        setters = [e for e in events if value_set(e, field)[0]]
        latest = [e for e in setters
                  if not any(o["id"] != e["id"] and e["id"] in anc[o["id"]] for o in setters)]
        if len({value_set(e, field)[1] for e in latest}) > 1:
            out.append(field)
    return sorted(out)


def decide(request, e, status, message):
    request.update(status=status, decided_by=person(e["author"]), decided_at=e["at"],
                   message=message)


def rank_positions(tickets):
    """docs/format.md, "Priorities": the ranked tickets in progress by (rank, id), 1, 2, 3 …"""
    ranked = sorted((t["rank"], t["id"]) for t in tickets if t["rank"] is not None)
    position = {tid: i + 1 for i, (_, tid) in enumerate(ranked)}
    for t in tickets:
        t["priority"] = position.get(t["id"])


def add_wins(events, touches):
    """docs/format.md, "The fold", step 8: an element is in the set when one of the events
    that add it is an ancestor of none of the events that remove it."""
    by_id = {}
    for e in events:
        by_id.setdefault(e["id"], e)
    touchers = {}
    for e in events:
        for element, add in touches(e):
            touchers.setdefault(element, []).append((e, add))
    out = set()
    for element, ts in touchers.items():
        for e, add in ts:
            if add and not any(not o_add and o["id"] != e["id"] and e["id"] in ancestors(o, by_id)
                               for o, o_add in ts):
                out.add(element)
                break
    return out


def label_touches(e):
    if e["kind"] == "label":
        return [(v, True) for v in e.get("add", [])] + [(v, False) for v in e.get("remove", [])]
    return []


def dependency_touches(e):
    if e["kind"] == "depend":
        return [(e["on"], True)]
    if e["kind"] == "undepend":
        return [(e["on"], False)]
    return []
# The kinds of change a watch may send mail about, in the order the tool lists them.
NOTIFY = ["open", "resolving", "waiting", "testing", "published", "resolved", "abandonned",
          "validated", "transfered", "comment", "assign"]


def fold(ticket_id, files, prefix):
    events = []
    for eid, data in files.items():
        e = parse(data)
        if e is not None and e.get("on") != ticket_id and all(
                f["path"] == f"tickets/{ticket_id[:2]}/{ticket_id}/{eid}/{f['name']}"
                for f in e.get("files", []) if e["kind"] == "attach"):
            e["id"] = eid
            events.append(e)
    creates = [e for e in events if e["kind"] == "create"]
    if len(creates) != 1:
        return None
    events.sort(key=lambda e: (e["lamport"], e["id"]))
    events.remove(creates[0])
    events.insert(0, creates[0])
    c = creates[0]
    t = {
        "key": f"{prefix}{c['number']}", "number": c["number"], "id": ticket_id,
        "title": c["title"], "state": "POSTED", "reporter": person(c["author"]),
        "assignee": person(c["assignee"]) if "assignee" in c else None,
        "watchers": [], "created": c["at"], "updated": c["at"],
        "description": c.get("description", ""), "solution": "",
        "comments": [], "transitions": [], "fields": {}, "attachments": [],
        "fingerprint": c.get("fingerprint"),
        "rank": None, "raise_requests": [],
        "origin": None, "transfers": [],
    }
    masks = {}
    add_watcher(t["watchers"], c["author"])
    for p in ([c["assignee"]] if "assignee" in c else []) + c.get("watchers", []):
        add_watcher(t["watchers"], p)
    for e in events[1:]:
        k = e["kind"]
        if k == "state":
            # Entering or leaving a finished state leaves the ranking.
            if (e["to"] in FINISHED) != (t["state"] in FINISHED):
                t["rank"] = None
            t["state"] = e["to"]
            t["transitions"].append({"id": e["id"], "from": e["from"], "to": e["to"],
                                     "author": person(e["author"]), "at": e["at"],
                                     "message": e.get("message", "")})
        elif k == "comment":
            t["comments"].append({"id": e["id"], "author": person(e["author"]),
                                  "created": e["at"], "edited": None, "deleted": False,
                                  "body": e["body"]})
            add_watcher(t["watchers"], e["author"])
        elif k == "comment-edit":
            for cm in t["comments"]:
                if cm["id"] == e["comment"]:
                    cm["body"], cm["edited"] = e["body"], e["at"]
        elif k == "comment-delete":
            for cm in t["comments"]:
                if cm["id"] == e["comment"]:
                    cm["deleted"] = True
        elif k == "assign":
            t["assignee"] = person(e["assignee"]) if "assignee" in e else None
            if "assignee" in e:
                add_watcher(t["watchers"], e["assignee"])
        elif k == "watch":
            add_watcher(t["watchers"], e["person"])
            if "events" in e:
                masks[email_key(e["person"])] = sorted(set(e["events"]), key=NOTIFY.index)
            else:
                masks.pop(email_key(e["person"]), None)
        elif k == "unwatch":
            t["watchers"] = [w for w in t["watchers"]
                             if email_key(w) != email_key(e["person"])]
            masks.pop(email_key(e["person"]), None)
        elif k == "field":
            if e.get("value", ""):
                t["fields"][e["name"]] = e["value"]
            else:
                t["fields"].pop(e["name"], None)
        elif k == "attach":
            for f in e["files"]:
                t["attachments"].append({
                    "event": e["id"], "name": f["name"], "path": f["path"], "size": f["size"],
                    "sha256": f["sha256"], "comment": e.get("comment"), "deleted": False,
                    "author": person(e["author"]), "at": e["at"]})
        elif k == "edit":
            for f in ("title", "description", "solution"):
                if f in e:
                    t[f] = e[f]
        elif k == "priority":
            t["rank"] = e["rank"]
            for r in t["raise_requests"]:
                if r["id"] == e.get("request"):
                    decide(r, e, "accepted", "")
        elif k == "raise":
            t["raise_requests"].append({
                "id": e["id"], "author": person(e["author"]), "at": e["at"],
                "reason": e["reason"], "urgent": e.get("urgent", False), "status": "pending",
                "decided_by": None, "decided_at": None, "message": ""})
        elif k == "raise-refuse":
            for r in t["raise_requests"]:
                if r["id"] == e["request"]:
                    decide(r, e, "refused", e["message"])
        elif k in ("origin", "transfer"):
            link = {"tracker": e["tracker"], "repository": e.get("repository"),
                    "ticket": e["ticket"], "key": e["key"],
                    "dispatch": e.get("dispatch", False),
                    "author": person(e["author"]), "at": e["at"]}
            if k == "origin":
                t["origin"] = link
            else:
                t["transfers"].append(link)
    if masks:
        t["watch_masks"] = masks
    t["contested"] = contested(events)
    t["depends_on"] = sorted(add_wins(events, dependency_touches))
    t["labels"] = sorted(add_wins(events, label_touches))
    parse_time = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
    t["updated"] = max((e["at"] for e in events), key=parse_time)
    t["watchers"].sort(key=email_key)
    t["finished"] = t["state"] in FINISHED
    if t["finished"]:
        t["rank"] = None
    deleted = {cm["id"] for cm in t["comments"] if cm["deleted"]}
    for a in t["attachments"]:
        a["deleted"] = a["comment"] in deleted
    for cm in t["comments"]:
        if cm["deleted"]:
            cm["body"] = ""
    t["_events"] = events
    return t


def named(e):
    """The people an event names besides its author."""
    k = e["kind"]
    if k == "create":
        return ([e["assignee"]] if "assignee" in e else []) + e.get("watchers", [])
    if k == "assign" and "assignee" in e:
        return [e["assignee"]]
    if k in ("watch", "unwatch"):
        return [e["person"]]
    return []


def one_names(tickets):
    """docs/format.md, "Names": email -> the name of the latest event the person wrote, else
    of the latest event naming them; by time, then event id; empty names never count."""
    parse_time = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
    best = {}
    for t in tickets:
        for e in t["_events"]:
            for p, authored in [(e["author"], True)] + [(p, False) for p in named(e)]:
                if not p["name"]:
                    continue
                rank = (authored, parse_time(e["at"]), e["id"])
                k = email_key(p)
                if k not in best or best[k][0] < rank:
                    best[k] = (rank, p["name"])
    return {k: v[1] for k, v in best.items()}


def rename(t, names):
    people = [t["reporter"]] + ([t["assignee"]] if t["assignee"] else []) + t["watchers"]
    people += [c["author"] for c in t["comments"]] + [x["author"] for x in t["transitions"]]
    for p in people:
        if email_key(p) in names:
            p["name"] = names[email_key(p)]


def has_ticket(repo, commit, tid):
    path = f"{commit}:tickets/{tid[:2]}/{tid}"
    return subprocess.run(["git", "-C", repo, "cat-file", "-e", path],
                          capture_output=True).returncode == 0


def parents(repo, commit):
    return git(repo, "rev-list", "--parents", "-n", "1", commit).decode().split()[1:]


def ids_at(repo, commit):
    out = git(repo, "ls-tree", "-r", "-d", "--name-only", commit, "--", "tickets").decode()
    return {line.split("/")[2] for line in out.splitlines() if line.count("/") == 2}


def meeting(repo, tip, a, b):
    """(depth, commit, a_first) where tickets a and b meet on the first-parent chain."""
    tie = (a["created"], a["id"]) < (b["created"], b["id"])
    c, depth = tip, 0
    while True:
        ps = parents(repo, c)
        if not ps:
            return depth, c, tie
        pa, pb = has_ticket(repo, ps[0], a["id"]), has_ticket(repo, ps[0], b["id"])
        if pa and pb:
            c, depth = ps[0], depth + 1
            continue
        via_other = lambda t: any(has_ticket(repo, p, t["id"]) for p in ps[1:])
        if not pa and not pb:
            first = tie
        elif not pa:
            first = via_other(a)
        else:
            first = not via_other(b)
        return depth, c, first


def settle(repo, tip, tickets):
    """docs/format.md, "Keys and numbers": effective numbers when tickets share one."""
    stored = {t["id"]: t["number"] for t in tickets}
    number = dict(stored)
    by_id = {t["id"]: t for t in tickets}
    for _ in range(8):
        groups = {}
        for tid in sorted(number):
            groups.setdefault(number[tid], []).append(by_id[tid])
        groups = [g for g in groups.values() if len(g) > 1]
        if not groups:
            break
        losers = []
        for g in groups:
            winner = g[0]
            for t in g[1:]:
                if not meeting(repo, tip, winner, t)[2]:
                    winner = t
            for t in g:
                if t["id"] != winner["id"]:
                    depth, commit, _ = meeting(repo, tip, winner, t)
                    losers.append((depth, commit, t))
        losers.sort(key=lambda x: (-x[0], x[2]["created"], x[2]["id"]))
        last = 0
        for _, commit, t in losers:
            present = ids_at(repo, commit)
            base = max([stored[i] for i in present if i in stored]
                       + [number[i] for i in present if i in number] + [0])
            last = max(base, last) + 1
            number[t["id"]] = last
    for t in tickets:
        t["number"] = number[t["id"]]


def cycles(tickets):
    """The tickets on a dependency cycle: strongly connected components of two or more, by
    a plain reachability test (fine for a test's few tickets)."""
    ids = {t["id"] for t in tickets}
    succ = {t["id"]: [d for d in t["depends_on"]] for t in tickets}

    def reach(a):
        seen, todo = set(), list(succ.get(a, []))
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(succ.get(x, []))
        return seen
    r = {i: reach(i) for i in ids}
    return {i: {j for j in ids if j in r[i] and i in r[j]} | {i}
            for i in ids if i in r[i]}


def links(tickets):
    """show's `depends_on`, `blocks` and `cycle` (docs/format.md, "JSON output")."""
    by_id = {t["id"]: t for t in tickets}
    order = lambda i: (by_id[i]["number"], i) if i in by_id else (float("inf"), i)

    def view(i):
        t = by_id.get(i)
        return {"key": t and t["key"], "id": i, "title": t and t["title"],
                "state": t and t["state"], "finished": t and t["finished"]}
    on_cycle = cycles(tickets)
    for t in tickets:
        t["blocks"] = [view(o["id"]) for o in sorted(tickets, key=lambda o: order(o["id"]))
                       if t["id"] in o["depends_on"]]
        t["cycle"] = [by_id[i]["key"] for i in sorted(on_cycle.get(t["id"], []), key=order)]
    for t in tickets:
        t["depends_on"] = [view(i) for i in sorted(t["depends_on"], key=order)]


def main():
    repo = sys.argv[1]
    branch = sys.argv[2] if len(sys.argv) > 2 else "tracker"
    tickets, config = read_files(repo, branch)
    prefix = config.get("prefix", "TRK-")
    out = [t for tid, files in tickets.items() if (t := fold(tid, files, prefix))]
    names = one_names(out)
    for t in out:
        rename(t, names)
        del t["_events"]
    tip = git(repo, "rev-parse", branch).decode().strip()
    settle(repo, tip, out)
    rank_positions(out)
    for t in out:
        t["key"] = f"{prefix}{t['number']}"
    links(out)
    out.sort(key=lambda t: (t["number"], t["id"]))
    json.dump({"tickets": out}, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
