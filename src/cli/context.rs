//! What every command may need, resolved once: the repository (opened lazily, so that
//! `completions`, `man` and `--help` work anywhere), the actor, the clock, message bodies.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::rc::Rc;

use anyhow::anyhow;
use chrono::{DateTime, Utc};

use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::cli::GlobalArgs;
use crate::model::{Person, Viewer};
use crate::store::{Snapshot, Store};
use crate::tracker::{Actor, Tracker};

/// The environment variable that fixes the clock (a testing aid).
pub const NOW_VAR: &str = "GIT_TRACKER_NOW";

/// Resolved global settings and the lazily opened tracker.
pub struct CommandContext {
    global: GlobalArgs,
    tracker: Option<Tracker>,
    /// Whether opening the tracker first takes over a remote's branch in a fresh clone and
    /// says when a plain `git fetch` brought changes (not for `init` and `sync`, which deal
    /// with remotes themselves).
    remote_checks: bool,
}

impl CommandContext {
    /// The tracker, if this command opened it.
    pub fn opened(&self) -> Option<&Tracker> {
        self.tracker.as_ref()
    }

    /// Whether `--verbose` was given.
    pub fn verbose(&self) -> bool {
        self.global.verbose
    }

    /// Opens nothing yet.
    pub fn new(global: GlobalArgs) -> Self {
        Self {
            global,
            tracker: None,
            remote_checks: true,
        }
    }

    /// Opens the tracker as it is, without taking over a remote's branch or looking at what
    /// `git fetch` brought (`init` and `sync` deal with remotes themselves).
    pub fn without_remote_checks(&mut self) {
        self.remote_checks = false;
    }

    /// The tracker of the repository at `-C DIR` or the current directory, as seen by the
    /// person running the command (when they have a git identity).
    pub fn tracker(&mut self) -> Result<&Tracker, CliError> {
        if self.tracker.is_none() {
            let store = Store::open_branch(
                self.global.directory.as_deref(),
                self.global.tracker.as_deref(),
            )?;
            // R65: rebuilding the index of a large tracker shows its progress on a terminal.
            if std::io::stderr().is_terminal() && !self.global.quiet {
                store.on_progress(crate::cli::ui::progress("Indexing tickets"));
            }
            let viewer = Viewer::new(identity(&store).ok());
            let tracker = Tracker::new(store, viewer);
            if self.remote_checks {
                self.check_remotes(&tracker)?;
            }
            self.tracker = Some(tracker);
        }
        Ok(self
            .tracker
            .as_ref()
            .expect("the tracker was opened just above"))
    }

    /// A fresh clone takes over the remote's tracker branch that `git clone` fetched (R60), as
    /// `sync` would; a branch behind what a plain `git fetch`/`git pull` brought is pointed
    /// out, with the command that combines it.
    fn check_remotes(&self, tracker: &Tracker) -> Result<(), CliError> {
        let sharing = tracker.sharing();
        let say = |msg: String| {
            if !self.global.quiet {
                eprintln!("{msg}");
            }
        };
        if let Some(remote) = sharing.adopt()? {
            let branch = tracker.store().branch_short();
            say(format!(
                "Took the tracker branch from {remote}/{branch} (this clone had none); \
                 'git tracker sync' shares your changes."
            ));
        } else if let Ok(Some(fetched)) = sharing.remote_ahead() {
            say(format!(
                "Note: {fetched} has newer tracker changes than this clone shows (fetched by \
                 git, not combined yet): run 'git tracker sync' to get them."
            ));
        }
        Ok(())
    }

    /// Notes the tracker gathered for the user (printed as warnings at the end).
    pub fn take_notes(&self) -> Vec<String> {
        self.tracker
            .as_ref()
            .map(Tracker::take_notes)
            .unwrap_or_default()
    }

    /// The snapshot at the current tip, with its warnings printed.
    pub fn snapshot(&mut self, ui: &mut Ui) -> Result<Rc<Snapshot>, CliError> {
        let snap = self.tracker()?.snapshot()?;
        ui.diagnostics(&snap.diagnostics);
        Ok(snap)
    }

    /// Who acts: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, else git config `user.name`/`user.email`.
    pub fn person(&mut self) -> Result<Person, CliError> {
        identity(self.tracker()?.store())
    }

    /// Whether the person running the command may see private fields (a developer, resolver
    /// or manager); without a git identity, no.
    pub fn sees_private(&mut self, config: &crate::model::TrackerConfig) -> Result<bool, CliError> {
        Ok(self.tracker()?.viewer().sees_private(config))
    }

