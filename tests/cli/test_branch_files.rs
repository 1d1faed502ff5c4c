//! R71: a malformed or foreign file on the tracker branch is a warning naming its path, never
//! fatal: the other tickets still load and writes still work. R72: text from the branch is
//! escaped before it reaches a terminal.
//!
//! The bad files are committed with plain git (a clone, a commit, a push), the way another
//! program or a careless hand would put them there.

use std::path::Path;

use crate::common::{Run, TestEnv};

/// Changes the tracker branch with plain git: clones it into a temporary directory, lets
/// `change` edit the work tree (and the clone's index), then commits everything and pushes.
fn push_with(env: &TestEnv, change: impl FnOnce(&Path)) {
    let clone = tempfile::Builder::new()
        .prefix("clone")
        .tempdir_in(env.root.path())
        .expect("a temporary directory");
    let dir = clone.path().join("work");
    let repo = env.repo.to_str().expect("a UTF-8 path");
    let work = dir.to_str().expect("a UTF-8 path");
    env.git_in(clone.path(), &["clone", "-q", "-b", "tracker", repo, work]);
    change(&dir);
    env.git_in(&dir, &["add", "-A"]);
    env.git_in(&dir, &["commit", "-q", "-m", "hand-made files"]);
    env.git_in(&dir, &["push", "-q", "origin", "tracker"]);
}

/// Commits `files` (path on the branch, content) to the tracker branch with plain git.
pub fn push_files(env: &TestEnv, files: &[(&str, &[u8])]) {
    push_with(env, |dir| {
        for (path, content) in files {
            let file = dir.join(path);
            let parent = file.parent().expect("a path on the branch has a parent");
            std::fs::create_dir_all(parent).expect("the directory is created");
            std::fs::write(&file, content).expect("the file is written");
        }
    });
}

/// The id of the ticket with `key`.
fn ticket_id(env: &TestEnv, key: &str) -> String {
    let json = env.run(&["show", key, "--format", "json"]).json();
    json["id"].as_str().expect("show gives the id").to_owned()
}

/// `tickets/<aa>/<id>/<event>.toml`
pub fn event_path(ticket: &str, event: &str) -> String {
    format!("tickets/{}/{ticket}/{event}.toml", &ticket[..2])
}

/// A well-formed event file of kind `comment`, for variations.
fn comment_event(lamport: u64, author_name: &str, body: &str) -> String {
    format!(
        "version = 1\nkind = \"comment\"\nbody = \"{body}\"\nlamport = {lamport}\nparents = []\n\
         at = \"2026-01-01T00:30:00Z\"\n\n[author]\nname = \"{author_name}\"\n\
         email = \"eve@example.com\"\n"
    )
}

/// An event id no CLI-made event will have.
const EVENT: &str = "0123456789abcdef0123456789abcdef";

/// A tracker with three tickets, TRK-1 to TRK-3.
fn three_tickets() -> TestEnv {
    let env = TestEnv::initialized();
    for title in ["Alpha", "Bravo", "Charlie"] {
        env.new_ticket(title);
    }
    env
}

/// The `warning:` lines of a run's stderr.
fn warnings(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect()
}

/// Asserts the run warned about `path` (the line starts `warning: <path>: `) and returns that
/// line.
#[track_caller]
fn warned_about<'r>(run: &'r Run, path: &str) -> &'r str {
    let prefix = format!("warning: {path}: ");
    warnings(run)
        .into_iter()
        .find(|l| l.starts_with(&prefix) && l.len() > prefix.len())
        .unwrap_or_else(|| panic!("no warning about {path}:\n{run}"))
}

/// Asserts `list --all` succeeds, lists exactly `keys`, and warns about `path`; returns the run.
#[track_caller]
fn list_warns(env: &TestEnv, path: &str, keys: &[&str]) -> Run {
    let run = env.run(&["list", "--all", "--sort", "key"]);
    let out = run.ok();
    let listed: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert_eq!(listed, keys, "{run}");
    warned_about(&run, path);
    assert!(!run.stderr.contains("panicked"), "{run}");
    assert!(!run.stderr.contains("error: "), "{run}");
    run
}

