//! Issues 8 and 9: strict input rules on read and write (docs/format.md, "Limits").
//!
//! - `at` has exactly one form, `YYYY-MM-DDTHH:MM:SSZ`; any other makes the file malformed.
//! - Ticket numbers stop at 999 999 999: a larger one is malformed, and `new` (and `sync`'s
//!   renumbering) refuse to go past it instead of overflowing.
//! - Titles have at most 256 characters; texts at most `max_text_bytes` (default 1 MiB) on
//!   write; an event file over 16 MiB + 64 KiB or a `tracker.toml` over 1 MiB is reported
//!   without being loaded.
//! - The default report window leaves out tickets dated before the branch's first commit.
//!
//! Hand-made files are committed with plain git, as another program would put them there.

use std::path::Path;

use crate::common::{Run, TestEnv};

/// Commits `files` (path on the branch, content) to the tracker branch with plain git, as the
/// current user, and pushes them into the test repository.
fn push_files(env: &TestEnv, files: &[(String, Vec<u8>)]) {
    let clone = tempfile::Builder::new()
        .prefix("clone")
        .tempdir_in(env.root.path())
        .unwrap();
    let work = clone.path().join("work");
    let repo = env.repo.to_str().unwrap();
    env.git_in(
        clone.path(),
        &["clone", "-q", "-b", "tracker", repo, work.to_str().unwrap()],
    );
    for (path, content) in files {
        let file = work.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, content).unwrap();
    }
    env.git_in(&work, &["add", "-A"]);
    env.git_in(&work, &["commit", "-q", "-m", "hand-made files"]);
    env.git_in(&work, &["push", "-q", "origin", "tracker"]);
}

fn event_path(ticket: &str, event: &str) -> String {
    format!("tickets/{}/{ticket}/{event}.toml", &ticket[..2])
}

/// An event file by Ann (the test user, so `verify` sees no forged author): `fields` are the
/// kind and its fields, `at` the raw TOML value of `at`.
fn event(fields: &str, lamport: u64, parents: &[&str], at: &str) -> String {
    let parents: Vec<String> = parents.iter().map(|p| format!("\"{p}\"")).collect();
    format!(
        "version = 1\n{fields}\nlamport = {lamport}\nparents = [{}]\nat = {at}\n\n\
         [author]\nname = \"Ann Author\"\nemail = \"ann@example.com\"\n",
        parents.join(", ")
    )
}

/// A ticket of its own, created with `number` at `at` (raw TOML): its directory's path and
/// its file.
fn create_file(id_digit: char, number: &str, at: &str) -> (String, Vec<u8>) {
    let ticket: String = std::iter::repeat_n(id_digit, 32).collect();
    let path = event_path(&ticket, &"e".repeat(32));
    let body = event(
        &format!("kind = \"create\"\nnumber = {number}\ntitle = \"hand-made\""),
        1,
        &[],
        at,
    );
    (path, body.into_bytes())
}

/// The ticket id and the ids of its events, oldest first.
fn ids(env: &TestEnv, key: &str) -> (String, Vec<String>) {
    let log = env.run(&["log", key, "--format", "json"]).json();
    let events = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    (log["id"].as_str().unwrap().to_owned(), events)
}

/// Asserts a `warning: <path>: ` line mentioning `what`.
#[track_caller]
fn assert_warned(run: &Run, path: &str, what: &str) {
    let prefix = format!("warning: {path}: ");
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains(what)),
        "no warning about {path} ({what}):\n{run}"
    );
}

/// Runs a write expected to be refused as bad input naming `what`, and checks that nothing
/// was written.
#[track_caller]
fn refused(env: &TestEnv, args: &[&str], what: &[&str]) -> String {
    let tip = env.tip();
    let run = env.run(args);
    let stderr = run.bad_input().to_owned();
    for w in what {
        assert!(stderr.contains(w), "{w:?} not in:\n{run}");
    }
    assert_eq!(env.tip(), tip, "a refused write moved the branch:\n{run}");
    stderr
}

