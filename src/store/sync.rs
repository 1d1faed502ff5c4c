//! Exchanging the tracker branch with a remote (R60).
//!
//! The transport is the `git` command (`git fetch`, `git push`): it speaks every protocol git
//! does and uses the user's credential helpers, ssh agent, `insteadOf` rules and proxies,
//! which libgit2 built without its network features cannot. Everything else — deciding how
//! the two histories relate, replaying local commits on top of the remote's, moving refs — is
//! done here through libgit2.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use git2::{Oid, Sort};

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

/// The result of a push. A push the remote refuses for any other reason than its branch
/// moving is an error ([`StoreError::PushRefused`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Push {
    /// The remote branch now points at the pushed commit.
    Done,
    /// The remote refused because its branch moved (or was locked) meanwhile: fetch again.
    Rejected(String),
}

/// The timeout of a whole `sync`, in seconds, when neither `sync --timeout` nor git config
/// [`SYNC_TIMEOUT_KEY`] sets one.
pub const DEFAULT_SYNC_TIMEOUT: u64 = 120;

/// The git config key that sets the timeout of `sync`, in seconds.
pub const SYNC_TIMEOUT_KEY: &str = "tracker.syncTimeout";

/// At most this much of each of git's output streams is kept; the rest is read and dropped.
const OUTPUT_LIMIT: usize = 1 << 20;

/// How long a git command that exited may leave its output pipes open (held by a process it
/// started) before its output is taken as it is.
const PIPE_GRACE: Duration = Duration::from_secs(1);

/// How the `git` commands of one `sync` run: whether git shows progress, and the one deadline
/// they all share.
#[derive(Clone, Copy, Debug)]
pub struct Transport {
    progress: bool,
    seconds: u64,
    deadline: Option<Instant>,
}

impl Transport {
    /// Starts the clock: every git command run with this transport is killed if it has not
    /// finished `seconds` from now.
    pub fn new(progress: bool, seconds: u64) -> Self {
        Self {
            progress,
            seconds,
            deadline: Instant::now().checked_add(Duration::from_secs(seconds)),
        }
    }

    /// The timeout, in seconds.
    pub fn seconds(&self) -> u64 {
        self.seconds
    }
}

/// What a git command left when it exited.
struct GitOutput {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
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

    /// The file that remembers the remote's tip at the end of the last `sync` with `remote`:
    /// unlike the remote-tracking ref, a plain `git fetch` does not move it.
    fn synced_file(&self, remote: &str) -> std::path::PathBuf {
        let name = self.tracking_ref(remote).replace('/', "%");
        self.state_dir.join("synced").join(name)
    }

    /// The remote's tip at the end of the last `sync` with `remote`, if known.
    pub fn synced_tip(&self, remote: &str) -> Option<Tip> {
        let text = std::fs::read_to_string(self.synced_file(remote)).ok()?;
        let oid = Oid::from_str(text.trim()).ok()?;
        self.repo.find_commit(oid).ok().map(|_| Tip(oid))
    }

