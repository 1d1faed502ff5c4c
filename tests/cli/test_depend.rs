//! R24, R70: dependencies between tickets — `depend`, `undepend`, the trees of `show`,
//! `list --blocked`/`--blocking`, cycles refused, and cycles two clones made flagged.

use serde_json::Value;

use crate::common::TestEnv;
use crate::test_sync::Net;

/// The id of ticket `key`.
fn id_of(env: &TestEnv, key: &str) -> String {
    env.run(&["show", key, "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The keys of `list` with `args` (every state, by key).
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

fn tickets(env: &TestEnv, n: usize) {
    for i in 1..=n {
        env.new_ticket(&format!("Ticket {i}"));
    }
}

#[test]
fn a_direct_cycle_is_refused_with_the_cycle_and_nothing_written() {
    let env = TestEnv::initialized();
    tickets(&env, 2);
    env.run(&["depend", "TRK-1", "--on", "TRK-2"]).ok();
    let tip = env.tip();
    let run = env.run(&["depend", "TRK-2", "--on", "TRK-1"]);
    let err = run.bad_input();
    assert!(
        err.contains(
            "TRK-2 cannot depend on TRK-1: that would make a cycle, TRK-2 → TRK-1 → TRK-2"
        ),
        "{run}"
    );
    assert_eq!(env.tip(), tip, "nothing written");
    // Itself: refused too.
    let run = env.run(&["depend", "TRK-1", "--on", "TRK-1"]);
    assert!(
        run.bad_input().contains("TRK-1 cannot depend on itself"),
        "{run}"
    );
    assert_eq!(env.tip(), tip);
    // Twice: nothing written, success.
    let run = env.run(&["depend", "TRK-1", "--on", "TRK-2"]);
    assert!(run.stderr.contains("already depends on TRK-2"), "{run}");
    assert_eq!(env.tip(), tip);
    // An unknown ticket: exit 2, nothing written.
    env.run(&["depend", "TRK-1", "--on", "TRK-9"]).bad_input();
    assert_eq!(env.tip(), tip);
}

#[test]
fn a_three_ticket_cycle_is_refused_with_the_cycle_printed() {
    let env = TestEnv::initialized();
    tickets(&env, 4);
    env.run(&["depend", "TRK-1", "--on", "TRK-2"]).ok();
    env.run(&["depend", "TRK-2", "--on", "TRK-3"]).ok();
    // A diamond is no cycle.
    env.run(&["depend", "TRK-1", "--on", "TRK-3"]).ok();
    env.run(&["depend", "TRK-4", "--on", "TRK-1"]).ok();
    let tip = env.tip();
    let run = env.run(&["depend", "TRK-3", "--on", "TRK-4"]);
    // The shortest way back: TRK-4 → TRK-1 → TRK-3 (not through TRK-2).
    assert!(
        run.bad_input()
            .contains("that would make a cycle, TRK-3 → TRK-4 → TRK-1 → TRK-3"),
        "{run}"
    );
    let run = env.run(&["depend", "TRK-3", "--on", "TRK-2"]);
    assert!(run.bad_input().contains("TRK-3 → TRK-2 → TRK-3"), "{run}");
    assert_eq!(env.tip(), tip, "nothing written");
    // Once a link of the chain goes, the same dependency is accepted.
    env.run(&["undepend", "TRK-2", "--on", "TRK-3"]).ok();
    env.run(&["depend", "TRK-3", "--on", "TRK-2"]).ok();
    // Removing what is not there writes nothing.
    let tip = env.tip();
    let run = env.run(&["undepend", "TRK-2", "--on", "TRK-3"]);
    assert!(run.stderr.contains("does not depend on TRK-3"), "{run}");
    assert_eq!(env.tip(), tip);
}

#[test]
fn blocked_and_blocking_filter_by_the_states_of_the_dependencies() {
    let env = TestEnv::initialized();
    tickets(&env, 6);
    // 1 depends on 2 (in progress) and 3; 4 depends on 5 (finished); 6 alone.
    env.run(&["depend", "TRK-1", "--on", "TRK-2"]).ok();
    env.run(&["depend", "TRK-1", "--on", "TRK-3"]).ok();
    env.run(&["depend", "TRK-4", "--on", "TRK-5"]).ok();
    env.run(&["close", "TRK-5"]).ok();
    assert_eq!(keys(&env, &["--blocked"]), ["TRK-1"]);
    assert_eq!(keys(&env, &["--blocking"]), ["TRK-2", "TRK-3"]);
    // The query language says the same.
    assert_eq!(keys(&env, &["--query", "is:blocked"]), ["TRK-1"]);
    assert_eq!(
        keys(&env, &["--query", "is:blocking state:all"]),
        ["TRK-2", "TRK-3"]
    );
    // Finishing 2 leaves 1 blocked by 3; finishing 3 unblocks it.
    env.run(&["close", "TRK-2"]).ok();
    assert_eq!(keys(&env, &["--blocked"]), ["TRK-1"]);
    assert_eq!(keys(&env, &["--blocking"]), ["TRK-3"]);
    env.run(&["close", "TRK-3"]).ok();
    assert!(keys(&env, &["--blocked"]).is_empty());
    assert!(keys(&env, &["--blocking"]).is_empty());
    // A finished ticket blocks nobody: 6 depends on 7 in progress, and 6 is closed.
    env.new_ticket("Ticket 7");
    env.run(&["depend", "TRK-6", "--on", "TRK-7"]).ok();
    env.run(&["close", "TRK-6"]).ok();
    assert_eq!(keys(&env, &["--blocked"]), ["TRK-6"]);
    assert!(keys(&env, &["--blocking"]).is_empty());
    // The default listing (in progress) with --blocked: TRK-6 is finished.
    let run = env.run(&["list", "--blocked", "--format", "json"]);
    assert_eq!(run.json()["tickets"].as_array().unwrap().len(), 0);
}

#[test]
fn show_prints_both_trees_with_states() {
    let env = TestEnv::initialized();
    tickets(&env, 5);
    env.run(&["depend", "TRK-2", "--on", "TRK-3"]).ok();
    env.run(&["depend", "TRK-3", "--on", "TRK-4"]).ok();
    env.run(&["depend", "TRK-2", "--on", "TRK-4"]).ok();
    env.run(&["depend", "TRK-1", "--on", "TRK-2"]).ok();
    env.run(&["depend", "TRK-5", "--on", "TRK-2"]).ok();
    env.run(&["state", "TRK-4", "resolved"]).ok();
    let id = id_of(&env, "TRK-2");
    let show = env.run(&["show", "TRK-2"]);
    insta::assert_snapshot!("depend_show_trees", show.ok().replace(&id, "<TICKET-ID>"));
    // JSON: the direct links, with keys and states.
    let v = env.run(&["show", "TRK-2", "--format", "json"]).json();
    let keys = |field: &str| -> Vec<(String, String)> {
        v[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["key"].as_str().unwrap().to_owned(),
                    l["state"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        keys("depends_on"),
        [
            ("TRK-3".to_owned(), "POSTED".to_owned()),
            ("TRK-4".to_owned(), "RESOLVED".to_owned())
        ]
    );
    assert_eq!(
        keys("blocks"),
        [
            ("TRK-1".to_owned(), "POSTED".to_owned()),
            ("TRK-5".to_owned(), "POSTED".to_owned())
        ]
    );
    assert_eq!(v["cycle"], Value::Array(Vec::new()));
    // The log says it, by key.
    let log = env.run(&["log", "TRK-2"]);
    assert!(log.ok().contains("now depends on TRK-3"), "{log}");
    let ev = env.log_json("TRK-2");
    let depend = ev["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "depend")
        .unwrap();
    assert_eq!(depend["on"], Value::String(id_of(&env, "TRK-3")));
}

/// Two clones each add one half of a cycle while apart: after syncing, both links stay, the
/// cycle is shown by `show`, `verify` and `list --contested`, and `depend` refuses to touch its
/// tickets until `undepend` breaks it.
#[test]
fn a_cycle_made_by_two_clones_is_flagged_after_sync() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "One");
    net.new_ticket(&a, "Two");
    net.new_ticket(&a, "Three");
    net.sync(&a);
    let b = net.clone("b");
    net.run(&a, &["depend", "TRK-1", "--on", "TRK-2"]).ok();
    net.run(&b, &["depend", "TRK-2", "--on", "TRK-1"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    for dir in [&a, &b] {
        let v = net.run(dir, &["show", "TRK-1", "--format", "json"]).json();
        assert_eq!(v["cycle"], serde_json::json!(["TRK-1", "TRK-2"]), "{v}");
        assert_eq!(v["depends_on"][0]["key"], "TRK-2");
        assert_eq!(v["blocks"][0]["key"], "TRK-2");
        let show = net.run(dir, &["show", "TRK-2"]);
        assert!(
            show.ok().contains("cycle:     TRK-2 → TRK-1 → TRK-2"),
            "{show}"
        );
        let contested = net.run(
            dir,
            &["list", "--contested", "--sort", "key", "--format", "json"],
        );
        let contested = contested.json();
        let keys: Vec<&str> = contested["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap())
            .collect();
        assert_eq!(keys, ["TRK-1", "TRK-2"]);
        let run = net.run(dir, &["list", "--query", "is:contested", "--sort", "key"]);
        assert!(
            run.ok().contains("TRK-1") && !run.stdout.contains("TRK-3"),
            "{run}"
        );
        // verify: information, not a problem (exit 0).
        let verify = net.run(dir, &["verify"]);
        assert!(
            verify.ok().contains("Dependency cycles")
                && verify.stdout.contains("TRK-1 → TRK-2 → TRK-1"),
            "{verify}"
        );
        let v = net.run(dir, &["verify", "--format", "json"]).json();
        assert_eq!(
            v["cycles"][0]["keys"],
            serde_json::json!(["TRK-1", "TRK-2"])
        );
    }
    // Any new link touching the cycle is refused, with the cycle and a hint.
    let tip = net.env.git_in(&a, &["rev-parse", "tracker"]);
    let run = net.run(&a, &["depend", "TRK-1", "--on", "TRK-3"]);
    let err = run.bad_input();
    assert!(
        err.contains("TRK-1 is on a dependency cycle made in two clones, TRK-1 → TRK-2 → TRK-1")
            && err.contains("hint: break it with 'git tracker undepend TRK-1 --on TRK-2'"),
        "{run}"
    );
    let run = net.run(&a, &["depend", "TRK-3", "--on", "TRK-2"]);
    assert!(
        run.bad_input().contains("TRK-2 is on a dependency cycle"),
        "{run}"
    );
    assert_eq!(net.env.git_in(&a, &["rev-parse", "tracker"]), tip);
    // Removing one side breaks it; links work again.
    net.run(&a, &["undepend", "TRK-2", "--on", "TRK-1"]).ok();
    let v = net.run(&a, &["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(v["cycle"], serde_json::json!([]));
    net.run(&a, &["depend", "TRK-1", "--on", "TRK-3"]).ok();
    let contested = net
        .run(&a, &["list", "--contested", "--format", "json"])
        .json();
    assert_eq!(contested["tickets"].as_array().unwrap().len(), 0);
    net.run(&a, &["verify"]).ok();
}

/// Concurrent add and remove of one dependency: the add that the remove did not see wins, on
/// every clone.
#[test]
fn an_add_wins_over_a_concurrent_remove() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "One");
    net.new_ticket(&a, "Two");
    net.run(&a, &["depend", "TRK-1", "--on", "TRK-2"]).ok();
    net.sync(&a);
    let b = net.clone("b");
    // a removes it; b removes and adds it again (an add a does not see).
    net.run(&a, &["undepend", "TRK-1", "--on", "TRK-2"]).ok();
    net.run(&b, &["undepend", "TRK-1", "--on", "TRK-2"]).ok();
    net.run(&b, &["depend", "TRK-1", "--on", "TRK-2"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    for dir in [&a, &b] {
        let v = net.run(dir, &["show", "TRK-1", "--format", "json"]).json();
        assert_eq!(v["depends_on"][0]["key"], "TRK-2", "{v}");
    }
}

/// A dependency on a ticket that is not on the branch (only plain git can write one) is
/// `dangling` for `verify`, and shown by its id.
#[test]
fn a_dependency_on_a_missing_ticket_is_dangling() {
    let env = TestEnv::initialized();
    env.new_ticket("One");
    let id = id_of(&env, "TRK-1");
    let missing = "0123456789abcdef0123456789abcdef";
    let event = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
    let path = format!("tickets/{}/{id}/{event}.toml", &id[..2]);
    let text = format!(
        "version = 1\nkind = \"depend\"\non = \"{missing}\"\nlamport = 2\nparents = []\n\
         at = \"2026-01-02T00:00:00Z\"\n\n[author]\nname = \"Ann Author\"\nemail = \"ann@example.com\"\n"
    );
    env.craft(&[(&path, Some(&text))], "by hand");
    let (code, problems) = env.problems();
    assert_eq!(code, 3);
    assert!(
        problems
            .iter()
            .any(|(k, p, m)| k == "dangling" && *p == path && m.contains(missing)),
        "{problems:?}"
    );
    let show = env.run(&["show", "TRK-1"]);
    assert!(show.ok().contains("01234567 (not on the branch)"), "{show}");
    // A ticket that names itself is malformed.
    let own = format!(
        "version = 1\nkind = \"depend\"\non = \"{id}\"\nlamport = 3\nparents = []\n\
         at = \"2026-01-02T00:00:00Z\"\n\n[author]\nname = \"Ann Author\"\nemail = \"ann@example.com\"\n"
    );
    let own_path = format!("tickets/{}/{id}/{}.toml", &id[..2], "f".repeat(32));
    env.craft(&[(&own_path, Some(&own))], "by hand");
    let (_, problems) = env.problems();
    assert!(
        problems
            .iter()
            .any(|(k, p, m)| k == "malformed" && *p == own_path && m.contains("itself")),
        "{problems:?}"
    );
}
