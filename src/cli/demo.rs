//! `git tracker demo`: a guided tour on scratch repositories.
//!
//! The tour is a script of real commands, run as a person would type them: `git` itself for
//! the repositories (a shared bare one and two clones), and this very binary for every
//! `git tracker` step, each printed with its output. Nothing is simulated, so what the tour
//! shows is what the commands do.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::anyhow;
use chrono::{DateTime, Duration, Utc};
use clap::Args;

use crate::cli::error::CliError;
use crate::cli::ui::Ui;

/// Take a guided tour of two clones that file, move and sync tickets
///
/// Two teammates' clones of a shared repository file, move and comment on tickets, link and
/// label them, share them with `sync`, settle a ticket number both took, rank tickets and
/// decide a request to raise one, mail the history and write a report as an HTML page.
///
/// Every step is a real command, printed with its output; the scratch repositories are left
/// in place and the last lines list commands to try on them.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Where to create the scratch repositories [default: a new directory under the system's
    /// temporary directory]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Variables that would make the tour's commands act elsewhere or as someone else.
const CLEARED_ENV: [&str; 8] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "GIT_PAGER",
];

/// `arg` as a POSIX shell reads it back: bare when it is made of safe characters only, else in
/// single quotes.
fn shell_word(arg: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./_-~".contains(c);
    if !arg.is_empty() && arg.chars().all(safe) {
        arg.to_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

fn shell_line<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| shell_word(w.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tour's state: where it runs, which binary is "git tracker", and its clock.
struct Tour<'a> {
    dir: PathBuf,
    exe: PathBuf,
    out: &'a mut dyn Write,
    /// The time the next tracker command sees: the tour's history spreads over days, so that
    /// the report has a trend to show.
    clock: DateTime<Utc>,
    color: bool,
}

impl Tour<'_> {
    fn clone_dir(&self, who: &str) -> PathBuf {
        self.dir.join(who)
    }

    fn section(&mut self, title: &str) -> Result<(), CliError> {
        writeln!(self.out, "\n## {title}\n")?;
        Ok(())
    }

    /// Runs `cmd` (shown as `prompt$ shown`), prints what it wrote (stdout first, or stderr
    /// first with `status_first`, as a terminal would show them), and returns its stdout.
    fn run(
        &mut self,
        prompt: &str,
        shown: &str,
        mut cmd: Command,
        status_first: bool,
    ) -> Result<String, CliError> {
        for var in CLEARED_ENV {
            cmd.env_remove(var);
        }
        writeln!(self.out, "{prompt}$ {shown}")?;
        let output = cmd
            .output()
            .map_err(|e| CliError::failure(anyhow!("cannot run {shown}: {e}")))?;
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if status_first {
            self.out.write_all(stderr.as_bytes())?;
            self.out.write_all(stdout.as_bytes())?;
        } else {
            self.out.write_all(stdout.as_bytes())?;
            self.out.write_all(stderr.as_bytes())?;
        }
        if !output.status.success() {
            return Err(CliError::failure(anyhow!(
                "the demo's step '{shown}' failed ({}); its repositories are in {}",
                output.status,
                self.dir.display()
            )));
        }
        Ok(stdout)
    }

    /// Runs real git in `cwd` (the tour's directory when `None`).
    fn git(&mut self, who: Option<&str>, args: &[&str]) -> Result<String, CliError> {
        let cwd = who.map_or_else(|| self.dir.clone(), |w| self.clone_dir(w));
        let mut cmd = Command::new("git");
        cmd.current_dir(cwd).args(args);
        let mut words = vec!["git"];
        words.extend_from_slice(args);
        self.run(who.unwrap_or(""), &shell_line(&words), cmd, false)
    }

    /// Runs `git tracker ARGS` in `who`'s clone, `minutes` after the previous step.
    fn tracker(&mut self, who: &str, minutes: i64, args: &[&str]) -> Result<String, CliError> {
        self.clock += Duration::minutes(minutes);
        let mut cmd = Command::new(&self.exe);
        cmd.current_dir(self.clone_dir(who))
            .args(args)
            .env(
                super::context::NOW_VAR,
                self.clock
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            )
            .env_remove("CLICOLOR_FORCE");
        if self.color {
            cmd.env("CLICOLOR_FORCE", "1");
        }
        let mut words = vec!["git", "tracker"];
        words.extend_from_slice(args);
        // `sync` prints its summary (stderr) before what arrived (stdout).
        let status_first = args.first() == Some(&"sync");
        self.run(who, &shell_line(&words), cmd, status_first)
    }
}

/// Where `git-tracker` is found on `PATH`, if anywhere.
fn on_path(name: &OsStr) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Runs `demo`.
pub fn run(ui: &mut Ui, args: &DemoArgs) -> Result<(), CliError> {
    let dir = args.dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "git-tracker-demo-{}",
            Utc::now().format("%Y%m%d-%H%M%S")
        ))
    });
    if dir.exists()
        && std::fs::read_dir(&dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(CliError::bad_input(anyhow!(
            "{} exists and is not empty",
            dir.display()
        )));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::bad_input(anyhow!("cannot create {}: {e}", dir.display())))?;
    let dir = dir.canonicalize()?;
    let exe = std::env::current_exe()
        .map_err(|e| CliError::failure(anyhow!("cannot find this program's path: {e}")))?;
    let color = ui.table_style().color;
    let mut tour = Tour {
        dir: dir.clone(),
        exe: exe.clone(),
        out: ui.out(),
        clock: Utc::now() - Duration::days(6),
        color,
    };
    tour_steps(&mut tour)?;
    suggestions(tour.out, &dir, &exe)?;
    Ok(())
}

