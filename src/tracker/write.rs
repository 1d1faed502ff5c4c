//! The one way the branch moves (R7): read the tip, plan, commit with a compare-and-swap on
//! that tip, and when another process or the remote moved first, start again — a bounded
//! number of times, with one diagnosis when it gives up.
//!
//! Every write of the tool goes through here: ticket writes and configuration changes through
//! [`Tracker::write`], `sync`'s rounds through [`until_done`] directly. A lock file that stays
//! is named; a branch that kept moving says so; anything else is a real failure, reported at
//! once.

use std::time::Duration;

use crate::store::{FileWrite, Snapshot, StoreError, Tip};
use crate::tracker::{Actor, Tracker, TrackerError};

/// How many times a write is attempted when other processes keep moving the branch.
pub const MAX_ATTEMPTS: u32 = 100;

/// The result of one attempt.
pub(crate) enum Attempt<T> {
    /// Finished.
    Done(T),
    /// Someone else was first: try again from what is there now.
    Retry(Contention),
}

/// Why an attempt must be made again.
#[derive(Clone, Debug)]
pub(crate) enum Contention {
    /// Another process moved the local branch first.
    Moved,
    /// The branch's ref lock was held (by a running process, or left by a killed one).
    Locked {
        /// The branch's full ref name.
        branch: String,
        /// The lock file.
        lock: String,
    },
    /// The remote's branch moved while this sync was pushing.
    RemoteMoved {
        /// The remote.
        remote: String,
    },
}

impl Contention {
    /// What a storage error means here: contention to retry, or a failure to report.
    pub(crate) fn of(e: StoreError) -> Result<Self, TrackerError> {
        match e {
            StoreError::Conflict { .. } => Ok(Self::Moved),
            StoreError::Locked { branch, lock } => Ok(Self::Locked { branch, lock }),
            e => Err(e.into()),
        }
    }

    /// The error when retries are exhausted, from the last contention met.
    fn give_up(self, attempts: u32) -> TrackerError {
        match self {
            Self::Moved => TrackerError::TooManyRetries(attempts),
            Self::Locked { branch, lock } => StoreError::Locked { branch, lock }.into(),
            Self::RemoteMoved { remote } => TrackerError::SyncGaveUp {
                remote,
                rounds: attempts,
            },
        }
    }
}

/// A small random pause before retrying, growing with the attempt number.
fn backoff(attempt: u32) {
    let mut r = [0u8; 1];
    getrandom::fill(&mut r).expect("the operating system provides random bytes");
    let base = u64::from(attempt.min(10)) * 3;
    std::thread::sleep(Duration::from_millis(
        1 + base + u64::from(r[0]) % (base + 5),
    ));
}

/// Runs `attempt` (given its number, from 0) until it is done, at most `max` times.
pub(crate) fn until_done<T>(
    max: u32,
    mut attempt: impl FnMut(u32) -> Result<Attempt<T>, TrackerError>,
) -> Result<T, TrackerError> {
    let mut last = Contention::Moved;
    for n in 0..max {
        if n > 0 {
            backoff(n);
        }
        match attempt(n)? {
            Attempt::Done(v) => return Ok(v),
            Attempt::Retry(why) => last = why,
        }
    }
    Err(last.give_up(max))
}

/// What one attempt of a write will commit: files and a message (no files: nothing to write),
/// and the value the write returns.
pub(crate) struct Planned<T> {
    /// Returned to the caller.
    pub value: T,
    /// The files of the commit.
    pub files: Vec<FileWrite>,
    /// The commit message.
    pub message: String,
}

/// Whether a write may go on when `tracker.toml` cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConfigCheck {
    /// No: every rule comes from the configuration, and defaults must never relax one.
    Required,
    /// Yes: the write replaces the broken file (and checks its author itself).
    Repair,
}

impl Tracker {
    /// Plans against the current tip and commits what `plan` returns as one commit, retrying
    /// from the new tip when another process moved the branch first. Returns the plan's value
    /// and the new tip (`None` when there was nothing to write).
    pub(crate) fn write<T>(
        &self,
        actor: &Actor,
        check: ConfigCheck,
        mut plan: impl FnMut(&Snapshot) -> Result<Planned<T>, TrackerError>,
    ) -> Result<(T, Option<Tip>), TrackerError> {
        actor.person.validate()?;
        until_done(MAX_ATTEMPTS, |_| {
            let snap = self.snapshot()?;
            if check == ConfigCheck::Required {
                if let Some(d) = snap.config_problem() {
                    return Err(StoreError::BadConfig {
                        path: d.path.clone(),
                        message: d.message.clone(),
                    }
                    .into());
                }
            }
            let planned = plan(&snap)?;
            if planned.files.is_empty() {
                return Ok(Attempt::Done((planned.value, None)));
            }
            match self.store.commit(
                Some(snap.tip),
                &planned.files,
                &planned.message,
                &actor.person,
                actor.at(),
            ) {
                Ok(tip) => {
                    self.written.borrow_mut().push((snap.tip, tip));
                    Ok(Attempt::Done((planned.value, Some(tip))))
                }
                Err(e) => Ok(Attempt::Retry(Contention::of(e)?)),
            }
        })
    }
}
