//! Several trackers in one repository (R30, R34, R35): each is a branch whose tree has
//! `tracker.toml` at its root. This module lists them (`git tracker trackers`) and opens the
//! ones a tracker names as its parent or sub-trackers.
//!
//! Counting is bounded: a tracker of this repository is counted from its own local index
//! (brought to its tip as any command on it would: what changed since it was last read here);
//! a remote's tracker from the index of the local branch of the same name when both are at
//! the same commit, else from its tree (ticket directories; how many are in progress is then
//! unknown, since that needs every ticket folded).

use crate::model::access::Scope;
use crate::model::{State, Viewer};
use crate::store::{Diagnostic, Filter, Tip};
use crate::tracker::{Tracker, TrackerError};

/// A tracker of this repository or of one of its remotes, with its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackerInfo {
    /// The remote whose remote-tracking branch it is; `None`: a branch of this repository.
    pub remote: Option<String>,
    /// The branch's short name.
    pub branch: String,
    /// The branch's tip.
    pub tip: Tip,
    /// The tracker's display name (`None` when `tracker.toml` cannot be read).
    pub name: Option<String>,
    /// Its key prefix (likewise).
    pub prefix: Option<String>,
    /// Tickets the viewer may see (`None`: unknown).
    pub tickets: Option<usize>,
    /// Of which in progress (`None`: unknown without reading every ticket).
    pub in_progress: Option<usize>,
    /// Its parent, as `tracker.toml` names it.
    pub parent: Option<String>,
    /// The tracker the command runs on.
    pub current: bool,
}

/// The states in progress (R13).
fn in_progress() -> Vec<State> {
    State::ALL
        .into_iter()
        .filter(|s| !s.is_finished())
        .collect()
}

impl Tracker {
    /// Another tracker of this repository, seen by the same person: the tracker on branch
    /// `branch` (short name).
    pub fn sibling(&self, branch: &str) -> Result<Self, TrackerError> {
        Ok(Self::new(self.store.sibling(branch)?, self.viewer.clone()))
    }

    /// The tickets the viewer may see at this tracker's tip, and how many are in progress.
    pub fn counts(&self) -> Result<(usize, usize), TrackerError> {
        let snap = self.snapshot()?;
        let visible = self.visibility(&snap.config);
        let all = Filter {
            visible: visible.clone(),
            ..Filter::default()
        };
        let open = Filter {
            visible,
            states: Some(in_progress()),
            ..Filter::default()
        };
        Ok((
            self.store.count(&snap, &all)?,
            self.store.count(&snap, &open)?,
        ))
    }

    /// Every tracker of this repository and of its remotes, with counts (see the module's
    /// documentation for their cost), and the problems met (a `tracker.toml` that cannot be
    /// read).
    pub fn trackers(&self) -> Result<(Vec<TrackerInfo>, Vec<Diagnostic>), TrackerError> {
        let (branches, mut problems) = self.store.tracker_branches()?;
        let current = self.store.branch_short().to_owned();
        let mut out: Vec<TrackerInfo> = Vec::with_capacity(branches.len());
        for b in branches {
            let config = b.config.as_ref().ok();
            let mut info = TrackerInfo {
                remote: b.remote.clone(),
                branch: b.branch.clone(),
                tip: b.tip,
                name: config.map(|c| c.name.clone()),
                prefix: config.map(|c| c.prefix.clone()),
                tickets: None,
                in_progress: None,
                parent: config.and_then(|c| c.parent.clone()),
                current: b.remote.is_none() && b.branch == current,
            };
            if b.remote.is_none() {
                let counted = if info.current {
                    self.counts()
                } else {
                    self.sibling(&b.branch).and_then(|t| t.counts())
                };
                match counted {
                    Ok((n, open)) => {
                        info.tickets = Some(n);
                        info.in_progress = Some(open);
                    }
                    Err(e) => problems.push(Diagnostic {
                        path: b.branch.clone(),
                        message: format!("cannot count its tickets: {e}"),
                    }),
                }
            } else if let Some(local) = out
                .iter()
                .find(|l| l.remote.is_none() && l.branch == b.branch && l.tip == b.tip)
            {
                info.tickets = local.tickets;
                info.in_progress = local.in_progress;
            } else if config.is_some_and(|c| Viewer::scope(&self.viewer, c) == Scope::All) {
                info.tickets = Some(b.directories);
            }
            out.push(info);
        }
        Ok((out, problems))
    }
}

impl Tracker {
    /// The trackers `config` links to (its parent when of this repository, its sub-trackers)
    /// that have no branch here, each named: what `config set` warns about (a tracker may be
    /// named before it exists; `transfer` and `dispatch` refuse until it does).
    pub fn missing_links(&self, config: &crate::model::TrackerConfig) -> Vec<String> {
        let mut missing = Vec::new();
        let local_parent = config
            .parent_link()
            .filter(|p| p.remote.is_none())
            .map(|p| p.branch);
        for b in local_parent.iter().chain(&config.subtrackers) {
            let there = self
                .store
                .sibling(b)
                .ok()
                .and_then(|s| s.tip().ok().flatten())
                .is_some();
            if !there {
                missing.push(b.clone());
            }
        }
        missing
    }
}
