//! The everyday commands: one commit each, the user's side untouched, keys in sequence.

use crate::common::TestEnv;

#[test]
fn init_creates_the_branch_once_and_touches_nothing_else() {
    let env = TestEnv::new();
    let before = env.user_state();
    let run = env.run(&["init", "--prefix", "BUG-", "--name", "Bugs"]);
    run.ok();
    assert!(run.stderr.contains("Initialized tracker \"Bugs\""), "{run}");
    assert_eq!(env.commits(), 1);
    assert_eq!(env.user_state(), before);
    let config = env.git(&["show", "tracker:tracker.toml"]);
    assert!(config.contains("prefix = \"BUG-\""), "{config}");
    let tip = env.tip();
    env.run(&["init"]).bad_input();
    assert_eq!(env.tip(), tip);
    assert_eq!(env.new_ticket("first"), "BUG-1");
}

#[test]
fn every_command_makes_exactly_one_commit_and_leaves_the_user_side_alone() {
    let env = TestEnv::initialized();
    let before = env.user_state();
    let mut commits = env.commits();
    let mut step = |args: &[&str]| {
        env.run(args).ok();
        commits += 1;
        assert_eq!(
            env.commits(),
            commits,
            "{args:?} did not make exactly one commit"
        );
        assert_eq!(env.user_state(), before, "{args:?} touched the user's side");
    };
    step(&[
        "new",
        "Crash on save",
        "-m",
        "It crashes",
        "--assign",
        "bob@example.com",
        "--watch",
        "cy@example.com",
    ]);
    step(&["state", "TRK-1", "resolving", "-m", "on it"]);
    step(&["comment", "TRK-1", "-m", "a comment"]);
    step(&["assign", "TRK-1", "--none"]);
    step(&["assign", "TRK-1", "--me"]);
    step(&["watch", "TRK-1", "di@example.com"]);
    step(&["unwatch", "TRK-1", "di@example.com"]);
    step(&[
        "edit",
        "TRK-1",
        "--title",
        "Crash when saving",
        "--solution",
        "lock",
    ]);
    // Each commit changes only files under tickets/<shard>/<id>/, adding one or two files.
    let changed = env.git(&["diff", "--name-status", "tracker~1", "tracker"]);
    assert!(
        changed.lines().all(|l| l.starts_with("A\ttickets/")),
        "{changed}"
    );
    // Reads write nothing.
    for args in [&["list"][..], &["show", "TRK-1"], &["log", "TRK-1"]] {
        env.run(args).ok();
    }
    assert_eq!(env.commits(), commits);
}

#[test]
fn keys_are_sequential_and_ids_prefixes_work() {
    let env = TestEnv::initialized();
    for i in 1..=3 {
        let run = env.run(&["new", &format!("ticket {i}")]);
        assert_eq!(run.ok(), format!("TRK-{i}\n"));
        assert!(run.stderr.contains(&format!("Created TRK-{i}")), "{run}");
    }
    let json = env.run(&["show", "trk-2", "--format", "json"]).json();
    let id = json["id"].as_str().unwrap();
    assert_eq!(id.len(), 32);
    let by_prefix = env.run(&["show", &id[..6], "--format", "json"]).json();
    assert_eq!(by_prefix["key"], "TRK-2");
    assert_eq!(
        env.run(&["show", &id.to_uppercase()[..8]])
            .ok()
            .lines()
            .next()
            .unwrap(),
        "TRK-2  ticket 2"
    );
    env.run(&["show", &id[..5]]).bad_input();
}

#[test]
fn comments_edits_assignment_and_watchers_show_up_in_show_and_log() {
    let env = TestEnv::initialized();
    env.run(&["new", "Crash", "-m", "It crashes"]).ok();
    env.set_user("Bob Builder", "bob@example.com");
    env.run(&["assign", "TRK-1", "--me"]).ok();
    let comment_id = env
        .run(&["comment", "TRK-1", "-m", "first version"])
        .ok()
        .trim()
        .to_owned();
    assert_eq!(comment_id.len(), 32);
    env.run(&[
        "comment",
        "edit",
        "TRK-1",
        &comment_id[..8],
        "-m",
        "second version",
    ])
    .ok();
    let c2 = env
        .run(&["comment", "TRK-1", "-m", "to be deleted"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "delete", "TRK-1", &c2]).ok();
    env.run(&[
        "edit",
        "TRK-1",
        "--body",
        "New description",
        "--solution",
        "Use a lock",
    ])
    .ok();
    env.run(&["watch", "TRK-1", "Cy Press <cy@example.com>"])
        .ok();

    let show = env.run(&["show", "TRK-1"]);
    let text = show.ok();
    assert!(text.contains("state:     OPEN"), "{text}");
    assert!(
        text.contains("assignee:  Bob Builder <bob@example.com>"),
        "{text}"
    );
    assert!(text.contains("watchers:  Ann Author <ann@example.com>, Bob Builder <bob@example.com>, Cy Press <cy@example.com>"), "{text}");
    assert!(
        text.contains("second version") && !text.contains("first version"),
        "{text}"
    );
    assert!(!text.contains("to be deleted"), "{text}");
    assert!(
        text.contains("New description") && text.contains("Use a lock"),
        "{text}"
    );
    assert!(text.contains("POSTED -> OPEN  Bob Builder"), "{text}");

    let log = env.run(&["log", "TRK-1"]);
    let log = log.ok();
    for expected in [
        "Ann Author <ann@example.com>  created TRK-1 \"Crash\"",
        "Bob Builder <bob@example.com>  POSTED -> OPEN",
        "assigned to Bob Builder <bob@example.com>",
        "commented: first version",
        "edited comment",
        "commented: to be deleted",
        "deleted comment",
        "edited description, solution",
        "added watcher Cy Press <cy@example.com>",
    ] {
        assert!(log.contains(expected), "missing {expected:?} in\n{log}");
    }
    // Times come from the controlled clock, one minute per command.
    assert!(log.contains("2026-01-01 00:01 +00:00  Ann Author"), "{log}");
}

