//! Storage: the only module that speaks git (it alone imports `git2`).
//!
//! It reads the tracker branch into a [`Snapshot`] (through the local index kept under
//! `.git/tracker/`), reads one ticket's events, and writes one commit per command with a
//! compare-and-swap on the branch tip. It never touches the work tree, the index, `HEAD` or the
//! stash, and works the same in a bare repository (R1).

mod attachments;
mod branches;
mod commits;
mod copy;
mod diff;
mod error;
mod events;
mod export;
mod foreign;
mod gc;
mod history;
mod index;
pub mod layout;
mod numbers;
mod people;
mod query;
mod ranking;
mod sync;
mod tickets;
mod tree;

pub use attachments::BlobRead;
pub use branches::TrackerBranch;
pub use commits::ProjectCommit;
pub use copy::CopiedFile;
pub use export::{
    derived_id, ChainCommit, ExportedTicket, ExtraFile, MAX_EXTRA_DEPTH, MAX_EXTRA_FILE_BYTES,
};
pub use history::{CommitRecord, Removal, Written};
pub use numbers::SharedNumber;
pub use people::person_id;
pub use query::{FieldIs, Filter, Order, Range, ReadFailed, Visible, Words};
pub use ranking::Side;
pub use sync::{Push, Relation, Transport, DEFAULT_SYNC_TIMEOUT, SYNC_TIMEOUT_KEY};

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use git2::{ErrorCode, ObjectType, Oid, Repository, Signature, Time};
use serde::{Deserialize, Serialize};

use error::git;
pub use error::StoreError;

use crate::model::config::CONFIG_PATH;
use crate::model::limits::{self, MAX_CONFIG_BYTES, MAX_EVENT_FILE_BYTES};
use crate::model::ticket::Ticket;
use crate::model::{Event, Person, TicketId, TrackerConfig};

/// The local index's file name under `.git/tracker/` (delete it to force a full rebuild).
pub const INDEX_FILE: &str = index::FILE;

/// The default branch name, when git config `tracker.branch` is unset.
pub const DEFAULT_BRANCH: &str = "tracker";

/// A commit of the tracker branch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tip(Oid);

impl fmt::Display for Tip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A problem with one file on the branch (R71): reported, never fatal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Path on the branch.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

/// The branch at one tip, as the index describes it: the configuration and every problem.
/// Tickets are asked for through [`Store::find`] and its siblings, which read only the rows
/// they need.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The commit read.
    pub tip: Tip,
    /// The tracker's configuration.
    pub config: TrackerConfig,
    /// Problems found on the way.
    pub diagnostics: Vec<Diagnostic>,
}

impl Snapshot {
    /// The problem with `tracker.toml`, when it is missing or cannot be read: writes are then
    /// refused (the defaults the snapshot falls back on must never relax a rule).
    pub fn config_problem(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.path == CONFIG_PATH)
    }
}

/// One file to write in a commit.
#[derive(Clone, Debug)]
pub struct FileWrite {
    /// Path on the branch.
    pub path: String,
    /// Content.
    pub content: Vec<u8>,
}

impl FileWrite {
    /// The file of an event.
    pub fn event(e: &Event) -> Self {
        Self {
            path: layout::event_path(&e.ticket, &e.id),
            content: e.to_toml().into(),
        }
    }
}

/// A repository with a tracker branch (or about to have one).
pub struct Store {
    repo: Repository,
    branch: String,
    state_dir: PathBuf,
    /// What the user should hear about (entries left out of rewritten trees); see
    /// [`Store::take_notes`].
    notes: std::cell::RefCell<Vec<String>>,
    /// The last ticket directory read, by tree id: a command that updates the index and then
    /// shows or changes that ticket reads it once.
    last_ticket: std::cell::RefCell<Option<(Oid, TicketId, ReadTicket)>>,
    /// What each file of the last ticket read gave, by name and blob id: the index update
    /// after a write reads that ticket's new directory, and parses only the files the write
    /// added (blob ids are content hashes, so a kept answer stays right).
    parsed: std::cell::RefCell<Parsed>,
    /// The query index, opened on first use.
    index: std::cell::RefCell<Option<index::Index>>,
    /// Who hears about the progress of a long index update (`(done, total)` tickets).
    progress: std::cell::RefCell<Option<Progress>>,
    /// Set by an index update that changed a ticket's dependencies: the tickets on a cycle
    /// are then found again.
    links_changed: std::cell::Cell<bool>,
}

