//! Issue 8: rules nobody can lift, no act on the wrong ticket, no flag that does nothing.
//! Each test reproduces one finding of the outside review on the behaviour before the fix.

use serde_json::Value;

use crate::common::{Run, TestEnv};
use crate::test_sync::Net;

/// Asserts exit 2 and that the branch did not move.
#[track_caller]
fn refused(env: &TestEnv, args: &[&str]) -> String {
    let before = env.tip();
    let run = env.run(args);
    let err = run.bad_input().to_owned();
    assert_eq!(env.tip(), before, "{args:?} wrote a commit:\n{run}");
    err
}

/// Finding 1: a plain reporter could lift strict mode with `config set`.
#[test]
fn only_managers_change_a_strict_configuration() {
    let env = TestEnv::new();
    env.run(&["init", "--strict", "--developers", "dev@example.com"])
        .ok();
    // The person who ran init is the first manager.
    assert_eq!(
        env.run(&["config", "get", "roles.manager"]).ok(),
        "ann@example.com\n"
    );
    env.set_user("Rita", "rita@example.com");
    for (key, value) in [
        ("roles.manager", "rita@example.com"),
        ("strict", "false"),
        ("masks.reporter", "posted,resolved,resolving"),
    ] {
        let err = refused(&env, &["config", "set", key, value]);
        assert!(
            err.contains("strict mode: only managers may change the configuration")
                && err.contains("rita@example.com is not one (managers: ann@example.com)"),
            "{err}"
        );
    }
    let file = env.root.path().join("mine.toml");
    std::fs::write(
        &file,
        "version = 1\nname = 'x'\nprefix = 'TRK-'\nstrict = false\n",
    )
    .unwrap();
    let err = refused(&env, &["config", "edit", "--file", file.to_str().unwrap()]);
    assert!(err.contains("only managers"), "{err}");
    // A developer is not a manager either.
    env.set_user("Dev", "dev@example.com");
    refused(&env, &["config", "set", "strict", "false"]);
    // The manager may, but never leave a strict tracker without a manager.
    env.set_user("Ann Author", "ann@example.com");
    let err = refused(&env, &["config", "set", "roles.manager", ""]);
    assert!(err.contains("needs at least one manager"), "{err}");
    env.run(&[
        "config",
        "set",
        "roles.manager",
        "ann@example.com,boss@example.com",
    ])
    .ok();
    env.run(&["config", "set", "strict", "false"]).ok();
    // Relaxed: anyone may change it, as before.
    env.set_user("Rita", "rita@example.com");
    env.run(&["config", "set", "feedback", "thanks"]).ok();
    assert_eq!(
        env.problems(),
        (0, vec![]),
        "the tool wrote nothing forbidden"
    );
}

/// `verify` flags a configuration change made with plain git by a non-manager, judged
/// against the configuration in force before it; a manager's is fine.
#[test]
fn verify_flags_configuration_commits_by_non_managers() {
    let env = TestEnv::new();
    env.run(&["init", "--strict"]).ok();
    let text = env.run(&["config", "show"]).ok().to_owned();
    assert!(text.contains("strict = true"), "{text}");
    let config = |feedback: &str| {
        format!(
            "version = 1\nname = 'repo'\nprefix = 'TRK-'\nstrict = true\nfeedback = '{feedback}'\n\
             [roles]\nmanager = ['ann@example.com']\n"
        )
    };
    // The manager's own hand-made change is allowed.
    env.craft(&[("tracker.toml", Some(&config("by ann")))], "ann's change");
    assert_eq!(env.problems(), (0, vec![]));
    env.set_user("Mallory", "mallory@example.com");
    env.craft(
        &[("tracker.toml", Some(&config("by mallory")))],
        "mallory's change",
    );
    let (code, found) = env.problems();
    assert_eq!(code, 3);
    assert_eq!(found.len(), 1, "{found:?}");
    let (kind, path, message) = &found[0];
    assert_eq!(
        (kind.as_str(), path.as_str()),
        ("forbidden-config", "tracker.toml")
    );
    assert!(
        message.contains("mallory@example.com is not one (managers: ann@example.com)"),
        "{message}"
    );
    // Deleting the file is a change too.
    env.craft(&[("tracker.toml", None)], "mallory deletes it");
    let (_, found) = env.problems();
    assert_eq!(
        found.iter().filter(|p| p.0 == "forbidden-config").count(),
        2,
        "{found:?}"
    );
}

