//! The one CLI error type and the exit codes (documented in `docs/exit-codes.md`).

use std::io::Write;
use std::process::ExitCode;

use crate::cli::ui::Ui;
use crate::model::error::ValidationError;
use crate::report::table::states;
use crate::store::StoreError;
use crate::text::sanitize_line;
use crate::tracker::TrackerError;

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: a valid command that could not finish (git, I/O, retries exhausted).
pub const EXIT_FAILURE: u8 = 1;
/// Exit code: usage error or bad input; nothing was written.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code: `verify` found problems on the branch.
pub const EXIT_PROBLEMS: u8 = 3;

/// How an error ends the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Exit 1.
    Failure,
    /// Exit 2.
    BadInput,
    /// Standard output was closed early: exit 0 silently.
    BrokenPipe,
    /// Exit 3: `verify` found problems.
    Problems,
}

impl Kind {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Self::Failure => EXIT_FAILURE,
            Self::BadInput => EXIT_BAD_INPUT,
            Self::BrokenPipe => EXIT_OK,
            Self::Problems => EXIT_PROBLEMS,
        }
    }
}

/// An error on its way to the user.
#[derive(Debug)]
pub struct CliError {
    /// Its classification.
    pub kind: Kind,
    /// What went wrong, with its causes.
    pub error: anyhow::Error,
    /// What the user can do about it.
    pub hints: Vec<String>,
}

impl CliError {
    /// A usage or input error (exit 2).
    pub fn bad_input(e: impl Into<anyhow::Error>) -> Self {
        Self {
            kind: Kind::BadInput,
            error: e.into(),
            hints: Vec::new(),
        }
    }

    /// A failure (exit 1).
    pub fn failure(e: impl Into<anyhow::Error>) -> Self {
        Self {
            kind: Kind::Failure,
            error: e.into(),
            hints: Vec::new(),
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.hints.push(h.into());
        self
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Self {
                kind: Kind::BrokenPipe,
                error: e.into(),
                hints: Vec::new(),
            }
        } else {
            Self::failure(e)
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotInitialized { .. } => {
                Self::bad_input(e).hint("run 'git tracker init' to create the tracker")
            }
            StoreError::NoRepository { .. } => {
                Self::bad_input(e).hint("run it inside a git repository, or pass -C DIR")
            }
            StoreError::AlreadyInitialized { .. } | StoreError::BadBranchName(_) => {
                Self::bad_input(e)
            }
            StoreError::BadConfig { .. } => Self::bad_input(e).hint(
                "nothing was written; a manager can replace it with 'git tracker config edit --file FILE'",
            ),
            StoreError::BadGitConfig { .. } | StoreError::BadRevision(_) => Self::bad_input(e),
            StoreError::BadRange { .. } => Self::bad_input(e).hint(
                "give a range such as main~20..main or origin/main..HEAD, or REV^! for one commit",
            ),
            StoreError::PushRefused { .. } => Self::failure(e),
            StoreError::Timeout { .. } => Self::failure(e).hint(
                "allow more time with 'git tracker sync --timeout SECONDS' or 'git config tracker.syncTimeout SECONDS'",
            ),
            StoreError::Locked { ref lock, .. } => {
                let hint =
                    format!("if no other git or git-tracker process is running, remove {lock}");
                Self::failure(e).hint(hint)
            }
            StoreError::Conflict { .. }
            | StoreError::Git { .. }
            | StoreError::Index { .. }
            | StoreError::Io { .. }
            | StoreError::Transport { .. } => Self::failure(e),
            StoreError::ConfigConflict { .. } => Self::failure(e).hint(
                "the configuration changed here and on the remote: undo the local change, sync, then change it again",
            ),
        }
    }
}

impl From<ValidationError> for CliError {
    fn from(e: ValidationError) -> Self {
        // Not the input's fault: the branch holds the highest number there may be.
        if let ValidationError::NumbersExhausted { .. } = e {
            return Self::failure(e);
        }
        let hint = match &e {
            ValidationError::Transition { allowed, .. } => {
                Some(format!("allowed states: {}", states(allowed)))
            }
            ValidationError::UnknownState(_) => {
                Some(format!("states are: {}", states(&crate::model::State::ALL)))
            }
            ValidationError::NoIdentity(_) => Some(
                "git config --global user.name 'Your Name'; git config --global user.email \
                 you@example.com"
                    .to_owned(),
            ),
            _ => None,
        };
        let err = Self::bad_input(e);
        match hint {
            Some(h) => err.hint(h),
            None => err,
        }
    }
}

