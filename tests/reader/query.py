#!/usr/bin/env python3
"""An independent evaluator of search queries, written from docs/search.md alone.

Usage:
    query.py REPO QUERY [--me EMAIL] [--branch BRANCH]
        Prints {"keys": [...]}: the keys of the tickets the query matches, in its order
        (default: the tickets in progress, newest first), as `git tracker list --query`
        should list them for the person with EMAIL (no identity without --me).
    query.py REPO --batch [--branch BRANCH]
        Reads a JSON array of [QUERY, EMAIL or null] on stdin and prints, for each, {"keys":
        [...]} or {"error": MESSAGE} (one run for many queries: Python starts slowly).
    query.py --canonical
        Reads a JSON array of query texts on stdin and prints, for each, {"canonical": TEXT}
        or {"column": N} (the column of the error), so that the test suite can compare this
        parser with the tool's.

A query that does not parse, or that the repository refuses (an unknown or private field, a
key of another prefix, `me` without an identity), prints `error: ...` on stderr and exits 2.

Tickets are computed with recompute.py's functions (git and tomllib only); words are matched
with the folding of docs/search.md, written here with `unicodedata`.
"""
import json
import os
import re
import sys
import unicodedata
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from recompute import fold as fold_ticket, git, links, read_files, settle  # noqa: E402

STATES = ["POSTED", "OPEN", "RESOLVING", "WAITING", "TESTING", "VALIDATED", "PUBLISHED",
          "RESOLVED", "ABANDONNED", "TRANSFERED"]
FINISHED = {"RESOLVED", "ABANDONNED", "TRANSFERED", "VALIDATED"}
ALIASES = {"ABANDONED": "ABANDONNED", "TRANSFERRED": "TRANSFERED"}
QUALIFIERS = ["state", "assignee", "reporter", "watcher", "key", "created", "updated", "field",
              "fingerprint", "label",
              "is", "no", "sort", "limit", "priority"]
SORT_KEYS = ["key", "created", "updated", "state", "assignee", "priority"]
MAX_NUMBER = 999_999_999
MAX_QUERY_BYTES = 16384
WHITE = set(map(chr, [*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                      0x2028, 0x2029, 0x202F, 0x205F, 0x3000]))
UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
FIELD_NAME = re.compile(r"[a-z][a-z0-9_-]{0,31}")
PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,15}")
DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})"
                  r"(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))")


def ascii_lower(s):
    return s.translate(LOWER)


# ---- Words (docs/search.md, "Words") ----------------------------------------------------

LATIN_MARKS = {0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A, 0x30B,
               0x30C, 0x30F, 0x311, 0x31B, 0x323, 0x324, 0x325, 0x326, 0x327, 0x328, 0x32D,
               0x32E, 0x330, 0x331}
VARIANTS = {"µ": "μ", "ſ": "s", "ẛ": "s", "ς": "σ", "ϐ": "β", "ϑ": "θ", "ϕ": "φ", "ϖ": "π",
            "ϰ": "κ", "ϱ": "ρ", "ϵ": "ε", "\u1fbe": "ι"}


def word_char(c):
    cat = unicodedata.category(c)
    return cat[0] in "LN" or cat == "Co"


def fold_char(c):
    if c in VARIANTS:
        return VARIANTS[c]
    out = []
    for low in c.lower():
        if ord(low) in LATIN_MARKS:
            continue
        d = unicodedata.normalize("NFD", low)
        if (low != "ǡ" and len(d) > 1 and d[0].isascii() and d[0].isalpha()
                and all(unicodedata.category(m)[0] == "M" for m in d[1:])):
            low = d[0].lower()
        out.append(low)
    return "".join(out)


def fold(text):
    tokens, current = [], None
    for c in text:
        if word_char(c):
            current = (current or "") + fold_char(c)
        elif current is not None and ord(c) in LATIN_MARKS:
            continue
        elif current is not None:
            tokens.append(current)
            current = None
    if current is not None:
        tokens.append(current)
    return tokens


