//! The hermetic test environment: a temporary root with its own HOME, a fixed identity and
//! clock, and helpers to run the real binary and inspect the repository with real git.

#![allow(dead_code)]

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_git-tracker");

/// The result of one command: stdout, stderr, exit code.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    pub fn from(out: Output) -> Self {
        Self {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            code: out.status.code().unwrap_or(-1),
        }
    }

    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success:\n{self}");
        &self.stdout
    }

    /// Asserts exit code 2 with one `error:` line, and returns stderr.
    #[track_caller]
    pub fn bad_input(&self) -> &str {
        assert_eq!(self.code, 2, "expected exit 2:\n{self}");
        assert!(
            self.stderr.starts_with("error: ") || self.stderr.contains("\nerror: "),
            "{self}"
        );
        assert!(!self.stderr.contains("panicked"), "{self}");
        &self.stderr
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok()).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{self}"))
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}--- stderr ---\n{}[exit status: {}]",
            self.stdout, self.stderr, self.code
        )
    }
}

/// A temporary root holding one or more repositories.
pub struct TestEnv {
    pub root: TempDir,
    /// The repository commands run in by default.
    pub repo: PathBuf,
    clock: Cell<i64>,
    user: std::cell::RefCell<(String, String)>,
}

impl TestEnv {
    /// A normal repository with one commit on `main` and a dirty work tree, so that tests can
    /// check the tool leaves them alone.
    pub fn new() -> Self {
        let env = Self::empty();
        std::fs::create_dir_all(&env.repo).unwrap();
        env.git(&["init", "-q", "-b", "main"]);
        std::fs::write(env.repo.join("README"), "hello\n").unwrap();
        env.git(&["add", "README"]);
        env.git(&["commit", "-q", "-m", "first"]);
        std::fs::write(env.repo.join("README"), "hello, modified\n").unwrap();
        std::fs::write(env.repo.join("untracked.txt"), "scratch\n").unwrap();
        env
    }

    /// A bare repository.
    pub fn bare() -> Self {
        let env = Self::empty();
        std::fs::create_dir_all(&env.repo).unwrap();
        env.git(&["init", "-q", "--bare"]);
        env
    }

    /// A normal repository with the tracker initialised.
    pub fn initialized() -> Self {
        let env = Self::new();
        env.run(&["init"]).ok();
        env
    }

    fn empty() -> Self {
        let root = tempfile::Builder::new()
            .prefix("gt-test")
            .tempdir()
            .unwrap();
        let repo = root.path().join("repo");
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        Self {
            root,
            repo,
            clock: Cell::new(0),
            user: std::cell::RefCell::new(("Ann Author".into(), "ann@example.com".into())),
        }
    }

    /// Acts as another person from now on.
    pub fn set_user(&self, name: &str, email: &str) {
        *self.user.borrow_mut() = (name.into(), email.into());
    }

    pub fn base_command(&self, program: &str, dir: &Path) -> Command {
        let mut cmd = Command::new(program);
        let home = self.root.path().join("home");
        let (name, email) = self.user.borrow().clone();
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", &name)
            .env("GIT_AUTHOR_EMAIL", &email)
            .env("GIT_COMMITTER_NAME", &name)
            .env("GIT_COMMITTER_EMAIL", &email)
            .env("COLUMNS", "100")
            // Times are shown in the local zone: UTC here, whatever the machine's.
            .env("TZ", "UTC")
            .stdin(std::process::Stdio::null());
        cmd
    }

    /// The time the next command will see, then moves the clock one minute on.
    pub fn tick(&self) -> String {
        let n = self.clock.get();
        self.clock.set(n + 1);
        let t = chrono::DateTime::from_timestamp(1_767_225_600 + n * 60, 0).unwrap();
        t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    /// The binary, ready to run in `dir` with the clock set.
    pub fn command_in(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = self.base_command(BIN, dir);
        cmd.env("GIT_TRACKER_NOW", self.tick()).args(args);
        cmd
    }

    /// Runs the binary in the default repository.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(&self.repo, args)
    }

    pub fn run_in(&self, dir: &Path, args: &[&str]) -> Run {
        Run::from(self.command_in(dir, args).output().unwrap())
    }

