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
                assert_eq!(run.code, 2, "{run}");
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