/// R71: after a warning, writes on other tickets (and new tickets) still work, each one commit.
#[track_caller]
fn writes_still_work(env: &TestEnv, key: &str) {
    let commits = env.commits();
    env.run(&["comment", key, "-m", "still works"]).ok();
    env.run(&["state", key, "resolving"]).ok();
    let new = env.run(&["new", "After the warning"]);
    new.ok();
    assert_eq!(env.commits(), commits + 3, "{new}");
    let show = env.run(&["show", key]);
    assert!(show.ok().contains("still works"), "{show}");
}

/// R71: a syntactically invalid TOML event file inside an existing ticket is a warning with its
/// path; `list` exits 0 and still lists every ticket, on every run (the local index keeps the
/// warning).
#[test]
fn invalid_toml_event_file_is_a_warning_with_its_path() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-2");
    let path = event_path(&id, EVENT);
    push_files(&env, &[(&path, b"this is = = not toml\n[[[")]);
    list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    // Again, now answered from the local index.
    list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    // The ticket itself still shows, without the bad event.
    let show = env.run(&["show", "TRK-2"]);
    assert!(show.ok().starts_with("TRK-2  Bravo"), "{show}");
    warned_about(&show, &path);
    // JSON output stays valid JSON on stdout; the warning goes to stderr.
    let json = env.run(&["list", "--all", "--format", "json"]);
    assert_eq!(json.json()["tickets"].as_array().unwrap().len(), 3);
    warned_about(&json, &path);
    writes_still_work(&env, "TRK-1");
    // A write on the ticket holding the bad file works too, and leaves the file alone.
    env.run(&["comment", "TRK-2", "-m", "next to a bad file"])
        .ok();
    env.git(&["cat-file", "-e", &format!("tracker:{path}")]);
}

/// R71: an event file with an unknown `kind` is a warning naming the path and the kind.
#[test]
fn unknown_kind_is_a_warning() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-1");
    let path = event_path(&id, EVENT);
    let text = comment_event(2, "Eve", "x").replace("kind = \"comment\"", "kind = \"frobnicate\"");
    push_files(&env, &[(&path, text.as_bytes())]);
    let run = list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    assert!(warned_about(&run, &path).contains("frobnicate"), "{run}");
    writes_still_work(&env, "TRK-3");
}

/// R71: an event file of a future format version is a warning naming the version.
#[test]
fn future_format_version_is_a_warning() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-3");
    let path = event_path(&id, EVENT);
    let text = comment_event(2, "Eve", "from the future").replace("version = 1", "version = 2");
    push_files(&env, &[(&path, text.as_bytes())]);
    let run = list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    assert!(warned_about(&run, &path).contains('2'), "{run}");
    let show = env.run(&["show", "TRK-3"]);
    assert!(!show.ok().contains("from the future"), "{show}");
    writes_still_work(&env, "TRK-1");
}

/// R71: a well-formed event file is accepted (the control case for the tests around it).
#[test]
fn hand_made_valid_event_file_is_read() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-1");
    push_files(
        &env,
        &[(
            &event_path(&id, EVENT),
            comment_event(2, "Eve", "hand made").as_bytes(),
        )],
    );
    let run = env.run(&["show", "TRK-1"]);
    assert!(run.ok().contains("hand made"), "{run}");
    assert!(warnings(&run).is_empty(), "{run}");
}

