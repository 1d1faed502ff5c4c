//! R2, R4, R7, R14, R60: sharing the tracker branch between clones through a remote.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Run, TestEnv};

/// A bare remote and clones of it, all in one test root.
pub struct Net {
    pub env: TestEnv,
    pub remote: PathBuf,
}

impl Net {
    /// The default repository, initialised and pushed to a new bare remote as `origin`.
    pub fn new() -> Self {
        let env = TestEnv::initialized();
        let remote = env.root.path().join("remote.git");
        env.git_in(
            env.root.path(),
            &["init", "-q", "--bare", remote.to_str().unwrap()],
        );
        env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
        let net = Self { env, remote };
        net.sync(&net.env.repo.clone()).ok();
        net
    }

    /// A fresh `git clone` of the remote whose first command is `sync`.
    pub fn clone(&self, name: &str) -> PathBuf {
        let dir = self.env.root.path().join(name);
        self.env.git_in(
            self.env.root.path(),
            &["clone", "-q", self.remote.to_str().unwrap(), name],
        );
        let run = self.sync(&dir);
        assert!(run.ok().is_empty(), "{run}");
        dir
    }

    pub fn run(&self, dir: &Path, args: &[&str]) -> Run {
        self.env.run_in(dir, args)
    }

    pub fn sync(&self, dir: &Path) -> Run {
        let run = self.run(dir, &["sync"]);
        assert_eq!(run.code, 0, "{run}");
        run
    }

    pub fn new_ticket(&self, dir: &Path, title: &str) -> String {
        self.run(dir, &["new", title]).ok().trim().to_owned()
    }

    /// Changes the remote's tracker branch with plain git, as anyone with push access can:
    /// clones it into `name`, lets `edit` change the work tree, commits everything and pushes.
    /// Returns the commit.
    pub fn push_by_hand(&self, name: &str, edit: impl FnOnce(&Path)) -> String {
        let root = self.env.root.path();
        let remote = self.remote.to_str().unwrap();
        self.env
            .git_in(root, &["clone", "-q", "-b", "tracker", remote, name]);
        let work = root.join(name);
        edit(&work);
        self.env.git_in(&work, &["add", "-A"]);
        self.env.git_in(&work, &["commit", "-q", "-m", name]);
        self.env.git_in(&work, &["push", "-q", "origin", "tracker"]);
        self.env
            .git_in(&work, &["rev-parse", "HEAD"])
            .trim()
            .to_owned()
    }

    pub fn list(&self, dir: &Path) -> Value {
        self.run(dir, &["list", "--all", "--sort", "key", "--format", "json"])
            .json()
    }

    /// `list --all` and `show` of every ticket, as one JSON text.
    fn everything(&self, dir: &Path) -> String {
        let list = self.list(dir);
        let mut out = list.to_string();
        for t in list["tickets"].as_array().unwrap() {
            let key = t["key"].as_str().unwrap();
            out += self.run(dir, &["show", key, "--format", "json"]).ok();
        }
        out
    }

