//! Typed errors of the storage layer.

/// A failure to read or write the tracker branch.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No git repository at or above the directory.
    #[error("not a git repository: {path}")]
    NoRepository {
        /// Where we looked.
        path: String,
        /// libgit2's reason.
        #[source]
        source: git2::Error,
    },
    /// The tracker branch does not exist yet.
    #[error("no tracker on branch {branch}")]
    NotInitialized {
        /// The branch's full ref name.
        branch: String,
    },
    /// `init` on a repository that already has the branch.
    #[error("a tracker already exists on branch {branch}")]
    AlreadyInitialized {
        /// The branch's full ref name.
        branch: String,
    },
    /// The branch moved between reading it and writing (the compare-and-swap failed).
    #[error("branch {branch} moved while this command was writing")]
    Conflict {
        /// The branch's full ref name.
        branch: String,
    },
    /// The branch's lock file is held (by another process, or left by a killed one).
    #[error("branch {branch} is locked by another process")]
    Locked {
        /// The branch's full ref name.
        branch: String,
        /// The lock file.
        lock: String,
    },
    /// Fetching from or pushing to a remote failed.
    #[error("{command} failed: {detail}")]
    Transport {
        /// The git command.
        command: String,
        /// What git said.
        detail: String,
    },
    /// The remote refused the push for a reason of its own (a hook, a `deny` setting), not
    /// because its branch moved: retrying cannot help.
    #[error("{remote} refused the push: {reason}")]
    PushRefused {
        /// The remote.
        remote: String,
        /// git's reason, e.g. `pre-receive hook declined`.
        reason: String,
        /// What the remote said (the `remote: ` lines of git's stderr, without that prefix),
        /// as received: sanitize before printing.
        remote_said: Vec<String>,
    },
    /// A `git` command of `sync` did not finish before the sync's deadline and was killed.
    #[error("sync with {remote} timed out after {seconds} s ({command} was stopped)")]
    Timeout {
        /// The remote.
        remote: String,
        /// The git command that was running.
        command: String,
        /// The timeout of the whole sync.
        seconds: u64,
    },
    /// A git configuration value that cannot be used.
    #[error("invalid git config {key} {value:?}: {expected}")]
    BadGitConfig {
        /// The key.
        key: String,
        /// Its value.
        value: String,
        /// What it should be.
        expected: String,
    },
    /// A revision that does not name a commit of this repository.
    #[error("revision {0:?} does not name a commit of this repository")]
    BadRevision(String),
    /// A revision range (`scan`) that cannot be read.
    #[error("invalid revision range {range:?}: {reason}")]
    BadRange {
        /// The range as given.
        range: String,
        /// Why.
        reason: String,
    },
    /// Both sides changed the configuration file differently.
    #[error("{path} was changed both here and on the remote")]
    ConfigConflict {
        /// The file.
        path: String,
    },
    /// The configured branch name is not a valid ref name.
    #[error("invalid tracker branch name {0:?} (--tracker, or git config tracker.branch)")]
    BadBranchName(String),
    /// The configuration file on the branch cannot be used.
    #[error("{path}: {message}")]
    BadConfig {
        /// Its path on the branch.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Any other libgit2 failure.
    #[error("git operation failed: {what}")]
    Git {
        /// What we were doing.
        what: String,
        /// libgit2's reason.
        #[source]
        source: git2::Error,
    },
    /// The local index (a SQLite database under `.git/tracker/`) failed.
    #[error("local index: {what}")]
    Index {
        /// What we were doing.
        what: &'static str,
        /// SQLite's reason.
        #[source]
        source: rusqlite::Error,
    },
    /// A filesystem failure under `.git/tracker/`.
    #[error("i/o error on {path}")]
    Io {
        /// The file.
        path: String,
        /// The OS reason.
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    /// Whether SQLite found the local index held by another process (busy or locked).
    pub(super) fn is_busy(&self) -> bool {
        matches!(
            self,
            StoreError::Index { source, .. } if matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            )
        )
    }
}

/// Wraps a libgit2 error with what we were doing.
pub(crate) fn git(what: impl Into<String>) -> impl FnOnce(git2::Error) -> StoreError {
    let what = what.into();
    move |source| StoreError::Git { what, source }
}