/// R71: foreign files at the root and under `tickets/` (a stray file, a directory that is not a
/// shard, a shard entry that is not a ticket directory) are warnings with their paths.
#[test]
fn foreign_files_are_warnings_with_their_paths() {
    let env = three_tickets();
    let stray_ticket = "abababababababababababababababab";
    push_files(
        &env,
        &[
            ("README.md", b"# notes\n"),
            ("docs/plan.txt", b"plan\n"),
            ("tickets/notes.txt", b"stray\n"),
            ("tickets/docs/readme.toml", b"x = 1\n"),
            ("tickets/ab/not-a-ticket/x.toml", b"x = 1\n"),
            (
                &format!("tickets/cd/{stray_ticket}/{EVENT}.toml"),
                b"x = 1\n",
            ),
            (
                &format!("tickets/ab/{stray_ticket}"),
                b"a file, not a directory\n",
            ),
            (
                &format!("tickets/AB/{}/{EVENT}.toml", stray_ticket.to_uppercase()),
                b"x\n",
            ),
        ],
    );
    // A submodule entry (gitlink) at the root and in a shard no ticket uses (ids are random:
    // a fixed shard could be a real ticket's).
    let used: Vec<String> = ["TRK-1", "TRK-2", "TRK-3"]
        .iter()
        .map(|k| ticket_id(&env, k)[..2].to_owned())
        .collect();
    let shard = (0..=255u8)
        .map(|b| format!("{b:02x}"))
        .find(|s| !used.contains(s) && s != "ab" && s != "cd")
        .unwrap();
    let gitlink_shard = format!("tickets/{shard}");
    let head = env.git(&["rev-parse", "main"]);
    push_with(&env, |dir| {
        for path in ["vendored", gitlink_shard.as_str()] {
            // An empty directory is how git checks out a submodule it does not clone; `git add
            // -A` keeps the gitlink then.
            std::fs::create_dir_all(dir.join(path)).unwrap();
            let info = format!("160000,{},{path}", head.trim());
            env.git_in(dir, &["update-index", "--add", "--cacheinfo", &info]);
        }
    });
    let run = list_warns(&env, "README.md", &["TRK-1", "TRK-2", "TRK-3"]);
    for path in [
        "docs",
        "tickets/notes.txt",
        "tickets/docs",
        "tickets/ab/not-a-ticket",
        &format!("tickets/cd/{stray_ticket}"),
        &format!("tickets/ab/{stray_ticket}"),
        "tickets/AB",
        "vendored",
        &gitlink_shard,
    ] {
        warned_about(&run, path);
    }
    writes_still_work(&env, "TRK-2");
}

/// R71: a non-event file inside a ticket directory is a warning; the ticket still loads.
#[test]
fn foreign_file_in_a_ticket_directory_is_a_warning() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-2");
    let dir = format!("tickets/{}/{id}", &id[..2]);
    push_files(
        &env,
        &[
            (&format!("{dir}/notes.md"), b"notes\n"),
            (
                &format!("{dir}/ABCDEF0123456789ABCDEF0123456789.toml"),
                b"x\n",
            ),
        ],
    );
    let run = list_warns(
        &env,
        &format!("{dir}/notes.md"),
        &["TRK-1", "TRK-2", "TRK-3"],
    );
    warned_about(
        &run,
        &format!("{dir}/ABCDEF0123456789ABCDEF0123456789.toml"),
    );
}

/// R71: a ticket directory whose only file is broken is absent from `list` (with a warning),
/// `show` of it is refused with exit 2, and the other tickets are fine.
#[test]
fn ticket_whose_only_file_is_broken_is_absent() {
    let env = three_tickets();
    let broken = "abcdefabcdefabcdefabcdefabcdef12";
    let path = event_path(broken, EVENT);
    push_files(&env, &[(&path, b"version = 1\nkind = \"create\"\n")]);
    let run = list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    assert!(!run.stdout.contains(broken), "{run}");
    let tip = env.tip();
    let show = env.run(&["show", &broken[..8]]);
    let err = show.bad_input();
    assert!(err.contains(&broken[..8]), "{show}");
    env.run(&["comment", &broken[..8], "-m", "x"]).bad_input();
    assert_eq!(env.tip(), tip);
    env.run(&["show", "TRK-1"]).ok();
    writes_still_work(&env, "TRK-3");
    // The next new ticket is numbered after the readable ones.
    let json = env.run(&["show", "TRK-4", "--format", "json"]).json();
    assert_eq!(json["title"], "After the warning");
}

