//! R29: saved queries (`git tracker query save|list|delete`, `list --saved NAME`) belong to
//! their person, follow them to every clone, and narrow together with the other options.

use crate::common::TestEnv;
use crate::test_sync::Net;

/// The keys `list` prints as JSON, in order.
fn keys(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "json"];
    all.extend_from_slice(args);
    env.run(&all).json()["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect()
}

/// Five tickets: three about crashes, of which two are assigned to Bob.
fn tracker() -> TestEnv {
    let env = TestEnv::new();
    env.run(&["init", "--developers", "bob@example.com"]).ok();
    env.run(&["new", "crash on start", "--assign", "bob@example.com"])
        .ok(); // TRK-1
    env.new_ticket("slow listing"); // TRK-2
    env.run(&["new", "crash in sync", "--assign", "bob@example.com"])
        .ok(); // TRK-3
    env.new_ticket("crash on exit"); // TRK-4
    env.new_ticket("typo in help"); // TRK-5
    env
}

#[test]
fn saving_listing_and_deleting_write_one_commit_each_and_nothing_twice() {
    let env = tracker();
    let before = env.commits();
    let run = env.run(&["query", "save", "crashes", "crash   sort:-key"]);
    assert_eq!(run.ok(), "");
    // Saved in canonical form.
    assert_eq!(run.stderr, "Saved crashes: crash sort:-key\n");
    assert_eq!(env.commits(), before + 1);
    // The same again writes nothing.
    let run = env.run(&["query", "save", "crashes", "crash sort:-key"]);
    assert_eq!(
        run.stderr,
        "crashes is already crash sort:-key; nothing written.\n"
    );
    assert_eq!(env.commits(), before + 1);
    env.run(&["query", "save", "bobs", "assignee:bob@example.com"])
        .ok();
    assert_eq!(
        env.run(&["query", "list"]).ok(),
        "bobs     assignee:bob@example.com\ncrashes  crash sort:-key\n"
    );
    assert_eq!(
        env.run(&["query", "list", "--format", "json"]).json(),
        serde_json::json!({
            "schema_version": 1,
            "queries": [
                {"name": "bobs", "query": "assignee:bob@example.com"},
                {"name": "crashes", "query": "crash sort:-key"},
            ]
        })
    );
    // Replacing one.
    env.run(&["query", "save", "crashes", "crash -sync"]).ok();
    assert_eq!(
        env.run(&["query", "list"]).ok(),
        "bobs     assignee:bob@example.com\ncrashes  crash -sync\n"
    );
    let run = env.run(&["query", "delete", "bobs"]);
    assert_eq!(run.stderr, "Deleted bobs.\n");
    assert_eq!(env.run(&["query", "list"]).ok(), "crashes  crash -sync\n");
    assert_eq!(env.commits(), before + 4);
    // The branch holds one event file per change, in the person's own directory.
    let files = env.git(&["ls-tree", "-r", "--name-only", "tracker", "people"]);
    let lines: Vec<&str> = files.lines().collect();
    assert_eq!(lines.len(), 4, "{files}");
    let id = ann_id(&env);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&format!("people/{id}/")) && l.ends_with(".toml")),
        "{files}"
    );
    // With none left, the listing says how to save one.
    env.run(&["query", "delete", "crashes"]).ok();
    let run = env.run(&["query", "list"]);
    assert_eq!(run.ok(), "");
    assert_eq!(
        run.stderr,
        "You have no saved queries (git tracker query save NAME QUERY).\n"
    );
}

