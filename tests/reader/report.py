#!/usr/bin/env python3
"""An independent recomputation of `git tracker report`, written from docs/reports.md and
docs/format.md alone (R54).

Usage: report.py REPO UNTIL BY [SINCE|-] [OFFSET]
    UNTIL, SINCE: RFC 3339; BY: day, week or month; OFFSET: the --tz offset, e.g. +05:30
    (default UTC; fixed offsets only); no filters.

Reads the branch with `git` and `tomllib` (through recompute.py's file reader) and prints one
JSON document with the figures of `report all --format json`, which the test suite compares
with the tool's own.
"""
import json
import os
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recompute import git, parse, read_files  # noqa: E402

STATES = ["POSTED", "OPEN", "RESOLVING", "WAITING", "TESTING", "VALIDATED", "PUBLISHED",
          "RESOLVED", "ABANDONNED", "TRANSFERED"]
FINISHED = {"RESOLVED", "ABANDONNED", "TRANSFERED", "VALIDATED"}


def when(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def rfc3339(t):
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def timeline(files):
    """(created, [(time, state)], [(time, assignee email or None)]) or None."""
    events = []
    for eid, data in files.items():
        e = parse(data)
        if e is not None:
            e["id"] = eid
            events.append(e)
    creates = [e for e in events if e["kind"] == "create"]
    if len(creates) != 1:
        return None
    events.sort(key=lambda e: (e["lamport"], e["id"]))
    events.remove(creates[0])
    events.insert(0, creates[0])
    created = when(creates[0]["at"])
    clock = created
    states = [(created, "POSTED")]
    assignees = []
    # docs/reports.md, "Delays per priority": the rank key while in progress, else None.
    ranks, rank, state = [(created, None)], None, "POSTED"
    for e in events:
        clock = max(clock, when(e["at"]))
        if e["kind"] == "priority":
            rank = e["rank"]
        elif e["kind"] == "state":
            if (e["to"] in FINISHED) != (state in FINISHED):
                rank = None
            state = e["to"]
        if e["kind"] in ("priority", "state"):
            value = None if state in FINISHED else rank
            if ranks[-1][1] != value:
                ranks.append((clock, value))
        if e["kind"] == "create":
            a = e.get("assignee")
            assignees.append((clock, a["email"].lower() if a else None))
        elif e["kind"] == "state":
            states.append((clock, e["to"]))
        elif e["kind"] == "assign":
            a = e.get("assignee")
            assignees.append((clock, a["email"].lower() if a else None))
    return {"created": created, "states": states, "assignees": assignees, "ranks": ranks,
            "reporter": creates[0]["author"]["email"].lower(),
            "earliest": min(when(e["at"]) for e in events)}


def at(entries, t):
    """The value of the last entry strictly before t, or None."""
    value = None
    for time, v in entries:
        if time < t:
            value = v
    return value


TZ = timezone.utc


def floor(t, by):
    d = t.astimezone(TZ).date()
    if by == "week":
        d -= timedelta(days=d.weekday())
    elif by == "month":
        d = d.replace(day=1)
    return datetime(d.year, d.month, d.day, tzinfo=TZ)


def next_start(t, by):
    t = t.astimezone(TZ)
    if by == "day":
        return t + timedelta(days=1)
    if by == "week":
        return t + timedelta(days=7)
    return datetime(t.year + t.month // 12, t.month % 12 + 1, 1, tzinfo=TZ)


def per_state(tickets, until):
    counts = {s: 0 for s in STATES}
    for t in tickets:
        counts[at(t["states"], until)] += 1
    return counts


def summary(done, censored):
    done = sorted(done)
    n = len(done)
    return {
        "count": n,
        "mean": sum(done) / n if n else None,
        "median": (float(done[n // 2]) if n % 2 else (done[n // 2 - 1] + done[n // 2]) / 2)
        if n else None,
        "p90": done[-(-9 * n // 10) - 1] if n else None,
        "censored": len(censored),
        "censored_longest": max(censored) if censored else None,
    }


def secs(a, b):
    return max(0, int((b - a).total_seconds()))


def delays_of(tickets, until):
    res_done, res_cens, fr_done, fr_cens = [], [], [], []
    for t in tickets:
        seen = [s for s in t["states"] if s[0] < until]
        first = next((s for s in seen if s[1] != "POSTED"), None)
        if first:
            fr_done.append(secs(t["created"], first[0]))
        else:
            fr_cens.append(secs(t["created"], until))
        if seen[-1][1] in FINISHED:
            last_progress = max(i for i, s in enumerate(seen) if s[1] not in FINISHED) \
                if any(s[1] not in FINISHED for s in seen) else -1
            res_done.append(secs(t["created"], seen[last_progress + 1][0]))
        else:
            res_cens.append(secs(t["created"], until))
    return {"resolution": summary(res_done, res_cens),
            "first_response": summary(fr_done, fr_cens)}


def measured_at(t, until):
    """The start of the finished spell the ticket is in at `until`, else `until`."""
    seen = [s for s in t["states"] if s[0] < until]
    if seen[-1][1] not in FINISHED:
        return until
    last_progress = max((i for i, s in enumerate(seen) if s[1] not in FINISHED), default=-1)
    return seen[last_progress + 1][0]


def band(position):
    if position is None:
        return "unranked", None
    if position <= 10:
        return "1-10", 1
    if position <= 50:
        return "11-50", 11
    return "51+", 51


def by_priority(cohort, tickets, until):
    """Delays per band of the position each ticket had when its delay is measured."""
    groups = {}
    for t in cohort:
        moment = measured_at(t, until)
        own = at(t["ranks"], moment)
        position = None
        if own is not None:
            position = 1 + sum(1 for o in tickets
                               if (r := at(o["ranks"], moment)) is not None
                               and (r, o["id"]) < (own, t["id"]))
        groups.setdefault(band(position), []).append(t)
    order = ["1-10", "11-50", "51+", "unranked"]
    return [{"band": b, "priority": first, **delays_of(groups[(b, first)], until)}
            for (b, first) in sorted(groups, key=lambda k: order.index(k[0]))]


def main():
    repo, until, by = sys.argv[1], when(sys.argv[2]), sys.argv[3]
    since = when(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] != "-" else None
    if len(sys.argv) > 5:
        global TZ
        sign = -1 if sys.argv[5][0] == "-" else 1
        hours, minutes = sys.argv[5][1:].split(":")
        TZ = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    files, _config = read_files(repo, "tracker")
    tickets = []
    for tid, f in files.items():
        t = timeline(f)
        if t:
            t["id"] = tid
            tickets.append(t)
    if since is None:
        # The default window leaves out tickets dated before the branch's first commit (the
        # root reached by first parents from the tip).
        times = git(repo, "log", "--first-parent", "--format=%ct", "tracker").split()
        first = datetime.fromtimestamp(int(times[-1]), timezone.utc)
        tickets = [t for t in tickets if t["earliest"] >= first]
    existing = [t for t in tickets if t["created"] < until]
    cohort = [t for t in existing if since is None or since <= t["created"]]

    counts = per_state(cohort, until)
    people = {}
    for role, who in (("assignees", lambda t: at(t["assignees"], until)),
                      ("reporters", lambda t: t["reporter"])):
        rows = {}
        for t in cohort:
            row = rows.setdefault(who(t), {s: 0 for s in STATES})
            row[at(t["states"], until)] += 1
        keys = sorted(rows, key=lambda k: (k is None, k or ""))
        people[role] = [{"email": k, "states": rows[k], "total": sum(rows[k].values())}
                        for k in keys]

    start = since or floor(min(t["created"] for t in existing), by)
    periods = []
    p = floor(start, by)
    while p < until:
        periods.append({"start": p, "end": next_start(p, by), "created": 0, "finished": 0,
                        "reopened": 0})
        p = periods[-1]["end"]

    def period_of(t):
        return next(x for x in periods if x["start"] <= t < x["end"])

    for t in existing:
        if start <= t["created"] < until:
            period_of(t["created"])["created"] += 1
        for (_, a), (time, b) in zip(t["states"], t["states"][1:]):
            if start <= time < until and (a in FINISHED) != (b in FINISHED):
                period_of(time)["finished" if b in FINISHED else "reopened"] += 1
    for x in periods:
        end = min(x["end"], until)
        x["backlog"] = sum(1 for t in existing
                           if t["created"] < end and at(t["states"], end) not in FINISHED)
        x["finished_total"] = sum(1 for t in existing
                                  if t["created"] < end and at(t["states"], end) in FINISHED)
        x["start"], x["end"] = rfc3339(x["start"]), rfc3339(x["end"])
    by_creation = {}
    for t in cohort:
        row = by_creation.setdefault(floor(t["created"], by), {s: 0 for s in STATES})
        row[at(t["states"], until)] += 1

    def elucidation(c):
        return {"numerator": sum(c[s] for s in FINISHED if s != "ABANDONNED"),
                "denominator": sum(c.values()) - c["ABANDONNED"]}

    by_assignee = {}
    for t in cohort:
        by_assignee.setdefault(at(t["assignees"], until), []).append(t)
    in_state = {s: ([], []) for s in STATES}
    for t in cohort:
        seen = [s for s in t["states"] if s[0] < until]
        i = 0
        while i < len(seen):
            j = i + 1
            while j < len(seen) and seen[j][1] == seen[i][1]:
                j += 1
            if j < len(seen):
                in_state[seen[i][1]][0].append(secs(seen[i][0], seen[j][0]))
            else:
                in_state[seen[i][1]][1].append(secs(seen[i][0], until))
            i = j

    json.dump({
        "states": {"total": len(cohort), "states": counts},
        "people": people,
        "trend": {
            "since": rfc3339(start),
            "backlog_at_start": sum(1 for t in existing if t["created"] < start
                                    and at(t["states"], start) not in FINISHED),
            "finished_at_start": sum(1 for t in existing if t["created"] < start
                                     and at(t["states"], start) in FINISHED),
            "periods": periods,
            "by_creation": [{"start": rfc3339(k), "states": v, "total": sum(v.values())}
                            for k, v in sorted(by_creation.items())],
            "elucidation": elucidation(counts),
        },
        "delays": {
            **delays_of(cohort, until),
            "by_assignee": [{"email": k, **delays_of(v, until)} for k, v in
                            sorted(by_assignee.items(), key=lambda kv: (kv[0] is None,
                                                                         kv[0] or ""))],
            "time_in_state": {s: summary(*in_state[s]) for s in STATES},
            "by_priority": by_priority(cohort, tickets, until),
        },
    }, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
