//! Storage: the only module that speaks git (it alone imports `git2`).
//!
//! It reads the tracker branch into a [`Snapshot`] (through the local index kept under
//! `.git/tracker/`), reads one ticket's events, and writes one commit per command with a
//! compare-and-swap on the branch tip. It never touches the work tree, the index, `HEAD` or the
//! stash, and works the same in a bare repository (R1).

mod cache;
mod error;
mod gc;
mod history;
pub mod layout;
mod numbers;
mod sync;
mod tickets;

pub use history::Written;
pub use numbers::SharedNumber;
pub use sync::{Push, Relation};

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use git2::{ErrorCode, FileMode, ObjectType, Oid, Repository, Signature, Time};
use serde::{Deserialize, Serialize};

use error::git;
pub use error::StoreError;

use crate::model::config::CONFIG_PATH;
use crate::model::ticket::Ticket;
use crate::model::{Event, Person, TicketId, TicketSummary, TrackerConfig};

/// The local index's file name under `.git/tracker/` (delete it to force a full rebuild).
pub const INDEX_FILE: &str = cache::FILE;

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

/// Everything `list` needs, read at one tip.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The commit read.
    pub tip: Tip,
    /// The tracker's configuration.
    pub config: TrackerConfig,
    /// Every readable ticket, by number then id.
    pub tickets: Vec<TicketSummary>,
    /// Problems found on the way.
    pub diagnostics: Vec<Diagnostic>,
}

/// One file to write in a commit.
#[derive(Clone, Debug)]
pub struct FileWrite {
    /// Path on the branch.
    pub path: String,
    /// Content.
    pub content: String,
}

impl FileWrite {
    /// The file of an event.
    pub fn event(e: &Event) -> Self {
        Self {
            path: layout::event_path(&e.ticket, &e.id),
            content: e.to_toml(),
        }
    }
}

/// A repository with a tracker branch (or about to have one).
pub struct Store {
    repo: Repository,
    branch: String,
    state_dir: PathBuf,
}

impl Store {
    /// Opens the repository containing `dir`, or the one git's environment (`GIT_DIR`, …) and
    /// the current directory point to.
    pub fn open(dir: Option<&Path>) -> Result<Self, StoreError> {
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
        let name = repo
            .config()
            .and_then(|c| c.get_string("tracker.branch"))
            .unwrap_or_else(|_| DEFAULT_BRANCH.to_owned());
        let branch = format!("refs/heads/{name}");
        if !git2::Reference::is_valid_name(&branch) {
            return Err(StoreError::BadBranchName(name));
        }
        let state_dir = repo.commondir().join("tracker");
        Ok(Self {
            repo,
            branch,
            state_dir,
        })
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

    /// Reads the branch at `tip`, through the local index.
    pub fn snapshot_at(&self, tip: Tip) -> Result<Snapshot, StoreError> {
        let index = match cache::Index::read(&self.state_dir) {
            Some(current) if current.is_at(tip) => return Ok(current.into_snapshot(tip)),
            old => self.build_index(tip, old)?,
        };
        index.write(&self.state_dir);
        Ok(index.into_snapshot(tip))
    }

    fn root_tree(&self, tip: Tip) -> Result<git2::Tree<'_>, StoreError> {
        self.repo
            .find_commit(tip.0)
            .and_then(|c| c.tree())
            .map_err(git(format!("reading commit {tip}")))
    }