/// Issue 8: an `at` with an offset, a fraction, or written as a TOML date-time makes the file
/// malformed: `list` names it and still reads the ticket's other events, `verify` reports it,
/// and the independent reader agrees.
#[test]
fn at_values_in_another_form_make_the_file_malformed() {
    let env = TestEnv::initialized();
    let key = env.new_ticket("Clock");
    let (ticket, events) = ids(&env, &key);
    let create = events[0].as_str();
    let comment = |body: &str| format!("kind = \"comment\"\nbody = \"{body}\"");
    let bad = [
        ("1", "offset", "\"2026-01-02T05:00:00+02:00\""),
        ("2", "fraction", "\"2026-01-02T03:00:00.5Z\""),
        ("3", "native", "2026-01-02T03:00:00Z"),
        ("4", "lowercase", "\"2026-01-02T03:00:00z\""),
    ];
    let mut files: Vec<(String, Vec<u8>)> = bad
        .iter()
        .map(|(digit, body, at)| {
            let path = event_path(&ticket, &digit.repeat(32));
            (path, event(&comment(body), 2, &[create], at).into_bytes())
        })
        .collect();
    let good = event_path(&ticket, &"9".repeat(32));
    let good_file = event(&comment("good"), 2, &[create], "\"2026-01-02T03:00:00Z\"");
    files.push((good.clone(), good_file.into_bytes()));
    push_files(&env, &files);

    let list = env.run(&["list"]);
    assert!(list.ok().contains(&key), "{list}");
    for (path, _) in &files[..bad.len()] {
        assert_warned(&list, path, "YYYY-MM-DDTHH:MM:SSZ");
    }
    assert!(!list.stderr.contains(&good), "{list}");
    let show = env.run(&["show", &key, "--format", "json"]).json();
    let bodies: Vec<&str> = show["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["good"], "only the well-formed comment is read");

    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3, "{problems:?}");
    for (path, _) in &files[..bad.len()] {
        assert!(
            problems.contains(&("malformed".into(), path.clone())),
            "{path} not reported: {problems:?}"
        );
    }
    assert_eq!(problems.len(), bad.len(), "{problems:?}");

    // The independent reader applies the same rule.
    let theirs = crate::test_format::independent_reader(&env.repo);
    let theirs = &theirs["tickets"][0]["comments"];
    assert_eq!(theirs.as_array().unwrap().len(), 1, "{theirs}");
    assert_eq!(theirs[0]["body"], "good");
}

/// Issue 8: one pushed `create` with the largest number makes `new` fail clearly (exit 1,
/// nothing written) instead of overflowing; a number above the maximum is malformed.
#[test]
fn ticket_numbers_stop_at_the_maximum() {
    let env = TestEnv::initialized();
    env.new_ticket("First");
    push_files(
        &env,
        &[create_file('a', "999999999", "\"2026-01-01T00:05:00Z\"")],
    );
    let list = env.run(&["list", "--all"]);
    assert!(list.ok().contains("TRK-999999999"), "{list}");
    assert!(!list.stderr.contains("warning"), "{list}");

    let tip = env.tip();
    let new = env.run(&["new", "One too many"]);
    assert_eq!(new.code, 1, "{new}");
    assert!(
        new.stderr.starts_with(
            "error: no ticket number is left: the next one would exceed the maximum, 999999999"
        ),
        "{new}"
    );
    assert_eq!(env.tip(), tip, "nothing was written");
    assert_eq!(env.run(&["verify"]).code, 0, "999999999 is a valid number");

    // Above the maximum (up to the old overflow, 2^63 - 1): malformed, named by verify.
    let (over, file) = create_file('b', "1000000000", "\"2026-01-01T00:06:00Z\"");
    let (max, max_file) = create_file('c', "9223372036854775807", "\"2026-01-01T00:07:00Z\"");
    push_files(&env, &[(over.clone(), file), (max.clone(), max_file)]);
    let list = env.run(&["list", "--all"]);
    assert_warned(&list, &over, "`number` must be 1 to 999999999");
    assert_warned(&list, &max, "`number` must be 1 to 999999999");
    assert!(!list.stdout.contains("TRK-1000000000"), "{list}");
    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3);
    for file in [&over, &max] {
        // The file, and its ticket, which has no readable `create` event left.
        let dir = Path::new(file)
            .parent()
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(problems.contains(&("malformed".into(), String::clone(file))));
        assert!(problems.contains(&("malformed".into(), dir)));
    }
    assert_eq!(problems.len(), 4, "{problems:?}");
}

