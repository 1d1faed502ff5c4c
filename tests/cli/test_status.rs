//! R29b: `git tracker status` tells me what needs me now.

use serde_json::Value;

use crate::common::TestEnv;

/// `(section name, keys)` of `status --format json`.
fn sections(env: &TestEnv) -> Vec<(String, Vec<String>)> {
    let v: Value = env.run(&["status", "--format", "json"]).json();
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let keys = s["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["key"].as_str().unwrap().to_owned())
                .collect();
            (s["name"].as_str().unwrap().to_owned(), keys)
        })
        .collect()
}

fn named(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter()
        .map(|(n, k)| ((*n).to_owned(), k.iter().map(|s| (*s).to_owned()).collect()))
        .collect()
}

#[test]
fn the_dashboard_shows_each_person_what_needs_them() {
    let env = TestEnv::new();
    env.set_user("Ann", "ann@example.com"); // the manager
    env.run(&["init", "--developers", "bob@example.com"]).ok();
    env.set_user("Rita", "rita@example.com");
    env.new_ticket("rita's first"); // TRK-1
    env.new_ticket("rita's second"); // TRK-2
    env.set_user("Ann", "ann@example.com");
    env.run(&["new", "for bob", "--assign", "bob@example.com"])
        .ok(); // TRK-3
    env.run(&["new", "bob's, started", "--assign", "bob@example.com"])
        .ok(); // TRK-4
    env.set_user("Bob", "bob@example.com");
    env.run(&["state", "TRK-4", "resolving"]).ok();

    // Bob: his work not started (TRK-4 is started); in defects mode everyone sees what is
    // posted and unassigned.
    assert_eq!(
        sections(&env),
        named(&[("my-work", &["TRK-3"]), ("to-assign", &["TRK-1", "TRK-2"])])
    );
    // The table, whole. Bob is shown under the name he acts with, not the one his bare email
    // gave him when he was assigned (docs/format.md, "Names").
    let run = env.run(&["status"]);
    assert_eq!(
        run.ok(),
        "Assigned to you, not started (1)\n \
         PRIO  TICKET  SUMMARY         REPORTED    REPORTER  ASSIGNEE  STATE   WATCH\n \
         -     TRK-3   for bob         2026-01-01  Ann       Bob       POSTED  2\n\
         \n\
         Posted, nobody assigned (2)\n \
         PRIO  TICKET  SUMMARY         REPORTED    REPORTER  ASSIGNEE  STATE   WATCH\n \
         -     TRK-1   rita's first    2026-01-01  Rita      -         POSTED  1\n \
         -     TRK-2   rita's second   2026-01-01  Rita      -         POSTED  1\n"
    );

    // Outside defects mode only managers see what is to assign.
    env.set_user("Ann", "ann@example.com");
    env.run(&["config", "set", "mode", "support"]).ok();
    env.set_user("Bob", "bob@example.com");
    assert_eq!(sections(&env), named(&[("my-work", &["TRK-3"])]));
    env.set_user("Ann", "ann@example.com");
    assert_eq!(sections(&env), named(&[("to-assign", &["TRK-1", "TRK-2"])]));

    // Rita: nothing yet (her first look records the time).
    env.set_user("Rita", "rita@example.com");
    let run = env.run(&["status"]);
    assert_eq!(run.ok(), "Nothing needs you now.\n");
    // Bob comments on TRK-1; Rita comments on TRK-2 herself; someone changes a ticket she
    // does not watch.
    env.set_user("Bob", "bob@example.com");
    env.run(&["comment", "TRK-1", "-m", "looking into it"]).ok();
    env.run(&["comment", "TRK-3", "-m", "mine"]).ok();
    env.set_user("Rita", "rita@example.com");
    env.run(&["comment", "TRK-2", "-m", "more details"]).ok();
    assert_eq!(sections(&env), named(&[("changed", &["TRK-1"])]));
    // Looked at: gone from the next status.
    assert_eq!(env.run(&["status"]).ok(), "Nothing needs you now.\n");
}

#[test]
fn a_person_without_identity_is_told_what_to_set() {
    let env = TestEnv::initialized();
    let mut cmd = env.command_in(&env.repo, &["status"]);
    cmd.env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_AUTHOR_EMAIL");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no git identity"));
}
