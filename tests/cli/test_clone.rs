//! Issue 12 (R60): a teammate's fresh clone just works. Every command takes over the tracker
//! branch that `git clone` fetched; `init` there is refused; after a plain `git fetch` or
//! `git pull`, commands say that the remote has newer tickets and name `git tracker sync`.

use std::path::PathBuf;

use crate::common::Run;
use crate::test_sync::Net;

const TOOK: &str = "Took the tracker branch from origin/tracker (this clone had none); \
                    'git tracker sync' shares your changes.\n";

/// The shared remote with the code's `main` too, as a real team has it.
pub fn team() -> Net {
    let net = Net::new();
    net.env.git(&["push", "-q", "origin", "main"]);
    net.env
        .git_in(&net.remote, &["symbolic-ref", "HEAD", "refs/heads/main"]);
    net
}

/// A plain `git clone` of the remote, with no tracker command run in it yet.
pub fn git_clone(net: &Net, name: &str) -> PathBuf {
    let root = net.env.root.path();
    net.env
        .git_in(root, &["clone", "-q", net.remote.to_str().unwrap(), name]);
    root.join(name)
}

fn branch_exists(net: &Net, dir: &std::path::Path) -> bool {
    net.env
        .base_command("git", dir)
        .args(["rev-parse", "--verify", "-q", "refs/heads/tracker"])
        .output()
        .unwrap()
        .status
        .success()
}

#[test]
fn a_fresh_clone_takes_over_the_remote_tracker_on_its_first_command() {
    let net = team();
    let a = net.env.repo.clone();
    assert_eq!(net.new_ticket(&a, "Saving crashes"), "TRK-1");
    net.sync(&a);
    let b = git_clone(&net, "b");
    let head = net.env.git_in(&b, &["rev-parse", "HEAD"]);
    let status = net.env.git_in(&b, &["status", "--porcelain"]);

    // The first command — a read — takes the branch over, says so once, and works.
    let run = net.run(&b, &["list", "--format", "json"]);
    assert_eq!(run.stderr, TOOK);
    assert_eq!(run.json()["tickets"][0]["key"], "TRK-1", "{run}");
    let run = net.run(&b, &["show", "TRK-1"]);
    assert_eq!(run.stderr, "");
    assert!(run.ok().starts_with("TRK-1 "), "{run}");
    // It was a local operation: the branch is the remote's, nothing was written.
    assert_eq!(
        net.env.git_in(&b, &["rev-parse", "tracker"]),
        net.env.git_in(&b, &["rev-parse", "origin/tracker"])
    );
    // The user's checkout is untouched.
    assert_eq!(net.env.git_in(&b, &["rev-parse", "HEAD"]), head);
    assert_eq!(net.env.git_in(&b, &["status", "--porcelain"]), status);

    // A first `new` in another fresh clone works too, and its ticket is shared by sync.
    let c = git_clone(&net, "c");
    let run = net.run(&c, &["new", "Second report"]);
    assert_eq!(run.ok(), "TRK-2\n");
    assert!(run.stderr.starts_with(TOOK), "{run}");
    net.sync(&c);
    net.sync(&a);
    let titles: Vec<String> = net.list(&a)["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(titles, ["Saving crashes", "Second report"]);
}

#[test]
fn a_clone_with_no_remote_tracker_still_asks_for_init() {
    // The remote has code but no tracker: nothing to take over.
    let net = team();
    net.env.git_in(&net.remote, &["branch", "-D", "tracker"]);
    let b = git_clone(&net, "b");
    let run = net.run(&b, &["list"]);
    assert_eq!(
        run.bad_input(),
        "error: no tracker on branch refs/heads/tracker\nhint: run 'git tracker init' to create \
         the tracker\n"
    );
    assert!(!branch_exists(&net, &b));
}

#[test]
fn init_is_refused_where_a_remote_has_a_tracker() {
    let net = team();
    let b = git_clone(&net, "b");
    let run = net.run(&b, &["init", "--prefix", "BUG-"]);
    assert_eq!(
        run.bad_input(),
        "error: origin already has a tracker branch (origin/tracker): this repository's \
         tracker exists\nhint: run 'git tracker sync' (or any command) to use it; 'init \
         --force' makes a separate one\n"
    );
    assert!(!branch_exists(&net, &b), "a refused init wrote nothing");

    // A clone made before the tracker existed has no origin/tracker: init asks the remote.
    let net = team();
    net.env.git_in(&net.remote, &["branch", "-D", "tracker"]);
    let early = git_clone(&net, "early");
    net.sync(&net.env.repo);
    let run = net.run(&early, &["init"]);
    assert!(
        run.bad_input()
            .starts_with("error: origin already has a tracker branch"),
        "{run}"
    );
    assert!(!branch_exists(&net, &early));

    // --force makes a separate tracker, with a warning.
    let run: Run = net.run(&early, &["init", "--force", "--prefix", "OPS-"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.starts_with(
            "warning: origin has a tracker branch; this creates a separate tracker, which 'git \
             tracker sync' cannot combine with origin's\n"
        ),
        "{run}"
    );
    assert!(branch_exists(&net, &early));
}

#[test]
fn commands_say_when_a_plain_git_fetch_brought_newer_tickets() {
    let net = team();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "First");
    net.sync(&a);
    let b = net.clone("b");
    let key = net.new_ticket(&a, "Made elsewhere");
    net.sync(&a);

    // b fetches with plain git: origin/tracker moves, the local branch does not.
    net.env.git_in(&b, &["fetch", "-q", "origin"]);
    let note = "Note: origin/tracker has newer tracker changes than this clone shows (fetched \
                by git, not combined yet): run 'git tracker sync' to get them.\n";
    let run = net.run(&b, &["show", &key]);
    assert_eq!(
        run.bad_input(),
        format!(
            "{note}error: unknown ticket \"TRK-2\"\nhint: 'git tracker list --all' shows every \
             ticket\n"
        )
    );
    let run = net.run(&b, &["list", "--format", "json"]);
    assert_eq!(run.stderr, note);
    // -q silences it.
    assert_eq!(net.run(&b, &["-q", "list"]).stderr, "");
    // A local change does not hide it (the histories diverged).
    net.new_ticket(&b, "Local one");
    assert_eq!(net.run(&b, &["list"]).stderr, note);

    // After sync the note is gone, and the ticket is there.
    net.sync(&b);
    let run = net.run(&b, &["list", "--format", "json"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.json()["tickets"][1]["key"], key.as_str(), "{run}");
    // A fetch that brings nothing new says nothing.
    net.env.git_in(&b, &["fetch", "-q", "origin"]);
    assert_eq!(net.run(&b, &["list"]).stderr, "");
}