/// The ticket directories `files` are in, by shard; `None` when one of them is not a ticket's
/// event (the configuration: the index must then compare everything). A person's files are not
/// in the index.
fn touched_tickets(files: &[FileWrite], copies: &[copy::CopiedFile]) -> Option<index::Touched> {
    let mut out = index::Touched::new();
    for f in files {
        let ticket = layout::parse_event_path(&f.path)
            .map(|(t, _)| t)
            .or_else(|| layout::parse_attachment_path(&f.path).map(|(t, _, _)| t));
        if let Some(ticket) = ticket {
            out.entry(layout::shard(&ticket).to_owned())
                .or_default()
                .insert(ticket);
        } else if layout::parse_person_event_path(&f.path).is_none() {
            return None;
        }
    }
    for c in copies {
        let ticket = layout::ticket_of_path(&c.path)?;
        out.entry(layout::shard(&ticket).to_owned())
            .or_default()
            .insert(ticket);
    }
    Some(out)
}

/// libgit2's process-wide options, set once (measured in `docs/performance.md`):
/// - every tree this store writes names objects it has just written or read from a tree of the
///   branch, so libgit2's check that each entry exists (a lookup per entry: 256 of them for the
///   `tickets` tree, each opening a loose object) is skipped;
/// - objects are not hashed again on every read, as git itself does not (`git fsck` does):
///   what arrives by fetch was hashed by git when it was received.
fn tune_libgit2() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        git2::opts::strict_object_creation(false);
        git2::opts::strict_hash_verification(false);
    });
}

/// A listener for the progress of a long index update: `(done, total)` tickets.
pub type Progress = Box<dyn FnMut(usize, usize)>;

/// A ticket as read from its directory: the folded ticket (if it folds) and the problems.
type ReadTicket = (Option<Ticket>, Vec<Diagnostic>);

/// What the files of one ticket gave, by file name and blob id (see `Store::parsed`).
#[derive(Default)]
pub(super) struct Parsed {
    ticket: Option<TicketId>,
    files: std::collections::HashMap<(String, Oid), events::Parsed>,
}

impl Store {
    /// Opens the repository containing `dir`, or the one git's environment (`GIT_DIR`, …) and
    /// the current directory point to, with the tracker branch git config `tracker.branch`
    /// names (default `tracker`).
    pub fn open(dir: Option<&Path>) -> Result<Self, StoreError> {
        Self::open_branch(dir, None)
    }

    /// Like [`Store::open`], with the tracker on branch `branch` when it is given (the global
    /// `--tracker NAME`), else the one git config `tracker.branch` names.
    pub fn open_branch(dir: Option<&Path>, branch: Option<&str>) -> Result<Self, StoreError> {
        tune_libgit2();
        let repo = match dir {
            Some(d) => Repository::discover(d),
            None => Repository::open_from_env(),
        }
        .map_err(|source| StoreError::NoRepository {
            path: dir.map_or_else(
                || {
                    std::env::current_dir()
                        .unwrap_or_default()
                        .display()
                        .to_string()
                },
                |d| d.display().to_string(),
            ),
            source,
        })?;
        let name = match branch {
            Some(b) => b.to_owned(),
            None => repo
                .config()
                .and_then(|c| c.get_string("tracker.branch"))
                .unwrap_or_else(|_| DEFAULT_BRANCH.to_owned()),
        };
        Self::on_branch(repo, &name)
    }

    /// The store of the tracker on branch `name` of `repo`.
    fn on_branch(repo: Repository, name: &str) -> Result<Self, StoreError> {
        let branch = format!("refs/heads/{name}");
        if !valid_branch_name(name) {
            return Err(StoreError::BadBranchName(name.to_owned()));
        }
        let state_dir = state_dir_of(repo.commondir(), name);
        Ok(Self {
            repo,
            branch,
            state_dir,
            notes: std::cell::RefCell::new(Vec::new()),
            last_ticket: std::cell::RefCell::new(None),
            parsed: std::cell::RefCell::new(Parsed::default()),
            index: std::cell::RefCell::new(None),
            progress: std::cell::RefCell::new(None),
            links_changed: std::cell::Cell::new(false),
        })
    }

    /// The store of another tracker branch of the same repository (`name`, short): a parent
    /// or sub-tracker (R34, R35), or one that `trackers` lists.
    pub fn sibling(&self, name: &str) -> Result<Self, StoreError> {
        let repo = Repository::open(self.repo.path()).map_err(git("opening the repository"))?;
        Self::on_branch(repo, name)
    }

