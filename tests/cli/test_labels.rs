//! Labels: `label KEY +a -b`, `new --label`, `list --label` (ANDed) and `label:`, the LABELS
//! column, the tracker's restriction and colours, and labels merged across clones as sets.

use serde_json::Value;

use crate::common::TestEnv;
use crate::test_sync::Net;

fn labels(env: &TestEnv, dir: &std::path::Path, key: &str) -> Vec<String> {
    env.run_in(dir, &["show", key, "--format", "json"]).json()["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_owned())
        .collect()
}

fn keys(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--all", "--sort", "key", "--format", "json"];
    all.extend_from_slice(args);
    env.run(&all).json()["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn labels_are_added_removed_and_filtered() {
    let env = TestEnv::initialized();
    env.run(&["new", "One", "--label", "Bug", "--label", "ui"])
        .ok();
    env.new_ticket("Two");
    env.run(&["new", "Three", "--label", "bug"]).ok();
    env.new_ticket("Four");
    // One change: adds, removes, a bare word adds; what is there already changes nothing.
    let run = env.run(&["label", "TRK-2", "+triage", "bug", "-nope"]);
    assert!(
        run.stderr.contains("TRK-2 has labels bug, triage."),
        "{run}"
    );
    assert_eq!(labels(&env, &env.repo, "TRK-1"), ["bug", "ui"]);
    assert_eq!(labels(&env, &env.repo, "TRK-2"), ["bug", "triage"]);
    let log = env.log_json("TRK-2");
    let last = log["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "label");
    assert_eq!(last["add"], serde_json::json!(["bug", "triage"]));
    assert!(last.get("remove").is_none(), "{last}");
    let tip = env.tip();
    let run = env.run(&["label", "TRK-2", "+bug", "-nope"]);
    assert!(run.stderr.contains("nothing changed"), "{run}");
    assert_eq!(env.tip(), tip);
    // Bad changes: exit 2, nothing written.
    for bad in [
        &["label", "TRK-2", "+x", "-x"][..],
        &["label", "TRK-2", "+"],
        &["label", "TRK-2", "+a,b"],
        &["label", "TRK-9", "+a"],
        &["new", "Five", "--label", "two words"],
    ] {
        env.run(bad).bad_input();
        assert_eq!(env.tip(), tip, "{bad:?}");
    }
    // --label is repeatable and ANDed; label: likewise, in any case.
    assert_eq!(keys(&env, &["--label", "bug"]), ["TRK-1", "TRK-2", "TRK-3"]);
    assert_eq!(keys(&env, &["--label", "bug", "--label", "ui"]), ["TRK-1"]);
    assert_eq!(
        keys(&env, &["--query", "label:BUG label:triage"]),
        ["TRK-2"]
    );
    assert!(keys(&env, &["--label", "nope"]).is_empty());
    env.run(&["list", "--label", "a,b"]).bad_input();
    // The LABELS column: only when a listed ticket has a label.
    let table = env.run(&["list", "--sort", "key"]);
    insta::assert_snapshot!("labels_list_table", table.ok());
    let plain = env.run(&["list", "--key", "TRK-4"]);
    assert!(!plain.ok().contains("LABELS"), "{plain}");
    // Removing takes it away.
    env.run(&["label", "TRK-1", "-ui", "-bug"]).ok();
    assert!(labels(&env, &env.repo, "TRK-1").is_empty());
    let log = env.run(&["log", "TRK-1"]);
    assert!(log.ok().contains("labels -bug -ui"), "{log}");
}

#[test]
fn a_tracker_can_restrict_and_colour_its_labels() {
    let env = TestEnv::initialized();
    env.run(&["new", "One", "--label", "legacy"]).ok();
    env.run(&["config", "set", "labels.allowed", "bug,ui"]).ok();
    env.run(&["config", "set", "labels.color.bug", "red"]).ok();
    let tip = env.tip();
    let run = env.run(&["label", "TRK-1", "+other"]);
    assert!(
        run.bad_input()
            .contains("label \"other\" is not one of this tracker's labels (bug, ui)"),
        "{run}"
    );
    env.run(&["new", "Two", "--label", "nope"]).bad_input();
    env.run(&["config", "set", "labels.color.bug", "pink"])
        .bad_input();
    assert_eq!(env.tip(), tip, "nothing written");
    // A label from before the restriction can still be taken away.
    env.run(&["label", "TRK-1", "+bug", "-legacy"]).ok();
    let show = env.run(&["show", "TRK-1", "--color", "always"]);
    assert!(
        show.ok().contains("  labels:    \u{1b}[31mbug\u{1b}[m\n"),
        "{show}"
    );
    let list = env.run(&["list", "--color", "always"]);
    assert!(list.ok().contains("\u{1b}[31mbug\u{1b}[m"), "{list}");
    let id = env.run(&["show", "TRK-1", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let show = env.run(&["show", "TRK-1"]);
    insta::assert_snapshot!("labels_show", show.ok().replace(&id, "<TICKET-ID>"));
}

/// Labels added and removed in two clones converge to the same sets on both; a label one
/// clone removes while the other adds it again stays (the addition was not seen).
#[test]
fn labels_from_two_clones_converge() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "One");
    net.run(&a, &["label", "TRK-1", "+triage", "+old", "+keep"])
        .ok();
    net.sync(&a);
    let b = net.clone("b");
    // a: +bug -triage -old; b: +ui -triage +triage (again) -keep.
    net.run(&a, &["label", "TRK-1", "+bug", "-triage", "-old"])
        .ok();
    net.run(&b, &["label", "TRK-1", "+ui", "-triage", "-keep"])
        .ok();
    net.run(&b, &["label", "TRK-1", "+triage"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    let want = ["bug", "triage", "ui"];
    for dir in [&a, &b] {
        assert_eq!(labels(&net.env, dir, "TRK-1"), want, "{}", dir.display());
        let listed: Value = net
            .run(dir, &["list", "--label", "triage", "--format", "json"])
            .json();
        assert_eq!(listed["tickets"][0]["labels"], serde_json::json!(want));
    }
    // A later removal that saw everything takes it away everywhere.
    net.run(&a, &["label", "TRK-1", "-triage"]).ok();
    net.sync(&a);
    net.sync(&b);
    assert_eq!(labels(&net.env, &b, "TRK-1"), ["bug", "ui"]);
}
