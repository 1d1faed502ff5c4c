//! R33 and R22: notification preferences (`git tracker prefs`) start from the tracker's defaults,
//! change with one commit each, belong to their person and follow them to every clone.

use crate::common::TestEnv;
use crate::test_sync::Net;

/// Every kind of change, in the order `prefs` shows them.
const KINDS: [&str; 11] = [
    "open",
    "resolving",
    "waiting",
    "testing",
    "published",
    "resolved",
    "abandonned",
    "validated",
    "transfered",
    "comment",
    "assign",
];

/// Every kind but `except`.
fn all_but(except: &[&str]) -> Vec<&'static str> {
    KINDS.into_iter().filter(|k| !except.contains(k)).collect()
}

/// The `prefs` table with `off` kinds off (the rest on), each `(kind, chosen)` marked as
/// the person's choice.
fn table(off: &[&str], chosen: &[&str]) -> String {
    let mut out = String::from("EVENT       MAIL  SET BY\n");
    for kind in KINDS {
        let mail = if off.contains(&kind) { "off" } else { "on" };
        let by = if chosen.contains(&kind) {
            "you"
        } else {
            "tracker default"
        };
        out.push_str(&format!("{kind:<10}  {mail:<4}  {by}\n"));
    }
    out
}

#[test]
fn preferences_start_from_the_tracker_defaults_and_each_change_is_one_commit() {
    let env = TestEnv::initialized();
    assert_eq!(env.run(&["prefs"]).ok(), table(&[], &[]));
    // The tracker's defaults: only these kinds unless a person says otherwise.
    env.run(&["config", "set", "notify_defaults", "comment, open,resolved"])
        .ok();
    assert_eq!(
        env.run(&["config", "get", "notify_defaults"]).ok(),
        "open,resolved,comment\n"
    );
    let others = all_but(&["open", "resolved", "comment"]);
    assert_eq!(env.run(&["prefs"]).ok(), table(&others, &[]));

    let before = env.commits();
    let run = env.run(&["prefs", "--on", "waiting", "--off", "comment,open"]);
    assert_eq!(run.stderr, "Mail on for waiting; off for open, comment.\n");
    let off: Vec<&str> = others
        .iter()
        .copied()
        .filter(|k| *k != "waiting")
        .chain(["comment", "open"])
        .collect();
    let chosen = ["waiting", "comment", "open"];
    assert_eq!(run.ok(), table(&off, &chosen));
    assert_eq!(env.commits(), before + 1);
    // Saying it again writes nothing; saying half of it again writes only the other half.
    let run = env.run(&["prefs", "--off", "open"]);
    assert_eq!(
        run.stderr,
        "Your preferences already say so; nothing written.\n"
    );
    assert_eq!(env.commits(), before + 1);
    let run = env.run(&["prefs", "--off", "open,assign"]);
    assert_eq!(run.stderr, "Mail off for assign.\n");
    assert_eq!(env.commits(), before + 2);
    // A choice that agrees with the default is still the person's: it stays if the default
    // changes.
    env.run(&["prefs", "--on", "resolved"]).ok();
    env.run(&["config", "set", "notify_defaults", "all"]).ok();
    let json = env.run(&["prefs", "--format", "json"]).json();
    let events = json["events"].as_array().unwrap();
    let row = |kind: &str| events.iter().find(|e| e["event"] == kind).cloned().unwrap();
    assert_eq!(json["email"], "ann@example.com", "{json}");
    assert_eq!(json["notifications"], true);
    assert_eq!(events.len(), 11);
    assert_eq!(
        row("resolved"),
        serde_json::json!({"event": "resolved", "on": true, "chosen": true})
    );
    assert_eq!(
        row("testing"),
        serde_json::json!({"event": "testing", "on": true, "chosen": false})
    );
    assert_eq!(
        row("open"),
        serde_json::json!({"event": "open", "on": false, "chosen": true})
    );
    // The branch holds one prefs file per change, in the person's directory.
    let files = env.git(&["ls-tree", "-r", "--name-only", "tracker", "people"]);
    assert_eq!(files.lines().count(), 3, "{files}");
    let last = files
        .lines()
        .map(|f| env.git(&["show", &format!("tracker:{f}")]))
        .find(|t| t.contains("on = [\"resolved\"]"))
        .unwrap();
    assert!(
        last.starts_with("version = 1\nkind = \"prefs\"\non = [\"resolved\"]\nlamport = 3\n"),
        "{last}"
    );
}

