//! R62, the CI helpers of issue 12 built so far: re-runnable moves, `close`/`reopen`,
//! `new --format json`, and CI logs (CRLF, colours, progress bars) accepted as text.

use crate::common::TestEnv;

#[test]
fn moving_to_the_state_a_ticket_is_in_changes_nothing_and_succeeds() {
    let env = TestEnv::initialized();
    env.new_ticket("build failed"); // TRK-1
    let before = env.commits();
    let run = env.run(&["close", "TRK-1", "-m", "green again"]);
    assert_eq!(run.ok(), "");
    assert_eq!(run.stderr, "TRK-1: POSTED -> RESOLVED\n");
    assert_eq!(env.commits(), before + 1);
    // The same job again: exit 0, a note, no commit — with `close` and with `state`.
    for args in [
        vec!["close", "TRK-1"],
        vec!["state", "TRK-1", "resolved", "-m", "again"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.ok(), "");
        assert_eq!(
            run.stderr, "TRK-1 is already RESOLVED; nothing changed.\n",
            "{args:?}"
        );
    }
    assert_eq!(env.commits(), before + 1);
    // reopen is `state open --reopen`; twice is once.
    let run = env.run(&["reopen", "TRK-1"]);
    assert_eq!(run.stderr, "TRK-1: RESOLVED -> OPEN\n");
    let run = env.run(&["reopen", "TRK-1"]);
    assert_eq!(run.stderr, "TRK-1 is already OPEN; nothing changed.\n");
    assert_eq!(env.commits(), before + 2);
    // A move the rules refuse is still refused.
    env.run(&["close", "TRK-1"]).ok();
    assert_eq!(
        env.run(&["state", "TRK-1", "waiting"]).bad_input(),
        "error: the ticket is RESOLVED, a finished state: moving it back to WAITING needs \
         --reopen\nhint: allowed states: VALIDATED, ABANDONNED, TRANSFERED\n"
    );
}

#[test]
fn new_prints_key_id_and_provisional_as_json() {
    let env = TestEnv::initialized();
    let json = env.run(&["new", "build failed", "--format", "json"]).json();
    let id = json["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 32, "{json}");
    assert_eq!(
        json,
        serde_json::json!({"schema_version": 1, "key": "TRK-1", "id": id, "provisional": false})
    );
    let shown = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(shown["id"], json["id"]);
}

#[test]
fn a_ci_log_with_crlf_colours_and_progress_is_cleaned_not_refused() {
    let env = TestEnv::initialized();
    let log = env.root.path().join("build.log");
    std::fs::write(
        &log,
        "cargo test\r\n\u{1b}[1m\u{1b}[31merror\u{1b}[0m: 2 tests failed\r\n\
         downloading 10%\r50%\r100%\r\n",
    )
    .unwrap();
    let run = env.run(&["new", "build failed", "--body-file", log.to_str().unwrap()]);
    assert_eq!(run.ok(), "TRK-1\n");
    assert_eq!(
        run.stderr,
        format!(
            "Note: carriage returns, terminal escape sequences and control characters were \
             removed from {}.\nCreated TRK-1\n",
            log.display()
        )
    );
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(
        json["description"],
        "cargo test\nerror: 2 tests failed\ndownloading 10%\n50%\n100%\n"
    );
    // The same from standard input, for a comment.
    let run = env.run_stdin(
        &["comment", "TRK-1", "--body-file", "-"],
        b"again\r\n\x1b[32mok\x1b[0m\r\n",
    );
    run.ok();
    assert!(run.stderr.starts_with(
        "Note: carriage returns, terminal escape sequences and control characters were \
         removed from standard input.\n"
    ));
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(json["comments"][0]["body"], "again\nok\n");
    // Text given with -m is taken as typed: control characters there are still refused.
    let run = env.run(&["comment", "TRK-1", "-m", "bell\u{7}"]);
    assert_eq!(
        run.bad_input(),
        "error: the comment contains control characters\n"
    );
}
