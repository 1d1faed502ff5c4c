//! Issue 12, shell integration: `git tracker <TAB>` completes through git's own completion in
//! bash and zsh, `git tracker man --install` puts the pages where `man` and
//! `git tracker --help` find them, and the pages read as man pages should.
//!
//! Completion is typed for real: an interactive `bash --norc` (git's completion script from the
//! system, bash-completion's loader, our script installed as the README says) or `zsh -f`
//! (zsh's own `_git`, our `_git-tracker` on fpath) runs under tmux, keys are sent, and the
//! screen is read back. scripts/test.sh installs tmux, bash-completion, zsh and man-db.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common::{TestEnv, BIN};

/// A directory with `git-tracker` in it, to put first on PATH (as `cargo install` would).
fn bin_dir(env: &TestEnv) -> PathBuf {
    let dir = env.root.path().join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("git-tracker");
    if !link.exists() {
        std::os::unix::fs::symlink(BIN, &link).unwrap();
    }
    dir
}

fn path_with(dirs: &[&Path]) -> std::ffi::OsString {
    let mut all: Vec<PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    all.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(all).unwrap()
}

/// An interactive shell under its own tmux server, 120×40.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn start(env: &TestEnv, shell: &[&str], path: &std::ffi::OsStr, vars: &[(&str, &str)]) -> Self {
        let socket = env.root.path().join("tmux.sock");
        let mut cmd = env.base_command("tmux", &env.repo);
        cmd.env("PATH", path)
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.arg("-S")
            .arg(&socket)
            .args([
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "40",
            ])
            .args(shell);
        let out = cmd
            .output()
            .expect("tmux runs (scripts/test.sh installs it)");
        assert!(out.status.success(), "tmux: {out:?}");
        Self { socket }
    }

    fn tmux(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        out
    }

    /// Types `keys` (tmux key names such as `Tab` and `Enter` are keys, other words text).
    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend(keys);
        self.tmux(&args);
    }

    /// Types `text` literally.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", text]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// Waits (up to a minute: a cold git completion is slow on a busy machine) until the
    /// screen satisfies `done`, and returns it.
    fn wait(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The last line with text on the screen.
    fn last_line(screen: &str) -> String {
        screen
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim_end()
            .to_owned()
    }

    /// Types `typed`, Tab, then a marker `@`; returns the prompt line once the marker shows,
    /// without the prompt and the marker: what completion made of the line (a finished word
    /// keeps its space).
    fn complete(&self, prompt: &str, typed: &str) -> String {
        self.type_text(typed);
        self.send(&["Tab"]);
        self.type_text("@");
        let screen = self.wait(&format!("the completion of {typed:?}"), |s| {
            Self::last_line(s).ends_with('@')
        });
        let line = Self::last_line(&screen);
        // A fresh prompt for the next one.
        self.send(&["C-c"]);
        self.wait("a fresh prompt", |s| {
            Self::last_line(s) == prompt.trim_end()
        });
        line.strip_prefix(prompt)
            .and_then(|l| l.strip_suffix('@'))
            .unwrap_or_else(|| panic!("not a prompt line: {line:?}\n{screen}"))
            .to_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// Our script where bash-completion's loader finds it (the README's install step).
fn install_bash_completion(env: &TestEnv) {
    let dir = env
        .root
        .path()
        .join("home/.local/share/bash-completion/completions");
    std::fs::create_dir_all(&dir).unwrap();
    let script = env.run(&["completions", "bash"]);
    std::fs::write(dir.join("git-tracker"), script.ok()).unwrap();
}

#[test]
fn bash_completes_git_tracker_through_gits_completion() {
    let env = TestEnv::initialized();
    install_bash_completion(&env);
    let bin = bin_dir(&env);
    let tmux = Tmux::start(
        &env,
        &["bash", "--norc", "--noprofile"],
        &path_with(&[&bin]),
        &[],
    );
    // bash-completion's framework, as a user's shell has it: it loads git's completion on the
    // first `git <TAB>`, and git's completion loads ours for `git tracker`.
    tmux.type_text("PS1='$ '; source /usr/share/bash-completion/bash_completion; echo READY");
    tmux.send(&["Enter"]);
    tmux.wait("the shell", |s| {
        s.lines().any(|l| l == "READY") && Tmux::last_line(s) == "$"
    });
    for (typed, completed) in [
        ("git tracker sh", "git tracker show "),
        ("git trac", "git tracker "),
        ("git tracker list --st", "git tracker list --state "),
        ("git tracker query sa", "git tracker query save "),
        (
            "git tracker show --format js",
            "git tracker show --format json ",
        ),
        ("git -C . tracker --col", "git -C . tracker --color "),
        ("git-tracker sh", "git-tracker show "),
        ("git-tracker comment e", "git-tracker comment edit "),
    ] {
        assert_eq!(tmux.complete("$ ", typed), completed, "{typed}");
    }
}

#[test]
fn zsh_completes_git_tracker_through_gits_completion() {
    let env = TestEnv::initialized();
    let zfunc = env.root.path().join("home/.zfunc");
    std::fs::create_dir_all(&zfunc).unwrap();
    let script = env.run(&["completions", "zsh"]);
    std::fs::write(zfunc.join("_git-tracker"), script.ok()).unwrap();
    let bin = bin_dir(&env);
    let tmux = Tmux::start(&env, &["zsh", "-f"], &path_with(&[&bin]), &[]);
    // What the README asks for in ~/.zshrc: the directory on fpath before compinit.
    tmux.type_text(
        "PS1='%% '; fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit -u -D; echo READY",
    );
    tmux.send(&["Enter"]);
    tmux.wait("the shell", |s| {
        s.lines().any(|l| l == "READY") && Tmux::last_line(s) == "%"
    });
    for (typed, completed) in [
        ("git tracker sh", "git tracker show "),
        ("git trac", "git tracker "),
        ("git tracker list --st", "git tracker list --state="),
        ("git tracker query sa", "git tracker query save "),
        ("git -C . tracker --col", "git -C . tracker --color="),
        ("git-tracker sh", "git-tracker show "),
    ] {
        assert_eq!(tmux.complete("% ", typed), completed, "{typed}");
    }
}

/// `git-tracker man --install` run with `path` and `vars`; returns stderr.
fn install(env: &TestEnv, program: &Path, path: &std::ffi::OsStr, vars: &[(&str, &str)]) -> String {
    let mut cmd = env.base_command(program.to_str().unwrap(), &env.repo);
    cmd.env("PATH", path).args(["man", "--install"]);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// What `man -w git-tracker` finds, with `path` and `vars`.
fn man_finds(env: &TestEnv, path: &std::ffi::OsStr, vars: &[(&str, &str)]) -> String {
    let mut cmd = env.base_command("man", &env.repo);
    cmd.env("PATH", path).args(["-w", "git-tracker"]);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    String::from_utf8_lossy(&cmd.output().unwrap().stdout)
        .trim()
        .to_owned()
}

#[test]
fn man_install_finds_a_directory_man_searches_or_says_what_to_add() {
    let env = TestEnv::new();
    let home = env.root.path().join("home");
    let data_man = home.join(".local/share/man");
    let bin = bin_dir(&env);

    // ~/.local/bin not on PATH: man does not search ~/.local/share/man. The pages go there
    // anyway, and the warning says what to add; with it, man finds them.
    let path = path_with(&[&bin]);
    let said = install(&env, Path::new(BIN), &path, &[]);
    let man1 = data_man.join("man1");
    assert!(man1.join("git-tracker-show.1").exists(), "{said}");
    assert!(
        said.starts_with("Wrote ")
            && said.contains(&format!(" man pages to {}.\n", man1.display())),
        "{said}"
    );
    let export = format!("export MANPATH=\"{}:\"", data_man.display());
    assert!(
        said.contains(&format!(
            "warning: man does not look in {}: ",
            data_man.display()
        )) && said.contains(&export),
        "{said}"
    );
    assert_eq!(man_finds(&env, &path, &[]), "");
    let manpath = format!("{}:", data_man.display());
    assert_eq!(
        man_finds(&env, &path, &[("MANPATH", &manpath)]),
        man1.join("git-tracker.1").display().to_string()
    );

    // With ~/.local/bin on PATH (Debian's ~/.profile puts it there), man searches
    // ~/.local/share/man: found, and said so.
    let local_bin = home.join(".local/bin");
    std::fs::create_dir_all(&local_bin).unwrap();
    let path = path_with(&[&local_bin, &bin]);
    let said = install(&env, Path::new(BIN), &path, &[]);
    assert!(
        said.contains("`man git-tracker` and `git tracker --help` find them there.")
            && !said.contains("warning"),
        "{said}"
    );
    assert_eq!(
        man_finds(&env, &path, &[]),
        man1.join("git-tracker.1").display().to_string()
    );

    // MANPATH set to a directory of the user's: --install respects it and says what to add.
    let said = install(
        &env,
        Path::new(BIN),
        &path,
        &[("MANPATH", "/usr/share/man")],
    );
    assert!(
        said.contains(&format!(
            "export MANPATH=\"{}:$MANPATH\"",
            data_man.display()
        )),
        "{said}"
    );
}

#[test]
fn man_install_after_cargo_install_writes_beside_the_binary() {
    let env = TestEnv::new();
    let home = env.root.path().join("home");
    // `cargo install` puts the binary in ~/.cargo/bin, which is on PATH; man searches
    // ~/.cargo/share/man then, and not ~/.local/share/man.
    let cargo_bin = home.join(".cargo/bin");
    std::fs::create_dir_all(&cargo_bin).unwrap();
    let exe = cargo_bin.join("git-tracker");
    if std::fs::hard_link(BIN, &exe).is_err() {
        std::fs::copy(BIN, &exe).unwrap();
    }
    let path = path_with(&[&cargo_bin]);
    let said = install(&env, &exe, &path, &[]);
    let man1 = home.join(".cargo/share/man/man1");
    assert!(
        said.contains(&format!("man pages to {}.", man1.display()))
            && said.contains("find them there")
            && !said.contains("warning"),
        "{said}"
    );
    // The directory tried first and not searched by man is not left behind.
    assert!(!home.join(".local").exists());

    // And git finds it: `git tracker --help` is `man git-tracker` (not a terminal: no pager).
    let out = env
        .base_command("git", &env.repo)
        .env("PATH", &path)
        .env("MANWIDTH", "80")
        .args(["tracker", "--help"])
        .output()
        .unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        page.contains("GIT-TRACKER(1)") && page.contains("EXIT STATUS"),
        "{page}"
    );
}

#[test]
fn man_install_honours_xdg_data_home() {
    let env = TestEnv::new();
    let data = env.root.path().join("data");
    let bin = bin_dir(&env);
    let path = path_with(&[&bin]);
    let manpath = format!("{}:", data.join("man").display());
    let vars = [
        ("XDG_DATA_HOME", data.to_str().unwrap()),
        ("MANPATH", manpath.as_str()),
    ];
    let said = install(&env, Path::new(BIN), &path, &vars);
    assert!(said.contains("find them there"), "{said}");
    assert!(data.join("man/man1/git-tracker.1").exists());
    assert!(!env.root.path().join("home/.local/share/man").exists());
}

#[test]
fn man_needs_a_directory_or_install() {
    let env = TestEnv::new();
    let run = env.run(&["man"]);
    assert_eq!(run.code, 2, "{run}");
    let run = env.run(&["man", "--install", "somewhere"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(!env.repo.join("somewhere").exists());
}

#[test]
fn git_tracker_help_opens_the_installed_page_on_a_terminal() {
    let env = TestEnv::new();
    let home = env.root.path().join("home");
    let local_bin = home.join(".local/bin");
    std::fs::create_dir_all(&local_bin).unwrap();
    let bin = bin_dir(&env);
    let path = path_with(&[&local_bin, &bin]);
    let said = install(&env, Path::new(BIN), &path, &[]);
    assert!(said.contains("find them there"), "{said}");
    // The user's pager (less) on a real terminal.
    let tmux = Tmux::start(
        &env,
        &["bash", "--norc", "--noprofile"],
        &path,
        &[("PAGER", "less")],
    );
    tmux.type_text("PS1='$ '; git tracker --help");
    tmux.send(&["Enter"]);
    let screen = tmux.wait("the man page", |s| {
        s.contains("SYNOPSIS") && s.contains("DESCRIPTION")
    });
    assert!(screen.contains("GIT-TRACKER(1)"), "{screen}");
    assert!(
        screen.contains("git tracker [-C DIR] [-q|--quiet]"),
        "{screen}"
    );
    tmux.send(&["q"]);
    tmux.wait("the prompt after the pager", |s| Tmux::last_line(s) == "$");
}

/// The page as `man` shows it, 80 columns wide, in ASCII.
fn rendered(page: &Path) -> String {
    let out = Command::new("man")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("MANWIDTH", "80")
        .env("LC_ALL", "C")
        .arg("-l")
        .arg(page)
        .output()
        .expect("man runs (scripts/test.sh installs man-db)");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn man_pages_read_as_man_pages() {
    let env = TestEnv::new();
    let dir = env.root.path().join("man");
    let run = env.run(&["man", dir.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stderr.starts_with("Wrote ") && run.stderr.contains(" man pages to "),
        "{run}"
    );
    insta::assert_snapshot!("man_show", rendered(&dir.join("git-tracker-show.1")));
    // A group: one synopsis line per subcommand, and its subcommands' pages named.
    let config = rendered(&dir.join("git-tracker-config.1"));
    for line in [
        "git tracker config get KEY",
        "git tracker config set KEY VALUE",
        "git-tracker-config-set(1)",
        "$ git tracker config set strict true",
    ] {
        assert!(config.contains(line), "{line:?} not in\n{config}");
    }
    // The top page: the global options, every command, the exit codes.
    let top = rendered(&dir.join("git-tracker.1"));
    for line in [
        "git tracker [-C DIR] [-q|--quiet] [-v|--verbose] [--color WHEN]",
        "git-tracker-show(1)",
        "EXIT STATUS",
        "3      git tracker verify found problems on the tracker branch.",
    ] {
        assert!(top.contains(line), "{line:?} not in\n{top}");
    }
}
