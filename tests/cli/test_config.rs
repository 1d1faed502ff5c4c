//! Issue 4: configuration on the branch, modes, roles and strict mode, switches.

use crate::common::TestEnv;

fn get(env: &TestEnv, key: &str) -> String {
    env.run(&["config", "get", key]).ok().trim_end().to_owned()
}

/// `config set` validates, writes one commit, and `get`/`show` read it back; an invalid value
/// writes nothing.
#[test]
fn config_set_get_show() {
    let env = TestEnv::initialized();
    let n = env.commits();
    env.run(&[
        "config",
        "set",
        "roles.developer",
        "dev@example.com, Dev2@example.com",
    ])
    .ok();
    env.run(&[
        "config",
        "set",
        "feedback",
        "Thanks! We answer within a day.",
    ])
    .ok();
    env.run(&["config", "set", "fields.severity.type", "choice"])
        .ok();
    env.run(&["config", "set", "fields.severity.choices", "low,high"])
        .ok();
    assert_eq!(env.commits(), n + 4);
    assert_eq!(
        get(&env, "roles.developer"),
        "dev@example.com,Dev2@example.com"
    );
    assert_eq!(get(&env, "fields.severity.choices"), "low,high");
    let show = env.run(&["config", "show"]);
    assert!(
        show.ok()
            .contains("feedback = Thanks! We answer within a day."),
        "{show}"
    );
    let json = env.run(&["config", "show", "--format", "json"]).json();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["roles"]["developer"][0], "dev@example.com");
    assert_eq!(json["fields"]["severity"]["type"], "choice");
    // The file is merge-friendly: one value per line.
    let file = env.git(&["show", "tracker:tracker.toml"]);
    assert!(
        file.contains("developer = [\n  \"dev@example.com\",\n  \"Dev2@example.com\",\n]"),
        "{file}"
    );
    // Setting the same value again writes nothing.
    let again = env.run(&[
        "config",
        "set",
        "feedback",
        "Thanks! We answer within a day.",
    ]);
    assert!(again.stderr.contains("nothing written"), "{again}");
    let tip = env.tip();
    for (k, v) in [
        ("strict", "maybe"),
        ("mode", "chaos"),
        ("states", "open"),
        ("roles.developer", "not-an-email"),
        ("nosuch", "x"),
        ("prefix", "9x"),
        ("fields.Severity.type", "text"),
    ] {
        let run = env.run(&["config", "set", k, v]);
        let stderr = run.bad_input();
        assert!(
            stderr.contains(v) || stderr.contains(k) || stderr.contains("Severity"),
            "{run}"
        );
        assert_eq!(env.tip(), tip, "config set {k} {v} wrote something");
    }
    env.run(&["config", "get", "nosuch"]).bad_input();
}