/// Issue 8: without the ticket at the maximum, the huge number that used to overflow `new` is
/// simply ignored: `new` carries on from the highest valid number.
#[test]
fn a_number_near_two_to_the_63_no_longer_breaks_new() {
    let env = TestEnv::initialized();
    env.new_ticket("First");
    let (path, file) = create_file('d', "9223372036854775807", "\"2026-01-01T00:05:00Z\"");
    push_files(&env, &[(path.clone(), file)]);
    let new = env.run(&["new", "Second"]);
    assert_eq!(new.ok().trim(), "TRK-2", "{new}");
    assert_warned(&new, &path, "999999999");
}

/// Issue 8: `sync` renumbers local tickets within the same bound; past it, it refuses (exit 1)
/// and leaves the local branch as it was.
#[test]
fn sync_does_not_renumber_past_the_maximum() {
    let env = TestEnv::initialized();
    let remote = env.root.path().join("remote.git");
    let remote = remote.to_str().unwrap();
    env.git_in(env.root.path(), &["init", "-q", "--bare", remote]);
    env.git(&["remote", "add", "origin", remote]);
    env.run(&["sync"]).ok();
    env.git_in(env.root.path(), &["clone", "-q", remote, "other"]);
    let other = env.root.path().join("other");
    env.run_in(&other, &["sync"]).ok();

    env.new_ticket("Here");
    push_files(
        &env,
        &[create_file('a', "999999999", "\"2026-01-01T00:05:00Z\"")],
    );
    env.run(&["sync"]).ok();

    assert_eq!(env.run_in(&other, &["new", "There"]).ok().trim(), "TRK-1");
    let tip = |dir: &Path| env.git_in(dir, &["rev-parse", "refs/heads/tracker"]);
    let before = tip(&other);
    let sync = env.run_in(&other, &["sync"]);
    assert_eq!(sync.code, 1, "{sync}");
    assert!(sync.stderr.contains("999999999"), "{sync}");
    assert_eq!(tip(&other), before, "the local branch did not move");
}

/// Issue 9: titles over 256 characters are refused on every path that writes one, and read as
/// malformed; exactly 256 is fine.
#[test]
fn titles_have_at_most_256_characters() {
    let env = TestEnv::initialized();
    let at_limit = "é".repeat(256);
    let over = "é".repeat(257);
    let key = env.run(&["new", &at_limit]).ok().trim().to_owned();
    refused(
        &env,
        &["new", &over],
        &["title", "257 characters", "limit of 256"],
    );
    refused(
        &env,
        &["edit", &key, "--title", &over],
        &["title", "limit of 256"],
    );
    env.run(&["edit", &key, "--title", &format!("{}x", "é".repeat(255))])
        .ok();

    let (path, file) = create_file('f', "7", "\"2026-01-01T00:05:00Z\"");
    let file = String::from_utf8(file).unwrap().replace("hand-made", &over);
    push_files(&env, &[(path.clone(), file.into_bytes())]);
    assert_warned(&env.run(&["list"]), &path, "257 characters");
    let theirs = crate::test_format::independent_reader(&env.repo);
    assert_eq!(theirs["tickets"].as_array().unwrap().len(), 1, "{theirs}");
}