/// The tour itself.
fn tour_steps(t: &mut Tour) -> Result<(), CliError> {
    let dir = t.dir.display().to_string();
    writeln!(
        t.out,
        "A tour of git-tracker in {dir}: a shared repository and two clones, Alice's and Bob's."
    )?;

    t.section("Alice starts a tracker in her clone and files two tickets")?;
    t.git(None, &["init", "--quiet", "--bare", "shared.git"])?;
    t.git(None, &["clone", "--quiet", "shared.git", "alice"])?;
    t.git(Some("alice"), &["config", "user.name", "Alice"])?;
    t.git(
        Some("alice"),
        &["config", "user.email", "alice@example.com"],
    )?;
    t.git(
        Some("alice"),
        &[
            "commit",
            "--quiet",
            "--allow-empty",
            "-m",
            "Start the project",
        ],
    )?;
    t.git(Some("alice"), &["push", "--quiet", "origin", "HEAD"])?;
    t.tracker(
        "alice",
        0,
        &["init", "--name", "Demo", "--developers", "bob@example.com"],
    )?;
    t.tracker(
        "alice",
        40,
        &[
            "new",
            "Saving a file crashes the editor",
            "-m",
            "Steps: open, edit, Ctrl-S. The editor closes without a message.",
        ],
    )?;
    t.tracker(
        "alice",
        25,
        &["new", "Add a dark theme", "-m", "Many users asked for it."],
    )?;
    t.tracker("alice", 5, &["sync"])?;

    t.section("Bob clones the repository: his first command finds the tracker")?;
    t.git(None, &["clone", "--quiet", "shared.git", "bob"])?;
    t.git(Some("bob"), &["config", "user.name", "Bob"])?;
    t.git(Some("bob"), &["config", "user.email", "bob@example.com"])?;
    t.tracker("bob", 600, &["list"])?;
    t.tracker("bob", 10, &["assign", "TRK-1", "--me"])?;
    t.tracker(
        "bob",
        30,
        &["state", "TRK-1", "resolving", "-m", "Reproduced on 1.4.2"],
    )?;
    t.tracker(
        "bob",
        20,
        &[
            "comment",
            "TRK-1",
            "-m",
            "The autosave timer races with the save dialog.",
        ],
    )?;

    t.section("Both file a ticket before sharing: both take number 3")?;
    t.tracker(
        "bob",
        60,
        &[
            "new",
            "Typo on the login page",
            "-m",
            "\"Pasword\" should be \"Password\".",
        ],
    )?;
    t.tracker("alice", 5, &["new", "Export tickets to CSV"])?;
    t.tracker("alice", 15, &["sync"])?;
    t.tracker("bob", 10, &["sync"])?;
    t.tracker("bob", 1, &["list", "--all"])?;

    t.section("Bob fixes things; Alice catches up")?;
    t.tracker(
        "bob",
        1400,
        &[
            "state",
            "TRK-1",
            "testing",
            "-m",
            "Fix on the staging server",
        ],
    )?;
    std::fs::write(
        t.clone_dir("bob").join("crash.log"),
        "editor: autosave started\neditor: save dialog opened\npanic: file handle in use\n",
    )?;
    writeln!(
        t.out,
        "(Bob saved the editor's log as crash.log in his clone.)"
    )?;
    t.tracker(
        "bob",
        5,
        &[
            "comment",
            "TRK-1",
            "-m",
            "The log of the crash, before the fix.",
            "--attach",
            "crash.log",
        ],
    )?;
    t.tracker("bob", 90, &["close", "TRK-4", "-m", "Fixed the string"])?;
    t.tracker("bob", 1, &["sync"])?;
    t.tracker("alice", 300, &["sync"])?;
    t.tracker(
        "alice",
        20,
        &[
            "comment",
            "TRK-1",
            "-m",
            "Thanks! It happened to me every day.",
        ],
    )?;
    t.tracker("alice", 2, &["depend", "TRK-3", "--on", "TRK-1"])?;
    t.tracker("alice", 1, &["label", "TRK-3", "+feature", "+export"])?;
    t.tracker("alice", 1, &["list", "--blocked"])?;
    t.tracker("alice", 1, &["sync"])?;
    t.tracker("alice", 1, &["show", "TRK-1"])?;
    t.tracker("alice", 1, &["log", "TRK-1"])?;

    t.section("Priorities: Alice ranks the work; Bob asks for a ticket to move up")?;
    t.tracker("alice", 10, &["priority", "TRK-2", "--top"])?;
    t.tracker("alice", 1, &["priority", "TRK-1", "--bottom"])?;
    t.tracker(
        "alice",
        5,
        &[
            "new",
            "Crash when the disk is full",
            "--priority",
            "before:TRK-1",
        ],
    )?;
    t.tracker("alice", 1, &["sync"])?;
    t.tracker("bob", 30, &["sync"])?;
    let request = t.tracker(
        "bob",
        2,
        &[
            "raise",
            "TRK-5",
            "-m",
            "Our biggest customer loses work every day.",
            "--urgent",
        ],
    )?;
    t.tracker("bob", 1, &["sync"])?;
    t.tracker("alice", 45, &["sync"])?;
    t.tracker("alice", 1, &["raise", "list"])?;
    let id: String = request.trim().chars().take(8).collect();
    t.tracker("alice", 3, &["raise", "accept", &id])?;
    t.tracker("alice", 1, &["list", "--sort", "priority"])?;
    t.tracker("alice", 1, &["sync"])?;

    t.section("Mail: every change reaches who watches it (here through a file: transport)")?;
    let transport = format!("file:{dir}/mail");
    t.git(
        Some("alice"),
        &["config", "tracker.mail.transport", &transport],
    )?;
    t.git(
        Some("alice"),
        &[
            "config",
            "tracker.mail.from",
            "Demo tracker <tracker@example.com>",
        ],
    )?;
    t.tracker("alice", 1, &["notify", "--range", "..tracker"])?;
    print_one_mail(t.out, &t.dir.join("mail"), "TRK-1")?;

    t.section("Reports: the whole history as one HTML page")?;
    let report = format!("{dir}/report.html");
    t.tracker("alice", 1, &["report", "states"])?;
    t.tracker("alice", 1, &["report", "html", "-o", &report])?;
    writeln!(t.out, "Open {report} in a browser to see every report.")?;
    Ok(())
}

