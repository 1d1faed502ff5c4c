//! Exchanging the tracker branch with a remote (R60).
//!
//! The transport is the `git` command (`git fetch`, `git push`): it speaks every protocol git
//! does and uses the user's credential helpers, ssh agent, `insteadOf` rules and proxies,
//! which libgit2 built without its network features cannot. Everything else — deciding how
//! the two histories relate, replaying local commits on top of the remote's, moving refs — is
//! done here through libgit2.

use std::path::Path;
use std::process::{Command, Stdio};

use git2::{Delta, DiffOptions, FileMode, Oid, Sort};

use super::error::git;
use super::{Store, StoreError, Tip};
use crate::model::config::CONFIG_PATH;

/// How the local and remote tips relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Same commit.
    Same,
    /// The local branch has everything the remote has, and more.
    LocalAhead,
    /// The remote has everything the local branch has, and more.
    RemoteAhead,
    /// Both have commits the other lacks.
    Diverged,
}

/// The result of a push.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Push {
    /// The remote branch now points at the pushed commit.
    Done,
    /// The remote refused because its branch moved (or was locked) meanwhile: fetch again.
    Rejected(String),
}

impl Store {
    /// The branch's short name (`tracker`).
    pub fn branch_short(&self) -> &str {
        self.branch.trim_start_matches("refs/heads/")
    }

    /// Whether `HEAD` is the tracker branch (then the work tree lags behind every write).
    pub fn branch_checked_out(&self) -> bool {
        self.repo
            .find_reference("HEAD")
            .ok()
            .and_then(|h| h.symbolic_target().ok().flatten().map(|t| t == self.branch))
            .unwrap_or(false)
    }

    /// Whether `name` is a remote configured in this repository.
    pub fn is_remote(&self, name: &str) -> bool {
        self.repo.find_remote(name).is_ok()
    }

    /// The ref that remembers the remote's tracker branch: `refs/remotes/<remote>/<branch>`
    /// for a configured remote, `refs/remotes/tracker-sync/<hash>/<branch>` for a URL or path.
    pub fn tracking_ref(&self, remote: &str) -> String {
        if self.is_remote(remote)
            && git2::Reference::is_valid_name(&format!("refs/remotes/{remote}/x"))
        {
            format!("refs/remotes/{remote}/{}", self.branch_short())
        } else {
            let hash = remote.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
            format!(
                "refs/remotes/tracker-sync/{hash:016x}/{}",
                self.branch_short()
            )
        }
    }

    /// The last known tip of the remote's tracker branch (as of the last fetch).
    pub fn tracking_tip(&self, remote: &str) -> Option<Tip> {
        self.repo
            .refname_to_id(&self.tracking_ref(remote))
            .ok()
            .map(Tip)
    }

    fn git_command(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("--git-dir").arg(self.repo.path());
        cmd
    }

    /// Fetches the remote's tracker branch into [`Store::tracking_ref`]; `None` when the
    /// remote has no such branch.
    pub fn fetch(&self, remote: &str, progress: bool) -> Result<Option<Tip>, StoreError> {
        let branch = self.branch_short().to_owned();
        let tracking = self.tracking_ref(remote);
        // Does the remote have the branch at all?
        let out = self
            .git_command()
            .args([
                "ls-remote",
                "--heads",
                "--",
                remote,
                &format!("refs/heads/{branch}"),
            ])
            .stdin(Stdio::null())
            .stderr(if progress {
                Stdio::inherit()
            } else {
                Stdio::piped()
            })
            .output()
            .map_err(|e| transport("git ls-remote", e.to_string()))?;
        if !out.status.success() {
            return Err(transport(
                "git ls-remote",
                String::from_utf8_lossy(&out.stderr).trim(),
            ));
        }
        if out.stdout.is_empty() {
            let _ = self
                .repo
                .find_reference(&tracking)
                .and_then(|mut r| r.delete());
            return Ok(None);
        }
        let refspec = format!("+refs/heads/{branch}:{tracking}");
        let mut cmd = self.git_command();
        cmd.args(["fetch", "--no-tags", "--no-write-fetch-head"]);
        cmd.arg(if progress { "--progress" } else { "--quiet" });
        let out = cmd
            .args(["--", remote, &refspec])
            .stdin(Stdio::null())
            .stderr(if progress {
                Stdio::inherit()
            } else {
                Stdio::piped()
            })
            .output()
            .map_err(|e| transport("git fetch", e.to_string()))?;
        if !out.status.success() {
            return Err(transport(
                "git fetch",
                String::from_utf8_lossy(&out.stderr).trim(),
            ));
        }
        // Objects arrived through another process: make libgit2 look again.
        self.repo
            .odb()
            .and_then(|o| o.refresh())
            .map_err(git("refreshing the object database"))?;
        Ok(self.tracking_tip(remote))
    }

