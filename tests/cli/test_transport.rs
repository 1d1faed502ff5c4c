//! Issue 9: sync's transport. A server's pre-receive hook (the documented script,
//! docs/hooks/pre-receive) refuses bad pushes with a message the pusher sees; `sync` reports a
//! refusal as such (exit 1, the remote's words) instead of retrying; and `sync` gives up on a
//! server that never answers.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::common::{Run, TestEnv, BIN};

/// A bare repository in the test root with the documented pre-receive hook, and a PATH on
/// which the hook finds `git tracker` (this build's binary).
struct Server {
    env: TestEnv,
    remote: PathBuf,
    path: std::ffi::OsString,
}

impl Server {
    /// The default repository, initialised, with one ticket; the remote is empty.
    fn new() -> Self {
        Self::with_hook(
            &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/hooks/pre-receive"))
                .unwrap(),
        )
    }

    fn with_hook(hook: &[u8]) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let env = TestEnv::initialized();
        env.new_ticket("first");
        let remote = env.root.path().join("remote.git");
        env.git_in(
            env.root.path(),
            &["init", "-q", "--bare", remote.to_str().unwrap()],
        );
        let hook_path = remote.join("hooks/pre-receive");
        std::fs::write(&hook_path, hook).unwrap();
        std::fs::set_permissions(&hook_path, std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = env.root.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::os::unix::fs::symlink(BIN, bin.join("git-tracker")).unwrap();
        let mut paths = vec![bin];
        paths.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let path = std::env::join_paths(paths).unwrap();
        Self { env, remote, path }
    }

    /// Real git in `dir`, with the hook's PATH; does not assert success.
    fn git(&self, dir: &Path, args: &[&str]) -> Run {
        let mut cmd = self.env.base_command("git", dir);
        cmd.env("PATH", &self.path).args(args);
        output(cmd)
    }

    /// `git tracker` in `dir`, with the hook's PATH.
    fn tracker(&self, dir: &Path, args: &[&str]) -> Run {
        let mut cmd = self.env.command_in(dir, args);
        cmd.env("PATH", &self.path);
        output(cmd)
    }

    /// The remote's tracker branch, if any.
    fn remote_tip(&self) -> Option<String> {
        let run = self.git(
            &self.remote,
            &["rev-parse", "--verify", "-q", "refs/heads/tracker"],
        );
        (run.code == 0).then(|| run.stdout.trim().to_owned())
    }

