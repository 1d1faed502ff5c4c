#!/usr/bin/env python3
"""Checks tests/reader/query.py, the independent evaluator of docs/search.md.

Usage:
    test_query.py                  every check below; prints "ok" and exits 0, or fails
    test_query.py --fold FILE      compares query.py's folding with FILE's lines
                                   "<code point>\t<tokens of 'a' + it + 'b', space-separated>"
                                   (written by tests/cli/test_query.rs from the Rust fold)

Run by tests/cli/test_query.rs. Each filter is checked on tickets where it must drop some.
"""
import os
import random
import sqlite3
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import query  # noqa: E402
from query import QueryError, Refused, canonical, fold, parse, select  # noqa: E402


def check_fold():
    assert fold("Save crash: v1.2-beta_3!") == ["save", "crash", "v1", "2", "beta", "3"]
    assert fold("Café CRASHÉ Ǖber naïve Å") == ["cafe", "crashe", "uber", "naive", "a"]
    assert fold("Łódź Øre Straße ŒUVRE") == ["łodz", "øre", "straße", "œuvre"]
    assert fold("e\u0301te\u0301 \u0301x a\u0305b") == ["ete", "x", "a", "b"]
    assert fold("İstanbul ΣΟΦΟΣ σοφος µ ẛ ǡ") == ["istanbul", "σοφοσ", "σοφοσ", "μ", "s", "ǡ"]
    assert fold("x²y ½ 3€ 漢字 かな") == ["x²y", "½", "3", "漢字", "かな"]
    assert fold("कि xⒶy don't") == ["क", "x", "y", "don", "t"]
    assert fold("") == [] and fold(" !? -- ") == []


def check_parse():
    same = [
        "",
        "state:open assignee:me created:>2026-01-01 \"save crash\" -flaky sort:-updated",
        "state:OPEN state:open state:RESOLVING",
        "assignee:none reporter:Ann@Example.com watcher:me key:TRK-3..TRK-9 key:12",
        "created:2026-01-05 created:2026-01-01..2026-01-31 updated:>=2026-01-01T10:00:00Z",
        'field:os="mac os" field:notes= field:q="a \\"b\\" \\\\c" is:contested',
        'cafe "save crash" -flaky -"not now" crash* "save cra"* sort:severity limit:0',
    ]
    for text in same:
        assert canonical(parse(text)) == text, (text, canonical(parse(text)))
    rewritten = {
        "is:open IS:closed no:assignee": "state:open state:closed assignee:none",
        "State:Open state:abandoned": "state:OPEN state:ABANDONNED",
        "Café save-crash crash** --x": 'cafe "save crash" crash* -x',
        "updated:<=2026-02-01t12:30:00+02:00": "updated:<=2026-02-01T10:30:00Z",
        "created:2026-01-01T00:10:00+00:30..2026-01-02": "created:2025-12-31T23:40:00Z..2026-01-02",
        'field:x="" limit:007 sort:-KEY': "field:x= sort:-key limit:7",
        "12:30 :x \"state:open\"": '"12 30" x "state open"',
    }
    for text, want in rewritten.items():
        assert canonical(parse(text)) == want, (text, canonical(parse(text)))
    errors = {
        "state:open stat:open": 12, "x state:opn": 9, "state:": 7, "state:CLOSED": 7,
        "is:new": 4, "no:reporter": 4, "reporter:none": 10, "watcher:bob": 9,
        "key:TRK-0": 5, "key:1X-3": 5, "key:TRK-9..TRK-3": 5, "key:TRK-3..BUG-9": 5,
        "created:2026-02-30": 9, "created:2026-01-01T10:00:00.5Z": 9,
        "created:0001-01-01T00:00:00+00:01": 9, "updated:2026-01-31..2026-01-01": 9,
        "field:OS=mac": 7, "field:os": 7, "sort:key sort:": 10, "limit:1 limit:x": 9,
        "limit:1000000000": 7, "sort:--key": 6, "x priority:1": 3, "a \"b c": 3,
        "a \"b\\n\"": 5, "\"ab\"cd": 5, "ab\"cd\"": 3, "x -state:closed": 3, "!!!": 1,
        "a \"\"": 3, "a - b": 3, "café stat:x": 6, "-http://x": 1,
        "stat:x \"unterminated": 8,
    }
    for text, column in errors.items():
        try:
            parse(text)
        except QueryError as e:
            assert e.column == column, (text, e.column, column)
        else:
            raise AssertionError(f"{text!r} parsed")
    try:
        parse("a " * 8193)
    except QueryError as e:
        assert e.column == 1
    else:
        raise AssertionError("a long query parsed")


def person(name):
    return {"name": name.capitalize(), "email": f"{name}@example.com"}