#[test]
fn unknown_kinds_and_contradictions_are_refused_without_a_commit() {
    let env = TestEnv::initialized();
    let before = env.commits();
    let expected = "open, resolving, waiting, testing, published, resolved, abandonned, \
                    validated, transfered, comment or assign";
    for (args, message) in [
        (
            vec!["prefs", "--on", "resolved,closed"],
            format!("error: invalid notification event \"closed\": use {expected}\n"),
        ),
        (
            vec!["prefs", "--off", "comment", "--on", "Comment"],
            "error: \"comment\" cannot be both turned on and turned off\n".to_owned(),
        ),
        (
            vec!["prefs", "--off", "all", "--on", "all"],
            "error: \"open\" cannot be both turned on and turned off\n".to_owned(),
        ),
        (
            vec!["config", "set", "notify_defaults", "open,sleeping"],
            format!(
                "error: invalid notification event \"sleeping\": use {expected}\n\
                 hint: 'git tracker config show' lists the keys and their values\n"
            ),
        ),
    ] {
        assert_eq!(env.run(&args).bad_input(), message, "{args:?}");
    }
    assert_eq!(env.commits(), before);
    // `all` on one side gives way to the kinds named on the other.
    env.run(&["prefs", "--off", "all", "--on", "resolved"]).ok();
    let off = all_but(&["resolved"]);
    assert_eq!(env.run(&["prefs"]).ok(), table(&off, &KINDS));
    // With the tracker's switch off, the table says that nobody gets mail.
    env.run(&["config", "set", "notifications", "false"]).ok();
    let run = env.run(&["prefs"]);
    assert_eq!(run.ok(), table(&off, &KINDS));
    assert_eq!(
        run.stderr,
        "Notifications are off in this tracker: nobody gets mail \
         (git tracker config set notifications true).\n"
    );
}

#[test]
fn preferences_are_their_persons_and_follow_them_to_every_clone() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.run(&a, &["prefs", "--off", "comment"]).ok();
    net.sync(&a).ok();
    let b = net.clone("b");
    assert_eq!(
        net.run(&b, &["prefs"]).ok(),
        table(&["comment"], &["comment"])
    );
    // Changes made apart in both clones merge kind by kind.
    net.run(&a, &["prefs", "--off", "waiting"]).ok();
    net.run(&b, &["prefs", "--on", "comment", "--off", "assign"])
        .ok();
    net.sync(&a).ok();
    net.sync(&b).ok();
    net.sync(&a).ok();
    for dir in [&a, &b] {
        assert_eq!(
            net.run(dir, &["prefs"]).ok(),
            table(&["waiting", "assign"], &["waiting", "assign", "comment"]),
            "{}",
            dir.display()
        );
    }
    // Another person has the tracker's defaults.
    net.env.set_user("Bob", "bob@example.com");
    assert_eq!(net.run(&b, &["prefs"]).ok(), table(&[], &[]));
}

/// The `watchers:` line of `show`.
fn watchers_line(env: &TestEnv, key: &str) -> String {
    env.run(&["show", key])
        .ok()
        .lines()
        .find(|l| l.starts_with("  watchers:"))
        .unwrap()
        .to_owned()
}

