//! What `export` and `import` need of the branch beyond ordinary commands: every ticket with
//! the files of its directory that are not events (attachments, whatever later versions keep
//! there), every person's files, the names already in a ticket's directory, and a chain of
//! commits moved onto the branch with one compare-and-swap.
//!
//! Reads are bounded as everywhere (R71): a file larger than [`MAX_EXTRA_FILE_BYTES`], a
//! directory deeper than [`MAX_EXTRA_DEPTH`], a name that is not UTF-8 or an entry git cannot
//! read is reported with its path and left out.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};
use git2::{ObjectType, Oid, Repository, Signature, Time};

use super::error::git;
use super::tree::{self, read_dir};
use super::{
    diag, gc, index, layout, read_bounded, read_ticket_tree, Diagnostic, FileWrite, Store,
    StoreError, Tip,
};
use crate::model::people::PersonEvent;
use crate::model::{Person, Ticket, TicketId};

/// The largest file besides events that `export` reads from a ticket's directory (and that
/// `import` writes): 64 MiB.
pub const MAX_EXTRA_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deep `export` goes into the directories of a ticket's directory.
pub const MAX_EXTRA_DEPTH: usize = 8;

/// A file of a ticket's directory that is not one of its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraFile {
    /// Its path under the ticket's directory (`a/b`).
    pub path: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// A ticket as exported: the fold (its events in fold order) and its other files, by path.
pub type ExportedTicket = (Ticket, Vec<ExtraFile>);

/// One commit of a chain (see [`Store::commit_chain`]).
#[derive(Clone, Debug)]
pub struct ChainCommit {
    /// Its files.
    pub files: Vec<FileWrite>,
    /// Its message.
    pub message: String,
    /// Its author (the committer is the person running the command).
    pub author: Person,
}

impl Store {
    /// Every ticket at `tip` that folds, with its other files, in the order of its directory
    /// (shard, then id); problems (files left out, tickets that do not fold) as diagnostics.
    pub fn export_tickets(
        &self,
        tip: Tip,
    ) -> Result<(Vec<ExportedTicket>, Vec<Diagnostic>), StoreError> {
        let (dirs, mut diagnostics) = self.ticket_dirs(tip)?;
        let mut out = Vec::with_capacity(dirs.len());
        for (oid, id) in dirs {
            let dir = layout::ticket_dir(&id);
            let (ticket, diags) = read_ticket_tree(&self.repo, oid, &id, &self.state_dir, None)?;
            let mut extras = Vec::new();
            self.extra_files(oid, &dir, "", 0, &mut extras, &mut diagnostics)?;
            // What is exported as a file is not a problem of the export.
            let exported: HashSet<&str> = extras
                .iter()
                .map(|f| f.path.split('/').next().unwrap_or_default())
                .collect();
            diagnostics.extend(diags.into_iter().filter(|d| {
                let name = d.path.strip_prefix(&format!("{dir}/")).unwrap_or_default();
                !exported.contains(name)
            }));
            match ticket {
                Some(t) => out.push((t, extras)),
                None => diagnostics.push(diag(&dir, "left out: the ticket cannot be read")),
            }
        }
        Ok((out, diagnostics))
    }

