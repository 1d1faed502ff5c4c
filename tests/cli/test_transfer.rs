//! Issue 14 (R30, R34, R35): several trackers in one repository, transfer up to a parent
//! (same repository, or another one over git://), dispatch down to sub-trackers, reports over
//! the tree of trackers.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;

use crate::common::{reader, Run, TestEnv};
use crate::test_sync::Daemon;

/// The tip of `branch` in `repo` (a full or short ref name), if any.
fn tip_of(env: &TestEnv, repo: &Path, branch: &str) -> Option<String> {
    let out = env
        .base_command("git", repo)
        .args(["rev-parse", "--verify", "-q", branch])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs the binary on tracker `tracker` of the default repository.
fn on(env: &TestEnv, tracker: &str, args: &[&str]) -> Run {
    let mut all = vec!["--tracker", tracker];
    all.extend_from_slice(args);
    env.run(&all)
}

fn show(env: &TestEnv, tracker: &str, key: &str) -> Value {
    on(env, tracker, &["show", key, "--format", "json"]).json()
}

/// A repository whose default tracker (`DEV-`) has the parent `up` (`UP-`, default assignee
/// Lead, a `severity` field) in the same repository.
fn family() -> TestEnv {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--prefix",
        "DEV-",
        "--name",
        "Dev",
        "--parent",
        "up",
        "--set",
        "fields.severity.type=choice",
        "--set",
        "fields.severity.choices=low,high",
        "--set",
        "fields.os.type=text",
    ])
    .ok();
    on(
        &env,
        "up",
        &[
            "init",
            "--prefix",
            "UP-",
            "--name",
            "Up",
            "--default-assignee",
            "lead@example.com",
            "--set",
            "fields.severity.type=choice",
            "--set",
            "fields.severity.choices=low,high",
        ],
    )
    .ok();
    env
}