    /// The actor and the time of this command (which is about to write).
    pub fn actor(&mut self, ui: &mut Ui) -> Result<Actor, CliError> {
        if self.tracker()?.store().branch_checked_out() {
            ui.warn(
                "the tracker branch is checked out here: git will show the files this command \
                 writes as deleted; check out another branch (the tracker needs no work tree)",
            );
        }
        // A malformed mail setting is refused before anything is written (R41).
        crate::notify::config(self.tracker()?).map_err(|e| {
            CliError::bad_input(e).hint("git config --unset tracker.mail.transport turns mail off")
        })?;
        let person = self.person()?;
        // A commit needs an author name (git refuses an empty one too); a read does not.
        if person.name.is_empty() {
            return Err(CliError::bad_input(anyhow!(
                "your git identity has an empty name (user.name, or GIT_AUTHOR_NAME): a \
                 commit needs one"
            ))
            .hint("git config --global user.name 'Your Name'"));
        }
        Ok(Actor {
            person,
            now: now()?,
        })
    }
}

/// The git identity: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, else git config
/// `user.name`/`user.email`.
fn identity(store: &Store) -> Result<Person, CliError> {
    let name = std::env::var("GIT_AUTHOR_NAME")
        .ok()
        .or_else(|| store.git_config("user.name"));
    let email = std::env::var("GIT_AUTHOR_EMAIL")
        .ok()
        .or_else(|| store.git_config("user.email"));
    let (Some(name), Some(email)) = (name, email) else {
        return Err(CliError::bad_input(anyhow!(
            "no git identity: user.name and user.email are not set"
        ))
        .hint("git config --global user.name 'Your Name'; git config --global user.email you@example.com"));
    };
    Person::new(&name, &email).map_err(|e| {
        CliError::bad_input(anyhow!("your git identity is not usable: {e}"))
            .hint("check git config user.email (or GIT_AUTHOR_EMAIL)")
    })
}

/// The current time, truncated to the second, or `GIT_TRACKER_NOW` when set.
pub fn now() -> Result<DateTime<Utc>, CliError> {
    match std::env::var(NOW_VAR) {
        Ok(v) => DateTime::parse_from_rfc3339(&v)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                CliError::bad_input(anyhow!("{NOW_VAR}={v:?} is not an RFC 3339 time: {e}"))
            }),
        Err(_) => {
            let t = Utc::now();
            Ok(DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t))
        }
    }
}

/// Reads a text given as `-m TEXT`, `--body-file FILE` or `--body-file -` (stdin). With
/// neither, opens `$EDITOR` on `initial` when the session is interactive, else gives `None`.
pub fn read_text(
    ui: &mut Ui,
    message: Option<&str>,
    file: Option<&PathBuf>,
    initial: &str,
) -> Result<Option<String>, CliError> {
    if let Some(m) = message {
        return Ok(Some(m.to_owned()));
    }
    if let Some(path) = file {
        let (bytes, name) = if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            (buf, "standard input".to_owned())
        } else {
            let bytes = std::fs::read(path)
                .map_err(|e| CliError::bad_input(anyhow!("cannot read {}: {e}", path.display())))?;
            (bytes, path.display().to_string())
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| CliError::bad_input(anyhow!("{name} is not valid UTF-8 text")))?;
        // CI logs: CRLF, progress bars and colours are cleaned, not refused (R62).
        let cleaned = crate::text::clean_input(&text);
        if let std::borrow::Cow::Owned(clean) = cleaned {
            ui.status(&format!(
                "Note: carriage returns, terminal escape sequences and control characters were \
                 removed from {name}."
            ));
            return Ok(Some(clean));
        }
        return Ok(Some(text));
    }
    if ui.interactive() {
        let editor = editor()?;
        let edited = dialoguer::Editor::new()
            .executable(&editor)
            .extension(".md")
            .edit(initial)
            .map_err(|e| CliError::failure(anyhow!("the editor {editor:?} failed: {e}")))?;
        return Ok(edited);
    }
    Ok(None)
}

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`.
fn editor() -> Result<String, CliError> {
    for var in ["VISUAL", "EDITOR"] {
        match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => return Ok(v),
            Ok(_) | Err(std::env::VarError::NotPresent) => {}
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(CliError::bad_input(anyhow!("${var} is not valid UTF-8")));
            }
        }
    }
    Ok("vi".into())
}