    /// The files under the directory `oid` of a ticket (`dir` on the branch, `rel` under the
    /// ticket's directory) that are not event files, read within the bounds.
    fn extra_files(
        &self,
        oid: Oid,
        dir: &str,
        rel: &str,
        depth: usize,
        out: &mut Vec<ExtraFile>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<(), StoreError> {
        let here = if rel.is_empty() {
            dir.to_owned()
        } else {
            format!("{dir}/{rel}")
        };
        let tree = read_dir(&self.repo, oid, &here)?;
        if depth > 0 {
            Self::unusable(&tree, &here, diagnostics);
        }
        for e in &tree.entries {
            if depth == 0
                && e.kind == Some(ObjectType::Blob)
                && layout::event_file_id(&e.name).is_some()
            {
                continue;
            }
            let path = format!("{here}/{}", e.name);
            if std::str::from_utf8(&e.raw).is_err() {
                diagnostics.push(diag(&path, "left out: the name is not UTF-8"));
                continue;
            }
            let sub = if rel.is_empty() {
                e.name.clone()
            } else {
                format!("{rel}/{}", e.name)
            };
            match e.kind {
                Some(ObjectType::Blob) => {
                    match read_bounded(&self.repo, e.oid, MAX_EXTRA_FILE_BYTES, || path.clone())? {
                        Ok(blob) => out.push(ExtraFile {
                            path: sub,
                            bytes: blob.content().to_vec(),
                        }),
                        Err(d) => diagnostics.push(d),
                    }
                }
                Some(ObjectType::Tree) if depth + 1 < MAX_EXTRA_DEPTH => {
                    self.extra_files(e.oid, dir, &sub, depth + 1, out, diagnostics)?;
                }
                Some(ObjectType::Tree) => {
                    diagnostics.push(diag(&path, "left out: too deep"));
                }
                _ => diagnostics.push(diag(&path, "left out: not a file")),
            }
        }
        Ok(())
    }

    /// The paths of every file under the directories of `ids` at `tip` (relative to each
    /// ticket's directory; event files as `<event-id>.toml`). Tickets without a directory
    /// are left out.
    pub fn ticket_files(
        &self,
        tip: Tip,
        ids: &[TicketId],
    ) -> Result<HashMap<TicketId, BTreeSet<String>>, StoreError> {
        let mut out = HashMap::new();
        for id in ids {
            if let Some(names) = self.files_in(tip, &layout::ticket_dir(id))? {
                out.insert(id.clone(), names);
            }
        }
        Ok(out)
    }

    /// The paths of every file under the directory `dir` at `tip`, relative to it (within
    /// [`MAX_EXTRA_DEPTH`] levels); `None` when there is no such directory.
    pub fn files_in(&self, tip: Tip, dir: &str) -> Result<Option<BTreeSet<String>>, StoreError> {
        let Some(e) = tree::lookup(&self.repo, self.root_tree(tip)?, dir)
            .filter(|e| e.kind == Some(ObjectType::Tree))
        else {
            return Ok(None);
        };
        let mut names = BTreeSet::new();
        self.names_under(e.oid, "", 0, &mut names)?;
        Ok(Some(names))
    }

    fn names_under(
        &self,
        oid: Oid,
        rel: &str,
        depth: usize,
        out: &mut BTreeSet<String>,
    ) -> Result<(), StoreError> {
        let tree = read_dir(&self.repo, oid, rel)?;
        for e in tree.entries {
            let sub = if rel.is_empty() {
                e.name
            } else {
                format!("{rel}/{}", e.name)
            };
            if e.kind == Some(ObjectType::Tree) && depth + 1 < MAX_EXTRA_DEPTH {
                self.names_under(e.oid, &sub, depth + 1, out)?;
            } else {
                out.insert(sub);
            }
        }
        Ok(())
    }

    /// Every person's events at `tip`, by person id (events in `(lamport, id)` order), and
    /// the problems of their files.
    #[allow(clippy::type_complexity)]
    pub fn all_person_events(
        &self,
        tip: Tip,
    ) -> Result<(BTreeMap<String, Vec<PersonEvent>>, Vec<Diagnostic>), StoreError> {
        let mut out = BTreeMap::new();
        let mut problems = Vec::new();
        let Some(people) = super::diff::people_root(&self.repo, Some(self.root_tree(tip)?))? else {
            return Ok((out, problems));
        };
        let dir = read_dir(&self.repo, people, layout::PEOPLE_DIR)?;
        Self::unusable(&dir, layout::PEOPLE_DIR, &mut problems);
        for e in dir.entries {
            let path = format!("{}/{}", layout::PEOPLE_DIR, e.name);
            if e.kind != Some(ObjectType::Tree) || !layout::is_person_id(&e.name) {
                problems.push(diag(&path, "not a person's directory"));
                continue;
            }
            let (mut events, diags) = self.read_person_dir(e.oid, &e.name)?;
            problems.extend(diags);
            if !events.is_empty() {
                events.sort_by(|a, b| (a.lamport, &a.id).cmp(&(b.lamport, &b.id)));
                out.insert(e.name, events);
            }
        }
        Ok((out, problems))
    }

    /// Writes `commits` one on top of the other from `parent` (`None`: the branch does not
    /// exist yet), each by its author and committed by `committer` at `when`, then moves the
    /// branch to the last one only if it still points at `parent` (compare-and-swap: one
    /// update of the branch for the whole chain). Returns [`StoreError::Conflict`] (or
    /// [`StoreError::AlreadyInitialized`]) when another process moved it first. `progress`
    /// hears how many files were written so far, after each commit.
    pub fn commit_chain(
        &self,
        parent: Option<Tip>,
        commits: &[ChainCommit],
        committer: &Person,
        when: DateTime<Utc>,
        mut progress: Option<&mut dyn FnMut(usize)>,
    ) -> Result<Tip, StoreError> {
        let time = Time::new(when.timestamp(), 0);
        let committed_by = Signature::new(&committer.name, &committer.email, &time)
            .map_err(git("making the commit signature"))?;
        // The chain is built in memory (a handle of its own whose writes go to a mempack
        // backend) and written as one pack: thousands of commits and trees cost one file, not
        // one loose object each.
        let repo = Repository::open(self.repo.path())
            .map_err(git(format!("opening {}", self.repo.path().display())))?;
        let odb = repo.odb().map_err(git("opening the object database"))?;
        let _mempack = odb
            .add_new_mempack_backend(1000)
            .map_err(git("preparing the objects in memory"))?;
        let mut head = match parent {
            Some(p) => Some(repo.find_commit(p.0).map_err(git("reading the tip"))?),
            None => None,
        };
        let mut touched = Some(index::Touched::new());
        let mut dropped_nothing = true;
        // Every object written, for the pack.
        let mut written = Vec::new();
        let mut files_done = 0;
        for (n, c) in commits.iter().enumerate() {
            let mut changes = tree::Changes::new();
            for f in &c.files {
                let blob = repo.blob(&f.content).map_err(git("writing a blob"))?;
                written.push(blob);
                changes.insert(f.path.clone(), Some(blob));
            }
            match (super::touched_tickets(&c.files, &[]), touched.as_mut()) {
                (Some(t), Some(all)) => {
                    for (shard, ids) in t {
                        all.entry(shard).or_default().extend(ids);
                    }
                }
                _ => touched = None,
            }
            let base = head.as_ref().map(git2::Commit::tree_id);
            let (tree_id, dropped) = tree::write_tree_noting(&repo, base, &changes, &mut written)?;
            dropped_nothing &= dropped.is_empty();
            self.note_dropped(dropped);
            let tree = repo.find_tree(tree_id).map_err(git("reading a tree"))?;
            let author = Signature::new(&c.author.name, &c.author.email, &time)
                .map_err(git("making the commit signature"))?;
            let parents: Vec<&git2::Commit<'_>> = head.iter().collect();
            let oid = repo
                .commit(None, &author, &committed_by, &c.message, &tree, &parents)
                .map_err(git("writing the commit"))?;
            written.push(oid);
            head = Some(repo.find_commit(oid).map_err(git("reading a commit"))?);
            if n + 1 < commits.len() {
                gc::count_commit(&self.state_dir);
            }
            files_done += c.files.len();
            if let Some(p) = progress.as_mut() {
                p(files_done);
            }
        }
        let head = head.map(|h| h.id());
        let mut pack = git2::Buf::new();
        let mut builder = repo.packbuilder().map_err(git("packing the new objects"))?;
        // As many threads as cores for the search for deltas (libgit2's default is one).
        builder.set_threads(0);
        for oid in written {
            builder
                .insert_object(oid, None)
                .map_err(git("packing the new objects"))?;
        }
        builder
            .write_buf(&mut pack)
            .map_err(git("packing the new objects"))?;
        let main_odb = self
            .repo
            .odb()
            .map_err(git("opening the object database"))?;
        let mut writer = main_odb
            .packwriter()
            .map_err(git("writing the pack of the new objects"))?;
        std::io::Write::write_all(&mut writer, &pack).map_err(|e| StoreError::Io {
            path: self.repo.path().join("objects/pack").display().to_string(),
            source: e,
        })?;
        writer
            .commit()
            .map_err(git("writing the pack of the new objects"))?;
        main_odb
            .refresh()
            .map_err(git("refreshing the object database"))?;
        let Some(new) = head.map(Tip) else {
            return parent.ok_or_else(|| StoreError::NotInitialized {
                branch: self.branch.clone(),
            });
        };
        let why = commits
            .first()
            .map(|c| c.message.lines().next().unwrap_or_default())
            .unwrap_or_default();
        let log = format!("tracker: {why}");
        let moved = match parent {
            Some(p) => self
                .repo
                .reference_matching(&self.branch, new.0, true, p.0, &log),
            None => self.repo.reference(&self.branch, new.0, false, &log),
        };
        match moved {
            Ok(_) => {}
            Err(e) if parent.is_none() && e.code() == git2::ErrorCode::Exists => {
                return Err(StoreError::AlreadyInitialized {
                    branch: self.branch.clone(),
                });
            }
            Err(e) => return Err(self.ref_update_error(e)),
        }
        if let (Some(old), Some(touched), true) = (parent, touched, dropped_nothing) {
            self.advance_index(old, new, &touched);
        }
        gc::after_commit(&self.repo, &self.state_dir, &self.branch);
        Ok(new)
    }
}

/// 16 bytes derived from `text` (the start of its git blob id): how an import names what it
/// creates from data that has no id of its own, so that importing it again finds it.
pub fn derived_id(text: &str) -> [u8; 16] {
    let oid = Oid::hash_object(ObjectType::Blob, text.as_bytes())
        .expect("hashing bytes in memory does not fail");
    let mut out = [0u8; 16];
    out.copy_from_slice(&oid.as_bytes()[..16]);
    out
}
