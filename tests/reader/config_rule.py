#!/usr/bin/env python3
"""An independent check of who may change tracker.toml, written from docs/format.md alone
("Who may change what").

Usage: config_rule.py REPO [BRANCH]

Uses only `git` and `tomllib`. Prints one JSON document: {"forbidden": [commit, ...]}, the
commits (full ids, in history order) that changed or removed tracker.toml while the
configuration in force before them (at their first parent) was strict and their author was
not one of its managers. The test suite compares it with `git tracker verify`.
"""
import json
import re
import subprocess
import sys
import tomllib

PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,15}$")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, check=True).stdout


def config_blob(repo, commit):
    """The blob id of tracker.toml at the root of `commit`, or None."""
    out = git(repo, "ls-tree", commit, "--", "tracker.toml").decode().strip()
    if not out:
        return None
    meta, _path = out.split("\t", 1)
    _mode, kind, oid = meta.split()
    return oid if kind == "blob" else None


def readable(repo, blob):
    """The configuration in the blob, if it is one (valid TOML, version 1, a name and a
    valid prefix), else None."""
    if blob is None:
        return None
    try:
        c = tomllib.loads(git(repo, "cat-file", "blob", blob).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if c.get("version") != 1 or not isinstance(c.get("name"), str) or not c["name"].strip():
        return None
    if not isinstance(c.get("prefix"), str) or not PREFIX.match(c["prefix"]):
        return None
    return c


def main():
    repo = sys.argv[1]
    branch = sys.argv[2] if len(sys.argv) > 2 else "tracker"
    lines = git(repo, "rev-list", "--topo-order", "--reverse", "--parents", branch)
    in_force, blobs, forbidden = {}, {}, []
    for line in lines.decode().split("\n"):
        if not line:
            continue
        commit, *parents = line.split()
        blob = config_blob(repo, commit)
        blobs[commit] = blob
        before = in_force.get(parents[0]) if parents else None
        here = readable(repo, blob)
        in_force[commit] = here if here is not None else before
        if not parents:
            continue  # the commit that creates the tracker
        if blob is not None:
            changed = all(blobs[p] != blob for p in parents)
        else:
            changed = blobs[parents[0]] is not None
        if not changed or before is None or before.get("strict") is not True:
            continue
        author = git(repo, "log", "-1", "--format=%ae", commit).decode().strip().lower()
        managers = [m.lower() for m in before.get("roles", {}).get("manager", [])]
        if author not in managers:
            forbidden.append(commit)
    json.dump({"forbidden": forbidden}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
