//! Reading the branch's history commit by commit, for `verify` (R63) and `sync` (R75), and
//! its first commit for the reports' default window.
//!
//! Every comparison goes through [`super::diff`], along the layout only, so a hostile tree
//! (deep, huge, odd entries) costs nothing here. Event file contents are read only up to
//! [`MAX_EVENT_FILE_BYTES`] bytes (larger files are reported, never loaded).

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use git2::{Oid, Sort};

use super::diff::{changes, roots, Change};
use super::error::git;
use super::{Store, StoreError, Tip};
use crate::model::config::CONFIG_PATH;
use crate::model::limits::{MAX_CONFIG_BYTES, MAX_EVENT_FILE_BYTES};
use crate::model::TrackerConfig;

/// The file under `.git/tracker/` remembering the last answer of
/// [`Store::first_commit_time`]: `TIP ROOT SECONDS`.
const FIRST_COMMIT_FILE: &str = "first-commit";

/// A file a commit wrote: added, or changed, and not brought in by another parent.
#[derive(Clone, Debug)]
pub struct Written {
    /// Its path.
    pub path: String,
    /// Its content, or why it was not read.
    pub content: Result<Vec<u8>, String>,
    /// Whether a parent had this path with other content (an immutable file was changed).
    pub rewritten: bool,
}

/// What one commit of the branch did.
#[derive(Clone, Debug)]
pub struct CommitRecord {
    /// The commit id.
    pub id: String,
    /// Its author's email.
    pub author_email: String,
    /// Whether it has no parent (it created the branch).
    pub root: bool,
    /// Event files it wrote (not `tracker.toml`).
    pub written: Vec<Written>,
    /// Event files that a parent had and this commit lacks.
    pub deleted: Vec<String>,
    /// Whether it changed `tracker.toml` (its file differs from every parent's, or it removed
    /// it): a merge that takes one side's file changes nothing itself.
    pub config_changed: bool,
    /// The configuration in force before the commit: its first parent's `tracker.toml`, or,
    /// when that one is missing or unreadable, the one in force before that parent, and so on.
    pub config_before: Option<Rc<TrackerConfig>>,
}

/// An event file that is missing, or different, at a later commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    /// The event file's path.
    pub path: String,
    /// Whether it is still there with other content (rewritten), rather than gone.
    pub rewritten: bool,
    /// The first commit (oldest first) that removed or changed it, when found.
    pub commit: Option<String>,
}

impl Store {
    /// The content of the blob `oid` (the file at `path`), or why it is not read: larger than
    /// `limit` (judged from the object's header, never loaded), or unreadable.
    fn blob_content(&self, oid: Oid, path: &str, limit: u64) -> Result<Vec<u8>, String> {
        match super::read_bounded(&self.repo, oid, limit, || path.to_owned()) {
            Ok(Ok(blob)) => Ok(blob.content().to_vec()),
            Ok(Err(d)) => Err(d.message),
            Err(e) => Err(e.to_string()),
        }
    }

    fn parse_config(&self, oid: Option<Oid>) -> Option<TrackerConfig> {
        let content = self
            .blob_content(oid?, CONFIG_PATH, MAX_CONFIG_BYTES)
            .ok()?;
        TrackerConfig::from_toml(&content).ok()
    }

    /// The time (committer time) of the branch's first commit: the root reached from `tip`
    /// by following first parents. Reports take earlier event times as implausible
    /// (`docs/reports.md`).
    ///
    /// The last answer is kept in `.git/tracker/first-commit`: a commit id fixes its whole
    /// ancestry, so the walk stops at the tip it was computed for, and after the usual
    /// appends it reads only the commits made since.
    pub fn first_commit_time(&self, tip: Tip) -> Result<DateTime<Utc>, StoreError> {
        let file = self.state_dir.join(FIRST_COMMIT_FILE);
        let known = std::fs::read_to_string(&file).ok().and_then(|text| {
            let mut parts = text.split_whitespace();
            let tip = Oid::from_str(parts.next()?).ok()?;
            let root = Oid::from_str(parts.next()?).ok()?;
            let secs: i64 = parts.next()?.parse().ok()?;
            Some((tip, root, secs))
        });
        let mut walk = self.repo.revwalk().map_err(git("walking the history"))?;
        walk.simplify_first_parent().map_err(git("walking"))?;
        walk.push(tip.0).map_err(git("walking"))?;
        let mut root = tip.0;
        let mut secs = None;
        for oid in walk {
            let oid = oid.map_err(git("walking"))?;
            if let Some((_, known_root, known_secs)) = known.filter(|k| k.0 == oid) {
                (root, secs) = (known_root, Some(known_secs));
                break;
            }
            root = oid;
        }
        let secs = match secs {
            Some(s) => s,
            None => self
                .repo
                .find_commit(root)
                .map_err(git(format!("reading commit {root}")))?
                .time()
                .seconds(),
        };
        if known.is_none_or(|k| k.0 != tip.0) {
            // Only a cache: a failure to write it costs the next report a longer walk.
            let tmp = file.with_extension(format!("{}.tmp", std::process::id()));
            let saved = std::fs::create_dir_all(&self.state_dir).is_ok()
                && std::fs::write(&tmp, format!("{} {root} {secs}\n", tip.0)).is_ok();
            if !saved || std::fs::rename(&tmp, &file).is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
        }
        Ok(DateTime::from_timestamp(secs, 0).unwrap_or_default())
    }

