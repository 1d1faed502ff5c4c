//! R61: the JSON documents of `list`, `show` and `log` match the schema in docs/format.md.

use serde_json::Value;

use crate::common::TestEnv;

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

fn assert_person(v: &Value) {
    assert_eq!(keys(v), ["email", "name"], "{v}");
    assert!(v["name"].is_string() && v["email"].is_string());
}

fn assert_time(v: &Value) {
    let s = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
    assert!(
        chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        "not RFC 3339: {s}"
    );
    assert!(s.ends_with('Z'), "not UTC: {s}");
}

const TICKET_KEYS: [&str; 18] = [
    "assignee",
    "contested",
    "created",
    "fields",
    "fingerprint",
    "finished",
    "id",
    "key",
    "labels",
    "number",
    "priority",
    "provisional",
    "rank",
    "reporter",
    "state",
    "title",
    "updated",
    "watchers",
];

fn assert_ticket(t: &Value) {
    assert_eq!(t["key"].as_str().unwrap(), format!("TRK-{}", t["number"]));
    assert_eq!(t["id"].as_str().unwrap().len(), 32);
    assert!(t["title"].is_string());
    assert!(t["state"]
        .as_str()
        .unwrap()
        .chars()
        .all(|c| c.is_ascii_uppercase()));
    assert!(t["finished"].is_boolean());
    assert_person(&t["reporter"]);
    if !t["assignee"].is_null() {
        assert_person(&t["assignee"]);
    }
    t["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(assert_person);
    assert!(t["priority"].is_null() || t["priority"].is_u64());
    assert_eq!(t["priority"].is_null(), t["rank"].is_null());
    assert_time(&t["created"]);
    assert_time(&t["updated"]);
}

fn sample() -> TestEnv {
    let env = TestEnv::initialized();
    env.run(&["new", "Crash", "-m", "boom", "--assign", "bob@example.com"])
        .ok();
    env.new_ticket("Other");
    env.set_user("Bob", "bob@example.com");
    let c = env
        .run(&["comment", "TRK-1", "-m", "on it"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "edit", "TRK-1", &c, "-m", "on it, really"])
        .ok();
    env.run(&["state", "TRK-1", "resolved", "-m", "done"]).ok();
    env.run(&["edit", "TRK-1", "--solution", "a lock"]).ok();
    env
}

#[test]
fn list_json_schema() {
    let env = sample();
    let doc = env.run(&["list", "--all", "--format", "json"]).json();
    assert_eq!(keys(&doc), ["schema_version", "tickets"]);
    assert_eq!(doc["schema_version"], 1);
    let tickets = doc["tickets"].as_array().unwrap();
    assert_eq!(tickets.len(), 2);
    for t in tickets {
        assert_eq!(keys(t), TICKET_KEYS);
        assert_ticket(t);
    }
    let t1 = &tickets[1];
    assert_eq!(t1["key"], "TRK-1");
    assert_eq!(t1["state"], "RESOLVED");
    assert_eq!(t1["finished"], true);
    assert_eq!(t1["assignee"]["email"], "bob@example.com");
    assert_eq!(t1["reporter"]["name"], "Ann Author");
    assert_eq!(t1["watchers"].as_array().unwrap().len(), 2);
    assert_eq!(tickets[0]["assignee"], Value::Null);
    // An empty list is still one document.
    let empty = env
        .run(&["list", "--state", "waiting", "--format", "json"])
        .json();
    assert_eq!(empty["tickets"].as_array().unwrap().len(), 0);
}

#[test]
fn show_json_schema() {
    let env = sample();
    let doc = env.run(&["show", "TRK-1", "--format", "json"]).json();
    let mut expected: Vec<&str> = TICKET_KEYS.to_vec();
    expected.extend([
        "attachments",
        "blocks",
        "comments",
        "cycle",
        "depends_on",
        "description",
        "origin",
        "raise_requests",
        "schema_version",
        "solution",
        "transfers",
        "transitions",
    ]);
    expected.sort_unstable();
    assert_eq!(keys(&doc), expected);
    // Links to other trackers (R34, R35): none here.
    assert_eq!(doc["origin"], Value::Null);
    assert_eq!(doc["transfers"], serde_json::json!([]));
    assert_ticket(&doc);
    assert_eq!(doc["description"], "boom");
    assert_eq!(doc["solution"], "a lock");
    let c = &doc["comments"][0];
    assert_eq!(
        keys(c),
        ["author", "body", "created", "deleted", "edited", "id"]
    );
    assert_eq!(c["body"], "on it, really");
    assert_time(&c["created"]);
    assert_time(&c["edited"]);
    let tr = doc["transitions"].as_array().unwrap();
    assert_eq!(tr.len(), 2, "auto-open then RESOLVED: {doc}");
    assert_eq!(
        keys(&tr[1]),
        ["at", "author", "from", "id", "message", "to"]
    );
    assert_eq!(
        (tr[1]["from"].as_str(), tr[1]["to"].as_str()),
        (Some("OPEN"), Some("RESOLVED"))
    );
    assert_eq!(tr[1]["message"], "done");
}

#[test]
fn log_json_lists_every_event_in_fold_order() {
    let env = sample();
    let doc = env.run(&["log", "TRK-1", "--format", "json"]).json();
    assert_eq!(keys(&doc), ["events", "id", "key", "schema_version"]);
    let kinds: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "create",
            "state",
            "comment",
            "comment-edit",
            "state",
            "edit"
        ]
    );
    let first = &doc["events"][0];
    for k in [
        "id", "lamport", "parents", "at", "author", "kind", "number", "title",
    ] {
        assert!(first.get(k).is_some(), "{k} missing in {first}");
    }
    let clocks: Vec<u64> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["lamport"].as_u64().unwrap())
        .collect();
    assert_eq!(clocks, [1, 2, 3, 4, 5, 6]);
}

/// A reader that stops early (`| head`) ends the command quietly, with exit code 0, whatever the
/// output format (STYLE.md: a closed stdout is not an error).
#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    use std::io::Read;
    let env = TestEnv::initialized();
    // More than a pipe holds (64 KiB), so the writer meets the closed pipe.
    let body = "lorem ipsum dolor sit amet\n".repeat(8_000);
    env.run_stdin(&["new", "long", "--body-file", "-"], body.as_bytes())
        .ok();
    for args in [
        &["show", "TRK-1", "--format", "json"][..],
        &["show", "TRK-1"],
        &["log", "TRK-1", "--format", "json"],
    ] {
        let mut child = env
            .command_in(&env.repo, args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).as_ref()
            ),
            (Some(0), ""),
            "{args:?}"
        );
    }
}