    /// Pushes `tip` to the remote's tracker branch, fast-forward only.
    pub fn push(&self, remote: &str, tip: Tip, progress: bool) -> Result<Push, StoreError> {
        let dst = format!("{tip}:refs/heads/{}", self.branch_short());
        let mut cmd = self.git_command();
        cmd.args(["push", "--porcelain"]);
        if !progress {
            cmd.arg("--quiet");
        }
        let out = cmd
            .args(["--", remote, &dst])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| transport("git push", e.to_string()))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if progress {
            eprint!("{stderr}");
        }
        // Porcelain lines: "<flag>\t<from>:<to>\t<summary>"; '!' is a refusal.
        let refused = stdout.lines().find(|l| l.starts_with("!\t"));
        if let Some(line) = refused {
            return Ok(Push::Rejected(
                line.rsplit('\t').next().unwrap_or_default().to_owned(),
            ));
        }
        if !out.status.success() {
            // A remote that moved under a concurrent push may also fail to lock its ref.
            if stderr.contains("lock")
                || stderr.contains("fetch first")
                || stderr.contains("non-fast-forward")
            {
                return Ok(Push::Rejected(stderr.trim().to_owned()));
            }
            return Err(transport("git push", stderr.trim()));
        }
        let tracking = self.tracking_ref(remote);
        self.repo
            .reference(&tracking, tip.0, true, "tracker: pushed")
            .map_err(git(format!("updating {tracking}")))?;
        Ok(Push::Done)
    }

    /// How `local` and `remote` relate.
    pub fn relation(&self, local: Tip, remote: Tip) -> Result<Relation, StoreError> {
        if local == remote {
            return Ok(Relation::Same);
        }
        let desc = |a: Tip, b: Tip| {
            self.repo
                .graph_descendant_of(a.0, b.0)
                .map_err(git("comparing histories"))
        };
        Ok(if desc(local, remote)? {
            Relation::LocalAhead
        } else if desc(remote, local)? {
            Relation::RemoteAhead
        } else {
            Relation::Diverged
        })
    }

    /// Moves the tracker branch from `expected` (`None`: it must not exist) to `new`, with a
    /// compare-and-swap.
    pub fn move_branch(
        &self,
        expected: Option<Tip>,
        new: Tip,
        why: &str,
    ) -> Result<(), StoreError> {
        let log = format!("tracker: {why}");
        let moved = match expected {
            Some(old) => self
                .repo
                .reference_matching(&self.branch, new.0, true, old.0, &log),
            None => self.repo.reference(&self.branch, new.0, false, &log),
        };
        moved.map(drop).map_err(|e| self.ref_update_error(e))
    }

    /// The common point of two histories, if they have one.
    pub fn merge_base(&self, a: Tip, b: Tip) -> Result<Option<Tip>, StoreError> {
        match self.repo.merge_base(a.0, b.0) {
            Ok(o) => Ok(Some(Tip(o))),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(git("finding the common history")(e)),
        }
    }

    /// Puts the remote-tracking ref of `remote` back to `tip` (or removes it): used when what
    /// was fetched is refused, so that the next sync looks at it again.
    pub fn reset_tracking(&self, remote: &str, tip: Option<Tip>) -> Result<(), StoreError> {
        let name = self.tracking_ref(remote);
        match tip {
            Some(t) => self
                .repo
                .reference(&name, t.0, true, "tracker: refused what was fetched")
                .map(drop),
            None => match self.repo.find_reference(&name) {
                Ok(mut r) => r.delete(),
                Err(_) => Ok(()),
            },
        }
        .map_err(git(format!("updating {name}")))
    }

    /// Replays the commits of `local` that `onto` (and `published`, what the remote had at the
    /// last sync) lack on top of `onto`, oldest first, and
    /// returns the new tip (the branch itself is not moved). Each commit keeps its author,
    /// committer and message; its changes (files added, changed or removed relative to its
    /// first parent) are applied to the new base, after `rewrite` had a chance to replace a
    /// file's content. Commits that change nothing on the new base are dropped.
    pub fn replay(
        &self,
        local: Tip,
        onto: Tip,
        published: Option<Tip>,
        mut rewrite: impl FnMut(&str, &[u8]) -> Option<String>,
    ) -> Result<Tip, StoreError> {
        let mut walk = self
            .repo
            .revwalk()
            .map_err(git("walking the local history"))?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(git("walking"))?;
        walk.push(local.0).map_err(git("walking"))?;
        walk.hide(onto.0).map_err(git("walking"))?;
        if let Some(p) = published {
            walk.hide(p.0).map_err(git("walking"))?;
        }
        let mut tip = self
            .repo
            .find_commit(onto.0)
            .map_err(git("reading the remote tip"))?;
        for oid in walk {
            let oid = oid.map_err(git("walking"))?;
            let commit = self
                .repo
                .find_commit(oid)
                .map_err(git("reading a commit"))?;
            let parent_tree = match commit.parent(0) {
                Ok(p) => Some(p.tree().map_err(git("reading a tree"))?),
                Err(_) => None,
            };
            let tree = commit.tree().map_err(git("reading a tree"))?;
            let base_tree = tip.tree().map_err(git("reading a tree"))?;
            let mut opts = DiffOptions::new();
            opts.include_typechange(true);
            let diff = self
                .repo
                .diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut opts))
                .map_err(git("comparing trees"))?;
            let mut builder = git2::build::TreeUpdateBuilder::new();
            let mut changes = 0;
            for delta in diff.deltas() {
                let path_of =
                    |f: git2::DiffFile<'_>| f.path().map(|p| p.to_string_lossy().into_owned());
                match delta.status() {
                    Delta::Deleted => {
                        if let Some(p) = path_of(delta.old_file()) {
                            builder.remove(p.as_str());
                            changes += 1;
                        }
                    }
                    _ => {
                        let Some(path) = path_of(delta.new_file()) else {
                            continue;
                        };
                        let id = delta.new_file().id();
                        if path == CONFIG_PATH {
                            self.check_config_replay(&base_tree, parent_tree.as_ref(), id)?;
                        }
                        let blob = self.repo.find_blob(id).map_err(git("reading a file"))?;
                        let id = match rewrite(&path, blob.content()) {
                            Some(text) => self
                                .repo
                                .blob(text.as_bytes())
                                .map_err(git("writing a file"))?,
                            None => id,
                        };
                        builder.upsert(path.as_str(), id, FileMode::Blob);
                        changes += 1;
                    }
                }
            }
            if changes == 0 {
                continue;
            }
            let new_tree_id = builder
                .create_updated(&self.repo, &base_tree)
                .map_err(git("writing trees"))?;
            if new_tree_id == base_tree.id() {
                continue;
            }
            let new_tree = self
                .repo
                .find_tree(new_tree_id)
                .map_err(git("reading a tree"))?;
            let message = commit.message_raw().unwrap_or_default();
            let new = self
                .repo
                .commit(
                    None,
                    &commit.author(),
                    &commit.committer(),
                    message,
                    &new_tree,
                    &[&tip],
                )
                .map_err(git("writing a commit"))?;
            tip = self
                .repo
                .find_commit(new)
                .map_err(git("reading a commit"))?;
        }
        Ok(Tip(tip.id()))
    }

    /// A local change of the configuration replays only onto the configuration it started
    /// from; if the remote changed it too, that is a real conflict.
    fn check_config_replay(
        &self,
        base: &git2::Tree<'_>,
        parent: Option<&git2::Tree<'_>>,
        new: Oid,
    ) -> Result<(), StoreError> {
        let get = |t: &git2::Tree<'_>| t.get_path(Path::new(CONFIG_PATH)).ok().map(|e| e.id());
        let theirs = get(base);
        let before = parent.and_then(get);
        if theirs.is_none() || theirs == before || theirs == Some(new) {
            return Ok(());
        }
        Err(StoreError::ConfigConflict {
            path: CONFIG_PATH.to_owned(),
        })
    }
}

fn transport(what: &str, detail: impl Into<String>) -> StoreError {
    StoreError::Transport {
        command: what.to_owned(),
        detail: detail.into(),
    }
}
