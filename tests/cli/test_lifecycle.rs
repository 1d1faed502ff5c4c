//! R10, R11, R13, R15: the ten states, the default graph, reopening, auto-open.

use crate::common::TestEnv;

fn state(env: &TestEnv, key: &str) -> String {
    env.run(&["show", key, "--format", "json"]).json()["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Every state can be reached from POSTED, by name in any case, and aliases work.
#[test]
fn every_state_is_reachable_with_its_spelling_and_aliases() {
    let env = TestEnv::initialized();
    // R10: TRANSFERED only where a transfer target exists; without one it is refused.
    let key = env.new_ticket("no parent");
    let refused = env.run(&["state", &key, "transfered"]);
    assert!(
        refused
            .bad_input()
            .contains("TRANSFERED is enabled only in a tracker with a parent or sub-trackers"),
        "{refused}"
    );
    env.run(&["config", "set", "parent", "up"]).ok();
    let cases = [
        ("open", "OPEN"),
        ("Resolving", "RESOLVING"),
        ("WAITING", "WAITING"),
        ("testing", "TESTING"),
        ("published", "PUBLISHED"),
        ("validated", "VALIDATED"),
        ("resolved", "RESOLVED"),
        ("abandonned", "ABANDONNED"),
        ("ABANDONED", "ABANDONNED"),
        ("transfered", "TRANSFERED"),
        ("Transferred", "TRANSFERED"),
    ];
    for (i, (input, expected)) in cases.iter().enumerate() {
        let key = env.new_ticket(&format!("t{i}"));
        let run = env.run(&["state", &key, input]);
        run.ok();
        assert!(
            run.stderr.contains(&format!("{key}: POSTED -> {expected}")),
            "{run}"
        );
        assert_eq!(state(&env, &key), *expected);
    }
}

/// Moves between states in progress are free; leaving a finished state for one in progress
/// needs --reopen; a refused move writes nothing and lists the allowed states.
#[test]
fn the_default_graph_and_reopen() {
    let env = TestEnv::initialized();
    env.new_ticket("t");
    for s in [
        "open",
        "resolving",
        "waiting",
        "resolving",
        "testing",
        "published",
        "resolved",
    ] {
        env.run(&["state", "TRK-1", s]).ok();
    }
    let tip = env.tip();
    for s in ["open", "posted", "resolving"] {
        let err = env.run(&["state", "TRK-1", s]);
        let stderr = err.bad_input();
        assert!(stderr.contains("--reopen"), "{err}");
        assert!(
            stderr.contains("hint: allowed states: VALIDATED, ABANDONNED\n"),
            "{err}"
        );
    }
    // The state it is in: nothing to do, and no error (R62: re-runnable jobs).
    let same = env.run(&["state", "TRK-1", "resolved"]);
    same.ok();
    assert_eq!(same.stderr, "TRK-1 is already RESOLVED; nothing changed.\n");
    assert_eq!(env.tip(), tip);
    // Closing differently needs no flag; reopening does.
    env.run(&["state", "TRK-1", "validated"]).ok();
    env.run(&["state", "TRK-1", "open", "--reopen", "-m", "came back"])
        .ok();
    assert_eq!(state(&env, "TRK-1"), "OPEN");
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    let last = json["transitions"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["from"].as_str(), last["to"].as_str()),
        (Some("VALIDATED"), Some("OPEN"))
    );
    assert_eq!(last["message"], "came back");
}

/// In-progress and finished sets (R13) drive the default list and --closed.
#[test]
fn finished_tickets_leave_the_default_list() {
    let env = TestEnv::initialized();
    env.run(&["config", "set", "parent", "up"]).ok();
    let finished = ["resolved", "abandonned", "transfered", "validated"];
    let in_progress = [
        "posted",
        "open",
        "resolving",
        "waiting",
        "testing",
        "published",
    ];
    for s in finished.iter().chain(&in_progress) {
        let key = env.new_ticket(s);
        if *s != "posted" {
            env.run(&["state", &key, s]).ok();
        }
    }
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--format", "json", "--sort", "key"];
        all.extend_from_slice(args);
        env.run(&all).json()["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(titles(&[]), in_progress);
    assert_eq!(titles(&["--closed"]), finished);
    assert_eq!(titles(&["--all"]).len(), 10);
}

/// R15: a POSTED ticket opens (a recorded transition) when someone other than its reporter
/// first acts on it; an explicit state change by them is recorded as given.
#[test]
fn auto_open_on_first_act_by_someone_else() {
    let env = TestEnv::initialized();
    env.new_ticket("a");
    env.new_ticket("b");
    env.new_ticket("c");
    env.set_user("Bob", "bob@example.com");
    let run = env.run(&["assign", "TRK-1", "carol@example.com"]);
    assert!(run.stderr.contains("TRK-1: POSTED -> OPEN"), "{run}");
    env.run(&["edit", "TRK-2", "--solution", "x"]).ok();
    env.run(&["state", "TRK-3", "resolving"]).ok();
    assert_eq!(state(&env, "TRK-1"), "OPEN");
    assert_eq!(state(&env, "TRK-2"), "OPEN");
    let t3 = env.run(&["show", "TRK-3", "--format", "json"]).json();
    assert_eq!(t3["transitions"].as_array().unwrap().len(), 1);
    assert_eq!(t3["transitions"][0]["from"], "POSTED");
    assert_eq!(t3["transitions"][0]["to"], "RESOLVING");
    // Once open, later acts add no transition.
    env.run(&["comment", "TRK-1", "-m", "x"]).ok();
    let t1 = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(t1["transitions"].as_array().unwrap().len(), 1);
}