    fn titles_by_key(&self, dir: &Path) -> Vec<(String, String)> {
        self.list(dir)["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["key"].as_str().unwrap().to_owned(),
                    t["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }
}

/// Tickets, comments and transitions made in each clone appear in every clone, whichever
/// clone syncs first.
#[test]
fn clones_converge_in_either_sync_order() {
    for a_first in [true, false] {
        let net = Net::new();
        let a = net.env.repo.clone();
        let b = net.clone("b");
        let shared = net.new_ticket(&a, "shared");
        net.sync(&a);
        net.sync(&b);
        net.new_ticket(&a, "from a");
        net.run(&a, &["comment", &shared, "-m", "a says hi"]).ok();
        net.env.set_user("Bob", "bob@example.com");
        net.new_ticket(&b, "from b");
        net.run(&b, &["state", &shared, "resolving"]).ok();
        net.run(&b, &["comment", &shared, "-m", "b says hi"]).ok();
        net.env.set_user("Ann Author", "ann@example.com");
        let (first, second) = if a_first { (&a, &b) } else { (&b, &a) };
        net.sync(first);
        net.sync(second);
        net.sync(first);
        assert_eq!(net.everything(&a), net.everything(&b));
        let titles: Vec<String> = net.titles_by_key(&a).into_iter().map(|(_, t)| t).collect();
        assert_eq!(titles.len(), 3);
        let show = net.run(&a, &["show", &shared, "--format", "json"]).json();
        assert_eq!(show["comments"].as_array().unwrap().len(), 2);
        assert_eq!(show["state"], "RESOLVING");
        // A plain git log of the remote is linear: sync replays, it never merges.
        let merges = net
            .env
            .git_in(&net.remote, &["rev-list", "--merges", "--count", "tracker"]);
        assert_eq!(merges.trim(), "0");
    }
}

/// R4: numbers that reached the remote first are kept; a clone's tickets created while apart
/// with the same numbers get the next free ones, reported, and every clone agrees.
#[test]
fn colliding_numbers_are_settled_at_sync() {
    let net = Net::new();
    let a = net.env.repo.clone();
    let b = net.clone("b");
    assert_eq!(net.new_ticket(&a, "a one"), "TRK-1");
    assert_eq!(net.new_ticket(&a, "a two"), "TRK-2");
    assert_eq!(net.new_ticket(&b, "b one"), "TRK-1");
    assert_eq!(net.new_ticket(&b, "b two"), "TRK-2");
    // Before their first sync, tickets of a clone with a remote are provisional.
    let listed = net.run(&b, &["list"]);
    assert!(listed.ok().contains("~TRK-1"), "{listed}");
    assert_eq!(net.list(&b)["tickets"][0]["provisional"], true);
    assert!(net
        .run(&b, &["show", "TRK-1"])
        .ok()
        .contains("provisional key"));

    net.sync(&a);
    let run = net.run(&b, &["sync", "--format", "json"]);
    assert!(run.stderr.contains("TRK-1 is now TRK-3"), "{run}");
    assert!(run.stderr.contains("TRK-2 is now TRK-4"), "{run}");
    let report = run.json();
    assert_eq!(report["renumbered"].as_array().unwrap().len(), 2);
    assert_eq!(report["renumbered"][0]["to"], "TRK-3");
    net.sync(&a);

    let expected: Vec<(String, String)> = [
        ("TRK-1", "a one"),
        ("TRK-2", "a two"),
        ("TRK-3", "b one"),
        ("TRK-4", "b two"),
    ]
    .iter()
    .map(|(k, t)| ((*k).to_owned(), (*t).to_owned()))
    .collect();
    assert_eq!(net.titles_by_key(&a), expected);
    assert_eq!(net.titles_by_key(&b), expected);
    assert_eq!(net.everything(&a), net.everything(&b));
    assert_eq!(net.list(&b)["tickets"][2]["provisional"], false);
    // The old key still means something in b: it now names a's ticket, and b is told.
    let old = net.run(&b, &["show", "TRK-1"]);
    assert!(old.ok().contains("a one"), "{old}");
    assert!(old.stderr.contains("TRK-1 was renumbered TRK-3"), "{old}");
    // A third clone sees the same.
    let c = net.clone("c");
    assert_eq!(net.titles_by_key(&c), expected);
    // New tickets continue after the highest number.
    assert_eq!(net.new_ticket(&c, "c one"), "TRK-5");
}

/// R14: two clones move the same ticket while apart; after syncing both show the same state,
/// flagged as contested until a later change settles it.
#[test]
fn concurrent_transitions_converge_and_are_contested() {
    let net = Net::new();
    let a = net.env.repo.clone();
    let key = net.new_ticket(&a, "contested");
    // A ticket nobody contests, which `list --contested` must leave out.
    net.new_ticket(&a, "quiet");
    net.sync(&a);
    let b = net.clone("b");
    net.run(&a, &["state", &key, "resolving"]).ok();
    net.run(&b, &["state", &key, "waiting"]).ok();
    net.run(&a, &["assign", &key, "x@example.com"]).ok();
    net.run(&b, &["assign", &key, "y@example.com"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    let sa = net.run(&a, &["show", &key, "--format", "json"]).json();
    let sb = net.run(&b, &["show", &key, "--format", "json"]).json();
    assert_eq!(sa, sb);
    assert_eq!(sa["contested"], serde_json::json!(["assignee", "state"]));
    assert_eq!(
        sa["transitions"].as_array().unwrap().len(),
        2,
        "no event was dropped"
    );
    let contested = net
        .run(&a, &["list", "--contested", "--format", "json"])
        .json();
    assert_eq!(contested["tickets"].as_array().unwrap().len(), 1);
    assert!(net
        .run(&a, &["show", &key])
        .ok()
        .contains("contested: assignee, state"));
    // A later change, made after seeing both, settles the state.
    net.run(&b, &["state", &key, "testing"]).ok();
    net.sync(&b);
    net.sync(&a);
    let sa = net.run(&a, &["show", &key, "--format", "json"]).json();
    assert_eq!(sa["state"], "TESTING");
    assert_eq!(sa["contested"], serde_json::json!(["assignee"]));
}

/// Issue 9 (R14): two clones that make the same change while apart do not contest the field
/// (the same state; the same assignee, whatever the case of the email); a different change
/// still does. The independent reader of docs/format.md agrees.
#[test]
fn equal_concurrent_changes_are_not_contested() {
    let net = Net::new();
    let a = net.env.repo.clone();
    let key = net.new_ticket(&a, "same change");
    net.sync(&a);
    let b = net.clone("b");
    net.run(&a, &["state", &key, "resolving"]).ok();
    net.run(&b, &["state", &key, "resolving"]).ok();
    net.run(&a, &["assign", &key, "x@example.com"]).ok();
    net.run(&b, &["assign", &key, "X@Example.com"]).ok();
    net.run(&a, &["edit", &key, "--title", "Renamed"]).ok();
    net.run(&b, &["edit", &key, "--title", "Renamed differently"])
        .ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    let sa = net.run(&a, &["show", &key, "--format", "json"]).json();
    let sb = net.run(&b, &["show", &key, "--format", "json"]).json();
    assert_eq!(sa, sb);
    assert_eq!(sa["contested"], serde_json::json!(["title"]));
    let resolving = sa["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["to"] == "RESOLVING")
        .count();
    assert_eq!(resolving, 2, "both changes are kept: {sa}");
    let listed = net
        .run(&a, &["list", "--contested", "--format", "json"])
        .json();
    assert_eq!(listed["tickets"].as_array().unwrap().len(), 1);
    // The same state and assignee again on both sides, after the title was settled.
    net.run(&a, &["edit", &key, "--title", "Settled"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.run(&a, &["state", &key, "waiting"]).ok();
    net.run(&b, &["state", &key, "waiting"]).ok();
    net.sync(&a);
    net.sync(&b);
    net.sync(&a);
    let sa = net.run(&a, &["show", &key, "--format", "json"]).json();
    assert_eq!(sa["contested"], serde_json::json!([]), "{sa}");
    let listed = net
        .run(&a, &["list", "--contested", "--format", "json"])
        .json();
    assert_eq!(listed["tickets"].as_array().unwrap().len(), 0, "{listed}");

    let theirs = crate::test_format::independent_reader(&a);
    let theirs = &theirs["tickets"][0];
    let mut ours = sa;
    let obj = ours.as_object_mut().unwrap();
    obj.remove("schema_version");
    obj.remove("provisional");
    assert_eq!(&ours, theirs, "the reader and the tool disagree");
}

/// A clone that only uses plain git on the branch (fetch, merge in a worktree, push) reads
/// the same tickets as clones that use `sync`, and sync works on top of the merges it makes.
#[test]
fn plain_git_fetch_merge_and_push_interoperate() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "one");
    net.sync(&a);
    let c = net.env.root.path().join("plain");
    let git = |args: &[&str]| net.env.git_in(&c, args);
    net.env.git_in(
        net.env.root.path(),
        &["clone", "-q", net.remote.to_str().unwrap(), "plain"],
    );
    git(&["fetch", "-q", "origin", "tracker:tracker"]);
    assert_eq!(net.everything(&c), net.everything(&a));
    // Both sides write while apart (c with the tool, without syncing) ...
    net.run(&c, &["comment", "TRK-1", "-m", "from plain"]).ok();
    net.new_ticket(&a, "two");
    net.sync(&a);
    // ... and c integrates with a plain merge of the branch, made in a worktree, and pushes.
    let wt = net.env.root.path().join("wt");
    git(&["worktree", "add", "-q", wt.to_str().unwrap(), "tracker"]);
    net.env.git_in(
        &wt,
        &[
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            "origin",
            "tracker",
        ],
    );
    git(&["worktree", "remove", wt.to_str().unwrap()]);
    git(&["push", "-q", "origin", "tracker"]);
    net.sync(&a);
    assert_eq!(net.everything(&a), net.everything(&c));
    let show = net.run(&a, &["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(show["comments"][0]["body"], "from plain");
    assert_eq!(net.titles_by_key(&a).len(), 2);
    // sync works on top of a history that contains that merge, from either side.
    net.new_ticket(&a, "three");
    net.run(&c, &["state", "TRK-2", "open"]).ok();
    net.sync(&a);
    net.sync(&c);
    net.sync(&a);
    assert_eq!(net.everything(&a), net.everything(&c));
    assert_eq!(net.titles_by_key(&c).len(), 3);
}

/// R7: several clones syncing at the same time to one remote lose no event.
#[test]
fn parallel_syncs_lose_nothing() {
    let net = Net::new();
    let clones: Vec<PathBuf> = (0..4).map(|i| net.clone(&format!("c{i}"))).collect();
    for (i, c) in clones.iter().enumerate() {
        for j in 0..3 {
            net.new_ticket(c, &format!("clone {i} ticket {j}"));
        }
    }
    let children: Vec<_> = clones
        .iter()
        .map(|c| {
            net.env
                .command_in(c, &["sync"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for c in &clones {
        net.sync(c);
    }
    let reference = net.everything(&clones[0]);
    for c in &clones[1..] {
        assert_eq!(net.everything(c), reference);
    }
    let listed = net.titles_by_key(&clones[0]);
    assert_eq!(listed.len(), 12, "{listed:?}");
    let keys: std::collections::BTreeSet<&String> = listed.iter().map(|(k, _)| k).collect();
    assert_eq!(keys.len(), 12, "every key is unique");
}

/// The default remote comes from git config tracker.remote, then branch.tracker.remote.
#[test]
fn the_default_remote_is_configurable() {
    let net = Net::new();
    let a = net.env.repo.clone();
    let other = net.env.root.path().join("other.git");
    net.env.git_in(
        net.env.root.path(),
        &["init", "-q", "--bare", other.to_str().unwrap()],
    );
    net.env
        .git(&["remote", "add", "other", other.to_str().unwrap()]);
    net.env.git(&["config", "branch.tracker.remote", "other"]);
    let run = net.sync(&a);
    assert!(run.stderr.contains("Pushed to other"), "{run}");
    net.env.git(&["config", "tracker.remote", "origin"]);
    net.new_ticket(&a, "x");
    assert!(net.sync(&a).stderr.contains("Pushed to origin"));
    let on_other = net.env.git_in(&other, &["rev-list", "--count", "tracker"]);
    let on_origin = net
        .env
        .git_in(&net.remote, &["rev-list", "--count", "tracker"]);
    assert_eq!((on_other.trim(), on_origin.trim()), ("1", "2"));
}

/// The remote can be a path, a file:// URL, or (below) git://.
#[test]
fn remotes_by_path_and_file_url() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "by url");
    let url = format!("file://{}", net.remote.display());
    net.run(&a, &["sync", &url]).ok();
    let fresh = net.env.root.path().join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    net.env.git_in(&fresh, &["init", "-q"]);
    let run = net.run(&fresh, &["sync", net.remote.to_str().unwrap()]);
    assert!(run.stderr.contains("Took the tracker branch"), "{run}");
    assert_eq!(net.titles_by_key(&fresh), net.titles_by_key(&a));
}

/// A real `git daemon` on 127.0.0.1 serves the remote over git://.
#[test]
fn sync_over_git_protocol() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "over git://");
    net.sync(&a);
    let daemon = Daemon::start(&net.env, net.env.root.path());
    let url = format!("git://127.0.0.1:{}/remote.git", daemon.port);
    let b = net.env.root.path().join("b");
    std::fs::create_dir_all(&b).unwrap();
    net.env.git_in(&b, &["init", "-q"]);
    net.env.git_in(&b, &["remote", "add", "origin", &url]);
    net.sync(&b);
    assert_eq!(net.titles_by_key(&b), net.titles_by_key(&a));
    net.new_ticket(&b, "pushed over git://");
    net.sync(&b);
    net.sync(&a);
    assert_eq!(net.everything(&a), net.everything(&b));
}

/// `git daemon` on a free port of 127.0.0.1, killed on drop. `git daemon` runs
/// `git-daemon` as a child process, so the daemon itself is found through its pid file.
pub struct Daemon {
    child: std::process::Child,
    pub port: u16,
    pid_file: PathBuf,
}

impl Daemon {
    pub fn start(env: &TestEnv, base: &Path) -> Self {
        let pid_file = env.root.path().join("git-daemon.pid");
        for _ in 0..20 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let mut child = env
                .base_command("git", base)
                .args([
                    "daemon",
                    "--reuseaddr",
                    "--export-all",
                    "--enable=receive-pack",
                    "--informative-errors",
                    "--listen=127.0.0.1",
                    &format!("--pid-file={}", pid_file.display()),
                    &format!("--port={port}"),
                    &format!("--base-path={}", base.display()),
                    &base.display().to_string(),
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            for _ in 0..100 {
                if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Self {
                        child,
                        port,
                        pid_file,
                    };
                }
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            kill_daemon(&pid_file);
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("git daemon did not start");
    }
}

fn kill_daemon(pid_file: &Path) {
    if let Ok(pid) = std::fs::read_to_string(pid_file) {
        let _ = std::process::Command::new("kill").arg(pid.trim()).status();
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        kill_daemon(&self.pid_file);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A seeded random walk: three clones make random changes and sync in random orders; after
/// everyone syncs, `list --all` and every `show` are byte-identical on all clones, and the
/// number of events equals the number of changes made.
#[test]
fn random_operations_and_sync_orders_converge() {
    for seed in [1_u64, 7, 2026] {
        let net = Net::new();
        let clones = [net.env.repo.clone(), net.clone("b"), net.clone("c")];
        let mut rng = seed;
        let mut next = move |n: usize| {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(rng >> 33).unwrap() % n
        };
        let states = [
            "open",
            "resolving",
            "waiting",
            "testing",
            "resolved",
            "abandonned",
        ];
        let mut changes = 0;
        for op in 0..45 {
            let dir = &clones[next(3)];
            let keys: Vec<String> = net.list(dir)["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["id"].as_str().unwrap().to_owned())
                .collect();
            let choice = if keys.is_empty() { 0 } else { next(7) };
            let id = if keys.is_empty() {
                String::new()
            } else {
                keys[next(keys.len())].clone()
            };
            let unique = format!("u{seed}x{op}");
            let run = match choice {
                0 => net.run(dir, &["new", &format!("ticket {unique}")]),
                1 => net.run(dir, &["comment", &id, "-m", &unique]),
                2 => net.run(dir, &["assign", &id, &format!("{unique}@example.com")]),
                3 => net.run(dir, &["watch", &id, &format!("{unique}@example.com")]),
                4 => net.run(dir, &["edit", &id, "--title", &unique]),
                5 => net.run(dir, &["state", &id, states[next(states.len())], "--reopen"]),
                _ => {
                    net.sync(dir);
                    continue;
                }
            };
            match run.code {
                // A move to the state the ticket is in writes nothing (R62).
                0 if choice == 5 && run.stderr.contains("nothing changed") => {}
                0 => changes += 1,
                _ => panic!("unexpected result:\n{run}"),
            }
        }
        for dir in clones.iter().chain(clones.iter()) {
            net.sync(dir);
        }
        let reference = net.everything(&clones[0]);
        for dir in &clones[1..] {
            assert_eq!(net.everything(dir), reference, "seed {seed}");
        }
        let mut events = 0;
        for t in net.list(&clones[0])["tickets"].as_array().unwrap() {
            let log = net
                .run(
                    &clones[0],
                    &["log", t["id"].as_str().unwrap(), "--format", "json"],
                )
                .json();
            events += log["events"].as_array().unwrap().len();
        }
        assert_eq!(
            events, changes,
            "seed {seed}: every change is one event, none lost"
        );
    }
}

/// A CI job's shallow clone: fetch only the tracker branch's tip, file a ticket, sync.
#[test]
fn shallow_ci_clone_files_and_pushes() {
    let net = Net::new();
    let a = net.env.repo.clone();
    for i in 0..3 {
        net.new_ticket(&a, &format!("old {i}"));
    }
    net.sync(&a);
    let url = format!("file://{}", net.remote.display());
    net.env.git_in(
        net.env.root.path(),
        &[
            "clone", "-q", "--depth", "1", "--branch", "tracker", &url, "ci",
        ],
    );
    let ci = net.env.root.path().join("ci");
    net.new_ticket(&a, "meanwhile");
    net.sync(&a);
    // This clone has the tracker branch checked out: writes still work, with a warning.
    let filed = net.run(&ci, &["new", "nightly failed"]);
    assert_eq!(filed.ok(), "TRK-4\n");
    assert!(
        filed
            .stderr
            .contains("the tracker branch is checked out here"),
        "{filed}"
    );
    let run = net.sync(&ci);
    assert!(run.stderr.contains("TRK-4 is now TRK-5"), "{run}");
    net.sync(&a);
    assert_eq!(net.everything(&a), net.everything(&ci));
}

/// R4 with plain git: when a plain merge brings two tickets with the same number together,
/// the one that was on the remote keeps it and the other takes the next free number — the
/// same keys `sync` would have given. Every clone agrees, and new tickets continue after them.
#[test]
fn plain_merges_settle_shared_numbers_like_sync() {
    // The same story twice: c combines with plain git, then with sync.
    let mut results = Vec::new();
    for plain in [true, false] {
        let net = Net::new();
        let a = net.env.repo.clone();
        net.new_ticket(&a, "a one");
        net.sync(&a);
        let c = net.clone("c");
        // While apart: a publishes two tickets, c files two of its own.
        assert_eq!(net.new_ticket(&a, "a two"), "TRK-2");
        assert_eq!(net.new_ticket(&a, "a three"), "TRK-3");
        net.sync(&a);
        assert_eq!(net.new_ticket(&c, "c two"), "TRK-2");
        assert_eq!(net.new_ticket(&c, "c three"), "TRK-3");
        net.run(&c, &["comment", "TRK-2", "-m", "on c two"]).ok();
        if plain {
            let wt = net.env.root.path().join("wt");
            net.env.git_in(
                &c,
                &["worktree", "add", "-q", wt.to_str().unwrap(), "tracker"],
            );
            net.env.git_in(
                &wt,
                &[
                    "pull",
                    "-q",
                    "--no-rebase",
                    "--no-edit",
                    "origin",
                    "tracker",
                ],
            );
            net.env
                .git_in(&c, &["worktree", "remove", wt.to_str().unwrap()]);
            net.env.git_in(&c, &["push", "-q", "origin", "tracker"]);
        } else {
            net.sync(&c);
        }
        net.sync(&a);
        let expected: Vec<(String, String)> = [
            ("TRK-1", "a one"),
            ("TRK-2", "a two"),
            ("TRK-3", "a three"),
            ("TRK-4", "c two"),
            ("TRK-5", "c three"),
        ]
        .iter()
        .map(|(k, t)| ((*k).to_owned(), (*t).to_owned()))
        .collect();
        assert_eq!(net.titles_by_key(&a), expected, "plain = {plain}");
        assert_eq!(net.titles_by_key(&c), expected, "plain = {plain}");
        // The independent reader of docs/format.md settles the shared numbers the same way.
        let theirs = crate::test_format::independent_reader(&a);
        let theirs: Vec<(String, String)> = theirs["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["key"].as_str().unwrap().to_owned(),
                    t["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(theirs, expected, "plain = {plain}");
        let show = net.run(&a, &["show", "TRK-4", "--format", "json"]).json();
        assert_eq!(show["key"], "TRK-4");
        assert_eq!(show["comments"][0]["body"], "on c two");
        assert_eq!(net.new_ticket(&a, "after"), "TRK-6");
        net.sync(&a);
        net.sync(&c);
        assert_eq!(net.everything(&a), net.everything(&c));
        results.push(net.titles_by_key(&a));
    }
    assert_eq!(
        results[0], results[1],
        "plain git and sync give the same keys"
    );
}

/// Concurrent changes of the configuration are the one thing that can conflict; `sync`
/// reports it clearly and changes nothing.
#[test]
fn concurrent_configuration_changes_are_reported() {
    let net = Net::new();
    let a = net.env.repo.clone();
    let b = net.clone("b");
    net.run(&a, &["config", "set", "feedback", "from a"]).ok();
    net.run(&b, &["config", "set", "feedback", "from b"]).ok();
    // Tickets never conflict: b also files one.
    net.new_ticket(&b, "b's ticket");
    net.sync(&a);
    let tip = net.env.git_in(&b, &["rev-parse", "tracker"]);
    let run = net.run(&b, &["sync"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("tracker.toml was changed both here and on the remote"),
        "{run}"
    );
    assert!(run.stderr.contains("hint:"), "{run}");
    assert_eq!(
        net.env.git_in(&b, &["rev-parse", "tracker"]),
        tip,
        "nothing was written"
    );
    // The same change on both sides is no conflict.
    let c = net.clone("c");
    net.run(&a, &["config", "set", "comments", "false"]).ok();
    net.run(&c, &["config", "set", "comments", "false"]).ok();
    net.sync(&a);
    net.sync(&c);
}