/// `config edit` without a terminal refuses; with one, an invalid file writes nothing and a
/// valid one is committed.
#[test]
fn config_edit_validates_before_writing() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::initialized();
    env.run(&["config", "edit"]).bad_input();
    let editor = env.root.path().join("editor");
    let write_editor = |replacement: &str| {
        std::fs::write(
            &editor,
            format!("#!/bin/sh\nsed -i 's/^strict = false/{replacement}/' \"$1\"\n"),
        )
        .unwrap();
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    let edit = |env: &TestEnv| {
        let line = format!("{} config edit", crate::common::BIN);
        env.base_command("script", &env.repo)
            .args(["-qec", &line, "/dev/null"])
            .env("EDITOR", &editor)
            .env("GIT_TRACKER_NOW", env.tick())
            .output()
            .unwrap()
    };
    let tip = env.tip();
    write_editor("strict = perhaps");
    let out = edit(&env);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("not valid"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(env.tip(), tip);
    write_editor("strict = true");
    assert!(edit(&env).status.success());
    assert_eq!(get(&env, "strict"), "true");
    assert_eq!(env.commits(), 2);
}

/// Support modes preset their states (R31).
#[test]
fn modes_preset_states() {
    for (mode, states) in [
        ("defects", "POSTED,OPEN,RESOLVING,WAITING,TESTING,VALIDATED,PUBLISHED,RESOLVED,ABANDONNED,TRANSFERED"),
        ("support", "POSTED,OPEN,RESOLVING,WAITING,VALIDATED,RESOLVED,ABANDONNED"),
        ("tasks", "POSTED,OPEN,WAITING,RESOLVED,ABANDONNED"),
    ] {
        let env = TestEnv::new();
        env.run(&["init", "--mode", mode]).ok();
        assert_eq!(get(&env, "mode"), mode);
        assert_eq!(get(&env, "states"), states);
        env.new_ticket("t");
        if mode == "tasks" {
            let run = env.run(&["state", "TRK-1", "testing"]);
            assert!(run.bad_input().contains("not enabled"), "{run}");
        }
    }
}

/// R12: in strict mode each role may set only its mask's states; every refusal names the
/// roles and lists the allowed states, and writes nothing.
#[test]
fn strict_mode_matrix() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--strict",
        "--developers",
        "dev@example.com",
        "--resolvers",
        "res@example.com",
        "--managers",
        "boss@example.com",
        // R10: TRANSFERED is enabled only where a transfer target exists.
        "--set",
        "parent=up",
    ])
    .ok();
    let all = [
        "POSTED",
        "OPEN",
        "RESOLVING",
        "WAITING",
        "TESTING",
        "VALIDATED",
        "PUBLISHED",
        "RESOLVED",
        "ABANDONNED",
        "TRANSFERED",
    ];
    let masks: [(&str, &str, &[&str]); 4] = [
        (
            "Rita Reporter",
            "rita@example.com",
            &["POSTED", "VALIDATED"],
        ),
        (
            "Dev",
            "dev@example.com",
            &[
                "OPEN",
                "RESOLVING",
                "WAITING",
                "ABANDONNED",
                "POSTED",
                "VALIDATED",
            ],
        ),
        (
            "Res",
            "res@example.com",
            &[
                "RESOLVED",
                "VALIDATED",
                "ABANDONNED",
                "TRANSFERED",
                "POSTED",
            ],
        ),
        (
            "Boss",
            "boss@example.com",
            &[
                "POSTED",
                "RESOLVING",
                "WAITING",
                "ABANDONNED",
                "TESTING",
                "PUBLISHED",
                "VALIDATED",
            ],
        ),
    ];
    for (name, email, allowed) in masks {
        env.set_user(name, email);
        for target in all {
            // A fresh ticket in WAITING (so that POSTED is a real move), made by a manager.
            env.set_user("Boss", "boss@example.com");
            let key = env.new_ticket("t");
            env.run(&["state", &key, "waiting"]).ok();
            env.set_user(name, email);
            let tip = env.tip();
            let run = env.run(&["state", &key, target]);
            if target == "WAITING" {
                // Already there: nothing changes, whatever the role (R62).
                assert_eq!(run.code, 0, "{run}");
                assert_eq!(env.tip(), tip);
                continue;
            }
            if allowed.contains(&target) {
                assert_eq!(run.code, 0, "{email} should set {target}:\n{run}");
            } else {
                let stderr = run.bad_input();
                assert!(
                    stderr.contains("strict mode: your roles (reporter"),
                    "{run}"
                );
                assert!(stderr.contains(&format!("may not set {target}")), "{run}");
                assert!(stderr.contains("hint: allowed states:"), "{run}");
                assert_eq!(env.tip(), tip);
            }
        }
    }
}

/// R21, R27, comments switch, R15 on view.
#[test]
fn default_assignee_feedback_comments_switch_and_open_on_view() {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--default-assignee",
        "triage@example.com",
        "--feedback",
        "Thanks, we will look at it.",
        "--developers",
        "dev@example.com",
        "--auto-open-on-view",
        "--no-comments",
    ])
    .ok();
    let run = env.run(&["new", "crash"]);
    assert!(run.stderr.contains("Thanks, we will look at it."), "{run}");
    let t = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(t["assignee"]["email"], "triage@example.com");
    assert_eq!(
        t["state"], "POSTED",
        "the reporter viewing it does not open it"
    );
    let tip = env.tip();
    let run = env.run(&["comment", "TRK-1", "-m", "hello"]);
    assert!(run.bad_input().contains("comments are disabled"), "{run}");
    assert_eq!(env.tip(), tip);
    env.set_user("Visitor", "visitor@example.com");
    env.run(&["show", "TRK-1"]).ok();
    assert_eq!(
        env.tip(),
        tip,
        "someone without a role viewing it does not open it"
    );
    env.set_user("Dev", "dev@example.com");
    let run = env.run(&["show", "TRK-1", "--format", "json"]);
    assert_eq!(run.json()["state"], "OPEN", "{run}");
    let log = env.run(&["log", "TRK-1", "--format", "json"]).json();
    assert_eq!(log["events"][1]["automatic"], true);
}