/// Issue 9: texts over `max_text_bytes` (1 MiB by default) are refused on every command that
/// writes one, naming the field and the limit, before anything is written; exactly at the
/// limit they are accepted.
#[test]
fn texts_are_limited_by_max_text_bytes() {
    let env = TestEnv::initialized();
    let dir = env.root.path();
    let file = |name: &str, bytes: usize| {
        let path = dir.join(name);
        // Multi-byte characters: the limit counts bytes, not characters.
        let mut text = "é".repeat(bytes / 2);
        if bytes % 2 == 1 {
            text.push('x');
        }
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let mib = 1024 * 1024;
    let at_limit = file("at-limit.txt", mib);
    let over = file("over.txt", mib + 1);
    let limit = ["1048577 bytes", "limit of 1048576 bytes", "max_text_bytes"];

    let key = env
        .run(&["new", "Big", "--body-file", &at_limit])
        .ok()
        .trim()
        .to_owned();
    let stderr = refused(&env, &["new", "Bigger", "--body-file", &over], &limit);
    assert!(stderr.contains("the description is"), "{stderr}");
    let stderr = refused(&env, &["comment", &key, "--body-file", &over], &limit);
    assert!(stderr.contains("the comment is"), "{stderr}");
    env.run(&["comment", &key, "--body-file", &at_limit]).ok();
    let stderr = refused(&env, &["edit", &key, "--body-file", &over], &limit);
    assert!(stderr.contains("the description is"), "{stderr}");
    let stderr = refused(&env, &["edit", &key, "--solution-file", &over], &limit);
    assert!(stderr.contains("the solution is"), "{stderr}");
    env.run(&["edit", &key, "--solution-file", &at_limit]).ok();
    let show = env.run(&["show", &key, "--format", "json"]).json();
    assert_eq!(show["description"].as_str().unwrap().len(), mib);
    assert_eq!(show["solution"].as_str().unwrap().len(), mib);

    // A lower limit, set like any key; it reaches state messages and field values too (these
    // come from the command line, so they are smaller).
    refused(
        &env,
        &["config", "set", "max_text_bytes", "1023"],
        &["max_text_bytes", "1024 to 16777216"],
    );
    env.run(&["config", "set", "max_text_bytes", "2048"]).ok();
    assert_eq!(env.run(&["config", "get", "max_text_bytes"]).ok(), "2048\n");
    let show = env.run(&["config", "show"]);
    assert!(show.ok().contains("max_text_bytes = 2048\n"), "{show}");
    let toml = env.git(&["show", "tracker:tracker.toml"]);
    assert!(toml.contains("\nmax_text_bytes = 2048\nmode = "), "{toml}");
    env.run(&["config", "set", "fields.notes.type", "long-text"])
        .ok();

    let small = ["2049 bytes", "limit of 2048 bytes", "max_text_bytes"];
    let text = |n: usize| "x".repeat(n);
    let stderr = refused(&env, &["state", &key, "open", "-m", &text(2049)], &small);
    assert!(stderr.contains("the state message is"), "{stderr}");
    env.run(&["state", &key, "open", "-m", &text(2048)]).ok();
    let stderr = refused(&env, &["comment", &key, "-m", &text(2049)], &small);
    assert!(stderr.contains("the comment is"), "{stderr}");
    let field = |n: usize| format!("notes={}", text(n));
    let stderr = refused(&env, &["edit", &key, "--field", &field(2049)], &small);
    assert!(stderr.contains("the field value is"), "{stderr}");
    refused(&env, &["new", "x", "--field", &field(2049)], &small);
    env.run(&["edit", &key, "--field", &field(2048)]).ok();
    // What was accepted under the old limit is still read.
    let show = env.run(&["show", &key, "--format", "json"]).json();
    assert_eq!(show["description"].as_str().unwrap().len(), mib);
    assert_eq!(env.run(&["verify"]).code, 0);
}

/// Issue 9: an event file larger than 16 MiB + 64 KiB is reported with its path and not read
/// (its size comes from the object header); the ticket's other events and the other tickets
/// are fine. A `tracker.toml` over 1 MiB is likewise reported, and the defaults apply.
#[test]
fn oversized_files_are_reported_without_being_read() {
    let env = TestEnv::initialized();
    let key = env.new_ticket("Target");
    env.new_ticket("Bystander");
    let (ticket, events) = ids(&env, &key);
    let path = event_path(&ticket, &"7".repeat(32));
    let body = "x".repeat(17 * 1024 * 1024);
    let file = event(
        &format!("kind = \"comment\"\nbody = \"{body}\""),
        2,
        &[&events[0]],
        "\"2026-01-01T00:10:00Z\"",
    );
    push_files(&env, &[(path.clone(), file.into_bytes())]);

    let list = env.run(&["list", "--sort", "key"]);
    assert!(
        list.ok().contains(&key) && list.stdout.contains("TRK-2"),
        "{list}"
    );
    assert_warned(&list, &path, "over the limit of 16842752 bytes");
    env.run(&["comment", &key, "-m", "still works"]).ok();
    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3);
    assert_eq!(problems, [("malformed".to_owned(), path.clone())]);

    // tracker.toml over 1 MiB: reported, defaults apply, and config changes are refused.
    env.run(&["config", "set", "prefix", "BIG-"]).ok();
    let mut config = env.git(&["show", "tracker:tracker.toml"]).into_bytes();
    config.resize(1024 * 1024 + 1, b'\n');
    push_files(&env, &[("tracker.toml".to_owned(), config)]);
    let list = env.run(&["list"]);
    assert!(list.ok().contains("TRK-1"), "the default prefix: {list}");
    assert_warned(
        &list,
        "tracker.toml",
        "1048577 bytes, over the limit of 1048576",
    );
    refused(&env, &["config", "set", "name", "x"], &["tracker.toml"]);
}