impl From<TrackerError> for CliError {
    fn from(e: TrackerError) -> Self {
        match e {
            TrackerError::Store(s) => s.into(),
            TrackerError::Invalid(v) => v.into(),
            TrackerError::Config(c) => {
                Self::bad_input(c).hint("'git tracker config show' lists the keys and their values")
            }
            TrackerError::UnknownTicket(_) => {
                Self::bad_input(e).hint("'git tracker list --all' shows every ticket")
            }
            TrackerError::AmbiguousTicket { .. } => {
                Self::bad_input(e).hint("give more digits of the id")
            }
            TrackerError::UnknownRequest(_) | TrackerError::AmbiguousRequest(_) => {
                Self::bad_input(e).hint("'git tracker raise list' lists the pending requests")
            }
            TrackerError::UnknownComment { .. } => {
                Self::bad_input(e).hint("'git tracker show KEY' lists comment ids in brackets")
            }
            TrackerError::Unreadable(_) | TrackerError::NotCommentAuthor { .. } => {
                Self::bad_input(e)
            }
            TrackerError::TooManyRetries(_) | TrackerError::SyncGaveUp { .. } => Self::failure(e),
            TrackerError::NothingToSync(_) => {
                Self::bad_input(e).hint("run 'git tracker init' here, then 'git tracker sync'")
            }
            TrackerError::Renumbered { .. } => Self::bad_input(e),
            TrackerError::RenumberedAway {
                ref to, ref holder, ..
            } => {
                let hint = format!(
                    "use {to} for your ticket; to act on the ticket that holds the old key now, \
                     name it by its id ({})",
                    &holder[..holder.len().min(8)]
                );
                Self::bad_input(e).hint(hint)
            }
            TrackerError::SelfDependency(_) => Self::bad_input(e),
            TrackerError::Cycle { .. } => Self::bad_input(e).hint(
                "nothing was written; 'git tracker show KEY' prints what each ticket depends on",
            ),
            TrackerError::OnCycle { ref cycle, .. } => {
                let hint = match cycle.as_slice() {
                    [a, b, ..] => format!(
                        "break it with 'git tracker undepend {a} --on {b}' (or another of its links)"
                    ),
                    _ => "break it with 'git tracker undepend'".to_owned(),
                };
                Self::bad_input(e).hint(hint)
            }
            TrackerError::Saved(_) => {
                Self::bad_input(e).hint("'git tracker query list' lists your saved queries")
            }
            TrackerError::Search(_) => {
                Self::bad_input(e).hint("the query language is in docs/search.md")
            }
            TrackerError::Hidden { .. } => Self::bad_input(e).hint(
                "in support mode reporters see their own tickets; in task mode, also their work",
            ),
            TrackerError::Refused(_) => {
                Self::bad_input(e).hint("'git tracker config get roles.manager' lists the managers")
            }
            TrackerError::Transfer(t) => transfer_error(*t),
            TrackerError::RemoteDeleted(ref d) => {
                let inspect = format!(
                    "inspect it: git log --stat {} (the tracker branch here is unchanged)",
                    d.tip
                );
                Self::failure(e).hint(inspect).hint(
                    "if an administrator purged those events on purpose, run 'git tracker sync --accept-deletions'",
                )
            }
        }
    }
}

/// How a transfer or a dispatch that could not be made is reported.
fn transfer_error(e: crate::tracker::transfer::TransferError) -> CliError {
    use crate::tracker::transfer::TransferError as T;
    match e {
        T::NoParent => CliError::bad_input(e)
            .hint("name one with 'git tracker config set parent BRANCH' (or REMOTE:BRANCH)"),
        T::NotASubtracker { .. } => CliError::bad_input(e)
            .hint("add it with 'git tracker config set subtrackers BRANCH,...'"),
        T::Missing(_) => CliError::bad_input(e)
            .hint("'git tracker trackers' lists the trackers here and on remotes"),
        T::UnknownRemote { .. } => {
            CliError::bad_input(e).hint("add it with 'git remote add NAME URL'")
        }
        T::Refused(_) | T::BadConfig { .. } | T::IdTaken { .. } => CliError::bad_input(e),
        T::Incomplete { .. } => CliError::failure(e),
        T::HalfDone { ref key, .. } => {
            let hint = format!(
                "run the same command again: it finds the ticket already received and only \
                 marks {key}"
            );
            CliError::failure(e).hint(hint)
        }
    }
}

/// Prints the error (if any) on stderr and returns the exit code.
pub fn report(ui: &mut Ui, result: Result<(), CliError>) -> ExitCode {
    let flushed = ui.finish();
    let result = match (result, flushed) {
        (Ok(()), Err(e)) => Err(CliError::from(e)),
        (r, _) => r,
    };
    let Err(err) = result else {
        return ExitCode::from(EXIT_OK);
    };
    if err.kind == Kind::BrokenPipe {
        return ExitCode::from(EXIT_OK);
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {}", sanitize_line(&err.error.to_string()));
    let causes: Vec<String> = err.error.chain().skip(1).map(ToString::to_string).collect();
    for (i, c) in causes.iter().enumerate() {
        let c = sanitize_line(c);
        if causes.len() == 1 {
            let _ = writeln!(stderr, "caused by: {c}");
        } else {
            let _ = writeln!(stderr, "caused by {}: {c}", i + 1);
        }
    }
    for h in &err.hints {
        let _ = writeln!(stderr, "hint: {}", sanitize_line(h));
    }
    ExitCode::from(err.kind.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        assert_eq!(Kind::Failure.code(), 1);
        assert_eq!(Kind::BadInput.code(), 2);
        assert_eq!(Kind::BrokenPipe.code(), 0);
        let e: CliError = TrackerError::UnknownTicket("TRK-9".into()).into();
        assert_eq!(e.kind, Kind::BadInput);
        let e: CliError = TrackerError::TooManyRetries(3).into();
        assert_eq!(e.kind, Kind::Failure);
        let e: CliError =
            TrackerError::Invalid(ValidationError::NumbersExhausted { max: 9 }).into();
        assert_eq!(e.kind, Kind::Failure);
        let e: CliError = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(e.kind, Kind::BrokenPipe);
    }
}
