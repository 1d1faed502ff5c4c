//! R63: `verify` is clean on what the tool writes and catches hand-made problems.

use serde_json::Value;

use crate::common::TestEnv;

/// Commits `files` on the tracker branch with plain git, as the current user.
fn craft(env: &TestEnv, files: &[(String, String)]) {
    let changes: Vec<(&str, Option<&str>)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), Some(c.as_str())))
        .collect();
    env.craft(&changes, "hand-made");
}

fn ids(env: &TestEnv, key: &str) -> (String, String) {
    let log = env.run(&["log", key, "--format", "json"]).json();
    (
        log["id"].as_str().unwrap().to_owned(),
        log["events"].as_array().unwrap().last().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

fn event_path(ticket: &str, event: &str) -> String {
    format!("tickets/{}/{ticket}/{event}.toml", &ticket[..2])
}

fn state_event(
    from: &str,
    to: &str,
    lamport: u64,
    parent: &str,
    name: &str,
    email: &str,
) -> String {
    format!(
        "version = 1\nkind = \"state\"\nfrom = \"{from}\"\nto = \"{to}\"\nlamport = {lamport}\nparents = [\"{parent}\"]\nat = \"2026-01-02T00:00:00Z\"\n\n[author]\nname = \"{name}\"\nemail = \"{email}\"\n"
    )
}

fn verify(env: &TestEnv) -> (i32, Value) {
    let run = env.run(&["verify", "--format", "json"]);
    (
        run.code,
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run}")),
    )
}

fn kinds(report: &Value) -> Vec<(String, String)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_owned(),
                p["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn verify_is_clean_on_what_the_tool_writes() {
    let env = TestEnv::new();
    env.run(&["init", "--strict", "--developers", "dev@example.com"])
        .ok();
    env.new_ticket("one");
    env.set_user("Dev", "dev@example.com");
    env.run(&["comment", "TRK-1", "-m", "looking"]).ok();
    env.run(&["state", "TRK-1", "resolving"]).ok();
    let c = env
        .run(&["comment", "TRK-1", "-m", "x"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "delete", "TRK-1", &c]).ok();
    env.set_user("Ann Author", "ann@example.com"); // the manager (she ran init)
    env.run(&["config", "set", "feedback", "thanks"]).ok();
    let run = env.run(&["verify"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("clean"), "{run}");
    let (code, report) = verify(&env);
    assert_eq!(code, 0);
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn verify_catches_hand_made_problems() {
    let env = TestEnv::new();
    env.run(&["init", "--strict", "--developers", "dev@example.com"])
        .ok();
    env.new_ticket("one");
    env.new_ticket("two");
    let (t1, last1) = ids(&env, "TRK-1");
    let (t2, create2) = ids(&env, "TRK-2");

    // A reporter sets RESOLVING, which strict mode reserves to developers and managers.
    env.set_user("Rita", "rita@example.com");
    let forbidden = event_path(&t1, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    craft(
        &env,
        &[(
            forbidden.clone(),
            state_event("POSTED", "RESOLVING", 2, &last1, "Rita", "rita@example.com"),
        )],
    );
    // Mallory commits an event that claims Dev wrote it.
    env.set_user("Mallory", "mallory@example.com");
    let forged = event_path(&t2, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    craft(
        &env,
        &[(
            forged.clone(),
            state_event("POSTED", "OPEN", 2, &create2, "Dev", "dev@example.com"),
        )],
    );
    // A malformed file, and a ticket that claims an existing number.
    let malformed = event_path(&t2, "cccccccccccccccccccccccccccccccc");
    let dup_ticket = "dddddddddddddddddddddddddddddddd";
    let dup = event_path(dup_ticket, "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    let create = "version = 1\nkind = \"create\"\nnumber = 1\ntitle = \"again\"\nlamport = 1\nparents = []\nat = \"2026-01-03T00:00:00Z\"\n\n[author]\nname = \"Mallory\"\nemail = \"mallory@example.com\"\n";
    craft(
        &env,
        &[
            (malformed.clone(), "this is = not toml =".into()),
            (dup, create.into()),
        ],
    );
    // A change that starts from a state its author never saw, and a deletion of a comment
    // that does not exist (by a developer, who may set WAITING).
    env.set_user("Dev", "dev@example.com");
    let mismatch = event_path(&t1, "ffffffffffffffffffffffffffffffff");
    let dangling = event_path(&t1, "11111111111111111111111111111111");
    let delete = format!(
        "version = 1\nkind = \"comment-delete\"\ncomment = \"22222222222222222222222222222222\"\nlamport = 2\nparents = [\"{last1}\"]\nat = \"2026-01-03T00:00:00Z\"\n\n[author]\nname = \"Dev\"\nemail = \"dev@example.com\"\n"
    );
    craft(
        &env,
        &[
            (
                mismatch.clone(),
                state_event("TESTING", "WAITING", 2, &last1, "Dev", "dev@example.com"),
            ),
            (dangling.clone(), delete),
        ],
    );

    let run = env.run(&["verify"]);
    assert_eq!(run.code, 3, "{run}");
    assert!(run.stderr.contains("verify found"), "{run}");
    let (code, report) = verify(&env);
    assert_eq!(code, 3);
    assert_eq!(report["ok"], false);
    let found = kinds(&report);
    let has = |kind: &str, path: &str| found.iter().any(|(k, p)| k == kind && p == path);
    assert!(has("forbidden-transition", &forbidden), "{found:?}");
    assert!(has("forged-author", &forged), "{found:?}");
    assert!(has("malformed", &malformed), "{found:?}");
    assert!(
        has("duplicate-key", &format!("tickets/dd/{dup_ticket}")),
        "{found:?}"
    );
    assert!(has("from-mismatch", &mismatch), "{found:?}");
    assert!(has("dangling", &dangling), "{found:?}");
    assert!(!has("forbidden-transition", &mismatch), "{found:?}");
    let msg = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "forbidden-transition")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        msg.contains("rita@example.com (reporter)") && msg.contains("POSTED -> RESOLVING"),
        "{msg}"
    );
    // The table form prints one line per problem, with the path first.
    let table = env.run(&["verify"]);
    assert!(
        table
            .stdout
            .lines()
            .any(|l| l.starts_with(&format!("{forged}: forged-author: "))),
        "{table}"
    );
}
