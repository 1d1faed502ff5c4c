//! R25 (issue 13): priorities — moves in every direction, concurrent moves in two clones,
//! reopened tickets, raise requests by role, the ranked list table, and hostile rank keys.

use std::path::Path;

use serde_json::Value;

use crate::common::TestEnv;
use crate::test_sync::Net;

/// The keys of the ranked tickets of `list --sort priority`, in order, after checking that
/// their positions are 1, 2, 3 … and that the unranked ones come after them.
fn ranked_in(env: &TestEnv, dir: &Path) -> Vec<String> {
    let v = env
        .run_in(
            dir,
            &["list", "--all", "--sort", "priority", "--format", "json"],
        )
        .json();
    let tickets = v["tickets"].as_array().unwrap();
    let mut keys = Vec::new();
    let mut unranked_seen = false;
    for t in tickets {
        match t["priority"].as_u64() {
            Some(p) => {
                assert!(!unranked_seen, "a ranked ticket after an unranked one: {v}");
                assert_eq!(p, keys.len() as u64 + 1, "{v}");
                assert!(t["rank"].is_string(), "{t}");
                keys.push(t["key"].as_str().unwrap().to_owned());
            }
            None => {
                unranked_seen = true;
                assert!(t["rank"].is_null(), "{t}");
            }
        }
    }
    keys
}

fn ranked(env: &TestEnv) -> Vec<String> {
    ranked_in(env, &env.repo)
}

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| format!("TRK-{k}")).collect()
}

/// Five tickets ranked 1 … 5 as they are filed.
fn five() -> TestEnv {
    let env = TestEnv::initialized();
    for i in 1..=5 {
        env.run(&["new", &format!("Ticket {i}"), "--priority", "bottom"])
            .ok();
    }
    assert_eq!(ranked(&env), keys(&["1", "2", "3", "4", "5"]));
    env
}