def ticket(number, state, title, reporter, assignee=None, watchers=(), created="",
           updated="", description="", solution="", comments=(), contested=(), fields=None):
    return {
        "id": f"{number:032x}", "number": number, "state": state, "title": title,
        "reporter": person(reporter), "assignee": person(assignee) if assignee else None,
        "watchers": [person(w) for w in sorted({reporter, *watchers})],
        "created": created, "updated": updated or created, "description": description,
        "solution": solution, "contested": list(contested), "fields": fields or {},
        "comments": [{"body": b, "deleted": d} for b, d in comments],
        "finished": state in ("RESOLVED", "ABANDONNED", "TRANSFERED", "VALIDATED"),
        "depends_on": [], "blocks": [], "cycle": [], "labels": [],
    }


TICKETS = [
    ticket(1, "POSTED", "Save crash on Café", "ann", "bob", created="2026-01-05T10:00:00Z",
           updated="2026-01-20T08:00:00Z", fields={"severity": "High", "os": "linux,mac"},
           comments=[("flaky test", True), ("Straße works", False)]),
    ticket(2, "RESOLVED", "Crashes when saving", "bob", created="2026-02-01T00:00:00Z",
           description="save then crash", contested=["state"], fields={"cost": "10"}),
    ticket(3, "WAITING", "Slow start", "cy", "ann", watchers=["dee"],
           created="2025-12-31T23:59:59Z", updated="2026-01-31T23:59:59Z",
           solution="cache it", fields={"severity": "low", "cost": "9.5", "secret": "x"}),
    ticket(12, "OPEN", "Crash, save later", "ann", "ann", created="2026-01-05T23:59:59Z",
           comments=[("is it flaky?", False)], fields={"os": "windows"}),
]
CONFIG = {
    "prefix": "TRK-", "mode": "defects",
    "roles": {"developer": ["Dev@example.com"]},
    "fields": {"severity": {"type": "choice", "listable": True},
               "os": {"type": "multi-choice"},
               "cost": {"type": "number", "listable": True},
               "secret": {"type": "text", "private": True, "listable": True}},
}


def run(text, me="ann@example.com", config=CONFIG, tickets=TICKETS):
    return select(parse(text), tickets, config, me)


def refused(text, me="ann@example.com", config=CONFIG):
    try:
        run(text, me, config)
    except Refused:
        return True
    return False


def check_select():
    k = lambda *ns: [f"TRK-{n}" for n in ns]
    # Default: in progress, newest first.
    assert run("") == k(12, 1, 3)
    assert run("state:all") == k(2, 12, 1, 3)
    assert run("state:closed") == k(2)
    assert run("is:open") == k(12, 1, 3)
    assert run("state:OPEN") == k(12)
    assert run("state:waiting state:posted") == k(1, 3)
    # People.
    assert run("assignee:me") == k(12, 3)
    assert run("assignee:BOB@example.com") == k(1)
    assert run("state:all no:assignee") == k(2)
    assert run("state:all assignee:me no:assignee") == k(2, 12, 3)
    assert run("reporter:me") == k(12, 1)
    assert run("watcher:dee@example.com") == k(3)
    assert run("watcher:me") == k(12, 1)
    assert refused("assignee:me", me=None)
    # Keys.
    assert run("key:TRK-12 key:trk-1") == k(12, 1)
    assert run("state:all key:2..3") == k(2, 3)
    assert run("state:all key:TRK-2..12") == k(2, 12, 3)
    assert refused("key:BUG-1")
    # Dates: a day is its 24 hours; > is after the whole day; ranges include both ends.
    assert run("created:2026-01-05") == k(12, 1)
    assert run("state:all created:>2026-01-05") == k(2)
    assert run("state:all created:>=2026-01-05") == k(2, 12, 1)
    assert run("created:<2026-01-01") == k(3)
    assert run("created:<=2025-12-31") == k(3)
    assert run("state:all created:2026-01-01..2026-01-31") == k(12, 1)
    assert run("created:2026-01-05T10:00:00Z") == k(1)
    assert run("created:2026-01-05T12:00:00+02:00") == k(1)
    assert run("updated:>=2026-01-20 updated:<2026-02-01") == k(1, 3)
    # Fields: ASCII case ignored, multi-choice by choice, unset, all ANDed.
    assert run("field:severity=high") == k(1)
    assert run("field:os=mac") == k(1)
    assert run("field:os=LINUX,mac") == k(1)
    assert run("field:severity=") == k(12)
    assert run("field:severity=low field:cost=9.5") == k(3)
    assert run("field:severity=low field:cost=10") == []
    assert refused("field:nope=x")
    assert refused("field:secret=x")
    assert run("field:secret=x", me="dev@example.com") == k(3)
    # is:contested.
    assert run("state:all is:contested") == k(2)
    # Words: title, description, solution, live comments; folded; phrases adjacent.
    assert run("state:all crash") == k(2, 12, 1)
    assert run("state:all CAFE") == k(1)
    assert run("state:all strasse") == []
    assert run("state:all straße") == k(1)
    assert run("state:all cache") == k(3)
    assert run("state:all flaky") == k(12)
    assert run("state:all -flaky") == k(2, 1, 3)
    assert run("state:all \"save crash\"") == k(1)
    assert run("state:all \"crash save\"") == k(12)
    assert run("state:all -\"save crash\"") == k(2, 12, 3)
    assert run("state:all crash*") == k(2, 12, 1)
    assert run("state:all crashe*") == k(2)
    assert run("state:all \"crash sav\"*") == k(12)
    assert run("state:all save-crash") == k(1)
    # A phrase never spans two texts.
    spans = [ticket(5, "OPEN", "ends with save", "ann", created="2026-01-01T00:00:00Z",
                    description="crash starts here")]
    assert run("\"save crash\"", tickets=spans) == []
    assert run("save crash", tickets=spans) == ["TRK-5"]
    # Sorting: ascending, -descending, missing values last, ties by key.
    assert run("state:all sort:key") == k(1, 2, 3, 12)
    assert run("state:all sort:-key") == k(12, 3, 2, 1)
    assert run("state:all sort:created") == k(3, 1, 12, 2)
    assert run("state:all sort:state") == k(1, 12, 3, 2)
    assert run("state:all sort:assignee") == k(3, 12, 1, 2)
    assert run("state:all sort:-assignee") == k(1, 12, 3, 2)
    assert run("state:all sort:cost") == k(3, 2, 1, 12)
    assert run("state:all sort:-cost") == k(2, 3, 1, 12)
    assert run("state:all sort:-severity") == k(3, 1, 2, 12)
    assert run("state:all sort:priority") == k(1, 2, 3, 12)
    assert refused("sort:os")  # not listable
    assert refused("sort:secret")
    assert run("state:all sort:secret", me="dev@example.com") == k(3, 1, 2, 12)
    assert run("state:all sort:key limit:2") == k(1, 2)
    assert run("state:all limit:0") == []
    # Views: support mode shows a person without a role only what they reported.
    support = dict(CONFIG, mode="support")
    assert run("state:all", config=support) == k(12, 1)
    assert run("state:all", me="dev@example.com", config=support) == k(2, 12, 1, 3)
    assert run("state:all", me=None, config=support) == []
    tasks = dict(CONFIG, mode="tasks")
    assert run("state:all", config=tasks) == k(12, 1, 3)