# ---- Parsing (docs/search.md, "Grammar" and "Qualifiers") --------------------------------

class QueryError(Exception):
    def __init__(self, index, message):
        super().__init__(message)
        self.column = index + 1
        self.message = message


def lex(text):
    """[(start, [(kind, index, text)])]; kind is "bare" or "quoted"."""
    terms, i, n = [], 0, len(text)
    while True:
        while i < n and text[i] in WHITE:
            i += 1
        if i >= n:
            return terms
        start, pieces = i, []
        while i < n and text[i] not in WHITE:
            if text[i] == '"':
                q, i, buf = i, i + 1, []
                while True:
                    if i >= n:
                        raise QueryError(q, "unterminated quote")
                    c = text[i]
                    if c == '"':
                        i += 1
                        break
                    if c == "\\":
                        if i + 1 >= n:
                            raise QueryError(q, "unterminated quote")
                        if text[i + 1] not in '"\\':
                            raise QueryError(i, "unknown escape")
                        buf.append(text[i + 1])
                        i += 2
                        continue
                    buf.append(c)
                    i += 1
                pieces.append(("quoted", q, "".join(buf)))
            else:
                j = i
                while i < n and text[i] not in WHITE and text[i] != '"':
                    i += 1
                pieces.append(("bare", j, text[j:i]))
        terms.append((start, pieces))


def valid_label(v):
    """docs/format.md, "Labels": 1 to 50 characters, no whitespace, control characters or
    commas, not starting with + or -."""
    return 1 <= len(v) <= 50 and v[0] not in "+-" and not any(
        c in WHITE or unicodedata.category(c) == "Cc" or c == "," for c in v)


def valid_email(e):
    """docs/format.md: one @, no whitespace, control characters, quotes, angle brackets,
    commas, semicolons, colons, parentheses, square brackets or backslashes, non-empty
    dot-separated domain labels, at most 254 characters."""
    if len(e) > 254 or e.count("@") != 1:
        return False
    local, domain = e.split("@")
    bad = lambda c: c in WHITE or unicodedata.category(c) == "Cc" or c in "<>\"',;:()[]\\"
    if not local or not domain or any(bad(c) for c in e):
        return False
    return all(domain.split("."))


def parse_key(s):
    m = re.fullmatch(r"(.*?)([0-9]+)", s)
    if not m:
        return None
    prefix, number = m.group(1), int(m.group(2))
    if prefix and not PREFIX.fullmatch(prefix):
        return None
    if not 1 <= number <= MAX_NUMBER:
        return None
    return {"text": s, "prefix": prefix, "number": number}


EPOCH = date(1970, 1, 1).toordinal()
FIRST, LAST = date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal()