/// Every move, on five tickets, gives the order expected, and writes one event on the moved
/// ticket only; a move that leaves the ticket where it is (at either end) writes nothing.
#[test]
fn every_move_on_five_tickets_gives_the_expected_order() {
    let env = five();
    let moves: &[(&[&str], &[&str])] = &[
        (&["TRK-3", "--top"], &["3", "1", "2", "4", "5"]),
        (&["TRK-1", "--bottom"], &["3", "2", "4", "5", "1"]),
        (&["TRK-4", "--up"], &["3", "4", "2", "5", "1"]),
        (&["TRK-4", "--down"], &["3", "2", "4", "5", "1"]),
        (&["TRK-5", "--up"], &["3", "2", "5", "4", "1"]),
        (&["TRK-2", "--up"], &["2", "3", "5", "4", "1"]),
        (&["TRK-4", "--down"], &["2", "3", "5", "1", "4"]),
        (&["TRK-4", "--before", "TRK-3"], &["2", "4", "3", "5", "1"]),
        (&["TRK-2", "--before", "TRK-5"], &["4", "3", "2", "5", "1"]),
        (&["TRK-1", "--before", "TRK-4"], &["1", "4", "3", "2", "5"]),
        (&["TRK-1", "--after", "TRK-3"], &["4", "3", "1", "2", "5"]),
        (&["TRK-4", "--after", "TRK-5"], &["3", "1", "2", "5", "4"]),
        (&["TRK-5", "--after", "TRK-3"], &["3", "5", "1", "2", "4"]),
        (&["TRK-4", "--top"], &["4", "3", "5", "1", "2"]),
        (&["TRK-4", "--bottom"], &["3", "5", "1", "2", "4"]),
    ];
    for (args, order) in moves {
        let before = env.commits();
        let mut cmd = vec!["priority"];
        cmd.extend_from_slice(args);
        let run = env.run(&cmd);
        run.ok();
        assert_eq!(ranked(&env), keys(order), "after {args:?}");
        assert_eq!(env.commits(), before + 1, "{args:?}");
        // One file, on the moved ticket.
        let files = env.git(&["diff", "--name-only", "tracker~1", "tracker"]);
        let id = env.run(&["show", args[0], "--format", "json"]).json()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(files.lines().count(), 1, "{args:?}: {files}");
        assert!(files.contains(&id), "{args:?}: {files}");
    }
    // At the ends, and where the ticket already is: nothing written, exit 0, said so.
    let order = keys(&["3", "5", "1", "2", "4"]);
    for (args, said) in [
        (
            &["TRK-3", "--up"][..],
            "TRK-3 is already first (above TRK-5)",
        ),
        (&["TRK-3", "--top"], "TRK-3 is already first"),
        (&["TRK-4", "--down"], "TRK-4 is already last (below TRK-2)"),
        (&["TRK-4", "--bottom"], "TRK-4 is already last"),
        (
            &["TRK-5", "--before", "TRK-1"],
            "TRK-5 is already just before TRK-1",
        ),
        (
            &["TRK-1", "--after", "TRK-5"],
            "TRK-1 is already just after TRK-5",
        ),
    ] {
        let before = env.commits();
        let mut cmd = vec!["priority"];
        cmd.extend_from_slice(args);
        let run = env.run(&cmd);
        run.ok();
        assert!(run.stderr.contains(said), "{args:?}: {run}");
        assert!(run.stderr.contains("nothing changed"), "{run}");
        assert_eq!(env.commits(), before, "{args:?}");
        assert_eq!(ranked(&env), order);
    }
    // The status line says where the ticket went, by its new neighbours.
    let run = env.run(&["priority", "TRK-2", "--up"]);
    assert_eq!(
        run.stderr, "TRK-2 is now between TRK-5 and TRK-1 in the priorities.\n",
        "{run}"
    );
    let run = env.run(&["priority", "TRK-2", "--top"]);
    assert_eq!(
        run.stderr, "TRK-2 is now first in the priorities, above TRK-3.\n",
        "{run}"
    );
    let run = env.run(&["priority", "TRK-2", "--after", "TRK-5"]);
    assert_eq!(
        run.stderr, "TRK-2 is now between TRK-5 and TRK-1 in the priorities.\n",
        "{run}"
    );
    // Refused: no move, two moves, itself as anchor, an unknown anchor (exit 2, no commit).
    let before = env.commits();
    for (args, says) in [
        (&["TRK-2"][..], "required"),
        (&["TRK-2", "--top", "--up"], "cannot be used with"),
        (&["TRK-2", "--before", "TRK-2"], "next to itself"),
        (&["TRK-2", "--after", "TRK-99"], "unknown ticket \"TRK-99\""),
    ] {
        let mut cmd = vec!["priority"];
        cmd.extend_from_slice(args);
        let run = env.run(&cmd);
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stderr.contains(says), "{args:?}: {run}");
    }
    assert_eq!(env.commits(), before);
}