    /// Runs the binary with `input` on stdin.
    pub fn run_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        use std::io::Write;
        let mut cmd = self.command_in(&self.repo, args);
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        Run::from(child.wait_with_output().unwrap())
    }

    /// Runs real git in the default repository and returns stdout; panics on failure.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.repo, args)
    }

    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.base_command("git", dir).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The tracker branch's tip, if any.
    pub fn tip(&self) -> Option<String> {
        let out = self
            .base_command("git", &self.repo)
            .args(["rev-parse", "--verify", "-q", "refs/heads/tracker"])
            .output()
            .unwrap();
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// Number of commits on the tracker branch.
    pub fn commits(&self) -> usize {
        match self.tip() {
            None => 0,
            Some(_) => self
                .git(&["rev-list", "--count", "refs/heads/tracker"])
                .trim()
                .parse()
                .unwrap(),
        }
    }

    /// Everything of the user's side of the repository: HEAD, the index file, the work tree
    /// and every ref but the tracker branch.
    pub fn user_state(&self) -> String {
        let mut s = String::new();
        let gitdir = self.git(&["rev-parse", "--absolute-git-dir"]);
        let gitdir = Path::new(gitdir.trim());
        s += &std::fs::read_to_string(gitdir.join("HEAD")).unwrap_or_default();
        if let Ok(index) = std::fs::read(gitdir.join("index")) {
            s += &format!("index: {} bytes {:x}\n", index.len(), fnv(&index));
        }
        s += &self
            .git(&["for-each-ref", "--format=%(refname) %(objectname)"])
            .lines()
            .filter(|l| !l.starts_with("refs/heads/tracker "))
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        if gitdir.join("refs/stash").exists() {
            s += "stash\n";
        }
        let mut files = Vec::new();
        walk(&self.repo, &mut files);
        for f in files {
            let content = std::fs::read(&f).unwrap();
            s += &format!(
                "{} {:x}\n",
                f.strip_prefix(&self.repo).unwrap().display(),
                fnv(&content)
            );
        }
        s
    }

    /// Commits, with plain git as the current user, files written (`Some(content)`) or deleted
    /// (`None`) on the tracker branch, and pushes the commit back: what someone with push
    /// access can do without the tool.
    pub fn craft(&self, changes: &[(&str, Option<&str>)], message: &str) {
        let work = self
            .root
            .path()
            .join(format!("craft-{}", self.tick().replace(':', "")));
        let repo = self.repo.to_str().unwrap();
        self.git_in(
            self.root.path(),
            &["clone", "-q", "-b", "tracker", repo, work.to_str().unwrap()],
        );
        for (path, content) in changes {
            let full = work.join(path);
            match content {
                Some(c) => {
                    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
                    std::fs::write(full, c).unwrap();
                }
                None if full.is_dir() => std::fs::remove_dir_all(full).unwrap(),
                None => std::fs::remove_file(full).unwrap(),
            }
        }
        self.git_in(&work, &["add", "-A"]);
        self.git_in(&work, &["commit", "-q", "-m", message]);
        self.git_in(&work, &["push", "-q", "origin", "tracker"]);
    }

    /// `verify --format json`: its exit code and each problem as `(kind, path, message)`.
    pub fn problems(&self) -> (i32, Vec<(String, String, String)>) {
        let run = self.run(&["verify", "--format", "json"]);
        let v: serde_json::Value =
            serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run}"));
        let text = |p: &serde_json::Value, k: &str| p[k].as_str().unwrap().to_owned();
        let list = v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (text(p, "kind"), text(p, "path"), text(p, "message")))
            .collect();
        (run.code, list)
    }

    /// [`TestEnv::problems`] without the messages: `(kind, path)`.
    pub fn problem_kinds(&self) -> (i32, Vec<(String, String)>) {
        let (code, list) = self.problems();
        (code, list.into_iter().map(|(k, p, _)| (k, p)).collect())
    }

    /// The JSON of `log KEY`: the ticket's id and its events.
    pub fn log_json(&self, key: &str) -> serde_json::Value {
        self.run(&["log", key, "--format", "json"]).json()
    }

    /// Creates a ticket and returns its key.
    pub fn new_ticket(&self, title: &str) -> String {
        self.run(&["new", title, "-m", "description"])
            .ok()
            .trim()
            .to_owned()
    }
}

/// Runs `tests/reader/SCRIPT` (an independent reader of the format, in Python) on `repo` with
/// `args`, and returns the JSON it prints.
pub fn reader(script: &str, repo: &Path, args: &[&str]) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reader")
        .join(script);
    let Some(py) = crate::test_format::python() else {
        panic!("python3 with tomllib (3.11+) is needed for this test; scripts/test.sh installs it")
    };
    let out = Command::new(py)
        .arg(&path)
        .arg(repo)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if !dir.exists() {
        return;
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