    /// Remembers `tip` as the remote's tip at the end of a `sync` (only a hint: failures are
    /// ignored).
    pub fn set_synced_tip(&self, remote: &str, tip: Tip) {
        let file = self.synced_file(remote);
        let Some(dir) = file.parent() else { return };
        let tmp = file.with_extension(format!("{}.tmp", std::process::id()));
        let saved = std::fs::create_dir_all(dir).is_ok()
            && std::fs::write(&tmp, format!("{tip}\n")).is_ok()
            && std::fs::rename(&tmp, &file).is_ok();
        if !saved {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    /// The last known tip of the remote's tracker branch (as of the last fetch).
    pub fn tracking_tip(&self, remote: &str) -> Option<Tip> {
        self.repo
            .refname_to_id(&self.tracking_ref(remote))
            .ok()
            .map(Tip)
    }

    /// git, on this repository. Its maps of pack files are bounded as libgit2's are in the
    /// binary (src/main.rs): the pages of every window it keeps count in the resident memory
    /// of `sync`, and its check of what a fetch brought walks the old tip's whole tree (913 MB
    /// at 100 000 tickets with git's defaults of 1 GiB windows and 8 GiB, 133 MB with these).
    fn git_command(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.args([
            "-c",
            "core.packedGitWindowSize=16m",
            "-c",
            "core.packedGitLimit=128m",
        ]);
        cmd.arg("--git-dir").arg(self.repo.path());
        cmd
    }

    /// The timeout of `sync` set by git config [`SYNC_TIMEOUT_KEY`], if any: a whole number
    /// of seconds, at least 1.
    pub fn sync_timeout(&self) -> Result<Option<u64>, StoreError> {
        let Some(value) = self.git_config(SYNC_TIMEOUT_KEY) else {
            return Ok(None);
        };
        match value.trim().parse::<u64>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(StoreError::BadGitConfig {
                key: SYNC_TIMEOUT_KEY.to_owned(),
                value,
                expected: "expected a whole number of seconds, at least 1".to_owned(),
            }),
        }
    }

    /// The remote-tracking refs of the tracker branch that git's own fetches left here
    /// (`refs/remotes/<remote>/<branch>`, one per configured remote that has one), by remote
    /// name: what a fresh `git clone` brings.
    pub fn remote_branches(&self) -> Vec<(String, Tip)> {
        let Ok(names) = self.repo.remotes() else {
            return Vec::new();
        };
        names
            .iter()
            .filter_map(|name| {
                let name = name.ok().flatten()?;
                Some((name.to_owned(), self.tracking_tip(name)?))
            })
            .collect()
    }

    /// Whether `remote` has the tracker branch, asked with `git ls-remote` (for `init`).
    pub fn remote_has_branch(&self, remote: &str, t: &Transport) -> Result<bool, StoreError> {
        let mut cmd = self.git_command();
        cmd.args([
            "ls-remote",
            "--heads",
            "--",
            remote,
            &format!("refs/heads/{}", self.branch_short()),
        ]);
        // A question asked on the side: never a credentials prompt.
        cmd.env("GIT_TERMINAL_PROMPT", "0");
        let out = run_git(cmd, "git ls-remote", remote, t, false)?;
        if !out.status.success() {
            return Err(transport(
                "git ls-remote",
                String::from_utf8_lossy(&out.stderr).trim(),
            ));
        }
        Ok(!out.stdout.is_empty())
    }

    /// Fetches the remote's tracker branch into [`Store::tracking_ref`]; `None` when the
    /// remote has no such branch.
    pub fn fetch(&self, remote: &str, t: &Transport) -> Result<Option<Tip>, StoreError> {
        let branch = self.branch_short().to_owned();
        let tracking = self.tracking_ref(remote);
        // Does the remote have the branch at all?
        let mut cmd = self.git_command();
        cmd.args([
            "ls-remote",
            "--heads",
            "--",
            remote,
            &format!("refs/heads/{branch}"),
        ]);
        let out = run_git(cmd, "git ls-remote", remote, t, t.progress)?;
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
        cmd.arg(if t.progress { "--progress" } else { "--quiet" });
        cmd.args(["--", remote, &refspec]);
        let out = run_git(cmd, "git fetch", remote, t, t.progress)?;
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

    /// Pushes `tip` to the remote's tracker branch, fast-forward only. A refusal because the
    /// remote's branch moved is [`Push::Rejected`]; any other refusal (a hook, a `deny`
    /// setting) is [`StoreError::PushRefused`], with what the remote said.
    pub fn push(&self, remote: &str, tip: Tip, t: &Transport) -> Result<Push, StoreError> {
        let dst = format!("{tip}:refs/heads/{}", self.branch_short());
        let mut cmd = self.git_command();
        cmd.args(["push", "--porcelain"]);
        if !t.progress {
            cmd.arg("--quiet");
        }
        cmd.args(["--", remote, &dst]);
        let out = run_git(cmd, "git push", remote, t, false)?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Porcelain lines: "<flag>\t<from>:<to>\t<summary>"; '!' is a refusal.
        let refused = stdout
            .lines()
            .find_map(|l| l.strip_prefix("!\t"))
            .map(|l| l.rsplit('\t').next().unwrap_or_default());
        if let Some(summary) = refused {
            return match classify_refusal(summary, &stderr) {
                Refusal::Moved => Ok(Push::Rejected(summary.to_owned())),
                Refusal::Refused(reason) => Err(StoreError::PushRefused {
                    remote: remote.to_owned(),
                    reason,
                    remote_said: remote_lines(&stderr),
                }),
            };
        }
        if t.progress {
            eprint!("{}", crate::text::sanitize_block(&stderr));
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
        published: &[Tip],
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
        for p in published {
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
            let parent_tree = commit.parent(0).ok().map(|p| p.tree_id());
            let tree = commit.tree_id();
            let base = tip.tree_id();
            // What the commit changed along the layout (foreign files are not carried over).
            let mut changes = super::tree::Changes::new();
            for change in super::diff::changes(&self.repo, parent_tree, Some(tree))? {
                let Some(id) = change.new else {
                    changes.insert(change.path, None);
                    continue;
                };
                if change.path == CONFIG_PATH {
                    self.check_config_replay(base, parent_tree, id)?;
                }
                let blob = self.repo.find_blob(id).map_err(git("reading a file"))?;
                let id = match rewrite(&change.path, blob.content()) {
                    Some(text) => self
                        .repo
                        .blob(text.as_bytes())
                        .map_err(git("writing a file"))?,
                    None => id,
                };
                changes.insert(change.path, Some(id));
            }
            if changes.is_empty() {
                continue;
            }
            let (new_tree_id, dropped) = super::tree::write_tree(&self.repo, Some(base), &changes)?;
            self.note_dropped(dropped);
            if new_tree_id == base {
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
        base: Oid,
        parent: Option<Oid>,
        new: Oid,
    ) -> Result<(), StoreError> {
        let get = |t: Oid| super::tree::lookup(&self.repo, t, CONFIG_PATH).map(|e| e.oid);
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

/// Runs `cmd` (a git command of `sync` with `remote`) to its end or to the transport's
/// deadline, whichever comes first; at the deadline git is killed. Its stdout is read, and
/// so is its stderr unless `show_stderr` lets it reach the terminal, on threads, so that a
/// full pipe never blocks it.
fn run_git(
    mut cmd: Command,
    what: &str,
    remote: &str,
    t: &Transport,
    show_stderr: bool,
) -> Result<GitOutput, StoreError> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(if show_stderr {
            Stdio::inherit()
        } else {
            Stdio::piped()
        });
    let mut child = cmd.spawn().map_err(|e| transport(what, e.to_string()))?;
    let (tx, rx) = mpsc::channel();
    let mut open = 0;
    let readers: [Option<Box<dyn Read + Send>>; 2] = [
        child
            .stdout
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    ];
    for (i, reader) in readers.into_iter().enumerate() {
        let Some(reader) = reader else { continue };
        if let Err(e) = read_on_thread(i, reader, tx.clone()) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(transport(what, e.to_string()));
        }
        open += 1;
    }
    drop(tx);
    let mut streams = [Vec::new(), Vec::new()];
    let mut exited: Option<(ExitStatus, Instant)> = None;
    loop {
        if exited.is_none() {
            let status = child
                .try_wait()
                .map_err(|e| transport(what, e.to_string()))?;
            exited = status.map(|s| (s, Instant::now()));
        }
        if let Some((status, at)) = exited {
            if open == 0 || at.elapsed() >= PIPE_GRACE {
                let [stdout, stderr] = streams;
                return Ok(GitOutput {
                    status,
                    stdout,
                    stderr,
                });
            }
        }
        let now = Instant::now();
        if exited.is_none() && t.deadline.is_some_and(|d| now >= d) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(StoreError::Timeout {
                remote: remote.to_owned(),
                command: what.to_owned(),
                seconds: t.seconds,
            });
        }
        // Wake up when a pipe closes (git is exiting), or soon anyway to look again.
        let nap = Duration::from_millis(if open == 0 { 2 } else { 50 });
        let nap = t
            .deadline
            .map_or(nap, |d| nap.min(d.saturating_duration_since(now)));
        if open == 0 {
            std::thread::sleep(nap);
            continue;
        }
        match rx.recv_timeout(nap) {
            Ok((i, bytes)) => {
                streams[i] = bytes;
                open -= 1;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => open = 0,
        }
    }
}

/// Reads `reader` to its end on a new thread, keeping its first [`OUTPUT_LIMIT`] bytes, and
/// sends them with `i` on `tx`.
fn read_on_thread(
    i: usize,
    mut reader: Box<dyn Read + Send>,
    tx: mpsc::Sender<(usize, Vec<u8>)>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("git output".to_owned())
        .spawn(move || {
            let mut kept = Vec::new();
            let mut buf = [0_u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let room = OUTPUT_LIMIT.saturating_sub(kept.len());
                        kept.extend_from_slice(&buf[..n.min(room)]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
            let _ = tx.send((i, kept));
        })
        .map(drop)
}

/// Why the remote did not take a push.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// Its branch moved (or was locked) meanwhile: fetch, combine and push again.
    Moved,
    /// It does not want this push (a hook, a `deny` setting, anything else): the reason.
    Refused(String),
}

/// Classifies a porcelain `!` line's summary, such as `[rejected] (fetch first)` or
/// `[remote rejected] (pre-receive hook declined)`; `stderr` is git's, for the lock error a
/// remote that lost a race reports as `failed to update ref`.
fn classify_refusal(summary: &str, stderr: &str) -> Refusal {
    let summary = summary.trim();
    let (status, reason) = match summary.split_once(" (") {
        Some((status, reason)) => (status, reason.strip_suffix(')').unwrap_or(reason)),
        None => (summary, summary),
    };
    let lost_lock_race = || {
        remote_lines(stderr)
            .iter()
            .any(|l| l.starts_with("error: cannot lock ref"))
    };
    let moved = match status {
        "[rejected]" => matches!(
            reason,
            "fetch first" | "non-fast-forward" | "stale info" | "remote ref updated since checkout"
        ),
        "[remote rejected]" => {
            reason == "failed to lock"
                || reason.starts_with("cannot lock ref")
                || (reason == "failed to update ref" && lost_lock_race())
        }
        _ => false,
    };
    if moved {
        Refusal::Moved
    } else {
        Refusal::Refused(reason.to_owned())
    }
}

/// The `remote: ` lines of git's stderr, without that prefix and the padding git adds.
fn remote_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("remote:"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end().to_owned())
        .collect()
}

fn transport(what: &str, detail: impl Into<String>) -> StoreError {
    StoreError::Transport {
        command: what.to_owned(),
        detail: detail.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moved_remote_is_retried_and_anything_else_is_a_refusal() {
        for summary in [
            "[rejected] (fetch first)",
            "[rejected] (non-fast-forward)",
            "[rejected] (stale info)",
            "[remote rejected] (failed to lock)",
        ] {
            assert_eq!(classify_refusal(summary, ""), Refusal::Moved, "{summary}");
        }
        // What git 2.47 says when another push won the race for the ref.
        let lost = "remote: error: cannot lock ref 'refs/heads/tracker': is at 1a39d903 but expected 4931d01d        \nerror: failed to push some refs to '../r.git'\n";
        assert_eq!(
            classify_refusal("[remote rejected] (failed to update ref)", lost),
            Refusal::Moved
        );
        assert_eq!(
            classify_refusal("[remote rejected] (failed to update ref)", ""),
            Refusal::Refused("failed to update ref".into())
        );
        // A hook's words cannot turn its refusal into a retry.
        let hook = "remote: error: cannot lock ref: the branch is locked for the release\n";
        for (summary, reason) in [
            (
                "[remote rejected] (pre-receive hook declined)",
                "pre-receive hook declined",
            ),
            (
                "[remote rejected] (deny deleting current branch)",
                "deny deleting current branch",
            ),
            ("[remote rejected] (hook declined)", "hook declined"),
            ("[rejected] (needs force)", "needs force"),
            (
                "[remote failure] (remote failed to report status)",
                "remote failed to report status",
            ),
            ("something new", "something new"),
        ] {
            assert_eq!(
                classify_refusal(summary, hook),
                Refusal::Refused(reason.into()),
                "{summary}"
            );
        }
    }

    #[test]
    fn the_remotes_lines_are_kept_without_prefix_and_padding() {
        let stderr = "remote: tracker: push refused        \nremote:         \nremote: \u{1b}[31mred        \nTo ../r.git\nerror: failed to push some refs to '../r.git'\n";
        assert_eq!(
            remote_lines(stderr),
            ["tracker: push refused", "", "\u{1b}[31mred"]
        );
    }

    fn sh(script: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", script]);
        cmd
    }

    #[test]
    fn a_command_past_the_deadline_is_killed() {
        let t = Transport::new(false, 1);
        let err = run_git(sh("sleep 30"), "git fetch", "origin", &t, false)
            .err()
            .expect("sleep 30 outlives a 1 s deadline");
        assert_eq!(
            err.to_string(),
            "sync with origin timed out after 1 s (git fetch was stopped)"
        );
    }

    #[test]
    fn full_pipes_never_block_and_output_is_bounded() {
        let t = Transport::new(false, 120);
        let script = "head -c 3000000 /dev/zero; head -c 3000000 /dev/zero >&2; echo done >&2";
        let out = run_git(sh(script), "git push", "origin", &t, false).expect("it finishes");
        assert!(out.status.success());
        assert_eq!(out.stdout.len(), OUTPUT_LIMIT);
        assert_eq!(out.stderr.len(), OUTPUT_LIMIT);
        let out =
            run_git(sh("echo hi; exit 3"), "git push", "origin", &t, false).expect("it finishes");
        assert_eq!(out.status.code(), Some(3));
        assert_eq!(out.stdout, b"hi\n");
    }
}