/// A ticket that is not ranked: --top, --bottom, --before and --after rank it; --up and --down
/// are refused; an unranked or finished anchor is refused.
#[test]
fn unranked_tickets_are_ranked_by_top_bottom_before_and_after() {
    let env = TestEnv::initialized();
    for i in 1..=6 {
        env.new_ticket(&format!("Ticket {i}"));
    }
    assert_eq!(ranked(&env), Vec::<String>::new());
    let before = env.commits();
    for (args, says) in [
        (&["TRK-1", "--up"][..], "TRK-1 is not ranked"),
        (&["TRK-1", "--down"], "TRK-1 is not ranked"),
        (&["TRK-1", "--before", "TRK-2"], "TRK-2 is not ranked"),
    ] {
        let mut cmd = vec!["priority"];
        cmd.extend_from_slice(args);
        let err = env.run(&cmd).bad_input().to_owned();
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(env.commits(), before);
    env.run(&["priority", "TRK-1", "--top"]).ok();
    env.run(&["priority", "TRK-2", "--top"]).ok();
    env.run(&["priority", "TRK-3", "--bottom"]).ok();
    env.run(&["priority", "TRK-4", "--before", "TRK-1"]).ok();
    env.run(&["priority", "TRK-5", "--after", "TRK-2"]).ok();
    assert_eq!(ranked(&env), keys(&["2", "5", "4", "1", "3"]));
    // `new --priority`: top, bottom, before:KEY; a bad value is refused before anything.
    env.run(&["new", "Seven", "--priority", "before:TRK-4"])
        .ok();
    env.run(&["new", "Eight", "--priority", "TOP"]).ok();
    assert_eq!(ranked(&env), keys(&["8", "2", "5", "7", "4", "1", "3"]));
    let before = env.commits();
    let err = env
        .run(&["new", "Nine", "--priority", "middle"])
        .bad_input()
        .to_owned();
    assert!(err.contains("top, bottom or before:KEY"), "{err}");
    let err = env
        .run(&["new", "Nine", "--priority", "before:TRK-6"])
        .bad_input()
        .to_owned();
    assert!(err.contains("TRK-6 is not ranked"), "{err}");
    assert_eq!(env.commits(), before);
    // A finished ticket cannot be moved, nor used as an anchor.
    env.run(&["close", "TRK-3"]).ok();
    let before = env.commits();
    let err = env
        .run(&["priority", "TRK-3", "--top"])
        .bad_input()
        .to_owned();
    assert!(err.contains("finished tickets are not ranked"), "{err}");
    let err = env
        .run(&["priority", "TRK-6", "--after", "TRK-3"])
        .bad_input()
        .to_owned();
    assert!(err.contains("TRK-3 is RESOLVED"), "{err}");
    assert_eq!(env.commits(), before);
}

/// A finished ticket leaves the ranking (the others move up); reopened, it comes back at the
/// bottom, in the one commit of the reopening. A ticket that was not ranked stays unranked.
#[test]
fn a_reopened_ticket_comes_back_ranked_at_the_bottom() {
    let env = five();
    env.new_ticket("Never ranked");
    env.run(&["close", "TRK-2"]).ok();
    assert_eq!(ranked(&env), keys(&["1", "3", "4", "5"]));
    let show = env.run(&["show", "TRK-2", "--format", "json"]).json();
    assert_eq!(show["priority"], Value::Null);
    assert_eq!(show["rank"], Value::Null);
    env.run(&["priority", "TRK-1", "--bottom"]).ok();
    assert_eq!(ranked(&env), keys(&["3", "4", "5", "1"]));
    let before = env.commits();
    env.run(&["reopen", "TRK-2"]).ok();
    assert_eq!(env.commits(), before + 1);
    assert_eq!(ranked(&env), keys(&["3", "4", "5", "1", "2"]));
    let log = env.log_json("TRK-2");
    let kinds: Vec<&str> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["create", "priority", "state", "state", "priority"],
        "{log}"
    );
    let last = log["events"].as_array().unwrap().last().unwrap();
    assert_eq!(last["move"], "reopen");
    // The one never ranked comes back unranked; a ticket moved out of the way stays put.
    env.run(&["close", "TRK-6"]).ok();
    env.run(&["reopen", "TRK-6"]).ok();
    assert_eq!(ranked(&env), keys(&["3", "4", "5", "1", "2"]));
    let text = env.run(&["show", "TRK-6"]).ok().to_owned();
    assert!(text.contains("priority:  - (not ranked)"), "{text}");
    // Moving from one finished state to another does not rank it either.
    env.run(&["close", "TRK-3"]).ok();
    env.run(&["state", "TRK-3", "validated"]).ok();
    assert_eq!(ranked(&env), keys(&["4", "5", "1", "2"]));
    env.run(&["reopen", "TRK-3"]).ok();
    assert_eq!(ranked(&env), keys(&["4", "5", "1", "2", "3"]));
    // The index keeps count of the ranked tickets as they come and go, and a rebuilt index
    // counts the same.
    let position =
        |key: &str| env.run(&["show", key, "--format", "json"]).json()["priority"].clone();
    let run = env.run(&["priority", "TRK-3", "--up"]);
    assert_eq!(
        run.stderr, "TRK-3 is now between TRK-1 and TRK-2 in the priorities.\n",
        "{run}"
    );
    // Counted from the bottom (the nearer end): the count must be right.
    assert_eq!(position("TRK-3"), 4);
    std::fs::remove_file(env.repo.join(".git/tracker/index.sqlite")).unwrap();
    let run = env.run(&["priority", "TRK-4", "--bottom"]);
    assert_eq!(
        run.stderr, "TRK-4 is now last in the priorities, below TRK-2.\n",
        "{run}"
    );
    assert_eq!(position("TRK-4"), 5);
    assert_eq!(position("TRK-2"), 4);
    assert_eq!(position("TRK-5"), 1);
    // Verify finds nothing wrong with any of it.
    assert_eq!(env.problems(), (0, vec![]));
}