/// Finding 2: with a broken tracker.toml, writes went on with the defaults (strict off).
#[test]
fn a_broken_configuration_stops_every_write() {
    let env = TestEnv::new();
    env.run(&["init", "--strict", "--developers", "ann@example.com"])
        .ok();
    env.new_ticket("one");
    let comment = env
        .run(&["comment", "TRK-1", "-m", "hello"])
        .ok()
        .trim()
        .to_owned();
    env.craft(
        &[("tracker.toml", Some("version = 1\nname = [\n"))],
        "break it",
    );
    for args in [
        &["new", "two"][..],
        &["state", "TRK-1", "resolving"],
        &["comment", "TRK-1", "-m", "x"],
        &["comment", "edit", "TRK-1", &comment, "-m", "y"],
        &["comment", "delete", "TRK-1", &comment],
        &["assign", "TRK-1", "--me"],
        &["watch", "TRK-1", "x@example.com"],
        &["unwatch", "TRK-1"],
        &["edit", "TRK-1", "--title", "renamed"],
        &["config", "set", "feedback", "x"],
    ] {
        let err = refused(&env, args);
        assert!(
            err.contains("error: tracker.toml: ") && err.contains("at byte"),
            "{args:?}: {err}"
        );
    }
    // Reads go on, with a warning.
    let list = env.run(&["list"]);
    assert!(list.ok().contains("one"), "{list}");
    assert!(list.stderr.contains("warning: tracker.toml: "), "{list}");
    // verify reports it.
    let (code, found) = env.problems();
    assert_eq!(code, 3);
    assert!(
        found
            .iter()
            .any(|p| p.0 == "malformed" && p.1 == "tracker.toml"),
        "{found:?}"
    );
    // Only a manager of the last readable configuration may repair it.
    let good = env.root.path().join("good.toml");
    std::fs::write(
        &good,
        "version = 1\nname = 'fixed'\nprefix = 'TRK-'\nstrict = true\n[roles]\nmanager = ['ann@example.com']\ndeveloper = ['ann@example.com']\n",
    )
    .unwrap();
    env.set_user("Rita", "rita@example.com");
    let err = refused(&env, &["config", "edit", "--file", good.to_str().unwrap()]);
    assert!(err.contains("only managers"), "{err}");
    env.set_user("Ann Author", "ann@example.com");
    env.run(&["config", "edit", "--file", good.to_str().unwrap()])
        .ok();
    env.run(&["state", "TRK-1", "resolving"]).ok();
    // A missing tracker.toml stops writes as well.
    env.craft(&[("tracker.toml", None)], "remove it");
    let err = refused(&env, &["new", "three"]);
    assert!(err.contains("tracker.toml: missing"), "{err}");
}