def parse_day(s):
    m = DAY.fullmatch(s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_point(s):
    """("day", date, start) or ("time", None, start); start in seconds since 1970 UTC."""
    if len(s) == 10:
        d = parse_day(s)
        return d and ("day", d, (d.toordinal() - EPOCH) * 86400)
    m = TIME.fullmatch(s)
    if not m:
        return None
    d = parse_day(m.group(1))
    h, mi, sec = int(m.group(2)), int(m.group(3)), int(m.group(4))
    if d is None or h > 23 or mi > 59 or sec > 59:
        return None
    offset = 0
    if m.group(5):
        oh, om = int(m.group(6)), int(m.group(7))
        if oh > 23 or om > 59:
            return None
        offset = (oh * 60 + om) * 60 * (1 if m.group(5) == "+" else -1)
    t = (d.toordinal() - EPOCH) * 86400 + h * 3600 + mi * 60 + sec - offset
    if not FIRST <= t // 86400 + EPOCH <= LAST:
        return None
    return ("time", None, t)


def end(p):
    return p[2] + (86400 if p[0] == "day" else 1)


def point_text(p):
    if p[0] == "day":
        return p[1].isoformat()
    d = date.fromordinal(p[2] // 86400 + EPOCH)
    s = p[2] % 86400
    return f"{d.isoformat()}T{s // 3600:02}:{s // 60 % 60:02}:{s % 60:02}Z"


def parse_date(value):
    for op in (">=", "<=", ">", "<"):
        if value.startswith(op):
            p = parse_point(value[len(op):])
            return p and (op, p)
    if ".." in value:
        a, b = value.split("..", 1)
        pa, pb = parse_point(a), parse_point(b)
        if not pa or not pb:
            return None
        if end(pb) <= pa[2]:
            return "empty"
        return ("..", pa, pb)
    p = parse_point(value)
    return p and ("=", p)


def parse(text):
    if len(text.encode()) > MAX_QUERY_BYTES:
        raise QueryError(0, "too long")
    q = {"states": [], "assignees": [], "reporters": [], "watchers": [], "keys": [],
         "created": [], "updated": [], "fields": [], "fingerprints": [], "labels": [], "contested": False,
         "blocked": False, "blocking": False,
         "words": [],
         "sort": None, "limit": None}
    for start, pieces in lex(text):
        kind, at, first = pieces[0]
        m = re.match(r"([A-Za-z]+):", first) if kind == "bare" else None
        if m:
            value = first[m.end():] + "".join(p[2] for p in pieces[1:])
            qualifier(q, start, m.group(1), value, at + m.end())
            continue
        q["words"].append(parse_word(start, pieces, text))
    return q


def parse_word(start, pieces, text):
    exclude = prefix = False
    if pieces[0][0] == "bare" and pieces[0][2] == "-" and len(pieces) > 1 \
            and pieces[1][0] == "quoted":
        exclude, pieces = True, pieces[1:]
    if pieces[0][0] == "quoted":
        rest = pieces[1:]
        if rest and not (len(rest) == 1 and rest[0] == ("bare", rest[0][1], "*")):
            raise QueryError(rest[0][1], "expected a space after the closing quote")
        body, prefix = pieces[0][2], bool(rest)
    else:
        body = pieces[0][2]
        if body.startswith("-"):
            exclude, body = True, body[1:]
            m = re.match(r"([A-Za-z]+):", body)
            if m:
                raise QueryError(start, "qualifier cannot be excluded")
        if len(pieces) > 1:
            raise QueryError(pieces[1][1], "a quote may only start a word")
        if body.endswith("*"):
            prefix, body = True, body[:-1]
    tokens = fold(body)
    if not tokens:
        raise QueryError(start, "no letters or digits")
    return {"tokens": tokens, "prefix": prefix, "exclude": exclude}


def qualifier(q, start, name, value, at):
    name = ascii_lower(name)
    if name not in QUALIFIERS or name == "priority":
        raise QueryError(start, f"unknown or reserved qualifier {name}")
    if name in ("sort", "limit") and q[name] is not None:
        raise QueryError(start, f"{name}: twice")
    if value == "":
        raise QueryError(at, "missing value")

    def bad():
        return QueryError(at, f"invalid {name}: {value!r}")
    low = ascii_lower(value)
    if name == "state":
        if value in ("open", "closed", "all"):
            q["states"].append(value)
        elif value.translate(UPPER) in STATES or value.translate(UPPER) in ALIASES:
            up = value.translate(UPPER)
            q["states"].append(ALIASES.get(up, up))
        else:
            raise bad()
    elif name == "is":
        if low in ("open", "closed"):
            q["states"].append(low)
        elif low in ("contested", "blocked", "blocking"):
            q[low] = True
        else:
            raise bad()
    elif name == "no":
        if low != "assignee":
            raise bad()
        q["assignees"].append(("none",))
    elif name in ("assignee", "reporter", "watcher"):
        if low in ("me", "@me"):
            term = ("me",)
        elif low == "none" and name == "assignee":
            term = ("none",)
        elif valid_email(value):
            term = ("email", value)
        else:
            raise bad()
        q[name + "s"].append(term)
    elif name == "key":
        if ".." in value:
            a, b = value.split("..", 1)
            ka, kb = parse_key(a), parse_key(b)
            if not ka or not kb:
                raise bad()
            if ka["prefix"] and kb["prefix"] and \
                    ascii_lower(ka["prefix"]) != ascii_lower(kb["prefix"]):
                raise bad()
            if ka["number"] > kb["number"]:
                raise QueryError(at, "empty range")
            q["keys"].append((ka, kb))
        else:
            k = parse_key(value)
            if not k:
                raise bad()
            q["keys"].append((k,))
    elif name in ("created", "updated"):
        d = parse_date(value)
        if d == "empty":
            raise QueryError(at, "empty range")
        if not d:
            raise bad()
        q[name].append(d)
    elif name == "field":
        fname, eq, v = value.partition("=")
        if not eq or not FIELD_NAME.fullmatch(fname):
            raise bad()
        q["fields"].append((fname, v or None))
    elif name == "fingerprint":
        q["fingerprints"].append(value)
    elif name == "label":
        if not valid_label(value):
            raise bad()
        q["labels"].append(value)
    elif name == "sort":
        desc, key = (True, value[1:]) if value.startswith("-") else (False, value)
        if ascii_lower(key) in SORT_KEYS:
            q["sort"] = (ascii_lower(key), desc, False)
        elif FIELD_NAME.fullmatch(key):
            q["sort"] = (key, desc, True)
        else:
            raise bad()
    else:  # limit
        if not re.fullmatch(r"[0-9]+", value) or int(value) > MAX_NUMBER:
            raise bad()
        q["limit"] = int(value)


def quote(s):
    if s and not any(c in WHITE or c in '"\\' for c in s):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def canonical(q):
    """The canonical form of docs/search.md, "Grammar"."""
    out = [f"state:{s}" for s in q["states"]]
    person = lambda t: t[1] if t[0] == "email" else t[0]
    for kind in ("assignee", "reporter", "watcher"):
        out += [f"{kind}:{person(t)}" for t in q[kind + "s"]]
    out += ["key:" + "..".join(k["text"] for k in term) for term in q["keys"]]
    for kind in ("created", "updated"):
        for d in q[kind]:
            if d[0] == "..":
                out.append(f"{kind}:{point_text(d[1])}..{point_text(d[2])}")
            else:
                out.append(f"{kind}:{'' if d[0] == '=' else d[0]}{point_text(d[1])}")
    out += [f"field:{n}={quote(v) if v is not None else ''}" for n, v in q["fields"]]
    out += [f"fingerprint:{quote(f)}" for f in q["fingerprints"]]
    out += [f"label:{quote(lab)}" for lab in q["labels"]]
    for flag in ("contested", "blocked", "blocking"):
        if q[flag]:
            out.append(f"is:{flag}")
    for w in q["words"]:
        text = w["tokens"][0] if len(w["tokens"]) == 1 else quote(" ".join(w["tokens"]))
        out.append(("-" if w["exclude"] else "") + text + ("*" if w["prefix"] else ""))
    if q["sort"]:
        out.append(f"sort:{'-' if q['sort'][1] else ''}{q['sort'][0]}")
    if q["limit"] is not None:
        out.append(f"limit:{q['limit']}")
    return " ".join(out)


# ---- Evaluation (docs/search.md, "Qualifiers", "Words", "Who sees what") -----------------

class Refused(Exception):
    pass


def seconds(at):
    """`YYYY-MM-DDTHH:MM:SSZ` as seconds since 1970."""
    d = date(int(at[0:4]), int(at[5:7]), int(at[8:10]))
    return (d.toordinal() - EPOCH) * 86400 + int(at[11:13]) * 3600 + int(at[14:16]) * 60 \
        + int(at[17:19])


def same_email(a, b):
    return ascii_lower(a) == ascii_lower(b)


class Viewer:
    def __init__(self, email, config):
        self.email = email
        roles = config.get("roles", {})
        self.privileged = email is not None and any(
            same_email(e, email) for r in ("developer", "resolver", "manager")
            for e in roles.get(r, []))
        self.mode = config.get("mode", "defects")

    def may_see(self, t):
        """docs/format.md, "Modes" and "Views"."""
        if self.mode in ("defects", "custom") or self.privileged:
            return True
        if self.email is None:
            return False
        mine = same_email(t["reporter"]["email"], self.email)
        if self.mode == "support":
            return mine
        return mine or (t["assignee"] is not None
                        and same_email(t["assignee"]["email"], self.email))


def person_matches(term, person, me):
    if term[0] == "none":
        return person is None
    if person is None:
        return False
    if term[0] == "me":
        return same_email(person["email"], me)
    return same_email(person["email"], term[1])


def state_matches(term, state):
    if term == "open":
        return state not in FINISHED
    if term == "closed":
        return state in FINISHED
    return term == "all" or term == state


def date_matches(term, t):
    if term[0] == "..":
        return term[1][2] <= t < end(term[2])
    op, p = term
    return {"=": p[2] <= t < end(p), ">": t >= end(p), ">=": t >= p[2], "<": t < p[2],
            "<=": t < end(p)}[op]


def key_number(k, prefix):
    if not k["prefix"]:
        return k["number"]
    head, rest = k["text"][:len(prefix)], k["text"][len(prefix):]
    if ascii_lower(head) == ascii_lower(prefix) and re.fullmatch(r"[0-9]+", rest) \
            and 1 <= int(rest) <= MAX_NUMBER:
        return int(rest)
    raise Refused(f"{k['text']} is not a key of this tracker (prefix {prefix})")


def field_matches(name, value, t, defs):
    have = t["fields"].get(name)
    if value is None:
        return have is None
    if have is None:
        return False
    if ascii_lower(have) == ascii_lower(value):
        return True
    return defs[name].get("type") == "multi-choice" and any(
        ascii_lower(c) == ascii_lower(value) for c in have.split(","))


def texts(t):
    return [t["title"], t["description"], t["solution"]] + [
        c["body"] for c in t["comments"] if not c["deleted"]]


def occurs(word, tokens):
    n = len(word["tokens"])
    for i in range(len(tokens) - n + 1):
        window = tokens[i:i + n]
        if window[:-1] != word["tokens"][:-1]:
            continue
        last, want = window[-1], word["tokens"][-1]
        if last == want or (word["prefix"] and last.startswith(want)):
            return True
    return False


def word_matches(word, folded):
    found = any(occurs(word, tokens) for tokens in folded)
    return found != word["exclude"]


def sort_key_of(t, key, is_field, defs):
    """The value compared, or None when the ticket has none (it then comes last)."""
    if is_field:
        v = t["fields"].get(key)
        if v is None:
            return None
        if defs[key].get("type") == "number":
            try:
                return float(v)
            except ValueError:
                return 0.0
        return v
    if key == "key":
        return t["number"]
    if key in ("created", "updated"):
        return seconds(t[key])
    if key == "state":
        return STATES.index(t["state"])
    if key == "assignee":
        return ascii_lower(t["assignee"]["email"]) if t["assignee"] else None
    # docs/format.md, "Priorities": the ranking's order, (rank, id); unranked: no value.
    return (t["rank"], t["id"]) if t.get("rank") is not None else None


def load(repo, branch):
    """The tickets of the branch, numbers settled, and its configuration."""
    files, config = read_files(repo, branch)
    prefix = config.get("prefix", "TRK-")
    tickets = [t for tid, f in files.items() if (t := fold_ticket(tid, f, prefix))]
    tip = git(repo, "rev-parse", branch).decode().strip()
    settle(repo, tip, tickets)
    for t in tickets:
        t["key"] = f"{prefix}{t['number']}"
    links(tickets)
    return tickets, config


def select(q, tickets, config, me):
    """The keys of the tickets (recompute.py's, numbers settled) that the parsed query q
    matches, in its order, for the person with email `me` (None: no identity)."""
    prefix = config.get("prefix", "TRK-")
    defs = config.get("fields", {})
    viewer = Viewer(me, config)
    uses_me = any(t == ("me",) for kind in ("assignees", "reporters", "watchers")
                  for t in q[kind])
    if uses_me and me is None:
        raise Refused("me needs a git identity")
    for name, _ in q["fields"]:
        if name not in defs or (defs[name].get("private") and not viewer.privileged):
            raise Refused(f"unknown field {name}")
    if q["sort"] and q["sort"][2]:
        d = defs.get(q["sort"][0])
        if d is None or not d.get("listable") or (d.get("private") and not viewer.privileged):
            raise Refused(f"unknown sort key {q['sort'][0]}")
    keys = [tuple(key_number(k, prefix) for k in term) for term in q["keys"]]
    out = []
    for t in tickets:
        if not viewer.may_see(t):
            continue
        states = q["states"] or ["open"]
        if not any(state_matches(s, t["state"]) for s in states):
            continue
        if q["assignees"] and not any(person_matches(p, t["assignee"], me)
                                      for p in q["assignees"]):
            continue
        if q["reporters"] and not any(person_matches(p, t["reporter"], me)
                                      for p in q["reporters"]):
            continue
        if q["watchers"] and not any(person_matches(p, w, me)
                                     for p in q["watchers"] for w in t["watchers"]):
            continue
        if keys and not any(k[0] <= t["number"] <= k[-1] for k in keys):
            continue
        if not all(date_matches(d, seconds(t["created"])) for d in q["created"]):
            continue
        if not all(date_matches(d, seconds(t["updated"])) for d in q["updated"]):
            continue
        if not all(field_matches(n, v, t, defs) for n, v in q["fields"]):
            continue
        if q["fingerprints"] and not any(
                t.get("fingerprint") is not None
                and ascii_lower(t["fingerprint"]) == ascii_lower(f) for f in q["fingerprints"]):
            continue
        if not all(lab.lower() in t["labels"] for lab in q["labels"]):
            continue
        if q["contested"] and not (t["contested"] or t["cycle"]):
            continue
        if q["blocked"] and not any(d["finished"] is False for d in t["depends_on"]):
            continue
        if q["blocking"] and (t["finished"] or not any(b["finished"] is False
                                                       for b in t["blocks"])):
            continue
        folded = [fold(x) for x in texts(t)]
        if not all(word_matches(w, folded) for w in q["words"]):
            continue
        out.append(t)

    key, desc, is_field = q["sort"] or ("created", True, False)
    have = [t for t in out if sort_key_of(t, key, is_field, defs) is not None]
    missing = [t for t in out if sort_key_of(t, key, is_field, defs) is None]
    have.sort(key=lambda t: (sort_key_of(t, key, is_field, defs), t["number"], t["id"]),
              reverse=desc)
    missing.sort(key=lambda t: (t["number"], t["id"]))
    ordered = have + missing
    if q["limit"] is not None:
        ordered = ordered[:q["limit"]]
    return [f"{prefix}{t['number']}" for t in ordered]


def main(argv):
    if argv[1:] == ["--canonical"]:
        results = []
        for text in json.load(sys.stdin):
            try:
                results.append({"canonical": canonical(parse(text))})
            except QueryError as e:
                results.append({"column": e.column})
        json.dump(results, sys.stdout, ensure_ascii=False)
        return 0
    args, me, branch = [], None, "tracker"
    i = 1
    while i < len(argv):
        if argv[i] in ("--me", "--branch"):
            if argv[i] == "--me":
                me = argv[i + 1]
            else:
                branch = argv[i + 1]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if args[1:] == ["--batch"]:
        tickets, config = load(args[0], branch)
        results = []
        for text, me in json.load(sys.stdin):
            try:
                results.append({"keys": select(parse(text), tickets, config, me)})
            except QueryError as e:
                results.append({"error": f"at column {e.column}: {e.message}"})
            except Refused as e:
                results.append({"error": str(e)})
        json.dump(results, sys.stdout, ensure_ascii=False)
        return 0
    repo, text = args
    try:
        q = parse(text)
        keys = select(q, *load(repo, branch), me)
    except QueryError as e:
        print(f"error: at column {e.column}: {e.message}", file=sys.stderr)
        return 2
    except Refused as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    json.dump({"keys": keys}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