# Code points of Unicode 3.2 whose case or category changed after Unicode 6.1, the version
# of FTS5's tables (docs/search.md, "The executor and FTS5"): the Cherokee letters gained
# lower-case forms in Unicode 8; two Mongolian letters became marks in Unicode 9.
CHANGED_SINCE_6_1 = set(range(0x13A0, 0x13F6)) | {0x1885, 0x1886}


def fts5_tokens(texts):
    """FTS5's unicode61 remove_diacritics 2 tokens of each text, or None without FTS5."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("create virtual table t using fts5(x, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
    except sqlite3.OperationalError:
        return None
    db.execute("create virtual table v using fts5vocab(t, 'instance')")
    db.executemany("insert into t(rowid, x) values (?, ?)",
                   [(i + 1, s) for i, s in enumerate(texts)])
    found = {}
    for term, doc, _col, offset in db.execute("select term, doc, col, offset from v"):
        found.setdefault(doc, []).append((offset, term))
    return [[t for _, t in sorted(found.get(i + 1, []))] for i in range(len(texts))]


def check_fts5():
    """The folding is FTS5's: on every code point Unicode 3.2 assigned, and on random text."""
    cps = [cp for cp in range(0x80, 0x110000)
           if not 0xD800 <= cp < 0xE000 and unicodedata.ucd_3_2_0.category(chr(cp)) != "Cn"]
    rng = random.Random(7)
    pieces = list("aAzZ09 -_'.*\"é") + ["\u0301", "\u0308", "\u0305", "İ", "ß", "Σ", "ς", "ǡ",
                                        "Ǖ", "ﬁ", "²", "漢", "\u093f", "क", "\u05b8", "ש",
                                        "\u00a0", "\u200b", "Ⓐ", "µ", "ẛ", "Å", "\ue000"]
    mixed = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
             for _ in range(3000)]
    texts = [f"a{chr(cp)}b" for cp in cps] + mixed
    tokens = fts5_tokens(texts)
    if tokens is None:
        print("skipped: this Python's sqlite3 has no FTS5", file=sys.stderr)
        return 0
    differ = [(text, want) for text, want in zip(texts, tokens)
              if fold(text) != want and not (len(text) == 3 and ord(text[1]) in CHANGED_SINCE_6_1)]
    assert not differ, differ[:10]
    return len(texts)


def check_rust_fold(path):
    """Every code point this Python's Unicode assigns folds alike here and in Rust."""
    differ, n = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            cp, _, tokens = line.rstrip("\n").partition("\t")
            c = chr(int(cp))
            if unicodedata.category(c) == "Cn":
                continue
            n += 1
            if fold(f"a{c}b") != (tokens.split(" ") if tokens else []):
                differ.append((hex(int(cp)), unicodedata.name(c, "?"), tokens))
    assert n > 100_000, n
    assert not differ, (len(differ), differ[:20])
    return n


def main(argv):
    if argv[1:2] == ["--fold"]:
        n = check_rust_fold(argv[2])
        print(f"ok: {n} code points fold alike")
        return 0
    check_fold()
    check_parse()
    check_select()
    n = check_fts5()
    print(f"ok (FTS5 agreement on {n} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