/// `init` without a terminal never waits; on a terminal with no options it asks.
#[test]
fn init_wizard_on_a_terminal() {
    let env = TestEnv::new();
    let line = format!("{} init", crate::common::BIN);
    // Answers: name, description, prefix, mode (Enter: defects), strict (a key, no Enter),
    // developers, managers, default assignee, feedback.
    let answers = [
        "Bugs\n",
        "Customer defects\n",
        "BUG-\n",
        "\n",
        "y",
        "dev@example.com\n",
        "\n",
        "\n",
        "Thanks!\n",
    ];
    let mut child = env
        .base_command("script", &env.repo)
        .args(["-qec", &line, "/dev/null"])
        .env("GIT_TRACKER_NOW", env.tick())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        for answer in answers {
            std::thread::sleep(std::time::Duration::from_millis(200));
            stdin.write_all(answer.as_bytes()).unwrap();
            stdin.flush().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(get(&env, "name"), "Bugs");
    assert_eq!(get(&env, "prefix"), "BUG-");
    assert_eq!(get(&env, "strict"), "true");
    assert_eq!(get(&env, "roles.developer"), "dev@example.com");
    assert_eq!(get(&env, "feedback"), "Thanks!");
    // No terminal: no questions, defaults, done at once.
    let env2 = TestEnv::new();
    let run = env2.run(&["init"]);
    run.ok();
    assert_eq!(get(&env2, "mode"), "defects");
}

fn with_fields() -> TestEnv {
    let env = TestEnv::new();
    // The manager sets the tracker up; Ann (no role) files tickets.
    env.set_user("Boss", "boss@example.com");
    env.run(&[
        "init",
        "--managers",
        "boss@example.com",
        "--set",
        "fields.note.type=text",
        "--set",
        "fields.details.type=long-text",
        "--set",
        "fields.severity.type=choice",
        "--set",
        "fields.severity.choices=low,high",
        "--set",
        "fields.severity.mandatory=true",
        "--set",
        "fields.severity.listable=true",
        "--set",
        "fields.os.type=multi-choice",
        "--set",
        "fields.os.choices=linux,mac,windows",
        "--set",
        "fields.regression.type=checkbox",
        "--set",
        "fields.cost.type=number",
        "--set",
        "fields.cost.listable=true",
        "--set",
        "fields.due.type=date",
        "--set",
        "fields.owner.type=user",
        "--set",
        "fields.internal.type=text",
        "--set",
        "fields.internal.private=true",
        "--set",
        "fields.internal.listable=true",
    ])
    .ok();
    env.set_user("Ann Author", "ann@example.com");
    env
}

/// R26: each type accepts a valid value and refuses an invalid one (exit 2, no commit); a
/// missing mandatory field is refused.
#[test]
fn custom_fields_are_validated_on_every_write() {
    let env = with_fields();
    let tip = env.tip();
    let run = env.run(&["new", "no severity"]);
    assert!(
        run.bad_input().contains("field severity is mandatory"),
        "{run}"
    );
    assert_eq!(env.tip(), tip);
    env.run(&["new", "ok", "--field", "severity=high"]).ok();
    let cases = [
        ("note", "one line", "two\nlines"),
        ("details", "two\nlines", "bell\u{7}"),
        ("severity", "low", "medium"),
        ("os", "mac, linux", "linux,beos"),
        ("regression", "yes", "perhaps"),
        ("cost", "12.5", "twelve"),
        ("due", "2026-12-31", "2026-13-01"),
        ("owner", "bob@example.com", "bob"),
        ("nosuchfield", "", "x"),
    ];
    for (field, good, bad) in cases {
        let tip = env.tip();
        let run = env.run(&["edit", "TRK-1", "--field", &format!("{field}={bad}")]);
        let stderr = run.bad_input();
        assert!(stderr.contains(field), "{field}: {run}");
        assert_eq!(env.tip(), tip, "{field}={bad} wrote something");
        let run = env.run(&[
            "new",
            "x",
            "--field",
            "severity=low",
            "--field",
            &format!("{field}={bad}"),
        ]);
        run.bad_input();
        assert_eq!(env.tip(), tip);
        if field != "nosuchfield" {
            env.run(&["edit", "TRK-1", "--field", &format!("{field}={good}")])
                .ok();
        }
    }
    let t = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(
        t["fields"]["os"], "linux,mac",
        "multi-choice values are kept in choice order"
    );
    assert_eq!(t["fields"]["regression"], "true");
    assert_eq!(t["fields"]["due"], "2026-12-31");
    assert_eq!(t["fields"]["severity"], "low");
    let show = env.run(&["show", "TRK-1"]);
    assert!(show.ok().contains("  owner:     bob@example.com"), "{show}");
    // Clearing a mandatory field is refused; clearing another one works.
    env.run(&["edit", "TRK-1", "--field", "severity="])
        .bad_input();
    env.run(&["edit", "TRK-1", "--field", "note="]).ok();
    assert!(
        env.run(&["show", "TRK-1", "--format", "json"]).json()["fields"]
            .get("note")
            .is_none()
    );
}

/// R26: private fields are hidden from reporters and shown to managers; listable fields are
/// columns and sort keys.
#[test]
fn private_and_listable_fields() {
    let env = with_fields();
    env.run(&[
        "new",
        "a",
        "--field",
        "severity=low",
        "--field",
        "cost=30",
        "--field",
        "internal=secret",
    ])
    .ok();
    env.run(&["new", "b", "--field", "severity=high", "--field", "cost=4"])
        .ok();
    env.run(&[
        "new",
        "c",
        "--field",
        "severity=high",
        "--field",
        "cost=100",
    ])
    .ok();
    // The reporter (no role) does not see the private field, anywhere.
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert!(json["fields"].get("internal").is_none(), "{json}");
    let list = env.run(&["list", "--sort", "key"]);
    assert!(
        !list.ok().contains("secret") && !list.stdout.contains("INTERNAL"),
        "{list}"
    );
    assert!(!env.run(&["show", "TRK-1"]).ok().contains("secret"));
    // A manager sees it.
    env.set_user("Boss", "boss@example.com");
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(json["fields"]["internal"], "secret");
    let list = env.run(&["list", "--sort", "key"]);
    let header: Vec<&str> = list
        .ok()
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(&header[8..], ["COST", "INTERNAL", "SEVERITY"]);
    // Sorting by a number field is numeric; by a choice field, by its text.
    let keys = |sort: &str| -> Vec<String> {
        env.run(&["list", "--sort", sort, "--format", "json"])
            .json()["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(keys("cost"), ["TRK-2", "TRK-1", "TRK-3"]);
    assert_eq!(keys("severity"), ["TRK-2", "TRK-3", "TRK-1"]);
    let run = env.run(&["list", "--sort", "colour"]);
    assert!(run.bad_input().contains("unknown sort key"), "{run}");
    assert!(run.stderr.contains("cost, internal, severity"), "{run}");
}

/// R31: in support mode reporters see the tickets they reported; responders see all. In task
/// mode people see their work.
#[test]
fn support_and_task_modes_shape_views() {
    for mode in ["support", "tasks"] {
        let env = TestEnv::new();
        env.set_user("Admin", "admin@example.com");
        env.run(&["init", "--mode", mode, "--developers", "dev@example.com"])
            .ok();
        env.set_user("Ann", "ann@example.com");
        env.new_ticket("ann's");
        env.set_user("Bea", "bea@example.com");
        env.new_ticket("bea's");
        env.set_user("Dev", "dev@example.com");
        env.run(&["assign", "TRK-1", "cid@example.com"]).ok();
        let titles = |env: &TestEnv| -> Vec<String> {
            env.run(&["list", "--all", "--sort", "key", "--format", "json"])
                .json()["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["title"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            titles(&env),
            ["ann's", "bea's"],
            "a developer sees everything"
        );
        env.set_user("Ann", "ann@example.com");
        assert_eq!(titles(&env), ["ann's"]);
        env.run(&["show", "TRK-2"]).bad_input();
        env.set_user("Cid", "cid@example.com");
        let expected: &[&str] = if mode == "tasks" { &["ann's"] } else { &[] };
        assert_eq!(titles(&env), expected, "{mode}: the assignee");
    }
}