/// R71: a ticket whose create event is broken but that has other, valid events is absent with
/// a warning, and does not break the rest.
#[test]
fn ticket_with_a_broken_create_event_is_absent() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-2");
    let dir = format!("tickets/{}/{id}", &id[..2]);
    env.run(&["comment", "TRK-2", "-m", "a comment"]).ok();
    let files = env.git(&["ls-tree", "--name-only", &format!("tracker:{dir}")]);
    let create = files
        .lines()
        .find(|name| {
            env.git(&["show", &format!("tracker:{dir}/{name}")])
                .contains("kind = \"create\"")
        })
        .unwrap()
        .to_owned();
    let path = format!("{dir}/{create}");
    push_files(&env, &[(&path, b"garbage = \n")]);
    let run = list_warns(&env, &path, &["TRK-1", "TRK-3"]);
    assert!(run.stderr.contains(&dir), "{run}");
    env.run(&["show", "TRK-2"]).bad_input();
    writes_still_work(&env, "TRK-1");
}

/// R71: non-UTF-8 bytes in an event file are a warning with the path.
#[test]
fn non_utf8_event_file_is_a_warning() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-1");
    let path = event_path(&id, EVENT);
    let mut bytes = comment_event(2, "Eve", "caf_").into_bytes();
    let at = bytes.iter().position(|b| *b == b'_').unwrap();
    bytes[at] = 0xe9;
    push_files(&env, &[(&path, &bytes)]);
    let run = list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    assert!(warned_about(&run, &path).contains("UTF-8"), "{run}");
    writes_still_work(&env, "TRK-2");
}

/// R71: a broken or missing `tracker.toml` is a warning; the default configuration is used.
#[test]
fn broken_configuration_is_a_warning() {
    let env = three_tickets();
    push_files(&env, &[("tracker.toml", b"prefix = = \n")]);
    let run = list_warns(&env, "tracker.toml", &["TRK-1", "TRK-2", "TRK-3"]);
    assert!(!run.stdout.contains("= ="), "{run}");
}

/// R72: a title with a bidi override and zero-width characters, created through the CLI, is
/// printed escaped in `list` and `show` tables, and kept raw in `--format json`.
#[test]
fn bidi_and_zero_width_characters_are_escaped_in_tables_only() {
    let env = TestEnv::initialized();
    let title = "invoice\u{202E}fdp.exe\u{200B}x\u{2066}y\u{FEFF}";
    assert_eq!(env.new_ticket(title), "TRK-1");
    let escaped = "invoice\\u{202e}fdp.exe\\u{200b}x\\u{2066}y\\u{feff}";
    let raw = ['\u{202E}', '\u{200B}', '\u{2066}', '\u{FEFF}'];

    for args in [&["list"][..], &["show", "TRK-1"], &["log", "TRK-1"]] {
        let run = env.run(args);
        let out = run.ok();
        assert!(
            !out.contains(raw),
            "{args:?} printed a raw character:\n{run}"
        );
        assert!(!run.stderr.contains(raw), "{run}");
        assert!(out.contains("\\u{202e}"), "{args:?}:\n{run}");
        if args[0] != "log" {
            assert!(out.contains(escaped), "{args:?}:\n{run}");
        }
    }

    let list = env.run(&["list", "--format", "json"]).json();
    assert_eq!(list["tickets"][0]["title"], title);
    let show = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(show["title"], title);
}

