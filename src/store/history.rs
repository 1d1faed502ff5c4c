//! Reading the branch's history file by file, for `verify` (R63).

use git2::{Oid, Sort};

use super::error::git;
use super::{Store, StoreError, Tip};
use crate::model::config::CONFIG_PATH;
use crate::model::limits::{MAX_CONFIG_BYTES, MAX_EVENT_FILE_BYTES};
use crate::model::TrackerConfig;

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