/// Two clones move different tickets while apart: after syncing, both have the same order,
/// and no ticket but the moved ones changed its key. Two clones that moved the same ticket
/// agree on where it is (the fold's choice) and list it as contested until a later move.
#[test]
fn concurrent_moves_in_two_clones_converge() {
    let net = Net::new();
    let a = net.env.repo.clone();
    for i in 1..=5 {
        net.run(&a, &["new", &format!("Ticket {i}"), "--priority", "bottom"])
            .ok();
    }
    net.sync(&a);
    let b = net.clone("b");
    let rank_of = |dir: &Path, key: &str| {
        net.run(dir, &["show", key, "--format", "json"]).json()["rank"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let rank3 = rank_of(&a, "TRK-3");
    // Apart: a moves TRK-5 to the top and TRK-1 down; b moves TRK-4 up, then TRK-5 up.
    net.run(&a, &["priority", "TRK-5", "--top"]).ok();
    net.run(&a, &["priority", "TRK-1", "--down"]).ok();
    net.env.set_user("Bob", "bob@example.com");
    net.run(&b, &["priority", "TRK-4", "--up"]).ok();
    net.run(&b, &["priority", "TRK-5", "--up"]).ok();
    assert_eq!(ranked_in(&net.env, &a), keys(&["5", "2", "1", "3", "4"]));
    assert_eq!(ranked_in(&net.env, &b), keys(&["1", "2", "4", "5", "3"]));
    net.sync(&b);
    net.env.set_user("Ann Author", "ann@example.com");
    net.sync(&a);
    net.sync(&b);
    let order = ranked_in(&net.env, &a);
    assert_eq!(order, ranked_in(&net.env, &b));
    // TRK-1 after TRK-2 (a's move), TRK-4 before TRK-3 (b's), TRK-3 untouched.
    let at = |k: &str| order.iter().position(|o| o == k).unwrap();
    assert!(at("TRK-2") < at("TRK-1"), "{order:?}");
    assert!(at("TRK-4") < at("TRK-3"), "{order:?}");
    assert_eq!(rank_of(&a, "TRK-3"), rank3);
    // TRK-5, moved in both: the same place on both clones, the one of the last `priority`
    // event in fold order, and contested.
    let log = net.env.log_json("TRK-5");
    let last_rank = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["kind"] == "priority")
        .unwrap()["rank"]
        .clone();
    for dir in [&a, &b] {
        let show = net.run(dir, &["show", "TRK-5", "--format", "json"]).json();
        assert_eq!(show["rank"], last_rank);
        assert_eq!(show["contested"], serde_json::json!(["priority"]));
        let contested = net
            .run(dir, &["list", "--contested", "--format", "json"])
            .json();
        let listed: Vec<&str> = contested["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap())
            .collect();
        assert_eq!(listed, ["TRK-5"]);
    }
    let text = net.run(&a, &["show", "TRK-5"]).ok().to_owned();
    assert!(text.contains("contested: priority"), "{text}");
    // The independent reader computes the same ranks and positions.
    let theirs = crate::test_format::independent_reader(&a);
    for t in theirs["tickets"].as_array().unwrap() {
        let key = t["key"].as_str().unwrap();
        let ours = net.run(&a, &["show", key, "--format", "json"]).json();
        assert_eq!(ours["rank"], t["rank"], "{key}");
        assert_eq!(ours["priority"], t["priority"], "{key}");
    }
    // A later move settles it, even one that leaves it where it is.
    let first = order[0].clone();
    let at_top = first == "TRK-5";
    let before = net.run(&a, &["log", "TRK-5", "--format", "json"]).json()["events"]
        .as_array()
        .unwrap()
        .len();
    net.run(&a, &["priority", "TRK-5", "--top"]).ok();
    let after = net.run(&a, &["log", "TRK-5", "--format", "json"]).json()["events"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after, before + 1, "TRK-5 first already: {at_top}");
    let show = net.run(&a, &["show", "TRK-5", "--format", "json"]).json();
    assert_eq!(show["contested"], serde_json::json!([]));
    // Both clones move other tickets to the top while apart: equal keys, ordered by id,
    // and a move next to one of them still lands next to it.
    net.sync(&a);
    net.sync(&b);
    net.run(&a, &["priority", "TRK-2", "--top"]).ok();
    net.run(&b, &["priority", "TRK-3", "--top"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    assert_eq!(rank_of(&a, "TRK-2"), rank_of(&a, "TRK-3"));
    let order = ranked_in(&net.env, &a);
    assert_eq!(order, ranked_in(&net.env, &b));
    let first = order[0].clone();
    net.run(&a, &["priority", "TRK-4", "--after", &first]).ok();
    let order = ranked_in(&net.env, &a);
    let at = |k: &str| order.iter().position(|o| o == k).unwrap();
    assert!(at(&first) < at("TRK-4"), "{order:?}");
    assert!(at("TRK-4") <= 2, "{order:?}");
    net.run(&a, &["priority", "TRK-1", "--before", &first]).ok();
    assert_eq!(ranked_in(&net.env, &a)[0], "TRK-1");
}

/// The mails of a tracker using a `file:` transport: (To, body) of each, sorted.
fn mails(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| {
                    std::fs::read_to_string(e.path())
                        .unwrap()
                        .replace("\r\n", "\n")
                })
                .map(|m| {
                    let to = m
                        .lines()
                        .find_map(|l| l.strip_prefix("To: "))
                        .unwrap()
                        .to_owned();
                    // Quoted-printable: soft line breaks and spaces undone.
                    let body = m
                        .split_once("\n\n")
                        .unwrap()
                        .1
                        .replace("=\n", "")
                        .replace("=20", " ");
                    (to, body)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// R25 in strict mode: anyone who may see a ticket asks for it to be raised; only the roles
/// of `priority_roles` (managers, then resolvers too once configured) move priorities and
/// accept or refuse; an urgent request goes to the top, another just below the urgent ones;
/// the requester sees the outcome in `show` and gets a mail; managers see the requests in
/// `status` and `raise list`, and get a mail.
#[test]
fn raise_requests_are_decided_by_role_in_strict_mode() {
    let env = TestEnv::initialized();
    let mail = env.root.path().join("mail");
    env.git(&[
        "config",
        "tracker.mail.transport",
        &format!("file:{}", mail.display()),
    ]);
    env.git(&["config", "tracker.mail.from", "tracker@example.com"]);
    env.run(&["config", "set", "roles.developer", "dev@example.com"])
        .ok();
    env.run(&["config", "set", "roles.resolver", "res@example.com"])
        .ok();
    env.run(&["config", "set", "strict", "true"]).ok();
    for i in 1..=4 {
        env.run(&["new", &format!("Ticket {i}"), "--priority", "bottom"])
            .ok();
    }
    let _ = std::fs::remove_dir_all(&mail);
    let rita = ("Rita", "rita@example.com");
    let dev = ("Dev", "dev@example.com");
    let res = ("Res", "res@example.com");
    let as_ = |who: (&str, &str), args: &[&str]| {
        env.set_user(who.0, who.1);
        let run = env.run(args);
        env.set_user("Ann Author", "ann@example.com");
        run
    };
    // Reporters and developers may not move priorities, nor rank a new ticket.
    let before = env.commits();
    for who in [rita, dev] {
        for args in [
            &["priority", "TRK-4", "--top"][..],
            &["new", "Mine", "--priority", "top"],
        ] {
            let err = as_(who, args).bad_input().to_owned();
            assert!(
                err.contains(&format!(
                    "strict mode: only managers may move priorities or decide raise requests \
                     (priority_roles), and {} is not one",
                    who.1
                )),
                "{err}"
            );
        }
    }
    assert_eq!(env.commits(), before);
    // Anyone may ask; the request's id is printed.
    let normal = as_(rita, &["raise", "TRK-4", "-m", "Customers wait for it"])
        .ok()
        .trim()
        .to_owned();
    let urgent = as_(
        rita,
        &["raise", "TRK-3", "-m", "Production is down", "--urgent"],
    )
    .ok()
    .trim()
    .to_owned();
    let later = as_(rita, &["raise", "TRK-2", "-m", "Nice to have"])
        .ok()
        .trim()
        .to_owned();
    assert_eq!(normal.len(), 32);
    let err = as_(rita, &["raise", "TRK-2"]).bad_input().to_owned();
    assert!(err.contains("--message"), "{err}");
    // Managers hear about each request; nobody else.
    let sent = mails(&mail);
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(
        sent.iter().all(|(to, _)| to == "ann@example.com"),
        "{sent:?}"
    );
    assert!(
        sent.iter().any(|(_, b)| b.starts_with(
            "Rita <rita@example.com> asks for TRK-3's priority to be raised (urgent):"
        )),
        "{sent:?}"
    );
    let _ = std::fs::remove_dir_all(&mail);
    // The pending requests: `raise list` and Ann's `status`; not Rita's status.
    let list = env.run(&["raise", "list", "--format", "json"]).json();
    let ids: Vec<&str> = list["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    let table = env.run(&["raise", "list"]).ok().to_owned();
    assert!(
        table.starts_with(" REQUEST   TICKET  PRIO  URGENT  BY    ASKED       REASON\n"),
        "{table}"
    );
    assert!(
        table.contains(&format!(
            " {}  TRK-3   3     yes     Rita  2026-01-01  Production is down",
            &urgent[..8]
        )),
        "{table}"
    );
    let status = env.run(&["status", "--format", "json"]).json();
    let section = status["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "raise-requests")
        .unwrap_or_else(|| panic!("{status}"));
    assert_eq!(section["count"], 3);
    let theirs = as_(rita, &["status", "--format", "json"]).json();
    assert!(
        !theirs["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "raise-requests"),
        "{theirs}"
    );
    // Neither a reporter, a developer nor (yet) a resolver may decide.
    let before = env.commits();
    for who in [rita, dev, res] {
        as_(who, &["raise", "accept", &urgent[..8]]).bad_input();
        as_(who, &["raise", "refuse", &urgent[..8], "-m", "no"]).bad_input();
    }
    assert_eq!(env.commits(), before);
    // Once priority_roles names resolvers, they may: the urgent one goes to the top.
    env.run(&["config", "set", "priority_roles", "manager,resolver"])
        .ok();
    assert_eq!(
        env.run(&["config", "get", "priority_roles"]).ok(),
        "resolver,manager\n"
    );
    as_(res, &["raise", "accept", &urgent[..8]]).ok();
    assert_eq!(ranked(&env), keys(&["3", "1", "2", "4"]));
    // A non-urgent one goes just below the urgent ones.
    env.run(&["raise", "accept", &normal[..6]]).ok();
    assert_eq!(ranked(&env), keys(&["3", "4", "1", "2"]));
    // Decided already: refused, nothing written.
    let before = env.commits();
    let err = env
        .run(&["raise", "accept", &urgent])
        .bad_input()
        .to_owned();
    assert!(err.contains("already decided"), "{err}");
    let err = env
        .run(&["raise", "accept", "abcdef"])
        .bad_input()
        .to_owned();
    assert!(err.contains("no raise request \"abcdef\""), "{err}");
    env.run(&["raise", "refuse", &later, "-m", ""]).bad_input();
    assert_eq!(env.commits(), before);
    env.run(&[
        "raise",
        "refuse",
        &later,
        "-m",
        "Not now: after the release",
    ])
    .ok();
    assert_eq!(ranked(&env), keys(&["3", "4", "1", "2"]));
    // Rita sees every outcome.
    let show = as_(rita, &["show", "TRK-2"]).ok().to_owned();
    assert!(
        show.contains(&format!(
            "Raise requests (1)\n  [{}] Rita <rita@example.com>, 2026-01-01 ",
            &later[..8]
        )),
        "{show}"
    );
    assert!(
        show.contains(": refused by Ann Author <ann@example.com>, 2026-01-01 ")
            && show.contains("Not now: after the release\n    Nice to have\n"),
        "{show}"
    );
    let json = as_(rita, &["show", "TRK-3", "--format", "json"]).json();
    let r = &json["raise_requests"][0];
    assert_eq!(r["status"], "accepted");
    assert_eq!(r["urgent"], true);
    assert_eq!(r["decided_by"]["email"], "res@example.com");
    assert_eq!(json["priority"], 1);
    let text = as_(rita, &["show", "TRK-3"]).ok().to_owned();
    assert!(text.contains("priority:  1 (raised urgently)"), "{text}");
    // Rita got a mail about each decision; nobody else did.
    let sent = mails(&mail);
    let to: Vec<&str> = sent.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(to, ["Rita <rita@example.com>"; 3], "{sent:?}");
    assert!(sent.iter().any(|(_, b)| b.starts_with(&format!(
        "Ann Author <ann@example.com> refused the request {} to raise TRK-2's priority:",
        &later[..8]
    ))));
    // The history says it all, and verify agrees it was allowed.
    let log = env.run(&["log", "TRK-4"]).ok().to_owned();
    assert!(
        log.contains("Rita <rita@example.com>  asked to raise the priority: Customers wait for it"),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "Ann Author <ann@example.com>  accepted raise request {}: moved up in the priorities",
            &normal[..8]
        )),
        "{log}"
    );
    assert_eq!(env.problems(), (0, vec![]));
    // Nothing pending any more.
    let list = env.run(&["raise", "list"]);
    assert_eq!(list.stdout, "");
    assert!(list.stderr.contains("No raise request waits"), "{list}");
}

/// An accepted request never moves a ticket down, and a finished ticket cannot be raised.
#[test]
fn accepting_never_moves_a_ticket_down() {
    let env = five();
    let id = env
        .run(&["raise", "TRK-1", "-m", "Please"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["raise", "accept", &id]).ok();
    assert_eq!(ranked(&env), keys(&["1", "2", "3", "4", "5"]));
    let show = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(show["raise_requests"][0]["status"], "accepted");
    env.run(&["close", "TRK-5"]).ok();
    let err = env
        .run(&["raise", "TRK-5", "-m", "x"])
        .bad_input()
        .to_owned();
    assert!(err.contains("finished tickets are not ranked"), "{err}");
}

/// The whole list table sorted by priority: ranked tickets first with their positions, then
/// the unranked ones by key, finished ones among them with `--all`.
#[test]
fn the_list_sorted_by_priority_shows_positions() {
    let env = TestEnv::initialized();
    for (title, prio) in [
        ("Crash on save", None),
        ("Dark theme", Some("bottom")),
        ("Typo on login page", Some("top")),
        ("Export to CSV", None),
        ("Slow startup", Some("before:TRK-2")),
    ] {
        let mut args = vec!["new", title];
        if let Some(p) = prio {
            args.extend(["--priority", p]);
        }
        env.run(&args).ok();
    }
    env.run(&["close", "TRK-4"]).ok();
    let table = env
        .run(&["list", "--all", "--sort", "priority"])
        .ok()
        .to_owned();
    insta::assert_snapshot!("list_sort_priority", table);
    let open = env.run(&["list", "--sort", "priority"]).ok().to_owned();
    insta::assert_snapshot!("list_sort_priority_open", open);
}

/// Hostile files: a `priority` event whose rank is not a key is reported by `verify` with its
/// path (and ignored), and never stops `list`; a decision naming no request is dangling; a
/// move written with plain git by someone strict mode does not allow is forbidden.
#[test]
fn garbage_ranks_are_reported_by_verify_and_do_not_crash_list() {
    use crate::test_branch_files::event_path;
    let env = five();
    let id = env.run(&["show", "TRK-2", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let event = |kind: &str, author: &str| {
        format!(
            "version = 1\n{kind}\nlamport = 9\nat = \"2026-01-02T00:00:00Z\"\n\n\
             [author]\nname = \"X\"\nemail = \"{author}\"\n"
        )
    };
    let bad = event_path(&id, &"a".repeat(32));
    let long = event_path(&id, &"b".repeat(32));
    let dangling = event_path(&id, &"c".repeat(32));
    let garbage = event(
        "kind = \"priority\"\nrank = \"not a key!\"\nmove = \"top\"",
        "ann@example.com",
    );
    let too_long = event(
        &format!(
            "kind = \"priority\"\nrank = \"{}\"\nmove = \"top\"",
            "z".repeat(1025)
        ),
        "ann@example.com",
    );
    let refuse = event(
        &format!(
            "kind = \"raise-refuse\"\nrequest = \"{}\"\nmessage = \"no\"",
            "d".repeat(32)
        ),
        "ann@example.com",
    );
    env.craft(
        &[
            (&bad, Some(&garbage)),
            (&long, Some(&too_long)),
            (&dangling, Some(&refuse)),
        ],
        "hand-made",
    );
    let run = env.run(&["list", "--sort", "priority"]);
    run.ok();
    assert!(run.stderr.contains(&bad), "{run}");
    assert_eq!(ranked(&env), keys(&["1", "2", "3", "4", "5"]));
    let (code, problems) = env.problems();
    assert_eq!(code, 3);
    let find = |path: &str| {
        problems
            .iter()
            .find(|(_, p, _)| p == path)
            .unwrap_or_else(|| panic!("{path}: {problems:?}"))
            .clone()
    };
    let (kind, _, msg) = find(&bad);
    assert_eq!(kind, "malformed");
    assert!(
        msg.contains("rank \"not a key!\" is not a rank key"),
        "{msg}"
    );
    let (kind, _, msg) = find(&long);
    assert_eq!(kind, "malformed");
    assert!(msg.contains("1 to 1024 characters"), "{msg}");
    let (kind, _, msg) = find(&dangling);
    assert_eq!(kind, "dangling");
    assert!(msg.contains("raise request dddd"), "{msg}");

    // Strict mode: a move Rita commits with plain git is caught.
    let env = five();
    env.run(&["config", "set", "strict", "true"]).ok();
    let id = env.run(&["show", "TRK-3", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.set_user("Rita", "rita@example.com");
    let path = event_path(&id, &"e".repeat(32));
    env.craft(
        &[(
            &path,
            Some(&event(
                "kind = \"priority\"\nrank = \"0z\"\nmove = \"top\"",
                "rita@example.com",
            )),
        )],
        "rita ranks",
    );
    env.set_user("Ann Author", "ann@example.com");
    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3);
    assert_eq!(problems, [("forbidden-priority".to_owned(), path)]);
    assert_eq!(ranked(&env)[0], "TRK-3");
}