/// Issue 8: a ticket dated year 1000 on a branch begun in 2026 does not break the default
/// report window: it is left out with one warning; an explicit --since counts it. The
/// independent recomputation applies the same rule.
#[test]
fn reports_leave_out_tickets_dated_before_the_first_commit() {
    let env = TestEnv::initialized();
    env.new_ticket("Recent");
    let (path, file) = create_file('a', "2", "\"1000-01-01T00:00:00Z\"");
    push_files(&env, &[(path, file)]);
    assert_eq!(
        env.run(&["list", "--all"]).ok().lines().count(),
        3,
        "the ticket itself is valid"
    );

    let warning = "warning: 1 ticket left out of the report: dated before the tracker branch's \
                   first commit (2026-01-01T00:00:00Z); give --since to count it";
    for kind in ["trend", "all", "html"] {
        let run = env.run(&["report", kind]);
        run.ok();
        assert_eq!(run.stderr.trim_end(), warning, "{kind}: {run}");
    }
    let trend = env.run(&["report", "trend", "--format", "json"]).json();
    assert_eq!(trend["since"], "2026-01-01T00:00:00Z", "{trend}");
    let states = env.run(&["report", "states", "--format", "json"]);
    assert_eq!(states.json()["total"], 1);
    assert!(states.stderr.contains(warning), "{states}");

    let since = env.run(&[
        "report",
        "states",
        "--since",
        "0999-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(since.json()["total"], 2);
    assert!(!since.stderr.contains("warning"), "{since}");

    // The independent recomputation agrees, with and without --since (`states`: a monthly
    // trend from year 999 would have more periods than a report may).
    let until = "2026-02-01T00:00:00Z";
    let ours = |since: Option<&str>| {
        let mut args = vec!["report", "states", "--until", until, "--format", "json"];
        args.extend(since.map(|s| ["--since", s]).into_iter().flatten());
        env.run(&args).json()
    };
    let theirs = |since: &str| {
        crate::test_report::independent_report(&env.repo, &[until, "month", since, "+00:00"])
    };
    let default = ours(None);
    assert_eq!(default["total"], 1);
    assert_eq!(default["states"], theirs("-")["states"]["states"]);
    let early = "0999-01-01T00:00:00Z";
    let all = ours(Some(early));
    assert_eq!(all["total"], 2);
    assert_eq!(all["states"], theirs(early)["states"]["states"]);
}
