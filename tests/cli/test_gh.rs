//! Issue 12, "gh habits" and "sync tells what arrived": `@me` wherever a person is typed, a
//! bare number for a key, `view`/`create`, `state KEY` alone, `list --watching`, one name per
//! person, and what a `sync` brought. Several people and several tickets everywhere, so that
//! a filter that does nothing is noticed; what people read is checked whole (insta).

use serde_json::Value;

use crate::common::TestEnv;
use crate::test_sync::Net;

const ANN: (&str, &str) = ("Ann Author", "ann@example.com");
const BOB: (&str, &str) = ("Bob Builder", "bob@example.com");
const CAROL: (&str, &str) = ("Carol Chen", "carol@example.com");

fn as_user(env: &TestEnv, who: (&str, &str)) {
    env.set_user(who.0, who.1);
}

/// Three people, five tickets: Ann (the manager) reports TRK-1 and TRK-2 (assigned to Bob),
/// Bob reports TRK-3 and TRK-5 (assigned to Ann), Carol reports TRK-4 and assigns it to
/// herself. The commands run as Ann afterwards.
fn team() -> TestEnv {
    let env = TestEnv::initialized();
    env.new_ticket("Crash on save");
    env.run(&["new", "Slow start", "--assignee", "bob@example.com"])
        .ok();
    as_user(&env, BOB);
    env.new_ticket("Typo in help");
    as_user(&env, CAROL);
    env.run(&["new", "Dark mode", "--assignee", "@me"]).ok();
    as_user(&env, BOB);
    env.run(&["create", "Login fails", "--assign", "ann@example.com"])
        .ok();
    as_user(&env, ANN);
    env
}

/// The keys of a `list --format json`, in its order.
fn keys(v: &Value) -> Vec<String> {
    v["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect()
}

fn list_keys(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--sort", "key", "--format", "json"];
    all.extend(args);
    keys(&env.run(&all).json())
}

#[test]
fn at_me_is_the_person_running_the_command_in_every_filter() {
    let env = team();
    // Ann is assigned TRK-5 only; she reported TRK-1 and TRK-2; she watches those three.
    assert_eq!(list_keys(&env, &["--assignee", "@me"]), ["TRK-5"]);
    assert_eq!(list_keys(&env, &["--assignee", "@ME"]), ["TRK-5"]);
    assert_eq!(list_keys(&env, &["--work"]), ["TRK-5"]);
    assert_eq!(
        list_keys(&env, &["--query", "assignee:@me"]),
        list_keys(&env, &["--query", "assignee:me"])
    );
    assert_eq!(list_keys(&env, &["--query", "assignee:@me"]), ["TRK-5"]);
    assert_eq!(list_keys(&env, &["--reporter", "@me"]), ["TRK-1", "TRK-2"]);
    assert_eq!(
        list_keys(&env, &["--watcher", "@me"]),
        ["TRK-1", "TRK-2", "TRK-5"]
    );
    assert_eq!(
        list_keys(&env, &["--query", "watcher:@me reporter:@me"]),
        ["TRK-1", "TRK-2"]
    );
    // The same options name someone else by email.
    assert_eq!(
        list_keys(&env, &["--assignee", "bob@example.com"]),
        ["TRK-2"]
    );
    // As Carol, @me is Carol.
    as_user(&env, CAROL);
    assert_eq!(list_keys(&env, &["--assignee", "@me"]), ["TRK-4"]);
    assert_eq!(list_keys(&env, &["--reporter", "@me"]), ["TRK-4"]);
    // Reports filter the same way.
    as_user(&env, ANN);
    let report = env
        .run(&["report", "people", "--assignee", "@me", "--format", "json"])
        .json();
    let rows = report["assignees"].as_array().unwrap();
    let emails: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["person"]["email"].as_str())
        .collect();
    assert_eq!(emails, ["ann@example.com"], "{report}");

    // The whole table, as Ann reads it.
    let table = env.run(&["list", "--assignee", "@me"]);
    insta::assert_snapshot!("at_me_list_assignee", table.to_string());

    // Without a git identity, @me is refused (exit 2) and nothing is written.
    let tip = env.tip();
    let mut cmd = env.command_in(&env.repo, &["assign", "3", "@me"]);
    cmd.env_remove("GIT_AUTHOR_EMAIL")
        .env_remove("GIT_COMMITTER_EMAIL");
    let run = crate::common::Run::from(cmd.output().unwrap());
    run.bad_input();
    assert_eq!(env.tip(), tip);
    let mut cmd = env.command_in(&env.repo, &["list", "--assignee", "@me"]);
    cmd.env_remove("GIT_AUTHOR_EMAIL")
        .env_remove("GIT_COMMITTER_EMAIL");
    let run = crate::common::Run::from(cmd.output().unwrap());
    assert!(run.bad_input().contains("git identity"), "{run}");
    // A bare `me` is no email: refused rather than guessed.
    assert!(env
        .run(&["list", "--assignee", "me"])
        .bad_input()
        .contains("\"me\""));
}