/// Finding 3: support mode shaped only `list` and `show`; `show` with auto-open wrote, then
/// refused.
#[test]
fn the_view_rule_applies_to_every_command() {
    let env = TestEnv::new();
    env.set_user("Admin", "admin@example.com");
    env.run(&[
        "init",
        "--mode",
        "support",
        "--auto-open-on-view",
        "--developers",
        "dev@example.com",
    ])
    .ok();
    env.set_user("Bea", "bea@example.com");
    env.new_ticket("bea's problem");
    let c = env
        .run(&["comment", "TRK-1", "-m", "more"])
        .ok()
        .trim()
        .to_owned();
    env.set_user("Rita", "rita@example.com");
    env.new_ticket("rita's own");
    for args in [
        &["show", "TRK-1"][..],
        &["show", "TRK-1", "--format", "json"],
        &["log", "TRK-1"],
        &["log", "TRK-1", "--format", "json"],
        &["comment", "TRK-1", "-m", "me too"],
        &["comment", "edit", "TRK-1", &c, "-m", "x"],
        &["assign", "TRK-1", "--me"],
        &["edit", "TRK-1", "--title", "mine now"],
        &["state", "TRK-1", "abandonned"],
        &["watch", "TRK-1"],
        &["unwatch", "TRK-1"],
    ] {
        let err = refused(&env, args);
        assert!(
            err.contains("TRK-1 is not shown to you in support mode"),
            "{args:?}: {err}"
        );
    }
    // An id prefix does not get around it.
    let id = {
        env.set_user("Bea", "bea@example.com");
        env.log_json("TRK-1")["id"].as_str().unwrap().to_owned()
    };
    env.set_user("Rita", "rita@example.com");
    refused(&env, &["show", &id[..8]]);
    // Reports count only what Rita may see.
    let states = env.run(&["report", "states", "--format", "json"]).json();
    assert_eq!(states["total"], 1, "{states}");
    // The assignee without a role may not see it in support mode: `show` (auto-open on view
    // is on, and the assignee is entitled to it) used to move it to OPEN, then refuse.
    env.set_user("Bea", "bea@example.com");
    env.new_ticket("second");
    env.run(&["assign", "TRK-3", "cid@example.com"]).ok();
    env.set_user("Cid", "cid@example.com");
    let err = refused(&env, &["show", "TRK-3"]);
    assert!(err.contains("not shown to you"), "{err}");
    env.set_user("Bea", "bea@example.com");
    assert_eq!(
        env.run(&["show", "TRK-3", "--format", "json"]).json()["state"],
        "POSTED"
    );
}