#[test]
fn the_reporter_acting_does_not_open_but_someone_else_does() {
    let env = TestEnv::initialized();
    env.new_ticket("mine");
    env.run(&["comment", "TRK-1", "-m", "reporter note"]).ok();
    assert_eq!(
        env.run(&["show", "TRK-1", "--format", "json"]).json()["state"],
        "POSTED"
    );
    env.set_user("Bob", "bob@example.com");
    env.run(&["watch", "TRK-1"]).ok();
    assert_eq!(
        env.run(&["show", "TRK-1", "--format", "json"]).json()["state"],
        "POSTED"
    );
    let before = env.commits();
    env.run(&["comment", "TRK-1", "-m", "looking"]).ok();
    assert_eq!(
        env.commits(),
        before + 1,
        "the auto-open and the comment are one commit"
    );
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(json["state"], "OPEN");
    assert_eq!(json["transitions"][0]["from"], "POSTED");
    assert_eq!(json["transitions"][0]["author"]["email"], "bob@example.com");
}

#[test]
fn no_op_changes_write_nothing() {
    let env = TestEnv::initialized();
    env.new_ticket("t");
    env.run(&["assign", "TRK-1", "--me"]).ok();
    let n = env.commits();
    let run = env.run(&["assign", "TRK-1", "--me"]);
    assert!(
        run.ok().is_empty() && run.stderr.contains("nothing changed"),
        "{run}"
    );
    env.run(&["watch", "TRK-1"]).ok();
    env.run(&["edit", "TRK-1", "--title", "t"]).ok();
    assert_eq!(env.commits(), n);
}

#[test]
fn list_filters_and_sorts() {
    let env = TestEnv::initialized();
    env.new_ticket("alpha");
    env.set_user("Bob", "bob@example.com");
    env.new_ticket("beta");
    env.run(&["assign", "TRK-1", "--me"]).ok();
    env.new_ticket("gamma");
    env.run(&["state", "TRK-3", "resolved"]).ok();
    let keys = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--format", "json"];
        all.extend_from_slice(args);
        env.run(&all).json()["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(keys(&[]), ["TRK-2", "TRK-1"]);
    assert_eq!(keys(&["--closed"]), ["TRK-3"]);
    assert_eq!(
        keys(&["--all", "--sort", "key"]),
        ["TRK-1", "TRK-2", "TRK-3"]
    );
    assert_eq!(
        keys(&["--all", "--sort", "state"]),
        ["TRK-2", "TRK-1", "TRK-3"]
    );
    assert_eq!(keys(&["--mine", "--all"]), ["TRK-3", "TRK-2"]);
    assert_eq!(keys(&["--work"]), ["TRK-1"]);
    assert_eq!(
        keys(&["--state", "open", "--state", "RESOLVED"]),
        ["TRK-3", "TRK-1"]
    );
    assert_eq!(keys(&["--reporter", "ANN@example.com"]), ["TRK-1"]);
    assert_eq!(keys(&["--assignee", "none", "--all"]), ["TRK-3", "TRK-2"]);
    assert_eq!(keys(&["--all", "--limit", "1"]), ["TRK-3"]);
    assert_eq!(
        keys(&["--all", "--sort", "updated"]),
        ["TRK-3", "TRK-1", "TRK-2"]
    );
    assert_eq!(keys(&["--all", "--sort", "assignee"])[0], "TRK-1");

    let table = env.run(&["list", "--all", "--sort", "key"]);
    let lines: Vec<&str> = table.ok().lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        ["PRIO", "TICKET", "SUMMARY", "REPORTED", "REPORTER", "ASSIGNEE", "STATE", "WATCH"]
    );
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        row,
        [
            "-",
            "TRK-1",
            "alpha",
            "2026-01-01",
            "Ann",
            "Author",
            "Bob",
            "OPEN",
            "2"
        ]
    );
}