/// The person id of ann@example.com, as plain git computes it (`docs/format.md`, "People").
fn ann_id(env: &TestEnv) -> String {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("printf %s ann@example.com | git hash-object --stdin")
        .current_dir(&env.repo)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn bad_names_queries_and_unknown_names_are_refused_without_a_commit() {
    let env = tracker();
    env.run(&["query", "save", "crashes", "crash"]).ok();
    let before = env.commits();
    for (args, message) in [
        (
            vec!["query", "save", "Crashes", "crash"],
            "error: invalid query name \"Crashes\": use 1 to 64 lower-case letters, digits, '-' or '_'\n",
        ),
        (
            vec!["query", "save", "-x", "crash"],
            "",
        ),
        (
            vec!["query", "save", "ok", "state:nonsense"],
            "error: invalid query: at column 7: invalid state: value \"nonsense\": expected a state name (such as RESOLVING), or in lower case open, closed or all\n",
        ),
        (
            vec!["query", "delete", "nope"],
            "error: you have no saved query \"nope\" (yours: crashes)\nhint: 'git tracker query list' lists your saved queries\n",
        ),
        (
            vec!["list", "--saved", "nope"],
            "error: you have no saved query \"nope\" (yours: crashes)\nhint: 'git tracker query list' lists your saved queries\n",
        ),
    ] {
        let run = env.run(&args);
        let err = run.bad_input();
        if !message.is_empty() {
            assert_eq!(err, message, "{args:?}");
        }
    }
    let long = "q".repeat(65);
    env.run(&["query", "save", &long, "crash"]).bad_input();
    assert_eq!(env.commits(), before);
}

#[test]
fn a_saved_query_narrows_with_the_options_and_its_order_holds_unless_one_is_given() {
    let env = tracker();
    env.run(&["query", "save", "crashes", "crash sort:-key"])
        .ok();
    env.run(&["query", "save", "bobs", "assignee:bob@example.com"])
        .ok();
    // The query alone, in its own order.
    assert_eq!(
        keys(&env, &["--saved", "crashes"]),
        ["TRK-4", "TRK-3", "TRK-1"]
    );
    // Options narrow it further.
    assert_eq!(
        keys(
            &env,
            &["--saved", "crashes", "--assignee", "bob@example.com"]
        ),
        ["TRK-3", "TRK-1"]
    );
    assert_eq!(
        keys(&env, &["--saved", "crashes", "--query", "-sync"]),
        ["TRK-4", "TRK-1"]
    );
    assert_eq!(
        keys(&env, &["--saved", "crashes", "--key", "TRK-1"]),
        ["TRK-1"]
    );
    assert_eq!(
        keys(&env, &["--saved", "crashes", "--limit", "1"]),
        ["TRK-4"]
    );
    // An order given with the options wins.
    assert_eq!(
        keys(&env, &["--saved", "crashes", "--query", "sort:key"]),
        ["TRK-1", "TRK-3", "TRK-4"]
    );
    // A query without an order takes the listing's default (newest first).
    assert_eq!(keys(&env, &["--saved", "bobs"]), ["TRK-3", "TRK-1"]);
    assert_eq!(
        keys(&env, &["--saved", "bobs", "--sort", "key"]),
        ["TRK-1", "TRK-3"]
    );
    // The saved query's state terms and the state options narrow together.
    env.set_user("Bob", "bob@example.com");
    env.run(&["state", "TRK-3", "resolving"]).ok();
    env.set_user("Ann Author", "ann@example.com");
    assert_eq!(
        keys(&env, &["--saved", "crashes", "--state", "resolving"]),
        ["TRK-3"]
    );
}

#[test]
fn saved_queries_are_their_persons_and_follow_them_to_every_clone() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "crash on start");
    net.new_ticket(&a, "slow listing");
    net.run(&a, &["query", "save", "crashes", "crash"]).ok();
    net.sync(&a).ok();
    let b = net.clone("b");
    // The same person in another clone has them after a sync.
    assert_eq!(net.run(&b, &["query", "list"]).ok(), "crashes  crash\n");
    let out = net.run(&b, &["list", "--saved", "crashes", "--format", "json"]);
    let listed = out.json()["tickets"].as_array().unwrap().len();
    assert_eq!(listed, 1, "{out}");
    // Changes made apart in both clones converge.
    net.run(&a, &["query", "save", "slow", "slow"]).ok();
    net.run(&b, &["query", "delete", "crashes"]).ok();
    net.run(&b, &["query", "save", "typos", "typo"]).ok();
    net.sync(&a).ok();
    net.sync(&b).ok();
    net.sync(&a).ok();
    for dir in [&a, &b] {
        assert_eq!(
            net.run(dir, &["query", "list"]).ok(),
            "slow   slow\ntypos  typo\n",
            "{}",
            dir.display()
        );
    }
    // Another person sees none of them, and cannot run them.
    net.env.set_user("Bob", "bob@example.com");
    let run = net.run(&b, &["query", "list"]);
    assert_eq!(run.ok(), "");
    let run = net.run(&b, &["list", "--saved", "slow"]);
    assert_eq!(
        run.bad_input(),
        "error: you have no saved query \"slow\" (yours: none)\nhint: 'git tracker query list' lists your saved queries\n"
    );
}

#[test]
fn verify_names_a_persons_file_written_by_someone_else_or_broken_and_commands_go_on() {
    let env = TestEnv::initialized();
    env.new_ticket("crash on start");
    env.run(&["query", "save", "crashes", "crash"]).ok();
    assert_eq!(env.problem_kinds(), (0, vec![]));
    let id = ann_id(&env);
    // Bob, with push access, writes into Ann's directory a file claiming to be hers, and a
    // file that is not an event at all.
    env.set_user("Bob", "bob@example.com");
    let forged = format!("people/{id}/0123456789abcdef0123456789abcdef.toml");
    let broken = format!("people/{id}/fedcba9876543210fedcba9876543210.toml");
    let content = "version = 1\nkind = \"query\"\nname = \"crashes\"\nquery = \"nothing\"\n\
                   lamport = 9\nat = \"2026-01-01T00:00:00Z\"\n\n[author]\nname = \"Ann\"\n\
                   email = \"ann@example.com\"\n";
    env.craft(
        &[
            (forged.as_str(), Some(content)),
            (broken.as_str(), Some("kind = [")),
            ("people/not-a-person/x.toml", Some("")),
        ],
        "bob writes into ann's directory",
    );
    let (code, mut problems) = env.problem_kinds();
    problems.sort();
    assert_eq!(code, 3);
    assert_eq!(
        problems,
        [
            ("forged-author".to_owned(), forged.clone()),
            ("forged-author".to_owned(), broken.clone()),
            ("malformed".to_owned(), broken.clone()),
            ("malformed".to_owned(), "people/not-a-person".to_owned()),
        ]
    );
    // Ann's commands warn about the broken file and go on.
    env.set_user("Ann Author", "ann@example.com");
    let run = env.run(&["query", "list"]);
    assert!(
        run.stderr.starts_with(&format!("warning: {broken}: ")),
        "{run}"
    );
    // The forged file is well formed, so it is read: verify is what names it.
    assert_eq!(run.ok(), "crashes  nothing\n");
}
