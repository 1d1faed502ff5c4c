//! R5, R29: the local index under `.git/tracker/` is only a cache. Deleted, damaged, from
//! another version, left at an older or unrelated tip, or updated by processes running side by
//! side, it answers every query exactly as one built afresh from the branch.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::TestEnv;

const FILES: [&str; 3] = ["index.sqlite", "index.sqlite-wal", "index.sqlite-shm"];

fn state(env: &TestEnv) -> PathBuf {
    env.repo.join(".git/tracker")
}

fn remove_index(dir: &Path) {
    for f in FILES {
        let _ = std::fs::remove_file(dir.join(f));
    }
}

/// What the index answers: every ticket, searches over words, people, fields and dates, and
/// an ordered, limited listing. Each is a whole JSON document.
fn answers(env: &TestEnv) -> Vec<String> {
    let queries: &[&[&str]] = &[
        &["list", "--all", "--format", "json"],
        &["list", "--all", "--format", "json", "-S", "crash"],
        &[
            "list",
            "--all",
            "--format",
            "json",
            "--query",
            "\"save dialog\" -printer",
        ],
        &[
            "list",
            "--all",
            "--format",
            "json",
            "--query",
            "watcher:bob@example.com",
        ],
        &[
            "list",
            "--all",
            "--format",
            "json",
            "--query",
            "watcher:carol@example.com",
        ],
        &[
            "list",
            "--all",
            "--format",
            "json",
            "--field",
            "severity=high",
        ],
        &[
            "list",
            "--all",
            "--format",
            "json",
            "--query",
            "state:closed sort:-updated",
        ],
        &[
            "list", "--format", "json", "--sort", "assignee", "--limit", "3",
        ],
        &["list", "--format", "json", "--query", "comment"],
        &["list", "--all", "--format", "json", "-S", "zebra"],
        &["list", "--all", "--format", "json", "-S", "okapi"],
        &["list", "--all", "--format", "json", "--query", "giraffe"],
        &[
            "list",
            "--all",
            "--format",
            "json",
            "--query",
            "no:assignee sort:key",
        ],
    ];
    queries.iter().map(|q| env.run(q).ok().to_owned()).collect()
}

/// Asserts that `got` are the answers of a fresh index, naming the first query that differs.
#[track_caller]
fn same(got: &[String], fresh: &[String], what: &str) {
    for (i, (g, f)) in got.iter().zip(fresh).enumerate() {
        assert!(
            g == f,
            "{what}: query {i} differs from a fresh index:\n{g}\n--- fresh ---\n{f}"
        );
    }
    assert_eq!(got.len(), fresh.len());
}

/// Twelve tickets over several shards, with comments, assignments, watchers, a custom field
/// and finished states.
fn tracker() -> TestEnv {
    let env = TestEnv::initialized();
    for (k, v) in [
        ("fields.severity.type", "choice"),
        ("fields.severity.choices", "low,high"),
    ] {
        env.run(&["config", "set", k, v]).ok();
    }
    for i in 1..=12 {
        let title = match i % 4 {
            0 => format!("crash number {i}"),
            1 => format!("save dialog freezes {i}"),
            2 => format!("printer offline {i}"),
            _ => format!("typo {i}"),
        };
        let severity = if i % 3 == 0 { "high" } else { "low" };
        env.run(&[
            "new",
            &title,
            "-m",
            "details",
            "--field",
            &format!("severity={severity}"),
        ])
        .ok();
    }
    env.run(&["comment", "TRK-3", "-m", "a comment about the save dialog"])
        .ok();
    env.run(&["assign", "TRK-2", "bob@example.com"]).ok();
    env.run(&["watch", "TRK-5", "bob@example.com"]).ok();
    env.run(&["state", "TRK-6", "resolved"]).ok();
    env.run(&["state", "TRK-7", "abandonned"]).ok();
    // Texts that come and go: a deleted comment and an edited title leave no words behind.
    let id = env
        .run(&["comment", "TRK-4", "-m", "zebra stripes"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "delete", "TRK-4", &id]).ok();
    env.run(&["comment", "TRK-8", "-m", "giraffe"]).ok();
    env.run(&["edit", "TRK-9", "--title", "okapi sighting"])
        .ok();
    env.run(&["edit", "TRK-9", "--title", "crash after all"])
        .ok();
    env.run(&["assign", "TRK-10", "bob@example.com"]).ok();
    env.run(&["assign", "TRK-10", "--none"]).ok();
    // Rows of a ticket's watchers and fields that go away, one among those that stay.
    env.run(&["watch", "TRK-11", "carol@example.com"]).ok();
    env.run(&["watch", "TRK-11", "bob@example.com"]).ok();
    env.run(&["unwatch", "TRK-11", "carol@example.com"]).ok();
    env.run(&["edit", "TRK-3", "--field", "severity=low"]).ok();
    env
}