    fn build_index(&self, tip: Tip, old: Option<cache::Index>) -> Result<cache::Index, StoreError> {
        let root = self.root_tree(tip)?;
        let mut diagnostics = Vec::new();
        let mut config = None;
        let mut tickets_tree = None;
        for entry in root.iter() {
            let name = entry.name().unwrap_or("?").to_owned();
            match (name.as_str(), entry.kind()) {
                (CONFIG_PATH, Some(ObjectType::Blob)) => {
                    let blob = self
                        .repo
                        .find_blob(entry.id())
                        .map_err(git("reading config"))?;
                    match TrackerConfig::from_toml(blob.content()) {
                        Ok(c) => config = Some(c),
                        Err(e) => diagnostics.push(diag(CONFIG_PATH, e)),
                    }
                }
                (layout::TICKETS_DIR, Some(ObjectType::Tree)) => tickets_tree = Some(entry.id()),
                _ => diagnostics.push(diag(&name, "unexpected file on the tracker branch")),
            }
        }
        let config = config.unwrap_or_else(|| {
            if !diagnostics.iter().any(|d| d.path == CONFIG_PATH) {
                diagnostics.push(diag(
                    CONFIG_PATH,
                    "missing; using the default configuration",
                ));
            }
            TrackerConfig::default()
        });
        let mut reuse = old.map(cache::Index::into_shards).unwrap_or_default();
        let mut shards = std::collections::BTreeMap::new();
        if let Some(oid) = tickets_tree {
            let tree = self.repo.find_tree(oid).map_err(git("reading tickets/"))?;
            for shard in tree.iter() {
                let sname = shard.name().unwrap_or("?").to_owned();
                let spath = format!("{}/{sname}", layout::TICKETS_DIR);
                if shard.kind() != Some(ObjectType::Tree) || !layout::is_shard(&sname) {
                    diagnostics.push(diag(&spath, "unexpected file on the tracker branch"));
                    continue;
                }
                let old = reuse.remove(&sname).unwrap_or_default();
                let stree = shard.id().to_string();
                let built = if old.tree == stree {
                    old
                } else {
                    self.read_shard(shard.id(), &sname, old)?
                };
                shards.insert(sname, built);
            }
        }
        let summaries: Vec<&TicketSummary> = shards
            .values()
            .flat_map(|s| s.entries.iter().filter_map(|e| e.summary.as_ref()))
            .collect();
        let renumbered = self.settle_numbers(tip, &summaries)?;
        Ok(cache::Index::new(
            tip,
            config,
            diagnostics,
            shards,
            renumbered,
        ))
    }

    /// Reads a shard whose tree changed, reusing the ticket directories of `old` whose tree
    /// did not.
    fn read_shard(
        &self,
        oid: Oid,
        sname: &str,
        old: cache::Shard,
    ) -> Result<cache::Shard, StoreError> {
        let spath = format!("{}/{sname}", layout::TICKETS_DIR);
        let mut reuse: std::collections::HashMap<String, cache::Entry> = old
            .entries
            .into_iter()
            .map(|e| (e.tree.clone(), e))
            .collect();
        let stree = self
            .repo
            .find_tree(oid)
            .map_err(git(format!("reading {spath}")))?;
        let mut shard = cache::Shard {
            tree: oid.to_string(),
            ..cache::Shard::default()
        };
        for t in stree.iter() {
            let tname = t.name().unwrap_or("?").to_owned();
            let tpath = format!("{spath}/{tname}");
            let id = TicketId::parse(&tname).filter(|id| layout::shard(id) == sname);
            let (Some(id), Some(ObjectType::Tree)) = (id, t.kind()) else {
                shard
                    .diagnostics
                    .push(diag(&tpath, "not a ticket directory"));
                continue;
            };
            let key = t.id().to_string();
            let entry = match reuse.remove(&key) {
                Some(e) => e,
                None => {
                    let (ticket, diags) = self.read_ticket_tree(t.id(), &id)?;
                    cache::Entry {
                        tree: key,
                        summary: ticket.as_ref().map(TicketSummary::from),
                        diagnostics: diags,
                    }
                }
            };
            shard.entries.push(entry);
        }
        Ok(shard)
    }

    /// A file's text at `tip` (`None` when it does not exist or is not UTF-8).
    pub fn read_text(&self, tip: Tip, path: &str) -> Result<Option<String>, StoreError> {
        let root = self.root_tree(tip)?;
        let Ok(entry) = root.get_path(Path::new(path)) else {
            return Ok(None);
        };
        let blob = self
            .repo
            .find_blob(entry.id())
            .map_err(git(format!("reading {path}")))?;
        Ok(std::str::from_utf8(blob.content()).ok().map(str::to_owned))
    }

    /// The ids of the tickets whose directory exists at `tip`.
    pub fn ticket_ids(&self, tip: Tip) -> Result<std::collections::HashSet<TicketId>, StoreError> {
        let mut ids = std::collections::HashSet::new();
        let root = self.root_tree(tip)?;
        let Ok(tickets) = root.get_path(Path::new(layout::TICKETS_DIR)) else {
            return Ok(ids);
        };
        let Ok(tree) = self.repo.find_tree(tickets.id()) else {
            return Ok(ids);
        };
        for shard in tree.iter() {
            let Ok(stree) = self.repo.find_tree(shard.id()) else {
                continue;
            };
            ids.extend(
                stree
                    .iter()
                    .filter_map(|t| t.name().ok().and_then(TicketId::parse)),
            );
        }
        Ok(ids)
    }