/// R34: a transfer to a parent branch of the same repository. The copy's key is printed; the
/// copy has the title, description, comments with their authors and times, the fields the
/// parent has; it starts POSTED with the parent's default assignee and links down; the
/// original is TRANSFERED and links up; `show` prints both links; the other tickets and the
/// work tree are untouched; verify and the independent reader agree on both trackers.
#[test]
fn transfer_to_a_parent_branch_of_the_same_repository() {
    let env = family();
    let user = env.user_state();
    env.new_ticket("Stays here");
    env.run(&[
        "new",
        "Crash on start",
        "-m",
        "It crashes.",
        "--field",
        "severity=high",
    ])
    .ok();
    // Attachments: one on a comment (with NUL bytes), one on a comment deleted since (left
    // behind).
    let bytes = b"\0core\xffdump\n".to_vec();
    let core = env.root.path().join("core.bin");
    let old = env.root.path().join("old.txt");
    std::fs::write(&core, &bytes).unwrap();
    std::fs::write(&old, "old\n").unwrap();
    env.set_user("Cy", "cy@example.com");
    env.run(&[
        "comment",
        "DEV-2",
        "-m",
        "Me too, on Linux.",
        "--attach",
        core.to_str().unwrap(),
    ])
    .ok();
    let gone = env
        .run(&[
            "comment",
            "DEV-2",
            "-m",
            "wrong log",
            "--attach",
            old.to_str().unwrap(),
        ])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "delete", "DEV-2", &gone]).ok();
    env.set_user("Ann Author", "ann@example.com");
    on(&env, "up", &["new", "Already there"]).ok();

    let run = env.run(&["transfer", "DEV-2", "-m", "needs the platform team"]);
    assert_eq!(run.ok(), "UP-2\n", "{run}");
    assert_eq!(
        run.stderr,
        "DEV-2: OPEN -> TRANSFERED\nTransferred DEV-2 to tracker up as UP-2.\n"
    );

    let original = show(&env, "tracker", "DEV-2");
    assert_eq!(original["state"], "TRANSFERED");
    let up = &original["transfers"][0];
    assert_eq!(
        (up["tracker"].as_str(), up["key"].as_str()),
        (Some("up"), Some("UP-2"))
    );
    assert_eq!(
        original["transitions"].as_array().unwrap().last().unwrap()["message"],
        "needs the platform team"
    );

    let copy = show(&env, "up", "UP-2");
    assert_eq!(copy["state"], "POSTED");
    assert_eq!(copy["title"], "Crash on start");
    assert_eq!(copy["description"], "It crashes.");
    assert_eq!(copy["assignee"]["email"], "lead@example.com");
    assert_eq!(copy["reporter"]["email"], "ann@example.com");
    assert_eq!(copy["created"], original["created"]);
    assert_eq!(copy["fields"]["severity"], "high");
    assert_eq!(up["ticket"], copy["id"]);
    let down = &copy["origin"];
    assert_eq!(down["tracker"], "tracker");
    assert_eq!(down["key"], "DEV-2");
    assert_eq!(down["ticket"], original["id"]);
    assert_eq!(down["dispatch"], false);
    let comments: Vec<(&str, &str, &str)> = copy["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["author"]["email"].as_str().unwrap(),
                c["created"].as_str().unwrap(),
                c["body"].as_str().unwrap(),
            )
        })
        .collect();
    let first = &original["comments"][0];
    assert_eq!(
        comments,
        [
            (
                "cy@example.com",
                first["created"].as_str().unwrap(),
                "Me too, on Linux."
            ),
            ("ann@example.com", comments[1].1, "needs the platform team")
        ]
    );

    // The attachment of the comment went along (its event id, its bytes); the one of the
    // deleted comment did not.
    let theirs = &original["attachments"];
    assert_eq!(theirs.as_array().unwrap().len(), 2);
    let attached = copy["attachments"].as_array().unwrap();
    assert_eq!(attached.len(), 1, "{attached:?}");
    let a = &attached[0];
    assert_eq!(
        (
            &a["name"],
            &a["size"],
            &a["sha256"],
            &a["event"],
            &a["author"]
        ),
        (
            &theirs[0]["name"],
            &theirs[0]["size"],
            &theirs[0]["sha256"],
            &theirs[0]["event"],
            &theirs[0]["author"]
        )
    );
    assert_eq!(a["comment"], copy["comments"][0]["id"]);
    assert!(
        a["path"]
            .as_str()
            .unwrap()
            .contains(copy["id"].as_str().unwrap()),
        "{a}"
    );
    let out = env.root.path().join("got.bin");
    let got = on(
        &env,
        "up",
        &[
            "attachment",
            "get",
            "UP-2",
            "core.bin",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(got.code, 0, "{got}");
    assert_eq!(std::fs::read(&out).unwrap(), bytes);

    // Both links in `show`.
    let shown = env.run(&["show", "DEV-2"]);
    assert!(
        shown
            .ok()
            .contains("\n  sent to:   UP-2 in tracker up (transferred "),
        "{shown}"
    );
    let shown = on(&env, "up", &["show", "UP-2"]);
    assert!(
        shown
            .ok()
            .contains("\n  from:      DEV-2 in tracker tracker (transferred here "),
        "{shown}"
    );
    let log = on(&env, "up", &["log", "UP-2"]);
    assert!(
        log.ok()
            .contains("transferred here from DEV-2 (tracker tracker)"),
        "{log}"
    );
    let log = env.run(&["log", "DEV-2", "--format", "json"]).json();
    let last = log["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "transfer");
    assert_eq!(last["key"], "UP-2");

    // The other tickets are as they were.
    assert_eq!(show(&env, "tracker", "DEV-1")["state"], "POSTED");
    assert_eq!(show(&env, "up", "UP-1")["title"], "Already there");
    // Apart from the tracker branches (`up` was made by the tool too).
    let without_up = |s: String| -> String {
        s.lines()
            .filter(|l| !l.starts_with("refs/heads/up "))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    assert_eq!(
        without_up(env.user_state()),
        without_up(user),
        "the user's side of the repository changed"
    );

    // verify: the copy's events keep their authors (Cy's comment), and that is no forgery.
    for t in ["tracker", "up"] {
        let v = on(&env, t, &["verify"]);
        assert_eq!(v.code, 0, "{t}: {v}");
    }
    // The independent reader, on each branch, agrees with `show`.
    for (branch, key) in [("tracker", "DEV-2"), ("up", "UP-2")] {
        let theirs = reader("recompute.py", &env.repo, &[branch]);
        let theirs = theirs["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["key"] == key)
            .unwrap()
            .clone();
        let mut ours = show(&env, branch, key);
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        obj.remove("provisional");
        assert_eq!(ours, theirs, "the reader and the tool disagree on {key}");
    }
    // Once is enough: a second transfer is refused, and writes nothing.
    let tips = (env.tip(), tip_of(&env, &env.repo, "refs/heads/up"));
    let again = env.run(&["transfer", "DEV-2"]);
    assert!(again.bad_input().contains("already TRANSFERED"), "{again}");
    assert_eq!((env.tip(), tip_of(&env, &env.repo, "refs/heads/up")), tips);
}

/// R34, R30: fields are mapped by name; each field the parent lacks (or whose value it
/// refuses) is named in a warning and its value kept in the copy's description.
#[test]
fn fields_the_parent_lacks_are_named_and_kept_in_the_description() {
    let env = family();
    env.run(&[
        "new",
        "Slow",
        "-m",
        "Very slow.",
        "--field",
        "severity=low",
        "--field",
        "os=linux",
    ])
    .ok();
    let run = env.run(&["transfer", "DEV-1"]);
    insta::assert_snapshot!("transfer_field_warnings", run.to_string());
    let copy = show(&env, "up", "UP-1");
    assert_eq!(
        copy["description"],
        "Very slow.\n\nFields of DEV-1 that this tracker does not have:\n- os: linux"
    );
    assert_eq!(copy["fields"], serde_json::json!({"severity": "low"}));
}

/// R30: without a parent there is nothing to transfer to; a parent that refuses transfers
/// (accept_transfers = false) refuses with exit 2 and nothing written on either side.
#[test]
fn a_refused_transfer_writes_nothing_on_either_side() {
    let env = TestEnv::new();
    env.run(&["init", "--prefix", "DEV-"]).ok();
    env.new_ticket("No parent");
    let run = env.run(&["transfer", "DEV-1"]);
    assert!(
        run.bad_input().contains("this tracker has no parent"),
        "{run}"
    );
    assert!(run
        .stderr
        .contains("hint: name one with 'git tracker config set parent BRANCH'"));

    // A parent that does not exist yet: named when set, refused when used.
    let set = env.run(&["config", "set", "parent", "up"]);
    assert!(
        set.stderr
            .contains("warning: this repository has no tracker branch up yet"),
        "{set}"
    );
    let run = env.run(&["transfer", "DEV-1"]);
    assert!(
        run.bad_input().contains("tracker up does not exist"),
        "{run}"
    );
    // Nor can a tracker be its own parent.
    let own = env.run(&["config", "set", "parent", "tracker"]);
    assert!(
        own.bad_input().contains("this tracker's own branch"),
        "{own}"
    );

    on(
        &env,
        "up",
        &["init", "--prefix", "UP-", "--no-accept-transfers"],
    )
    .ok();
    let before = (env.tip(), tip_of(&env, &env.repo, "refs/heads/up"));
    let run = env.run(&["transfer", "DEV-1", "-m", "please"]);
    assert_eq!(
        run.bad_input(),
        "error: tracker up does not accept transfers (accept_transfers = false there); nothing \
         was written\n"
    );
    assert_eq!(
        (env.tip(), tip_of(&env, &env.repo, "refs/heads/up")),
        before
    );
    assert_eq!(show(&env, "tracker", "DEV-1")["state"], "POSTED");
    assert_eq!(
        on(&env, "up", &["list", "--all", "--format", "json"]).json()["tickets"],
        serde_json::json!([])
    );
}

/// A bare repository `central.git` holding a tracker `HQ-` (default assignee Boss), filled
/// from the clone `hq`; the default repository has a tracker `DEV-` whose parent is
/// `central:tracker`, reached at `url`.
fn two_repositories(env: &TestEnv, url: &str) -> PathBuf {
    let root = env.root.path();
    let central = root.join("central.git");
    env.git_in(root, &["init", "-q", "--bare", central.to_str().unwrap()]);
    let hq = root.join("hq");
    std::fs::create_dir_all(&hq).unwrap();
    env.git_in(&hq, &["init", "-q"]);
    env.run_in(
        &hq,
        &[
            "init",
            "--prefix",
            "HQ-",
            "--name",
            "HQ",
            "--default-assignee",
            "boss@example.com",
        ],
    )
    .ok();
    env.git_in(&hq, &["remote", "add", "origin", central.to_str().unwrap()]);
    env.run_in(&hq, &["new", "At headquarters"]).ok();
    env.run_in(&hq, &["sync"]).ok();
    env.run(&["init", "--prefix", "DEV-"]).ok();
    env.git(&["remote", "add", "central", url]);
    env.run(&["config", "set", "parent", "central:tracker"])
        .ok();
    hq
}

/// R34: a parent tracker in another repository, over git:// on 127.0.0.1: the copy is pushed
/// there, its key printed; the parent's people see it after a sync, with its link down; the
/// original is TRANSFERED with its link up; verify is clean on both sides.
#[test]
fn transfer_to_a_parent_in_another_repository_over_git_protocol() {
    let env = TestEnv::new();
    let daemon = Daemon::start(&env, env.root.path());
    let url = format!("git://127.0.0.1:{}/central.git", daemon.port);
    let hq = two_repositories(&env, &url);
    env.run(&["new", "Needs headquarters", "-m", "Over the wire."])
        .ok();
    env.run(&["comment", "DEV-1", "-m", "Local notes."]).ok();

    let run = env.run(&["transfer", "DEV-1", "-m", "escalated"]);
    assert_eq!(run.ok(), "HQ-2\n", "{run}");
    assert!(
        run.stderr
            .ends_with("Transferred DEV-1 to tracker central:tracker as HQ-2.\n"),
        "{run}"
    );
    let original = show(&env, "tracker", "DEV-1");
    assert_eq!(original["state"], "TRANSFERED");
    assert_eq!(original["transfers"][0]["tracker"], "central:tracker");
    assert_eq!(original["transfers"][0]["key"], "HQ-2");

    env.run_in(&hq, &["sync"]).ok();
    let copy = env
        .run_in(&hq, &["show", "HQ-2", "--format", "json"])
        .json();
    assert_eq!(copy["title"], "Needs headquarters");
    assert_eq!(copy["state"], "POSTED");
    assert_eq!(copy["assignee"]["email"], "boss@example.com");
    assert_eq!(copy["origin"]["key"], "DEV-1");
    assert_eq!(copy["origin"]["ticket"], original["id"]);
    assert_eq!(copy["origin"]["repository"], "repo");
    assert_eq!(copy["comments"][0]["body"], "Local notes.");
    assert_eq!(copy["comments"][1]["body"], "escalated");
    let shown = env.run_in(&hq, &["show", "HQ-2"]);
    assert!(
        shown.ok().contains(
            "\n  from:      DEV-1 in tracker tracker of repository repo (transferred here "
        ),
        "{shown}"
    );
    assert_eq!(env.run_in(&hq, &["verify"]).code, 0);
    let v = env.run(&["verify"]);
    assert_eq!(v.code, 0, "{v}");
    // The local branch of the parent's name is not made or moved: only the remote's.
    assert_eq!(tip_of(&env, &env.repo, "refs/heads/central"), None);
    drop(daemon);
}

/// R34: a push the remote refuses (a pre-receive hook) leaves neither side changed; once the
/// remote takes it, one copy is made.
#[test]
fn a_push_refused_in_the_middle_leaves_neither_side_changed() {
    let env = TestEnv::new();
    let central = env.root.path().join("central.git");
    let hq = two_repositories(&env, central.to_str().unwrap());
    env.new_ticket("Blocked by a hook");
    let hook = central.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'transfers are frozen' >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let remote_before = tip_of(&env, &central, "refs/heads/tracker");
    let local_before = env.tip();

    let run = env.run(&["transfer", "DEV-1"]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        run.stderr,
        "remote: transfers are frozen\nerror: central refused the push: pre-receive hook declined\n"
    );
    assert_eq!(tip_of(&env, &central, "refs/heads/tracker"), remote_before);
    assert_eq!(env.tip(), local_before);
    assert_eq!(show(&env, "tracker", "DEV-1")["state"], "POSTED");

    // The remote takes it now: one copy.
    std::fs::remove_file(&hook).unwrap();
    assert_eq!(env.run(&["transfer", "DEV-1"]).ok(), "HQ-2\n");
    env.run_in(&hq, &["sync"]).ok();
    let all = env
        .run_in(&hq, &["list", "--all", "--format", "json"])
        .json();
    let titles: Vec<&str> = all["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Blocked by a hook", "At headquarters"]);
}

/// R34: a transfer killed after the parent took the copy and before the original was marked
/// leaves the copy alone there; running it again finds the copy by its link down and only
/// marks the original (no second copy). A write of the original that fails (its branch
/// locked) says what happened and how to finish.
#[test]
fn a_rerun_completes_the_original_side_without_a_second_copy() {
    let env = family();
    env.new_ticket("Interrupted");
    let pause = env.root.path().join("pause");
    std::fs::create_dir_all(&pause).unwrap();
    let mut cmd = env.command_in(&env.repo, &["transfer", "DEV-1"]);
    let mut child = cmd
        .env(
            "GIT_TRACKER_PAUSE",
            format!("transfer-received:{}", pause.display()),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let reached = pause.join("transfer-received.reached");
    for _ in 0..6000 {
        if reached.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        reached.exists(),
        "the transfer never reached its pause point"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    // The parent has the copy; the original is as it was.
    assert_eq!(show(&env, "up", "UP-1")["origin"]["key"], "DEV-1");
    assert_eq!(show(&env, "tracker", "DEV-1")["state"], "POSTED");
    let up_tip = tip_of(&env, &env.repo, "refs/heads/up");

    let run = env.run(&["transfer", "DEV-1"]);
    assert_eq!(run.ok(), "UP-1\n");
    assert_eq!(
        run.stderr,
        "DEV-1: POSTED -> TRANSFERED\nTracker up already had it as UP-1 (an earlier run); marked \
         DEV-1 only.\n"
    );
    assert_eq!(
        tip_of(&env, &env.repo, "refs/heads/up"),
        up_tip,
        "a second copy"
    );
    assert_eq!(
        show(&env, "tracker", "DEV-1")["transfers"][0]["key"],
        "UP-1"
    );

    // The original's branch locked (by a process that died): the copy is made, the error
    // says so and how to finish.
    env.new_ticket("Locked out");
    let lock = env.repo.join(".git/refs/heads/tracker.lock");
    std::fs::write(&lock, "").unwrap();
    let run = env.run(&["transfer", "DEV-2"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "error: DEV-2 was sent to tracker up as UP-2, but DEV-2 itself could not be marked \
             TRANSFERED\ncaused by: branch refs/heads/tracker is locked by another process\n"
        ),
        "{run}"
    );
    assert!(
        run.stderr.contains(
            "hint: run the same command again: it finds the ticket already received and only \
             marks DEV-2\n"
        ),
        "{run}"
    );
    std::fs::remove_file(&lock).unwrap();
    assert_eq!(env.run(&["transfer", "DEV-2"]).ok(), "UP-2\n");
    assert_eq!(
        on(&env, "up", &["list", "--all", "--format", "json"]).json()["tickets"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// A repository whose default tracker (`TOP-`) has two sub-trackers: `team-a` (`A-`, Bob a
/// developer, Lead the default assignee) and `team-b` (`B-`).
fn tree() -> TestEnv {
    let env = TestEnv::new();
    env.run(&[
        "init",
        "--prefix",
        "TOP-",
        "--name",
        "Top",
        "--subtrackers",
        "team-a,team-b",
    ])
    .ok();
    on(
        &env,
        "team-a",
        &[
            "init",
            "--prefix",
            "A-",
            "--name",
            "Team A",
            "--developers",
            "bob@example.com",
            "--default-assignee",
            "lead@example.com",
        ],
    )
    .ok();
    on(
        &env,
        "team-b",
        &["init", "--prefix", "B-", "--name", "Team B"],
    )
    .ok();
    env
}

/// R35: a dispatch moves the whole ticket — history, comments, watchers — to the sub-tracker;
/// an assignee who is a developer there keeps it as it is; one who is not gives way to the
/// sub-tracker's default assignee and the ticket goes back to POSTED; the ticket left here is
/// TRANSFERED and links to the new key.
#[test]
fn dispatch_moves_the_whole_ticket_with_the_assignee_rule() {
    let env = tree();
    env.run(&["new", "For Bob", "--assign", "bob@example.com", "-m", "x"])
        .ok();
    env.run(&["state", "TOP-1", "resolving"]).ok();
    env.run(&["watch", "TOP-1", "dee@example.com"]).ok();
    env.set_user("Cy", "cy@example.com");
    env.run(&["comment", "TOP-1", "-m", "Context."]).ok();
    env.set_user("Ann Author", "ann@example.com");
    env.run(&["new", "For Carol", "--assign", "carol@example.com"])
        .ok();
    env.run(&["state", "TOP-2", "open"]).ok();
    on(&env, "team-a", &["new", "Already in A"]).ok();
    let history = env.log_json("TOP-1")["events"].as_array().unwrap().len();

    let run = env.run(&["dispatch", "TOP-1", "--to", "team-a"]);
    assert_eq!(run.ok(), "A-2\n");
    assert_eq!(
        run.stderr,
        "TOP-1: RESOLVING -> TRANSFERED\nDispatched TOP-1 to tracker team-a as A-2.\n"
    );
    let moved = show(&env, "team-a", "A-2");
    let here = show(&env, "tracker", "TOP-1");
    assert_eq!(moved["id"], here["id"], "the ticket keeps its id");
    assert_eq!(moved["state"], "RESOLVING");
    assert_eq!(moved["assignee"]["email"], "bob@example.com");
    assert_eq!(moved["comments"][0]["body"], "Context.");
    assert_eq!(moved["comments"][0]["author"]["email"], "cy@example.com");
    assert_eq!(moved["watchers"], here["watchers"]);
    assert_eq!(
        moved["transitions"],
        Value::from(here["transitions"].as_array().unwrap()[..1].to_vec())
    );
    assert_eq!(moved["origin"]["dispatch"], true);
    assert_eq!(moved["origin"]["key"], "TOP-1");
    // The whole history, plus its origin.
    let log = on(&env, "team-a", &["log", "A-2", "--format", "json"]).json();
    assert_eq!(log["events"].as_array().unwrap().len(), history + 1);
    assert_eq!(here["state"], "TRANSFERED");
    assert_eq!(here["transfers"][0]["key"], "A-2");
    assert_eq!(here["transfers"][0]["dispatch"], true);
    let shown = env.run(&["show", "TOP-1"]);
    assert!(
        shown
            .ok()
            .contains("\n  sent to:   A-2 in tracker team-a (dispatched "),
        "{shown}"
    );

    // Carol is no developer in team A: Lead has it, POSTED again.
    let run = env.run(&["dispatch", "TOP-2", "--to", "team-a", "-m", "team A's area"]);
    assert_eq!(run.ok(), "A-3\n");
    assert_eq!(
        run.stderr,
        "warning: carol@example.com is not a developer of the sub-tracker: the ticket goes to \
         lead@example.com and back to POSTED\nTOP-2: OPEN -> TRANSFERED\nDispatched TOP-2 to \
         tracker team-a as A-3.\n"
    );
    let moved = show(&env, "team-a", "A-3");
    assert_eq!(moved["state"], "POSTED");
    assert_eq!(moved["assignee"]["email"], "lead@example.com");
    assert_eq!(moved["contested"], serde_json::json!([]));
    assert_eq!(
        show(&env, "tracker", "TOP-2")["transitions"][1]["message"],
        "team A's area"
    );

    // Only to a sub-tracker; nothing written otherwise.
    env.new_ticket("Stays");
    let tip = env.tip();
    let run = env.run(&["dispatch", "TOP-3", "--to", "elsewhere"]);
    assert_eq!(
        run.bad_input(),
        "error: elsewhere is not a sub-tracker of this tracker (subtrackers: team-a, team-b)\n\
         hint: add it with 'git tracker config set subtrackers BRANCH,...'\n"
    );
    assert_eq!(env.tip(), tip);
    for t in ["tracker", "team-a"] {
        let v = on(&env, t, &["verify"]);
        assert_eq!(v.code, 0, "{t}: {v}");
    }
    // The independent reader agrees on the moved tickets and the stubs.
    for (branch, key) in [("team-a", "A-2"), ("team-a", "A-3"), ("tracker", "TOP-1")] {
        let theirs = reader("recompute.py", &env.repo, &[branch]);
        let theirs = theirs["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["key"] == key)
            .unwrap()
            .clone();
        let mut ours = show(&env, branch, key);
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        obj.remove("provisional");
        assert_eq!(ours, theirs, "the reader and the tool disagree on {key}");
    }
}

/// R35: `report --include-subtrackers` over a tracker and its two sub-trackers gives the sum
/// of the three reports; a tree that loops is walked once per tracker.
#[test]
fn a_report_over_the_tree_of_trackers_is_the_sum_of_its_trackers() {
    let env = tree();
    let at = |t: &str| format!("2026-03-0{t}T10:00:00Z");
    let run_at = |when: &str, args: &[&str]| {
        let out = env
            .command_in(&env.repo, args)
            .env("GIT_TRACKER_NOW", when)
            .output()
            .unwrap();
        let run = Run::from(out);
        run.ok();
        run
    };
    run_at(&at("1"), &["new", "top one"]);
    run_at(&at("2"), &["new", "top two"]);
    run_at(&at("2"), &["state", "TOP-2", "resolved"]);
    run_at(&at("3"), &["--tracker", "team-a", "new", "a one"]);
    run_at(&at("4"), &["--tracker", "team-a", "state", "A-1", "open"]);
    run_at(&at("3"), &["--tracker", "team-b", "new", "b one"]);
    run_at(&at("4"), &["--tracker", "team-b", "new", "b two"]);
    run_at(
        &at("5"),
        &["--tracker", "team-b", "state", "B-2", "abandonned"],
    );
    // team-b names the top tracker as its own sub-tracker: a loop.
    run_at(
        &at("5"),
        &[
            "--tracker",
            "team-b",
            "config",
            "set",
            "subtrackers",
            "tracker,team-a",
        ],
    );
    let states = |tracker: &str, extra: &[&str]| -> Value {
        let mut args = vec![
            "--tracker",
            tracker,
            "report",
            "states",
            "--since",
            "2026-01-01",
            "--until",
            "2026-04-01",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        env.run(&args).json()
    };
    let counts = |v: &Value| -> std::collections::BTreeMap<String, i64> {
        v["states"]
            .as_object()
            .unwrap_or_else(|| panic!("{v}"))
            .iter()
            .map(|(state, n)| (state.clone(), n.as_i64().unwrap()))
            .collect()
    };
    let mut sum: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for t in ["tracker", "team-a", "team-b"] {
        for (state, n) in counts(&states(t, &[])) {
            *sum.entry(state).or_default() += n;
        }
    }
    let all = states("tracker", &["--include-subtrackers"]);
    assert_eq!(counts(&all), sum);
    assert_eq!(sum.values().sum::<i64>(), 5);
    // Starting from team-b (whose tree loops back through the top tracker): each once.
    assert_eq!(counts(&states("team-b", &["--include-subtrackers"])), sum);
    let table = env.run(&[
        "report",
        "states",
        "--since",
        "2026-01-01",
        "--until",
        "2026-04-01",
        "--include-subtrackers",
    ]);
    insta::assert_snapshot!("report_include_subtrackers", table.to_string());
}

/// `git tracker trackers`: this repository's tracker branches and its remote's, with name,
/// prefix and counts; the current one marked. A remote's tracker at the same commit as the
/// local branch of its name has that branch's counts; one known only from the remote has its
/// tickets counted from its tree.
#[test]
fn trackers_lists_the_tracker_branches_here_and_on_remotes() {
    let env = tree();
    env.new_ticket("top one");
    env.new_ticket("top two");
    env.run(&["close", "TOP-2"]).ok();
    on(&env, "team-a", &["new", "a one"]).ok();
    let remote = env.root.path().join("remote.git");
    env.git_in(
        env.root.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    env.git(&["push", "-q", "origin", "tracker", "team-a"]);
    on(&env, "team-a", &["new", "a two"]).ok();
    // A tracker only the remote has, and a branch that is no tracker.
    env.git(&["push", "-q", "origin", "team-b:ops"]);
    env.git(&["branch", "not-a-tracker", "main"]);
    env.git(&["fetch", "-q", "origin"]);
    let run = env.run(&["trackers"]);
    insta::assert_snapshot!("trackers_table", run.to_string());
    let json = on(&env, "team-a", &["trackers", "--format", "json"]).json();
    let rows: Vec<(Value, &str, bool, Value, Value)> = json["trackers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["remote"].clone(),
                t["branch"].as_str().unwrap(),
                t["current"].as_bool().unwrap(),
                t["tickets"].clone(),
                t["in_progress"].clone(),
            )
        })
        .collect();
    let n = |x: i64| Value::from(x);
    assert_eq!(
        rows,
        [
            (Value::Null, "team-a", true, n(2), n(2)),
            (Value::Null, "team-b", false, n(0), n(0)),
            (Value::Null, "tracker", false, n(2), n(1)),
            (Value::from("origin"), "ops", false, n(0), Value::Null),
            (Value::from("origin"), "team-a", false, n(1), Value::Null),
            (Value::from("origin"), "tracker", false, n(2), n(1)),
        ]
    );
    // Each tracker of this repository keeps its own local state; the default one where it
    // always was.
    assert!(env.repo.join(".git/tracker/index.sqlite").exists());
    assert!(env
        .repo
        .join(".git/tracker/branches/team-a/index.sqlite")
        .exists());
}

/// verify: a link to a tracker or ticket that is not there is reported (dangling-link), not
/// a crash.
#[test]
fn verify_reports_links_to_missing_trackers_and_tickets() {
    let env = family();
    env.new_ticket("Sent");
    env.run(&["transfer", "DEV-1"]).ok();
    assert_eq!(env.run(&["verify"]).code, 0);
    // The parent branch made anew, without the copy.
    env.git(&["branch", "-D", "up"]);
    on(&env, "up", &["init", "--prefix", "UP-"]).ok();
    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, "dangling-link");
    let (_, full) = env.problems();
    assert!(full[0].2.contains("links to UP-1"), "{full:?}");
    assert!(
        full[0]
            .2
            .contains("in tracker up, which has no such ticket"),
        "{full:?}"
    );
    // No parent branch at all: the copy's side names its missing origin too.
    env.git(&["branch", "-D", "up"]);
    let v = env.run(&["verify"]);
    assert_eq!(v.code, 3, "{v}");
}

/// R10 keeps TRANSFERED for trackers with a transfer target; a move to it that a tracker
/// without one holds from before (here: made with plain git) is no problem for verify, while
/// the tool refuses to make one now.
#[test]
fn verify_accepts_a_transfered_move_made_before_parents_existed() {
    use crate::test_branch_files::{event_path, push_files};
    let env = TestEnv::initialized();
    env.new_ticket("Old transfer");
    let log = env.log_json("TRK-1");
    let (ticket, create) = (
        log["id"].as_str().unwrap().to_owned(),
        log["events"][0]["id"].as_str().unwrap().to_owned(),
    );
    let file = format!(
        "version = 1\nkind = \"state\"\nfrom = \"POSTED\"\nto = \"TRANSFERED\"\nlamport = 2\n\
         parents = [\"{create}\"]\nat = \"2026-01-01T01:00:00Z\"\n\n[author]\n\
         name = \"Ann Author\"\nemail = \"ann@example.com\"\n"
    );
    let path = event_path(&ticket, &"7".repeat(32));
    push_files(&env, &[(path.as_str(), file.as_bytes())]);
    assert_eq!(show(&env, "tracker", "TRK-1")["state"], "TRANSFERED");
    let v = env.run(&["verify"]);
    assert_eq!(v.code, 0, "{v}");
    env.new_ticket("New one");
    assert!(env
        .run(&["state", "TRK-2", "transfered"])
        .bad_input()
        .contains("TRANSFERED is enabled only"));
}