#[test]
fn a_damaged_or_missing_index_is_rebuilt_and_answers_as_a_fresh_one() {
    let env = tracker();
    let dir = state(&env);
    let cached = answers(&env);
    assert!(dir.join("index.sqlite").exists());
    // The write-ahead log and the shared memory stay between commands (creating them costs
    // more than a command's SQL); the log is short (see `the_index_log_stays_short`).
    let wal = std::fs::metadata(dir.join("index.sqlite-wal")).expect("the log is kept");
    assert!(wal.len() <= 512 * 1024, "{} bytes of log", wal.len());
    assert!(dir.join("index.sqlite-shm").exists());
    // Deleting the database alone, its log and shared memory left behind.
    std::fs::remove_file(dir.join("index.sqlite")).unwrap();
    same(&answers(&env), &cached, "after deleting index.sqlite alone");
    remove_index(&dir);
    let fresh = answers(&env);
    same(&cached, &fresh, "the index kept up to date");
    // Sanity: the answers are not all alike, so the comparison can notice a wrong one, and
    // the words that are gone find nothing.
    assert_eq!(fresh[..9].iter().collect::<BTreeSet<_>>().len(), 9);
    let found = |i: usize| -> usize {
        serde_json::from_str::<serde_json::Value>(&fresh[i]).unwrap()["tickets"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((found(4), found(9), found(10), found(11)), (0, 0, 0, 1));

    let good = std::fs::read(dir.join("index.sqlite")).unwrap();
    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "garbage",
            (0..good.len()).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        ("header only", good[..100].to_vec()),
        (
            "not a database",
            b"SQLite format 3\0 but not really".to_vec(),
        ),
    ];
    for (what, bytes) in damages {
        remove_index(&dir);
        std::fs::write(dir.join("index.sqlite"), bytes).unwrap();
        same(
            &answers(&env),
            &fresh,
            &format!("after an index that was {what}"),
        );
    }

    // A database of another version is replaced, whatever it holds.
    remove_index(&dir);
    let conn = rusqlite::Connection::open(dir.join("index.sqlite")).unwrap();
    conn.execute_batch("CREATE TABLE tickets (x); PRAGMA user_version = 99;")
        .unwrap();
    drop(conn);
    same(&answers(&env), &fresh, "after an index of another version");

    // A damaged write-ahead log: SQLite ignores a log whose checksums fail.
    std::fs::write(dir.join("index.sqlite-wal"), vec![0x55; 4096]).unwrap();
    same(&answers(&env), &fresh, "after a damaged write-ahead log");
}

/// The caches of earlier versions are deleted by the first command that opens the index:
/// an old clone does not keep a 2 MB file nothing reads.
#[test]
fn the_caches_of_earlier_versions_are_deleted() {
    let env = tracker();
    let dir = state(&env);
    for legacy in ["index-v1.json", "index-v2.bin"] {
        std::fs::write(dir.join(legacy), b"an old cache").unwrap();
    }
    std::fs::write(dir.join("index-v3.bin"), b"not ours to delete").unwrap();
    env.run(&["list"]).ok();
    assert!(!dir.join("index-v1.json").exists());
    assert!(!dir.join("index-v2.bin").exists());
    assert!(dir.join("index-v3.bin").exists());
}

#[test]
fn an_index_left_at_an_older_or_unrelated_tip_catches_up_exactly() {
    let env = tracker();
    let dir = state(&env);
    env.run(&["list"]).ok();
    let old: Vec<(String, Option<Vec<u8>>)> = FILES
        .iter()
        .map(|f| (f.to_string(), std::fs::read(dir.join(f)).ok()))
        .collect();
    // More changes: new tickets, a comment that adds a word, an unassignment, a reopening.
    env.run(&["new", "crash in the new code", "-m", "more"])
        .ok();
    env.run(&["comment", "TRK-1", "-m", "printer crash too"])
        .ok();
    env.run(&["assign", "TRK-2", "--none"]).ok();
    env.run(&["state", "TRK-6", "open", "--reopen"]).ok();
    env.run(&["edit", "TRK-4", "--title", "no longer about that"])
        .ok();
    remove_index(&dir);
    let fresh = answers(&env);

    // The index as it was five commands ago.
    remove_index(&dir);
    for (f, bytes) in &old {
        if let Some(b) = bytes {
            std::fs::write(dir.join(f), b).unwrap();
        }
    }
    same(&answers(&env), &fresh, "from an index five commands old");

    // An index brought to another tracker branch with other tickets, then back.
    let eighth = env.git(&[
        "log",
        "--format=%H",
        "-1",
        "--grep=^TRK-8: create",
        "tracker",
    ]);
    env.git(&["branch", "-f", "other", eighth.trim()]);
    env.git(&["config", "tracker.branch", "other"]);
    let other = env.run(&["list", "--all", "--format", "json"]).json();
    assert_eq!(other["tickets"].as_array().unwrap().len(), 8);
    env.git(&["config", "--unset", "tracker.branch"]);
    same(
        &answers(&env),
        &fresh,
        "from an index at another branch's tip",
    );
}

#[test]
fn readers_and_writers_side_by_side_see_whole_tips_and_end_equal_to_a_rebuild() {
    let env = TestEnv::initialized();
    env.new_ticket("first");
    let writers: Vec<_> = (0..6)
        .map(|i| {
            let script = format!(
                "for j in 1 2 3; do {bin} new \"parallel {i} $j\" -m crash >/dev/null || exit 1; done",
                bin = crate::common::BIN
            );
            let mut cmd = env.base_command("sh", &env.repo);
            cmd.args(["-c", &script]);
            cmd.stderr(std::process::Stdio::piped()).spawn().unwrap()
        })
        .collect();
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let script = format!(
                "for j in 1 2 3 4 5 6 7 8; do {bin} list --all --format json -S crash || exit 1; \
                 echo; done",
                bin = crate::common::BIN
            );
            let mut cmd = env.base_command("sh", &env.repo);
            cmd.args(["-c", &script]);
            cmd.stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for w in writers {
        let out = w.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut seen = Vec::new();
    for r in readers {
        let out = r.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let mut last = 0;
        for doc in serde_json::Deserializer::from_str(&text).into_iter::<serde_json::Value>() {
            let doc = doc.unwrap();
            let n = doc["tickets"].as_array().unwrap().len();
            // Tickets only ever appear: a reader never sees a tip older than one it saw.
            assert!(n >= last, "{n} after {last}");
            last = n;
            seen.push(doc);
        }
    }
    assert_eq!(seen.len(), 24);
    let dir = state(&env);
    let cached = env.run(&["list", "--all", "--format", "json"]).json();
    assert_eq!(cached["tickets"].as_array().unwrap().len(), 19);
    remove_index(&dir);
    let rebuilt = env.run(&["list", "--all", "--format", "json"]).json();
    assert_eq!(cached, rebuilt);
    // Every listing a reader printed is the listing of some tip: a subset of the final one,
    // each ticket exactly as it is at the end (tickets were only created).
    let finals: BTreeSet<String> = rebuilt["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.to_string())
        .collect();
    for doc in &seen {
        for t in doc["tickets"].as_array().unwrap() {
            assert!(finals.contains(&t.to_string()), "{t}");
        }
    }
}

/// The write-ahead log is no longer copied back when a process ends, so a writer killed
/// while it brings the index to its new tip leaves it holding committed transactions, or one
/// that never committed. Either way, the next commands answer as a fresh index.
#[test]
fn a_writer_killed_during_its_index_update_leaves_an_index_that_answers_as_a_fresh_one() {
    let env = tracker();
    let pause = env.root.path().join("pause");
    std::fs::create_dir_all(&pause).unwrap();
    for (i, point) in ["index-before-commit", "index-committed"]
        .iter()
        .enumerate()
    {
        let mut writer = env
            .command_in(
                &env.repo,
                &["comment", "TRK-8", "-m", &format!("okapi {i}")],
            )
            .env("GIT_TRACKER_PAUSE", format!("{point}:{}", pause.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let reached = pause.join(format!("{point}.reached"));
        let start = std::time::Instant::now();
        while !reached.exists() {
            assert!(start.elapsed().as_secs() < 30, "{point} never reached");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        writer.kill().unwrap();
        writer.wait().unwrap();
        let got = answers(&env);
        remove_index(&state(&env));
        let fresh = answers(&env);
        same(&got, &fresh, &format!("after a writer killed at {point}"));
    }
    // The comments landed on the branch: the index found them.
    let found = env
        .run(&["list", "--all", "--format", "json", "-S", "okapi"])
        .json();
    let keys: Vec<&str> = found["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"TRK-8"), "{keys:?}");
}

/// The write-ahead log stays short: the write that brings it past its limit (256 KiB) copies
/// it back and empties it, and a rebuild's long log is emptied at once (every process opening
/// the index reads the whole log).
#[test]
fn the_index_log_stays_short() {
    let env = tracker();
    let wal = state(&env).join("index.sqlite-wal");
    let len = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    // The limit, and the pages one of these writes adds at most.
    let most = 256 * 1024 + 64 * (4096 + 24);
    assert!(len(&wal) <= most, "{} bytes of log", len(&wal));
    let mut emptied = false;
    for i in 0..12 {
        let before = len(&wal);
        env.run(&["comment", "TRK-1", "-m", &format!("comment {i} of many")])
            .ok();
        assert!(len(&wal) <= most, "{} bytes of log", len(&wal));
        emptied |= len(&wal) < before;
    }
    assert!(emptied, "no write emptied the log");
    // A rebuild writes every page; with a lower limit its log is emptied right after.
    remove_index(&state(&env));
    let out = env
        .command_in(&env.repo, &["list", "--all"])
        .env("GIT_TRACKER_INDEX_LOG_LIMIT", "8192")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(len(&wal), 0, "the rebuild's log was emptied");
}

/// An index another process holds is waited for and, should the wait end, left alone: it is
/// never taken for a damaged one and deleted under the processes using it (20 `new` commands
/// side by side once lost their index that way: "database disk image is malformed").
#[test]
fn an_index_held_by_another_process_is_never_deleted() {
    let env = TestEnv::initialized();
    env.new_ticket("one");
    let file = state(&env).join("index.sqlite");
    let holder = rusqlite::Connection::open(&file).unwrap();
    // Exclusive locking: no other connection may even read until this one closes.
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;
             CREATE TABLE held_by_the_test (x); COMMIT;",
        )
        .unwrap();
    // The command waits 300 ms for the lock, then gives up, saying why.
    let out = env
        .command_in(&env.repo, &["list", "--format", "json"])
        .env("GIT_TRACKER_INDEX_BUSY_MS", "300")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("database is locked"), "{stderr}");
    drop(holder);
    // The same database: the holder's table is still in it.
    let check = rusqlite::Connection::open(&file).unwrap();
    let tables: i64 = check
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'held_by_the_test'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1, "the index file was replaced");
    drop(check);
    // Released, the index answers as before.
    let listed = env.run(&["list", "--format", "json"]).json();
    assert_eq!(listed["tickets"].as_array().unwrap().len(), 1);
}