    /// A plain-git clone of the remote with the tracker branch checked out, to craft commits.
    fn work_clone(&self, name: &str) -> PathBuf {
        let dir = self.env.root.path().join(name);
        let run = self.git(
            self.env.root.path(),
            &[
                "clone",
                "-q",
                "-b",
                "tracker",
                self.remote.to_str().unwrap(),
                dir.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 0, "{run}");
        dir
    }

    /// Pushes the default repository's tracker branch with plain git; it must be accepted.
    fn publish(&self) {
        let run = self.git(
            &self.env.repo,
            &["push", self.remote.to_str().unwrap(), "tracker"],
        );
        assert_eq!(run.code, 0, "{run}");
        assert_eq!(self.remote_tip(), self.env.tip());
    }
}

fn output(mut cmd: Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// The ticket id and the id of its last event.
fn ids(server: &Server, key: &str) -> (String, String) {
    let log = server.env.run(&["log", key, "--format", "json"]).json();
    (
        log["id"].as_str().unwrap().to_owned(),
        log["events"].as_array().unwrap().last().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

fn event_path(ticket: &str, event: &str) -> String {
    format!("tickets/{}/{ticket}/{event}.toml", &ticket[..2])
}

/// A comment event by `email`, following `parent`.
fn comment_event(parent: &str, name: &str, email: &str) -> String {
    format!(
        "version = 1\nkind = \"comment\"\nbody = \"hello\"\nlamport = 2\nparents = [\"{parent}\"]\nat = \"2026-01-02T00:00:00Z\"\n\n[author]\nname = \"{name}\"\nemail = \"{email}\"\n"
    )
}

/// In `work`, commits `path` with `content` as `name <email>` (plain git).
fn commit_file(server: &Server, work: &Path, path: &str, content: &str, name: &str, email: &str) {
    let full = work.join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, content).unwrap();
    assert_eq!(server.git(work, &["add", "-A"]).code, 0);
    let mut cmd = server.env.base_command("git", work);
    cmd.env("GIT_AUTHOR_NAME", name)
        .env("GIT_AUTHOR_EMAIL", email)
        .args(["commit", "-q", "-m", "hand-made"]);
    let run = output(cmd);
    assert_eq!(run.code, 0, "{run}");
}

#[test]
fn honest_pushes_and_syncs_are_accepted() {
    let server = Server::new();
    // A plain `git push` that creates the branch on the server.
    server.publish();
    // `sync` pushing a new ticket (a fast-forward).
    server.env.new_ticket("second");
    let remote = server.remote.to_str().unwrap();
    let run = server.tracker(&server.env.repo, &["sync", remote]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("Pushed to"), "{run}");
    assert_eq!(server.remote_tip(), server.env.tip());
    // A comment made by hand with plain git, by its own author, pushed with plain git.
    let work = server.work_clone("work");
    let (ticket, last) = ids(&server, "TRK-2");
    let path = event_path(&ticket, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let content = comment_event(&last, "Bob", "bob@example.com");
    commit_file(&server, &work, &path, &content, "Bob", "bob@example.com");
    let run = server.git(&work, &["push", "origin", "tracker"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("push refused"), "{run}");
    let run = server.tracker(&server.env.repo, &["sync", remote]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("Received changes"), "{run}");
}

#[test]
fn a_forged_author_is_refused_with_the_hooks_message() {
    let server = Server::new();
    server.publish();
    let before = server.remote_tip();
    let work = server.work_clone("work");
    let (ticket, last) = ids(&server, "TRK-1");
    let forged = event_path(&ticket, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    // Mallory commits a comment that claims Ann wrote it.
    let content = comment_event(&last, "Ann Author", "ann@example.com");
    commit_file(
        &server,
        &work,
        &forged,
        &content,
        "Mallory",
        "mallory@example.com",
    );
    let local = server.git(&work, &["rev-parse", "tracker"]).stdout;

    // Plain git: refused, and the pusher reads why.
    let run = server.git(&work, &["push", "origin", "tracker"]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains(&format!("remote: {forged}: forged-author: ")),
        "{run}"
    );
    assert!(
        run.stderr.contains("remote: tracker: push refused"),
        "{run}"
    );
    assert!(run.stderr.contains("pre-receive hook declined"), "{run}");
    assert_eq!(server.remote_tip(), before);

    // `sync`: stops at once with exit 1, showing what the remote said.
    let run = server.tracker(&work, &["sync"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains(&format!("remote: {forged}: forged-author: ")),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("error: origin refused the push: pre-receive hook declined"),
        "{run}"
    );
    assert!(!run.stderr.contains("kept changing"), "{run}");
    assert_eq!(server.remote_tip(), before);
    assert_eq!(server.git(&work, &["rev-parse", "tracker"]).stdout, local);
}

#[test]
fn rewriting_or_deleting_the_branch_is_refused() {
    let server = Server::new();
    server.env.new_ticket("second");
    server.publish();
    let before = server.remote_tip();
    let remote = server.remote.to_str().unwrap();

    // The same content under another commit: verify finds nothing wrong with it, but it is
    // not a fast-forward.
    let run = server.git(
        &server.env.repo,
        &[
            "commit-tree",
            "-p",
            "tracker~1",
            "-m",
            "rewritten",
            "tracker^{tree}",
        ],
    );
    assert_eq!(run.code, 0, "{run}");
    let rewritten = run.stdout.trim().to_owned();
    let run = server.git(
        &server.env.repo,
        &[
            "push",
            "--force",
            remote,
            &format!("{rewritten}:refs/heads/tracker"),
        ],
    );
    assert_ne!(run.code, 0, "{run}");
    assert!(run.stderr.contains("not a fast-forward"), "{run}");
    assert_eq!(server.remote_tip(), before);

    let run = server.git(&server.env.repo, &["push", remote, ":refs/heads/tracker"]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("remote: tracker: push refused: deleting refs/heads/tracker"),
        "{run}"
    );
    assert_eq!(server.remote_tip(), before);
}

#[test]
fn a_commit_deleting_an_event_file_is_refused() {
    let server = Server::new();
    server.env.run(&["comment", "TRK-1", "-m", "later"]).ok();
    server.publish();
    let before = server.remote_tip();
    // The comment is the ticket's last event: no other event names it, so deleting its file
    // leaves nothing dangling; only the deletion itself is wrong.
    let (ticket, comment) = ids(&server, "TRK-1");
    let work = server.work_clone("work");
    let path = event_path(&ticket, &comment);
    assert_eq!(server.git(&work, &["rm", "-q", &path]).code, 0);
    assert_eq!(
        server
            .git(&work, &["commit", "-q", "-m", "forget a comment"])
            .code,
        0
    );
    let run = server.git(&work, &["push", "origin", "tracker"]);
    assert_ne!(run.code, 0, "{run}");
    assert!(run.stderr.contains("deleted"), "{run}");
    assert_eq!(server.remote_tip(), before);
}

/// The remote's words are its own text: sanitized before they reach the terminal.
#[test]
fn a_refusing_remotes_message_is_sanitized() {
    let server = Server::with_hook(
        b"#!/bin/sh\nprintf 'no pushes today \\033[31mred\\n' >&2\nprintf 'second line\\n'\nexit 1\n",
    );
    let remote = server.remote.to_str().unwrap();
    let run = server.tracker(&server.env.repo, &["sync", remote]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("remote: no pushes today \\u{1b}[31mred\nremote: second line\n"),
        "{run}"
    );
    assert!(!run.stderr.contains('\u{1b}'), "{run}");
    assert!(
        run.stderr
            .contains("refused the push: pre-receive hook declined"),
        "{run}"
    );
    assert_eq!(server.remote_tip(), None);
}

/// A TCP server on 127.0.0.1 that accepts connections and never answers; stopped on drop.
struct Silent {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Silent {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut held = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => held.push(stream),
                    Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
                }
            }
        });
        Self {
            port,
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Silent {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[test]
fn sync_gives_up_on_a_server_that_never_answers() {
    let env = TestEnv::initialized();
    env.new_ticket("waiting");
    let before = env.tip();
    let silent = Silent::start();
    let url = format!("git://127.0.0.1:{}/x", silent.port);

    let run = env.run(&["sync", "--timeout", "2", &url]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(&format!(
            "error: sync with {url} timed out after 2 s (git ls-remote was stopped)"
        )),
        "{run}"
    );
    assert!(run.stderr.contains("hint: allow more time"), "{run}");
    assert_eq!(env.tip(), before);

    // git config tracker.syncTimeout, and --timeout winning over it.
    env.git(&["config", "tracker.syncTimeout", "1"]);
    let run = env.run(&["sync", &url]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("timed out after 1 s"), "{run}");
    let run = env.run(&["sync", "--timeout", "2", &url]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("timed out after 2 s"), "{run}");
    assert_eq!(env.tip(), before);
}

#[test]
fn bad_timeouts_are_refused() {
    let env = TestEnv::initialized();
    env.new_ticket("one");
    let before = env.tip();
    let remote = env.root.path().join("remote.git");
    env.git_in(
        env.root.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    let remote = remote.to_str().unwrap();
    let err = env
        .run(&["sync", "--timeout", "0", remote])
        .bad_input()
        .to_owned();
    assert!(err.contains("--timeout"), "{err}");
    env.git(&["config", "tracker.syncTimeout", "soon"]);
    let err = env.run(&["sync", remote]).bad_input().to_owned();
    assert!(
        err.contains("error: invalid git config tracker.syncTimeout \"soon\""),
        "{err}"
    );
    assert_eq!(env.tip(), before);
    // --timeout wins over the bad configuration value.
    env.run(&["sync", "--timeout", "30", remote]).ok();
}

#[test]
fn verify_checks_any_revision() {
    let env = TestEnv::initialized();
    env.new_ticket("one");
    let clean = env.tip().unwrap();
    // A forged comment on top, committed with plain git by someone else.
    let log = env.run(&["log", "TRK-1", "--format", "json"]).json();
    let ticket = log["id"].as_str().unwrap().to_owned();
    let last = log["events"].as_array().unwrap().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = event_path(&ticket, "cccccccccccccccccccccccccccccccc");
    let blob = {
        let mut cmd = env.base_command("git", &env.repo);
        cmd.args(["hash-object", "-w", "--stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(comment_event(&last, "Ann Author", "ann@example.com").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    let index = env.root.path().join("scratch-index");
    let git_scratch = |args: &[&str]| {
        let mut cmd = env.base_command("git", &env.repo);
        cmd.env("GIT_INDEX_FILE", &index)
            .env("GIT_AUTHOR_NAME", "Mallory")
            .env("GIT_AUTHOR_EMAIL", "mallory@example.com")
            .args(args);
        let run = output(cmd);
        assert_eq!(run.code, 0, "{run}");
        run.stdout.trim().to_owned()
    };
    git_scratch(&["read-tree", "tracker"]);
    git_scratch(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("100644,{blob},{path}"),
    ]);
    let tree = git_scratch(&["write-tree"]);
    let forged = git_scratch(&["commit-tree", "-p", "tracker", "-m", "forged", &tree]);

    // The branch itself is clean; the forged commit (not on any branch) is not.
    env.run(&["verify"]).ok();
    let run = env.run(&["verify", "--rev", &forged]);
    assert_eq!(run.code, 3, "{run}");
    assert!(
        run.stdout.starts_with(&format!("{path}: forged-author: ")),
        "{run}"
    );
    env.run(&["verify", "--rev", &clean[..12]]).ok();
    env.run(&["verify", "--rev", "tracker~0"]).ok();
    let err = env
        .run(&["verify", "--rev", "no-such-rev"])
        .bad_input()
        .to_owned();
    assert!(err.contains("\"no-such-rev\""), "{err}");
    assert_eq!(env.tip().unwrap(), clean);
}