#[test]
fn everything_works_in_a_bare_repository() {
    let env = TestEnv::bare();
    env.run(&["init"]).ok();
    env.new_ticket("bare one");
    env.run(&["state", "TRK-1", "open"]).ok();
    env.run(&["comment", "TRK-1", "-m", "hi"]).ok();
    assert_eq!(env.commits(), 4);
    let json = env.run(&["list", "--format", "json"]).json();
    assert_eq!(json["tickets"][0]["state"], "OPEN");
    assert!(env.run(&["show", "TRK-1"]).ok().contains("hi"));
}

#[test]
fn dash_c_runs_elsewhere() {
    let env = TestEnv::initialized();
    env.new_ticket("x");
    let elsewhere = env.root.path().join("home");
    let repo = env.repo.to_str().unwrap();
    let run = env.run_in(&elsewhere, &["-C", repo, "list", "--format", "json"]);
    assert_eq!(run.json()["tickets"][0]["key"], "TRK-1");
    env.run_in(&elsewhere, &["list"]).bad_input();
}

#[test]
fn bodies_come_from_files_and_stdin() {
    let env = TestEnv::initialized();
    let file = env.root.path().join("body.md");
    std::fs::write(&file, "from a file\nline 2\n").unwrap();
    env.run(&["new", "one", "--body-file", file.to_str().unwrap()])
        .ok();
    env.run_stdin(&["new", "two", "--body-file", "-"], b"from stdin")
        .ok();
    env.run_stdin(
        &["comment", "TRK-2", "--body-file", "-"],
        b"comment from stdin",
    )
    .ok();
    // No terminal, no body: no prompt, an empty description.
    env.run(&["new", "three"]).ok();
    let d = |k: &str| {
        env.run(&["show", k, "--format", "json"]).json()["description"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(d("TRK-1"), "from a file\nline 2\n");
    assert_eq!(d("TRK-2"), "from stdin");
    assert_eq!(d("TRK-3"), "");
    let c = env.run(&["show", "TRK-2", "--format", "json"]).json();
    assert_eq!(c["comments"][0]["body"], "comment from stdin");
}

/// R20: with no body flag, `new` opens $EDITOR on a terminal, and never without one.
#[test]
fn new_uses_the_editor_only_on_a_terminal() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::initialized();
    let marker = env.root.path().join("editor-ran");
    let editor = env.root.path().join("fake-editor");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf 'written in the editor\\n' > \"$1\"\ntouch '{}'\n",
            marker.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();

    let out = env
        .command_in(&env.repo, &["new", "no terminal"])
        .env("EDITOR", &editor)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!marker.exists(), "the editor ran without a terminal");

    // script(1) runs the command on a pseudo-terminal.
    let line = format!("{} new 'on a terminal'", crate::common::BIN);
    let out = env
        .base_command("script", &env.repo)
        .args(["-qec", &line, "/dev/null"])
        .env("EDITOR", &editor)
        .env("GIT_TRACKER_NOW", env.tick())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(marker.exists(), "the editor did not run on a terminal");
    let json = env.run(&["show", "TRK-2", "--format", "json"]).json();
    assert_eq!(json["title"], "on a terminal");
    assert_eq!(json["description"], "written in the editor");
}

/// R8: the actor authors the commit and the events; git config is used when the environment
/// says nothing.
#[test]
fn the_actor_authors_commits_and_events() {
    let env = TestEnv::initialized();
    env.set_user("Dora Dev", "dora@example.com");
    env.new_ticket("by Dora");
    assert_eq!(
        env.git(&["log", "-1", "--format=%an <%ae>|%cn <%ce>", "tracker"])
            .trim(),
        "Dora Dev <dora@example.com>|Dora Dev <dora@example.com>"
    );
    env.git(&["config", "user.name", "Conf Igured"]);
    env.git(&["config", "user.email", "conf@example.com"]);
    let out = env
        .command_in(&env.repo, &["comment", "TRK-1", "-m", "from config"])
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_AUTHOR_EMAIL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        env.git(&["log", "-1", "--format=%an <%ae>", "tracker"])
            .trim(),
        "Conf Igured <conf@example.com>"
    );
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(json["reporter"]["email"], "dora@example.com");
    assert_eq!(json["comments"][0]["author"]["name"], "Conf Igured");
}

/// R64: the binary works as a git subcommand, `git tracker …`.
#[test]
fn runs_as_a_git_subcommand() {
    let env = TestEnv::initialized();
    env.new_ticket("via git");
    let bin_dir = std::path::Path::new(crate::common::BIN).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap());
    let out = env
        .base_command("git", &env.repo)
        .args(["tracker", "list", "--format", "json"])
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["tickets"][0]["key"], "TRK-1");
}
