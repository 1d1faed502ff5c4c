//! Reading the branch's history: file by file for `verify` (R63), and its first commit for
//! the reports' default window.

use chrono::{DateTime, Utc};
use git2::{Oid, Sort};

use super::error::git;
use super::{Store, StoreError, Tip};
use crate::model::config::CONFIG_PATH;
use crate::model::limits::{MAX_CONFIG_BYTES, MAX_EVENT_FILE_BYTES};
use crate::model::TrackerConfig;

/// The file under `.git/tracker/` remembering the last answer of
/// [`Store::first_commit_time`]: `TIP ROOT SECONDS`.
const FIRST_COMMIT_FILE: &str = "first-commit";

/// A file as a commit of the branch added or changed it.
#[derive(Clone, Debug)]
pub struct Written {
    /// Its path.
    pub path: String,
    /// Its content; empty when the file is larger than any file the tool reads
    /// ([`MAX_EVENT_FILE_BYTES`]), which is then not loaded (the snapshot reports it).
    pub content: Vec<u8>,
    /// The commit.
    pub commit: String,
    /// The commit's author's email.
    pub author_email: String,
    /// The configuration in force before the commit (none for the first commit, or when it
    /// could not be read).
    pub config: Option<TrackerConfig>,
    /// Whether the file existed before the commit (it was changed, not added).
    pub changed: bool,
}

impl Store {
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

    /// Every file each commit reachable from `tip` wrote, oldest commits first. A file a merge
    /// brings from another parent is attributed to the commit that wrote it there, not to the
    /// merge.
    pub fn written_files(&self, tip: Tip) -> Result<Vec<Written>, StoreError> {
        let mut walk = self.repo.revwalk().map_err(git("walking the history"))?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(git("walking"))?;
        walk.push(tip.0).map_err(git("walking"))?;
        let mut out = Vec::new();
        for oid in walk {
            let oid: Oid = oid.map_err(git("walking"))?;
            let commit = self
                .repo
                .find_commit(oid)
                .map_err(git("reading a commit"))?;
            let tree = commit.tree().map_err(git("reading a tree"))?;
            let parents: Vec<git2::Tree<'_>> = commit
                .parents()
                .map(|p| p.tree())
                .collect::<Result<_, _>>()
                .map_err(git("reading a tree"))?;
            let config = parents.first().and_then(|t| {
                let e = t.get_path(std::path::Path::new(CONFIG_PATH)).ok()?;
                let blob = super::read_bounded(&self.repo, e.id(), MAX_CONFIG_BYTES, CONFIG_PATH)
                    .ok()?
                    .ok()?;
                TrackerConfig::from_toml(blob.content()).ok()
            });
            // What changed against the first parent (an empty tree for the first commit),
            // less what another parent already had: a merge does not write what it brings.
            let diff = self
                .repo
                .diff_tree_to_tree(parents.first(), Some(&tree), None)
                .map_err(git("comparing trees"))?;
            let mut wrote = Vec::new();
            for delta in diff.deltas() {
                if delta.status() == git2::Delta::Deleted {
                    continue;
                }
                let file = delta.new_file();
                let Some(path) = file.path().map(|p| p.to_string_lossy().into_owned()) else {
                    continue;
                };
                let from_other = parents.iter().skip(1).any(|t| {
                    t.get_path(std::path::Path::new(&path))
                        .is_ok_and(|e| e.id() == file.id())
                });
                if !from_other {
                    wrote.push((path, file.id(), delta.status() == git2::Delta::Modified));
                }
            }
            let author_email = commit.author().email().unwrap_or_default().to_owned();
            for (path, id, changed) in wrote {
                let content =
                    match super::read_bounded(&self.repo, id, MAX_EVENT_FILE_BYTES, &path)? {
                        Ok(blob) => blob.content().to_vec(),
                        Err(_too_large) => Vec::new(),
                    };
                out.push(Written {
                    changed,
                    path,
                    content,
                    commit: oid.to_string(),
                    author_email: author_email.clone(),
                    config: config.clone(),
                });
            }
        }
        Ok(out)
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
