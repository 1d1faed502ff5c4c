//! The tracker branches of a repository and of its remotes (`git tracker trackers`): a branch
//! is a tracker when its tree has `tracker.toml` at the root (`docs/format.md`).
//!
//! Finding them costs one commit and one root tree per branch, plus the `tickets/` tree and its
//! shards to count the ticket directories of each tracker found: never an event file.

use git2::ObjectType;

use super::error::git;
use super::{diag, diff, layout, read_bounded, tree, Diagnostic, Store, StoreError, Tip};
use crate::model::config::CONFIG_PATH;
use crate::model::limits::MAX_CONFIG_BYTES;
use crate::model::TrackerConfig;

/// A tracker branch found in the repository.
#[derive(Clone, Debug)]
pub struct TrackerBranch {
    /// The remote whose remote-tracking branch it is; `None`: a branch of this repository.
    pub remote: Option<String>,
    /// The branch's short name (`tracker`, `ops`).
    pub branch: String,
    /// Its tip.
    pub tip: Tip,
    /// Its configuration, or why `tracker.toml` cannot be read.
    pub config: Result<TrackerConfig, String>,
    /// How many ticket directories its tree holds.
    pub directories: usize,
}

impl Store {
    /// Every tracker branch: the local ones (`refs/heads/…`) by name, then the remote-tracking
    /// ones of each configured remote (`refs/remotes/<remote>/…`), by remote then name. Refs of
    /// `sync` with a URL (`refs/remotes/tracker-sync/…`) are not a remote's and are left out.
    pub fn tracker_branches(&self) -> Result<(Vec<TrackerBranch>, Vec<Diagnostic>), StoreError> {
        let mut remotes: Vec<String> = self
            .repo
            .remotes()
            .map_err(git("listing the remotes"))?
            .iter()
            .filter_map(|n| n.ok().flatten().map(str::to_owned))
            .collect();
        // The longest name first: a remote named `a/b` owns `refs/remotes/a/b/x`, not `a`.
        remotes.sort_by_key(|r| std::cmp::Reverse(r.len()));
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let refs = self.repo.references().map_err(git("listing the refs"))?;
        for r in refs {
            let Ok(r) = r else { continue };
            let Ok(name) = r.name().map(str::to_owned) else {
                continue;
            };
            let (remote, branch) = if let Some(b) = name.strip_prefix("refs/heads/") {
                (None, b.to_owned())
            } else if let Some(rest) = name.strip_prefix("refs/remotes/") {
                let Some((remote, b)) = remotes.iter().find_map(|rm| {
                    rest.strip_prefix(rm.as_str())
                        .and_then(|x| x.strip_prefix('/'))
                        .map(|b| (rm.clone(), b.to_owned()))
                }) else {
                    continue;
                };
                (Some(remote), b)
            } else {
                continue;
            };
            // `origin/HEAD` and other symbolic refs name a branch listed anyway.
            if r.symbolic_target().ok().flatten().is_some() || branch == "HEAD" {
                continue;
            }
            let Ok(commit) = r.peel_to_commit() else {
                continue;
            };
            let root = commit.tree_id();
            let Some(entry) = tree::lookup(&self.repo, root, CONFIG_PATH) else {
                continue;
            };
            if entry.kind != Some(ObjectType::Blob) {
                continue;
            }
            let shown = match &remote {
                Some(rm) => format!("{rm}/{branch}"),
                None => branch.clone(),
            };
            let config = match read_bounded(&self.repo, entry.oid, MAX_CONFIG_BYTES, || {
                format!("{shown}:{CONFIG_PATH}")
            })? {
                Err(d) => Err(d.message),
                Ok(blob) => TrackerConfig::from_toml(blob.content()).map_err(|e| e.to_string()),
            };
            if let Err(message) = &config {
                problems.push(diag(&format!("{shown}:{CONFIG_PATH}"), message));
            }
            let directories = self.count_directories(root)?;
            found.push(TrackerBranch {
                remote,
                branch,
                tip: Tip(commit.id()),
                config,
                directories,
            });
        }
        found.sort_by(|a, b| (&a.remote, &a.branch).cmp(&(&b.remote, &b.branch)));
        Ok((found, problems))
    }

    /// The tip of branch `branch` of this repository (`remote` = `None`), or of `remote`'s
    /// remote-tracking branch `refs/remotes/<remote>/<branch>` as of the last fetch.
    pub fn branch_tip(&self, remote: Option<&str>, branch: &str) -> Option<Tip> {
        let name = match remote {
            Some(r) => format!("refs/remotes/{r}/{branch}"),
            None => format!("refs/heads/{branch}"),
        };
        self.repo.refname_to_id(&name).ok().map(Tip)
    }

    /// The tip of `branch` here, else of the first remote (by name) whose remote-tracking
    /// branch of that name exists: where a tracker of the same repository is found in a clone
    /// that has not made a local branch of it.
    pub fn any_branch_tip(&self, branch: &str) -> Option<Tip> {
        if let Some(t) = self.branch_tip(None, branch) {
            return Some(t);
        }
        let mut remotes: Vec<String> = self
            .repo
            .remotes()
            .ok()?
            .iter()
            .filter_map(|n| n.ok().flatten().map(str::to_owned))
            .collect();
        remotes.sort();
        remotes
            .iter()
            .find_map(|r| self.branch_tip(Some(r), branch))
    }

    /// How many ticket directories the tree `root` holds (its shards read, nothing deeper).
    fn count_directories(&self, root: git2::Oid) -> Result<usize, StoreError> {
        let (_, Some(tickets)) = diff::roots(&self.repo, Some(root))? else {
            return Ok(0);
        };
        let shards = tree::read_dir(&self.repo, tickets, layout::TICKETS_DIR)?;
        let mut n = 0;
        for shard in &shards.entries {
            if shard.kind != Some(ObjectType::Tree) || !layout::is_shard(&shard.name) {
                continue;
            }
            let Ok(dir) = tree::read_dir(&self.repo, shard.oid, &shard.name) else {
                continue;
            };
            n += dir
                .entries
                .iter()
                .filter(|t| t.kind == Some(ObjectType::Tree))
                .filter(|t| crate::model::TicketId::parse(&t.name).is_some())
                .count();
        }
        Ok(n)
    }
}