/// Prints the headers and first lines of one mail about `key` found in `mail_dir`.
fn print_one_mail(out: &mut dyn Write, mail_dir: &Path, key: &str) -> Result<(), CliError> {
    let mut mails: Vec<String> = std::fs::read_dir(mail_dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .map(|t| t.replace("\r\n", "\n"))
                .collect()
        })
        .unwrap_or_default();
    mails.sort();
    let wanted = format!("commented on {key}:");
    let Some(mail) = mails.iter().find(|m| m.contains(&wanted)) else {
        return Ok(());
    };
    writeln!(
        out,
        "{} mails, one .eml file each in {}; one of them:",
        mails.len(),
        mail_dir.display()
    )?;
    let (head, body) = mail.split_once("\n\n").unwrap_or((mail, ""));
    for line in head.lines().filter(|l| {
        ["To: ", "Subject: ", "Message-ID: ", "In-Reply-To: "]
            .iter()
            .any(|h| l.starts_with(h))
    }) {
        writeln!(out, "  {line}")?;
    }
    for line in body.lines().take(4) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// The commands to try next, each working as printed in a POSIX shell: when `git tracker`
/// would not run this binary, the first puts it on `PATH`.
fn suggestions(out: &mut dyn Write, dir: &Path, exe: &Path) -> Result<(), CliError> {
    let mut lines = Vec::new();
    let same = |p: &Path| p.canonicalize().ok() == exe.canonicalize().ok();
    if !on_path(OsStr::new("git-tracker")).is_some_and(|p| same(&p)) {
        if let Some(bin) = exe.parent().and_then(Path::to_str) {
            lines.push(format!("export PATH={}:\"$PATH\"", shell_word(bin)));
        }
    }
    let alice = dir.join("alice");
    lines.push(format!("cd {}", shell_word(&alice.to_string_lossy())));
    for cmd in [
        "git tracker list --all",
        "git tracker show TRK-4",
        "git tracker status",
        "git tracker list --sort priority",
        "git tracker list --query 'state:open sort:-updated'",
        "git tracker list --blocking",
        "git tracker list --label feature",
        "git tracker attachment get TRK-1 crash.log -o -",
        "git tracker report trend --by day",
    ] {
        lines.push(cmd.to_owned());
    }
    writeln!(out, "\nTry it yourself (each line works as printed):")?;
    for line in lines {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_read_back_as_given() {
        assert_eq!(shell_word("TRK-1"), "TRK-1");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
    }
}