#[test]
fn a_watch_takes_a_mask_of_its_own_and_show_prints_it_where_it_differs() {
    let env = TestEnv::initialized();
    env.new_ticket("crash on save"); // TRK-1, watched by Ann, its reporter
    let before = env.commits();
    let run = env.run(&["watch", "TRK-1", "--events", "comment,resolved"]);
    assert_eq!(
        run.stderr,
        "Ann Author <ann@example.com> watches TRK-1, with mail about: resolved, comment.\n"
    );
    run.ok();
    assert_eq!(env.commits(), before + 1);
    // The same mask in another order changes nothing.
    let run = env.run(&["watch", "TRK-1", "--events", "Resolved, comment"]);
    assert_eq!(
        run.stderr,
        "Ann Author <ann@example.com> already watches TRK-1; nothing changed.\n"
    );
    assert_eq!(env.commits(), before + 1);
    env.run(&["watch", "TRK-1", "bob@example.com", "--events", "none"])
        .ok();
    assert_eq!(
        watchers_line(&env, "TRK-1"),
        "  watchers:  Ann Author <ann@example.com> (mail: resolved, comment), \
         bob <bob@example.com> (mail: nothing)"
    );
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(
        json["watch_masks"],
        serde_json::json!({"ann@example.com": ["resolved", "comment"], "bob@example.com": []})
    );
    // When Ann's preferences say the same as her mask, `show` no longer prints it; JSON does.
    env.run(&["prefs", "--off", "all", "--on", "resolved,comment"])
        .ok();
    assert_eq!(
        watchers_line(&env, "TRK-1"),
        "  watchers:  Ann Author <ann@example.com>, bob <bob@example.com> (mail: nothing)"
    );
    assert_eq!(
        env.run(&["show", "TRK-1", "--format", "json"]).json()["watch_masks"]["ann@example.com"],
        serde_json::json!(["resolved", "comment"])
    );
    // A plain watch puts a masked watch back on the preferences; unwatching drops the mask.
    let before = env.commits();
    env.run(&["watch", "TRK-1"]).ok();
    env.run(&["unwatch", "TRK-1", "bob@example.com"]).ok();
    assert_eq!(env.commits(), before + 2);
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert!(json.get("watch_masks").is_none(), "{json}");
    env.run(&["watch", "TRK-1", "bob@example.com"]).ok();
    assert_eq!(
        watchers_line(&env, "TRK-1"),
        "  watchers:  Ann Author <ann@example.com>, bob <bob@example.com>"
    );
    // Bad kinds, and --events on unwatch, are refused without a commit.
    let before = env.commits();
    let run = env.run(&["watch", "TRK-1", "--events", "resolved,closed"]);
    assert!(
        run.bad_input()
            .starts_with("error: invalid notification event \"closed\": use open,"),
        "{run}"
    );
    assert_eq!(
        env.run(&["unwatch", "TRK-1", "--events", "comment"]).code,
        2
    );
    assert_eq!(env.commits(), before);
}

#[test]
fn in_strict_mode_only_managers_add_change_or_remove_someone_elses_watch() {
    let env = TestEnv::initialized();
    env.run(&["config", "set", "roles.manager", "ann@example.com"])
        .ok();
    env.run(&["config", "set", "strict", "true"]).ok();
    env.set_user("Carol", "carol@example.com");
    env.new_ticket("slow listing"); // TRK-1, reported by Carol
    let before = env.commits();
    for args in [
        vec!["watch", "TRK-1", "bob@example.com"],
        vec!["watch", "TRK-1", "ann@example.com", "--events", "comment"],
    ] {
        assert_eq!(
            env.run(&args).bad_input(),
            "error: strict mode: only managers may add or change someone else's watch, and \
             carol@example.com is not one\n",
            "{args:?}"
        );
    }
    assert_eq!(env.commits(), before);
    // Everyone may change their own.
    env.run(&["watch", "TRK-1", "--events", "resolved"]).ok();
    // A manager may change anyone's.
    env.set_user("Ann", "ann@example.com");
    env.run(&["watch", "TRK-1", "bob@example.com", "--events", "resolved"])
        .ok();
    env.set_user("Carol", "carol@example.com");
    assert_eq!(
        env.run(&["unwatch", "TRK-1", "bob@example.com"])
            .bad_input(),
        "error: strict mode: only managers may remove someone else's watch, and \
         carol@example.com is not one\n"
    );
    env.run(&["unwatch", "TRK-1"]).ok();
    assert_eq!(
        watchers_line(&env, "TRK-1"),
        "  watchers:  bob <bob@example.com> (mail: resolved)"
    );
}