    /// Visits every commit reachable from `tip`, parents before children, with what it did.
    pub fn history(&self, tip: Tip, mut visit: impl FnMut(CommitRecord)) -> Result<(), StoreError> {
        let mut walk = self.repo.revwalk().map_err(git("walking the history"))?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(git("walking"))?;
        walk.push(tip.0).map_err(git("walking"))?;
        // The configuration in force at each commit (shared between commits: configs are few).
        let mut in_force: HashMap<Oid, Option<Rc<TrackerConfig>>> = HashMap::new();
        let mut parsed: HashMap<Oid, Option<Rc<TrackerConfig>>> = HashMap::new();
        for oid in walk {
            let oid = oid.map_err(git("walking"))?;
            let commit = self
                .repo
                .find_commit(oid)
                .map_err(git("reading a commit"))?;
            let tree = commit.tree_id();
            let parents: Vec<Oid> = commit.parents().map(|p| p.tree_id()).collect();
            let config_before = commit
                .parent_id(0)
                .ok()
                .and_then(|p| in_force.get(&p).cloned().flatten());
            let (config_blob, _) = roots(&self.repo, Some(tree))?;
            let here = match config_blob {
                Some(b) => parsed
                    .entry(b)
                    .or_insert_with(|| self.parse_config(Some(b)).map(Rc::new))
                    .clone(),
                None => None,
            };
            in_force.insert(oid, here.or_else(|| config_before.clone()));

            let mut record = CommitRecord {
                id: oid.to_string(),
                author_email: commit.author().email().unwrap_or_default().to_owned(),
                root: parents.is_empty(),
                written: Vec::new(),
                deleted: Vec::new(),
                config_changed: false,
                config_before,
            };
            // Against each parent: what it had that this commit lacks, and what this commit
            // has that it lacked or had otherwise.
            let mut per_parent: Vec<Vec<Change>> = Vec::with_capacity(parents.len().max(1));
            if parents.is_empty() {
                per_parent.push(changes(&self.repo, None, Some(tree))?);
            }
            for p in &parents {
                per_parent.push(changes(&self.repo, Some(*p), Some(tree))?);
            }
            let mut deleted: Vec<String> = per_parent
                .iter()
                .flatten()
                .filter(|c| c.new.is_none() && c.path != CONFIG_PATH)
                .map(|c| c.path.clone())
                .collect();
            deleted.sort_unstable();
            deleted.dedup();
            record.deleted = deleted;
            // A path this commit has counts as written only if it differs from every parent:
            // that is, it appears among the changes against each of them.
            let mut seen: BTreeMap<&str, (usize, Option<Oid>, bool)> = BTreeMap::new();
            for list in &per_parent {
                for c in list.iter().filter(|c| c.new.is_some()) {
                    let e = seen.entry(c.path.as_str()).or_insert((0, c.new, false));
                    e.0 += 1;
                    e.2 |= c.old.is_some();
                }
            }
            let all = per_parent.len();
            for (path, (count, new, had)) in seen {
                if count < all {
                    continue; // some parent already had it exactly so
                }
                if path == CONFIG_PATH {
                    record.config_changed = true;
                    continue;
                }
                let Some(new) = new else { continue };
                record.written.push(Written {
                    path: path.to_owned(),
                    content: self.blob_content(new, path, MAX_EVENT_FILE_BYTES),
                    rewritten: had,
                });
            }
            // Removing tracker.toml is a change of the configuration too.
            if config_blob.is_none() {
                if let Some(first) = parents.first() {
                    record.config_changed = roots(&self.repo, Some(*first))?.0.is_some();
                }
            }
            visit(record);
        }
        Ok(())
    }