    /// Reads and folds one ticket at `tip`. `None` when it is not on the branch or cannot be
    /// folded (the diagnostics say why).
    pub fn ticket(
        &self,
        tip: Tip,
        id: &TicketId,
    ) -> Result<(Option<Ticket>, Vec<Diagnostic>), StoreError> {
        let root = self.root_tree(tip)?;
        let entry = match root.get_path(Path::new(&layout::ticket_dir(id))) {
            Ok(e) => e,
            Err(e) if e.code() == ErrorCode::NotFound => return Ok((None, Vec::new())),
            Err(e) => return Err(git("reading a ticket")(e)),
        };
        self.read_ticket_tree(entry.id(), id)
    }

    fn read_ticket_tree(
        &self,
        oid: Oid,
        id: &TicketId,
    ) -> Result<(Option<Ticket>, Vec<Diagnostic>), StoreError> {
        read_ticket_tree(&self.repo, oid, id)
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
        let mut builder = git2::build::TreeUpdateBuilder::new();
        for f in files {
            let blob = self
                .repo
                .blob(f.content.as_bytes())
                .map_err(git("writing a blob"))?;
            builder.upsert(f.path.as_str(), blob, FileMode::Blob);
        }
        let parent_commit = match parent {
            Some(p) => Some(self.repo.find_commit(p.0).map_err(git("reading the tip"))?),
            None => None,
        };
        let baseline = match &parent_commit {
            Some(c) => c.tree().map_err(git("reading the tip's tree"))?,
            None => {
                let empty = self
                    .repo
                    .treebuilder(None)
                    .and_then(|b| b.write())
                    .map_err(git("writing a tree"))?;
                self.repo.find_tree(empty).map_err(git("reading a tree"))?
            }
        };
        let tree_id = builder
            .create_updated(&self.repo, &baseline)
            .map_err(git("writing trees"))?;
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
            Err(e) if e.code() == ErrorCode::Modified => {
                return Err(StoreError::Conflict {
                    branch: self.branch.clone(),
                });
            }
            Err(e) if matches!(e.code(), ErrorCode::Locked | ErrorCode::Exists) => {
                // Another writer holds the ref's lock file, or a killed one left it behind:
                // either way the caller retries, and names the file if it stays.
                let lock = self.repo.commondir().join(format!("{}.lock", self.branch));
                if lock.exists() {
                    let lock = lock.display().to_string();
                    return Err(StoreError::Locked {
                        branch: self.branch.clone(),
                        lock,
                    });
                }
                return Err(StoreError::Conflict {
                    branch: self.branch.clone(),
                });
            }
            Err(e) => return Err(git(format!("updating {}", self.branch))(e)),
        }
        gc::after_commit(&self.repo, &self.state_dir, &self.branch);
        Ok(Tip(oid))
    }

    /// Packs every loose object of the tracker branch now (what the automatic upkeep does
    /// every few hundred commits). Returns how many loose objects were removed.
    pub fn pack_now(&self) -> Result<usize, StoreError> {
        self.require_tip()?;
        gc::pack(&self.repo, &self.state_dir, &self.branch)
    }
}

/// Reads and folds the ticket whose directory is the tree `oid`: the one way a ticket is read
/// (also by the threads of [`Store::tickets`], hence a function of the repository).
pub(super) fn read_ticket_tree(
    repo: &Repository,
    oid: Oid,
    id: &TicketId,
) -> Result<(Option<Ticket>, Vec<Diagnostic>), StoreError> {
    let dir = layout::ticket_dir(id);
    let tree = repo.find_tree(oid).map_err(git(format!("reading {dir}")))?;
    let mut events = Vec::with_capacity(tree.len());
    let mut diagnostics = Vec::new();
    for entry in tree.iter() {
        let name = entry.name().unwrap_or("?");
        let path = format!("{dir}/{name}");
        let (Some(eid), Some(ObjectType::Blob)) = (layout::event_file_id(name), entry.kind())
        else {
            diagnostics.push(diag(&path, "not an event file"));
            continue;
        };
        let blob = repo
            .find_blob(entry.id())
            .map_err(git(format!("reading {path}")))?;
        match Event::from_toml(id.clone(), eid, blob.content()) {
            Ok(e) => events.push(e),
            Err(e) => diagnostics.push(diag(&path, e)),
        }
    }
    match Ticket::fold(events) {
        Ok(t) => Ok((Some(t), diagnostics)),
        Err(e) => {
            diagnostics.push(diag(&dir, e));
            Ok((None, diagnostics))
        }
    }
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
                content: format!("{i}\n"),
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
        // The empty tree (the baseline of the first commit) is not reachable, so it stays.
        assert_eq!(
            left,
            [
                "4b825dc642cb6eb9a060e54bf8d69288fbee4904".to_owned(),
                users_blob.to_string()
            ]
        );
    }
}
