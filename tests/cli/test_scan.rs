//! Issue 12 (R62): `scan REV-RANGE` applies the ticket keywords of commit messages once per
//! commit and ticket; `hooks install` runs it after each commit and merge. Every test starts
//! from a fresh `git clone` of a shared bare remote, as a teammate's machine does.

use std::path::{Path, PathBuf};

use crate::common::{Run, BIN};
use crate::test_clone::{git_clone, team};
use crate::test_sync::Net;

/// The shared remote with `main` and three tickets (TRK-1..TRK-3, filed by Ann), and a fresh
/// clone `dev` of it in which no tracker command has run yet.
fn project() -> (Net, PathBuf) {
    let net = team();
    let a = net.env.repo.clone();
    for t in ["Parser crashes", "Slow start", "Typo in help"] {
        net.new_ticket(&a, t);
    }
    net.sync(&a);
    let dev = git_clone(&net, "dev");
    (net, dev)
}

/// Commits on the current branch of `dir`, one per message (no files change).
fn commit(net: &Net, dir: &Path, messages: &[&str]) {
    for m in messages {
        net.env
            .git_in(dir, &["commit", "-q", "--allow-empty", "-m", m]);
    }
}

/// `text` with every commit of `dir`'s `range` (full or abbreviated) replaced by `<C1>`,
/// `<C2>`, … in the range's order, oldest first, padded with `~` to the id's width so that
/// tables keep their columns.
fn redacted(net: &Net, dir: &Path, range: &str, text: &str) -> String {
    let ids = net
        .env
        .git_in(dir, &["rev-list", "--reverse", "--topo-order", range]);
    let mut out = text.to_owned();
    for (i, id) in ids.lines().enumerate() {
        if let Some(len) = (7..=id.len()).rev().find(|n| out.contains(&id[..*n])) {
            out = out.replace(&id[..len], &format!("{:~<len$}", format!("<C{}>", i + 1)));
        }
    }
    out
}

fn tracker_commits(net: &Net, dir: &Path) -> usize {
    net.env
        .git_in(dir, &["rev-list", "--count", "refs/heads/tracker"])
        .trim()
        .parse()
        .unwrap()
}