/// Finding 4: a CI job captured TRK-1, a sync renumbered its ticket TRK-2, and
/// `state TRK-1 resolved` closed the colleague's ticket.
#[test]
fn a_renumbered_key_is_never_applied_to_another_ticket() {
    let net = Net::new();
    let ci = net.clone("ci");
    let colleague = net.clone("colleague");
    let run = net.run(&ci, &["new", "nightly build failed"]);
    assert_eq!(run.ok(), "TRK-1\n");
    assert!(
        run.stderr
            .contains("Created ~TRK-1 (provisional until sync)"),
        "{run}"
    );
    net.new_ticket(&colleague, "colleague's ticket");
    net.sync(&colleague);
    let synced = net.sync(&ci);
    assert!(synced.stderr.contains("TRK-1 is now TRK-2"), "{synced}");
    let before = net.env.git_in(&ci, &["rev-parse", "tracker"]);
    let run = net.run(&ci, &["state", "TRK-1", "resolved"]);
    let err = run.bad_input();
    assert!(
        err.contains("TRK-1 was renumbered TRK-2 by a sync in this clone")
            && err.contains("TRK-1 now names another ticket"),
        "{run}"
    );
    assert!(err.contains("hint: use TRK-2 for your ticket"), "{run}");
    assert_eq!(net.env.git_in(&ci, &["rev-parse", "tracker"]), before);
    // Reads say so and go on (`show` too when viewing may open a ticket).
    net.run(&ci, &["config", "set", "auto_open_on_view", "true"])
        .ok();
    let show = net.run(&ci, &["show", "TRK-1", "--format", "json"]);
    assert_eq!(show.json()["title"], "colleague's ticket");
    assert!(
        show.stderr
            .contains("TRK-1 was renumbered TRK-2 by a sync in this clone"),
        "{show}"
    );
    net.run(&ci, &["state", "TRK-2", "resolved"]).ok();
    let list = net.list(&ci);
    let states: Vec<(&str, &str)> = list["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["key"].as_str().unwrap(), t["state"].as_str().unwrap()))
        .collect();
    assert_eq!(states, [("TRK-1", "POSTED"), ("TRK-2", "RESOLVED")]);
}

fn keys(run: &Run) -> Vec<String> {
    run.json()["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect()
}

/// Finding 5: `list --contested` was never read and listed every ticket.
#[test]
fn list_contested_keeps_only_contested_tickets() {
    let net = Net::new();
    let a = net.env.repo.clone();
    for t in ["calm", "disputed", "also calm"] {
        net.new_ticket(&a, t);
    }
    net.sync(&a);
    let b = net.clone("b");
    net.run(&a, &["state", "TRK-2", "resolving"]).ok();
    net.run(&b, &["state", "TRK-2", "waiting"]).ok();
    net.run(&a, &["comment", "TRK-1", "-m", "no conflict here"])
        .ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    let all = net.run(&a, &["list", "--all", "--sort", "key", "--format", "json"]);
    assert_eq!(keys(&all), ["TRK-1", "TRK-2", "TRK-3"]);
    let contested = net.run(
        &a,
        &["list", "--contested", "--sort", "key", "--format", "json"],
    );
    assert_eq!(keys(&contested), ["TRK-2"]);
    // verify lists it as information, not as a problem.
    let run = net.run(&a, &["verify", "--format", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let v = run.json();
    assert_eq!(v["problems"], serde_json::json!([]));
    assert_eq!(v["contested"][0]["key"], "TRK-2");
    assert_eq!(v["contested"][0]["fields"], serde_json::json!(["state"]));
    assert_eq!(v["contested"].as_array().unwrap().len(), 1);
    let table = net.run(&a, &["verify"]);
    assert!(
        table
            .ok()
            .contains("Contested tickets (information, not problems")
            && table.stdout.contains("TRK-2  state  tickets/"),
        "{table}"
    );
}

/// Finding 6: private field values leaked through `log` (text and JSON). Every output a
/// reporter can ask for is searched whole for the value.
#[test]
fn private_values_never_reach_a_reporter() {
    let env = TestEnv::new();
    env.set_user("Boss", "boss@example.com");
    env.run(&[
        "init",
        "--set",
        "fields.secret.type=text",
        "--set",
        "fields.secret.private=true",
        "--set",
        "fields.secret.listable=true",
        "--set",
        "fields.note.type=text",
    ])
    .ok();
    env.set_user("Rita", "rita@example.com");
    env.new_ticket("public");
    env.set_user("Boss", "boss@example.com");
    env.run(&[
        "new",
        "with secret",
        "--field",
        "secret=TOPSECRET-1",
        "--field",
        "note=visible",
    ])
    .ok();
    env.run(&["edit", "TRK-1", "--field", "secret=TOPSECRET-2"])
        .ok();
    env.run(&["edit", "TRK-2", "--field", "secret="]).ok();
    let seen_by = |who: (&str, &str)| -> String {
        env.set_user(who.0, who.1);
        let mut all = String::new();
        let mut runs: Vec<Vec<&str>> = vec![
            vec!["list", "--all"],
            vec!["list", "--all", "--format", "json"],
            vec!["verify", "--format", "json"],
        ];
        for key in ["TRK-1", "TRK-2"] {
            for cmd in ["show", "log"] {
                runs.push(vec![cmd, key]);
                runs.push(vec![cmd, key, "--format", "json"]);
            }
        }
        for kind in ["states", "people", "trend", "delays", "all"] {
            for format in ["table", "json", "csv", "md", "html"] {
                runs.push(vec!["report", kind, "--format", format]);
            }
        }
        for args in &runs {
            let run = env.run(args);
            assert!(run.code == 0 || args[0] == "verify", "{args:?}: {run}");
            all += &run.to_string();
        }
        all
    };
    let rita = seen_by(("Rita", "rita@example.com"));
    assert!(
        !rita.contains("TOPSECRET"),
        "a private value reached a reporter"
    );
    assert!(rita.contains("visible"), "public fields are still shown");
    assert!(
        rita.contains("changed secret (private)"),
        "log says a private field changed"
    );
    let boss = seen_by(("Boss", "boss@example.com"));
    assert!(boss.contains("TOPSECRET-1") && boss.contains("TOPSECRET-2"));
    // Sorting by it is no way round: it is not a column for her.
    env.set_user("Rita", "rita@example.com");
    env.run(&["list", "--sort", "secret"]).bad_input();
}

/// Finding 8: verify named a top-level directory rather than the offending file.
#[test]
fn verify_names_every_foreign_file() {
    let env = TestEnv::initialized();
    env.new_ticket("one");
    env.craft(
        &[
            ("garbage/broken.toml", Some("x = [")),
            ("garbage/sub/deeper.txt", Some("y")),
            ("notes.txt", Some("z")),
        ],
        "foreign files",
    );
    let (code, found) = env.problems();
    assert_eq!(code, 3);
    let paths: Vec<&str> = found.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        paths,
        ["garbage/broken.toml", "garbage/sub/deeper.txt", "notes.txt"]
    );
}

/// Runs `tests/reader/config_rule.py` on `repo`: the commits it finds forbidden.
fn independent_config_rule(repo: &std::path::Path) -> Vec<String> {
    crate::common::reader("config_rule.py", repo, &[])["forbidden"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap()[..12].to_owned())
        .collect()
}

/// The independent reader, written from docs/format.md, and `verify` agree on which commits
/// of a generated history changed the configuration without the right to: random authors
/// (managers or not), strict mode switched on and off, managers changed, broken and deleted
/// files, and side branches merged back.
#[test]
fn an_independent_reader_agrees_on_forbidden_config_commits() {
    let people = [
        ("Ann", "ann@example.com"),
        ("Boss", "Boss@Example.com"),
        ("Rita", "rita@example.com"),
        ("Mallory", "mallory@example.com"),
    ];
    for seed in [1u64, 7, 42] {
        let env = TestEnv::new();
        env.run(&["init"]).ok();
        let work = env.root.path().join("work");
        env.git_in(
            env.root.path(),
            &[
                "clone",
                "-q",
                "-b",
                "tracker",
                env.repo.to_str().unwrap(),
                "work",
            ],
        );
        let mut state = seed;
        let mut rand = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        let config = |strict: bool, managers: &[&str], n: u64| {
            let list: Vec<String> = managers.iter().map(|m| format!("'{m}'")).collect();
            format!(
                "version = 1\nname = 'gen'\nprefix = 'TRK-'\nstrict = {strict}\nfeedback = 'step {n}'\n\
                 [roles]\nmanager = [{}]\n",
                list.join(", ")
            )
        };
        let commit = |env: &TestEnv, msg: &str| {
            env.git_in(&work, &["add", "-A"]);
            env.git_in(&work, &["commit", "-q", "--allow-empty", "-m", msg]);
        };
        for step in 0..30u64 {
            let (name, email) = people[rand(4) as usize];
            env.set_user(name, email);
            let path = work.join("tracker.toml");
            match rand(10) {
                0 => std::fs::write(&path, "version = 1\nname = [\n").unwrap(),
                1 if path.exists() => std::fs::remove_file(&path).unwrap(),
                2 => {
                    // A side branch changes the configuration; the main line does something
                    // else; the merge takes the side's file.
                    env.git_in(&work, &["checkout", "-q", "-b", &format!("side{step}")]);
                    let (n2, e2) = people[rand(4) as usize];
                    env.set_user(n2, e2);
                    std::fs::write(&path, config(rand(2) == 0, &[e2], step)).unwrap();
                    commit(&env, "side change");
                    env.git_in(&work, &["checkout", "-q", "tracker"]);
                    std::fs::write(work.join(format!("note{step}.txt")), "x").unwrap();
                    commit(&env, "main line");
                    env.git_in(
                        &work,
                        &[
                            "merge",
                            "-q",
                            "--no-ff",
                            "-m",
                            "merge",
                            &format!("side{step}"),
                        ],
                    );
                    continue;
                }
                _ => {
                    let mut managers: Vec<&str> = people
                        .iter()
                        .map(|p| p.1)
                        .filter(|_| rand(3) == 0)
                        .collect();
                    if managers.is_empty() && rand(2) == 0 {
                        managers.push("ann@example.com");
                    }
                    std::fs::write(&path, config(rand(3) != 0, &managers, step)).unwrap();
                }
            }
            commit(&env, &format!("step {step}"));
        }
        env.git_in(&work, &["push", "-q", "-f", "origin", "tracker"]);
        let run = env.run(&["verify", "--format", "json"]);
        let v: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run}"));
        let mut tool: Vec<String> = v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] == "forbidden-config")
            .map(|p| {
                let m = p["message"].as_str().unwrap();
                m["commit ".len().."commit ".len() + 12].to_owned()
            })
            .collect();
        let mut reader = independent_config_rule(&env.repo);
        assert!(
            !reader.is_empty(),
            "seed {seed}: the history has forged commits"
        );
        tool.sort();
        reader.sort();
        assert_eq!(tool, reader, "seed {seed}");
    }
}