#[test]
fn at_me_is_accepted_wherever_a_person_is_written() {
    let env = team();
    // assign, watch, unwatch, new --assignee/--watch: each as Ann.
    as_user(&env, CAROL);
    env.run(&["assign", "3", "@me"]).ok();
    env.run(&["watch", "1", "@me"]).ok();
    env.run(&["new", "Carol's own", "--assignee", "@me", "--watch", "@me"])
        .ok();
    let show = |key: &str| env.run(&["show", key, "--format", "json"]).json();
    assert_eq!(show("TRK-3")["assignee"]["email"], "carol@example.com");
    let watchers = |key: &str| -> Vec<String> {
        show(key)["watchers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["email"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(watchers("TRK-1"), ["ann@example.com", "carol@example.com"]);
    assert_eq!(show("TRK-6")["assignee"]["email"], "carol@example.com");
    env.run(&["unwatch", "1", "@me"]).ok();
    assert_eq!(watchers("TRK-1"), ["ann@example.com"]);
    // The assignee stays what it was for the others.
    assert_eq!(show("TRK-2")["assignee"]["email"], "bob@example.com");

    // Configuration: a role list and the default assignee, written as the email.
    as_user(&env, ANN);
    env.run(&["config", "set", "roles.developer", "bob@example.com,@me"])
        .ok();
    assert_eq!(
        env.run(&["config", "get", "roles.developer"]).ok(),
        "bob@example.com,ann@example.com\n"
    );
    env.run(&["config", "set", "default_assignee", "@me"]).ok();
    assert_eq!(
        env.run(&["config", "get", "default_assignee"]).ok(),
        "ann@example.com\n"
    );
    // A custom field of type user.
    env.run(&["config", "set", "fields.owner.type", "user"])
        .ok();
    env.run(&["new", "Owned", "--field", "owner=@me"]).ok();
    env.run(&["edit", "2", "--field", "owner=@me"]).ok();
    assert_eq!(show("TRK-7")["fields"]["owner"], "ann@example.com");
    assert_eq!(show("TRK-2")["fields"]["owner"], "ann@example.com");
    // Other persons are still checked.
    let tip = env.tip();
    assert!(env
        .run(&["assign", "1", "@you"])
        .bad_input()
        .contains("@you"));
    assert_eq!(env.tip(), tip);
}

#[test]
fn list_watching_lists_the_tickets_i_watch() {
    let env = team();
    // Bob watches TRK-3, TRK-5 (his) and TRK-2 (assigned); he starts watching TRK-4.
    as_user(&env, BOB);
    env.run(&["watch", "4"]).ok();
    assert_eq!(
        list_keys(&env, &["--watching"]),
        ["TRK-2", "TRK-3", "TRK-4", "TRK-5"]
    );
    assert_eq!(
        list_keys(&env, &["--watching"]),
        list_keys(&env, &["--watcher", "bob@example.com"])
    );
    // It narrows the other filters (AND).
    assert_eq!(
        list_keys(&env, &["--watching", "--reporter", "@me"]),
        ["TRK-3", "TRK-5"]
    );
    as_user(&env, CAROL);
    assert_eq!(list_keys(&env, &["--watching"]), ["TRK-4"]);
    let table = env.run(&["list", "--watching", "--sort", "key"]);
    insta::assert_snapshot!("list_watching_carol", table.to_string());
}

/// A bare number is the key with the tracker's prefix, and `view`/`create` are `show`/`new`:
/// one command of each kind (read, write, move, people).
#[test]
fn a_bare_number_and_the_gh_aliases_work_for_every_kind_of_command() {
    let env = team();
    // Reads.
    assert_eq!(
        env.run(&["show", "2"]).ok(),
        env.run(&["show", "TRK-2"]).ok()
    );
    assert_eq!(
        env.run(&["view", "2"]).ok(),
        env.run(&["show", "TRK-2"]).ok()
    );
    assert_eq!(env.run(&["log", "3"]).ok(), env.run(&["log", "TRK-3"]).ok());
    assert_eq!(
        env.run(&["show", "4", "--format", "json"]).json()["key"],
        "TRK-4"
    );
    // Writes: a comment, an edit, an assignment, a watch, moves.
    env.run(&["comment", "3", "-m", "seen"]).ok();
    env.run(&["edit", "3", "--title", "Typo in the help"]).ok();
    env.run(&["assign", "3", "carol@example.com"]).ok();
    env.run(&["watch", "4"]).ok();
    env.run(&["state", "3", "resolving"]).ok();
    env.run(&["close", "1"]).ok();
    env.run(&["reopen", "1"]).ok();
    let three = env.run(&["show", "TRK-3", "--format", "json"]).json();
    assert_eq!(three["title"], "Typo in the help");
    assert_eq!(three["state"], "RESOLVING");
    assert_eq!(three["assignee"]["email"], "carol@example.com");
    assert_eq!(three["comments"][0]["body"], "seen");
    let one = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(one["state"], "OPEN");
    // Nothing else moved: TRK-2 is as it was.
    assert_eq!(
        env.run(&["show", "TRK-2", "--format", "json"]).json()["state"],
        "POSTED"
    );
    // `create` is `new`.
    assert_eq!(env.run(&["create", "Made by create"]).ok(), "TRK-6\n");
    // A number no ticket has says which key it looked for; nothing is written.
    let tip = env.tip();
    let run = env.run(&["comment", "9", "-m", "x"]);
    assert!(
        run.bad_input().contains("unknown ticket \"TRK-9\""),
        "{run}"
    );
    assert_eq!(env.tip(), tip);
    // Help shows the aliases.
    let help = env.run(&["--help"]);
    assert!(help.ok().contains("[alias: create]"), "{help}");
    assert!(help.ok().contains("[alias: view]"), "{help}");
}

#[test]
fn state_without_a_state_lists_the_moves_allowed_next() {
    let env = TestEnv::new();
    env.run(&["init", "--developers", "bob@example.com"]).ok();
    env.new_ticket("Open one");
    env.new_ticket("Finished one");
    env.run(&["state", "2", "resolved"]).ok();
    let tip = env.tip();
    let open = env.run(&["state", "1"]);
    insta::assert_snapshot!("state_next_posted", open.to_string());
    let finished = env.run(&["state", "2"]);
    insta::assert_snapshot!("state_next_resolved", finished.to_string());
    // Nothing was written.
    assert_eq!(env.tip(), tip);
    let json = env.run(&["state", "TRK-2", "--format", "json"]).json();
    assert_eq!(json["key"], "TRK-2");
    assert_eq!(json["state"], "RESOLVED");
    let allowed = json["allowed"].as_array().unwrap();
    let open = allowed.iter().find(|s| s["state"] == "OPEN").unwrap();
    assert_eq!(open["reopen"], true);
    assert_eq!(open["finished"], false);
    let validated = allowed.iter().find(|s| s["state"] == "VALIDATED").unwrap();
    assert_eq!(validated["reopen"], false);
    assert!(allowed.iter().all(|s| s["state"] != "RESOLVED"));

    // In strict mode the roles decide: a reporter may set fewer states than a developer.
    env.run(&["config", "set", "strict", "true"]).ok();
    let states = |who: (&str, &str)| -> Vec<String> {
        as_user(&env, who);
        env.run(&["state", "1", "--format", "json"]).json()["allowed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["state"].as_str().unwrap().to_owned())
            .collect()
    };
    let reporter = states(CAROL);
    let developer = states(BOB);
    assert_eq!(reporter, ["VALIDATED"]);
    assert!(developer.contains(&"RESOLVING".to_owned()), "{developer:?}");
    assert!(!developer.contains(&"RESOLVED".to_owned()), "{developer:?}");
    // Each listed state is a move the command then accepts.
    as_user(&env, BOB);
    env.run(&["state", "1", &developer[0]]).ok();
    // -m and --reopen need a state.
    let run = env.run(&["state", "1", "-m", "why"]);
    assert_eq!(run.code, 2, "{run}");
}

/// One person, several display names: every output shows one of them, the same on every
/// read and after the index is rebuilt, and the independent reader agrees.
#[test]
fn one_name_per_person_everywhere() {
    let env = TestEnv::initialized();
    // Ann files as "Ann Author", then commits as "ann", last as "Ann A. Author"; she assigns
    // Bob under a name he never uses; Bob acts once as "Bob Builder".
    env.new_ticket("Crash on save");
    env.run(&[
        "new",
        "Slow start",
        "--assignee",
        "Robert <bob@example.com>",
    ])
    .ok();
    as_user(&env, ("ann", "ANN@example.com"));
    env.run(&["comment", "1", "-m", "still crashes"]).ok();
    env.new_ticket("Third");
    as_user(&env, BOB);
    env.run(&["comment", "2", "-m", "on it"]).ok();
    as_user(&env, ("Ann A. Author", "ann@example.com"));
    env.run(&["assign", "1", "bob@example.com"]).ok();
    env.run(&["watch", "3", "Zed <zed@example.com>"]).ok();

    // Ann's latest event says "Ann A. Author": every ticket shows that name, the oldest
    // included; Bob wrote as "Bob Builder" (the name Ann gave him is only a mention); Zed
    // never wrote anything: the mention names him.
    let list = env.run(&["list", "--sort", "key"]);
    insta::assert_snapshot!("names_list", list.to_string());
    let show = env.run(&["show", "1"]).ok().to_owned();
    let log = env.run(&["log", "2"]).ok().to_owned();
    let id = |key: &str| {
        env.run(&["show", key, "--format", "json"]).json()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let id1 = id("1");
    let json = env.run(&["show", "1", "--format", "json"]).json();
    let comment = json["comments"][0]["id"].as_str().unwrap()[..8].to_owned();
    insta::assert_snapshot!(
        "names_show",
        show.replace(&id1, "<ID>").replace(&comment, "<COMMENT>")
    );
    insta::assert_snapshot!("names_log", log);
    for (text, stray) in [(&show, "ann <"), (&show, "Ann Author"), (&log, "Robert")] {
        assert!(!text.contains(stray), "{text}");
    }
    // JSON too, keeping each email as written.
    assert_eq!(json["reporter"]["name"], "Ann A. Author");
    assert_eq!(json["comments"][0]["author"]["name"], "Ann A. Author");
    assert_eq!(json["comments"][0]["author"]["email"], "ANN@example.com");
    assert_eq!(json["assignee"]["name"], "Bob Builder");
    let listed = env.run(&["list", "--format", "json"]).json();
    for t in listed["tickets"].as_array().unwrap() {
        assert_eq!(t["reporter"]["name"], "Ann A. Author", "{t}");
    }
    let three = env.run(&["show", "3", "--format", "json"]).json();
    let zed = three["watchers"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(zed["name"], "Zed");
    // The log's JSON is the events as their files have them.
    let raw = env.log_json("TRK-2");
    assert_eq!(raw["events"][0]["assignee"]["name"], "Robert", "{raw}");
    // `assign` with a bare email records the person's one name.
    let assigned = env.log_json("TRK-1");
    let last = assigned["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["assignee"]["name"], "Bob Builder", "{last}");

    // Deterministic: a rebuilt index gives the same names.
    std::fs::remove_file(env.repo.join(".git/tracker/index.sqlite")).unwrap();
    assert_eq!(
        env.run(&["list", "--sort", "key"]).to_string(),
        list.to_string()
    );
    assert_eq!(env.run(&["show", "1"]).ok(), show);
    // The independent reader (docs/format.md, "Names") agrees on every ticket.
    let theirs = crate::test_format::independent_reader(&env.repo);
    for t in theirs["tickets"].as_array().unwrap() {
        let key = t["key"].as_str().unwrap();
        let mut ours = env.run(&["show", key, "--format", "json"]).json();
        let obj = ours.as_object_mut().unwrap();
        for k in ["schema_version", "provisional"] {
            obj.remove(k);
        }
        assert_eq!(&ours, t, "{key}");
    }
}

/// Two clones through a bare remote: Bob's sync tells what arrived for him — new tickets, and
/// changes to the tickets he watches or is assigned — and nothing about the others.
#[test]
fn sync_tells_what_arrived() {
    let net = Net::new();
    let ann = net.env.repo.clone();
    net.new_ticket(&ann, "Crash on save");
    net.new_ticket(&ann, "Slow start");
    net.new_ticket(&ann, "Not Bob's business");
    net.sync(&ann);
    net.env.set_user(BOB.0, BOB.1);
    let bob = net.clone("bob");
    net.run(&bob, &["watch", "1"]).ok();
    net.sync(&bob);
    // Nothing new for Bob yet.
    let quiet = net.run(&bob, &["sync"]);
    assert_eq!(quiet.ok(), "", "{quiet}");

    net.env.set_user(ANN.0, ANN.1);
    net.sync(&ann);
    net.run(&ann, &["comment", "1", "-m", "Still crashes"]).ok();
    net.run(&ann, &["assign", "2", "bob@example.com"]).ok();
    net.run(&ann, &["state", "2", "resolving", "-m", "please"])
        .ok();
    net.run(&ann, &["comment", "3", "-m", "nothing for Bob"])
        .ok();
    net.new_ticket(&ann, "Dark mode");
    net.sync(&ann);

    net.env.set_user(BOB.0, BOB.1);
    let arrived = net.run(&bob, &["sync"]);
    insta::assert_snapshot!("sync_arrived", arrived.to_string());
    assert!(!arrived.stdout.contains("nothing for Bob"), "{arrived}");
    // Once seen, it does not arrive again.
    assert_eq!(net.run(&bob, &["sync"]).ok(), "");

    // JSON: the same list, as data.
    net.env.set_user(ANN.0, ANN.1);
    net.run(&ann, &["comment", "2", "-m", "thanks"]).ok();
    net.run(&ann, &["comment", "3", "-m", "still nothing for Bob"])
        .ok();
    net.sync(&ann);
    net.env.set_user(BOB.0, BOB.1);
    let json = net.run(&bob, &["sync", "--format", "json"]).json();
    let arrived = json["arrived"].as_array().unwrap();
    assert_eq!(arrived.len(), 1, "{json}");
    let a = &arrived[0];
    assert_eq!(a["key"], "TRK-2");
    assert_eq!(a["kind"], "comment");
    assert_eq!(a["new_ticket"], false);
    assert_eq!(a["who"]["email"], "ann@example.com");
    assert_eq!(a["what"], "commented: thanks");
    assert_eq!(a["title"], "Slow start");
    assert!(a["event"].as_str().unwrap().len() == 32);
    // A sync that received nothing has an empty list.
    let json = net.run(&bob, &["sync", "--format", "json"]).json();
    assert_eq!(json["arrived"], serde_json::json!([]));
}