    /// The store of the tracker on branch `branch` of the repository `remote` reaches: its
    /// commits are fetched into `refs/remotes/<remote>/<branch>` and pushed from there, and
    /// its local index lives apart, in `.git/tracker/remotes/<remote>/<branch>/` (encoded as
    /// for branches), so that it never takes the place of a local tracker's. Its local branch
    /// of that name, if any, is never moved by the writes made through it.
    pub fn remote_sibling(&self, remote: &str, branch: &str) -> Result<Self, StoreError> {
        let repo = Repository::open(self.repo.path()).map_err(git("opening the repository"))?;
        let mut store = Self::on_branch(repo, branch)?;
        let enc = |s: &str| s.replace('%', "%25").replace('/', "%2F");
        store.state_dir = self
            .repo
            .commondir()
            .join("tracker")
            .join("remotes")
            .join(enc(remote))
            .join(enc(branch));
        Ok(store)
    }

    /// Notes for the user gathered while writing, such as entries of a hostile tree that git
    /// refuses and that were left out of the trees a commit rewrote.
    pub fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut self.notes.borrow_mut())
    }

    fn note_dropped(&self, dropped: Vec<String>) {
        self.notes.borrow_mut().extend(dropped.into_iter().map(|d| {
            format!("{d}: left out of the tree this commit rewrote (git cannot store it there)")
        }));
    }

    /// The full ref name of the tracker branch.
    pub fn branch(&self) -> &str {
        &self.branch
    }

    /// The directory for local state (`.git/tracker/`).
    pub fn state_dir(&self) -> &Path {
        &self.state_dir
    }

    /// A string from git configuration.
    pub fn git_config(&self, key: &str) -> Option<String> {
        self.repo.config().ok()?.get_string(key).ok()
    }

    /// Sets a key of this repository's own git config (`.git/config`), as `git config KEY
    /// VALUE` does (the demo's mail settings).
    pub fn set_git_config(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.repo
            .config()
            .and_then(|c| c.open_level(git2::ConfigLevel::Local))
            .and_then(|mut c| c.set_str(key, value))
            .map_err(git(format!("setting git config {key}")))
    }

    /// The current tip of the branch, if it exists.
    pub fn tip(&self) -> Result<Option<Tip>, StoreError> {
        match self.repo.refname_to_id(&self.branch) {
            Ok(oid) => Ok(Some(Tip(oid))),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(git(format!("reading {}", self.branch))(e)),
        }
    }

    /// The tip, or `NotInitialized`.
    pub fn require_tip(&self) -> Result<Tip, StoreError> {
        self.tip()?.ok_or_else(|| StoreError::NotInitialized {
            branch: self.branch.clone(),
        })
    }

    /// Reads the branch at its current tip.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let tip = self.require_tip()?;
        self.snapshot_at(tip)
    }

    /// Reads the branch at `tip`, through the local index (brought there first if needed).
    pub fn snapshot_at(&self, tip: Tip) -> Result<Snapshot, StoreError> {
        let head = self.head(tip)?;
        Ok(Snapshot {
            tip,
            config: head.config,
            diagnostics: head.diagnostics,
        })
    }

    /// Sets who hears about the progress of a long index update.
    pub fn on_progress(&self, progress: Progress) {
        *self.progress.borrow_mut() = Some(progress);
    }

    /// The root tree of the commit `tip` (its id: the tree itself is read leniently, by
    /// [`tree::read_dir`]).
    fn root_tree(&self, tip: Tip) -> Result<Oid, StoreError> {
        self.repo
            .find_commit(tip.0)
            .map(|c| c.tree_id())
            .map_err(git(format!("reading commit {tip}")))
    }

    /// Problems for the entries of a directory that nothing can use (see [`tree::Dir`]).
    fn unusable(dir: &tree::Dir, at: &str, diagnostics: &mut Vec<Diagnostic>) {
        for u in &dir.unusable {
            let path = if at.is_empty() {
                u.clone()
            } else {
                format!("{at}/{u}")
            };
            diagnostics.push(diag(&path, "an entry git cannot read; it is skipped"));
        }
    }

    /// A file's text at `tip` (`None` when it does not exist, is not UTF-8, or is larger
    /// than a `tracker.toml` may be: this reads configuration files).
    pub fn read_text(&self, tip: Tip, path: &str) -> Result<Option<String>, StoreError> {
        let Some(entry) = tree::lookup(&self.repo, self.root_tree(tip)?, path) else {
            return Ok(None);
        };
        let Ok(blob) = read_bounded(&self.repo, entry.oid, MAX_CONFIG_BYTES, || path.to_owned())?
        else {
            return Ok(None);
        };
        Ok(std::str::from_utf8(blob.content()).ok().map(str::to_owned))
    }

    /// The ids of the tickets whose directory exists at `tip`.
    pub fn ticket_ids(&self, tip: Tip) -> Result<std::collections::HashSet<TicketId>, StoreError> {
        let mut ids = std::collections::HashSet::new();
        let (_, Some(tickets)) = diff::roots(&self.repo, Some(self.root_tree(tip)?))? else {
            return Ok(ids);
        };
        let tree = tree::read_dir(&self.repo, tickets, layout::TICKETS_DIR)?;
        for shard in tree.entries {
            if shard.kind != Some(ObjectType::Tree) {
                continue;
            }
            let Ok(stree) = tree::read_dir(&self.repo, shard.oid, &shard.name) else {
                continue;
            };
            ids.extend(
                stree
                    .entries
                    .iter()
                    .filter(|t| t.kind == Some(ObjectType::Tree))
                    .filter_map(|t| TicketId::parse(&t.name)),
            );
        }
        Ok(ids)
    }

    /// Which of `ids` have their directory at `tip`: reads only the shards they live in.
    pub fn present(
        &self,
        tip: Tip,
        ids: &[TicketId],
    ) -> Result<std::collections::HashSet<TicketId>, StoreError> {
        let mut found = std::collections::HashSet::new();
        let (_, Some(tickets)) = diff::roots(&self.repo, Some(self.root_tree(tip)?))? else {
            return Ok(found);
        };
        let shards = tree::read_dir(&self.repo, tickets, layout::TICKETS_DIR)?;
        let mut by_shard: std::collections::BTreeMap<&str, Vec<&TicketId>> =
            std::collections::BTreeMap::new();
        for id in ids {
            by_shard.entry(layout::shard(id)).or_default().push(id);
        }
        for (shard, wanted) in by_shard {
            let Some(e) = shards
                .get(shard)
                .filter(|e| e.kind == Some(ObjectType::Tree))
            else {
                continue;
            };
            let dir = tree::read_dir(&self.repo, e.oid, shard)?;
            for id in wanted {
                if dir
                    .get(id.as_str())
                    .is_some_and(|t| t.kind == Some(ObjectType::Tree))
                {
                    found.insert(id.clone());
                }
            }
        }
        Ok(found)
    }

    /// The event files that `new` has and `old` (`None`: nothing) does not, by ticket: what a
    /// range of the branch brought (`notify`). Costs what differs between the two trees.
    pub fn added_events(
        &self,
        old: Option<Tip>,
        new: Tip,
    ) -> Result<
        std::collections::BTreeMap<TicketId, std::collections::BTreeSet<crate::model::EventId>>,
        StoreError,
    > {
        let old_tree = old.map(|t| self.root_tree(t)).transpose()?;
        let mut out: std::collections::BTreeMap<_, std::collections::BTreeSet<_>> =
            std::collections::BTreeMap::new();
        for change in diff::changes(&self.repo, old_tree, Some(self.root_tree(new)?))? {
            if change.old.is_some() || change.new.is_none() {
                continue;
            }
            if let Some((ticket, event)) = layout::parse_event_path(&change.path) {
                out.entry(ticket).or_default().insert(event);
            }
        }
        Ok(out)
    }

    /// The events whose files `new` has and `old` (`None`: nothing) does not, read from those
    /// files alone (each read bounded; a file that does not parse is left out): what a `sync`
    /// brought. Costs what differs between the two trees and the files added, whatever the
    /// size of the tracker or of the tickets they belong to.
    pub fn arrived_events(
        &self,
        old: Option<Tip>,
        new: Tip,
    ) -> Result<Vec<crate::model::Event>, StoreError> {
        let old_tree = old.map(|t| self.root_tree(t)).transpose()?;
        let mut out = Vec::new();
        for change in diff::changes(&self.repo, old_tree, Some(self.root_tree(new)?))? {
            let (None, Some(oid)) = (change.old, change.new) else {
                continue;
            };
            let Some((ticket, event)) = layout::parse_event_path(&change.path) else {
                continue;
            };
            let Ok(blob) = read_bounded(&self.repo, oid, MAX_EVENT_FILE_BYTES, || {
                change.path.clone()
            })?
            else {
                continue;
            };
            if let Ok(e) = crate::model::Event::from_toml(ticket, event, blob.content()) {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// Reads and folds one ticket at `tip`. `None` when it is not on the branch or cannot be
    /// folded (the diagnostics say why).
    pub fn ticket(
        &self,
        tip: Tip,
        id: &TicketId,
    ) -> Result<(Option<Ticket>, Vec<Diagnostic>), StoreError> {
        let entry = tree::lookup(&self.repo, self.root_tree(tip)?, &layout::ticket_dir(id));
        match entry {
            Some(e) if e.kind == Some(ObjectType::Tree) => self.read_ticket_tree(e.oid, id),
            _ => Ok((None, Vec::new())),
        }
    }

    fn read_ticket_tree(
        &self,
        oid: Oid,
        id: &TicketId,
    ) -> Result<(Option<Ticket>, Vec<Diagnostic>), StoreError> {
        let last = self.last_ticket.borrow();
        if let Some((_, _, read)) = last.as_ref().filter(|(o, i, _)| *o == oid && i == id) {
            return Ok(read.clone());
        }
        drop(last);
        let read = read_ticket_tree(
            &self.repo,
            oid,
            id,
            &self.state_dir,
            Some(&mut self.parsed.borrow_mut()),
        )?;
        *self.last_ticket.borrow_mut() = Some((oid, id.clone(), read.clone()));
        Ok(read)
    }

    /// Writes `files` as one commit on top of `parent` (`None`: create the branch) and moves
    /// the branch to it only if it still points at `parent` (compare-and-swap). Returns
    /// [`StoreError::Conflict`] when another process moved it first.
    pub fn commit(
        &self,
        parent: Option<Tip>,
        files: &[FileWrite],
        message: &str,
        author: &Person,
        when: DateTime<Utc>,
    ) -> Result<Tip, StoreError> {
        self.commit_copying(parent, files, &[], message, author, when)
    }

    /// Writes the commit of `files` and `copies` on top of `parent` without moving any ref;
    /// returns it, and whether its trees kept every entry of the parent's.
    fn write_commit(
        &self,
        parent: Option<Tip>,
        files: &[FileWrite],
        copies: &[copy::CopiedFile],
        message: &str,
        author: &Person,
        when: DateTime<Utc>,
    ) -> Result<(Oid, bool), StoreError> {
        let mut changes = tree::Changes::new();
        for c in copies {
            changes.insert(c.path.clone(), Some(c.blob));
        }
        for f in files {
            let blob = self.repo.blob(&f.content).map_err(git("writing a blob"))?;
            changes.insert(f.path.clone(), Some(blob));
        }
        let parent_commit = match parent {
            Some(p) => Some(self.repo.find_commit(p.0).map_err(git("reading the tip"))?),
            None => None,
        };
        let base = parent_commit.as_ref().map(git2::Commit::tree_id);
        let (tree_id, dropped) = tree::write_tree(&self.repo, base, &changes)?;
        let dropped_nothing = dropped.is_empty();
        self.note_dropped(dropped);
        let tree = self
            .repo
            .find_tree(tree_id)
            .map_err(git("reading a tree"))?;
        let sig = Signature::new(&author.name, &author.email, &Time::new(when.timestamp(), 0))
            .map_err(git("making the commit signature"))?;
        let parents: Vec<&git2::Commit<'_>> = parent_commit.iter().collect();
        let oid = self
            .repo
            .commit(None, &sig, &sig, message, &tree, &parents)
            .map_err(git("writing the commit"))?;
        Ok((oid, dropped_nothing))
    }

    /// Writes the commit of `files` on top of `parent` without moving any ref: what is pushed
    /// to a tracker of another repository (`transfer` to a `REMOTE:BRANCH` parent), whose
    /// tip `parent` was fetched.
    pub fn commit_detached(
        &self,
        parent: Tip,
        files: &[FileWrite],
        copies: &[copy::CopiedFile],
        message: &str,
        author: &Person,
        when: DateTime<Utc>,
    ) -> Result<Tip, StoreError> {
        let (oid, _) = self.write_commit(Some(parent), files, copies, message, author, when)?;
        Ok(Tip(oid))
    }

    /// [`Store::commit`] with files copied by their object ids besides the ones written.
    pub fn commit_copying(
        &self,
        parent: Option<Tip>,
        files: &[FileWrite],
        copies: &[copy::CopiedFile],
        message: &str,
        author: &Person,
        when: DateTime<Utc>,
    ) -> Result<Tip, StoreError> {
        let (oid, dropped_nothing) =
            self.write_commit(parent, files, copies, message, author, when)?;
        let log = format!("tracker: {}", message.lines().next().unwrap_or_default());
        let moved = match parent {
            Some(p) => self
                .repo
                .reference_matching(&self.branch, oid, true, p.0, &log),
            None => self.repo.reference(&self.branch, oid, false, &log),
        };
        match moved {
            Ok(_) => {}
            Err(e) if parent.is_none() && e.code() == ErrorCode::Exists => {
                return Err(StoreError::AlreadyInitialized {
                    branch: self.branch.clone(),
                });
            }
            Err(e) => return Err(self.ref_update_error(e)),
        }
        if let (Some(old), true) = (parent, dropped_nothing) {
            if let Some(touched) = touched_tickets(files, copies) {
                self.advance_index(old, Tip(oid), &touched);
            }
        }
        gc::after_commit(&self.repo, &self.state_dir, &self.branch);
        Ok(Tip(oid))
    }

    /// What a failed compare-and-swap of the branch means: it moved (`Conflict`), its lock file
    /// is held (`Locked`, naming the file: another writer, or one a killed process left), or a
    /// real failure.
    pub(crate) fn ref_update_error(&self, e: git2::Error) -> StoreError {
        match e.code() {
            ErrorCode::Modified => StoreError::Conflict {
                branch: self.branch.clone(),
            },
            ErrorCode::Locked | ErrorCode::Exists => {
                let lock = self.repo.commondir().join(format!("{}.lock", self.branch));
                if lock.exists() {
                    StoreError::Locked {
                        branch: self.branch.clone(),
                        lock: lock.display().to_string(),
                    }
                } else {
                    StoreError::Conflict {
                        branch: self.branch.clone(),
                    }
                }
            }
            _ => git(format!("updating {}", self.branch))(e),
        }
    }

    /// Packs every loose object of the tracker branch now (what the automatic upkeep does
    /// every few hundred commits). Returns how many loose objects were removed.
    pub fn pack_now(&self) -> Result<usize, StoreError> {
        self.require_tip()?;
        gc::pack(&self.repo, &self.state_dir, &self.branch)
    }
}

/// Whether `name` can name a tracker branch: `refs/heads/<name>` is a valid ref name.
pub fn valid_branch_name(name: &str) -> bool {
    !name.is_empty() && git2::Reference::is_valid_name(&format!("refs/heads/{name}"))
}

/// The directory of local state of the tracker on branch `name` (short): `.git/tracker/` for
/// the default branch (as before several trackers could live in one repository), else
/// `.git/tracker/branches/<name>/` with `%` and `/` written `%25` and `%2F`, so that two
/// branch names never share a directory and none is nested in another's.
pub fn state_dir_of(commondir: &Path, name: &str) -> PathBuf {
    let root = commondir.join("tracker");
    if name == DEFAULT_BRANCH {
        return root;
    }
    let encoded = name.replace('%', "%25").replace('/', "%2F");
    root.join("branches").join(encoded)
}

/// Reads and folds the ticket whose directory is the tree `oid`: the one way a ticket is read
/// (also by the threads of [`Store::tickets`], hence a function of the repository). With
/// `memo`, files it holds (same name, same blob) are not read again, and what was read is
/// added to it.
pub(super) fn read_ticket_tree(
    repo: &Repository,
    oid: Oid,
    id: &TicketId,
    state: &Path,
    mut memo: Option<&mut Parsed>,
) -> Result<(Option<Ticket>, Vec<Diagnostic>), StoreError> {
    if let Some(m) = memo.as_deref_mut() {
        if m.ticket.as_ref() != Some(id) {
            m.ticket = Some(id.clone());
            m.files.clear();
        }
    }
    let dir = layout::ticket_dir(id);
    let tree = tree::read_dir(repo, oid, &dir)?;
    let mut events = Vec::with_capacity(tree.entries.len());
    let mut diagnostics = Vec::new();
    Store::unusable(&tree, &dir, &mut diagnostics);
    // Large tickets keep what each file gave (store::events): only new files are read.
    let mut cache = (tree.entries.len() >= events::MIN_FILES).then(|| {
        let files: Vec<(&str, String)> = tree
            .entries
            .iter()
            .filter(|e| !is_attachment_dir(e))
            .map(|e| (e.name.as_str(), e.oid.to_string()))
            .collect();
        events::Cache::open(state, id, &files)
    });
    for entry in &tree.entries {
        // Formatted only when needed: a ticket may have thousands of files (issue 8).
        let path = || format!("{dir}/{}", entry.name);
        // A directory named by an event id holds the files an `attach` event attached
        // (`verify` checks them against their event).
        if is_attachment_dir(entry) {
            continue;
        }
        let (Some(eid), Some(ObjectType::Blob)) = (layout::event_file_id(&entry.name), entry.kind)
        else {
            diagnostics.push(diag(&path(), "not an event file"));
            continue;
        };
        let parse = || -> Result<events::Parsed, StoreError> {
            Ok(
                match read_bounded(repo, entry.oid, MAX_EVENT_FILE_BYTES, path)? {
                    Err(too_large) => events::Parsed::Problem(too_large.message),
                    Ok(blob) => match Event::from_toml(id.clone(), eid, blob.content()) {
                        Ok(e) => events::Parsed::Event(e),
                        Err(e) => events::Parsed::Problem(e.to_string()),
                    },
                },
            )
        };
        let memo_key = (entry.name.clone(), entry.oid);
        if let Some(p) = memo.as_deref().and_then(|m| m.files.get(&memo_key)) {
            match p.clone() {
                events::Parsed::Event(e) => events.push(e),
                events::Parsed::Problem(message) => diagnostics.push(diag(&path(), message)),
            }
            if let Some(c) = cache.as_mut() {
                c.get(&entry.name, &entry.oid.to_string(), || p.clone());
            }
            continue;
        }
        let parsed = match cache.as_mut() {
            Some(c) => {
                let mut failed = None;
                let p = c.get(&entry.name, &entry.oid.to_string(), || {
                    parse().unwrap_or_else(|e| {
                        let msg = e.to_string();
                        failed = Some(e);
                        events::Parsed::Problem(msg)
                    })
                });
                if let Some(e) = failed {
                    return Err(e);
                }
                p
            }
            None => parse()?,
        };
        if let Some(m) = memo.as_deref_mut() {
            m.files.insert(memo_key, parsed.clone());
        }
        match parsed {
            events::Parsed::Event(e) => events.push(e),
            events::Parsed::Problem(message) => diagnostics.push(diag(&path(), message)),
        }
    }
    if let Some(c) = cache {
        c.save();
    }
    match Ticket::fold(events) {
        Ok(t) => Ok((Some(t), diagnostics)),
        Err(e) => {
            diagnostics.push(diag(&dir, e));
            Ok((None, diagnostics))
        }
    }
}

/// Whether a ticket directory's entry is the directory of an event's attachments (a
/// directory named by an event id).
fn is_attachment_dir(entry: &tree::Entry) -> bool {
    entry.kind == Some(ObjectType::Tree) && crate::model::EventId::parse(&entry.name).is_some()
}

/// The blob `oid` at `path` when it is at most `limit` bytes, else the diagnostic saying so.
/// The size comes from the object's header, so a larger blob is never loaded. `path` is made
/// only when a message needs it (a ticket may have thousands of files).
fn read_bounded<'r>(
    repo: &'r Repository,
    oid: Oid,
    limit: u64,
    path: impl Fn() -> String,
) -> Result<Result<git2::Blob<'r>, Diagnostic>, StoreError> {
    let odb = repo.odb().map_err(git("opening the object database"))?;
    let (size, _) = odb
        .read_header(oid)
        .map_err(|e| git(format!("reading {}", path()))(e))?;
    if size as u64 > limit {
        return Ok(Err(diag(&path(), limits::too_large(size as u64, limit))));
    }
    repo.find_blob(oid)
        .map(Ok)
        .map_err(|e| git(format!("reading {}", path()))(e))
}