/// R72: an event whose author name carries an ESC character is refused as a warning (the name
/// is not one line without control characters); no ESC byte reaches stdout or stderr.
#[test]
fn escape_character_in_author_name_is_a_warning_not_printed() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-1");
    let path = event_path(&id, EVENT);
    let text = comment_event(2, "Eve \\u001b[31mRED\\u001b[0m", "hello from Eve");
    assert!(
        !text.contains('\u{1b}'),
        "the file holds the escape as TOML text"
    );
    push_files(&env, &[(&path, text.as_bytes())]);
    let run = list_warns(&env, &path, &["TRK-1", "TRK-2", "TRK-3"]);
    assert!(warned_about(&run, &path).contains("name"), "{run}");
    for args in [
        &["list", "--all"][..],
        &["show", "TRK-1"],
        &["log", "TRK-1"],
        &["show", "TRK-1", "--format", "json"],
        &["comment", "TRK-1", "-m", "next"],
    ] {
        let run = env.run(args);
        run.ok();
        assert!(!run.stdout.contains('\u{1b}'), "{args:?}: {run:?}");
        assert!(!run.stderr.contains('\u{1b}'), "{args:?}: {run:?}");
        assert!(!run.stdout.contains("hello from Eve"), "{args:?}: {run}");
    }
}

/// R72: a raw control character in a file *path* on the branch is escaped in the warning.
#[test]
fn control_characters_in_paths_are_escaped_in_warnings() {
    let env = three_tickets();
    push_files(&env, &[("evil\u{1b}[2Jname", b"x\n")]);
    let run = env.run(&["list"]);
    run.ok();
    assert!(!run.stderr.contains('\u{1b}'), "{run:?}");
    warned_about(&run, "evil\\u{1b}[2Jname");
}

/// R71: a file name that is not UTF-8 is a warning, not a crash.
#[test]
fn non_utf8_file_name_is_a_warning() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-1");
    push_with(&env, |dir| {
        let ticket_dir = dir.join(format!("tickets/{}/{id}", &id[..2]));
        std::fs::write(ticket_dir.join(OsStr::from_bytes(b"caf\xe9.toml")), b"x\n").unwrap();
        std::fs::write(dir.join(OsStr::from_bytes(b"\xff\xfe")), b"x\n").unwrap();
    });
    let run = env.run(&["list", "--all"]);
    assert!(run.ok().contains("TRK-1"), "{run}");
    assert!(warnings(&run).len() >= 2, "{run}");
    writes_still_work(&env, "TRK-1");
}

/// R72: `log` escapes a title once, the way `list` and `show` do.
#[test]
fn log_escapes_a_title_once() {
    let env = TestEnv::initialized();
    env.new_ticket("invoice\u{202E}fdp.exe");
    let run = env.run(&["log", "TRK-1"]);
    let out = run.ok();
    assert!(
        out.contains("created TRK-1 \"invoice\\u{202e}fdp.exe\""),
        "{run}"
    );
}

/// R71: an event file may hold any clock up to the largest TOML integer, and is read; a later
/// write on that ticket must then either be refused or produce an event that reads back. It
/// must not commit an event file the program itself refuses (the write would be lost).
#[test]
fn write_after_the_largest_clock_is_not_lost() {
    let env = three_tickets();
    let id = ticket_id(&env, "TRK-1");
    let text =
        comment_event(2, "Eve", "late").replace("lamport = 2", "lamport = 9223372036854775807");
    push_files(&env, &[(&event_path(&id, EVENT), text.as_bytes())]);
    let show = env.run(&["show", "TRK-1"]);
    assert!(
        show.ok().contains("late"),
        "the hand-made event is valid:\n{show}"
    );
    assert!(warnings(&show).is_empty(), "{show}");

    let tip = env.tip();
    let run = env.run(&["comment", "TRK-1", "-m", "after the largest clock"]);
    if run.code == 0 {
        let show = env.run(&["show", "TRK-1"]);
        assert!(
            show.ok().contains("after the largest clock"),
            "the comment was committed but cannot be read:\n{show}"
        );
        assert!(warnings(&show).is_empty(), "{show}");
    } else {
        assert_eq!(env.tip(), tip, "a refused write moved the branch:\n{run}");
        assert!(!run.stderr.contains("panicked"), "{run}");
    }
}