    /// The event files of `from` that `to` lacks or has with other content, each with the
    /// first commit between them (reachable from `to`, not from `from`) that removed or
    /// changed it. Costs what changed between the two, not the size of the branch.
    pub fn removals(&self, from: Tip, to: Tip) -> Result<Vec<Removal>, StoreError> {
        let a = self.root_tree(from)?;
        let b = self.root_tree(to)?;
        let mut out: Vec<Removal> = changes(&self.repo, Some(a), Some(b))?
            .into_iter()
            .filter(|c| c.old.is_some() && c.path != CONFIG_PATH)
            .map(|c| Removal {
                rewritten: c.new.is_some(),
                path: c.path,
                commit: None,
            })
            .collect();
        if out.is_empty() {
            return Ok(out);
        }
        // Which commit did it: the first, oldest first, whose first parent had the file as
        // `from` had it and which itself does not.
        let want: HashMap<String, Oid> = changes(&self.repo, Some(a), Some(b))?
            .into_iter()
            .filter_map(|c| Some((c.path, c.old?)))
            .collect();
        let mut walk = self.repo.revwalk().map_err(git("walking the history"))?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(git("walking"))?;
        walk.push(to.0).map_err(git("walking"))?;
        walk.hide(from.0).map_err(git("walking"))?;
        let mut found: HashMap<String, String> = HashMap::new();
        for oid in walk {
            let oid = oid.map_err(git("walking"))?;
            let commit = self
                .repo
                .find_commit(oid)
                .map_err(git("reading a commit"))?;
            let Ok(parent) = commit.parent(0) else {
                continue;
            };
            for c in changes(&self.repo, Some(parent.tree_id()), Some(commit.tree_id()))? {
                if c.old.is_some() && want.get(&c.path) == c.old.as_ref() {
                    found.entry(c.path).or_insert_with(|| oid.to_string());
                }
            }
            if found.len() == want.len() {
                break;
            }
        }
        for r in &mut out {
            r.commit = found.get(&r.path).cloned();
        }
        Ok(out)
    }

    /// The configuration in force at `tip`: its `tracker.toml` if readable, else the last
    /// readable one on the first-parent chain (for repairing a broken file). Walks back only as
    /// far as the last readable file.
    pub fn config_in_force(&self, tip: Tip) -> Result<Option<TrackerConfig>, StoreError> {
        let mut commit = self
            .repo
            .find_commit(tip.0)
            .map_err(git("reading a commit"))?;
        loop {
            let (blob, _) = roots(&self.repo, Some(commit.tree_id()))?;
            if let Some(c) = self.parse_config(blob) {
                return Ok(Some(c));
            }
            match commit.parent(0) {
                Ok(p) => commit = p,
                Err(_) => return Ok(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use crate::store::{init_repository, FileWrite};

    /// The first commit is found through first parents only, and the remembered answer is
    /// reused from the tip it was computed for, ignored when it does not apply.
    #[test]
    fn the_first_commit_follows_first_parents() {
        let dir = tempfile::tempdir().unwrap();
        init_repository(dir.path(), true).unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let me = Person::new("Ann", "ann@example.com").unwrap();
        let t = |secs: i64| DateTime::from_timestamp(1_767_225_600 + secs, 0).unwrap();
        let file = |name: &str| FileWrite {
            path: name.into(),
            content: name.into(),
        };
        let a = store.commit(None, &[file("a")], "a", &me, t(100)).unwrap();
        let b = store
            .commit(Some(a), &[file("b")], "b", &me, t(200))
            .unwrap();
        // An older, unrelated root merged in as a second parent.
        let sig = git2::Signature::new(
            "Ann",
            "ann@example.com",
            &git2::Time::new(t(0).timestamp(), 0),
        )
        .unwrap();
        let blob = store.repo.blob(b"other").unwrap();
        let mut tb = store.repo.treebuilder(None).unwrap();
        tb.insert("other", blob, 0o100_644).unwrap();
        let tree = store.repo.find_tree(tb.write().unwrap()).unwrap();
        let other = store
            .repo
            .commit(None, &sig, &sig, "other", &tree, &[])
            .unwrap();
        let other = store.repo.find_commit(other).unwrap();
        let b_commit = store.repo.find_commit(b.0).unwrap();
        let merge = store
            .repo
            .commit(None, &sig, &sig, "merge", &tree, &[&b_commit, &other])
            .unwrap();
        store
            .repo
            .reference(store.branch(), merge, true, "test: merge")
            .unwrap();
        let merge = Tip(merge);
        assert_eq!(store.first_commit_time(merge).unwrap(), t(100));
        let saved = store.state_dir.join(FIRST_COMMIT_FILE);
        assert!(std::fs::read_to_string(&saved)
            .unwrap()
            .starts_with(&merge.to_string()));
        // The remembered answer is used from that tip on (a planted time shows it).
        std::fs::write(&saved, format!("{merge} {} 42\n", a.0)).unwrap();
        let c = store
            .commit(Some(merge), &[file("c")], "c", &me, t(300))
            .unwrap();
        assert_eq!(store.first_commit_time(c).unwrap().timestamp(), 42);
        // One for a tip not on the chain, or garbage, is not.
        std::fs::write(&saved, format!("{} {} 42\n", other.id(), other.id())).unwrap();
        assert_eq!(store.first_commit_time(c).unwrap(), t(100));
        std::fs::write(&saved, "garbage").unwrap();
        assert_eq!(store.first_commit_time(b).unwrap(), t(100));
        assert_eq!(store.first_commit_time(a).unwrap(), t(100));
    }
}