fn diag(path: &str, message: impl fmt::Display) -> Diagnostic {
    Diagnostic {
        path: path.to_owned(),
        message: message.to_string(),
    }
}

/// Creates a new, empty git repository at `path` (used by `demo` and benchmarks).
pub fn init_repository(path: &Path, bare: bool) -> Result<(), StoreError> {
    let init = if bare {
        Repository::init_bare(path)
    } else {
        Repository::init(path)
    };
    init.map(drop)
        .map_err(git(format!("creating a repository in {}", path.display())))
}

impl Store {
    /// A name for the repository: its work tree's directory name, or the git directory's
    /// without `.git`.
    pub fn repo_name(&self) -> String {
        let path = self.repo.workdir().unwrap_or_else(|| self.repo.path());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = name.trim_end_matches(".git").trim().to_owned();
        if name.is_empty() || name.chars().any(char::is_control) {
            "Tracker".into()
        } else {
            name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each tracker branch has its own state directory; the default one is where it always
    /// was, and no two branch names share one or nest in another's.
    #[test]
    fn every_branch_has_its_own_state_directory() {
        let git = Path::new("/r/.git");
        assert_eq!(state_dir_of(git, "tracker"), Path::new("/r/.git/tracker"));
        assert_eq!(
            state_dir_of(git, "ops"),
            Path::new("/r/.git/tracker/branches/ops")
        );
        assert_eq!(
            state_dir_of(git, "team/a"),
            Path::new("/r/.git/tracker/branches/team%2Fa")
        );
        assert_eq!(
            state_dir_of(git, "team%2Fa"),
            Path::new("/r/.git/tracker/branches/team%252Fa")
        );
        assert!(valid_branch_name("team/a"));
        assert!(!valid_branch_name("a..b"));
        assert!(!valid_branch_name(""));
    }

    fn loose_objects(objects: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for dir in std::fs::read_dir(objects).unwrap().map(|e| e.unwrap()) {
            let name = dir.file_name().to_string_lossy().into_owned();
            if name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
                for f in std::fs::read_dir(dir.path()).unwrap() {
                    out.push(format!(
                        "{name}{}",
                        f.unwrap().file_name().to_string_lossy()
                    ));
                }
            }
        }
        out
    }

    /// libgit2 never packs; the store does, every `gc::BATCH` commits, and removes only the
    /// loose copies of what it packed.
    #[test]
    fn loose_objects_stay_bounded_and_the_users_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        init_repository(dir.path(), false).unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let users_blob = store.repo.blob(b"the user's own object").unwrap();
        let me = Person::new("Ann", "ann@example.com").unwrap();
        let when = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
        let mut tip = None;
        let mut commit = |i: u64| {
            let file = FileWrite {
                path: format!("tickets/{:02x}/f{i}", i % 256),
                content: format!("{i}\n").into(),
            };
            tip = Some(
                store
                    .commit(tip, &[file], &format!("commit {i}"), &me, when)
                    .unwrap(),
            );
        };
        let objects = store.repo.path().join("objects");
        let pack_files = || std::fs::read_dir(objects.join("pack")).unwrap().count();
        // Two batches: two small packs (a .pack and an .idx each).
        for i in 0..2 * gc::BATCH {
            commit(i);
        }
        assert_eq!(pack_files(), 4);
        // The third batch reaches MAX_PACKS (3): everything is merged into one pack.
        let extra = 10;
        for i in 2 * gc::BATCH..3 * gc::BATCH + extra {
            commit(i);
        }
        let commits = 3 * gc::BATCH + extra;
        assert_eq!(pack_files(), 2, "the small packs were merged into one");
        let loose = loose_objects(&objects);
        // Only the commits since the last pack left loose objects, about five each.
        assert!(
            loose.len() < 6 * extra as usize + 2,
            "{} loose objects",
            loose.len()
        );
        assert!(
            loose.contains(&users_blob.to_string()),
            "the user's loose object was removed"
        );
        // Every object of the history is still readable.
        let tip = tip.unwrap();
        let repo = Repository::open(dir.path()).unwrap();
        let mut walk = repo.revwalk().unwrap();
        walk.push(tip.0).unwrap();
        let mut n = 0;
        for oid in walk {
            let commit = repo.find_commit(oid.unwrap()).unwrap();
            commit
                .tree()
                .unwrap()
                .walk(git2::TreeWalkMode::PreOrder, |_, e| {
                    assert!(e.to_object(&repo).is_ok());
                    git2::TreeWalkResult::Ok
                })
                .unwrap();
            n += 1;
        }
        assert_eq!(n, commits);
        // A full pack on demand leaves no tracker object loose.
        store.pack_now().unwrap();
        let mut left = loose_objects(&objects);
        left.sort();
        // Only the user's own object stays loose (the first commit writes no empty tree).
        assert_eq!(left, [users_blob.to_string()]);
    }
}