/// The events of `key` that carry a project commit: `(kind, commit)`.
fn recorded(net: &Net, dir: &Path, key: &str) -> Vec<(String, String)> {
    let log = net.run(dir, &["log", key, "--format", "json"]).json();
    log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e.get("commit").is_some())
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_owned(),
                e["commit"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn state(net: &Net, dir: &Path, key: &str) -> String {
    net.run(dir, &["show", key, "--format", "json"]).json()["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

const MESSAGES: [&str; 4] = [
    "Fix the parser\n\nIt read past the end.\n\nFixes TRK-1, refs TRK-2",
    "Tidy up the help; see trk-3",
    "Unrelated change",
    "Make start faster. Closes TRK-2; closes TRK-1 too",
];

#[test]
fn a_range_scanned_twice_moves_and_comments_once_per_ticket() {
    let (net, dev) = project();
    commit(&net, &dev, &MESSAGES);
    let head = net.env.git_in(&dev, &["rev-parse", "HEAD"]);
    let status = net.env.git_in(&dev, &["status", "--porcelain"]);

    let run = net.run(&dev, &["scan", "origin/main..HEAD"]);
    assert_eq!(run.code, 0, "{run}");
    insta::assert_snapshot!(
        "scan_table",
        redacted(&net, &dev, "origin/main..HEAD", &run.to_string())
    );
    // One commit on the tracker branch for the whole scan (the clone took over the remote's).
    let before = tracker_commits(&net, &dev.clone());
    assert_eq!(
        before,
        1 + tracker_commits(&net, &net.env.repo.clone()),
        "one commit for the scan"
    );
    assert_eq!(state(&net, &dev, "TRK-1"), "RESOLVED");
    assert_eq!(state(&net, &dev, "TRK-2"), "RESOLVED");
    // TRK-3 was commented on by Ann, its reporter: it stays POSTED.
    assert_eq!(state(&net, &dev, "TRK-3"), "POSTED");
    let ids: Vec<String> = net
        .env
        .git_in(&dev, &["rev-list", "--reverse", "origin/main..HEAD"])
        .lines()
        .map(str::to_owned)
        .collect();
    let one = |kind: &str, c: usize| vec![(kind.to_owned(), ids[c].clone())];
    assert_eq!(recorded(&net, &dev, "TRK-1"), one("state", 0));
    assert_eq!(
        recorded(&net, &dev, "TRK-2"),
        [one("comment", 0), one("state", 3)].concat()
    );
    assert_eq!(recorded(&net, &dev, "TRK-3"), one("comment", 1));
    let show = net.run(&dev, &["show", "TRK-2", "--format", "json"]).json();
    let short = &ids[0][..7];
    assert_eq!(
        show["comments"][0]["body"],
        format!("Referenced by commit {short}: Fix the parser")
    );
    assert_eq!(
        show["transitions"][0]["message"],
        format!(
            "Resolved by commit {}: Make start faster. Closes TRK-2; closes TRK-1 too",
            &ids[3][..7]
        )
    );
    let log = net.run(&dev, &["log", "TRK-1"]).ok().to_owned();
    assert!(
        log.contains(&format!(
            "POSTED -> RESOLVED: Resolved by commit {short}: Fix the parser (commit {})\n",
            &ids[0][..12]
        )),
        "{log}"
    );

    // Again: nothing more, no commit, exit 0.
    let again = net.run(&dev, &["scan", "origin/main..HEAD"]);
    insta::assert_snapshot!(
        "scan_table_again",
        redacted(&net, &dev, "origin/main..HEAD", &again.to_string())
    );
    assert_eq!(tracker_commits(&net, &dev), before);

    // Another clone, after a sync, scanning an overlapping range: still nothing more.
    net.sync(&dev);
    net.env.git_in(&dev, &["push", "-q", "origin", "HEAD:main"]);
    let ci = git_clone(&net, "ci");
    let run = net.run(&ci, &["scan", "HEAD~4..HEAD", "--format", "json"]);
    let json = run.json();
    let results: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["result"].as_str().unwrap())
        .collect();
    assert_eq!(
        results,
        ["recorded", "recorded", "recorded", "recorded", "finished"]
    );
    assert_eq!(json["tracker_commit"], serde_json::Value::Null);
    assert_eq!(json["commits"], 4);
    for key in ["TRK-1", "TRK-2", "TRK-3"] {
        assert_eq!(
            recorded(&net, &ci, key).len(),
            recorded(&net, &dev, key).len()
        );
    }
    // The user's side of the repository was never touched.
    assert_eq!(net.env.git_in(&dev, &["rev-parse", "HEAD"]), head);
    assert_eq!(net.env.git_in(&dev, &["status", "--porcelain"]), status);
}

#[test]
fn scan_json_says_what_happened_to_each_keyword() {
    let (net, dev) = project();
    commit(&net, &dev, &["Fixes TRK-1, TRK-7 and refs TRK-2"]);
    let run = net.run(&dev, &["scan", "HEAD^!", "--format", "json"]);
    let json = run.json();
    let id = net
        .env
        .git_in(&dev, &["rev-parse", "HEAD"])
        .trim()
        .to_owned();
    let tip = net
        .env
        .git_in(&dev, &["rev-parse", "tracker"])
        .trim()
        .to_owned();
    let ticket = |key: &str| {
        net.run(&dev, &["show", key, "--format", "json"]).json()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let subject = "Fixes TRK-1, TRK-7 and refs TRK-2";
    assert_eq!(
        json,
        serde_json::json!({
            "schema_version": 1,
            "range": "HEAD^!",
            "dry_run": false,
            "commits": 1,
            "tracker_commit": tip,
            "steps": [
                {"commit": id, "subject": subject, "keyword": "fixes", "written": "TRK-1",
                 "key": "TRK-1", "id": ticket("TRK-1"), "result": "resolved", "state": "POSTED",
                 "reason": null},
                {"commit": id, "subject": subject, "keyword": "fixes", "written": "TRK-7",
                 "key": null, "id": null, "result": "unknown", "state": null,
                 "reason": "unknown ticket \"TRK-7\""},
                {"commit": id, "subject": subject, "keyword": "refs", "written": "TRK-2",
                 "key": "TRK-2", "id": ticket("TRK-2"), "result": "commented", "state": null,
                 "reason": null},
            ]
        })
    );
}

#[test]
fn an_unknown_key_warns_and_the_others_are_applied() {
    let (net, dev) = project();
    commit(&net, &dev, &["Fixes TRK-9, TRK-1 and TRK-0"]);
    let run = net.run(&dev, &["scan", "--quiet", "HEAD~1..HEAD"]);
    let out = redacted(&net, &dev, "HEAD~1..HEAD", &run.to_string());
    assert_eq!(
        out,
        " COMMIT   TICKET  KEYWORD  RESULT              SUBJECT
 <C1>~~~  TRK-9   fixes    unknown ticket      Fixes TRK-9, TRK-1 and TRK-0
 <C1>~~~  TRK-1   fixes    POSTED -> RESOLVED  Fixes TRK-9, TRK-1 and TRK-0
 <C1>~~~  TRK-0   fixes    unknown ticket      Fixes TRK-9, TRK-1 and TRK-0
--- stderr ---
warning: commit <C1>~~~ names TRK-9: unknown ticket \"TRK-9\"
warning: commit <C1>~~~ names TRK-0: unknown ticket \"TRK-0\"
[exit status: 0]"
    );
    assert_eq!(state(&net, &dev, "TRK-1"), "RESOLVED");
}

#[test]
fn a_fixes_on_a_finished_ticket_changes_nothing_and_says_so() {
    let (net, dev) = project();
    net.run(&dev, &["state", "TRK-1", "abandonned"]).ok();
    let before = tracker_commits(&net, &dev);
    commit(&net, &dev, &["Resolved TRK-1"]);
    let run = net.run(&dev, &["scan", "HEAD^!"]);
    let out = redacted(&net, &dev, "HEAD~1..HEAD", &run.to_string());
    assert_eq!(
        out,
        " COMMIT   TICKET  KEYWORD  RESULT              SUBJECT
 <C1>~~~  TRK-1   fixes    already ABANDONNED  Resolved TRK-1
--- stderr ---
TRK-1 is already ABANDONNED; commit <C1>~~~ changed nothing.
Scanned 1 commit: nothing to change.
[exit status: 0]"
    );
    assert_eq!(tracker_commits(&net, &dev), before);
}

#[test]
fn a_keyword_the_tracker_refuses_is_reported_and_the_others_applied() {
    let (net, dev) = project();
    net.run(&dev, &["config", "set", "comments", "false"]).ok();
    commit(&net, &dev, &["Refs TRK-2, fixes TRK-3"]);
    let run = net.run(&dev, &["scan", "HEAD^!", "--quiet"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        redacted(&net, &dev, "HEAD~1..HEAD", &run.stderr),
        "warning: commit <C1>~~~: refs TRK-2 was not applied: comments are disabled in this \
         tracker\n"
    );
    assert!(run.stdout.contains(" TRK-2   refs     refused "), "{run}");
    assert_eq!(state(&net, &dev, "TRK-3"), "RESOLVED");
    assert!(recorded(&net, &dev, "TRK-2").is_empty());
}

#[test]
fn dry_run_writes_nothing() {
    let (net, dev) = project();
    commit(&net, &dev, &MESSAGES);
    // The first command of the clone takes over the remote's branch: do that first.
    net.run(&dev, &["list"]).ok();
    let tip = net.env.git_in(&dev, &["rev-parse", "tracker"]);
    let run = net.run(&dev, &["scan", "origin/main..HEAD", "--dry-run"]);
    insta::assert_snapshot!(
        "scan_dry_run",
        redacted(&net, &dev, "origin/main..HEAD", &run.to_string())
    );
    assert_eq!(net.env.git_in(&dev, &["rev-parse", "tracker"]), tip);
    let json = net
        .run(
            &dev,
            &["scan", "origin/main..HEAD", "--dry-run", "--format", "json"],
        )
        .json();
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["tracker_commit"], serde_json::Value::Null);
    assert_eq!(json["steps"][0]["result"], "resolved");
    assert_eq!(net.env.git_in(&dev, &["rev-parse", "tracker"]), tip);
    assert_eq!(state(&net, &dev, "TRK-1"), "POSTED");
    // The real run does what the dry run said.
    let results = |json: &serde_json::Value| -> Vec<String> {
        json["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{} {} {}", s["key"], s["keyword"], s["result"]))
            .collect()
    };
    let real = net
        .run(&dev, &["scan", "origin/main..HEAD", "--format", "json"])
        .json();
    assert_eq!(results(&real), results(&json));
    assert_ne!(net.env.git_in(&dev, &["rev-parse", "tracker"]), tip);
}

#[test]
fn a_bad_range_exits_2_naming_it_and_writes_nothing() {
    let (net, dev) = project();
    commit(&net, &dev, &["Fixes TRK-1"]);
    net.run(&dev, &["list"]).ok();
    let tip = net.env.git_in(&dev, &["rev-parse", "tracker"]);
    let hint = "hint: give a range such as main~20..main or origin/main..HEAD, or REV^! for one \
                commit\n";
    for (range, why) in [
        (
            "nope..HEAD",
            "\"nope\" does not name a commit of this repository",
        ),
        (
            "HEAD..nope",
            "\"nope\" does not name a commit of this repository",
        ),
        (
            "nope^!",
            "\"nope\" does not name a commit of this repository",
        ),
        (
            "HEAD",
            "a single revision, whose whole history is rarely meant: give a range",
        ),
    ] {
        let run = net.run(&dev, &["scan", range]);
        assert_eq!(
            run.bad_input(),
            format!("error: invalid revision range {range:?}: {why}\n{hint}"),
            "{range}"
        );
        assert_eq!(run.stdout, "");
    }
    assert_eq!(net.env.git_in(&dev, &["rev-parse", "tracker"]), tip);
    assert_eq!(state(&net, &dev, "TRK-1"), "POSTED");
}

/// `git` in `dir` with the tool on PATH as `git tracker` (the hooks call it so), or not.
fn git_with_tool(net: &Net, dir: &Path, args: &[&str], on_path: bool) -> Run {
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = if on_path {
        std::env::join_paths(
            std::iter::once(bin_dir.to_path_buf()).chain(std::env::split_paths(&path)),
        )
        .unwrap()
    } else {
        path
    };
    let mut cmd = net.env.base_command("git", dir);
    cmd.env("PATH", path)
        .env("GIT_TRACKER_NOW", net.env.tick())
        .args(args);
    Run::from(cmd.output().unwrap())
}

#[test]
fn hooks_scan_each_commit_and_merge_and_uninstall_keeps_the_users_hook() {
    let (net, dev) = project();
    let hooks = dev.join(".git/hooks");
    // The user's own post-merge hook.
    let mine = "#!/bin/sh\necho \"merged ($1)\" >> .git/merges.txt\n";
    std::fs::write(hooks.join("post-merge"), mine).unwrap();
    make_executable(&hooks.join("post-merge"));

    let run = net.run(&dev, &["hooks", "install"]);
    let root = net.env.root.path().to_str().unwrap();
    assert_eq!(
        run.ok(),
        "",
        "the product of hooks install is on stderr: {run}"
    );
    assert_eq!(
        run.stderr.replace(root, "<ROOT>"),
        "Created <ROOT>/dev/.git/hooks/post-commit.\nAdded the scan to your hook \
         <ROOT>/dev/.git/hooks/post-merge.\n"
    );
    // A real commit with a keyword resolves the ticket.
    std::fs::write(dev.join("parser.c"), "fixed\n").unwrap();
    net.env.git_in(&dev, &["add", "parser.c"]);
    let run = git_with_tool(
        &net,
        &dev,
        &["commit", "-q", "-m", "Fix the parser\n\nFixes TRK-1"],
        true,
    );
    assert_eq!(run.code, 0, "{run}");
    // Git shows a hook's output on stderr.
    assert!(
        run.stderr
            .contains(" TRK-1   fixes    POSTED -> RESOLVED  Fix the parser"),
        "{run}"
    );
    assert_eq!(state(&net, &dev, "TRK-1"), "RESOLVED");
    // A commit without keywords: silent.
    let run = git_with_tool(
        &net,
        &dev,
        &["commit", "-q", "--allow-empty", "-m", "Nothing to see"],
        true,
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );

    // A pull that brings a teammate's commit runs the post-merge scan, and the user's hook.
    let other = git_clone(&net, "other");
    commit(&net, &other, &["Speed up start (refs TRK-2)"]);
    net.env.git_in(&other, &["push", "-q", "origin", "main"]);
    git_with_tool(
        &net,
        &dev,
        &["pull", "-q", "--no-rebase", "--no-edit"],
        true,
    );
    assert_eq!(
        std::fs::read_to_string(dev.join(".git/merges.txt")).unwrap(),
        "merged (0)\n"
    );
    let comments = net.run(&dev, &["show", "TRK-2", "--format", "json"]).json()["comments"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(comments, 1);

    // When the scan fails (here: the tool is not on PATH), the commit is made all the same.
    let run = git_with_tool(
        &net,
        &dev,
        &["commit", "-q", "--allow-empty", "-m", "Fixes TRK-3"],
        false,
    );
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(
            "git-tracker: scanning the new commit failed (see above); nothing else is affected"
        ),
        "{run}"
    );
    assert_eq!(
        net.env.git_in(&dev, &["log", "-1", "--format=%s"]),
        "Fixes TRK-3\n"
    );

    // Uninstall: our post-commit hook goes, the user's post-merge hook is as it was.
    let run = net.run(&dev, &["hooks", "uninstall"]);
    assert_eq!(
        run.stderr.replace(root, "<ROOT>"),
        "Removed <ROOT>/dev/.git/hooks/post-commit (it held only the scan).\nRemoved the scan \
         from <ROOT>/dev/.git/hooks/post-merge; the rest of the hook is kept.\n"
    );
    assert!(!hooks.join("post-commit").exists());
    assert_eq!(
        std::fs::read_to_string(hooks.join("post-merge")).unwrap(),
        mine
    );
    let run = net.run(&dev, &["hooks", "uninstall"]);
    assert!(
        run.stderr.contains("post-commit has no scan to remove."),
        "{run}"
    );
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn hooks_go_where_core_hooks_path_says_and_other_interpreters_are_refused() {
    let (net, dev) = project();
    net.env
        .git_in(&dev, &["config", "core.hooksPath", ".githooks"]);
    let python = "#!/usr/bin/env python3\nprint('mine')\n";
    std::fs::create_dir_all(dev.join(".githooks")).unwrap();
    std::fs::write(dev.join(".githooks/post-merge"), python).unwrap();
    let run = net.run(&dev, &["hooks", "install"]);
    let root = net.env.root.path().to_str().unwrap();
    assert_eq!(
        run.bad_input()
            .replace(root, "<ROOT>")
            .lines()
            .collect::<Vec<_>>(),
        [
            "error: <ROOT>/dev/.githooks/post-merge is not a shell script (#!/usr/bin/env \
             python3): the scan cannot be added to it",
            "hint: nothing was changed; call 'git tracker scan ORIG_HEAD..HEAD' from that hook \
             yourself",
        ]
    );
    // Nothing was written: not even the post-commit hook, which could have been.
    assert!(!dev.join(".githooks/post-commit").exists());
    assert_eq!(
        std::fs::read_to_string(dev.join(".githooks/post-merge")).unwrap(),
        python
    );
    std::fs::remove_file(dev.join(".githooks/post-merge")).unwrap();
    net.run(&dev, &["hooks", "install"]).ok();
    assert!(dev.join(".githooks/post-commit").exists());
    assert!(!dev.join(".git/hooks/post-commit").exists());
    let run = git_with_tool(
        &net,
        &dev,
        &["commit", "-q", "--allow-empty", "-m", "Closes TRK-2"],
        true,
    );
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(state(&net, &dev, "TRK-2"), "RESOLVED");
}

/// R15, as for any comment: a `Refs` scanned by someone other than the reporter opens a
/// POSTED ticket, and a `Fixes` of the same scan then resolves it from OPEN.
#[test]
fn a_reference_by_someone_else_opens_a_posted_ticket() {
    let (net, dev) = project();
    net.env.set_user("Bob", "bob@example.com");
    commit(&net, &dev, &["See TRK-3", "Fixes TRK-3"]);
    let run = net.run(&dev, &["scan", "--quiet", "HEAD~2..HEAD"]);
    assert_eq!(
        redacted(&net, &dev, "HEAD~2..HEAD", &run.to_string()),
        " COMMIT   TICKET  KEYWORD  RESULT            SUBJECT
 <C1>~~~  TRK-3   refs     commented         See TRK-3
 <C2>~~~  TRK-3   fixes    OPEN -> RESOLVED  Fixes TRK-3
--- stderr ---
[exit status: 0]"
    );
    let show = net.run(&dev, &["show", "TRK-3", "--format", "json"]).json();
    let moves: Vec<String> = show["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| format!("{} -> {}", t["from"], t["to"]))
        .collect();
    assert_eq!(
        moves,
        ["\"POSTED\" -> \"OPEN\"", "\"OPEN\" -> \"RESOLVED\""]
    );
}
